// Tests of `tne survey map`: a map drafted from an export's header and answers. The shipped example
// drafted with no map must bind every column the shipped map binds, to the same questions and
// values, and score the same; a header in English; option columns; and a TODO that `tne batch`
// refuses.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "support.hpp"
#include "tne/profile.hpp"
#include "tne/survey.hpp"
#include "tne/survey_draft.hpp"

using namespace tne::test;
namespace fs = std::filesystem;

namespace {

std::vector<tne::CsvRow> csv_rows(const std::string& text) {
    std::istringstream in(text);
    tne::CsvReader reader(in);
    std::vector<tne::CsvRow> rows;
    while (auto row = reader.next()) rows.push_back(std::move(*row));
    return rows;
}

// A drafted map, written to a file and loaded.
struct Draft {
    TempDir dir;
    std::string path;
    std::string text;
    explicit Draft(const std::string& csv, tne::Lang lang = tne::Lang::en)
        : path((dir.path() / "draft.yaml").string()),
          text(tne::draft_survey_map(csv, default_rubrics(), {lang, "export.csv", ""})) {
        write_file(path, text);
    }
    tne::SurveyMap load() const { return tne::load_survey_map(path, default_rubrics()); }
};

const tne::SurveyField* field_of(const tne::SurveyMap& map, const std::string& path) {
    for (const auto& field : map.fields)
        if (field.path == path) return &field;
    return nullptr;
}

// Each row's profile through `map`, or its first error.
std::vector<std::string> row_results(const tne::SurveyMap& map, const std::vector<tne::CsvRow>& rows,
                                     std::vector<tne::Profile>& profiles) {
    tne::BoundSurvey survey = tne::bind_survey(map, default_rubrics(), rows.front(), "r.csv");
    std::vector<std::string> errors;
    for (size_t i = 1; i < rows.size(); ++i) {
        try {
            profiles.push_back(tne::survey_row_profile(survey, rows[i]));
            errors.emplace_back();
        } catch (const tne::InputError& e) {
            profiles.emplace_back();
            errors.push_back(e.diagnostics().front().str(tne::Lang::en));
        }
    }
    return errors;
}

const std::string kEnglish =
    "Timestamp,Respondent's role,Name of the institution,Type of institution,Location of the main campus,Does the "
    "institution have a dedicated budget for internationalisation?,Which external sources have funded international "
    "activities in the last three years?,Faculty with B2 English or higher (approx.),Procedure to approve dual or "
    "joint degree programmes,Networks used - ANUIES,Networks used - AMPEI,Networks used - British Council,Networks "
    "used - None\n"
    "2025-03-04 10:02,IO head,Northern Valley University,Public university,Urban,Yes,CONAHCYT; Erasmus+,10-25%,"
    "Documented procedure,ANUIES,,British Council,\n"
    "2025-03-04 11:40,Rector,Coast Institute of Technology,Technological institute,Semi-urban,Partly,None,Under "
    "10%,No,,,,None\n"
    "2025-03-05 09:15,Vice-rector,Desert Research Centre,Research centre,Rural,Don't know,Private sector; Local "
    "industry,Over 75%,Case by case,ANUIES,AMPEI,,\n";

}  // namespace

TEST_CASE("text similarity is the share of word stems two texts have in common", "[survey][draft]") {
    CHECK(tne::text_similarity("Tipo de institución", "Tipo de institución") == 1.0);
    // Accents, case, punctuation and words that say nothing are left out; stems are six letters.
    CHECK(tne::text_similarity("¿Relaciones INTERNACIONALES?", "relación internacional") == 1.0);
    CHECK(tne::text_similarity("British Council", "Convocatorias del British Council") == Approx(0.8));
    CHECK(tne::text_similarity("Marca temporal", "Nombre de la institución") == 0.0);
    CHECK(tne::text_similarity("", "Nombre") == 0.0);
}

