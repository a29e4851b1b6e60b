// tne batch: inputs split and read in order, records identical to single assessments whatever
// the number of jobs, every input accounted for, and the command's exit codes and output files.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/json_writer.hpp"
#include "batch/batch_input.hpp"
#include "support.hpp"
#include "tne/batch.hpp"

using namespace tne;
using namespace tne::test;

namespace {

struct BatchRun {
    BatchCounts counts;
    std::string text;                  // the records, as the command writes them
    std::vector<BatchRecord> records;  // in the order they were handed on
};

BatchRun batch(const std::vector<std::string>& inputs, RecordFormat format = RecordFormat::csv, int jobs = 2) {
    BatchOptions options;
    options.jobs = jobs;
    options.format = format;
    BatchRun run;
    run.text = records_begin(format, default_rubrics());
    run.counts = run_batch(inputs, default_rubrics(), options, [&](BatchRecord& record) {
        if (!run.records.empty()) run.text += records_separator(format);
        run.text += record.text;
        run.records.push_back(record);
    });
    run.text += records_end(format, run.records.empty());
    return run;
}

std::vector<std::string> example_paths() {
    std::vector<std::string> paths;
    for (const auto& path : example_profiles()) paths.push_back(path.string());
    return paths;
}

std::vector<CsvRow> parse_csv(const std::string& text) {
    std::istringstream in(text);
    CsvReader reader(in);
    std::vector<CsvRow> rows;
    while (auto row = reader.next()) rows.push_back(*row);
    return rows;
}

// The cells of a CSV row by column name.
std::map<std::string, std::string> by_column(const CsvRow& header, const CsvRow& row) {
    REQUIRE(row.cells.size() == header.cells.size());
    std::map<std::string, std::string> cells;
    for (size_t i = 0; i < header.cells.size(); ++i) cells[header.cells[i].text] = row.cells[i].text;
    return cells;
}

// The Spanish example with English ids (its twin), which the tests below edit by its English keys.
std::string example_text() { return read_file(source_dir() / "tests/profiles/valid/universidad_estatal_ids_en.yaml"); }

std::vector<InputItem> split(const std::string& text) {
    std::istringstream in(text);
    std::vector<InputItem> items;
    split_yaml_stream(in, "stream.yaml", [&](InputItem&& item) { items.push_back(std::move(item)); });
    return items;
}

}  // namespace

TEST_CASE("a YAML stream splits at its document markers and each document knows its first line", "[batch]") {
    auto items = split("# a comment\na: 1\n---\nb: 2\n...\n# between\n--- # opens the third\nc: 3\n---\n");
    REQUIRE(items.size() == 3);
    CHECK(items[0].source.entry == 1);
    CHECK(items[0].source.line == 1);
    CHECK(items[0].yaml == "# a comment\na: 1\n");
    CHECK(items[1].source.line == 3);
    CHECK(items[1].yaml == "---\nb: 2\n");
    CHECK(items[2].source.entry == 3);
    CHECK(items[2].source.line == 6);
    CHECK(items[2].yaml == "# between\n--- # opens the third\nc: 3\n");

    // A marker must stand alone at the start of a line; "---x" and an indented "---" are content.
    CHECK(split("a: |\n  ---\n  text\n").size() == 1);
    CHECK(split("---x: 1\n").size() == 1);
    // An empty input is still one input, so that it is accounted for.
    auto empty = split("");
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].source.entry == 1);
    // CRLF line ends.
    CHECK(split("a: 1\r\n---\r\nb: 2\r\n").size() == 2);
}

