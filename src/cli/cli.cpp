// The command line: CLI11 wiring only. Errors are caught once, here, and mapped to exit codes:
// 0 success, 1 below --fail-under, rubric findings or a regression (diff --fail-on-regression),
// 2 invalid input or usage, 3 a batch in which some inputs failed, 70 a bug in tne, 74 an output
// that could not be written; `tne init --interactive` also 1 (input ended before the last
// question) and 130 (interrupted).
#include "cli.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <thread>
#include <utility>

#include "terminal.hpp"
#include "tne/assessment.hpp"
#include "tne/batch.hpp"
#include "tne/cohort.hpp"
#include "tne/input.hpp"
#include "tne/output.hpp"
#include "tne/profile.hpp"
#include "tne/profile_diff.hpp"
#include "tne/profile_yaml.hpp"
#include "tne/questionnaire.hpp"
#include "tne/render.hpp"
#include "tne/rubric.hpp"
#include "tne/rubric_check.hpp"
#include "tne/rubric_diff.hpp"
#include "tne/rubric_tests.hpp"
#include "tne/survey.hpp"

namespace tne::cli {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitBelowThreshold = 1;  // assess --fail-under
constexpr int kExitFindings = 1;        // rubrics: findings, failed cases, a diff that moved
constexpr int kExitUnreachable = 1;     // plan: a blocker of the target cannot be lifted
constexpr int kExitRegressed = 1;       // diff --fail-on-regression
constexpr int kExitInvalid = 2;
constexpr int kExitSomeFailed = 3;  // batch: some inputs failed to load; the others were scored
constexpr int kExitBug = 70;
constexpr int kExitCannotWrite = 74;   // EX_IOERR: a full disk, a file size limit, an I/O error
constexpr int kExitUnfinished = 1;     // init --interactive: input ended first; answers kept in .partial
constexpr int kExitInterrupted = 130;  // init --interactive: Ctrl-C (128 + SIGINT); answers kept

// A combination of options that makes no sense, found after parsing; the message is localized.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct CommonOptions {
    std::string rubrics;  // empty: the embedded set
    std::string lang;     // empty: from the environment
    std::string output;   // empty: standard output
};

struct AssessOptions {
    std::string profile;
    std::string format = "text";
    std::string color = "auto";
    bool explain = false;
    std::optional<double> fail_under;
    std::string date;                               // empty: today, or SOURCE_DATE_EPOCH's day
    std::vector<std::string> settings;              // --set PATH=VALUE, applied in order
    int evidence_max_age = kDefaultEvidenceMaxAge;  // months
};

struct PlanOptions {
    std::string profile;
    std::string target;  // a model id; empty: the next step of the suggested pathway
    std::string format = "text";
    std::string color = "auto";
    std::vector<std::string> settings;
};

struct DiffOptions {
    std::string old_profile;
    std::string new_profile;
    std::string format = "text";
    bool fail_on_regression = false;
};

struct InitOptions {
    bool interactive = false;
    bool force = false;  // the template may replace an existing file
    std::string schema;  // also write the profile's JSON Schema here, and point the profile at it
};

struct BatchCliOptions {
    std::vector<std::string> inputs;
    std::string csv_map;
    std::string format;  // empty: csv for records, text for a summary
    bool summary = false;
    std::string records;  // with --summary: also write the records here
    int jobs = 0;         // 0: every core
    bool quiet = false;
    std::string date;  // the HTML summary's date; empty: today
};

struct RubricsOptions {
    std::string dir;  // check and test: empty for the built-in set
    std::string format = "text";
    std::string color = "auto";
    bool strict = false;
    std::string source;   // check: the cited document's text, for its quotes
    std::string old_dir;  // diff
    std::string new_dir;
    std::string profiles;
    int top = kDefaultTopRecommendations;
    bool fail_on_change = false;
};

// --lang, else TNE_LANG, else a Spanish locale in LC_ALL or LANG, else English.
Lang choose_lang(const std::string& requested) {
    if (!requested.empty()) return *parse_lang(requested);
    if (const char* env = std::getenv("TNE_LANG"); env && parse_lang(env)) return *parse_lang(env);
    for (const char* name : {"LC_ALL", "LANG"}) {
        const char* value = std::getenv(name);
        if (value && *value) return std::string_view(value).substr(0, 2) == "es" ? Lang::es : Lang::en;
    }
    return Lang::en;
}

// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
bool use_color(const std::string& mode, bool to_file) {
    const char* no_color = std::getenv("NO_COLOR");
    if ((no_color && *no_color) || mode == "never") return false;
    if (mode == "always") return true;
    const char* term = std::getenv("TERM");
    return !to_file && isatty(STDOUT_FILENO) && !(term && std::string_view(term) == "dumb");
}

// An input file that can be opened: CLI::ExistingFile says "File does not exist" for a link loop or a
// file that may not be read; this gives the system's reason.
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

// A rubric set's files: the built-in set for an empty name or the word "builtin", else a directory.
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

// One output of a run, for keep_inputs_safe: its option and its path ("" or "-": standard output).
struct OutputPath {
    std::string option;
    std::string path;
};

// Refuses, before anything is read or written, an output that is the same file as an input (it
// would destroy it) or as another output (one would silently replace the other). Empty inputs
// (options not given) are left out.
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

