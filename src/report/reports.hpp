// Every human-readable report as one document, built once and emitted in text, Markdown or HTML
// (render/emit.hpp). JSON is written separately: it is a documented contract.
#pragma once

#include "report/document.hpp"
#include "tne/plan.hpp"
#include "tne/profile_diff.hpp"
#include "tne/rubric_diff.hpp"

namespace tne::report {

// tne plan: the steps to the target model from the assessment `now`, and where they lead.
doc::Document plan(const Plan& plan, const Assessment& now, Lang lang);

// tne rubrics diff: what a change to a rubric set moves in a corpus of profiles.
doc::Document rubric_diff(const RubricDiff& diff, Lang lang);

// tne diff: the progress between two self-assessments of one institution.
doc::Document progress(const AssessmentDiff& diff, Lang lang);

}  // namespace tne::report
