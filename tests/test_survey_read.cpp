// Survey exports read as the tools write them (tests/survey/): encodings, delimiters, header rows,
// decimal marks and .xlsx workbooks. Each export's institutions score exactly like the same
// institutions written as YAML profiles.
#include <xlsxwriter.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <functional>

#include "support.hpp"
#include "tne/assessment.hpp"
#include "tne/profile.hpp"
#include "tne/render.hpp"
#include "tne/survey.hpp"

using namespace tne::test;
namespace fs = std::filesystem;

namespace {

fs::path survey_dir() { return source_dir() / "tests" / "survey"; }

// An export read as `tne batch` reads it: opened, bound to its map, its decimal mark found.
struct ReadExport {
    tne::SurveyMap map;
    std::unique_ptr<tne::SurveyExport> source;
    tne::BoundSurvey bound;

    ReadExport(const std::string& file, const std::string& map_file)
        : map(tne::load_survey_map(map_file, default_rubrics())),
          source(std::make_unique<tne::SurveyExport>(file, map)) {
        REQUIRE(source->header());
        bound = tne::bind_survey(map, default_rubrics(), *source->header(), file, source->reading().sheet);
        tne::find_decimal_mark(bound, *source);
    }
    std::vector<tne::CsvRow> rows() {
        std::vector<tne::CsvRow> all;
        while (auto row = source->next()) all.push_back(std::move(*row));
        return all;
    }
};

// Each row's assessment as JSON, its source named as the profile it is compared with.
std::vector<std::string> assessments(ReadExport& survey, const std::vector<std::string>& names) {
    std::vector<std::string> out;
    std::vector<tne::CsvRow> rows = survey.rows();
    REQUIRE(rows.size() == names.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        tne::Profile profile = tne::survey_row_profile(survey.bound, rows[i]);
        profile.source = names[i];
        out.push_back(tne::render_json(tne::assess(std::move(profile), default_rubrics()), tne::Lang::en));
    }
    return out;
}

const std::vector<std::string> kProfiles = {"universidad-valle.yaml", "tecnologico-sierra.yaml", "centro-nandu.yaml"};

// The three institutions' assessments from their YAML profiles, less the answers `drop` names.
std::vector<std::string> profile_assessments(const std::vector<std::string>& drop = {}) {
    std::vector<std::string> out;
    for (const auto& name : kProfiles) {
        fs::path path = survey_dir() / "profiles" / name;
        tne::Profile profile = tne::load_profile(read_file(path), path.string(), default_rubrics());
        for (const auto& path_dropped : drop)
            profile.answers.erase(
                std::remove_if(profile.answers.begin(), profile.answers.end(),
                               [&](const tne::Answer& a) { return a.question->path == path_dropped; }),
                profile.answers.end());
        profile.source = name;
        out.push_back(tne::render_json(tne::assess(std::move(profile), default_rubrics()), tne::Lang::en));
    }
    return out;
}

void check_scores_like_profiles(ReadExport& survey, const std::vector<std::string>& drop = {}) {
    std::vector<std::string> expected = profile_assessments(drop);
    std::vector<std::string> actual = assessments(survey, kProfiles);
    for (size_t i = 0; i < expected.size(); ++i) {
        INFO(kProfiles[i]);
        CHECK(actual[i] == expected[i]);
    }
}

std::string in_survey(const std::string& name) { return (survey_dir() / name).string(); }

// A small map over kCsvHeader's columns, for the tests that write their own files.
const std::string kMap = R"(fields:
  institution.name: Nombre
  institution.type:
    column: Tipo
    labels: {"Universidad pública": public_university, "Centro de investigación": research_center}
  institution.students: Estudiantes
  language.faculty_b2_percent: B2
)";

struct Written {
    TempDir dir;
    std::string map_path = (dir.path() / "map.yaml").string();
    std::string file;
    Written(const std::string& name, const std::string& bytes, const std::string& map = kMap)
        : file((dir.path() / name).string()) {
        write_file(map_path, map);
        write_file(file, bytes);
    }
};

double number_of(const tne::Profile& profile, const std::string& path) {
    const tne::Answer* answer = profile.find(path);
    REQUIRE(answer != nullptr);
    REQUIRE(std::holds_alternative<double>(answer->value));
    return std::get<double>(answer->value);
}

std::vector<tne::Diagnostic> problems_of(const tne::BoundSurvey& bound, const tne::CsvRow& row) {
    try {
        tne::survey_row_profile(bound, row);
    } catch (const tne::InputError& e) {
        return e.diagnostics();
    }
    FAIL("the row loaded, but it should have been rejected");
    return {};
}

