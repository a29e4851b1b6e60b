// What would change the advice. From the real answers, every answer is changed alone to each of
// its other values and the profile assessed again: the exhaustive search of one change. For an
// alternative that no single change makes the suggestion, a greedy search adds, one at a time, the
// change that most narrows its gap to the suggestion, up to kMaxChanges changes, among the
// kGreedyCandidates single changes that narrow it most on their own. Answers change,
// never a dimension's score, so every state described can exist.
#include <algorithm>
#include <cmath>
#include <set>

#include "scoring/scoring.hpp"
#include "tne/assessment.hpp"

namespace tne {

namespace {

constexpr size_t kMaxChanges = 3;
constexpr size_t kGreedyCandidates = 16;

// Thresholds a number is read at: bands of the criteria that score it, conditions on it.
void collect_thresholds(const Condition& c, const std::string& path, std::vector<std::pair<double, int>>& out) {
    if (c.question != path) return;
    if (c.at_least) out.push_back({*c.at_least, -1});  // just below it fails
    if (c.at_most) out.push_back({*c.at_most, +1});    // just above it fails
}

double distance(const Value& from, const Value& to) {
    const auto* x = std::get_if<double>(&from);
    const auto* y = std::get_if<double>(&to);
    return x && y ? std::fabs(*x - *y) : 0;
}

const Model* suggestion_of(const Assessment& a) { return a.suggested ? a.suggested->model : nullptr; }

Assessment with_changes(const Assessment& a, const std::vector<ChangedAnswer>& changes) {
    Profile profile = a.profile;
    for (const auto& change : changes) profile.simulate(*change.question, change.to);
    return scoring::assess_advice(std::move(profile), *a.rubric);
}

const Value& answer_of(const Assessment& a, const Question& q) {
    static const Value unknown;
    const Answer* answer = a.profile.find(q);
    return answer ? answer->value : unknown;
}

// How far `model` is from being the suggestion in `a`: its score minus the suggestion's, less 100
// per blocker when it is not within reach. Higher is closer.
double margin(const Assessment& a, const Model& model) {
    const ModelResult* m = a.find_model(model.id);
    double leader = a.suggested ? a.suggested->score : 0;
    return m->score - leader - (m->feasible ? 0 : 100.0 * static_cast<double>(std::max<size_t>(m->blockers.size(), 1)));
}

}  // namespace

std::vector<Value> other_values(const RubricSet& rubric, const Question& q, const Value& current) {
    std::vector<Value> values;
    switch (q.type) {
        case QuestionType::text:
            break;
        case QuestionType::choice:
        case QuestionType::yes_partial_no:
            for (const auto& choice : q.values) values.emplace_back(choice.id);
            break;
        case QuestionType::list: {
            const auto* items = std::get_if<std::vector<std::string>>(&current);
            if (!items) values.emplace_back(std::vector<std::string>{});
            for (const auto& choice : q.values) {
                std::vector<std::string> toggled;
                bool present = false;
                if (items)
                    for (const auto& item : *items) {
                        if (item == choice.id)
                            present = true;
                        else
                            toggled.push_back(item);
                    }
                if (!present) {
                    toggled.clear();  // added in the rubric's order of values
                    for (const auto& other : q.values)
                        if (other.id == choice.id ||
                            (items && std::find(items->begin(), items->end(), other.id) != items->end()))
                            toggled.push_back(other.id);
                }
                values.emplace_back(std::move(toggled));
            }
            break;
        }
        case QuestionType::percent:
        case QuestionType::count: {
            std::vector<std::pair<double, int>> thresholds;
            for (const auto& dimension : rubric.dimensions)
                for (const auto& criterion : dimension.criteria)
                    if (criterion.question == q.path)
                        for (const auto& band : criterion.rule.bands) thresholds.push_back({band.at_least, -1});
            for (const auto& model : rubric.models) {
                for (const auto& c : model.requires_) collect_thresholds(c, q.path, thresholds);
                for (const auto& c : model.context) collect_thresholds(c.when, q.path, thresholds);
                if (model.runs_when) collect_thresholds(*model.runs_when, q.path, thresholds);
            }
            for (const auto& step : rubric.advice.first_steps)
                if (step.when) collect_thresholds(*step.when, q.path, thresholds);
            std::set<double> numbers;
            for (const auto& [t, side] : thresholds)
                for (double x : {t, t + side})
                    if (x >= q.min && x <= q.max) numbers.insert(x);
            for (double x : numbers) values.emplace_back(x);
            break;
        }
    }
    values.erase(std::remove_if(values.begin(), values.end(), [&](const Value& v) { return v == current; }),
                 values.end());
    return values;
}

void find_advice_changes(Assessment& a) {
    a.changes.clear();
    const Model* now = suggestion_of(a);
    // Every single change, assessed once; the flips grouped by the suggestion they lead to.
    struct Tried {
        ChangedAnswer change;
        Assessment result;
    };
    std::vector<Tried> tried;
    for (const auto& q : a.rubric->questions) {
        if (q.type == QuestionType::text) continue;
        const Value& current = answer_of(a, q);
        for (auto& value : other_values(*a.rubric, q, current)) {
            ChangedAnswer change{&q, current, std::move(value)};
            Assessment result = with_changes(a, {change});
            tried.push_back({std::move(change), std::move(result)});
        }
    }
    auto entry_for = [&](const Model* model) -> AdviceChange& {
        for (auto& c : a.changes)
            if (c.model == model) return c;
        a.changes.push_back({model, {}, true});
        return a.changes.back();
    };
    for (const auto& t : tried) {
        const Model* then = suggestion_of(t.result);
        if (then == now) continue;
        AdviceChange& entry = entry_for(then);
        // One way per question: the value nearest the current answer.
        auto same_question = std::find_if(entry.ways.begin(), entry.ways.end(),
                                          [&](const auto& way) { return way.front().question == t.change.question; });
        if (same_question == entry.ways.end())
            entry.ways.push_back({t.change});
        else if (distance(t.change.from, t.change.to) < distance(t.change.from, same_question->front().to))
            same_question->front() = t.change;
    }
    // Alternatives no single change reaches: greedy, from the single changes.
    for (const auto& alternative : a.alternatives) {
        const Model* target = alternative.model->model;
        bool reached =
            std::any_of(a.changes.begin(), a.changes.end(), [&](const AdviceChange& c) { return c.model == target; });
        if (reached) continue;
        // Candidates: the single changes that narrow the gap on their own, best first, at most
        // kGreedyCandidates of them (each greedy step re-assesses every candidate).
        double best = margin(a, *target);
        std::vector<std::pair<double, const ChangedAnswer*>> candidates;
        for (const auto& t : tried) {
            double m = margin(t.result, *target);
            if (m > best + 1e-9) candidates.push_back({m, &t.change});
        }
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const auto& x, const auto& y) { return x.first > y.first; });
        if (candidates.size() > kGreedyCandidates) candidates.resize(kGreedyCandidates);
        std::vector<ChangedAnswer> chosen;
        for (size_t step = 0; step < kMaxChanges; ++step) {
            const ChangedAnswer* pick = nullptr;
            double pick_margin = best;
            for (const auto& candidate : candidates) {
                const ChangedAnswer* change = candidate.second;
                bool used = std::any_of(chosen.begin(), chosen.end(),
                                        [&](const ChangedAnswer& c) { return c.question == change->question; });
                if (used) continue;
                std::vector<ChangedAnswer> trial = chosen;
                trial.push_back(*change);
                double m = margin(with_changes(a, trial), *target);
                if (m > pick_margin + 1e-9) {
                    pick = change;
                    pick_margin = m;
                }
            }
            if (!pick) break;
            chosen.push_back(*pick);
            best = pick_margin;
            if (suggestion_of(with_changes(a, chosen)) == target) {
                AdviceChange& entry = entry_for(target);
                entry.ways.push_back(chosen);
                entry.exhaustive = false;
                break;
            }
        }
    }
    // The alternatives first, in their order; then the other models by id; "no suggestion" last.
    auto order = [&](const AdviceChange& c) {
        for (size_t i = 0; i < a.alternatives.size(); ++i)
            if (a.alternatives[i].model->model == c.model) return std::pair<size_t, std::string>{i, ""};
        return std::pair<size_t, std::string>{c.model ? a.alternatives.size() : SIZE_MAX, c.model ? c.model->id : ""};
    };
    std::sort(a.changes.begin(), a.changes.end(),
              [&](const AdviceChange& x, const AdviceChange& y) { return order(x) < order(y); });
    for (auto& c : a.changes)
        std::sort(c.ways.begin(), c.ways.end(), [](const auto& x, const auto& y) {
            if (x.size() != y.size()) return x.size() < y.size();
            return x.front().question->path < y.front().question->path;
        });
}

}  // namespace tne
