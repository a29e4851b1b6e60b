// Views of a CohortSummary: plain text for a terminal (80 columns), GitHub-flavoured Markdown and
// JSON (docs/json.md). They only format; the figures are computed in cohort.cpp.
#include <fmt/format.h>

#include <algorithm>

#include "cohort_words.hpp"
#include "json_writer.hpp"
#include "markdown.hpp"
#include "text_layout.hpp"
#include "tne/cohort.hpp"

namespace tne {

namespace {

namespace words = cohort_words;
using cohort_words::group_label;
using cohort_words::groups;
using cohort_words::kNone;
using cohort_words::number_text;
using cohort_words::percent;
using cohort_words::score_text;
using cohort_words::stats_cells;
using cohort_words::type_name;

constexpr size_t kWidth = 80;
std::string say(const Message& message, Lang lang, const std::string& a = {}, const std::string& b = {},
                const std::string& c = {}) {
    return format_message(message, a, b, c).in(lang);
}

// ---- plain text ----------------------------------------------------------------------------------

// The narrowest width at which `header` wraps into at most two lines.
size_t two_line_width(const std::string& header) {
    size_t width = 1;
    for (const auto& word : wrap(header, 1)) width = std::max(width, display_width(word));
    while (wrap(header, width).size() > 2) ++width;
    return width;
}

// A table for a terminal: the first column holds labels (left-aligned, wrapped when too long), the
// others figures. Headers stay on one line when the table fits 80 columns; otherwise the columns
// that save the most are narrowed to two-line headers, so a long level name does not push the
// table off the screen. A sub-row's label is indented under the group row above it.
class TextTable {
public:
    struct Column {
        std::string header;
        bool right = true;
    };

    TextTable(std::vector<Column> columns, size_t indent) : columns_(std::move(columns)), indent_(indent) {}

    void row(std::vector<std::string> cells, bool sub = false) {
        cells.resize(columns_.size());
        rows_.push_back({std::move(cells), sub});
    }

    std::string str() const {
        std::vector<size_t> widths = column_widths();
        std::string out = header_lines(widths);
        for (const auto& row : rows_) {
            std::string margin = row.sub ? "  " : "";
            std::vector<std::string> labels = wrap(row.cells[0], widths[0] - margin.size());
            std::vector<std::string> cells = row.cells;
            cells[0] = margin + labels[0];
            out += line_of(cells, widths);
            for (size_t i = 1; i < labels.size(); ++i) out += line_of({margin + labels[i]}, widths);
        }
        return out;
    }

private:
    struct Row {
        std::vector<std::string> cells;
        bool sub = false;
    };

    std::vector<size_t> column_widths() const {
        size_t count = columns_.size();
        std::vector<size_t> widths(count, 0), compact(count, 0);
        for (const auto& word : wrap(columns_[0].header, 1)) widths[0] = std::max(widths[0], display_width(word));
        for (const auto& row : rows_) widths[0] = std::max(widths[0], display_width(row.cells[0]) + (row.sub ? 2 : 0));
        for (size_t i = 1; i < count; ++i) {
            size_t data = 0;
            for (const auto& row : rows_) data = std::max(data, display_width(row.cells[i]));
            widths[i] = std::max(data, display_width(columns_[i].header));
            compact[i] = std::min(widths[i], std::max(data, two_line_width(columns_[i].header)));
        }
        auto total = [&] {
            size_t sum = indent_ + widths[0];
            for (size_t i = 1; i < count; ++i) sum += 2 + widths[i];
            return sum;
        };
        while (total() > kWidth) {  // narrow the column that saves the most, until the table fits
            size_t best = 0;
            for (size_t i = 1; i < count; ++i)
                if (widths[i] - compact[i] > (best ? widths[best] - compact[best] : 0)) best = i;
            if (best == 0) break;
            widths[best] = compact[best];
        }
        size_t others = total() - indent_ - widths[0];
        size_t room = kWidth > indent_ + others + 12 ? kWidth - indent_ - others : 12;
        widths[0] = std::min(widths[0], room);  // what still does not fit wraps in the label column
        return widths;
    }

