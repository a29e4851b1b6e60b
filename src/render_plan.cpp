// Views of a Plan: the terminal's action list, its JSON contract (docs/json.md) and Markdown.
#include <fmt/format.h>

#include "json_values.hpp"
#include "markdown.hpp"
#include "report_words.hpp"
#include "text_layout.hpp"
#include "tne/render.hpp"

namespace tne {

namespace {

using words::tr;

std::string reason_text(UnliftableBlocker::Reason reason, Lang lang) {
    switch (reason) {
        case UnliftableBlocker::Reason::fixed_answer:
            return tr(lang, "It describes the institution; no recommendation of the rubric set changes it.",
                      "Describe a la institución; ninguna recomendación del conjunto de rúbricas lo cambia.");
        case UnliftableBlocker::Reason::out_of_reach:
            return tr(lang, "Even the best answers to its questions do not meet it.",
                      "Ni las mejores respuestas a sus preguntas lo cumplen.");
        case UnliftableBlocker::Reason::conflicting:
            return tr(lang, "It can be met, but not together with the model's other requirements.",
                      "Puede cumplirse, pero no junto con los demás requisitos del modelo.");
    }
    return "";
}

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

// A word the shell would split or expand is quoted, so the command can be pasted as it is.
std::string shell_word(const std::string& word) {
    if (word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-=/:,+") ==
        std::string::npos)
        return word;
    std::string quoted = "'";
    for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string try_command(const Plan& plan, const Assessment& now) {
    std::string command = "tne assess " + shell_word(now.profile.source);
    for (const auto& s : plan.after.profile.simulated) {
        const Answer* answer = plan.after.profile.find(*s.question);
        command += " --set " + shell_word(setting_text(*s.question, answer ? answer->value : Value{}));
    }
    return command;
}

std::string changes(size_t count, Lang lang) {
    return count == 1 ? tr(lang, "1 change", "1 cambio") : fmt::format("{} {}", count, tr(lang, "changes", "cambios"));
}

std::string effort_total(int points, Lang lang) {
    return points == 1 ? tr(lang, "1 effort point", "1 punto de esfuerzo")
                       : fmt::format("{} {}", points, tr(lang, "effort points", "puntos de esfuerzo"));
}

const ModelResult& target_result(const Assessment& a, const Plan& plan) { return *a.find_model(plan.target->id); }

std::string change(const std::string& before, const std::string& after) {
    return before == after ? before : before + " → " + after;
}

class TextPlan {
public:
    TextPlan(const Plan& plan, const Assessment& now, const TextOptions& options) : p_(plan), a_(now), o_(options) {}

    std::string render() {
        const ModelResult& before = target_result(a_, p_);
        out_ += bold(fmt::format("{} — {}", tr(lang(), "Plan", "Plan"), a_.institution_name)) + "\n";
        std::string target = fmt::format("{}: {} ({} {})", tr(lang(), "Target", "Meta"), in(p_.target->name),
                                         tr(lang(), "Annex", "Anexo"), p_.target->annex);
        if (p_.default_target)
            target += tr(lang(), ", the next step of the suggested pathway", ", el siguiente paso de la ruta sugerida");
        append_wrapped(out_, target, o_.width, "", "  ");
        out_ += fmt::format("{}: {} {}/100 · {}\n", tr(lang(), "Now", "Ahora"), tr(lang(), "fit", "ajuste"),
                            format_number(before.fit, 0), words::status(a_, before, lang()));
        if (before.feasible) {
            out_ += "\n" +
                    fmt::format(fmt::runtime(tr(lang(), "{} is already feasible: nothing to change.",
                                                "{} ya es factible: no hay nada que cambiar.")),
                                in(p_.target->name)) +
                    "\n";
            return out_;
        }
        if (before.blockers.empty()) {  // below the minimum fit: no answer is a blocker to lift
            std::string dimensions;
            for (const auto& term : before.fit_terms)
                dimensions += (dimensions.empty() ? "" : ", ") + in(term.dimension->name);
            append_wrapped(
                out_,
                "\n" + fmt::format(fmt::runtime(tr(lang(),
                                                   "{} has no blocker, but its fit {} is below the minimum {}: "
                                                   "the recommendations in {} raise it.",
                                                   "{} no tiene obstáculos, pero su ajuste {} está por debajo del "
                                                   "mínimo {}: las recomendaciones de {} lo elevan.")),
                                   in(p_.target->name), format_number(before.fit, 0),
                                   format_number(a_.rubric->advice.min_fit.value, 0), dimensions),
                o_.width, "", "");
            return out_;
        }
        unliftable();
        steps();
        if (!p_.steps.empty()) {
            after();
            heading(tr(lang(), "Try it", "Pruébelo"));
            append_wrapped(out_, try_command(p_, a_), o_.width, "  ", "    ");
        }
        return out_;
    }

private:
    Lang lang() const { return o_.lang; }
    const std::string& in(const LocalText& text) const { return text.in(o_.lang); }
    std::string bold(const std::string& text) const { return o_.color ? "\033[1m" + text + "\033[0m" : text; }
    void heading(const std::string& text) { out_ += "\n" + bold(text) + "\n"; }

    void unliftable() {
        if (p_.unliftable.empty()) return;
        heading(fmt::format(fmt::runtime(tr(lang(), "{} cannot be reached within this rubric set",
                                            "{} no puede alcanzarse con este conjunto de rúbricas")),
                            in(p_.target->name)));
        for (const auto& u : p_.unliftable) {
            append_wrapped(out_, blocker_text({u.condition}, a_, lang()), o_.width, "  - ", "    ");
            append_wrapped(out_, reason_text(u.reason, lang()), o_.width, "    ", "    ");
        }
    }

    void steps() {
        if (p_.steps.empty()) return;
        std::string title = fmt::format("{}: {}, {} ({})", tr(lang(), "Steps", "Pasos"),
                                        changes(p_.steps.size(), lang()), effort_total(p_.cost, lang()),
                                        tr(lang(), "low 1, medium 2, high 4", "bajo 1, medio 2, alto 4"));
        if (!p_.reachable)
            title = tr(lang(), "The other blockers are lifted by these steps",
                       "Los demás obstáculos se resuelven con estos pasos");
        heading(title);
        for (size_t i = 0; i < p_.steps.size(); ++i) {
            const PlanStep& s = p_.steps[i];
            const Recommendation& rec = s.criterion->recommendation;
            std::string what = fmt::format("{} · {}: {} → {}", in(s.dimension->name), in(s.question->label),
                                           words::answer(*a_.rubric, s.question->path, s.from, lang()),
                                           words::answer(*a_.rubric, s.question->path, s.to, lang()));
            append_wrapped(out_, what, o_.width, pad_left(fmt::format("{}.", i + 1), 4) + " ", "     ");
            append_wrapped(
                out_,
                fmt::format("{} {} · {} · {} {}", tr(lang(), "effort", "esfuerzo"), words::effort(rec.effort, lang()),
                            words::horizon(rec.horizon, lang()), tr(lang(), "Annex", "Anexo"), rec.annex),
                o_.width, "     ", "     ");
            append_wrapped(out_, in(rec.text), o_.width, "     ", "     ");
            for (const Condition* c : s.lifts)
                append_wrapped(out_,
                               fmt::format("{}: {}", tr(lang(), "Lifts", "Resuelve"), blocker_text({c}, a_, lang())),
                               o_.width, "     ", "       ");
        }
    }

    void after() {
        const Assessment& b = p_.after;
        heading(tr(lang(), "After these steps", "Después de estos pasos"));
        out_ += fmt::format("  {}: {}  {}\n", tr(lang(), "Overall readiness", "Preparación general"),
                            change(words::score(a_.overall), words::score(b.overall)),
                            change(words::level(a_.level, lang()), words::level(b.level, lang())));
        for (size_t d = 0; d < a_.dimensions.size(); ++d) {
            const DimensionResult& x = a_.dimensions[d];
            const DimensionResult& y = b.dimensions[d];
            if (words::score(x.score) == words::score(y.score) && x.level == y.level) continue;
            out_ += fmt::format("  {}: {}  {}\n", in(x.dimension->name),
                                change(words::score(x.score), words::score(y.score)),
                                change(words::level(x.level, lang()), words::level(y.level, lang())));
        }
        const ModelResult& before = target_result(a_, p_);
        const ModelResult& now = target_result(b, p_);
        out_ +=
            fmt::format("  {}: {} {} · {}\n", in(p_.target->name), tr(lang(), "fit", "ajuste"),
                        change(format_number(before.fit, 0), format_number(now.fit, 0)), words::status(b, now, lang()));
        if (a_.suggested && b.suggested)
            out_ += fmt::format("  {}: {}\n", tr(lang(), "Suggested model", "Modelo sugerido"),
                                change(in(a_.suggested->model->name), in(b.suggested->model->name)));
    }

    const Plan& p_;
    const Assessment& a_;
    const TextOptions& o_;
    std::string out_;
};

void write_state(JsonWriter& json, const Assessment& a, const Plan& plan, Lang lang) {
    const ModelResult& target = target_result(a, plan);
    json.begin_object();
    write_score(json, "overall", a.overall);
    json.key("level");
    if (a.level)
        json.value(a.level->id);
    else
        json.null();
    json.key("target_fit").number(target.fit, 1);
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
    return TextPlan(plan, now, options).render();
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
        json.field("reason", std::string(reason_id(u.reason))).field("why", reason_text(u.reason, lang));
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

std::string render_plan_markdown(const Plan& plan, const Assessment& now, Lang lang) {
    using markdown::escape;
    const ModelResult& before = target_result(now, plan);
    std::string out = fmt::format("# {}: {} — {}\n\n", tr(lang, "Plan", "Plan"), escape(plan.target->name.in(lang)),
                                  escape(now.institution_name));
    out += fmt::format("{}: {} ({} {}){}  \n", tr(lang, "Target", "Meta"), escape(plan.target->name.in(lang)),
                       tr(lang, "Annex", "Anexo"), plan.target->annex,
                       plan.default_target ? tr(lang, ", the next step of the suggested pathway",
                                                ", el siguiente paso de la ruta sugerida")
                                           : "");
    out += fmt::format("{}: {} {}/100 · {}\n", tr(lang, "Now", "Ahora"), tr(lang, "fit", "ajuste"),
                       format_number(before.fit, 0), words::status(now, before, lang));
    if (!plan.unliftable.empty()) {
        out += fmt::format("\n## {}\n\n",
                           escape(fmt::format(fmt::runtime(tr(lang, "{} cannot be reached within this rubric set",
                                                              "{} no puede alcanzarse con este conjunto de rúbricas")),
                                              plan.target->name.in(lang))));
        for (const auto& u : plan.unliftable)
            out += fmt::format("- {} {}\n", escape(blocker_text({u.condition}, now, lang)),
                               escape(reason_text(u.reason, lang)));
    }
    if (!plan.steps.empty()) {
        out += fmt::format("\n## {}\n\n", tr(lang, "Steps", "Pasos"));
        out += fmt::format("| # | {} | {} | {} | {} | {} | {} |\n| ---: | --- | --- | --- | --- | --- | --- |\n",
                           tr(lang, "Change", "Cambio"), tr(lang, "Action", "Acción"), tr(lang, "Effort", "Esfuerzo"),
                           words::term(words::Term::horizon, lang), tr(lang, "Annex", "Anexo"),
                           tr(lang, "Lifts", "Resuelve"));
        for (size_t i = 0; i < plan.steps.size(); ++i) {
            const PlanStep& s = plan.steps[i];
            const Recommendation& rec = s.criterion->recommendation;
            std::string lifts;
            for (const Condition* c : s.lifts) lifts += (lifts.empty() ? "" : "; ") + blocker_text({c}, now, lang);
            std::string what = fmt::format("{}: {} → {}", s.question->label.in(lang),
                                           words::answer(*now.rubric, s.question->path, s.from, lang),
                                           words::answer(*now.rubric, s.question->path, s.to, lang));
            out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", i + 1, escape(what), escape(rec.text.in(lang)),
                               words::effort(rec.effort, lang), words::horizon(rec.horizon, lang), rec.annex,
                               escape(lifts));
        }
        const ModelResult& after = target_result(plan.after, plan);
        out += fmt::format("\n{}: {} {} · {}, {} {} → {}\n", tr(lang, "After these steps", "Después de estos pasos"),
                           tr(lang, "fit", "ajuste"), format_number(after.fit, 0),
                           words::status(plan.after, after, lang), tr(lang, "overall readiness", "preparación general"),
                           words::score(now.overall), words::score(plan.after.overall));
        out += fmt::format("\n```sh\n{}\n```\n", try_command(plan, now));
    }
    return out;
}

}  // namespace tne
