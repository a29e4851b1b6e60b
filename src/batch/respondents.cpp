// Several respondents of one institution combined into one profile, and where they disagree. The
// rules (docs/batch.md) are the tool's assumptions, cautious because the Annex's advice is about what
// is in place: a scale and a number take the median, the lower middle answer when there are two;
// a list keeps what at least half chose; anything else, the most frequent answer.
#include "tne/respondents.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace tne {

namespace {

// The question's values in the order of the scores a criterion gives them, lowest first (ties in the
// rubric's order); empty when no criterion scores every value by levels.
std::vector<std::string> ordered_levels(const RubricSet& rubric, const Question& q) {
    if (q.type == QuestionType::yes_partial_no) return {"no", "partial", "yes"};
    if (q.type != QuestionType::choice) return {};
    for (const auto& dimension : rubric.dimensions) {
        for (const auto& criterion : dimension.criteria) {
            if (criterion.question != q.path || criterion.rule.levels.empty()) continue;
            std::vector<std::pair<double, size_t>> scored;  // score, index in q.values
            for (size_t i = 0; i < q.values.size(); ++i) {
                auto level = std::find_if(criterion.rule.levels.begin(), criterion.rule.levels.end(),
                                          [&](const auto& entry) { return entry.first == q.values[i].id; });
                if (level == criterion.rule.levels.end()) return {};
                scored.emplace_back(level->second, i);
            }
            std::stable_sort(scored.begin(), scored.end());
            std::vector<std::string> ids;
            for (const auto& [score, i] : scored) ids.push_back(q.values[i].id);
            return ids;
        }
    }
    return {};
}

std::string folded_text(const Value& value) { return typed_key(std::get<std::string>(value)); }

// The index of the middle answer, the lower one when their count is even.
size_t lower_middle(size_t count) { return (count - 1) / 2; }

// One question's known answers, in row order, with where each respondent gave it.
struct Given {
    size_t respondent;
    const Answer* answer;
};

}  // namespace

AnswerScale answer_scale(const RubricSet& rubric, const Question& question) {
    switch (question.type) {
        case QuestionType::percent:
        case QuestionType::count:
            return AnswerScale::number;
        case QuestionType::list:
            return AnswerScale::list;
        case QuestionType::yes_partial_no:
            return AnswerScale::ordered;
        case QuestionType::choice:
            return ordered_levels(rubric, question).empty() ? AnswerScale::nominal : AnswerScale::ordered;
        case QuestionType::text:
            break;
    }
    return AnswerScale::nominal;
}

std::string value_text(const Value& value) {
    if (const auto* number = std::get_if<double>(&value)) return format_number(*number, 6);
    if (const auto* text = std::get_if<std::string>(&value)) return *text;
    if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
        std::string joined;
        for (const auto& item : *items) joined += (joined.empty() ? "" : ";") + item;
        return joined;
    }
    return "";
}

CombinedProfile combine_respondents(const RubricSet& rubric, const std::vector<Profile>& answers,
                                    std::vector<Respondent> respondents, std::string source) {
    CombinedProfile combined;
    combined.profile.source = std::move(source);
    combined.respondents = std::move(respondents);
    for (const auto& question : rubric.questions) {
        std::vector<Given> given;
        for (size_t r = 0; r < answers.size(); ++r)
            if (const Answer* answer = answers[r].find(question); answer && answer->known())
                given.push_back({r, answer});
        if (given.empty()) continue;  // all unknown: unknown

        Disagreement found;
        found.question = &question;
        found.scale = answer_scale(rubric, question);
        found.answered = static_cast<int>(given.size());
        for (const auto& g : given) found.answers.push_back({g.respondent, g.answer->value});
        bool differ = false;
        Value value;

        switch (found.scale) {
            case AnswerScale::ordered: {
                const std::vector<std::string> levels = ordered_levels(rubric, question);
                auto level_of = [&](const Given& g) {
                    const auto& id = std::get<std::string>(g.answer->value);
                    return static_cast<size_t>(std::find(levels.begin(), levels.end(), id) - levels.begin());
                };
                std::vector<size_t> sorted;
                for (const auto& g : given) sorted.push_back(level_of(g));
                std::sort(sorted.begin(), sorted.end());
                value = levels[sorted[lower_middle(sorted.size())]];
                int apart = static_cast<int>(sorted.back() - sorted.front());
                differ = apart > 0;
                found.levels_apart = apart;
                found.spread = levels.size() > 1 ? 100.0 * apart / static_cast<double>(levels.size() - 1) : 0;
                break;
            }
            case AnswerScale::number: {
                std::vector<double> sorted;
                for (const auto& g : given) sorted.push_back(std::get<double>(g.answer->value));
                std::sort(sorted.begin(), sorted.end());
                value = sorted[lower_middle(sorted.size())];
                double range = sorted.back() - sorted.front();
                differ = range > 0;
                found.range = range;
                if (question.type == QuestionType::percent)
                    found.spread = range;
                else
                    found.spread = sorted.back() > 0 ? 100.0 * range / sorted.back() : 0;
                break;
            }
            case AnswerScale::list: {
                std::vector<std::string> kept;
                int split = 0, any = 0;
                for (const auto& option : question.values) {
                    int chosen = 0;
                    for (const auto& g : given) {
                        const auto& items = std::get<std::vector<std::string>>(g.answer->value);
                        if (std::find(items.begin(), items.end(), option.id) != items.end()) ++chosen;
                    }
                    if (chosen == 0) continue;
                    ++any;
                    if (chosen < found.answered) ++split;
                    found.options.push_back({option.id, chosen});
                    if (2 * chosen >= found.answered) kept.push_back(option.id);
                }
                value = kept;
                differ = split > 0;
                found.spread = any > 0 ? 100.0 * split / any : 0;
                break;
            }
            case AnswerScale::nominal: {
                // The most frequent answer (a text compared without case or accents), ties to the first row's.
                auto key = [&](const Value& v) {
                    return question.type == QuestionType::text ? folded_text(v) : value_text(v);
                };
                std::map<std::string, int> count;
                for (const auto& g : given) ++count[key(g.answer->value)];
                const Given* best = &given.front();
                for (const auto& g : given)
                    if (count[key(g.answer->value)] > count[key(best->answer->value)]) best = &g;
                value = best->answer->value;
                differ = count.size() > 1;
                found.spread = 100.0 * (found.answered - count[key(value)]) / found.answered;
                break;
            }
        }
        // The answer is placed at the first respondent's cell that gave the combined value.
        const Answer* place = given.front().answer;
        for (const auto& g : given)
            if (g.answer->value == value) {
                place = g.answer;
                break;
            }
        combined.profile.answers.push_back(Answer{&question, value, place->line, place->column});
        if (differ) {
            found.combined = std::move(value);
            combined.disagreements.push_back(std::move(found));
        }
    }
    // Largest spread first; ties keep the rubric's question order (stable).
    std::stable_sort(combined.disagreements.begin(), combined.disagreements.end(),
                     [](const Disagreement& x, const Disagreement& y) { return x.spread > y.spread; });
    return combined;
}

}  // namespace tne
