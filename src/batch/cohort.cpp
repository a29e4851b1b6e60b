// The cohort summary: what many assessments say together, grouped by institution type as the
// Annex's survey reports (3.1). The summary report (report/summary_report.cpp) and the JSON writer
// only arrange what is computed here.
#include "tne/cohort.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>

namespace tne {

namespace {

Stats stats_of(std::vector<double> values) {
    Stats stats;
    if (values.empty()) return stats;
    std::sort(values.begin(), values.end());
    size_t n = values.size();
    stats.n = static_cast<int>(n);
    stats.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(n);
    stats.median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    stats.min = values.front();
    stats.max = values.back();
    return stats;
}

template <class T>
int index_of(const std::vector<T>& items, const std::string& id) {
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return static_cast<int>(i);
    return -1;
}

// The member's dimension with the lowest known score; ties go to the smaller id (project rule).
std::optional<size_t> weakest_dimension(const CohortMember& member, const RubricSet& rubric) {
    std::optional<size_t> weakest;
    size_t count = std::min(member.dimensions.size(), rubric.dimensions.size());
    for (size_t i = 0; i < count; ++i) {
        const auto& score = member.dimensions[i];
        if (!score) continue;
        if (!weakest) {
            weakest = i;
            continue;
        }
        double lowest = *member.dimensions[*weakest];
        if (*score < lowest || (*score == lowest && rubric.dimensions[i].id < rubric.dimensions[*weakest].id))
            weakest = i;
    }
    return weakest;
}

TypeSummary summarise_group(const std::string& type, const std::vector<const CohortMember*>& group,
                            const RubricSet& rubric) {
    TypeSummary summary;
    summary.type = type;
    summary.count = static_cast<int>(group.size());
    summary.members = group;
    summary.levels.assign(rubric.levels.size(), 0);
    summary.weakest.assign(rubric.dimensions.size(), 0);
    summary.suggested.assign(rubric.models.size(), 0);

    std::vector<double> overall;
    std::vector<std::vector<double>> dimensions(rubric.dimensions.size());
    for (const CohortMember* member : group) {
        if (member->overall) overall.push_back(*member->overall);
        for (size_t i = 0; i < dimensions.size() && i < member->dimensions.size(); ++i)
            if (member->dimensions[i]) dimensions[i].push_back(*member->dimensions[i]);

        int level = index_of(rubric.levels, member->level);
        if (level >= 0)
            ++summary.levels[static_cast<size_t>(level)];
        else
            ++summary.no_level;

        if (auto weakest = weakest_dimension(*member, rubric))
            ++summary.weakest[*weakest];
        else
            ++summary.no_weakest;

        int model = index_of(rubric.models, member->suggested);
        if (model >= 0)
            ++summary.suggested[static_cast<size_t>(model)];
        else
            ++summary.no_suggestion;
    }
    summary.overall = stats_of(std::move(overall));
    for (auto& scores : dimensions) summary.dimensions.push_back(stats_of(std::move(scores)));

    // Shares share one denominator, so sorting by count sorts by share.
    for (size_t i = 0; i < rubric.dimensions.size(); ++i) {
        double share = summary.count > 0 ? 100.0 * summary.weakest[i] / summary.count : 0;
        summary.barriers.push_back({&rubric.dimensions[i], summary.weakest[i], share});
    }
    auto share_of = [&](int count) { return summary.count > 0 ? 100.0 * count / summary.count : 0; };
    for (size_t i = 0; i < rubric.models.size(); ++i) {
        summary.models.push_back({&rubric.models[i], summary.suggested[i], share_of(summary.suggested[i])});
        const int most = summary.most_suggested.empty() ? 0 : summary.most_suggested.front().count;
        if (summary.suggested[i] > 0 && summary.suggested[i] > most) summary.most_suggested.clear();
        if (summary.suggested[i] > 0 && summary.suggested[i] >= most)
            summary.most_suggested.push_back(summary.models.back());
    }
    summary.no_weakest_share = share_of(summary.no_weakest);
    summary.no_suggestion_share = share_of(summary.no_suggestion);
    std::stable_sort(summary.barriers.begin(), summary.barriers.end(), [](const Barrier& a, const Barrier& b) {
        if (a.count != b.count) return a.count > b.count;
        return a.dimension->id < b.dimension->id;
    });
    return summary;
}

// Mid-rank percentile rank within the member's type: lower scores count whole, equal ones (itself
// included) half, so equal scores get equal percentiles. `sorted` holds the overall scores of the
// member's type, ascending; among fewer than kMinPercentilePeers there is none.
std::optional<double> percentile_of(const CohortMember& member, const std::vector<double>& sorted) {
    if (!member.overall || sorted.size() < static_cast<size_t>(kMinPercentilePeers)) return std::nullopt;
    auto [first, last] = std::equal_range(sorted.begin(), sorted.end(), *member.overall);
    double lower = static_cast<double>(first - sorted.begin());
    double equal = static_cast<double>(last - first);
    return 100.0 * (lower + 0.5 * equal) / static_cast<double>(sorted.size());
}

}  // namespace

CohortMember cohort_member(const Assessment& assessment, std::string source) {
    CohortMember member;
    member.source = std::move(source);
    member.name = assessment.institution_name;
    member.type = assessment.institution_type;
    member.overall = assessment.overall;
    if (assessment.overall && assessment.level) member.level = assessment.level->id;
    for (const auto& d : assessment.dimensions) member.dimensions.push_back(d.score);
    if (assessment.suggested) member.suggested = assessment.suggested->model->id;
    return member;
}

CohortSummary summarise(const std::vector<CohortMember>& members, const RubricSet& rubric, int read,
                        std::vector<FailedInput> failures) {
    CohortSummary summary;
    summary.rubric = &rubric;
    summary.read = read;
    summary.scored = static_cast<int>(members.size());
    summary.failed = static_cast<int>(failures.size());
    summary.failures = std::move(failures);

    std::vector<const CohortMember*> everyone;
    for (const auto& member : members) everyone.push_back(&member);
    summary.all = summarise_group("", everyone, rubric);
    if (summary.all.count > 0) summary.all.share = 100;

    // A member of a type the rubric does not list is in `all` only.
    if (const Question* question = rubric.find_question("institution.type")) {
        for (const Choice& type : question->values) {
            std::vector<const CohortMember*> group;
            for (const auto& member : members)
                if (member.type == type.id) group.push_back(&member);
            summary.types.push_back(summarise_group(type.id, group, rubric));
            if (summary.all.count > 0)
                summary.types.back().share = 100.0 * summary.types.back().count / summary.all.count;
        }
    }

    std::map<std::string, std::vector<double>> scores_by_type;
    for (const auto& member : members)
        if (member.overall) scores_by_type[member.type].push_back(*member.overall);
    for (auto& [type, scores] : scores_by_type) std::sort(scores.begin(), scores.end());
    for (const auto& member : members)
        summary.members.push_back({&member, percentile_of(member, scores_by_type[member.type])});
    return summary;
}

}  // namespace tne
