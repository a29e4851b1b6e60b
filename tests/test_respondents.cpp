// Several respondents per institution: rows grouped by the map's institution column, answers combined
// by the rules of docs/batch.md, and the questions where respondents disagree. The expected
// institutions are tests/survey/grouped/*.yaml, written by hand from the rules before tne was run.
#include <fmt/format.h>
#include <sys/stat.h>
#include <tinyxml2.h>
#include <zip.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "support.hpp"
#include "tne/assessment.hpp"
#include "tne/respondents.hpp"
#include "tne/survey.hpp"

using namespace tne::test;
using json = nlohmann::json;

namespace {

std::string grouped(const std::string& name) { return (source_dir() / "tests/survey/grouped" / name).string(); }

// The records of the grouped survey, by institution name.
std::map<std::string, json> grouped_records(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"batch", grouped("respuestas.csv"), "--csv-map", grouped("mapa.yaml"), "--format",
                                     "jsonl"};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult run = run_tne(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    std::map<std::string, json> records;
    std::istringstream lines(run.out);
    for (std::string line; std::getline(lines, line);) {
        json record = json::parse(line);
        records[record.at("name").get<std::string>()] = record;
    }
    return records;
}

json yaml_record(const std::string& file) {
    RunResult run = run_tne({"batch", grouped(file), "--format", "jsonl"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
}

}  // namespace

TEST_CASE("rows of one institution are one record, scored exactly like its YAML written by the rules",
          "[respondents][survey][binary]") {
    auto records = grouped_records();
    REQUIRE(records.size() == 2);
    for (const auto& [name, file] :
         {std::pair<std::string, std::string>{"Universidad del Lago", "universidad_del_lago.yaml"},
          {"Instituto Tecnológico de la Sierra", "instituto_sierra.yaml"}}) {
        INFO(name);
        REQUIRE(records.count(name) == 1);
        const json& from_survey = records.at(name);
        json from_yaml = yaml_record(file);
        for (const char* key :
             {"name", "type", "overall", "level", "coverage", "dimensions", "suggested_model", "recommendations"})
            CHECK(from_survey.at(key) == from_yaml.at(key));
    }
    const json& lago = records.at("Universidad del Lago");
    CHECK(lago.at("entry") == 1);  // its first row
    CHECK(lago.at("line") == 2);
    CHECK(lago.at("respondents") == json::parse(R"([{"row": 1, "line": 2, "role": "Rectoría"},
        {"row": 3, "line": 4, "role": "Dirección de internacionalización"}, {"row": 4, "line": 5, "role": "Docente"}])"));
    CHECK(records.at("Instituto Tecnológico de la Sierra").at("disagreements").empty());
}

TEST_CASE("disagreements are listed largest spread first, ties in question order, with who said what",
          "[respondents][survey][binary]") {
    const json lago = grouped_records().at("Universidad del Lago");
    const json& found = lago.at("disagreements");
    std::vector<std::string> fields;
    for (const auto& d : found) fields.push_back(d.at("field"));
    // funding comes before strategy in the rubric: the tie at 100 keeps that order.
    CHECK(fields == std::vector<std::string>{"funding.dedicated_budget", "strategy.tne_plan", "institution.fields",
                                             "institution.location", "language.faculty_b2_percent",
                                             "partnerships.active_agreements"});
    CHECK(found[0] == json::parse(R"({"field": "funding.dedicated_budget", "scale": "ordered", "spread": 100,
        "levels_apart": 2, "range": null, "answered": 3, "combined": "partial", "answers": [
        {"row": 1, "role": "Rectoría", "value": "yes"},
        {"row": 3, "role": "Dirección de internacionalización", "value": "partial"},
        {"row": 4, "role": "Docente", "value": "no"}], "options": []})"));
    CHECK(found[2].at("spread").get<double>() == Approx(200.0 / 3));
    CHECK(found[2].at("options") ==
          json::parse(
              R"([{"id": "stem", "chosen": 3}, {"id": "business", "chosen": 1}, {"id": "education", "chosen": 1}])"));
    CHECK(found[2].at("combined") == json::parse(R"(["stem"])"));
    CHECK(found[3].at("spread").get<double>() == Approx(100.0 / 3));
    CHECK(found[4].at("range") == 25);
    // The faculty member did not know: two answers, the lower middle one, a range of 3 over 15.
    CHECK(found[5].at("answered") == 2);
    CHECK(found[5].at("combined") == 12);
    CHECK(found[5].at("spread").get<double>() == Approx(20));
    // Nothing on which they agree: the type (one did not know) and the name (case and spaces aside).
    for (const auto& field : fields) {
        CHECK(field != "institution.type");
        CHECK(field != "institution.name");
    }
}

TEST_CASE("CSV records of a grouped survey end with the respondents and their disagreements",
          "[respondents][survey][binary]") {
    RunResult run = run_tne({"batch", grouped("respuestas.csv"), "--csv-map", grouped("mapa.yaml")});
    REQUIRE(run.exit_code == 0);
    std::istringstream lines(run.out);
    std::string header;
    std::getline(lines, header);
    CHECK(header.size() > 40);
    CHECK(header.substr(header.size() - 32) == "errors,respondents,disagreements");
    CHECK(run.out.find(",3,\"funding.dedicated_budget (spread 100): yes (row 1, Rectoría), partial (row 3, Dirección "
                       "de internacionalización), no (row 4, Docente) | strategy.tne_plan (spread 100)") !=
          std::string::npos);
}

TEST_CASE("combining: medians take the lower middle answer, lists what half chose, unknown is left out",
          "[respondents]") {
    const tne::RubricSet& rubric = default_rubrics();
    auto profile = [&](const std::string& yaml) {
        return tne::load_profile("institution: {name: X, type: public_university}\n" + yaml, "p.yaml", rubric);
    };
    std::vector<tne::Profile> answers = {
        profile("funding: {dedicated_budget: yes}\nlanguage: {faculty_b2_percent: 40}\n"
                "strategy: {tne_plan: approved}\n"),
        profile("funding: {dedicated_budget: partial}\nlanguage: {faculty_b2_percent: 10}\n"),
    };
    tne::CombinedProfile combined = tne::combine_respondents(rubric, answers, {{1, 2, ""}, {2, 3, ""}}, "s.csv:2");
    auto answer = [&](const char* path) { return combined.profile.find(path)->value; };
    CHECK(std::get<std::string>(answer("funding.dedicated_budget")) == "partial");  // two: the lower
    CHECK(std::get<double>(answer("language.faculty_b2_percent")) == 10);
    CHECK(std::get<std::string>(answer("strategy.tne_plan")) == "approved");  // one answered: theirs
    CHECK(combined.profile.find("digital.lms") == nullptr);                   // none answered: unknown
    CHECK(tne::answer_scale(rubric, *rubric.find_question("institution.type")) == tne::AnswerScale::nominal);
    CHECK(tne::answer_scale(rubric, *rubric.find_question("strategy.tne_plan")) == tne::AnswerScale::ordered);
}

TEST_CASE("a respondent's bad cell fails the institution at that cell; a required answer no one gave too",
          "[respondents][survey][binary]") {
    TempDir dir;
    std::string csv = read_file(grouped("respuestas.csv"));
    std::string changed = csv;
    changed.replace(changed.find(",45,"), 4, ",450,");
    write_file(dir.path() / "r.csv", changed);
    RunResult run = run_tne(
        {"batch", (dir.path() / "r.csv").string(), "--csv-map", grouped("mapa.yaml"), "-q", "--format", "jsonl"});
    CHECK(run.exit_code == 3);
    auto failed = [](const std::string& out) {
        std::istringstream lines(out);
        for (std::string line; std::getline(lines, line);)
            if (json record = json::parse(line); record.at("status") == "failed") return record;
        FAIL("no failed record in:\n" << out);
        return json();
    };
    json record = failed(run.out);
    CHECK(record.at("line") == 2);  // the institution's first row
    REQUIRE(record.at("errors").size() == 1);
    const json& error = record.at("errors")[0];
    auto [line, byte_column] = position_of(changed, "450");
    CHECK(error.at("line") == line);
    // Columns count characters: "Educación" before the cell has one of two bytes.
    CHECK(error.at("column") == byte_column - 1);
    CHECK(error.at("message") ==
          "column \"Profesores B2\": \"450\" is not valid; expected a percentage from 0 to 100, such as \"35\" or "
          "\"35 %\"");

    // No respondent of the Sierra gives its type: a required question unanswered.
    std::string untyped = csv;
    untyped.replace(untyped.find("Rectoría,Instituto tecnológico"),
                    std::string("Rectoría,Instituto tecnológico").size(), "Rectoría,");
    write_file(dir.path() / "u.csv", untyped);
    run = run_tne({"batch", (dir.path() / "u.csv").string(), "--csv-map", grouped("mapa.yaml"), "-q", "--format",
                   "jsonl", "--lang", "es"});
    CHECK(run.exit_code == 3);
    record = failed(run.out);
    REQUIRE(record.at("errors").size() == 1);
    CHECK(record.at("errors")[0].at("message") ==
          "columna \"Tipo\": ninguna de las 1 personas que respondieron por la institución la contestó, pero "
          "institución.tipo es obligatoria");
}

TEST_CASE("the institution and role columns must be in the header", "[respondents][survey][binary]") {
    TempDir dir;
    std::string map = read_file(grouped("mapa.yaml"));
    map.replace(map.find("role_column: \"Cargo\""), 20, "role_column: \"Cargos\"");
    write_file(dir.path() / "m.yaml", map);
    RunResult run = run_tne(
        {"batch", grouped("respuestas.csv"), "--csv-map", (dir.path() / "m.yaml").string(), "-q", "--format", "jsonl"});
    CHECK(run.exit_code == 3);
    CHECK(run.out.find("the column \\\"Cargos\\\" (" + (dir.path() / "m.yaml").string() +
                       ":4:14) is not in the header; did you mean \\\"Cargo\\\"?") != std::string::npos);
}

TEST_CASE("the cohort report lists each institution's disagreements, in both languages",
          "[respondents][golden][binary]") {
    for (std::string lang : {"en", "es"}) {
        RunResult run =
            run_tne({"batch", "tests/survey/grouped/respuestas.csv", "--csv-map", "tests/survey/grouped/mapa.yaml",
                     "--summary", "--quiet", "--lang", lang, "--format", "markdown", "--date", "2025-03-05"});
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        check_golden("summary/grouped." + lang + ".md", run.out);
    }
    RunResult json_run = run_tne({"batch", grouped("respuestas.csv"), "--csv-map", grouped("mapa.yaml"), "--summary",
                                  "--quiet", "--format", "json"});
    REQUIRE(json_run.exit_code == 0);
    json summary = json::parse(json_run.out);
    const json& lago = summary.at("institutions").at(1);
    CHECK(lago.at("name") == "Universidad del Lago");
    CHECK(lago.at("respondents") == 3);
    CHECK(lago.at("disagreements").size() == 6);
    CHECK(lago.at("disagreements")[0].at("answers")[2] ==
          json::parse(R"({"row": 4, "role": "Docente", "value": "no"})"));
    CHECK(summary.at("institutions").at(0).at("disagreements").empty());
}

// ---- records as .xlsx ------------------------------------------------------------------------------

namespace {

// A file of a zip archive (an .xlsx), read with libzip.
std::string zip_entry(const std::string& archive, const std::string& name) {
    int error = 0;
    zip_t* zip = zip_open(archive.c_str(), ZIP_RDONLY, &error);
    REQUIRE(zip != nullptr);
    zip_stat_t stat;
    zip_stat_init(&stat);
    REQUIRE(zip_stat(zip, name.c_str(), 0, &stat) == 0);
    zip_file_t* file = zip_fopen(zip, name.c_str(), 0);
    REQUIRE(file != nullptr);
    std::string bytes(static_cast<size_t>(stat.size), '\0');
    REQUIRE(zip_fread(file, bytes.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
    zip_fclose(file);
    zip_close(zip);
    return bytes;
}

struct SheetCell {
    bool number = false;
    std::string text;  // a text cell's text, or a number as written
};

// A worksheet's cells by row and column (0-based), from its XML.
std::map<std::pair<int, int>, SheetCell> sheet_cells(const std::string& xml) {
    tinyxml2::XMLDocument document;
    REQUIRE(document.Parse(xml.c_str(), xml.size()) == tinyxml2::XML_SUCCESS);
    std::map<std::pair<int, int>, SheetCell> cells;
    const auto* data = document.RootElement()->FirstChildElement("sheetData");
    REQUIRE(data != nullptr);
    for (const auto* row = data->FirstChildElement("row"); row; row = row->NextSiblingElement("row")) {
        for (const auto* c = row->FirstChildElement("c"); c; c = c->NextSiblingElement("c")) {
            std::string ref = c->Attribute("r");
            int column = 0;
            size_t i = 0;
            for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])); ++i)
                column = column * 26 + (ref[i] - 'A' + 1);
            int line = std::stoi(ref.substr(i));
            SheetCell cell;
            const char* type = c->Attribute("t");
            if (!type) {
                cell.number = true;
                cell.text = c->FirstChildElement("v")->GetText();
            } else {
                CHECK(std::string(type) == "inlineStr");
                const char* text = c->FirstChildElement("is")->FirstChildElement("t")->GetText();
                cell.text = text ? text : "";
            }
            cells[{line - 1, column - 1}] = cell;
        }
    }
    return cells;
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::istringstream in(text);
    tne::CsvReader reader(in);
    std::vector<std::vector<std::string>> rows;
    while (auto row = reader.next()) {
        std::vector<std::string> cells;
        for (const auto& cell : row->cells) cells.push_back(cell.text);
        rows.push_back(cells);
    }
    return rows;
}

}  // namespace

