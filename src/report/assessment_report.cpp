// The assessment report (tne assess), built once for every format people read: text, Markdown and
// HTML. Every section is in every format; the emitters decide how it looks (HTML folds the Details).
// Everything shown comes from the Assessment, worded by report_words.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "report/charts.hpp"
#include "report/report_words.hpp"
#include "report/reports.hpp"

namespace tne::report {

namespace {

using namespace doc;
using words::Term;

constexpr size_t kTopRecommendations = 10;  // the rest are counted, or folded with explain
constexpr size_t kListedMissing = 5;        // more answers without evidence are counted, unless explain

class AssessmentReport {
public:
    AssessmentReport(const Assessment& a, const ReportOptions& options) : a_(a), o_(options), lang_(options.lang) {}

    Document build() {
        Document d;
        d.lang = lang_;
        d.title = Text(fmt::format("{} — {}", term(Term::tne_readiness), a_.institution_name));
        header(d.body);
        what_if(d.body);
        headline(d.body);
        dimensions(d.body);
        models(d.body);
        suggestion(d.body);
        alternatives(d.body);
        not_for_now(d.body);
        decided(d.body);
        changes(d.body);
        recommendations(d.body);
        unanswered(d.body);
        evidence(d.body);
        if (o_.explain) trace(d.body);
        return d;
    }

private:
    const Assessment& a_;
    const ReportOptions& o_;
    Lang lang_;

    const char* term(Term t) const { return words::term(t, lang_); }
    const std::string& in(const LocalText& text) const { return text.in(lang_); }
    // The Annex's section titles beside its numbers in the whole report (Markdown, HTML, text with
    // --explain); the short text report keeps the bare numbers.
    const RubricSet* annex_titles() const { return o_.explain ? a_.rubric : nullptr; }
    std::string annex(const std::string& section) const { return annex_citation(section, lang_, annex_titles()); }

    static List list(const std::vector<std::string>& items, std::string role = {}) {
        List out;
        out.role = std::move(role);
        for (const auto& item : items) out.items.push_back({Text(item), {}});
        return out;
    }
    static Paragraph title_line(const std::string& text) { return {Text().strong(text), {}}; }

    // Levels go from bad (the lowest) to good (the highest); the name is always written too.
    Tone level_tone(const Level* level) const {
        if (!level) return Tone::muted;
        static constexpr std::array<Tone, 4> tones = {Tone::bad, Tone::warn, Tone::fair, Tone::good};
        const auto& levels = a_.rubric->levels;
        size_t index = static_cast<size_t>(level - levels.data());
        size_t tone = levels.size() <= 1 ? 3 : index * 3 / (levels.size() - 1);
        return tones[std::min<size_t>(tone, 3)];
    }
    Text level_text(const Level* level) const { return Text().tone(words::level(level, lang_), level_tone(level)); }

    Text status_text(const ModelResult& m) const {
        std::string status = words::status(a_, m, lang_);
        if (&m == a_.suggested) return Text().strong(status, Tone::good);
        if (m.status == ModelStatus::blocked) return Text().tone(status, Tone::bad);
        return Text(status);
    }

    // The date and type, then the institution's other answers, the profile and the rubric set.
    void header(Blocks& body) {
        std::string meta = a_.rubric->value_label("institution.type", a_.institution_type, lang_);
        if (o_.date) meta = o_.date->long_form(lang_) + " · " + meta;
        body.push_back(Paragraph{meta, "meta"});
        Facts facts;
        facts.role = "about";
        for (const auto& fact : a_.institution_facts)
            facts.items.push_back({Text(in(fact.question->label)),
                                   Text(words::answer(*a_.rubric, fact.question->path, fact.value, lang_))});
        if (!a_.profile.source.empty())
            facts.items.push_back({Text(term(Term::source)), Text().code(a_.profile.source)});
        facts.items.push_back(
            {Text(term(Term::rubric_set)), Text(fmt::format("{}, v{}", in(a_.rubric->name), a_.rubric->version))});
        body.push_back(std::move(facts));
    }

