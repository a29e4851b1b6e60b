// tne assess: one profile's report.
#include <fmt/format.h>

#include <cstdio>
#include <optional>

#include "commands.hpp"
#include "tne/assessment.hpp"
#include "tne/render.hpp"

namespace tne::cli {

namespace {

struct AssessOptions {
    std::string profile;
    Format format = Format::text;
    std::string color = "auto";
    bool explain = false;
    std::optional<double> fail_under;
    std::string date;                               // empty: today, or SOURCE_DATE_EPOCH's day
    std::vector<std::string> settings;              // --set PATH=VALUE, applied in order
    int evidence_max_age = kDefaultEvidenceMaxAge;  // months
};

AssessOptions options;

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

Exit assess_profile(const CommonOptions& common, const AssessOptions& report, Lang lang) {
    keep_inputs_safe({report.profile, common.rubrics}, {{"-o", common.output}}, lang);
    ReportDate date = report_date(report.date, lang);
    check_evidence_max_age(report.evidence_max_age, lang);
    RubricSet rubric = load_rubrics(common);
    Assessment assessment = assess_fully(load_with_settings(report.profile, report.settings, rubric), rubric,
                                         {date, report.evidence_max_age});
    switch (report.format) {
        case Format::json:
            emit(common, render_json(assessment, lang));
            break;
        case Format::html:
            emit(common, render_html(assessment, lang, date));
            break;
        case Format::markdown:
            emit(common, render_markdown(assessment, lang, date));
            break;
        default:
            emit(common,
                 render_text(assessment, {lang, use_color(report.color, !common.output.empty()), report.explain, 80}));
    }
    if (report.fail_under && (!assessment.overall || *assessment.overall < *report.fail_under)) {
        std::fprintf(stderr, "tne: %s\n",
                     lang == Lang::es ? "la preparación general está por debajo de --fail-under"
                                      : "overall readiness is below --fail-under");
        return Exit::check_failed;
    }
    return Exit::ok;
}

}  // namespace

void add_assess_options(CLI::App& command, CommonOptions& common) {
    command.add_option("profile", options.profile, "The institution's self-profile (YAML)")
        ->required()
        ->check(readable_file());
    add_common(command, common);
    add_format_option(command, options.format, {Format::text, Format::json, Format::html, Format::markdown},
                      "Output format: text, json, html (a self-contained page with charts; prints on A4)\n"
                      "or markdown (GitHub-flavoured)");
    command
        .add_option("--date", options.date,
                    "The report's date, YYYY-MM-DD: shown in html and markdown, and the day the\n"
                    "evidence's age is counted to (default: today, or SOURCE_DATE_EPOCH's day when set)")
        ->type_name("YYYY-MM-DD");
    command
        .add_option("--set", options.settings,
                    "What-if: score as if PATH had VALUE (repeatable; the file is not touched), e.g.\n"
                    "--set language.faculty_b2_percent=40 --set funding.co_funding=yes; empty VALUE: unknown")
        ->type_name("PATH=VALUE")
        ->allow_extra_args(false);
    command
        .add_option("--evidence-max-age", options.evidence_max_age,
                    "Evidence older than MONTHS is stale and counts half towards confidence\n"
                    "(default 12: a yearly review, Annex 4.1.7, 4.4)")
        ->type_name("MONTHS");
    command.add_flag("--explain", options.explain, "Show how every point was reached, and every recommendation");
    command.add_option("--fail-under", options.fail_under, "Exit 1 when overall readiness is below N (a CI gate)")
        ->type_name("N")
        ->check(CLI::Range(0.0, 100.0));
    add_color_option(command, options.color);
}

Exit run_assess(const CommonOptions& common, Lang lang) { return assess_profile(common, options, lang); }

Exit assess_to_standard_output(const std::string& profile, const CommonOptions& common, Lang lang) {
    CommonOptions to_terminal = common;
    to_terminal.output.clear();
    AssessOptions defaults;
    defaults.profile = profile;
    return assess_profile(to_terminal, defaults, lang);
}

Exit assess_to_file(const std::string& profile, const std::string& path, Format format, const CommonOptions& common,
                    Lang lang) {
    CommonOptions to_file = common;
    to_file.output = path;
    AssessOptions defaults;
    defaults.profile = profile;
    defaults.format = format;
    return assess_profile(to_file, defaults, lang);
}

}  // namespace tne::cli
