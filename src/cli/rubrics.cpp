// tne rubrics check|test|diff|schema: rubric sets as code, checked in CI.
#include <filesystem>
#include <optional>

#include "commands.hpp"
#include "tne/input.hpp"
#include "tne/rubric_check.hpp"
#include "tne/rubric_diff.hpp"
#include "tne/rubric_tests.hpp"

namespace tne::cli {

namespace {

struct RubricsOptions {
    std::string dir;  // check and test: empty for the built-in set
    Format format = Format::text;
    std::string color = "auto";
    bool strict = false;
    std::string source;    // check: the cited document's text, for its quotes
    std::string base_dir;  // check: github and sarif paths relative to it (empty: the repository's root)
    std::string old_dir;   // diff
    std::string new_dir;
    std::string profiles;
    int top = kDefaultTopRecommendations;
    bool fail_on_change = false;
};

RubricsOptions options;

CheckFormat check_format(Format format) {
    switch (format) {
        case Format::json:
            return CheckFormat::json;
        case Format::github:
            return CheckFormat::github;
        case Format::sarif:
            return CheckFormat::sarif;
        case Format::markdown:
            return CheckFormat::markdown;
        case Format::html:
            return CheckFormat::html;
        default:
            return CheckFormat::text;
    }
}

void add_rubric_set_option(CLI::App& command) {
    command.add_option("dir", options.dir, "The rubric set's directory (default: the built-in set)")
        ->check(CLI::ExistingDirectory);
}

}  // namespace

void add_rubrics_options(CLI::App& command, CommonOptions&) { command.require_subcommand(1); }

void add_rubrics_check_options(CLI::App& command, CommonOptions& common) {
    add_rubric_set_option(command);
    add_format_option(command, options.format,
                      {Format::text, Format::json, Format::github, Format::sarif, Format::markdown, Format::html},
                      "text, json, github (pull-request annotations), sarif (SARIF 2.1.0), markdown (a job "
                      "summary) or html");
    command.add_flag("--strict", options.strict, "Warnings fail the check too");
    command
        .add_option(
            "--source", options.source,
            "The text of the document the set cites (the Annex): every quote must be in the section its rule cites")
        ->check(readable_file())
        ->type_name("FILE");
    const LocalText base_dir_help{
        "github and sarif: file paths relative to DIR (default: the repository's root, the nearest folder from "
        "the current one up that holds .git, else the current folder)",
        "github y sarif: rutas de los archivos relativas a DIR (por omisión: la raíz del repositorio, la carpeta "
        "más cercana, desde la actual hacia arriba, que contiene .git; si no hay, la carpeta actual)"};
    command.add_option("--base-dir", options.base_dir, base_dir_help.in(choose_lang("")))
        ->check(CLI::ExistingDirectory)
        ->type_name("DIR");
    add_color_option(command, options.color);
    add_lang_and_output(command, common);
}

Exit run_rubrics_check(const CommonOptions& common, Lang lang) {
    if (!options.base_dir.empty() && options.format != Format::github && options.format != Format::sarif)
        throw UsageError(lang == Lang::es ? "--base-dir es para --format github o sarif; los demás formatos muestran "
                                            "las rutas tal como se escribieron"
                                          : "--base-dir is for --format github or sarif; the other formats show "
                                            "paths as they were given");
    keep_inputs_safe({options.dir, options.source}, {{"-o", common.output}}, lang);
    std::optional<CheckSource> source;
    if (!options.source.empty()) source = CheckSource{options.source, input::read_file(options.source)};
    CheckReport report = check_rubric_set(rubric_files(options.dir), source);
    bool color = options.format == Format::text && use_color(options.color, !common.output.empty());
    // The base is found from where tne runs, as the relative paths of the findings are.
    std::filesystem::path base = options.base_dir.empty() ? repository_root(std::filesystem::current_path())
                                                          : std::filesystem::path(options.base_dir);
    emit(common, render_check(report, check_format(options.format), lang, color, base));
    return report.failed(options.strict) ? Exit::check_failed : Exit::ok;
}

void add_rubrics_test_options(CLI::App& command, CommonOptions& common) {
    add_rubric_set_option(command);
    add_lang_and_output(command, common);
}

Exit run_rubrics_test(const CommonOptions& common, Lang lang) {
    keep_inputs_safe({options.dir}, {{"-o", common.output}}, lang);
    RubricFiles files = rubric_files(options.dir);
    RubricSet set = load_rubric_set(files);
    RubricTestSuite suite = load_rubric_tests(set, files);
    RubricTestReport report = run_rubric_tests(suite, set);
    emit(common, render_rubric_test_report(report, lang));
    return report.failed() > 0 ? Exit::check_failed : Exit::ok;
}

void add_rubrics_diff_options(CLI::App& command, CommonOptions& common) {
    command.add_option("old", options.old_dir, "The rubric set before the change (a directory, or 'builtin')")
        ->required();
    command.add_option("new", options.new_dir, "The rubric set after the change (a directory, or 'builtin')")
        ->required();
    command.add_option("--profiles", options.profiles, "Directory of profiles (*.yaml, *.yml) to re-score")
        ->required()
        ->type_name("DIR")
        ->check(CLI::ExistingDirectory);
    add_format_option(command, options.format, {Format::text, Format::markdown, Format::html, Format::json},
                      "text, markdown (for a pull request), html or json");
    command.add_option("--top", options.top, "Compare the first N recommendations, as reports show them")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    command.add_flag("--fail-on-change", options.fail_on_change, "Exit 1 when any assessment moved or failed to load");
    add_lang_and_output(command, common);
}

Exit run_rubrics_diff(const CommonOptions& common, Lang lang) {
    keep_inputs_safe({options.old_dir == "builtin" ? "" : options.old_dir,
                      options.new_dir == "builtin" ? "" : options.new_dir, options.profiles},
                     {{"-o", common.output}}, lang);
    RubricSet old_set = load_rubric_set(rubric_files(options.old_dir));
    RubricSet new_set = load_rubric_set(rubric_files(options.new_dir));
    RubricDiff diff = diff_rubric_sets(old_set, new_set, profiles_in_directory(options.profiles), options.top);
    switch (options.format) {
        case Format::markdown:
            emit(common, render_rubric_diff_markdown(diff, lang));
            break;
        case Format::html:
            emit(common, render_rubric_diff_html(diff, lang));
            break;
        case Format::json:
            emit(common, render_rubric_diff_json(diff, lang));
            break;
        default:
            emit(common, render_rubric_diff_text(diff, lang));
    }
    return options.fail_on_change && diff.changed() ? Exit::check_failed : Exit::ok;
}

void add_rubrics_schema_options(CLI::App& command, CommonOptions& common) { add_output(command, common); }

Exit run_rubrics_schema(const CommonOptions& common, Lang) {
    emit(common, rubric_files_schema());
    return Exit::ok;
}

}  // namespace tne::cli
