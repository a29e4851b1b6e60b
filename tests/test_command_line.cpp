// Tests of the command line itself, run on the real binary: the format an output takes from its
// file's extension, the parser's errors in plain words with "did you mean", and --help in the
// language of --lang or LANG.
#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "support.hpp"

using namespace tne::test;
namespace fs = std::filesystem;

namespace {

const std::string kProfile = "examples/research_center.yaml";

// A usage error: exit 2, nothing on standard output, and exactly `message` and the pointer to the
// command's --help on standard error.
void check_usage_error(const std::vector<std::string>& args, const std::string& message,
                       const std::vector<std::string>& env = {}) {
    RunResult run = run_tne(args, env);
    INFO("tne " << [&] {
        std::string line;
        for (const auto& arg : args) line += arg + " ";
        return line;
    }());
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err == message);
}

std::string english(const std::string& message, const std::string& command = "") {
    return "tne: error: " + message + "\nRun 'tne" + command + " --help' for usage.\n";
}

std::string spanish(const std::string& message, const std::string& command = "") {
    return "tne: error: " + message + "\n'tne" + command + " --help' muestra cómo se usa.\n";
}

}  // namespace

TEST_CASE("without --format, -o's extension gives the format", "[cli][binary]") {
    TempDir dir;
    struct Case {
        std::vector<std::string> args;
        std::string file;
        std::string starts_with;
    };
    std::vector<Case> cases = {
        {{"assess", kProfile}, "report.html", "<!DOCTYPE html>"},
        {{"assess", kProfile}, "report.md", "# "},
        {{"assess", kProfile}, "report.json", "{"},
        {{"assess", kProfile}, "report.txt", "TNE readiness"},
        {{"assess", kProfile}, "report.out", "TNE readiness"},  // an extension that names no format: text, as before
        {{"assess", kProfile}, "REPORT.HTML", "<!DOCTYPE html>"},
        {{"plan", kProfile}, "plan.html", "<!DOCTYPE html>"},
        {{"plan", kProfile}, "plan.json", "{"},
        {{"diff", kProfile, "examples/universidad_estatal_es.yaml"}, "diff.md", "# "},
        {{"batch", "examples", "-q"}, "records.jsonl", "{\"source\""},
        {{"batch", "examples", "-q"}, "records.json", "["},
        {{"batch", "examples", "-q", "--summary", "--date", "2026-11-23"}, "cohort.html", "<!DOCTYPE html>"},
        {{"rubrics", "check", "rubrics"}, "check.sarif", "{"},
        {{"rubrics", "check", "rubrics", "--format", "sarif"}, "check.json", "{"},
        {{"rubrics", "check", "rubrics", "--format", "github"}, "check.txt", ""},
        {{"rubrics", "diff", "builtin", "rubrics", "--profiles", "examples"}, "moved.html", "<!DOCTYPE html>"},
        {{"schema"}, "profile.schema.json", "{"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args = c.args;
        fs::path out = dir.path() / c.file;
        args.insert(args.end(), {"-o", out.string()});
        RunResult run = run_tne(args);
        INFO(c.file << ": " << run.err);
        CHECK((run.exit_code == 0 || run.exit_code == 3));  // 3: the batch's examples folder has a CSV survey
        REQUIRE(fs::exists(out));
        CHECK(read_file(out).rfind(c.starts_with, 0) == 0);
    }
    // The same bytes as with --format.
    RunResult with_format = run_tne({"assess", kProfile, "--format", "html", "--date", "2026-11-23"});
    RunResult by_extension =
        run_tne({"assess", kProfile, "--date", "2026-11-23", "-o", (dir.path() / "same.html").string()});
    REQUIRE(by_extension.exit_code == 0);
    CHECK(read_file(dir.path() / "same.html") == with_format.out);
}

TEST_CASE("an extension the command cannot write, or that contradicts --format, is a usage error",
          "[cli][binary][errors]") {
    TempDir dir;
    std::string html = (dir.path() / "informe.html").string();
    check_usage_error({"assess", kProfile, "-o", html, "--format", "markdown"},
                      english("-o " + html +
                                  ": the extension .html is for html, but --format is markdown: leave out --format to "
                                  "write html, or name the file with .md to write markdown",
                              " assess"));
    check_usage_error({"assess", kProfile, "-o", html, "--format", "json", "--lang", "es"},
                      spanish("-o " + html +
                                  ": la extensión .html es de html, pero --format es json: quite --format para "
                                  "escribir html, o nombre el archivo con .json para escribir json",
                              " evaluar"));
    std::string csv = (dir.path() / "datos.csv").string();
    check_usage_error({"assess", kProfile, "-o", csv},
                      english("-o " + csv +
                                  ": the extension .csv asks for csv, which tne assess does not write; it writes text, "
                                  "json, html or markdown: name the file with .txt, .json, .html or .md",
                              " assess"));
    std::string txt = (dir.path() / "registros.txt").string();
    check_usage_error({"batch", "examples", "-o", txt},
                      spanish("-o " + txt +
                                  ": la extensión .txt pide texto, que tne lote no escribe; escribe csv, jsonl o json: "
                                  "nombre el archivo con .csv, .jsonl o .json",
                              " lote"),
                      {"LANG=es_MX.UTF-8"});
    std::string page = (dir.path() / "schema.html").string();
    check_usage_error({"schema", "-o", page},
                      english("-o " + page +
                                  ": the extension .html asks for html, which tne schema does not write; it writes "
                                  "json: name the file with .json",
                              " schema"));
    // Refused before anything is written.
    CHECK_FALSE(fs::exists(html));
    CHECK_FALSE(fs::exists(csv));
    CHECK_FALSE(fs::exists(txt));
    CHECK_FALSE(fs::exists(page));
}

TEST_CASE("a mistyped command, option or value gets a did-you-mean", "[cli][binary][errors]") {
    check_usage_error({"asess", kProfile}, english("\"asess\" is not a command of tne; did you mean \"assess\"?"));
    check_usage_error({"asess", kProfile}, spanish("\"asess\" no es una orden de tne; ¿quiso decir \"assess\"?"),
                      {"LANG=es_MX.UTF-8"});
    check_usage_error({"evalaur", kProfile}, spanish("\"evalaur\" no es una orden de tne; ¿quiso decir \"evaluar\"?"),
                      {"LANG=es_MX.UTF-8"});
    check_usage_error({"ayuda"}, spanish("\"ayuda\" no es una orden de tne: la ayuda es tne --help"),
                      {"LANG=es_MX.UTF-8"});
    check_usage_error({"rubrics", "help"},
                      english("\"help\" is not a command of tne rubrics: the help is tne rubrics --help", " rubrics"));
    check_usage_error({"rubrics", "chek"},
                      english("\"chek\" is not a command of tne rubrics; did you mean \"check\"?", " rubrics"));
    check_usage_error({"score", kProfile},
                      english("\"score\" is not a command of tne; the commands are: assess, plan, init, schema, diff, "
                              "batch, survey, rubrics"));
    // The unknown option is the mistake, not the "html" CLI11 would take for the profile.
    check_usage_error({"assess", "--formt", "html", kProfile},
                      english("--formt is not an option of tne assess; did you mean --format?", " assess"));
    check_usage_error({"assess", kProfile, "--formt", "html", "--lang", "es"},
                      spanish("--formt no es una opción de tne evaluar; ¿quiso decir --format?", " evaluar"));
    check_usage_error(
        {"assess", kProfile, "--zzz"},
        english("--zzz is not an option of tne assess; its options are listed by tne assess --help", " assess"));
    check_usage_error({"--format", "html", "assess", kProfile},
                      english("--format is not an option of tne; a command's options go after it: tne COMMAND "
                              "--format"));
    check_usage_error(
        {"assess", kProfile, "--format", "htm"},
        english("--format htm: expected text, json, html or markdown; did you mean \"html\"?", " assess"));
    check_usage_error(
        {"assess", kProfile, "--format", "htm", "--lang", "es"},
        spanish("--format htm: se esperaba texto, json, html o markdown; ¿quiso decir \"html\"?", " evaluar"));
    check_usage_error(
        {"assess", kProfile, "--color", "siemrpe", "--lang", "es"},
        spanish("--color siemrpe: se esperaba auto, siempre o nunca; ¿quiso decir \"siempre\"?", " evaluar"));
    check_usage_error({"assess", kProfile, "--format", "pdf"},
                      english("--format pdf: expected text, json, html or markdown", " assess"));
    check_usage_error({"assess", kProfile, "--color", "alwyas"},
                      english("--color alwyas: expected auto, always or never; did you mean \"always\"?", " assess"));
    check_usage_error({"assess", kProfile, "--lang", "spanish"},
                      english("--lang spanish: expected en or es", " assess"));

    // An option's value is taken by its Spanish word too, in either language, as its id.
    RunResult by_id = run_tne({"assess", kProfile, "--format", "text", "--color", "always"});
    CHECK(by_id.exit_code == 0);
    CHECK_THAT(by_id.out, Catch::Contains("\x1b["));
    CHECK(run_tne({"assess", kProfile, "--format", "texto", "--color", "siempre"}).out == by_id.out);
}

TEST_CASE("CLI11's parse errors are said in plain words with the fix, in English and Spanish",
          "[cli][binary][errors]") {
    check_usage_error({}, english("tne needs a command: assess, plan, init, schema, diff, batch, survey, rubrics"));
    check_usage_error(
        {}, spanish("tne necesita una orden: evaluar, plan, iniciar, esquema, comparar, lote, encuesta, rúbricas"),
        {"LANG=es_MX.UTF-8"});
    check_usage_error({"rubrics"}, english("tne rubrics needs a command: check, test, diff, schema", " rubrics"));
    check_usage_error({"assess", "--explain"},  // a flag takes no value: the missing profile is the mistake
                      english("tne assess needs profile: the institution's self-profile (YAML)", " assess"));
    check_usage_error({"assess"},
                      english("tne assess needs profile: the institution's self-profile (YAML)", " assess"));
    check_usage_error({"assess", "--lang", "es"},
                      spanish("tne evaluar necesita perfil: el autoperfil de la institución (YAML)", " evaluar"));
    check_usage_error({"assess", kProfile, kProfile},
                      english("\"" + kProfile + "\" is one argument too many: tne assess takes profile", " assess"));
    check_usage_error({"schema", "extra"},
                      english("\"extra\": tne schema takes no arguments besides its options", " schema"));
    check_usage_error({"assess", kProfile, "--format"},
                      english("--format needs a value: --format {text,json,html,markdown}", " assess"));
    check_usage_error({"plan", kProfile, "--target", "--lang", "es"},
                      spanish("--target necesita un valor: --target MODELO", " plan"));
    check_usage_error({"assess", kProfile, "--explain=maybe"},
                      english("--explain is a flag: give it alone, without a value", " assess"));
    check_usage_error({"assess", kProfile, "--date", "2026-01-01", "--date", "2026-01-02"},
                      english("--date is given more than once; give it once", " assess"));
    check_usage_error({"batch", "examples", "-j", "many"},
                      english("--jobs many: expected a whole number from 1 to 256", " batch"));
    check_usage_error({"assess", kProfile, "--fail-under", "200", "--lang", "es"},
                      spanish("--fail-under 200: se esperaba un número de 0 a 100", " evaluar"));
    check_usage_error({"assess", "no/such/profile.yaml"},
                      english("no/such/profile.yaml: No such file or directory", " assess"));
    check_usage_error({"assess", "no/such/profile.yaml", "--lang", "es"},
                      spanish("no/such/profile.yaml: no existe el archivo o el directorio", " evaluar"));
    check_usage_error({"rubrics", "check", "nowhere", "--lang", "es"},
                      spanish("nowhere: no existe el archivo o el directorio", " rúbricas revisar"));
}

namespace {

// Words of CLI11's help and of tne's English help texts; none may be in the Spanish help. Option
// names (--fail-under), values (text, always) and file names are the same in both languages and are
// taken out first.
const std::set<std::string> kEnglishWords = {
    "Usage",   "OPTIONS",  "Options",  "Positionals", "SUBCOMMAND", "SUBCOMMANDS", "Subcommands", "REQUIRED",
    "TEXT",    "INT",      "FLOAT",    "FILE",        "DIR",        "MODEL",       "MONTHS",      "PATH",
    "VALUE",   "WHEN",     "FORMAT",   "Print",       "help",       "message",     "Display",     "version",
    "program", "exit",     "Exit",     "codes",       "Run",        "the",         "The",         "and",
    "of",      "to",       "or",       "for",         "with",       "from",        "when",        "is",
    "Score",   "Write",    "Language", "Output",      "output",     "report",      "profile",     "self",
    "default", "standard", "instead",  "success",     "invalid",    "input",       "failed",      "Check",
    "Start",   "Print",    "Progress", "command",     "COMMAND",    "options",     "interrupted", "kept",
    "Use",     "rubric",   "set",      "what",        "changed",    "written",     "Records",     "Show",
};

void check_spanish_help(const std::string& help, const std::string& what) {
    INFO(what << ":\n" << help);
    REQUIRE_FALSE(help.empty());
    // Options, file names and values the user types are the same in both languages.
    std::string words = std::regex_replace(
        help,
        std::regex(
            R"((^|\s)-[-\w=.,]+|\{[^}]*\}|=\w+|[\w.]+\.(yaml|md|partial)|SOURCE_DATE_EPOCH|NO_COLOR|LANG\b|yaml-language-server|\$schema=)"),
        " ");
    std::regex word(R"([A-Za-z]+)");
    for (auto it = std::sregex_iterator(words.begin(), words.end(), word); it != std::sregex_iterator(); ++it) {
        INFO("word: " << it->str());
        CHECK(kEnglishWords.count(it->str()) == 0);
    }
}

}  // namespace

TEST_CASE("the help is in the language of --lang or LANG, with no English word", "[cli][binary][i18n]") {
    check_spanish_help(run_tne({"--help", "--lang", "es"}).out, "tne --help --lang es");
    check_spanish_help(run_tne({"assess", "--help"}, {"LANG=es_MX.UTF-8"}).out, "LANG=es_MX.UTF-8 tne assess --help");
    for (std::string name : {"assess", "plan", "init", "schema", "diff", "batch", "rubrics", "rubrics check",
                             "rubrics test", "rubrics diff", "rubrics schema"}) {
        std::vector<std::string> command = {name.substr(0, name.find(' '))};
        if (name.find(' ') != std::string::npos) command.push_back(name.substr(name.find(' ') + 1));
        command.insert(command.end(), {"--help", "--lang", "es"});
        RunResult run = run_tne(command);
        CHECK(run.exit_code == 0);
        check_spanish_help(run.out, "tne " + name + " --help --lang es");
        CHECK(run.out.find("Códigos de salida:") != std::string::npos);
    }
    // The word list finds English: the English help is full of it.
    std::string english_help = run_tne({"assess", "--help"}).out;
    CHECK(english_help.find("Usage: tne assess [OPTIONS] profile") != std::string::npos);
    CHECK(english_help.find("--format FORMAT:{text,json,html,markdown}=text") != std::string::npos);
    CHECK(english_help.find("Exit codes:") != std::string::npos);
    CHECK(english_help.find("The institution's self-profile (YAML)") != std::string::npos);
    CHECK(english_help.find("Language of the output: en or es (default: from LANG)") != std::string::npos);
}

TEST_CASE("a command is taken by its Spanish word too, and named in the run's language", "[cli][binary]") {
    RunResult english = run_tne({"assess", kProfile, "--format", "json"});
    REQUIRE(english.exit_code == 0);
    CHECK(run_tne({"evaluar", kProfile, "--format", "json"}).out == english.out);
    // Accents are optional where a Spanish word has one.
    CHECK(run_tne({"rubricas", "revisar", "rubrics"}).exit_code == 0);
    CHECK(run_tne({"rúbricas", "check", "rubrics"}).exit_code == 0);
    // The help lists each command in the run's language first, then its word in the other.
    CHECK_THAT(run_tne({"--help", "--lang", "es"}).out, Catch::Contains("  evaluar, assess  "));
    CHECK_THAT(run_tne({"--help", "--lang", "en"}).out, Catch::Contains("  assess, evaluar  "));
}