TEST_CASE("a bad document of a stream fails alone, at its line in the file, and cannot hang the run", "[batch]") {
    TempDir dir;
    std::string profile = example_text();
    std::string broken = profile;
    broken.replace(broken.find("faculty_b2_percent: 30"), 22, "faculty_b2_percent: 130");
    // Line of the broken answer within the file: the first document's lines, the marker, then its own.
    int lines_before = static_cast<int>(std::count(profile.begin(), profile.end(), '\n')) + 1;
    int broken_line =
        lines_before + static_cast<int>(std::count(broken.begin(), broken.begin() + broken.find("130"), '\n')) + 1;
    // "," alone loops Debian's yaml-cpp 0.7.0 YAML::LoadAll until memory runs out; here it is one document.
    std::string stream = profile + "---\n" + broken + "---\n,\n---\n[unclosed\n---\n" + profile;
    write_file(dir.path() / "stream.yaml", stream);

    BatchRun run = batch({(dir.path() / "stream.yaml").string()});
    CHECK(run.counts.read == 5);
    CHECK(run.counts.scored == 2);
    CHECK(run.counts.failed == 3);
    REQUIRE(run.records.size() == 5);
    CHECK(run.records[0].scored);
    CHECK_FALSE(run.records[1].scored);
    REQUIRE(run.records[1].errors.size() == 1);
    CHECK(run.records[1].errors[0].pos.line == broken_line);
    CHECK(run.records[1].errors[0].pos.column == 23);
    CHECK_THAT(run.records[1].errors[0].message.en,
               Catch::Contains("language.faculty_b2_percent: \"130\" is not valid"));
    CHECK_FALSE(run.records[2].scored);
    CHECK_FALSE(run.records[3].scored);
    CHECK(run.records[3].errors[0].pos.line > run.records[2].errors[0].pos.line);
    CHECK(run.records[4].scored);
    CHECK(run.records[4].source.entry == 5);

    // The two-byte file on its own.
    write_file(dir.path() / "comma.yaml", ",");
    BatchRun comma = batch({(dir.path() / "comma.yaml").string()});
    CHECK(comma.counts.failed == 1);
}

TEST_CASE("batch records equal single assessments, in input order, whatever the number of jobs", "[batch]") {
    // Each example twice, so that the workers overtake each other.
    std::vector<std::string> inputs = example_paths();
    std::vector<std::string> reversed(inputs.rbegin(), inputs.rend());
    inputs.insert(inputs.end(), reversed.begin(), reversed.end());
    BatchRun one = batch(inputs, RecordFormat::csv, 1);
    BatchRun four = batch(inputs, RecordFormat::csv, 4);
    CHECK(one.text == four.text);
    CHECK(one.counts.scored == static_cast<int>(inputs.size()));

    // The CSV opens as a table: a header and one row per input, every row as wide as the header.
    std::vector<CsvRow> rows = parse_csv(one.text);
    REQUIRE(rows.size() == inputs.size() + 1);
    const RubricSet& rubric = default_rubrics();
    CHECK(rows[0].cells.size() == 9 + rubric.dimensions.size() + 1 + 3 + 1);
    for (size_t i = 0; i < inputs.size(); ++i) {
        auto cells = by_column(rows[0], rows[i + 1]);
        Assessment expected = assess(load_profile_file(inputs[i], rubric), rubric);
        CHECK(cells["source"] == inputs[i]);
        CHECK(cells["status"] == "scored");
        CHECK(cells["name"] == expected.institution_name);
        CHECK(cells["type"] == expected.institution_type);
        CHECK(cells["overall"] == format_number(*expected.overall, tne::kFigureDecimals));
        CHECK(cells["level"] == expected.level->id);
        CHECK(cells["coverage"] == format_number(100 * expected.coverage, tne::kFigureDecimals));
        for (const auto& d : expected.dimensions)
            CHECK(cells["score." + d.dimension->id] == (d.score ? format_number(*d.score, tne::kFigureDecimals) : ""));
        CHECK(cells["suggested_model"] == (expected.suggested ? expected.suggested->model->id : ""));
        CHECK(cells["recommendation_1"] == expected.recommendations.at(0).criterion->id);
        CHECK(cells["recommendation_3"] == expected.recommendations.at(2).criterion->id);
        CHECK(cells["errors"].empty());
    }
}

TEST_CASE("JSON Lines and JSON records hold the same objects", "[batch]") {
    std::vector<std::string> inputs = example_paths();
    inputs.push_back("no/such/profile.yaml");
    BatchRun lines = batch(inputs, RecordFormat::jsonl);
    BatchRun array = batch(inputs, RecordFormat::json);
    nlohmann::json parsed = nlohmann::json::parse(array.text);
    REQUIRE(parsed.is_array());
    REQUIRE(parsed.size() == inputs.size());
    std::istringstream in(lines.text);
    std::string line;
    size_t i = 0;
    while (std::getline(in, line)) {
        REQUIRE(i < parsed.size());
        CHECK(nlohmann::json::parse(line) == parsed[i]);
        ++i;
    }
    CHECK(i == inputs.size());
    const auto& first = parsed[0];
    CHECK(first["status"] == "scored");
    CHECK(first["dimensions"].size() == default_rubrics().dimensions.size());
    CHECK(first["recommendations"].size() == 3);
    const auto& missing = parsed.back();
    CHECK(missing["status"] == "failed");
    CHECK(missing["source"] == "no/such/profile.yaml");
    CHECK(missing["errors"][0]["message"] == "cannot read the file");
    // No records: still a valid array.
    CHECK(records_begin(RecordFormat::json, default_rubrics()) + records_end(RecordFormat::json, true) == "[\n]\n");
}

