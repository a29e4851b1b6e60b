// tne init: the commented template, the profiles it writes, and the guided questionnaire, driven by
// a script, by piped answers and on a pseudo-terminal as a person would use it.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "pty_session.hpp"
#include "support.hpp"
#include "tne/profile.hpp"
#include "tne/profile_yaml.hpp"
#include "tne/questionnaire.hpp"
#include "tne/render.hpp"

using namespace tne;
using namespace tne::test;

namespace {

// A conversation read from a list of lines; then the end of input, or an interrupt.
class Script : public Conversation {
public:
    explicit Script(std::vector<std::string> lines, InputLine::Status end = InputLine::Status::end_of_input)
        : lines_(std::move(lines)), end_(end) {}
    InputLine read_line() override {
        if (next_ < lines_.size()) return {InputLine::Status::line, lines_[next_++]};
        return {end_, {}};
    }
    void write(std::string_view text) override { out.append(text); }
    std::string out;

private:
    std::vector<std::string> lines_;
    InputLine::Status end_;
    size_t next_ = 0;
};

const Question& question(const std::string& path) {
    const Question* q = default_rubrics().find_question(path);
    REQUIRE(q);
    return *q;
}

// The questionnaire asks every question of the set, in its order: "Question N of TOTAL".
size_t total_questions() { return default_rubrics().questions.size(); }

size_t number_of(const std::string& path) {
    const auto& questions = default_rubrics().questions;
    for (size_t i = 0; i < questions.size(); ++i)
        if (questions[i].path == path) return i + 1;
    FAIL("no question " << path);
    return 0;
}

// The known answers, by path: what two profiles must share to be the same self-assessment.
std::vector<std::pair<std::string, Value>> known_answers(const Profile& profile) {
    std::vector<std::pair<std::string, Value>> known;
    for (const auto& answer : profile.answers)
        if (answer.known()) known.emplace_back(answer.question->path, answer.value);
    return known;
}

// What an officer would type, in `lang`, to give `profile`'s answers: the labels of options, the
// numbers, the texts, and "skip" for an unknown answer.
std::vector<std::string> typed_answers(const Profile& profile, Lang lang) {
    std::vector<std::string> lines;
    for (const auto& q : default_rubrics().questions) {
        const Answer* answer = profile.find(q);
        auto label = [&](const std::string& id) { return q.find_value(id)->label.in(lang); };
        if (!answer || !answer->known()) {
            lines.push_back(lang == Lang::es ? "omitir" : "skip");
        } else if (const auto* number = std::get_if<double>(&answer->value)) {
            lines.push_back(format_number(*number, 6));
        } else if (const auto* text = std::get_if<std::string>(&answer->value)) {
            lines.push_back(q.type == QuestionType::text ? *text : label(*text));
        } else {
            const auto& items = std::get<std::vector<std::string>>(answer->value);
            std::string line;
            for (const auto& item : items) line += (line.empty() ? "" : ", ") + label(item);
            lines.push_back(items.empty() ? (lang == Lang::es ? "ninguna" : "none") : line);
        }
    }
    return lines;
}

// Text with every run of spaces and line breaks as one space: what a wrapped paragraph says,
// wherever its lines break.
std::string flat(const std::string& text) {
    std::string out;
    for (char c : text) {
        bool space = c == ' ' || c == '\n';
        if (!space)
            out += c;
        else if (out.empty() || out.back() != ' ')
            out += ' ';
    }
    return out;
}

// `out` says `text`, however either is wrapped.
bool says(const std::string& out, const std::string& text) { return flat(out).find(flat(text)) != std::string::npos; }

std::vector<std::pair<std::string, Value>> sorted(std::vector<std::pair<std::string, Value>> answers) {
    std::sort(answers.begin(), answers.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return answers;
}

std::string joined_lines(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) text += line + "\n";
    return text;
}

// For every key of the template, the comment lines just above it joined into one text.
std::map<std::string, std::string> comments_by_key(const std::string& yaml) {
    std::map<std::string, std::string> found;
    std::istringstream in(yaml);
    std::string line, block, comment;
    while (std::getline(in, line)) {
        if (line.rfind("  # ", 0) == 0) {
            comment += (comment.empty() ? "" : " ") + line.substr(4);
        } else if (line.rfind("  ", 0) == 0 && line.find(':') != std::string::npos) {
            found[block + "." + line.substr(2, line.find(':') - 2)] = comment;
            comment.clear();
        } else if (!line.empty() && line[0] != '#' && line.back() == ':') {
            block = line.substr(0, line.size() - 1);
            comment.clear();
        }
    }
    return found;
}

}  // namespace

TEST_CASE("tne init writes every question of the rubric set, commented with its help, answers and Annex sections",
          "[init]") {
    for (Lang lang : {Lang::en, Lang::es}) {
        std::string code(lang_code(lang));
        RunResult run = run_tne({"init", "--lang", code});
        REQUIRE(run.exit_code == 0);
        std::map<std::string, std::string> comments = comments_by_key(run.out);
        const RubricSet& rubric = default_rubrics();
        CHECK(comments.size() == rubric.questions.size());
        for (const auto& q : rubric.questions) {
            INFO(code << " " << q.path);
            REQUIRE(comments.count(q.written_path(lang)) == 1);  // the keys of the template's language
            const std::string& comment = comments[q.written_path(lang)];
            CHECK_THAT(comment, Catch::Contains(q.text.in(lang)));
            CHECK_THAT(comment, Catch::Contains(q.help.in(lang)));
            CHECK_THAT(comment, Catch::Contains(allowed_answers(q).in(lang)));
            for (const auto& section : question_annex(rubric, q)) CHECK_THAT(comment, Catch::Contains(section));
        }
        // Every scored question names the Annex section of its criterion.
        CHECK_THAT(comments[lang == Lang::es ? "financiamiento.presupuesto_propio" : "funding.dedicated_budget"],
                   Catch::Contains(lang == Lang::es ? "Anexo: 4.1.5." : "Annex: 4.1.5."));
        // All unanswered: the template is a profile with only unknown answers, but for the required ones.
        YAML::Node root = YAML::Load(run.out);
        for (const auto& q : rubric.questions)
            CHECK(root[rubric.written_block(q.block, lang)][q.written_key(lang)].IsNull());
    }
}

