// Views of an AssessmentDiff (`tne diff`): its JSON, and the document of report/progress_report.cpp
// in text (80 columns), GitHub Markdown to paste into a review, and HTML. What changed is decided
// in profile_diff.cpp.
#include <fmt/format.h>

#include "base/enum_ids.hpp"
#include "render/emit.hpp"
#include "render/json_values.hpp"
#include "report/report_words.hpp"
#include "report/reports.hpp"
#include "tne/profile_diff.hpp"

namespace tne {

namespace {

// ---- JSON ----------------------------------------------------------------------------------------

// The JSON keeps bare section numbers: its `annex` fields elsewhere are ids too.
void write_blockers(JsonWriter& json, std::string_view key, const std::vector<BlockerTexts>& texts, Lang lang) {
    json.key(key).begin_array();
    for (const auto& text : texts) json.value(text.bare.in(lang));
    json.end_array();
}

std::string_view move_id(ModelMove move) {
    static constexpr EnumId<ModelMove> kIds[] = {{ModelMove::became_feasible, "became_feasible"},
                                                 {ModelMove::became_blocked, "became_blocked"},
                                                 {ModelMove::blockers_changed, "blockers_changed"}};
    return id_of(kIds, move);
}

// A score's change with its levels and coverage: the overall index's and each dimension's.
void write_scored(JsonWriter& json, const ScoreChange& score, const NamedRef& old_level, const NamedRef& new_level,
                  const ScoreChange& coverage, Lang lang) {
    write_change(json, score);
    write_ref(json, "old_level", old_level, lang);
    write_ref(json, "new_level", new_level, lang);
    write_score(json, "old_coverage", coverage.old_score);
    write_score(json, "new_coverage", coverage.new_score);
}

void write_side(JsonWriter& json, std::string_view key, const DiffSide& side) {
    json.key(key).begin_object().field("source", side.source).field("institution", side.institution).end_object();
}

void write_recommendations(JsonWriter& json, std::string_view key, const std::vector<RecommendationChange>& list,
                           Lang lang) {
    json.key(key).begin_array();
    for (const auto& r : list) {
        json.begin_object().field("id", r.id).field("dimension", r.dimension.id).field("name", r.name.in(lang));
        json.field("rank", r.old_rank > 0 ? r.old_rank : r.new_rank);
        write_score(json, "old_score", r.criterion_score.old_score);
        write_score(json, "new_score", r.criterion_score.new_score);
        json.field("text", r.text.in(lang)).end_object();
    }
    json.end_array();
}

}  // namespace

std::string render_assessment_diff_text(const AssessmentDiff& diff, Lang lang, int width) {
    return render::text(report::progress(diff, lang, false), {width, false});
}

std::string render_assessment_diff_markdown(const AssessmentDiff& diff, Lang lang) {
    return render::markdown(report::progress(diff, lang, true));
}

std::string render_assessment_diff_html(const AssessmentDiff& diff, Lang lang) {
    return render::html(report::progress(diff, lang, true));
}

std::string render_assessment_diff_json(const AssessmentDiff& diff, Lang lang) {
    JsonWriter json;
    json.begin_object();
    json.field("lang", std::string(lang_code(lang)));
    json.key("rubric_set").begin_object();
    json.field("id", diff.rubric->id).field("version", diff.rubric->version).field("name", diff.rubric->name.in(lang));
    json.end_object();
    write_side(json, "old", diff.old_side);
    write_side(json, "new", diff.new_side);
    json.field("same_institution", diff.same_institution());
    json.field("changed", diff.changed()).field("regressed", diff.regressed());

    json.key("overall").begin_object();
    write_scored(json, diff.overall, diff.old_level, diff.new_level, diff.coverage, lang);
    json.end_object();

    json.key("suggested_model").begin_object();
    write_ref(json, "old", diff.old_suggestion, lang);
    write_ref(json, "new", diff.new_suggestion, lang);
    json.field("changed", diff.suggestion_moved()).end_object();

    json.key("dimensions").begin_array();
    for (const auto& d : diff.dimensions) {
        json.begin_object().field("id", d.dimension.id).field("name", d.dimension.name.in(lang));
        write_scored(json, d.score, d.old_level, d.new_level, d.coverage, lang);
        json.end_object();
    }
    json.end_array();

    json.key("models").begin_array();
    for (const auto& m : diff.models) {
        json.begin_object().field("id", m.model.id).field("name", m.model.name.in(lang));
        json.field("change", std::string(move_id(m.move)));
        json.field("old_blockers", static_cast<int>(m.old_blockers))
            .field("new_blockers", static_cast<int>(m.new_blockers));
        write_blockers(json, "lifted", m.lifted, lang);
        write_blockers(json, "added", m.added, lang);
        json.end_object();
    }
    json.end_array();

    write_recommendations(json, "recommendations_resolved", diff.resolved, lang);
    write_recommendations(json, "recommendations_new", diff.added, lang);

    json.key("answers").begin_array();
    for (const auto& a : diff.answers) {
        json.begin_object().field("field", a.question->path).field("label", a.question->label.in(lang));
        write_answer(json, "old", a.old_value);
        write_answer(json, "new", a.new_value);
        json.field("old_text", words::answer(*diff.rubric, a.question->path, a.old_value, lang));
        json.field("new_text", words::answer(*diff.rubric, a.question->path, a.new_value, lang));
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.str();
}

}  // namespace tne
