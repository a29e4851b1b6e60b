// The cohort report as one self-contained HTML page: overall scores by institution type (a strip
// plot), an institutions-by-dimensions heat map, the key barriers, the suggested models and the
// per-type figures. Every chart is followed by a table of its figures; the heat map is itself a
// table whose cells carry their number, so no figure is given by colour alone.
#include <fmt/format.h>

#include <algorithm>

#include "cohort_words.hpp"
#include "html.hpp"
#include "summary_charts.hpp"
#include "tne/cohort.hpp"

namespace tne {

namespace {

// The summary's words (cohort_words), and the report's own.
namespace words {
using namespace cohort_words;
constexpr Message title{"Cohort report", "Informe de la cohorte"};
constexpr Message dated{"{0} · rubric set {1} v{2}", "{0} · conjunto de rúbricas {1} v{2}"};
constexpr Message scored{"Institutions scored", "Instituciones evaluadas"};
constexpr Message median_overall{"Median overall readiness", "Mediana de la preparación general"};
constexpr Message top_barrier{"Most shared barrier", "Barrera más compartida"};
constexpr Message top_model{"Most suggested model", "Modelo más sugerido"};
constexpr Message of_institutions{"{0}% of institutions", "{0}% de las instituciones"};
constexpr Message by_type{"Overall readiness by institution type", "Preparación general por tipo de institución"};
constexpr Message strip_caption{
    "Each dot is an institution; the line spans the lowest to the highest score and the bar marks the median.",
    "Cada punto es una institución; la línea va del puntaje más bajo al más alto y la barra marca la mediana."};
constexpr Message heat_caption{
    "Scores 0–100; darker is higher. A dash means no answers in that dimension.",
    "Puntajes 0–100; más oscuro es más alto. Un guion indica que no hay respuestas en esa dimensión."};
constexpr Message heat_cut{
    "The first {0} of {1} institutions, in input order; the records (--records) hold them all.",
    "Las primeras {0} de {1} instituciones, en orden de entrada; los registros (--records) las contienen todas."};
constexpr Message barriers{"Key barriers", "Principales barreras"};
constexpr Message barriers_intro{"The share of institutions for which each dimension is the weakest.",
                                 "La proporción de instituciones para las que cada dimensión es la más débil."};
constexpr Message figures{"Figures by type (0–100)", "Cifras por tipo (0–100)"};
}  // namespace words

// A heat map of thousands of rows helps nobody and makes a page no one can print.
constexpr size_t kHeatMapRows = 200;

using cohort_words::groups;
using cohort_words::kNone;
using cohort_words::number_text;
using cohort_words::percent;
using cohort_words::score_text;
using cohort_words::stats_cells;
using html::escape;

class HtmlSummary {
public:
    HtmlSummary(const CohortSummary& s, Lang lang, const ReportDate& date)
        : s_(s), r_(*s.rubric), lang_(lang), date_(date) {}

    std::string render() {
        out_ += "<header>\n<h1>" + tr(words::title) + "</h1>\n";
        out_ += "<p class=\"meta\">" +
                escape(say(words::dated, date_.long_form(lang_), r_.name.in(lang_), std::to_string(r_.version))) +
                "<br/>" +
                escape(say(words::accounting, std::to_string(s_.read), std::to_string(s_.scored),
                           std::to_string(s_.failed))) +
                "</p>\n</header>\n";
        if (s_.all.count == 0) {
            out_ += "<p>" + tr(words::nothing) + "</p>\n";
        } else {
            headline();
            by_type();
            barriers();
            models();
            heat_map();
            levels();
            figures();
        }
        return html::page(lang_, say(words::title), out_);
    }

private:
    std::string say(const Message& message, const std::string& a = {}, const std::string& b = {},
                    const std::string& c = {}) const {
        return format_message(message, a, b, c).in(lang_);
    }
    std::string tr(const Message& message) const { return escape(say(message)); }

    std::string type_name(const std::string& type) const { return cohort_words::type_name(s_, type, lang_); }
    std::string group_label(const TypeSummary& g) const { return cohort_words::group_label(s_, g, lang_); }
    std::vector<const TypeSummary*> groups() const { return cohort_words::groups(s_); }

    void figure_box(const std::string& value, const std::string& label) {
        out_ += "<div class=\"figure-box\"><div class=\"value\">" + escape(value) + "</div><div class=\"label\">" +
                escape(label) + "</div></div>\n";
    }

    void headline() {
        out_ += "<section class=\"headline\">\n";
        figure_box(std::to_string(s_.all.count), say(words::scored));
        figure_box(s_.all.overall.n > 0 ? number_text(s_.all.overall.median) : kNone, say(words::median_overall));
        const Barrier& top = s_.all.barriers.front();
        if (top.count > 0)
            figure_box(top.dimension->name.in(lang_),
                       say(words::top_barrier) + " · " + say(words::of_institutions, number_text(top.share)));
        auto most =
            std::max_element(s_.all.suggested.begin(), s_.all.suggested.end());  // first of equals: rubric order
        if (most != s_.all.suggested.end() && *most > 0) {
            const Model& m = r_.models[static_cast<size_t>(most - s_.all.suggested.begin())];
            figure_box(m.name.in(lang_), say(words::top_model) + " · " +
                                             say(words::of_institutions, number_text(100.0 * *most / s_.all.count)));
        }
        out_ += "</section>\n";
    }

