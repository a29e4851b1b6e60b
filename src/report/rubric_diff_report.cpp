// tne rubrics diff as a document, for the reviewer of a change to a rubric set: the two sets, how
// every profile fared (moved, unchanged, failed to load), then what moved in each.
#include <fmt/format.h>

#include "report/diff_format.hpp"
#include "report/report_words.hpp"
#include "report/reports.hpp"

namespace tne::report {

namespace {

using namespace doc;
using diff_format::delta_text;
using diff_format::levels_text;
using diff_format::model_name;
using diff_format::scores_text;
using words::Term;

// Labels, each in English and Spanish. Arguments are positional ({0}, {1}...).
namespace label {
constexpr Message title{"Rubric set diff", "Comparación de conjuntos de rúbricas"};
constexpr Message old_set{"Old", "Anterior"};
constexpr Message new_set{"New", "Nuevo"};
constexpr Message precision_note{
    "Scores are compared to one decimal, as reports show them; recommendations in the top {0}.",
    "Los puntajes se comparan con un decimal, como los muestran los informes; las "
    "recomendaciones, entre las {0} primeras."};
constexpr Message profile{"Profile", "Perfil"};
constexpr Message added{"added in the new set", "agregada en el conjunto nuevo"};
constexpr Message removed{"removed from the new set", "eliminada del conjunto nuevo"};
constexpr Message into_top{"Into the top {0}", "Entran entre las {0} primeras"};
constexpr Message out_of_top{"Out of the top {0}", "Salen de las {0} primeras"};
constexpr Message not_recommended{"not recommended", "no recomendada"};
constexpr Message fails_under_old{"does not load under the old set", "no carga con el conjunto anterior"};
constexpr Message fails_under_new{"does not load under the new set", "no carga con el conjunto nuevo"};
constexpr Message fails_under_both{"does not load under either set", "no carga con ninguno de los dos conjuntos"};
constexpr Message old_set_side{"old set", "conjunto anterior"};
constexpr Message new_set_side{"new set", "conjunto nuevo"};
constexpr Message more_problem{"and 1 more problem", "y 1 problema más"};
constexpr Message more_problems{"and {0} more problems", "y {0} problemas más"};
constexpr Message moved{"Profiles that moved", "Perfiles con cambios"};
constexpr Message unchanged{"Unchanged", "Sin cambios"};
constexpr Message model_flips{"Suggested model flips", "Cambios de modelo sugerido"};
constexpr Message failed_to_load{"Failed to load", "No se pudieron cargar"};
constexpr Message nothing_moved{"Nothing moved.", "Nada cambió."};
}  // namespace label

class RubricDiffReport {
public:
    RubricDiffReport(const RubricDiff& diff, Lang lang) : diff_(diff), lang_(lang) {}

    Document build() {
        Document d;
        d.lang = lang_;
        d.title = say(label::title);
        d.body.push_back(Facts{
            {{say(label::old_set), set_text(diff_.old_set)}, {say(label::new_set), set_text(diff_.new_set)}}, ""});
        d.body.push_back(Paragraph{say(label::precision_note, std::to_string(diff_.top)), ""});
        if (diff_.moved_count() == 0) d.body.push_back(Paragraph{say(label::nothing_moved), ""});
        if (diff_.moved_count() > 0) {
            d.body.push_back(moved_summary());
            if (auto flips = model_flips(); !flips.rows.empty())
                d.body.push_back(Section{say(label::model_flips), {flips}, "model-flips"});
            for (const auto& p : diff_.profiles)
                if (p.moved()) d.body.push_back(profile_section(p));
        }
        if (diff_.failed_count() > 0) d.body.push_back(failures());
        Text unchanged;
        for (const auto& p : diff_.profiles) {
            if (p.failed() || p.moved()) continue;
            unchanged.add(unchanged.empty() ? say(label::unchanged) + ": " : ", ").code(p.path);
        }
        if (!unchanged.empty()) d.body.push_back(Paragraph{unchanged, ""});
        // The closing line accounts for every profile.
        d.body.push_back(Paragraph{Text().strong(rubric_diff_summary(diff_, lang_)), "summary"});
        return d;
    }

private:
    std::string say(const Message& message, const std::string& a = {}) const {
        return format_message(message, a).in(lang_);
    }

    // "<name> (`id` v<version>, `source`)"
    Text set_text(const RubricSetInfo& set) const {
        return Text(set.name.in(lang_) + " (")
            .code(set.id)
            .add(fmt::format(" v{}, ", set.version))
            .code(set.source)
            .add(")");
    }

    std::string term(words::Term term) const { return words::term(term, lang_); }