TEST_CASE("a template with its required answers filled in is a profile tne assesses, every other answer unknown",
          "[init]") {
    TempDir dir;
    std::filesystem::path profile = dir.path() / "profile.yaml";
    REQUIRE(run_tne({"init", "-o", profile.string()}).exit_code == 0);
    replace_once(profile, "  name:\n", "  name: Universidad de la Costa\n");
    replace_once(profile, "  type:\n", "  type: public_university\n");
    RunResult run = run_tne({"assess", profile.string(), "--format", "json"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.out, Catch::Contains("\"coverage\": 0"));

    // Unfilled, it names the first required answer missing.
    REQUIRE(run_tne({"init", "-o", profile.string(), "--force"}).exit_code == 0);
    RunResult empty = run_tne({"assess", profile.string()});
    CHECK(empty.exit_code == 2);
    CHECK_THAT(empty.err, Catch::Contains("institution.name is required"));
}

TEST_CASE("a custom rubric set gets its own template", "[init]") {
    RunResult run = run_tne({"init", "--rubrics", "tests/rubrics/plan-small"});
    REQUIRE(run.exit_code == 0);
    RubricSet custom = load_rubric_set(directory_rubric_files((source_dir() / "tests/rubrics/plan-small").string()));
    std::map<std::string, std::string> comments = comments_by_key(run.out);
    CHECK(comments.size() == custom.questions.size());
    for (const auto& q : custom.questions) CHECK(comments.count(q.path) == 1);
    CHECK(comments.count("funding.dedicated_budget") == 0);
    CHECK_THAT(run.out, Catch::Contains("rubric set " + custom.id));
}

TEST_CASE("tne init never replaces a file by accident, and --schema links the profile to its schema", "[init]") {
    TempDir dir;
    std::filesystem::path profile = dir.path() / "profile.yaml";
    write_file(profile, "institution: {name: Mine, type: public_university}\n");
    RunResult refused = run_tne({"init", "-o", profile.string()});
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Catch::Contains("exists: use --force"));
    CHECK(read_file(profile) == "institution: {name: Mine, type: public_university}\n");

    std::filesystem::create_directories(dir.path() / "schemas");
    std::filesystem::path schema = dir.path() / "schemas" / "profile.schema.json";
    RunResult forced = run_tne({"init", "-o", profile.string(), "--force", "--schema", schema.string()});
    REQUIRE(forced.exit_code == 0);
    CHECK(read_file(profile).rfind("# yaml-language-server: $schema=schemas/profile.schema.json\n", 0) == 0);
    CHECK(read_file(schema) == render_profile_schema(default_rubrics()));
}

TEST_CASE("a profile written by tne init reads back with the same answers and evidence", "[init]") {
    for (const auto& path : example_profiles()) {
        Profile original = load_profile_file(path.string(), default_rubrics());
        for (Lang lang : {Lang::en, Lang::es}) {
            INFO(path.filename().string() << " " << lang_code(lang));
            std::string written = render_profile_yaml(default_rubrics(), &original, {lang, {}, false});
            Profile read = load_profile(written, "written.yaml", default_rubrics());
            CHECK(known_answers(read) == known_answers(original));
            REQUIRE(read.evidence.size() == original.evidence.size());
            for (size_t i = 0; i < read.evidence.size(); ++i) {
                CHECK(read.evidence[i].question == original.evidence[i].question);
                CHECK(read.evidence[i].source == original.evidence[i].source);
                CHECK(read.evidence[i].date == original.evidence[i].date);
                CHECK(read.evidence[i].owner == original.evidence[i].owner);
            }
        }
    }
}

TEST_CASE("texts are written so that YAML reads back the same string", "[init]") {
    const std::vector<std::string> texts = {"Universidad Autónoma del Pacífico",
                                            "Instituto #2",
                                            "Campus: Norte",
                                            "null",
                                            "True",
                                            "123",
                                            "1e3",
                                            "-menos",
                                            " espacio",
                                            "espacio ",
                                            "Ñandú",
                                            "comillas \"dobles\"",
                                            "barra \\ inversa",
                                            "tab\there",
                                            "[corchetes]",
                                            "a, b",
                                            "yes",
                                            "~",
                                            "línea\nnueva",
                                            "o'Higgins",
                                            "&ancla",
                                            "*alias",
                                            "%porcentaje"};
    for (const auto& text : texts) {
        INFO(text << " -> " << yaml_scalar(text));
        YAML::Node node = YAML::Load("name: " + yaml_scalar(text))["name"];
        REQUIRE(node.IsScalar());
        CHECK(node.Scalar() == text);
        // A string in YAML 1.2's core schema too: quoted, or a plain word no schema reads otherwise.
        bool quoted = yaml_scalar(text).front() == '"';
        if (!quoted) CHECK(std::isalpha(static_cast<unsigned char>(text.front())) | (text.front() & 0x80));
    }
    CHECK(yaml_scalar("Universidad Autónoma del Pacífico") == "Universidad Autónoma del Pacífico");
    CHECK(yaml_scalar("null") == "\"null\"");
    CHECK(yaml_scalar("123") == "\"123\"");
    CHECK(yaml_value(Value{12.5}) == "12.5");
    CHECK(yaml_value(Value{14000.0}) == "14000");
    CHECK(yaml_value(Value{std::vector<std::string>{}}) == "[]");
}

