// CSV in and out without silent loss: a survey export's rows are bounded while they are read (a row
// past its limit fails alone and the next one is read where it starts), a file that yields no row is
// a failed input, CR-only exports read like any other, and the records tne writes open in a
// spreadsheet without running anything.
#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <sstream>
#include <streambuf>

#include "base/json_writer.hpp"
#include "support.hpp"
#include "tne/assessment.hpp"
#include "tne/batch.hpp"
#include "tne/input.hpp"
#include "tne/profile.hpp"
#include "tne/survey.hpp"

using namespace tne;
using namespace tne::test;
namespace fs = std::filesystem;

namespace {

std::vector<CsvRow> read_limited(const std::string& text, CsvLimits limits) {
    std::istringstream in(text);
    CsvReader reader(in, ',', limits);
    std::vector<CsvRow> rows;
    while (auto row = reader.next()) rows.push_back(std::move(*row));
    return rows;
}

std::vector<std::string> texts(const CsvRow& row) {
    std::vector<std::string> out;
    for (const auto& cell : row.cells) out.push_back(cell.text);
    return out;
}

using Items = std::vector<std::string>;

// `size` bytes of `fill`, then `tail`, made as they are read: a file of any size without holding it.
class Endless : public std::streambuf {
public:
    Endless(unsigned long long size, char fill, std::string tail) : left_(size), tail_(std::move(tail)) {
        block_.assign(1 << 16, fill);
    }

protected:
    int_type underflow() override {
        if (left_ > 0) {
            auto n = static_cast<size_t>(std::min<unsigned long long>(left_, block_.size()));
            left_ -= n;
            setg(block_.data(), block_.data(), block_.data() + n);
        } else if (!tail_done_) {
            tail_done_ = true;
            setg(tail_.data(), tail_.data(), tail_.data() + tail_.size());
        } else {
            return traits_type::eof();
        }
        return gptr() == egptr() ? traits_type::eof() : traits_type::to_int_type(*gptr());
    }

private:
    unsigned long long left_;
    std::string block_;
    std::string tail_;
    bool tail_done_ = false;
};

// A small map, so that a small TNE_MAX_INPUT_BYTES still lets it load.
const std::string kSmallMap =
    "fields:\n"
    "  institution.name: Nombre\n"
    "  institution.type:\n"
    "    column: Tipo\n"
    "    labels: {\"Universidad pública\": public_university}\n";

std::string shipped_header() {
    std::string text = read_file(source_dir() / "examples/survey/respuestas.csv");
    return text.substr(0, text.find("\r\n"));
}

// Runs `tne` in `dir` (so that relative file names are as given), like run_tne otherwise.
RunResult run_tne_in(const fs::path& dir, const std::vector<std::string>& args) {
    auto quote = [](const std::string& word) {
        std::string out = "'";
        for (char ch : word) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
        return out + "'";
    };
    TempDir temp;
    const fs::path err = temp.path() / "stderr";
    std::string command = "cd " + quote(dir.string()) + " && env -i PATH=/usr/bin:/bin";
    for (const auto& variable : sanitizer_environment()) command += " " + quote(variable);
    command += " " + quote(TNE_BINARY);
    for (const auto& arg : args) command += " " + quote(arg);
    command += " 2>" + quote(err.string()) + " </dev/null";
    RunResult result;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
    int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.err = read_file(err);
    check_no_sanitizer_report(result.exit_code, result.err);
    return result;
}

std::vector<nlohmann::json> json_lines(const std::string& text) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
}

// The cells of a records CSV row by column name.
std::map<std::string, std::string> record_cells(const std::string& records, size_t row) {
    auto rows = read_limited(records, default_csv_limits());
    REQUIRE(rows.size() > row);
    REQUIRE(rows[row].cells.size() == rows[0].cells.size());
    std::map<std::string, std::string> cells;
    for (size_t i = 0; i < rows[0].cells.size(); ++i) cells[rows[0].cells[i].text] = rows[row].cells[i].text;
    return cells;
}

}  // namespace

// ---- limits while reading -------------------------------------------------------------------------

TEST_CASE("the default CSV limits are TNE_MAX_INPUT_BYTES a row and 16,384 cells", "[survey][csv][limits]") {
    CHECK(default_csv_limits().row_bytes == input::max_bytes());
    CHECK(default_csv_limits().cells == 16384);
}