    // Headers wrapped to their column, each sitting on the last header line, above the figures.
    std::string header_lines(const std::vector<size_t>& widths) const {
        std::vector<std::vector<std::string>> headers;
        size_t height = 0;
        for (size_t i = 0; i < columns_.size(); ++i) {
            const std::string& header = columns_[i].header;
            headers.push_back(header.empty() ? std::vector<std::string>{} : wrap(header, widths[i]));
            height = std::max(height, headers.back().size());
        }
        std::string out;
        for (size_t line = 0; line < height; ++line) {
            std::vector<std::string> cells;
            for (const auto& header : headers) {
                size_t top = height - header.size();
                cells.push_back(line >= top ? header[line - top] : "");
            }
            out += line_of(cells, widths);
        }
        return out;
    }

    std::string line_of(const std::vector<std::string>& cells, const std::vector<size_t>& widths) const {
        std::string line(indent_, ' ');
        for (size_t i = 0; i < cells.size(); ++i) {
            if (i > 0) line += "  ";
            line += columns_[i].right && i > 0 ? pad_left(cells[i], widths[i]) : pad_right(cells[i], widths[i]);
        }
        line.erase(line.find_last_not_of(' ') + 1);
        return line + "\n";
    }

    std::vector<Column> columns_;
    size_t indent_;
    std::vector<Row> rows_;
};

class TextSummary {
public:
    TextSummary(const CohortSummary& s, Lang lang) : s_(s), r_(*s.rubric), lang_(lang) {}

    std::string render() {
        out_ += tr(words::title) + "\n";
        append_wrapped(out_, fmt::format("{}: {}, v{}", tr(words::rubric_set), r_.name.in(lang_), r_.version), kWidth,
                       "", "  ");
        out_ += say(words::accounting, lang_, std::to_string(s_.read), std::to_string(s_.scored),
                    std::to_string(s_.failed)) +
                "\n";
        counts();
        if (s_.all.count == 0) {
            out_ += "\n" + tr(words::nothing) + "\n";
            return out_;
        }
        scores();
        levels();
        barriers();
        models();
        institutions();
        return out_;
    }

private:
    std::string tr(const Message& message) const { return say(message, lang_); }

    void heading(const Message& message) { out_ += "\n" + tr(message) + "\n"; }

    void counts() {
        heading(words::by_type);
        TextTable table({{tr(words::type)}, {tr(words::institutions)}, {tr(words::share)}}, 2);
        for (const auto& t : s_.types)
            table.row({type_name(s_, t.type, lang_), std::to_string(t.count), percent(t.count, s_.all.count)});
        table.row({tr(words::all), std::to_string(s_.all.count), percent(s_.all.count, s_.all.count)});
        out_ += table.str();
    }

    void scores() {
        heading(words::scores);
        bool first = true;
        for (const TypeSummary* g : groups(s_)) {
            if (!first) out_ += "\n";
            first = false;
            out_ += "  " + group_label(s_, *g, lang_) + "\n";
            TextTable table(
                {{tr(words::score)}, {"n"}, {tr(words::mean)}, {tr(words::median)}, {tr(words::min)}, {tr(words::max)}},
                4);
            add_stats_row(table, tr(words::overall_readiness), g->overall);
            for (size_t i = 0; i < r_.dimensions.size(); ++i)
                add_stats_row(table, r_.dimensions[i].name.in(lang_), g->dimensions[i]);
            out_ += table.str();
        }
    }

    static void add_stats_row(TextTable& table, const std::string& label, const Stats& stats) {
        std::vector<std::string> cells{label};
        for (auto& cell : stats_cells(stats)) cells.push_back(std::move(cell));
        table.row(std::move(cells));
    }