TEST_CASE("typed answers: an option's number, id or label in either language, case and accents aside", "[init]") {
    const RubricSet& rubric = default_rubrics();
    auto value = [&](const std::string& path, const std::string& typed) {
        TypedAnswer answer = read_typed_answer(rubric, question(path), typed);
        INFO(path << " <- " << typed << ": " << answer.error.en);
        REQUIRE(answer.value);
        return *answer.value;
    };
    using List = std::vector<std::string>;
    CHECK(value("institution.type", "2") == Value{std::string("private_university")});
    CHECK(value("institution.type", "private_university") == Value{std::string("private_university")});
    CHECK(value("institution.type", "universidad PUBLICA") == Value{std::string("public_university")});
    CHECK(value("institution.type", "Research centre") == Value{std::string("research_center")});
    CHECK(value("funding.dedicated_budget", "si") == Value{std::string("yes")});
    CHECK(value("funding.dedicated_budget", "Sí") == Value{std::string("yes")});
    CHECK(value("institution.fields", "STEM (ciencia, tecnología, ingeniería, matemáticas), Negocios") ==
          Value{List{"stem", "business"}});
    CHECK(value("institution.fields", "[3, education]") == Value{List{"health", "education"}});
    CHECK(value("institution.fields", "ninguna") == Value{List{}});
    CHECK(value("language.faculty_b2_percent", "40%") == Value{40.0});
    CHECK(value("language.faculty_b2_percent", "12,5") == Value{12.5});
    CHECK(value("language.faculty_b2_percent", " 12.5 % ") == Value{12.5});
    CHECK(value("institution.students", "1200") == Value{1200.0});
    CHECK(value("institution.name", "Universidad: Campus #2") == Value{std::string("Universidad: Campus #2")});

    auto error = [&](const std::string& path, const std::string& typed) {
        TypedAnswer answer = read_typed_answer(rubric, question(path), typed);
        CHECK_FALSE(answer.value);
        return answer.error;
    };
    CHECK(error("institution.type", "9").es ==
          "No hay opción 9: escriba un número del 1 al 4, o el nombre de una opción.");
    // A typo is answered with the label it is closest to, in each language.
    LocalText typo = error("institution.type", "publik_university");
    CHECK(typo.en ==
          "\"publik_university\" is not one of the options (did you mean \"Public university\"?): type its "
          "number or its name.");
    CHECK_THAT(typo.es, Catch::Contains("(¿quiso decir \"Universidad pública\"?)"));
    CHECK_THAT(error("institution.type", "Universidad privad").en,
               Catch::Contains("did you mean \"Private university\"?"));
    // Too short a word to guess from: "x" is two edits from both "sí" and "no".
    CHECK(error("funding.dedicated_budget", "x").es ==
          "\"x\" no es una de las opciones: escriba su número o su nombre.");
    CHECK(read_typed_answer(rubric, question("institution.type"), "9").list_options);
    CHECK_FALSE(read_typed_answer(rubric, question("institution.students"), "-5").list_options);
    CHECK_THAT(error("language.faculty_b2_percent", "101").en, Catch::Contains("a number from 0 to 100"));
    CHECK_THAT(error("institution.students", "1,200").en, Catch::Contains("a whole number in 0 .. 500000"));
    CHECK_THAT(error("institution.students", "2.5").en, Catch::Contains("a whole number"));
    CHECK(
        error("institution.fields", "stem, 1").es ==
        "\"STEM (ciencia, tecnología, ingeniería, matemáticas)\" aparece dos veces: nombre cada opción una sola vez.");
    CHECK_THAT(error("institution.fields", "1, 9").en, Catch::StartsWith("There is no option 9:"));
    CHECK_THAT(error("institution.fields", "stem, bussiness").en,
               Catch::StartsWith("\"bussiness\" is not one of the options (did you mean \"Business\"?)"));
}

TEST_CASE("the questionnaire asks again with the reason, skips, goes back, and keeps every answer as it is given",
          "[init]") {
    const RubricSet& rubric = default_rubrics();
    Profile profile;
    std::vector<size_t> saved;  // the number of answers at each save
    QuestionnaireOptions options{Lang::es, "perfil.yaml.partial",
                                 [&](const Profile& so_far) { saved.push_back(so_far.answers.size()); }};
    Script script({
        "",               // name: nothing typed yet
        "omitir",         // name is required
        "Universidad X",  //
        "9",              // type: no such option
        "universidad privada",
        "-5",                // students: out of range
        "atrás",             // back to type, which keeps its answer on Enter
        "",                  //
        "1200",              // students
        "omitir",            // location: unknown
        "1, 2",              // fields
        "2, employability",  // objectives: the same option twice, by number and by name
        "2",                 // objectives: employability
        "ninguno",           // considering: none yet
        "limitado",          // funding.sufficiency
        "sí",                // funding.dedicated_budget
    });
    QuestionnaireEnd end = run_questionnaire(rubric, profile, script, options);
    INFO(script.out);
    CHECK(end == QuestionnaireEnd::end_of_input);
    CHECK(profile.text("institution.name") == "Universidad X");
    CHECK(profile.text("institution.type") == "private_university");
    CHECK(profile.find("institution.students")->value == Value{1200.0});
    REQUIRE(profile.find("institution.location"));
    CHECK_FALSE(profile.find("institution.location")->known());
    CHECK(profile.find("institution.fields")->value == Value{std::vector<std::string>{"stem", "business"}});
    CHECK(profile.find("institution.objectives")->value == Value{std::vector<std::string>{"employability"}});
    CHECK(profile.find("institution.considering")->value == Value{std::vector<std::string>{}});
    CHECK(profile.text("funding.sufficiency") == "limited");
    CHECK(profile.text("funding.dedicated_budget") == "yes");
    CHECK(profile.answers.size() == 9);
    // The Enter that kept an answer saves nothing new, nor does an answer asked again.
    CHECK(saved == std::vector<size_t>{1, 2, 3, 4, 5, 6, 7, 8, 9});

    CHECK_THAT(script.out, Catch::Contains("Escriba una respuesta, \"omitir\" (o \"no sé\") si no se sabe, o \"?\" "
                                           "para ver la\n    ayuda."));
    CHECK_THAT(script.out, Catch::Contains("Esta pregunta es obligatoria: no se puede omitir ni dejar como "
                                           "desconocida."));
    CHECK_THAT(script.out, Catch::Contains("No hay opción 9"));
    CHECK_THAT(script.out, Catch::Contains("institución.estudiantes: \"-5\" no es válido"));
    CHECK_THAT(script.out, Catch::Contains("Respuesta actual: Universidad privada. Enter la conserva."));
    CHECK_THAT(script.out, Catch::Contains("\"Mejorar la empleabilidad de los egresados\" aparece dos veces"));
    REQUIRE(number_of("funding.dedicated_budget") == 9);  // after the institution's 7 and funding.sufficiency
    CHECK_THAT(script.out,
               Catch::Contains(fmt::format("Pregunta 9 de {} · financiamiento.presupuesto_propio", total_questions())));
    CHECK_THAT(script.out, Catch::Contains("── Financiamiento (parte 2 de 11)"));
    // The type was asked twice (the second time after "atrás"), the students three times.
    size_t asked_type = 0;
    const std::string second = fmt::format("Pregunta 2 de {}", total_questions());
    for (size_t at = 0; (at = script.out.find(second, at)) != std::string::npos; ++at) ++asked_type;
    CHECK(asked_type == 2);
}

TEST_CASE("back at the first question of a session says there is none, and an interrupt ends the questionnaire",
          "[init]") {
    Profile profile;
    Script script({"back", "Name"}, InputLine::Status::interrupted);
    QuestionnaireEnd end = run_questionnaire(default_rubrics(), profile, script, {Lang::en, {}, {}});
    CHECK(end == QuestionnaireEnd::interrupted);
    CHECK_THAT(script.out, Catch::Contains("This is the first question; there is none to go back to."));
    CHECK(profile.text("institution.name") == "Name");
}

