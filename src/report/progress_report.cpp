// tne diff as a document: the progress between two self-assessments of one institution (Annex
// 4.1.7, 4.4: set KPIs and review them). Sections appear only when they have something to say.
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
using diff_format::score_text;
using diff_format::scores_text;
using words::Term;

// Labels, each in English and Spanish. Arguments are positional ({0}, {1}...).
namespace label {
constexpr Message title{"Progress — {0}", "Avance — {0}"};
constexpr Message before{"Before", "Antes"};
constexpr Message after{"After", "Después"};
constexpr Message nothing_changed{"Nothing changed: both profiles give the same answers.",
                                  "Nada cambió: los dos perfiles dan las mismas respuestas."};
constexpr Message dimensions{"Scores by dimension", "Puntajes por dimensión"};
constexpr Message coverage_change{"coverage {0}", "cobertura {0}"};
constexpr Message models{"Models", "Modelos"};
constexpr Message blocked{"blocked ({0})", "bloqueado ({0})"};
constexpr Message lifted{"lifted: {0}", "resuelto: {0}"};
constexpr Message new_blocker{"new: {0}", "nuevo: {0}"};
constexpr Message resolved{"Recommendations resolved ({0})", "Recomendaciones resueltas ({0})"};
constexpr Message added{"New recommendations ({0})", "Recomendaciones nuevas ({0})"};
constexpr Message answers{"Answers that changed ({0})", "Respuestas que cambiaron ({0})"};
constexpr Message full_points{"full points", "puntaje completo"};
constexpr Message now_unanswered{"now unanswered", "ahora sin respuesta"};
constexpr Message was_full{"was at full points", "tenía el puntaje completo"};
constexpr Message newly_answered{"newly answered", "recién respondida"};
}  // namespace label

std::string percent_text(const std::optional<double>& share) { return share ? words::figure(*share) + "%" : "–"; }

class ProgressReport {
public:
    ProgressReport(const AssessmentDiff& diff, Lang lang, bool annex_titles)
        : d_(diff), lang_(lang), annex_titles_(annex_titles) {}

    Document build() {
        Document doc;
        doc.lang = lang_;
        doc.title = say(label::title, diff_format::change_text(d_.old_side.institution, d_.new_side.institution));
        doc.body.push_back(Facts{{{say(label::before), Text().code(d_.old_side.source)},
                                  {say(label::after), Text().code(d_.new_side.source)},
                                  {term(Term::rubric_set), words::rubric_set(*d_.rubric, lang_)}},
                                 ""});
        if (!d_.changed()) {
            doc.body.push_back(Paragraph{say(label::nothing_changed), ""});
            return doc;
        }
        doc.body.push_back(overall());
        if (!d_.dimensions.empty()) doc.body.push_back(dimensions());
        if (!d_.models.empty()) doc.body.push_back(models());
        if (!d_.resolved.empty()) doc.body.push_back(recommendations(label::resolved, d_.resolved, true));
        if (!d_.added.empty()) doc.body.push_back(recommendations(label::added, d_.added, false));
        if (!d_.answers.empty()) doc.body.push_back(answers());
        return doc;
    }

private:
    std::string say(const Message& message, const std::string& a = {}) const {
        return format_message(message, a).in(lang_);
    }
    const std::string& in(const LocalText& text) const { return text.in(lang_); }
    // A blocker cites the Annex with the section's title in Markdown and HTML, by its number in text.
    const std::string& blocker(const BlockerTexts& text) const { return in(annex_titles_ ? text.titled : text.bare); }
    std::string term(words::Term term) const { return words::term(term, lang_); }

    // "no blocker", "blocked (2 blockers)"
    std::string model_status(size_t blockers) const {
        return blockers == 0 ? words::blockers(0, lang_) : say(label::blocked, words::blockers(blockers, lang_));
    }

    // The level, and the coverage when it moved: "Emerging · coverage 80% → 100%".
    std::string level_text(const NamedRef& old_level, const NamedRef& new_level, const ScoreChange& coverage) const {
        std::string text = levels_text(old_level, new_level, lang_);
        if (coverage.moved())
            text += " · " + say(label::coverage_change, diff_format::change_text(percent_text(coverage.old_score),
                                                                                 percent_text(coverage.new_score)));
        return text;
    }

