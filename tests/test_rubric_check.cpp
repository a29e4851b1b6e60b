// Tests of `tne rubrics check`: the corpus of broken rubric sets (tests/rubrics/broken.yaml), each
// with its one exact finding in all four formats; SARIF valid against the official SARIF 2.1.0
// schema; the shipped sets clean under --strict; the schema's root agreeing with the tool; every
// rule's quote found in the section it cites (--source), against tests/rubrics/minimal/source.txt.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <memory>
#include <optional>
#include <regex>
#include <nlohmann/json.hpp>
#include <set>
#include <valijson/schema.hpp>

#include "annex_source.hpp"
#include "json_schema.hpp"
#include "support.hpp"
#include "tne/rubric_check.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using tne::test::parse_schema;
using tne::test::read_file;
using tne::test::schema_errors;
using tne::test::source_dir;
using tne::test::TempDir;
using tne::test::yaml_to_json;

namespace {

struct BrokenCase {
    std::string id;
    std::string file;
    std::string replace;
    std::string with;
    std::string finding;  // compiler style, the path relative to the set
    std::string source;   // a file of the set to check the quotes against (--source), or ""
};

std::vector<BrokenCase> broken_cases() {
    std::vector<BrokenCase> cases;
    YAML::Node root = YAML::LoadFile((source_dir() / "tests/rubrics/broken.yaml").string());
    for (const auto& node : root["cases"])
        cases.push_back({node["id"].as<std::string>(), node["file"].as<std::string>(), node["replace"].as<std::string>(),
                         node["with"].as<std::string>(), node["finding"].as<std::string>(),
                         node["source"] ? node["source"].as<std::string>() : ""});
    return cases;
}

// tests/rubrics/minimal copied into `dir`, with the case's one defect.
std::string broken_set(const BrokenCase& c, const TempDir& dir) {
    fs::path root = dir.path() / "set";
    fs::copy(source_dir() / "tests/rubrics/minimal", root, fs::copy_options::recursive);
    fs::path file = root / c.file;
    std::string text = read_file(file);
    size_t at = text.find(c.replace);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(c.replace, at + 1) == std::string::npos);
    tne::test::write_file(file, text.replace(at, c.replace.size(), c.with));
    return root.string();
}

// The source text of a case, named in messages by its path in the set, as the corpus writes it.
std::optional<tne::CheckSource> case_source(const std::string& source, const std::string& root) {
    if (source.empty()) return std::nullopt;
    return tne::CheckSource{source, read_file(fs::path(root) / source)};
}

// "file:line:col: severity: message [rule]" split into its parts.
struct ExpectedFinding {
    std::string file;
    int line = 0;
    int column = 0;
    std::string severity;
    std::string message;
    std::string rule;
};

ExpectedFinding parse_finding(const std::string& text, const std::string& root) {
    ExpectedFinding f;
    std::smatch m;
    static const std::regex with_place(R"(([^:]+):(\d+):(\d+): (error|warning): (.*) \[([a-z-]+)\])");
    REQUIRE(std::regex_match(text, m, with_place));
    f.file = root + "/" + m[1].str();
    f.line = std::stoi(m[2]);
    f.column = std::stoi(m[3]);
    f.severity = m[4];
    f.message = m[5];
    f.rule = m[6];
    return f;
}

std::string percent_encode(const std::string& text, bool property) {
    std::string out;
    for (char c : text) {
        if (c == '%') out += "%25";
        else if (c == '\n') out += "%0A";
        else if (property && c == ':') out += "%3A";
        else if (property && c == ',') out += "%2C";
        else out += c;
    }
    return out;
}

const valijson::Schema& sarif_schema() {
    static const json document = [] {
        fs::path path = fs::path(TNE_TEST_DATA_DIR) / "sarif-2.1.0.json";
        if (!fs::exists(path)) FAIL("missing " << path << ": run scripts/fetch-test-data.sh (scripts/test.sh does)");
        return json::parse(read_file(path));
    }();
    static const auto schema = [] {
        auto parsed = std::make_unique<valijson::Schema>();
        parse_schema(document, *parsed);
        return parsed;
    }();
    return *schema;
}


}  // namespace