// UTF-16 bytes of UTF-8 text (which these tests keep to the Basic Multilingual Plane but for `😀`).
std::string utf16(const std::string& text, bool little) {
    std::string out;
    auto unit = [&](char16_t u) {
        char high = static_cast<char>(u >> 8), low = static_cast<char>(u & 0xFF);
        out += little ? low : high;
        out += little ? high : low;
    };
    for (size_t i = 0; i < text.size();) {
        auto byte = static_cast<unsigned char>(text[i]);
        char32_t code;
        size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
        code = length == 1 ? byte : length == 2 ? byte & 0x1F : length == 3 ? byte & 0x0F : byte & 0x07;
        for (size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        i += length;
        if (code >= 0x10000) {
            code -= 0x10000;
            unit(static_cast<char16_t>(0xD800 + (code >> 10)));
            unit(static_cast<char16_t>(0xDC00 + (code & 0x3FF)));
        } else {
            unit(static_cast<char16_t>(code));
        }
    }
    return out;
}

// A workbook written with libxlsxwriter: `fill` writes its first sheet.
void write_workbook(const std::string& path, const std::function<void(lxw_workbook*, lxw_worksheet*)>& fill,
                    const char* sheet = "Sheet1") {
    lxw_workbook* workbook = workbook_new(path.c_str());
    REQUIRE(workbook != nullptr);
    lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet);
    fill(workbook, worksheet);
    REQUIRE(workbook_close(workbook) == LXW_NO_ERROR);
}

const std::vector<std::string> kFormsQuestions = {"Nombre de la institución",
                                                  "Tipo de institución",
                                                  "Número de estudiantes inscritos",
                                                  "Áreas de fortaleza de la institución",
                                                  "¿Tiene un plan de ETN?",
                                                  "¿Tiene una partida presupuestal propia para internacionalización?",
                                                  "Porcentaje de profesores con inglés B2 o superior",
                                                  "Número de convenios internacionales vigentes"};

// Microsoft Forms' "Open results in Excel": Id, the start and completion times as dates, the
// respondent's e-mail and name, then one column per question. The third institution's B2 share was
// not answered: its cell is not written at all, so the row skips it.
void write_forms_export(const std::string& path, const std::string& second_type = "Instituto tecnológico") {
    write_workbook(path, [&](lxw_workbook* workbook, lxw_worksheet* sheet) {
        lxw_format* date = workbook_add_format(workbook);
        format_set_num_format(date, "m/d/yy h:mm:ss");
        std::vector<std::string> header = {"Id", "Start time", "Completion time", "Email", "Name"};
        header.insert(header.end(), kFormsQuestions.begin(), kFormsQuestions.end());
        for (size_t c = 0; c < header.size(); ++c)
            worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c].c_str(), nullptr);
        struct Row {
            const char* name;
            std::string type;
            double students;
            const char* areas;
            const char* plan;
            const char* budget;
            std::optional<double> b2;
            double agreements;
        };
        std::vector<Row> rows = {
            {"Universidad Autónoma del Valle", "Universidad pública", 12500, "STEM;Negocios;", "Aprobado", "Sí", 37.5,
             1200},
            {"Instituto Tecnológico de la Sierra", second_type, 1000, "Educación;", "En borrador", "En parte", 10, 8},
            {"Centro de Investigación Ñandú, A.C.", "Centro de investigación", 150, "", "No", "No", std::nullopt, 0}};
        for (size_t r = 0; r < rows.size(); ++r) {
            auto at = static_cast<lxw_row_t>(r + 1);
            const Row& row = rows[r];
            worksheet_write_number(sheet, at, 0, static_cast<double>(r + 1), nullptr);
            lxw_datetime start = {2025, 3, static_cast<int>(r) + 3, 9, 12, 44};
            lxw_datetime end = {2025, 3, static_cast<int>(r) + 3, 9, 31, 2};
            worksheet_write_datetime(sheet, at, 1, &start, date);
            worksheet_write_datetime(sheet, at, 2, &end, date);
            worksheet_write_string(sheet, at, 3, "anonymous", nullptr);
            worksheet_write_string(sheet, at, 5, row.name, nullptr);
            worksheet_write_string(sheet, at, 6, row.type.c_str(), nullptr);
            worksheet_write_number(sheet, at, 7, row.students, nullptr);
            if (*row.areas) worksheet_write_string(sheet, at, 8, row.areas, nullptr);
            worksheet_write_string(sheet, at, 9, row.plan, nullptr);
            worksheet_write_string(sheet, at, 10, row.budget, nullptr);
            if (row.b2) worksheet_write_number(sheet, at, 11, *row.b2, nullptr);
            worksheet_write_number(sheet, at, 12, row.agreements, nullptr);
        }
    });
}

}  // namespace

// ---- each tool's export scores like the YAML profiles ---------------------------------------------