    // A table: `right[i]` right-aligns column i (figures).
    void table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
               const std::vector<bool>& right, const std::string& caption = {}) {
        out_ += "<table>\n";
        if (!caption.empty()) out_ += "<caption>" + escape(caption) + "</caption>\n";
        out_ += "<thead><tr>";
        for (size_t i = 0; i < header.size(); ++i)
            out_ += fmt::format("<th scope=\"col\"{}>{}</th>", right[i] ? " class=\"num\"" : "", escape(header[i]));
        out_ += "</tr></thead>\n<tbody>\n";
        for (const auto& row : rows) {
            out_ += "<tr>";
            for (size_t i = 0; i < row.size(); ++i)
                out_ += i == 0 ? "<th scope=\"row\">" + escape(row[i]) + "</th>"
                               : fmt::format("<td{}>{}</td>", right[i] ? " class=\"num\"" : "", escape(row[i]));
            out_ += "</tr>\n";
        }
        out_ += "</tbody>\n</table>\n";
    }

    static std::vector<bool> figures_after_label(size_t columns) {
        std::vector<bool> right(columns, true);
        right[0] = false;
        return right;
    }

    void figure(const std::string& svg, const std::string& caption) {
        out_ += "<figure>\n" + svg + "<figcaption>" + escape(caption) + "</figcaption>\n</figure>\n";
    }

    void by_type() {
        out_ += "<section>\n<h2>" + tr(words::by_type) + "</h2>\n";
        std::vector<StripRow> rows;
        for (const TypeSummary* g : groups()) {
            StripRow row{group_label(*g), g->overall, {}};
            for (const auto& m : s_.members)
                if (m.member->overall && (g->type.empty() || m.member->type == g->type))
                    row.points.push_back({m.member->name, *m.member->overall});
            rows.push_back(std::move(row));
        }
        figure(strip_plot(rows, say(words::by_type), lang_), say(words::strip_caption));
        std::vector<std::vector<std::string>> cells;
        for (const TypeSummary* g : groups()) {
            const Stats& o = g->overall;
            bool any = o.n > 0;
            cells.push_back({type_name(g->type), std::to_string(g->count), any ? number_text(o.mean) : kNone,
                             any ? number_text(o.median) : kNone, any ? number_text(o.min) : kNone,
                             any ? number_text(o.max) : kNone});
        }
        table({say(words::type), say(words::institutions), say(words::mean), say(words::median), say(words::min),
               say(words::max)},
              cells, figures_after_label(6));
        out_ += "</section>\n";
    }

    void barriers() {
        out_ += "<section>\n<h2>" + tr(words::barriers) + "</h2>\n<p>" + tr(words::barriers_intro) + "</p>\n";
        std::vector<ShareBar> bars;
        for (const auto& b : s_.all.barriers)
            if (b.count > 0) bars.push_back({b.dimension->name.in(lang_), b.count, b.share});
        figure(share_chart(bars, say(words::barriers), lang_),
               say(words::all) + ", n = " + std::to_string(s_.all.count));

        std::vector<std::string> header{say(words::weakest)};
        for (const TypeSummary* g : groups()) header.push_back(type_name(g->type));
        std::vector<std::vector<std::string>> rows;
        for (size_t d = 0; d < r_.dimensions.size(); ++d) {
            if (s_.all.weakest[d] == 0) continue;
            std::vector<std::string> row{r_.dimensions[d].name.in(lang_)};
            for (const TypeSummary* g : groups())
                row.push_back(fmt::format("{} ({})", g->weakest[d], percent(g->weakest[d], g->count)));
            rows.push_back(std::move(row));
        }
        if (s_.all.no_weakest > 0) {
            std::vector<std::string> row{say(words::no_dimension_score)};
            for (const TypeSummary* g : groups())
                row.push_back(fmt::format("{} ({})", g->no_weakest, percent(g->no_weakest, g->count)));
            rows.push_back(std::move(row));
        }
        table(header, rows, figures_after_label(header.size()));
        out_ += "</section>\n";
    }

