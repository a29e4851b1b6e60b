// Batch records as an .xlsx workbook for consultants (`tne batch ... -o records.xlsx`): a sheet of
// records, the CSV records' columns with numbers as numeric cells and the header row frozen, and a
// sheet with the cohort summary. Written as an XlsxWorkbook (xlsx_workbook.hpp): atomically, and the
// same input and date give the same bytes.
#pragma once

#include <memory>
#include <string>

#include "tne/cohort.hpp"

namespace tne::cli {

class XlsxRecords {
public:
    // `grouped`: the records have the respondents' columns (records_begin). `date` is the workbook's
    // creation date, written into its properties: a fixed date keeps the output the same.
    XlsxRecords(std::string path, const RubricSet& rubric, bool grouped, const ReportDate& date, Lang lang);
    ~XlsxRecords();
    XlsxRecords(const XlsxRecords&) = delete;
    XlsxRecords& operator=(const XlsxRecords&) = delete;

    // One record, as render_record or render_failed_record write it in CSV.
    void add(const std::string& csv_record);
    // Writes the summary sheet, closes the workbook and puts it in place; throws WriteError.
    void commit(const CohortSummary& summary);

private:
    struct Workbook;
    std::unique_ptr<Workbook> book_;
};

}  // namespace tne::cli
