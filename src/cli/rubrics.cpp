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
    std::string dir;               // check and test: empty for the built-in set
    std::optional<Format> format;  // empty: from -o's extension, else text
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

const std::vector<Format> kCheckFormats = {Format::text,  Format::json,     Format::github,
                                           Format::sarif, Format::markdown, Format::html};
const std::vector<Format> kRubricDiffFormats = {Format::text, Format::markdown, Format::html, Format::json};

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

void add_rubric_set_option(CLI::App& command, Lang lang) {
    command
        .add_option(tr(lang, "dir", "carpeta"), options.dir,
                    tr(lang, "The rubric set's directory (default: the built-in set)",
                       "La carpeta del conjunto de rúbricas (si falta: el conjunto incorporado)"))
        ->type_name(tr(lang, "DIR", "CARPETA"))
        ->check(existing_directory(lang));
}

}  // namespace

void add_rubrics_options(CLI::App& command, CommonOptions&, Lang) { command.require_subcommand(1); }

void add_rubrics_check_options(CLI::App& command, CommonOptions& common, Lang lang) {
    add_rubric_set_option(command, lang);
    add_format_option(command, options.format, kCheckFormats, Format::text,
                      tr(lang,
                         "text, json, github (pull-request annotations), sarif (SARIF 2.1.0), markdown (a job\n"
                         "summary) or html",
                         "texto, json, github (anotaciones en las solicitudes de cambios de GitHub), sarif\n"
                         "(SARIF 2.1.0), markdown (un resumen de la ejecución en GitHub Actions) o html"),
                      lang);
    command.add_flag("--strict", options.strict,
                     tr(lang, "Warnings fail the check too", "Los avisos también hacen fallar la revisión"));
    command
        .add_option("--source", options.source,
                    tr(lang,
                       "The text of the document the set cites (the Annex): every quote must be in the\n"
                       "section its rule cites",
                       "El texto del documento que cita el conjunto (el Anexo): cada cita debe estar en la\n"
                       "sección que cita su regla"))
        ->check(readable_file(lang))
        ->type_name(tr(lang, "FILE", "ARCHIVO"));
    command
        .add_option("--base-dir", options.base_dir,
                    tr(lang,
                       "github and sarif: file paths relative to DIR (default: the repository's root, the\n"
                       "nearest folder from the current one up that holds .git, else the current folder)",
                       "github y sarif: rutas de los archivos relativas a CARPETA (si falta: la raíz del\n"
                       "repositorio, la carpeta más cercana, desde la actual hacia arriba, que contiene .git;\n"
                       "si no hay, la carpeta actual)"))
        ->check(existing_directory(lang))
        ->type_name(tr(lang, "DIR", "CARPETA"));
    add_color_option(command, options.color, lang);
    add_lang_and_output(command, common, lang);
}

Exit run_rubrics_check(const CommonOptions& common, Lang lang) {
    if (!options.base_dir.empty() && options.format != Format::github && options.format != Format::sarif)
        throw UsageError(lang == Lang::es ? "--base-dir es para --format github o sarif; los demás formatos muestran "
                                            "las rutas tal como se escribieron"
                                          : "--base-dir is for --format github or sarif; the other formats show "
                                            "paths as they were given");
    keep_inputs_safe({options.dir, options.source}, {{"-o", common.output}}, lang);
    Format format = output_format(options.format, common.output, kCheckFormats, Format::text, common.command, lang);
    std::optional<CheckSource> source;
    if (!options.source.empty()) source = CheckSource{options.source, input::read_file(options.source)};
    CheckReport report = check_rubric_set(rubric_files(options.dir), source);
    bool color = format == Format::text && use_color(options.color, !common.output.empty());
    // The base is found from where tne runs, as the relative paths of the findings are.
    std::filesystem::path base = options.base_dir.empty() ? repository_root(std::filesystem::current_path())
                                                          : std::filesystem::path(options.base_dir);
    emit(common, render_check(report, check_format(format), lang, color, base));
    return report.failed(options.strict) ? Exit::check_failed : Exit::ok;
}

