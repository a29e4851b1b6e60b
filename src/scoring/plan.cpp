// The planner. A model's requirements are conditions on dimension scores and on answers; a
// dimension's score depends only on the answers its criteria score. So requirements that share no
// question are independent, and each group of requirements sharing questions (in the shipped set,
// one dimension's) is solved on its own by an exhaustive, branch-and-bound search over the ways
// each of its questions can change. A question's values are reduced to its distinct behaviours
// (the score its criterion gives, and whether each condition on it holds), one value standing
// for each; this loses nothing, since the cost of a change does not depend on the value chosen.
#include "tne/plan.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <numeric>
#include <tuple>

#include "scoring/scoring.hpp"

namespace tne {

using namespace scoring;

int effort_points(Effort effort) {
    switch (effort) {
        case Effort::low:
            return 1;
        case Effort::medium:
            return 2;
        case Effort::high:
            return 4;
    }
    return 0;
}

LocalText unknown_target_message(const RubricSet& rubric, const std::string& written) {
    std::vector<std::string> ids;
    for (const auto& model : rubric.models) ids.push_back(model.id);
    const std::string near = closest_match(written, ids);
    return localize([&](Lang lang) {
        std::string text = lang == Lang::es ? "no es un modelo del conjunto;" : "not a model of the rubric set;";
        if (!near.empty()) text += (lang == Lang::es ? " ¿quiso decir " : " did you mean ") + near + "?";
        text += lang == Lang::es ? " Nombre uno por su id o su nombre:" : " Name one by its id or its name:";
        for (const auto& model : rubric.models) text += "\n  " + model.id + " (" + model.name.in(lang) + ")";
        return text;
    });
}

std::string setting_text(const Question& question, const Value& value, Lang lang) {
    std::string text = question.written_path(lang) + "=";
    if (const auto* x = std::get_if<double>(&value))
        text += format_number(*x, 2);
    else if (const auto* id = std::get_if<std::string>(&value))
        text += question.written_value(*id, lang);
    else if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
        text += "[";
        for (size_t i = 0; i < items->size(); ++i) text += (i ? ", " : "") + question.written_value((*items)[i], lang);
        text += "]";
    }
    return text;
}