TEST_CASE("records as .xlsx: the CSV records' values, numbers as numeric cells, the header frozen, a summary sheet",
          "[respondents][xlsx][binary]") {
    TempDir dir;
    std::string workbook = (dir.path() / "records.xlsx").string();
    std::vector<std::string> inputs = {
        "examples/survey/respuestas.csv", "--csv-map", "examples/survey/mapa.yaml", "-q", "--date", "2025-03-05"};
    auto run_with = [&](std::vector<std::string> more) {
        std::vector<std::string> args = {"batch"};
        args.insert(args.end(), inputs.begin(), inputs.end());
        args.insert(args.end(), more.begin(), more.end());
        return run_tne(args);
    };
    RunResult csv = run_with({});
    REQUIRE(csv.exit_code == 3);  // the example's four broken rows
    RunResult xlsx = run_with({"-o", workbook});
    INFO(xlsx.err);
    REQUIRE(xlsx.exit_code == 3);
    CHECK(xlsx.out.empty());

    std::vector<std::vector<std::string>> records = csv_rows(csv.out);
    REQUIRE(records.size() == 45);  // the header and 44 rows
    auto cells = sheet_cells(zip_entry(workbook, "xl/worksheets/sheet1.xml"));
    const std::vector<std::string>& header = records.front();
    auto numeric = [&](const std::string& id) {
        return id == "entry" || id == "line" || id == "overall" || id == "coverage" || id.rfind("score.", 0) == 0;
    };
    int numbers = 0;
    for (size_t r = 0; r < records.size(); ++r) {
        for (size_t c = 0; c < header.size(); ++c) {
            INFO("row " << r << ", column " << header[c]);
            const std::string& expected = records[r][c];
            auto found = cells.find({static_cast<int>(r), static_cast<int>(c)});
            if (expected.empty()) {
                CHECK(found == cells.end());
                continue;
            }
            REQUIRE(found != cells.end());
            if (r > 0 && numeric(header[c])) {
                CHECK(found->second.number);
                CHECK(std::stod(found->second.text) == Approx(std::stod(expected)).epsilon(1e-12));
                ++numbers;
            } else {
                CHECK_FALSE(found->second.number);
                CHECK(found->second.text == expected);
            }
        }
    }
    CHECK(numbers > 40 * 10);
    std::string records_sheet = zip_entry(workbook, "xl/worksheets/sheet1.xml");
    CHECK(records_sheet.find(R"(<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>)") !=
          std::string::npos);
    CHECK(zip_entry(workbook, "xl/workbook.xml").find(R"(<sheet name="Summary")") != std::string::npos);
    CHECK(zip_entry(workbook, "docProps/core.xml").find("2025-03-05T00:00:00Z") != std::string::npos);
    auto summary = sheet_cells(zip_entry(workbook, "xl/worksheets/sheet2.xml"));
    CHECK(summary.at({0, 0}).text == "Cohort summary");
    CHECK(summary.at({3, 0}).text == "Institutions scored");
    CHECK(summary.at({3, 1}).number);
    CHECK(summary.at({3, 1}).text == "40");

    // Same input and date, same bytes; and nothing left beside the workbook.
    std::string again = (dir.path() / "again.xlsx").string();
    REQUIRE(run_with({"-o", again}).exit_code == 3);
    CHECK(read_file(again) == read_file(workbook));
    size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) ++files;
    CHECK(files == 2);
}

