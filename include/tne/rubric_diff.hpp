// What a change to a rubric set moves: a corpus of profiles scored under an old and a new set, and
// every difference a report would show, for the reviewer of a pull request to a rubric set
// (`tne rubrics diff OLD NEW --profiles DIR`). Scores compare at the precision the reports show
// (one decimal), so floating-point noise is never a move.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tne/change.hpp"
#include "tne/error.hpp"
#include "tne/rubric.hpp"
#include "tne/text.hpp"

namespace tne {

// The recommendations a report shows by default.
inline constexpr int kDefaultTopRecommendations = 10;

// The profiles of a directory: its *.yaml and *.yml files, not those of subdirectories, sorted by
// file name. Throws InputError when the directory cannot be read or holds no profile, so a diff
// over a mistyped directory never passes as "nothing moved".
std::vector<std::string> profiles_in_directory(const std::string& directory);

// A rubric set as a diff names it. The diff copies what it shows, so it outlives the sets.
struct RubricSetInfo {
    std::string id;
    int version = 0;
    LocalText name;
    std::string source;  // "rubrics" for the embedded set, else its directory
};

// Why a profile could not be scored under a set: its first problem, and how many there were.
struct LoadFailure {
    Diagnostic first;
    size_t problems = 0;
};

struct ProfileDiff {
    std::string path;         // as given
    std::string institution;  // institution.name, when the profile loaded under either set
    std::optional<LoadFailure> old_failure;
    std::optional<LoadFailure> new_failure;

    // Only when the profile loaded under both sets:
    ScoreChange overall;
    NamedRef old_level;
    NamedRef new_level;
    NamedRef old_suggestion;
    NamedRef new_suggestion;
    std::vector<DimensionChange> dimensions;    // only those that moved; rubric order, ties by id
    std::vector<RecommendationChange> entered;  // into the top; by new rank
    std::vector<RecommendationChange> left;     // out of the top; by old rank

    bool failed() const { return old_failure || new_failure; }
    bool level_moved() const { return old_level.id != new_level.id; }
    bool suggestion_moved() const { return old_suggestion.id != new_suggestion.id; }
    bool moved() const;  // loaded under both sets and anything above differs
};

struct RubricDiff {
    RubricSetInfo old_set;
    RubricSetInfo new_set;
    int top = kDefaultTopRecommendations;
    std::vector<ProfileDiff> profiles;  // input order

    size_t moved_count() const;
    size_t failed_count() const;
    size_t unchanged_count() const;
    // Anything moved, or a profile could not be compared (it failed under either set): what
    // `--fail-on-change` gates on, since a profile that was not compared is not known unchanged.
    bool changed() const;
};

// Loads and assesses every profile under both sets. A profile that fails to load under either set
// (InputError) is recorded as failed and the run goes on; other exceptions are bugs and propagate.
RubricDiff diff_rubric_sets(const RubricSet& old_set, const RubricSet& new_set,
                            const std::vector<std::string>& profile_paths, int top = kDefaultTopRecommendations);

// Views of a RubricDiff; every heading and label in `lang`.
std::string render_rubric_diff_text(const RubricDiff& diff, Lang lang, int width = 80);
std::string render_rubric_diff_markdown(const RubricDiff& diff, Lang lang);  // GitHub-flavoured
std::string render_rubric_diff_html(const RubricDiff& diff, Lang lang);
std::string render_rubric_diff_json(const RubricDiff& diff, Lang lang);

// The closing line that accounts for every profile: "7 profiles: 2 moved, 4 unchanged, 1 failed to load".
std::string rubric_diff_summary(const RubricDiff& diff, Lang lang);

}  // namespace tne