    // Simulated answers come first, so nobody takes a what-if for the institution's own report.
    void what_if(Blocks& body) {
        const auto& simulated = a_.profile.simulated;
        if (simulated.empty()) return;
        std::vector<std::string> items;
        for (const auto& s : simulated) items.push_back(words::simulated_change(a_, s, lang_));
        body.push_back(Section{
            Text().tone(words::simulated_heading(simulated.size(), lang_), Tone::warn), {list(items)}, "what-if"});
    }

    void headline(Blocks& body) {
        Facts facts;
        facts.role = "headline";
        facts.items.push_back({Text(term(Term::overall_readiness)), Text(words::score_of_100(a_.overall, lang_))});
        facts.items.push_back({Text(term(Term::level)), level_text(a_.level)});
        facts.items.push_back({Text(term(Term::coverage)), Text(words::percent(a_.coverage))});
        if (a_.evidence)
            facts.items.push_back({Text(term(Term::confidence)), Text(words::percent(a_.evidence->confidence))});
        body.push_back(std::move(facts));
        body.push_back(Paragraph{words::headline_note(a_.evidence.has_value(), lang_), "meta"});
    }

    // The radar, and its figures: score, level, coverage and (with an evidence review) confidence.
    void dimensions(Blocks& body) {
        Table table;
        table.columns = {{Text(term(Term::dimension))},
                         {Text(term(Term::score)), ColumnKind::number},
                         {Text(term(Term::level))},
                         {Text(term(Term::coverage)), ColumnKind::number}};
        if (a_.evidence) table.columns.push_back({Text(term(Term::confidence)), ColumnKind::number});
        for (size_t i = 0; i < a_.dimensions.size(); ++i) {
            const DimensionResult& d = a_.dimensions[i];
            std::vector<Cell> row = {Cell(in(d.dimension->name)), Cell(words::score(d.score)),
                                     Cell(level_text(d.level)), Cell(words::percent(d.coverage))};
            if (a_.evidence) row.emplace_back(words::percent(a_.evidence->dimensions[i].confidence));
            table.rows.push_back(std::move(row));
        }
        Figure figure{charts::radar_chart(a_, lang_).str(), Text(words::dimensions_caption(lang_)), std::move(table)};
        body.push_back(Section{Text(words::dimensions_title(lang_)), {std::move(figure)}, "dimensions"});
    }

    // The fit chart, and its figures: every model's fit, score and status in words.
    void models(Blocks& body) {
        Table table;
        table.role = "models";
        table.columns = {{Text(term(Term::model))},
                         {Text(term(Term::fit)), ColumnKind::number},
                         {Text(term(Term::score)), ColumnKind::number},
                         {Text(term(Term::status))}};
        for (const auto& m : a_.models)
            table.rows.push_back({Cell(in(m.model->name)), Cell(format_number(m.fit, 0)),
                                  Cell(format_number(m.score, 0)), Cell(status_text(m))});
        Figure figure{charts::model_fit_chart(a_, lang_).str(), Text(words::models_caption(a_, lang_)),
                      std::move(table)};
        body.push_back(Section{Text(words::models_title(lang_)),
                               {Paragraph{words::models_note(a_, lang_), "meta"}, std::move(figure)},
                               "models"});
    }

