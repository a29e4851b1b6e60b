// The terminal report: fits 80 columns, colour only when asked for. Every label exists in English
// and Spanish at the point where it is used.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report_words.hpp"
#include "text_layout.hpp"
#include "tne/render.hpp"

namespace tne {

namespace {

constexpr int kBarWidth = 16;
constexpr size_t kTopRecommendations = 10;
constexpr size_t kListedMissing = 5;  // more answers without evidence are counted, and listed by --explain

class TextReport {
public:
    TextReport(const Assessment& a, const TextOptions& options) : a_(a), o_(options) {}

    std::string render() {
        header();
        what_if();
        overall();
        dimensions();
        suggestion();
        alternatives();
        not_for_now();
        recommendations();
        models();
        decided();
        changes();
        unanswered();
        evidence();
        if (o_.explain) explanation();
        return out_;
    }

private:
    const char* tr(const char* en, const char* es) const { return o_.lang == Lang::es ? es : en; }
    const std::string& in(const LocalText& text) const { return text.in(o_.lang); }

    std::string paint(const std::string& text, const char* code) const {
        return o_.color ? fmt::format("\033[{}m{}\033[0m", code, text) : text;
    }
    std::string bold(const std::string& text) const { return paint(text, "1"); }

    // Levels are coloured from red (lowest) to green (highest); the name is always written too.
    std::string level_name(const Level* level) const {
        if (!level) return tr("unknown", "sin datos");
        static const char* colours[] = {"31", "33", "36", "32"};
        const auto& levels = a_.rubric->levels;
        size_t index = static_cast<size_t>(level - levels.data());
        size_t colour = levels.size() <= 1 ? 3 : index * 3 / (levels.size() - 1);
        return paint(in(level->name), colours[std::min<size_t>(colour, 3)]);
    }

    std::string choice_label(const std::string& path, const std::string& id) const {
        return a_.rubric->value_label(path, id, o_.lang);
    }

    void heading(const std::string& text) { out_ += "\n" + bold(text) + "\n"; }

    void header() {
        out_ +=
            bold(fmt::format("{} — {}", tr("TNE readiness", "Preparación para la ETN"), a_.institution_name)) + "\n";
        std::string facts = choice_label("institution.type", a_.institution_type);
        for (const auto& fact : a_.institution_facts)
            facts += fmt::format(" · {}: {}", in(fact.question->label), value_text(fact.question->path, fact.value));
        append_wrapped(out_, facts, o_.width, "", "");
        append_wrapped(out_,
                       fmt::format("{}: {}, v{}", tr("Rubric set", "Conjunto de rúbricas"), in(a_.rubric->name),
                                   a_.rubric->version),
                       o_.width, "", "  ");
    }

    // Simulated answers come first, so nobody takes a what-if for the institution's own report.
    void what_if() {
        const auto& simulated = a_.profile.simulated;
        if (simulated.empty()) return;
        out_ += "\n" + paint(words::simulated_heading(simulated.size(), o_.lang), "1;35") + "\n";
        for (const auto& s : simulated)
            append_wrapped(out_, words::simulated_change(a_, s, o_.lang), o_.width, "  * ", "    ");
    }

    void overall() {
        out_ += "\n";
        out_ +=
            bold(fmt::format("{}  {}/100", tr("Overall readiness", "Preparación general"), words::score(a_.overall)));
        out_ += "  " + level_name(a_.level);
        out_ += fmt::format("  ({} {}", tr("coverage", "cobertura"), words::percent(a_.coverage));
        if (a_.evidence)
            out_ += fmt::format(", {} {}", tr("confidence", "confianza"), words::percent(a_.evidence->confidence));
        out_ += ")\n";
        if (a_.overall) out_ += score_bar(*a_.overall, 60) + "\n";
    }

    size_t dimension_name_width() const {
        size_t width = display_width(tr("Dimension", "Dimensión"));
        for (const auto& d : a_.dimensions) width = std::max(width, display_width(in(d.dimension->name)));
        return std::min<size_t>(width, 26);
    }

    // name | score | bar | coverage | level: at most 26 + 54 = 80 columns.
    void dimensions() {
        size_t name_width = dimension_name_width();
        heading(fmt::format("{}{}  {}{}  {}", pad_right(tr("Dimension", "Dimensión"), name_width),
                            pad_left(tr("Score", "Puntaje"), 8), pad_right("", kBarWidth),
                            pad_left(tr("Coverage", "Cobertura"), 10), tr("Level", "Nivel")));
        for (const auto& d : a_.dimensions) {
            std::string bar = d.score ? score_bar(*d.score, kBarWidth) : pad_right("", kBarWidth);
            out_ += fmt::format("{}{}  {}{}  {}\n", pad_right(in(d.dimension->name), name_width),
                                pad_left(words::score(d.score), 8), bar,
                                pad_left(format_number(100 * d.coverage, 0) + "%", 10), level_name(d.level));
        }
    }