TEST_CASE("every input is accounted for: missing files, empty directories and empty files fail as records", "[batch]") {
    TempDir dir;
    std::filesystem::create_directory(dir.path() / "empty");
    write_file(dir.path() / "blank.yaml", "# nothing yet\n");
    BatchRun run = batch({example_paths()[0], (dir.path() / "missing.yaml").string(), (dir.path() / "empty").string(),
                          (dir.path() / "blank.yaml").string()});
    CHECK(run.counts.read == 4);
    CHECK(run.counts.scored == 1);
    CHECK(run.counts.failed == 3);
    CHECK(run.counts.read == run.counts.scored + run.counts.failed);
    std::vector<CsvRow> rows = parse_csv(run.text);
    REQUIRE(rows.size() == 5);
    auto blank = by_column(rows[0], rows[4]);
    CHECK(blank["status"] == "failed");
    CHECK_THAT(blank["errors"], Catch::Contains("a profile is a map"));
}

TEST_CASE("a name that looks like a spreadsheet formula stays text in the CSV", "[batch]") {
    TempDir dir;
    std::string profile = example_text();
    profile.replace(profile.find("Universidad Autónoma del Pacífico"),
                    std::string("Universidad Autónoma del Pacífico").size(),
                    "\"=HYPERLINK(\\\"http://x\\\", \\\"a, b\\\")\"");
    write_file(dir.path() / "formula.yaml", profile);
    BatchRun run = batch({(dir.path() / "formula.yaml").string()});
    std::vector<CsvRow> rows = parse_csv(run.text);
    REQUIRE(rows.size() == 2);
    CHECK(by_column(rows[0], rows[1])["name"] == "'=HYPERLINK(\"http://x\", \"a, b\")");
}

TEST_CASE("tne batch: exit 0 when all scored, 3 when some failed, 2 on usage errors", "[batch][binary]") {
    RunResult all = run_tne({"batch", "examples", "--jobs", "2"});
    CHECK(all.exit_code == 0);
    CHECK(all.err ==
          "tne: skipped: examples/survey: a folder: the folders inside an input folder are not read\n"
          "tne: 7 read = 7 scored + 0 failed; 1 skipped\n");
    CHECK(parse_csv(all.out).size() == 8);

    TempDir dir;
    write_file(dir.path() / "bad.yaml", "institution:\n  name: X\n  type: college\n");
    RunResult some =
        run_tne({"batch", "examples/research_center.yaml", (dir.path() / "bad.yaml").string(), "--lang", "es"});
    CHECK(some.exit_code == 3);
    CHECK_THAT(some.err, Catch::Contains("bad.yaml:3:9: institución.tipo: \"college\" no es válido"));
    CHECK_THAT(some.err, Catch::EndsWith("tne: 2 leídos = 1 evaluados + 1 con errores\n"));
    CHECK(some.err.find('\r') == std::string::npos);  // no progress line when standard error is not a terminal

    for (std::vector<std::string> args :
         {std::vector<std::string>{"batch", "examples", "--format", "text"},
          {"batch", "examples", "--summary", "--format", "csv"},
          {"batch", "examples", "--records", "out.csv"},
          {"batch", "examples", "--summary", "--records", "out.txt"},
          {"batch", "examples/survey.csv"},
          {"batch", "examples", "--format", "html"},
          {"batch", "examples", "--summary", "--format", "html", "--date", "2026-02-30"},
          {"batch"}}) {
        RunResult usage = run_tne(args);
        INFO(usage.err);
        CHECK(usage.exit_code == 2);
        CHECK(usage.out.empty());
    }
    CHECK_THAT(run_tne({"batch", "x.csv"}).err, Catch::Contains("give --csv-map MAP.yaml"));
    CHECK_THAT(
        run_tne({"batch", "examples", "--summary", "--format", "html", "--date", "23/11/2026", "--lang", "es"}).err,
        Catch::Contains("--date 23/11/2026: no es una fecha válida; se espera AAAA-MM-DD"));
    CHECK_THAT(run_tne({"batch", "--help"}).out, Catch::Contains("3 some inputs failed"));
}

