// Views of an Assessment. Each renderer only formats; the numbers come from the Assessment.
#pragma once

#include <string>

#include "tne/assessment.hpp"
#include "tne/plan.hpp"

namespace tne {

struct TextOptions {
    Lang lang = Lang::en;
    bool color = false;
    bool explain = false;  // show the trace behind every point
    int width = 80;
};

std::string render_text(const Assessment& assessment, const TextOptions& options);
std::string render_json(const Assessment& assessment, Lang lang);
// A self-contained HTML page (no scripts, nothing fetched) with charts; prints on A4.
std::string render_html(const Assessment& assessment, Lang lang, const ReportDate& date);
// The same content as GitHub-flavoured Markdown, without raw HTML.
std::string render_markdown(const Assessment& assessment, Lang lang, const ReportDate& date);

// A plan (tne plan) from the assessment `now` it starts from.
std::string render_plan_text(const Plan& plan, const Assessment& now, const TextOptions& options);
std::string render_plan_json(const Plan& plan, const Assessment& now, Lang lang);
std::string render_plan_markdown(const Plan& plan, const Assessment& now, Lang lang);
std::string render_plan_html(const Plan& plan, const Assessment& now, Lang lang);

// The profile's JSON Schema (draft 2020-12), derived from the rubric set's questions.
// One per language: titles, descriptions and value labels in `lang` (what editors show).
std::string render_profile_schema(const RubricSet& rubric, Lang lang = Lang::en);

}  // namespace tne
