// Views of a RubricDiff: plain text for a terminal (80 columns), GitHub-flavoured Markdown to paste
// into a pull request, and JSON. They only format; what moved is decided in rubric_diff.cpp.
#include <fmt/format.h>

#include <algorithm>

#include "diff_format.hpp"
#include "json_values.hpp"
#include "text_layout.hpp"
#include "tne/rubric_diff.hpp"

namespace tne {

namespace {

// Labels, each in English and Spanish. Arguments are positional ({0}, {1}...).
namespace words {
constexpr Message title{"Rubric set diff", "Comparación de conjuntos de rúbricas"};
constexpr Message old_set{"Old", "Anterior"};
constexpr Message new_set{"New", "Nuevo"};
constexpr Message precision_note{
    "Scores are compared to one decimal, as reports show them; recommendations in the top {0}.",
    "Los puntajes se comparan con un decimal, como los muestran los reportes; las "
    "recomendaciones, entre las {0} primeras."};
constexpr Message profile{"Profile", "Perfil"};
constexpr Message institution{"Institution", "Institución"};
constexpr Message overall{"Overall", "General"};
constexpr Message overall_level{"Overall level", "Nivel general"};
constexpr Message dimension{"Dimension", "Dimensión"};
constexpr Message level{"Level", "Nivel"};
constexpr Message added{"added in the new set", "agregada en el conjunto nuevo"};
constexpr Message removed{"removed from the new set", "eliminada del conjunto nuevo"};
constexpr Message suggested_model{"Suggested model", "Modelo sugerido"};
constexpr Message no_model{"none", "ninguno"};
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
constexpr Message unchanged{"Unchanged", "Sin cambios"};
constexpr Message model_flips{"Suggested model flips", "Cambios de modelo sugerido"};
constexpr Message details{"Details", "Detalles"};
constexpr Message failed_to_load{"Failed to load", "No se pudieron cargar"};
constexpr Message nothing_moved{"Nothing moved.", "Nada cambió."};
constexpr Message one_profile{"1 profile", "1 perfil"};
constexpr Message profiles{"{0} profiles", "{0} perfiles"};
constexpr Message summary{"{0}: {1} moved, {2} unchanged, {3} failed to load",
                          "{0}: {1} con cambios, {2} sin cambios, {3} con errores de carga"};
}  // namespace words

constexpr size_t kMaxNameWidth = 26;
using diff_format::delta_text;
using diff_format::levels_text;
using diff_format::score_text;
using diff_format::scores_text;

std::string say(const Message& message, Lang lang, const std::string& a = {}, const std::string& b = {},
                const std::string& c = {}, const std::string& d = {}) {
    return format_message(message, a, b, c, d).in(lang);
}

// A dimension's level, or what happened to it when it is in one set only.
std::string dimension_tail(const DimensionChange& d, Lang lang) {
    if (d.presence == Presence::added) return say(words::added, lang);
    if (d.presence == Presence::removed) return say(words::removed, lang);
    return levels_text(d.old_level, d.new_level, lang);
}

std::string model_name(const NamedRef& model, Lang lang) {
    return model.empty() ? say(words::no_model, lang) : model.name.in(lang);
}

std::string rank_text(int rank, Lang lang) {
    return rank > 0 ? fmt::format("#{}", rank) : say(words::not_recommended, lang);
}

std::string failure_heading(const ProfileDiff& p, Lang lang) {
    if (p.old_failure && p.new_failure) return say(words::fails_under_both, lang);
    return say(p.old_failure ? words::fails_under_old : words::fails_under_new, lang);
}

// " (and 2 more problems)" after the first problem, when there are more.
std::string more_problems_text(const LoadFailure& failure, Lang lang) {
    if (failure.problems == 2) return " (" + say(words::more_problem, lang) + ")";
    if (failure.problems > 2) return " (" + say(words::more_problems, lang, std::to_string(failure.problems - 1)) + ")";
    return "";
}

// "file:line:column: message (and 2 more problems)"
std::string failure_text(const LoadFailure& failure, Lang lang) {
    return failure.first.str(lang) + more_problems_text(failure, lang);
}

// Each failing side, labelled: {"new set", failure}.
std::vector<std::pair<std::string, const LoadFailure*>> failures_of(const ProfileDiff& p, Lang lang) {
    std::vector<std::pair<std::string, const LoadFailure*>> sides;
    if (p.old_failure) sides.emplace_back(say(words::old_set_side, lang), &*p.old_failure);
    if (p.new_failure) sides.emplace_back(say(words::new_set_side, lang), &*p.new_failure);
    return sides;
}

// "Old: <name> (<id> v<version>, <source>)"
std::string set_description(const Message& label, const RubricSetInfo& set, Lang lang) {
    return fmt::format("{}: {} ({} v{}, {})", say(label, lang), set.name.in(lang), set.id, set.version, set.source);
}

// "#11 → #9 · Funding: Dedicated budget (funding.dedicated_budget)": the ranks first, where they line up.
std::string recommendation_text(const RecommendationChange& r, Lang lang) {
    return fmt::format("{} → {} · {}: {} ({})", rank_text(r.old_rank, lang), rank_text(r.new_rank, lang),
                       r.dimension.name.in(lang), r.name.in(lang), r.id);
}

// ---- plain text ----------------------------------------------------------------------------------

class TextDiff {
public:
    TextDiff(const RubricDiff& diff, Lang lang, int width)
        : diff_(diff), lang_(lang), width_(static_cast<size_t>(width)) {}