    // "Overall readiness: 58.2 → 63 (+4.8) · Emerging → Consolidating"; the score alone when it held.
    Facts overall() const {
        std::string scores = score_text(d_.overall.new_score);
        if (d_.overall.moved()) {
            scores = scores_text(d_.overall);
            if (!delta_text(d_.overall).empty()) scores += " (" + delta_text(d_.overall) + ")";
        }
        Facts facts{
            {{term(Term::overall_readiness), scores + " · " + level_text(d_.old_level, d_.new_level, d_.coverage)}},
            ""};
        if (d_.suggestion_moved())
            facts.items.push_back({term(Term::suggested_model), model_name(d_.old_suggestion, lang_) + " → " +
                                                                    model_name(d_.new_suggestion, lang_)});
        return facts;
    }

    Section dimensions() const {
        Table table{{{term(Term::dimension)},
                     {say(label::before), ColumnKind::number},
                     {say(label::after), ColumnKind::number},
                     {"Δ", ColumnKind::number},
                     {term(Term::level)}},
                    {},
                    {},
                    ""};
        for (const auto& d : d_.dimensions)
            table.rows.push_back({in(d.dimension.name), score_text(d.score.old_score), score_text(d.score.new_score),
                                  delta_text(d.score), level_text(d.old_level, d.new_level, d.coverage)});
        return Section{say(label::dimensions), {table}, "dimensions"};
    }

    Section models() const {
        List list;
        for (const auto& m : d_.models) {
            List blockers;
            for (const auto& text : m.lifted) blockers.items.push_back({say(label::lifted, blocker(text)), {}});
            for (const auto& text : m.added) blockers.items.push_back({say(label::new_blocker, blocker(text)), {}});
            Blocks body;
            if (!blockers.items.empty()) body.push_back(blockers);
            list.items.push_back({Text()
                                      .strong(in(m.model.name))
                                      .add(": " + model_status(m.old_blockers) + " → " + model_status(m.new_blockers)),
                                  body});
        }
        return Section{say(label::models), {list}, "models"};
    }

    // Why a recommendation left or joined the list, from its criterion's score on each side.
    std::string reason(const RecommendationChange& r, bool resolved) const {
        if (resolved) return say(r.criterion_score.new_score ? label::full_points : label::now_unanswered);
        return say(r.criterion_score.old_score ? label::was_full : label::newly_answered);
    }

    Section recommendations(const Message& heading, const std::vector<RecommendationChange>& changes,
                            bool resolved) const {
        List list;
        for (const auto& r : changes) {
            Text item;
            if (!resolved) item.add(fmt::format("#{} · ", r.new_rank));
            item.add(in(r.dimension.name) + ": ")
                .strong(in(r.name))
                .add(" (")
                .code(r.id)
                .add(") — " + reason(r, resolved));
            Blocks body;
            if (!resolved) body.push_back(Paragraph{in(r.text), ""});
            list.items.push_back({item, body});
        }
        return Section{say(heading, std::to_string(changes.size())), {list}, resolved ? "resolved" : "new"};
    }

    Section answers() const {
        List list;
        for (const auto& a : d_.answers)
            list.items.push_back({Text(in(a.question->label) + " (")
                                      .code(a.question->written_path(lang_))
                                      .add("): " + words::answer(*d_.rubric, a.question->path, a.old_value, lang_) +
                                           " → " + words::answer(*d_.rubric, a.question->path, a.new_value, lang_)),
                                  {}});
        return Section{say(label::answers, std::to_string(d_.answers.size())), {list}, "answers"};
    }

    const AssessmentDiff& d_;
    Lang lang_;
    bool annex_titles_;
};

}  // namespace

Document progress(const AssessmentDiff& diff, Lang lang, bool annex_titles) {
    return ProgressReport(diff, lang, annex_titles).build();
}

}  // namespace tne::report
