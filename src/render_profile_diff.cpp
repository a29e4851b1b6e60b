// Views of an AssessmentDiff (`tne diff`): plain text for a terminal (80 columns), GitHub-flavoured
// Markdown to paste into a review, and JSON. They only format; what changed is decided in
// profile_diff.cpp. Sections appear only when they have something to say.
#include <fmt/format.h>

#include <algorithm>

#include "diff_format.hpp"
#include "json_values.hpp"
#include "markdown.hpp"
#include "report_words.hpp"
#include "text_layout.hpp"
#include "tne/profile_diff.hpp"

namespace tne {

namespace {

using diff_format::delta_text;
using diff_format::levels_text;
using diff_format::score_text;
using diff_format::scores_text;

// Labels, each in English and Spanish. Arguments are positional ({0}, {1}...).
namespace labels {
constexpr Message title{"Progress — {0}", "Avance — {0}"};
constexpr Message before{"Before", "Antes"};
constexpr Message after{"After", "Después"};
constexpr Message rubric_set{"Rubric set", "Conjunto de rúbricas"};
constexpr Message nothing_changed{"Nothing changed: both profiles give the same answers.",
                                  "Nada cambió: los dos perfiles dan las mismas respuestas."};
constexpr Message overall{"Overall", "General"};
constexpr Message overall_readiness{"Overall readiness", "Preparación general"};
constexpr Message level{"Level", "Nivel"};
constexpr Message coverage{"Coverage", "Cobertura"};
constexpr Message coverage_change{"coverage {0}", "cobertura {0}"};
constexpr Message suggested_model{"Suggested model", "Modelo sugerido"};
constexpr Message no_model{"none", "ninguno"};
constexpr Message models{"Models", "Modelos"};
constexpr Message model{"Model", "Modelo"};
constexpr Message blocked{"blocked ({0})", "bloqueado ({0})"};
constexpr Message lifted{"lifted: {0}", "resuelto: {0}"};
constexpr Message new_blocker{"new: {0}", "nuevo: {0}"};
constexpr Message lifted_heading{"Blockers lifted", "Obstáculos resueltos"};
constexpr Message new_blockers_heading{"New blockers", "Obstáculos nuevos"};
constexpr Message resolved{"Recommendations resolved ({0})", "Recomendaciones resueltas ({0})"};
constexpr Message added{"New recommendations ({0})", "Recomendaciones nuevas ({0})"};
constexpr Message answers{"Answers that changed ({0})", "Respuestas que cambiaron ({0})"};
constexpr Message recommendation{"Recommendation", "Recomendación"};
constexpr Message criterion{"Criterion", "Criterio"};
constexpr Message dimension{"Dimension", "Dimensión"};
constexpr Message why{"Why", "Motivo"};
constexpr Message question{"Question", "Pregunta"};
constexpr Message full_points{"full points", "puntaje completo"};
constexpr Message now_unanswered{"now unanswered", "ahora sin respuesta"};
constexpr Message was_full{"was at full points", "tenía el puntaje completo"};
constexpr Message newly_answered{"newly answered", "recién respondida"};
}  // namespace labels

constexpr size_t kMaxNameWidth = 26;
constexpr size_t kScoreWidth = 8;  // "Después" with a space before it
constexpr size_t kDeltaWidth = 7;

std::string say(const Message& message, Lang lang, const std::string& a = {}, const std::string& b = {}) {
    return format_message(message, a, b).in(lang);
}

std::string percent_text(const std::optional<double>& share) { return share ? format_number(*share, 1) + "%" : "–"; }

// "80% → 100%", or "100%" when it did not move.
std::string coverage_text(const ScoreChange& coverage) {
    return diff_format::change_text(percent_text(coverage.old_score), percent_text(coverage.new_score));
}

std::string model_name(const NamedRef& model, Lang lang) {
    return model.empty() ? say(labels::no_model, lang) : model.name.in(lang);
}

// "no blocker", "blocked (2 blockers)"
std::string model_status(size_t blockers, Lang lang) {
    return blockers == 0 ? words::blockers(0, lang) : say(labels::blocked, lang, words::blockers(blockers, lang));
}

// Why a recommendation left or joined the list, from its criterion's score on each side.
std::string reason(const RecommendationProgress& r, bool resolved, Lang lang) {
    if (resolved) return say(r.criterion_score.new_score ? labels::full_points : labels::now_unanswered, lang);
    return say(r.criterion_score.old_score ? labels::was_full : labels::newly_answered, lang);
}

// The institution the report is about: "Name", or "Old name → New name" when the profiles differ.
std::string institution_text(const AssessmentDiff& diff) {
    return diff_format::change_text(diff.old_side.institution, diff.new_side.institution);
}

std::string answer_text(const AssessmentDiff& diff, const Question& question, const Value& value, Lang lang) {
    return words::answer(*diff.rubric, question.path, value, lang);
}

// ---- plain text ----------------------------------------------------------------------------------

class TextView {
public:
    TextView(const AssessmentDiff& diff, Lang lang, int width)
        : d_(diff), lang_(lang), width_(static_cast<size_t>(width)) {}