TEST_CASE("the shipped survey drafted with no map binds every column of the shipped map the same way",
          "[survey][draft][example]") {
    const fs::path dir = source_dir() / "examples" / "survey";
    const std::string csv = read_file(dir / "respuestas.csv");
    Draft draft(csv, tne::Lang::es);
    CHECK(draft.text.find("TODO-") == std::string::npos);
    CHECK(draft.text.find("institución.tipo:") != std::string::npos);  // Spanish paths in Spanish
    CHECK(draft.text.find(": universidad_pública") != std::string::npos);
    tne::SurveyMap drafted = draft.load();
    tne::SurveyMap shipped = tne::load_survey_map((dir / "mapa.yaml").string(), default_rubrics());
    CHECK(drafted.delimiter == shipped.delimiter);
    CHECK(drafted.list_separator == shipped.list_separator);
    CHECK(drafted.unknown == shipped.unknown);

    // Field by field: the same question reads the same column.
    CHECK(drafted.fields.size() == shipped.fields.size());
    for (const auto& field : shipped.fields) {
        INFO(field.path);
        const tne::SurveyField* mine = field_of(drafted, field.path);
        REQUIRE(mine != nullptr);
        CHECK(mine->column == field.column);
    }

    // Every answer of every row translates to the same value, and the same rows fail the same way.
    std::vector<tne::CsvRow> rows = csv_rows(csv);
    std::vector<tne::Profile> from_draft, from_shipped;
    std::vector<std::string> draft_errors = row_results(drafted, rows, from_draft);
    std::vector<std::string> shipped_errors = row_results(shipped, rows, from_shipped);
    CHECK(draft_errors == shipped_errors);
    CHECK(std::count(shipped_errors.begin(), shipped_errors.end(), "") == 40);
    for (size_t r = 0; r < from_shipped.size(); ++r) {
        INFO("row " << r + 1);
        REQUIRE(from_draft[r].answers.size() == from_shipped[r].answers.size());
        for (size_t a = 0; a < from_shipped[r].answers.size(); ++a) {
            INFO(from_shipped[r].answers[a].question->path);
            CHECK(from_draft[r].answers[a].question == from_shipped[r].answers[a].question);
            CHECK(from_draft[r].answers[a].value == from_shipped[r].answers[a].value);
        }
    }
}

TEST_CASE("tne batch scores the shipped survey the same with the drafted map as with the shipped one",
          "[survey][draft][binary]") {
    const fs::path dir = source_dir() / "examples" / "survey";
    TempDir temp;
    const std::string draft = (temp.path() / "borrador.yaml").string();
    RunResult drafted = run_tne({"encuesta", "mapa", (dir / "respuestas.csv").string(), "--lang", "es", "-o", draft});
    REQUIRE(drafted.exit_code == 0);
    CHECK(drafted.out.empty());
    RunResult with_draft =
        run_tne({"batch", (dir / "respuestas.csv").string(), "--csv-map", draft, "--format", "jsonl", "-q"});
    RunResult with_shipped = run_tne({"batch", (dir / "respuestas.csv").string(), "--csv-map",
                                      (dir / "mapa.yaml").string(), "--format", "jsonl", "-q"});
    CHECK(with_draft.exit_code == 3);  // the four rows broken on purpose
    CHECK(with_shipped.exit_code == 3);
    CHECK(!with_shipped.out.empty());
    CHECK(with_draft.out == with_shipped.out);
}

