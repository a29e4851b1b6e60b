// The report as GitHub-flavoured Markdown, for a wiki, an issue or pandoc: the HTML report's
// content without raw HTML. Text from the profile or the rubric set is escaped so it can neither
// break a table nor inject HTML.
#include <fmt/format.h>

#include <algorithm>

#include "markdown.hpp"
#include "report_words.hpp"
#include "text_layout.hpp"
#include "tne/render.hpp"

namespace tne {

namespace {

constexpr int kBarWidth = 10;

using markdown::code;

std::string md(std::string_view text) { return markdown::escape(text); }

class MarkdownReport {
public:
    MarkdownReport(const Assessment& a, Lang lang, const ReportDate& date) : a_(a), lang_(lang), date_(date) {}

    std::string render() {
        header();
        dimensions();
        models();
        recommendations();
        evidence();
        criteria();
        return out_;
    }

private:
    const char* tr(const char* en, const char* es) const { return words::tr(lang_, en, es); }
    std::string in(const LocalText& text) const { return md(text.in(lang_)); }

    void heading(int level, const std::string& text) {
        out_ += fmt::format("\n{} {}\n\n", std::string(level, '#'), text);
    }
    void row(std::initializer_list<std::string> cells) {
        out_ += "|";
        for (const auto& cell : cells) out_ += " " + cell + " |";
        out_ += "\n";
    }

    void header() {
        out_ += fmt::format("# {} — {}\n\n", tr("TNE readiness", "Preparación para la ETN"), md(a_.institution_name));
        out_ += fmt::format("{} · {}  \n{}: {}  \n{}: {}, v{}\n", md(date_.long_form(lang_)),
                            md(a_.rubric->value_label("institution.type", a_.institution_type, lang_)),
                            tr("Source", "Fuente"), code(a_.profile.source), tr("Rubric set", "Conjunto de rúbricas"),
                            in(a_.rubric->name), a_.rubric->version);
        if (!a_.profile.simulated.empty()) {
            out_ += fmt::format("\n> **{}**\n", md(words::simulated_heading(a_.profile.simulated.size(), lang_)));
            for (const auto& s : a_.profile.simulated)
                out_ += "> - " + md(words::simulated_change(a_, s, lang_)) + "\n";
        }
        out_ += fmt::format("\n- **{}:** {}\n- **{}:** {}\n- **{}:** {} ({})\n",
                            tr("Overall readiness", "Preparación general"), md(words::score_of_100(a_.overall, lang_)),
                            tr("Level", "Nivel"), md(words::level(a_.level, lang_)), tr("Coverage", "Cobertura"),
                            words::percent(a_.coverage),
                            tr("of the criteria's weight is answered", "del peso de los criterios tiene respuesta"));
        if (a_.evidence)
            out_ += fmt::format("- **{}:** {} ({})\n", tr("Confidence", "Confianza"),
                                words::percent(a_.evidence->confidence),
                                tr("coverage with answers weighed by their evidence",
                                   "la cobertura, con cada respuesta ponderada por su evidencia"));
    }

    void dimensions() {
        heading(2, tr("Readiness by dimension", "Preparación por dimensión"));
        if (!a_.evidence) {
            row({tr("Dimension", "Dimensión"), tr("Score", "Puntaje"), "0–100", tr("Level", "Nivel"),
                 tr("Coverage", "Cobertura")});
            out_ += "| --- | ---: | --- | --- | ---: |\n";
            for (const auto& d : a_.dimensions)
                row({in(d.dimension->name), md(words::score_of_100(d.score, lang_)),
                     d.score ? score_bar(*d.score, kBarWidth) : "", md(words::level(d.level, lang_)),
                     words::percent(d.coverage)});
            return;
        }
        row({tr("Dimension", "Dimensión"), tr("Score", "Puntaje"), "0–100", tr("Level", "Nivel"),
             tr("Coverage", "Cobertura"), tr("Confidence", "Confianza")});
        out_ += "| --- | ---: | --- | --- | ---: | ---: |\n";
        for (size_t i = 0; i < a_.dimensions.size(); ++i) {
            const DimensionResult& d = a_.dimensions[i];
            row({in(d.dimension->name), md(words::score_of_100(d.score, lang_)),
                 d.score ? score_bar(*d.score, kBarWidth) : "", md(words::level(d.level, lang_)),
                 words::percent(d.coverage), words::percent(a_.evidence->dimensions[i].confidence)});
        }
    }

