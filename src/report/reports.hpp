// The builders of the reports people read: each turns a result into a format-neutral Document
// (report/document.hpp) that one emitter per format writes (render/emit.hpp). A builder says what the
// result holds, in the report's words (report_words.hpp); it computes nothing of its own.
#pragma once

#include <optional>

#include "report/document.hpp"
#include "tne/assessment.hpp"

namespace tne::report {

// ---- The assessment report (tne assess) -----------------------------------------------------------

struct ReportOptions {
    Lang lang = Lang::en;
    // Everything, with the trace behind every point: every recommendation, every way the advice would
    // change, every answer without evidence, and how each score and fit was reached. Without it, the
    // report says how many more there are (the text report without --explain).
    bool explain = false;
    std::optional<ReportDate> date;  // the report's date, shown under the title
};

doc::Document assessment_report(const Assessment& assessment, const ReportOptions& options);

// ---- End of the assessment report -------------------------------------------------------------------

}  // namespace tne::report
