// The HTML report: one self-contained page (no scripts, nothing fetched from elsewhere) that prints
// on A4. Every chart is followed by its figures as text, and nothing is told by colour alone.
// Everything from the profile or the rubric set is escaped where it is written.
#include <fmt/format.h>

#include <algorithm>

#include "charts.hpp"
#include "html.hpp"
#include "report_words.hpp"
#include "tne/render.hpp"

namespace tne {

namespace {

using html::escape;

// The rest of the recommendations fold away so the report stays within three printed pages.
constexpr size_t kTopRecommendations = 10;

class HtmlReport {
public:
    HtmlReport(const Assessment& a, Lang lang, const ReportDate& date) : a_(a), lang_(lang), date_(date) {}

    std::string render() {
        header();
        headline();
        dimensions();
        models();
        recommendations();
        evidence();
        criteria();
        return html::page(lang_, title(), out_);
    }

private:
    const char* tr(const char* en, const char* es) const { return words::tr(lang_, en, es); }
    std::string in(const LocalText& text) const { return escape(text.in(lang_)); }
    std::string annex(const std::string& section) const {
        return fmt::format("{} {}", tr("Annex", "Anexo"), escape(section));
    }

    std::string title() const {
        return fmt::format("{} — {}", tr("TNE readiness", "Preparación para la ETN"), a_.institution_name);
    }

    void header() {
        out_ += fmt::format("<header>\n<h1>{}</h1>\n", escape(title()));
        out_ += fmt::format("<p class=\"meta\">{} · {} · {}: {} · {}: {}, v{}</p>\n</header>\n",
                            escape(date_.long_form(lang_)),
                            escape(a_.rubric->value_label("institution.type", a_.institution_type, lang_)),
                            tr("Source", "Fuente"), escape(a_.profile.source), tr("Rubric set", "Conjunto de rúbricas"),
                            in(a_.rubric->name), a_.rubric->version);
        if (!a_.profile.simulated.empty()) {
            out_ += fmt::format("<section class=\"what-if\">\n<h2>{}</h2>\n<ul>\n",
                                escape(words::simulated_heading(a_.profile.simulated.size(), lang_)));
            for (const auto& s : a_.profile.simulated)
                out_ += fmt::format("<li>{}</li>\n", escape(words::simulated_change(a_, s, lang_)));
            out_ += "</ul>\n</section>\n";
        }
    }

    void figure_box(const std::string& label, const std::string& value, const std::string& note = {},
                    const std::string& second_note = {}) {
        out_ += fmt::format("<div class=\"figure-box\"><div class=\"label\">{}</div><div class=\"value\">{}</div>",
                            label, value);
        if (!note.empty()) out_ += fmt::format("<div class=\"label\">{}</div>", note);
        if (!second_note.empty()) out_ += fmt::format("<div class=\"label\">{}</div>", second_note);
        out_ += "</div>\n";
    }

    void headline() {
        out_ += "<section class=\"headline\">\n";
        figure_box(tr("Overall readiness", "Preparación general"), escape(words::score_of_100(a_.overall, lang_)));
        figure_box(tr("Level", "Nivel"), escape(words::level(a_.level, lang_)));
        // Confidence goes in coverage's box, of which it is a part: a fourth box would not fit an A4 line.
        std::string confidence;
        if (a_.evidence)
            confidence =
                fmt::format("<strong>{} {}</strong> ({})", tr("Confidence", "Confianza"),
                            words::percent(a_.evidence->confidence), tr("weighed by evidence", "según la evidencia"));
        figure_box(tr("Coverage", "Cobertura"), words::percent(a_.coverage),
                   tr("of the criteria's weight is answered", "del peso de los criterios tiene respuesta"), confidence);
        out_ += "</section>\n";
    }

