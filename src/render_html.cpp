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
        out_ += fmt::format("<div class=\"figure-box\"><div class=\"label\">{}</div><div class=\"value\">{}</div>", label,
                            value);
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
            confidence = fmt::format("<strong>{} {}</strong> ({})", tr("Confidence", "Confianza"),
                                     words::percent(a_.evidence->confidence),
                                     tr("weighed by evidence", "según la evidencia"));
        figure_box(tr("Coverage", "Cobertura"), words::percent(a_.coverage),
                   tr("of the criteria's weight is answered", "del peso de los criterios tiene respuesta"), confidence);
        out_ += "</section>\n";
    }

    void dimensions() {
        out_ += fmt::format("<section>\n<h2>{}</h2>\n<div class=\"pair\">\n", tr("Readiness by dimension", "Preparación por dimensión"));
        out_ += fmt::format("<figure>\n{}<figcaption>{}</figcaption>\n</figure>\n", charts::radar_chart(a_, lang_).str(),
                            tr("Each axis is a dimension, 0 at the centre to 100 at the edge; rings at 25, 50, 75 and "
                               "100. The table gives the same figures.",
                               "Cada eje es una dimensión, de 0 en el centro a 100 en el borde; anillos en 25, 50, 75 y "
                               "100. La tabla da las mismas cifras."));
        out_ += fmt::format("<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
                            tr("Dimension", "Dimensión"), tr("Score", "Puntaje"), tr("Level", "Nivel"),
                            tr("Coverage", "Cobertura"));
        for (const auto& d : a_.dimensions)
            out_ += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td></tr>\n",
                                in(d.dimension->name), escape(words::score_of_100(d.score, lang_)),
                                escape(words::level(d.level, lang_)), words::percent(d.coverage));
        out_ += "</tbody>\n</table>\n</div>\n</section>\n";
    }

    void models() {
        out_ += fmt::format("<section>\n<h2>{}</h2>\n<div class=\"pair\">\n", tr("Fit of each model", "Ajuste de cada modelo"));
        out_ += fmt::format(
            "<figure>\n{}<figcaption>{} {}.</figcaption>\n</figure>\n", charts::model_fit_chart(a_, lang_).str(),
            tr("Solid bars: feasible now. Dashed outlines: blocked, with the number of blockers. Dashed line: the "
               "minimum fit,",
               "Barras sólidas: factible ahora. Contornos punteados: bloqueado, con el número de obstáculos. Línea "
               "punteada: el ajuste mínimo,"),
            format_number(a_.rubric->advice.min_fit.value, 0));
        out_ += "<div>\n";
        suggestion();
        out_ += "</div>\n</div>\n";
        blockers();
        out_ += "</section>\n";
    }

    std::string status(const ModelResult& m) const {
        return fmt::format("<span class=\"{}\">{}</span>", m.feasible ? "ok" : "blocked",
                           escape(words::blockers(m.blockers.size(), lang_)));
    }

    void suggestion() {
        if (!a_.suggested) {
            out_ += fmt::format("<p>{}</p>\n", tr("No model is within reach yet.", "Aún no hay un modelo a su alcance."));
            return;
        }
        const ModelResult& m = *a_.suggested;
        out_ += fmt::format("<h3>{}: {}</h3>\n<p>{} {}/100 · {} · {}</p>\n<p>{}</p>\n",
                            tr("Suggested model", "Modelo sugerido"), in(m.model->name), tr("fit", "ajuste"),
                            format_number(m.fit, 0), status(m), annex(m.model->annex), in(m.model->description));
        out_ += fmt::format("<h3>{}</h3>\n<ol class=\"pathway\">\n", tr("Pathway", "Ruta"));
        for (const auto* step : a_.pathway)
            out_ += fmt::format("<li>{} ({})</li>\n", in(step->model->name), status(*step));
        out_ += "</ol>\n";
    }

    void blockers() {
        out_ += fmt::format("<h3>{}</h3>\n<ul class=\"blockers\">\n", tr("What blocks each model", "Qué bloquea cada modelo"));
        for (const auto& m : a_.models) {
            out_ += fmt::format("<li><strong>{}</strong>: {}", in(m.model->name), status(m));
            if (!m.blockers.empty()) {
                out_ += "\n<ul>\n";
                for (const auto& blocker : m.blockers)
                    out_ += fmt::format("<li>{}</li>\n", escape(blocker_text(blocker, a_, lang_)));
                out_ += "</ul>\n";
            }
            out_ += "</li>\n";
        }
        out_ += "</ul>\n";
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
            std::string lifts = r.lifts_blocker
                                    ? fmt::format(" <span class=\"tag\">{}</span>", tr("lifts a blocker", "resuelve un obstáculo"))
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
        out_ += fmt::format("<section>\n<h2>{}</h2>\n<p class=\"meta\">{}</p>\n", tr("What to do first", "Qué hacer primero"),
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
        out_ += fmt::format("<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th>"
                            "<th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead>\n"
                            "<tbody>\n",
                            tr("Dimension", "Dimensión"), tr("Coverage", "Cobertura"), tr("Confidence", "Confianza"),
                            tr("Fresh", "Vigentes"), tr("Stale", "Vencidas"), tr("No evidence", "Sin evidencia"));
        for (size_t i = 0; i < a_.dimensions.size(); ++i) {
            const DimensionEvidence& counts = review.dimensions[i];
            out_ += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
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
            if (!labels.empty()) out_ += fmt::format("<li><strong>{}</strong>: {}</li>\n", in(d.dimension->name), labels);
        }
        out_ += "</ul>\n";
    }

    void dated_table(const std::vector<DatedEvidence>& list, const std::string& title, bool with_age) {
        if (list.empty()) return;
        out_ += fmt::format("<h3>{}</h3>\n<table>\n<thead><tr><th>{}</th><th>{}</th>{}<th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
                            escape(title), tr("Answer", "Respuesta"), tr("Date", "Fecha"),
                            with_age ? fmt::format("<th class=\"num\">{}</th>", tr("Age", "Antigüedad")) : "",
                            tr("Owner", "Responsable"), tr("Source", "Fuente"));
        for (const auto& dated : list) {
            const Evidence& e = *dated.evidence;
            out_ += fmt::format("<tr><td>{}</td><td>{}</td>{}<td>{}</td><td>{}</td></tr>\n", in(e.question->label),
                                e.date.iso(),
                                with_age ? fmt::format("<td class=\"num\">{}</td>", escape(words::months(dated.age_months, lang_)))
                                         : "",
                                escape(e.owner), escape(e.source));
        }
        out_ += "</tbody>\n</table>\n";
    }

    void criteria() {
        out_ += fmt::format("<section class=\"criteria\">\n<h2>{}</h2>\n", tr("How each score was reached", "Cómo se obtuvo cada puntaje"));
        for (const auto& d : a_.dimensions) {
            out_ += fmt::format("<details>\n<summary>{}: {}</summary>\n", in(d.dimension->name),
                                escape(words::score_of_100(d.score, lang_)));
            out_ += fmt::format("<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
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
