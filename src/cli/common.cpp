#include "common.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <utility>

#include "tne/error.hpp"
#include "tne/output.hpp"

namespace tne::cli {

namespace {

struct ExitMeaning {
    Exit code;
    std::string_view en;
    std::string_view es;
};

// README.md's "Exit codes" table, shortened for --help.
constexpr ExitMeaning kExitMeanings[] = {
    {Exit::ok, "success: a report, a plan (or nothing to change), profiles compared, a clean check",
     "éxito: un informe, un plan (o nada que cambiar), perfiles comparados, una revisión limpia"},
    {Exit::check_failed,
     "overall readiness below --fail-under (assess), a target out of reach (plan), findings\n"
     "(rubrics check; warnings too with --strict), a failed case (rubrics test), a change with\n"
     "--fail-on-change (rubrics diff), a regression with --fail-on-regression (diff): the report\n"
     "is still written; or answers that ended before the last question (init --interactive)",
     "preparación general bajo --fail-under (assess), una meta inalcanzable (plan), hallazgos\n"
     "(rubrics check; también avisos con --strict), un caso fallido (rubrics test), un cambio con\n"
     "--fail-on-change (rubrics diff), un retroceso con --fail-on-regression (diff): el informe\n"
     "se escribe igual; o respuestas que acabaron antes de la última pregunta (init --interactive)"},
    {Exit::invalid,
     "invalid input or usage, each problem at its file:line:column; also an output that is the\n"
     "same file as an input or another output, refused before anything is read or written",
     "entrada o uso no válidos, cada problema en su archivo:línea:columna; también una salida que\n"
     "es el mismo archivo que una entrada u otra salida, rechazada antes de leer o escribir nada"},
    {Exit::some_failed, "some inputs failed (batch): the others were scored; each failure has its error record",
     "algunas entradas fallaron (batch): las demás se evaluaron; cada fallo tiene su registro"},
    {Exit::bug, "a bug in tne (please report it)", "un error de programación de tne (por favor, repórtelo)"},
    {Exit::cannot_write,
     "an output could not be written (a full disk, the file size limit, an I/O error); an\n"
     "existing output file is left as it was",
     "no se pudo escribir una salida (disco lleno, límite de tamaño de archivo, error de E/S);\n"
     "un archivo de salida que ya existía queda como estaba"},
    {Exit::interrupted, "interrupted with Ctrl-C (init --interactive); the answers are kept in PROFILE.partial",
     "interrumpido con Ctrl-C (init --interactive); las respuestas quedan en PERFIL.partial"},
};

struct FormatName {
    Format format;
    std::string_view name;
    std::string_view es;  // the word a Spanish speaker types, where it differs from a name
};

constexpr FormatName kFormatNames[] = {
    {Format::text, "text", "texto"},      {Format::json, "json", "json"},    {Format::markdown, "markdown", "markdown"},
    {Format::html, "html", "html"},       {Format::csv, "csv", "csv"},       {Format::jsonl, "jsonl", "jsonl"},
    {Format::github, "github", "github"}, {Format::sarif, "sarif", "sarif"},
};

// `name` is a format's id, as the --format check leaves it.
std::optional<Format> parse_format(std::string_view name) {
    for (const auto& known : kFormatNames)
        if (known.name == name) return known.format;
    return std::nullopt;
}

// What an output file's extension says of its format: the format it names, and another one the file
// may hold when --format asks for it (SARIF is JSON; GitHub's annotations are lines of text).
struct Extension {
    std::string_view extension;
    Format format;
    std::optional<Format> also;
};

constexpr Extension kExtensions[] = {
    {".txt", Format::text, Format::github},  {".json", Format::json, Format::sarif},
    {".jsonl", Format::jsonl, std::nullopt}, {".csv", Format::csv, std::nullopt},
    {".md", Format::markdown, std::nullopt}, {".markdown", Format::markdown, std::nullopt},
    {".html", Format::html, std::nullopt},   {".htm", Format::html, std::nullopt},
    {".sarif", Format::sarif, std::nullopt},
};

// The extension a file of `format` is named with, for the messages.
std::string_view extension_of(Format format) {
    for (const auto& known : kExtensions)
        if (known.format == format) return known.extension;
    return ".txt";  // github: annotations are lines of text
}

// "a, b or c"
std::string join(const std::vector<std::string>& items, Lang lang) {
    std::string text;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) text += i + 1 == items.size() ? tr(lang, " or ", " o ") : ", ";
        text += items[i];
    }
    return text;
}

std::vector<OptionWord> format_words(const std::vector<Format>& formats) {
    std::vector<OptionWord> words;
    for (Format format : formats)
        for (const auto& known : kFormatNames)
            if (known.format == format) words.push_back({std::string(known.name), std::string(known.es)});
    return words;
}

std::vector<std::string> format_names(const std::vector<Format>& formats, Lang lang) {
    std::vector<std::string> names;
    for (const auto& word : format_words(formats)) names.push_back(word.in(lang));
    return names;
}