    void dimensions() {
        out_ += fmt::format("<section>\n<h2>{}</h2>\n<div class=\"pair\">\n",
                            tr("Readiness by dimension", "Preparación por dimensión"));
        out_ +=
            fmt::format("<figure>\n{}<figcaption>{}</figcaption>\n</figure>\n", charts::radar_chart(a_, lang_).str(),
                        tr("Each axis is a dimension, 0 at the centre to 100 at the edge; rings at 25, 50, 75 and "
                           "100. The table gives the same figures.",
                           "Cada eje es una dimensión, de 0 en el centro a 100 en el borde; anillos en 25, 50, 75 y "
                           "100. La tabla da las mismas cifras."));
        out_ += fmt::format(
            "<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th>{}</th><th "
            "class=\"num\">{}</th></tr></thead>\n<tbody>\n",
            tr("Dimension", "Dimensión"), tr("Score", "Puntaje"), tr("Level", "Nivel"), tr("Coverage", "Cobertura"));
        for (const auto& d : a_.dimensions)
            out_ += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td></tr>\n",
                                in(d.dimension->name), escape(words::score_of_100(d.score, lang_)),
                                escape(words::level(d.level, lang_)), words::percent(d.coverage));
        out_ += "</tbody>\n</table>\n</div>\n</section>\n";
    }

    void models() {
        // The chart with its table under it, beside the suggestion, its alternatives and the models not
        // for now; then how it was decided and what would change it.
        out_ += fmt::format("<section>\n<h2>{}</h2>\n<div class=\"pair\">\n<div class=\"chart-column\">\n",
                            tr("Fit of each model", "Ajuste de cada modelo"));
        out_ += fmt::format(
            "<figure>\n{}<figcaption>{} {}.</figcaption>\n</figure>\n", charts::model_fit_chart(a_, lang_).str(),
            tr("Solid: runs or within reach; green, name in bold: the suggestion. Outlined: fit below the minimum. "
               "Dashed outline: blocked. Dashed line: the minimum fit,",
               "Sólidas: en marcha o a su alcance; en verde, nombre en negritas: la sugerencia. Con contorno: ajuste "
               "bajo el mínimo. Contorno punteado: bloqueado. Línea punteada: el ajuste mínimo,"),
            format_number(a_.rubric->advice.min_fit.value, 0));
        model_table();
        out_ += "</div>\n<div>\n";
        suggestion();
        alternatives();
        not_for_now();
        out_ += "</div>\n</div>\n";
        decided();
        changes();
        out_ += "</section>\n";
    }

    // The chart's figures as text, with each model's score and status in words.
    void model_table() {
        out_ += fmt::format(
            "<table class=\"models\">\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th "
            "class=\"num\">{}</th><th>{}</th>"
            "</tr></thead>\n<tbody>\n",
            tr("Model", "Modelo"), tr("Fit", "Ajuste"), tr("Score", "Puntaje"), tr("Status", "Estado"));
        for (const auto& m : a_.models) {
            const char* css = &m == a_.suggested                 ? " class=\"ok\""
                              : m.status == ModelStatus::blocked ? " class=\"blocked\""
                                                                 : "";
            std::string status = escape(words::status(a_, m, lang_));
            if (&m == a_.suggested) status = "<strong>" + status + "</strong>";
            out_ += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td{}>{}</td></tr>\n",
                                in(m.model->name), format_number(m.fit, 0), format_number(m.score, 0), css, status);
        }
        out_ += fmt::format("</tbody>\n<caption>{}</caption>\n</table>\n",
                            tr("Score: the fit plus its reasons' points; it ranks the models.",
                               "Puntaje: el ajuste más los puntos de sus razones; ordena los modelos."));
    }

    void list(const std::vector<std::string>& items, const char* css = nullptr) {
        if (items.empty()) return;
        out_ += css ? fmt::format("<ul class=\"{}\">\n", css) : "<ul>\n";
        for (const auto& text : items) out_ += fmt::format("<li>{}</li>\n", escape(text));
        out_ += "</ul>\n";
    }