// Each export of tests/survey/ drafted and read by `tne batch` with the draft gives the records its
// hand-written map gives. The exports are read as `tne batch` reads them: Qualtrics' three header
// rows (its columns matched by the question texts, named by the codes), SurveyMonkey's two,
// Windows-1252 with ";" and decimal commas, UTF-16 with tabs.
TEST_CASE("each tool's export is drafted into a map that gives the hand-written map's records",
          "[survey][draft][read][binary]") {
    const fs::path dir = source_dir() / "tests" / "survey";
    const std::vector<std::pair<std::string, std::string>> exports = {{"qualtrics.csv", "qualtrics.map.yaml"},
                                                                      {"surveymonkey.csv", "surveymonkey.map.yaml"},
                                                                      {"excel-es.csv", "excel-es.map.yaml"},
                                                                      {"excel-unicode.tsv", "excel-es.map.yaml"}};
    TempDir temp;
    for (const auto& [file, written] : exports) {
        INFO(file);
        const std::string draft = (temp.path() / (file + ".map.yaml")).string();
        RunResult drafted = run_tne({"survey", "map", (dir / file).string(), "-o", draft});
        REQUIRE(drafted.exit_code == 0);
        CHECK(read_file(draft).find("TODO-") == std::string::npos);
        RunResult with_draft = run_tne({"batch", (dir / file).string(), "--csv-map", draft, "--format", "jsonl"});
        RunResult with_written =
            run_tne({"batch", (dir / file).string(), "--csv-map", (dir / written).string(), "--format", "jsonl"});
        CHECK(with_written.exit_code == 0);
        CHECK(with_draft.exit_code == 0);
        CHECK(std::count(with_written.out.begin(), with_written.out.end(), '\n') == 3);
        CHECK(with_draft.out == with_written.out);
        CHECK(with_draft.err == with_written.err);  // the same "read as" note
    }
    // Qualtrics: the map names the first header row's codes; its comments show the texts matched.
    const std::string qualtrics = read_file(temp.path() / "qualtrics.csv.map.yaml");
    CHECK(qualtrics.find("  institution.name: \"Q1\"\n") != std::string::npos);
    CHECK(qualtrics.find("# column 18 \"Q1\" (\"Nombre de la institución\"): 1.00") != std::string::npos);
    CHECK(qualtrics.find("3 header rows (Qualtrics)") != std::string::npos);
    // SurveyMonkey: the joined header's option columns; "Other (please specify)" is left out.
    const std::string monkey = read_file(temp.path() / "surveymonkey.csv.map.yaml");
    CHECK(monkey.find("\"Áreas de fortaleza de la institución - Negocios\": business") != std::string::npos);
    CHECK(monkey.find("# left out: \"Áreas de fortaleza de la institución - Other (please specify)\"") !=
          std::string::npos);
    // Excel: what was detected is said, not set, so the draft of the ";" CSV also reads the UTF-16 text.
    const std::string excel = (temp.path() / "excel-es.csv.map.yaml").string();
    CHECK(read_file(excel).find("# The file was read as Windows-1252 (detected), delimiter \";\" (detected)") !=
          std::string::npos);
    CHECK(read_file(excel).find("\ndelimiter:") == std::string::npos);
    RunResult unicode =
        run_tne({"batch", (dir / "excel-unicode.tsv").string(), "--csv-map", excel, "--format", "jsonl"});
    RunResult unicode_written = run_tne({"batch", (dir / "excel-unicode.tsv").string(), "--csv-map",
                                         (dir / "excel-es.map.yaml").string(), "--format", "jsonl"});
    CHECK(unicode.exit_code == 0);
    CHECK(unicode.out == unicode_written.out);
}

TEST_CASE("an export given as a named pipe, which cannot be read twice, drafts as the file does",
          "[survey][draft][binary]") {
    // Excel's UTF-16 text: its encoding and delimiter are found in a first reading, the rows in another.
    const fs::path file = source_dir() / "tests" / "survey" / "excel-unicode.tsv";
    TempDir dir;
    const std::string fifo = (dir.path() / "pipe.tsv").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const std::string bytes = read_file(file);
    std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << bytes; });
    RunResult piped = run_tne({"survey", "map", fifo});
    writer.join();
    REQUIRE(piped.exit_code == 0);
    RunResult filed = run_tne({"survey", "map", file.string()});
    REQUIRE(filed.exit_code == 0);
    CHECK(piped.out.find("UTF-16LE (byte-order mark), delimiter tab (detected)") != std::string::npos);
    // The same draft, but for the name of the export in its first line.
    CHECK(piped.out.substr(piped.out.find('\n')) == filed.out.substr(filed.out.find('\n')));
}

