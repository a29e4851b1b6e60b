// tne assess: one profile's report.
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <optional>

#include "commands.hpp"
#include "tne/assessment.hpp"
#include "tne/render.hpp"

namespace tne::cli {

namespace {

struct AssessOptions {
    std::string profile;
    std::optional<Format> format;  // empty: from -o's extension, else text
    std::string color = "auto";
    bool explain = false;
    std::optional<double> fail_under;
    std::string date;                               // empty: today, or SOURCE_DATE_EPOCH's day
    std::vector<std::string> settings;              // --set PATH=VALUE, applied in order
    int evidence_max_age = kDefaultEvidenceMaxAge;  // months
};

AssessOptions options;

// --evidence-max-age: checked by CLI11, with the message in the report's language.
CLI::Validator months(Lang lang) {
    return CLI::Validator(
        [lang](std::string& value) -> std::string {
            char* end = nullptr;
            long number = std::strtol(value.c_str(), &end, 10);
            if (!value.empty() && *end == '\0' && number >= 1 && number <= 1200) return {};
            return say(lang, "{}: expected a whole number of months from 1 to 1200, e.g. 12 for a yearly review",
                       "{}: se espera un número entero de meses de 1 a 1200, p. ej. 12 para una revisión anual", value);
        },
        "");
}

const std::vector<Format> kAssessFormats = {Format::text, Format::json, Format::html, Format::markdown};

Exit assess_profile(const CommonOptions& common, const AssessOptions& report, Lang lang) {
    keep_inputs_safe({report.profile, common.rubrics}, {{"-o", common.output}}, lang);
    ReportDate date = report_date(report.date, lang);
    Format format = output_format(report.format, common.output, kAssessFormats, Format::text, common.command, lang);
    RubricSet rubric = load_rubrics(common);
    Assessment assessment = assess_fully(load_with_settings(report.profile, report.settings, rubric), rubric,
                                         {date, report.evidence_max_age});
    switch (format) {
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

void add_assess_options(CLI::App& command, CommonOptions& common, Lang lang) {
    add_profile_argument(command, options.profile, lang);
    add_common(command, common, lang);
    add_format_option(command, options.format, kAssessFormats, Format::text,
                      tr(lang,
                         "Output format: text, json, html (a self-contained page with charts; prints on A4)\n"
                         "or markdown (GitHub-flavoured)",
                         "Formato de salida: texto, json, html (una página autónoma con gráficos; se\n"
                         "imprime en A4) o markdown (al estilo de GitHub)"),
                      lang);
    add_date_option(command, options.date,
                    tr(lang,
                       "The report's date, YYYY-MM-DD: shown in html and markdown, and the day the\n"
                       "evidence's age is counted to (default: today, or SOURCE_DATE_EPOCH's day when set)",
                       "La fecha del informe, AAAA-MM-DD: se muestra en html y markdown, y es el día hasta\n"
                       "el que se cuenta la antigüedad de la evidencia (si falta: hoy, o el día de\n"
                       "SOURCE_DATE_EPOCH si está definido)"),
                    lang);
    add_set_option(command, options.settings,
                   tr(lang,
                      "What-if: score as if PATH had VALUE (repeatable; the file is not touched), e.g.\n"
                      "--set language.faculty_b2_percent=40 --set funding.co_funding=yes; empty VALUE: unknown",
                      "Simulación: evaluar como si RUTA tuviera VALOR (repetible; el archivo no cambia), p. ej.\n"
                      "--set idioma.porcentaje_profesores_b2=40 --set financiamiento.cofinanciamiento=sí; VALOR\n"
                      "vacío: se desconoce"),
                   lang);
    command
        .add_option("--evidence-max-age", options.evidence_max_age,
                    tr(lang,
                       "Evidence older than MONTHS is stale and counts half towards confidence\n"
                       "(default 12: a yearly review, Annex 4.1.7, 4.4)",
                       "La evidencia de más de MESES meses está vencida y cuenta la mitad para la confianza\n"
                       "(si falta: 12, una revisión anual, Anexo 4.1.7, 4.4)"))
        ->type_name(tr(lang, "MONTHS", "MESES"))
        ->check(months(lang));
    command.add_flag("--explain", options.explain,
                     tr(lang, "Show how every point was reached, and every recommendation",
                        "Mostrar cómo se llegó a cada punto, y todas las recomendaciones"));
    command
        .add_option("--fail-under", options.fail_under,
                    tr(lang, "Exit 1 when overall readiness is below N, from 0 to 100 (a CI gate)",
                       "Salir con 1 si la preparación general está por debajo de N, de 0 a 100 (un control de "
                       "integración continua)"))
        ->type_name("N")
        ->check(number_from_to(0.0, 100.0, lang));
    add_color_option(command, options.color, lang);
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