    // The suggestion and why (Annex 4.1.2, 4.3.3): its reasons, pathway and what it still needs; with
    // too few answers, the questions to answer first. A first step is never said to be blocked.
    void suggestion(Blocks& body) {
        Section section{Text(words::suggested_title(a_, lang_)), {}, "suggestion"};
        Blocks& out = section.body;
        if (!a_.suggested) {
            out.push_back(Paragraph{words::suggestion_basis(a_, lang_, annex_titles()), {}});
            if (!a_.unanswered.empty()) {
                std::vector<std::string> needed;
                for (size_t i = 0; i < std::min(words::kAnswersNeeded, a_.unanswered.size()); ++i)
                    needed.push_back(words::unanswered(a_.unanswered[i], lang_));
                out.push_back(title_line(words::answers_needed_title(lang_)));
                out.push_back(list(needed, "advice"));
            }
            body.push_back(std::move(section));
            return;
        }
        const ModelResult& m = *a_.suggested;
        out.push_back(
            Paragraph{Text()
                          .strong(words::status(a_, m, lang_), Tone::good)
                          .add(fmt::format(" · {} · {}", words::fit_and_score(m, lang_), annex(m.model->annex))),
                      {}});
        out.push_back(Paragraph{in(m.model->description), {}});
        out.push_back(Paragraph{words::suggestion_basis(a_, lang_, annex_titles()), {}});
        if (m.status == ModelStatus::runs) out.push_back(Paragraph{words::runs_note(a_, lang_, annex_titles()), {}});
        reasons(out, m, true, words::in_favour_title(lang_));
        reasons(out, m, false, words::against_title(lang_));
        std::string path;
        for (const auto* step : a_.pathway)
            path += fmt::format("{}{} ({})", path.empty() ? "" : " → ", in(step->model->name),
                                words::short_status(a_, *step, lang_));
        out.push_back(Paragraph{Text().strong(fmt::format("{}:", term(Term::pathway))).add(" " + path), "pathway"});
        std::vector<std::string> gaps;
        for (const auto& blocker : m.blockers) gaps.push_back(blocker_text(blocker, a_, lang_, annex_titles()));
        if (words::below_minimum(a_, m)) gaps.push_back(words::fit_below_minimum(a_, m, lang_));
        if (!gaps.empty()) {
            out.push_back(title_line(words::gaps_title(a_, lang_)));
            out.push_back(list(gaps, "advice"));
        }
        body.push_back(std::move(section));
    }

    void reasons(Blocks& out, const ModelResult& m, bool positive, const std::string& title) const {
        std::vector<std::string> items;
        for (const auto& reason : m.reasons)
            if ((reason.points > 0) == positive && reason.points != 0)
                items.push_back(words::reason(reason, lang_, annex_titles()));
        if (items.empty()) return;
        out.push_back(title_line(title));
        out.push_back(list(items, "advice"));
    }

    // The next models, and the reasons of the suggestion each lacks (folded in HTML).
    void alternatives(Blocks& body) {
        if (!a_.suggested) return;
        Section section{Text(words::alternatives_title(lang_)), {}, "alternatives"};
        if (a_.alternatives.empty()) section.body.push_back(Paragraph{words::no_alternative(lang_), {}});
        List items;
        items.role = "advice";
        for (const auto& alternative : a_.alternatives) {
            ListItem item{Text(words::alternative(a_, alternative, lang_)), {}};
            std::vector<std::string> missing;
            for (const auto& reason : alternative.missing)
                missing.push_back(words::reason(reason, lang_, annex_titles()));
            if (!missing.empty()) item.body.push_back(Details{Text(words::lacks_title(lang_)), {list(missing)}});
            items.items.push_back(std::move(item));
        }
        if (!items.items.empty()) section.body.push_back(std::move(items));
        body.push_back(std::move(section));
    }

    // The other models, best first, each with its blockers (or gaps, when it runs).
    void not_for_now(Blocks& body) {
        if (a_.not_for_now.empty()) return;
        List items;
        items.role = "advice";
        for (const ModelResult* m : a_.not_for_now) {
            ListItem item{Text(words::not_for_now(a_, *m, lang_)), {}};
            std::vector<std::string> blockers;
            for (const auto& blocker : m->blockers)
                blockers.push_back(blocker_text(blocker, a_, lang_, annex_titles()));
            if (!blockers.empty())
                item.body.push_back(Details{Text(words::blockers_title(*m, lang_)), {list(blockers, "blockers")}});
            items.items.push_back(std::move(item));
        }
        body.push_back(Section{Text(words::not_for_now_title(lang_)), {std::move(items)}, "not-for-now"});
    }