    void item(const std::string& text, int depth = 1) {
        std::string indent(2 * depth, ' ');
        append_wrapped(out_, text, o_.width, indent + "- ", indent + "  ");
    }

    void line(const std::string& text) { append_wrapped(out_, text, o_.width, "  ", "  "); }

    // The suggestion and why (Annex 4.1.2, 4.3.3): its reasons, pathway and what it still needs; with
    // too few answers, the questions to answer first. A first step is never said to be blocked.
    void suggestion() {
        heading(words::suggested_title(a_, o_.lang));
        if (!a_.suggested) {
            line(words::suggestion_basis(a_, o_.lang));
            if (a_.unanswered.empty()) return;
            line(words::answers_needed_title(o_.lang));
            for (size_t i = 0; i < std::min(words::kAnswersNeeded, a_.unanswered.size()); ++i)
                item(words::unanswered(a_.unanswered[i], o_.lang), 2);
            return;
        }
        const ModelResult& m = *a_.suggested;
        line(fmt::format("{} · {} · {} {}", words::fit_and_score(m, o_.lang), bold(words::status(a_, m, o_.lang)),
                         tr("Annex", "Anexo"), m.model->annex));
        line(in(m.model->description));
        line(words::suggestion_basis(a_, o_.lang));
        if (m.status == ModelStatus::runs) line(words::runs_note(a_, o_.lang));
        reasons(m, true, words::in_favour_title(o_.lang));
        reasons(m, false, words::against_title(o_.lang));
        std::string path;
        for (const auto* step : a_.pathway) {
            if (!path.empty()) path += " → ";
            path += fmt::format("{} ({})", in(step->model->name), words::short_status(a_, *step, o_.lang));
        }
        append_wrapped(out_, fmt::format("{}: {}", tr("Pathway", "Ruta"), path), o_.width, "  ", "    ");
        bool low = words::below_minimum(a_, m);
        if (m.blockers.empty() && !low) return;
        line(words::gaps_title(a_, o_.lang));
        for (const auto& blocker : m.blockers) item(blocker_text(blocker, a_, o_.lang), 2);
        if (low) item(words::fit_below_minimum(a_, m, o_.lang), 2);
    }

    void reasons(const ModelResult& m, bool positive, const std::string& title) {
        bool any = false;
        for (const auto& reason : m.reasons) {
            if ((reason.points > 0) != positive || reason.points == 0) continue;
            if (!any) line(title);
            any = true;
            item(words::reason(reason, o_.lang), 2);
        }
    }

    void alternatives() {
        if (!a_.suggested) return;
        heading(words::alternatives_title(o_.lang));
        if (a_.alternatives.empty()) line(words::no_alternative(o_.lang));
        for (const auto& alternative : a_.alternatives) {
            item(words::alternative(a_, alternative, o_.lang));
            if (alternative.missing.empty()) continue;
            append_wrapped(out_, words::lacks_title(o_.lang), o_.width, "    ", "    ");
            for (const auto& reason : alternative.missing) item(words::reason(reason, o_.lang), 3);
        }
    }

    void not_for_now() {
        if (a_.not_for_now.empty()) return;
        heading(words::not_for_now_title(o_.lang));
        for (const ModelResult* m : a_.not_for_now) {
            item(words::not_for_now(a_, *m, o_.lang));
            for (const auto& blocker : m->blockers) item(blocker_text(blocker, a_, o_.lang), 3);
        }
    }

    void decided() {
        heading(words::decided_title(o_.lang));
        line(words::thresholds(a_, o_.lang));
        if (a_.assumptions.empty()) {
            line(words::no_assumptions(o_.lang));
            return;
        }
        line(words::assumptions_title(o_.lang));
        for (const auto& assumption : a_.assumptions) item(words::assumption(a_, assumption, o_.lang), 2);
    }

    // What would change the advice: the answers that, changed, make another model the suggestion.
    void changes() {
        heading(words::changes_title(o_.lang));
        if (a_.changes.empty()) {
            line(words::no_changes(a_, o_.lang));
            return;
        }
        line(words::changes_intro(o_.lang));
        for (const auto& change : a_.changes) {
            line(words::change_heading(change, o_.lang));
            size_t shown = o_.explain ? change.ways.size() : std::min(words::kListedWays, change.ways.size());
            for (size_t i = 0; i < shown; ++i) item(words::way(a_, change.ways[i], o_.lang), 2);
            if (shown < change.ways.size())
                append_wrapped(out_, words::more_ways(change.ways.size() - shown, o_.lang, true), o_.width, "    ",
                               "    ");
            if (!change.exhaustive) append_wrapped(out_, words::greedy_note(o_.lang), o_.width, "    ", "    ");
        }
    }

