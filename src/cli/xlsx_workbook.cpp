#include "xlsx_workbook.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string_view>
#include <vector>

#include "tne/output.hpp"

namespace tne::cli {

namespace {

// Excel's most characters in a cell, and rows in a sheet.
constexpr size_t kMaxCellText = 32767;
constexpr size_t kMaxRows = 1048576;

std::string cell_text(std::string_view text) {
    if (text.size() <= kMaxCellText) return std::string(text);
    size_t end = kMaxCellText - 3;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // a whole character
    return std::string(text.substr(0, end)) + "…";
}

time_t midnight_utc(const ReportDate& date) {
    std::tm day{};
    day.tm_year = date.year - 1900;
    day.tm_mon = date.month - 1;
    day.tm_mday = date.day;
    return timegm(&day);
}

// libxlsxwriter reports a failure on standard error itself, in English and naming its scratch file;
// tne reports it once, in the run's language (WriteError), so while it lasts those lines go nowhere.
class QuietStandardError {
public:
    QuietStandardError() {
        std::fflush(stderr);
        saved_ = ::dup(STDERR_FILENO);
        int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (saved_ >= 0 && null >= 0) ::dup2(null, STDERR_FILENO);
        if (null >= 0) ::close(null);
    }
    ~QuietStandardError() {
        std::fflush(stderr);
        if (saved_ < 0) return;
        ::dup2(saved_, STDERR_FILENO);
        ::close(saved_);
    }
    QuietStandardError(const QuietStandardError&) = delete;
    QuietStandardError& operator=(const QuietStandardError&) = delete;

private:
    int saved_ = -1;
};

}  // namespace

struct XlsxWorkbook::Book {
    std::string path;
    AtomicFile target;
    ScratchFile scratch;  // libxlsxwriter's file
    lxw_workbook* workbook = nullptr;
    std::vector<lxw_worksheet*> sheets;
    lxw_format* bold = nullptr;  // made when first used: a format no cell uses would still be written

    Book(std::string target_path, const ReportDate& created, Memory memory)
        : path(std::move(target_path)), target(path), scratch(path, ".xlsx") {
        lxw_workbook_options options{};
        options.constant_memory = memory == Memory::row_by_row ? LXW_TRUE : LXW_FALSE;
        workbook = workbook_new_opt(scratch.path().c_str(), &options);
        if (!workbook) throw WriteError(path, ENOMEM);
        lxw_doc_properties properties{};
        properties.created = midnight_utc(created);
        workbook_set_properties(workbook, &properties);
    }

    ~Book() {
        if (workbook) lxw_workbook_free(workbook);
    }

    lxw_worksheet* sheet_for_row(size_t sheet, size_t row) const {
        if (row >= kMaxRows) throw WriteError(path, EFBIG);  // more rows than a sheet has
        return sheets.at(sheet);
    }
};

XlsxWorkbook::XlsxWorkbook(std::string path, const ReportDate& created, Memory memory)
    : book_(std::make_unique<Book>(std::move(path), created, memory)) {}

XlsxWorkbook::~XlsxWorkbook() = default;

size_t XlsxWorkbook::add_sheet(const std::string& name) {
    book_->sheets.push_back(workbook_add_worksheet(book_->workbook, name.c_str()));
    return book_->sheets.size() - 1;
}

void XlsxWorkbook::text(size_t sheet, size_t row, size_t column, const std::string& value, bool bold) {
    lxw_worksheet* worksheet = book_->sheet_for_row(sheet, row);
    if (value.empty()) return;
    if (bold && !book_->bold) {
        book_->bold = workbook_add_format(book_->workbook);
        format_set_bold(book_->bold);
    }
    worksheet_write_string(worksheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                           cell_text(value).c_str(), bold ? book_->bold : nullptr);
}

void XlsxWorkbook::number(size_t sheet, size_t row, size_t column, double value) {
    worksheet_write_number(book_->sheet_for_row(sheet, row), static_cast<lxw_row_t>(row),
                           static_cast<lxw_col_t>(column), value, nullptr);
}

void XlsxWorkbook::freeze_first_row(size_t sheet) { worksheet_freeze_panes(book_->sheets.at(sheet), 1, 0); }

void XlsxWorkbook::commit() {
    Book& book = *book_;
    lxw_error closed = LXW_NO_ERROR;
    int error = 0;
    {
        QuietStandardError quiet;
        errno = 0;
        closed = workbook_close(book.workbook);  // frees the workbook, written or not
        error = errno;
    }
    book.workbook = nullptr;
    if (closed == LXW_ERROR_MEMORY_MALLOC_FAILED) throw WriteError(book.path, ENOMEM);
    // A file the system would not create, read or write: errno still holds why (a full disk, a size
    // limit). Any other failure is libxlsxwriter's own.
    bool system = closed == LXW_ERROR_CREATING_XLSX_FILE || closed == LXW_ERROR_CREATING_TMPFILE ||
                  closed == LXW_ERROR_READING_TMPFILE || closed == LXW_ERROR_ZIP_FILE_OPERATION;
    if (closed != LXW_NO_ERROR) throw WriteError(book.path, system && error != 0 ? error : EIO);
    std::ifstream in(book.scratch.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) throw WriteError(book.path, EIO);
    book.target.write(bytes);
    book.target.commit();
}

}  // namespace tne::cli