TEST_CASE("a row is kept up to its byte limit, quotes and delimiters counted, and no further",
          "[survey][csv][limits]") {
    const CsvLimits limits{64, 4};
    auto fits = read_limited("h\n" + std::string(64, 'x') + "\n\"" + std::string(62, 'y') + "\"\n", limits);
    REQUIRE(fits.size() == 3);
    CHECK_FALSE(fits[1].overflow);
    CHECK(texts(fits[1]) == Items{std::string(64, 'x')});
    CHECK_FALSE(fits[2].overflow);
    CHECK(texts(fits[2]) == Items{std::string(62, 'y')});

    auto over = read_limited("h\n" + std::string(65, 'x') + "\nab,\"c\"" + std::string(60, 'z') + "\nok\n", limits);
    REQUIRE(over.size() == 4);
    REQUIRE(over[1].overflow);
    CHECK(over[1].overflow->limit == CsvLimit::bytes);
    CHECK(over[1].overflow->allowed == 64);
    CHECK(over[1].overflow->cell == 0);
    CHECK(over[1].overflow->line == 2);
    CHECK(over[1].overflow->column == 1);
    CHECK(over[1].cells.empty());  // nothing of it is kept
    REQUIRE(over[2].overflow);
    CHECK(over[2].overflow->cell == 1);
    CHECK(over[2].overflow->column == 4);
    CHECK_FALSE(over[3].overflow);
    CHECK(texts(over[3]) == Items{"ok"});
    CHECK(over[3].line == 4);
    CHECK(over[3].number == 3);
}

TEST_CASE("the rest of a row past its limit is still read for quotes and line ends", "[survey][csv][limits]") {
    // The quoted cell holds a delimiter and line ends of all three kinds: the next row starts after it.
    const std::string csv =
        "h,i\n\"" + std::string(100, 'x') + ",\n\r\n\r\"\"" + std::string(100, 'y') + "\",b\rnext,1\n";
    auto rows = read_limited(csv, {64, 4});
    REQUIRE(rows.size() == 3);
    REQUIRE(rows[1].overflow);
    CHECK_FALSE(rows[1].unterminated_quote);
    CHECK(texts(rows[2]) == Items{"next", "1"});
    CHECK(rows[2].line == 6);
    CHECK(rows[2].cells[1].line == 6);
    CHECK(rows[2].cells[1].column == 6);
}

TEST_CASE("a row with more cells than its limit keeps none of them", "[survey][csv][limits]") {
    auto rows = read_limited("a\n1,2,3,4,5,6\n7\n", {64, 4});
    REQUIRE(rows.size() == 3);
    REQUIRE(rows[1].overflow);
    CHECK(rows[1].overflow->limit == CsvLimit::cells);
    CHECK(rows[1].overflow->allowed == 4);
    CHECK(rows[1].overflow->cell == 4);
    CHECK(rows[1].overflow->line == 2);
    CHECK(rows[1].overflow->column == 9);
    CHECK(rows[1].cells.empty());
    CHECK(texts(rows[2]) == Items{"7"});
    CHECK(read_limited("a\n1,2,3,4\n", {64, 4})[1].overflow == std::nullopt);
}

TEST_CASE("an open quote after a row's limit is still reported, at its cell", "[survey][csv][limits]") {
    auto rows = read_limited("a\n" + std::string(100, 'x') + ",\"open\nmore,x\n", {64, 4});
    REQUIRE(rows.size() == 2);
    REQUIRE(rows[1].overflow);
    CHECK(rows[1].unterminated_quote);
    REQUIRE(rows[1].cells.size() == 1);
    CHECK(rows[1].cells[0].text.empty());
    CHECK(rows[1].cells[0].line == 2);
    CHECK(rows[1].cells[0].column == 102);
}

TEST_CASE("64 MB without a line end is read through without being kept", "[survey][csv][limits]") {
    Endless source(64ull << 20, 'x', "\n1,2\n");
    std::istream in(&source);
    CsvReader reader(in, ',', {1 << 20, 16});
    auto first = reader.next();
    REQUIRE(first);
    REQUIRE(first->overflow);
    CHECK(first->overflow->allowed == 1 << 20);
    CHECK(first->cells.capacity() == 0);
    auto second = reader.next();
    REQUIRE(second);
    CHECK(texts(*second) == Items{"1", "2"});
    CHECK(second->line == 2);
    CHECK_FALSE(reader.next());
}

