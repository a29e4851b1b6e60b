// The report builders: each turns a result into one format-neutral document (report/document.hpp),
// which render/emit.hpp writes as text, Markdown or HTML. Builders arrange; the result types hold
// every figure they show. JSON is written separately: it is a documented contract.
#pragma once

#include <optional>

#include "report/document.hpp"
#include "tne/assessment.hpp"
#include "tne/cohort.hpp"
#include "tne/plan.hpp"
#include "tne/profile_diff.hpp"
#include "tne/rubric_check.hpp"
#include "tne/rubric_diff.hpp"

namespace tne::report {

// tne assess: the assessment report.
struct ReportOptions {
    Lang lang = Lang::en;
    // Everything, with the trace behind every point: every recommendation, every way the advice would
    // change, every answer without evidence, and how each score and fit was reached. Without it, the
    // report says how many more there are (the text report without --explain).
    bool explain = false;
    std::optional<ReportDate> date;  // the report's date, shown under the title
};
doc::Document assessment(const Assessment& assessment, const ReportOptions& options);

// tne plan: the steps to the target model from the assessment `now`, and where they lead. With
// `annex_titles` (Markdown, HTML) each Annex section cited shows its title beside its number.
doc::Document plan(const Plan& plan, const Assessment& now, Lang lang, bool annex_titles);

// tne diff: the progress between two self-assessments of one institution.
// With `annex_titles` (Markdown, HTML) each blocker's Annex section shows its title beside its number.
doc::Document progress(const AssessmentDiff& diff, Lang lang, bool annex_titles);

// tne rubrics diff: what a change to a rubric set moves in a corpus of profiles.
doc::Document rubric_diff(const RubricDiff& diff, Lang lang);

// tne rubrics check, for a person (Markdown, HTML); tools read its other formats.
doc::Document check(const CheckReport& report, Lang lang);

// The cohort summary (tne batch --summary). A heat map of thousands of rows helps nobody and makes
// a page no one can print: its table of institutions shows the first ones, and says so; the
// records (--records) hold them all.
inline constexpr size_t kSummaryInstitutionRows = 200;
doc::Document summary(const CohortSummary& summary, Lang lang, const ReportDate& date);

}  // namespace tne::report
