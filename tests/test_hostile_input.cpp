// Hostile input: each case gets a clear error (exit 2, file:line:column where there is one), never
// a crash or a hang (docs/security.md). Profiles, rubric sets, batch streams.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>

#include "support.hpp"
#include "tne/input.hpp"
#include "tne/profile.hpp"
#include "tne/rubric_check.hpp"

using namespace tne;
using namespace tne::test;

namespace {

const std::string kInstitution = "institution:\n  name: Universidad de Prueba\n  type: public_university\n";

// Writes `content` as a profile and assesses it: the run must exit 2 and say `expected`.
RunResult refused(const std::string& content, const std::string& expected, const std::vector<std::string>& env = {}) {
    TempDir dir;
    std::filesystem::path file = dir.path() / "hostile.yaml";
    write_file(file, content);
    auto started = std::chrono::steady_clock::now();
    RunResult run = run_tne({"assess", file.string()}, env);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    INFO("stderr: " << run.err);
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains(expected));
    CHECK_THAT(run.err, Catch::StartsWith("tne: error: " + file.string()));
    CHECK(seconds < 5);  // a guard against a hang, far above the milliseconds it takes
    return run;
}

std::string repeat(const std::string& text, size_t times) {
    std::string out;
    out.reserve(text.size() * times);
    for (size_t i = 0; i < times; ++i) out += text;
    return out;
}

// The classic "billion laughs": nine levels of ten aliases, 10^9 strings from a few hundred bytes.
std::string billion_laughs() {
    std::string yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (char level = 'b'; level <= 'i'; ++level) {
        std::string previous(1, static_cast<char>(level - 1));
        yaml += std::string(1, level) + ": &" + std::string(1, level) + " [" + repeat("*" + previous + ", ", 9) + "*" +
                previous + "]\n";
    }
    return yaml;
}

}  // namespace

TEST_CASE("nesting 100,000 levels deep is refused with the reader's limit, not 'bad file'", "[hostile]") {
    for (const std::string& deep : {repeat("[", 100000), repeat("{a: ", 100000), repeat("- ", 100000) + "x",
                                    kInstitution + "funding:\n  external_sources: " + repeat("[", 100000)}) {
        RunResult run = refused(deep + "\n", "nests deeper than the reader's limit of 500 levels");
        CHECK(run.err.find("bad file") == std::string::npos);
    }
}

TEST_CASE("alias bombs and self-referring aliases in a profile end in a clear error at once", "[hostile]") {
    std::string bomb = billion_laughs();
    CHECK(bomb.size() < 500);  // a few hundred bytes
    refused(bomb, "unknown key \"a\" in profile");
    // The same inside an answer: the walk stops at the first item that is not a value.
    refused(kInstitution + "funding:\n  external_sources: &x [*x]\n", "funding.external_sources: [...] is not valid");
    refused(kInstitution + "x: &x {a: *x}\n", "unknown key \"x\" in profile");
    refused("institution: &x {name: *x, type: public_university}\n", "unknown key \"name\" in institution.name");
}

TEST_CASE("alias bombs and self-referring aliases in a rubric set are findings, not a crash or an explosion",
          "[hostile]") {
    RubricCopy copy;
    std::filesystem::path models = copy.root / "models.yaml";
    std::string original = read_file(models);
    for (const std::string& hostile : {billion_laughs(), std::string("x: &x [*x]\n"), std::string("x: &x {y: *x}\n")}) {
        INFO(hostile);
        write_file(models, hostile + original);
        auto started = std::chrono::steady_clock::now();
        RunResult check = run_tne({"rubrics", "check", copy.root.string()});
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
        CHECK(check.exit_code == 1);
        CHECK_THAT(check.out, Catch::Contains(models.string() + ":"));
        bool named = check.out.find("expands to more than 200000 values") != std::string::npos ||
                     check.out.find("nests deeper than 64 levels, or refers to itself") != std::string::npos;
        CHECK(named);
        RunResult assess = run_tne({"assess", "examples/research_center.yaml", "--rubrics", copy.root.string()});
        CHECK(assess.exit_code == 2);
        CHECK_THAT(assess.err, Catch::Contains(models.string()));
    }
}