// --date, checked before any work so a typo costs nothing.
ReportDate report_date(const std::string& requested, Lang lang) {
    if (requested.empty()) return ReportDate::today();
    if (auto date = ReportDate::parse(requested)) return *date;
    throw UsageError(
        lang == Lang::es
            ? fmt::format("--date {}: no es una fecha válida; se espera AAAA-MM-DD, p. ej. 2026-11-23", requested)
            : fmt::format("--date {}: not a valid date; expected YYYY-MM-DD, e.g. 2026-11-23", requested));
}

// A profile with the what-if settings applied, in the order given.
Profile load_with_settings(const std::string& path, const std::vector<std::string>& settings, const RubricSet& rubric) {
    Profile profile = load_profile_file(path, rubric);
    for (const auto& setting : settings) simulate(profile, setting, rubric);
    return profile;
}

// --evidence-max-age, checked here rather than by CLI11 so the message is in the report's language.
void check_evidence_max_age(int months, Lang lang) {
    if (months >= 1 && months <= 1200) return;
    throw UsageError(lang == Lang::es
                         ? fmt::format("--evidence-max-age {}: se espera un número entero de meses de 1 a 1200, "
                                       "p. ej. 12 para una revisión anual",
                                       months)
                         : fmt::format("--evidence-max-age {}: expected a whole number of months from 1 to 1200, "
                                       "e.g. 12 for a yearly review",
                                       months));
}

int run_assess(const CommonOptions& common, const AssessOptions& options, Lang lang) {
    keep_inputs_safe({options.profile, common.rubrics}, {{"-o", common.output}}, lang);
    ReportDate date = report_date(options.date, lang);
    check_evidence_max_age(options.evidence_max_age, lang);
    RubricSet rubric = load_rubrics(common);
    Assessment assessment = assess(load_with_settings(options.profile, options.settings, rubric), rubric);
    assessment.evidence = review_evidence(assessment, date, options.evidence_max_age);
    find_advice_changes(assessment);
    std::string content;
    if (options.format == "json") {
        content = render_json(assessment, lang);
    } else if (options.format == "html") {
        content = render_html(assessment, lang, date);
    } else if (options.format == "markdown") {
        content = render_markdown(assessment, lang, date);
    } else {
        TextOptions text{lang, use_color(options.color, !common.output.empty()), options.explain, 80};
        content = render_text(assessment, text);
    }
    emit(common, content);
    if (options.fail_under && (!assessment.overall || *assessment.overall < *options.fail_under)) {
        std::fprintf(stderr, "tne: %s\n",
                     lang == Lang::es ? "la preparación general está por debajo de --fail-under"
                                      : "overall readiness is below --fail-under");
        return kExitBelowThreshold;
    }
    return kExitOk;
}

int run_plan(const CommonOptions& common, const PlanOptions& options, Lang lang) {
    keep_inputs_safe({options.profile, common.rubrics}, {{"-o", common.output}}, lang);
    RubricSet rubric = load_rubrics(common);
    Assessment now = assess(load_with_settings(options.profile, options.settings, rubric), rubric);
    const Model* target = options.target.empty() ? next_step(now) : rubric.find_model(options.target);
    if (!target && !options.target.empty()) {
        std::string ids;
        for (const auto& m : rubric.models) ids += (ids.empty() ? "" : ", ") + m.id;
        throw UsageError(
            lang == Lang::es
                ? fmt::format("--target {}: no es un modelo del conjunto; los modelos son: {}", options.target, ids)
                : fmt::format("--target {}: not a model of the rubric set; the models are: {}", options.target, ids));
    }
    if (!target) {
        std::fprintf(stderr, "tne: %s\n",
                     lang == Lang::es
                         ? "cada paso de la ruta sugerida ya es factible; indique un modelo con --target"
                         : "every step of the suggested pathway is already feasible; name a model with --target");
        return kExitOk;
    }
    Plan plan = make_plan(now, *target);
    plan.default_target = options.target.empty();
    if (options.format == "json") {
        emit(common, render_plan_json(plan, now, lang));
    } else if (options.format == "markdown") {
        emit(common, render_plan_markdown(plan, now, lang));
    } else {
        TextOptions text{lang, use_color(options.color, !common.output.empty()), false, 80};
        emit(common, render_plan_text(plan, now, text));
    }
    return plan.reachable ? kExitOk : kExitUnreachable;
}

int run_rubrics_check(const CommonOptions& common, const RubricsOptions& options, Lang lang) {
    static const std::map<std::string, CheckFormat> formats = {{"text", CheckFormat::text},
                                                               {"json", CheckFormat::json},
                                                               {"github", CheckFormat::github},
                                                               {"sarif", CheckFormat::sarif}};
    keep_inputs_safe({options.dir, options.source}, {{"-o", common.output}}, lang);
    std::optional<CheckSource> source;
    if (!options.source.empty()) source = CheckSource{options.source, input::read_file(options.source)};
    CheckReport report = check_rubric_set(rubric_files(options.dir), source);
    bool color = options.format == "text" && use_color(options.color, !common.output.empty());
    emit(common, render_check(report, formats.at(options.format), lang, color));
    return report.failed(options.strict) ? kExitFindings : kExitOk;
}

int run_rubrics_test(const CommonOptions& common, const RubricsOptions& options, Lang lang) {
    keep_inputs_safe({options.dir}, {{"-o", common.output}}, lang);
    RubricFiles files = rubric_files(options.dir);
    RubricSet set = load_rubric_set(files);
    RubricTestSuite suite = load_rubric_tests(set, files);
    RubricTestReport report = run_rubric_tests(suite, set);
    emit(common, render_rubric_test_report(report, lang));
    return report.failed() > 0 ? kExitFindings : kExitOk;
}