    std::string rank_text(int rank) const { return rank > 0 ? fmt::format("#{}", rank) : say(label::not_recommended); }

    // A dimension's level, or what happened to it when it is in one set only.
    std::string dimension_tail(const DimensionChange& d) const {
        if (d.presence == Presence::added) return say(label::added);
        if (d.presence == Presence::removed) return say(label::removed);
        return levels_text(d.old_level, d.new_level, lang_);
    }

    Section moved_summary() const {
        Table table{
            {{say(label::profile)}, {term(Term::overall_readiness), ColumnKind::number}, {"Δ", ColumnKind::number}},
            {},
            {},
            ""};
        for (const auto& p : diff_.profiles)
            if (p.moved()) table.rows.push_back({Text().code(p.path), scores_text(p.overall), delta_text(p.overall)});
        return Section{say(label::moved), {table}, "moved"};
    }

    Table model_flips() const {
        Table table{{{say(label::profile)}, {say(label::old_set)}, {say(label::new_set)}}, {}, {}, ""};
        for (const auto& p : diff_.profiles)
            if (p.moved() && p.suggestion_moved())
                table.rows.push_back(
                    {Text().code(p.path), model_name(p.old_suggestion, lang_), model_name(p.new_suggestion, lang_)});
        return table;
    }

    Section profile_section(const ProfileDiff& p) const {
        Table table{{{term(Term::dimension)},
                     {term(Term::score), ColumnKind::number},
                     {"Δ", ColumnKind::number},
                     {term(Term::level)}},
                    {},
                    {},
                    ""};
        table.rows.push_back({term(Term::overall_readiness), scores_text(p.overall), delta_text(p.overall),
                              levels_text(p.old_level, p.new_level, lang_)});
        for (const auto& d : p.dimensions)
            table.rows.push_back({Text(d.dimension.name.in(lang_) + " (").code(d.dimension.id).add(")"),
                                  scores_text(d.score), delta_text(d.score), dimension_tail(d)});
        Blocks body;
        if (!p.institution.empty()) body.push_back(Paragraph{p.institution, ""});
        body.push_back(table);
        if (p.suggestion_moved())
            body.push_back(Facts{{{term(Term::suggested_model),
                                   model_name(p.old_suggestion, lang_) + " → " + model_name(p.new_suggestion, lang_)}},
                                 ""});
        List lists;
        add_recommendations(lists, label::into_top, p.entered);
        add_recommendations(lists, label::out_of_top, p.left);
        if (!lists.items.empty()) body.push_back(lists);
        return Section{Text().code(p.path), body, ""};
    }

    // "#11 → #9 · Funding: Dedicated budget (funding.dedicated_budget)": the ranks first, where they line up.
    void add_recommendations(List& lists, const Message& heading,
                             const std::vector<RecommendationChange>& changes) const {
        if (changes.empty()) return;
        List list;
        for (const auto& r : changes)
            list.items.push_back({Text(fmt::format("{} → {} · {}: {} (", rank_text(r.old_rank), rank_text(r.new_rank),
                                                   r.dimension.name.in(lang_), r.name.in(lang_)))
                                      .code(r.id)
                                      .add(")"),
                                  {}});
        lists.items.push_back({say(heading, std::to_string(diff_.top)) + ":", {list}});
    }

    Section failures() const {
        List list;
        for (const auto& p : diff_.profiles) {
            if (!p.failed()) continue;
            std::string heading = p.old_failure && p.new_failure
                                      ? say(label::fails_under_both)
                                      : say(p.old_failure ? label::fails_under_old : label::fails_under_new);
            List sides;
            auto side = [&](const Message& name, const LoadFailure& failure) {
                std::string more = failure.problems == 2 ? " (" + say(label::more_problem) + ")"
                                   : failure.problems > 2
                                       ? " (" + say(label::more_problems, std::to_string(failure.problems - 1)) + ")"
                                       : "";
                sides.items.push_back({Text(say(name) + ": ")
                                           .code(failure.first.pos.str())
                                           .add(": " + failure.first.message.in(lang_) + more),
                                       {}});
            };
            if (p.old_failure) side(label::old_set_side, *p.old_failure);
            if (p.new_failure) side(label::new_set_side, *p.new_failure);
            list.items.push_back({Text().code(p.path).add(" — " + heading), {sides}});
        }
        return Section{say(label::failed_to_load), {list}, "failed"};
    }

    const RubricDiff& diff_;
    Lang lang_;
};

}  // namespace

Document rubric_diff(const RubricDiff& diff, Lang lang) { return RubricDiffReport(diff, lang).build(); }

}  // namespace tne::report