TEST_CASE("a file larger than the input limit is refused before it is read", "[hostile]") {
    // At the default limit, 16 MiB: a sparse 17 MiB file is refused by its size, unread.
    TempDir dir;
    std::filesystem::path big = dir.path() / "big.yaml";
    write_file(big, kInstitution);
    std::filesystem::resize_file(big, input::kDefaultMaxBytes + (1 << 20));
    RunResult run = run_tne({"assess", big.string()});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("big.yaml: the input is 17825792 bytes, more than the limit of 16777216 bytes; "
                                        "set TNE_MAX_INPUT_BYTES to raise it"));
    // A smaller limit, set by the environment; the Spanish message too.
    std::string profile = kInstitution + "# " + std::string(2000, 'x') + "\n";
    refused(profile, "more than the limit of 1024 bytes", {"TNE_MAX_INPUT_BYTES=1K"});
    refused(profile, "más que el límite de 1024 bytes; defina TNE_MAX_INPUT_BYTES",
            {"TNE_MAX_INPUT_BYTES=1K", "LANG=es_MX.UTF-8"});
    // A setting that is not a size is an error, not the default.
    RunResult bad = run_tne({"assess", "examples/research_center.yaml"}, {"TNE_MAX_INPUT_BYTES=lots"});
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("TNE_MAX_INPUT_BYTES=lots: expected a number of bytes"));
    CHECK(input::parse_size("64M") == size_t{64} << 20);
    CHECK(input::parse_size("1024") == 1024u);
    CHECK_FALSE(input::parse_size("0"));
    CHECK_FALSE(input::parse_size("-5"));
    CHECK_FALSE(input::parse_size("1.5M"));
    CHECK_FALSE(input::parse_size("99999999999999999999"));
}

TEST_CASE("a document of a batch stream larger than the limit fails alone", "[hostile][batch]") {
    std::string small = kInstitution;
    std::string large = kInstitution + "# " + std::string(3000, 'x') + "\n";
    RunResult run = run_tne({"batch", "-", "--format", "jsonl"}, {"TNE_MAX_INPUT_BYTES=2K"},
                            small + "---\n" + large + "---\n" + small);
    CHECK(run.exit_code == 3);
    CHECK_THAT(run.err, Catch::Contains("tne: error: -:4:1: the document is larger than the limit of 2048 bytes"));
    CHECK_THAT(run.err, Catch::Contains("3 read = 2 scored + 1 failed"));
    // One endless line is not held in memory either.
    RunResult line = run_tne({"batch", "-", "-q"}, {"TNE_MAX_INPUT_BYTES=1K"}, std::string(1 << 20, 'x'));
    CHECK(line.exit_code == 3);
}

TEST_CASE("bytes that are not UTF-8, NUL and control characters are refused at their line and column", "[hostile]") {
    refused(kInstitution + "  location: caf\xE9\n", "hostile.yaml:4:16: byte 0xE9 is not UTF-8");
    refused(kInstitution + "  location: \xC0\xAF\n", "4:13: byte 0xC0 is not UTF-8");          // overlong "/"
    refused(kInstitution + "  location: \xED\xA0\x80\n", "4:13: byte 0xED is not UTF-8");      // a surrogate
    refused(kInstitution + "  location: \xF4\x90\x80\x80\n", "4:13: byte 0xF4 is not UTF-8");  // past U+10FFFF
    refused(kInstitution + "  location: urban\xE2\x82", "4:18: byte 0xE2 is not UTF-8");       // cut at the end
    refused(kInstitution + std::string("  location: ur\0ban\n", 19), "4:15: a NUL byte (U+0000) is not allowed");
    refused(std::string("\0\0\0\0", 4), "1:1: a NUL byte");
    refused(kInstitution +
                "  location: ur\x07"
                "ban\n",
            "4:15: the control character U+0007 is not allowed in YAML");
    refused(kInstitution +
                "  location: ur\x7F"
                "ban\n",
            "U+007F");
    refused(kInstitution +
                "  location: ur\xC2\x9B"
                "ban\n",
            "U+009B");
    refused(kInstitution + "  location: \xEF\xBF\xBF\n", "U+FFFF");
    // What YAML allows passes: a byte-order mark, tabs in comments, CRLF line ends, any language.
    TempDir dir;
    std::filesystem::path fine = dir.path() / "fine.yaml";
    write_file(
        fine,
        "\xEF\xBB\xBFinstitution:\r\n  name: Universidad Autónoma ñ 大学\t# tab\r\n  type: public_university\r\n");
    RunResult run = run_tne({"assess", fine.string()});
    INFO(run.err);
    CHECK(run.exit_code == 0);
}