    std::string render() {
        header();
        for (const auto& p : diff_.profiles) {
            if (p.failed())
                failed(p);
            else if (p.moved())
                moved(p);
        }
        unchanged();
        out_ += "\n" + rubric_diff_summary(diff_, lang_) + "\n";
        return out_;
    }

private:
    std::string tr(const Message& message, const std::string& a = {}) const { return say(message, lang_, a); }

    void header() {
        out_ += tr(words::title) + "\n";
        append_wrapped(out_, set_description(words::old_set, diff_.old_set, lang_), width_, "  ", "    ");
        append_wrapped(out_, set_description(words::new_set, diff_.new_set, lang_), width_, "  ", "    ");
        append_wrapped(out_, tr(words::precision_note, std::to_string(diff_.top)), width_, "  ", "  ");
    }

    // "path — what" on one line when it fits; else the path alone, since a path cannot wrap.
    void profile_heading(const ProfileDiff& p, const std::string& what) {
        out_ += "\n";
        std::string joined = p.path + " — " + what;
        if (what.empty() || display_width(joined) <= width_) {
            out_ += (what.empty() ? p.path : joined) + "\n";
        } else {
            out_ += p.path + "\n";
            append_wrapped(out_, what, width_, "  ", "  ");
        }
    }

    // name | old → new | Δ | tail; the tail goes on its own line when the row would not fit.
    void row(const std::string& name, size_t name_width, const ScoreChange& score, const std::string& tail) {
        std::string line =
            "  " + pad_right(name, name_width) + pad_left(scores_text(score), 14) + pad_left(delta_text(score), 7);
        if (display_width(line) + 2 + display_width(tail) <= width_) {
            out_ += line + "  " + tail + "\n";
        } else {
            out_ += line + "\n";
            append_wrapped(out_, tail, width_, "      ", "      ");
        }
    }

    void moved(const ProfileDiff& p) {
        profile_heading(p, p.institution);
        size_t name_width = display_width(tr(words::overall));
        for (const auto& d : p.dimensions) name_width = std::max(name_width, display_width(d.dimension.name.in(lang_)));
        name_width = std::min(name_width, kMaxNameWidth);
        row(tr(words::overall), name_width, p.overall, levels_text(p.old_level, p.new_level, lang_));
        for (const auto& d : p.dimensions)
            row(d.dimension.name.in(lang_), name_width, d.score, dimension_tail(d, lang_));
        if (p.suggestion_moved())
            append_wrapped(out_,
                           fmt::format("{}: {} → {}", tr(words::suggested_model), model_name(p.old_suggestion, lang_),
                                       model_name(p.new_suggestion, lang_)),
                           width_, "  ", "    ");
        recommendations(words::into_top, p.entered);
        recommendations(words::out_of_top, p.left);
    }

    void recommendations(const Message& label, const std::vector<RecommendationChange>& changes) {
        if (changes.empty()) return;
        out_ += "  " + tr(label, std::to_string(diff_.top)) + ":\n";
        for (const auto& r : changes) append_wrapped(out_, recommendation_text(r, lang_), width_, "    - ", "      ");
    }

