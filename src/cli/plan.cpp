// tne plan: the least to change to make a model feasible.
#include "tne/plan.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "commands.hpp"
#include "tne/assessment.hpp"
#include "tne/render.hpp"

namespace tne::cli {

namespace {

struct PlanOptions {
    std::string profile;
    std::string target;            // a model id; empty: the next step of the suggested pathway
    std::optional<Format> format;  // empty: from -o's extension, else text
    std::string color = "auto";
    std::vector<std::string> settings;
};

PlanOptions options;

const std::vector<Format> kPlanFormats = {Format::text, Format::json, Format::markdown, Format::html};

}  // namespace

void add_plan_options(CLI::App& command, CommonOptions& common, Lang lang) {
    add_profile_argument(command, options.profile, lang);
    command
        .add_option("--target", options.target,
                    tr(lang,
                       "The model to reach, by its id or its name (default: the next step of the suggested\n"
                       "pathway)",
                       "El modelo que alcanzar, por su id o su nombre (si falta: el siguiente paso de la ruta\n"
                       "sugerida)"))
        ->type_name(tr(lang, "MODEL", "MODELO"));
    add_set_option(command, options.settings,
                   tr(lang, "Plan from a what-if: as tne assess --set (repeatable)",
                      "Planear desde una simulación: como tne evaluar --set (repetible)"),
                   lang);
    add_common(command, common, lang);
    add_format_option(
        command, options.format, kPlanFormats, Format::text,
        tr(lang, "Output format: text, json, markdown or html", "Formato de salida: texto, json, markdown o html"),
        lang);
    add_color_option(command, options.color, lang);
}

Exit run_plan(const CommonOptions& common, Lang lang) {
    keep_inputs_safe({options.profile, common.rubrics}, {{"-o", common.output}}, lang);
    Format format = output_format(options.format, common.output, kPlanFormats, Format::text, common.command, lang);
    RubricSet rubric = load_rubrics(common);
    Assessment now =
        assess_fully(load_with_settings(options.profile, options.settings, rubric), rubric, {ReportDate::today()});
    const Model* target = options.target.empty() ? next_step(now) : rubric.find_model_written(options.target);
    if (!target && !options.target.empty())
        throw UsageError("--target " + options.target + ": " + unknown_target_message(rubric, options.target).in(lang));
    if (!target) {
        std::fprintf(stderr, "tne: %s\n",
                     lang == Lang::es
                         ? "cada paso de la ruta sugerida ya es factible; indique un modelo con --target"
                         : "every step of the suggested pathway is already feasible; name a model with --target");
        return Exit::ok;
    }
    Plan plan = make_plan(now, *target);
    plan.default_target = options.target.empty();
    switch (format) {
        case Format::json:
            emit(common, render_plan_json(plan, now, lang));
            break;
        case Format::markdown:
            emit(common, render_plan_markdown(plan, now, lang));
            break;
        case Format::html:
            emit(common, render_plan_html(plan, now, lang));
            break;
        default:
            emit(common,
                 render_plan_text(plan, now, {lang, use_color(options.color, !common.output.empty()), false, 80}));
    }
    return plan.reachable ? Exit::ok : Exit::check_failed;
}

}  // namespace tne::cli