    std::string render() {
        header();
        if (!d_.changed()) {
            out_ += "\n" + tr(labels::nothing_changed) + "\n";
            return out_;
        }
        overall();
        dimensions();
        models();
        recommendations(labels::resolved, d_.resolved, true);
        recommendations(labels::added, d_.added, false);
        answers();
        return out_;
    }

private:
    std::string tr(const Message& message, const std::string& a = {}) const { return say(message, lang_, a); }
    const std::string& in(const LocalText& text) const { return text.in(lang_); }

    void heading(const std::string& text) { out_ += "\n" + text + "\n"; }

    void header() {
        append_wrapped(out_, tr(labels::title, institution_text(d_)), width_, "", "  ");
        std::string before = tr(labels::before) + ":";
        std::string after = tr(labels::after) + ":";
        size_t label_width = std::max(display_width(before), display_width(after)) + 1;
        out_ += pad_right(before, label_width) + d_.old_side.source + "\n";
        out_ += pad_right(after, label_width) + d_.new_side.source + "\n";
        append_wrapped(out_,
                       fmt::format("{}: {}, v{}", tr(labels::rubric_set), in(d_.rubric->name), d_.rubric->version),
                       width_, "", "  ");
    }

    // The level, and the coverage when it moved: "Emerging · coverage 80% → 100%".
    std::string tail(const NamedRef& old_level, const NamedRef& new_level, const ScoreChange& coverage) const {
        std::string text = levels_text(old_level, new_level, lang_);
        if (coverage.moved()) text += " · " + tr(labels::coverage_change, coverage_text(coverage));
        return text;
    }

    // "Overall readiness: 58.2 → 63 (+4.8) · Emerging → Consolidating"; the score alone when it held.
    void overall() {
        std::string scores = score_text(d_.overall.new_score);
        if (d_.overall.moved()) {
            scores = scores_text(d_.overall);
            if (!delta_text(d_.overall).empty()) scores += " (" + delta_text(d_.overall) + ")";
        }
        out_ += "\n";
        append_wrapped(out_,
                       fmt::format("{}: {} · {}", tr(labels::overall_readiness), scores,
                                   tail(d_.old_level, d_.new_level, d_.coverage)),
                       width_, "", "  ");
        if (d_.suggestion_moved())
            append_wrapped(out_,
                           fmt::format("{}: {} → {}", tr(labels::suggested_model), model_name(d_.old_suggestion, lang_),
                                       model_name(d_.new_suggestion, lang_)),
                           width_, "", "  ");
    }

