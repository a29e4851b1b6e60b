// Tests of `tne diff OLD NEW`: progress between two self-profiles of one institution. What the diff
// lists is checked against what the test works out itself from the two profiles and assessments:
// every change, and nothing else.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "base/text_layout.hpp"
#include "support.hpp"
#include "tne/assessment.hpp"
#include "tne/profile.hpp"
#include "tne/profile_diff.hpp"

using namespace tne;
using namespace tne::test;
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

const std::string kTech = "examples/technological_institute.yaml";
const std::string kNextYear = "tests/diff/technological_institute_next_year.yaml";

Assessment assess_file(const fs::path& path) {
    fs::path full = path.is_absolute() ? path : source_dir() / path;
    return assess(load_profile_file(full.string(), default_rubrics()), default_rubrics());
}

// A copy of an example profile with `edits` applied, each replacing text that occurs once.
fs::path edited_copy(const TempDir& dir, const std::string& example,
                     const std::vector<std::pair<std::string, std::string>>& edits,
                     const std::string& name = "new.yaml") {
    fs::path copy = dir.path() / name;
    fs::copy_file(source_dir() / example, copy);
    for (const auto& [from, to] : edits) replace_once(copy, from, to);
    return copy;
}

// The ids under `key` of each item of a JSON array, in order.
std::vector<std::string> ids(const Json& array, const std::string& key = "id") {
    std::vector<std::string> found;
    for (const auto& item : array) found.push_back(item.at(key).get<std::string>());
    return found;
}

std::set<std::string> as_set(const std::vector<std::string>& items) { return {items.begin(), items.end()}; }

