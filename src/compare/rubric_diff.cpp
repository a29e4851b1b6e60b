// Scoring a corpus of profiles under two rubric sets and keeping what a report would show
// differently: scores as shown, levels, the suggested model and the top recommendations.
#include "tne/rubric_diff.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

#include "tne/assessment.hpp"
#include "tne/profile.hpp"

namespace tne {

namespace {

namespace fs = std::filesystem;

constexpr Message kCannotReadDirectory{"cannot read the directory: {0}", "no se puede leer el directorio: {0}"};
constexpr Message kNoProfiles{"no profiles (*.yaml, *.yml) in this directory",
                              "no hay perfiles (*.yaml, *.yml) en este directorio"};
constexpr Message kFailedWithoutDetail{"the profile could not be loaded: {0}", "no se pudo cargar el perfil: {0}"};

// A score as the reports show it, so two scores that print alike compare alike.
RubricSetInfo info_of(const RubricSet& set) { return {set.id, set.version, set.name, set.source}; }

NamedRef ref_of(const Level* level) { return level ? NamedRef{level->id, level->name} : NamedRef{}; }

NamedRef ref_of(const ModelResult* model) {
    return model ? NamedRef{model->model->id, model->model->name} : NamedRef{};
}

NamedRef ref_of(const Dimension& dimension) { return {dimension.id, dimension.name}; }

// Loads `path` under `set`; on an InputError records its first problem and returns nothing.
std::optional<Profile> try_load(const std::string& path, const RubricSet& set, std::optional<LoadFailure>& failure) {
    try {
        return load_profile_file(path, set);
    } catch (const InputError& e) {
        if (e.diagnostics().empty())
            failure = LoadFailure{{SourcePos{path}, format_message(kFailedWithoutDetail, e.what()), {}}, 1};
        else
            failure = LoadFailure{e.diagnostics().front(), e.diagnostics().size()};
        return std::nullopt;
    }
}

const DimensionResult* find_dimension(const Assessment& a, const std::string& id) {
    for (const auto& d : a.dimensions)
        if (d.dimension->id == id) return &d;
    return nullptr;
}

size_t index_of(const Assessment& a, const DimensionResult& d) { return static_cast<size_t>(&d - a.dimensions.data()); }

// Dimensions of either set, in rubric order: the new set's position, else the old set's; ties by id.
std::vector<DimensionChange> dimension_changes(const Assessment& old_a, const Assessment& new_a) {
    std::vector<std::tuple<size_t, std::string, DimensionChange>> found;
    for (const auto& d : new_a.dimensions) {
        DimensionChange change;
        change.dimension = ref_of(*d.dimension);
        change.score.new_score = d.score;
        change.new_level = ref_of(d.level);
        if (const DimensionResult* before = find_dimension(old_a, d.dimension->id)) {
            change.score.old_score = before->score;
            change.old_level = ref_of(before->level);
        } else {
            change.presence = Presence::added;
        }
        bool moved = change.presence != Presence::both || change.score.moved() || change.level_moved();
        if (moved) found.emplace_back(index_of(new_a, d), d.dimension->id, std::move(change));
    }
    for (const auto& d : old_a.dimensions) {
        if (find_dimension(new_a, d.dimension->id)) continue;
        DimensionChange change;
        change.dimension = ref_of(*d.dimension);
        change.presence = Presence::removed;
        change.score.old_score = d.score;
        change.old_level = ref_of(d.level);
        found.emplace_back(index_of(old_a, d), d.dimension->id, std::move(change));
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& x, const auto& y) {
        return std::tie(std::get<0>(x), std::get<1>(x)) < std::tie(std::get<0>(y), std::get<1>(y));
    });
    std::vector<DimensionChange> changes;
    for (auto& entry : found) changes.push_back(std::move(std::get<2>(entry)));
    return changes;
}

// Every recommendation's rank by criterion id.
std::map<std::string, int> ranks_of(const Assessment& a) {
    std::map<std::string, int> ranks;
    for (const auto& r : a.recommendations) ranks[r.criterion->id] = r.rank;
    return ranks;
}

// The recommendations in the top `top` of `from` that are not in the top of `other`, in rank order
// (ranks are unique, so there are no ties). `from_is_new` says which side `from` is.
std::vector<RecommendationChange> leaving_top(const Assessment& from, const Assessment& other, int top,
                                              bool from_is_new) {
    std::map<std::string, int> other_ranks = ranks_of(other);
    std::vector<RecommendationChange> changes;
    for (const auto& r : from.recommendations) {
        if (r.rank > top) break;
        auto other_rank = other_ranks.find(r.criterion->id);
        int rank_there = other_rank == other_ranks.end() ? 0 : other_rank->second;
        if (rank_there != 0 && rank_there <= top) continue;
        RecommendationChange change;
        change.id = r.criterion->id;
        change.dimension = ref_of(*r.dimension);
        change.name = r.criterion->name;
        change.text = r.criterion->recommendation.text;
        change.old_rank = from_is_new ? rank_there : r.rank;
        change.new_rank = from_is_new ? r.rank : rank_there;
        changes.push_back(std::move(change));
    }
    return changes;
}

void compare(ProfileDiff& diff, const Assessment& old_a, const Assessment& new_a, int top) {
    diff.overall = {old_a.overall, new_a.overall};
    diff.old_level = ref_of(old_a.level);
    diff.new_level = ref_of(new_a.level);
    diff.old_suggestion = ref_of(old_a.suggested);
    diff.new_suggestion = ref_of(new_a.suggested);
    diff.dimensions = dimension_changes(old_a, new_a);
    diff.entered = leaving_top(new_a, old_a, top, true);
    diff.left = leaving_top(old_a, new_a, top, false);
}

ProfileDiff diff_profile(const RubricSet& old_set, const RubricSet& new_set, const std::string& path, int top) {
    ProfileDiff diff;
    diff.path = path;
    std::optional<Profile> old_profile = try_load(path, old_set, diff.old_failure);
    std::optional<Profile> new_profile = try_load(path, new_set, diff.new_failure);
    if (new_profile)
        diff.institution = new_profile->text("institution.name");
    else if (old_profile)
        diff.institution = old_profile->text("institution.name");
    if (old_profile && new_profile) compare(diff, assess(*old_profile, old_set), assess(*new_profile, new_set), top);
    return diff;
}

bool is_profile_file(const fs::directory_entry& entry) {
    std::error_code ignored;
    std::string extension = entry.path().extension().string();
    return (extension == ".yaml" || extension == ".yml") && entry.is_regular_file(ignored);
}

}  // namespace