    // One row per group, one column per level; "No score" only when some institution has none.
    void levels() {
        heading(words::levels);
        bool unscored = s_.all.no_level > 0;
        std::vector<TextTable::Column> columns{{""}};
        for (const auto& level : r_.levels) columns.push_back({level.name.in(lang_)});
        if (unscored) columns.push_back({tr(words::no_score)});
        TextTable table(std::move(columns), 2);
        for (const TypeSummary* g : groups(s_)) {  // no "(n)" after the type: the row adds up to it
            std::vector<std::string> cells{type_name(s_, g->type, lang_)};
            for (int count : g->levels) cells.push_back(std::to_string(count));
            if (unscored) cells.push_back(std::to_string(g->no_level));
            table.row(std::move(cells));
        }
        out_ += table.str();
    }

    // Per group, the dimensions that are the weakest of at least one institution, most shared first.
    void barriers() {
        heading(words::barriers);
        TextTable table({{""}, {tr(words::institutions)}, {tr(words::share)}}, 2);
        for (const TypeSummary* g : groups(s_)) {
            table.row({group_label(s_, *g, lang_)});
            for (const auto& b : g->barriers)
                if (b.count > 0)
                    table.row({b.dimension->name.in(lang_), std::to_string(b.count), number_text(b.share) + "%"}, true);
            if (g->no_weakest > 0)
                table.row(
                    {tr(words::no_dimension_score), std::to_string(g->no_weakest), percent(g->no_weakest, g->count)},
                    true);
        }
        out_ += table.str();
    }

    // Per group, the models suggested at least once, in rubric order.
    void models() {
        heading(words::models);
        TextTable table({{""}, {tr(words::institutions)}, {tr(words::share)}}, 2);
        for (const TypeSummary* g : groups(s_)) {
            table.row({group_label(s_, *g, lang_)});
            for (size_t i = 0; i < r_.models.size(); ++i)
                if (g->suggested[i] > 0)
                    table.row({r_.models[i].name.in(lang_), std::to_string(g->suggested[i]),
                               percent(g->suggested[i], g->count)},
                              true);
            if (g->no_suggestion > 0)
                table.row(
                    {tr(words::no_suggestion), std::to_string(g->no_suggestion), percent(g->no_suggestion, g->count)},
                    true);
        }
        out_ += table.str();
    }

    void institutions() {
        heading(words::institutions);
        TextTable table(
            {{tr(words::institution)}, {tr(words::type), false}, {tr(words::overall)}, {tr(words::percentile)}}, 2);
        for (const auto& m : s_.members) {
            const CohortMember& member = *m.member;
            table.row({member.name.empty() ? member.source : member.name, type_name(s_, member.type, lang_),
                       score_text(member.overall), score_text(m.percentile)});
        }
        out_ += table.str();
    }

    const CohortSummary& s_;
    const RubricSet& r_;
    Lang lang_;
    std::string out_;
};

// ---- Markdown ------------------------------------------------------------------------------------

using markdown::code;

// A table cell: escaped so it can neither split the table nor carry HTML.
std::string cell(const std::string& text) { return markdown::escape(text); }

// A label column, then figures.
std::vector<bool> figures_after_label(size_t columns) {
    std::vector<bool> right(columns, true);
    right[0] = false;
    return right;
}

class MarkdownSummary {
public:
    MarkdownSummary(const CohortSummary& s, Lang lang) : s_(s), r_(*s.rubric), lang_(lang) {}

    std::string render() {
        out_ += "## " + tr(words::title) + "\n\n";
        out_ +=
            fmt::format("- **{}:** {} ({} v{})\n", tr(words::rubric_set), r_.name.in(lang_), code(r_.id), r_.version);
        out_ += "- " +
                say(words::accounting, lang_, std::to_string(s_.read), std::to_string(s_.scored),
                    std::to_string(s_.failed)) +
                "\n";
        counts();
        if (s_.all.count == 0) {
            out_ += "\n" + tr(words::nothing) + "\n";
            return out_;
        }
        scores();
        levels();
        barriers();
        models();
        institutions();
        heat_map();
        return out_;
    }

private:
    std::string tr(const Message& message) const { return say(message, lang_); }