    // The suggestion and why (Annex 4.1.2, 4.3.3); with too few answers, the questions to answer
    // first. A first step is never said to be blocked.
    void suggestion() {
        out_ += fmt::format("<h3>{}</h3>\n", escape(words::suggested_title(a_, lang_)));
        if (!a_.suggested) {
            out_ += fmt::format("<p>{}</p>\n", escape(words::suggestion_basis(a_, lang_)));
            if (a_.unanswered.empty()) return;
            out_ += fmt::format("<p><strong>{}</strong></p>\n", escape(words::answers_needed_title(lang_)));
            std::vector<std::string> needed;
            for (size_t i = 0; i < std::min(words::kAnswersNeeded, a_.unanswered.size()); ++i)
                needed.push_back(words::unanswered(a_.unanswered[i], lang_));
            list(needed, "advice");
            return;
        }
        const ModelResult& m = *a_.suggested;
        out_ +=
            fmt::format("<p><strong class=\"ok\">{}</strong> · {} · {}</p>\n<p>{}</p>\n<p>{}</p>\n",
                        escape(words::status(a_, m, lang_)), escape(words::fit_and_score(m, lang_)),
                        annex(m.model->annex), in(m.model->description), escape(words::suggestion_basis(a_, lang_)));
        if (m.status == ModelStatus::runs) out_ += fmt::format("<p>{}</p>\n", escape(words::runs_note(a_, lang_)));
        reasons(m, true, words::in_favour_title(lang_));
        reasons(m, false, words::against_title(lang_));
        std::string path;
        for (const auto* step : a_.pathway)
            path += fmt::format("{}{} ({})", path.empty() ? "" : " → ", in(step->model->name),
                                escape(words::short_status(a_, *step, lang_)));
        out_ += fmt::format("<p class=\"pathway\"><strong>{}:</strong> {}</p>\n", tr("Pathway", "Ruta"), path);
        std::vector<std::string> gaps;
        for (const auto& blocker : m.blockers) gaps.push_back(blocker_text(blocker, a_, lang_));
        if (words::below_minimum(a_, m)) gaps.push_back(words::fit_below_minimum(a_, m, lang_));
        if (gaps.empty()) return;
        out_ += fmt::format("<p><strong>{}</strong></p>\n", escape(words::gaps_title(a_, lang_)));
        list(gaps, "advice");
    }

    void reasons(const ModelResult& m, bool positive, const std::string& title) {
        std::vector<std::string> items;
        for (const auto& reason : m.reasons)
            if ((reason.points > 0) == positive && reason.points != 0) items.push_back(words::reason(reason, lang_));
        if (items.empty()) return;
        out_ += fmt::format("<p><strong>{}</strong></p>\n", escape(title));
        list(items, "advice");
    }

    void alternatives() {
        if (!a_.suggested) return;
        out_ += fmt::format("<h3>{}</h3>\n", escape(words::alternatives_title(lang_)));
        if (a_.alternatives.empty()) {
            out_ += fmt::format("<p>{}</p>\n", escape(words::no_alternative(lang_)));
            return;
        }
        out_ += "<ul class=\"advice\">\n";
        for (const auto& alternative : a_.alternatives) {
            out_ += fmt::format("<li>{}", escape(words::alternative(a_, alternative, lang_)));
            if (!alternative.missing.empty()) {  // folded, so the page still prints on three A4
                out_ += fmt::format("\n<details>\n<summary>{}</summary>\n<ul>\n", escape(words::lacks_title(lang_)));
                for (const auto& reason : alternative.missing)
                    out_ += fmt::format("<li>{}</li>\n", escape(words::reason(reason, lang_)));
                out_ += "</ul>\n</details>\n";
            }
            out_ += "</li>\n";
        }
        out_ += "</ul>\n";
    }

    void not_for_now() {
        if (a_.not_for_now.empty()) return;
        // Each model's blockers folded under it, so the page still prints on three A4.
        out_ += fmt::format("<h3>{}</h3>\n<ul class=\"advice\">\n", escape(words::not_for_now_title(lang_)));
        for (const ModelResult* m : a_.not_for_now) {
            if (m->blockers.empty()) {
                out_ += fmt::format("<li>{}</li>\n", escape(words::not_for_now(a_, *m, lang_)));
                continue;
            }
            out_ +=
                fmt::format("<li><details>\n<summary>{}</summary>\n<ul>\n", escape(words::not_for_now(a_, *m, lang_)));
            for (const auto& blocker : m->blockers)
                out_ += fmt::format("<li>{}</li>\n", escape(blocker_text(blocker, a_, lang_)));
            out_ += "</ul>\n</details></li>\n";
        }
        out_ += "</ul>\n";
    }

    // The thresholds in full; the rules resting on an assumption folded away, to keep three A4 pages.
    void decided() {
        out_ += fmt::format("<h3>{}</h3>\n<p>{}</p>\n", escape(words::decided_title(lang_)),
                            escape(words::thresholds(a_, lang_)));
        if (a_.assumptions.empty()) {
            out_ += fmt::format("<p>{}</p>\n", escape(words::no_assumptions(lang_)));
        } else {
            out_ += fmt::format("<details>\n<summary>{}</summary>\n",
                                escape(words::assumptions_summary(a_.assumptions.size(), lang_)));
            std::vector<std::string> items;
            for (const auto& assumption : a_.assumptions) items.push_back(words::assumption(a_, assumption, lang_));
            list(items, "advice");
            out_ += "</details>\n";
        }
    }

