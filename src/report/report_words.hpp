// Words the reports share, in English and Spanish: one glossary of report terms (one word per
// concept in each language) and the sentences the reports build from the result types.
// A sentence that cites the Annex takes `annex_titles`: the set whose section titles it writes
// beside the numbers (annex_citation), or none for bare numbers (the text report without --explain).
#pragma once

#include <optional>
#include <string>

#include "tne/assessment.hpp"
#include "tne/plan.hpp"

namespace tne::words {

inline const char* tr(Lang lang, const char* en, const char* es) { return lang == Lang::es ? es : en; }

// The glossary: every label a report shows for a concept, as a table header, a fact or a list label.
// One word per concept and language ("Horizon" is always "Plazo", "Source" always "Fuente").
enum class Term {
    tne_readiness,  // "TNE readiness", the reports' title
    overall_readiness,
    level,
    coverage,
    confidence,
    dimension,
    score,
    model,
    fit,
    status,
    pathway,
    recommendation,
    effort,
    horizon,
    gain,
    annex,
    answer,
    date,
    age,
    owner,
    source,
    rubric_set,
    fresh,
    stale,
    no_evidence,
    evidence,
    suggested_model,
};
const char* term(Term term, Lang lang);

// A score, share or percentile as every human format shows it, by one rule: a whole number, halves
// away from zero ("58" for 58.3, "59" for 58.5). JSON, JSON Lines and CSV keep full precision.
std::string figure(double value);
std::string score(const std::optional<double>& score);                    // "62", or "–" when unknown
std::string score_of_100(const std::optional<double>& score, Lang lang);  // "62/100", "no answers"
std::string percent(double share);                                        // 0.984 -> "98%"
std::string level(const Level* level, Lang lang);
// "no blocker", "1 blocker", "3 blockers": without a blocker a model may still be below the minimum fit.
std::string blockers(size_t count, Lang lang);
std::string effort(Effort effort, Lang lang);
std::string effort_phrase(Effort effort, Lang lang);  // "medium effort", "esfuerzo medio"
std::string horizon(Horizon horizon, Lang lang);
// Plans (tne plan): "1 change", "3 changes"; "2 effort points"; why a blocker cannot be lifted.
std::string changes(size_t count, Lang lang);
std::string effort_points(int points, Lang lang);
std::string unliftable(UnliftableBlocker::Reason reason, Lang lang);
// An answer in words: choice labels in the report's language, lists joined, "unanswered".
std::string answer(const RubricSet& rubric, const std::string& path, const Value& value, Lang lang);
// What-if: "What-if: 2 answers are simulated (--set), not from the file".
std::string simulated_heading(size_t count, Lang lang);
// "Co-funding proposal (funding.co_funding): No → Yes".
std::string simulated_change(const Assessment& assessment, const SimulatedAnswer& simulated, Lang lang);
// "3.5/5 points", or why an unanswered criterion does not count.
std::string points(const CriterionResult& criterion, Lang lang);
std::string signed_points(double points, Lang lang);  // "+2.3 points", "+1 point", "-10 points"

// The assessment report's titles and notes (tne assess).
std::string headline_note(bool with_confidence, Lang lang);  // what coverage (and confidence) mean
std::string dimensions_title(Lang lang);                     // "Readiness by dimension"
std::string dimensions_caption(Lang lang);                   // the radar's table: scores from 0 to 100
std::string models_title(Lang lang);                         // "Fit of each model"
std::string models_note(const Assessment& a, Lang lang);     // the fit's scale, the minimum, the score
std::string models_caption(const Assessment& a, Lang lang);  // the fit chart's table
std::string recommendations_title(Lang lang);                // "What to do first"
std::string gain_note(Lang lang);                            // "Gain: overall readiness points if ..."
// "Language and culture · +2.3 points · medium effort · 6-12 months · Annex 4.1.6"
std::string recommendation_facts(const RecommendationResult& r, Lang lang, const RubricSet* annex_titles);
std::string more_recommendations(size_t count, Lang lang);       // "25 more recommendations"
std::string more_recommendations_hint(size_t count, Lang lang);  // "25 more (--explain shows all)"
std::string unanswered_title(Lang lang);  // "Unanswered questions (they lower coverage, not the score)"
std::string trace_title(Lang lang);       // "How each score was reached"
// "Funding 39/100 = 5.1 / 13 answered points × 100"
std::string dimension_trace(const DimensionResult& d, Lang lang);
// "Funding suffices (Annex 3.1.2): funding.sufficiency = Limited → limited: 40% × 3 = 1.2 points"
std::string criterion_trace(const Assessment& a, const CriterionResult& c, Lang lang, const RubricSet* annex_titles);
std::string fit_trace_title(Lang lang);  // "How each model's fit was reached"
// "COIL: fit 73 = weighted mean of (Digital and online 100×3, ...) +5 (why, Annex 4.3.1.3)"
std::string fit_trace(const ModelResult& m, Lang lang, const RubricSet* annex_titles);

// Evidence (Annex 4.1.7, 4.4)
std::string months(int count, Lang lang);  // "1 month", "27 months"
// How confidence counts an answer, with the review's date and maximum age.
std::string confidence_rule(const EvidenceReview& review, Lang lang, const RubricSet* annex_titles);
// For a profile without evidence: how to give it (evidence_hint, then evidence_form).
std::string evidence_hint(Lang lang);
std::string evidence_form(Lang lang);  // "{value: ..., evidence: {source: ..., date: YYYY-MM-DD, owner: ...}}"
// "4 answers with fresh evidence · 2 with stale evidence · 47 without evidence"
std::string evidence_counts(const EvidenceReview& review, Lang lang);
std::string confidence_line(const EvidenceReview& review, Lang lang,
                            const RubricSet* annex_titles);  // "Confidence 53%. " + the rule
std::string evidence_by_dimension_title(Lang lang);          // "Evidence by dimension"
// "Dedicated budget (funding.dedicated_budget): 2024-08-15, 27 months; owner: ...; source: ..."
std::string dated_evidence(const DatedEvidence& dated, bool with_age, Lang lang);
// "Answers without evidence: 49", with " (--explain lists them)" when they are not listed.
std::string missing_title(size_t count, bool listed, Lang lang);
std::string missing_answer(const Question& question, Lang lang);  // "funding.co_funding — Co-funding proposals"
// "Evidence older than 12 months", "Dated after 2026-11-23 (check the date; counted as fresh)"
std::string stale_title(const EvidenceReview& review, Lang lang);
std::string dated_after_title(const EvidenceReview& review, Lang lang);

// The advice (Annex 4.1.2, 4.3.3): the suggested model and why, the alternatives, the models not for
// now, the assumptions behind it and what would change it. Every report words them alike.
std::string suggested_title(const Assessment& a, Lang lang);  // "Suggested model: Dual degree", "...: none yet"
std::string alternatives_title(Lang lang);
std::string not_for_now_title(Lang lang);
std::string decided_title(Lang lang);  // "How this was decided"
std::string changes_title(Lang lang);  // "What would change the advice"
// A model's standing in a few words: "within reach", "runs, 2 gaps", "blocked (1 blocker)"; the
// suggestion is "suggested (...)", or "suggested first step", never "blocked".
std::string status(const Assessment& a, const ModelResult& m, Lang lang);
// The same, shorter, for a chart's label: "runs", "within reach", "below minimum", "2 blockers".
std::string short_status(const Assessment& a, const ModelResult& m, Lang lang);
std::string fit_and_score(const ModelResult& m, Lang lang);  // "fit 68/100 · score 108"
// "it already runs this TNE programme, ... (Annex 4.4, +15 points)"
std::string reason(const FitReason& reason, Lang lang, const RubricSet* annex_titles);
// Why the suggestion was chosen: a sentence for its basis (best fit, first step, too few answers).
std::string suggestion_basis(const Assessment& a, Lang lang, const RubricSet* annex_titles);
std::string runs_note(const Assessment& a, Lang lang,
                      const RubricSet* annex_titles);  // the suggestion runs: grow and strengthen it
std::string in_favour_title(Lang lang);                // "In its favour:"
std::string against_title(Lang lang);                  // "Against it:"
// What the suggestion still needs, as a list title: "To strengthen", "To do first", "To lift".
std::string gaps_title(const Assessment& a, Lang lang);
// "fit below the minimum (50)", why a model is not for now; for the suggestion (a first step), the
// to-do "Raise its fit, now 28, to the minimum of 50: ...".
std::string fit_below_minimum(const Assessment& a, const ModelResult& m, Lang lang);
bool below_minimum(const Assessment& a, const ModelResult& m);
// Too few answers: the questions to answer first, most coverage first.
std::string answers_needed_title(Lang lang);
std::string unanswered(const UnansweredQuestion& u, Lang lang);  // "Label (path): +2.3% coverage"
inline constexpr size_t kAnswersNeeded = 8;
// "Franchise: fit 72/100 · score 97 · 11.8 points below Dual degree", or a tie broken by id.
std::string alternative(const Assessment& a, const Alternative& alternative, Lang lang);
std::string blockers_title(const ModelResult& m, Lang lang);  // "Blockers:", or "Gaps to strengthen:" when it runs
std::string lacks_title(Lang lang);                           // "It lacks these reasons of the suggestion:"
std::string no_alternative(Lang lang);
// A recommendation that lifts a blocker or gap of the suggestion, or raises its fit to the minimum.
std::string helps_suggestion(Lang lang);  // "helps the suggested model"    // "None: no other model is within reach."
// "Branch campus — fit 74/100 · 3 blockers", "Hybrid — fit 44/100, below the minimum (50)".
std::string not_for_now(const Assessment& a, const ModelResult& m, Lang lang);
std::string thresholds(const Assessment& a, Lang lang,
                       const RubricSet* annex_titles);  // the minimum fit and coverage used
std::string no_assumptions(Lang lang);
std::string assumptions_summary(size_t count, Lang lang);  // "14 rules behind this result rest on an assumption ..."
// "Minimum fit (50) (Annex 4.1.2): A fit below the midpoint ..."
std::string assumption(const Assessment& a, const AppliedAssumption& assumption, Lang lang,
                       const RubricSet* annex_titles);
std::string changes_intro(Lang lang);
std::string no_changes(const Assessment& a, Lang lang);  // none found; with too few answers, answer more
// "Franchise would be suggested if:", "No model would be suggested if:"
std::string change_heading(const AdviceChange& change, Lang lang);
// "Franchise would be suggested", "No model would be suggested"; "1 way", "3 ways" (each model's summary).
std::string change_outcome(const AdviceChange& change, Lang lang);
std::string ways_count(size_t count, Lang lang);
// "Funding suffices: Sufficient → Insufficient and Co-funding: No → Yes"
std::string way(const Assessment& a, const std::vector<ChangedAnswer>& way, Lang lang);
std::string greedy_note(Lang lang);  // "(found by a greedy search of up to 3 changes)"
// "… and 2 more (--explain lists them all)": the text report without --explain.
std::string more_ways(size_t count, Lang lang);
inline constexpr size_t kListedWays = 5;  // per model, in the text report without --explain

// A rubric set as every report names it: "TNE readiness, Mexico (...), v1".
std::string rubric_set(const RubricSet& rubric, Lang lang);

}  // namespace tne::words
