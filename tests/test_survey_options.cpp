// Tests of a list question read one column per option (`options:` in a survey map): the map's
// checks, binding each option's column, the cells of a row as one list answer, errors at the cell,
// and exports in SurveyMonkey's, LimeSurvey's and Qualtrics' shapes (tests/survey/) that must give
// exactly the answers of the same institutions written as YAML.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "support.hpp"
#include "tne/assessment.hpp"
#include "tne/profile.hpp"
#include "tne/survey.hpp"

using namespace tne::test;
namespace fs = std::filesystem;

namespace {

std::vector<tne::CsvRow> read_rows(const std::string& text) {
    std::istringstream in(text);
    tne::CsvReader reader(in);
    std::vector<tne::CsvRow> rows;
    while (auto row = reader.next()) rows.push_back(std::move(*row));
    return rows;
}

struct OptionMap {
    TempDir dir;
    std::string path;
    explicit OptionMap(const std::string& yaml) : path((dir.path() / "map.yaml").string()) { write_file(path, yaml); }
    tne::SurveyMap load() const { return tne::load_survey_map(path, default_rubrics()); }
};

std::vector<std::string> problems_of(const std::string& yaml) {
    OptionMap file(yaml);
    try {
        file.load();
    } catch (const tne::InputError& e) {
        std::vector<std::string> out;
        for (const auto& d : e.diagnostics()) out.push_back(d.str(tne::Lang::en));
        return out;
    }
    FAIL("the map loaded, but it should have been rejected:\n" << yaml);
    return {};
}

const std::string kOptionsMap = R"(fields:
  institution.name: Nombre
  institution.type: Tipo
  funding.external_sources:
    options:
      "Fuentes - CONAHCYT": conahcyt
      "Fuentes - British Council": british_council
      "Fuentes - Sector privado": sector_privado
      "Fuentes - Ninguna": []
      "Fuentes - No sé": ~
    selected: ["X"]
)";

const std::string kOptionsHeader =
    "Nombre,Tipo,Fuentes - CONAHCYT,Fuentes - British Council,Fuentes - Sector privado,Fuentes - Ninguna,Fuentes - No "
    "sé\n";

// A row of cells under kOptionsHeader, read through kOptionsMap.
struct OptionSurvey {
    OptionMap file{kOptionsMap};
    tne::SurveyMap map = file.load();
    std::vector<tne::CsvRow> rows;
    tne::BoundSurvey bound;

    explicit OptionSurvey(const std::string& data_rows) : rows(read_rows(kOptionsHeader + data_rows)) {
        bound = tne::bind_survey(map, default_rubrics(), rows.front(), "r.csv");
    }
    tne::Profile profile(size_t row = 1) const { return tne::survey_row_profile(bound, rows.at(row)); }
    std::vector<std::string> problems(size_t row = 1) const {
        try {
            tne::survey_row_profile(bound, rows.at(row));
        } catch (const tne::InputError& e) {
            std::vector<std::string> out;
            for (const auto& d : e.diagnostics()) out.push_back(d.str(tne::Lang::en));
            return out;
        }
        FAIL("the row loaded, but it should have failed");
        return {};
    }
};

std::vector<std::string> list_answer(const tne::Profile& profile, const std::string& path) {
    const tne::Answer* answer = profile.find(path);
    REQUIRE(answer != nullptr);
    REQUIRE(answer->known());
    return std::get<std::vector<std::string>>(answer->value);
}

// The documents of a YAML stream, split at its "---" lines.
std::vector<std::string> documents(const std::string& text) {
    std::vector<std::string> docs;
    std::istringstream in(text);
    std::string line, current;
    bool started = false;
    while (std::getline(in, line)) {
        if (line == "---") {
            if (started) docs.push_back(current);
            current.clear();
            started = true;
        } else if (started) {
            current += line + "\n";
        }
    }
    if (started) docs.push_back(current);
    return docs;
}

}  // namespace

TEST_CASE("option columns map each column to a value, none or unknown", "[survey][options][map]") {
    OptionMap file(kOptionsMap);
    tne::SurveyMap map = file.load();
    REQUIRE(map.fields.size() == 3);
    const tne::SurveyField& field = map.fields[2];
    CHECK(field.path == "funding.external_sources");
    CHECK(field.column.empty());
    REQUIRE(field.options.size() == 5);
    CHECK(field.options[0].column == "Fuentes - CONAHCYT");
    CHECK(field.options[0].value == "conahcyt");
    CHECK(field.options[1].value == "british_council");
    CHECK(field.options[2].value == "private_sector");  // written by its Spanish id, kept in English
    CHECK(field.options[3].kind == tne::SurveyOption::Kind::none);
    CHECK(field.options[4].kind == tne::SurveyOption::Kind::unknown);
    CHECK(field.selected == std::vector<std::string>{"X"});
    CHECK(field.options[1].pos.line == 7);
}