int run_rubrics_diff(const CommonOptions& common, const RubricsOptions& options, Lang lang) {
    keep_inputs_safe({options.old_dir == "builtin" ? "" : options.old_dir,
                      options.new_dir == "builtin" ? "" : options.new_dir, options.profiles},
                     {{"-o", common.output}}, lang);
    RubricSet old_set = load_rubric_set(rubric_files(options.old_dir));
    RubricSet new_set = load_rubric_set(rubric_files(options.new_dir));
    RubricDiff diff = diff_rubric_sets(old_set, new_set, profiles_in_directory(options.profiles), options.top);
    if (options.format == "markdown")
        emit(common, render_rubric_diff_markdown(diff, lang));
    else if (options.format == "json")
        emit(common, render_rubric_diff_json(diff, lang));
    else
        emit(common, render_rubric_diff_text(diff, lang));
    return options.fail_on_change && diff.changed() ? kExitFindings : kExitOk;
}

// Loads both profiles; when either is invalid, reports the problems of both in one run.
std::pair<Profile, Profile> load_both(const std::string& old_path, const std::string& new_path,
                                      const RubricSet& rubric) {
    std::vector<Diagnostic> problems;
    auto load = [&](const std::string& path) -> std::optional<Profile> {
        try {
            return load_profile_file(path, rubric);
        } catch (const InputError& e) {
            problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
            return std::nullopt;
        }
    };
    std::optional<Profile> old_profile = load(old_path);
    std::optional<Profile> new_profile = load(new_path);
    if (!problems.empty()) throw InputError(problems);
    return {std::move(*old_profile), std::move(*new_profile)};
}

int run_diff(const CommonOptions& common, const DiffOptions& options, Lang lang) {
    keep_inputs_safe({options.old_profile, options.new_profile, common.rubrics}, {{"-o", common.output}}, lang);
    RubricSet rubric = load_rubrics(common);
    auto [old_profile, new_profile] = load_both(options.old_profile, options.new_profile, rubric);
    Assessment before = assess(std::move(old_profile), rubric);
    Assessment after = assess(std::move(new_profile), rubric);
    AssessmentDiff diff = diff_assessments(before, after);
    // Two institutions can be compared, but it is most likely the wrong file: say so, and go on.
    if (!diff.same_institution()) {
        std::string warning =
            lang == Lang::es
                ? fmt::format(
                      "los perfiles nombran instituciones distintas (\"{}\" y \"{}\"); se comparan de todos modos",
                      diff.old_side.institution, diff.new_side.institution)
                : fmt::format("the profiles name different institutions (\"{}\" and \"{}\"); comparing them anyway",
                              diff.old_side.institution, diff.new_side.institution);
        std::fprintf(stderr, "tne: %s: %s\n", lang == Lang::es ? "aviso" : "warning", warning.c_str());
    }
    if (options.format == "json")
        emit(common, render_assessment_diff_json(diff, lang));
    else if (options.format == "markdown")
        emit(common, render_assessment_diff_markdown(diff, lang));
    else
        emit(common, render_assessment_diff_text(diff, lang));
    if (options.fail_on_regression && diff.regressed()) {
        std::fprintf(stderr, "tne: %s\n",
                     lang == Lang::es ? "un puntaje bajó o un modelo quedó bloqueado (--fail-on-regression)"
                                      : "a score went down or a model became blocked (--fail-on-regression)");
        return kExitRegressed;
    }
    return kExitOk;
}

// The modeline's $schema: the schema file as seen from the profile's directory, which is how YAML
// language servers resolve a relative path.
std::string schema_reference(const std::string& schema, const std::string& profile) {
    namespace fs = std::filesystem;
    fs::path base = profile.empty() ? fs::current_path() : fs::absolute(profile).parent_path();
    fs::path relative = fs::absolute(schema).lexically_relative(base);
    return (relative.empty() ? fs::absolute(schema) : relative).generic_string();
}

// Where `tne init --interactive` starts: the answers kept in PROFILE.partial by an interrupted run,
// else PROFILE's known answers (its unknown ones are asked), else nothing.
Profile starting_answers(const std::string& target, const std::string& partial, const RubricSet& rubric,
                         Conversation& terminal, Lang lang) {
    namespace fs = std::filesystem;
    bool resume = fs::exists(partial);
    if (!resume && !fs::exists(target)) return Profile{target, {}, {}, {}};
    DraftProfile draft = load_draft_profile_file(resume ? partial : target, rubric);
    for (const auto& problem : draft.problems)
        std::fprintf(stderr, "tne: %s: %s (%s)\n", lang == Lang::es ? "aviso" : "warning", problem.str(lang).c_str(),
                     lang == Lang::es ? "se volverá a preguntar" : "it will be asked again");
    Profile& profile = draft.profile;
    if (!resume) std::erase_if(profile.answers, [](const Answer& a) { return !a.known(); });
    profile.source = target;
    size_t given = profile.answers.size();
    std::string from = resume ? partial : target;
    terminal.write(lang == Lang::es
                       ? fmt::format("{} {}: {} de {} preguntas ya tienen respuesta.{}\n",
                                     resume ? "Se continúa desde" : "Se completa", from, given, rubric.questions.size(),
                                     resume ? fmt::format(" (Para empezar de nuevo, borre {}.)", partial) : "")
                       : fmt::format("{} {}: {} of {} questions already answered.{}\n",
                                     resume ? "Resuming from" : "Completing", from, given, rubric.questions.size(),
                                     resume ? fmt::format(" (To start over, delete {}.)", partial) : ""));
    return std::move(profile);
}

