// The cohort summary as one document, the same in every format: the headline figures, the
// institutions by type, overall readiness by type (a strip plot), the readiness levels, the key
// barriers and the suggested models (bar charts), every institution's scores by dimension (a heat
// map in HTML) and each group's figures. Every chart is a figure with the table that says the same,
// and no figure is given by colour alone. The figures come from the CohortSummary (cohort.cpp).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/report_words.hpp"
#include "report/reports.hpp"
#include "report/summary_charts.hpp"

namespace tne {

namespace {

using namespace doc;

// The summary's own words; the terms other reports share come from report_words.
namespace terms {
constexpr Message title{"Cohort summary", "Resumen de la cohorte"};
constexpr Message accounting{"Read {0} = scored {1} + failed {2}", "Leídos {0} = evaluados {1} + con error {2}"};
constexpr Message scored{"Institutions scored", "Instituciones evaluadas"};
constexpr Message median_overall{"Median overall readiness", "Mediana de la preparación general"};
constexpr Message top_barrier{"Most shared barrier ({0}% of institutions)",
                              "Barrera más compartida ({0}% de las instituciones)"};
constexpr Message top_model{"Most suggested model ({0}% of institutions)",
                            "Modelo más sugerido ({0}% de las instituciones)"};
constexpr Message top_models_tied{"Most suggested models, tied ({0}% of institutions each)",
                                  "Modelos más sugeridos, empatados ({0}% de las instituciones cada uno)"};
constexpr Message by_type{"Institutions by type", "Instituciones por tipo"};
constexpr Message type{"Type", "Tipo"};
constexpr Message institutions{"Institutions", "Instituciones"};
constexpr Message share{"Share", "Proporción"};
constexpr Message all{"All institutions", "Todas las instituciones"};
constexpr Message group{"{0} ({1})", "{0} ({1})"};
constexpr Message overall_by_type{"Overall readiness by institution type",
                                  "Preparación general por tipo de institución"};
constexpr Message strip_caption{
    "Each dot is an institution; the line spans the lowest to the highest score and the bar marks the median.",
    "Cada punto es una institución; la línea va del puntaje más bajo al más alto y la barra marca la mediana."};
constexpr Message mean{"Mean", "Media"};
constexpr Message median{"Median", "Mediana"};
constexpr Message min{"Min", "Mín."};
constexpr Message max{"Max", "Máx."};
constexpr Message levels{"Readiness levels (overall score)", "Niveles de preparación (puntaje general)"};
constexpr Message no_score{"No score", "Sin puntaje"};
constexpr Message barriers{"Key barriers", "Principales barreras"};
constexpr Message barriers_intro{"The share of institutions for which each dimension is the weakest.",
                                 "La proporción de instituciones para las que cada dimensión es la más débil."};
constexpr Message weakest{"Weakest dimension", "Dimensión más débil"};
constexpr Message no_dimension_score{"No dimension score", "Sin puntajes por dimensión"};
constexpr Message models{"Suggested models", "Modelos sugeridos"};
constexpr Message no_suggestion{"No suggestion", "Sin sugerencia"};
constexpr Message by_dimension{"Institutions by dimension", "Instituciones por dimensión"};
constexpr Message institution{"Institution", "Institución"};
constexpr Message overall{"Overall", "General"};
constexpr Message percentile{"Percentile within type", "Percentil dentro de su tipo"};
constexpr Message percentile_note{
    "A percentile is shown among at least {0} scored institutions of the same type; a dash otherwise.",
    "El percentil se muestra entre al menos {0} instituciones evaluadas del mismo tipo; si no, un guion."};
constexpr Message failures{"Inputs that failed", "Entradas con errores"};
constexpr Message failures_intro{"These inputs gave no assessment and are in no figure above; fix them and run again.",
                                 "Estas entradas no dieron evaluación y no cuentan en ninguna cifra anterior; "
                                 "corríjalas y vuelva a ejecutar."};
constexpr Message input{"Input", "Entrada"};
constexpr Message error{"Error", "Error"};
constexpr Message heat_caption{
    "Scores 0–100; a dash means no answers in that dimension. In the HTML report, darker cells are higher scores.",
    "Puntajes 0–100; un guion indica que no hay respuestas en esa dimensión. En el informe HTML, las celdas más "
    "oscuras son puntajes más altos."};
constexpr Message heat_cut{
    "The first {0} of {1} institutions, in input order; the records (--records) hold them all.",
    "Las primeras {0} de {1} instituciones, en orden de entrada; los registros (--records) las contienen todas."};
constexpr Message scores{"Scores by type (0–100)", "Puntajes por tipo (0–100)"};
constexpr Message disagreements{"Disagreements within institutions", "Desacuerdos dentro de las instituciones"};
constexpr Message disagreements_intro{
    "Institutions answered by several people: the questions on which their answers differ, largest spread first "
    "(0–100: levels apart over the scale, a percentage's range in points, a count's range over its largest answer, "
    "options not chosen alike, or answers other than the most frequent). The institution is scored with the "
    "combined answer.",
    "Instituciones respondidas por varias personas: las preguntas en las que sus respuestas difieren, de mayor a "
    "menor diferencia (0–100: niveles de distancia en la escala, el rango de un porcentaje en puntos, el rango de "
    "una cantidad sobre su mayor respuesta, opciones no elegidas por igual, o respuestas distintas de la más "
    "frecuente). La institución se evalúa con la respuesta combinada."};
constexpr Message disagreements_cut{
    "The first {0} of {1} institutions of several respondents, in input order; the records hold them all.",
    "Las primeras {0} de {1} instituciones de varias personas, en orden de entrada; los registros las contienen "
    "todas."};
constexpr Message no_disagreements{"Its respondents agree on every question they answered.",
                                   "Quienes respondieron coinciden en todas las preguntas que contestaron."};
constexpr Message respondents{"{0} ({1} respondents)", "{0} ({1} personas)"};
constexpr Message question{"Question", "Pregunta"};
constexpr Message spread{"Spread", "Diferencia"};
constexpr Message how_far{"How far apart", "Qué tan distintas"};
constexpr Message who_said{"Who said what", "Quién dijo qué"};
constexpr Message combined{"Combined", "Combinada"};
constexpr Message levels_apart{"{0} levels apart", "{0} niveles de distancia"};
constexpr Message range{"range {0}", "rango {0}"};
constexpr Message most_gave{"{0} of {1} gave the most frequent answer", "{0} de {1} dieron la respuesta más frecuente"};
constexpr Message row{"row {0}", "fila {0}"};
constexpr Message unknown{"unknown", "desconocida"};
constexpr Message nothing_chosen{"none", "ninguna"};
constexpr Message score{"Score", "Puntaje"};
constexpr Message nothing{"No institution was scored; there is nothing to summarise.",
                          "No se evaluó ninguna institución; no hay nada que resumir."};
}  // namespace terms

const std::string kNone = "–";

// Every figure a person reads, by one rule (words::figure): the JSON keeps full precision.
std::string number_text(double value) { return words::figure(value); }
std::string score_text(const std::optional<double>& value) { return value ? number_text(*value) : kNone; }
std::string percent_text(double share) { return number_text(share) + "%"; }

Column label_column(Text header) { return {std::move(header), ColumnKind::text}; }
Column number_column(Text header) { return {std::move(header), ColumnKind::number}; }

class SummaryReport {
public:
    SummaryReport(const CohortSummary& s, Lang lang, const ReportDate& date)
        : s_(s), r_(*s.rubric), lang_(lang), date_(date) {}