TEST_CASE("every broken rubric set yields exactly its expected finding, in all four formats", "[rubric-check]") {
    auto cases = broken_cases();
    REQUIRE(cases.size() >= 20);
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.id) {
            TempDir dir;
            std::string root = broken_set(c, dir);
            tne::CheckReport report = tne::check_rubric_set(tne::directory_rubric_files(root), case_source(c.source, root));
            ExpectedFinding want = parse_finding(c.finding, root);
            REQUIRE(report.findings.size() == 1);
            CHECK(report.failed(true));

            // text: the finding line, its hint, the summary.
            std::string text = tne::render_check(report, tne::CheckFormat::text, tne::Lang::en);
            CHECK(text.rfind(root + "/" + c.finding + "\n  hint: ", 0) == 0);

            // json: the same facts as fields.
            json data = json::parse(tne::render_check(report, tne::CheckFormat::json, tne::Lang::en));
            REQUIRE(data["findings"].size() == 1);
            const json& f = data["findings"][0];
            CHECK(f["file"] == want.file);
            CHECK(f["line"] == want.line);
            CHECK(f["column"] == want.column);
            CHECK(f["severity"] == want.severity);
            CHECK(f["rule"] == want.rule);
            CHECK(f["message"] == want.message);
            CHECK(data[want.severity == "error" ? "errors" : "warnings"] == 1);

            // github: a workflow command on the file's line.
            std::string github = tne::render_check(report, tne::CheckFormat::github, tne::Lang::en);
            std::string command = "::" + want.severity + " file=" + percent_encode(want.file, true) +
                                  ",line=" + std::to_string(want.line) + ",col=" + std::to_string(want.column) +
                                  ",title=tne " + want.rule + "::" + percent_encode(want.message, false) + "%0A";
            CHECK(github.rfind(command, 0) == 0);

            // sarif: one result at the same place, valid against the SARIF 2.1.0 schema.
            json sarif = json::parse(tne::render_check(report, tne::CheckFormat::sarif, tne::Lang::en));
            CHECK(schema_errors(sarif_schema(), sarif).empty());
            const json& result = sarif["runs"][0]["results"][0];
            CHECK(result["ruleId"] == want.rule);
            CHECK(result["level"] == want.severity);
            CHECK(result["message"]["text"] == want.message);
            const json& location = result["locations"][0]["physicalLocation"];
            CHECK(location["artifactLocation"]["uri"] == want.file);
            CHECK(location["region"]["startLine"] == want.line);
            CHECK(location["region"]["startColumn"] == want.column);
            CHECK(sarif["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"].get<int>()]["id"] == want.rule);
        }
    }
}

TEST_CASE("the broken corpus exercises every rule of the check", "[rubric-check]") {
    std::set<std::string> exercised;
    for (const auto& c : broken_cases()) exercised.insert(parse_finding(c.finding, "").rule);
    for (const auto& rule : tne::check_rules()) CHECK(exercised.count(std::string(rule.id)) == 1);
}

TEST_CASE("a broken set's findings are in Spanish with --lang es", "[rubric-check]") {
    BrokenCase c{"missing-translation", "dimensions/beta.yaml", "name: {en: Partner countries, es: Países socios}",
                 "name: {en: Partner countries}", "", ""};
    TempDir dir;
    std::string root = broken_set(c, dir);
    std::string text = tne::render_check(tne::check_rubric_set(tne::directory_rubric_files(root)),
                                         tne::CheckFormat::text, tne::Lang::es);
    CHECK(text.find("error: beta.partners name: falta el texto en español o está vacío [missing-translation]") !=
          std::string::npos);
    CHECK(text.find("  sugerencia: Agregue el texto") != std::string::npos);
    CHECK(text.find(": 1 error, 0 advertencias") != std::string::npos);
}