    void failed(const ProfileDiff& p) {
        profile_heading(p, failure_heading(p, lang_));
        for (const auto& [side, failure] : failures_of(p, lang_))
            append_wrapped(out_, fmt::format("{}: {}", side, failure_text(*failure, lang_)), width_, "  ", "    ");
    }

    void unchanged() {
        std::string names;
        for (const auto& p : diff_.profiles)
            if (!p.failed() && !p.moved()) names += (names.empty() ? "" : ", ") + p.path;
        if (names.empty()) return;
        out_ += "\n";
        append_wrapped(out_, fmt::format("{}: {}", tr(words::unchanged), names), width_, "", "  ");
    }

    const RubricDiff& diff_;
    Lang lang_;
    size_t width_;
    std::string out_;
};

// ---- Markdown ------------------------------------------------------------------------------------

// A table cell: pipes escaped, no line breaks.
std::string cell(std::string text) {
    std::string escaped;
    for (char ch : text) {
        if (ch == '|')
            escaped += "\\|";
        else if (ch == '\n')
            escaped += ' ';
        else
            escaped += ch;
    }
    return escaped;
}

// Inline code, fenced with two backticks when the text holds one.
std::string code(const std::string& text) {
    return text.find('`') == std::string::npos ? "`" + text + "`" : "`` " + text + " ``";
}

class MarkdownDiff {
public:
    MarkdownDiff(const RubricDiff& diff, Lang lang) : diff_(diff), lang_(lang) {}

    std::string render() {
        out_ += "## " + tr(words::title) + "\n\n";
        out_ += set_bullet(words::old_set, diff_.old_set);
        out_ += set_bullet(words::new_set, diff_.new_set);
        out_ += "\n" + tr(words::precision_note, std::to_string(diff_.top)) + "\n\n";
        out_ += "**" + rubric_diff_summary(diff_, lang_) + "**\n";
        if (diff_.moved_count() > 0) {
            moved_table();
            model_flips();
            details();
        } else {
            out_ += "\n" + tr(words::nothing_moved) + "\n";
        }
        failures();
        unchanged();
        return out_;
    }

private:
    std::string tr(const Message& message, const std::string& a = {}) const { return say(message, lang_, a); }

    std::string set_bullet(const Message& label, const RubricSetInfo& set) const {
        return fmt::format("- **{}:** {} ({} v{}, {})\n", tr(label), set.name.in(lang_), code(set.id), set.version,
                           code(set.source));
    }

    void table_header(const std::vector<std::string>& columns, const std::string& alignment) {
        out_ += "\n|";
        for (const auto& column : columns) out_ += " " + column + " |";
        out_ += "\n" + alignment + "\n";
    }

    void moved_table() {
        table_header({tr(words::profile), tr(words::institution), tr(words::overall), "Δ", tr(words::level)},
                     "|---|---|---:|---:|---|");
        for (const auto& p : diff_.profiles) {
            if (!p.moved()) continue;
            out_ +=
                fmt::format("| {} | {} | {} | {} | {} |\n", code(p.path), cell(p.institution), scores_text(p.overall),
                            delta_text(p.overall), cell(levels_text(p.old_level, p.new_level, lang_)));
        }
    }

    std::string model_cell(const NamedRef& model) const {
        return model.empty() ? tr(words::no_model) : cell(model.name.in(lang_)) + " (" + code(model.id) + ")";
    }

    void model_flips() {
        bool any = std::any_of(diff_.profiles.begin(), diff_.profiles.end(),
                               [](const ProfileDiff& p) { return p.moved() && p.suggestion_moved(); });
        if (!any) return;
        out_ += "\n### " + tr(words::model_flips) + "\n";
        table_header({tr(words::profile), tr(words::old_set), tr(words::new_set)}, "|---|---|---|");
        for (const auto& p : diff_.profiles) {
            if (!p.moved() || !p.suggestion_moved()) continue;
            out_ += fmt::format("| {} | {} | {} |\n", code(p.path), model_cell(p.old_suggestion),
                                model_cell(p.new_suggestion));
        }
    }

    void details() {
        out_ += "\n### " + tr(words::details) + "\n";
        for (const auto& p : diff_.profiles) {
            if (!p.moved()) continue;
            out_ += "\n#### " + code(p.path) + (p.institution.empty() ? "" : " — " + p.institution) + "\n";
            dimension_table(p);
            bullets(p);
        }
    }