    Document build() {
        Document d;
        d.lang = lang_;
        d.title = say(terms::title);
        Text meta(date_.long_form(lang_));
        meta.add(" · " + std::string(words::term(words::Term::rubric_set, lang_)) + ": " +
                 words::rubric_set(r_, lang_));
        d.body.push_back(Paragraph{meta, "meta"});
        d.body.push_back(Paragraph{
            say(terms::accounting, std::to_string(s_.read), std::to_string(s_.scored), std::to_string(s_.failed)),
            "meta"});
        if (s_.all.count == 0) {  // said before the sections, so no format reads it as a section's end
            d.body.push_back(Paragraph{say(terms::nothing), ""});
            d.body.push_back(counts());
            if (!s_.failures.empty()) d.body.push_back(failures());
            return d;
        }
        d.body.push_back(headline());
        d.body.push_back(counts());
        d.body.push_back(overall_by_type());
        d.body.push_back(levels());
        d.body.push_back(barriers());
        d.body.push_back(models());
        d.body.push_back(by_dimension());
        d.body.push_back(scores());
        if (std::any_of(s_.members.begin(), s_.members.end(),
                        [](const MemberPercentile& m) { return m.member->respondents.size() > 1; }))
            d.body.push_back(disagreements());
        if (!s_.failures.empty()) d.body.push_back(failures());
        return d;
    }

private:
    const CohortSummary& s_;
    const RubricSet& r_;
    Lang lang_;
    ReportDate date_;

