// The plan (tne plan) as a document: the target and where the institution stands, what cannot be
// reached, the steps in order with their effort and what they lift, the result, and the command
// that shows it.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>

#include "report/diff_format.hpp"
#include "report/report_words.hpp"
#include "report/reports.hpp"

namespace tne::report {

namespace {

using namespace doc;
using diff_format::change_text;
using words::tr;

// A word the shell would split or expand is quoted, so the command can be pasted as it is. The
// bytes of a UTF-8 letter ("aprobación") are none of the shell's.
std::string shell_word(const std::string& word) {
    bool plain = std::all_of(word.begin(), word.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c)) ||
               std::string_view("._-=/:,+").find(c) != std::string_view::npos;
    });
    if (plain) return word;
    std::string quoted = "'";
    for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string try_command(const Plan& plan, const Assessment& now, Lang lang) {
    std::string command = (lang == Lang::es ? "tne evaluar " : "tne assess ") + shell_word(now.profile.source);
    for (const auto& s : plan.after.profile.simulated) {
        const Answer* answer = plan.after.profile.find(*s.question);
        command += " --set " + shell_word(setting_text(*s.question, answer ? answer->value : Value{}, lang));
    }
    return command;
}

class PlanReport {
public:
    PlanReport(const Plan& plan, const Assessment& now, Lang lang, bool annex_titles)
        : p_(plan), a_(now), lang_(lang), annex_titles_(annex_titles ? now.rubric : nullptr) {}

    Document build() {
        Document d;
        d.lang = lang_;
        d.title = fmt::format("{}: {} — {}", tr(lang_, "Plan", "Plan"), in(p_.target->name), a_.institution_name);
        const ModelResult& before = *a_.find_model(p_.target->id);
        std::string target = fmt::format("{} ({})", in(p_.target->name), annex(p_.target->annex));
        if (p_.default_target)
            target += tr(lang_, ", the next step of the suggested pathway", ", el siguiente paso de la ruta sugerida");
        d.body.push_back(Facts{
            {{tr(lang_, "Target", "Meta"), target},
             {tr(lang_, "Now", "Ahora"), fmt::format("{} {}/100 · {}", tr(lang_, "fit", "ajuste"),
                                                     format_number(before.fit, 0), words::status(a_, before, lang_))}},
            ""});
        if (before.feasible) {
            d.body.push_back(Paragraph{fmt::format(fmt::runtime(tr(lang_, "{} is already feasible: nothing to change.",
                                                                   "{} ya es factible: no hay nada que cambiar.")),
                                                   in(p_.target->name)),
                                       ""});
            return d;
        }
        if (before.blockers.empty()) {  // below the minimum fit: no answer is a blocker to lift
            std::string dimensions;
            for (const auto& term : before.fit_terms)
                dimensions += (dimensions.empty() ? "" : ", ") + in(term.dimension->name);
            d.body.push_back(
                Paragraph{fmt::format(fmt::runtime(tr(lang_,
                                                      "{} has no blocker, but its fit {} is below the minimum {}: "
                                                      "the recommendations in {} raise it.",
                                                      "{} no tiene obstáculos, pero su ajuste {} está por debajo del "
                                                      "mínimo {}: las recomendaciones de {} lo elevan.")),
                                      in(p_.target->name), format_number(before.fit, 0),
                                      format_number(a_.rubric->advice.min_fit.value, 0), dimensions),
                          ""});
            return d;
        }
        if (!p_.unliftable.empty()) d.body.push_back(unliftable());
        if (!p_.steps.empty()) {
            d.body.push_back(steps());
            d.body.push_back(after());
            d.body.push_back(Section{tr(lang_, "Try it", "Pruébelo"), {Command{try_command(p_, a_, lang_)}}, "try-it"});
        }
        return d;
    }

private:
    const std::string& in(const LocalText& text) const { return text.in(lang_); }
    std::string annex(const std::string& section) const { return annex_citation(section, lang_, annex_titles_); }