int run_init(const CommonOptions& common, const InitOptions& options, Lang lang) {
    namespace fs = std::filesystem;
    // The questionnaire's profile goes to a file: standard output is the conversation.
    std::string target = options.interactive && common.output.empty() ? "profile.yaml" : common.output;
    std::vector<OutputPath> outputs = {{"-o", target}};
    if (!options.schema.empty()) outputs.push_back({"--schema", options.schema});
    if (options.interactive) outputs.push_back({"", target + ".partial"});
    keep_inputs_safe({common.rubrics}, outputs, lang);
    RubricSet rubric = load_rubrics(common);
    if (!options.interactive && !options.force && !target.empty() && fs::exists(target))
        throw UsageError(lang == Lang::es
                             ? fmt::format("{} ya existe: use --force para reemplazarlo por la plantilla, o "
                                           "--interactive para completarlo",
                                           target)
                             : fmt::format("{} exists: use --force to replace it with the template, or --interactive "
                                           "to complete it",
                                           target));
    ProfileYamlOptions yaml{lang, {}, false};
    if (!options.schema.empty()) {
        write_file_atomically(options.schema, render_profile_schema(rubric));
        yaml.schema = schema_reference(options.schema, target);
    }
    if (!options.interactive) {
        emit(common, render_profile_yaml(rubric, nullptr, yaml));
        return kExitOk;
    }

    const std::string partial = target + ".partial";
    TerminalConversation terminal;
    Profile profile = starting_answers(target, partial, rubric, terminal, lang);
    QuestionnaireOptions questionnaire{lang, partial, [&](const Profile& so_far) {
                                           ProfileYamlOptions kept = yaml;
                                           kept.partial = true;
                                           write_file_atomically(partial, render_profile_yaml(rubric, &so_far, kept));
                                       }};
    QuestionnaireEnd end = run_questionnaire(rubric, profile, terminal, questionnaire);
    if (end != QuestionnaireEnd::finished) {
        bool interrupted = end == QuestionnaireEnd::interrupted;
        std::string kept =
            fs::exists(partial)
                ? (lang == Lang::es ? fmt::format("{} respuestas guardadas en {}; la misma orden continúa",
                                                  profile.answers.size(), partial)
                                    : fmt::format("{} answers kept in {}; the same command resumes",
                                                  profile.answers.size(), partial))
                : (lang == Lang::es ? "ninguna respuesta que guardar" : "no answers to keep");
        std::fprintf(stderr, "tne: %s: %s\n",
                     interrupted ? (lang == Lang::es ? "interrumpido" : "interrupted")
                                 : (lang == Lang::es ? "la entrada terminó antes de la última pregunta"
                                                     : "the input ended before the last question"),
                     kept.c_str());
        return interrupted ? kExitInterrupted : kExitUnfinished;
    }
    write_file_atomically(target, render_profile_yaml(rubric, &profile, yaml));
    fs::remove(partial);
    size_t known =
        std::count_if(profile.answers.begin(), profile.answers.end(), [](const Answer& a) { return a.known(); });
    terminal.write(
        lang == Lang::es
            ? fmt::format("\nPerfil escrito en {} (respondidas: {} de {}).\n", target, known, rubric.questions.size())
            : fmt::format("\nProfile written to {} (answered: {} of {}).\n", target, known, rubric.questions.size()));
    if (!confirm(terminal, {"Run the assessment now?", "¿Evaluar el perfil ahora?"}, lang)) {
        terminal.write(lang == Lang::es ? fmt::format("Para evaluarlo después: tne assess {}\n", target)
                                        : fmt::format("To assess it later: tne assess {}\n", target));
        return kExitOk;
    }
    CommonOptions to_terminal = common;
    to_terminal.output.clear();
    AssessOptions assess_options;
    assess_options.profile = target;
    terminal.write("\n");
    return run_assess(to_terminal, assess_options, lang);
}

void add_lang_and_output(CLI::App& command, CommonOptions& common) {
    command.add_option("--lang", common.lang, "Language of the output: en or es (default: from LANG)")
        ->check(CLI::IsMember({"en", "es"}));
    command
        .add_option("-o,--output", common.output,
                    "Write to FILE (atomically) instead of standard output (- is standard output)")
        ->type_name("FILE");
}

