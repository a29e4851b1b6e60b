// Words the report formats share (HTML, Markdown), worded as the text report words them so every
// format reads alike. Each exists in English and Spanish.
#pragma once

#include <optional>
#include <string>

#include "tne/assessment.hpp"

namespace tne::words {

inline const char* tr(Lang lang, const char* en, const char* es) { return lang == Lang::es ? es : en; }

std::string score(const std::optional<double>& score);  // "62", or "–" when unknown
std::string score_of_100(const std::optional<double>& score, Lang lang);  // "62/100", "no answers"
std::string percent(double share);  // 0.984 -> "98%"
std::string level(const Level* level, Lang lang);
std::string blockers(size_t count, Lang lang);  // "feasible now", "1 blocker", "3 blockers"
std::string effort(Effort effort, Lang lang);
std::string horizon(Horizon horizon, Lang lang);
// An answer in words: choice labels in the report's language, lists joined, "unanswered".
std::string answer(const RubricSet& rubric, const std::string& path, const Value& value, Lang lang);
// What-if: "What-if: 2 answers are simulated (--set), not from the file".
std::string simulated_heading(size_t count, Lang lang);
// "Co-funding proposal (funding.co_funding): No → Yes".
std::string simulated_change(const Assessment& assessment, const SimulatedAnswer& simulated, Lang lang);
// "3.5/5 points", or why an unanswered criterion does not count.
std::string points(const CriterionResult& criterion, Lang lang);

// Evidence (Annex 4.1.7, 4.4)
std::string months(int count, Lang lang);  // "1 month", "27 months"
// How confidence counts an answer, with the review's date and maximum age.
std::string confidence_rule(const EvidenceReview& review, Lang lang);
// For a profile without evidence: how to give it (evidence_hint, then evidence_form).
std::string evidence_hint(Lang lang);
std::string evidence_form(Lang lang);  // "{value: ..., evidence: {source: ..., date: YYYY-MM-DD, owner: ...}}"
// "4 answers with fresh evidence · 2 with stale evidence · 47 without evidence"
std::string evidence_counts(const EvidenceReview& review, Lang lang);
// "Evidence older than 12 months", "Dated after 2026-11-23 (check the date; counted as fresh)"
std::string stale_title(const EvidenceReview& review, Lang lang);
std::string dated_after_title(const EvidenceReview& review, Lang lang);

}  // namespace tne::words