TEST_CASE("the shipped and minimal rubric sets pass the strict check", "[rubric-check]") {
    for (const auto& files : {tne::embedded_rubric_files(), tne::directory_rubric_files((source_dir() / "rubrics").string()),
                              tne::directory_rubric_files((source_dir() / "tests/rubrics/minimal").string())}) {
        tne::CheckReport report = tne::check_rubric_set(files);
        for (const auto& f : report.findings) UNSCOPED_INFO(f.pos.str() << ": " << f.message.en);
        CHECK(report.findings.empty());
        CHECK_FALSE(report.failed(true));
        json sarif = json::parse(tne::render_check(report, tne::CheckFormat::sarif, tne::Lang::es));
        CHECK(schema_errors(sarif_schema(), sarif).empty());
        CHECK(sarif["runs"][0]["results"].empty());
        sarif["runs"][0]["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"] = "fatal";
        CHECK_FALSE(schema_errors(sarif_schema(), sarif).empty());  // the schema really is enforced
    }
}

TEST_CASE("several defects in one set are all reported, in file order", "[rubric-check]") {
    TempDir dir;
    fs::path root = dir.path() / "set";
    fs::copy(source_dir() / "tests/rubrics/minimal", root, fs::copy_options::recursive);
    std::string alpha = read_file(root / "dimensions/alpha.yaml");
    alpha.replace(alpha.find("    weight: 3\n"), 14, "    weight: -1\n");
    alpha.replace(alpha.find("annex: \"1.1\"\n    name"), 12, "annex: \"7\"");
    tne::test::write_file(root / "dimensions/alpha.yaml", alpha);
    std::string models = read_file(root / "models.yaml");
    models.replace(models.find("builds_on: [starter]"), 20, "builds_on: [starer]");
    tne::test::write_file(root / "models.yaml", models);

    tne::CheckReport report = tne::check_rubric_set(tne::directory_rubric_files(root.string()));
    std::vector<std::string> rules;
    for (const auto& f : report.findings) rules.emplace_back(f.rule->id);
    CHECK(rules == std::vector<std::string>{"weight-positive", "annex-section", "unknown-reference"});
    CHECK(report.count(tne::Severity::error) == 3);
}

// Editors validate a file against the schema's root, which tells the kinds apart by their keys;
// the tool validates each file against its kind. Both must accept every shipped file and reject a
// broken one.
TEST_CASE("the rubric schema's root accepts every shipped rubric file and rejects a broken one", "[rubric-check]") {
    json document = json::parse(tne::rubric_files_schema());
    valijson::Schema schema;
    parse_schema(document, schema);

    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(source_dir() / "rubrics")) {
        if (entry.path().extension() != ".yaml") continue;
        ++files;
        INFO(entry.path());
        CHECK(schema_errors(schema, yaml_to_json(YAML::LoadFile(entry.path().string()))).empty());
    }
    CHECK(files >= 16);
    YAML::Node models = YAML::LoadFile((source_dir() / "rubrics/models.yaml").string());
    models["models"][0]["stage"] = "first";
    CHECK_FALSE(schema_errors(schema, yaml_to_json(models)).empty());
}

TEST_CASE("tne rubrics check exits 0 when clean, 1 on findings, 2 on usage errors", "[rubric-check][binary]") {
    using tne::test::run_tne;
    std::string minimal = (source_dir() / "tests/rubrics/minimal").string();
    CHECK(run_tne({"rubrics", "check", "--strict", minimal}).exit_code == 0);
    CHECK(run_tne({"rubrics", "check"}).exit_code == 0);  // the built-in set

    TempDir dir;
    BrokenCase warning{"untranslated", "dimensions/beta.yaml", "es: Socios y personal.", "es: Partners and staff.", "", ""};
    std::string root = broken_set(warning, dir);
    CHECK(run_tne({"rubrics", "check", root}).exit_code == 0);  // warnings only fail under --strict
    auto strict = run_tne({"rubrics", "check", "--strict", "--format", "github", root});
    CHECK(strict.exit_code == 1);
    CHECK(strict.out.rfind("::warning file=", 0) == 0);

    CHECK(run_tne({"rubrics", "check", "--format", "xml", minimal}).exit_code == 2);
    CHECK(run_tne({"rubrics", "check", (dir.path() / "nowhere").string()}).exit_code == 2);
    auto schema = run_tne({"rubrics", "schema"});
    CHECK(schema.exit_code == 0);
    CHECK(json::parse(schema.out) == json::parse(read_file(source_dir() / "schemas/rubric-set.schema.json")));
}

