// tne init: a commented template, or a guided questionnaire.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "commands.hpp"
#include "terminal.hpp"
#include "tne/output.hpp"
#include "tne/profile_yaml.hpp"
#include "tne/questionnaire.hpp"
#include "tne/render.hpp"

namespace tne::cli {

namespace {

struct InitOptions {
    bool interactive = false;
    bool force = false;  // the template may replace an existing file
    std::string schema;  // also write the profile's JSON Schema here, and point the profile at it
};

InitOptions options;

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

// The HTML report's file beside the profile: perfil.yaml → perfil.html (perfil.html → perfil.html.html).
std::string html_beside(const std::string& profile) {
    std::string html = std::filesystem::path(profile).replace_extension(".html").string();
    return html == profile ? profile + ".html" : html;
}

// At the end of the questionnaire: the HTML report, written beside the profile, and the text report
// on the terminal, each when the officer accepts it.
Exit offer_reports(const std::string& profile, const std::string& html, const CommonOptions& common,
                   Conversation& terminal, Lang lang) {
    bool replaces = std::filesystem::exists(html);
    LocalText write_html{
        fmt::format("Write the HTML report (charts; prints on A4) to {}{}?", html, replaces ? ", replacing it" : ""),
        fmt::format("¿Escribir el informe HTML (con gráficas; se imprime en A4) en {}{}?", html,
                    replaces ? ", que se reemplaza" : "")};
    bool wrote_html = confirm(terminal, write_html, lang);
    if (wrote_html) {
        Exit written = assess_to_file(profile, html, Format::html, common, lang);
        if (written != Exit::ok) return written;
        terminal.write(lang == Lang::es ? fmt::format("Informe HTML escrito en {}: ábralo en un navegador.\n", html)
                                        : fmt::format("HTML report written to {}: open it in a browser.\n", html));
    }
    if (!confirm(terminal, {"Show the report here too, as text?", "¿Mostrar también el informe aquí, en texto?"}, lang,
                 false)) {
        terminal.write(lang == Lang::es ? fmt::format("Para evaluarlo después: tne evaluar {}\n", profile)
                                        : fmt::format("To assess it later: tne assess {}\n", profile));
        return Exit::ok;
    }
    terminal.write("\n");
    return assess_to_standard_output(profile, common, lang);
}

}  // namespace

void add_init_options(CLI::App& command, CommonOptions& common, Lang lang) {
    command.add_flag("-i,--interactive", options.interactive,
                     tr(lang,
                        "Ask the questions one by one in the terminal (or read the answers piped in) and\n"
                        "write the profile to -o (default profile.yaml); resumes an interrupted run",
                        "Hacer las preguntas una a una en la terminal (o leer las respuestas de una tubería)\n"
                        "y escribir el perfil en -o (si falta: profile.yaml); retoma una sesión interrumpida"));
    command
        .add_option("--schema", options.schema,
                    tr(lang,
                       "Also write the profile's JSON Schema to FILE, and start the profile with a\n"
                       "'# yaml-language-server: $schema=' line pointing to it (editor completion)",
                       "Escribir también el JSON Schema del perfil en ARCHIVO, y empezar el perfil con una\n"
                       "línea '# yaml-language-server: $schema=' que lo señala (autocompletado en editores)"))
        ->type_name(tr(lang, "FILE", "ARCHIVO"));
    command.add_flag("--force", options.force,
                     tr(lang, "Let the template replace an existing -o file",
                        "Dejar que la plantilla reemplace un archivo -o que ya existe"));
    add_common(command, common, lang);
}

Exit run_init(const CommonOptions& common, Lang lang) {
    namespace fs = std::filesystem;
    // The questionnaire's profile goes to a file: standard output is the conversation.
    std::string target = options.interactive && common.output.empty() ? "profile.yaml" : common.output;
    std::vector<OutputPath> outputs = {{"-o", target}};
    if (!options.schema.empty()) outputs.push_back({"--schema", options.schema});
    // The questionnaire's progress file, and the HTML report it offers at the end.
    const std::string html = options.interactive ? html_beside(target) : "";
    if (options.interactive) {
        outputs.push_back({"", target + ".partial"});
        outputs.push_back({"", html});
    }
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
        write_file_atomically(options.schema, render_profile_schema(rubric, lang));
        yaml.schema = schema_reference(options.schema, target);
    }
    if (!options.interactive) {
        emit(common, render_profile_yaml(rubric, nullptr, yaml));
        return Exit::ok;
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
                     : unasked_questions(rubric, profile).empty()
                         ? (lang == Lang::es ? "la entrada terminó en la revisión, antes de guardar el perfil"
                                             : "the input ended at the review, before the profile was saved")
                         : (lang == Lang::es ? "la entrada terminó antes de la última pregunta"
                                             : "the input ended before the last question"),
                     kept.c_str());
        return interrupted ? Exit::interrupted : Exit::check_failed;
    }
    write_file_atomically(target, render_profile_yaml(rubric, &profile, yaml));
    fs::remove(partial);
    size_t known =
        std::count_if(profile.answers.begin(), profile.answers.end(), [](const Answer& a) { return a.known(); });
    terminal.write(
        lang == Lang::es
            ? fmt::format("\nPerfil escrito en {} (respondidas: {} de {}).\n", target, known, rubric.questions.size())
            : fmt::format("\nProfile written to {} (answered: {} of {}).\n", target, known, rubric.questions.size()));
    return offer_reports(target, html, common, terminal, lang);
}

}  // namespace tne::cli