    void heading(const std::string& prefix, const std::string& text) { out_ += "\n" + prefix + " " + text + "\n"; }

    // The header row and the alignment row: each column left-aligned unless `right` says otherwise.
    void table_header(const std::vector<std::string>& columns, const std::vector<bool>& right) {
        out_ += "\n|";
        for (const auto& column : columns) out_ += " " + cell(column) + " |";
        out_ += "\n|";
        for (size_t i = 0; i < columns.size(); ++i) out_ += i < right.size() && right[i] ? "---:|" : "---|";
        out_ += "\n";
    }

    void table_row(const std::vector<std::string>& cells) {
        out_ += "|";
        for (const auto& c : cells) out_ += " " + c + " |";
        out_ += "\n";
    }

    void counts() {
        heading("###", tr(words::by_type));
        table_header({tr(words::type), tr(words::institutions), tr(words::share)}, figures_after_label(3));
        for (const auto& t : s_.types)
            table_row({cell(type_name(s_, t.type, lang_)), std::to_string(t.count), percent(t.count, s_.all.count)});
        table_row(
            {"**" + cell(tr(words::all)) + "**", std::to_string(s_.all.count), percent(s_.all.count, s_.all.count)});
    }

    void scores() {
        heading("###", tr(words::scores));
        for (const TypeSummary* g : groups(s_)) {
            heading("####", cell(group_label(s_, *g, lang_)));
            table_header({tr(words::score), "n", tr(words::mean), tr(words::median), tr(words::min), tr(words::max)},
                         figures_after_label(6));
            stats_row("**" + cell(tr(words::overall_readiness)) + "**", g->overall);
            for (size_t i = 0; i < r_.dimensions.size(); ++i)
                stats_row(cell(r_.dimensions[i].name.in(lang_)), g->dimensions[i]);
        }
    }

    void stats_row(const std::string& label, const Stats& stats) {
        std::vector<std::string> cells{label};
        for (auto& c : stats_cells(stats)) cells.push_back(std::move(c));
        table_row(cells);
    }

    void levels() {
        heading("###", tr(words::levels));
        bool unscored = s_.all.no_level > 0;
        std::vector<std::string> columns{tr(words::type)};
        for (const auto& level : r_.levels) columns.push_back(level.name.in(lang_));
        if (unscored) columns.push_back(tr(words::no_score));
        table_header(columns, figures_after_label(columns.size()));
        for (const TypeSummary* g : groups(s_)) {
            std::vector<std::string> cells{cell(group_label(s_, *g, lang_))};
            for (int count : g->levels) cells.push_back(std::to_string(count));
            if (unscored) cells.push_back(std::to_string(g->no_level));
            table_row(cells);
        }
    }

    void barriers() {
        heading("###", tr(words::barriers));
        for (const TypeSummary* g : groups(s_)) {
            heading("####", cell(group_label(s_, *g, lang_)));
            table_header({tr(words::weakest), tr(words::institutions), tr(words::share)}, figures_after_label(3));
            for (const auto& b : g->barriers)
                if (b.count > 0)
                    table_row({cell(b.dimension->name.in(lang_)), std::to_string(b.count), number_text(b.share) + "%"});
            if (g->no_weakest > 0)
                table_row({cell(tr(words::no_dimension_score)), std::to_string(g->no_weakest),
                           percent(g->no_weakest, g->count)});
        }
    }

