// The cohort summary as JSON (docs/json.md): a documented contract, written by its own writer. The
// figures are computed in cohort.cpp.
#include <cstdlib>
#include <variant>

#include "base/json_writer.hpp"
#include "render/emit.hpp"
#include "render/json_values.hpp"
#include "report/reports.hpp"
#include "tne/cohort.hpp"

namespace tne {

namespace {

// {"id", "name", "count"}: how many of a group are at a level, or were suggested a model.
void write_count(JsonWriter& json, const std::string& id, const LocalText& name, int count, Lang lang) {
    json.begin_object().field("id", id).field("name", name.in(lang)).field("count", count).end_object();
}

// The group's name: the institution type's label, or "All institutions" for the whole cohort.
std::string type_name(const CohortSummary& s, const std::string& type_id, Lang lang) {
    return type_id.empty() ? std::string(lang == Lang::es ? "Todas las instituciones" : "All institutions")
                           : s.rubric->value_label("institution.type", type_id, lang);
}

void write_text(JsonWriter& json, std::string_view key, const std::string& text) {
    json.key(key);
    if (text.empty())
        json.null();
    else
        json.value(text);
}

void write_stats(JsonWriter& json, const Stats& stats) {
    json.field("n", stats.n);
    auto known = [&](double x) { return stats.n > 0 ? std::optional<double>(x) : std::nullopt; };
    write_score(json, "mean", known(stats.mean));
    write_score(json, "median", known(stats.median));
    write_score(json, "min", known(stats.min));
    write_score(json, "max", known(stats.max));
}

// "respondents": N, "disagreements": [...] of an institution answered by several people (docs/json.md).
void write_respondents(JsonWriter& json, const CohortMember& member) {
    json.field("respondents", static_cast<int>(member.respondents.size()));
    json.key("disagreements").begin_array();
    for (const auto& d : member.disagreements) {
        json.begin_object().field("field", d.question->path);
        json.key("spread").number(d.spread, kFigureDecimals);
        write_answer(json, "combined", d.combined);
        json.key("answers").begin_array();
        for (const auto& answer : d.answers) {
            const Respondent& who = member.respondents[answer.respondent];
            json.begin_object().field("row", who.row);
            write_text(json, "role", who.role);
            write_answer(json, "value", answer.value);
            json.end_object();
        }
        json.end_array().end_object();
    }
    json.end_array();
}

void write_group(JsonWriter& json, const CohortSummary& s, const TypeSummary& g, Lang lang) {
    const RubricSet& r = *s.rubric;
    json.begin_object();
    write_text(json, "type", g.type);
    json.field("name", type_name(s, g.type, lang)).field("count", g.count);
    json.key("overall").begin_object();
    write_stats(json, g.overall);
    json.end_object();

    json.key("dimensions").begin_array();
    for (size_t i = 0; i < r.dimensions.size(); ++i) {
        json.begin_object().field("id", r.dimensions[i].id).field("name", r.dimensions[i].name.in(lang));
        write_stats(json, g.dimensions[i]);
        json.end_object();
    }
    json.end_array();

    json.key("levels").begin_array();
    for (size_t i = 0; i < r.levels.size(); ++i) write_count(json, r.levels[i].id, r.levels[i].name, g.levels[i], lang);
    json.end_array();
    json.field("no_level", g.no_level);

    json.key("weakest_dimensions").begin_array();
    for (const auto& b : g.barriers) {
        json.begin_object().field("id", b.dimension->id).field("name", b.dimension->name.in(lang));
        json.field("count", b.count);
        json.key("share").number(b.share, kFigureDecimals);
        json.end_object();
    }
    json.end_array();
    json.field("no_weakest_dimension", g.no_weakest);

    json.key("suggested_models").begin_array();
    for (size_t i = 0; i < r.models.size(); ++i)
        write_count(json, r.models[i].id, r.models[i].name, g.suggested[i], lang);
    json.end_array();
    json.field("no_suggestion", g.no_suggestion);
    json.end_object();
}

}  // namespace

std::string render_summary_json(const CohortSummary& summary, Lang lang) {
    const RubricSet& r = *summary.rubric;
    JsonWriter json;
    json.begin_object();
    json.field("lang", std::string(lang_code(lang)));
    json.key("rubric_set").begin_object();
    json.field("id", r.id).field("version", r.version).field("name", r.name.in(lang));
    json.end_object();
    json.key("inputs").begin_object();
    json.field("read", summary.read).field("scored", summary.scored).field("failed", summary.failed);
    json.end_object();
    json.key("all");
    write_group(json, summary, summary.all, lang);
    json.key("types").begin_array();
    for (const auto& t : summary.types) write_group(json, summary, t, lang);
    json.end_array();

    json.key("failures").begin_array();
    for (const auto& failure : summary.failures) {
        json.begin_object().field("source", failure.source);
        json.key("errors").begin_array();
        for (const auto& error : failure.errors) json.value(error.str(lang));
        json.end_array().end_object();
    }
    json.end_array();
    json.key("most_suggested_models").begin_array();
    for (const auto& m : summary.all.most_suggested) json.value(m.model->id);
    json.end_array();

    json.key("institutions").begin_array();
    for (const auto& m : summary.members) {
        const CohortMember& member = *m.member;
        json.begin_object().field("source", member.source).field("name", member.name);
        write_text(json, "type", member.type);
        write_score(json, "overall", member.overall);
        write_text(json, "level", member.level);
        write_text(json, "suggested_model", member.suggested);
        write_score(json, "percentile", m.percentile);
        if (!member.respondents.empty()) write_respondents(json, member);
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.str();
}

namespace {

std::optional<double> figure_of(std::string text) {
    if (!text.empty() && text.back() == '%') text.pop_back();
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) return std::nullopt;
    return value;
}

// The document's blocks as rows, in order: a blank row before each section.
class SheetWriter {
public:
    std::vector<std::vector<SheetCell>> rows;

    void blocks(const doc::Blocks& body) {
        for (const auto& block : body) std::visit([&](const auto& content) { add(content); }, block.content);
    }

private:
    void line(std::string text, bool heading = false) { rows.push_back({SheetCell{std::move(text), {}, heading}}); }

    void add(const doc::Section& section) {
        rows.emplace_back();
        line(section.title.plain(), true);
        blocks(section.body);
    }
    void add(const doc::Paragraph& paragraph) { line(paragraph.text.plain()); }
    void add(const doc::Facts& facts) {
        for (const auto& [label, value] : facts.items)
            rows.push_back(
                {SheetCell{label.plain(), {}, false}, SheetCell{value.plain(), figure_of(value.plain()), false}});
    }
    void add(const doc::Table& table) {
        std::vector<SheetCell> header;
        for (const auto& column : table.columns) header.push_back({column.header.plain(), {}, true});
        rows.push_back(std::move(header));
        for (const auto& cells : table.rows) {
            std::vector<SheetCell> row;
            for (size_t c = 0; c < cells.size() && c < table.columns.size(); ++c) {
                std::string text = cells[c].text.plain();
                std::optional<double> number;
                if (table.columns[c].kind == doc::ColumnKind::number) number = figure_of(text);
                row.push_back({std::move(text), number, false});
            }
            rows.push_back(std::move(row));
        }
        if (!table.caption.empty()) line(table.caption.plain());
    }
    void add(const doc::Figure& figure) {
        add(figure.table);
        if (!figure.caption.empty()) line(figure.caption.plain());
    }
    void add(const doc::Details& details) {
        line(details.summary.plain(), true);
        blocks(details.body);
    }
    void add(const doc::List& list) {
        for (const auto& item : list.items) line(item.text.plain());
    }
    void add(const doc::Command& command) { line(command.text); }
};

}  // namespace

std::vector<std::vector<SheetCell>> render_summary_sheet(const CohortSummary& summary, Lang lang,
                                                         const ReportDate& date) {
    doc::Document document = report::summary(summary, lang, date);
    SheetWriter sheet;
    sheet.rows.push_back({SheetCell{document.title.plain(), {}, true}});
    sheet.blocks(document.body);
    return sheet.rows;
}

std::string render_summary_text(const CohortSummary& summary, Lang lang, const ReportDate& date) {
    return render::emit(report::summary(summary, lang, date), render::HumanFormat::text, {80, false});
}

std::string render_summary_markdown(const CohortSummary& summary, Lang lang, const ReportDate& date) {
    return render::emit(report::summary(summary, lang, date), render::HumanFormat::markdown);
}

std::string render_summary_html(const CohortSummary& summary, Lang lang, const ReportDate& date) {
    return render::emit(report::summary(summary, lang, date), render::HumanFormat::html);
}

}  // namespace tne
