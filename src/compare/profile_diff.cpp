// Two assessments of one institution under one rubric set, compared item by item. Both follow the
// rubric's order (dimensions, criteria, models, questions), so items pair up by position.
#include "tne/profile_diff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

namespace tne {

namespace {

NamedRef ref_of(const Level* level) { return level ? NamedRef{level->id, level->name} : NamedRef{}; }

NamedRef ref_of(const ModelResult* model) {
    return model ? NamedRef{model->model->id, model->model->name} : NamedRef{};
}

// A list's items in a fixed order, so lists that differ only in order compare equal.
std::vector<std::string> sorted(std::vector<std::string> items) {
    std::sort(items.begin(), items.end());
    return items;
}

// Whether two answers to one question differ. Numbers compare exactly: rounding them could hide the
// answer behind a score that moved across a band's threshold.
bool answers_differ(const Value& x, const Value& y) {
    if (x.index() != y.index()) return true;
    if (const auto* a = std::get_if<std::vector<std::string>>(&x))
        return sorted(*a) != sorted(std::get<std::vector<std::string>>(y));
    return x != y;
}

Value value_of(const Profile& profile, const Question& question) {
    const Answer* answer = profile.find(question);
    return answer ? answer->value : Value{};
}

std::vector<AnswerChange> answer_changes(const Assessment& old_a, const Assessment& new_a) {
    std::vector<AnswerChange> changes;
    for (const auto& question : old_a.rubric->questions) {
        Value before = value_of(old_a.profile, question);
        Value after = value_of(new_a.profile, question);
        if (answers_differ(before, after)) changes.push_back({&question, std::move(before), std::move(after)});
    }
    return changes;
}

std::vector<DimensionChange> dimension_changes(const Assessment& old_a, const Assessment& new_a) {
    std::vector<DimensionChange> changes;
    for (size_t i = 0; i < new_a.dimensions.size(); ++i) {
        const DimensionResult& before = old_a.dimensions[i];
        const DimensionResult& after = new_a.dimensions[i];
        DimensionChange change;
        change.dimension = {after.dimension->id, after.dimension->name};
        change.score = {before.score, after.score};
        change.old_level = ref_of(before.level);
        change.new_level = ref_of(after.level);
        change.coverage = {100 * before.coverage, 100 * after.coverage};
        if (change.score.moved() || change.level_moved() || change.coverage.moved())
            changes.push_back(std::move(change));
    }
    return changes;
}

// The recommendations of `from` that `other` does not have, in rubric order; `from_is_new` says
// which side `from` is, for the criterion's scores.
std::vector<RecommendationChange> only_in(const Assessment& from, const Assessment& other, bool from_is_new) {
    std::map<const Criterion*, int> from_ranks;
    for (const auto& r : from.recommendations) from_ranks[r.criterion] = r.rank;
    std::set<const Criterion*> in_other;
    for (const auto& r : other.recommendations) in_other.insert(r.criterion);

    std::vector<RecommendationChange> found;
    for (size_t d = 0; d < from.dimensions.size(); ++d) {
        for (size_t c = 0; c < from.dimensions[d].criteria.size(); ++c) {
            const CriterionResult& here = from.dimensions[d].criteria[c];
            auto rank = from_ranks.find(here.criterion);
            if (rank == from_ranks.end() || in_other.count(here.criterion)) continue;
            const CriterionResult& there = other.dimensions[d].criteria[c];
            const Dimension& dimension = *from.dimensions[d].dimension;
            RecommendationChange change;
            change.id = here.criterion->id;
            change.dimension = {dimension.id, dimension.name};
            change.name = here.criterion->name;
            change.text = here.criterion->recommendation.text;
            (from_is_new ? change.new_rank : change.old_rank) = rank->second;
            change.criterion_score =
                from_is_new ? ScoreChange{there.score, here.score} : ScoreChange{here.score, there.score};
            found.push_back(std::move(change));
        }
    }
    return found;
}

// The blockers of `from` whose condition `other` does not have, composed as `from` reads them.
std::vector<BlockerTexts> blockers_only_in(const ModelResult& from, const ModelResult& other,
                                           const Assessment& assessment) {
    std::vector<BlockerTexts> texts;
    for (const auto& blocker : from.blockers) {
        bool shared = std::any_of(other.blockers.begin(), other.blockers.end(),
                                  [&](const Blocker& b) { return b.condition == blocker.condition; });
        if (shared) continue;
        texts.push_back(
            {localize([&](Lang lang) { return blocker_text(blocker, assessment, lang); }),
             localize([&](Lang lang) { return blocker_text(blocker, assessment, lang, assessment.rubric); })});
    }
    return texts;
}

std::vector<ModelProgress> model_changes(const Assessment& old_a, const Assessment& new_a) {
    std::vector<ModelProgress> changes;
    for (size_t i = 0; i < new_a.models.size(); ++i) {
        const ModelResult& before = old_a.models[i];
        const ModelResult& after = new_a.models[i];
        ModelProgress change;
        change.model = ref_of(&after);
        change.old_blockers = before.blockers.size();
        change.new_blockers = after.blockers.size();
        change.lifted = blockers_only_in(before, after, old_a);
        change.added = blockers_only_in(after, before, new_a);
        if (before.feasible != after.feasible)
            change.move = after.feasible ? ModelMove::became_feasible : ModelMove::became_blocked;
        else if (change.lifted.empty() && change.added.empty())
            continue;
        changes.push_back(std::move(change));
    }
    return changes;
}

}  // namespace

bool AssessmentDiff::changed() const {
    return overall.moved() || level_moved() || coverage.moved() || suggestion_moved() || !dimensions.empty() ||
           !models.empty() || !resolved.empty() || !added.empty() || !answers.empty();
}

bool AssessmentDiff::regressed() const {
    auto went_down = [](const ScoreChange& change) { return change.moved() && change.delta() && *change.delta() < 0; };
    return went_down(overall) ||
           std::any_of(dimensions.begin(), dimensions.end(),
                       [&](const DimensionChange& d) { return went_down(d.score); }) ||
           std::any_of(models.begin(), models.end(),
                       [](const ModelProgress& m) { return m.move == ModelMove::became_blocked; });
}

AssessmentDiff diff_assessments(const Assessment& old_a, const Assessment& new_a) {
    if (!old_a.rubric || old_a.rubric != new_a.rubric)
        throw std::invalid_argument("diff_assessments: the assessments come from different rubric sets");
    AssessmentDiff diff;
    diff.rubric = new_a.rubric;
    diff.old_side = {old_a.profile.source, old_a.institution_name};
    diff.new_side = {new_a.profile.source, new_a.institution_name};
    diff.overall = {old_a.overall, new_a.overall};
    diff.old_level = ref_of(old_a.level);
    diff.new_level = ref_of(new_a.level);
    diff.coverage = {100 * old_a.coverage, 100 * new_a.coverage};
    diff.old_suggestion = ref_of(old_a.suggested);
    diff.new_suggestion = ref_of(new_a.suggested);
    diff.dimensions = dimension_changes(old_a, new_a);
    diff.models = model_changes(old_a, new_a);
    diff.resolved = only_in(old_a, new_a, false);
    diff.added = only_in(new_a, old_a, true);
    diff.answers = answer_changes(old_a, new_a);
    return diff;
}

}  // namespace tne