void add_rubrics_test_options(CLI::App& command, CommonOptions& common, Lang lang) {
    add_rubric_set_option(command, lang);
    add_lang_and_output(command, common, lang);
}

Exit run_rubrics_test(const CommonOptions& common, Lang lang) {
    keep_inputs_safe({options.dir}, {{"-o", common.output}}, lang);
    output_format(std::nullopt, common.output, {Format::text}, Format::text, common.command, lang);
    RubricFiles files = rubric_files(options.dir);
    RubricSet set = load_rubric_set(files);
    RubricTestSuite suite = load_rubric_tests(set, files);
    RubricTestReport report = run_rubric_tests(suite, set);
    emit(common, render_rubric_test_report(report, lang));
    return report.failed() > 0 ? Exit::check_failed : Exit::ok;
}

void add_rubrics_diff_options(CLI::App& command, CommonOptions& common, Lang lang) {
    // A folder, or 'builtin': not checked as a folder.
    auto add_set = [&](const char* name, std::string& dir, const char* help) {
        command.add_option(name, dir, help)->type_name(tr(lang, "DIR", "CARPETA"))->required();
    };
    add_set(tr(lang, "old", "anterior"), options.old_dir,
            tr(lang, "The rubric set before the change (a directory, or 'builtin')",
               "El conjunto de rúbricas antes del cambio (una carpeta, o 'builtin', el incorporado)"));
    add_set(tr(lang, "new", "nuevo"), options.new_dir,
            tr(lang, "The rubric set after the change (a directory, or 'builtin')",
               "El conjunto de rúbricas después del cambio (una carpeta, o 'builtin', el incorporado)"));
    command
        .add_option("--profiles", options.profiles,
                    tr(lang, "Directory of profiles (*.yaml, *.yml) to re-score",
                       "Carpeta de perfiles (*.yaml, *.yml) que volver a evaluar"))
        ->required()
        ->type_name(tr(lang, "DIR", "CARPETA"))
        ->check(existing_directory(lang));
    add_format_option(command, options.format, kRubricDiffFormats, Format::text,
                      tr(lang, "text, markdown (for a pull request), html or json",
                         "texto, markdown (para una solicitud de cambios), html o json"),
                      lang);
    command
        .add_option("--top", options.top,
                    tr(lang, "Compare the first N recommendations (1 to 1000), as reports show them",
                       "Comparar las primeras N recomendaciones (de 1 a 1000), como las muestran los informes"))
        ->type_name("N")
        ->check(whole_number(1, 1000, lang))
        ->capture_default_str();
    command.add_flag("--fail-on-change", options.fail_on_change,
                     tr(lang, "Exit 1 when any assessment moved or failed to load",
                        "Salir con 1 si alguna evaluación cambió o no se pudo cargar"));
    add_lang_and_output(command, common, lang);
}

Exit run_rubrics_diff(const CommonOptions& common, Lang lang) {
    keep_inputs_safe({options.old_dir == "builtin" ? "" : options.old_dir,
                      options.new_dir == "builtin" ? "" : options.new_dir, options.profiles},
                     {{"-o", common.output}}, lang);
    Format format =
        output_format(options.format, common.output, kRubricDiffFormats, Format::text, common.command, lang);
    RubricSet old_set = load_rubric_set(rubric_files(options.old_dir));
    RubricSet new_set = load_rubric_set(rubric_files(options.new_dir));
    RubricDiff diff = diff_rubric_sets(old_set, new_set, profiles_in_directory(options.profiles), options.top);
    switch (format) {
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

void add_rubrics_schema_options(CLI::App& command, CommonOptions& common, Lang lang) {
    add_lang_and_output(command, common, lang);
}

Exit run_rubrics_schema(const CommonOptions& common, Lang lang) {
    output_format(std::nullopt, common.output, {Format::json}, Format::json, common.command, lang);
    emit(common, rubric_files_schema());
    return Exit::ok;
}

}  // namespace tne::cli