    // The thresholds, and the rules behind this result that rest on an assumption (folded in HTML).
    void decided(Blocks& body) {
        Section section{Text(words::decided_title(lang_)),
                        {Paragraph{words::thresholds(a_, lang_, annex_titles()), {}}},
                        "decided"};
        if (a_.assumptions.empty()) {
            section.body.push_back(Paragraph{words::no_assumptions(lang_), {}});
        } else {
            std::vector<std::string> items;
            for (const auto& assumption : a_.assumptions)
                items.push_back(words::assumption(a_, assumption, lang_, annex_titles()));
            section.body.push_back(
                Details{Text(words::assumptions_summary(a_.assumptions.size(), lang_)), {list(items, "advice")}});
        }
        body.push_back(std::move(section));
    }

    // What would change the advice: the answers that, changed, make another model the suggestion;
    // each model's ways folded in HTML; without explain, the first few of each.
    void changes(Blocks& body) {
        Section section{Text(words::changes_title(lang_)), {}, "changes"};
        if (a_.changes.empty()) {
            section.body.push_back(Paragraph{words::no_changes(a_, lang_), {}});
            body.push_back(std::move(section));
            return;
        }
        section.body.push_back(Paragraph{words::changes_intro(lang_), {}});
        for (const auto& change : a_.changes) {
            size_t shown = o_.explain ? change.ways.size() : std::min(words::kListedWays, change.ways.size());
            std::vector<std::string> ways;
            for (size_t i = 0; i < shown; ++i) ways.push_back(words::way(a_, change.ways[i], lang_));
            Details details{Text(fmt::format("{}: {}", words::change_outcome(change, lang_),
                                             words::ways_count(change.ways.size(), lang_))),
                            {Paragraph{words::change_heading(change, lang_), {}}, list(ways, "advice")}};
            if (shown < change.ways.size())
                details.body.push_back(Paragraph{words::more_ways(change.ways.size() - shown, lang_), {}});
            if (!change.exhaustive) details.body.push_back(Paragraph{words::greedy_note(lang_), "meta"});
            section.body.push_back(std::move(details));
        }
        body.push_back(std::move(section));
    }

    ListItem recommendation(const RecommendationResult& r) const {
        Text facts =
            Text().strong(fmt::format("{}.", r.rank)).add(" " + words::recommendation_facts(r, lang_, annex_titles()));
        if (r.lifts_blocker) facts.add(" · ").strong(words::helps_suggestion(lang_), Tone::good);
        return {facts, {Paragraph{in(r.criterion->recommendation.text), {}}}};
    }

    // The first recommendations; the rest folded (HTML) or counted (text without --explain).
    void recommendations(Blocks& body) {
        if (a_.recommendations.empty()) return;
        Section section{
            Text(words::recommendations_title(lang_)), {Paragraph{words::gain_note(lang_), "meta"}}, "recommendations"};
        const size_t shown = std::min(kTopRecommendations, a_.recommendations.size());
        List top;
        top.role = "recommendations";
        for (size_t i = 0; i < shown; ++i) top.items.push_back(recommendation(a_.recommendations[i]));
        section.body.push_back(std::move(top));
        const size_t rest = a_.recommendations.size() - shown;
        if (rest > 0 && o_.explain) {
            List more;
            more.role = "recommendations";
            for (size_t i = shown; i < a_.recommendations.size(); ++i)
                more.items.push_back(recommendation(a_.recommendations[i]));
            section.body.push_back(Details{Text(words::more_recommendations(rest, lang_)), {std::move(more)}});
        } else if (rest > 0) {
            section.body.push_back(Paragraph{words::more_recommendations_hint(rest, lang_), "meta"});
        }
        body.push_back(std::move(section));
    }

    void unanswered(Blocks& body) {
        if (a_.unanswered.empty()) return;
        std::vector<std::string> items;
        for (const auto& u : a_.unanswered) items.push_back(words::unanswered(u, lang_));
        body.push_back(Section{Text(words::unanswered_title(lang_)), {list(items)}, "unanswered"});
    }