    std::string say(const Message& message, const std::string& a = {}, const std::string& b = {},
                    const std::string& c = {}) const {
        return format_message(message, a, b, c).in(lang_);
    }

    std::string type_name(const std::string& type) const {
        return type.empty() ? say(terms::all) : r_.value_label("institution.type", type, lang_);
    }
    // "Public university (3)"
    std::string group_label(const TypeSummary& g) const {
        return say(terms::group, type_name(g.type), std::to_string(g.count));
    }
    // The whole cohort first, then the types that have members; empty types show in the counts only.
    std::vector<const TypeSummary*> groups() const {
        std::vector<const TypeSummary*> list{&s_.all};
        for (const auto& t : s_.types)
            if (t.count > 0) list.push_back(&t);
        return list;
    }

    Facts headline() const {
        Facts facts{{}, "headline"};
        facts.items.push_back({say(terms::scored), std::to_string(s_.all.count)});
        facts.items.push_back(
            {say(terms::median_overall), s_.all.overall.n > 0 ? number_text(s_.all.overall.median) : kNone});
        if (!s_.all.barriers.empty() && s_.all.barriers.front().count > 0) {  // most shared first
            const Barrier& top = s_.all.barriers.front();
            facts.items.push_back({say(terms::top_barrier, number_text(top.share)), top.dimension->name.in(lang_)});
        }
        if (const auto& most = s_.all.most_suggested; !most.empty()) {
            std::string names;
            for (const auto& m : most) names += (names.empty() ? "" : ", ") + m.model->name.in(lang_);
            const std::string share = number_text(most.front().share);
            facts.items.push_back(
                {say(most.size() > 1 ? terms::top_models_tied : terms::top_model, share), std::move(names)});
        }
        return facts;
    }

    // Every type of the rubric, empty ones too, and the whole cohort.
    Section counts() const {
        Table table{
            {label_column(say(terms::type)), number_column(say(terms::institutions)), number_column(say(terms::share))},
            {},
            {},
            ""};
        for (const TypeSummary* t : all_types())
            table.rows.push_back({t->type.empty() ? Cell(Text().strong(type_name(t->type))) : Cell(type_name(t->type)),
                                  std::to_string(t->count), t->share ? percent_text(*t->share) : kNone});
        return Section{say(terms::by_type), {table}, "types"};
    }

    std::vector<const TypeSummary*> all_types() const {
        std::vector<const TypeSummary*> list;
        for (const auto& t : s_.types) list.push_back(&t);
        list.push_back(&s_.all);
        return list;
    }