TEST_CASE("records as .xlsx with --summary, in Spanish, with the respondents' columns", "[respondents][xlsx][binary]") {
    TempDir dir;
    std::string workbook = (dir.path() / "registros.xlsx").string();
    RunResult run = run_tne({"batch", grouped("respuestas.csv"), "--csv-map", grouped("mapa.yaml"), "--summary", "-q",
                             "--records", workbook, "--lang", "es", "--date", "2025-03-05"});
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("Desacuerdos dentro de las instituciones") != std::string::npos);
    CHECK(zip_entry(workbook, "xl/workbook.xml").find(R"(<sheet name="Registros")") != std::string::npos);
    auto cells = sheet_cells(zip_entry(workbook, "xl/worksheets/sheet1.xml"));
    CHECK(cells.at({0, 24}).text == "respondents");
    CHECK(cells.at({2, 24}).number);  // Universidad del Lago, handed on second: its last row is the file's last
    CHECK(cells.at({2, 24}).text == "3");
    CHECK(cells.at({2, 25}).text.rfind("funding.dedicated_budget (spread 100): yes (row 1, Rectoría)", 0) == 0);
    std::string summary = zip_entry(workbook, "xl/worksheets/sheet2.xml");
    CHECK(summary.find("Resumen de la cohorte") != std::string::npos);
    CHECK(summary.find("Desacuerdos dentro de las instituciones") != std::string::npos);
}