    void dimension_table(const ProfileDiff& p) {
        if (p.dimensions.empty()) return;
        table_header({tr(words::dimension), tr(words::old_set), tr(words::new_set), "Δ", tr(words::level)},
                     "|---|---:|---:|---:|---|");
        for (const auto& d : p.dimensions) {
            out_ += fmt::format("| {} ({}) | {} | {} | {} | {} |\n", cell(d.dimension.name.in(lang_)),
                                code(d.dimension.id), score_text(d.score.old_score), score_text(d.score.new_score),
                                delta_text(d.score), cell(dimension_tail(d, lang_)));
        }
    }

    void bullets(const ProfileDiff& p) {
        std::string list;
        if (p.level_moved())
            list +=
                fmt::format("- **{}:** {}\n", tr(words::overall_level), levels_text(p.old_level, p.new_level, lang_));
        if (p.suggestion_moved())
            list += fmt::format("- **{}:** {} → {}\n", tr(words::suggested_model), model_cell(p.old_suggestion),
                                model_cell(p.new_suggestion));
        list += recommendation_list(words::into_top, p.entered);
        list += recommendation_list(words::out_of_top, p.left);
        if (!list.empty()) out_ += "\n" + list;
    }

    std::string recommendation_list(const Message& label, const std::vector<RecommendationChange>& changes) const {
        if (changes.empty()) return "";
        std::string list = fmt::format("- **{}:**\n", tr(label, std::to_string(diff_.top)));
        for (const auto& r : changes)
            list +=
                fmt::format("  - {} → {} · {}: {} ({})\n", rank_text(r.old_rank, lang_), rank_text(r.new_rank, lang_),
                            cell(r.dimension.name.in(lang_)), cell(r.name.in(lang_)), code(r.id));
        return list;
    }

    void failures() {
        if (diff_.failed_count() == 0) return;
        out_ += "\n### " + tr(words::failed_to_load) + "\n\n";
        for (const auto& p : diff_.profiles) {
            if (!p.failed()) continue;
            out_ += fmt::format("- {} — {}\n", code(p.path), failure_heading(p, lang_));
            for (const auto& [side, failure] : failures_of(p, lang_)) {
                out_ += fmt::format("  - {}: {}: {}{}\n", side, code(failure->first.pos.str()),
                                    failure->first.message.in(lang_), more_problems_text(*failure, lang_));
            }
        }
    }

    void unchanged() {
        std::string names;
        for (const auto& p : diff_.profiles)
            if (!p.failed() && !p.moved()) names += (names.empty() ? "" : ", ") + code(p.path);
        if (!names.empty()) out_ += "\n" + tr(words::unchanged) + ": " + names + "\n";
    }

