// Tests of `tne rubrics check`: the corpus of broken rubric sets (tests/rubrics/broken.yaml), each
// with its one exact finding in all four formats; SARIF valid against the official SARIF 2.1.0
// schema; the shipped sets clean under --strict; the schema's root agreeing with the tool; every
// rule's quote found in the section it cites (--source), against tests/rubrics/minimal/source.txt.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <cctype>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>
#include <valijson/schema.hpp>

#include "authoring/annex_source.hpp"
#include "base/json_writer.hpp"
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
        cases.push_back({node["id"].as<std::string>(), node["file"].as<std::string>(),
                         node["replace"].as<std::string>(), node["with"].as<std::string>(),
                         node["finding"].as<std::string>(), node["source"] ? node["source"].as<std::string>() : ""});
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
    std::string file;      // as the check names it: the set's root, '/', the path in the set
    std::string relative;  // the path in the set
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
    f.relative = m[1].str();
    f.file = root + "/" + f.relative;
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
        if (c == '%')
            out += "%25";
        else if (c == '\n')
            out += "%0A";
        else if (property && c == ':')
            out += "%3A";
        else if (property && c == ',')
            out += "%2C";
        else
            out += c;
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
            tne::CheckReport report =
                tne::check_rubric_set(tne::directory_rubric_files(root), case_source(c.source, root));
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

            // github: a workflow command on the file's line, the path relative to the base directory.
            std::string github = tne::render_check(report, tne::CheckFormat::github, tne::Lang::en, false, dir.path());
            std::string command = "::" + want.severity + " file=" + percent_encode("set/" + want.relative, true) +
                                  ",line=" + std::to_string(want.line) + ",col=" + std::to_string(want.column) +
                                  ",title=tne " + want.rule + "::" + percent_encode(want.message, false) + "%0A";
            CHECK(github.rfind(command, 0) == 0);

            // sarif: one result at the same place, valid against the SARIF 2.1.0 schema, its file
            // relative to SRCROOT, the base directory.
            json sarif =
                json::parse(tne::render_check(report, tne::CheckFormat::sarif, tne::Lang::en, false, dir.path()));
            CHECK(schema_errors(sarif_schema(), sarif).empty());
            const json& result = sarif["runs"][0]["results"][0];
            CHECK(result["ruleId"] == want.rule);
            CHECK(result["level"] == want.severity);
            CHECK(result["message"]["text"] == want.message);
            const json& location = result["locations"][0]["physicalLocation"];
            CHECK(location["artifactLocation"]["uri"] == "set/" + want.relative);
            CHECK(location["artifactLocation"]["uriBaseId"] == "SRCROOT");
            CHECK(sarif["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"] ==
                  "file://" + dir.path().generic_string() + "/");
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

TEST_CASE("every kind of problem has its own id, and each rule of the check its kind", "[rubric-check]") {
    std::set<std::string_view> ids;
    for (size_t i = 0; i < std::size(tne::kAllProblems); ++i) {
        tne::Problem p = tne::kAllProblems[i];
        INFO(i << " " << tne::rule_id(p));
        CHECK(static_cast<size_t>(p) == i);
        CHECK_FALSE(tne::rule_id(p).empty());
        CHECK(ids.insert(tne::rule_id(p)).second);
    }
    // kAllProblems lists every kind: the value after its last is none (rule_id names every kind).
    CHECK(tne::rule_id(static_cast<tne::Problem>(std::size(tne::kAllProblems))).empty());
    // The check's rules: every kind but the three of profiles, in the kinds' order, each once.
    const auto& rules = tne::check_rules();
    CHECK(rules.size() + 3 == std::size(tne::kAllProblems));
    for (size_t i = 0; i < rules.size(); ++i) {
        CHECK(rules[i].id == tne::rule_id(rules[i].problem));
        CHECK(tne::find_check_rule(rules[i].problem) == &rules[i]);
        if (i > 0) CHECK(rules[i - 1].problem < rules[i].problem);
    }
    for (tne::Problem p : {tne::Problem::input, tne::Problem::missing_answer, tne::Problem::duplicate_item})
        CHECK(tne::find_check_rule(p) == nullptr);
}

