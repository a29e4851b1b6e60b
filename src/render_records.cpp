// Batch records: one line per institution (or per input that failed) in CSV, JSON Lines or a JSON
// array of the same objects. Columns and keys are stable ids, never labels, so a script or a
// spreadsheet can rely on them in either language; only error messages follow --lang.
#include <fmt/format.h>

#include "json_writer.hpp"
#include "tne/batch.hpp"

namespace tne {

namespace {

constexpr int kRecommendations = 3;

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char ch : text) {
        if (ch == '"') out += '"';
        out += ch;
    }
    return out + '"';
}

// A spreadsheet runs a cell that starts with = + - or @ as a formula; an institution name from an
// untrusted profile must stay text, so such a name gets a leading apostrophe, as spreadsheets do.
std::string csv_text(const std::string& text) {
    bool formula = !text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos;
    return csv_field(formula ? "'" + text : text);
}

std::string csv_number(const std::optional<double>& value) { return value ? format_number(*value, 1) : ""; }

std::string json_number(const std::optional<double>& value) { return value ? format_number(*value, 1) : "null"; }

std::string csv_row(const std::vector<std::string>& cells) {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + cells[i];
    return line + "\n";
}

// The columns every record starts with.
std::vector<std::string> source_cells(const RecordSource& source, const char* status) {
    return {csv_field(source.file), std::to_string(source.entry), std::to_string(source.line), status};
}

std::string json_source(const RecordSource& source, const char* status) {
    return fmt::format("{{\"source\": {}, \"entry\": {}, \"line\": {}, \"status\": \"{}\"", json_escape(source.file),
                       source.entry, source.line, status);
}

}  // namespace

std::string RecordSource::label() const { return line > 0 ? fmt::format("{}:{}", file, line) : file; }

std::string records_begin(RecordFormat format, const RubricSet& rubric) {
    if (format == RecordFormat::json) return "[\n";
    if (format == RecordFormat::jsonl) return "";
    std::vector<std::string> header = {"source", "entry", "line", "status", "name", "type", "overall", "level", "coverage"};
    for (const auto& dimension : rubric.dimensions) header.push_back(csv_field("score." + dimension.id));
    header.push_back("suggested_model");
    for (int i = 1; i <= kRecommendations; ++i) header.push_back(fmt::format("recommendation_{}", i));
    header.push_back("errors");
    return csv_row(header);
}

std::string records_separator(RecordFormat format) { return format == RecordFormat::json ? ",\n" : ""; }

std::string records_end(RecordFormat format, bool empty) {
    if (format != RecordFormat::json) return "";
    return empty ? "]\n" : "\n]\n";
}

std::string render_record(const RecordSource& source, const Assessment& a, RecordFormat format) {
    std::string level = a.level ? a.level->id : "";
    std::string suggested = a.suggested ? a.suggested->model->id : "";
    std::vector<std::string> top;
    for (const auto& r : a.recommendations) {
        if (static_cast<int>(top.size()) == kRecommendations) break;
        top.push_back(r.criterion->id);
    }

    if (format == RecordFormat::csv) {
        std::vector<std::string> cells = source_cells(source, "scored");
        cells.insert(cells.end(), {csv_text(a.institution_name), csv_field(a.institution_type), csv_number(a.overall),
                                   level, format_number(100 * a.coverage, 1)});
        for (const auto& d : a.dimensions) cells.push_back(csv_number(d.score));
        cells.push_back(suggested);
        top.resize(kRecommendations);
        for (const auto& id : top) cells.push_back(csv_field(id));
        cells.push_back("");
        return csv_row(cells);
    }

    std::string out = json_source(source, "scored");
    out += fmt::format(", \"name\": {}, \"type\": {}, \"overall\": {}, \"level\": {}, \"coverage\": {}",
                       json_escape(a.institution_name), json_escape(a.institution_type), json_number(a.overall),
                       a.level ? json_escape(level) : "null", format_number(100 * a.coverage, 1));
    out += ", \"dimensions\": {";
    for (size_t i = 0; i < a.dimensions.size(); ++i)
        out += fmt::format("{}{}: {}", i ? ", " : "", json_escape(a.dimensions[i].dimension->id),
                           json_number(a.dimensions[i].score));
    out += fmt::format("}}, \"suggested_model\": {}, \"recommendations\": [",
                       a.suggested ? json_escape(suggested) : "null");
    for (size_t i = 0; i < top.size(); ++i) out += (i ? ", " : "") + json_escape(top[i]);
    out += "]}";
    return format == RecordFormat::jsonl ? out + "\n" : "  " + out;
}

std::string render_failed_record(const RecordSource& source, const std::vector<Diagnostic>& errors,
                                 const RubricSet& rubric, RecordFormat format, Lang lang) {
    if (format == RecordFormat::csv) {
        std::vector<std::string> cells = source_cells(source, "failed");
        size_t empty = 5 + rubric.dimensions.size() + 1 + kRecommendations;  // name .. recommendation_3
        cells.insert(cells.end(), empty, "");
        std::string joined;
        for (const auto& error : errors) joined += (joined.empty() ? "" : " | ") + error.str(lang);
        cells.push_back(csv_field(joined));
        return csv_row(cells);
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