TEST_CASE("a header and answers in English are drafted with English paths and ids", "[survey][draft]") {
    Draft draft(kEnglish);
    tne::SurveyMap map = draft.load();
    auto column = [&](const std::string& path) {
        const tne::SurveyField* field = field_of(map, path);
        return field ? field->column : std::string("(none)");
    };
    CHECK(column("institution.name") == "Name of the institution");
    CHECK(column("institution.type") == "Type of institution");
    CHECK(column("institution.location") == "Location of the main campus");
    CHECK(column("funding.dedicated_budget") ==
          "Does the institution have a dedicated budget for internationalisation?");
    CHECK(column("funding.external_sources") ==
          "Which external sources have funded international activities in the last three years?");
    CHECK(column("language.faculty_b2_percent") == "Faculty with B2 English or higher (approx.)");
    CHECK(column("regulatory.approval_process") == "Procedure to approve dual or joint degree programmes");
    CHECK(map.fields.size() == 8);  // the timestamp and the respondent's role are left out
    CHECK(draft.text.find("#   column 1 \"Timestamp\"") != std::string::npos);
    CHECK(map.unknown == std::vector<std::string>{"Don't know"});

    // The option columns become options, "None" the empty list.
    const tne::SurveyField* networks = field_of(map, "partnerships.networks");
    REQUIRE(networks != nullptr);
    REQUIRE(networks->options.size() == 4);
    CHECK(networks->options[0].value == "anuies");
    CHECK(networks->options[2].value == "british_council");
    CHECK(networks->options[3].kind == tne::SurveyOption::Kind::none);

    // Each row reads as it was meant.
    std::vector<tne::CsvRow> rows = csv_rows(kEnglish);
    std::vector<tne::Profile> profiles;
    std::vector<std::string> errors = row_results(map, rows, profiles);
    CHECK(errors == std::vector<std::string>{"", "", ""});
    CHECK(profiles[0].text("institution.type") == "public_university");
    CHECK(std::get<double>(profiles[0].find("language.faculty_b2_percent")->value) == 18);  // "10-25%": its middle
    CHECK(std::get<double>(profiles[1].find("language.faculty_b2_percent")->value) == 5);   // "Under 10%"
    CHECK(std::get<double>(profiles[2].find("language.faculty_b2_percent")->value) == 88);  // "Over 75%"
    CHECK(profiles[1].text("funding.dedicated_budget") == "partial");
    CHECK(profiles[2].find("funding.dedicated_budget") == nullptr);  // "Don't know"
    CHECK(profiles[1].text("regulatory.approval_process") == "none");
    CHECK(std::get<std::vector<std::string>>(profiles[0].find("funding.external_sources")->value) ==
          std::vector<std::string>{"conahcyt", "erasmus_plus"});
    CHECK(std::get<std::vector<std::string>>(profiles[1].find("funding.external_sources")->value).empty());
    CHECK(std::get<std::vector<std::string>>(profiles[0].find("partnerships.networks")->value) ==
          std::vector<std::string>{"anuies", "british_council"});
    CHECK(std::get<std::vector<std::string>>(profiles[1].find("partnerships.networks")->value).empty());
}

TEST_CASE("the same export drafts the same bytes", "[survey][draft]") {
    CHECK(tne::draft_survey_map(kEnglish, default_rubrics(), {tne::Lang::es, "e.csv", ""}) ==
          tne::draft_survey_map(kEnglish, default_rubrics(), {tne::Lang::es, "e.csv", ""}));
}