TEST_CASE("an invalid option is answered with the options, numbered, by their labels in the officer's language",
          "[init]") {
    const Question& type = question("institution.type");
    for (Lang lang : {Lang::es, Lang::en}) {
        const Lang other = lang == Lang::es ? Lang::en : Lang::es;
        Profile profile;
        Script script({"Universidad X", "9", "Universidad privad", "2"});
        run_questionnaire(default_rubrics(), profile, script, {lang, {}, {}});
        INFO(script.out);
        CHECK(profile.text("institution.type") == "private_university");
        std::string listed;
        for (size_t i = 0; i < type.values.size(); ++i)
            listed += fmt::format("{:>4}. {}\n", i + 1, type.values[i].label.in(lang));
        // The reason, then the options, then the question again.
        CHECK_THAT(script.out,
                   Catch::Contains(lang == Lang::es
                                       ? "  ! No hay opción 9: escriba un número del 1 al 4, o el nombre de una "
                                         "opción.\n" +
                                             listed + "> "
                                       : "  ! There is no option 9: type a number from 1 to 4, or an option's name.\n" +
                                             listed + "> "));
        CHECK(says(script.out, lang == Lang::es ? "(¿quiso decir \"Universidad privada\"?): escriba su "
                                                  "número o su nombre.\n" +
                                                      listed + "> "
                                                : "(did you mean \"Private university\"?): type its "
                                                  "number or its name.\n" +
                                                      listed + "> "));
        // No option is shown by its id, nor by its label in the other language.
        for (const auto& value : type.values) {
            CHECK(script.out.find(value.id) == std::string::npos);
            CHECK(script.out.find(value.label.in(other)) == std::string::npos);
        }
    }
}

TEST_CASE("\"no sé\" and \"don't know\" leave an answer unknown as \"skip\" does, but not a required one", "[init]") {
    for (const std::string typed : {"no sé", "no se", "No Sé", "nose", "¿No sé?", "no lo sé", "don't know", "dont know",
                                    "Don\xE2\x80\x99t know", "I don't know", "DONT KNOW"}) {
        Profile profile;
        Script script({"Universidad X", "1", typed, "rural"});
        run_questionnaire(default_rubrics(), profile, script, {Lang::es, {}, {}});
        INFO(typed << "\n" << script.out);
        REQUIRE(profile.find("institution.students"));
        CHECK_FALSE(profile.find("institution.students")->known());
        CHECK(profile.text("institution.location") == "rural");
    }
    for (Lang lang : {Lang::es, Lang::en}) {
        Profile profile;
        Script script({lang == Lang::es ? "no sé" : "don't know", "Universidad X"});
        run_questionnaire(default_rubrics(), profile, script, {lang, {}, {}});
        INFO(script.out);
        CHECK(profile.text("institution.name") == "Universidad X");
        CHECK(profile.answers.size() == 1);
        const std::string& out = script.out;
        if (lang == Lang::es) {
            CHECK(says(out,
                       "Esta pregunta es obligatoria: no se puede omitir ni dejar como "
                       "desconocida."));
            CHECK(says(out, "\"omitir\" o \"no sé\" deja una respuesta como desconocida"));
        } else {
            CHECK(says(out, "This question is required: it cannot be skipped or left unknown."));
            CHECK(says(out, "\"skip\" or \"don't know\" leaves an answer unknown"));
        }
    }
}

TEST_CASE("\"?\", \"ayuda\" or \"help\" shows the question's help and asks it again, and is never an answer",
          "[init]") {
    const RubricSet& rubric = default_rubrics();
    const Question& name = question("institution.name");
    const Question& type = question("institution.type");
    for (const std::string typed : {"?", " ? ", "ayuda", "Ayuda", "help", "HELP"}) {
        Profile profile;
        Script script({typed, "Universidad X", typed, "2"});
        QuestionnaireEnd end = run_questionnaire(rubric, profile, script, {Lang::es, "perfil.yaml.partial", {}});
        INFO(typed << "\n" << script.out);
        CHECK(end == QuestionnaireEnd::end_of_input);
        // Not even the institution's name, a free text, takes it.
        CHECK(profile.text("institution.name") == "Universidad X");
        CHECK(profile.text("institution.type") == "private_university");
        CHECK(profile.answers.size() == 2);
        const std::string& out = script.out;
        CHECK(
            says(out, "Ayuda · pregunta 1 · institución.nombre\n  Nombre de la institución\n  " + name.help.es + "\n"));
        CHECK(says(out, "Respuestas: un texto, tal como debe aparecer en el informe."));
        // The commands; a required question cannot be left unknown.
        CHECK_THAT(script.out, Catch::Contains("    omitir, no sé     no en esta pregunta: es obligatoria\n"));
        CHECK_THAT(script.out, Catch::Contains("    atrás             vuelve a la pregunta anterior\n"));
        CHECK_THAT(script.out, Catch::Contains("    Enter solo        conserva la respuesta ya dada\n"));
        CHECK_THAT(script.out, Catch::Contains("    ?, ayuda          muestra esta ayuda\n"));
        // How to finish, and where the answers are kept.
        CHECK(says(out,
                   "Tras la última pregunta se revisan todas las respuestas: Enter guarda el "
                   "perfil, el número de una pregunta cambia su respuesta. Ctrl-C interrumpe en "
                   "cualquier momento: las respuestas quedan en perfil.yaml.partial"));
        // Asked again.
        CHECK(says(out, "\nPregunta 1: Nombre de la institución\n> "));
        CHECK(says(out, "\nPregunta 2: Tipo de institución\n> "));
        // A question with options: the options by label and number, the Annex sections with their titles.
        std::string options = "Respuestas: una de estas, por su número o su nombre:\n";
        for (size_t i = 0; i < type.values.size(); ++i)
            options += fmt::format("{:>4}. {}\n", i + 1, type.values[i].label.es);
        CHECK(says(out, options));
        std::vector<std::string> annex = question_annex(rubric, type);
        REQUIRE_FALSE(annex.empty());
        for (const auto& id : annex) {
            const AnnexSection* section = rubric.find_annex_section(id);
            REQUIRE(section);
            REQUIRE_FALSE(section->title.es.empty());
            CHECK(says(out, "      " + id + " " + section->title.es + "\n"));
        }
    }
    // A number question: the range and how a percentage may be typed.
    {
        Profile profile = load_profile_file((source_dir() / "examples/universidad_estatal_es.yaml").string(), rubric);
        std::erase_if(profile.answers,
                      [](const Answer& a) { return a.question->path == "language.faculty_b2_percent"; });
        REQUIRE(unasked_questions(rubric, profile).size() == 1);
        Script script({"ayuda", "12,5 %", ""});  // the help, the answer, and an empty line saves at the review
        CHECK(run_questionnaire(rubric, profile, script, {Lang::es, {}, {}}) == QuestionnaireEnd::finished);
        INFO(script.out);
        CHECK(says(script.out,
                   "Respuestas: un porcentaje, de 0 a 100. Puede terminar en %, como 40%, y usar coma "
                   "decimal: 12,5."));
        CHECK(profile.find("language.faculty_b2_percent")->value == Value{12.5});
    }
    // In English, every word in English.
    Profile profile;
    Script script({"help", "Universidad X", "skip"});
    run_questionnaire(rubric, profile, script, {Lang::en, {}, {}});
    INFO(script.out);
    const std::string& out = script.out;
    CHECK(profile.text("institution.name") == "Universidad X");
    CHECK(says(out, "Help · question 1 · institution.name\n  Name of the institution\n"));
    CHECK_THAT(script.out, Catch::Contains("    skip, don't know  not for this question: it is required\n"));
    CHECK_THAT(script.out, Catch::Contains("    ?, help           shows this help\n"));
    CHECK(says(out, "\nQuestion 1: Name of the institution\n> "));
    CHECK(out.find("Ayuda") == std::string::npos);
}

