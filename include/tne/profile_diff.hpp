// Progress between two self-assessments of the same institution (`tne diff OLD NEW`): both profiles
// scored under one rubric set, and every difference: scores, levels and coverage, models that
// became feasible or blocked, recommendations resolved and new, and the answers behind them. The
// Annex asks institutions to set KPIs and review them regularly (4.1.7, 4.4); this is that review.
// Scores compare at the precision the reports show (one decimal), so floating-point noise is never
// a change.
#pragma once

#include <string>
#include <vector>

#include "tne/assessment.hpp"
#include "tne/change.hpp"

namespace tne {

// One side of the comparison: where the profile came from and whom it names.
struct DiffSide {
    std::string source;
    std::string institution;  // institution.name
};

enum class ModelMove { became_feasible, became_blocked, blockers_changed };

// A blocker's text as the reports cite the Annex: by the bare section number (text, JSON), and with
// the section's title beside it (Markdown, HTML; annex_citation).
struct BlockerTexts {
    LocalText bare;
    LocalText titled;
};

// A model whose feasibility or set of blockers changed. Blocker texts are composed on their own
// side: a lifted one as it read before, an added one as it reads now.
struct ModelProgress {
    NamedRef model;
    ModelMove move = ModelMove::blockers_changed;
    size_t old_blockers = 0;
    size_t new_blockers = 0;
    std::vector<BlockerTexts> lifted;  // blockers of the old assessment that are gone
    std::vector<BlockerTexts> added;   // blockers of the new assessment that were not there
};

// An answer that differs: a value that changed, or one that became known or unknown (monostate).
// Lists compare as sets (their order carries no meaning); numbers and texts exactly.
struct AnswerChange {
    const Question* question = nullptr;
    Value old_value;
    Value new_value;
};

// Holds pointers into the rubric set both assessments were scored with, which must outlive it.
struct AssessmentDiff {
    const RubricSet* rubric = nullptr;
    DiffSide old_side;
    DiffSide new_side;
    ScoreChange overall;
    NamedRef old_level;
    NamedRef new_level;
    ScoreChange coverage;  // overall, 0-100
    NamedRef old_suggestion;
    NamedRef new_suggestion;
    std::vector<DimensionChange> dimensions;     // only those that changed; rubric order
    std::vector<ModelProgress> models;           // only those that changed; rubric order
    std::vector<RecommendationChange> resolved;  // on the old side only (new_rank 0); rubric order
    std::vector<RecommendationChange> added;     // on the new side only (old_rank 0); rubric order
    std::vector<AnswerChange> answers;           // rubric order of questions

    bool level_moved() const { return old_level.id != new_level.id; }
    bool suggestion_moved() const { return old_suggestion.id != new_suggestion.id; }
    bool same_institution() const { return old_side.institution == new_side.institution; }
    // Anything above differs.
    bool changed() const;
    // What `--fail-on-regression` gates on: the overall or a dimension score went down (as shown),
    // or a model that was feasible is blocked. A score that became unknown is not a regression;
    // it shows as lower coverage.
    bool regressed() const;
};

// Both assessments must come from the same rubric set (a bug otherwise: std::invalid_argument).
AssessmentDiff diff_assessments(const Assessment& old_assessment, const Assessment& new_assessment);

// Views of an AssessmentDiff; every heading and label in `lang`, answers with their labels.
std::string render_assessment_diff_text(const AssessmentDiff& diff, Lang lang, int width = 80);
std::string render_assessment_diff_markdown(const AssessmentDiff& diff, Lang lang);  // GitHub-flavoured
std::string render_assessment_diff_html(const AssessmentDiff& diff, Lang lang);
std::string render_assessment_diff_json(const AssessmentDiff& diff, Lang lang);

}  // namespace tne
