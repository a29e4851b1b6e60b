// The scoring pipeline: criteria -> dimensions -> overall readiness, then model fit and
// feasibility, the suggested model and its pathway, and recommendations ranked by gain.
#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "scoring/scoring.hpp"
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

// The result of the dimension `id` (at `slot` in the rule's set: results are in the set's order).
const DimensionResult* find_dimension(const std::vector<DimensionResult>& dimensions, const std::string& id,
                                      Slot slot) {
    if (slot.index >= 0 && static_cast<size_t>(slot.index) < dimensions.size())
        return &dimensions[static_cast<size_t>(slot.index)];
    for (const auto& d : dimensions)
        if (d.dimension->id == id) return &d;
    return nullptr;
}

// The answer a condition on a question reads.
const Answer* answer_to(const Condition& c, const Assessment& a) {
    if (c.slot.index >= 0) {
        const auto index = static_cast<size_t>(c.slot.index);
        if (index < a.answers_by_question.size()) return a.answers_by_question[index];
        return a.profile.find(a.rubric->questions[index]);
    }
    return a.profile.find(c.question);
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

std::string matched_step(const CriterionResult& c) {
    if (c.band) return "≥ " + format_number(c.band->at_least, 2);
    const auto* id = std::get_if<std::string>(&c.value);
    return c.score && id ? *id : "";
}

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
            result.band = reached;
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
// a dimension with no answers lowers coverage, not the index.
std::optional<double> overall_score(const std::vector<DimensionResult>& dimensions) {
    double weighted = 0;
    double weights = 0;
    for (const auto& d : dimensions) {
        if (!d.score) continue;
        weighted += d.dimension->weight * *d.score;
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
    if (c.any_of.empty()) return test_number(c, static_cast<double>(items.size()));
    for (const auto& wanted : c.any_of)
        if (std::find(items.begin(), items.end(), wanted) != items.end()) return Holds::yes;
    return Holds::no;
}

Holds evaluate(const Condition& c, const Assessment& a) {
    if (!c.dimension.empty()) {
        const DimensionResult* d = find_dimension(a.dimensions, c.dimension, c.slot);
        return d && d->score ? test_number(c, *d->score) : Holds::unknown;
    }
    const Answer* answer = answer_to(c, a);
    return answer ? holds(c, answer->value) : Holds::unknown;
}

ModelResult evaluate_model(const Model& model, const Assessment& a) {
    const std::vector<DimensionResult>& dimensions = a.dimensions;
    ModelResult result;
    result.model = &model;
    double weighted = 0;
    double weights = 0;
    result.fit_terms.reserve(model.fit.size());
    for (const auto& term : model.fit) {
        const DimensionResult* d = find_dimension(dimensions, term.dimension, term.slot);
        result.fit_terms.push_back({d->dimension, term.weight, d->score});
        if (d->score) {
            weighted += term.weight * *d->score;
            weights += term.weight;
        }
    }
    result.fit = weights > 0 ? weighted / weights : 0;
    // Room for every reason and blocker the model may have, taken with the first: one allocation each
    // instead of one per doubling (the advice adds at most three reasons).
    for (const auto& adjustment : model.context) {
        if (evaluate(adjustment.when, a) != Holds::yes) continue;
        if (result.reasons.empty()) result.reasons.reserve(model.context.size() + 3);
        result.reasons.push_back(
            {adjustment.adjust, &adjustment.when.why, &adjustment.when.annex, &adjustment.when.basis});
    }
    for (const auto& requirement : model.requires_) {
        if (evaluate(requirement, a) == Holds::yes) continue;
        if (result.blockers.empty()) result.blockers.reserve(model.requires_.size());
        result.blockers.push_back({&requirement});
    }
    return result;
}

namespace {

bool runs(const Model& model, const Assessment& a) {
    if (!model.runs_when) return false;
    const Answer* answer = answer_to(*model.runs_when, a);
    return answer && holds(*model.runs_when, answer->value) == Holds::yes;
}

void add_reason(ModelResult& m, const AdviceRule& rule) {
    if (m.reasons.empty()) m.reasons.reserve(3);  // the most the advice adds
    m.reasons.push_back({rule.value, &rule.why, &rule.annex, &rule.basis});
}

}  // namespace

// The advice's preferences (it runs the model, it builds on one it runs, it considers it) added to
// each model's fit, then each model's standing.
void apply_advice(Assessment& a) {
    const RubricSet& rubric = *a.rubric;
    const Profile& profile = a.profile;
    const Advice& advice = rubric.advice;
    const Answer* considering = advice.considered.question.empty() ? nullptr : profile.find(advice.considered.question);
    const auto* considered = considering ? std::get_if<std::vector<std::string>>(&considering->value) : nullptr;
    for (auto& m : a.models) {
        const Model& model = *m.model;
        bool running = runs(model, a);
        if (running && (advice.already_runs.kind.empty() || advice.already_runs.kind == model.kind))
            add_reason(m, advice.already_runs);
        bool builds_on_running =
            std::any_of(model.builds_on.begin(), model.builds_on.end(), [&](const std::string& id) {
                const Model* base = rubric.find_model(id);
                return base && runs(*base, a);
            });
        if (builds_on_running && !running) add_reason(m, advice.builds_on_running);
        if (considered && std::find(considered->begin(), considered->end(), model.id) != considered->end())
            add_reason(m, advice.considered);
        m.score = m.fit;
        for (const auto& reason : m.reasons) m.score += reason.points;
        m.reaches_min_fit = std::round(m.fit) >= advice.min_fit.value;
        if (running)
            m.status = ModelStatus::runs;
        else if (!m.blockers.empty())
            m.status = ModelStatus::blocked;
        else if (!m.reaches_min_fit)
            m.status = ModelStatus::low_fit;
        else
            m.status = ModelStatus::within_reach;
        // One it runs still needs the minimum fit to be grown now; below it, it is strengthened first.
        m.feasible = m.status == ModelStatus::within_reach || (running && m.reaches_min_fit);
    }
}

// Best first: the models it runs or has within reach by score, then the rest by score; ties by id.
bool ranks_before(const ModelResult& x, const ModelResult& y) {
    if (x.feasible != y.feasible) return x.feasible;
    if (!nearly_equal(x.score, y.score)) return x.score > y.score;
    return x.model->id < y.model->id;
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

// Whether closing this criterion's gap serves the suggestion: its answer is read by a requirement
// the suggestion does not meet yet, or, for a first step below the minimum fit, it scores one of
// the dimensions the step's fit is made of.
bool helps_lift(const CriterionResult& criterion, const DimensionResult& dimension, const ModelResult* suggested) {
    if (!suggested) return false;
    for (const auto& blocker : suggested->blockers) {
        const Condition& c = *blocker.condition;
        if (c.dimension == dimension.dimension->id || c.question == criterion.criterion->question) return true;
    }
    if (suggested->reaches_min_fit) return false;
    return std::any_of(suggested->fit_terms.begin(), suggested->fit_terms.end(),
                       [&](const FitTerm& term) { return term.dimension == dimension.dimension; });
}

}  // namespace

namespace {

// The suggestion (docs/rubrics.md): nothing below the minimum coverage; else the best fit among
// the models it runs or has within reach; else the Annex's first step for this kind of institution.
void choose_advice(Assessment& a) {
    const Advice& advice = a.rubric->advice;
    std::vector<const ModelResult*> ranked;
    ranked.reserve(a.models.size());
    for (const auto& m : a.models) ranked.push_back(&m);
    std::sort(ranked.begin(), ranked.end(),
              [](const ModelResult* x, const ModelResult* y) { return ranks_before(*x, *y); });
    if (100.0 * a.coverage + 1e-9 < advice.min_coverage.value) {
        a.suggestion_basis = SuggestionBasis::too_few_answers;
        return;
    }
    if (ranked.front()->feasible) {
        a.suggested = ranked.front();
        a.suggestion_basis = SuggestionBasis::best_fit;
    } else {
        for (const auto& step : advice.first_steps) {
            if (step.when && evaluate(*step.when, a) != Holds::yes) continue;
            a.suggested = a.find_model(step.model);
            a.first_step = &step;
            break;
        }
        a.suggestion_basis = SuggestionBasis::first_step;
    }
    a.not_for_now.reserve(ranked.size());
    for (const ModelResult* m : ranked) {
        if (m == a.suggested) continue;
        if (!m->feasible) {
            a.not_for_now.push_back(m);
            continue;
        }
        if (a.alternatives.size() >= static_cast<size_t>(advice.alternatives)) continue;
        Alternative alternative{m, a.suggested->score - m->score, {}};
        for (const FitReason& reason : a.suggested->reasons) {
            if (reason.points <= 0) continue;
            bool shared = std::any_of(m->reasons.begin(), m->reasons.end(),
                                      [&](const FitReason& r) { return r.why == reason.why; });
            if (!shared) alternative.missing.push_back(reason);
        }
        a.alternatives.push_back(std::move(alternative));
    }
}

// The assumptions that moved this result: the thresholds the advice applied, the preferences that
// counted for the suggestion and its alternatives, the requirements of the suggestion and the
// blockers of the models not for now.
void collect_assumptions(Assessment& a) {
    const Advice& advice = a.rubric->advice;
    // `rule` names the rule only for a basis kept: most rest on the Annex, and a batch assesses
    // thousands of profiles.
    auto add = [&](const Basis& basis, const std::string& annex, const std::string& model, const char* what,
                   const std::string& detail) {
        if (!basis.assumed()) return;
        for (const auto& known : a.assumptions)
            if (known.basis == &basis) return;
        a.assumptions.push_back({&basis, &annex, model + what + detail});
    };
    const std::string none;
    add(advice.min_coverage.basis, advice.min_coverage.annex, none, "advice.min_coverage", none);
    if (a.suggestion_basis == SuggestionBasis::too_few_answers) return;
    add(advice.min_fit.basis, advice.min_fit.annex, none, "advice.min_fit", none);
    if (a.first_step) add(a.first_step->basis, a.first_step->annex, none, "advice.first_steps.", a.first_step->model);
    std::vector<const ModelResult*> shown = {a.suggested};
    for (const auto& alternative : a.alternatives) shown.push_back(alternative.model);
    for (const ModelResult* m : shown)
        for (const auto& reason : m->reasons) add(*reason.basis, *reason.annex, m->model->id, " fit", none);
    for (const auto& requirement : a.suggested->model->requires_)
        add(requirement.basis, requirement.annex, a.suggested->model->id, " requires ", requirement.question);
    for (const ModelResult* m : a.not_for_now)
        for (const auto& blocker : m->blockers)
            add(blocker.condition->basis, blocker.condition->annex, m->model->id, " requires ",
                blocker.condition->question);
}

}  // namespace

const ModelResult* Assessment::find_model(const std::string& id) const {
    for (const auto& m : models)
        if (m.model->id == id) return &m;
    return nullptr;
}

// Built by appending to one string: a report shows dozens of blockers.
std::string blocker_text(const Blocker& blocker, const Assessment& assessment, Lang lang,
                         const RubricSet* annex_titles) {
    const Condition& c = *blocker.condition;
    const DimensionResult* d =
        c.dimension.empty() ? nullptr : find_dimension(assessment.dimensions, c.dimension, c.slot);
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
        if (items.empty())
            text += es ? "vacío" : "empty";
        else
            append_labels(text, *q, items, lang, ", ");
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
    text += " (";
    text += annex_citation(c.annex, lang, annex_titles);
    text += ')';
    return text;
}

namespace scoring {

Assessment assess_advice(Profile given, const RubricSet& rubric) {
    Assessment a;
    a.rubric = &rubric;
    a.profile = std::move(given);
    const auto& questions = rubric.questions;
    const auto& answers = a.profile.answers;

    // Each question's answer, found once: the answers are in the questions' order, so one walk
    // through both pairs them (a profile whose answers are not all the set's is searched instead).
    a.answers_by_question.assign(questions.size(), nullptr);
    size_t paired = 0;
    for (size_t i = 0; i < questions.size() && paired < answers.size(); ++i)
        if (answers[paired].question == &questions[i]) a.answers_by_question[i] = &answers[paired++];
    if (paired < answers.size())
        for (size_t i = 0; i < questions.size(); ++i) a.answers_by_question[i] = a.profile.find(questions[i]);

    // The index of a question in the set, searched from after the last one found: criteria mostly
    // follow the questions' order.
    size_t next_question = 0;
    auto find_question = [&](const std::string& path) {
        for (size_t i = 0; i < questions.size(); ++i) {
            size_t at = (next_question + i) % questions.size();
            if (questions[at].path == path) {
                next_question = at + 1;
                return at;
            }
        }
        return questions.size();  // not expected: a loaded set's criteria name its questions
    };
    a.dimensions.reserve(rubric.dimensions.size());
    for (const auto& dimension : rubric.dimensions) {
        DimensionResult result;
        result.dimension = &dimension;
        result.criteria.reserve(dimension.criteria.size());
        for (const auto& criterion : dimension.criteria) {
            const size_t at = find_question(criterion.question);
            const Question& question = questions.at(at);
            const Answer* answer = a.answers_by_question[at];
            result.criteria.push_back(score_criterion(criterion, question, answer ? answer->value : Value{}));
        }
        total_dimension(result, rubric);
        a.dimensions.push_back(std::move(result));
    }
    a.overall = overall_score(a.dimensions);
    if (a.overall) a.level = &rubric.level_for(*a.overall);
    a.coverage = overall_coverage(a.dimensions);

    a.models.reserve(rubric.models.size());
    for (const auto& model : rubric.models) a.models.push_back(evaluate_model(model, a));
    apply_advice(a);
    choose_advice(a);
    return a;
}

}  // namespace scoring

Assessment assess(Profile given, const RubricSet& rubric) {
    Assessment a = assess_advice(std::move(given), rubric);
    const Profile& profile = a.profile;
    a.institution_name = profile.text("institution.name");
    a.institution_type = profile.text("institution.type");
    for (const auto& question : rubric.questions) {
        if (question.block != "institution") continue;
        if (question.path == "institution.name" || question.path == "institution.type") continue;  // shown elsewhere
        const Answer* answer = profile.find(question);
        if (answer && answer->known()) a.institution_facts.push_back({&question, answer->value});
    }
    if (a.suggested) a.pathway = pathway_to(*a.suggested, a);
    collect_assumptions(a);

    // Each gap's gain: the overall index if that criterion alone reached full points. The index is a
    // weighted mean, so one dimension's new score changes one term of its sums.
    double dimension_weights = 0;
    double scored_weights = 0;
    double weighted_scores = 0;
    for (const auto& dimension : a.dimensions) {
        dimension_weights += dimension.dimension->weight;
        if (!dimension.score) continue;
        scored_weights += dimension.dimension->weight;
        weighted_scores += dimension.dimension->weight * *dimension.score;
    }
    auto overall_if = [&](const DimensionResult& dimension, double score) {
        const double weight = dimension.dimension->weight;
        const double known = dimension.score ? weight * *dimension.score : 0;
        return (weighted_scores - known + weight * score) / (scored_weights - (dimension.score ? weight : 0) + weight);
    };
    size_t criteria = 0;
    for (const auto& dimension : a.dimensions) criteria += dimension.criteria.size();
    a.recommendations.reserve(criteria);
    a.unanswered.reserve(criteria);
    for (size_t d = 0; d < a.dimensions.size(); ++d) {
        const DimensionResult& dimension = a.dimensions[d];
        double total_weight = 0;
        for (const auto& criterion : dimension.criteria) total_weight += criterion.max_points;
        for (size_t c = 0; c < dimension.criteria.size(); ++c) {
            const CriterionResult& criterion = dimension.criteria[c];
            if (!criterion.score) {
                double gain =
                    100.0 * dimension.dimension->weight * criterion.max_points / total_weight / dimension_weights;
                a.unanswered.push_back({criterion.question, dimension.dimension, gain});
                continue;
            }
            if (*criterion.score >= 100) continue;
            RecommendationResult rec;
            rec.criterion = criterion.criterion;
            rec.dimension = dimension.dimension;
            rec.gain = overall_if(dimension, score_if_closed(dimension, c)) - *a.overall;
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

Assessment assess_fully(Profile profile, const RubricSet& rubric, const AssessmentOptions& options) {
    Assessment assessment = assess(std::move(profile), rubric);
    assessment.evidence = review_evidence(assessment, options.date, options.evidence_max_age_months);
    find_advice_changes(assessment);
    return assessment;
}

}  // namespace tne