TEST_CASE("an uncertain column is a TODO with its candidates, which tne batch refuses at its place",
          "[survey][draft][binary]") {
    // "Money for partnerships" reads somewhat like the question of funding sufficiency, and its
    // answers are that question's: a candidate, not a match.
    const std::string csv =
        "Name of the institution,Type of institution,Money for partnerships\n"
        "A,Public university,Limited\n"
        "B,Research centre,Sufficient\n";
    TempDir dir;
    write_file(dir.path() / "export.csv", csv);
    const std::string map = (dir.path() / "map.yaml").string();
    RunResult drafted = run_tne({"survey", "map", (dir.path() / "export.csv").string(), "-o", map});
    REQUIRE(drafted.exit_code == 0);
    const std::string text = read_file(map);
    CHECK(text.find("# TODO column 3 \"Money for partnerships\": which question does it answer? Candidates: "
                    "funding.sufficiency (0.44)") != std::string::npos);
    auto [line, column] = position_of(text, "TODO-3:");
    RunResult batch = run_tne({"batch", (dir.path() / "export.csv").string(), "--csv-map", map});
    CHECK(batch.exit_code == 2);
    CHECK(batch.err.find(map + ":" + std::to_string(line) + ":" + std::to_string(column) +
                         ": TODO-3 was left by `tne survey map`: replace it with the path of the question") !=
          std::string::npos);
    CHECK(batch.out.empty());

    // In Spanish, too.
    RunResult spanish = run_tne({"lote", (dir.path() / "export.csv").string(), "--csv-map", map, "--lang", "es"});
    CHECK(spanish.err.find("TODO-3 lo dejó `tne encuesta mapa`") != std::string::npos);
}

TEST_CASE("a TODO value in options or labels is refused at its place", "[survey][draft][map]") {
    TempDir dir;
    const std::string path = (dir.path() / "map.yaml").string();
    write_file(path,
               "fields:\n  institution.name: N\n  institution.type:\n    column: T\n    labels: {X: TODO}\n"
               "  funding.external_sources:\n    options: {A: conahcyt, B: TODO}\n");
    try {
        tne::load_survey_map(path, default_rubrics());
        FAIL("a map with TODO loaded");
    } catch (const tne::InputError& e) {
        REQUIRE(e.diagnostics().size() == 2);
        CHECK(e.diagnostics()[0].str(tne::Lang::en) ==
              path +
                  ":5:17: \"X\" is TODO, left by `tne survey map`: write the value it stands for (the comment "
                  "above lists the candidates), or delete it");
        CHECK(e.diagnostics()[1].pos.line == 7);
        CHECK(e.diagnostics()[1].pos.column == 31);
    }
}

TEST_CASE("tne survey map never writes over the export, and an export without a header is an error",
          "[survey][draft][binary]") {
    TempDir dir;
    const std::string csv = (dir.path() / "export.csv").string();
    write_file(csv, kEnglish);
    RunResult over = run_tne({"survey", "map", csv, "-o", csv});
    CHECK(over.exit_code == 2);
    CHECK(read_file(csv) == kEnglish);

    // Neither UTF-8 nor Windows-1252 (0x81 is undefined in it): refused at its place, as tne batch
    // refuses such a cell.
    const std::string latin = (dir.path() / "latin.csv").string();
    write_file(latin, "Name of the institution,Type\nUniversit\xE9\x81,x\n");
    RunResult not_text = run_tne({"survey", "map", latin});
    CHECK(not_text.exit_code == 2);
    CHECK(not_text.err.find(latin + ":2:11: ") != std::string::npos);
    CHECK(not_text.out.empty());

    // A header past the row limit, or with a quote never closed, fails as `tne batch` says it.
    const std::string wide = (dir.path() / "wide.csv").string();
    write_file(wide, "Name of the institution," + std::string(200, 'x') + "\nA,b\n");
    RunResult too_wide = run_tne({"survey", "map", wide}, {"TNE_MAX_INPUT_BYTES=100"});
    CHECK(too_wide.exit_code == 2);
    CHECK(too_wide.err.find(wide + ":1:") != std::string::npos);
    CHECK(too_wide.err.find("TNE_MAX_INPUT_BYTES") != std::string::npos);
    const std::string open = (dir.path() / "open.csv").string();
    write_file(open, "Name of the institution,\"Type\nA,b\n");
    RunResult open_quote = run_tne({"survey", "map", open});
    CHECK(open_quote.exit_code == 2);
    CHECK(open_quote.err.find(open + ":1:1: the quoted cell that starts at line 1, column 25 has no closing quote") !=
          std::string::npos);

    const std::string empty = (dir.path() / "empty.csv").string();
    write_file(empty, "");
    RunResult none = run_tne({"survey", "map", empty});
    CHECK(none.exit_code == 2);
    CHECK(none.err.find("the export has no header row") != std::string::npos);
}

