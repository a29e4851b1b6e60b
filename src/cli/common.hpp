// What every command of the command line shares: exit codes, report formats, the common options
// and the steps every run takes before and after its one call into the library.
#pragma once

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tne/profile.hpp"
#include "tne/rubric.hpp"
#include "tne/text.hpp"

namespace tne::cli {

// The process's exit codes, as README.md's "Exit codes" table gives them; exit_codes_text() is the
// one text that documents them, in every command's --help.
enum class Exit : int {
    ok = 0,
    // below --fail-under (assess), a target out of reach (plan), rubric findings, failed cases or
    // changes with --fail-on-change, a regression (diff --fail-on-regression), or the answers of
    // `init --interactive` ended before the last question
    check_failed = 1,
    invalid = 2,        // invalid input or usage
    some_failed = 3,    // batch: some inputs failed to load; the others were scored
    bug = 70,           // a bug in tne
    cannot_write = 74,  // EX_IOERR: a full disk, a file size limit, an I/O error
    interrupted = 130,  // init --interactive: Ctrl-C (128 + SIGINT); the answers are kept
};

// "Exit codes:" and one line or more per code, for the --help footers, in `lang`.
std::string exit_codes_text(Lang lang);

// A text of the command line (a help text, a message) in the run's language.
inline const char* tr(Lang lang, const char* en, const char* es) { return lang == Lang::es ? es : en; }
// The same with arguments, formatted by fmt: say(lang, "{} is...", "{} es...", name).
template <class... Args>
std::string say(Lang lang, const char* en, const char* es, const Args&... args) {
    return fmt::format(fmt::runtime(tr(lang, en, es)), args...);
}

// A report's format, parsed once from --format; each command takes some of them.
enum class Format { text, json, markdown, html, csv, jsonl, github, sarif };

std::string_view format_name(Format format, Lang lang);

// --format, one of `allowed` (in the order the help lists them), parsed into `format`, which stays
// empty when --format is not given (output_format then decides); the help shows `shown_default`.
CLI::Option* add_format_option(CLI::App& command, std::optional<Format>& format, std::vector<Format> allowed,
                               std::optional<Format> shown_default, const std::string& description, Lang lang);

// The format an output is written in: --format when given, else the one -o's extension names
// (.txt, .json, .jsonl, .csv, .md, .html, .sarif), else `fallback`. An extension the command cannot
// write in, or one that contradicts --format, is a UsageError naming the file and what to do.
// `command` is the command's name in the run's language (CommonOptions::command).
Format output_format(const std::optional<Format>& given, const std::string& output, const std::vector<Format>& allowed,
                     Format fallback, const std::string& command, Lang lang);

// --color auto|always|never (auto|siempre|nunca).
void add_color_option(CLI::App& command, std::string& color, Lang lang);
// A required FILE argument, named `name` in the help.
void add_file_argument(CLI::App& command, const char* name, std::string& file, const char* help, Lang lang);
// The PROFILE argument of the commands that read one self-profile.
void add_profile_argument(CLI::App& command, std::string& profile, Lang lang);
// --set PATH=VALUE, repeatable: what-if answers; `help` says what they do for the command.
void add_set_option(CLI::App& command, std::vector<std::string>& settings, const char* help, Lang lang);
// --date YYYY-MM-DD; `help` says what the date is for in the command.
void add_date_option(CLI::App& command, std::string& date, const char* help, Lang lang);

// The checks of option values, each with its message in `lang` (CLI11's own are English only).
// An input file that can be opened, else the system's reason.
CLI::Validator readable_file(Lang lang);
CLI::Validator existing_directory(Lang lang);
// A value an option takes: its id, and the word a Spanish speaker types for it (the same when the
// word is a name: json, html). Either is accepted in any language and read as the id.
struct OptionWord {
    std::string id;
    std::string es;

    const std::string& in(Lang lang) const { return lang == Lang::es ? es : id; }
};
// One of `words`, with "did you mean" for a near miss; the help shows {a,b,c} in `lang`. A
// transform (not a check), so that the option holds the id.
CLI::Validator one_of(std::vector<OptionWord> words, Lang lang);
// A whole number from `min` to `max`; the help shows `shown` ("N", "MONTHS").
CLI::Validator whole_number(long min, long max, Lang lang);
// A number from `min` to `max`.
CLI::Validator number_from_to(double min, double max, Lang lang);

// A combination of options that makes no sense, found after parsing; the message is localized.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct CommonOptions {
    std::string rubrics;  // empty: the embedded set
    std::string lang;     // empty: from the environment
    std::string output;   // empty: standard output
    std::string command;  // the command chosen, named in the run's language ("evaluar", "rubrics check")
};

// --rubrics, --lang and -o.
void add_common(CLI::App& command, CommonOptions& common, Lang lang);
// --lang and -o (the rubric commands name their sets otherwise).
void add_lang_and_output(CLI::App& command, CommonOptions& common, Lang lang);
// --lang alone.
void add_lang(CLI::App& command, std::string& requested, Lang lang);
// -o alone.
void add_output(CLI::App& command, CommonOptions& common, Lang lang);

// --lang, else TNE_LANG, else a Spanish locale in LC_ALL or LANG, else English.
Lang choose_lang(const std::string& requested);
// The same from the command line before it is parsed (the help and the parser's errors are in it):
// the last `--lang X` or `--lang=X` with a known X, else the environment.
Lang lang_of_command_line(int argc, char** argv);

// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
bool use_color(const std::string& mode, bool to_file);

// A rubric set's files: the built-in set for an empty name or the word "builtin", else a directory.
RubricFiles rubric_files(const std::string& dir);
RubricSet load_rubrics(const CommonOptions& common);

// The run's output, to -o (atomically) or standard output.
void emit(const CommonOptions& common, const std::string& content);

// One output of a run, for keep_inputs_safe: its option and its path ("" or "-": standard output).
struct OutputPath {
    std::string option;
    std::string path;
};

// Refuses, before anything is read or written, an output that is the same file as an input (it
// would destroy it) or as another output (one would silently replace the other). Empty inputs
// (options not given) are left out.
void keep_inputs_safe(std::vector<std::string> inputs, std::vector<OutputPath> outputs, Lang lang);

// --date, checked before any work so a typo costs nothing.
ReportDate report_date(const std::string& requested, Lang lang);

// A profile with the what-if settings applied, in the order given.
Profile load_with_settings(const std::string& path, const std::vector<std::string>& settings, const RubricSet& rubric);

}  // namespace tne::cli
