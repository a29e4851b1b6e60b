// An .xlsx workbook of sheets of text and number cells, written with libxlsxwriter (Debian's
// libxlsxwriter-dev) and put in place as every output is: atomically (tne/output.hpp). The XLSForm of
// `tne survey form` and the records of `tne batch -o FILE.xlsx` are written with it. In the command
// line only: the library's layers are also built for the browser, which has no libxlsxwriter.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "tne/text.hpp"

namespace tne::cli {

class XlsxWorkbook {
public:
    enum class Memory {
        whole,       // the workbook is held until commit: cells may be written in any order
        row_by_row,  // a sheet's rows must come in order, and only the last is held (many records);
                     // the bytes differ: each text is kept in its cell, not in a table of shared texts
    };

    // `created`, the creation date written into the workbook's properties, midnight UTC (libxlsxwriter
    // dates the files inside it 1980-01-01): a fixed date keeps the same cells the same bytes.
    // libxlsxwriter writes to a scratch file beside `path`, removed when the workbook goes. Throws
    // WriteError when it, or the target's temporary file, cannot be made.
    XlsxWorkbook(std::string path, const ReportDate& created, Memory memory);
    ~XlsxWorkbook();
    XlsxWorkbook(const XlsxWorkbook&) = delete;
    XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

    // A new sheet, after the others; its number (0, 1, ...) names it in the calls below.
    size_t add_sheet(const std::string& name);

    // An empty text makes no cell; a text longer than Excel allows in a cell is cut there, with "…".
    // A row beyond a sheet's last (1,048,576) throws WriteError (EFBIG).
    void text(size_t sheet, size_t row, size_t column, const std::string& value, bool bold = false);
    void number(size_t sheet, size_t row, size_t column, double value);
    // The first row stays in view as the others scroll.
    void freeze_first_row(size_t sheet);

    // Closes the workbook and puts it in place; throws WriteError. Destroyed uncommitted, it leaves
    // the target as it was.
    void commit();

private:
    struct Book;
    std::unique_ptr<Book> book_;
};

}  // namespace tne::cli