    // What would change the advice: every way found, each model's folded in a <details>.
    void changes() {
        out_ += fmt::format("<h3>{}</h3>\n", escape(words::changes_title(lang_)));
        if (a_.changes.empty()) {
            out_ += fmt::format("<p>{}</p>\n", escape(words::no_changes(a_, lang_)));
            return;
        }
        out_ += fmt::format("<p class=\"meta\">{}</p>\n", escape(words::changes_intro(lang_)));
        for (const auto& change : a_.changes) {
            out_ += fmt::format(
                "<details>\n<summary>{}: {}</summary>\n<p>{}</p>\n", escape(words::change_outcome(change, lang_)),
                escape(words::ways_count(change.ways.size(), lang_)), escape(words::change_heading(change, lang_)));
            std::vector<std::string> items;
            for (const auto& way : change.ways) items.push_back(words::way(a_, way, lang_));
            list(items, "advice");
            if (!change.exhaustive)
                out_ += fmt::format("<p class=\"meta\">{}</p>\n", escape(words::greedy_note(lang_)));
            out_ += "</details>\n";
        }
    }

    void recommendation_table(size_t from, size_t to) {
        out_ += fmt::format(
            "<table class=\"recommendations\">\n<thead><tr><th class=\"num\">#</th><th>{}</th><th>{}</th><th>{}</th>"
            "<th>{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            tr("Recommendation", "Recomendación"), tr("Dimension", "Dimensión"), tr("Effort", "Esfuerzo"),
            tr("Horizon", "Plazo"), tr("Gain", "Ganancia"), tr("Annex", "Anexo"));
        for (size_t i = from; i < to; ++i) {
            const RecommendationResult& r = a_.recommendations[i];
            const Recommendation& rec = r.criterion->recommendation;
            std::string lifts =
                r.lifts_blocker ? fmt::format(" <span class=\"tag\">{}</span>", escape(words::helps_suggestion(lang_)))
                                : "";
            out_ += fmt::format(
                "<tr><td class=\"num\">{}</td><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">+{}</td>"
                "<td>{}</td></tr>\n",
                r.rank, in(rec.text), lifts, in(r.dimension->name), escape(words::effort(rec.effort, lang_)),
                escape(words::horizon(rec.horizon, lang_)), format_number(r.gain), escape(rec.annex));
        }
        out_ += "</tbody>\n</table>\n";
    }

    void recommendations() {
        if (a_.recommendations.empty()) return;
        out_ += fmt::format("<section>\n<h2>{}</h2>\n<p class=\"meta\">{}</p>\n",
                            tr("What to do first", "Qué hacer primero"),
                            tr("Gain: overall readiness points if the gap were closed.",
                               "Ganancia: puntos de preparación general si se cerrara la brecha."));
        size_t shown = std::min(kTopRecommendations, a_.recommendations.size());
        recommendation_table(0, shown);
        if (shown < a_.recommendations.size()) {
            out_ += fmt::format("<details>\n<summary>{} {}</summary>\n", a_.recommendations.size() - shown,
                                tr("more recommendations", "recomendaciones más"));
            recommendation_table(shown, a_.recommendations.size());
            out_ += "</details>\n";
        }
        out_ += "</section>\n";
    }

    // What to review (Annex 4.1.7, 4.4): the stale evidence in full; confidence by dimension and the
    // answers without evidence folded away, as the criteria are, so the page still prints on three A4.
    void evidence() {
        if (!a_.evidence) return;
        const EvidenceReview& review = *a_.evidence;
        out_ += fmt::format("<section class=\"evidence\">\n<h2>{}</h2>\n<p class=\"meta\">{}</p>\n",
                            tr("Evidence", "Evidencia"), escape(words::confidence_rule(review, lang_)));
        bool none = !review.any_scored_evidence();
        if (none)
            out_ += fmt::format("<p>{} <code>{}</code></p>\n", escape(words::evidence_hint(lang_)),
                                escape(words::evidence_form(lang_)));
        else
            out_ += fmt::format("<p>{}</p>\n", escape(words::evidence_counts(review, lang_)));
        dated_table(review.stale, words::stale_title(review, lang_), true);
        dated_table(review.dated_after, words::dated_after_title(review, lang_), false);
        if (!none) {
            std::string summary = tr("Confidence by dimension", "Confianza por dimensión");
            if (!review.missing.empty())
                summary += fmt::format(" · {} {}", review.missing.size(),
                                       tr("answers without evidence", "respuestas sin evidencia"));
            out_ += fmt::format("<details>\n<summary>{}</summary>\n", summary);
            dimension_table(review);
            missing_list(review);
            out_ += "</details>\n";
        }
        out_ += "</section>\n";
    }

