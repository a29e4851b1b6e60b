// Scores and their changes as both diff reports (`tne rubrics diff`, `tne diff`) show them: whole
// figures as every report shows them (words::figure), "–" for no score, a signed delta that is the
// difference of the figures shown, "old → new" only when they differ.
#pragma once

#include <cmath>
#include <optional>
#include <string>

#include "report/report_words.hpp"
#include "tne/change.hpp"

namespace tne::diff_format {

inline const std::string kNone = "–";

inline std::string score_text(const std::optional<double>& score) { return score ? words::figure(*score) : kNone; }

// "+5", "-2", "0": the new figure less the old, so that what a reader subtracts agrees; empty unless
// both scores are known.
inline std::string delta_text(const ScoreChange& change) {
    if (!change.old_score || !change.new_score) return "";
    const double delta = std::round(*change.new_score) - std::round(*change.old_score);
    std::string number = words::figure(delta);
    return delta > 0 ? "+" + number : number;
}

inline std::string change_text(const std::string& before, const std::string& after) {
    return before == after ? before : before + " → " + after;
}

inline std::string scores_text(const ScoreChange& change) {
    return change_text(score_text(change.old_score), score_text(change.new_score));
}

// A level's name; "–" for none (no score).
inline std::string level_name(const NamedRef& level, Lang lang) { return level.empty() ? kNone : level.name.in(lang); }

// A suggested model's name; "none" when there is no suggestion.
inline std::string model_name(const NamedRef& model, Lang lang) {
    return model.empty() ? (lang == Lang::es ? "ninguno" : "none") : model.name.in(lang);
}

inline std::string levels_text(const NamedRef& before, const NamedRef& after, Lang lang) {
    return before.id == after.id ? level_name(after, lang) : level_name(before, lang) + " → " + level_name(after, lang);
}

}  // namespace tne::diff_format