    // name | before | after | Δ | level; the level goes on its own line when the row would not fit.
    void row(const std::string& name, size_t name_width, const std::string& before, const std::string& after,
             const std::string& delta, const std::string& tail_text) {
        std::string line = "  " + pad_right(name, name_width) + pad_left(before, kScoreWidth) +
                           pad_left(after, kScoreWidth) + pad_left(delta, kDeltaWidth);
        if (display_width(line) + 2 + display_width(tail_text) <= width_) {
            out_ += line + "  " + tail_text + "\n";
        } else {
            line.erase(line.find_last_not_of(' ') + 1);  // an empty Δ leaves no trailing spaces
            out_ += line + "\n";
            append_wrapped(out_, tail_text, width_, "      ", "      ");
        }
    }

    void dimensions() {
        if (d_.dimensions.empty()) return;
        size_t name_width = display_width(tr(labels::dimension));
        for (const auto& d : d_.dimensions) name_width = std::max(name_width, display_width(in(d.dimension.name)));
        name_width = std::min(name_width, kMaxNameWidth);
        out_ += "\n";
        row(tr(labels::dimension), name_width, tr(labels::before), tr(labels::after), "Δ", tr(labels::level));
        for (const auto& d : d_.dimensions)
            row(in(d.dimension.name), name_width, score_text(d.score.old_score), score_text(d.score.new_score),
                delta_text(d.score), tail(d.old_level, d.new_level, d.coverage));
    }

    void models() {
        if (d_.models.empty()) return;
        heading(tr(labels::models));
        for (const auto& m : d_.models) {
            append_wrapped(out_,
                           fmt::format("{}: {} → {}", in(m.model.name), model_status(m.old_blockers, lang_),
                                       model_status(m.new_blockers, lang_)),
                           width_, "  ", "    ");
            for (const auto& text : m.lifted)
                append_wrapped(out_, say(labels::lifted, lang_, in(text)), width_, "    - ", "      ");
            for (const auto& text : m.added)
                append_wrapped(out_, say(labels::new_blocker, lang_, in(text)), width_, "    - ", "      ");
        }
    }

    void recommendations(const Message& label, const std::vector<RecommendationProgress>& list, bool resolved) {
        if (list.empty()) return;
        heading(tr(label, std::to_string(list.size())));
        for (const auto& r : list) {
            append_wrapped(
                out_,
                fmt::format("{}: {} ({}) — {}", in(r.dimension.name), in(r.name), r.id, reason(r, resolved, lang_)),
                width_, "  - ", "    ");
            if (!resolved) append_wrapped(out_, in(r.text), width_, "    ", "    ");
        }
    }

    void answers() {
        if (d_.answers.empty()) return;
        heading(tr(labels::answers, std::to_string(d_.answers.size())));
        for (const auto& a : d_.answers) {
            append_wrapped(out_,
                           fmt::format("{} ({}): {} → {}", in(a.question->label), a.question->path,
                                       answer_text(d_, *a.question, a.old_value, lang_),
                                       answer_text(d_, *a.question, a.new_value, lang_)),
                           width_, "  - ", "    ");
        }
    }

    const AssessmentDiff& d_;
    Lang lang_;
    size_t width_;
    std::string out_;
};

// ---- Markdown ------------------------------------------------------------------------------------

using markdown::code;

std::string md(std::string_view text) { return markdown::escape(text); }

class MarkdownView {
public:
    MarkdownView(const AssessmentDiff& diff, Lang lang) : d_(diff), lang_(lang) {}

    std::string render() {
        out_ += "## " + md(tr(labels::title, institution_text(d_))) + "\n\n";
        out_ += fmt::format("- **{}:** {}\n", tr(labels::before), code(d_.old_side.source));
        out_ += fmt::format("- **{}:** {}\n", tr(labels::after), code(d_.new_side.source));
        out_ += fmt::format("- **{}:** {}, v{}\n", tr(labels::rubric_set), in(d_.rubric->name), d_.rubric->version);
        if (!d_.changed()) {
            out_ += "\n" + tr(labels::nothing_changed) + "\n";
            return out_;
        }
        scores();
        models();
        recommendations(labels::resolved, d_.resolved, true);
        recommendations(labels::added, d_.added, false);
        answers();
        return out_;
    }

private:
    std::string tr(const Message& message, const std::string& a = {}) const { return say(message, lang_, a); }
    std::string in(const LocalText& text) const { return md(text.in(lang_)); }