// --- What each rule rests on (docs/rubrics.md): `quote`, `assumption` and --source.

namespace {

// tests/rubrics/minimal copied into `dir`, with `edits` applied to its files (each `from` once).
struct Edit {
    std::string file;
    std::string from;
    std::string to;
};

fs::path edited_minimal(const TempDir& dir, const std::vector<Edit>& edits) {
    fs::path root = dir.path() / "set";
    fs::copy(source_dir() / "tests/rubrics/minimal", root, fs::copy_options::recursive);
    for (const auto& e : edits) {
        std::string text = read_file(root / e.file);
        size_t at = text.find(e.from);
        REQUIRE(at != std::string::npos);
        REQUIRE(text.find(e.from, at + 1) == std::string::npos);
        tne::test::write_file(root / e.file, text.replace(at, e.from.size(), e.to));
    }
    return root;
}

tne::CheckReport check_with_source(const fs::path& root) {
    return tne::check_rubric_set(tne::directory_rubric_files(root.string()),
                                 tne::CheckSource{"source.txt", read_file(root / "source.txt")});
}

}  // namespace

TEST_CASE("the minimal set's quotes are found in their sections across line breaks, quotes and dashes",
          "[rubric-check][source]") {
    fs::path root = source_dir() / "tests/rubrics/minimal";
    // Found only when layout is folded: a line break and a bullet's indent inside the quote, curly
    // quotes and apostrophes, a non-breaking hyphen.
    std::string text = read_file(root / "source.txt");
    CHECK(text.find("Create a dedicated budget line for international partnerships") == std::string::npos);
    CHECK(text.find("\"struggle to find funds\"") == std::string::npos);
    CHECK(text.find("co-funding") == std::string::npos);
    CHECK(text.find("partner's change") == std::string::npos);

    tne::CheckReport report = check_with_source(root);
    for (const auto& f : report.findings) UNSCOPED_INFO(f.pos.str() << ": " << f.message.en);
    CHECK(report.findings.empty());
    CHECK_FALSE(report.failed(true));
    CHECK(report.files_checked == 8);  // the set's six files, its test file and the source
}

TEST_CASE("a quote from another section of the source is an error at the quote, naming both sections",
          "[rubric-check][source]") {
    TempDir dir;
    // alpha.share cites section 1; the words are in section 2.
    fs::path root = edited_minimal(dir, {{"dimensions/alpha.yaml", "    quote: institutions \"struggle to find funds\" for partnerships\n",
                                          "    quote: >-\n      Staff the international\n      office\n"}});
    tne::CheckReport report = check_with_source(root);
    REQUIRE(report.findings.size() == 1);
    const tne::Finding& f = report.findings[0];
    CHECK(f.rule->id == "quote-not-found");
    CHECK(f.rule->severity == tne::Severity::error);
    CHECK(f.pos.file == (root / "dimensions/alpha.yaml").string());
    CHECK(f.pos.line == 35);
    CHECK(f.pos.column == 12);
    CHECK(f.message.en == "the quote \"Staff the international office\" was not found in section 1 of source.txt; it is in section 2");
    CHECK(f.message.es == "la cita \"Staff the international office\" no se encontró en la sección 1 de source.txt; está en la sección 2");
    CHECK(report.failed(false));

    // Words in no section at all: the message gives the lines of the section cited.
    TempDir other;
    root = edited_minimal(other, {{"dimensions/alpha.yaml", "    quote: institutions \"struggle", "    quote: institutions \"struggled"}});
    report = check_with_source(root);
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].pos.line == 35);
    CHECK(report.findings[0].message.en ==
          "the quote \"institutions \"struggled to find funds\" for partnerships\" was not found in section 1 of source.txt "
          "(lines 9-24)");
}

