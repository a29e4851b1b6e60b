// tne survey: survey exports. `tne survey map EXPORT` drafts the map that `tne batch --csv-map`
// reads the export through.
#include "commands.hpp"
#include "tne/input.hpp"
#include "tne/survey_draft.hpp"

namespace tne::cli {

namespace {

struct SurveyMapOptions {
    std::string export_file;
};

SurveyMapOptions map_options;

}  // namespace

void add_survey_options(CLI::App& command, CommonOptions&, Lang) { command.require_subcommand(1); }

void add_survey_map_options(CLI::App& command, CommonOptions& common, Lang lang) {
    command
        .add_option(tr(lang, "export", "exportación"), map_options.export_file,
                    tr(lang, "The survey's CSV export, with its header row",
                       "La exportación CSV de la encuesta, con su fila de encabezados"))
        ->type_name(tr(lang, "FILE", "ARCHIVO"))
        ->required()
        ->check(readable_file(lang));
    add_common(command, common, lang);
}

Exit run_survey_map(const CommonOptions& common, Lang lang) {
    // The draft never replaces the export (nor the rubric set it is drafted against).
    keep_inputs_safe({map_options.export_file, common.rubrics}, {{"-o", common.output}}, lang);
    RubricSet rubric = load_rubrics(common);
    DraftMapOptions draft{lang, map_options.export_file};
    emit(common, draft_survey_map(input::read_file(map_options.export_file), rubric, draft));
    return Exit::ok;
}

}  // namespace tne::cli