TEST_CASE("a Qualtrics export: three header rows recognised, the decimal point found", "[survey][read]") {
    ReadExport survey(in_survey("qualtrics.csv"), in_survey("qualtrics.map.yaml"));
    const tne::SurveyReading& reading = survey.source->reading();
    CHECK(reading.encoding == tne::TextEncoding::utf8);
    CHECK(reading.byte_order_mark);
    CHECK(reading.delimiter == ',');
    CHECK_FALSE(reading.delimiter_declared);
    CHECK(reading.header_rows == 3);
    CHECK(reading.header_tool == "Qualtrics");
    CHECK(reading.decimal == tne::DecimalMark::point);
    CHECK(reading.decimal_from == tne::DecimalFrom::cells);  // "37.5"; so "1,200" is 1200
    check_scores_like_profiles(survey);
}

TEST_CASE("the header rows after the first are kept as read", "[survey][read]") {
    // Qualtrics: the question texts and the ImportId row, which `tne survey map` matches by.
    ReadExport qualtrics(in_survey("qualtrics.csv"), in_survey("qualtrics.map.yaml"));
    const std::vector<tne::CsvRow>& later = qualtrics.source->later_header_rows();
    REQUIRE(later.size() == 2);
    REQUIRE(later[0].cells.size() > 17);
    CHECK(qualtrics.source->header()->cells[17].text == "Q1");
    CHECK(later[0].cells[17].text == "Nombre de la institución");
    CHECK(later[0].line == 2);
    CHECK(later[1].cells[17].text.rfind("{\"ImportId\"", 0) == 0);
    // SurveyMonkey: its second row as written, before it was joined into the header.
    ReadExport monkey(in_survey("surveymonkey.csv"), in_survey("surveymonkey.map.yaml"));
    REQUIRE(monkey.source->later_header_rows().size() == 1);
    CHECK(monkey.source->later_header_rows()[0].cells.at(12).text == "STEM");
    // One header row: none.
    ReadExport excel(in_survey("excel-es.csv"), in_survey("excel-es.map.yaml"));
    CHECK(excel.source->later_header_rows().empty());
}

TEST_CASE("the data rows after recognised header rows keep their lines and are numbered from 1", "[survey][read]") {
    ReadExport survey(in_survey("qualtrics.csv"), in_survey("qualtrics.map.yaml"));
    std::vector<tne::CsvRow> rows = survey.rows();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].number == 1);
    CHECK(rows[0].line == 4);
    CHECK(rows[2].number == 3);
    CHECK(rows[2].line == 6);
}

TEST_CASE("a SurveyMonkey export: two header rows joined into one", "[survey][read]") {
    ReadExport survey(in_survey("surveymonkey.csv"), in_survey("surveymonkey.map.yaml"));
    const tne::SurveyReading& reading = survey.source->reading();
    CHECK(reading.header_rows == 2);
    CHECK(reading.header_tool == "SurveyMonkey");
    std::vector<std::string> header;
    for (const auto& cell : survey.source->header()->cells) header.push_back(cell.text);
    // A question of one column keeps its text; each option's column is "<question> - <option>".
    CHECK(std::count(header.begin(), header.end(), "Tipo de institución") == 1);
    for (const char* option : {"STEM", "Negocios", "Educación", "Other (please specify)"})
        CHECK(std::count(header.begin(), header.end(),
                         std::string("Áreas de fortaleza de la institución - ") + option) == 1);
    CHECK(std::count(header.begin(), header.end(), "Respondent ID") == 1);
    std::vector<tne::CsvRow> rows = survey.rows();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].line == 3);
    CHECK(rows[0].number == 1);
    // The areas come in per-option columns (the map's `options:`).
    survey.source = std::make_unique<tne::SurveyExport>(in_survey("surveymonkey.csv"), survey.map);
    check_scores_like_profiles(survey);
}

TEST_CASE("an Excel export from a Spanish-locale Windows: Windows-1252, \";\" and a decimal comma", "[survey][read]") {
    ReadExport survey(in_survey("excel-es.csv"), in_survey("excel-es.map.yaml"));
    const tne::SurveyReading& reading = survey.source->reading();
    CHECK(reading.encoding == tne::TextEncoding::windows1252);
    CHECK_FALSE(reading.encoding_declared);
    CHECK_FALSE(reading.undefined_windows_1252);
    CHECK(reading.delimiter == ';');
    CHECK(reading.header_rows == 1);
    CHECK(reading.decimal == tne::DecimalMark::comma);
    CHECK(reading.decimal_from == tne::DecimalFrom::cells);  // "37,5"; so "12.500" is 12500
    check_scores_like_profiles(survey);
}

TEST_CASE("Excel's Unicode text: UTF-16 little-endian with a byte-order mark and tabs", "[survey][read]") {
    ReadExport survey(in_survey("excel-unicode.tsv"), in_survey("excel-es.map.yaml"));
    const tne::SurveyReading& reading = survey.source->reading();
    CHECK(reading.encoding == tne::TextEncoding::utf16le);
    CHECK(reading.byte_order_mark);
    CHECK(reading.delimiter == '\t');
    CHECK(reading.decimal == tne::DecimalMark::point);
    check_scores_like_profiles(survey);
}