void add_rubrics_option(CLI::App& command, CommonOptions& common, Lang lang) {
    command
        .add_option("--rubrics", common.rubrics,
                    tr(lang, "Use the rubric set in DIR instead of the built-in one",
                       "Usar el conjunto de rúbricas de CARPETA en lugar del incorporado"))
        ->type_name(tr(lang, "DIR", "CARPETA"))
        ->check(existing_directory(lang));
}

}  // namespace

std::string exit_codes_text(Lang lang) {
    std::string text = tr(lang, "Exit codes:", "Códigos de salida:");
    for (const auto& exit : kExitMeanings) {
        std::string_view rest = lang == Lang::es ? exit.es : exit.en;
        std::string_view first = rest.substr(0, rest.find('\n'));
        text += fmt::format("\n  {:>3} {}", static_cast<int>(exit.code), first);
        rest.remove_prefix(std::min(rest.size(), first.size() + 1));
        while (!rest.empty()) {
            std::string_view line = rest.substr(0, rest.find('\n'));
            text += fmt::format("\n      {}", line);
            rest.remove_prefix(std::min(rest.size(), line.size() + 1));
        }
    }
    return text;
}

std::string_view format_name(Format format, Lang lang) {
    for (const auto& known : kFormatNames)
        if (known.format == format) return lang == Lang::es ? known.es : known.name;
    return "text";
}

CLI::Option* add_format_option(CLI::App& command, std::optional<Format>& format, std::vector<Format> allowed,
                               std::optional<Format> shown_default, const std::string& description, Lang lang) {
    // A string checked against the allowed names (so that the message names them), turned into a
    // Format once parsed.
    CLI::Option* option =
        command
            .add_option_function<std::string>(
                "--format", [&format](const std::string& name) { format = parse_format(name); }, description)
            ->type_name(tr(lang, "FORMAT", "FORMATO"))
            ->transform(one_of(format_words(allowed), lang));
    if (shown_default) option->default_str(std::string(format_name(*shown_default, lang)));
    return option;
}

Format output_format(const std::optional<Format>& given, const std::string& output, const std::vector<Format>& allowed,
                     Format fallback, const std::string& command, Lang lang) {
    std::string extension = std::filesystem::path(output).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const Extension* known = nullptr;
    for (const auto& candidate : kExtensions)
        if (candidate.extension == extension) known = &candidate;
    if (!known) return given.value_or(fallback);  // no extension, or one that names no format: as before
    std::string named(format_name(known->format, lang));
    if (given) {
        if (*given == known->format || known->also == *given) return *given;
        throw UsageError(
            say(lang,
                "-o {0}: the extension {1} is for {2}, but --format is {3}: leave out --format to write {2}, or "
                "name the file with {4} to write {3}",
                "-o {0}: la extensión {1} es de {2}, pero --format es {3}: quite --format para escribir {2}, o "
                "nombre el archivo con {4} para escribir {3}",
                output, extension, named, format_name(*given, lang), extension_of(*given)));
    }
    if (std::find(allowed.begin(), allowed.end(), known->format) != allowed.end()) return known->format;
    std::vector<std::string> extensions;
    for (Format format : allowed) {
        std::string usual(extension_of(format));
        if (std::find(extensions.begin(), extensions.end(), usual) == extensions.end()) extensions.push_back(usual);
    }
    throw UsageError(
        say(lang,
            "-o {0}: the extension {1} asks for {2}, which tne {3} does not write; it writes {4}: name the file "
            "with {5}",
            "-o {0}: la extensión {1} pide {2}, que tne {3} no escribe; escribe {4}: nombre el archivo con {5}", output,
            extension, named, command, join(format_names(allowed, lang), lang), join(extensions, lang)));
}

void add_color_option(CLI::App& command, std::string& color, Lang lang) {
    command
        .add_option("--color", color,
                    tr(lang, "Colour: auto (on a terminal), always or never; NO_COLOR wins",
                       "Color: auto (en una terminal), siempre o nunca; NO_COLOR manda"))
        ->type_name(tr(lang, "WHEN", "CUÁNDO"))
        ->transform(one_of({{"auto", "auto"}, {"always", "siempre"}, {"never", "nunca"}}, lang))
        ->default_str(tr(lang, "auto", "auto"));
}

void add_file_argument(CLI::App& command, const char* name, std::string& file, const char* help, Lang lang) {
    command.add_option(name, file, help)
        ->required()
        ->type_name(tr(lang, "FILE", "ARCHIVO"))
        ->check(readable_file(lang));
}

void add_profile_argument(CLI::App& command, std::string& profile, Lang lang) {
    add_file_argument(command, tr(lang, "profile", "perfil"), profile,
                      tr(lang, "The institution's self-profile (YAML)", "El autoperfil de la institución (YAML)"),
                      lang);
}

void add_set_option(CLI::App& command, std::vector<std::string>& settings, const char* help, Lang lang) {
    command.add_option("--set", settings, help)
        ->type_name(tr(lang, "PATH=VALUE", "RUTA=VALOR"))
        ->allow_extra_args(false);
}

