#include "tne/change.hpp"

#include <string>

namespace tne {

namespace {

// A score as the reports show it: to one decimal.
double as_shown(double score) { return std::stod(format_number(score, 1)); }

}  // namespace

bool ScoreChange::moved() const {
    if (!old_score || !new_score) return old_score.has_value() != new_score.has_value();
    return format_number(*old_score, 1) != format_number(*new_score, 1);
}

std::optional<double> ScoreChange::delta() const {
    if (!old_score || !new_score) return std::nullopt;
    return as_shown(*new_score) - as_shown(*old_score);
}

}  // namespace tne