TEST_CASE("a test case's expectation quotes are checked against their sections too", "[rubric-check][source]") {
    // A fidelity-style expectation citing section 2 with its words passes; with words of section 1, or
    // words in no section, it is an error at the quote in the test file.
    const std::string expectation = "      suggested: advanced\n";
    auto with_quote = [&](const TempDir& dir, const std::string& quote) {
        return edited_minimal(dir, {{"tests/cases.yaml", expectation,
                                     "      suggested: {one_of: [advanced], annex: \"2\", quote: \"" + quote + "\"}\n"}});
    };
    TempDir right;
    CHECK(check_with_source(with_quote(right, "Staff the international office")).findings.empty());

    TempDir wrong;
    fs::path root = with_quote(wrong, "few have a recurring budget line");
    tne::CheckReport report = check_with_source(root);
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].rule->id == "quote-not-found");
    CHECK(report.findings[0].pos.file == (root / "tests/cases.yaml").string());
    CHECK(report.findings[0].message.en ==
          "the quote \"few have a recurring budget line\" was not found in section 2 of source.txt; it is in section 1");
}

TEST_CASE("the text after a section's `ends` line belongs to its parent only", "[rubric-check][source]") {
    // alpha.share's recommendation cites 1, alpha.budget 1.1; the words follow "Notes on budgets".
    const std::string words = "quote: partners' own contributions matter as much";
    TempDir in_parent;
    fs::path root = edited_minimal(in_parent, {{"dimensions/alpha.yaml", "quote: few have a recurring budget line", words}});
    CHECK(check_with_source(root).findings.empty());
    TempDir in_child;
    root = edited_minimal(in_child, {{"dimensions/alpha.yaml", "quote: Create a dedicated budget line for international partnerships",
                                      words}});
    tne::CheckReport report = check_with_source(root);
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].message.en.ends_with("not found in section 1.1 of source.txt; it is in section 1"));
}

TEST_CASE("a section whose heading is not a whole line of the source is an error at the section", "[rubric-check][source]") {
    SECTION("a heading that differs from the line") {
        TempDir dir;
        fs::path root = edited_minimal(dir, {{"source.txt", "\n1.1 Budgets\n", "\n1.1 Budgets and grants\n"}});
        // The table of contents still has "1.1 Budgets<tab>2", which is not the whole line.
        tne::CheckReport report = check_with_source(root);
        REQUIRE(report.findings.size() == 1);  // the quotes citing 1.1 are not checked then
        const tne::Finding& f = report.findings[0];
        CHECK(f.rule->id == "heading-not-found");
        CHECK(f.pos.file == (root / "annex.yaml").string());
        CHECK(f.pos.line == 5);
        CHECK(f.message.en ==
              "the heading of section 1.1, \"1.1 Budgets\", was not found in source.txt as a whole line after the previous "
              "section's heading");
    }
    SECTION("no heading") {
        TempDir dir;
        fs::path root = edited_minimal(dir, {{"annex.yaml", ", heading: \"2. PARTNERS\"", ""}});
        tne::CheckReport report = check_with_source(root);
        REQUIRE(report.findings.size() == 1);
        CHECK(report.findings[0].rule->id == "heading-not-found");
        CHECK(report.findings[0].pos.line == 6);
        CHECK(report.findings[0].message.en == "section 2 has no `heading`, so its text cannot be found in source.txt");
        // Without --source a heading is optional.
        CHECK(tne::check_rubric_set(tne::directory_rubric_files(root.string())).findings.empty());
    }
    SECTION("an `ends` line outside the section") {
        TempDir dir;
        fs::path root = edited_minimal(dir, {{"annex.yaml", "ends: \"Notes on budgets\"", "ends: \"2. PARTNERS\""}});
        tne::CheckReport report = check_with_source(root);
        REQUIRE(report.findings.size() == 1);
        CHECK(report.findings[0].message.en ==
              "the line that ends section 1.1, \"2. PARTNERS\", was not found within it in source.txt");
    }
}