    // Confidence beside coverage for each dimension (the table beside the radar has no room for it).
    void dimension_table(const EvidenceReview& review) {
        out_ += fmt::format(
            "<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th>"
            "<th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead>\n"
            "<tbody>\n",
            tr("Dimension", "Dimensión"), tr("Coverage", "Cobertura"), tr("Confidence", "Confianza"),
            tr("Fresh", "Vigentes"), tr("Stale", "Vencidas"), tr("No evidence", "Sin evidencia"));
        for (size_t i = 0; i < a_.dimensions.size(); ++i) {
            const DimensionEvidence& counts = review.dimensions[i];
            out_ += fmt::format(
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                in(a_.dimensions[i].dimension->name), words::percent(a_.dimensions[i].coverage),
                words::percent(counts.confidence), counts.fresh, counts.stale, counts.missing);
        }
        out_ += "</tbody>\n</table>\n";
    }

    // The answers without evidence, by dimension.
    void missing_list(const EvidenceReview& review) {
        if (review.missing.empty()) return;
        out_ += "<ul>\n";
        for (const auto& d : a_.dimensions) {
            std::string labels;
            for (const auto& m : review.missing)
                if (m.dimension == d.dimension) labels += (labels.empty() ? "" : ", ") + in(m.question->label);
            if (!labels.empty())
                out_ += fmt::format("<li><strong>{}</strong>: {}</li>\n", in(d.dimension->name), labels);
        }
        out_ += "</ul>\n";
    }

    void dated_table(const std::vector<DatedEvidence>& list, const std::string& title, bool with_age) {
        if (list.empty()) return;
        out_ += fmt::format(
            "<h3>{}</h3>\n<table>\n<thead><tr><th>{}</th><th>{}</th>{}<th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            escape(title), tr("Answer", "Respuesta"), tr("Date", "Fecha"),
            with_age ? fmt::format("<th class=\"num\">{}</th>", tr("Age", "Antigüedad")) : "",
            tr("Owner", "Responsable"), tr("Source", "Fuente"));
        for (const auto& dated : list) {
            const Evidence& e = *dated.evidence;
            out_ += fmt::format(
                "<tr><td>{}</td><td>{}</td>{}<td>{}</td><td>{}</td></tr>\n", in(e.question->label), e.date.iso(),
                with_age ? fmt::format("<td class=\"num\">{}</td>", escape(words::months(dated.age_months, lang_)))
                         : "",
                escape(e.owner), escape(e.source));
        }
        out_ += "</tbody>\n</table>\n";
    }

    void criteria() {
        out_ += fmt::format("<section class=\"criteria\">\n<h2>{}</h2>\n",
                            tr("How each score was reached", "Cómo se obtuvo cada puntaje"));
        for (const auto& d : a_.dimensions) {
            out_ += fmt::format("<details>\n<summary>{}: {}</summary>\n", in(d.dimension->name),
                                escape(words::score_of_100(d.score, lang_)));
            out_ += fmt::format(
                "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th "
                "class=\"num\">{}</th></tr></thead>\n<tbody>\n",
                tr("Criterion", "Criterio"), tr("Answer", "Respuesta"), tr("Rule applied", "Regla aplicada"),
                tr("Points", "Puntos"));
            for (const auto& c : d.criteria)
                out_ += fmt::format("<tr><td>{} ({})</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>\n",
                                    in(c.criterion->name), annex(c.criterion->annex),
                                    escape(words::answer(*a_.rubric, c.question->path, c.value, lang_)),
                                    c.score ? escape(c.matched) : "–", escape(words::points(c, lang_)));
            out_ += "</tbody>\n</table>\n</details>\n";
        }
        out_ += "</section>\n";
    }

    const Assessment& a_;
    Lang lang_;
    const ReportDate& date_;
    std::string out_;
};

}  // namespace

std::string render_html(const Assessment& assessment, Lang lang, const ReportDate& date) {
    return HtmlReport(assessment, lang, date).render();
}

}  // namespace tne
