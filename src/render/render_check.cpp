// The findings of `tne rubrics check` in the four formats CI systems read.
#include <fmt/format.h>

#include "base/json_writer.hpp"
#include "render/emit.hpp"
#include "report/reports.hpp"
#include "tne/rubric_check.hpp"

namespace tne {

namespace {

std::string_view severity_word(Severity severity, Lang lang) {
    if (severity == Severity::error) return "error";
    return lang == Lang::es ? "advertencia" : "warning";
}

// file:line:col: error: message [rule-id], then the hint, as compilers print notes.
std::string render_text(const CheckReport& report, Lang lang, bool color) {
    auto paint = [&](std::string_view code, std::string_view text) {
        return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
    };
    std::string out;
    for (const auto& f : report.findings) {
        bool error = f.rule->severity == Severity::error;
        out += fmt::format("{}: {}: {} [{}]\n", paint("1", f.pos.str()),
                           paint(error ? "1;31" : "1;35", severity_word(f.rule->severity, lang)), f.message.in(lang),
                           f.rule->id);
        out += fmt::format("  {}: {}\n", paint("36", lang == Lang::es ? "sugerencia" : "hint"), f.rule->hint.in(lang));
    }
    return out + check_summary(report, lang) + "\n";
}

std::string render_json(const CheckReport& report, Lang lang) {
    JsonWriter json;
    json.begin_object();
    json.field("tool", "tne").field("version", TNE_VERSION).field("language", lang == Lang::es ? "es" : "en");
    json.field("root", report.root).field("files_checked", report.files_checked);
    json.field("errors", report.count(Severity::error)).field("warnings", report.count(Severity::warning));
    json.key("findings").begin_array();
    for (const auto& f : report.findings) {
        json.begin_object();
        json.field("severity", f.rule->severity == Severity::error ? "error" : "warning");
        json.field("rule", f.rule->id);
        json.field("file", f.pos.file).field("line", f.pos.line).field("column", f.pos.column);
        json.field("message", f.message.in(lang)).field("hint", f.rule->hint.in(lang));
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.str();
}

// GitHub workflow commands: "::error file=F,line=L,col=C,title=T::message". Data escapes %, CR
// and LF; property values also ',' and ':'.
std::string escape_data(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '%')
            out += "%25";
        else if (c == '\r')
            out += "%0D";
        else if (c == '\n')
            out += "%0A";
        else
            out += c;
    }
    return out;
}

std::string escape_property(std::string_view text) {
    std::string out;
    for (char c : escape_data(text)) {
        if (c == ':')
            out += "%3A";
        else if (c == ',')
            out += "%2C";
        else
            out += c;
    }
    return out;
}

std::string render_github(const CheckReport& report, Lang lang) {
    std::string out;
    for (const auto& f : report.findings) {
        std::string where = "file=" + escape_property(f.pos.file);
        if (f.pos.line > 0) where += fmt::format(",line={},col={}", f.pos.line, f.pos.column);
        out += fmt::format("::{} {},title={}::{}\n", f.rule->severity == Severity::error ? "error" : "warning", where,
                           escape_property(fmt::format("tne {}", f.rule->id)),
                           escape_data(f.message.in(lang) + "\n" + f.rule->hint.in(lang)));
    }
    return out + check_summary(report, lang) + "\n";
}

// SARIF 2.1.0: one run, the rules as the tool's reportingDescriptors, one result per finding.
std::string render_sarif(const CheckReport& report, Lang lang) {
    const auto& rules = check_rules();
    auto level = [](Severity s) { return s == Severity::error ? "error" : "warning"; };
    JsonWriter json;
    json.begin_object();
    json.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json").field("version", "2.1.0");
    json.key("runs").begin_array().begin_object();
    json.key("tool").begin_object().key("driver").begin_object();
    json.field("name", "tne").field("version", TNE_VERSION).field("semanticVersion", TNE_VERSION);
    json.key("rules").begin_array();
    for (const auto& rule : rules) {
        json.begin_object().field("id", rule.id);
        json.key("shortDescription").begin_object().field("text", rule.summary.in(lang)).end_object();
        json.key("help").begin_object().field("text", rule.hint.in(lang)).end_object();
        json.key("defaultConfiguration").begin_object().field("level", level(rule.severity)).end_object();
        json.end_object();
    }
    json.end_array().end_object().end_object();
    json.field("language", lang == Lang::es ? "es" : "en");
    json.key("results").begin_array();
    for (const auto& f : report.findings) {
        json.begin_object();
        json.field("ruleId", f.rule->id).field("ruleIndex", static_cast<int>(f.rule - rules.data()));
        json.field("level", level(f.rule->severity));
        json.key("message").begin_object().field("text", f.message.in(lang)).end_object();
        json.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
        json.key("artifactLocation").begin_object().field("uri", f.pos.file).end_object();
        if (f.pos.line > 0) {
            json.key("region").begin_object().field("startLine", f.pos.line);
            if (f.pos.column > 0) json.field("startColumn", f.pos.column);
            json.end_object();
        }
        json.end_object().end_object().end_array();
        json.end_object();
    }
    json.end_array();
    json.end_object().end_array();
    json.end_object();
    return json.str();
}

}  // namespace

std::string check_summary(const CheckReport& report, Lang lang) {
    int errors = report.count(Severity::error);
    int warnings = report.count(Severity::warning);
    bool es = lang == Lang::es;
    if (errors == 0 && warnings == 0)
        return fmt::format(
            fmt::runtime(es ? "{}: sin problemas ({} archivos revisados)" : "{}: no problems found ({} files checked)"),
            report.root, report.files_checked);
    return fmt::format(
        "{}: {} {}, {} {}", report.root, errors,
        es ? (errors == 1 ? "error" : "errores") : (errors == 1 ? "error" : "errors"), warnings,
        es ? (warnings == 1 ? "advertencia" : "advertencias") : (warnings == 1 ? "warning" : "warnings"));
}

std::string render_check(const CheckReport& report, CheckFormat format, Lang lang, bool color) {
    switch (format) {
        case CheckFormat::text:
            return render_text(report, lang, color);
        case CheckFormat::json:
            return render_json(report, lang);
        case CheckFormat::github:
            return render_github(report, lang);
        case CheckFormat::sarif:
            return render_sarif(report, lang);
        case CheckFormat::markdown:
            return render::markdown(report::check(report, lang));
        case CheckFormat::html:
            return render::html(report::check(report, lang));
    }
    return render_text(report, lang, color);
}

}  // namespace tne
