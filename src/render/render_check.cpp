// The findings of `tne rubrics check` in the four formats CI systems read.
#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <system_error>

#include "base/json_writer.hpp"
#include "render/emit.hpp"
#include "report/reports.hpp"
#include "tne/rubric_check.hpp"

namespace tne {

namespace fs = std::filesystem;

const std::string_view kTneHomePage = TNE_HOMEPAGE_URL;

std::string check_rule_help_uri(const CheckRule& rule) {
    return fmt::format("{}/blob/main/docs/rubrics.md#{}", kTneHomePage, rule.id);
}

fs::path repository_root(const fs::path& dir) {
    fs::path start = fs::absolute(dir).lexically_normal();
    for (fs::path at = start;; at = at.parent_path()) {
        std::error_code error;
        if (fs::exists(at / ".git", error)) return at;
        if (at == at.parent_path()) return start;
    }
}

namespace {

// "/a/b/" as "/a/b", from the current directory when relative, with no "." or ".." left.
fs::path absolute_normal(const fs::path& path) {
    fs::path out = fs::absolute(path).lexically_normal();
    if (out.has_relative_path() && !out.has_filename()) out = out.parent_path();
    return out;
}

// `file` relative to `base` when it is inside it.
std::optional<fs::path> relative_inside(const fs::path& file, const fs::path& base) {
    fs::path relative = file.lexically_relative(base);
    if (relative.empty() || *relative.begin() == ".." || relative == ".") return std::nullopt;
    return relative;
}

// A finding's file as a code host needs it: relative to the base directory, '/'-separated.
struct ArtifactPath {
    std::string path;  // relative to the base; absolute when the file is outside it
    bool inside = false;
};

class ArtifactBase {
public:
    explicit ArtifactBase(const fs::path& dir)
        : dir_(absolute_normal(dir.empty() ? repository_root(fs::current_path()) : dir)) {}

    const fs::path& dir() const { return dir_; }

    ArtifactPath place(const std::string& file) const {
        fs::path path = absolute_normal(file);
        if (auto relative = relative_inside(path, dir_)) return {relative->generic_string(), true};
        // A base or a set reached through a symbolic link: compare where both really are.
        std::error_code file_error, dir_error;
        fs::path real_file = fs::weakly_canonical(path, file_error);
        fs::path real_dir = fs::weakly_canonical(dir_, dir_error);
        if (!file_error && !dir_error)
            if (auto relative = relative_inside(real_file, real_dir)) return {relative->generic_string(), true};
        return {path.generic_string(), false};
    }

private:
    fs::path dir_;
};

// A path as the path of a URI (RFC 3986): every byte but unreserved characters and '/' percent-encoded,
// so spaces, '%', '#', '?', ':' and non-ASCII characters (as their UTF-8 bytes) are safe.
std::string uri_path(std::string_view path) {
    std::string out;
    for (char c : path) {
        auto byte = static_cast<unsigned char>(c);
        bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                          (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
        out += unreserved ? std::string(1, c) : fmt::format("%{:02X}", byte);
    }
    return out;
}

// "file:///a/b" for the absolute path "/a/b".
std::string file_uri(const std::string& absolute_path) { return "file://" + uri_path(absolute_path); }

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
// `text` with each character of `codes` replaced by its percent code.
std::string percent_escaped(std::string_view text, std::string_view codes) {
    std::string out;
    for (char c : text) {
        if (codes.find(c) == std::string_view::npos)
            out += c;
        else
            out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
    return out;
}

std::string escape_data(std::string_view text) { return percent_escaped(text, "%\r\n"); }
std::string escape_property(std::string_view text) { return percent_escaped(text, "%\r\n:,"); }

std::string render_github(const CheckReport& report, Lang lang, const ArtifactBase& base) {
    std::string out;
    for (const auto& f : report.findings) {
        std::string where = "file=" + escape_property(base.place(f.pos.file).path);
        if (f.pos.line > 0) where += fmt::format(",line={},col={}", f.pos.line, f.pos.column);
        out += fmt::format("::{} {},title={}::{}\n", f.rule->severity == Severity::error ? "error" : "warning", where,
                           escape_property(fmt::format("tne {}", f.rule->id)),
                           escape_data(f.message.in(lang) + "\n" + f.rule->hint.in(lang)));
    }
    return out + check_summary(report, lang) + "\n";
}

// SARIF 2.1.0: one run, the rules as the tool's reportingDescriptors, one result per finding, its file
// relative to SRCROOT, the base directory.
std::string render_sarif(const CheckReport& report, Lang lang, const ArtifactBase& base) {
    const auto& rules = check_rules();
    auto level = [](Severity s) { return s == Severity::error ? "error" : "warning"; };
    JsonWriter json;
    json.begin_object();
    json.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json").field("version", "2.1.0");
    json.key("runs").begin_array().begin_object();
    json.key("tool").begin_object().key("driver").begin_object();
    json.field("name", "tne").field("version", TNE_VERSION).field("semanticVersion", TNE_VERSION);
    json.field("informationUri", kTneHomePage);
    json.key("rules").begin_array();
    for (const auto& rule : rules) {
        json.begin_object().field("id", rule.id);
        json.key("shortDescription").begin_object().field("text", rule.summary.in(lang)).end_object();
        // GitHub code scanning requires a full description; the summary is the rule's whole statement.
        json.key("fullDescription").begin_object().field("text", rule.summary.in(lang)).end_object();
        json.field("helpUri", check_rule_help_uri(rule));
        json.key("help").begin_object().field("text", rule.hint.in(lang)).end_object();
        json.key("defaultConfiguration").begin_object().field("level", level(rule.severity)).end_object();
        json.end_object();
    }
    json.end_array().end_object().end_object();
    json.field("language", lang == Lang::es ? "es" : "en");
    // A base URI ends in '/', so that a relative uri resolves inside it.
    std::string base_uri = file_uri(base.dir().generic_string());
    if (base_uri.back() != '/') base_uri += '/';
    json.key("originalUriBaseIds").begin_object().key("SRCROOT").begin_object().field("uri", base_uri);
    json.end_object().end_object();
    json.key("results").begin_array();
    for (const auto& f : report.findings) {
        json.begin_object();
        json.field("ruleId", f.rule->id).field("ruleIndex", static_cast<int>(f.rule - rules.data()));
        json.field("level", level(f.rule->severity));
        json.key("message").begin_object().field("text", f.message.in(lang)).end_object();
        json.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
        ArtifactPath artifact = base.place(f.pos.file);
        json.key("artifactLocation").begin_object();
        if (artifact.inside)
            json.field("uri", uri_path(artifact.path)).field("uriBaseId", "SRCROOT");
        else
            json.field("uri", file_uri(artifact.path));
        json.end_object();
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

std::string render_check(const CheckReport& report, CheckFormat format, Lang lang, bool color,
                         const fs::path& base_dir) {
    switch (format) {
        case CheckFormat::text:
            return render_text(report, lang, color);
        case CheckFormat::json:
            return render_json(report, lang);
        case CheckFormat::github:
            return render_github(report, lang, ArtifactBase(base_dir));
        case CheckFormat::sarif:
            return render_sarif(report, lang, ArtifactBase(base_dir));
        case CheckFormat::markdown:
            return render::markdown(report::check(report, lang));
        case CheckFormat::html:
            return render::html(report::check(report, lang));
    }
    return render_text(report, lang, color);
}

}  // namespace tne