TEST_CASE("a broken set's findings are in Spanish with --lang es", "[rubric-check]") {
    BrokenCase c{"missing-translation",
                 "dimensions/beta.yaml",
                 "name: {en: Partner countries, es: Países socios}",
                 "name: {en: Partner countries}",
                 "",
                 ""};
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
    for (const auto& files :
         {tne::embedded_rubric_files(), tne::directory_rubric_files((source_dir() / "rubrics").string()),
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
    std::vector<tne::Problem> rules;
    for (const auto& f : report.findings) rules.push_back(f.rule->problem);
    CHECK(rules == std::vector<tne::Problem>{tne::Problem::weight_positive, tne::Problem::annex_section,
                                             tne::Problem::unknown_reference});
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
    BrokenCase warning{
        "untranslated", "dimensions/beta.yaml", "es: Socios y personal.", "es: Partners and staff.", "", ""};
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

// --- Where code hosts are told the files are: github and sarif paths relative to a base directory.

namespace {

// The untranslated-text warning of the corpus, in a set at `root` (a copy of tests/rubrics/minimal).
tne::CheckReport untranslated_at(const fs::path& root) {
    fs::create_directories(root.parent_path());
    fs::copy(source_dir() / "tests/rubrics/minimal", root, fs::copy_options::recursive);
    tne::test::replace_once(root / "dimensions/beta.yaml", "es: Socios y personal.", "es: Partners and staff.");
    tne::CheckReport report = tne::check_rubric_set(tne::directory_rubric_files(root.string()));
    REQUIRE(report.findings.size() == 1);
    return report;
}

const json& sarif_artifact(const json& sarif) {
    return sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
}

}  // namespace

TEST_CASE("sarif and github name a file relative to the base directory, percent-encoded for a URI",
          "[rubric-check][sarif]") {
    TempDir dir;
    fs::path base = dir.path() / "repo ñ";
    tne::CheckReport report = untranslated_at(base / "rubric sets/año #1");
    // Given with a trailing '/' and a "..": the same base.
    fs::path typed_base = base / "rubric sets" / ".." / "";
    json sarif = json::parse(tne::render_check(report, tne::CheckFormat::sarif, tne::Lang::en, false, typed_base));
    CHECK(schema_errors(sarif_schema(), sarif).empty());
    CHECK(sarif_artifact(sarif) ==
          json{{"uri", "rubric%20sets/a%C3%B1o%20%231/dimensions/beta.yaml"}, {"uriBaseId", "SRCROOT"}});
    CHECK(sarif["runs"][0]["originalUriBaseIds"] ==
          json{{"SRCROOT", {{"uri", "file://" + dir.path().generic_string() + "/repo%20%C3%B1/"}}}});

    std::string github = tne::render_check(report, tne::CheckFormat::github, tne::Lang::en, false, typed_base);
    CHECK(github.rfind("::warning file=rubric sets/año #1/dimensions/beta.yaml,line=", 0) == 0);
}

TEST_CASE("a file outside the base directory keeps its absolute path: a file URI with no uriBaseId",
          "[rubric-check][sarif]") {
    TempDir dir;
    fs::path set = dir.path() / "elsewhere/set";
    tne::CheckReport report = untranslated_at(set);
    fs::path base = dir.path() / "repo";
    fs::create_directories(base);
    json sarif = json::parse(tne::render_check(report, tne::CheckFormat::sarif, tne::Lang::en, false, base));
    CHECK(schema_errors(sarif_schema(), sarif).empty());
    CHECK(sarif_artifact(sarif) == json{{"uri", "file://" + set.generic_string() + "/dimensions/beta.yaml"}});
    // The base is still stated: the run's other files (none here) would be relative to it.
    CHECK(sarif["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"] == "file://" + base.generic_string() + "/");
    std::string github = tne::render_check(report, tne::CheckFormat::github, tne::Lang::en, false, base);
    CHECK(github.rfind("::warning file=" + set.generic_string() + "/dimensions/beta.yaml,line=", 0) == 0);
}

TEST_CASE("a base directory reached through a symbolic link still holds the set's files", "[rubric-check][sarif]") {
    TempDir dir;
    tne::CheckReport report = untranslated_at(dir.path() / "real/set");
    fs::create_directory_symlink(dir.path() / "real", dir.path() / "link");
    json sarif =
        json::parse(tne::render_check(report, tne::CheckFormat::sarif, tne::Lang::en, false, dir.path() / "link"));
    CHECK(sarif_artifact(sarif) == json{{"uri", "set/dimensions/beta.yaml"}, {"uriBaseId", "SRCROOT"}});
}

TEST_CASE("the repository root is the nearest folder up that holds .git, a folder or a worktree's file",
          "[rubric-check][sarif]") {
    TempDir dir;
    fs::path repo = dir.path() / "repo";
    fs::create_directories(repo / ".git");
    fs::create_directories(repo / "a/b");
    CHECK(tne::repository_root(repo / "a/b") == repo);
    CHECK(tne::repository_root(repo) == repo);
    CHECK(tne::repository_root(repo / "a/b/../b/") == repo);

    fs::path worktree = repo / "a/worktree";
    fs::create_directories(worktree / "c");
    tne::test::write_file(worktree / ".git", "gitdir: elsewhere\n");
    CHECK(tne::repository_root(worktree / "c") == worktree);

    // No .git up to the root of the file system (none is expected above the temporary folder).
    fs::path plain = dir.path() / "plain/d";
    fs::create_directories(plain);
    CHECK(tne::repository_root(plain) == plain);
}

TEST_CASE("the SARIF names tne's home and, for each rule, its heading in docs/rubrics.md", "[rubric-check][sarif]") {
    // The anchors GitHub gives docs/rubrics.md's headings: lower case, punctuation but '-' and '_'
    // dropped, spaces as '-', "-1", "-2" after a repeated one; fenced code is no heading.
    std::map<std::string, std::string> anchors;  // anchor: the heading's text, without backticks
    std::map<std::string, int> seen;
    bool in_code = false;
    std::istringstream doc(read_file(source_dir() / "docs/rubrics.md"));
    for (std::string line; std::getline(doc, line);) {
        if (line.rfind("```", 0) == 0) in_code = !in_code;
        size_t hashes = line.find_first_not_of('#');
        if (in_code || hashes == 0 || hashes > 6 || hashes == std::string::npos || line[hashes] != ' ') continue;
        std::string anchor, text;
        for (char c : line.substr(hashes + 1)) {
            if (c != '`') text += c;
            auto byte = static_cast<unsigned char>(c);
            if (std::isalnum(byte) || c == '-' || c == '_' || byte >= 0x80)
                anchor += static_cast<char>(std::tolower(byte));
            else if (c == ' ')
                anchor += '-';
        }
        int repeats = seen[anchor]++;
        anchors[repeats == 0 ? anchor : anchor + "-" + std::to_string(repeats)] = text;
    }
    REQUIRE(anchors["tne-rubrics-check"] == "tne rubrics check");  // the parse found the page's headings

    json sarif = json::parse(tne::render_check(tne::CheckReport{}, tne::CheckFormat::sarif, tne::Lang::en));
    const json& driver = sarif["runs"][0]["tool"]["driver"];
    CHECK(driver["informationUri"] == std::string(tne::kTneHomePage));
    CHECK(std::string(tne::kTneHomePage).rfind("https://", 0) == 0);
    REQUIRE(driver["rules"].size() == tne::check_rules().size());
    for (const auto& rule : driver["rules"]) {
        std::string id = rule["id"];
        INFO(id);
        CHECK(anchors[id] == id);  // the rule's own heading, not another one that took its anchor
        CHECK(rule["helpUri"] == std::string(tne::kTneHomePage) + "/blob/main/docs/rubrics.md#" + id);
        CHECK(rule["fullDescription"]["text"] == rule["shortDescription"]["text"]);
    }
}

TEST_CASE("tne rubrics check writes paths relative to the repository's root, or to --base-dir",
          "[rubric-check][sarif][binary]") {
    using tne::test::run_tne;
    TempDir dir;
    fs::path root = dir.path() / "set";
    untranslated_at(root);
    // Run from the source tree, a repository: a set outside it keeps its absolute path.
    auto outside = run_tne({"rubrics", "check", "--format", "sarif", root.string()});
    CHECK(outside.exit_code == 0);
    json sarif = json::parse(outside.out);
    CHECK(sarif_artifact(sarif) == json{{"uri", "file://" + root.generic_string() + "/dimensions/beta.yaml"}});
    CHECK(sarif["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"] ==
          "file://" + tne::repository_root(source_dir()).generic_string() + "/");

    for (const std::string& base : {dir.path().string(), dir.path().string() + "/"}) {
        auto given = run_tne({"rubrics", "check", "--format", "sarif", "--base-dir", base, root.string()});
        CHECK(given.exit_code == 0);
        CHECK(sarif_artifact(json::parse(given.out)) ==
              json{{"uri", "set/dimensions/beta.yaml"}, {"uriBaseId", "SRCROOT"}});
    }
    auto github = run_tne({"rubrics", "check", "--format", "github", "--base-dir", dir.path().string(), root.string()});
    CHECK(github.out.rfind("::warning file=set/dimensions/beta.yaml,line=", 0) == 0);

    // Only the formats a code host reads take --base-dir; a folder that is not there is refused.
    auto text = run_tne({"rubrics", "check", "--base-dir", dir.path().string(), root.string()}, {"LANG=es_MX.UTF-8"});
    CHECK(text.exit_code == 2);
    CHECK(text.err.find("--base-dir es para --format github o sarif") != std::string::npos);
    auto missing = run_tne(
        {"rubrics", "check", "--format", "sarif", "--base-dir", (dir.path() / "nowhere").string(), root.string()});
    CHECK(missing.exit_code == 2);
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
    fs::path root = edited_minimal(
        dir, {{"dimensions/alpha.yaml", "    quote: institutions \"struggle to find funds\" for partnerships\n",
               "    quote: >-\n      Staff the international\n      office\n"}});
    tne::CheckReport report = check_with_source(root);
    REQUIRE(report.findings.size() == 1);
    const tne::Finding& f = report.findings[0];
    CHECK(f.rule->problem == tne::Problem::quote_not_found);
    CHECK(f.rule->severity == tne::Severity::error);
    CHECK(f.pos.file == (root / "dimensions/alpha.yaml").string());
    CHECK(f.pos.line == 35);
    CHECK(f.pos.column == 12);
    CHECK(f.message.en ==
          "the quote \"Staff the international office\" was not found in section 1 of source.txt; it is in section 2");
    CHECK(f.message.es ==
          "la cita \"Staff the international office\" no se encontró en la sección 1 de source.txt; está en la sección "
          "2");
    CHECK(report.failed(false));

    // Words in no section at all: the message gives the lines of the section cited.
    TempDir other;
    root = edited_minimal(other, {{"dimensions/alpha.yaml", "    quote: institutions \"struggle",
                                   "    quote: institutions \"struggled"}});
    report = check_with_source(root);
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].pos.line == 35);
    CHECK(report.findings[0].message.en ==
          "the quote \"institutions \"struggled to find funds\" for partnerships\" was not found in section 1 of "
          "source.txt "
          "(lines 9-24)");
}

TEST_CASE("a test case's expectation quotes are checked against their sections too", "[rubric-check][source]") {
    // A fidelity-style expectation citing section 2 with its words passes; with words of section 1, or
    // words in no section, it is an error at the quote in the test file.
    const std::string expectation = "      suggested: advanced\n";
    auto with_quote = [&](const TempDir& dir, const std::string& quote) {
        return edited_minimal(dir,
                              {{"tests/cases.yaml", expectation,
                                "      suggested: {one_of: [advanced], annex: \"2\", quote: \"" + quote + "\"}\n"}});
    };
    TempDir right;
    CHECK(check_with_source(with_quote(right, "Staff the international office")).findings.empty());

    TempDir wrong;
    fs::path root = with_quote(wrong, "few have a recurring budget line");
    tne::CheckReport report = check_with_source(root);
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].rule->problem == tne::Problem::quote_not_found);
    CHECK(report.findings[0].pos.file == (root / "tests/cases.yaml").string());
    CHECK(
        report.findings[0].message.en ==
        "the quote \"few have a recurring budget line\" was not found in section 2 of source.txt; it is in section 1");
}