    void heading(const std::string& text) { out_ += "\n### " + text + "\n"; }

    void table(const std::vector<std::string>& columns, const std::string& alignment) {
        out_ += "\n|";
        for (const auto& column : columns) out_ += " " + column + " |";
        out_ += "\n" + alignment + "\n";
    }

    void row(const std::vector<std::string>& cells) {
        out_ += "|";
        for (const auto& cell : cells) out_ += " " + cell + " |";
        out_ += "\n";
    }

    // A name with its id: "Funding (`funding`)".
    std::string named(const LocalText& name, const std::string& id) const { return in(name) + " (" + code(id) + ")"; }

    void scores() {
        table({tr(labels::dimension), tr(labels::before), tr(labels::after), "Δ", tr(labels::level),
               tr(labels::coverage)},
              "|---|---:|---:|---:|---|---:|");
        row({"**" + tr(labels::overall) + "**", score_text(d_.overall.old_score), score_text(d_.overall.new_score),
             delta_text(d_.overall), md(levels_text(d_.old_level, d_.new_level, lang_)),
             md(coverage_text(d_.coverage))});
        for (const auto& d : d_.dimensions)
            row({named(d.dimension.name, d.dimension.id), score_text(d.score.old_score), score_text(d.score.new_score),
                 delta_text(d.score), md(levels_text(d.old_level, d.new_level, lang_)), md(coverage_text(d.coverage))});
        if (d_.suggestion_moved())
            out_ += fmt::format("\n**{}:** {} → {}\n", tr(labels::suggested_model), model_cell(d_.old_suggestion),
                                model_cell(d_.new_suggestion));
    }

    std::string model_cell(const NamedRef& model) const {
        return model.empty() ? tr(labels::no_model) : named(model.name, model.id);
    }

    // Blocker texts in one cell, one after another.
    std::string blockers_cell(const std::vector<LocalText>& texts) const {
        std::string cell;
        for (const auto& text : texts) cell += (cell.empty() ? "" : " · ") + in(text);
        return cell;
    }

    void models() {
        if (d_.models.empty()) return;
        heading(tr(labels::models));
        table({tr(labels::model), tr(labels::before), tr(labels::after), tr(labels::lifted_heading),
               tr(labels::new_blockers_heading)},
              "|---|---|---|---|---|");
        for (const auto& m : d_.models)
            row({named(m.model.name, m.model.id), md(model_status(m.old_blockers, lang_)),
                 md(model_status(m.new_blockers, lang_)), blockers_cell(m.lifted), blockers_cell(m.added)});
    }

    void recommendations(const Message& label, const std::vector<RecommendationProgress>& list, bool resolved) {
        if (list.empty()) return;
        heading(tr(label, std::to_string(list.size())));
        if (resolved) {
            table({tr(labels::criterion), tr(labels::dimension), tr(labels::why)}, "|---|---|---|");
            for (const auto& r : list) row({named(r.name, r.id), in(r.dimension.name), md(reason(r, resolved, lang_))});
        } else {
            table({"#", tr(labels::criterion), tr(labels::dimension), tr(labels::why), tr(labels::recommendation)},
                  "|---:|---|---|---|---|");
            for (const auto& r : list)
                row({std::to_string(r.rank), named(r.name, r.id), in(r.dimension.name), md(reason(r, resolved, lang_)),
                     in(r.text)});
        }
    }

