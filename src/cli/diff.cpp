// tne diff: progress between two self-profiles of one institution.
#include <fmt/format.h>

#include <cstdio>
#include <optional>
#include <utility>

#include "commands.hpp"
#include "tne/assessment.hpp"
#include "tne/error.hpp"
#include "tne/profile_diff.hpp"

namespace tne::cli {

namespace {

struct DiffOptions {
    std::string old_profile;
    std::string new_profile;
    std::optional<Format> format;  // empty: from -o's extension, else text
    bool fail_on_regression = false;
};

DiffOptions options;

const std::vector<Format> kDiffFormats = {Format::text, Format::json, Format::markdown, Format::html};

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

}  // namespace

void add_diff_options(CLI::App& command, CommonOptions& common, Lang lang) {
    add_file_argument(command, tr(lang, "old", "anterior"), options.old_profile,
                      tr(lang, "The earlier self-profile (YAML)", "El autoperfil anterior (YAML)"), lang);
    add_file_argument(command, tr(lang, "new", "nuevo"), options.new_profile,
                      tr(lang, "The later self-profile (YAML)", "El autoperfil posterior (YAML)"), lang);
    add_format_option(command, options.format, kDiffFormats, Format::text,
                      tr(lang, "text, json, markdown (to paste into a review) or html",
                         "texto, json, markdown (para pegar en una revisión) o html"),
                      lang);
    command.add_flag("--fail-on-regression", options.fail_on_regression,
                     tr(lang,
                        "Exit 1 when the overall or a dimension score went down, or a model\n"
                        "became blocked (a CI gate; the report is still written)",
                        "Salir con 1 si el puntaje general o el de una dimensión bajó, o un modelo\n"
                        "quedó bloqueado (un control de integración continua; el informe se escribe igual)"));
    add_common(command, common, lang);
}

Exit run_diff(const CommonOptions& common, Lang lang) {
    keep_inputs_safe({options.old_profile, options.new_profile, common.rubrics}, {{"-o", common.output}}, lang);
    Format format = output_format(options.format, common.output, kDiffFormats, Format::text, common.command, lang);
    RubricSet rubric = load_rubrics(common);
    auto [old_profile, new_profile] = load_both(options.old_profile, options.new_profile, rubric);
    AssessmentOptions today{ReportDate::today()};
    Assessment before = assess_fully(std::move(old_profile), rubric, today);
    Assessment after = assess_fully(std::move(new_profile), rubric, today);
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
    switch (format) {
        case Format::json:
            emit(common, render_assessment_diff_json(diff, lang));
            break;
        case Format::markdown:
            emit(common, render_assessment_diff_markdown(diff, lang));
            break;
        case Format::html:
            emit(common, render_assessment_diff_html(diff, lang));
            break;
        default:
            emit(common, render_assessment_diff_text(diff, lang));
    }
    if (options.fail_on_regression && diff.regressed()) {
        std::fprintf(stderr, "tne: %s\n",
                     lang == Lang::es ? "un puntaje bajó o un modelo quedó bloqueado (--fail-on-regression)"
                                      : "a score went down or a model became blocked (--fail-on-regression)");
        return Exit::check_failed;
    }
    return Exit::ok;
}

}  // namespace tne::cli