void add_date_option(CLI::App& command, std::string& date, const char* help, Lang lang) {
    command.add_option("--date", date, help)->type_name(tr(lang, "YYYY-MM-DD", "AAAA-MM-DD"));
}

void add_output(CLI::App& command, CommonOptions& common, Lang lang) {
    command
        .add_option("-o,--output", common.output,
                    tr(lang,
                       "Write to FILE (atomically) instead of standard output (- is standard output);\n"
                       "without --format, its extension gives the format (.txt, .json, .md, .html, ...)",
                       "Escribir en ARCHIVO (de forma atómica) en lugar de la salida estándar (- es la\n"
                       "salida estándar); sin --format, su extensión da el formato (.txt, .json, .md, .html...)"))
        ->type_name(tr(lang, "FILE", "ARCHIVO"));
}

void add_lang(CLI::App& command, std::string& requested, Lang lang) {
    command
        .add_option("--lang", requested,
                    tr(lang, "Language of the output: en or es (default: from LANG)",
                       "Idioma de la salida: en (inglés) o es (español) (si falta: según LANG)"))
        ->type_name(tr(lang, "LANG", "IDIOMA"))
        ->transform(one_of({{"en", "en"}, {"es", "es"}}, lang));
}

void add_common(CLI::App& command, CommonOptions& common, Lang lang) {
    add_rubrics_option(command, common, lang);
    add_lang_and_output(command, common, lang);
}

void add_lang_and_output(CLI::App& command, CommonOptions& common, Lang lang) {
    add_lang(command, common.lang, lang);
    add_output(command, common, lang);
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

Lang lang_of_command_line(int argc, char** argv) {
    std::optional<Lang> requested;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--") break;  // what follows is not options
        std::optional<Lang> lang;
        if (arg == "--lang" && i + 1 < argc)
            lang = parse_lang(argv[++i]);
        else if (arg.substr(0, 7) == "--lang=")
            lang = parse_lang(arg.substr(7));
        if (lang) requested = lang;
    }
    return requested ? *requested : choose_lang("");
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
CLI::Validator readable_file(Lang lang) {
    return CLI::Validator(
        [lang](std::string& path) -> std::string {
            struct stat info {};
            if (::stat(path.c_str(), &info) != 0 || ::access(path.c_str(), R_OK) != 0)
                return path + ": " + system_reason(errno).in(lang);
            if (S_ISDIR(info.st_mode))
                return path + tr(lang, ": is a folder; expected a file", ": es una carpeta; se esperaba un archivo");
            return {};
        },
        "");
}

CLI::Validator existing_directory(Lang lang) {
    return CLI::Validator(
        [lang](std::string& path) -> std::string {
            struct stat info {};
            if (::stat(path.c_str(), &info) != 0) return path + ": " + system_reason(errno).in(lang);
            if (!S_ISDIR(info.st_mode))
                return path +
                       tr(lang, ": is not a folder; expected a folder", ": no es una carpeta; se esperaba una carpeta");
            return {};
        },
        "");
}

// The checks below return "VALUE: what was expected"; cli.cpp puts the option's name before it.
CLI::Validator one_of(std::vector<OptionWord> words, Lang lang) {
    std::vector<std::string> names;  // as the help and the messages show them
    for (const auto& word : words) names.push_back(word.in(lang));
    std::string shown = "{";
    for (const auto& name : names) shown += (shown.size() > 1 ? "," : "") + name;
    shown += "}";
    return CLI::Validator(
        [words = std::move(words), names, lang](std::string& value) -> std::string {
            for (const auto& word : words)
                if (value == word.id || value == word.es) {
                    value = word.id;
                    return {};
                }
            std::string suggestion = closest_match(value, names);
            if (!suggestion.empty())
                return say(lang, "{}: expected {}; did you mean \"{}\"?", "{}: se esperaba {}; ¿quiso decir \"{}\"?",
                           value, join(names, lang), suggestion);
            return say(lang, "{}: expected {}", "{}: se esperaba {}", value, join(names, lang));
        },
        shown);
}

CLI::Validator whole_number(long min, long max, Lang lang) {
    return CLI::Validator(
        [min, max, lang](std::string& value) -> std::string {
            char* end = nullptr;
            errno = 0;
            long number = std::strtol(value.c_str(), &end, 10);
            if (!value.empty() && *end == '\0' && errno == 0 && number >= min && number <= max) return {};
            return say(lang, "{}: expected a whole number from {} to {}", "{}: se esperaba un número entero de {} a {}",
                       value, min, max);
        },
        "");
}

CLI::Validator number_from_to(double min, double max, Lang lang) {
    return CLI::Validator(
        [min, max, lang](std::string& value) -> std::string {
            char* end = nullptr;
            double number = std::strtod(value.c_str(), &end);
            if (!value.empty() && *end == '\0' && std::isfinite(number) && number >= min && number <= max) return {};
            return say(lang, "{}: expected a number from {} to {}", "{}: se esperaba un número de {} a {}", value,
                       format_number(min), format_number(max));
        },
        "");
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
