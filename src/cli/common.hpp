// What every command of the command line shares: exit codes, report formats, the common options
// and the steps every run takes before and after its one call into the library.
#pragma once

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

// "Exit codes:" and one line or more per code, for the --help footers.
std::string exit_codes_text();

// A report's format, parsed once from --format; each command takes some of them.
enum class Format { text, json, markdown, html, csv, jsonl, github, sarif };

std::string_view format_name(Format format);

// --format, one of `allowed` (in the order the help lists them), parsed into `format`; the help shows
// `format` as the default.
CLI::Option* add_format_option(CLI::App& command, Format& format, std::vector<Format> allowed,
                               const std::string& description);
// The same without a default: `format` stays empty when --format is not given.
CLI::Option* add_format_option(CLI::App& command, std::optional<Format>& format, std::vector<Format> allowed,
                               const std::string& description);

// --color auto|always|never.
void add_color_option(CLI::App& command, std::string& color);

// A combination of options that makes no sense, found after parsing; the message is localized.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct CommonOptions {
    std::string rubrics;  // empty: the embedded set
    std::string lang;     // empty: from the environment
    std::string output;   // empty: standard output
};

// --rubrics, --lang and -o.
void add_common(CLI::App& command, CommonOptions& common);
// --lang and -o (the rubric commands name their sets otherwise).
void add_lang_and_output(CLI::App& command, CommonOptions& common);
// -o alone.
void add_output(CLI::App& command, CommonOptions& common);

// --lang, else TNE_LANG, else a Spanish locale in LC_ALL or LANG, else English.
Lang choose_lang(const std::string& requested);

// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
bool use_color(const std::string& mode, bool to_file);

// An input file that can be opened, else the system's reason.
CLI::Validator readable_file();

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