TEST_CASE("a Microsoft Forms workbook (.xlsx) read directly", "[survey][read][xlsx]") {
    TempDir dir;
    const std::string path = (dir.path() / "respuestas.xlsx").string();
    write_forms_export(path);
    ReadExport survey(path, in_survey("msforms.map.yaml"));
    CHECK(survey.source->reading().sheet == "Sheet1");
    check_scores_like_profiles(survey);

    ReadExport again(path, in_survey("msforms.map.yaml"));
    std::vector<tne::CsvRow> rows = again.rows();
    REQUIRE(rows.size() == 3);
    // Numbers as written, dates in ISO form, a skipped cell in its column, each cell at its place.
    CHECK(rows[0].cells.at(0).text == "1");
    CHECK(rows[0].cells.at(1).text == "2025-03-03 09:12:44");
    CHECK(rows[0].cells.at(7).text == "12500");
    CHECK(rows[0].cells.at(11).text == "37.5");
    CHECK(rows[2].cells.at(11).text.empty());
    CHECK(rows[2].cells.at(12).text == "0");
    CHECK(rows[2].cells.size() == 13);
    CHECK(rows[1].line == 3);
    CHECK(rows[1].cells.at(6).column == 7);
}

TEST_CASE("an .xlsx cell's error names the sheet and the cell", "[survey][read][xlsx]") {
    TempDir dir;
    const std::string path = (dir.path() / "respuestas.xlsx").string();
    write_forms_export(path, "Universidad tecnológica");
    ReadExport survey(path, in_survey("msforms.map.yaml"));
    std::vector<tne::CsvRow> rows = survey.rows();
    REQUIRE(rows.size() == 3);
    std::vector<tne::Diagnostic> problems = problems_of(survey.bound, rows[1]);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].str(tne::Lang::en).rfind(path + ":Sheet1!G3: column \"Tipo de institución\"", 0) == 0);
}

TEST_CASE("tne batch reads an .xlsx export, a named sheet with --sheet, and says what it read",
          "[survey][read][xlsx][binary]") {
    TempDir dir;
    const std::string path = (dir.path() / "respuestas.xlsx").string();
    write_workbook(
        path,
        [&](lxw_workbook* workbook, lxw_worksheet*) {
            lxw_worksheet* answers = workbook_add_worksheet(workbook, "Respuestas");
            worksheet_write_string(answers, 0, 0, "Nombre", nullptr);
            worksheet_write_string(answers, 0, 1, "Tipo", nullptr);
            worksheet_write_string(answers, 0, 2, "Estudiantes", nullptr);
            worksheet_write_string(answers, 0, 3, "B2", nullptr);
            worksheet_write_string(answers, 1, 0, "Universidad Uno", nullptr);
            worksheet_write_string(answers, 1, 1, "Universidad pública", nullptr);
        },
        "Notas");
    write_file(dir.path() / "map.yaml", kMap);
    const std::string map = (dir.path() / "map.yaml").string();
    RunResult first = run_tne({"batch", path, "--map", map, "--format", "jsonl"});
    CHECK(first.exit_code == 3);  // the first sheet, "Notas", is empty
    RunResult named = run_tne({"batch", path, "--csv-map", map, "--sheet", "Respuestas", "--format", "jsonl"});
    CHECK(named.exit_code == 0);
    CHECK(named.out.find("\"name\": \"Universidad Uno\"") != std::string::npos);
    CHECK(named.err == "tne: " + path + ": read as sheet \"Respuestas\", 1 header row, decimal point (assumed)\n" +
                           "tne: 1 read = 1 scored + 0 failed\n");
    RunResult missing = run_tne({"batch", path, "--map", map, "--sheet", "Hoja9", "--lang", "es"});
    CHECK(missing.exit_code == 3);
    CHECK(missing.err.find(path + ": el libro no tiene la hoja \"Hoja9\"; sus hojas: \"Notas\", \"Respuestas\"") !=
          std::string::npos);
}