    // A strip plot of every institution's overall score, and each group's figures.
    Section overall_by_type() const {
        std::vector<StripRow> rows;
        for (const TypeSummary* g : groups()) {
            StripRow row{group_label(*g), g->overall, {}};
            for (const CohortMember* m : g->members)
                if (m->overall) row.points.push_back({m->name, *m->overall});
            rows.push_back(std::move(row));
        }
        Figure figure{strip_plot(rows, say(terms::overall_by_type), lang_), say(terms::strip_caption), {}};
        figure.table.columns = {label_column(say(terms::type)),  number_column(say(terms::institutions)),
                                number_column(say(terms::mean)), number_column(say(terms::median)),
                                number_column(say(terms::min)),  number_column(say(terms::max))};
        for (const TypeSummary* g : groups()) {
            const Stats& o = g->overall;
            bool any = o.n > 0;
            figure.table.rows.push_back({type_name(g->type), std::to_string(g->count),
                                         any ? number_text(o.mean) : kNone, any ? number_text(o.median) : kNone,
                                         any ? number_text(o.min) : kNone, any ? number_text(o.max) : kNone});
        }
        return Section{say(terms::overall_by_type), {figure}, "overall"};
    }

    // One row per group, one column per level; "No score" only when some institution has none.
    Section levels() const {
        bool unscored = s_.all.no_level > 0;
        Table table;
        table.columns.push_back(label_column(say(terms::type)));
        for (const auto& level : r_.levels) table.columns.push_back(number_column(level.name.in(lang_)));
        if (unscored) table.columns.push_back(number_column(say(terms::no_score)));
        for (const TypeSummary* g : groups()) {  // no "(n)" after the type: the row adds up to it
            std::vector<Cell> row{type_name(g->type)};
            for (int count : g->levels) row.push_back(std::to_string(count));
            if (unscored) row.push_back(std::to_string(g->no_level));
            table.rows.push_back(std::move(row));
        }
        return Section{say(terms::levels), {table}, "levels"};
    }

    // Each label with the institutions it stands for and their share: a chart's table.
    Table share_table(Text header, const std::vector<ShareBar>& shares) const {
        Table table{{label_column(std::move(header)), number_column(say(terms::institutions)),
                     number_column(say(terms::share))},
                    {},
                    {},
                    ""};
        for (const ShareBar& s : shares)
            table.rows.push_back({s.label, std::to_string(s.count), percent_text(s.share)});
        return table;
    }

    // The dimensions that are the weakest of at least one institution of the group, most shared first.
    std::vector<ShareBar> barrier_shares(const TypeSummary& g) const {
        std::vector<ShareBar> shares;
        for (const auto& b : g.barriers)
            if (b.count > 0) shares.push_back({b.dimension->name.in(lang_), b.count, b.share});
        return shares;
    }

    // The table says, too, how many have no dimension score; the chart leaves them out.
    Table barrier_table(const TypeSummary& g) const {
        std::vector<ShareBar> shares = barrier_shares(g);
        if (g.no_weakest > 0) shares.push_back({say(terms::no_dimension_score), g.no_weakest, g.no_weakest_share});
        return share_table(say(terms::weakest), shares);
    }

    // The whole cohort's as a chart and its table, then each type's table.
    Section barriers() const {
        Section section{say(terms::barriers), {Paragraph{say(terms::barriers_intro), ""}}, "barriers"};
        section.body.push_back(Figure{share_chart(barrier_shares(s_.all), say(terms::barriers), lang_),
                                      Text().strong(group_label(s_.all)), barrier_table(s_.all)});
        for (const TypeSummary* g : groups())
            if (!g->type.empty()) section.body.push_back(Details{group_label(*g), {barrier_table(*g)}});
        return section;
    }

    // The models suggested to at least one institution of the group, in rubric order, then those with none.
    std::vector<ShareBar> model_shares(const TypeSummary& g) const {
        std::vector<ShareBar> shares;
        for (const auto& m : g.models)
            if (m.count > 0) shares.push_back({m.model->name.in(lang_), m.count, m.share});
        if (g.no_suggestion > 0) shares.push_back({say(terms::no_suggestion), g.no_suggestion, g.no_suggestion_share});
        return shares;
    }

    Table model_table(const TypeSummary& g) const {
        return share_table(words::term(words::Term::suggested_model, lang_), model_shares(g));
    }