TEST_CASE("an .xlsx output refuses another --format, and never replaces an input", "[respondents][xlsx][binary]") {
    TempDir dir;
    RunResult run = run_tne({"batch", "examples", "-o", (dir.path() / "r.xlsx").string(), "--format", "jsonl"});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("leave out --format") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "r.xlsx"));
    std::string input = (dir.path() / "in.xlsx").string();
    write_file(input, "not a workbook");
    run = run_tne({"batch", input, "-o", input});
    CHECK(run.exit_code == 2);
    CHECK(read_file(input) == "not a workbook");
}

TEST_CASE("a row whose institution cell is empty fails alone; the others are grouped whatever the jobs",
          "[respondents][survey][binary]") {
    TempDir dir;
    std::string csv = read_file(grouped("respuestas.csv"));
    std::string changed = csv;
    changed.replace(changed.find("Instituto Tecnológico de la Sierra"),
                    std::string("Instituto Tecnológico de la Sierra").size(), "  ");
    write_file(dir.path() / "r.csv", changed);
    std::string file = (dir.path() / "r.csv").string();
    RunResult run = run_tne({"batch", file, "--csv-map", grouped("mapa.yaml"), "--format", "jsonl", "--jobs", "1"});
    CHECK(run.exit_code == 3);
    CHECK(run.err.find(file + ":3:1: row 2: the institution column \"Institución\" is empty, so the row belongs to no "
                              "institution") != std::string::npos);
    CHECK(run.err.find("2 read = 1 scored + 1 failed") != std::string::npos);
    RunResult four = run_tne({"batch", file, "--csv-map", grouped("mapa.yaml"), "--format", "jsonl", "--jobs", "4"});
    CHECK(four.out == run.out);
    CHECK(run.out.find("\"name\": \"Universidad del Lago\"") != std::string::npos);
}