TEST_CASE("a row past its limit fails with where and why, past the header's columns too", "[survey][limits]") {
    TempDir dir;
    write_file(dir.path() / "map.yaml", kSmallMap);
    SurveyMap map = load_survey_map((dir.path() / "map.yaml").string(), default_rubrics());
    auto rows = read_limited("Nombre,Tipo\nUno,Universidad pública," + std::string(100, 'x') + "\nDos,\"" +
                                 std::string(100, 'y') + "\nTres\n",
                             {64, 16});
    REQUIRE(rows.size() == 3);
    BoundSurvey survey = bind_survey(map, default_rubrics(), rows[0], "r.csv");
    auto problems = [&](const CsvRow& row) {
        try {
            survey_row_profile(survey, row);
        } catch (const InputError& e) {
            return e.diagnostics();
        }
        FAIL("row " << row.number << " loaded");
        return std::vector<Diagnostic>{};
    };
    auto beyond = problems(rows[1]);
    REQUIRE(beyond.size() == 1);
    CHECK(beyond[0].pos.str() == "r.csv:2:25");
    CHECK(beyond[0].message.en ==
          "row 1 is larger than 64 bytes, the limit TNE_MAX_INPUT_BYTES sets: it reaches the limit in a cell past the "
          "header's columns, which starts here, and the rest of the row was skipped. Check that the quotes before it "
          "are closed, or set TNE_MAX_INPUT_BYTES higher (such as TNE_MAX_INPUT_BYTES=64M)");
    CHECK_THAT(beyond[0].message.es, Catch::StartsWith("la fila 1 ocupa más de 64 bytes"));
    // The quote never closed is why the row ran on to the end: both are said.
    auto open = problems(rows[2]);
    REQUIRE(open.size() == 2);
    CHECK(open[0].pos.str() == "r.csv:3:5");
    CHECK_THAT(open[0].message.en,
               Catch::StartsWith("row 2 is larger than 64 bytes") && Catch::Contains("in column \"Tipo\""));
    CHECK(open[1].pos.str() == "r.csv:3:1");
    CHECK(open[1].message.en ==
          "the quoted cell that starts at line 3, column 5 has no closing quote (\"); the file ends inside it");
}

TEST_CASE("tne batch fails a row past TNE_MAX_INPUT_BYTES alone, at its cell, and goes on",
          "[survey][limits][binary]") {
    TempDir dir;
    const std::string map = (dir.path() / "map.yaml").string(), csv = (dir.path() / "r.csv").string();
    write_file(map, kSmallMap);
    write_file(csv, "Nombre,Tipo\nUno,Universidad pública\nDos,\"" + std::string(5000, 'x') +
                        "\nmás\",Universidad pública\nTres,Universidad pública\n");
    RunResult run = run_tne({"batch", csv, "--csv-map", map, "--format", "jsonl"}, {"TNE_MAX_INPUT_BYTES=2K"});
    CHECK(run.exit_code == 3);
    CHECK(run.err ==
          "tne: error: " + csv +
              ":3:5: row 2 is larger than 2048 bytes, the limit TNE_MAX_INPUT_BYTES sets: it reaches the "
              "limit in column \"Tipo\", which starts here, and the rest of the row was skipped. A row of answers "
              "takes a few kilobytes: check that the quotes before it are closed, or set TNE_MAX_INPUT_BYTES "
              "higher (such as TNE_MAX_INPUT_BYTES=64M)\n"
              "tne: 3 read = 2 scored + 1 failed\n");
    auto records = json_lines(run.out);
    REQUIRE(records.size() == 3);
    CHECK(records[0]["status"] == "scored");
    CHECK(records[1]["status"] == "failed");
    CHECK(records[1]["line"] == 3);
    CHECK(records[2]["status"] == "scored");
    CHECK(records[2]["line"] == 5);  // the row after the quoted line break

    RunResult es =
        run_tne({"batch", csv, "--csv-map", map, "--lang", "es", "-o", "/dev/null"}, {"TNE_MAX_INPUT_BYTES=2K"});
    CHECK_THAT(es.err,
               Catch::Contains(":3:5: la fila 2 ocupa más de 2048 bytes, el límite que fija TNE_MAX_INPUT_BYTES: "
                               "llega al límite en la columna \"Tipo\""));
}

