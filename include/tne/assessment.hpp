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
    Value value;                  // monostate when unknown
    std::optional<double> score;  // 0-100 as the rule gives it; none when unknown
    const Band* band = nullptr;   // the band a number or list reached; none for a rule of levels
    double points = 0;
    double max_points = 0;
};

// The rule step that applied, as the JSON and the trace show it: "partial", "≥ 25"; "" when unknown.
std::string matched_step(const CriterionResult& c);

struct DimensionResult {
    const Dimension* dimension = nullptr;
    std::optional<double> score;  // over the known criteria; none when no answer is known
    const Level* level = nullptr;
    double coverage = 0;  // share of the criteria's weight that is answered, 0-1
    double points = 0;
    double max_points = 0;  // of the known criteria
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

// A preference that moved a model's fit: one of its context adjustments, or one of the advice's
// (it runs the model, it builds on one it runs, it is considering it). Points are signed.
struct FitReason {
    double points = 0;
    const LocalText* why = nullptr;
    const std::string* annex = nullptr;
    const Basis* basis = nullptr;
};

// Where a model stands for this institution, best first.
enum class ModelStatus {
    runs,          // it already runs the model: grow or strengthen it; unmet requirements are gaps
    within_reach,  // no blocker and fit at least the minimum
    low_fit,       // no blocker, but fit below the minimum
    blocked,       // at least one unmet requirement
};

struct ModelResult {
    const Model* model = nullptr;
    double fit = 0;    // readiness for the model: the weighted mean of its dimensions, 0-100
    double score = 0;  // what ranks the models: fit plus the points of its reasons (unbounded)
    // The fit as reports show it, a whole number, reaches the advice's minimum: so a report never
    // shows "fit 50" for a model below a minimum of 50.
    bool reaches_min_fit = false;
    bool feasible = false;  // within reach, or runs with at least the minimum fit: a candidate for the suggestion
    ModelStatus status = ModelStatus::blocked;
    std::vector<FitTerm> fit_terms;
    std::vector<FitReason> reasons;  // context adjustments, then the advice's, in rubric order
    std::vector<Blocker> blockers;   // unmet requirements (gaps to strengthen when it runs)
};

struct RecommendationResult {
    int rank = 0;
    const Criterion* criterion = nullptr;
    const Dimension* dimension = nullptr;
    double gain = 0;  // overall readiness points if the gap were closed
    // It serves the suggestion: its answer is read by a requirement the suggested model does not meet
    // yet, or, for a first step below the minimum fit, it scores a dimension of that step's fit.
    bool lifts_blocker = false;
};

// How the suggestion was reached.
enum class SuggestionBasis {
    best_fit,         // the best fit among the models it runs or has within reach
    first_step,       // none within reach: the Annex's first step for this kind of institution
    too_few_answers,  // coverage below the advice's minimum: no model suggested
};

// A model ranked below the suggestion, and why: its fit is lower, and these reasons of the
// suggestion's do not apply to it.
struct Alternative {
    const ModelResult* model = nullptr;
    double score_gap = 0;            // suggestion's score minus this one's; 0 is a tie, broken by id
    std::vector<FitReason> missing;  // the suggestion's positive reasons it lacks
};

// A rule of the rubric set that rests on an assumption rather than the Annex's words, and that
// moved this result: a threshold applied, a blocker, a preference that counted.
struct AppliedAssumption {
    const Basis* basis = nullptr;
    const std::string* annex = nullptr;
    std::string rule;  // what the rule is, for a reader: "dual_degree requires ...", "min_fit"
};

// One answer changed, and the suggestion it leads to (none: no model would be suggested).
struct ChangedAnswer {
    const Question* question = nullptr;
    Value from;  // monostate when unknown
    Value to;
};

// What would change the advice: for each model that some change of answers would make the
// suggestion, the fewest changes found, and whether they were searched exhaustively (one change)
// or greedily (several).
struct AdviceChange {
    const Model* model = nullptr;                  // the new suggestion; none when no model would be suggested
    std::vector<std::vector<ChangedAnswer>> ways;  // each a set of changes leading there, fewest first
    bool exhaustive = true;
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
    // The known answers without evidence whose first scoring criterion is in this dimension (each
    // answer once, as in EvidenceReview::missing), rubric order: what reports list by dimension.
    std::vector<const Question*> without_evidence;
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
    // The answer to each of rubric->questions, by its index there (null: unknown), found once: the
    // scoring reads hundreds of answers a profile. Points into `profile`, which is not changed after;
    // an Assessment is moved, never copied, and a move keeps the answers where they are.
    std::vector<const Answer*> answers_by_question;
    std::string institution_name;
    std::string institution_type;
    std::vector<InstitutionFact> institution_facts;  // rubric order
    std::optional<double> overall;
    const Level* level = nullptr;
    double coverage = 0;
    std::vector<DimensionResult> dimensions;            // rubric order
    std::vector<RecommendationResult> recommendations;  // rank order
    std::vector<ModelResult> models;                    // rubric order
    const ModelResult* suggested = nullptr;
    SuggestionBasis suggestion_basis = SuggestionBasis::best_fit;
    const FirstStep* first_step = nullptr;        // the rule that chose it, when suggestion_basis is first_step
    std::vector<Alternative> alternatives;        // up to the advice's number, best first
    std::vector<const ModelResult*> not_for_now;  // blocked or below the minimum fit, best fit first
    std::vector<const ModelResult*> pathway;      // stepping stones, ending with the suggested model
    std::vector<UnansweredQuestion> unanswered;
    std::vector<AppliedAssumption> assumptions;  // rubric order of the rules; no rule twice
    std::vector<AdviceChange> changes;           // filled by find_advice_changes: the alternatives first, then by id
    // Filled by review_evidence, apart from assess: `tne batch` does without it.
    std::optional<EvidenceReview> evidence;

