// The assessment report in the formats people read: one builder (report/assessment_report.cpp),
// one emitter per format (render/emit.hpp). Text is the summary unless --explain; Markdown and HTML
// always carry the whole report with the trace behind every point (HTML folds the long parts).
#include "render/emit.hpp"
#include "report/reports.hpp"
#include "tne/render.hpp"

namespace tne {

std::string render_text(const Assessment& assessment, const TextOptions& options) {
    // The text report is dated by its evidence review: the day the evidence's age is counted to.
    std::optional<ReportDate> date;
    if (assessment.evidence) date = assessment.evidence->date;
    return render::emit(report::assessment(assessment, {options.lang, options.explain, date}),
                        render::HumanFormat::text, {options.width, options.color});
}

std::string render_markdown(const Assessment& assessment, Lang lang, const ReportDate& date) {
    return render::emit(report::assessment(assessment, {lang, true, date}), render::HumanFormat::markdown);
}

std::string render_html(const Assessment& assessment, Lang lang, const ReportDate& date) {
    return render::emit(report::assessment(assessment, {lang, true, date}), render::HumanFormat::html);
}

}  // namespace tne