TEST_CASE("the review lists every answer by its label, marks the unknown ones, and keeps a change made from it",
          "[init]") {
    const RubricSet& rubric = default_rubrics();
    Profile original = load_profile_file((source_dir() / "examples/universidad_estatal_es.yaml").string(), rubric);
    std::vector<std::string> lines = typed_answers(original, Lang::es);
    const size_t type = number_of("institution.type"), training = number_of("regulatory.regulatory_training");
    const size_t last = rubric.questions.size();
    lines.insert(lines.end(), {
                                  "n",                                  // not a choice of the review
                                  std::to_string(type),                 // change the type...
                                  "Universidad privada",                // ...to private
                                  fmt::format("cambiar {}", training),  // the unknown answer...
                                  "sí",                                 // ...now known
                                  "atrás",                              // back to the last question...
                                  "",                                   // ...which keeps its answer
                                  "sí",                                 // save
                              });
    Profile profile;
    size_t saves = 0;
    QuestionnaireOptions options{Lang::es, "perfil.yaml.partial", [&](const Profile&) { ++saves; }};
    Script script(lines);
    QuestionnaireEnd end = run_questionnaire(rubric, profile, script, options);
    INFO(script.out);
    CHECK(end == QuestionnaireEnd::finished);
    CHECK(profile.text("institution.type") == "private_university");
    CHECK(profile.text("regulatory.regulatory_training") == "yes");
    CHECK(saves == last + 2);  // every answer, and the two changes, kept as they were made
    Profile expected = original;
    expected.set(question("institution.type"), Value{std::string("private_university")});
    expected.set(question("regulatory.regulatory_training"), Value{std::string("yes")});
    CHECK(sorted(known_answers(profile)) == sorted(known_answers(expected)));

    // Four reviews: the first, one after each change, one after going back.
    std::vector<size_t> reviews;
    for (size_t at = 0; (at = script.out.find("── Revisión: ", at)) != std::string::npos; ++at) reviews.push_back(at);
    REQUIRE(reviews.size() == 4);
    const std::string before = "── Revisión: 62 de 63 respuestas conocidas ───",
                      after = "── Revisión: 63 de 63 respuestas conocidas ───";
    CHECK(script.out.compare(reviews[0], before.size(), before) == 0);
    CHECK(script.out.compare(reviews[3], after.size(), after) == 0);
    std::string first = script.out.substr(reviews[0], reviews[1] - reviews[0]);
    std::string final = script.out.substr(reviews[3]);
    auto line = [&](size_t number, const std::string& answer) {
        return fmt::format("{:>4}. {} → {}\n", number, rubric.questions[number - 1].label.es, answer);
    };
    CHECK_THAT(first, Catch::Contains("Institución\n" + line(1, "Universidad Autónoma del Pacífico") +
                                      line(2, "Universidad pública")));
    CHECK_THAT(first, Catch::Contains(line(training, "(desconocida)")));
    CHECK_THAT(first, Catch::Contains(line(number_of("funding.dedicated_budget"), "parcial")));
    CHECK_THAT(first, Catch::Contains(line(number_of("language.faculty_b2_percent"), "30%")));
    CHECK_THAT(final, Catch::Contains(line(2, "Universidad privada")));
    CHECK_THAT(final, Catch::Contains(line(training, "sí")));
    CHECK(final.find("(desconocida)") == std::string::npos);
    // Every question is on it, once, by its short name; no id shows.
    for (size_t number = 1; number <= last; ++number)
        CHECK(says(final, fmt::format("{:>4}. {} → ", number, rubric.questions[number - 1].label.es)));
    CHECK(says(first,
               "¿Guardar el perfil? Enter (o \"sí\") lo guarda; un número del 1 al "
               "63 (o \"cambiar N\") cambia esa respuesta y vuelve aquí; \"atrás\" "
               "vuelve a la última pregunta."));
    CHECK_THAT(script.out, Catch::Contains("  ! Pulse Enter (o escriba \"sí\") para guardar"));
    // The question changed from the review is asked with its current answer; the last one twice.
    CHECK_THAT(script.out, Catch::Contains(fmt::format("Pregunta {} de {} · institución.tipo", type, last)));
    CHECK_THAT(script.out, Catch::Contains("Respuesta actual: Universidad pública. Enter la conserva."));
    size_t asked_last = 0;
    const std::string last_question = fmt::format("Pregunta {} de {}", last, last);
    for (size_t at = 0; (at = script.out.find(last_question, at)) != std::string::npos; ++at) ++asked_last;
    CHECK(asked_last == 2);

    // The input ending at the review saves nothing: the officer never accepted it.
    Profile unsaved;
    Script ended(typed_answers(original, Lang::es));
    CHECK(run_questionnaire(rubric, unsaved, ended, options) == QuestionnaireEnd::end_of_input);
    CHECK_THAT(ended.out, Catch::Contains("── Revisión: 62 de 63 respuestas conocidas"));
}

