// The scoring pipeline: criteria -> dimensions -> overall readiness, then model fit and
// feasibility, the suggested model and its pathway, and recommendations ranked by gain.
#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "scoring.hpp"
#include "tne/assessment.hpp"

namespace tne {

using namespace scoring;

namespace {

// Scores compare equal when they differ only by floating-point noise, so ties go to the id.
bool nearly_equal(double a, double b) { return std::fabs(a - b) < 1e-9; }

// A dimension's score if its answered criterion `closed` reached full points: total_dimension's
// arithmetic in its order, so gains are exactly those of rescoring a copy, without the copy.
double score_if_closed(const DimensionResult& dimension, size_t closed) {
    double answered_weight = 0;
    double points = 0;
    for (size_t i = 0; i < dimension.criteria.size(); ++i) {
        const CriterionResult& criterion = dimension.criteria[i];
        if (!criterion.score) continue;
        answered_weight += criterion.max_points;
        points += i == closed ? criterion.max_points : criterion.points;
    }
    return 100.0 * points / answered_weight;
}

const DimensionResult* find_dimension(const std::vector<DimensionResult>& dimensions, const std::string& id) {
    for (const auto& d : dimensions)
        if (d.dimension->id == id) return &d;
    return nullptr;
}

Holds test_number(const Condition& c, double x) {
    if (c.at_least && x < *c.at_least) return Holds::no;
    if (c.at_most && x > *c.at_most) return Holds::no;
    return Holds::yes;
}

// Appends the labels of `ids`, values of `question`, in `lang`; an id without a label as itself.
void append_labels(std::string& text, const Question& question, const std::vector<std::string>& ids, Lang lang,
                   std::string_view separator) {
    for (size_t i = 0; i < ids.size(); ++i) {
        const Choice* choice = question.find_value(ids[i]);
        if (i > 0) text += separator;
        text += choice ? choice->label.in(lang) : ids[i];
    }
}

}  // namespace

namespace scoring {

CriterionResult score_criterion(const Criterion& criterion, const Question& question, const Value& value) {
    CriterionResult result;
    result.criterion = &criterion;
    result.question = &question;
    result.max_points = criterion.weight;
    if (std::holds_alternative<std::monostate>(value)) return result;
    result.value = value;

    if (!criterion.rule.levels.empty()) {
        const std::string& chosen = std::get<std::string>(value);
        for (const auto& [id, score] : criterion.rule.levels) {
            if (id == chosen) {
                result.score = score;
                result.matched = id;
            }
        }
    } else {
        double x = std::holds_alternative<double>(value)
                       ? std::get<double>(value)
                       : static_cast<double>(std::get<std::vector<std::string>>(value).size());
        const Band* reached = nullptr;
        for (const auto& band : criterion.rule.bands)
            if (x >= band.at_least) reached = &band;
        if (reached) {
            result.score = reached->score;
            result.matched = "≥ " + format_number(reached->at_least, 2);
        }
    }
    if (result.score) result.points = criterion.weight * *result.score / 100.0;
    return result;
}

// Recomputes a dimension's score, coverage and level from its criteria.
void total_dimension(DimensionResult& dimension, const RubricSet& rubric) {
    double answered_weight = 0;
    double total_weight = 0;
    dimension.points = 0;
    for (const auto& criterion : dimension.criteria) {
        total_weight += criterion.max_points;
        if (criterion.score) {
            answered_weight += criterion.max_points;
            dimension.points += criterion.points;
        }
    }
    dimension.max_points = answered_weight;
    dimension.coverage = total_weight > 0 ? answered_weight / total_weight : 0;
    dimension.score.reset();
    dimension.level = nullptr;
    if (answered_weight > 0) {
        dimension.score = 100.0 * dimension.points / answered_weight;
        dimension.level = &rubric.level_for(*dimension.score);
    }
}

// The overall index: the weighted mean of the dimensions that have a score. Unknown is not zero:
// a dimension with no answers lowers coverage, not the index. `what_if`, when given, stands in for
// the score of dimensions[what_if->first].
std::optional<double> overall_score(const std::vector<DimensionResult>& dimensions,
                                    std::optional<std::pair<size_t, double>> what_if) {
    double weighted = 0;
    double weights = 0;
    for (size_t i = 0; i < dimensions.size(); ++i) {
        const DimensionResult& d = dimensions[i];
        std::optional<double> score = what_if && what_if->first == i ? what_if->second : d.score;
        if (!score) continue;
        weighted += d.dimension->weight * *score;
        weights += d.dimension->weight;
    }
    if (weights == 0) return std::nullopt;
    return weighted / weights;
}

double overall_coverage(const std::vector<DimensionResult>& dimensions) {
    double covered = 0;
    double weights = 0;
    for (const auto& d : dimensions) {
        covered += d.dimension->weight * d.coverage;
        weights += d.dimension->weight;
    }
    return weights > 0 ? covered / weights : 0;
}

Holds holds(const Condition& c, const Value& value) {
    if (std::holds_alternative<std::monostate>(value)) return Holds::unknown;
    if (const auto* x = std::get_if<double>(&value)) return test_number(c, *x);
    if (const auto* id = std::get_if<std::string>(&value))
        return std::find(c.in.begin(), c.in.end(), *id) != c.in.end() ? Holds::yes : Holds::no;
    const auto& items = std::get<std::vector<std::string>>(value);
    for (const auto& wanted : c.any_of)
        if (std::find(items.begin(), items.end(), wanted) != items.end()) return Holds::yes;
    return Holds::no;
}

Holds evaluate(const Condition& c, const std::vector<DimensionResult>& dimensions, const Profile& profile) {
    if (!c.dimension.empty()) {
        const DimensionResult* d = find_dimension(dimensions, c.dimension);
        return d && d->score ? test_number(c, *d->score) : Holds::unknown;
    }
    const Answer* answer = profile.find(c.question);
    return answer ? holds(c, answer->value) : Holds::unknown;
}

ModelResult evaluate_model(const Model& model, const std::vector<DimensionResult>& dimensions, const Profile& profile) {
    ModelResult result;
    result.model = &model;
    double weighted = 0;
    double weights = 0;
    result.fit_terms.reserve(model.fit.size());
    for (const auto& term : model.fit) {
        const DimensionResult* d = find_dimension(dimensions, term.dimension);
        result.fit_terms.push_back({d->dimension, term.weight, d->score});
        if (d->score) {
            weighted += term.weight * *d->score;
            weights += term.weight;
        }
    }
    double fit = weights > 0 ? weighted / weights : 0;
    for (const auto& adjustment : model.context) {
        if (evaluate(adjustment.when, dimensions, profile) == Holds::yes) {
            fit += adjustment.adjust;
            result.adjustments.push_back(&adjustment);
        }
    }
    result.fit = std::clamp(fit, 0.0, 100.0);
    for (const auto& requirement : model.requires_)
        if (evaluate(requirement, dimensions, profile) != Holds::yes) result.blockers.push_back({&requirement});
    result.feasible = result.blockers.empty();
    return result;
}

// The most advanced model within reach (fit at least min_fit, at most max_blockers blockers),
// since the Annex advises growing from scalable activities into complex models (4.1.2, 4.3.3).
// When none is within reach, the model closest to feasible.
const ModelResult* choose_suggestion(const std::vector<ModelResult>& models, const RubricSet& rubric) {
    const ModelResult* best = nullptr;
    for (const auto& m : models) {
        bool within_reach = m.fit >= rubric.min_fit && static_cast<int>(m.blockers.size()) <= rubric.max_blockers;
        if (!within_reach) continue;
        if (!best || m.model->stage > best->model->stage ||
            (m.model->stage == best->model->stage &&
             (m.fit > best->fit + 1e-9 || (nearly_equal(m.fit, best->fit) && m.model->id < best->model->id))))
            best = &m;
    }
    if (best) return best;
    for (const auto& m : models) {
        if (!best || m.blockers.size() < best->blockers.size() ||
            (m.blockers.size() == best->blockers.size() &&
             (m.fit > best->fit + 1e-9 || (nearly_equal(m.fit, best->fit) && m.model->id < best->model->id))))
            best = &m;
    }
    return best;
}

}  // namespace scoring

namespace {

std::vector<const ModelResult*> pathway_to(const ModelResult& goal, const Assessment& assessment) {
    std::set<std::string> steps;
    std::vector<const Model*> pending = {goal.model};
    while (!pending.empty()) {
        const Model* model = pending.back();
        pending.pop_back();
        for (const auto& id : model->builds_on) {
            if (steps.insert(id).second) pending.push_back(assessment.rubric->find_model(id));
        }
    }
    std::vector<const ModelResult*> pathway;
    for (const auto& id : steps) pathway.push_back(assessment.find_model(id));
    std::sort(pathway.begin(), pathway.end(), [](const ModelResult* a, const ModelResult* b) {
        return a->model->stage != b->model->stage ? a->model->stage < b->model->stage : a->model->id < b->model->id;
    });
    pathway.push_back(&goal);
    return pathway;
}

bool helps_lift(const CriterionResult& criterion, const DimensionResult& dimension, const ModelResult* suggested) {
    if (!suggested) return false;
    for (const auto& blocker : suggested->blockers) {
        const Condition& c = *blocker.condition;
        if (c.dimension == dimension.dimension->id || c.question == criterion.criterion->question) return true;
    }
    return false;
}

}  // namespace


const ModelResult* Assessment::find_model(const std::string& id) const {
    for (const auto& m : models)
        if (m.model->id == id) return &m;
    return nullptr;
}

// Built by appending to one string: a report shows dozens of blockers.
std::string blocker_text(const Blocker& blocker, const Assessment& assessment, Lang lang) {
    const Condition& c = *blocker.condition;
    const DimensionResult* d = c.dimension.empty() ? nullptr : find_dimension(assessment.dimensions, c.dimension);
    const Question* q = d ? nullptr : assessment.rubric->find_question(c.question);
    const Answer* answer = q ? assessment.profile.find(c.question) : nullptr;
    bool es = lang == Lang::es;
    const std::string& subject = d ? d->dimension->name.in(lang) : q->label.in(lang);
    std::string text;
    text.reserve(subject.size() + c.why.in(lang).size() + 128);  // enough for most: one allocation
    text += subject;
    text += ": ";
    if (d) {
        if (d->score) {
            text += format_number(*d->score, 0);
            text += "/100";
        } else {
            text += es ? "sin respuestas" : "unanswered";
        }
    } else if (!answer || !answer->known()) {
        text += es ? "sin respuesta" : "unanswered";
    } else if (const auto* x = std::get_if<double>(&answer->value)) {
        text += format_number(*x);
    } else if (const auto* value = std::get_if<std::string>(&answer->value)) {
        text += '"';
        append_labels(text, *q, {*value}, lang, "");
        text += '"';
    } else {
        const auto& items = std::get<std::vector<std::string>>(answer->value);
        if (items.empty()) text += es ? "vacío" : "empty";
        else append_labels(text, *q, items, lang, ", ");
    }
    text += es ? "; se requiere " : "; needs ";
    // A condition has one test; were there more, the last of these would be shown.
    if (q && !c.any_of.empty()) {
        text += es ? "alguno de: " : "one of: ";
        append_labels(text, *q, c.any_of, lang, ", ");
    } else if (q && !c.in.empty()) {
        append_labels(text, *q, c.in, lang, es ? " o " : " or ");
    } else if (c.at_most) {
        text += es ? "como máximo " : "at most ";
        text += format_number(*c.at_most);
    } else if (c.at_least) {
        text += es ? "al menos " : "at least ";
        text += format_number(*c.at_least);
    }
    if (!c.why.in(lang).empty()) {
        text += ": ";
        text += c.why.in(lang);
    }
    text += es ? " (Anexo " : " (Annex ";
    text += c.annex;
    text += ')';
    return text;
}

Assessment assess(Profile given, const RubricSet& rubric) {
    Assessment a;
    a.rubric = &rubric;
    a.profile = std::move(given);
    const Profile& profile = a.profile;
    a.institution_name = profile.text("institution.name");
    a.institution_type = profile.text("institution.type");
    for (const auto& question : rubric.questions) {
        bool shown_elsewhere = question.path == "institution.name" || question.path == "institution.type";
        if (question.block != "institution" || shown_elsewhere) continue;
        const Answer* answer = profile.find(question);
        if (answer && answer->known()) a.institution_facts.push_back({&question, answer->value});
    }

    // RubricSet::find_question, starting after the last question found: criteria mostly follow the
    // questions' order.
    size_t next_question = 0;
    auto find_question = [&](const std::string& path) -> const Question* {
        const auto& questions = rubric.questions;
        for (size_t i = 0; i < questions.size(); ++i) {
            size_t at = (next_question + i) % questions.size();
            if (questions[at].path == path) {
                next_question = at + 1;
                return &questions[at];
            }
        }
        return nullptr;
    };
    a.dimensions.reserve(rubric.dimensions.size());
    for (const auto& dimension : rubric.dimensions) {
        DimensionResult result;
        result.dimension = &dimension;
        result.criteria.reserve(dimension.criteria.size());
        for (const auto& criterion : dimension.criteria)
            {
            const Question& question = *find_question(criterion.question);
            const Answer* answer = profile.find(question);
            result.criteria.push_back(score_criterion(criterion, question, answer ? answer->value : Value{}));
        }
        total_dimension(result, rubric);
        a.dimensions.push_back(std::move(result));
    }
    a.overall = overall_score(a.dimensions);
    if (a.overall) a.level = &rubric.level_for(*a.overall);
    a.coverage = overall_coverage(a.dimensions);

    a.models.reserve(rubric.models.size());
    for (const auto& model : rubric.models) a.models.push_back(evaluate_model(model, a.dimensions, profile));
    a.suggested = choose_suggestion(a.models, rubric);
    if (a.suggested) a.pathway = pathway_to(*a.suggested, a);

    // Each gap's gain: the overall index if that criterion alone reached full points.
    double dimension_weights = 0;
    for (const auto& dimension : a.dimensions) dimension_weights += dimension.dimension->weight;
    for (size_t d = 0; d < a.dimensions.size(); ++d) {
        const DimensionResult& dimension = a.dimensions[d];
        double total_weight = 0;
        for (const auto& criterion : dimension.criteria) total_weight += criterion.max_points;
        for (size_t c = 0; c < dimension.criteria.size(); ++c) {
            const CriterionResult& criterion = dimension.criteria[c];
            if (!criterion.score) {
                double gain = 100.0 * dimension.dimension->weight * criterion.max_points / total_weight / dimension_weights;
                a.unanswered.push_back({criterion.question, dimension.dimension, gain});
                continue;
            }
            if (*criterion.score >= 100) continue;
            RecommendationResult rec;
            rec.criterion = criterion.criterion;
            rec.dimension = dimension.dimension;
            rec.gain = *overall_score(a.dimensions, std::pair{d, score_if_closed(dimension, c)}) - *a.overall;
            rec.lifts_blocker = helps_lift(criterion, dimension, a.suggested);
            a.recommendations.push_back(rec);
        }
    }
    std::sort(a.recommendations.begin(), a.recommendations.end(),
              [](const RecommendationResult& x, const RecommendationResult& y) {
                  if (x.lifts_blocker != y.lifts_blocker) return x.lifts_blocker;
                  if (!nearly_equal(x.gain, y.gain)) return x.gain > y.gain;
                  return x.criterion->id < y.criterion->id;
              });
    for (size_t i = 0; i < a.recommendations.size(); ++i) a.recommendations[i].rank = static_cast<int>(i + 1);
    std::sort(a.unanswered.begin(), a.unanswered.end(), [](const UnansweredQuestion& x, const UnansweredQuestion& y) {
        if (!nearly_equal(x.coverage_gain, y.coverage_gain)) return x.coverage_gain > y.coverage_gain;
        return x.question->path < y.question->path;
    });
    return a;
}

}  // namespace tne