Json diff_json(const std::string& old_path, const std::string& new_path, const std::vector<std::string>& more = {}) {
    std::vector<std::string> args = {"diff", old_path, new_path, "--format", "json"};
    args.insert(args.end(), more.begin(), more.end());
    RunResult run = run_tne(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return Json::parse(run.out);
}

// An answer in a canonical form worked out here: numbers exactly, lists sorted (their order carries
// no meaning), "~" when unknown.
std::string canonical(const Profile& profile, const Question& question) {
    const Answer* answer = profile.find(question);
    if (!answer || !answer->known()) return "~";
    if (const auto* x = std::get_if<double>(&answer->value)) return fmt::format("number {}", *x);
    if (const auto* text = std::get_if<std::string>(&answer->value)) return "text " + *text;
    auto items = std::get<std::vector<std::string>>(answer->value);
    std::sort(items.begin(), items.end());
    std::string joined = "list";
    for (const auto& item : items) joined += " " + item;
    return joined;
}

// The questions whose answers differ, in rubric order.
std::vector<std::string> changed_answers(const Profile& x, const Profile& y) {
    std::vector<std::string> paths;
    for (const auto& question : default_rubrics().questions)
        if (canonical(x, question) != canonical(y, question)) paths.push_back(question.path);
    return paths;
}

std::string shown(const std::optional<double>& score) { return score ? format_number(*score, 1) : "none"; }

// The dimensions whose score, level or coverage differ as shown, in rubric order.
std::vector<std::string> changed_dimensions(const Assessment& x, const Assessment& y) {
    std::vector<std::string> found;
    for (size_t i = 0; i < x.dimensions.size(); ++i) {
        const DimensionResult& a = x.dimensions[i];
        const DimensionResult& b = y.dimensions[i];
        if (shown(a.score) != shown(b.score) || a.level != b.level ||
            format_number(100 * a.coverage, 1) != format_number(100 * b.coverage, 1))
            found.push_back(a.dimension->id);
    }
    return found;
}

// The criteria recommended in `x` and not in `y`.
std::set<std::string> recommended_only_in(const Assessment& x, const Assessment& y) {
    std::set<std::string> in_y;
    for (const auto& r : y.recommendations) in_y.insert(r.criterion->id);
    std::set<std::string> found;
    for (const auto& r : x.recommendations)
        if (!in_y.count(r.criterion->id)) found.insert(r.criterion->id);
    return found;
}

// Models whose feasibility or blocker count or conditions differ, with how.
std::map<std::string, std::string> changed_models(const Assessment& x, const Assessment& y) {
    std::map<std::string, std::string> found;
    for (size_t i = 0; i < x.models.size(); ++i) {
        const ModelResult& a = x.models[i];
        const ModelResult& b = y.models[i];
        std::set<const Condition*> before, after;
        for (const auto& blocker : a.blockers) before.insert(blocker.condition);
        for (const auto& blocker : b.blockers) after.insert(blocker.condition);
        if (a.feasible != b.feasible)
            found[a.model->id] = b.feasible ? "became_feasible" : "became_blocked";
        else if (before != after)
            found[a.model->id] = "blockers_changed";
    }
    return found;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

bool has_line(const std::string& text, const std::string& line) {
    auto lines = lines_of(text);
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

// The number of cell separators in a Markdown table row: pipes not escaped with a backslash.
size_t cell_separators(const std::string& row) {
    size_t count = 0;
    for (size_t i = 0; i < row.size(); ++i)
        if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++count;
    return count;
}

// Every row of every table has as many cells as its header; returns the number of tables.
size_t check_tables_intact(const std::string& markdown) {
    size_t header = 0;
    size_t tables = 0;
    for (const auto& line : lines_of(markdown)) {
        if (line.empty() || line[0] != '|') {
            header = 0;
            continue;
        }
        if (header == 0) {
            header = cell_separators(line);
            ++tables;
        }
        INFO(line);
        CHECK(cell_separators(line) == header);
    }
    return tables;
}

// The three edits of the "every change and nothing else" case, each with one known effect on the
// technological institute: co-funding falls from full points (a new recommendation; funding drops
// from Consolidating to Emerging), the alumni network reaches full points (its recommendation is
// resolved; sustainability rises within Emerging) and faculty English falls below the 20% research
// collaboration needs (it becomes blocked; the language score stays in the same band).
const std::vector<std::pair<std::string, std::string>> kThreeEdits = {
    {"  co_funding: yes\n", "  co_funding: partial\n"},
    {"  alumni_network: no\n", "  alumni_network: yes\n"},
    {"  faculty_b2_percent: 22\n", "  faculty_b2_percent: 15\n"},
};

const std::vector<std::string> kEnglishWords = {"Progress",
                                                "Before",
                                                "After",
                                                "Rubric set",
                                                "Overall",
                                                "Dimension",
                                                "Level",
                                                "Coverage",
                                                "coverage",
                                                "Suggested model",
                                                "Models",
                                                "no blocker",
                                                "blocked",
                                                "lifted",
                                                "Blockers",
                                                "Recommendations resolved",
                                                "New recommendations",
                                                "Answers that changed",
                                                "Question",
                                                "Criterion",
                                                "Why",
                                                "full points",
                                                "was at full",
                                                "unanswered",
                                                "Nothing changed"};

}  // namespace

// ---- what the diff lists -------------------------------------------------------------------------

TEST_CASE("a profile diffed with itself changes nothing, and says so in one line", "[profile-diff]") {
    for (const auto& profile : example_profiles()) {
        INFO(profile);
        Assessment a = assess_file(profile);
        Assessment b = assess_file(profile);
        AssessmentDiff diff = diff_assessments(a, b);
        CHECK_FALSE(diff.changed());
        CHECK_FALSE(diff.regressed());
        CHECK(diff.dimensions.empty());
        CHECK(diff.models.empty());
        CHECK(diff.resolved.empty());
        CHECK(diff.added.empty());
        CHECK(diff.answers.empty());
        CHECK_FALSE(diff.suggestion_moved());
        CHECK_FALSE(diff.level_moved());
    }

    RunResult run = run_tne({"diff", kTech, kTech});
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    CHECK(has_line(run.out, "Nothing changed: both profiles give the same answers."));
    CHECK(run.out.find("Answers that changed") == std::string::npos);
    CHECK(run.out.find("Overall readiness") == std::string::npos);

    Json json = diff_json(kTech, kTech, {"--fail-on-regression"});
    CHECK(json["changed"] == false);
    CHECK(json["regressed"] == false);
    CHECK(json["same_institution"] == true);
    for (const char* key : {"dimensions", "models", "recommendations_resolved", "recommendations_new", "answers"}) {
        INFO(key);
        CHECK(json[key].empty());
    }
    CHECK(json["overall"]["delta"] == 0);
    CHECK(json["suggested_model"]["changed"] == false);

    RunResult markdown = run_tne({"diff", kTech, kTech, "--format", "markdown", "--lang", "es"});
    CHECK(has_line(markdown.out, "Nada cambió: los dos perfiles dan las mismas respuestas."));
}

TEST_CASE("three known edits: the diff lists exactly their answers, recommendations, models and dimensions",
          "[profile-diff]") {
    TempDir dir;
    fs::path edited = edited_copy(dir, kTech, kThreeEdits);
    Json json = diff_json(kTech, edited.string());

    CHECK(ids(json["answers"], "field") == std::vector<std::string>{"funding.co_funding", "language.faculty_b2_percent",
                                                                    "sustainability.alumni_network"});
    const Json& co_funding = json["answers"][0];
    CHECK(co_funding["old"] == "yes");
    CHECK(co_funding["new"] == "partial");
    CHECK(co_funding["label"] == "Co-funding proposals");
    CHECK(json["answers"][1]["old"] == 22);
    CHECK(json["answers"][1]["new"] == 15);

    CHECK(ids(json["recommendations_resolved"]) == std::vector<std::string>{"sustainability.alumni_network"});
    CHECK(json["recommendations_resolved"][0]["new_score"] == 100);
    CHECK(ids(json["recommendations_new"]) == std::vector<std::string>{"funding.co_funding"});
    CHECK(json["recommendations_new"][0]["old_score"] == 100);
    CHECK(json["recommendations_new"][0]["new_score"] == 50);

    // Faculty English at 15% falls below dual_degree's 20%: one more blocker of a model blocked already.
    REQUIRE(json["models"].size() == 1);
    CHECK(json["models"][0]["id"] == "dual_degree");
    CHECK(json["models"][0]["change"] == "blockers_changed");
    CHECK(json["models"][0]["new_blockers"].get<int>() == json["models"][0]["old_blockers"].get<int>() + 1);
    CHECK(json["models"][0]["lifted"].empty());
    REQUIRE(json["models"][0]["added"].size() == 1);
    CHECK(json["models"][0]["added"][0].get<std::string>().rfind(
              "Faculty English at B2 or above: 15; needs at least 20", 0) == 0);
    CHECK(json["suggested_model"]["changed"] == false);

    // Only the two touched dimensions, with the scores assess() gives, to one decimal.
    Assessment before = assess_file(kTech);
    Assessment after = assess_file(edited);
    REQUIRE(ids(json["dimensions"]) == std::vector<std::string>{"funding", "sustainability"});
    const Json& funding = json["dimensions"][0];
    CHECK(funding["old"].get<double>() == Approx(*before.dimensions[0].score));
    CHECK(funding["new"].get<double>() == Approx(*after.dimensions[0].score));
    CHECK(funding["old_level"]["id"] == "consolidating");
    CHECK(funding["new_level"]["id"] == "emerging");
    const Json& sustainability = json["dimensions"][1];
    CHECK(sustainability["old_level"] == sustainability["new_level"]);
    CHECK(sustainability["delta"].get<double>() > 0);
    CHECK(json["overall"]["new"].get<double>() == Approx(*after.overall));

    CHECK(json["changed"] == true);
    CHECK(json["regressed"] == true);  // funding went down
}

TEST_CASE("an answer that becomes unknown is listed, and its recommendation leaves as unanswered, not met",
          "[profile-diff]") {
    TempDir dir;
    fs::path edited = edited_copy(dir, kTech, {{"  dedicated_budget: partial\n", "  dedicated_budget:\n"}});
    AssessmentDiff diff = diff_assessments(assess_file(kTech), assess_file(edited));

    REQUIRE(diff.answers.size() == 1);
    CHECK(diff.answers[0].question->path == "funding.dedicated_budget");
    CHECK(std::get<std::string>(diff.answers[0].old_value) == "partial");
    CHECK(std::holds_alternative<std::monostate>(diff.answers[0].new_value));
    REQUIRE(diff.resolved.size() == 1);
    CHECK(diff.resolved[0].id == "funding.dedicated_budget");
    CHECK(diff.resolved[0].criterion_score.old_score == 50);
    CHECK_FALSE(diff.resolved[0].criterion_score.new_score);
    CHECK(diff.added.empty());
    REQUIRE_FALSE(diff.dimensions.empty());
    CHECK(diff.dimensions[0].dimension.id == "funding");
    CHECK(*diff.dimensions[0].coverage.old_score == Approx(100));
    CHECK(*diff.dimensions[0].coverage.new_score == Approx(100.0 * 10 / 13));  // the budget weighs 3 of 13

    std::string text = render_assessment_diff_text(diff, Lang::en);
    CHECK(text.find("(funding.dedicated_budget) — now unanswered") != std::string::npos);
    CHECK(text.find("Dedicated budget (funding.dedicated_budget): partial → unanswered") != std::string::npos);
    CHECK(text.find("coverage 100% → 77%") != std::string::npos);
    Json json = Json::parse(render_assessment_diff_json(diff, Lang::en));
    CHECK(json["answers"][0]["new"].is_null());
    CHECK(json["answers"][0]["new_text"] == "unanswered");
    CHECK(json["recommendations_resolved"][0]["new_score"].is_null());
}

TEST_CASE("a list answer given in another order is not a change; a number that differs at all is", "[profile-diff]") {
    TempDir dir;
    fs::path reordered = edited_copy(dir, kTech, {{"[conahcyt, local_industry]", "[local_industry, conahcyt]"}});
    CHECK_FALSE(diff_assessments(assess_file(kTech), assess_file(reordered)).changed());

    fs::path nudged =
        edited_copy(dir, kTech, {{"  faculty_b2_percent: 22\n", "  faculty_b2_percent: 22.001\n"}}, "nudged.yaml");
    AssessmentDiff diff = diff_assessments(assess_file(kTech), assess_file(nudged));
    REQUIRE(diff.answers.size() == 1);
    CHECK(diff.answers[0].question->path == "language.faculty_b2_percent");
    CHECK(diff.dimensions.empty());  // the same band: no score moved
}

TEST_CASE("diffs of two different examples list every change the test works out itself, and nothing else",
          "[profile-diff]") {
    auto examples = example_profiles();
    REQUIRE(examples.size() >= 2);
    for (size_t i = 0; i < examples.size(); ++i) {
        const fs::path& old_path = examples[i];
        const fs::path& new_path = examples[(i + 1) % examples.size()];
        INFO(old_path.filename() << " -> " << new_path.filename());
        Assessment before = assess_file(old_path);
        Assessment after = assess_file(new_path);

        // Through the command line, as a user runs it.
        Json json = diff_json(old_path.string(), new_path.string());
        CHECK(ids(json["answers"], "field") == changed_answers(before.profile, after.profile));
        CHECK(ids(json["dimensions"]) == changed_dimensions(before, after));
        CHECK(as_set(ids(json["recommendations_resolved"])) == recommended_only_in(before, after));
        CHECK(as_set(ids(json["recommendations_new"])) == recommended_only_in(after, before));
        std::map<std::string, std::string> models;
        for (const auto& m : json["models"]) models[m["id"].get<std::string>()] = m["change"].get<std::string>();
        CHECK(models == changed_models(before, after));
        bool suggestion_moved = before.suggested->model->id != after.suggested->model->id;
        CHECK(json["suggested_model"]["changed"] == suggestion_moved);
        CHECK(json["same_institution"] == (before.institution_name == after.institution_name));
    }
}

TEST_CASE("a profile with nothing scored against an answered one: unknown scores are null and shown as –",
          "[profile-diff]") {
    TempDir dir;
    fs::path bare = dir.path() / "bare.yaml";
    write_file(bare,
               "institution:\n  name: Instituto Tecnológico de la Sierra Norte\n  type: technological_institute\n");
    Json json = diff_json(bare.string(), kTech);
    CHECK(json["overall"]["old"].is_null());
    CHECK(json["overall"]["delta"].is_null());
    CHECK(json["overall"]["old_level"].is_null());
    CHECK(json["overall"]["old_coverage"] == 0);
    CHECK(json["dimensions"].size() == default_rubrics().dimensions.size());
    CHECK(json["regressed"] == false);  // nothing was known before, so nothing went down
    CHECK(json["recommendations_resolved"].empty());

    RunResult text = run_tne({"diff", bare.string(), kTech});
    REQUIRE(text.exit_code == 0);
    Assessment tech = assess_file(kTech);
    REQUIRE(tech.level != nullptr);
    CHECK(text.out.find("Overall readiness: – → " + format_number(*tech.overall, 0) + " · – → " + tech.level->name.en +
                        " · coverage 0% → 100%") != std::string::npos);
    for (const auto& line : lines_of(text.out)) {
        INFO(line);
        CHECK((line.empty() || line.back() != ' '));
    }
}

TEST_CASE("regressed() is a lower overall or dimension score as shown, or a model that became blocked",
          "[profile-diff]") {
    TempDir dir;
    fs::path better = edited_copy(dir, kTech, {{"  alumni_network: no\n", "  alumni_network: yes\n"}});
    CHECK_FALSE(diff_assessments(assess_file(kTech), assess_file(better)).regressed());
    CHECK(diff_assessments(assess_file(better), assess_file(kTech)).regressed());

    // A model blocked with every score up: joint research swapped for technology transfer keeps the
    // track record's count (and score), but the institution no longer runs research collaboration, so
    // its unmet requirement (faculty English at 22%, below 25%) blocks it; the alumni network rises.
    fs::path blocked = edited_copy(dir, kTech,
                                   {{"  track_record: [faculty_exchange, joint_research]\n",
                                     "  track_record: [faculty_exchange, technology_transfer]\n"},
                                    {"  alumni_network: no\n", "  alumni_network: yes\n"}},
                                   "blocked.yaml");
    AssessmentDiff diff = diff_assessments(assess_file(kTech), assess_file(blocked));
    REQUIRE(diff.models.size() == 1);
    CHECK(diff.models[0].model.id == "research_collaboration");
    CHECK(diff.models[0].move == ModelMove::became_blocked);
    for (const auto& d : diff.dimensions) CHECK(*d.score.delta() >= 0);
    CHECK(diff.regressed());
}

TEST_CASE("assessments from different rubric sets are not compared", "[profile-diff]") {
    RubricCopy copy;
    RubricSet other = copy.load();
    Assessment a = assess_file(kTech);
    Assessment b = assess(load_profile_file((source_dir() / kTech).string(), other), other);
    CHECK_THROWS_AS(diff_assessments(a, b), std::invalid_argument);
}

// ---- reports -------------------------------------------------------------------------------------

TEST_CASE("Spanish output of the diff has no English headings or labels", "[profile-diff]") {
    TempDir dir;
    fs::path edited = edited_copy(dir, kTech, kThreeEdits);
    std::vector<std::pair<std::string, std::string>> pairs = {
        {kTech, edited.string()}, {kTech, kNextYear}, {"examples/small_rural_university.yaml", kNextYear}};
    for (const auto& [old_path, new_path] : pairs) {
        for (std::string format : {"text", "markdown"}) {
            RunResult run = run_tne({"diff", old_path, new_path, "--lang", "es", "--format", format});
            INFO(old_path << " -> " << new_path << " " << format << "\n" << run.out);
            REQUIRE(run.exit_code == 0);
            for (const auto& english : kEnglishWords) {
                INFO(english);
                CHECK(run.out.find(english) == std::string::npos);
            }
        }
    }
    RunResult spanish = run_tne({"diff", kTech, kNextYear, "--lang", "es"});
    CHECK(spanish.out.rfind("Avance — Instituto Tecnológico de la Sierra Norte\n", 0) == 0);
    CHECK(spanish.out.find("Respuestas que cambiaron (13)") != std::string::npos);
    // The labels of values are Spanish too.
    CHECK(spanish.out.find("Ninguna → Piloto") != std::string::npos);

    RunResult other = run_tne({"diff", "examples/small_rural_university.yaml", kNextYear, "--lang", "es"});
    CHECK(other.err.rfind("tne: aviso: los perfiles nombran instituciones distintas", 0) == 0);
    RunResult other_en = run_tne({"diff", "examples/small_rural_university.yaml", kNextYear});
    CHECK(other_en.err.rfind("tne: warning: the profiles name different institutions", 0) == 0);
    CHECK(other_en.exit_code == 0);
}

TEST_CASE("the Markdown diff has well-formed tables and escapes what the profiles say", "[profile-diff]") {
    for (std::string lang : {"en", "es"}) {
        RunResult run = run_tne({"diff", kTech, kNextYear, "--format", "markdown", "--lang", lang});
        REQUIRE(run.exit_code == 0);
        CHECK(check_tables_intact(run.out) == 1);  // the scores; models, recommendations and answers are lists
    }

    TempDir dir;
    std::string tech_name = "name: Instituto Tecnológico de la Sierra Norte\n";
    fs::path old_path = edited_copy(dir, kTech, {{tech_name, "name: 'Old | <script>alert(1)</script>'\n"}}, "old.yaml");
    fs::path new_path = edited_copy(dir, kTech, {{tech_name, "name: 'New | <b>x</b> *y*'\n"}}, "new.yaml");
    RunResult run = run_tne({"diff", old_path.string(), new_path.string(), "--format", "markdown"});
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("<script>") == std::string::npos);
    CHECK(run.out.find("<b>") == std::string::npos);
    CHECK(run.out.find("&lt;script&gt;") != std::string::npos);
    CHECK(run.out.find("Old \\| &lt;script&gt;") != std::string::npos);
    CHECK(run.out.find("\\*y\\*") != std::string::npos);
    CHECK(check_tables_intact(run.out) == 0);  // only the name changed: no score moved
    CHECK(has_line(run.out,
                   "- Name of the institution (`institution.name`): Old \\| &lt;script&gt;alert(1)&lt;/script&gt; → "
                   "New \\| &lt;b&gt;x&lt;/b&gt; \\*y\\*"));
}

TEST_CASE("the diff fits 80 columns and matches its golden outputs in English and Spanish", "[profile-diff][golden]") {
    for (std::string lang : {"en", "es"}) {
        RunResult run = run_tne({"diff", kTech, kNextYear, "--lang", lang});
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        CHECK(run.err.empty());
        for (const auto& line : lines_of(run.out)) {
            INFO(line);
            CHECK(display_width(line) <= 80);
        }
        check_golden("diff_technological_institute." + lang + ".txt", run.out);
        // The same document in Markdown and HTML.
        for (auto [format, extension] : {std::pair{"markdown", "md"}, std::pair{"html", "html"}}) {
            RunResult other = run_tne({"diff", kTech, kNextYear, "--lang", lang, "--format", format});
            REQUIRE(other.exit_code == 0);
            check_golden("diff_technological_institute." + lang + "." + extension, other.out);
        }
    }
    RunResult json = run_tne({"diff", kTech, kNextYear, "--format", "json"});
    check_golden("diff_technological_institute.en.json", json.out);
}

// ---- the command line ----------------------------------------------------------------------------

TEST_CASE("tne diff: the same input gives the same bytes, and -o writes the same", "[profile-diff][binary]") {
    TempDir dir;
    for (std::string format : {"text", "json", "markdown"}) {
        RunResult first = run_tne({"diff", kTech, kNextYear, "--format", format});
        RunResult second = run_tne({"diff", kTech, kNextYear, "--format", format});
        REQUIRE(first.exit_code == 0);
        CHECK(first.out == second.out);
        fs::path file = dir.path() / ("diff." + format);
        RunResult written = run_tne({"diff", kTech, kNextYear, "--format", format, "-o", file.string()});
        CHECK(written.exit_code == 0);
        CHECK(written.out.empty());
        CHECK(read_file(file) == first.out);
    }
}

TEST_CASE(
    "tne diff exit codes: 2 for an invalid profile at file:line:column, 1 only for a regression with "
    "--fail-on-regression",
    "[profile-diff][binary]") {
    TempDir dir;
    fs::path bad = edited_copy(dir, kTech, {{"  tne_team: none\n", "  tne_team: big\n"}}, "bad.yaml");
    std::string text = read_file(bad);
    size_t at = text.find("big");
    int line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
    int column = static_cast<int>(at - text.rfind('\n', at));
    std::string where = bad.string() + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";

    for (const auto& args : {std::vector<std::string>{"diff", kTech, bad.string()},
                             std::vector<std::string>{"diff", bad.string(), kTech}}) {
        RunResult run = run_tne(args);
        CHECK(run.exit_code == 2);
        CHECK(run.out.empty());
        CHECK(run.err.find("tne: error: " + where) != std::string::npos);
    }
    // Both invalid: the problems of both are reported in one run.
    fs::path bad_too = edited_copy(dir, kTech, {{"  kpis: partial\n", "  kpis: sometimes\n"}}, "bad_too.yaml");
    RunResult both = run_tne({"diff", bad.string(), bad_too.string()});
    CHECK(both.exit_code == 2);
    CHECK(both.err.find(where) != std::string::npos);
    CHECK(both.err.find(bad_too.string() + ":") != std::string::npos);

    CHECK(run_tne({"diff", kTech, "missing.yaml"}).exit_code == 2);
    CHECK(run_tne({"diff", kTech}).exit_code == 2);
    CHECK(run_tne({"diff", kTech, kNextYear, "--format", "csv"}).exit_code == 2);

    fs::path better = edited_copy(dir, kTech, {{"  alumni_network: no\n", "  alumni_network: yes\n"}}, "better.yaml");
    RunResult up = run_tne({"diff", kTech, better.string(), "--fail-on-regression"});
    CHECK(up.exit_code == 0);
    CHECK(up.err.empty());
    RunResult down = run_tne({"diff", better.string(), kTech, "--fail-on-regression"});
    CHECK(down.exit_code == 1);
    CHECK_FALSE(down.out.empty());  // the report is still written
    CHECK(down.err.find("--fail-on-regression") != std::string::npos);
    CHECK(run_tne({"diff", better.string(), kTech}).exit_code == 0);  // without the flag, a regression is reported only
}

TEST_CASE("tne diff --help documents its exit codes", "[profile-diff][binary]") {
    RunResult help = run_tne({"diff", "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("--fail-on-regression") != std::string::npos);
    CHECK(help.out.find("Exit codes:") != std::string::npos);
    CHECK(help.out.find("a regression with --fail-on-regression (diff)") != std::string::npos);
    RunResult top = run_tne({"--help"});
    CHECK(top.out.find("diff") != std::string::npos);
    CHECK(top.out.find("--fail-on-regression (diff)") != std::string::npos);
}