TEST_CASE("a SurveyMonkey export drafts option columns that read as its hand-written map", "[survey][draft][options]") {
    const fs::path dir = source_dir() / "tests" / "survey" / "options";
    const std::string csv = read_file(dir / "surveymonkey.csv");
    Draft draft(csv);
    CHECK(draft.text.find("TODO") == draft.text.find("TODO entry"));  // only the header's explanation
    tne::SurveyMap drafted = draft.load();
    tne::SurveyMap written = tne::load_survey_map((dir / "surveymonkey.map.yaml").string(), default_rubrics());
    for (const auto& field : written.fields) {
        INFO(field.path);
        const tne::SurveyField* mine = field_of(drafted, field.path);
        REQUIRE(mine != nullptr);
        CHECK(mine->column == field.column);
        REQUIRE(mine->options.size() == field.options.size());
        for (size_t k = 0; k < field.options.size(); ++k) {
            CHECK(mine->options[k].column == field.options[k].column);
            CHECK(mine->options[k].kind == field.options[k].kind);
            CHECK(mine->options[k].value == field.options[k].value);
        }
    }
    std::vector<tne::CsvRow> rows = csv_rows(csv);
    std::vector<tne::Profile> from_draft, from_written;
    CHECK(row_results(drafted, rows, from_draft) == std::vector<std::string>{"", "", ""});
    row_results(written, rows, from_written);
    for (size_t r = 0; r < from_written.size(); ++r) {
        REQUIRE(from_draft[r].answers.size() == from_written[r].answers.size());
        for (size_t a = 0; a < from_written[r].answers.size(); ++a)
            CHECK(from_draft[r].answers[a].value == from_written[r].answers[a].value);
    }
}

TEST_CASE("option columns named by codes are drafted as TODO values, which the map reader refuses",
          "[survey][draft][options]") {
    // LimeSurvey's codes say which question, not which option: each must be chosen by a person.
    const std::string csv = "INSTNAME,NETWORKS[SQ001],NETWORKS[SQ002]\nA,Y,\nB,,Y\n";
    Draft draft(csv);
    CHECK(draft.text.find("\"NETWORKS[SQ001]\": TODO") != std::string::npos);
    CHECK(draft.text.find("# TODO: which value? one of: anuies, ampei, british_council") != std::string::npos);
    try {
        draft.load();
        FAIL("a draft with TODO values loaded");
    } catch (const tne::InputError& e) {
        bool todo = false;
        for (const auto& d : e.diagnostics())
            todo = todo || d.str(tne::Lang::en).find("\"NETWORKS[SQ001]\" is TODO, left by `tne survey map`") !=
                               std::string::npos;
        CHECK(todo);
    }
}

TEST_CASE("odd headers and answers draft a map that reads as YAML", "[survey][draft][fuzz]") {
    // Marks of option headers with nothing around them, quotes, backslashes and a line break in a
    // header, numbers no double holds in a range, and a row longer than the header.
    const std::string csv =
        "],[,\" - \",_,a_,/,x],[],- ,¿,\"say \"\"hi\"\" \\\\ now\",\"Name of the\ninstitution\",Type of institution\n"
        "1,2,3,4,5,6,7,8,9,10,Entre 1e999 y 5,\"A \"\"quoted\"\" name\",Public university,extra\n"
        "Entre 99999999999999999999999999999999999999 y 1,,,,,,,,,,,B,Research centre\n";
    Draft draft(csv);
    tne::SurveyMap map = draft.load();  // nothing left to decide: a plain map
    const tne::SurveyField* name = field_of(map, "institution.name");
    REQUIRE(name != nullptr);
    CHECK(name->column == "Name of the\ninstitution");
    std::vector<tne::CsvRow> rows = csv_rows(csv);
    tne::BoundSurvey survey = tne::bind_survey(map, default_rubrics(), rows.front(), "r.csv");
    CHECK(tne::survey_row_profile(survey, rows[2]).text("institution.name") == "B");
}