TEST_CASE("tne survey map drafts from a Microsoft Forms workbook a map that gives the hand-written map's records",
          "[survey][read][xlsx][draft][binary]") {
    TempDir dir;
    const std::string path = (dir.path() / "respuestas.xlsx").string();
    write_forms_export(path);
    const std::string draft = (dir.path() / "borrador.yaml").string();
    RunResult drafted = run_tne({"survey", "map", path, "-o", draft});
    REQUIRE(drafted.exit_code == 0);
    const std::string text = read_file(draft);
    CHECK(text.find("TODO-") == std::string::npos);
    CHECK(text.find("# The file was read as sheet \"Sheet1\", 1 header row.") != std::string::npos);
    CHECK(text.find("\nsheet:") == std::string::npos);  // the first sheet, which tne batch reads anyway
    RunResult with_draft = run_tne({"batch", path, "--csv-map", draft, "--format", "jsonl"});
    RunResult with_written = run_tne({"batch", path, "--csv-map", in_survey("msforms.map.yaml"), "--format", "jsonl"});
    CHECK(with_written.exit_code == 0);
    CHECK(with_draft.exit_code == 0);
    CHECK(std::count(with_written.out.begin(), with_written.out.end(), '\n') == 3);
    CHECK(with_draft.out == with_written.out);
}

TEST_CASE("tne survey map reads the sheet --sheet names, and the map names it for tne batch",
          "[survey][read][xlsx][draft][binary]") {
    TempDir dir;
    const std::string path = (dir.path() / "respuestas.xlsx").string();
    write_workbook(
        path,
        [&](lxw_workbook* workbook, lxw_worksheet*) {
            lxw_worksheet* answers = workbook_add_worksheet(workbook, "Respuestas");
            worksheet_write_string(answers, 0, 0, "Nombre de la institución", nullptr);
            worksheet_write_string(answers, 0, 1, "Tipo de institución", nullptr);
            worksheet_write_string(answers, 1, 0, "Universidad Uno", nullptr);
            worksheet_write_string(answers, 1, 1, "Universidad pública", nullptr);
        },
        "Notas");
    // The first sheet is empty: nothing to draft from.
    RunResult first = run_tne({"survey", "map", path});
    CHECK(first.exit_code == 2);
    CHECK(first.err.find("the export has no header row") != std::string::npos);
    CHECK(first.out.empty());

    const std::string draft = (dir.path() / "mapa.yaml").string();
    RunResult named = run_tne({"encuesta", "mapa", path, "--sheet", "Respuestas", "-o", draft, "--lang", "es"});
    REQUIRE(named.exit_code == 0);
    CHECK(read_file(draft).find("\nsheet: \"Respuestas\"\n") != std::string::npos);
    CHECK(read_file(draft).find("# El archivo fue leído como hoja \"Respuestas\", 1 fila de encabezado.") !=
          std::string::npos);
    RunResult batch = run_tne({"batch", path, "--csv-map", draft, "--format", "jsonl"});
    CHECK(batch.exit_code == 0);
    CHECK(batch.out.find("\"name\": \"Universidad Uno\"") != std::string::npos);

    RunResult missing = run_tne({"survey", "map", path, "--sheet", "Hoja9"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find(path + ": the workbook has no sheet \"Hoja9\"") != std::string::npos);
}

TEST_CASE("tne batch states how a Windows-1252 export was read, in English and in Spanish", "[survey][read][binary]") {
    const std::string file = in_survey("excel-es.csv");
    RunResult en = run_tne({"batch", file, "--csv-map", in_survey("excel-es.map.yaml")});
    CHECK(en.exit_code == 0);
    CHECK(en.err == "tne: " + file +
                        ": read as Windows-1252 (detected), delimiter \";\" (detected), 1 header row, decimal comma "
                        "(detected in the numbers)\ntne: 3 read = 3 scored + 0 failed\n");
    RunResult es = run_tne({"batch", file, "--csv-map", in_survey("excel-es.map.yaml"), "--lang", "es"});
    CHECK(
        es.err.rfind("tne: " + file +
                         ": leído como Windows-1252 (detectado), delimitador \";\" (detectado), 1 fila de encabezado, "
                         "coma decimal (detectado en los números)\n",
                     0) == 0);
}

// ---- encodings ------------------------------------------------------------------------------------

TEST_CASE("UTF-16 big-endian, and a character beyond the BMP, keep columns in characters", "[survey][read]") {
    const std::string text =
        "\xEF\xBB\xBFNombre,Tipo,Estudiantes,B2\r\n"
        "Universidad 😀 Ñ,Universidad pública,10,20\r\n"
        "Centro Ñandú,Centro de investigación,abc,5\r\n";
    Written written("r.csv", utf16(text, false));
    ReadExport survey(written.file, written.map_path);
    CHECK(survey.source->reading().encoding == tne::TextEncoding::utf16be);
    std::vector<tne::CsvRow> rows = survey.rows();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].cells[0].text == "Universidad 😀 Ñ");
    CHECK(rows[0].cells[1].column == 17);  // the emoji is one character
    std::vector<tne::Diagnostic> problems = problems_of(survey.bound, rows[1]);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pos.line == 3);
    CHECK(problems[0].pos.column == 38);
}