TEST_CASE("the HTML cohort report with disagreements is well-formed, and lists at most 200 institutions' tables",
          "[respondents][binary]") {
    TempDir dir;
    // 201 institutions of two respondents each, who disagree on the budget.
    std::string csv =
        "Marca temporal,Institución,Cargo,Tipo,Ubicación,Áreas,Plan,Presupuesto,Profesores B2,Convenios\n";
    for (int i = 1; i <= 201; ++i)
        for (const char* budget : {"Sí", "No"})
            csv +=
                fmt::format("t,Universidad {},Rectoría,Universidad pública,Urbana,STEM,Borrador,{},30,4\n", i, budget);
    write_file(dir.path() / "many.csv", csv);
    for (std::string lang : {"en", "es"}) {
        RunResult run = run_tne({"batch", (dir.path() / "many.csv").string(), "--csv-map", grouped("mapa.yaml"),
                                 "--summary", "-q", "--format", "html", "--lang", lang});
        REQUIRE(run.exit_code == 0);
        tinyxml2::XMLDocument document;
        bool parsed = document.Parse(run.out.c_str(), run.out.size()) == tinyxml2::XML_SUCCESS;
        INFO(document.ErrorStr());
        CHECK(parsed);
        CHECK(run.out.find(lang == "es"
                               ? "Las primeras 200 de 201 instituciones de varias personas"
                               : "The first 200 of 201 institutions of several respondents") != std::string::npos);
        CHECK(run.out.find(lang == "es" ? "Universidad 200 (2 personas)" : "Universidad 200 (2 respondents)") !=
              std::string::npos);
        CHECK(run.out.find("Universidad 201 (") == std::string::npos);
    }
}