    const ModelResult* find_model(const std::string& id) const;
};

Assessment assess(Profile profile, const RubricSet& rubric);

// Fills `changes`: the fewest answer changes, from the real answers, that would make each other
// model the suggestion or leave none. A report asks for it; a batch, which never shows it, does not
// pay for it (docs/rubrics.md says how the search goes).
void find_advice_changes(Assessment& assessment);

// Every other value of an answer worth trying, as `tne rubrics test`'s stability check and the
// advice changes use them: each other choice, each list with one item added or removed, each
// number at the thresholds that a band or condition of the set reads (either side of each).
std::vector<Value> other_values(const RubricSet& rubric, const Question& question, const Value& current);

// The evidence of the assessment's answers on `date`: evidence is stale when `date` is later than
// its own date plus `max_age_months` (so on exactly that day it is still fresh).
EvidenceReview review_evidence(const Assessment& assessment, const ReportDate& date,
                               int max_age_months = kDefaultEvidenceMaxAge);

// What a finished Assessment is reviewed with: the day the evidence's age is counted to, and the
// age past which evidence is stale.
struct AssessmentOptions {
    ReportDate date;
    int evidence_max_age_months = kDefaultEvidenceMaxAge;
};

// A finished Assessment, as every report starts from (`tne assess`, `plan`, `diff`): `assess`, then
// its evidence reviewed on `options.date` (`review_evidence`) and the advice changes found
// (`find_advice_changes`). `tne batch` calls `assess` alone: its records never show either.
Assessment assess_fully(Profile profile, const RubricSet& rubric, const AssessmentOptions& options);

// "Language and culture: 32/100; needs at least 50: ... (Annex 3.2)"; with `annex_titles`, the
// section's title beside its number (annex_citation).
std::string blocker_text(const Blocker& blocker, const Assessment& assessment, Lang lang,
                         const RubricSet* annex_titles = nullptr);

}  // namespace tne