    // One row per model in rubric order, one column per group: counts compare across types at a glance.
    void models() {
        heading("###", tr(words::models));
        std::vector<const TypeSummary*> list = groups(s_);
        std::vector<std::string> columns{tr(words::model)};
        for (const TypeSummary* g : list) columns.push_back(group_label(s_, *g, lang_));
        table_header(columns, figures_after_label(columns.size()));
        for (size_t i = 0; i < r_.models.size(); ++i) {
            std::vector<std::string> cells{cell(r_.models[i].name.in(lang_))};
            for (const TypeSummary* g : list) cells.push_back(std::to_string(g->suggested[i]));
            table_row(cells);
        }
        std::vector<std::string> cells{cell(tr(words::no_suggestion))};
        for (const TypeSummary* g : list) cells.push_back(std::to_string(g->no_suggestion));
        table_row(cells);
    }

    void institutions() {
        heading("###", tr(words::institutions));
        table_header(
            {tr(words::source), tr(words::institution), tr(words::type), tr(words::overall), tr(words::percentile)},
            {false, false, false, true, true});
        for (const auto& m : s_.members) {
            const CohortMember& member = *m.member;
            table_row({code(member.source), cell(member.name), cell(type_name(s_, member.type, lang_)),
                       score_text(member.overall), score_text(m.percentile)});
        }
    }

    // The HTML report's heat map as a table: each institution's score in every dimension.
    void heat_map() {
        heading("###", tr(words::by_dimension));
        std::vector<std::string> columns{tr(words::institution), tr(words::overall)};
        for (const auto& d : r_.dimensions) columns.push_back(d.name.in(lang_));
        table_header(columns, figures_after_label(columns.size()));
        for (const auto& m : s_.members) {
            std::vector<std::string> cells{cell(m.member->name), score_text(m.member->overall)};
            for (const auto& score : m.member->dimensions) cells.push_back(score_text(score));
            table_row(cells);
        }
    }

    const CohortSummary& s_;
    const RubricSet& r_;
    Lang lang_;
    std::string out_;
};

// ---- JSON ----------------------------------------------------------------------------------------

void write_number(JsonWriter& json, std::string_view key, const std::optional<double>& number) {
    json.key(key);
    if (number)
        json.number(*number, 1);
    else
        json.null();
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
    write_number(json, "mean", known(stats.mean));
    write_number(json, "median", known(stats.median));
    write_number(json, "min", known(stats.min));
    write_number(json, "max", known(stats.max));
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
    for (size_t i = 0; i < r.levels.size(); ++i) {
        json.begin_object().field("id", r.levels[i].id).field("name", r.levels[i].name.in(lang));
        json.field("count", g.levels[i]).end_object();
    }
    json.end_array();
    json.field("no_level", g.no_level);

    json.key("weakest_dimensions").begin_array();
    for (const auto& b : g.barriers) {
        json.begin_object().field("id", b.dimension->id).field("name", b.dimension->name.in(lang));
        json.field("count", b.count);
        json.key("share").number(b.share, 1);
        json.end_object();
    }
    json.end_array();
    json.field("no_weakest_dimension", g.no_weakest);

    json.key("suggested_models").begin_array();
    for (size_t i = 0; i < r.models.size(); ++i) {
        json.begin_object().field("id", r.models[i].id).field("name", r.models[i].name.in(lang));
        json.field("count", g.suggested[i]).end_object();
    }
    json.end_array();
    json.field("no_suggestion", g.no_suggestion);
    json.end_object();
}

}  // namespace

std::string render_summary_text(const CohortSummary& summary, Lang lang) { return TextSummary(summary, lang).render(); }

std::string render_summary_markdown(const CohortSummary& summary, Lang lang) {
    return MarkdownSummary(summary, lang).render();
}

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

    json.key("institutions").begin_array();
    for (const auto& m : summary.members) {
        const CohortMember& member = *m.member;
        json.begin_object().field("source", member.source).field("name", member.name);
        write_text(json, "type", member.type);
        write_number(json, "overall", member.overall);
        write_text(json, "level", member.level);
        write_text(json, "suggested_model", member.suggested);
        write_number(json, "percentile", m.percentile);
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.str();
}

}  // namespace tne
