// The command line: CLI11 wiring only. The commands are a table (kCommands), each in its own file;
// this file registers them, runs the one chosen, and catches errors once, here, mapping them to the
// exit codes of common.hpp's Exit.
#include "cli.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "commands.hpp"
#include "parse_errors.hpp"
#include "tne/error.hpp"
#include "tne/input.hpp"
#include "tne/output.hpp"
#include "tne/text.hpp"

namespace tne::cli {

namespace {

// Every command, in the order `tne --help` lists them; a group comes before its commands.
constexpr Command kCommands[] = {
    {"assess",
     "evaluar",
     {"Score a self-profile: readiness, recommendations, suggested model",
      "Evaluar un autoperfil: preparación, recomendaciones, modelo sugerido"},
     {"", ""},
     add_assess_options,
     run_assess},
    {"plan",
     "plan",
     {"The least to change to make a model feasible: actions, effort, results",
      "Lo mínimo que cambiar para que un modelo sea factible: acciones, esfuerzo, resultados"},
     {"The plan is the cheapest set of answer changes that lifts every blocker of the target:\n"
      "effort points low 1, medium 2, high 4, then the fewest changes (docs/planning.md). A target\n"
      "that cannot be reached within the rubric set exits 1; the output says which blocker and why.",
      "El plan es el conjunto más barato de cambios de respuesta que levanta cada bloqueo de la\n"
      "meta: puntos de esfuerzo bajo 1, medio 2, alto 4, y luego el menor número de cambios\n"
      "(docs/planning.md). Una meta inalcanzable con el conjunto de rúbricas sale con 1; la salida\n"
      "dice qué bloqueo y por qué."},
     add_plan_options,
     run_plan},
    {"init",
     "iniciar",
     {"Start a self-profile: a commented template, or a guided questionnaire",
      "Empezar un autoperfil: una plantilla comentada, o un cuestionario guiado"},
     {"The template lists every question of the rubric set (--rubrics for another set) with its\n"
      "help, allowed answers and Annex sections, in --lang. The questionnaire keeps the answers\n"
      "in PROFILE.partial as they are given: run the same command again to resume. It completes\n"
      "an existing PROFILE by asking its unknown answers. Answers: an option's number or name,\n"
      "a number or a text; skip or don't know leaves it unknown, back returns, ? or help shows the\n"
      "question's help, Enter keeps an answer already given. At the end: a review of every answer\n"
      "(Enter saves, a number changes that answer), then the HTML report beside the profile.",
      "La plantilla lista cada pregunta del conjunto de rúbricas (--rubrics para otro conjunto)\n"
      "con su ayuda, respuestas admitidas y secciones del Anexo, en --lang. El cuestionario guarda\n"
      "las respuestas en PERFIL.partial a medida que se dan: la misma orden lo retoma. Completa un\n"
      "PERFIL existente preguntando sus respuestas desconocidas. Respuestas: el número o el nombre\n"
      "de una opción, un número o un texto; omitir o no sé la deja desconocida, atrás vuelve, ? o\n"
      "ayuda muestra la ayuda de la pregunta, Intro conserva una respuesta ya dada. Al final: una\n"
      "revisión de todas las respuestas (Intro guarda, un número cambia esa respuesta), y luego el\n"
      "informe HTML junto al perfil."},
     add_init_options,
     run_init},
    {"schema",
     "esquema",
     {"Print the profile's JSON Schema, for editors", "Escribir el JSON Schema del perfil, para los editores"},
     {"", ""},
     add_schema_options,
     run_schema},
    {"diff",
     "comparar",
     {"Progress between two self-profiles of one institution: what changed",
      "Avance entre dos autoperfiles de una institución: qué cambió"},
     {"Both profiles are scored with the same rubric set. Lists: changed scores and levels,\n"
      "models that became feasible or blocked, recommendations resolved and new, changed answers.",
      "Ambos perfiles se evalúan con el mismo conjunto de rúbricas. Lista: puntajes y niveles que\n"
      "cambiaron, modelos que se volvieron factibles o quedaron bloqueados, recomendaciones\n"
      "resueltas y nuevas, respuestas que cambiaron."},
     add_diff_options,
     run_diff},
    {"batch",
     "lote",
     {"Score many institutions: records per institution and a cohort summary",
      "Evaluar muchas instituciones: registros por institución y un resumen de la cohorte"},
     {"Records come out in input order, one per institution or failed input; the run ends with\n"
      "'N read = N scored + N failed' on standard error. An input that gives no record has failed.\n"
      "Entries of an input folder that are not profiles (by name, links that lead nowhere,\n"
      "subfolders) are named on standard error as skipped, and counted. A survey map with\n"
      "institution_column gives one record per institution of several respondents, with the\n"
      "questions they disagree on. -o FILE.xlsx writes the records as a spreadsheet.",
      "Los registros salen en el orden de las entradas, uno por institución o entrada fallida; la\n"
      "ejecución termina con 'N leídos = N evaluados + N con errores' en la salida de errores. Una\n"
      "entrada que no da registro ha fallado. Lo que en una carpeta de entrada no es un perfil\n"
      "(por su nombre, enlaces que no llevan a nada, subcarpetas) se nombra como omitido en la\n"
      "salida de errores, y se cuenta. Un mapa de encuesta con institution_column da un registro\n"
      "por institución de varias personas, con las preguntas en que no coinciden. -o ARCHIVO.xlsx\n"
      "escribe los registros como hoja de cálculo."},
     add_batch_options,
     run_batch},
    {"survey",
     "encuesta",
     {"Survey tools around batch: the rubric set as a form to field, a map drafted from an export",
      "Herramientas de encuesta para lote: el conjunto de rúbricas como un formulario que aplicar, el borrador del "
      "mapa de una exportación"},
     {"", ""},
     add_survey_options,
     nullptr},
    {"survey form",
     "formulario",
     {"The rubric set as a form for LimeSurvey or KoboToolbox/ODK, with the map of its export",
      "El conjunto de rúbricas como formulario para LimeSurvey o KoboToolbox/ODK, con el mapa de su exportación"},
     {"Every question of the set, a group per block (the institution, then each dimension), in\n"
      "English and Spanish (--lang first), each choice with a \"Don't know\" option unless the\n"
      "question is required, each list with \"None of these\". The map (beside -o, or --map-output)\n"
      "reads the tool's CSV export of the responses: tne batch export.csv --csv-map MAP.\n"
      "docs/batch.md says how to import the form and export the responses in each tool.",
      "Todas las preguntas del conjunto, un grupo por bloque (la institución y luego cada\n"
      "dimensión), en inglés y español (primero --lang), cada opción múltiple con \"No sé\" salvo\n"
      "si la pregunta es obligatoria, cada lista con \"Ninguna de estas\". El mapa (junto a -o, o\n"
      "--map-output) lee la exportación CSV de las respuestas: tne lote exportación.csv --csv-map\n"
      "MAPA. docs/batch.md explica cómo importar el formulario y exportar las respuestas."},
     add_survey_form_options,
     run_survey_form},
    {"survey map",
     "mapa",
     {"Draft the map (--csv-map) of a survey's export (CSV, TSV, .xlsx) from its header and answers",
      "Borrador del mapa (--csv-map) de una encuesta exportada (CSV, TSV, .xlsx), desde sus encabezados y "
      "respuestas"},
     {"Each column is matched to the question whose text (in English or Spanish) reads most like\n"
      "its header, and each answer to the value it reads most like; the draft shows every score.\n"
      "A question written one column per option becomes `options:`. A column whose question is\n"
      "uncertain is left as a TODO entry with its candidates, which `tne batch` refuses until it is\n"
      "resolved.\n"
      "The export is read as `tne batch` reads it; what was found (encoding, delimiter, header\n"
      "rows) is said in a comment and left for `tne batch` to find again.\n"
      "Written to -o (never over the export) or standard output; commented in --lang.",
      "Cada columna se asocia con la pregunta cuyo texto (en español o en inglés) más se parece a\n"
      "su encabezado, y cada respuesta con el valor al que más se parece; el borrador muestra cada\n"
      "puntaje. Una pregunta escrita en una columna por opción se vuelve `options:`. Una columna\n"
      "cuya pregunta es dudosa queda como entrada TODO con sus candidatos, que `tne lote` rechaza\n"
      "hasta que se resuelva. La exportación se lee como la lee `tne lote`; lo encontrado\n"
      "(codificación, delimitador, filas de encabezado) se dice en un comentario y `tne lote` lo\n"
      "vuelve a encontrar.\n"
      "Se escribe en -o (nunca sobre la exportación) o en la salida estándar; comentado en --lang."},
     add_survey_map_options,
     run_survey_map},
    {"rubrics",
     "rúbricas",
     {"Check, test and compare rubric sets (for rubric authors and CI)",
      "Revisar, probar y comparar conjuntos de rúbricas (para autores de rúbricas e integración continua)"},
     {"", ""},
     add_rubrics_options,
     nullptr},
    {"rubrics check",
     "revisar",
     {"Find every mistake in a rubric set, at its file:line:column",
      "Encontrar cada error de un conjunto de rúbricas, en su archivo:línea:columna"},
     {"", ""},
     add_rubrics_check_options,
     run_rubrics_check},
    {"rubrics test",
     "probar",
     {"Run the rubric set's own test cases", "Ejecutar los casos de prueba del propio conjunto de rúbricas"},
     {"", ""},
     add_rubrics_test_options,
     run_rubrics_test},
    {"rubrics diff",
     "comparar",
     {"Re-score profiles under two rubric sets and show what moved",
      "Volver a evaluar perfiles con dos conjuntos de rúbricas y mostrar qué se movió"},
     {"", ""},
     add_rubrics_diff_options,
     run_rubrics_diff},
    {"rubrics schema",
     "esquema",
     {"Print the JSON Schema of rubric files, for editors",
      "Escribir el JSON Schema de los archivos de rúbricas, para los editores"},
     {"", ""},
     add_rubrics_schema_options,
     run_rubrics_schema},
};

// A command's --help footer: its notes, then the exit codes.
std::string footer(const Message& notes, Lang lang) {
    const char* text = tr(lang, notes.en, notes.es);
    return *text ? std::string(text) + "\n" + exit_codes_text(lang) : exit_codes_text(lang);
}

// CLI11's labels and the type names it gives options without one of their own, in Spanish.
constexpr std::pair<const char*, const char*> kSpanishLabels[] = {
    {"Usage", "Uso"},
    {"OPTIONS", "OPCIONES"},
    {"SUBCOMMAND", "ORDEN"},
    {"SUBCOMMANDS", "ÓRDENES"},
    {"Positionals", "Argumentos"},
    {"REQUIRED", "OBLIGATORIO"},
    {"Env", "Variable"},
    {"Needs", "Requiere"},
    {"Excludes", "Excluye"},
    {"TEXT", "TEXTO"},
    {"INT", "ENTERO"},
    {"FLOAT", "NÚMERO"},
};

// CLI11's help with its labels in the run's language (the groups' names are set where the options
// and commands are added).
std::shared_ptr<CLI::Formatter> help_formatter(Lang lang) {
    auto formatter = std::make_shared<CLI::Formatter>();
    if (lang == Lang::es)
        for (const auto& label : kSpanishLabels) formatter->label(label.first, label.second);
    return formatter;
}

int run_command(int argc, char** argv) {
    // The help and the parser's errors are in the run's language, so it is known before CLI11 starts.
    Lang lang = lang_of_command_line(argc, argv);
    CLI::App app{tr(lang,
                    "tne: how ready a higher-education institution is for transnational education (TNE)\n"
                    "partnerships, scored against the British Council / Ecctis Annex on TNE in Mexico.",
                    "tne: qué tan preparada está una institución de educación superior para alianzas de\n"
                    "educación transnacional (TNE), según el Anexo del British Council / Ecctis sobre TNE en\n"
                    "México."),
                 "tne"};
    app.formatter(help_formatter(lang));
    app.option_defaults()->group(tr(lang, "Options", "Opciones"));
    const char* help = tr(lang, "Print this help message and exit", "Mostrar esta ayuda y salir");
    app.set_help_flag("-h,--help", help);
    app.set_version_flag("--version", std::string("tne ") + TNE_VERSION,
                         tr(lang, "Display program version information and exit", "Mostrar la versión de tne y salir"));
    app.require_subcommand(1);
    app.footer(exit_codes_text(lang) + tr(lang, "\nRun 'tne COMMAND --help' for a command's options.",
                                          "\n'tne ORDEN --help' muestra las opciones de una orden."));

    CommonOptions common;
    std::string top_lang;  // `tne --lang es --help`: read above, accepted here
    add_lang(app, top_lang, lang);
    std::map<const CLI::App*, const Command*> commands;
    std::map<std::string, CLI::App*> groups;  // by English name
    for (const Command& command : kCommands) {
        std::string name = command.name;
        CLI::App* parent = &app;
        if (size_t space = name.find(' '); space != std::string::npos) {
            parent = groups.at(name.substr(0, space));
            name = name.substr(space + 1);
        }
        // Named in the run's language, taken in both (and the Spanish word without its accents).
        const std::string spanish = command.spanish;
        CLI::App* subcommand = parent->add_subcommand(lang == Lang::es ? spanish : name,
                                                      tr(lang, command.description.en, command.description.es));
        for (const std::string& other : {name, spanish, typed_key(spanish)})
            if (other != subcommand->get_name() && !subcommand->check_name(other)) subcommand->alias(other);
        groups[name] = subcommand;
        subcommand->group(tr(lang, "Subcommands", "Órdenes"));
        subcommand->set_help_flag("-h,--help", help);  // again, now in the group of the run's language
        subcommand->footer(footer(command.notes, lang));
        command.add_options(*subcommand, common, lang);
        commands[subcommand] = &command;
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        UsageMessage usage = parse_error_message(e, app, argc, argv, lang);
        std::fprintf(stderr,
                     tr(lang, "tne: error: %s\nRun 'tne%s --help' for usage.\n",
                        "tne: error: %s\n'tne%s --help' muestra cómo se usa.\n"),
                     usage.text.c_str(), usage.path.c_str());
        return static_cast<int>(Exit::invalid);
    }

    // The command chosen: the innermost subcommand given (a group requires one of its own).
    const CLI::App* chosen = &app;
    std::string path;  // "assess", "rubrics check"
    while (!chosen->get_subcommands().empty()) {
        chosen = chosen->get_subcommands()[0];
        path += " " + chosen->get_name();
    }
    const Command& command = *commands.at(chosen);
    common.command = path.substr(1);

    if (common.output == "-") common.output.clear();  // -o - is standard output, as in most tools
    // The input limit applies to every command; a typo in it must not silently mean the default.
    if (const char* limit = std::getenv(input::kMaxBytesVariable); limit && !input::parse_size(limit)) {
        std::fprintf(stderr, "tne: error: %s=%s: %s\n", input::kMaxBytesVariable, limit,
                     lang == Lang::es ? "se espera un número de bytes mayor que 0, o con K, M o G (p. ej. 64M)"
                                      : "expected a number of bytes above 0, or with K, M or G (e.g. 64M)");
        return static_cast<int>(Exit::invalid);
    }
    try {
        return static_cast<int>(command.run(common, lang));
    } catch (const UsageError& e) {
        std::fprintf(stderr,
                     lang == Lang::es ? "tne: error: %s\n'tne%s --help' muestra cómo se usa.\n"
                                      : "tne: error: %s\nRun 'tne%s --help' for usage.\n",
                     e.what(), path.c_str());
        return static_cast<int>(Exit::invalid);
    } catch (const InputError& e) {
        for (const auto& diagnostic : e.diagnostics())
            std::fprintf(stderr, "tne: error: %s\n", diagnostic.str(lang).c_str());
        return static_cast<int>(Exit::invalid);
    } catch (const WriteError& e) {
        std::fprintf(stderr, "tne: error: %s\n", e.message().in(lang).c_str());
        return static_cast<int>(Exit::cannot_write);
    } catch (const std::exception& e) {
        std::fprintf(stderr,
                     tr(lang, "tne: internal error: %s\nPlease report this as a bug.\n",
                        "tne: error interno: %s\nPor favor, repórtelo como un error de programación.\n"),
                     e.what());
        return static_cast<int>(Exit::bug);
    }
}

}  // namespace

int run(int argc, char** argv) {
    int code = run_command(argc, argv);
    // What is still buffered for standard output (CLI11's help) must reach it too: `tne --help >
    // /dev/full` is a failed run.
    try {
        finish_standard_output();
    } catch (const WriteError& e) {
        std::fprintf(stderr, "tne: error: %s\n", e.message().in(lang_of_command_line(argc, argv)).c_str());
        return static_cast<int>(Exit::cannot_write);
    }
    return code;
}

}  // namespace tne::cli
