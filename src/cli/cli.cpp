// The command line: CLI11 wiring only. The commands are a table (kCommands), each in its own file;
// this file registers them, runs the one chosen, and catches errors once, here, mapping them to the
// exit codes of common.hpp's Exit.
#include "cli.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "commands.hpp"
#include "tne/error.hpp"
#include "tne/input.hpp"
#include "tne/output.hpp"

namespace tne::cli {

namespace {

// Every command, in the order `tne --help` lists them; a group comes before its commands.
constexpr Command kCommands[] = {
    {"assess", "Score a self-profile: readiness, recommendations, suggested model", "", add_assess_options, run_assess},
    {"plan", "The least to change to make a model feasible: actions, effort, results",
     "The plan is the cheapest set of answer changes that lifts every blocker of the target:\n"
     "effort points low 1, medium 2, high 4, then the fewest changes (docs/planning.md). A target\n"
     "that cannot be reached within the rubric set exits 1; the output says which blocker and why.",
     add_plan_options, run_plan},
    {"init", "Start a self-profile: a commented template, or a guided questionnaire",
     "The template lists every question of the rubric set (--rubrics for another set) with its\n"
     "help, allowed answers and Annex sections, in --lang. The questionnaire keeps the answers\n"
     "in PROFILE.partial as they are given: run the same command again to resume. It completes\n"
     "an existing PROFILE by asking its unknown answers. Answers: an option's number or name,\n"
     "a number or a text; skip (omitir), back (atras), Enter keeps an answer already given.",
     add_init_options, run_init},
    {"schema", "Print the profile's JSON Schema, for editors", "", add_schema_options, run_schema},
    {"diff", "Progress between two self-profiles of one institution: what changed",
     "Both profiles are scored with the same rubric set. Lists: changed scores and levels,\n"
     "models that became feasible or blocked, recommendations resolved and new, changed answers.",
     add_diff_options, run_diff},
    {"batch", "Score many institutions: records per institution and a cohort summary",
     "Records come out in input order, one per institution or failed input; the run ends with\n"
     "'N read = N scored + N failed' on standard error. An input that gives no record has failed.\n"
     "Entries of an input folder that are not profiles (by name, links that lead nowhere,\n"
     "subfolders) are named on standard error as skipped, and counted.",
     add_batch_options, run_batch},
    {"rubrics", "Check, test and compare rubric sets (for rubric authors and CI)", "", add_rubrics_options, nullptr},
    {"rubrics check", "Find every mistake in a rubric set, at its file:line:column", "", add_rubrics_check_options,
     run_rubrics_check},
    {"rubrics test", "Run the rubric set's own test cases", "", add_rubrics_test_options, run_rubrics_test},
    {"rubrics diff", "Re-score profiles under two rubric sets and show what moved", "", add_rubrics_diff_options,
     run_rubrics_diff},
    {"rubrics schema", "Print the JSON Schema of rubric files, for editors", "", add_rubrics_schema_options,
     run_rubrics_schema},
};

// A command's --help footer: its notes, then the exit codes.
std::string footer(const char* notes) {
    return *notes ? std::string(notes) + "\n" + exit_codes_text() : exit_codes_text();
}

int run_command(int argc, char** argv) {
    CLI::App app{
        "tne: how ready a higher-education institution is for transnational education (TNE)\n"
        "partnerships, scored against the British Council / Ecctis Annex on TNE in Mexico.",
        "tne"};
    app.set_version_flag("--version", std::string("tne ") + TNE_VERSION);
    app.require_subcommand(1);
    app.footer(exit_codes_text() + "\nRun 'tne COMMAND --help' for a command's options.");

    CommonOptions common;
    std::map<const CLI::App*, const Command*> commands;
    for (const Command& command : kCommands) {
        std::string name = command.name;
        CLI::App* parent = &app;
        if (size_t space = name.find(' '); space != std::string::npos) {
            parent = app.get_subcommand(name.substr(0, space));
            name = name.substr(space + 1);
        }
        CLI::App* subcommand = parent->add_subcommand(name, command.description);
        subcommand->footer(footer(command.notes));
        command.add_options(*subcommand, common);
        commands[subcommand] = &command;
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::fprintf(stderr, "tne: error: %s\nRun 'tne --help' for usage.\n", e.what());
        return static_cast<int>(Exit::invalid);
    }

    // The command chosen: the innermost subcommand given (a group requires one of its own).
    const CLI::App* chosen = &app;
    std::string path;  // "assess", "rubrics check"
    while (!chosen->get_subcommands().empty()) {
        chosen = chosen->get_subcommands()[0];
        path += " " + chosen->get_name();
    }
    const Command& command = *commands.at(chosen);

    if (common.output == "-") common.output.clear();  // -o - is standard output, as in most tools
    Lang lang = choose_lang(common.lang);
    // The input limit applies to every command; a typo in it must not silently mean the default.
    if (const char* limit = std::getenv(input::kMaxBytesVariable); limit && !input::parse_size(limit)) {
        std::fprintf(stderr, "tne: error: %s=%s: %s\n", input::kMaxBytesVariable, limit,
                     lang == Lang::es ? "se espera un número de bytes mayor que 0, o con K, M o G (p. ej. 64M)"
                                      : "expected a number of bytes above 0, or with K, M or G (e.g. 64M)");
        return static_cast<int>(Exit::invalid);
    }
    try {
        return static_cast<int>(command.run(common, lang));
    } catch (const UsageError& e) {
        std::fprintf(stderr,
                     lang == Lang::es ? "tne: error: %s\n'tne%s --help' muestra cómo se usa.\n"
                                      : "tne: error: %s\nRun 'tne%s --help' for usage.\n",
                     e.what(), path.c_str());
        return static_cast<int>(Exit::invalid);
    } catch (const InputError& e) {
        for (const auto& diagnostic : e.diagnostics())
            std::fprintf(stderr, "tne: error: %s\n", diagnostic.str(lang).c_str());
        return static_cast<int>(Exit::invalid);
    } catch (const WriteError& e) {
        std::fprintf(stderr, "tne: error: %s\n", e.message().in(lang).c_str());
        return static_cast<int>(Exit::cannot_write);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tne: internal error: %s\nPlease report this as a bug.\n", e.what());
        return static_cast<int>(Exit::bug);
    }
}

}  // namespace

int run(int argc, char** argv) {
    int code = run_command(argc, argv);
    // What is still buffered for standard output (CLI11's help) must reach it too: `tne --help >
    // /dev/full` is a failed run.
    try {
        finish_standard_output();
    } catch (const WriteError& e) {
        std::fprintf(stderr, "tne: error: %s\n", e.message().in(choose_lang("")).c_str());
        return static_cast<int>(Exit::cannot_write);
    }
    return code;
}

}  // namespace tne::cli
