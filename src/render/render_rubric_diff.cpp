// Views of a RubricDiff: its JSON, and the document of report/rubric_diff_report.cpp in text (80
// columns), GitHub Markdown to paste into a pull request, and HTML. What moved is decided in
// rubric_diff.cpp.
#include <fmt/format.h>

#include "base/enum_ids.hpp"
#include "render/emit.hpp"
#include "render/json_values.hpp"
#include "report/reports.hpp"
#include "tne/rubric_diff.hpp"

namespace tne {

namespace {

// Labels, each in English and Spanish. Arguments are positional ({0}, {1}...).
namespace words {
constexpr Message one_profile{"1 profile", "1 perfil"};
constexpr Message profiles{"{0} profiles", "{0} perfiles"};
constexpr Message summary{"{0}: {1} moved, {2} unchanged, {3} failed to load",
                          "{0}: {1} con cambios, {2} sin cambios, {3} con errores de carga"};
}  // namespace words

std::string say(const Message& message, Lang lang, const std::string& a = {}, const std::string& b = {},
                const std::string& c = {}, const std::string& d = {}) {
    return format_message(message, a, b, c, d).in(lang);
}

// ---- JSON ----------------------------------------------------------------------------------------

void write_set(JsonWriter& json, std::string_view key, const RubricSetInfo& set, Lang lang) {
    json.key(key).begin_object();
    json.field("id", set.id).field("version", set.version).field("name", set.name.in(lang)).field("source", set.source);
    json.end_object();
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
    static constexpr EnumId<Presence> kIds[] = {
        {Presence::both, "both"}, {Presence::added, "added"}, {Presence::removed, "removed"}};
    return id_of(kIds, presence);
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
    return render::text(report::rubric_diff(diff, lang), {width, false});
}

std::string render_rubric_diff_markdown(const RubricDiff& diff, Lang lang) {
    return render::markdown(report::rubric_diff(diff, lang));
}

std::string render_rubric_diff_html(const RubricDiff& diff, Lang lang) {
    return render::html(report::rubric_diff(diff, lang));
}

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