    Section models() const {
        Section section{say(terms::models), {}, "models"};
        section.body.push_back(Figure{share_chart(model_shares(s_.all), say(terms::models), lang_),
                                      Text().strong(group_label(s_.all)), model_table(s_.all)});
        for (const TypeSummary* g : groups())
            if (!g->type.empty()) section.body.push_back(Details{group_label(*g), {model_table(*g)}});
        return section;
    }

    // Each institution's overall score, its scores by dimension and its percentile within its type:
    // a heat map in HTML, each score cell shaded by its band of 20 and always showing the score.
    Section by_dimension() const {
        Table table;
        table.role = "heat-map";
        table.columns = {label_column(say(terms::institution)), label_column(say(terms::type)),
                         number_column(say(terms::overall))};
        for (const auto& d : r_.dimensions) table.columns.push_back(number_column(d.name.in(lang_)));
        table.columns.push_back(number_column(say(terms::percentile)));
        auto heat = [](const std::optional<double>& score) {
            Cell cell(score_text(score));
            if (score) cell.role = fmt::format("heat-{}", heat_band(*score));
            return cell;
        };
        size_t shown = std::min(s_.members.size(), report::kSummaryInstitutionRows);
        for (size_t i = 0; i < shown; ++i) {
            const CohortMember& m = *s_.members[i].member;
            std::vector<Cell> row{m.name.empty() ? m.source : m.name, m.type.empty() ? kNone : type_name(m.type),
                                  heat(m.overall)};
            for (const auto& score : m.dimensions) row.push_back(heat(score));
            row.push_back(score_text(s_.members[i].percentile));
            table.rows.push_back(std::move(row));
        }
        table.caption = say(terms::heat_caption);
        table.caption.add(" " + say(terms::percentile_note, std::to_string(kMinPercentilePeers)));
        if (s_.members.size() > shown)
            table.caption.add(" " + say(terms::heat_cut, std::to_string(shown), std::to_string(s_.members.size())));
        return Section{say(terms::by_dimension), {table}, "institutions"};
    }

    // Every failed input with each of its errors, in input order: a count alone hides which to fix.
    Section failures() const {
        Table table{{label_column(say(terms::input)), label_column(say(terms::error))}, {}, {}, ""};
        for (const auto& failure : s_.failures) {
            if (failure.errors.empty()) table.rows.push_back({failure.source, kNone});
            for (const auto& error : failure.errors) table.rows.push_back({failure.source, error.str(lang_)});
        }
        return Section{say(terms::failures), {Paragraph{say(terms::failures_intro), ""}, std::move(table)}, "failures"};
    }

    // Each group's mean, median, minimum and maximum of the overall score and of every dimension.
    Section scores() const {
        Section section{say(terms::scores), {}, "scores"};
        for (const TypeSummary* g : groups()) {
            Table table{
                {label_column(say(terms::score)), number_column("n"), number_column(say(terms::mean)),
                 number_column(say(terms::median)), number_column(say(terms::min)), number_column(say(terms::max))},
                {},
                {},
                ""};
            table.rows.push_back(
                stats_row(Text().strong(words::term(words::Term::overall_readiness, lang_)), g->overall));
            for (size_t d = 0; d < r_.dimensions.size(); ++d)
                table.rows.push_back(stats_row(r_.dimensions[d].name.in(lang_), g->dimensions[d]));
            if (g->type.empty()) {  // the whole cohort's open, the types' folded in HTML
                section.body.push_back(Paragraph{Text().strong(group_label(*g)), ""});
                section.body.push_back(std::move(table));
            } else {
                section.body.push_back(Details{group_label(*g), {std::move(table)}});
            }
        }
        return section;
    }

    // An answer in the report's words: a value's label, a number as a figure, a list's labels.
    std::string answer_text(const Question& q, const Value& value) const {
        if (const auto* number = std::get_if<double>(&value))
            return q.type == QuestionType::percent ? percent_text(*number) : number_text(*number);
        if (const auto* id = std::get_if<std::string>(&value))
            return q.type == QuestionType::text ? *id : r_.value_label(q.path, *id, lang_);
        if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
            std::string text;
            for (const auto& item : *items) text += (text.empty() ? "" : ", ") + r_.value_label(q.path, item, lang_);
            return text.empty() ? say(terms::nothing_chosen) : text;
        }
        return say(terms::unknown);
    }