TEST_CASE("UTF-16 decodes the same across the reader's 64 KiB blocks", "[survey][read]") {
    std::string text = "Nombre,Tipo,Estudiantes,B2\n";
    for (int i = 0; i < 3000; ++i) text += "Universidad Ñ 😀 " + std::to_string(i) + ",Universidad pública,10,20\n";
    Written written("r.csv", "\xFF\xFE" + utf16(text, true));
    ReadExport survey(written.file, written.map_path);
    std::vector<tne::CsvRow> rows = survey.rows();
    REQUIRE(rows.size() == 3000);
    for (int i = 0; i < 3000; ++i) {
        INFO(i);
        REQUIRE(rows[static_cast<size_t>(i)].cells[0].text == "Universidad Ñ 😀 " + std::to_string(i));
        REQUIRE(rows[static_cast<size_t>(i)].line == i + 2);
    }
}

TEST_CASE("an encoding declared in the map wins over detection", "[survey][read]") {
    // "Ã±" in UTF-8 reads as two Windows-1252 characters when the map says so.
    Written written("r.csv", "Nombre,Tipo\nCentro Ã±,Centro de investigación\n",
                    "encoding: windows-1252\n" + kMap.substr(0, kMap.find("  institution.students")));
    ReadExport survey(written.file, written.map_path);
    CHECK(survey.source->reading().encoding_declared);
    std::vector<tne::CsvRow> rows = survey.rows();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].cells[0].text == "Centro \xC3\x83\xC6\x92\xC3\x82\xC2\xB1");  // "Ã" "ƒ" "Â" "±"
}

TEST_CASE("a byte Windows-1252 leaves undefined is said, and its cell fails at its place", "[survey][read]") {
    Written written("r.csv", "Nombre,Tipo,Estudiantes,B2\nCentro \xF1\x81,Centro de investigación,10,20\n");
    ReadExport survey(written.file, written.map_path);
    const tne::SurveyReading& reading = survey.source->reading();
    CHECK(reading.encoding == tne::TextEncoding::windows1252);
    CHECK(reading.undefined_windows_1252);
    CHECK(tne::describe_reading(reading).en.find("neither UTF-8 nor Windows-1252") != std::string::npos);
    RunResult run = run_tne({"batch", written.file, "--csv-map", written.map_path});
    CHECK(run.exit_code == 3);
    CHECK(run.err.find(written.file + ":2:9: ") != std::string::npos);
}

// ---- delimiters and header rows -------------------------------------------------------------------

TEST_CASE("the delimiter is found among , ; tab and |, quotes respected", "[survey][read]") {
    for (char delimiter : {',', ';', '\t', '|'}) {
        std::string d(1, delimiter);
        INFO("delimiter " << d);
        // The quoted name holds the other delimiters: they do not count.
        Written written("r.csv", "Nombre" + d + "Tipo" + d + "Estudiantes" + d + "B2\n\"Centro, Uno; |\tDos\"" + d +
                                     "Centro de investigación" + d + "10" + d + "20\n");
        ReadExport survey(written.file, written.map_path);
        CHECK(survey.source->reading().delimiter == delimiter);
        CHECK_FALSE(survey.source->reading().delimiter_declared);
        std::vector<tne::CsvRow> rows = survey.rows();
        REQUIRE(rows.size() == 1);
        CHECK(rows[0].cells[0].text == "Centro, Uno; |\tDos");
    }
}

TEST_CASE("a delimiter the map declares is kept, and a wrong one still names the right one", "[survey][read]") {
    Written written("r.csv", "Nombre;Tipo;Estudiantes;B2\nCentro;Centro de investigación;10;20\n",
                    "delimiter: \",\"\n" + kMap);
    tne::SurveyMap map = tne::load_survey_map(written.map_path, default_rubrics());
    tne::SurveyExport source(written.file, map);
    CHECK(source.reading().delimiter == ',');
    try {
        tne::bind_survey(map, default_rubrics(), *source.header(), written.file);
        FAIL("bound with the wrong delimiter");
    } catch (const tne::InputError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics()[0].message.en.find("the header looks separated by \";\", not \",\"") == 0);
    }
}

TEST_CASE("header_rows in the map skips the rows after the header", "[survey][read]") {
    Written written("r.csv",
                    "Nombre,Tipo,Estudiantes,B2\nName,Type,Students,B2 share\n(texto),(opción),(número),(%)\n"
                    "Centro Uno,Centro de investigación,10,20\n",
                    "header_rows: 3\n" + kMap);
    ReadExport survey(written.file, written.map_path);
    CHECK(survey.source->reading().header_rows == 3);
    CHECK(survey.source->reading().header_rows_declared);
    std::vector<tne::CsvRow> rows = survey.rows();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].number == 1);
    CHECK(rows[0].line == 4);
    CHECK(tne::survey_row_profile(survey.bound, rows[0]).find("institution.name") != nullptr);
}