TEST_CASE("an option may name its value by its label in either language", "[survey][options][map]") {
    OptionMap file(R"(fields:
  institution.name: N
  institution.type: T
  funding.external_sources:
    options: {A: "Convocatorias del British Council", B: "Private sector"}
)");
    tne::SurveyMap map = file.load();
    CHECK(map.fields[2].options[0].value == "british_council");
    CHECK(map.fields[2].options[1].value == "private_sector");
}

TEST_CASE("the map's checks of option columns, each at its place", "[survey][options][map]") {
    const std::string head = "fields:\n  institution.name: N\n  institution.type: T\n";
    SECTION("a value the question does not have") {
        auto problems = problems_of(head + "  funding.external_sources:\n    options: {A: conahcit}\n");
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].find("map.yaml:5:18: the option column \"A\" stands for \"conahcit\"; did you mean "
                               "\"conahcyt\"?") != std::string::npos);
    }
    SECTION("a column named twice, after trimming") {
        auto problems =
            problems_of(head + "  funding.external_sources:\n    options: {A: conahcyt, \" A\": erasmus_plus}\n");
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].find("the column \"A\" is named twice in the options of funding.external_sources") !=
              std::string::npos);
    }
    SECTION("options on a question of one answer") {
        auto problems = problems_of(head + "  funding.dedicated_budget:\n    options: {A: yes}\n");
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].find("map.yaml:5:14: funding.dedicated_budget: options "
                               "(one column per option) are for list questions") != std::string::npos);
    }
    SECTION("options with a column or labels") {
        auto problems = problems_of(
            head +
            "  funding.external_sources:\n    column: C\n    labels: {x: conahcyt}\n    options: {A: conahcyt}\n");
        REQUIRE(problems.size() == 2);
        CHECK(problems[0].find(":5:13: funding.external_sources: \"options\" reads one column per option; \"column\" "
                               "does not go with it") != std::string::npos);
        CHECK(problems[1].find("\"labels\" does not go with it") != std::string::npos);
    }
    SECTION("selected without options") {
        auto problems = problems_of(head + "  funding.external_sources:\n    column: C\n    selected: [X]\n");
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].find("\"selected\" goes with \"options\"") != std::string::npos);
    }
    SECTION("options that are not a map") {
        auto problems = problems_of(head + "  funding.external_sources:\n    options: [A, B]\n");
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].find("options must map each option's column header to the option's value") !=
              std::string::npos);
    }
}

TEST_CASE("every option's column must be in the header, with the closest one suggested", "[survey][options][bind]") {
    OptionMap file(kOptionsMap);
    tne::SurveyMap map = file.load();
    auto rows = read_rows(
        "Nombre,Tipo,Fuentes - CONAHCYT,Fuentes - Britsh Council,Fuentes - Sector privado,Fuentes - "
        "Ninguna,Fuentes - No sé\n");
    try {
        tne::bind_survey(map, default_rubrics(), rows[0], "r.csv");
        FAIL("bound without the column");
    } catch (const tne::InputError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics()[0].str(tne::Lang::en) ==
              "r.csv:1:1: the map's column \"Fuentes - British Council\" (for funding.external_sources) is not in the "
              "header; did you mean \"Fuentes - Britsh Council\"?");
    }
}

TEST_CASE("option cells become one list answer in the question's order", "[survey][options][row]") {
    OptionSurvey survey(
        // the option's text (as SurveyMonkey writes it), 1 (Qualtrics), Y (LimeSurvey), a word of `selected`
        "U,Universidad pública,,British Council,1,,\n"
        "U,Universidad pública,Y,x,,,\n"
        "U,Universidad pública,conahcyt,Convocatorias del British Council,,,\n"  // its id, its rubric label
        "U,Universidad pública,0,No,false,Ninguna,\n"                            // none chosen: an empty list
        "U,Universidad pública,,,,,\n"                                           // all empty: unknown
        "U,Universidad pública,0,0,0,0,0\n"                                      // all "no": an empty list
        "U,Universidad pública,,,,,Sí\n"                                         // "don't know" chosen: unknown
        "U,Universidad pública, SÍ ,TRUE,yes,,\n");
    CHECK(list_answer(survey.profile(1), "funding.external_sources") ==
          std::vector<std::string>{"british_council", "private_sector"});  // the rubric's order
    CHECK(list_answer(survey.profile(2), "funding.external_sources") ==
          std::vector<std::string>{"conahcyt", "british_council"});
    CHECK(list_answer(survey.profile(3), "funding.external_sources") ==
          std::vector<std::string>{"conahcyt", "british_council"});
    CHECK(list_answer(survey.profile(4), "funding.external_sources").empty());
    CHECK(survey.profile(5).find("funding.external_sources") == nullptr);
    CHECK(list_answer(survey.profile(6), "funding.external_sources").empty());
    CHECK(survey.profile(7).find("funding.external_sources") == nullptr);
    CHECK(list_answer(survey.profile(8), "funding.external_sources") ==
          std::vector<std::string>{"conahcyt", "british_council", "private_sector"});

    // The answer is placed at the first option's cell.
    const tne::Profile first = survey.profile(1);  // kept: the answer points into it
    const tne::Answer* answer = first.find("funding.external_sources");
    REQUIRE(answer != nullptr);
    CHECK(answer->line == 2);
    CHECK(answer->column == 23);
}

