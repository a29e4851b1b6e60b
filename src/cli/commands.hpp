// The commands of `tne`, one file each (assess.cpp, plan.cpp, ...): the options a command adds to
// its CLI11 subcommand, and what it runs once they are parsed. cli.cpp lists them in its table.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "common.hpp"

namespace tne::cli {

// A command of the table: `tne NAME`, or `tne GROUP NAME` when the name has two words. It is also
// taken by its Spanish word, and named by it in a Spanish run (help, messages). A command's
// options are kept by its file, filled by CLI11 while parsing and read by `run`; a group (`rubrics`)
// has no `run`: one of its commands is required.
// The texts are in English and Spanish, and the options are added in the language of the run (known
// before the command line is parsed), so that --help and the parser's errors are in it.
struct Command {
    const char* name;
    const char* spanish;  // the command's last word in Spanish (`evaluar`, `rubricas revisar`)
    Message description;
    Message notes;  // the --help footer, before the exit codes; may be empty
    void (*add_options)(CLI::App& command, CommonOptions& common, Lang lang);
    Exit (*run)(const CommonOptions& common, Lang lang);
};

void add_assess_options(CLI::App& command, CommonOptions& common, Lang lang);
Exit run_assess(const CommonOptions& common, Lang lang);
// The report of `tne assess PROFILE` with every option at its default, to standard output (what
// `tne init --interactive` offers at its end).
Exit assess_to_standard_output(const std::string& profile, const CommonOptions& common, Lang lang);
// The same report in `format` written to `path` (atomically), as `tne assess PROFILE --format FORMAT
// -o PATH` writes it (what `tne init --interactive` writes beside the profile: the HTML report).
Exit assess_to_file(const std::string& profile, const std::string& path, Format format, const CommonOptions& common,
                    Lang lang);

void add_plan_options(CLI::App& command, CommonOptions& common, Lang lang);
Exit run_plan(const CommonOptions& common, Lang lang);

void add_init_options(CLI::App& command, CommonOptions& common, Lang lang);
Exit run_init(const CommonOptions& common, Lang lang);

void add_schema_options(CLI::App& command, CommonOptions& common, Lang lang);
Exit run_schema(const CommonOptions& common, Lang lang);

void add_diff_options(CLI::App& command, CommonOptions& common, Lang lang);
Exit run_diff(const CommonOptions& common, Lang lang);

void add_batch_options(CLI::App& command, CommonOptions& common, Lang lang);
Exit run_batch(const CommonOptions& common, Lang lang);

void add_survey_options(CLI::App& command, CommonOptions& common, Lang lang);
void add_survey_form_options(CLI::App& command, CommonOptions& common, Lang lang);
Exit run_survey_form(const CommonOptions& common, Lang lang);

void add_rubrics_options(CLI::App& command, CommonOptions& common, Lang lang);
void add_rubrics_check_options(CLI::App& command, CommonOptions& common, Lang lang);
Exit run_rubrics_check(const CommonOptions& common, Lang lang);
void add_rubrics_test_options(CLI::App& command, CommonOptions& common, Lang lang);
Exit run_rubrics_test(const CommonOptions& common, Lang lang);
void add_rubrics_diff_options(CLI::App& command, CommonOptions& common, Lang lang);
Exit run_rubrics_diff(const CommonOptions& common, Lang lang);
void add_rubrics_schema_options(CLI::App& command, CommonOptions& common, Lang lang);
Exit run_rubrics_schema(const CommonOptions& common, Lang lang);

}  // namespace tne::cli