    void models() {
        heading(2, tr("Fit of each model", "Ajuste de cada modelo"));
        out_ += fmt::format("{} {}. {}\n\n",
                            tr("Fit from 0 to 100; the minimum fit is", "Ajuste de 0 a 100; el ajuste mínimo es"),
                            format_number(a_.rubric->advice.min_fit.value, 0),
                            tr("Score: the fit plus its reasons' points; it ranks the models.",
                               "Puntaje: el ajuste más los puntos de sus razones; ordena los modelos."));
        row({tr("Model", "Modelo"), tr("Fit", "Ajuste"), "0–100", tr("Score", "Puntaje"), tr("Status", "Estado")});
        out_ += "| --- | ---: | --- | ---: | --- |\n";
        for (const auto& m : a_.models) {
            std::string status = md(words::status(a_, m, lang_));
            if (&m == a_.suggested) status = "**" + status + "**";
            row({in(m.model->name), format_number(m.fit, 0), score_bar(m.fit, kBarWidth), format_number(m.score, 0),
                 status});
        }
        suggestion();
        alternatives();
        not_for_now();
        decided();
        changes();
    }

    void item(const std::string& text, int depth = 0) { out_ += std::string(2 * depth, ' ') + "- " + text + "\n"; }
    void paragraph(const std::string& text) { out_ += text + "\n\n"; }

    // The suggestion and why (Annex 4.1.2, 4.3.3); with too few answers, the questions to answer
    // first. A first step is never said to be blocked.
    void suggestion() {
        heading(3, md(words::suggested_title(a_, lang_)));
        if (!a_.suggested) {
            paragraph(md(words::suggestion_basis(a_, lang_)));
            if (a_.unanswered.empty()) return;
            paragraph("**" + md(words::answers_needed_title(lang_)) + "**");
            for (size_t i = 0; i < std::min(words::kAnswersNeeded, a_.unanswered.size()); ++i)
                item(md(words::unanswered(a_.unanswered[i], lang_)));
            return;
        }
        const ModelResult& m = *a_.suggested;
        paragraph(fmt::format("**{}** · {} · {} {}", md(words::status(a_, m, lang_)),
                              md(words::fit_and_score(m, lang_)), tr("Annex", "Anexo"), md(m.model->annex)));
        paragraph(in(m.model->description));
        paragraph(md(words::suggestion_basis(a_, lang_)));
        if (m.status == ModelStatus::runs) paragraph(md(words::runs_note(a_, lang_)));
        reasons(m, true, words::in_favour_title(lang_));
        reasons(m, false, words::against_title(lang_));
        paragraph(fmt::format("**{}:**", tr("Pathway", "Ruta")));
        int step_number = 0;
        for (const auto* step : a_.pathway)
            out_ += fmt::format("{}. {} ({})\n", ++step_number, in(step->model->name),
                                md(words::short_status(a_, *step, lang_)));
        bool low = words::below_minimum(a_, m);
        if (m.blockers.empty() && !low) return;
        out_ += "\n";
        paragraph("**" + md(words::gaps_title(a_, lang_)) + "**");
        for (const auto& blocker : m.blockers) item(md(blocker_text(blocker, a_, lang_)));
        if (low) item(md(words::fit_below_minimum(a_, m, lang_)));
    }

    void reasons(const ModelResult& m, bool positive, const std::string& title) {
        bool any = false;
        for (const auto& reason : m.reasons) {
            if ((reason.points > 0) != positive || reason.points == 0) continue;
            if (!any) paragraph("**" + md(title) + "**");
            any = true;
            item(md(words::reason(reason, lang_)));
        }
        if (any) out_ += "\n";
    }

    void alternatives() {
        if (!a_.suggested) return;
        heading(3, md(words::alternatives_title(lang_)));
        if (a_.alternatives.empty()) out_ += md(words::no_alternative(lang_)) + "\n";
        for (const auto& alternative : a_.alternatives) {
            item(md(words::alternative(a_, alternative, lang_)));
            if (alternative.missing.empty()) continue;
            item(md(words::lacks_title(lang_)), 1);
            for (const auto& reason : alternative.missing) item(md(words::reason(reason, lang_)), 2);
        }
    }

    void not_for_now() {
        if (a_.not_for_now.empty()) return;
        heading(3, md(words::not_for_now_title(lang_)));
        for (const ModelResult* m : a_.not_for_now) {
            item(md(words::not_for_now(a_, *m, lang_)));
            for (const auto& blocker : m->blockers) item(md(blocker_text(blocker, a_, lang_)), 1);
        }
    }

    void decided() {
        heading(3, md(words::decided_title(lang_)));
        paragraph(md(words::thresholds(a_, lang_)));
        if (a_.assumptions.empty()) {
            out_ += md(words::no_assumptions(lang_)) + "\n";
            return;
        }
        paragraph(md(words::assumptions_title(lang_)));
        for (const auto& assumption : a_.assumptions) item(md(words::assumption(a_, assumption, lang_)));
    }

    // What would change the advice: at most kListedWays ways per model (the HTML report has them all).
    void changes() {
        heading(3, md(words::changes_title(lang_)));
        if (a_.changes.empty()) {
            out_ += md(words::no_changes(a_, lang_)) + "\n";
            return;
        }
        out_ += md(words::changes_intro(lang_)) + "\n";
        for (const auto& change : a_.changes) {
            out_ += "\n";
            paragraph("**" + md(words::change_heading(change, lang_)) + "**");
            size_t shown = std::min(words::kListedWays, change.ways.size());
            for (size_t i = 0; i < shown; ++i) item(md(words::way(a_, change.ways[i], lang_)));
            if (shown < change.ways.size()) item(md(words::more_ways(change.ways.size() - shown, lang_)));
            if (!change.exhaustive) out_ += "\n*" + md(words::greedy_note(lang_)) + "*\n";
        }
    }