TEST_CASE("an option cell that is neither chosen nor not is an error at the cell", "[survey][options][row]") {
    OptionSurvey survey("U,Universidad pública,Erasmus+,,quizá,,\n");
    auto problems = survey.problems();
    REQUIRE(problems.size() == 2);
    CHECK(problems[0] ==
          "r.csv:2:23: column \"Fuentes - CONAHCYT\": \"Erasmus+\" is not valid; expected the option chosen (\"1\", "
          "\"Y\", \"Yes\", \"Sí\", \"true\", \"X\", \"CONAHCYT\") or not (\"0\", \"N\", \"No\", \"false\" or an empty "
          "cell)");
    CHECK(problems[1].rfind("r.csv:2:33: column \"Fuentes - Sector privado\": \"quizá\" is not valid", 0) == 0);

    // In Spanish, with the option's Spanish label.
    try {
        survey.profile();
    } catch (const tne::InputError& e) {
        CHECK(e.diagnostics()[0].str(tne::Lang::es) ==
              "r.csv:2:23: columna \"Fuentes - CONAHCYT\": \"Erasmus+\" no es válido; se esperaba la opción elegida "
              "(\"1\", \"Y\", \"Yes\", \"Sí\", \"true\", \"X\", \"CONAHCYT\") o no (\"0\", \"N\", \"No\", "
              "\"false\" o una celda vacía)");
    }
}

TEST_CASE("option cells are a no-op for a profile's other answers", "[survey][options][row]") {
    OptionSurvey survey("\"Universidad, A.C.\",Centro de investigación,1,,,,\n");
    tne::Profile profile = survey.profile();
    CHECK(profile.text("institution.name") == "Universidad, A.C.");
    CHECK(profile.text("institution.type") == "research_center");
    CHECK(profile.answers.size() == 3);
}

TEST_CASE("SurveyMonkey, LimeSurvey and Qualtrics exports give the answers of the same institutions in YAML",
          "[survey][options][example]") {
    const fs::path dir = source_dir() / "tests" / "survey" / "options";
    std::vector<std::string> docs = documents(read_file(dir / "institutions.yaml"));
    REQUIRE(docs.size() == 3);
    std::vector<tne::Profile> expected;
    for (const auto& doc : docs) expected.push_back(tne::load_profile(doc, "institutions.yaml", default_rubrics()));

    for (const std::string tool : {"surveymonkey", "limesurvey", "qualtrics"}) {
        INFO(tool);
        tne::SurveyMap map = tne::load_survey_map((dir / (tool + ".map.yaml")).string(), default_rubrics());
        std::string csv = (dir / (tool + ".csv")).string();
        std::string text = read_file(csv);
        CHECK(text.find("\r\n") != std::string::npos);  // as the tools write it
        std::vector<tne::CsvRow> rows = read_rows(text);
        REQUIRE(rows.size() == expected.size() + 1);
        tne::BoundSurvey survey = tne::bind_survey(map, default_rubrics(), rows.front(), csv);
        for (size_t i = 0; i < expected.size(); ++i) {
            tne::Profile profile = tne::survey_row_profile(survey, rows[i + 1]);
            REQUIRE(profile.answers.size() == expected[i].answers.size());
            for (const auto& answer : expected[i].answers) {
                INFO(answer.question->path);
                const tne::Answer* got = profile.find(answer.question->path);
                REQUIRE(got != nullptr);
                CHECK(got->value == answer.value);
            }
            tne::Assessment from_csv = tne::assess(profile, default_rubrics());
            tne::Assessment from_yaml = tne::assess(expected[i], default_rubrics());
            CHECK(from_csv.overall == from_yaml.overall);
            REQUIRE(from_csv.dimensions.size() == from_yaml.dimensions.size());
            for (size_t d = 0; d < from_csv.dimensions.size(); ++d)
                CHECK(from_csv.dimensions[d].score == from_yaml.dimensions[d].score);
        }
    }
}

TEST_CASE("tne batch scores a LimeSurvey export with option columns", "[survey][options][binary]") {
    const fs::path dir = source_dir() / "tests" / "survey" / "options";
    RunResult run = run_tne({"batch", (dir / "limesurvey.csv").string(), "--csv-map",
                             (dir / "limesurvey.map.yaml").string(), "--format", "jsonl"});
    CHECK(run.exit_code == 0);
    CHECK(run.err.find("3 read = 3 scored + 0 failed") != std::string::npos);
}
