// Batch records: one line per institution (or per input that failed) in CSV, JSON Lines or a JSON
// array of the same objects. Columns and keys are stable ids, never labels, so a script or a
// spreadsheet can rely on them in either language; only error messages follow --lang.
#include <fmt/format.h>

#include <algorithm>

#include "base/enum_ids.hpp"
#include "base/json_writer.hpp"
#include "tne/batch.hpp"

namespace tne {

namespace {

constexpr size_t kRecommendations = 3;

// One CSV line, appended cell by cell to a single string: a batch writes thousands.
// Every text cell is neutralised for spreadsheets (OWASP, "CSV Injection"): a spreadsheet runs a
// cell that starts with = + - or @ as a formula (and tab or CR may hide such a start), and a file
// name, an entry or an error message comes from untrusted input. Such a cell gets a leading
// apostrophe, which a spreadsheet shows as text. Numbers tne writes itself stay numbers.
class CsvLine {
public:
    CsvLine() { line_.reserve(256); }

    CsvLine& cell(std::string_view text) {
        // "-" alone, standard input's name, is text in every spreadsheet and scripts match it.
        bool formula =
            !text.empty() && text != "-" && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos;
        return raw(formula ? "'" + std::string(text) : text);
    }
    CsvLine& cell(const std::optional<double>& number) {
        return raw(number ? format_number(*number, kFigureDecimals) : "");
    }
    CsvLine& cell(int number) { return raw(std::to_string(number)); }

    // The columns every record starts with.
    CsvLine& source(const RecordSource& source, const char* status) {
        return cell(source.file).cell(source.entry).cell(source.line).cell(status);
    }

    std::string end() {
        line_ += '\n';
        return std::move(line_);
    }

private:
    // Quoted when it holds a delimiter, a quote or a line break, as RFC 4180 asks.
    CsvLine& raw(std::string_view text) {
        if (cells_++ > 0) line_ += ',';
        auto needs_quotes = [](char ch) { return ch == ',' || ch == '"' || ch == '\r' || ch == '\n'; };
        if (std::none_of(text.begin(), text.end(), needs_quotes)) {
            line_ += text;
            return *this;
        }
        line_ += '"';
        for (char ch : text) {
            if (ch == '"') line_ += '"';
            line_ += ch;
        }
        line_ += '"';
        return *this;
    }

    std::string line_;
    int cells_ = 0;
};

std::string json_number(const std::optional<double>& value) {
    return value ? format_number(*value, kFigureDecimals) : "null";
}

std::string json_source(const RecordSource& source, const char* status) {
    return fmt::format("{{\"source\": {}, \"entry\": {}, \"line\": {}, \"status\": \"{}\"", json_escape(source.file),
                       source.entry, source.line, status);
}

}  // namespace

std::string RecordSource::label() const { return line > 0 ? fmt::format("{}:{}", file, line) : file; }

std::string disagreements_text(const CombinedProfile& respondents) {
    std::string text;
    for (const auto& d : respondents.disagreements) {
        text +=
            fmt::format("{}{} (spread {}): ", text.empty() ? "" : " | ", d.question->path, format_number(d.spread, 0));
        for (size_t i = 0; i < d.answers.size(); ++i) {
            const Respondent& who = respondents.respondents[d.answers[i].respondent];
            text += fmt::format("{}{} (row {}{})", i ? ", " : "", value_text(d.answers[i].value), who.row,
                                who.role.empty() ? "" : ", " + who.role);
        }
    }
    return text;
}

std::string records_begin(RecordFormat format, const RubricSet& rubric, bool grouped) {
    if (format == RecordFormat::json) return "[\n";
    if (format == RecordFormat::jsonl) return "";
    CsvLine header;
    for (const char* column : {"source", "entry", "line", "status", "name", "type", "overall", "level", "coverage"})
        header.cell(column);
    for (const auto& dimension : rubric.dimensions) header.cell("score." + dimension.id);
    header.cell("suggested_model");
    for (size_t i = 1; i <= kRecommendations; ++i) header.cell(fmt::format("recommendation_{}", i));
    header.cell("errors");
    if (grouped) header.cell("respondents").cell("disagreements");
    return header.end();
}

std::string records_separator(RecordFormat format) { return format == RecordFormat::json ? ",\n" : ""; }

std::string records_end(RecordFormat format, bool empty) {
    if (format != RecordFormat::json) return "";
    return empty ? "]\n" : "\n]\n";
}

namespace {

// A value as JSON: a number, an id or a text, an array of ids.
std::string json_value(const Value& value) {
    if (const auto* number = std::get_if<double>(&value)) return format_number(*number, kFigureDecimals);
    if (const auto* text = std::get_if<std::string>(&value)) return json_escape(*text);
    if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
        std::string out = "[";
        for (size_t i = 0; i < items->size(); ++i) out += (i ? ", " : "") + json_escape((*items)[i]);
        return out + "]";
    }
    return "null";
}

std::string_view scale_id(AnswerScale scale) {
    static constexpr EnumId<AnswerScale> kIds[] = {{AnswerScale::ordered, "ordered"},
                                                   {AnswerScale::number, "number"},
                                                   {AnswerScale::list, "list"},
                                                   {AnswerScale::nominal, "nominal"}};
    return id_of(kIds, scale);
}

// , "respondents": [...], "disagreements": [...] (docs/json.md)
std::string json_respondents(const CombinedProfile& group) {
    auto role = [](const Respondent& who) { return who.role.empty() ? std::string("null") : json_escape(who.role); };
    std::string out = ", \"respondents\": [";
    for (size_t i = 0; i < group.respondents.size(); ++i) {
        const Respondent& who = group.respondents[i];
        out +=
            fmt::format("{}{{\"row\": {}, \"line\": {}, \"role\": {}}}", i ? ", " : "", who.row, who.line, role(who));
    }
    out += "], \"disagreements\": [";
    for (size_t i = 0; i < group.disagreements.size(); ++i) {
        const Disagreement& d = group.disagreements[i];
        out += fmt::format(
            "{}{{\"field\": {}, \"scale\": \"{}\", \"spread\": {}, \"levels_apart\": {}, \"range\": {}, "
            "\"answered\": {}, \"combined\": {}, \"answers\": [",
            i ? ", " : "", json_escape(d.question->path), scale_id(d.scale), format_number(d.spread, kFigureDecimals),
            d.levels_apart ? std::to_string(*d.levels_apart) : "null",
            d.range ? format_number(*d.range, kFigureDecimals) : "null", d.answered, json_value(d.combined));
        for (size_t k = 0; k < d.answers.size(); ++k) {
            const Respondent& who = group.respondents[d.answers[k].respondent];
            out += fmt::format("{}{{\"row\": {}, \"role\": {}, \"value\": {}}}", k ? ", " : "", who.row, role(who),
                               json_value(d.answers[k].value));
        }
        out += "], \"options\": [";
        for (size_t k = 0; k < d.options.size(); ++k)
            out += fmt::format("{}{{\"id\": {}, \"chosen\": {}}}", k ? ", " : "", json_escape(d.options[k].id),
                               d.options[k].chosen);
        out += "]}";
    }
    return out + "]";
}

}  // namespace