namespace {

constexpr size_t kMaxListValuesForSubsets = 12;  // 4,096 subsets; beyond, see list_candidates

// A way to change an answer and the criterion's result for it.
struct Option {
    Value value;
    CriterionResult result;
};

// A question the plan may change: one scored by a criterion, whose recommendation is the action.
struct Changeable {
    const Question* question = nullptr;
    const Criterion* criterion = nullptr;
    size_t dimension = 0;  // index into Assessment::dimensions
    size_t criterion_index = 0;
    Value current;
    std::vector<Option> options;  // every distinct behaviour but the current one
};

// Requirements that share questions, with those questions; solved together.
struct Group {
    std::vector<const Condition*> requirements;
    std::vector<size_t> questions;  // indices into the changeables, in rubric order
};

const Value& current_value(const Assessment& a, const Question& q) {
    static const Value unknown;
    const Answer* answer = a.profile.find(q);
    return answer ? answer->value : unknown;
}

// Values worth trying for a number: each threshold, and one either side of it, where a band or a
// condition starts or stops holding; every other value behaves like one of these.
std::vector<Value> number_candidates(const Question& q, const Criterion& c,
                                     const std::vector<const Condition*>& conditions) {
    std::vector<double> thresholds = {q.min, q.max};
    for (const auto& band : c.rule.bands) thresholds.push_back(band.at_least);
    for (const Condition* condition : conditions) {
        if (condition->at_least) thresholds.push_back(*condition->at_least);
        if (condition->at_most) thresholds.push_back(*condition->at_most);
    }
    std::vector<double> values;
    for (double t : thresholds) {
        for (double x : {std::floor(t) - 1, std::floor(t), std::ceil(t), std::ceil(t) + 1, t - 1, t, t + 1}) {
            bool whole = std::floor(x) == x;
            if (x >= q.min && x <= q.max && (q.type == QuestionType::percent || whole)) values.push_back(x);
        }
    }
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return {values.begin(), values.end()};
}

// Every subset of a list's values (items in the rubric's order). A list with more values than
// kMaxListValuesForSubsets gets the current items plus the missing values added one by one, and
// plus each single value: enough for count bands and one-of conditions, though not proven exact.
std::vector<Value> list_candidates(const Question& q, const Value& current) {
    std::vector<Value> values;
    size_t n = q.values.size();
    if (n <= kMaxListValuesForSubsets) {
        for (unsigned mask = 0; mask < (1u << n); ++mask) {
            std::vector<std::string> items;
            for (size_t i = 0; i < n; ++i)
                if (mask & (1u << i)) items.push_back(q.values[i].id);
            values.emplace_back(std::move(items));
        }
        return values;
    }
    const auto* given = std::get_if<std::vector<std::string>>(&current);
    std::vector<std::string> items = given ? *given : std::vector<std::string>{};
    for (const auto& choice : q.values) {
        if (std::find(items.begin(), items.end(), choice.id) != items.end()) continue;
        std::vector<std::string> single = given ? *given : std::vector<std::string>{};
        single.push_back(choice.id);
        values.emplace_back(std::move(single));
        items.push_back(choice.id);
        values.emplace_back(items);
    }
    return values;
}

// How far a value is from the current answer: a plan asks for the smallest change that works.
double distance(const Value& from, const Value& to) {
    if (const auto* x = std::get_if<double>(&to)) {
        const auto* before = std::get_if<double>(&from);
        return before ? std::fabs(*x - *before) : *x;
    }
    if (const auto* items = std::get_if<std::vector<std::string>>(&to)) {
        const auto* before = std::get_if<std::vector<std::string>>(&from);
        size_t differ = 0;
        for (const auto& item : *items)
            if (!before || std::find(before->begin(), before->end(), item) == before->end()) ++differ;
        if (before)
            for (const auto& item : *before)
                if (std::find(items->begin(), items->end(), item) == items->end()) ++differ;
        return static_cast<double>(differ);
    }
    return 0;
}

// The options of a question: one value per behaviour, the one nearest the current answer; the
// nearest first, then the least ambitious (lowest criterion score), so that ties between equally
// cheap plans go to the smallest change.
std::vector<Option> options_for(const Changeable& q, const std::vector<const Condition*>& conditions) {
    std::vector<Value> candidates;
    switch (q.question->type) {
        case QuestionType::choice:
        case QuestionType::yes_partial_no:
            for (const auto& choice : q.question->values) candidates.emplace_back(choice.id);
            break;
        case QuestionType::percent:
        case QuestionType::count:
            candidates = number_candidates(*q.question, *q.criterion, conditions);
            break;
        case QuestionType::list:
            candidates = list_candidates(*q.question, q.current);
            break;
        case QuestionType::text:
            break;
    }
    using Behaviour = std::pair<std::optional<double>, std::vector<Holds>>;
    auto behaviour_of = [&](const Value& value, const CriterionResult& result) {
        Behaviour b{result.score, {}};
        for (const Condition* condition : conditions) b.second.push_back(holds(*condition, value));
        return b;
    };
    const Behaviour current = behaviour_of(q.current, score_criterion(*q.criterion, *q.question, q.current));
    std::vector<std::pair<Behaviour, Option>> chosen;
    for (auto& value : candidates) {
        CriterionResult result = score_criterion(*q.criterion, *q.question, value);
        Behaviour b = behaviour_of(value, result);
        if (b == current) continue;
        auto same = std::find_if(chosen.begin(), chosen.end(), [&](const auto& c) { return c.first == b; });
        if (same == chosen.end())
            chosen.push_back({std::move(b), {std::move(value), std::move(result)}});
        else if (distance(q.current, value) < distance(q.current, same->second.value))
            same->second = {std::move(value), std::move(result)};
    }
    std::vector<Option> options;
    for (auto& [behaviour, option] : chosen) options.push_back(std::move(option));
    std::stable_sort(options.begin(), options.end(), [&](const Option& x, const Option& y) {
        double dx = distance(q.current, x.value), dy = distance(q.current, y.value);
        if (dx != dy) return dx < dy;
        // An unknown score (a number below every band) is the least useful: last.
        return x.result.score.value_or(1e9) < y.result.score.value_or(1e9);
    });
    return options;
}

class Planner {
public:
    Planner(const Assessment& a, const Model& target) : a_(a), target_(target) {}