TEST_CASE("a summary to -o FILE.xlsx is refused, pointing to --records, in both languages",
          "[respondents][xlsx][binary]") {
    TempDir dir;
    std::string workbook = (dir.path() / "c.xlsx").string();
    RunResult run = run_tne({"batch", "examples", "--summary", "-o", workbook});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("a workbook of the records and the summary is written with --records " + workbook) !=
          std::string::npos);
    run = run_tne({"batch", "examples", "--summary", "-o", workbook, "--lang", "es"});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("se escribe con --records " + workbook) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(workbook));
}

TEST_CASE("the map's institution and role columns must be texts, at their place", "[respondents][survey]") {
    TempDir dir;
    std::string map = read_file(grouped("mapa.yaml"));
    for (auto [from, to] : {std::pair<std::string, std::string>{"role_column: \"Cargo\"", "role_column: [Cargo]"},
                            {"institution_column: \"Institución\"", "institution_column: \"  \""}})
        map.replace(map.find(from), from.size(), to);
    std::string path = (dir.path() / "m.yaml").string();
    write_file(path, map);
    try {
        tne::load_survey_map(path, default_rubrics());
        FAIL("the map loaded");
    } catch (const tne::InputError& e) {
        REQUIRE(e.diagnostics().size() == 2);
        CHECK(e.diagnostics()[0].pos.line == 3);
        CHECK(e.diagnostics()[0].pos.column == 21);
        CHECK(e.diagnostics()[1].pos.line == 4);
        CHECK(e.diagnostics()[1].pos.column == 14);
    }
    tne::SurveyMap loaded = tne::load_survey_map(grouped("mapa.yaml"), default_rubrics());
    CHECK(loaded.institution_column == "Institución");
    CHECK(loaded.role_column == "Cargo");
}