    void recommendations() {
        if (a_.recommendations.empty()) return;
        heading(2, tr("What to do first", "Qué hacer primero"));
        out_ += fmt::format("{}\n\n", tr("Gain: overall readiness points if the gap were closed.",
                                         "Ganancia: puntos de preparación general si se cerrara la brecha."));
        row({"#", tr("Recommendation", "Recomendación"), tr("Dimension", "Dimensión"), tr("Effort", "Esfuerzo"),
             tr("Horizon", "Plazo"), tr("Gain", "Ganancia"), tr("Annex", "Anexo")});
        out_ += "| ---: | --- | --- | --- | --- | ---: | --- |\n";
        for (const auto& r : a_.recommendations) {
            const Recommendation& rec = r.criterion->recommendation;
            std::string text = in(rec.text);
            if (r.lifts_blocker) text += fmt::format(" **({})**", md(words::helps_suggestion(lang_)));
            row({std::to_string(r.rank), text, in(r.dimension->name), words::effort(rec.effort, lang_),
                 words::horizon(rec.horizon, lang_), "+" + format_number(r.gain), md(rec.annex)});
        }
    }

    // What to review (Annex 4.1.7, 4.4): stale evidence as a table, answers without evidence by dimension.
    void evidence() {
        if (!a_.evidence) return;
        const EvidenceReview& review = *a_.evidence;
        heading(2, tr("Evidence", "Evidencia"));
        out_ += md(words::confidence_rule(review, lang_)) + "\n\n";
        if (!review.any_scored_evidence()) {
            out_ += fmt::format("{} {}\n", md(words::evidence_hint(lang_)), code(words::evidence_form(lang_)));
            return;
        }
        out_ += md(words::evidence_counts(review, lang_)) + "\n";
        dated_table(review.stale, words::stale_title(review, lang_), true);
        dated_table(review.dated_after, words::dated_after_title(review, lang_), false);
        if (review.missing.empty()) return;
        heading(3, fmt::format("{} ({})", tr("Answers without evidence", "Respuestas sin evidencia"),
                               review.missing.size()));
        for (const auto& d : a_.dimensions) {
            std::string labels;
            for (const auto& m : review.missing)
                if (m.dimension == d.dimension) labels += (labels.empty() ? "" : ", ") + in(m.question->label);
            if (!labels.empty()) out_ += fmt::format("- **{}:** {}\n", in(d.dimension->name), labels);
        }
    }

    void dated_table(const std::vector<DatedEvidence>& list, const std::string& title, bool with_age) {
        if (list.empty()) return;
        heading(3, md(title));
        if (with_age) {
            row({tr("Answer", "Respuesta"), tr("Date", "Fecha"), tr("Age", "Antigüedad"), tr("Owner", "Responsable"),
                 tr("Source", "Fuente")});
            out_ += "| --- | --- | ---: | --- | --- |\n";
        } else {
            row({tr("Answer", "Respuesta"), tr("Date", "Fecha"), tr("Owner", "Responsable"), tr("Source", "Fuente")});
            out_ += "| --- | --- | --- | --- |\n";
        }
        for (const auto& dated : list) {
            const Evidence& e = *dated.evidence;
            if (with_age)
                row({in(e.question->label), e.date.iso(), words::months(dated.age_months, lang_), md(e.owner),
                     md(e.source)});
            else
                row({in(e.question->label), e.date.iso(), md(e.owner), md(e.source)});
        }
    }

    void criteria() {
        heading(2, tr("How each score was reached", "Cómo se obtuvo cada puntaje"));
        for (const auto& d : a_.dimensions) {
            heading(3, fmt::format("{}: {}", in(d.dimension->name), md(words::score_of_100(d.score, lang_))));
            row({tr("Criterion", "Criterio"), tr("Answer", "Respuesta"), tr("Rule applied", "Regla aplicada"),
                 tr("Points", "Puntos")});
            out_ += "| --- | --- | --- | ---: |\n";
            for (const auto& c : d.criteria)
                row({fmt::format("{} ({} {})", in(c.criterion->name), tr("Annex", "Anexo"), md(c.criterion->annex)),
                     md(words::answer(*a_.rubric, c.question->path, c.value, lang_)), c.score ? md(c.matched) : "–",
                     md(words::points(c, lang_))});
        }
    }

    const Assessment& a_;
    Lang lang_;
    const ReportDate& date_;
    std::string out_;
};

}  // namespace

std::string render_markdown(const Assessment& assessment, Lang lang, const ReportDate& date) {
    return MarkdownReport(assessment, lang, date).render();
}

}  // namespace tne