    std::string effort_label(Effort effort) const {
        switch (effort) {
            case Effort::low:
                return tr("low effort", "esfuerzo bajo");
            case Effort::medium:
                return tr("medium effort", "esfuerzo medio");
            case Effort::high:
                return tr("high effort", "esfuerzo alto");
        }
        return "";
    }

    void recommendations() {
        if (a_.recommendations.empty()) return;
        heading(tr("What to do first", "Qué hacer primero"));
        size_t shown =
            o_.explain ? a_.recommendations.size() : std::min(kTopRecommendations, a_.recommendations.size());
        for (size_t i = 0; i < shown; ++i) {
            const RecommendationResult& r = a_.recommendations[i];
            const Recommendation& rec = r.criterion->recommendation;
            std::string facts = fmt::format("{} · +{} {} · {} · {} · {} {}", in(r.dimension->name),
                                            format_number(r.gain), tr("points", "puntos"), effort_label(rec.effort),
                                            words::horizon(rec.horizon, o_.lang), tr("Annex", "Anexo"), rec.annex);
            if (r.lifts_blocker) facts += paint(" · " + words::helps_suggestion(o_.lang), "1");
            std::string number = pad_left(fmt::format("{}.", r.rank), 4) + " ";
            append_wrapped(out_, facts, o_.width, number, "     ");
            append_wrapped(out_, in(rec.text), o_.width, "     ", "     ");
        }
        if (shown < a_.recommendations.size())
            out_ += fmt::format("     {} {} ({})\n", a_.recommendations.size() - shown, tr("more", "más"),
                                tr("--explain shows all", "--explain las muestra todas"));
    }

    // name | fit | score | status; a status too long for the line wraps under itself.
    void models() {
        size_t name_width = 0;
        for (const auto& m : a_.models) name_width = std::max(name_width, display_width(in(m.model->name)));
        heading(fmt::format("{}{}{}  {}", pad_right(tr("Model", "Modelo"), name_width + 2),
                            pad_left(tr("Fit", "Ajuste"), 6), pad_left(tr("Score", "Puntaje"), 8),
                            tr("Status", "Estado")));
        for (const auto& m : a_.models) {
            std::string row = fmt::format("  {}{}{}  ", pad_right(in(m.model->name), name_width),
                                          pad_left(format_number(m.fit, 0), 6), pad_left(format_number(m.score, 0), 8));
            std::string status = words::status(a_, m, o_.lang);
            if (&m == a_.suggested)
                status = paint(status, "1;32");
            else if (m.status == ModelStatus::blocked)
                status = paint(status, "31");
            append_wrapped(out_, status, o_.width, row, std::string(display_width(row), ' '));
        }
    }

    void unanswered() {
        if (a_.unanswered.empty()) return;
        heading(tr("Unanswered questions (they lower coverage, not the score)",
                   "Preguntas sin respuesta (reducen la cobertura, no el puntaje)"));
        for (const auto& u : a_.unanswered) {
            append_wrapped(out_,
                           fmt::format("{} — {} (+{}% {})", u.question->path, in(u.question->label),
                                       format_number(u.coverage_gain), tr("coverage", "cobertura")),
                           o_.width, "  - ", "    ");
        }
    }

    // Confidence per dimension beside coverage, then what to review: stale evidence always, answers
    // without evidence listed when few or under --explain (a count per dimension otherwise).
    void evidence() {
        if (!a_.evidence) return;
        const EvidenceReview& review = *a_.evidence;
        heading(tr("Evidence", "Evidencia"));
        append_wrapped(out_,
                       fmt::format("{} {}. {}", tr("Confidence", "Confianza"), words::percent(review.confidence),
                                   words::confidence_rule(review, o_.lang)),
                       o_.width, "  ", "  ");
        if (!review.any_scored_evidence()) {
            append_wrapped(out_, words::evidence_hint(o_.lang), o_.width, "  ", "  ");
            out_ += "    " + words::evidence_form(o_.lang) + "\n";
        } else {
            evidence_table(review);
            out_ += "\n";
        }
        dated_list(review.stale, words::stale_title(review, o_.lang) + ":", true);
        dated_list(review.dated_after, words::dated_after_title(review, o_.lang) + ":", false);
        if (review.missing.empty() || !review.any_scored_evidence()) return;
        bool listed = o_.explain || review.missing.size() <= kListedMissing;
        out_ +=
            fmt::format("  {}: {}{}\n", tr("Answers without evidence", "Respuestas sin evidencia"),
                        review.missing.size(), listed ? "" : tr(" (--explain lists them)", " (--explain las enumera)"));
        if (!listed) return;
        for (const auto& m : review.missing)
            append_wrapped(out_, fmt::format("{} — {}", m.question->path, in(m.question->label)), o_.width, "    - ",
                           "      ");
    }

