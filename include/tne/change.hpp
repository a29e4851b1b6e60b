// One model of a change, shared by both comparisons: `tne diff` (two self-assessments of one
// institution under one rubric set) and `tne rubrics diff` (many profiles under two rubric sets).
// Scores compare at the precision the reports show (one decimal), so floating-point noise is never
// a change.
#pragma once

#include <optional>
#include <string>

#include "tne/text.hpp"

namespace tne {

// A level, model or dimension on one side of a change; an empty id means none (no score, no
// suggestion, not in that set).
struct NamedRef {
    std::string id;
    LocalText name;

    bool empty() const { return id.empty(); }
};

// A score on each side; none when there is no score (no known answer, or not in that set).
struct ScoreChange {
    std::optional<double> old_score;
    std::optional<double> new_score;

    bool moved() const;                   // they differ as shown, to one decimal
    std::optional<double> delta() const;  // new - old as shown; none unless both are known
};

// Whether a dimension is on both sides; a rubric set may add or remove one.
enum class Presence { both, added, removed };

// A dimension whose score, level or coverage changed. Coverage (0-100) is compared by `tne diff`;
// two rubric sets scoring one profile leave it empty.
struct DimensionChange {
    NamedRef dimension;  // the new side's name; the old side's for a removed dimension
    Presence presence = Presence::both;
    ScoreChange score;
    NamedRef old_level;
    NamedRef new_level;
    ScoreChange coverage;

    bool level_moved() const { return old_level.id != new_level.id; }
};

// A recommendation listed on one side and not (or lower) on the other. A rank of 0 means it is not
// recommended at all on that side (answered in full, unanswered, or no such criterion). The
// criterion's score on each side says why it came or went (`tne diff`).
struct RecommendationChange {
    std::string id;  // the criterion id
    NamedRef dimension;
    LocalText name;  // the criterion's name
    LocalText text;  // the recommendation, from the side that lists it
    int old_rank = 0;
    int new_rank = 0;
    ScoreChange criterion_score;
};

}  // namespace tne
