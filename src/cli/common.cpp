#include "common.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <utility>

#include "tne/output.hpp"

namespace tne::cli {

namespace {

struct ExitMeaning {
    Exit code;
    std::string_view meaning;
};

// README.md's "Exit codes" table, shortened for --help.
constexpr ExitMeaning kExitMeanings[] = {
    {Exit::ok, "success: a report, a plan (or nothing to change), profiles compared, a clean check"},
    {Exit::check_failed,
     "overall readiness below --fail-under (assess), a target out of reach (plan), findings\n"
     "(rubrics check; warnings too with --strict), a failed case (rubrics test), a change with\n"
     "--fail-on-change (rubrics diff), a regression with --fail-on-regression (diff): the report\n"
     "is still written; or answers that ended before the last question (init --interactive)"},
    {Exit::invalid,
     "invalid input or usage, each problem at its file:line:column; also an output that is the\n"
     "same file as an input or another output, refused before anything is read or written"},
    {Exit::some_failed, "some inputs failed (batch): the others were scored; each failure has its error record"},
    {Exit::bug, "a bug in tne (please report it)"},
    {Exit::cannot_write,
     "an output could not be written (a full disk, the file size limit, an I/O error); an\n"
     "existing output file is left as it was"},
    {Exit::interrupted, "interrupted with Ctrl-C (init --interactive); the answers are kept in PROFILE.partial"},
};

struct FormatName {
    Format format;
    std::string_view name;
};

constexpr FormatName kFormatNames[] = {
    {Format::text, "text"}, {Format::json, "json"},   {Format::markdown, "markdown"}, {Format::html, "html"},
    {Format::csv, "csv"},   {Format::jsonl, "jsonl"}, {Format::github, "github"},     {Format::sarif, "sarif"},
};

std::optional<Format> parse_format(std::string_view name) {
    for (const auto& [format, format_name] : kFormatNames)
        if (format_name == name) return format;
    return std::nullopt;
}

// --format as a string checked against the allowed names (so CLI11's message names them), turned
// into a Format once parsed.
CLI::Option* add_format(CLI::App& command, std::vector<Format> allowed, const std::string& description,
                        std::function<void(Format)> store) {
    std::vector<std::string> names;
    for (Format format : allowed) names.emplace_back(format_name(format));
    return command
        .add_option_function<std::string>(
            "--format", [store = std::move(store)](const std::string& name) { store(*parse_format(name)); },
            description)
        ->check(CLI::IsMember(names));
}

void add_rubrics_option(CLI::App& command, CommonOptions& common) {
    command.add_option("--rubrics", common.rubrics, "Use the rubric set in DIR instead of the built-in one")
        ->type_name("DIR")
        ->check(CLI::ExistingDirectory);
}

void add_lang(CLI::App& command, CommonOptions& common) {
    command.add_option("--lang", common.lang, "Language of the output: en or es (default: from LANG)")
        ->check(CLI::IsMember({"en", "es"}));
}

}  // namespace

std::string exit_codes_text() {
    std::string text = "Exit codes:";
    for (const auto& [code, meaning] : kExitMeanings) {
        std::string_view rest = meaning;
        std::string_view first = rest.substr(0, rest.find('\n'));
        text += fmt::format("\n  {:>3} {}", static_cast<int>(code), first);
        rest.remove_prefix(std::min(rest.size(), first.size() + 1));
        while (!rest.empty()) {
            std::string_view line = rest.substr(0, rest.find('\n'));
            text += fmt::format("\n      {}", line);
            rest.remove_prefix(std::min(rest.size(), line.size() + 1));
        }
    }
    return text;
}

std::string_view format_name(Format format) {
    for (const auto& [known, name] : kFormatNames)
        if (known == format) return name;
    return "text";
}

CLI::Option* add_format_option(CLI::App& command, Format& format, std::vector<Format> allowed,
                               const std::string& description) {
    return add_format(command, std::move(allowed), description, [&format](Format parsed) { format = parsed; })
        ->default_str(std::string(format_name(format)));
}

CLI::Option* add_format_option(CLI::App& command, std::optional<Format>& format, std::vector<Format> allowed,
                               const std::string& description) {
    return add_format(command, std::move(allowed), description, [&format](Format parsed) { format = parsed; });
}

void add_color_option(CLI::App& command, std::string& color) {
    command.add_option("--color", color, "Colour: auto (on a terminal), always or never; NO_COLOR wins")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
}

void add_output(CLI::App& command, CommonOptions& common) {
    command
        .add_option("-o,--output", common.output,
                    "Write to FILE (atomically) instead of standard output (- is standard output)")
        ->type_name("FILE");
}

void add_common(CLI::App& command, CommonOptions& common) {
    add_rubrics_option(command, common);
    add_lang_and_output(command, common);
}

void add_lang_and_output(CLI::App& command, CommonOptions& common) {
    add_lang(command, common);
    add_output(command, common);
}

Lang choose_lang(const std::string& requested) {
    if (!requested.empty()) return *parse_lang(requested);
    if (const char* env = std::getenv("TNE_LANG"); env && parse_lang(env)) return *parse_lang(env);
    for (const char* name : {"LC_ALL", "LANG"}) {
        const char* value = std::getenv(name);
        if (value && *value) return std::string_view(value).substr(0, 2) == "es" ? Lang::es : Lang::en;
    }
    return Lang::en;
}

bool use_color(const std::string& mode, bool to_file) {
    const char* no_color = std::getenv("NO_COLOR");
    if ((no_color && *no_color) || mode == "never") return false;
    if (mode == "always") return true;
    const char* term = std::getenv("TERM");
    return !to_file && isatty(STDOUT_FILENO) && !(term && std::string_view(term) == "dumb");
}

// CLI::ExistingFile says "File does not exist" for a link loop or a file that may not be read; this
// gives the system's reason.
CLI::Validator readable_file() {
    return CLI::Validator(
        [](std::string& path) -> std::string {
            struct stat info {};
            if (::stat(path.c_str(), &info) != 0 || ::access(path.c_str(), R_OK) != 0)
                return path + ": " + std::strerror(errno);
            if (S_ISDIR(info.st_mode)) return path + ": is a directory; expected a file";
            return {};
        },
        "FILE");
}

RubricFiles rubric_files(const std::string& dir) {
    return dir.empty() || dir == "builtin" ? embedded_rubric_files() : directory_rubric_files(dir);
}

RubricSet load_rubrics(const CommonOptions& common) { return load_rubric_set(rubric_files(common.rubrics)); }

void emit(const CommonOptions& common, const std::string& content) {
    if (common.output.empty())
        write_standard_output(content);
    else
        write_file_atomically(common.output, content);
}

void keep_inputs_safe(std::vector<std::string> inputs, std::vector<OutputPath> outputs, Lang lang) {
    std::erase_if(inputs, [](const std::string& path) { return path.empty(); });
    std::vector<std::string> paths;
    for (auto& output : outputs) paths.push_back(output.path.empty() ? "-" : output.path);
    std::optional<PathClash> clash = find_path_clash(inputs, paths);
    if (!clash) return;
    auto name = [&](size_t i) {
        if (paths[i] == "-") return std::string(lang == Lang::es ? "la salida estándar" : "standard output");
        return outputs[i].option + " " + paths[i];
    };
    if (clash->other_is_input)
        throw UsageError(lang == Lang::es
                             ? fmt::format("{} es el mismo archivo que la entrada {}: escribirlo la destruiría; "
                                           "indique otro archivo",
                                           name(clash->output), inputs[clash->other])
                             : fmt::format("{} is the same file as the input {}: writing it would destroy the "
                                           "input; name another file",
                                           name(clash->output), inputs[clash->other]));
    throw UsageError(lang == Lang::es
                         ? fmt::format("{} y {} son el mismo archivo: uno reemplazaría al otro; indique dos "
                                       "archivos distintos",
                                       name(clash->other), name(clash->output))
                         : fmt::format("{} and {} are the same file: one would replace the other; name two "
                                       "different files",
                                       name(clash->other), name(clash->output)));
}

ReportDate report_date(const std::string& requested, Lang lang) {
    if (requested.empty()) return ReportDate::today();
    if (auto date = ReportDate::parse(requested)) return *date;
    throw UsageError(
        lang == Lang::es
            ? fmt::format("--date {}: no es una fecha válida; se espera AAAA-MM-DD, p. ej. 2026-11-23", requested)
            : fmt::format("--date {}: not a valid date; expected YYYY-MM-DD, e.g. 2026-11-23", requested));
}

Profile load_with_settings(const std::string& path, const std::vector<std::string>& settings, const RubricSet& rubric) {
    Profile profile = load_profile_file(path, rubric);
    for (const auto& setting : settings) simulate(profile, setting, rubric);
    return profile;
}

}  // namespace tne::cli