TEST_CASE("duplicate keys, a top level that is not a map, numbers as strings, NaN and infinities are refused",
          "[hostile]") {
    refused(kInstitution + "  name: Otra\n", "hostile.yaml:4:3: the key \"name\" is given twice");
    refused("funding:\n  co_funding: yes\nfunding:\n  co_funding: no\n" + kInstitution,
            "3:1: the block \"funding\" is given twice");
    refused("- institution\n", "a profile is a map");
    refused("just text\n", "a profile is a map");
    refused("", "a profile is a map");
    refused("---\n...\n", "a profile is a map");
    // A second document would be silently ignored: it is refused where it starts (an empty one is fine).
    refused(kInstitution + "---\n" + kInstitution, "hostile.yaml:5:1: a second YAML document starts here");
    refused(kInstitution + "language:\n  faculty_b2_percent: \"35\"\n",
            "5:23: language.faculty_b2_percent: \"35\" is not valid");
    refused(kInstitution + "language:\n  faculty_b2_percent: thirty\n", "\"thirty\" is not valid");
    refused(kInstitution + "language:\n  faculty_b2_percent: !!str 35\n", "\"35\" is not valid");
    refused(kInstitution + "language:\n  faculty_b2_percent: '35'\n", "\"35\" is not valid");
    for (std::string number : {".nan", ".NaN", ".inf", "-.inf", "+.Inf", "nan", "inf", "infinity", "1e999", "-1e999",
                               "0x1F", "1_000", "35%"}) {
        INFO(number);
        refused(kInstitution + "language:\n  faculty_b2_percent: " + number + "\n",
                "language.faculty_b2_percent: \"" + number + "\" is not valid; expected a number from 0 to 100");
    }
    refused(kInstitution.substr(0, kInstitution.find("  type")) + "  type: 1\n",
            "institution.type: \"1\" is not valid");
}

TEST_CASE("negative and absurd counts are refused, in profiles and on the command line", "[hostile]") {
    for (std::string count : {"-1", "-0.5", "2.5", "1e12", "99999999999999999999999", "500001"}) {
        INFO(count);
        refused(kInstitution + "  students: " + count + "\n",
                "institution.students: \"" + count + "\" is not valid; expected a whole number in 0 .. 500000");
    }
    CHECK(run_tne({"batch", "examples", "--jobs", "1000000000"}).exit_code == 2);
    CHECK(run_tne({"batch", "examples", "--jobs", "-4"}).exit_code == 2);
    CHECK(run_tne({"rubrics", "diff", "builtin", "builtin", "--profiles", "examples", "--top", "0"}).exit_code == 2);
    CHECK(run_tne({"assess", "examples/research_center.yaml", "--evidence-max-age", "99999999999"}).exit_code == 2);
}

TEST_CASE("a rubric set that refers to itself is a finding, not a loop", "[hostile]") {
    struct Case {
        std::string from, to, finding;
        bool assess_fails = true;  // tne assess does not read the set's test files
    };
    const std::vector<Case> cases = {
        // The set's main file named as its own institution file and as a test file.
        {"institution: institution.yaml", "institution: rubric-set.yaml", "rubric-set.yaml"},
        {"tests: [tests/fidelity.yaml, tests/examples.yaml, tests/dimensions.yaml]", "tests: [rubric-set.yaml]",
         "rubric-set.yaml", false},
        // A dimension whose file is the main file, and one outside the set's folder.
        {"dimensions: [funding,", "dimensions: [../rubric-set,", "is outside the rubric set's folder"},
        {"dimensions: [funding,", "dimensions: [/etc/passwd,", "rubric set"},
    };
    for (const auto& c : cases) {
        INFO(c.to);
        RubricCopy copy;
        replace_once(copy.root / "rubric-set.yaml", c.from, c.to);
        auto started = std::chrono::steady_clock::now();
        RunResult check = run_tne({"rubrics", "check", copy.root.string()});
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
        CHECK(check.exit_code == 1);
        CHECK_THAT(check.out, Catch::Contains(c.finding));
        CHECK(run_tne({"assess", "examples/research_center.yaml", "--rubrics", copy.root.string()}).exit_code ==
              (c.assess_fails ? 2 : 0));
    }
    // Models that build on themselves, or on each other in a circle.
    auto builds_on = [](std::string models, const std::string& id, const std::string& on) {
        size_t at = models.find("builds_on: []", models.find("- id: " + id + "\n"));
        REQUIRE(at != std::string::npos);
        return models.replace(at, 13, "builds_on: [" + on + "]");
    };
    RubricCopy copy;
    std::string models = read_file(copy.root / "models.yaml");
    for (const std::string& changed : {builds_on(models, "research_collaboration", "research_collaboration"),
                                       builds_on(models, "coil_virtual_exchange", "mobility")}) {
        write_file(copy.root / "models.yaml", changed);
        auto started = std::chrono::steady_clock::now();
        RunResult check = run_tne({"rubrics", "check", copy.root.string()});
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
        INFO(check.out);
        CHECK(check.exit_code == 1);
        CHECK_THAT(check.out, Catch::Contains("models.yaml:"));
        RunResult assess = run_tne({"assess", "examples/research_center.yaml", "--rubrics", copy.root.string()});
        CHECK((assess.exit_code == 0 || assess.exit_code == 2));
    }
}

TEST_CASE("a stream that makes YAML::LoadAll loop is read one document at a time", "[hostile][batch]") {
    for (const std::string& stream : {std::string(","), std::string(",\n---\n,\n"), std::string("- ,\n")}) {
        auto started = std::chrono::steady_clock::now();
        RunResult run = run_tne({"batch", "-", "--format", "jsonl"}, {}, stream);
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
        CHECK(run.exit_code == 3);
        CHECK_THAT(run.err, Catch::Contains("scored + "));
    }
}

