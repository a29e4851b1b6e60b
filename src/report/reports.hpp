// The report builders: each turns a result into one format-neutral document (report/document.hpp),
// which render/emit.hpp writes as text, Markdown or HTML. Builders arrange; the result types hold
// every figure they show.
#pragma once

#include "report/document.hpp"
#include "tne/cohort.hpp"
#include "tne/text.hpp"

namespace tne {

// ---- The cohort summary (tne batch --summary) ---------------------------------------------------

// A heat map of thousands of rows helps nobody and makes a page no one can print: the summary's
// table of institutions shows the first ones, and says so; the records (--records) hold them all.
inline constexpr size_t kSummaryInstitutionRows = 200;

doc::Document summary_report(const CohortSummary& summary, Lang lang, const ReportDate& date);

// ---- end of the cohort summary --------------------------------------------------------------------

}  // namespace tne