TEST_CASE("tne batch --summary --format html writes the cohort report, dated as asked", "[batch][binary][html]") {
    RunResult report =
        run_tne({"batch", "examples", "--summary", "--format", "html", "--lang", "es", "--date", "2026-11-23"});
    CHECK(report.exit_code == 0);
    CHECK(report.out.rfind("<!DOCTYPE html>\n<html lang=\"es\">", 0) == 0);
    CHECK_THAT(report.out, Catch::Contains("23 de noviembre de 2026"));
    CHECK_THAT(report.out, Catch::Contains("Leídos 7 = evaluados 7 + con error 0"));
    // Without --date, SOURCE_DATE_EPOCH dates it (1 January 2030, 00:00 UTC).
    RunResult dated = run_tne({"batch", "examples", "--summary", "--format", "html"}, {"SOURCE_DATE_EPOCH=1893456000"});
    CHECK_THAT(dated.out, Catch::Contains("1 January 2030"));
}

TEST_CASE("tne batch reads standard input as a YAML stream", "[batch][binary]") {
    std::string profile = example_text();
    RunResult run = run_tne({"batch", "-", "--format", "jsonl"}, {}, profile + profile);
    CHECK(run.exit_code == 0);
    std::istringstream in(run.out);
    std::string first, second;
    std::getline(in, first);
    std::getline(in, second);
    CHECK(nlohmann::json::parse(first)["source"] == "-");
    CHECK(nlohmann::json::parse(second)["entry"] == 2);
    // Each profile starts with "---", after its modeline: the second document starts at its marker.
    REQUIRE(profile.find("\n---\n") == profile.find('\n'));
    CHECK(nlohmann::json::parse(second)["line"] == std::count(profile.begin(), profile.end(), '\n') + 2);
}

TEST_CASE("tne batch -o and --records write atomically; a failed run leaves existing files intact", "[batch][binary]") {
    TempDir dir;
    std::string records = (dir.path() / "records.csv").string();
    std::string summary = (dir.path() / "summary.json").string();
    write_file(records, "keep me\n");
    CHECK(run_tne({"batch", "examples", "--format", "bogus", "-o", records}).exit_code == 2);
    CHECK(read_file(records) == "keep me\n");

    RunResult both =
        run_tne({"batch", "examples", "--summary", "--format", "json", "-o", summary, "--records", records});
    CHECK(both.exit_code == 0);
    CHECK(both.out.empty());
    CHECK(parse_csv(read_file(records)).size() == 8);
    nlohmann::json parsed = nlohmann::json::parse(read_file(summary));
    CHECK(parsed.is_object());
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("tne batch scores the shipped survey and accounts for its broken rows", "[batch][binary][survey]") {
    TempDir dir;
    std::string records = (dir.path() / "records.csv").string();
    RunResult run = run_tne({"batch", "examples/survey/respuestas.csv", "--csv-map", "examples/survey/mapa.yaml",
                             "--summary", "--format", "json", "--records", records, "--lang", "es"});
    CHECK(run.exit_code == 3);
    CHECK_THAT(run.err, Catch::EndsWith("tne: 44 leídos = 40 evaluados + 4 con errores\n"));

    // The records open as a table: a header and 44 rows as wide as it, the broken ones at their lines.
    std::vector<CsvRow> rows = parse_csv(read_file(records));
    REQUIRE(rows.size() == 45);
    std::map<int, std::string> failed;  // CSV line -> errors
    for (size_t i = 1; i < rows.size(); ++i) {
        auto cells = by_column(rows[0], rows[i]);
        CHECK(cells["entry"] == std::to_string(i));
        if (cells["status"] == "failed")
            failed[std::stoi(cells["line"])] = cells["errors"];
        else
            CHECK_FALSE(cells["overall"].empty());
    }
    REQUIRE(failed.size() == 4);
    CHECK_THAT(failed[10], Catch::StartsWith("examples/survey/respuestas.csv:10:"));
    CHECK_THAT(failed[10], Catch::Contains("\"Universidad tecnológica\""));
    CHECK_THAT(failed[19], Catch::Contains("\"150\""));
    CHECK_THAT(failed[28], Catch::Contains("institución.nombre"));  // the run is in Spanish
    CHECK_THAT(failed[35], Catch::StartsWith("examples/survey/respuestas.csv:35:1:"));

    // The summary counts the same cohort: 40 scored, by type 16 + 8 + 8 + 8.
    nlohmann::json summary = nlohmann::json::parse(run.out);
    CHECK(summary["inputs"]["read"] == 44);
    CHECK(summary["inputs"]["scored"] == 40);
    CHECK(summary["inputs"]["failed"] == 4);
    std::vector<int> counts;
    for (const auto& type : summary["types"]) counts.push_back(type["count"]);
    CHECK(counts == std::vector<int>{16, 8, 8, 8});
    CHECK(summary["institutions"].size() == 40);
}

TEST_CASE("tne batch -o to a device or a pipe writes through it instead of replacing it", "[batch][binary]") {
    // Standard output is a pipe here; renaming a temporary file over /dev/stdout would replace the link.
    RunResult run = run_tne({"batch", "examples", "-o", "/dev/stdout"});
    CHECK(run.exit_code == 0);
    CHECK(parse_csv(run.out).size() == 8);
    CHECK(std::filesystem::is_symlink("/dev/stdout"));
    CHECK(std::filesystem::is_character_file("/dev/null"));
}

TEST_CASE("on a terminal, a progress line is drawn on standard error and cleared at the end", "[batch][binary]") {
    // script(1) gives the command a pseudo-terminal; what the terminal shows comes back on our pipe.
    TempDir dir;
    std::string command = "cd '" + source_dir().string() + "' && script -qec '" + std::string(TNE_BINARY) +
                          " batch examples -o " + (dir.path() / "r.csv").string() + "' /dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string shown;
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) shown.append(buffer, n);
    CHECK(pclose(pipe) == 0);
    CHECK_THAT(shown, Catch::StartsWith("\rtne: 1 read, 1 scored, 0 failed...\033[K"));
    // The progress line is cleared before the skipped folder is named, and before the final count.
    CHECK_THAT(shown, Catch::Contains("\r\033[Ktne: skipped: examples/survey"));
    CHECK_THAT(shown, Catch::Contains("tne: 7 read = 7 scored + 0 failed; 1 skipped"));
}

