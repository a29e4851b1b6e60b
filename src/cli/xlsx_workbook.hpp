// Sheets of text written as an .xlsx workbook with libxlsxwriter (Debian's libxlsxwriter-dev). In
// the command line only: the library's layers are also built for the browser, which has no
// libxlsxwriter.
#pragma once

#include <string>
#include <vector>

#include "tne/survey_form.hpp"

namespace tne::cli {

// Writes `sheets` to `path` atomically, every cell as text. The same sheets give the same bytes: the
// workbook's creation time is fixed. Throws WriteError when the file cannot be written.
void write_xlsx(const std::string& path, const std::vector<FormSheet>& sheets);

}  // namespace tne::cli