    const RubricDiff& diff_;
    Lang lang_;
    std::string out_;
};

// ---- JSON ----------------------------------------------------------------------------------------

void write_set(JsonWriter& json, std::string_view key, const RubricSetInfo& set, Lang lang) {
    json.key(key).begin_object();
    json.field("id", set.id).field("version", set.version).field("name", set.name.in(lang)).field("source", set.source);
    json.end_object();
}

void write_ref(JsonWriter& json, std::string_view key, const NamedRef& ref, Lang lang) {
    json.key(key);
    if (ref.empty()) {
        json.null();
        return;
    }
    json.begin_object().field("id", ref.id).field("name", ref.name.in(lang)).end_object();
}

void write_change(JsonWriter& json, const ScoreChange& change) {
    write_score(json, "old", change.old_score);
    write_score(json, "new", change.new_score);
    write_score(json, "delta", change.delta());
}

void write_rank(JsonWriter& json, std::string_view key, int rank) {
    json.key(key);
    if (rank > 0)
        json.value(rank);
    else
        json.null();
}

void write_recommendations(JsonWriter& json, std::string_view key, const std::vector<RecommendationChange>& changes,
                           Lang lang) {
    json.key(key).begin_array();
    for (const auto& r : changes) {
        json.begin_object().field("id", r.id).field("dimension", r.dimension.id).field("name", r.name.in(lang));
        write_rank(json, "old_rank", r.old_rank);
        write_rank(json, "new_rank", r.new_rank);
        json.field("text", r.text.in(lang)).end_object();
    }
    json.end_array();
}

std::string_view presence_id(Presence presence) {
    switch (presence) {
        case Presence::both:
            return "both";
        case Presence::added:
            return "added";
        case Presence::removed:
            return "removed";
    }
    return "";
}

std::string_view status_id(const ProfileDiff& p) {
    if (p.failed()) return "failed";
    return p.moved() ? "moved" : "unchanged";
}

void write_failure(JsonWriter& json, std::string_view key, const std::optional<LoadFailure>& failure, Lang lang) {
    json.key(key);
    if (!failure) {
        json.null();
        return;
    }
    const SourcePos& pos = failure->first.pos;
    json.begin_object().field("file", pos.file).field("line", pos.line).field("column", pos.column);
    json.field("message", failure->first.message.in(lang));
    json.field("problems", static_cast<int>(failure->problems)).end_object();
}

void write_comparison(JsonWriter& json, const ProfileDiff& p, Lang lang) {
    json.key("overall").begin_object();
    write_change(json, p.overall);
    write_ref(json, "old_level", p.old_level, lang);
    write_ref(json, "new_level", p.new_level, lang);
    json.end_object();
    json.key("suggested_model").begin_object();
    write_ref(json, "old", p.old_suggestion, lang);
    write_ref(json, "new", p.new_suggestion, lang);
    json.end_object();
    json.key("dimensions").begin_array();
    for (const auto& d : p.dimensions) {
        json.begin_object().field("id", d.dimension.id).field("name", d.dimension.name.in(lang));
        json.field("presence", std::string(presence_id(d.presence)));
        write_change(json, d.score);
        write_ref(json, "old_level", d.old_level, lang);
        write_ref(json, "new_level", d.new_level, lang);
        json.end_object();
    }
    json.end_array();
    write_recommendations(json, "recommendations_in", p.entered, lang);
    write_recommendations(json, "recommendations_out", p.left, lang);
}

void write_profile(JsonWriter& json, const ProfileDiff& p, Lang lang) {
    json.begin_object().field("path", p.path).field("institution", p.institution);
    json.field("status", std::string(status_id(p)));
    write_failure(json, "old_failure", p.old_failure, lang);
    write_failure(json, "new_failure", p.new_failure, lang);
    if (p.failed()) {  // the same keys as a compared profile, so readers need no special case
        json.key("overall").null().key("suggested_model").null();
        json.key("dimensions").begin_array().end_array();
        json.key("recommendations_in").begin_array().end_array();
        json.key("recommendations_out").begin_array().end_array();
    } else {
        write_comparison(json, p, lang);
    }
    json.end_object();
}

}  // namespace

std::string rubric_diff_summary(const RubricDiff& diff, Lang lang) {
    size_t total = diff.profiles.size();
    std::string profiles =
        total == 1 ? say(words::one_profile, lang) : say(words::profiles, lang, std::to_string(total));
    return say(words::summary, lang, profiles, std::to_string(diff.moved_count()),
               std::to_string(diff.unchanged_count()), std::to_string(diff.failed_count()));
}

std::string render_rubric_diff_text(const RubricDiff& diff, Lang lang, int width) {
    return TextDiff(diff, lang, width).render();
}

std::string render_rubric_diff_markdown(const RubricDiff& diff, Lang lang) { return MarkdownDiff(diff, lang).render(); }

std::string render_rubric_diff_json(const RubricDiff& diff, Lang lang) {
    JsonWriter json;
    json.begin_object();
    json.field("lang", std::string(lang_code(lang)));
    write_set(json, "old_rubric_set", diff.old_set, lang);
    write_set(json, "new_rubric_set", diff.new_set, lang);
    json.field("top", diff.top);
    json.key("summary").begin_object();
    json.field("profiles", static_cast<int>(diff.profiles.size())).field("moved", static_cast<int>(diff.moved_count()));
    json.field("unchanged", static_cast<int>(diff.unchanged_count()))
        .field("failed", static_cast<int>(diff.failed_count()));
    json.field("changed", diff.changed()).field("text", rubric_diff_summary(diff, lang));
    json.end_object();
    json.key("profiles").begin_array();
    for (const auto& p : diff.profiles) write_profile(json, p, lang);
    json.end_array();
    json.end_object();
    return json.str();
}

}  // namespace tne
