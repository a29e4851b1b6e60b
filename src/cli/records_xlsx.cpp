// Batch records as an .xlsx workbook: the CSV records' cells, each column's kind known by its id (a
// column tne fills with numbers is written as numbers; every other cell stays text, whatever it
// looks like), and the cohort report's tables on a second sheet. libxlsxwriter runs in its
// constant-memory mode, so a workbook of many records holds one row at a time, and writes to a
// scratch file beside the target, whose bytes then go through an AtomicFile.
#include "records_xlsx.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tne/batch.hpp"
#include "tne/output.hpp"
#include "tne/survey.hpp"

namespace tne::cli {

namespace {

// Excel's most characters in a cell; a longer text (a failed record's errors) is cut there.
constexpr size_t kMaxCellText = 32767;
constexpr lxw_row_t kMaxRows = 1048576;

std::string cell_text(std::string_view text) {
    if (text.size() <= kMaxCellText) return std::string(text);
    size_t end = kMaxCellText - 3;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // a whole character
    return std::string(text.substr(0, end)) + "…";
}

// The CSV records neutralise a text cell that a spreadsheet would run as a formula with a leading
// "'" (docs/batch.md); a workbook's text cell is never a formula, so it gets its text back.
std::string unneutralised(const std::string& text) {
    if (text.size() >= 2 && text[0] == '\'' && std::string_view("=+-@\t\r").find(text[1]) != std::string_view::npos)
        return text.substr(1);
    return text;
}

// The columns tne fills with numbers.
bool numeric_column(const std::string& id) {
    return id == "entry" || id == "line" || id == "overall" || id == "coverage" || id == "respondents" ||
           id.rfind("score.", 0) == 0;
}

std::vector<std::string> csv_cells(const std::string& line) {
    std::istringstream in(line);
    CsvReader reader(in);
    std::vector<std::string> cells;
    if (auto row = reader.next())
        for (auto& cell : row->cells) cells.push_back(std::move(cell.text));
    return cells;
}

std::optional<double> number_of(std::string text) {
    if (!text.empty() && text.back() == '%') text.pop_back();
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    errno = 0;
    double value = std::strtod(text.c_str(), &end);
    if (errno != 0 || end != text.c_str() + text.size()) return std::nullopt;
    return value;
}

time_t midnight_utc(const ReportDate& date) {
    std::tm day{};
    day.tm_year = date.year - 1900;
    day.tm_mon = date.month - 1;
    day.tm_mday = date.day;
    return timegm(&day);
}

}  // namespace

struct XlsxRecords::Workbook {
    std::string path;
    std::string scratch;  // libxlsxwriter's file, beside the target
    AtomicFile target;
    const RubricSet& rubric;
    Lang lang;
    ReportDate date;
    lxw_workbook* book = nullptr;
    lxw_worksheet* records = nullptr;
    lxw_worksheet* summary = nullptr;
    lxw_format* bold = nullptr;
    std::vector<bool> numeric;  // by column of the records
    lxw_row_t row = 0;

    Workbook(std::string target_path, const RubricSet& set, Lang language, const ReportDate& day)
        : path(std::move(target_path)), target(path), rubric(set), lang(language), date(day) {
        namespace fs = std::filesystem;
        fs::path where(path);
        fs::path directory = where.has_parent_path() ? where.parent_path() : fs::path(".");
        std::string pattern = (directory / ("." + where.filename().string() + ".xlsx-XXXXXX")).string();
        int fd = ::mkstemp(pattern.data());
        if (fd < 0) throw WriteError(path, errno);
        ::close(fd);
        scratch = pattern;
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        book = workbook_new_opt(scratch.c_str(), &options);
        if (!book) throw WriteError(path, ENOMEM);
        lxw_doc_properties properties{};
        properties.created = midnight_utc(date);
        workbook_set_properties(book, &properties);
        bold = workbook_add_format(book);
        format_set_bold(bold);
        records = workbook_add_worksheet(book, lang == Lang::es ? "Registros" : "Records");
        summary = workbook_add_worksheet(book, lang == Lang::es ? "Resumen" : "Summary");
    }

    ~Workbook() {
        if (book) lxw_workbook_free(book);
        std::error_code ignored;
        if (!scratch.empty()) std::filesystem::remove(scratch, ignored);
    }

    void text(lxw_worksheet* sheet, lxw_row_t at, lxw_col_t column, const std::string& value,
              lxw_format* format = nullptr) {
        if (!value.empty()) worksheet_write_string(sheet, at, column, cell_text(value).c_str(), format);
    }

    void header(const std::string& csv) {
        std::vector<std::string> columns = csv_cells(csv);
        for (size_t i = 0; i < columns.size(); ++i) {
            numeric.push_back(numeric_column(columns[i]));
            text(records, 0, static_cast<lxw_col_t>(i), columns[i], bold);
        }
        worksheet_freeze_panes(records, 1, 0);
        row = 1;
    }

    void record(const std::string& csv) {
        if (row >= kMaxRows) throw WriteError(path, EFBIG);  // more records than a sheet has rows
        std::vector<std::string> cells = csv_cells(csv);
        for (size_t i = 0; i < cells.size(); ++i) {
            auto column = static_cast<lxw_col_t>(i);
            if (i < numeric.size() && numeric[i]) {
                if (auto number = number_of(cells[i])) worksheet_write_number(records, row, column, *number, nullptr);
            } else {
                text(records, row, column, unneutralised(cells[i]));
            }
        }
        ++row;
    }

    void write_summary(const CohortSummary& cohort) {
        lxw_row_t at = 0;
        for (const auto& cells : render_summary_sheet(cohort, lang, date)) {
            for (size_t c = 0; c < cells.size(); ++c) {
                auto column = static_cast<lxw_col_t>(c);
                if (cells[c].number)
                    worksheet_write_number(summary, at, column, *cells[c].number, nullptr);
                else
                    text(summary, at, column, cells[c].text, cells[c].heading ? bold : nullptr);
            }
            ++at;
        }
    }
};

XlsxRecords::XlsxRecords(std::string path, const RubricSet& rubric, bool grouped, const ReportDate& date, Lang lang)
    : book_(std::make_unique<Workbook>(std::move(path), rubric, lang, date)) {
    book_->header(records_begin(RecordFormat::csv, rubric, grouped));
}

XlsxRecords::~XlsxRecords() = default;

void XlsxRecords::add(const std::string& csv_record) { book_->record(csv_record); }

void XlsxRecords::commit(const CohortSummary& summary) {
    Workbook& w = *book_;
    w.write_summary(summary);
    lxw_error closed = workbook_close(w.book);  // frees the workbook, written or not
    w.book = nullptr;
    if (closed != LXW_NO_ERROR) throw WriteError(w.path, closed == LXW_ERROR_MEMORY_MALLOC_FAILED ? ENOMEM : EIO);
    std::ifstream in(w.scratch, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) throw WriteError(w.path, EIO);
    w.target.write(bytes);
    w.target.commit();
}

}  // namespace tne::cli