TEST_CASE("tne batch fails a row of more than 16,384 cells alone", "[survey][limits][binary]") {
    TempDir dir;
    const std::string map = (dir.path() / "map.yaml").string(), csv = (dir.path() / "r.csv").string();
    write_file(map, kSmallMap);
    write_file(csv, "Nombre,Tipo\nUno,Universidad pública" + std::string(20'000, ',') + "\nDos,Universidad pública\n");
    RunResult run = run_tne({"batch", csv, "--csv-map", map, "-o", "/dev/null"});
    CHECK(run.exit_code == 3);
    // "Uno,Universidad pública," is 24 characters; cell 16,385 starts 16,382 commas later.
    CHECK(run.err == "tne: error: " + csv +
                         ":2:16407: row 1 has more than 16384 cells, more columns than a spreadsheet holds; cell 16385 "
                         "starts here and the rest of the row was skipped. Check the row's quotes and delimiters: the "
                         "header has 2 cells\n"
                         "tne: 2 read = 1 scored + 1 failed\n");
}

TEST_CASE("a header past its limit fails the file with one error", "[survey][limits][binary]") {
    TempDir dir;
    const std::string map = (dir.path() / "map.yaml").string(), csv = (dir.path() / "r.csv").string();
    write_file(map, kSmallMap);
    write_file(csv, std::string(3 << 20, 'x'));  // 3 MB and no line end
    RunResult run = run_tne({"batch", csv, "--csv-map", map, "-o", "/dev/null"}, {"TNE_MAX_INPUT_BYTES=1M"});
    CHECK(run.exit_code == 3);
    CHECK(run.err == "tne: error: " + csv +
                         ":1:1: the header row is larger than 1048576 bytes, the limit TNE_MAX_INPUT_BYTES sets, so no "
                         "row can be read; check that this is the survey's CSV export and that its quotes are closed, "
                         "or set TNE_MAX_INPUT_BYTES higher (such as TNE_MAX_INPUT_BYTES=64M)\n"
                         "tne: 1 read = 0 scored + 1 failed\n");

    write_file(csv, std::string(20'000, ',') + "\n");
    run = run_tne({"batch", csv, "--csv-map", map, "-o", "/dev/null", "--lang", "es"});
    CHECK(run.exit_code == 3);
    CHECK_THAT(run.err, Catch::Contains(":1:16385: la fila de encabezados tiene más de 16384 celdas"));
}

// ---- nothing read is never a success --------------------------------------------------------------

TEST_CASE("a CSV with no rows of answers is a failed input, not an empty success", "[survey][binary]") {
    TempDir dir;
    const std::string header = shipped_header();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {header + "\r\n", "the CSV file has a header row and no rows of answers"},
        {header, "the CSV file has a header row and no rows of answers"},
        {header + "\r\n\r\n\n\r", "the CSV file has a header row and no rows of answers"},
        {"", "the CSV file is empty"},
        {"\xEF\xBB\xBF\r\n", "the CSV file is empty"},
    };
    for (const auto& [text, message] : cases) {
        const std::string csv = (dir.path() / "r.csv").string();
        write_file(csv, text);
        RunResult run = run_tne({"batch", csv, "--csv-map", "examples/survey/mapa.yaml", "--format", "jsonl"});
        INFO(text.size() << " bytes: " << run.err);
        CHECK(run.exit_code == 3);
        CHECK_THAT(run.err, Catch::Contains(message));
        CHECK_THAT(run.err, Catch::EndsWith("tne: 1 read = 0 scored + 1 failed\n"));
        auto records = json_lines(run.out);
        REQUIRE(records.size() == 1);
        CHECK(records[0]["status"] == "failed");
    }
    write_file(dir.path() / "r.csv", header + "\r\n");
    RunResult es = run_tne({"batch", (dir.path() / "r.csv").string(), "--csv-map", "examples/survey/mapa.yaml",
                            "--lang", "es", "-o", "/dev/null"});
    CHECK_THAT(es.err, Catch::Contains("r.csv:1:1: el archivo CSV tiene una fila de encabezados y ninguna fila de "
                                       "respuestas"));
}

// ---- line ends ------------------------------------------------------------------------------------

TEST_CASE("tne batch reads the shipped survey saved with CR line ends as with CRLF", "[survey][binary]") {
    // Excel for Mac: CR alone ends every line, also the one inside a quoted cell.
    std::string text = read_file(source_dir() / "examples/survey/respuestas.csv");
    std::string cr;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        cr += text[i] == '\n' ? '\r' : text[i];
    }
    REQUIRE(cr.find('\n') == std::string::npos);
    TempDir dir;
    const std::string csv = (dir.path() / "cr.csv").string();
    write_file(csv, cr);
    RunResult run = run_tne({"batch", csv, "--csv-map", "examples/survey/mapa.yaml", "--format", "jsonl"});
    RunResult crlf = run_tne(
        {"batch", "examples/survey/respuestas.csv", "--csv-map", "examples/survey/mapa.yaml", "--format", "jsonl"});
    CHECK(run.exit_code == 3);
    CHECK_THAT(run.err, Catch::EndsWith("tne: 44 read = 40 scored + 4 failed\n"));
    auto records = json_lines(run.out), expected = json_lines(crlf.out);
    REQUIRE(records.size() == 44);
    REQUIRE(expected.size() == 44);
    for (size_t i = 0; i < records.size(); ++i) {
        INFO("record " << i);
        CHECK(records[i]["line"] == expected[i]["line"]);
        CHECK(records[i]["status"] == expected[i]["status"]);
        CHECK(records[i].value("overall", nlohmann::json()) == expected[i].value("overall", nlohmann::json()));
        if (records[i]["status"] == "failed") {
            for (size_t e = 0; e < records[i]["errors"].size(); ++e) {
                CHECK(records[i]["errors"][e]["line"] == expected[i]["errors"][e]["line"]);
                CHECK(records[i]["errors"][e]["column"] == expected[i]["errors"][e]["column"]);
            }
        }
    }
}

// ---- records that open safely in a spreadsheet ----------------------------------------------------

TEST_CASE("every text cell of the records that a spreadsheet would run gets a leading apostrophe", "[batch][csv]") {
    const RubricSet& rubric = default_rubrics();
    for (const std::string start : {"=", "+", "-", "@", "\t", "\r"}) {
        const std::string file = start + "HYPERLINK(\"http://x\",\"y\").yaml";
        INFO("starts with byte " << static_cast<int>(start[0]));
        std::vector<Diagnostic> errors = {{{file, 3, 9}, {start + "1+2 is not valid", start + "1+2 no es válido"}, {}},
                                          {{"b.yaml", 1, 1}, {"second", "segundo"}, {}}};
        std::string records = records_begin(RecordFormat::csv, rubric) +
                              render_failed_record({file, 2, 3}, errors, rubric, RecordFormat::csv, Lang::en);
        auto cells = record_cells(records, 1);
        // Read back, a quoted CR is a line break like any other (LF).
        auto as_read = [](std::string text) {
            std::replace(text.begin(), text.end(), '\r', '\n');
            return text;
        };
        CHECK(cells["source"] == as_read("'" + file));
        CHECK(cells["errors"] == as_read("'" + file + ":3:9: " + start + "1+2 is not valid | b.yaml:1:1: second"));
        CHECK(cells["entry"] == "2");
        CHECK(cells["line"] == "3");
    }
    // Harmless cells are written as they are: "-" is standard input's name.
    std::string records =
        records_begin(RecordFormat::csv, rubric) +
        render_failed_record({"-", 1, 1}, {{{"-", 1, 1}, {"x", "x"}, {}}}, rubric, RecordFormat::csv, Lang::en);
    CHECK(record_cells(records, 1)["source"] == "-");
    CHECK(record_cells(records, 1)["errors"] == "'-:1:1: x");
}

TEST_CASE("a scored record neutralises its texts and keeps its scores as numbers", "[batch][csv]") {
    std::string profile = read_file(source_dir() / "examples/universidad_estatal_es.yaml");
    const std::string name = "Universidad Autónoma del Pacífico";
    REQUIRE(profile.find(name) != std::string::npos);
    profile.replace(profile.find(name), name.size(), "\"-2+3, @A1\"");
    const RubricSet& rubric = default_rubrics();
    Assessment a = assess(load_profile(profile, "@p.yaml", rubric), rubric);
    REQUIRE(a.overall);
    std::string records =
        records_begin(RecordFormat::csv, rubric) + render_record({"@p.yaml", 1, 1}, a, RecordFormat::csv);
    auto cells = record_cells(records, 1);
    CHECK(cells["source"] == "'@p.yaml");
    CHECK(cells["name"] == "'-2+3, @A1");
    CHECK(cells["overall"] == format_number(*a.overall, tne::kFigureDecimals));
    CHECK(cells["coverage"] == format_number(100 * a.coverage, tne::kFigureDecimals));
    CHECK(cells["type"] == a.institution_type);
}

TEST_CASE("tne batch writes a file named like a formula as text in its records", "[batch][csv][binary]") {
    TempDir dir;
    const std::string name = "=HYPERLINK(\"example.com\",\"x\").yaml";  // no "/": one file name
    write_file(dir.path() / name, "institution:\n  name: X\n  type: college\n");
    RunResult run = run_tne_in(dir.path(), {"batch", name});
    CHECK(run.exit_code == 3);
    auto cells = record_cells(run.out, 1);
    CHECK(cells["source"] == "'" + name);
    CHECK_THAT(cells["errors"], Catch::StartsWith("'" + name + ":3:9: institution.type: \"college\""));
    // As written: the cell is quoted (it holds quotes and a comma) and starts with the apostrophe.
    CHECK(run.out.find("\n\"'=HYPERLINK(\"\"example.com\"\",\"\"x\"\").yaml\",1,") != std::string::npos);
}