TEST_CASE("a rule with neither a quote nor an assumption is a warning, an error under --strict", "[rubric-check][source]") {
    TempDir dir;
    fs::path root = edited_minimal(
        dir, {{"models.yaml", ",\n         assumption: {en: The 5 points are the set's own., es: Los 5 puntos son del propio conjunto.}}", "}"}});
    tne::CheckReport report = tne::check_rubric_set(tne::directory_rubric_files(root.string()));
    REQUIRE(report.findings.size() == 1);
    const tne::Finding& f = report.findings[0];
    CHECK(f.rule->id == "basis-missing");
    CHECK(f.rule->severity == tne::Severity::warning);
    CHECK(f.pos.file == (root / "models.yaml").string());
    CHECK(f.pos.line == 28);
    CHECK(f.message.en ==
          "the context adjustment of model \"advanced\" on institution.type has neither a `quote` of its Annex section nor "
          "an `assumption`");
    CHECK_FALSE(report.failed(false));
    CHECK(report.failed(true));

    using tne::test::run_tne;
    CHECK(run_tne({"rubrics", "check", root.string()}).exit_code == 0);
    auto strict = run_tne({"rubrics", "check", "--strict", "--lang", "es", root.string()});
    CHECK(strict.exit_code == 1);
    CHECK(strict.out.find("no tiene ni una cita (`quote`) de su sección del Anexo ni un supuesto (`assumption`) "
                          "[basis-missing]") != std::string::npos);
}

TEST_CASE("tne rubrics check --source checks the quotes, and refuses a source that is not there", "[rubric-check][binary]") {
    using tne::test::run_tne;
    fs::path root = source_dir() / "tests/rubrics/minimal";
    auto clean = run_tne({"rubrics", "check", "--strict", "--source", (root / "source.txt").string(), root.string()});
    CHECK(clean.exit_code == 0);
    CHECK(clean.out.find("(8 files checked)") != std::string::npos);

    TempDir dir;
    fs::path broken = edited_minimal(dir, {{"annex.yaml", "heading: \"2. PARTNERS\"", "heading: \"2. Partners\""}});
    auto found = run_tne({"rubrics", "check", "--source", (broken / "source.txt").string(), broken.string()});
    CHECK(found.exit_code == 1);
    CHECK(found.out.find("[heading-not-found]") != std::string::npos);

    auto missing = run_tne({"rubrics", "check", "--source", (dir.path() / "nowhere.txt").string(), root.string()});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("nowhere.txt") != std::string::npos);
}

TEST_CASE("the source text is compared with its layout folded and found by whole heading lines", "[rubric-check][source]") {
    using tne::annex_source::fold;
    using tne::annex_source::fold_line;
    CHECK(fold("  a\tb\n\n  c  ") == "a b c");
    CHECK(fold("the institution\u2019s \u201cgoals\u201d \u2013 co\u2011funding \u2014 x") == "the institution's \"goals\" - co-funding - x");
    CHECK(fold("Case Counts") != fold("case counts"));
    CHECK(fold_line("- 4.4 Sustainability of TNE Partnerships") == "4.4 Sustainability of TNE Partnerships");
    CHECK(fold_line("\u2022 Joint Degree Programmes") == "Joint Degree Programmes");

    std::vector<tne::AnnexSection> sections(4);
    sections[0].id = "1";
    sections[0].heading = "1. One";
    sections[1].id = "1.1";
    sections[1].heading = "1.1 Sub";
    sections[2].id = "1.2";
    sections[2].heading = "1.2 Other";
    sections[3].id = "2";
    sections[3].heading = "2. Two";
    std::string text = "Contents\n1. One\t1\n1.1 Sub\t1\n\n1. One\nalpha\n1.1 Sub\nbeta\n1.2 Other\ngamma\n - 2. Two\ndelta\n";
    auto split = tne::annex_source::split(text, sections);
    CHECK(split.problems.empty());
    CHECK(split.find("1")->first_line == 5);  // not the table of contents
    CHECK(split.find("1")->text == "1. One alpha 1.1 Sub beta 1.2 Other gamma");
    CHECK(split.find("1.1")->text == "1.1 Sub beta");
    CHECK(split.find("2")->text == "- 2. Two delta");
    CHECK(split.containing("beta")->section->id == "1.1");
    CHECK(split.containing("epsilon") == nullptr);
}