    Plan run() {
        Plan plan;
        plan.target = &target_;
        collect_changeables();
        for (const Group& group : groups()) solve(group, plan);
        plan.unliftable = std::move(unliftable_);
        std::sort(plan.unliftable.begin(), plan.unliftable.end(),
                  [](const UnliftableBlocker& x, const UnliftableBlocker& y) { return x.condition < y.condition; });
        std::sort(plan.steps.begin(), plan.steps.end(), [](const PlanStep& x, const PlanStep& y) {
            const Recommendation& rx = x.criterion->recommendation;
            const Recommendation& ry = y.criterion->recommendation;
            return std::tuple(rx.horizon, rx.effort, x.question) < std::tuple(ry.horizon, ry.effort, y.question);
        });
        plan.reachable = plan.unliftable.empty();

        Profile profile = a_.profile;
        for (const auto& step : plan.steps) {
            plan.cost += effort_points(step.criterion->recommendation.effort);
            profile.simulate(*step.question, step.to);
        }
        plan.after = assess(std::move(profile), *a_.rubric);
        const ModelResult* reached = plan.after.find_model(target_.id);
        // A plan lifts blockers; a fit below the minimum is raised by the recommendations instead.
        if (plan.reachable && !reached->blockers.empty())
            throw std::logic_error("the plan for " + target_.id + " does not lift its blockers");
        return plan;
    }

private:
    // The questions a requirement depends on, as indices into changeables_.
    std::vector<size_t> depends_on(const Condition& c) const {
        std::vector<size_t> questions;
        for (size_t i = 0; i < changeables_.size(); ++i) {
            const Changeable& q = changeables_[i];
            bool scored_in = !c.dimension.empty() && a_.dimensions[q.dimension].dimension->id == c.dimension;
            if (scored_in || q.question->path == c.question) questions.push_back(i);
        }
        return questions;
    }

    std::vector<const Condition*> conditions_on(const Question& q) const {
        std::vector<const Condition*> conditions;
        for (const auto& c : target_.requires_)
            if (c.question == q.path) conditions.push_back(&c);
        return conditions;
    }

    void collect_changeables() {
        for (size_t d = 0; d < a_.dimensions.size(); ++d) {
            const auto& criteria = a_.dimensions[d].criteria;
            for (size_t c = 0; c < criteria.size(); ++c) {
                Changeable q{
                    criteria[c].question, criteria[c].criterion, d, c, current_value(a_, *criteria[c].question), {}};
                q.options = options_for(q, conditions_on(*q.question));
                changeables_.push_back(std::move(q));
            }
        }
        std::sort(changeables_.begin(), changeables_.end(),
                  [](const Changeable& x, const Changeable& y) { return x.question < y.question; });
    }

    // Requirements grouped by shared questions (union-find); one a change cannot touch is checked
    // as it stands.
    std::vector<Group> groups() {
        const auto& requirements = target_.requires_;
        std::vector<size_t> parent(requirements.size());
        std::iota(parent.begin(), parent.end(), 0);
        auto root = [&](size_t i) {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        };
        std::vector<std::vector<size_t>> questions(requirements.size());
        std::vector<size_t> owner(changeables_.size(), SIZE_MAX);
        for (size_t r = 0; r < requirements.size(); ++r) {
            questions[r] = depends_on(requirements[r]);
            for (size_t q : questions[r]) {
                if (owner[q] == SIZE_MAX)
                    owner[q] = r;
                else
                    parent[root(r)] = root(owner[q]);
            }
        }
        std::vector<Group> groups;
        std::vector<size_t> group_of(requirements.size(), SIZE_MAX);
        for (size_t r = 0; r < requirements.size(); ++r) {
            if (questions[r].empty()) {
                if (evaluate(requirements[r], a_) != Holds::yes)
                    unliftable_.push_back({&requirements[r], UnliftableBlocker::Reason::fixed_answer});
                continue;
            }
            size_t g = root(r);
            if (group_of[g] == SIZE_MAX) {
                group_of[g] = groups.size();
                groups.emplace_back();
            }
            Group& group = groups[group_of[g]];
            group.requirements.push_back(&requirements[r]);
            for (size_t q : questions[r]) group.questions.push_back(q);
        }
        for (auto& group : groups) {
            std::sort(group.questions.begin(), group.questions.end());
            group.questions.erase(std::unique(group.questions.begin(), group.questions.end()), group.questions.end());
        }
        return groups;
    }

