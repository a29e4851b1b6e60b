// The Assessment written out as JSON: the stable contract documented in docs/json.md.
#include "render/json_values.hpp"
#include "tne/render.hpp"

namespace tne {

namespace {

void write_level(JsonWriter& json, const Level* level, Lang lang) {
    if (level) {
        json.field("level", level->id);
        json.field("level_name", level->name.in(lang));
    } else {
        json.key("level").null();
        json.key("level_name").null();
    }
}

std::string_view status_id(ModelStatus status) {
    switch (status) {
        case ModelStatus::runs:
            return "runs";
        case ModelStatus::within_reach:
            return "within_reach";
        case ModelStatus::low_fit:
            return "low_fit";
        case ModelStatus::blocked:
            return "blocked";
    }
    return "";
}

std::string_view basis_id(SuggestionBasis basis) {
    switch (basis) {
        case SuggestionBasis::best_fit:
            return "best_fit";
        case SuggestionBasis::first_step:
            return "first_step";
        case SuggestionBasis::too_few_answers:
            return "too_few_answers";
    }
    return "";
}

// {"points": 10, "why": "...", "annex": "4.3.3", "quote": "...", "assumption": "..."}
void write_reason(JsonWriter& json, const FitReason& reason, Lang lang) {
    json.begin_object();
    json.key("points").number(reason.points, kFigureDecimals);
    json.field("why", reason.why->in(lang)).field("annex", *reason.annex);
    json.field("quote", reason.basis->quote).field("assumption", reason.basis->assumption.in(lang));
    json.end_object();
}

void write_reasons(JsonWriter& json, std::string_view key, const std::vector<FitReason>& reasons, Lang lang) {
    json.key(key).begin_array();
    for (const auto& reason : reasons) write_reason(json, reason, lang);
    json.end_array();
}

void write_advice(JsonWriter& json, const Assessment& a, Lang lang) {
    json.key("advice").begin_object();
    json.field("basis", std::string(basis_id(a.suggestion_basis)));
    json.key("min_coverage").number(a.rubric->advice.min_coverage.value, kFigureDecimals);
    json.key("suggested");
    if (a.suggested)
        json.value(a.suggested->model->id);
    else
        json.null();
    json.key("first_step");
    if (a.first_step) {
        json.begin_object().field("model", a.first_step->model).field("why", a.first_step->why.in(lang));
        json.field("annex", a.first_step->annex).field("quote", a.first_step->basis.quote).end_object();
    } else {
        json.null();
    }
    json.key("alternatives").begin_array();
    for (const auto& alternative : a.alternatives) {
        json.begin_object().field("id", alternative.model->model->id);
        json.key("fit").number(alternative.model->fit, kFigureDecimals);
        json.key("score_gap").number(alternative.score_gap, kFigureDecimals);
        json.field("tie", alternative.score_gap < 0.05);
        write_reasons(json, "lacks", alternative.missing, lang);
        json.end_object();
    }
    json.end_array();
    json.key("not_for_now").begin_array();
    for (const ModelResult* m : a.not_for_now) json.value(m->model->id);
    json.end_array();
    json.key("assumptions").begin_array();
    for (const auto& assumption : a.assumptions) {
        json.begin_object().field("rule", assumption.rule).field("annex", *assumption.annex);
        json.field("assumption", assumption.basis->assumption.in(lang)).end_object();
    }
    json.end_array();
    json.key("changes").begin_array();
    for (const auto& change : a.changes) {
        json.begin_object().key("suggested");
        if (change.model)
            json.value(change.model->id);
        else
            json.null();
        json.field("exhaustive", change.exhaustive);
        json.key("ways").begin_array();
        for (const auto& way : change.ways) {
            json.begin_array();
            for (const auto& step : way) {
                json.begin_object().field("field", step.question->path);
                write_answer(json, "from", step.from);
                write_answer(json, "to", step.to);
                json.end_object();
            }
            json.end_array();
        }
        json.end_array();
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

// Present only when the evidence was reviewed; null otherwise, so the keys stay the same.
void write_confidence(JsonWriter& json, const std::optional<EvidenceReview>& review, std::optional<size_t> dimension) {
    json.key("confidence");
    if (!review)
        json.null();
    else
        json.number(100 * (dimension ? review->dimensions[*dimension].confidence : review->confidence),
                    kFigureDecimals);
}

void write_dated(JsonWriter& json, const DatedEvidence& dated, bool with_age) {
    const Evidence& e = *dated.evidence;
    json.begin_object().field("field", e.question->path);
    json.key("dimension");
    if (dated.dimension)
        json.value(dated.dimension->id);
    else
        json.null();
    json.field("date", e.date.iso());
    if (with_age) json.field("age_months", dated.age_months);
    json.field("owner", e.owner).field("source", e.source);
    json.end_object();
}

void write_evidence(JsonWriter& json, const Assessment& a) {
    json.key("evidence");
    if (!a.evidence) {
        json.null();
        return;
    }
    const EvidenceReview& review = *a.evidence;
    json.begin_object();
    json.field("date", review.date.iso()).field("max_age_months", review.max_age_months);
    json.key("confidence").number(100 * review.confidence, kFigureDecimals);
    json.key("dimensions").begin_array();
    for (size_t i = 0; i < a.dimensions.size(); ++i) {
        const DimensionEvidence& counts = review.dimensions[i];
        json.begin_object().field("id", a.dimensions[i].dimension->id);
        json.key("confidence").number(100 * counts.confidence, kFigureDecimals);
        json.field("fresh", counts.fresh).field("stale", counts.stale).field("missing", counts.missing);
        json.end_object();
    }
    json.end_array();
    json.key("missing").begin_array();  // fields only: the per-dimension counts are above
    for (const auto& m : review.missing) json.value(m.question->path);
    json.end_array();
    json.key("stale").begin_array();
    for (const auto& dated : review.stale) write_dated(json, dated, true);
    json.end_array();
    json.key("dated_after").begin_array();
    for (const auto& dated : review.dated_after) write_dated(json, dated, false);
    json.end_array();
    json.end_object();
}

}  // namespace

std::string render_json(const Assessment& a, Lang lang) {
    const RubricSet& rubric = *a.rubric;
    JsonWriter json;
    json.begin_object();
    json.field("lang", std::string(lang_code(lang)));
    json.field("source", a.profile.source);
    json.key("simulated").begin_array();  // what-if answers (--set), in the order given
    for (const auto& s : a.profile.simulated) {
        const Answer* now = a.profile.find(*s.question);
        json.begin_object().field("field", s.question->path);
        write_answer(json, "value", now ? now->value : Value{});
        write_answer(json, "was", s.was);
        json.end_object();
    }
    json.end_array();
    json.key("rubric_set").begin_object();
    json.field("id", rubric.id).field("version", rubric.version).field("name", rubric.name.in(lang));
    json.end_object();

    json.key("institution").begin_object();
    json.field("name", a.institution_name).field("type", a.institution_type);
    json.field("type_name", rubric.value_label("institution.type", a.institution_type, lang));
    json.end_object();

    json.key("overall").begin_object();
    write_score(json, "score", a.overall);
    write_level(json, a.level, lang);
    json.key("coverage").number(100 * a.coverage, kFigureDecimals);
    write_confidence(json, a.evidence, std::nullopt);
    json.end_object();

    json.key("dimensions").begin_array();
    for (size_t i = 0; i < a.dimensions.size(); ++i) {
        const DimensionResult& d = a.dimensions[i];
        json.begin_object();
        json.field("id", d.dimension->id).field("name", d.dimension->name.in(lang));
        json.key("weight").number(d.dimension->weight, 2);
        write_score(json, "score", d.score);
        write_level(json, d.level, lang);
        json.key("coverage").number(100 * d.coverage, kFigureDecimals);
        write_confidence(json, a.evidence, i);
        json.key("points").number(d.points, 2);
        json.key("max_points").number(d.max_points, 2);
        json.key("criteria").begin_array();
        for (const auto& c : d.criteria) {
            json.begin_object();
            json.field("id", c.criterion->id).field("name", c.criterion->name.in(lang));
            json.field("field", c.criterion->question);
            write_answer(json, "value", c.value);
            write_score(json, "score", c.score);
            json.key("rule");
            if (c.score)
                json.value(matched_step(c));
            else
                json.null();
            json.key("points").number(c.points, 2);
            json.key("max_points").number(c.max_points, 2);
            json.field("annex", c.criterion->annex);
            json.end_object();
        }
        json.end_array();
        json.end_object();
    }
    json.end_array();

    json.key("recommendations").begin_array();
    for (const auto& r : a.recommendations) {
        const Recommendation& rec = r.criterion->recommendation;
        json.begin_object();
        json.field("rank", r.rank).field("id", r.criterion->id).field("dimension", r.dimension->id);
        json.key("gain").number(r.gain, kFigureDecimals);
        json.field("effort", std::string(effort_id(rec.effort)));
        json.field("horizon", std::string(horizon_id(rec.horizon)));
        json.field("annex", rec.annex).field("lifts_blocker", r.lifts_blocker);
        json.field("text", rec.text.in(lang));
        json.end_object();
    }
    json.end_array();

    json.key("models").begin_array();
    for (const auto& m : a.models) {
        json.begin_object();
        json.field("id", m.model->id).field("name", m.model->name.in(lang)).field("kind", m.model->kind);
        json.field("stage", m.model->stage).field("annex", m.model->annex);
        json.key("fit").number(m.fit, kFigureDecimals);
        json.key("score").number(m.score, kFigureDecimals);
        json.field("feasible", m.feasible).field("status", std::string(status_id(m.status)));
        json.key("blockers").begin_array();
        for (const auto& blocker : m.blockers) json.value(blocker_text(blocker, a, lang));
        json.end_array();
        json.key("fit_terms").begin_array();
        for (const auto& term : m.fit_terms) {
            json.begin_object().field("dimension", term.dimension->id);
            json.key("weight").number(term.weight, 2);
            write_score(json, "score", term.score);
            json.end_object();
        }
        json.end_array();
        write_reasons(json, "reasons", m.reasons, lang);
        json.end_object();
    }
    json.end_array();

    json.key("suggested_model");
    if (a.suggested) {
        json.begin_object();
        json.field("id", a.suggested->model->id).field("name", a.suggested->model->name.in(lang));
        json.key("fit").number(a.suggested->fit, kFigureDecimals);
        json.field("feasible", a.suggested->feasible);
        json.key("pathway").begin_array();
        for (const auto* step : a.pathway) json.value(step->model->id);
        json.end_array();
        json.end_object();
    } else {
        json.null();
    }

    json.key("unanswered").begin_array();
    for (const auto& u : a.unanswered) {
        json.begin_object().field("field", u.question->path).field("dimension", u.dimension->id);
        json.key("coverage_gain").number(u.coverage_gain, kFigureDecimals);
        json.end_object();
    }
    json.end_array();

    write_advice(json, a, lang);
    write_evidence(json, a);
    json.end_object();
    return json.str();
}

}  // namespace tne