TEST_CASE("the questionnaire's parts: the institution first, then each dimension, every question once, in order",
          "[init]") {
    const RubricSet& rubric = default_rubrics();
    std::vector<QuestionnairePart> parts = questionnaire_parts(rubric);
    REQUIRE(parts.size() == rubric.blocks.size());
    CHECK(parts.front().block == "institution");
    CHECK(parts.front().name == LocalText{"Institution", "Institución"});
    CHECK(parts.front().annex.empty());
    std::vector<const Question*> in_order;
    for (size_t i = 0; i < parts.size(); ++i) {
        INFO(parts[i].block);
        CHECK(parts[i].block == rubric.blocks[i]);
        CHECK_FALSE(parts[i].questions.empty());
        CHECK_FALSE(parts[i].description.en.empty());
        CHECK_FALSE(parts[i].description.es.empty());
        if (const Dimension* dimension = rubric.find_dimension(parts[i].block)) {
            CHECK(parts[i].name == dimension->name);
            CHECK(parts[i].annex == dimension->annex);
        }
        for (const Question* question : parts[i].questions) {
            CHECK(question->block == parts[i].block);
            in_order.push_back(question);
        }
    }
    REQUIRE(in_order.size() == rubric.questions.size());
    for (size_t i = 0; i < in_order.size(); ++i) CHECK(in_order[i] == &rubric.questions[i]);
    // The terminal heads a part with the same name: "── Funding (part 2 of 11)".
    Profile profile;
    Script script({}, InputLine::Status::end_of_input);
    run_questionnaire(rubric, profile, script, {Lang::en, "", {}});
    CHECK_THAT(script.out, Catch::Contains(fmt::format("── {} (part 1 of {})", parts[0].name.en, parts.size())));
}

TEST_CASE("with every question answered, the questionnaire goes straight to the review", "[init]") {
    Profile profile =
        load_profile_file((source_dir() / "examples/small_rural_university.yaml").string(), default_rubrics());
    profile.set(question("regulatory.regulatory_training"), Value{});  // answered, if unknown
    REQUIRE(unasked_questions(default_rubrics(), profile).empty());
    Script script({"back", "yes"});
    CHECK(run_questionnaire(default_rubrics(), profile, script, {Lang::en, {}, {}}) == QuestionnaireEnd::finished);
    INFO(script.out);
    CHECK(says(script.out, "every question already has an answer; you may review and change them."));
    CHECK_THAT(script.out, Catch::Contains("── Review: "));
    CHECK(says(script.out,
               "  ! No question was asked in this session; type a question's "
               "number to change its answer."));
    CHECK(script.out.find("Question 1 of") == std::string::npos);
}

TEST_CASE("a questionnaire resumed from a draft asks only the questions it has no answer for", "[init]") {
    const RubricSet& rubric = default_rubrics();
    DraftProfile draft = load_draft_profile(
        "institution:\n  name: X\n  type: public_university\n  students:\nfunding:\n  co_funding: maybe\n", "p.yaml",
        rubric);
    REQUIRE(draft.problems.size() == 1);  // the invalid answer is left out, to be asked again
    CHECK(draft.problems[0].pos.line == 6);
    std::vector<const Question*> asked = unasked_questions(rubric, draft.profile);
    CHECK(asked.size() == rubric.questions.size() - 3);
    CHECK(asked.front()->path == "institution.location");
    CHECK(std::count(asked.begin(), asked.end(), &question("funding.co_funding")) == 1);
    // A draft may lack required answers, or any answer at all.
    CHECK(load_draft_profile("# nothing yet\n", "p.yaml", rubric).profile.answers.empty());
    CHECK_THROWS_AS(load_draft_profile("[1, 2]\n", "p.yaml", rubric), InputError);
}

TEST_CASE("piped answers: the questionnaire writes the profile, which tne assesses", "[init]") {
    TempDir dir;
    std::filesystem::path example = source_dir() / "examples/universidad_estatal_es.yaml";
    Profile original = load_profile_file(example.string(), default_rubrics());
    std::filesystem::path profile = dir.path() / "perfil.yaml";
    // The answers, an empty line that accepts the review, no HTML report, no text report.
    RunResult run = run_tne({"init", "--interactive", "--lang", "es", "-o", profile.string()}, {},
                            joined_lines(typed_answers(original, Lang::es)) + "\nn\nn\n");
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK_FALSE(std::filesystem::exists(profile.string() + ".partial"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "perfil.html"));
    CHECK_THAT(run.out, Catch::Contains("── Revisión: 62 de 63 respuestas conocidas"));
    // The example leaves one answer unknown (regulatory.regulatory_training).
    CHECK_THAT(run.out, Catch::Contains(fmt::format("Perfil escrito en {} (respondidas: {} de {}).", profile.string(),
                                                    total_questions() - 1, total_questions())));
    CHECK_THAT(run.out, Catch::Contains("Para evaluarlo después: tne evaluar " + profile.string()));
    Profile written = load_profile_file(profile.string(), default_rubrics());
    CHECK(known_answers(written) == known_answers(original));
    // Written in Spanish ids: blocks, keys and values.
    std::string text = read_file(profile);
    CHECK_THAT(text, Catch::Contains("\nfinanciamiento:\n"));
    CHECK_THAT(text, Catch::Contains("\n  presupuesto_propio: parcial\n"));
    CHECK(text.find("\nfunding:") == std::string::npos);
    CHECK(text.find("dedicated_budget") == std::string::npos);
    CHECK(run_tne({"assess", profile.string(), "--lang", "es"}).exit_code == 0);
    // Piped answers are echoed, so the transcript reads as a conversation.
    CHECK_THAT(run.out, Catch::Contains("> Universidad Autónoma del Pacífico\n"));
}