TEST_CASE("rows read ahead to recognise header rows are data when they are not", "[survey][read]") {
    Written written("r.csv",
                    "Nombre,Tipo,Estudiantes,B2\nUno,Centro de investigación,1,2\nDos,Centro de investigación,3,4\n"
                    "Tres,Centro de investigación,5,6\n");
    ReadExport survey(written.file, written.map_path);
    CHECK(survey.source->reading().header_rows == 1);
    std::vector<tne::CsvRow> rows = survey.rows();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].cells[0].text == "Uno");
    CHECK(rows[0].number == 1);
    CHECK(rows[2].cells[0].text == "Tres");
    CHECK(rows[2].line == 4);
}

// ---- the decimal mark -----------------------------------------------------------------------------

TEST_CASE("with \";\" and no decimal in any number, \"1.000\" is a thousand", "[survey][read]") {
    Written written("r.csv", "Nombre;Tipo;Estudiantes;B2\nUno;Centro de investigación;1.000;20\n");
    ReadExport survey(written.file, written.map_path);
    CHECK(survey.source->reading().decimal_from == tne::DecimalFrom::delimiter);
    std::vector<tne::CsvRow> rows = survey.rows();
    CHECK(number_of(tne::survey_row_profile(survey.bound, rows.at(0)), "institution.students") == 1000);
}

TEST_CASE("a number no other number decides is ambiguous, and the error names both readings", "[survey][read]") {
    Written written("r.csv", "Nombre,Tipo,Estudiantes,B2\nUno,Centro de investigación,\"1,000\",20\n");
    ReadExport survey(written.file, written.map_path);
    CHECK(survey.source->reading().decimal_from == tne::DecimalFrom::assumed);
    std::vector<tne::CsvRow> rows = survey.rows();
    std::vector<tne::Diagnostic> problems = problems_of(survey.bound, rows.at(0));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pos.line == 2);
    CHECK(problems[0].pos.column == 29);
    CHECK(problems[0].message.en ==
          "column \"Estudiantes\": \"1,000\" is 1000 with a decimal point and 1 with a decimal comma, and no number of "
          "the file says which it uses; set `decimal: point` or `decimal: comma` in the map");
    CHECK(problems[0].message.es.find("es 1000 con punto decimal y 1 con coma decimal") != std::string::npos);
}

TEST_CASE("decimal: in the map reads grouped and decimal numbers its way", "[survey][read]") {
    Written comma("r.csv", "Nombre,Tipo,Estudiantes,B2\nUno,Centro de investigación,\"1.234\",\"12,5\"\n",
                  "decimal: comma\n" + kMap);
    ReadExport by_comma(comma.file, comma.map_path);
    CHECK(by_comma.source->reading().decimal_from == tne::DecimalFrom::map);
    tne::Profile profile = tne::survey_row_profile(by_comma.bound, by_comma.rows().at(0));
    CHECK(number_of(profile, "institution.students") == 1234);
    CHECK(number_of(profile, "language.faculty_b2_percent") == 12.5);

    Written point("r.csv", "Nombre,Tipo,Estudiantes,B2\nUno,Centro de investigación,\"1,234\",12.5\n",
                  "decimal: point\n" + kMap);
    ReadExport by_point(point.file, point.map_path);
    profile = tne::survey_row_profile(by_point.bound, by_point.rows().at(0));
    CHECK(number_of(profile, "institution.students") == 1234);
    CHECK(number_of(profile, "language.faculty_b2_percent") == 12.5);

    // Badly grouped, or the wrong mark for the file, is no number.
    Written bad("r.csv", "Nombre,Tipo,Estudiantes,B2\nUno,Centro de investigación,\"1,23\",\"12.5\"\n",
                "decimal: comma\n" + kMap);
    ReadExport by_bad(bad.file, bad.map_path);
    std::vector<tne::Diagnostic> problems = problems_of(by_bad.bound, by_bad.rows().at(0));
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].message.en.find("\"1,23\" is not valid") != std::string::npos);
    CHECK(problems[1].message.en.find("\"12.5\" is not valid") != std::string::npos);
}

TEST_CASE("the map's reading settings are checked", "[survey][read][map]") {
    for (const auto& [setting, expected] : std::vector<std::pair<std::string, std::string>>{
             {"encoding: latin9", "is not an encoding this reads; expected one of: utf-8, utf-16, windows-1252"},
             {"header_rows: 0", "is not a number of header rows; expected a whole number from 1 to 100"},
             {"header_rows: dos", "is not a number of header rows"},
             {"decimal: dot", "is not a decimal mark; expected comma or point"},
             {"sheet: []", "expected"}}) {
        INFO(setting);
        TempDir dir;
        write_file(dir.path() / "map.yaml", setting + "\n" + kMap);
        try {
            tne::load_survey_map((dir.path() / "map.yaml").string(), default_rubrics());
            FAIL("the map loaded");
        } catch (const tne::InputError& e) {
            REQUIRE(e.diagnostics().size() == 1);
            CHECK(e.diagnostics()[0].pos.line == 1);
            CHECK(e.diagnostics()[0].message.en.find(expected) != std::string::npos);
        }
    }
}

