// tne survey: survey tools around `tne batch`. `tne survey form` writes the rubric set as a form to
// field in LimeSurvey or KoboToolbox/ODK (XLSForm), with the map that reads the tool's export;
// `tne survey map EXPORT` drafts the map that reads an export made with another tool.
#include <filesystem>
#include <string>
#include <vector>

#include "commands.hpp"
#include "tne/output.hpp"
#include "tne/survey_draft.hpp"
#include "tne/survey_form.hpp"
#include "xlsx_workbook.hpp"

namespace tne::cli {

namespace {

struct SurveyFormOptions {
    std::string tool;
    std::string map_output;  // empty: beside -o, as NAME.map.yaml
};

SurveyFormOptions form_options;

struct SurveyMapOptions {
    std::string export_file;
    std::string sheet;  // of an .xlsx export
};

SurveyMapOptions map_options;

// The extension each tool's file must have: LimeSurvey imports a survey structure by its name's .txt.
const char* extension_of(FormTool tool) { return tool == FormTool::limesurvey ? ".txt" : ".xlsx"; }

// An XLSForm's sheets, every cell as text. Its creation date is fixed, the month of the Annex, so
// that a rubric set always gives the same bytes.
void write_xlsform(const std::string& path, const std::vector<FormSheet>& sheets) {
    XlsxWorkbook workbook(path, ReportDate{2024, 12, 1}, XlsxWorkbook::Memory::whole);
    for (const FormSheet& sheet : sheets) {
        size_t at = workbook.add_sheet(sheet.name);
        for (size_t row = 0; row < sheet.rows.size(); ++row)
            for (size_t column = 0; column < sheet.rows[row].size(); ++column)
                workbook.text(at, row, column, sheet.rows[row][column]);
    }
    workbook.commit();
}

}  // namespace

void add_survey_options(CLI::App& command, CommonOptions&, Lang) { command.require_subcommand(1); }

void add_survey_form_options(CLI::App& command, CommonOptions& common, Lang lang) {
    command
        .add_option("--tool", form_options.tool,
                    tr(lang,
                       "limesurvey: LimeSurvey's survey structure (.txt, tab-separated); xlsform: an XLSForm\n"
                       "(.xlsx) for KoboToolbox and ODK",
                       "limesurvey: la estructura de encuesta de LimeSurvey (.txt, separada por tabuladores);\n"
                       "xlsform: un XLSForm (.xlsx) para KoboToolbox y ODK"))
        ->type_name(tr(lang, "TOOL", "HERRAMIENTA"))
        ->required()
        ->transform(one_of({{"limesurvey", "limesurvey"}, {"xlsform", "xlsform"}}, lang));
    command
        .add_option("--map-output", form_options.map_output,
                    tr(lang, "Write the map of the tool's export here (default: beside -o, as NAME.map.yaml)",
                       "Escribir aquí el mapa de la exportación de la herramienta (si falta: junto a -o, como\n"
                       "NOMBRE.map.yaml)"))
        ->type_name(tr(lang, "MAP", "MAPA"));
    add_common(command, common, lang);
    command.get_option("-o")->required()->description(
        tr(lang,
           "Write the form to FILE (.txt for limesurvey, .xlsx for xlsform), atomically; the\n"
           "map goes beside it",
           "Escribir el formulario en ARCHIVO (.txt para limesurvey, .xlsx para xlsform), de forma\n"
           "atómica; el mapa va junto a él"));
}

Exit run_survey_form(const CommonOptions& common, Lang lang) {
    FormTool tool = form_options.tool == "limesurvey" ? FormTool::limesurvey : FormTool::xlsform;
    if (common.output.empty())
        throw UsageError(say(lang, "-o names the form's file: the form and its map are two files",
                             "-o indica el archivo del formulario: el formulario y su mapa son dos archivos"));
    std::filesystem::path output(common.output);
    if (output.extension() != extension_of(tool))
        throw UsageError(tool == FormTool::limesurvey
                             ? say(lang, "-o {}: LimeSurvey imports a survey structure from a .txt file",
                                   "-o {}: LimeSurvey importa una estructura de encuesta desde un archivo .txt",
                                   common.output)
                             : say(lang, "-o {}: an XLSForm is an .xlsx file", "-o {}: un XLSForm es un archivo .xlsx",
                                   common.output));
    std::string map_path = form_options.map_output;
    if (map_path.empty()) map_path = std::filesystem::path(output).replace_extension(".map.yaml").string();
    keep_inputs_safe({common.rubrics}, {{"-o", common.output}, {"--map-output", map_path}}, lang);

    SurveyForm form = survey_form(load_rubrics(common), tool, lang);
    if (tool == FormTool::limesurvey)
        write_file_atomically(common.output, form.text);
    else
        write_xlsform(common.output, form.sheets);
    write_file_atomically(map_path, form.map);
    return Exit::ok;
}

void add_survey_map_options(CLI::App& command, CommonOptions& common, Lang lang) {
    command
        .add_option(tr(lang, "export", "exportación"), map_options.export_file,
                    tr(lang,
                       "The survey's export, read as `tne batch` reads it: CSV or TSV (UTF-8, UTF-16 or\n"
                       "Windows-1252; Qualtrics' and SurveyMonkey's header rows) or .xlsx",
                       "La exportación de la encuesta, leída como la lee `tne lote`: CSV o TSV (UTF-8, UTF-16\n"
                       "o Windows-1252; las filas de encabezado de Qualtrics y SurveyMonkey) o .xlsx"))
        ->type_name(tr(lang, "FILE", "ARCHIVO"))
        ->required()
        ->check(readable_file(lang));
    command
        .add_option("--sheet", map_options.sheet,
                    tr(lang, "The sheet of an .xlsx export to read (default: the first); the map names it",
                       "La hoja de una exportación .xlsx que se lee (si falta: la primera); el mapa la nombra"))
        ->type_name(tr(lang, "SHEET", "HOJA"));
    add_common(command, common, lang);
}

Exit run_survey_map(const CommonOptions& common, Lang lang) {
    // The draft never replaces the export (nor the rubric set it is drafted against).
    keep_inputs_safe({map_options.export_file, common.rubrics}, {{"-o", common.output}}, lang);
    RubricSet rubric = load_rubrics(common);
    DraftMapOptions draft{lang, map_options.export_file, map_options.sheet};
    emit(common, draft_survey_map_file(map_options.export_file, rubric, draft));
    return Exit::ok;
}

}  // namespace tne::cli