TEST_CASE("at the end the questionnaire writes the HTML report beside the profile, as tne assess writes it", "[init]") {
    TempDir dir;
    Profile original =
        load_profile_file((source_dir() / "examples/universidad_estatal_es.yaml").string(), default_rubrics());
    const std::string answers = joined_lines(typed_answers(original, Lang::es));
    // Dated by SOURCE_DATE_EPOCH, as `tne assess` without --date is: 2026-11-23.
    const std::vector<std::string> env = {"SOURCE_DATE_EPOCH=1795392000"};
    std::filesystem::path profile = dir.path() / "perfil.yaml", html = dir.path() / "perfil.html";
    // "sí" accepts the review; Enter the HTML report; "s" the text report too.
    RunResult run = run_tne({"init", "-i", "--lang", "es", "-o", profile.string()}, env, answers + "sí\n\ns\n");
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.out, Catch::Contains("¿Escribir el informe HTML (con gráficas; se imprime en A4) en " +
                                        html.string() + "? [S/n]"));
    CHECK_THAT(run.out, Catch::Contains("Informe HTML escrito en " + html.string() + ": ábralo en un navegador."));
    REQUIRE(std::filesystem::exists(html));
    RunResult assess =
        run_tne({"assess", profile.string(), "--format", "html", "--lang", "es", "--date", "2026-11-23"});
    REQUIRE(assess.exit_code == 0);
    CHECK(read_file(html) == assess.out);
    CHECK_THAT(read_file(html), Catch::Contains("<html lang=\"es\""));
    // The text report follows, in Spanish.
    CHECK_THAT(run.out, Catch::Contains("¿Mostrar también el informe aquí, en texto? [s/N]"));
    CHECK_THAT(run.out, Catch::Contains(run_tne({"assess", profile.string(), "--lang", "es"}, env).out));

    // In English, a profile named .html gets its report beside it, never over it.
    std::filesystem::path odd = dir.path() / "profile.html";
    RunResult english = run_tne({"init", "-i", "--lang", "en", "-o", odd.string()}, env,
                                joined_lines(typed_answers(original, Lang::en)) + "yes\ny\nn\n");
    INFO(english.out << english.err);
    REQUIRE(english.exit_code == 0);
    CHECK_THAT(english.out, Catch::Contains("HTML report written to " + odd.string() + ".html: open it in a browser."));
    CHECK(load_profile_file(odd.string(), default_rubrics()).answers.size() == total_questions());
    RunResult assess_en = run_tne({"assess", odd.string(), "--format", "html", "--lang", "en", "--date", "2026-11-23"});
    CHECK(read_file(odd.string() + ".html") == assess_en.out);
    CHECK_THAT(english.out, Catch::Contains("To assess it later: tne assess " + odd.string()));
}

TEST_CASE("at the end of input the answers so far are kept in .partial, and the same command resumes", "[init]") {
    TempDir dir;
    Profile original =
        load_profile_file((source_dir() / "examples/small_rural_university.yaml").string(), default_rubrics());
    std::vector<std::string> lines = typed_answers(original, Lang::en);
    std::filesystem::path whole = dir.path() / "whole.yaml";
    REQUIRE(run_tne({"init", "-i", "-o", whole.string()}, {}, joined_lines(lines) + "\nn\nn\n").exit_code == 0);

    std::filesystem::path profile = dir.path() / "profile.yaml";
    std::vector<std::string> first(lines.begin(), lines.begin() + 20), rest(lines.begin() + 20, lines.end());
    RunResult stopped = run_tne({"init", "-i", "-o", profile.string()}, {}, joined_lines(first));
    CHECK(stopped.exit_code == 1);
    CHECK_THAT(stopped.err, Catch::Contains("the input ended before the last question: 20 answers kept in " +
                                            profile.string() + ".partial; the same command resumes"));
    CHECK_FALSE(std::filesystem::exists(profile));
    DraftProfile partial = load_draft_profile_file(profile.string() + ".partial", default_rubrics());
    CHECK(partial.problems.empty());
    CHECK(partial.profile.answers.size() == 20);

    // The rest, but the input ends at the review: nothing saved yet, the answers kept.
    RunResult at_review = run_tne({"init", "-i", "-o", profile.string()}, {}, joined_lines(rest));
    CHECK(at_review.exit_code == 1);
    CHECK_THAT(at_review.err,
               Catch::Contains(fmt::format("the input ended at the review, before the profile was saved: {} answers "
                                           "kept in {}.partial; the same command resumes",
                                           total_questions(), profile.string())));
    CHECK_FALSE(std::filesystem::exists(profile));
    // The same command resumes at the review, where an empty line saves.
    RunResult resumed = run_tne({"init", "-i", "-o", profile.string()}, {}, "\nn\nn\n");
    INFO(resumed.out << resumed.err);
    REQUIRE(resumed.exit_code == 0);
    CHECK_THAT(at_review.out,
               Catch::Contains(fmt::format("Resuming from {}.partial: 20 of {} questions already answered.",
                                           profile.string(), total_questions())));
    CHECK_THAT(at_review.out, Catch::Contains(fmt::format("Question 21 of {}", total_questions())));
    CHECK_THAT(resumed.out, Catch::Contains(fmt::format("Resuming from {}.partial: {} of {} questions already "
                                                        "answered.",
                                                        profile.string(), total_questions(), total_questions())));
    CHECK_THAT(resumed.out, Catch::Contains("── Review: "));
    CHECK(resumed.out.find("Question 21 of") == std::string::npos);
    CHECK_FALSE(std::filesystem::exists(profile.string() + ".partial"));
    CHECK(read_file(profile) == read_file(whole));
}

TEST_CASE("tne init --interactive completes an existing profile by asking its unknown answers", "[init]") {
    TempDir dir;
    std::filesystem::path profile = dir.path() / "profile.yaml";
    std::filesystem::copy_file(source_dir() / "examples/universidad_estatal_es.yaml", profile);
    // The example leaves one answer unknown: regulatory.regulatory_training.
    Profile before = load_profile_file(profile.string(), default_rubrics());
    size_t unknown = default_rubrics().questions.size() - known_answers(before).size();
    REQUIRE(unknown == 1);
    // "yes" answers the question, then accepts the review.
    RunResult run = run_tne({"init", "-i", "-o", profile.string()}, {}, "yes\nyes\nn\nn\n");
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    const size_t total = total_questions(), asked = number_of("regulatory.regulatory_training");
    CHECK_THAT(run.out, Catch::Contains(fmt::format("Completing {}: {} of {} questions already answered.",
                                                    profile.string(), total - 1, total)));
    CHECK_THAT(run.out,
               Catch::Contains(fmt::format("Question {} of {} · regulatory.regulatory_training", asked, total)));
    CHECK(run.out.find(fmt::format("Question {} of {}", asked - 1, total)) == std::string::npos);
    Profile after = load_profile_file(profile.string(), default_rubrics());
    CHECK(known_answers(after).size() == known_answers(before).size() + 1);
    CHECK(after.text("regulatory.regulatory_training") == "yes");
    CHECK(after.evidence.size() == before.evidence.size());  // evidence kept with its answers
}

