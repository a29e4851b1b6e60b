// The Assessment: one complete, sorted result from which every output format is rendered.
// Renderers never compute; everything they show is here, with the trace behind each number
// (blocker texts are composed from it on demand).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tne/profile.hpp"
#include "tne/rubric.hpp"

namespace tne {

struct CriterionResult {
    const Criterion* criterion = nullptr;
    const Question* question = nullptr;
    Value value;                 // monostate when unknown
    std::optional<double> score; // 0-100 as the rule gives it; none when unknown
    std::string matched;         // the rule step that applied: "partial", ">= 25"
    double points = 0;
    double max_points = 0;
};

struct DimensionResult {
    const Dimension* dimension = nullptr;
    std::optional<double> score;  // over the known criteria; none when no answer is known
    const Level* level = nullptr;
    double coverage = 0;          // share of the criteria's weight that is answered, 0-1
    double points = 0;
    double max_points = 0;        // of the known criteria
    std::vector<CriterionResult> criteria;
};

// An unmet requirement of a model. Its text is composed when shown (blocker_text): a batch that
// writes records never shows one, and each profile has dozens.
struct Blocker {
    const Condition* condition = nullptr;
};

struct FitTerm {
    const Dimension* dimension = nullptr;
    double weight = 0;
    std::optional<double> score;
};

struct ModelResult {
    const Model* model = nullptr;
    double fit = 0;
    bool feasible = false;
    std::vector<FitTerm> fit_terms;
    std::vector<const ContextAdjustment*> adjustments;  // the context adjustments that applied
    std::vector<Blocker> blockers;
};

struct RecommendationResult {
    int rank = 0;
    const Criterion* criterion = nullptr;
    const Dimension* dimension = nullptr;
    double gain = 0;             // overall readiness points if the gap were closed
    bool lifts_blocker = false;  // closing it helps lift a blocker of the suggested model
};

// An answer of the institution block other than name and type, shown as context.
struct InstitutionFact {
    const Question* question = nullptr;
    Value value;
};

struct UnansweredQuestion {
    const Question* question = nullptr;
    const Dimension* dimension = nullptr;
    double coverage_gain = 0;  // overall coverage points if it were answered
};

// How far one dimension's score must move, all else equal, to change the result: whole points,
// the smallest that do it; none when no score in 0-100 does.
struct ScoreShift {
    double points = 0;  // signed: + up, - down
    const Level* level = nullptr;  // the overall level reached (level shifts)
    const Model* model = nullptr;  // the model then suggested (model shifts)
};

struct DimensionSensitivity {
    const Dimension* dimension = nullptr;
    std::optional<double> score;           // none: unanswered, so nothing to move
    std::optional<ScoreShift> next_level;  // up to the overall readiness level above
    std::optional<ScoreShift> model_up;    // up until another model is suggested
    std::optional<ScoreShift> model_down;  // down until another model is suggested
};

// The review of a profile's evidence on a date. The Annex asks institutions to set KPIs and review
// them regularly (4.1.7, 4.4): evidence older than the maximum age is due for review.
inline constexpr int kDefaultEvidenceMaxAge = 12;  // months: a yearly review

struct DatedEvidence {
    const Evidence* evidence = nullptr;
    const Dimension* dimension = nullptr;  // whose criterion scores the answer; none when none does
    int age_months = 0;                    // whole months to the review's date; negative after it
};

struct MissingEvidence {
    const Question* question = nullptr;
    const Dimension* dimension = nullptr;
};

// A dimension's known answers by their evidence, counted per criterion as confidence weighs them.
struct DimensionEvidence {
    double confidence = 0;  // 0-1
    int fresh = 0;          // with evidence no older than the maximum age (or dated after the review)
    int stale = 0;
    int missing = 0;
};

// Confidence is coverage with answers weighed by their evidence: an answer counts fully with fresh
// evidence, half without evidence or with stale evidence, not at all when unknown.
struct EvidenceReview {
    ReportDate date;
    int max_age_months = kDefaultEvidenceMaxAge;
    double confidence = 0;                      // 0-1, weighted by dimension as coverage is
    std::vector<DimensionEvidence> dimensions;  // as Assessment::dimensions
    DimensionEvidence totals;                   // the dimensions' counts added up (confidence: as above)
    std::vector<MissingEvidence> missing;       // known answers scored by a criterion; rubric order
    std::vector<DatedEvidence> stale;           // older than the maximum age; rubric order
    std::vector<DatedEvidence> dated_after;     // after the review's date: a likely typo; counted fresh

    bool any_scored_evidence() const { return totals.fresh + totals.stale > 0; }
};

// Holds pointers into its own `models`, so it moves but never copies.
struct Assessment {
    Assessment() = default;
    Assessment(Assessment&&) = default;
    Assessment& operator=(Assessment&&) = default;
    Assessment(const Assessment&) = delete;
    Assessment& operator=(const Assessment&) = delete;

    const RubricSet* rubric = nullptr;
    Profile profile;  // the answers assessed; profile.source names them
    std::string institution_name;
    std::string institution_type;
    std::vector<InstitutionFact> institution_facts;  // rubric order
    std::optional<double> overall;
    const Level* level = nullptr;
    double coverage = 0;
    std::vector<DimensionResult> dimensions;          // rubric order
    std::vector<RecommendationResult> recommendations;  // rank order
    std::vector<ModelResult> models;                   // rubric order
    const ModelResult* suggested = nullptr;
    std::vector<const ModelResult*> pathway;  // stepping stones, ending with the suggested model
    std::vector<UnansweredQuestion> unanswered;
    std::vector<DimensionSensitivity> sensitivity;  // rubric order; filled by measure_sensitivity
    // Filled by review_evidence, apart from assess: `tne batch` does without it.
    std::optional<EvidenceReview> evidence;

    const ModelResult* find_model(const std::string& id) const;
};

Assessment assess(Profile profile, const RubricSet& rubric);

// Fills `sensitivity`: for each dimension, the points that would change the overall level or the
// suggested model. A report asks for it; a batch, which never shows it, does not pay for it.
void measure_sensitivity(Assessment& assessment);

// The evidence of the assessment's answers on `date`: evidence is stale when `date` is later than
// its own date plus `max_age_months` (so on exactly that day it is still fresh).
EvidenceReview review_evidence(const Assessment& assessment, const ReportDate& date,
                               int max_age_months = kDefaultEvidenceMaxAge);

// "Language and culture: 32/100; needs at least 50: ... (Annex 3.2)".
std::string blocker_text(const Blocker& blocker, const Assessment& assessment, Lang lang);

}  // namespace tne