std::vector<std::string> profiles_in_directory(const std::string& directory) {
    std::vector<fs::path> found;
    std::error_code error;
    for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error))
        if (is_profile_file(*it)) found.push_back(it->path());
    if (error) throw InputError(SourcePos{directory}, format_message(kCannotReadDirectory, error.message()));
    if (found.empty()) throw InputError(SourcePos{directory}, format_message(kNoProfiles));
    std::sort(found.begin(), found.end(),
              [](const fs::path& x, const fs::path& y) { return x.filename().string() < y.filename().string(); });
    std::vector<std::string> paths;
    for (const auto& path : found) paths.push_back(path.string());
    return paths;
}

bool ProfileDiff::moved() const {
    if (failed()) return false;
    return overall.moved() || level_moved() || suggestion_moved() || !dimensions.empty() || !entered.empty() ||
           !left.empty();
}

size_t RubricDiff::moved_count() const {
    return static_cast<size_t>(
        std::count_if(profiles.begin(), profiles.end(), [](const auto& p) { return p.moved(); }));
}

size_t RubricDiff::failed_count() const {
    return static_cast<size_t>(
        std::count_if(profiles.begin(), profiles.end(), [](const auto& p) { return p.failed(); }));
}

size_t RubricDiff::unchanged_count() const { return profiles.size() - moved_count() - failed_count(); }

bool RubricDiff::changed() const { return moved_count() > 0 || failed_count() > 0; }

RubricDiff diff_rubric_sets(const RubricSet& old_set, const RubricSet& new_set,
                            const std::vector<std::string>& profile_paths, int top) {
    RubricDiff diff;
    diff.old_set = info_of(old_set);
    diff.new_set = info_of(new_set);
    diff.top = std::max(top, 0);
    for (const auto& path : profile_paths) diff.profiles.push_back(diff_profile(old_set, new_set, path, diff.top));
    return diff;
}

}  // namespace tne
