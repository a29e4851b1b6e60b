// An .xlsx workbook's sheet read as rows of text cells, as the CSV reader gives them: Debian's
// libzip opens the archive and expat parses its XML as it is inflated, so a sheet of any length
// streams. Each part read whole (the workbook, its relationships, the styles, the shared strings)
// is checked against the input limit before it is inflated, and counted while it is.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tne/survey.hpp"

namespace tne {

class XlsxRows : public SurveyExport::Rows {
public:
    // The sheet named `sheet`, or the first when it is empty. Throws InputError naming the file
    // when it is not a workbook, or has no such sheet (listing those it has).
    XlsxRows(const std::string& file, const std::string& sheet);
    ~XlsxRows() override;
    std::optional<CsvRow> next() override;
    const std::string& sheet_name() const { return sheet_; }

    struct Parse;  // the sheet's XML parser and what it has found so far

private:
    std::string file_;
    std::string sheet_;
    std::unique_ptr<Parse> parse_;
};

// "C7": the column letters and the row number of a cell (1-based).
std::string cell_reference(int row, int column);

}  // namespace tne