    void answers() {
        if (d_.answers.empty()) return;
        heading(tr(labels::answers, std::to_string(d_.answers.size())));
        table({tr(labels::question), tr(labels::before), tr(labels::after)}, "|---|---|---|");
        for (const auto& a : d_.answers)
            row({named(a.question->label, a.question->path), md(answer_text(d_, *a.question, a.old_value, lang_)),
                 md(answer_text(d_, *a.question, a.new_value, lang_))});
    }

    const AssessmentDiff& d_;
    Lang lang_;
    std::string out_;
};

// ---- JSON ----------------------------------------------------------------------------------------

void write_change(JsonWriter& json, const ScoreChange& change) {
    write_score(json, "old", change.old_score);
    write_score(json, "new", change.new_score);
    write_score(json, "delta", change.delta());
}

void write_ref(JsonWriter& json, std::string_view key, const NamedRef& ref, Lang lang) {
    json.key(key);
    if (ref.empty())
        json.null();
    else
        json.begin_object().field("id", ref.id).field("name", ref.name.in(lang)).end_object();
}

void write_texts(JsonWriter& json, std::string_view key, const std::vector<LocalText>& texts, Lang lang) {
    json.key(key).begin_array();
    for (const auto& text : texts) json.value(text.in(lang));
    json.end_array();
}

std::string_view move_id(ModelMove move) {
    switch (move) {
        case ModelMove::became_feasible:
            return "became_feasible";
        case ModelMove::became_blocked:
            return "became_blocked";
        case ModelMove::blockers_changed:
            return "blockers_changed";
    }
    return "";
}

void write_side(JsonWriter& json, std::string_view key, const DiffSide& side) {
    json.key(key).begin_object().field("source", side.source).field("institution", side.institution).end_object();
}

void write_recommendations(JsonWriter& json, std::string_view key, const std::vector<RecommendationProgress>& list,
                           Lang lang) {
    json.key(key).begin_array();
    for (const auto& r : list) {
        json.begin_object().field("id", r.id).field("dimension", r.dimension.id).field("name", r.name.in(lang));
        json.field("rank", r.rank);
        write_score(json, "old_score", r.criterion_score.old_score);
        write_score(json, "new_score", r.criterion_score.new_score);
        json.field("text", r.text.in(lang)).end_object();
    }
    json.end_array();
}

}  // namespace

std::string render_assessment_diff_text(const AssessmentDiff& diff, Lang lang, int width) {
    return TextView(diff, lang, width).render();
}

std::string render_assessment_diff_markdown(const AssessmentDiff& diff, Lang lang) {
    return MarkdownView(diff, lang).render();
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
    write_change(json, diff.overall);
    write_ref(json, "old_level", diff.old_level, lang);
    write_ref(json, "new_level", diff.new_level, lang);
    write_score(json, "old_coverage", diff.coverage.old_score);
    write_score(json, "new_coverage", diff.coverage.new_score);
    json.end_object();

    json.key("suggested_model").begin_object();
    write_ref(json, "old", diff.old_suggestion, lang);
    write_ref(json, "new", diff.new_suggestion, lang);
    json.field("changed", diff.suggestion_moved()).end_object();

    json.key("dimensions").begin_array();
    for (const auto& d : diff.dimensions) {
        json.begin_object().field("id", d.dimension.id).field("name", d.dimension.name.in(lang));
        write_change(json, d.score);
        write_ref(json, "old_level", d.old_level, lang);
        write_ref(json, "new_level", d.new_level, lang);
        write_score(json, "old_coverage", d.coverage.old_score);
        write_score(json, "new_coverage", d.coverage.new_score);
        json.end_object();
    }
    json.end_array();

    json.key("models").begin_array();
    for (const auto& m : diff.models) {
        json.begin_object().field("id", m.model.id).field("name", m.model.name.in(lang));
        json.field("change", std::string(move_id(m.move)));
        json.field("old_blockers", static_cast<int>(m.old_blockers))
            .field("new_blockers", static_cast<int>(m.new_blockers));
        write_texts(json, "lifted", m.lifted, lang);
        write_texts(json, "added", m.added, lang);
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