    // What to review (Annex 4.1.7, 4.4): the counts by dimension, the stale evidence in full, evidence
    // dated after the report, and the answers without evidence by dimension (counted when many,
    // unless explain).
    void evidence(Blocks& body) {
        if (!a_.evidence) return;
        const EvidenceReview& review = *a_.evidence;
        Section section{Text(term(Term::evidence)),
                        {Paragraph{words::confidence_line(review, lang_, annex_titles()), {}}},
                        "evidence"};
        Blocks& out = section.body;
        if (!review.any_scored_evidence()) {
            out.push_back(Paragraph{words::evidence_hint(lang_), {}});
            out.push_back(Command{words::evidence_form(lang_)});
        } else {
            out.push_back(Paragraph{words::evidence_counts(review, lang_), {}});
            Table table;
            table.columns = {{Text(term(Term::dimension))},
                             {Text(term(Term::fresh)), ColumnKind::number},
                             {Text(term(Term::stale)), ColumnKind::number},
                             {Text(term(Term::no_evidence)), ColumnKind::number}};
            for (size_t i = 0; i < a_.dimensions.size(); ++i) {
                const DimensionEvidence& counts = review.dimensions[i];
                table.rows.push_back({Cell(in(a_.dimensions[i].dimension->name)), Cell(std::to_string(counts.fresh)),
                                      Cell(std::to_string(counts.stale)), Cell(std::to_string(counts.missing))});
            }
            out.push_back(Details{Text(words::evidence_by_dimension_title(lang_)), {std::move(table)}});
        }
        dated(out, review.stale, words::stale_title(review, lang_), true);
        dated(out, review.dated_after, words::dated_after_title(review, lang_), false);
        if (!review.missing.empty() && review.any_scored_evidence()) {
            bool listed = o_.explain || review.missing.size() <= kListedMissing;
            Text title(words::missing_title(review.missing.size(), listed, lang_));
            if (!listed) {
                out.push_back(Paragraph{title, {}});
            } else {
                List by_dimension;
                for (size_t i = 0; i < a_.dimensions.size(); ++i) {
                    const auto& questions = review.dimensions[i].without_evidence;
                    if (questions.empty()) continue;
                    std::vector<std::string> answers;
                    for (const Question* q : questions) answers.push_back(words::missing_answer(*q, lang_));
                    by_dimension.items.push_back({Text(in(a_.dimensions[i].dimension->name)), {list(answers)}});
                }
                out.push_back(Details{title, {std::move(by_dimension)}});
            }
        }
        body.push_back(std::move(section));
    }

    void dated(Blocks& out, const std::vector<DatedEvidence>& evidence, const std::string& title, bool with_age) {
        if (evidence.empty()) return;
        std::vector<std::string> items;
        for (const auto& e : evidence) items.push_back(words::dated_evidence(e, with_age, lang_));
        out.push_back(Section{Text(title + ":"), {list(items)}, {}});
    }

    // How every point was reached: each dimension's criteria, then each model's fit (folded in HTML).
    void trace(Blocks& body) {
        Section section{Text(words::trace_title(lang_)), {}, "criteria"};
        for (const auto& d : a_.dimensions) {
            std::vector<std::string> criteria;
            for (const auto& c : d.criteria) criteria.push_back(words::criterion_trace(a_, c, lang_, annex_titles()));
            section.body.push_back(Details{Text(words::dimension_trace(d, lang_)), {list(criteria)}});
        }
        std::vector<std::string> fits;
        for (const auto& m : a_.models) fits.push_back(words::fit_trace(m, lang_, annex_titles()));
        section.body.push_back(Details{Text(words::fit_trace_title(lang_)), {list(fits)}});
        body.push_back(std::move(section));
    }
};

}  // namespace

doc::Document assessment(const Assessment& assessment, const ReportOptions& options) {
    return AssessmentReport(assessment, options).build();
}

}  // namespace tne::report