TEST_CASE("a survey from a named pipe, which cannot be read twice, gives the records of the same file",
          "[respondents][survey][binary]") {
    TempDir dir;
    std::string fifo = (dir.path() / "pipe.csv").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string csv = read_file(grouped("respuestas.csv"));
    std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << csv; });
    RunResult run = run_tne({"batch", fifo, "--csv-map", grouped("mapa.yaml"), "--format", "jsonl", "-q"});
    writer.join();
    REQUIRE(run.exit_code == 0);
    RunResult from_file =
        run_tne({"batch", grouped("respuestas.csv"), "--csv-map", grouped("mapa.yaml"), "--format", "jsonl", "-q"});
    REQUIRE(from_file.exit_code == 0);
    // The same records in the same order, but for the source each names.
    std::istringstream piped(run.out), filed(from_file.out);
    size_t count = 0;
    for (std::string a, b; std::getline(piped, a) && std::getline(filed, b); ++count) {
        json x = json::parse(a), y = json::parse(b);
        CHECK(x.at("source") == fifo);
        x.erase("source");
        y.erase("source");
        CHECK(x == y);
    }
    CHECK(count == 2);
}

TEST_CASE("a grouped survey keeps a list question's option columns: at least half of the respondents chose it",
          "[respondents][survey][binary]") {
    TempDir dir;
    std::string map =
        "institution_column: Institución\n"
        "role_column: Cargo\n"
        "fields:\n"
        "  institution.name: Institución\n"
        "  institution.type: {column: Tipo, labels: {\"Universidad pública\": public_university}}\n"
        "  funding.external_sources:\n"
        "    options: {\"Fuentes - British Council\": british_council, \"Fuentes - Sector privado\": "
        "private_sector}\n"
        "    selected: [\"X\"]\n";
    write_file(dir.path() / "m.yaml", map);
    // The comment column between the institution and the options is dropped as rows are held.
    std::string csv =
        "Institución,Cargo,Comentario,Fuentes - British Council,Fuentes - Sector privado,Tipo\n"
        "Universidad del Lago,Rectoría,largo,X,X,Universidad pública\n"
        "Otra,Rectoría,,,X,Universidad pública\n"
        "Universidad del Lago,Docente,,,X,\n"
        "Universidad del Lago,Estudiante,,X,,\n";
    write_file(dir.path() / "r.csv", csv);
    RunResult run = run_tne({"batch", (dir.path() / "r.csv").string(), "--csv-map", (dir.path() / "m.yaml").string(),
                             "--format", "jsonl", "-q"});
    INFO(run.out);
    REQUIRE(run.exit_code == 0);
    std::istringstream lines(run.out);
    std::vector<json> records;
    for (std::string line; std::getline(lines, line);) records.push_back(json::parse(line));
    REQUIRE(records.size() == 2);
    const json& lago = records[1];
    REQUIRE(lago.at("name") == "Universidad del Lago");
    REQUIRE(lago.at("disagreements").size() == 1);
    const json& sources = lago.at("disagreements")[0];
    CHECK(sources.at("field") == "funding.external_sources");
    // British Council 2 of 3, private sector 2 of 3: both kept; each split, so the spread is 100.
    CHECK(sources.at("combined") == json::parse(R"(["british_council", "private_sector"])"));
    CHECK(sources.at("options") ==
          json::parse(R"([{"id": "british_council", "chosen": 2}, {"id": "private_sector", "chosen": 2}])"));
    CHECK(sources.at("spread") == 100);
}
