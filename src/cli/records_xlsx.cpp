// Batch records as an .xlsx workbook: the CSV records' cells, each column's kind known by its id (a
// column tne fills with numbers is written as numbers; every other cell stays text, whatever it
// looks like), and the cohort report's tables on a second sheet. The workbook is written row by row,
// so a workbook of many records holds one row at a time (xlsx_workbook.hpp).
#include "records_xlsx.hpp"

#include <cerrno>
#include <cstdlib>
#include <sstream>

#include "tne/batch.hpp"
#include "tne/survey.hpp"
#include "xlsx_workbook.hpp"

namespace tne::cli {

namespace {

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

}  // namespace

struct XlsxRecords::Workbook {
    XlsxWorkbook book;
    Lang lang;
    ReportDate date;
    size_t records;
    size_t summary;
    std::vector<bool> numeric;  // by column of the records
    size_t row = 0;

    Workbook(std::string path, Lang language, const ReportDate& day)
        : book(std::move(path), day, XlsxWorkbook::Memory::row_by_row),
          lang(language),
          date(day),
          records(book.add_sheet(lang == Lang::es ? "Registros" : "Records")),
          summary(book.add_sheet(lang == Lang::es ? "Resumen" : "Summary")) {}

    void header(const std::string& csv) {
        std::vector<std::string> columns = csv_cells(csv);
        for (size_t i = 0; i < columns.size(); ++i) {
            numeric.push_back(numeric_column(columns[i]));
            book.text(records, 0, i, columns[i], true);
        }
        book.freeze_first_row(records);
        row = 1;
    }

    void record(const std::string& csv) {
        std::vector<std::string> cells = csv_cells(csv);
        for (size_t i = 0; i < cells.size(); ++i) {
            if (i < numeric.size() && numeric[i]) {
                if (auto number = number_of(cells[i])) book.number(records, row, i, *number);
            } else {
                book.text(records, row, i, unneutralised(cells[i]));
            }
        }
        ++row;
    }

    void write_summary(const CohortSummary& cohort) {
        size_t at = 0;
        for (const auto& cells : render_summary_sheet(cohort, lang, date)) {
            for (size_t c = 0; c < cells.size(); ++c) {
                if (cells[c].number)
                    book.number(summary, at, c, *cells[c].number);
                else
                    book.text(summary, at, c, cells[c].text, cells[c].heading);
            }
            ++at;
        }
    }
};

XlsxRecords::XlsxRecords(std::string path, const RubricSet& rubric, bool grouped, const ReportDate& date, Lang lang)
    : book_(std::make_unique<Workbook>(std::move(path), lang, date)) {
    book_->header(records_begin(RecordFormat::csv, rubric, grouped));
}

XlsxRecords::~XlsxRecords() = default;

void XlsxRecords::add(const std::string& csv_record) { book_->record(csv_record); }

void XlsxRecords::commit(const CohortSummary& summary) {
    book_->write_summary(summary);
    book_->book.commit();
}

}  // namespace tne::cli