// tne rubrics check|test|diff|schema: rubric sets as code, checked in CI.
CLI::App* add_rubrics_commands(CLI::App& app, CommonOptions& common, RubricsOptions& options) {
    CLI::App* rubrics =
        app.add_subcommand("rubrics", "Check, test and compare rubric sets (for rubric authors and CI)");
    rubrics->require_subcommand(1);
    rubrics->footer(
        "Exit codes: 0 clean, 1 findings (check), failed cases (test) or changes with --fail-on-change\n"
        "(diff), 2 invalid input or usage, 74 the output could not be written.");

    CLI::App* check = rubrics->add_subcommand("check", "Find every mistake in a rubric set, at its file:line:column");
    check->add_option("dir", options.dir, "The rubric set's directory (default: the built-in set)")
        ->check(CLI::ExistingDirectory);
    check
        ->add_option("--format", options.format, "text, json, github (pull-request annotations) or sarif (SARIF 2.1.0)")
        ->check(CLI::IsMember({"text", "json", "github", "sarif"}))
        ->capture_default_str();
    check->add_flag("--strict", options.strict, "Warnings fail the check too");
    check
        ->add_option(
            "--source", options.source,
            "The text of the document the set cites (the Annex): every quote must be in the section its rule cites")
        ->check(readable_file())
        ->type_name("FILE");
    check->add_option("--color", options.color, "Colour: auto (on a terminal), always or never; NO_COLOR wins")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    add_lang_and_output(*check, common);

    CLI::App* test = rubrics->add_subcommand("test", "Run the rubric set's own test cases");
    test->add_option("dir", options.dir, "The rubric set's directory (default: the built-in set)")
        ->check(CLI::ExistingDirectory);
    add_lang_and_output(*test, common);

    CLI::App* diff = rubrics->add_subcommand("diff", "Re-score profiles under two rubric sets and show what moved");
    diff->add_option("old", options.old_dir, "The rubric set before the change (a directory, or 'builtin')")
        ->required();
    diff->add_option("new", options.new_dir, "The rubric set after the change (a directory, or 'builtin')")->required();
    diff->add_option("--profiles", options.profiles, "Directory of profiles (*.yaml, *.yml) to re-score")
        ->required()
        ->type_name("DIR")
        ->check(CLI::ExistingDirectory);
    diff->add_option("--format", options.format, "text, markdown (for a pull request) or json")
        ->check(CLI::IsMember({"text", "markdown", "json"}))
        ->capture_default_str();
    diff->add_option("--top", options.top, "Compare the first N recommendations, as reports show them")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    diff->add_flag("--fail-on-change", options.fail_on_change, "Exit 1 when any assessment moved or failed to load");
    add_lang_and_output(*diff, common);

    CLI::App* schema = rubrics->add_subcommand("schema", "Print the JSON Schema of rubric files, for editors");
    schema
        ->add_option("-o,--output", common.output,
                     "Write to FILE (atomically) instead of standard output (- is standard output)")
        ->type_name("FILE");
    return rubrics;
}

void add_common(CLI::App& command, CommonOptions& common) {
    command.add_option("--rubrics", common.rubrics, "Use the rubric set in DIR instead of the built-in one")
        ->type_name("DIR")
        ->check(CLI::ExistingDirectory);
    command.add_option("--lang", common.lang, "Language of the output: en or es (default: from LANG)")
        ->check(CLI::IsMember({"en", "es"}));
    command
        .add_option("-o,--output", common.output,
                    "Write to FILE (atomically) instead of standard output (- is standard output)")
        ->type_name("FILE");
}

// Where output goes: standard output, or a file put in place atomically once the run succeeds.
class OutputSink {
public:
    explicit OutputSink(const std::string& path) {
        if (!path.empty()) file_ = std::make_unique<AtomicFile>(path);
    }
    void write(std::string_view text) {
        if (file_) return file_->write(text);
        pending_ += text;  // standard output too is written in pieces of 64 KiB, each write checked
        if (pending_.size() >= 1 << 16) flush();
    }
    void commit() {
        if (file_)
            file_->commit();
        else
            flush();
    }

private:
    void flush() {
        write_standard_output(pending_);
        pending_.clear();
    }

    std::unique_ptr<AtomicFile> file_;
    std::string pending_;
};