TEST_CASE("the text after a section's `ends` line belongs to its parent only", "[rubric-check][source]") {
    // alpha.share's recommendation cites 1, alpha.budget 1.1; the words follow "Notes on budgets".
    const std::string words = "quote: partners' own contributions matter as much";
    TempDir in_parent;
    fs::path root =
        edited_minimal(in_parent, {{"dimensions/alpha.yaml", "quote: few have a recurring budget line", words}});
    CHECK(check_with_source(root).findings.empty());
    TempDir in_child;
    root = edited_minimal(in_child, {{"dimensions/alpha.yaml",
                                      "quote: Create a dedicated budget line for international partnerships", words}});
    tne::CheckReport report = check_with_source(root);
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].message.en.ends_with("not found in section 1.1 of source.txt; it is in section 1"));
}

TEST_CASE("a section whose heading is not a whole line of the source is an error at the section",
          "[rubric-check][source]") {
    SECTION("a heading that differs from the line") {
        TempDir dir;
        fs::path root = edited_minimal(dir, {{"source.txt", "\n1.1 Budgets\n", "\n1.1 Budgets and grants\n"}});
        // The table of contents still has "1.1 Budgets<tab>2", which is not the whole line.
        tne::CheckReport report = check_with_source(root);
        REQUIRE(report.findings.size() == 1);  // the quotes citing 1.1 are not checked then
        const tne::Finding& f = report.findings[0];
        CHECK(f.rule->problem == tne::Problem::heading_not_found);
        CHECK(f.pos.file == (root / "annex.yaml").string());
        CHECK(f.pos.line == 5);
        CHECK(f.message.en ==
              "the heading of section 1.1, \"1.1 Budgets\", was not found in source.txt as a whole line after the "
              "previous "
              "section's heading");
    }
    SECTION("no heading") {
        TempDir dir;
        fs::path root = edited_minimal(dir, {{"annex.yaml", ", heading: \"2. PARTNERS\"", ""}});
        tne::CheckReport report = check_with_source(root);
        REQUIRE(report.findings.size() == 1);
        CHECK(report.findings[0].rule->problem == tne::Problem::heading_not_found);
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

TEST_CASE("a rule with neither a quote nor an assumption is a warning, an error under --strict",
          "[rubric-check][source]") {
    TempDir dir;
    fs::path root = edited_minimal(
        dir,
        {{"models.yaml",
          ",\n         assumption: {en: The 5 points are the set's own., es: Los 5 puntos son del propio conjunto.}}",
          "}"}});
    tne::CheckReport report = tne::check_rubric_set(tne::directory_rubric_files(root.string()));
    REQUIRE(report.findings.size() == 1);
    const tne::Finding& f = report.findings[0];
    CHECK(f.rule->problem == tne::Problem::basis_missing);
    CHECK(f.rule->severity == tne::Severity::warning);
    CHECK(f.pos.file == (root / "models.yaml").string());
    CHECK(f.pos.line == 28);
    CHECK(f.message.en ==
          "the context adjustment of model \"advanced\" on institution.type has neither a `quote` of its Annex section "
          "nor "
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

TEST_CASE("tne rubrics check --source checks the quotes, and refuses a source that is not there",
          "[rubric-check][binary]") {
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

TEST_CASE("the source text is compared with its layout folded and found by whole heading lines",
          "[rubric-check][source]") {
    using tne::annex_source::fold;
    using tne::annex_source::fold_line;
    CHECK(fold("  a\tb\n\n  c  ") == "a b c");
    CHECK(fold("the institution\u2019s \u201cgoals\u201d \u2013 co\u2011funding \u2014 x") ==
          "the institution's \"goals\" - co-funding - x");
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
    std::string text =
        "Contents\n1. One\t1\n1.1 Sub\t1\n\n1. One\nalpha\n1.1 Sub\nbeta\n1.2 Other\ngamma\n - 2. Two\ndelta\n";
    auto split = tne::annex_source::split(text, sections);
    CHECK(split.problems.empty());
    CHECK(split.find("1")->first_line == 5);  // not the table of contents
    CHECK(split.find("1")->text == "1. One alpha 1.1 Sub beta 1.2 Other gamma");
    CHECK(split.find("1.1")->text == "1.1 Sub beta");
    CHECK(split.find("2")->text == "- 2. Two delta");
    CHECK(split.containing("beta")->section->id == "1.1");
    CHECK(split.containing("epsilon") == nullptr);
}

// --- Numbers: what does not fit its type, the ranges the schema states (docs/rubrics.md, "Ranges").

namespace {

// One edit of the minimal set and the one finding it must give, at `value` (a text inside `to`).
struct NumberCase {
    std::string file;
    std::string from;
    std::string to;
    std::string value;
    std::string rule;
    std::string message;
    bool schema_states = true;  // the JSON Schema alone rejects it (not a range that depends on a question)
};

// Line and column of `value` where `to` was written in `text`.
std::pair<int, int> place_in(const std::string& text, const std::string& to, const std::string& value) {
    size_t at = text.find(to);
    REQUIRE(at != std::string::npos);
    REQUIRE(to.find(value) != std::string::npos);
    at += to.find(value);
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    size_t line_start = text.rfind('\n', at);
    int column = static_cast<int>(at - (line_start == std::string::npos ? 0 : line_start + 1)) + 1;
    return {line, column};
}

void check_single_finding(const NumberCase& c) {
    INFO(c.file << ": " << c.to);
    TempDir dir;
    fs::path root = edited_minimal(dir, {{c.file, c.from, c.to}});
    tne::CheckReport report = tne::check_rubric_set(tne::directory_rubric_files(root.string()));
    for (const auto& f : report.findings)
        UNSCOPED_INFO(f.pos.str() << ": " << f.message.en << " [" << f.rule->id << "]");
    REQUIRE(report.findings.size() == 1);
    const tne::Finding& f = report.findings.front();
    auto [line, column] = place_in(read_file(root / c.file), c.to, c.value);
    CHECK(f.pos.file == root.string() + "/" + c.file);
    CHECK(f.pos.line == line);
    CHECK(f.pos.column == column);
    CHECK(f.rule->id == c.rule);
    CHECK(f.message.en == c.message);
    CHECK(f.message.es.find(c.value) != std::string::npos);
    CHECK(f.message.es != f.message.en);
}

const std::string kMinimalProfile =
    "institution: {name: Funded, type: public}\nalpha: {budget: yes, share: 45}\nbeta: {partners: [uk, es], staff: "
    "3}\n";

}  // namespace

TEST_CASE("a number that does not fit its type is a finding at its place, naming it and what was expected",
          "[rubric-check]") {
    const std::string not_finite =
        " is not a finite number (it is infinite, not a number, or beyond ±1.8e308); expected ";
    const std::string quantity = "a number from -1000000000 to 1000000000";
    std::vector<NumberCase> cases = {
        {"dimensions/alpha.yaml", "    weight: 3\n", "    weight: 1e999\n", "1e999", "schema",
         "\"1e999\"" + not_finite + "a number above 0 and at most 100"},
        {"dimensions/alpha.yaml", "\nweight: 2\n", "\nweight: -.inf\n", "-.inf", "schema",
         "\"-.inf\"" + not_finite + "a number above 0 and at most 100"},
        {"dimensions/alpha.yaml", "{at_least: 20, score: 50}", "{at_least: 1e999, score: 50}", "1e999", "schema",
         "\"1e999\"" + not_finite + quantity},
        {"dimensions/alpha.yaml", "{at_least: 40, score: 100}", "{at_least: 40, score: .nan}", ".nan", "schema",
         "\".nan\"" + not_finite + "a number from 0 to 100"},
        {"dimensions/alpha.yaml", "{yes: 100, partial: 50, no: 0}", "{yes: 100, partial: .NaN, no: 0}", ".NaN",
         "schema", "\".NaN\"" + not_finite + "a number from 0 to 100"},
        {"dimensions/beta.yaml", "    max: 50\n", "    max: 1e999\n", "1e999", "schema",
         "\"1e999\"" + not_finite + "a whole number from -1000000000 to 1000000000"},
        {"dimensions/beta.yaml", "    max: 50\n", "    max: 1e10\n", "1e10", "schema",
         "expected a whole number from -1000000000 to 1000000000, found \"1e10\""},
        {"dimensions/beta.yaml", "    max: 50\n", "    max: 49.5\n", "49.5", "schema",
         "expected a whole number from -1000000000 to 1000000000, found \"49.5\""},
        {"rubric-set.yaml", "version: 1\n", "version: 1e10\n", "1e10", "schema",
         "expected a whole number from 1 to 1000000, found \"1e10\""},
        {"rubric-set.yaml", "{id: mid, from: 50,", "{id: mid, from: 1e999,", "1e999", "schema",
         "\"1e999\"" + not_finite + "a number from 0 to 100"},
        {"rubric-set.yaml", "  alternatives: 1\n", "  alternatives: 2.5\n", "2.5", "schema",
         "expected a whole number from 0 to 100, found \"2.5\""},
        {"rubric-set.yaml", "    value: 15\n", "    value: .inf\n", ".inf", "schema",
         "\".inf\"" + not_finite + "a number from -100 to 100"},
        {"models.yaml", "    stage: 2\n", "    stage: 1e999\n", "1e999", "schema",
         "\"1e999\"" + not_finite + "a whole number from 1 to 100"},
        {"models.yaml", "        at_least: 60\n", "        at_least: 1e999\n", "1e999", "schema",
         "\"1e999\"" + not_finite + quantity},
        {"models.yaml", "adjust: 5,", "adjust: -1e999,", "-1e999", "schema",
         "\"-1e999\"" + not_finite + "a number from -100 to 100"},
        {"models.yaml", "{dimension: beta, weight: 1}\n    requires:\n      - question: beta.partners",
         "{dimension: beta, weight: 1e999}\n    requires:\n      - question: beta.partners", "1e999", "schema",
         "\"1e999\"" + not_finite + "a number above 0 and at most 100"},
        // The test files: expectations and the profiles of the cases.
        {"tests/cases.yaml", "overall: {at_least: 99,", "overall: {at_least: 1e999,", "1e999", "schema",
         "\"1e999\" is not a score; expected a number from 0 to 100"},
        {"tests/cases.yaml", "include: [alpha.budget]", "include: [alpha.budget]\n        top: 1e10", "1e10", "schema",
         "\"1e10\" is not valid for \"top\"; expected a whole number from 1 to 1000"},
        {"tests/cases.yaml", "share: 45}", "share: 1e999}", "1e999", "schema",
         "alpha.share: \"1e999\" is not valid; expected a number from 0 to 100 (a percentage), unquoted"},
    };
    for (const auto& c : cases) check_single_finding(c);
}

TEST_CASE("every range of a rubric file's numbers is enforced at its place, and the schema states it",
          "[rubric-check]") {
    json document = json::parse(tne::rubric_files_schema());
    valijson::Schema schema;
    parse_schema(document, schema);
    std::vector<NumberCase> cases = {
        {"dimensions/alpha.yaml", "    weight: 3\n", "    weight: 1e308\n", "1e308", "weight-positive",
         "\"1e308\" is out of range; expected a number above 0 and at most 100"},
        {"dimensions/alpha.yaml", "    weight: 3\n", "    weight: 101\n", "101", "weight-positive",
         "\"101\" is out of range; expected a number above 0 and at most 100"},
        {"dimensions/alpha.yaml", "\nweight: 2\n", "\nweight: 100.5\n", "100.5", "weight-positive",
         "\"100.5\" is out of range; expected a number above 0 and at most 100"},
        {"dimensions/alpha.yaml", "{at_least: 20, score: 50}", "{at_least: -2000000000, score: 50}", "-2000000000",
         "schema", "\"-2000000000\" is out of range; expected a number from -1000000000 to 1000000000"},
        {"dimensions/beta.yaml", "    max: 50\n", "    max: 2000000000\n", "2000000000", "schema",
         "expected a whole number from -1000000000 to 1000000000, found \"2000000000\""},
        {"rubric-set.yaml", "    value: 50\n    annex: \"1\"\n    assumption: {en: Half",
         "    value: 120\n    annex: \"1\"\n    assumption: {en: Half", "120", "score-range",
         "\"120\" is out of range; expected a number from 0 to 100"},
        {"rubric-set.yaml", "    value: 15\n", "    value: 150\n", "150", "schema",
         "\"150\" is out of range; expected a number from -100 to 100"},
        {"models.yaml", "adjust: 5,", "adjust: -101,", "-101", "schema",
         "\"-101\" is out of range; expected a number from -100 to 100"},
        {"models.yaml", "    stage: 2\n", "    stage: 101\n", "101", "schema",
         "expected a whole number from 1 to 100, found \"101\""},
        {"tests/cases.yaml", "include: [alpha.budget]", "include: [alpha.budget]\n        top: 1001", "1001", "schema",
         "\"1001\" is not valid for \"top\"; expected a whole number from 1 to 1000"},
        // Ranges that depend on what a condition tests: its question's range, or a dimension's score.
        {"models.yaml", "        at_least: 60\n", "        at_least: 160\n", "160", "score-range",
         "alpha: the threshold at_least 160 is outside the range of a dimension's score, 0 to 100", false},
        {"models.yaml",
         "question: alpha.budget\n        quote: Create a dedicated budget line\n        in: [yes, partial]",
         "question: alpha.share\n        quote: Create a dedicated budget line\n        at_least: 120", "120",
         "rule-type-mismatch", "alpha.share: the threshold at_least 120 is outside the question's range, 0 to 100",
         false},
        {"models.yaml",
         "question: alpha.budget\n        quote: Create a dedicated budget line\n        in: [yes, partial]",
         "question: beta.staff\n        quote: Create a dedicated budget line\n        at_most: -1", "-1",
         "rule-type-mismatch", "beta.staff: the threshold at_most -1 is outside the question's range, 0 to 50", false},
    };
    for (const auto& c : cases) {
        check_single_finding(c);
        if (!c.schema_states) continue;
        INFO(c.file << ": " << c.to);
        TempDir dir;
        fs::path root = edited_minimal(dir, {{c.file, c.from, c.to}});
        CHECK_FALSE(schema_errors(schema, yaml_to_json(YAML::LoadFile((root / c.file).string()))).empty());
    }
    // The edges themselves are in range.
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"    weight: 3\n", "    weight: 100\n"},
                                   {"    weight: 3\n", "    weight: 0.001\n"}}) {
        TempDir dir;
        fs::path root = edited_minimal(dir, {{"dimensions/alpha.yaml", from, to}});
        CHECK(tne::check_rubric_set(tne::directory_rubric_files(root.string())).count(tne::Severity::error) == 0);
    }
}

TEST_CASE("a rubric set with a number out of range is refused by assess (exit 2) and check (exit 1), never exit 70",
          "[rubric-check][binary]") {
    using tne::test::run_tne;
    for (const auto& [weight, words] : {std::pair<std::string, std::string>{"1e308", "\"1e308\" is out of range"},
                                        {"1e999", "\"1e999\" is not a finite number"},
                                        {".inf", "\".inf\" is not a finite number"}}) {
        INFO(weight);
        TempDir dir;
        fs::path root =
            edited_minimal(dir, {{"dimensions/alpha.yaml", "    weight: 3\n", "    weight: " + weight + "\n"}});
        tne::test::write_file(dir.path() / "profile.yaml", kMinimalProfile);
        std::string place = root.string() + "/dimensions/alpha.yaml:18:13: ";

        auto assessed =
            run_tne({"assess", "--rubrics", root.string(), (dir.path() / "profile.yaml").string(), "--format", "json"});
        CHECK(assessed.exit_code == 2);
        CHECK(assessed.out.empty());
        CHECK(assessed.err.find("tne: error: " + place + words) != std::string::npos);

        auto checked = run_tne({"rubrics", "check", "--strict", "--format", "json", root.string()});
        CHECK(checked.exit_code == 1);
        json report = json::parse(checked.out);  // valid JSON
        REQUIRE(report["findings"].size() == 1);
        CHECK(report["findings"][0]["line"] == 18);
        CHECK(report["findings"][0]["column"] == 13);
        CHECK(report["findings"][0]["message"].get<std::string>().rfind(words, 0) == 0);
    }
    // The same set with a sensible weight assesses, and its JSON parses.
    TempDir dir;
    fs::path root = edited_minimal(dir, {{"dimensions/alpha.yaml", "    weight: 3\n", "    weight: 100\n"}});
    tne::test::write_file(dir.path() / "profile.yaml", kMinimalProfile);
    auto assessed =
        run_tne({"assess", "--rubrics", root.string(), (dir.path() / "profile.yaml").string(), "--format", "json"});
    CHECK(assessed.exit_code == 0);
    CHECK_NOTHROW(json::parse(assessed.out));
}

TEST_CASE("a non-finite number reaching a JSON writer is a bug it refuses, rather than invalid JSON",
          "[rubric-check]") {
    CHECK_THROWS_AS(tne::JsonWriter().number(std::numeric_limits<double>::infinity(), 1), std::logic_error);
    CHECK_THROWS_AS(tne::JsonWriter().number(-std::numeric_limits<double>::infinity(), 1), std::logic_error);
    CHECK_THROWS_AS(tne::JsonWriter().number(std::nan(""), 2), std::logic_error);
    CHECK_THROWS_AS(tne::JsonWriter().number(1e307, 2), std::logic_error);  // rounding would overflow to inf
    tne::JsonWriter writer;
    writer.begin_array().number(-12.5, 1).number(1e20, 1).end_array();
    CHECK(json::parse(writer.str()) == json::parse("[-12.5, 100000000000000000000]"));
}

TEST_CASE("an unknown key in a readiness level is its only finding, not a false levels-order", "[rubric-check]") {
    // A misspelt `from`, and an extra key beside a good one: the levels after it keep their order.
    for (const auto& [to, value, message] :
         {std::tuple<std::string, std::string, std::string>{"{id: low, form: 0, name:", "form",
                                                            "unknown key \"form\" in level; did you mean \"from\"?"},
          {"{id: low, from: 0, colour: red, name:", "colour",
           "unknown key \"colour\" in level; expected one of: id, from, name"}}) {
        check_single_finding({"rubric-set.yaml", "{id: low, from: 0, name:", to, value, "schema", message});
    }
    // A level out of order after a broken one is still found.
    TempDir dir;
    fs::path root =
        edited_minimal(dir, {{"rubric-set.yaml", "{id: low, from: 0, name:", "{id: low, from: 0, colour: red, name:"},
                             {"rubric-set.yaml", "{id: high, from: 80", "{id: high, from: 40"}});
    tne::CheckReport report = tne::check_rubric_set(tne::directory_rubric_files(root.string()));
    std::vector<tne::Problem> rules;
    for (const auto& f : report.findings) rules.push_back(f.rule->problem);
    CHECK(rules == std::vector<tne::Problem>{tne::Problem::schema, tne::Problem::levels_order});
}

TEST_CASE("a criterion scoring another block's question is told whose question it is", "[rubric-check]") {
    const std::string rule = "unknown-reference";
    // beta is read after alpha, alpha before beta: the same finding either way.
    check_single_finding({"dimensions/alpha.yaml", "question: alpha.share", "question: beta.staff", "beta.staff", rule,
                          "the question \"beta.staff\" exists but belongs to dimension \"beta\"; a criterion of "
                          "dimension \"alpha\" scores only questions of \"alpha\""});
    check_single_finding({"dimensions/beta.yaml", "question: beta.staff", "question: alpha.share", "alpha.share", rule,
                          "the question \"alpha.share\" exists but belongs to dimension \"alpha\"; a criterion of "
                          "dimension \"beta\" scores only questions of \"beta\""});
    check_single_finding({"dimensions/alpha.yaml", "question: alpha.budget", "question: institution.type",
                          "institution.type", rule,
                          "the question \"institution.type\" exists but belongs to the institution's questions; a "
                          "criterion of dimension \"alpha\" scores only questions of \"alpha\""});
    // A question that exists nowhere is still unknown, with the closest one suggested.
    check_single_finding({"dimensions/alpha.yaml", "question: alpha.share", "question: beta.stafff", "beta.stafff",
                          rule, "no question \"beta.stafff\" in the rubric set; did you mean \"beta.staff\"?"});
    check_single_finding({"dimensions/alpha.yaml", "question: alpha.share", "question: alpha.shared", "alpha.shared",
                          rule, "no question \"alpha.shared\" in the rubric set; did you mean \"alpha.share\"?"});
}

TEST_CASE("40,000 wrong list items and 20,000 wrong map values are each one finding, at its own place",
          "[rubric-check]") {
    // Each finding used to compare itself with every other one, and to search its map for its key:
    // 12 s for this set on a 2-core machine, 0.7 s since (timed by bench/bounds.sh, not here).
    std::string items, values;
    for (int i = 0; i < 40'000; ++i) items += i ? ", 1" : "1";
    for (int i = 0; i < 20'000; ++i) values += ", k" + std::to_string(i) + ": x";
    TempDir dir;
    // Each file within the values a document may have (yaml_input::kMaxValues).
    fs::path root = edited_minimal(dir, {{"dimensions/beta.yaml", "annex: [\"2\"]", "annex: [" + items + "]"},
                                         {"dimensions/alpha.yaml", "{yes: 100, partial: 50, no: 0}",
                                          "{yes: 100, partial: 50, no: 0" + values + "}"}});
    tne::CheckReport report = tne::check_rubric_set(tne::directory_rubric_files(root.string()));
    CHECK(report.count(tne::Severity::error) == 60'001);  // every item and value, and the loader's "k0"
    std::set<std::pair<int, int>> places;
    for (const auto& f : report.findings) places.emplace(f.pos.line, f.pos.column);
    CHECK(places.size() == report.findings.size());  // each at its own place
}