    void models() {
        out_ += "<section>\n<h2>" + tr(words::models) + "</h2>\n";
        std::vector<ShareBar> bars;
        for (size_t i = 0; i < r_.models.size(); ++i)
            if (s_.all.suggested[i] > 0)
                bars.push_back(
                    {r_.models[i].name.in(lang_), s_.all.suggested[i], 100.0 * s_.all.suggested[i] / s_.all.count});
        if (s_.all.no_suggestion > 0)
            bars.push_back(
                {say(words::no_suggestion), s_.all.no_suggestion, 100.0 * s_.all.no_suggestion / s_.all.count});
        figure(share_chart(bars, say(words::models), lang_), say(words::all) + ", n = " + std::to_string(s_.all.count));

        std::vector<std::string> header{say(words::model)};
        for (const TypeSummary* g : groups()) header.push_back(type_name(g->type));
        std::vector<std::vector<std::string>> rows;
        for (size_t i = 0; i < r_.models.size(); ++i) {
            std::vector<std::string> row{r_.models[i].name.in(lang_)};
            for (const TypeSummary* g : groups()) row.push_back(std::to_string(g->suggested[i]));
            rows.push_back(std::move(row));
        }
        std::vector<std::string> none{say(words::no_suggestion)};
        for (const TypeSummary* g : groups()) none.push_back(std::to_string(g->no_suggestion));
        rows.push_back(std::move(none));
        table(header, rows, figures_after_label(header.size()));
        out_ += "</section>\n";
    }

    // A table whose score cells are shaded by band (heat-0 .. heat-4) and always show the score.
    void heat_map() {
        out_ += "<section>\n<h2>" + tr(words::by_dimension) + "</h2>\n<table class=\"heat-map\">\n";
        out_ += "<caption>" + tr(words::heat_caption);
        if (s_.members.size() > kHeatMapRows)
            out_ += " " + escape(say(words::heat_cut, std::to_string(kHeatMapRows), std::to_string(s_.members.size())));
        out_ += "</caption>\n<thead><tr><th scope=\"col\">" + tr(words::institution) + "</th><th scope=\"col\">" +
                tr(words::type) + "</th><th scope=\"col\" class=\"num\">" + tr(words::overall) + "</th>";
        for (const auto& d : r_.dimensions)
            out_ += "<th scope=\"col\" class=\"dimension\">" + escape(d.name.in(lang_)) + "</th>";
        out_ += "<th scope=\"col\" class=\"num\">" + tr(words::percentile) + "</th></tr></thead>\n<tbody>\n";
        size_t shown = std::min(s_.members.size(), kHeatMapRows);
        for (size_t i = 0; i < shown; ++i) {
            const CohortMember& m = *s_.members[i].member;
            out_ += "<tr><th scope=\"row\" title=\"" + escape(m.source) + "\">" + escape(m.name) + "</th><td>" +
                    escape(type_name(m.type)) + "</td>" + heat_cell(m.overall);
            for (const auto& score : m.dimensions) out_ += heat_cell(score);
            out_ += "<td class=\"num\">" + score_text(s_.members[i].percentile) + "</td></tr>\n";
        }
        out_ += "</tbody>\n</table>\n</section>\n";
    }

    static std::string heat_cell(const std::optional<double>& score) {
        if (!score) return "<td class=\"num\">" + kNone + "</td>";
        return fmt::format("<td class=\"num heat-{}\">{}</td>", heat_band(*score), number_text(*score));
    }

    void levels() {
        out_ += "<section>\n<h2>" + tr(words::levels) + "</h2>\n";
        std::vector<std::string> header{say(words::type)};
        for (const auto& level : r_.levels) header.push_back(level.name.in(lang_));
        bool unscored = s_.all.no_level > 0;
        if (unscored) header.push_back(say(words::no_score));
        std::vector<std::vector<std::string>> rows;
        for (const TypeSummary* g : groups()) {
            std::vector<std::string> row{type_name(g->type)};
            for (int count : g->levels) row.push_back(std::to_string(count));
            if (unscored) row.push_back(std::to_string(g->no_level));
            rows.push_back(std::move(row));
        }
        table(header, rows, figures_after_label(header.size()));
        out_ += "</section>\n";
    }

    // Each group's mean, median, minimum and maximum of every dimension and of the overall score;
    // the types' tables are folded, the whole cohort's is open.
    void figures() {
        out_ += "<section>\n<h2>" + tr(words::figures) + "</h2>\n";
        for (const TypeSummary* g : groups()) {
            out_ += g->type.empty() ? "<details open=\"open\">\n" : "<details>\n";
            out_ += "<summary>" + escape(group_label(*g)) + "</summary>\n";
            std::vector<std::vector<std::string>> rows{stats_row(say(words::overall_readiness), g->overall)};
            for (size_t d = 0; d < r_.dimensions.size(); ++d)
                rows.push_back(stats_row(r_.dimensions[d].name.in(lang_), g->dimensions[d]));
            table({say(words::score), "n", say(words::mean), say(words::median), say(words::min), say(words::max)},
                  rows, figures_after_label(6));
            out_ += "</details>\n";
        }
        out_ += "</section>\n";
    }

    static std::vector<std::string> stats_row(const std::string& label, const Stats& stats) {
        std::vector<std::string> row{label};
        for (auto& cell : stats_cells(stats)) row.push_back(std::move(cell));
        return row;
    }

    const CohortSummary& s_;
    const RubricSet& r_;
    Lang lang_;
    ReportDate date_;
    std::string out_;
};

}  // namespace

std::string render_summary_html(const CohortSummary& summary, Lang lang, const ReportDate& date) {
    return HtmlSummary(summary, lang, date).render();
}

}  // namespace tne