// ---- .xlsx that is broken or too large ------------------------------------------------------------

TEST_CASE("a file named .xlsx that is not a workbook fails as one input, with why", "[survey][read][xlsx][binary]") {
    Written written("r.xlsx", "Nombre,Tipo\nUno,Centro de investigación\n");
    RunResult run = run_tne({"batch", written.file, "--csv-map", written.map_path});
    CHECK(run.exit_code == 3);
    CHECK(run.err.find(written.file + ": not an .xlsx workbook that can be read") != std::string::npos);
}

TEST_CASE("an .xlsx part larger than the input limit once inflated is refused before it is held",
          "[survey][read][xlsx][binary]") {
    TempDir dir;
    const std::string path = (dir.path() / "grande.xlsx").string();
    // 200 different strings of 30,000 characters: 6 MB of shared strings, which deflate to little.
    write_workbook(path, [&](lxw_workbook*, lxw_worksheet* sheet) {
        worksheet_write_string(sheet, 0, 0, "Nombre", nullptr);
        worksheet_write_string(sheet, 0, 1, "Tipo", nullptr);
        for (int i = 0; i < 200; ++i) {
            std::string text = std::to_string(i) + std::string(30000, 'x');
            worksheet_write_string(sheet, static_cast<lxw_row_t>(i + 1), 0, text.c_str(), nullptr);
        }
    });
    REQUIRE(fs::file_size(path) < 1024 * 1024);
    write_file(dir.path() / "map.yaml", kMap);
    RunResult run =
        run_tne({"batch", path, "--csv-map", (dir.path() / "map.yaml").string()}, {"TNE_MAX_INPUT_BYTES=1M"});
    CHECK(run.exit_code == 3);
    CHECK(run.err.find(path + ": the workbook's xl/sharedStrings.xml holds more than 1048576 bytes once inflated, "
                              "the limit TNE_MAX_INPUT_BYTES sets") != std::string::npos);
}

TEST_CASE("tne batch reads a .tsv export as a survey, and refuses a survey export without a map",
          "[survey][read][binary]") {
    const std::string file = in_survey("excel-unicode.tsv");
    RunResult es = run_tne({"batch", file, "--map", in_survey("excel-es.map.yaml"), "--lang", "es"});
    CHECK(es.exit_code == 0);
    CHECK(es.err == "tne: " + file +
                        ": leído como UTF-16LE (marca de orden de bytes), delimitador tabulador (detectado), 1 fila de "
                        "encabezado, punto decimal (detectado en los números)\ntne: 3 leídos = 3 evaluados + 0 con "
                        "errores\n");
    for (const char* name : {"respuestas.xlsx", "respuestas.tsv"}) {
        RunResult run = run_tne({"batch", name});
        CHECK(run.exit_code == 2);
        CHECK(
            run.err.find(std::string(name) + " is a survey export (CSV, TSV or .xlsx, by its name); give --csv-map") !=
            std::string::npos);
    }
}

TEST_CASE("an .xlsx cell that is not readable text fails its row at the cell's reference",
          "[survey][read][xlsx][binary]") {
    TempDir dir;
    const std::string path = (dir.path() / "respuestas.xlsx").string();
    write_workbook(path, [&](lxw_workbook*, lxw_worksheet* sheet) {
        const char* header[] = {"Nombre", "Tipo", "Estudiantes", "B2"};
        for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(sheet, 0, c, header[c], nullptr);
        worksheet_write_string(sheet, 1, 0, "Centro Uno", nullptr);
        worksheet_write_string(sheet, 1, 1, "Centro de investigación", nullptr);
        worksheet_write_string(sheet, 2, 0, "Centro\x7F Dos", nullptr);  // DEL: XML allows it, a profile does not
        worksheet_write_string(sheet, 2, 1, "Centro de investigación", nullptr);
        // A control character, which the workbook writes as "_x0007_", is read as what it stands for.
        worksheet_write_string(sheet, 3, 0, "Centro\x07 Tres", nullptr);
        worksheet_write_string(sheet, 3, 1, "Centro de investigación", nullptr);
    });
    write_file(dir.path() / "map.yaml", kMap);
    RunResult run = run_tne({"batch", path, "--csv-map", (dir.path() / "map.yaml").string(), "-j", "1"});
    CHECK(run.exit_code == 3);
    CHECK(run.err.find("tne: error: " + path + ":Sheet1!A3: ") != std::string::npos);
    CHECK(run.err.find("tne: error: " + path + ":Sheet1!A4: ") != std::string::npos);
    CHECK(run.err.find("3 read = 1 scored + 2 failed") != std::string::npos);
}