TEST_CASE("line ends: LF, CRLF and CR alone split a stream alike, and a byte-order mark may start any document",
          "[batch]") {
    std::string profile = example_text();
    profile.erase(0, profile.find("---\n") + 4);  // the profile's body, after its own marker
    std::string lf = "---\n" + profile + "...\n\xEF\xBB\xBF---\n" + profile;  // a BOM before the second marker
    auto with_line_ends = [](std::string text, const std::string& end) {
        std::string out;
        for (char ch : text) out += ch == '\n' ? end : std::string(1, ch);
        return out;
    };
    auto ending = GENERATE(as<std::string>{}, "\n", "\r\n", "\r");
    INFO("line end: " << (ending == "\n" ? "LF" : ending == "\r\n" ? "CRLF" : "CR"));
    TempDir dir;
    write_file(dir.path() / "stream.yaml", "\xEF\xBB\xBF" + with_line_ends(lf, ending));
    BatchRun run = batch({(dir.path() / "stream.yaml").string()});
    CHECK(run.counts.read == 2);
    CHECK(run.counts.scored == 2);
    REQUIRE(run.records.size() == 2);
    int lines = static_cast<int>(std::count(profile.begin(), profile.end(), '\n'));
    CHECK(run.records[1].source.line == lines + 3);  // after "---", the profile and "..."
}

TEST_CASE("profiles joined with cat, each starting with ---, are a stream; an empty document between is dropped",
          "[batch][binary]") {
    std::string joined;
    for (const auto& path : example_profiles()) joined += read_file(path);
    RunResult run = run_tne({"batch", "-"}, {}, joined);
    INFO(run.err);
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.err,
               Catch::Contains(fmt::format("tne: {0} read = {0} scored + 0 failed", example_profiles().size())));
    // `echo ---; cat profile.yaml` puts a second marker before each profile's own.
    std::string doubled;
    for (const auto& path : example_profiles()) doubled += "---\n" + read_file(path);
    CHECK(run_tne({"batch", "-"}, {}, doubled).exit_code == 0);
}

TEST_CASE("a profile given twice without --- between says how to separate them", "[batch]") {
    std::string profile = example_text();
    profile.erase(profile.find("---\n"), 4);
    TempDir dir;
    write_file(dir.path() / "two.yaml", profile + profile);
    BatchRun run = batch({(dir.path() / "two.yaml").string()});
    REQUIRE(run.records.size() == 1);
    REQUIRE_FALSE(run.records[0].errors.empty());
    CHECK_THAT(run.records[0].errors[0].message.en,
               Catch::Contains("if a second profile starts here, put a line \"---\" before it"));
}