// A one-line progress report on standard error, redrawn at most ten times a second; only on a
// terminal, so logs and pipes stay clean.
class Progress {
public:
    explicit Progress(bool enabled) : enabled_(enabled) {}
    void update(const BatchCounts& counts, Lang lang) {
        if (!enabled_) return;
        auto now = std::chrono::steady_clock::now();
        if (now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        std::string line = lang == Lang::es ? fmt::format("tne: {} leídos, {} evaluados, {} con errores...",
                                                          counts.read, counts.scored, counts.failed)
                                            : fmt::format("tne: {} read, {} scored, {} failed...", counts.read,
                                                          counts.scored, counts.failed);
        std::fprintf(stderr, "\r%s\033[K", line.c_str());
        shown_ = true;
    }
    void clear() {
        if (shown_) std::fputs("\r\033[K", stderr);
        shown_ = false;
    }

private:
    bool enabled_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point last_{};
};

std::optional<RecordFormat> record_format(const std::string& name) {
    if (name == "csv") return RecordFormat::csv;
    if (name == "jsonl") return RecordFormat::jsonl;
    if (name == "json") return RecordFormat::json;
    return std::nullopt;
}

// --records FILE takes its format from the file's extension.
RecordFormat records_file_format(const std::string& path, Lang lang) {
    std::string extension = std::filesystem::path(path).extension().string();
    if (auto format = record_format(extension.empty() ? "" : extension.substr(1))) return *format;
    throw UsageError(lang == Lang::es ? fmt::format("--records {}: la extensión debe ser .csv, .jsonl o .json", path)
                                      : fmt::format("--records {}: the extension must be .csv, .jsonl or .json", path));
}

int run_batch_command(const CommonOptions& common, const BatchCliOptions& options, Lang lang) {
    bool summary = options.summary;
    std::string format = options.format.empty() ? (summary ? "text" : "csv") : options.format;
    if (summary && format != "text" && format != "json" && format != "markdown" && format != "html")
        throw UsageError(lang == Lang::es ? "con --summary, --format es text, json, markdown o html"
                                          : "with --summary, --format is text, json, markdown or html");
    if (!summary && !record_format(format))
        throw UsageError(lang == Lang::es
                             ? "--format es csv, jsonl o json (text, json, markdown y html con --summary)"
                             : "--format is csv, jsonl or json (text, json, markdown or html with --summary)");
    ReportDate date = report_date(options.date, lang);
    if (!options.records.empty() && !summary)
        throw UsageError(lang == Lang::es ? "--records acompaña a --summary; sin él, los registros van a -o"
                                          : "--records goes with --summary; without it, records go to -o");

    std::vector<std::string> inputs = options.inputs;
    inputs.insert(inputs.end(), {options.csv_map, common.rubrics});
    std::vector<OutputPath> outputs = {{"-o", common.output}};
    if (summary && !options.records.empty()) outputs.push_back({"--records", options.records});
    keep_inputs_safe(inputs, outputs, lang);

    RubricSet rubric = load_rubrics(common);
    std::optional<SurveyMap> csv_map;
    if (!options.csv_map.empty()) csv_map = load_survey_map(options.csv_map, rubric);

    BatchOptions batch;
    batch.jobs = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    batch.lang = lang;
    batch.csv_map = csv_map ? &*csv_map : nullptr;
    batch.members = summary;
    check_batch_inputs(options.inputs, batch);

    // The records go to -o (or standard output), or with --summary to --records when given.
    std::string records_path = summary ? options.records : common.output;
    bool write_records = !summary || !options.records.empty();
    batch.format = summary ? (write_records ? records_file_format(records_path, lang) : RecordFormat::csv)
                           : *record_format(format);
    std::optional<OutputSink> records;
    if (write_records) records.emplace(records_path);

    Progress progress(!options.quiet && isatty(STDERR_FILENO));
    std::vector<CohortMember> members;
    bool first = true;
    if (records) records->write(records_begin(batch.format, rubric));
    BatchCounts counts = run_batch(
        options.inputs, rubric, batch,
        [&](BatchRecord& record) {
            if (record.skipped) {
                if (!options.quiet) {
                    progress.clear();
                    std::fprintf(stderr, "tne: %s: %s: %s\n", lang == Lang::es ? "omitido" : "skipped",
                                 record.source.file.c_str(), record.skipped->in(lang).c_str());
                }
                return;
            }
            if (records) {
                if (!first) records->write(records_separator(batch.format));
                records->write(record.text);
            }
            first = false;
            if (record.member) members.push_back(std::move(*record.member));
            if (!options.quiet) {
                progress.clear();
                for (const auto& error : record.errors)
                    std::fprintf(stderr, "tne: error: %s\n", error.str(lang).c_str());
            }
        },
        [&](const BatchCounts& so_far) { progress.update(so_far, lang); });
    progress.clear();

    if (records) {
        records->write(records_end(batch.format, first));
        records->commit();
    }
    if (summary) {
        CohortSummary cohort = summarise(members, rubric, counts.read, counts.failed);
        if (format == "json")
            emit(common, render_summary_json(cohort, lang));
        else if (format == "markdown")
            emit(common, render_summary_markdown(cohort, lang));
        else if (format == "html")
            emit(common, render_summary_html(cohort, lang, date));
        else
            emit(common, render_summary_text(cohort, lang));
    }
    if (!options.quiet) {
        std::string line = lang == Lang::es ? fmt::format("tne: {} leídos = {} evaluados + {} con errores", counts.read,
                                                          counts.scored, counts.failed)
                                            : fmt::format("tne: {} read = {} scored + {} failed", counts.read,
                                                          counts.scored, counts.failed);
        if (counts.skipped > 0)  // entries of input folders that are not profiles, each named above
            line += lang == Lang::es ? fmt::format("; {} omitidos", counts.skipped)
                                     : fmt::format("; {} skipped", counts.skipped);
        std::fprintf(stderr, "%s\n", line.c_str());
    }
    return counts.failed > 0 ? kExitSomeFailed : kExitOk;
}

CLI::App* add_diff_command(CLI::App& app, CommonOptions& common, DiffOptions& options) {
    CLI::App* diff = app.add_subcommand("diff", "Progress between two self-profiles of one institution: what changed");
    diff->add_option("old", options.old_profile, "The earlier self-profile (YAML)")->required()->check(readable_file());
    diff->add_option("new", options.new_profile, "The later self-profile (YAML)")->required()->check(readable_file());
    diff->add_option("--format", options.format, "text, json or markdown (tables, to paste into a review)")
        ->check(CLI::IsMember({"text", "json", "markdown"}))
        ->capture_default_str();
    diff->add_flag("--fail-on-regression", options.fail_on_regression,
                   "Exit 1 when the overall or a dimension score went down, or a model\n"
                   "became blocked (a CI gate; the report is still written)");
    add_common(*diff, common);
    diff->footer(
        "Both profiles are scored with the same rubric set. Lists: changed scores and levels,\n"
        "models that became feasible or blocked, recommendations resolved and new, changed answers.\n"
        "Exit codes: 0 compared (changed or not), 1 a regression with --fail-on-regression (the\n"
        "report is still written), 2 invalid input or usage (either profile invalid), 70 a bug in tne,\n"
        "74 the output could not be written.");
    return diff;
}

CLI::App* add_batch_command(CLI::App& app, CommonOptions& common, BatchCliOptions& options) {
    CLI::App* batch =
        app.add_subcommand("batch", "Score many institutions: records per institution and a cohort summary");
    batch
        ->add_option("inputs", options.inputs,
                     "Profiles: YAML files, directories (their *.yaml, *.yml), multi-document streams,\n"
                     "'-' for standard input, or CSV survey exports (with --csv-map)")
        ->required();
    batch->add_option("--csv-map", options.csv_map, "How to read *.csv inputs: columns and answer labels (YAML)")
        ->type_name("MAP")
        ->check(readable_file());
    batch
        ->add_option("--format", options.format,
                     "Records: csv (default), jsonl or json. With --summary: text (default), json, markdown\n"
                     "or html (a self-contained page with charts)")
        ->check(CLI::IsMember({"csv", "jsonl", "json", "text", "markdown", "html"}));
    batch->add_flag("--summary", options.summary,
                    "Print the cohort summary (by institution type, key barriers, models, percentiles)");
    batch
        ->add_option("--records", options.records,
                     "With --summary, also write the records to FILE (.csv, .jsonl, .json)")
        ->type_name("FILE");
    batch->add_option("-j,--jobs", options.jobs, "Score N inputs at a time (default: every core)")
        ->type_name("N")
        ->check(CLI::Range(1, 256));
    batch->add_option("--date", options.date, "The HTML summary's date (default: today, or SOURCE_DATE_EPOCH)")
        ->type_name("YYYY-MM-DD");
    batch->add_flag("-q,--quiet", options.quiet, "No progress line, error lines or final count on standard error");
    add_common(*batch, common);
    batch->footer(
        "Records come out in input order, one per institution or failed input; the run ends with\n"
        "'N read = N scored + N failed' on standard error.\n"
        "Exit codes: 0 all scored, 3 some inputs failed or gave no record (their records say why),\n"
        "2 invalid usage, 70 a bug in tne, 74 an output could not be written. Entries of an input folder\n"
        "that are not profiles (by name, links that lead nowhere, subfolders) are named on standard\n"
        "error as skipped, and counted.");
    return batch;
}

}  // namespace