    Section unliftable() {
        List list;
        for (const auto& u : p_.unliftable)
            list.items.push_back({blocker_text({u.condition}, a_, lang_, annex_titles_),
                                  {Paragraph{words::unliftable(u.reason, lang_), ""}}});
        return Section{fmt::format(fmt::runtime(tr(lang_, "{} cannot be reached within this rubric set",
                                                   "{} no puede alcanzarse con este conjunto de rúbricas")),
                                   in(p_.target->name)),
                       {list},
                       "unliftable"};
    }

    Section steps() {
        std::string title =
            p_.reachable ? fmt::format("{}: {}, {} ({})", tr(lang_, "Steps", "Pasos"),
                                       words::changes(p_.steps.size(), lang_), words::effort_points(p_.cost, lang_),
                                       tr(lang_, "low 1, medium 2, high 4", "bajo 1, medio 2, alto 4"))
                         : tr(lang_, "The other blockers are lifted by these steps",
                              "Los demás obstáculos se resuelven con estos pasos");
        List list{{}, true, "steps"};
        for (const PlanStep& s : p_.steps) {
            const Recommendation& rec = s.criterion->recommendation;
            Text what = Text(in(s.dimension->name) + " · ");
            what.strong(in(s.question->label))
                .add(": " + words::answer(*a_.rubric, s.question->path, s.from, lang_) + " → " +
                     words::answer(*a_.rubric, s.question->path, s.to, lang_));
            Blocks body;
            body.push_back(Paragraph{
                fmt::format("{} {} · {} · {}", tr(lang_, "effort", "esfuerzo"), words::effort(rec.effort, lang_),
                            words::horizon(rec.horizon, lang_), annex(rec.annex)),
                ""});
            body.push_back(Paragraph{in(rec.text), ""});
            for (const Condition* c : s.lifts)
                body.push_back(Paragraph{
                    fmt::format("{}: {}", tr(lang_, "Lifts", "Resuelve"), blocker_text({c}, a_, lang_, annex_titles_)),
                    ""});
            list.items.push_back({what, std::move(body)});
        }
        return Section{title, {list}, "steps"};
    }

    Section after() {
        const Assessment& b = p_.after;
        Table table{{{words::term(words::Term::dimension, lang_)},
                     {words::term(words::Term::score, lang_), ColumnKind::number},
                     {words::term(words::Term::level, lang_)}},
                    {},
                    {},
                    ""};
        table.rows.push_back({words::term(words::Term::overall_readiness, lang_),
                              change_text(words::score(a_.overall), words::score(b.overall)),
                              change_text(words::level(a_.level, lang_), words::level(b.level, lang_))});
        for (size_t d = 0; d < a_.dimensions.size(); ++d) {
            const DimensionResult& x = a_.dimensions[d];
            const DimensionResult& y = b.dimensions[d];
            if (words::score(x.score) == words::score(y.score) && x.level == y.level) continue;
            table.rows.push_back({in(x.dimension->name), change_text(words::score(x.score), words::score(y.score)),
                                  change_text(words::level(x.level, lang_), words::level(y.level, lang_))});
        }
        const ModelResult& before = *a_.find_model(p_.target->id);
        const ModelResult& now = *b.find_model(p_.target->id);
        Facts facts{
            {{in(p_.target->name), fmt::format("{} {} · {}", tr(lang_, "fit", "ajuste"),
                                               change_text(format_number(before.fit, 0), format_number(now.fit, 0)),
                                               words::status(b, now, lang_))}},
            ""};
        if (a_.suggested && b.suggested)
            facts.items.push_back({words::term(words::Term::suggested_model, lang_),
                                   change_text(in(a_.suggested->model->name), in(b.suggested->model->name))});
        return Section{tr(lang_, "After these steps", "Después de estos pasos"), {table, facts}, "after"};
    }

    const Plan& p_;
    const Assessment& a_;
    Lang lang_;
    const RubricSet* annex_titles_;  // none: bare section numbers
};

}  // namespace

Document plan(const Plan& plan, const Assessment& now, Lang lang, bool annex_titles) {
    return PlanReport(plan, now, lang, annex_titles).build();
}

}  // namespace tne::report