    // name, then coverage, confidence and the counts, each as wide as its heading: 25 + 49 columns in
    // English, 23 + 57 in Spanish with the default set.
    void evidence_table(const EvidenceReview& review) {
        size_t name_width = dimension_name_width();
        const std::string headings[] = {tr("Coverage", "Cobertura"), tr("Confidence", "Confianza"),
                                        tr("Fresh", "Vigentes"), tr("Stale", "Vencidas"),
                                        tr("No evidence", "Sin evidencia")};
        auto row = [&](const std::string& name, const std::vector<std::string>& cells) {
            out_ += pad_right(name, name_width);
            for (size_t i = 0; i < cells.size(); ++i) out_ += "  " + pad_left(cells[i], display_width(headings[i]));
            out_ += "\n";
        };
        out_ += "\n";
        row(tr("Dimension", "Dimensión"), std::vector<std::string>(std::begin(headings), std::end(headings)));
        for (size_t i = 0; i < a_.dimensions.size(); ++i) {
            const DimensionEvidence& counts = review.dimensions[i];
            row(in(a_.dimensions[i].dimension->name),
                {words::percent(a_.dimensions[i].coverage), words::percent(counts.confidence),
                 std::to_string(counts.fresh), std::to_string(counts.stale), std::to_string(counts.missing)});
        }
    }

    void dated_list(const std::vector<DatedEvidence>& list, const std::string& title, bool with_age) {
        if (list.empty()) return;
        out_ += "  " + title + "\n";
        for (const auto& dated : list) {
            const Evidence& e = *dated.evidence;
            std::string age = with_age ? ", " + words::months(dated.age_months, o_.lang) : "";
            append_wrapped(
                out_,
                fmt::format("{} ({}): {}{}; {}: {}; {}: {}", in(e.question->label), e.question->path, e.date.iso(), age,
                            tr("owner", "responsable"), e.owner, tr("source", "fuente"), e.source),
                o_.width, "    - ", "      ");
        }
    }

    // An answer in words: choice labels in the report's language, lists joined.
    std::string value_text(const std::string& path, const Value& value) const {
        if (const auto* number = std::get_if<double>(&value)) return format_number(*number, 2);
        if (const auto* id = std::get_if<std::string>(&value)) return choice_label(path, *id);
        if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
            std::string joined;
            for (const auto& item : *items) joined += (joined.empty() ? "" : ", ") + choice_label(path, item);
            return "[" + joined + "]";
        }
        return tr("unanswered", "sin respuesta");
    }

    void explanation() {
        heading(tr("How each score was reached", "Cómo se obtuvo cada puntaje"));
        for (const auto& d : a_.dimensions) {
            out_ += fmt::format("\n  {} {}/100 = {} / {} {} × 100\n", bold(in(d.dimension->name)),
                                words::score(d.score), format_number(d.points, 2), format_number(d.max_points, 2),
                                tr("answered points", "puntos respondidos"));
            for (const auto& c : d.criteria) {
                std::string line =
                    fmt::format("{} ({} {}): {} = {}", in(c.criterion->name), tr("Annex", "Anexo"), c.criterion->annex,
                                c.criterion->question, value_text(c.question->path, c.value));
                if (c.score)
                    line +=
                        fmt::format(" → {}: {}% × {} = {} {}", c.matched, format_number(*c.score, 1),
                                    format_number(c.max_points, 2), format_number(c.points, 2), tr("points", "puntos"));
                else
                    line += fmt::format(" → {}", tr("not counted; lowers coverage", "no cuenta; reduce la cobertura"));
                append_wrapped(out_, line, o_.width, "    - ", "      ");
            }
        }
        out_ += "\n";
        for (const auto& m : a_.models) {
            std::string terms;
            for (const auto& t : m.fit_terms)
                terms += fmt::format("{}{} {}×{}", terms.empty() ? "" : ", ", in(t.dimension->name),
                                     words::score(t.score), format_number(t.weight, 2));
            std::string line =
                fmt::format("{}: {} {} = {} ({})", in(m.model->name), tr("fit", "ajuste"), format_number(m.fit, 0),
                            tr("weighted mean of", "media ponderada de"), terms);
            for (const auto& reason : m.reasons)
                line += fmt::format(" {}{} ({}, {} {})", reason.points >= 0 ? "+" : "", format_number(reason.points),
                                    in(*reason.why), tr("Annex", "Anexo"), *reason.annex);
            append_wrapped(out_, line, o_.width, "  - ", "    ");
        }
    }

    const Assessment& a_;
    const TextOptions& o_;
    std::string out_;
};

}  // namespace

std::string render_text(const Assessment& assessment, const TextOptions& options) {
    return TextReport(assessment, options).render();
}

}  // namespace tne