std::string render_record(const RecordSource& source, const Assessment& a, RecordFormat format,
                          const CombinedProfile* group) {
    if (format == RecordFormat::csv) {
        CsvLine row;
        row.source(source, "scored").cell(a.institution_name).cell(a.institution_type).cell(a.overall);
        row.cell(a.level ? a.level->id : "").cell(std::optional<double>(100 * a.coverage));
        for (const auto& d : a.dimensions) row.cell(d.score);
        row.cell(a.suggested ? a.suggested->model->id : "");
        for (size_t i = 0; i < kRecommendations; ++i)
            row.cell(i < a.recommendations.size() ? a.recommendations[i].criterion->id : "");
        row.cell("");
        if (group) row.cell(static_cast<int>(group->respondents.size())).cell(disagreements_text(*group));
        return row.end();
    }

    std::string level = a.level ? a.level->id : "";
    std::string suggested = a.suggested ? a.suggested->model->id : "";
    std::vector<std::string> top;
    for (const auto& r : a.recommendations) {
        if (top.size() == kRecommendations) break;
        top.push_back(r.criterion->id);
    }
    std::string out = json_source(source, "scored");
    out += fmt::format(", \"name\": {}, \"type\": {}, \"overall\": {}, \"level\": {}, \"coverage\": {}",
                       json_escape(a.institution_name), json_escape(a.institution_type), json_number(a.overall),
                       a.level ? json_escape(level) : "null", format_number(100 * a.coverage, kFigureDecimals));
    out += ", \"dimensions\": {";
    for (size_t i = 0; i < a.dimensions.size(); ++i)
        out += fmt::format("{}{}: {}", i ? ", " : "", json_escape(a.dimensions[i].dimension->id),
                           json_number(a.dimensions[i].score));
    out += fmt::format("}}, \"suggested_model\": {}, \"recommendations\": [",
                       a.suggested ? json_escape(suggested) : "null");
    for (size_t i = 0; i < top.size(); ++i) out += (i ? ", " : "") + json_escape(top[i]);
    out += "]";
    if (group) out += json_respondents(*group);
    out += "}";
    return format == RecordFormat::jsonl ? out + "\n" : "  " + out;
}

std::string render_failed_record(const RecordSource& source, const std::vector<Diagnostic>& errors,
                                 const RubricSet& rubric, RecordFormat format, Lang lang, bool grouped) {
    if (format == RecordFormat::csv) {
        CsvLine row;
        row.source(source, "failed");
        size_t empty = 5 + rubric.dimensions.size() + 1 + kRecommendations;  // name .. recommendation_3
        for (size_t i = 0; i < empty; ++i) row.cell("");
        std::string joined;
        for (const auto& error : errors) joined += (joined.empty() ? "" : " | ") + error.str(lang);
        row.cell(joined);
        if (grouped) row.cell("").cell("");
        return row.end();
    }
    std::string out = json_source(source, "failed") + ", \"errors\": [";
    for (size_t i = 0; i < errors.size(); ++i) {
        const Diagnostic& e = errors[i];
        out += fmt::format("{}{{\"file\": {}, \"line\": {}, \"column\": {}, \"message\": {}}}", i ? ", " : "",
                           json_escape(e.pos.file), e.pos.line, e.pos.column, json_escape(e.message.in(lang)));
    }
    out += "]}";
    return format == RecordFormat::jsonl ? out + "\n" : "  " + out;
}

}  // namespace tne