TEST_CASE("a CSV row with bytes that are not text fails alone, at its cell; a bad header fails the file",
          "[hostile][survey]") {
    std::string csv = read_file(source_dir() / "examples/survey/respuestas.csv");
    size_t second_row = csv.find('\n') + 1;
    size_t name = csv.find("Centro de Estudios", second_row);
    REQUIRE(name != std::string::npos);
    TempDir dir;
    const std::string map = (source_dir() / "examples/survey/mapa.yaml").string();
    for (const std::string& bad : {std::string("\xE9"), std::string(1, '\0'), std::string("\x1B[31m")}) {
        std::string hostile = csv;
        hostile.insert(name + 3, bad);
        std::filesystem::path file = dir.path() / "hostile.csv";
        write_file(file, hostile);
        RunResult run = run_tne({"batch", file.string(), "--csv-map", map, "--format", "jsonl"});
        INFO(run.err);
        CHECK(run.exit_code == 3);
        CHECK_THAT(run.err, Catch::Contains("hostile.csv:2:59: "));
        CHECK_THAT(run.err,
                   Catch::Contains("44 read = 39 scored + 5 failed"));  // the shipped 4 broken rows, and this one
        CHECK(run.out.find(bad) == std::string::npos);                  // nothing of it reaches the records
    }
    std::string header = csv;
    header.insert(3, "\xFF");
    write_file(dir.path() / "header.csv", header);
    RunResult run = run_tne({"batch", (dir.path() / "header.csv").string(), "--csv-map", map});
    CHECK(run.exit_code == 3);
    CHECK_THAT(run.err, Catch::Contains("header.csv:1:"));
    CHECK_THAT(run.err, Catch::Contains("byte 0xFF is not UTF-8"));
}

TEST_CASE("a document with more values than any profile or rubric file needs is refused where the limit is passed",
          "[hostile]") {
    // 60,000 unknown keys, one per line from line 4: the top map, the institution block and its two
    // answers are 7 values, each entry 2 more, so the 50,001st value is that of entry 24,996.
    std::string profile = kInstitution;
    for (int i = 0; i < 60000; ++i) profile += "k" + std::to_string(i) + ": 1\n";
    RunResult run = refused(profile, "the document has more than 50000 values");
    CHECK_THAT(run.err, Catch::Contains("hostile.yaml:25000:9: "));
    // Flow style packs a value in two bytes: the limit holds for it too, and inside a stream.
    std::string flow = kInstitution + "x: [" + repeat("1,", 60000) + "1]\n";
    refused(flow, "the document has more than 50000 values");
    RunResult stream = run_tne({"batch", "-", "-q"}, {}, "---\n" + flow + "---\n" + kInstitution);
    CHECK(stream.exit_code == 3);
}

TEST_CASE("a profile of unknown keys up to the 16 MiB limit is answered at once, with a bounded report", "[hostile]") {
    // 1.4 million unknown keys: each one searched for its own place made this hours of work.
    std::string profile = kInstitution;
    for (int i = 0; profile.size() < input::kDefaultMaxBytes - 64; ++i) profile += "k" + std::to_string(i) + ": 1\n";
    RunResult run = refused(profile, "the document has more than 50000 values");
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
    // Under the limit, the first 100 problems are reported at their places, and the rest counted.
    std::string some = kInstitution;
    for (int i = 0; i < 20000; ++i) some += "k" + std::to_string(i) + ": 1\n";
    RunResult each = refused(some, "hostile.yaml:103:1: unknown key \"k99\" in profile");
    CHECK_THAT(each.err, Catch::EndsWith("hostile.yaml:104:1: and 19900 more problems from here on, not shown: fix the "
                                         "ones above first (is this the right file?)\n"));
    CHECK(std::count(each.err.begin(), each.err.end(), '\n') == 101);
}

TEST_CASE("a name longer than any institution's is refused at its place", "[hostile]") {
    std::string name = repeat("Universidad Tecnológica ", 25) + "x";  // 601 characters, 626 bytes
    refused("institution:\n  name: " + name + "\n  type: public_university\n",
            "hostile.yaml:2:9: institution.name: a text of 601 characters; expected at most 500");
    // 500 characters, accents counted as one, is still a name.
    std::string longest = repeat("Universidad Tecnológica ", 20) + std::string(20, 'x');
    TempDir dir;
    write_file(dir.path() / "ok.yaml", "institution:\n  name: " + longest + "\n  type: public_university\n");
    CHECK(run_tne({"assess", (dir.path() / "ok.yaml").string()}).exit_code == 0);
}
