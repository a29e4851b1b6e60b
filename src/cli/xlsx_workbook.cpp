#include "xlsx_workbook.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "tne/output.hpp"

namespace tne::cli {

namespace {

// 2024-12-01 00:00 UTC, the month of the Annex: a fixed creation time, so that the same sheets give
// the same bytes (libxlsxwriter stamps the zip entries with it too).
constexpr time_t kCreated = 1733011200;

// A temporary file libxlsxwriter writes to; removed when it goes.
struct TemporaryPath {
    std::string path;
    TemporaryPath() {
        std::string pattern = (std::filesystem::temp_directory_path() / "tne-xlsx-XXXXXX").string();
        int fd = mkstemp(pattern.data());
        if (fd < 0) throw WriteError(pattern, errno);
        close(fd);
        path = pattern;
    }
    ~TemporaryPath() { std::remove(path.c_str()); }
    TemporaryPath(const TemporaryPath&) = delete;
    TemporaryPath& operator=(const TemporaryPath&) = delete;
};

}  // namespace

void write_xlsx(const std::string& path, const std::vector<FormSheet>& sheets) {
    TemporaryPath temporary;
    lxw_workbook* workbook = workbook_new(temporary.path.c_str());
    if (!workbook) throw WriteError(path, ENOMEM);
    lxw_doc_properties properties{};
    properties.created = kCreated;
    workbook_set_properties(workbook, &properties);
    for (const FormSheet& sheet : sheets) {
        lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.name.c_str());
        for (size_t r = 0; r < sheet.rows.size(); ++r)
            for (size_t c = 0; c < sheet.rows[r].size(); ++c)
                if (!sheet.rows[r][c].empty())
                    worksheet_write_string(worksheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                           sheet.rows[r][c].c_str(), nullptr);
    }
    if (workbook_close(workbook) != LXW_NO_ERROR) throw WriteError(path, EIO);
    // Read back and put in place as every output is: atomically, removed if a signal ends the run.
    std::ifstream in(temporary.path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) throw WriteError(path, EIO);
    write_file_atomically(path, bytes);
}

}  // namespace tne::cli