static int run_command(int argc, char** argv) {
    CLI::App app{
        "tne: how ready a higher-education institution is for transnational education (TNE)\n"
        "partnerships, scored against the British Council / Ecctis Annex on TNE in Mexico.",
        "tne"};
    app.set_version_flag("--version", std::string("tne ") + TNE_VERSION);
    app.require_subcommand(1);
    app.footer(
        "Exit codes: 0 success, 1 overall readiness below --fail-under (assess), a target out of\n"
        "reach (plan), findings (rubrics), a regression with --fail-on-regression (diff) or answers\n"
        "that ended before the last question (init), 2 invalid input or usage, 3 some inputs of a\n"
        "batch failed, 70 a bug in tne, 74 an output could not be written (a full disk), 130 a\n"
        "questionnaire interrupted with Ctrl-C (init). An output that is an input is refused (2).\n"
        "Run 'tne COMMAND --help' for a command's options.");

    CommonOptions common;
    AssessOptions assess_options;
    CLI::App* assess_cmd =
        app.add_subcommand("assess", "Score a self-profile: readiness, recommendations, suggested model");
    assess_cmd->add_option("profile", assess_options.profile, "The institution's self-profile (YAML)")
        ->required()
        ->check(readable_file());
    add_common(*assess_cmd, common);
    assess_cmd
        ->add_option("--format", assess_options.format,
                     "Output format: text, json, html (a self-contained page with charts; prints on A4)\n"
                     "or markdown (GitHub-flavoured)")
        ->check(CLI::IsMember({"text", "json", "html", "markdown"}))
        ->capture_default_str();
    assess_cmd
        ->add_option("--date", assess_options.date,
                     "The report's date, YYYY-MM-DD: shown in html and markdown, and the day the\n"
                     "evidence's age is counted to (default: today, or SOURCE_DATE_EPOCH's day when set)")
        ->type_name("YYYY-MM-DD");
    assess_cmd
        ->add_option("--set", assess_options.settings,
                     "What-if: score as if PATH had VALUE (repeatable; the file is not touched), e.g.\n"
                     "--set language.faculty_b2_percent=40 --set funding.co_funding=yes; empty VALUE: unknown")
        ->type_name("PATH=VALUE")
        ->allow_extra_args(false);
    assess_cmd
        ->add_option("--evidence-max-age", assess_options.evidence_max_age,
                     "Evidence older than MONTHS is stale and counts half towards confidence\n"
                     "(default 12: a yearly review, Annex 4.1.7, 4.4)")
        ->type_name("MONTHS");
    assess_cmd->add_flag("--explain", assess_options.explain,
                         "Show how every point was reached, and every recommendation");
    assess_cmd
        ->add_option("--fail-under", assess_options.fail_under, "Exit 1 when overall readiness is below N (a CI gate)")
        ->type_name("N")
        ->check(CLI::Range(0.0, 100.0));
    assess_cmd
        ->add_option("--color", assess_options.color, "Colour: auto (on a terminal), always or never; NO_COLOR wins")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();

    PlanOptions plan_options;
    CLI::App* plan_cmd =
        app.add_subcommand("plan", "The least to change to make a model feasible: actions, effort, results");
    plan_cmd->add_option("profile", plan_options.profile, "The institution's self-profile (YAML)")
        ->required()
        ->check(readable_file());
    plan_cmd
        ->add_option("--target", plan_options.target,
                     "The model to reach, by id (default: the next step of the suggested pathway)")
        ->type_name("MODEL");
    plan_cmd->add_option("--set", plan_options.settings, "Plan from a what-if: as tne assess --set (repeatable)")
        ->type_name("PATH=VALUE")
        ->allow_extra_args(false);
    add_common(*plan_cmd, common);
    plan_cmd->add_option("--format", plan_options.format, "Output format: text, json or markdown")
        ->check(CLI::IsMember({"text", "json", "markdown"}))
        ->capture_default_str();
    plan_cmd->add_option("--color", plan_options.color, "Colour: auto (on a terminal), always or never; NO_COLOR wins")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    plan_cmd->footer(
        "The plan is the cheapest set of answer changes that lifts every blocker of the target:\n"
        "effort points low 1, medium 2, high 4, then the fewest changes (docs/planning.md).\n"
        "Exit codes: 0 a plan (or nothing to change), 1 the target cannot be reached within the\n"
        "rubric set (the output says which blocker and why), 2 invalid input or usage, 74 the\n"
        "output could not be written.");

    InitOptions init_options;
    CLI::App* init_cmd =
        app.add_subcommand("init", "Start a self-profile: a commented template, or a guided questionnaire");
    init_cmd->add_flag("-i,--interactive", init_options.interactive,
                       "Ask the questions one by one in the terminal (or read the answers piped in) and\n"
                       "write the profile to -o (default profile.yaml); resumes an interrupted run");
    init_cmd
        ->add_option("--schema", init_options.schema,
                     "Also write the profile's JSON Schema to FILE, and start the profile with a\n"
                     "'# yaml-language-server: $schema=' line pointing to it (editor completion)")
        ->type_name("FILE");
    init_cmd->add_flag("--force", init_options.force, "Let the template replace an existing -o file");
    add_common(*init_cmd, common);
    init_cmd->footer(
        "The template lists every question of the rubric set (--rubrics for another set) with its\n"
        "help, allowed answers and Annex sections, in --lang. The questionnaire keeps the answers\n"
        "in PROFILE.partial as they are given: run the same command again to resume. It completes\n"
        "an existing PROFILE by asking its unknown answers. Answers: an option's number or name,\n"
        "a number or a text; skip (omitir), back (atras), Enter keeps an answer already given.\n"
        "Exit codes: 0 written, 1 the input ended before the last question, 2 invalid input or\n"
        "usage, 74 a file could not be written, 130 interrupted with Ctrl-C (answers kept in\n"
        "PROFILE.partial).");

    CLI::App* schema_cmd = app.add_subcommand("schema", "Print the profile's JSON Schema, for editors");
    add_common(*schema_cmd, common);

    DiffOptions diff_options;
    CLI::App* diff_cmd = add_diff_command(app, common, diff_options);

    BatchCliOptions batch_options;
    CLI::App* batch_cmd = add_batch_command(app, common, batch_options);

    RubricsOptions rubrics_options;
    CLI::App* rubrics_cmd = add_rubrics_commands(app, common, rubrics_options);

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
        return kExitInvalid;
    }

    if (common.output == "-") common.output.clear();  // -o - is standard output, as in most tools
    Lang lang = choose_lang(common.lang);
    // The input limit applies to every command; a typo in it must not silently mean the default.
    if (const char* limit = std::getenv(input::kMaxBytesVariable); limit && !input::parse_size(limit)) {
        std::fprintf(stderr, "tne: error: %s=%s: %s\n", input::kMaxBytesVariable, limit,
                     lang == Lang::es ? "se espera un número de bytes mayor que 0, o con K, M o G (p. ej. 64M)"
                                      : "expected a number of bytes above 0, or with K, M or G (e.g. 64M)");
        return kExitInvalid;
    }
    try {
        if (*assess_cmd) return run_assess(common, assess_options, lang);
        if (*diff_cmd) return run_diff(common, diff_options, lang);
        if (*batch_cmd) return run_batch_command(common, batch_options, lang);
        if (*plan_cmd) return run_plan(common, plan_options, lang);
        if (*init_cmd) return run_init(common, init_options, lang);
        if (*schema_cmd) {
            keep_inputs_safe({common.rubrics}, {{"-o", common.output}}, lang);
            emit(common, render_profile_schema(load_rubrics(common)));
            return kExitOk;
        }
        if (rubrics_cmd->got_subcommand("check")) return run_rubrics_check(common, rubrics_options, lang);
        if (rubrics_cmd->got_subcommand("test")) return run_rubrics_test(common, rubrics_options, lang);
        if (rubrics_cmd->got_subcommand("diff")) return run_rubrics_diff(common, rubrics_options, lang);
        emit(common, rubric_files_schema());
        return kExitOk;
    } catch (const UsageError& e) {
        std::string command;
        for (const CLI::App* chosen = &app; chosen;
             chosen = chosen->get_subcommands().empty() ? nullptr : chosen->get_subcommands()[0])
            if (chosen != &app) command += " " + chosen->get_name();
        std::fprintf(stderr,
                     lang == Lang::es ? "tne: error: %s\n'tne%s --help' muestra cómo se usa.\n"
                                      : "tne: error: %s\nRun 'tne%s --help' for usage.\n",
                     e.what(), command.c_str());
        return kExitInvalid;
    } catch (const InputError& e) {
        for (const auto& diagnostic : e.diagnostics())
            std::fprintf(stderr, "tne: error: %s\n", diagnostic.str(lang).c_str());
        return kExitInvalid;
    } catch (const WriteError& e) {
        std::fprintf(stderr, "tne: error: %s\n", e.message().in(lang).c_str());
        return kExitCannotWrite;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tne: internal error: %s\nPlease report this as a bug.\n", e.what());
        return kExitBug;
    }
}

int run(int argc, char** argv) {
    int code = run_command(argc, argv);
    // What is still buffered for standard output (CLI11's help) must reach it too: `tne --help >
    // /dev/full` is a failed run.
    try {
        finish_standard_output();
    } catch (const WriteError& e) {
        std::fprintf(stderr, "tne: error: %s\n", e.message().in(choose_lang("")).c_str());
        return kExitCannotWrite;
    }
    return code;
}

}  // namespace tne::cli