    std::string how_far(const Disagreement& d) const {
        const Question& q = *d.question;
        switch (d.scale) {
            case AnswerScale::ordered:
                return say(terms::levels_apart, std::to_string(d.levels_apart.value_or(0)));
            case AnswerScale::number:
                return say(terms::range, q.type == QuestionType::percent ? percent_text(d.range.value_or(0))
                                                                         : number_text(d.range.value_or(0)));
            case AnswerScale::list: {
                std::string text;  // "STEM 3/3, Business 1/3"
                for (const auto& option : d.options)
                    text += fmt::format("{}{} {}/{}", text.empty() ? "" : ", ",
                                        r_.value_label(q.path, option.id, lang_), option.chosen, d.answered);
                return text;
            }
            case AnswerScale::nominal:
                break;
        }
        auto agree = static_cast<int>(std::lround(d.answered * (100 - d.spread) / 100));
        return say(terms::most_gave, std::to_string(agree), std::to_string(d.answered));
    }

    // For every institution of several respondents (input order), the questions they disagree on:
    // largest spread first, ties in question order (as combine_respondents sorts them).
    // At most kSummaryInstitutionRows institutions, as the heat map: a report of tens of thousands of
    // tables helps no reader (and takes hundreds of megabytes); the records hold them all.
    Section disagreements() const {
        Section section{say(terms::disagreements), {Paragraph{say(terms::disagreements_intro), ""}}, "disagreements"};
        size_t several = 0, shown = 0;
        for (const auto& m : s_.members) several += m.member->respondents.size() > 1 ? 1 : 0;
        if (several > report::kSummaryInstitutionRows)
            section.body.push_back(Paragraph{
                say(terms::disagreements_cut, std::to_string(report::kSummaryInstitutionRows), std::to_string(several)),
                ""});
        for (const auto& m : s_.members) {
            const CohortMember& member = *m.member;
            if (member.respondents.size() <= 1) continue;
            if (shown++ == report::kSummaryInstitutionRows) break;
            Text title;
            title.strong(say(terms::respondents, member.name.empty() ? member.source : member.name,
                             std::to_string(member.respondents.size())));
            section.body.push_back(Paragraph{title, ""});
            if (member.disagreements.empty()) {
                section.body.push_back(Paragraph{say(terms::no_disagreements), ""});
                continue;
            }
            Table table{{label_column(say(terms::question)), number_column(say(terms::spread)),
                         label_column(say(terms::how_far)), label_column(say(terms::who_said)),
                         label_column(say(terms::combined))},
                        {},
                        {},
                        ""};
            for (const auto& d : member.disagreements) {
                std::string who;
                for (const auto& answer : d.answers) {
                    const Respondent& r = member.respondents[answer.respondent];
                    std::string place = say(terms::row, std::to_string(r.row)) + (r.role.empty() ? "" : ", " + r.role);
                    who += fmt::format("{}{} ({})", who.empty() ? "" : "; ", answer_text(*d.question, answer.value),
                                       place);
                }
                table.rows.push_back({d.question->label.in(lang_), number_text(d.spread), how_far(d), who,
                                      answer_text(*d.question, d.combined)});
            }
            section.body.push_back(std::move(table));
        }
        return section;
    }

    static std::vector<Cell> stats_row(Text label, const Stats& stats) {
        if (stats.n == 0) return {std::move(label), "0", kNone, kNone, kNone, kNone};
        return {std::move(label),          std::to_string(stats.n), number_text(stats.mean),
                number_text(stats.median), number_text(stats.min),  number_text(stats.max)};
    }
};

}  // namespace

doc::Document report::summary(const CohortSummary& summary, Lang lang, const ReportDate& date) {
    return SummaryReport(summary, lang, date).build();
}

}  // namespace tne
