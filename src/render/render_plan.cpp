// Views of a Plan: its JSON contract (docs/json.md), and the plan document (report/plan_report.cpp)
// in text, Markdown and HTML.
#include <fmt/format.h>

#include "render/emit.hpp"
#include "render/json_values.hpp"
#include "report/report_words.hpp"
#include "report/reports.hpp"
#include "tne/render.hpp"

namespace tne {

namespace {

std::string_view reason_id(UnliftableBlocker::Reason reason) {
    switch (reason) {
        case UnliftableBlocker::Reason::fixed_answer:
            return "fixed_answer";
        case UnliftableBlocker::Reason::out_of_reach:
            return "out_of_reach";
        case UnliftableBlocker::Reason::conflicting:
            return "conflicting";
    }
    return "";
}

const ModelResult& target_result(const Assessment& a, const Plan& plan) { return *a.find_model(plan.target->id); }

void write_state(JsonWriter& json, const Assessment& a, const Plan& plan, Lang lang) {
    const ModelResult& target = target_result(a, plan);
    json.begin_object();
    write_score(json, "overall", a.overall);
    json.key("level");
    if (a.level)
        json.value(a.level->id);
    else
        json.null();
    json.key("target_fit").number(target.fit, kFigureDecimals);
    json.field("target_feasible", target.feasible);
    json.key("target_blockers").begin_array();
    for (const auto& blocker : target.blockers) json.value(blocker_text(blocker, a, lang));
    json.end_array();
    json.key("suggested_model");
    if (a.suggested)
        json.value(a.suggested->model->id);
    else
        json.null();
    json.key("dimensions").begin_array();
    for (const auto& d : a.dimensions) {
        json.begin_object().field("id", d.dimension->id);
        write_score(json, "score", d.score);
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

}  // namespace

std::string render_plan_text(const Plan& plan, const Assessment& now, const TextOptions& options) {
    return render::text(report::plan(plan, now, options.lang, false), {options.width, options.color});
}

std::string render_plan_markdown(const Plan& plan, const Assessment& now, Lang lang) {
    return render::markdown(report::plan(plan, now, lang, true));
}

std::string render_plan_html(const Plan& plan, const Assessment& now, Lang lang) {
    return render::html(report::plan(plan, now, lang, true));
}

std::string render_plan_json(const Plan& plan, const Assessment& now, Lang lang) {
    JsonWriter json;
    json.begin_object();
    json.field("lang", std::string(lang_code(lang)));
    json.field("source", now.profile.source);
    json.key("target").begin_object();
    json.field("id", plan.target->id).field("name", plan.target->name.in(lang)).field("annex", plan.target->annex);
    json.field("default", plan.default_target);
    json.end_object();
    json.field("feasible_now", target_result(now, plan).feasible);
    json.field("reachable", plan.reachable);
    json.field("cost", plan.cost);
    json.key("effort_points").begin_object();
    for (Effort e : {Effort::low, Effort::medium, Effort::high}) json.field(effort_id(e), effort_points(e));
    json.end_object();
    json.key("steps").begin_array();
    for (const auto& s : plan.steps) {
        const Recommendation& rec = s.criterion->recommendation;
        json.begin_object();
        json.field("field", s.question->path).field("criterion", s.criterion->id).field("dimension", s.dimension->id);
        write_answer(json, "from", s.from);
        write_answer(json, "to", s.to);
        json.field("set", setting_text(*s.question, s.to));
        json.field("effort", std::string(effort_id(rec.effort))).field("horizon", std::string(horizon_id(rec.horizon)));
        json.field("annex", rec.annex).field("text", rec.text.in(lang));
        json.key("lifts").begin_array();
        for (const Condition* c : s.lifts) json.value(blocker_text({c}, now, lang));
        json.end_array();
        json.end_object();
    }
    json.end_array();
    json.key("unliftable").begin_array();
    for (const auto& u : plan.unliftable) {
        json.begin_object();
        json.field("blocker", blocker_text({u.condition}, now, lang));
        json.field("reason", std::string(reason_id(u.reason))).field("why", words::unliftable(u.reason, lang));
        json.end_object();
    }
    json.end_array();
    json.key("before");
    write_state(json, now, plan, lang);
    json.key("after");
    write_state(json, plan.after, plan, lang);
    json.end_object();
    return json.str();
}

}  // namespace tne