    // Whether every requirement holds with the options chosen (-1: keep the answer).
    bool satisfied(const Group& group, const std::vector<const Condition*>& requirements,
                   const std::vector<int>& choice) const {
        for (const Condition* c : requirements) {
            Value subject;
            if (!c->dimension.empty()) {
                size_t d = dimension_index(c->dimension);
                const auto& criteria = a_.dimensions[d].criteria;
                std::vector<const CriterionResult*> results(criteria.size());
                for (size_t k = 0; k < criteria.size(); ++k) results[k] = &criteria[k];
                for (size_t i = 0; i < group.questions.size(); ++i) {
                    const Changeable& q = changeables_[group.questions[i]];
                    if (choice[i] >= 0 && q.dimension == d)
                        results[q.criterion_index] = &q.options[static_cast<size_t>(choice[i])].result;
                }
                // total_dimension's arithmetic, in its order, so a plan agrees with assess to the bit.
                double answered = 0, points = 0;
                for (const CriterionResult* result : results) {
                    if (!result->score) continue;
                    answered += result->max_points;
                    points += result->points;
                }
                if (answered > 0) subject = 100.0 * points / answered;
            } else {
                for (size_t i = 0; i < group.questions.size(); ++i) {
                    const Changeable& q = changeables_[group.questions[i]];
                    if (q.question->path != c->question) continue;
                    subject = choice[i] >= 0 ? q.options[static_cast<size_t>(choice[i])].value : q.current;
                }
            }
            if (holds(*c, subject) != Holds::yes) return false;
        }
        return true;
    }

    size_t dimension_index(const std::string& id) const {
        size_t d = 0;
        while (a_.dimensions[d].dimension->id != id) ++d;
        return d;
    }

    // The cheapest choice of options meeting `requirements`: depth first, keeping answers before
    // changing them, pruned by the best found; ties keep the first found.
    std::optional<std::vector<int>> search(const Group& group,
                                           const std::vector<const Condition*>& requirements) const {
        std::vector<int> choice(group.questions.size(), -1);
        std::optional<std::vector<int>> best;
        int best_cost = INT_MAX, best_count = INT_MAX;
        auto visit = [&](auto&& self, size_t i, int cost, int count) -> void {
            if (cost > best_cost || (cost == best_cost && count >= best_count)) return;
            if (i == choice.size()) {
                if (satisfied(group, requirements, choice)) {
                    best = choice;
                    best_cost = cost;
                    best_count = count;
                }
                return;
            }
            self(self, i + 1, cost, count);
            const Changeable& q = changeables_[group.questions[i]];
            int points = effort_points(q.criterion->recommendation.effort);
            for (size_t k = 0; k < q.options.size(); ++k) {
                choice[i] = static_cast<int>(k);
                self(self, i + 1, cost + points, count + 1);
            }
            choice[i] = -1;
        };
        visit(visit, 0, 0, 0);
        return best;
    }

    void solve(const Group& group, Plan& plan) {
        std::vector<const Condition*> unmet;
        for (const Condition* c : group.requirements)
            if (evaluate(*c, a_) != Holds::yes) unmet.push_back(c);
        if (unmet.empty()) return;
        std::optional<std::vector<int>> best = search(group, group.requirements);
        if (!best) {
            // Name what cannot be met alone; if each could, they conflict with one another.
            size_t before = unliftable_.size();
            for (const Condition* c : unmet)
                if (!search(group, {c})) unliftable_.push_back({c, UnliftableBlocker::Reason::out_of_reach});
            if (unliftable_.size() == before)
                for (const Condition* c : unmet) unliftable_.push_back({c, UnliftableBlocker::Reason::conflicting});
            return;
        }
        for (size_t i = 0; i < best->size(); ++i) {
            if ((*best)[i] < 0) continue;
            const Changeable& q = changeables_[group.questions[i]];
            PlanStep step{q.criterion,
                          a_.dimensions[q.dimension].dimension,
                          q.question,
                          q.current,
                          q.options[static_cast<size_t>((*best)[i])].value,
                          {}};
            for (const Condition* c : unmet) {
                const auto deps = depends_on(*c);
                if (std::find(deps.begin(), deps.end(), group.questions[i]) != deps.end()) step.lifts.push_back(c);
            }
            plan.steps.push_back(std::move(step));
        }
    }

    const Assessment& a_;
    const Model& target_;
    std::vector<Changeable> changeables_;  // in rubric question order
    std::vector<UnliftableBlocker> unliftable_;
};

}  // namespace

const Model* next_step(const Assessment& a) {
    for (const ModelResult* step : a.pathway)
        if (!step->feasible) return step->model;
    if (!a.suggested) return nullptr;
    const ModelResult* next = nullptr;
    for (const auto& m : a.models) {
        const auto& base = m.model->builds_on;
        if (std::find(base.begin(), base.end(), a.suggested->model->id) == base.end()) continue;
        if (!next || std::tuple(m.model->stage, -m.fit, m.model->id) <
                         std::tuple(next->model->stage, -next->fit, next->model->id))
            next = &m;
    }
    return next ? next->model : nullptr;
}

Plan make_plan(const Assessment& assessment, const Model& target) { return Planner(assessment, target).run(); }

}  // namespace tne