TEST_CASE(
    "on a terminal: help, an invalid answer, a don't know, a back, Ctrl-C, a resume and a change from the review give "
    "the profile piped keystrokes give, and the HTML report beside it",
    "[init]") {
    TempDir dir;
    Profile original =
        load_profile_file((source_dir() / "examples/universidad_estatal_es.yaml").string(), default_rubrics());
    std::vector<std::string> answers = typed_answers(original, Lang::es);
    auto skipped = std::find(answers.begin(), answers.end(), "omitir");
    REQUIRE(skipped != answers.end());
    *skipped = "no sé";  // the unknown answer (regulatory.regulatory_training), said as an officer would
    const size_t training = number_of("regulatory.regulatory_training");
    REQUIRE(static_cast<size_t>(skipped - answers.begin()) + 1 == training);
    const size_t stop = static_cast<size_t>(skipped - answers.begin()) + 3;  // interrupted a little after the skip
    const std::vector<std::string> args = {"init", "--interactive", "--lang", "es"};

    // What the person types, question by question, in the first session.
    std::vector<std::string> typed;
    PtySession first(args, dir.path(), {"NO_COLOR=1"});
    for (size_t i = 0; i < stop; ++i) {
        first.expect(fmt::format("Pregunta {} de {}", i + 1, total_questions()));
        first.expect("> ");
        if (i == 0) {  // help, and the same question again
            first.type("?");
            first.expect("Ayuda · pregunta 1 · institución.nombre");
            first.expect("omitir, no sé");
            first.expect("Pregunta 1: Nombre de la institución");
            first.expect("> ");
            typed.push_back("?");
        }
        if (i == 1) {  // an option that does not exist: the options by their Spanish labels
            first.type("9");
            first.expect("No hay opción 9");
            first.expect("   1. Universidad pública\r\n   2. Universidad privada\r\n");
            first.expect("> ");
            typed.push_back("9");
        }
        if (i == 4) {  // back to the previous question, and Enter to keep its answer
            first.type("atrás");
            first.expect(fmt::format("Pregunta 4 de {}", total_questions()));
            first.expect("Enter la conserva.");
            first.expect("> ");
            first.type("");
            first.expect(fmt::format("Pregunta 5 de {}", total_questions()));
            first.expect("> ");
            typed.insert(typed.end(), {"atrás", ""});
        }
        first.type(answers[i]);
        typed.push_back(answers[i]);
    }
    first.expect(fmt::format("Pregunta {} de {}", stop + 1, total_questions()));
    first.expect("> ");
    first.press_ctrl_c();
    CHECK(first.wait() == 130);
    CHECK_THAT(first.transcript(),
               Catch::Contains(fmt::format("interrumpido: {} respuestas guardadas en profile.yaml.partial", stop)));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "profile.yaml"));
    DraftProfile kept = load_draft_profile_file((dir.path() / "profile.yaml.partial").string(), default_rubrics());
    CHECK(kept.profile.answers.size() == stop);

    PtySession second(args, dir.path(), {"NO_COLOR=1"});
    second.expect(fmt::format("Se continúa desde profile.yaml.partial: {} de {} preguntas ya tienen respuesta.", stop,
                              total_questions()));
    for (size_t i = stop; i < answers.size(); ++i) {
        second.expect(fmt::format("Pregunta {} de {}", i + 1, total_questions()));
        second.expect("> ");
        second.type(answers[i]);
        typed.push_back(answers[i]);
    }
    // The review: the unknown answer is changed from it, and the review comes back.
    second.expect(fmt::format("── Revisión: {} de {} respuestas conocidas", total_questions() - 1, total_questions()));
    second.expect(
        fmt::format("{:>4}. {} → (desconocida)", training, question("regulatory.regulatory_training").label.es));
    second.expect("> ");
    second.type(fmt::format("cambiar {}", training));
    second.expect(fmt::format("Pregunta {} de {}", training, total_questions()));
    second.expect("Respuesta actual: desconocida (omitida). Enter la conserva.");
    second.expect("> ");
    second.type("sí");
    second.expect(fmt::format("── Revisión: {0} de {0} respuestas conocidas", total_questions()));
    second.expect("> ");
    second.type("");
    typed.insert(typed.end(), {fmt::format("cambiar {}", training), "sí", ""});
    second.expect(fmt::format("Perfil escrito en profile.yaml (respondidas: {0} de {0}).", total_questions()));
    second.expect("¿Escribir el informe HTML (con gráficas; se imprime en A4) en profile.html? [S/n]");
    second.type("");
    second.expect("Informe HTML escrito en profile.html: ábralo en un navegador.");
    second.expect("¿Mostrar también el informe aquí, en texto? [s/N]");
    second.type("s");
    second.expect("Universidad Autónoma del Pacífico");  // the report's title
    CHECK(second.wait() == 0);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "profile.yaml.partial"));
    CHECK_THAT(read_file(dir.path() / "profile.html"), Catch::Contains("<html lang=\"es\""));

    // The same keystrokes piped in give the same file, byte for byte (without the reports).
    std::filesystem::path piped = dir.path() / "piped.yaml";
    RunResult run =
        run_tne({"init", "--interactive", "--lang", "es", "-o", piped.string()}, {}, joined_lines(typed) + "n\nn\n");
    REQUIRE(run.exit_code == 0);
    CHECK(read_file(dir.path() / "profile.yaml") == read_file(piped));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "piped.html"));
    Profile written = load_profile_file((dir.path() / "profile.yaml").string(), default_rubrics());
    Profile expected = original;
    expected.set(question("regulatory.regulatory_training"), Value{std::string("yes")});
    CHECK(sorted(known_answers(written)) == sorted(known_answers(expected)));
    CHECK(run_tne({"assess", (dir.path() / "profile.yaml").string(), "--lang", "es"}).exit_code == 0);
}

TEST_CASE("an answer typed on a Latin-1 terminal is asked again, and the answers kept stay readable", "[init]") {
    TempDir dir;
    Profile original =
        load_profile_file((source_dir() / "examples/small_rural_university.yaml").string(), default_rubrics());
    std::vector<std::string> lines = typed_answers(original, Lang::es);
    // The institution's name as a Latin-1 terminal sends it: "é" is the single byte 0xE9.
    lines.insert(lines.begin(),
                 "Universidad Polit\xE9"
                 "cnica");
    std::filesystem::path profile = dir.path() / "perfil.yaml";
    std::vector<std::string> first(lines.begin(), lines.begin() + 10);
    RunResult stopped = run_tne({"init", "-i", "--lang", "es", "-o", profile.string()}, {}, joined_lines(first));
    CHECK(stopped.exit_code == 1);
    CHECK_THAT(stopped.out, Catch::Contains("La respuesta no es texto UTF-8"));
    // The partial file holds the answers given after it, and resumes.
    DraftProfile partial = load_draft_profile_file(profile.string() + ".partial", default_rubrics());
    CHECK(partial.problems.empty());
    CHECK(partial.profile.answers.size() == 9);
    std::vector<std::string> rest(lines.begin() + 10, lines.end());
    RunResult resumed =
        run_tne({"init", "-i", "--lang", "es", "-o", profile.string()}, {}, joined_lines(rest) + "\nn\nn\n");
    INFO(resumed.out << resumed.err);
    CHECK(resumed.exit_code == 0);
}