TEST_CASE("every entry of an input folder is scored, failed or skipped with its reason", "[batch]") {
    namespace fs = std::filesystem;
    TempDir dir;
    fs::path folder = dir.path() / "responses";
    fs::create_directory(folder);
    write_file(folder / "A.YAML", example_text());  // Windows tools write upper-case extensions
    write_file(folder / "b.Yml", example_text());
    write_file(folder / "broken.yaml", "institution: [\n");
    write_file(folder / "notes.txt", "not a profile\n");
    fs::create_directory(folder / "old");
    fs::create_symlink("missing.yaml", folder / "dangling.yaml");
    fs::create_symlink("loop-b.yaml", folder / "loop-a.yaml");
    fs::create_symlink("loop-a.yaml", folder / "loop-b.yaml");

    BatchRun run = batch({folder.string()});
    CHECK(run.counts.read == 3);
    CHECK(run.counts.scored == 2);
    CHECK(run.counts.failed == 1);
    CHECK(run.counts.skipped == 5);
    std::map<std::string, std::string> skipped;  // name -> reason
    for (const auto& record : run.records)
        if (record.skipped) skipped[fs::path(record.source.file).filename().string()] = record.skipped->en;
    CHECK(skipped == std::map<std::string, std::string>{
                         {"dangling.yaml", "a symbolic link to missing.yaml, which does not exist"},
                         {"loop-a.yaml", "too many levels of symbolic links: the link leads back to itself"},
                         {"loop-b.yaml", "too many levels of symbolic links: the link leads back to itself"},
                         {"notes.txt", "not a profile by its name (*.yaml, *.yml)"},
                         {"old", "a folder: the folders inside an input folder are not read"}});
    // A skipped entry has no record.
    CHECK(std::count(run.text.begin(), run.text.end(), '\n') == 1 + 3);

    RunResult cli = run_tne({"batch", folder.string(), "-o", "/dev/null"});
    CHECK(cli.exit_code == 3);
    CHECK_THAT(cli.err,
               Catch::Contains("tne: skipped: " + (folder / "notes.txt").string() + ": not a profile by its name"));
    CHECK_THAT(cli.err, Catch::Contains("tne: 3 read = 2 scored + 1 failed; 5 skipped"));
}

TEST_CASE("a single input that is a link loop says so, not \"File does not exist\"", "[batch][binary]") {
    namespace fs = std::filesystem;
    TempDir dir;
    fs::create_symlink("b.yaml", dir.path() / "a.yaml");
    fs::create_symlink("a.yaml", dir.path() / "b.yaml");
    RunResult run = run_tne({"assess", (dir.path() / "a.yaml").string()});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("Too many levels of symbolic links"));
}

// format_number writes a number with decimals from its whole count of units, not through fmt's
// float formatting: the digits must be those fmt writes (the way every figure was written before).
TEST_CASE("format_number writes the digits fmt's fixed notation writes, trailing zeros trimmed", "[batch]") {
    auto by_fmt = [](double value, int decimals) {
        double scale = std::pow(10.0, decimals);
        double rounded = std::round(value * scale) / scale;
        if (rounded == 0) rounded = 0;
        std::string text = fmt::format("{:.{}f}", rounded, decimals);
        if (text.find('.') != std::string::npos) {
            while (text.back() == '0') text.pop_back();
            if (text.back() == '.') text.pop_back();
        }
        return text;
    };
    std::vector<double> values = {0.5,       -0.5,       1.25,        -1.25,          2.675,       1e-7,
                                  -1e-7,     4.9999995,  0.1 + 0.2,   100.0 / 3,      -200.0 / 3,  999999999.9999994,
                                  123456.75, 98.7654321, 1e9 - 0.001, -(1e9 - 0.001), 5e-7,        -5e-7,
                                  1.0000005, 2.5e-6,     1e15 + 0.5,  1e20,           0.000123456, 33.3333333333};
    // And scores as a batch computes them: weighted means of shares of 100.
    unsigned long long state = 88172645463325252ULL;  // a fixed xorshift sequence: the same values every run
    for (int i = 0; i < 5000; ++i) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        double share = static_cast<double>(state % 1000003) / 1000003.0;
        values.push_back(i % 2 ? 100 * share : (share - 0.5) * std::pow(10.0, i % 12));
    }
    for (double value : values)
        for (int decimals = 0; decimals <= 7; ++decimals) {
            INFO(fmt::format("{:.17g} with {} decimals", value, decimals));
            CHECK(format_number(value, decimals) == by_fmt(value, decimals));
        }
}
