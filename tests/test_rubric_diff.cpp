// Tests of `tne rubrics diff` as a library: listing a corpus of profiles, re-scoring it under two
// rubric sets, and the text, Markdown and JSON reports of what moved.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "base/text_layout.hpp"
#include "support.hpp"
#include "tne/assessment.hpp"
#include "tne/profile.hpp"
#include "tne/rubric_diff.hpp"

using namespace tne::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> example_paths() {
    std::vector<std::string> paths;
    for (const auto& path : example_profiles()) paths.push_back(path.string());
    return paths;
}

// Removes the YAML list item that starts with the line `first_line`: up to the next item at the
// same indentation, a blank line, or the end of the file.
void remove_item(const fs::path& file, const std::string& first_line) {
    std::string text = read_file(file);
    size_t start = text.find("\n" + first_line + "\n");
    REQUIRE(start != std::string::npos);
    size_t end = std::min({text.find("\n  - ", start + 1), text.find("\n\n", start + 1), text.size() - 1});
    text.erase(start + 1, end - start);
    write_file(file, text);
}

// What a report shows of an assessment, one line per item and worked out here, not by the diff:
// scores to one decimal, levels, the suggested model and the top recommendations.
std::map<std::string, std::string> shown(const tne::Assessment& a, int top) {
    auto score = [](const std::optional<double>& s) { return s ? tne::format_number(*s, 1) : std::string("none"); };
    auto level = [](const tne::Level* l) { return l ? l->id : std::string("none"); };
    std::map<std::string, std::string> items;
    items["overall"] = score(a.overall) + " " + level(a.level);
    for (const auto& d : a.dimensions) items["dimension " + d.dimension->id] = score(d.score) + " " + level(d.level);
    items["suggested"] = a.suggested ? a.suggested->model->id : "none";
    std::set<std::string> top_ids;
    for (const auto& r : a.recommendations)
        if (r.rank <= top) top_ids.insert(r.criterion->id);
    for (const auto& id : top_ids) items["top " + id] = "in";
    return items;
}

// The keys of the items that differ between two views, from either side.
std::set<std::string> differing(const std::map<std::string, std::string>& x,
                                const std::map<std::string, std::string>& y) {
    std::set<std::string> keys;
    for (const auto& [key, value] : x)
        if (!y.count(key) || y.at(key) != value) keys.insert(key);
    for (const auto& [key, value] : y)
        if (!x.count(key)) keys.insert(key);
    return keys;
}

const tne::ProfileDiff& profile_named(const tne::RubricDiff& diff, const std::string& file_name) {
    for (const auto& p : diff.profiles)
        if (fs::path(p.path).filename() == file_name) return p;
    FAIL("no profile " << file_name);
    throw 0;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

bool has_line(const std::string& text, const std::string& line) {
    auto lines = lines_of(text);
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

void check_fits_80_columns(const std::string& text) {
    for (const auto& line : lines_of(text)) {
        INFO(line);
        CHECK(tne::display_width(line) <= 80);
    }
}

// A copy of rubrics/ with one criterion's weight changed, and the diff of the examples under it.
struct WeightChange {
    RubricCopy copy;
    const tne::RubricSet& old_set = default_rubrics();
    tne::RubricSet new_set;
    tne::RubricDiff diff;

    WeightChange(const std::string& dimension, const std::string& question, const std::string& from,
                 const std::string& to) {
        std::string before = "question: " + question + "\n    weight: ";
        replace_once(copy.root / "dimensions" / (dimension + ".yaml"), before + from + "\n", before + to + "\n");
        new_set = copy.load();
        diff = tne::diff_rubric_sets(old_set, new_set, example_paths());
    }
};

// Every example answers the budget, most below full marks, so every example moves.
WeightChange budget_weight_change() { return {"funding", "funding.dedicated_budget", "3", "9"}; }

}  // namespace

// ---- the corpus ----------------------------------------------------------------------------------

TEST_CASE("the profiles of a directory are its .yaml and .yml files, sorted by name, not recursive", "[rubric-diff]") {
    TempDir dir;
    for (const char* name : {"b.yml", "a.yaml", "c.txt", "C.yaml.bak"}) write_file(dir.path() / name, "x: 1\n");
    fs::create_directories(dir.path() / "sub");
    write_file(dir.path() / "sub" / "d.yaml", "x: 1\n");
    fs::create_directories(dir.path() / "e.yaml");  // a directory, not a profile

    CHECK(tne::profiles_in_directory(dir.path().string()) ==
          std::vector<std::string>{(dir.path() / "a.yaml").string(), (dir.path() / "b.yml").string()});
    CHECK(tne::profiles_in_directory((source_dir() / "examples").string()) == example_paths());
}

TEST_CASE("a directory without profiles, or one that cannot be read, is an input error", "[rubric-diff]") {
    TempDir dir;
    CHECK_THROWS_AS(tne::profiles_in_directory(dir.path().string()), tne::InputError);
    CHECK_THROWS_AS(tne::profiles_in_directory((dir.path() / "missing").string()), tne::InputError);
}

// ---- what moved ----------------------------------------------------------------------------------

TEST_CASE("the shipped rubric set diffed against itself over the examples moves nothing", "[rubric-diff]") {
    tne::RubricSet from_directory =
        tne::load_rubric_set(tne::directory_rubric_files((source_dir() / "rubrics").string()));
    tne::RubricDiff diff = tne::diff_rubric_sets(default_rubrics(), from_directory, example_paths());

    REQUIRE(diff.profiles.size() == example_paths().size());
    for (const auto& p : diff.profiles) {
        INFO(p.path);
        CHECK_FALSE(p.failed());
        CHECK_FALSE(p.moved());
        CHECK_FALSE(p.institution.empty());
    }
    CHECK(diff.moved_count() == 0);
    CHECK(diff.failed_count() == 0);
    CHECK(diff.unchanged_count() == diff.profiles.size());
    CHECK_FALSE(diff.changed());
    std::string summary = std::to_string(diff.profiles.size()) + " profiles: 0 moved, " +
                          std::to_string(diff.profiles.size()) + " unchanged, 0 failed to load";
    CHECK(tne::rubric_diff_summary(diff, tne::Lang::en) == summary);
    CHECK(has_line(tne::render_rubric_diff_text(diff, tne::Lang::en), summary));
    CHECK(has_line(tne::render_rubric_diff_markdown(diff, tne::Lang::en), "Nothing moved."));
}

TEST_CASE("one criterion weight changed moves exactly the profiles whose shown results differ", "[rubric-diff]") {
    // Student English is left unanswered by the small rural university, so it must not move; the
    // budget is answered by every example.
    struct Case {
        std::string dimension, question, from, to, unmoved;
    };
    for (const Case& c : {Case{"language", "language.student_b2_percent", "2", "4", "small_rural_university.yaml"},
                          Case{"funding", "funding.dedicated_budget", "3", "9", ""}}) {
        INFO(c.question << ": weight " << c.from << " -> " << c.to);
        WeightChange change(c.dimension, c.question, c.from, c.to);
        const tne::RubricDiff& diff = change.diff;

        std::set<std::string> expected_moved;
        for (const auto& path : example_paths()) {
            tne::Assessment before = tne::assess(tne::load_profile_file(path, change.old_set), change.old_set);
            tne::Assessment after = tne::assess(tne::load_profile_file(path, change.new_set), change.new_set);
            std::set<std::string> moved_items = differing(shown(before, 10), shown(after, 10));
            if (!moved_items.empty()) expected_moved.insert(path);

            // The dimensions the diff lists are those whose shown score or level differs: only the changed one.
            std::set<std::string> expected_dimensions;
            for (const auto& item : moved_items)
                if (item.rfind("dimension ", 0) == 0) expected_dimensions.insert(item.substr(10));
            const tne::ProfileDiff& p = profile_named(diff, fs::path(path).filename().string());
            std::set<std::string> listed;
            for (const auto& d : p.dimensions) listed.insert(d.dimension.id);
            INFO(path);
            CHECK(listed == expected_dimensions);
            CHECK((listed.empty() || listed == std::set<std::string>{c.dimension}));
        }

        std::set<std::string> listed_moved;
        for (const auto& p : diff.profiles)
            if (p.moved()) listed_moved.insert(p.path);
        CHECK(listed_moved == expected_moved);
        CHECK(diff.moved_count() == expected_moved.size());
        CHECK(diff.failed_count() == 0);
        CHECK(diff.changed());

        const tne::ProfileDiff& tech = profile_named(diff, "technological_institute.yaml");
        REQUIRE(tech.moved());
        REQUIRE(tech.dimensions.size() == 1);
        CHECK(tech.dimensions.front().dimension.id == c.dimension);
        if (!c.unmoved.empty()) CHECK_FALSE(profile_named(diff, c.unmoved).moved());
    }
}

TEST_CASE("a weight change moves a dimension score by the amount worked out by hand", "[rubric-diff]") {
    WeightChange change = budget_weight_change();
    // The technological institute answers the budget "partial" (50%), so its funding score goes from
    // (1.5 + others) / 13 to (4.5 + others) / 19, others = sufficiency limited 3 x 40% = 1.2, two sources
    // 2 x 70% = 1.4, scholarships partial 2 x 50% = 1, co-funding yes 1.5, multi-year partial 0.75: 5.85.
    const tne::ProfileDiff& tech = profile_named(change.diff, "technological_institute.yaml");
    REQUIRE(tech.dimensions.size() == 1);
    const tne::DimensionChange& funding = tech.dimensions.front();
    CHECK(funding.dimension.id == "funding");
    CHECK(funding.dimension.name.en == "Funding");
    CHECK(funding.presence == tne::Presence::both);
    REQUIRE(funding.score.old_score);
    REQUIRE(funding.score.new_score);
    CHECK(*funding.score.old_score == Approx(100 * (1.5 + 5.85) / 13));
    CHECK(*funding.score.new_score == Approx(100 * (4.5 + 5.85) / 19));
    REQUIRE(funding.score.delta());
    CHECK(*funding.score.delta() == Approx(54.5 - 56.5));  // as shown: 56.5 -> 54.5
}

TEST_CASE("a stricter suggestion bar flips suggested models exactly where assess() says so", "[rubric-diff]") {
    RubricCopy copy;
    // The advice's minimum fit raised to 85: fewer models within reach.
    std::string text = read_file(copy.root / "rubric-set.yaml");
    const std::string key = "  min_fit:\n    value: ";
    size_t at = text.find(key);
    REQUIRE(at != std::string::npos);
    at += key.size();
    text.replace(at, text.find('\n', at) - at, "85");
    write_file(copy.root / "rubric-set.yaml", text);
    tne::RubricSet new_set = copy.load();
    REQUIRE(new_set.advice.min_fit.value == 85);
    tne::RubricDiff diff = tne::diff_rubric_sets(default_rubrics(), new_set, example_paths());

    std::set<std::string> expected_flips;
    for (const auto& path : example_paths()) {
        tne::Assessment before = tne::assess(tne::load_profile_file(path, default_rubrics()), default_rubrics());
        tne::Assessment after = tne::assess(tne::load_profile_file(path, new_set), new_set);
        if (before.suggested->model->id != after.suggested->model->id) expected_flips.insert(path);
    }
    REQUIRE_FALSE(expected_flips.empty());
    std::set<std::string> flips;
    for (const auto& p : diff.profiles) {
        if (!p.suggestion_moved()) continue;
        flips.insert(p.path);
        CHECK(p.moved());
        CHECK(p.dimensions.empty());  // scores do not depend on min_fit
        CHECK_FALSE(p.overall.moved());
    }
    CHECK(flips == expected_flips);

    std::string markdown = tne::render_rubric_diff_markdown(diff, tne::Lang::en);
    std::vector<std::string> lines = lines_of(markdown);
    auto heading = std::find(lines.begin(), lines.end(), "## Suggested model flips");
    REQUIRE(heading != lines.end());
    REQUIRE(lines.end() - heading > 3);
    CHECK(*(heading + 2) == "| Profile | Old | New |");
    CHECK(*(heading + 3) == "| --- | --- | --- |");
    size_t rows = 0;
    for (auto it = heading + 4; it != lines.end() && it->rfind("| ", 0) == 0; ++it) ++rows;
    CHECK(rows == expected_flips.size());
    CHECK(has_line(tne::render_rubric_diff_markdown(diff, tne::Lang::es), "## Cambios de modelo sugerido"));
}

TEST_CASE("a dimension in one set only is reported as added or removed for every profile", "[rubric-diff]") {
    // The new set adds "stewardship", a copy of sustainability under another id, after sustainability.
    RubricCopy copy;
    std::string text = read_file(copy.root / "dimensions" / "sustainability.yaml");
    for (auto [from, to] : {std::pair<std::string, std::string>{"sustainability.", "stewardship."},
                            {"\nid: sustainability\n", "\nid: stewardship\n"},
                            {"\nid_es: sostenibilidad\n", "\nid_es: administración\n"}}) {
        for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
    }
    write_file(copy.root / "dimensions" / "stewardship.yaml", text);
    replace_once(copy.root / "rubric-set.yaml", "sustainability, research]", "sustainability, stewardship, research]");
    tne::RubricSet with_stewardship = copy.load();

    tne::RubricDiff added = tne::diff_rubric_sets(default_rubrics(), with_stewardship, example_paths());
    tne::RubricDiff removed = tne::diff_rubric_sets(with_stewardship, default_rubrics(), example_paths());
    CHECK(added.moved_count() == added.profiles.size());
    CHECK(removed.moved_count() == removed.profiles.size());
    for (const auto* diff : {&added, &removed}) {
        for (const auto& p : diff->profiles) {
            INFO(p.path);
            REQUIRE(p.dimensions.size() == 1);
            CHECK(p.dimensions.front().dimension.id == "stewardship");
            CHECK(p.dimensions.front().presence == (diff == &added ? tne::Presence::added : tne::Presence::removed));
            CHECK_FALSE(p.overall.moved());  // no profile answers it, and unknown is not zero
        }
    }
    CHECK(tne::render_rubric_diff_text(added, tne::Lang::en).find("added in the new set") != std::string::npos);
    CHECK(tne::render_rubric_diff_markdown(removed, tne::Lang::es).find("eliminada del conjunto nuevo") !=
          std::string::npos);
}

TEST_CASE("a score that differs only past the shown decimal is not a move", "[rubric-diff]") {
    CHECK_FALSE(tne::ScoreChange{52.3400001, 52.34}.moved());
    CHECK_FALSE(tne::ScoreChange{52.31, 52.34}.moved());  // both show 52.3
    CHECK(tne::ScoreChange{52.34, 52.36}.moved());        // 52.3 -> 52.4
    CHECK(tne::ScoreChange{std::nullopt, 40.0}.moved());
    CHECK_FALSE(tne::ScoreChange{}.moved());
    CHECK(*tne::ScoreChange{52.34, 52.36}.delta() == Approx(0.1));
}

TEST_CASE("a profile that fails under the new set is reported with file:line:column and the rest still compare",
          "[rubric-diff]") {
    // The new set drops partnerships.spanish_reciprocity. Only the technological institute still answers it.
    RubricCopy copy;
    fs::path partnerships = copy.root / "dimensions" / "partnerships.yaml";
    remove_item(partnerships, "  - key: spanish_reciprocity");
    remove_item(partnerships, "  - id: partnerships.spanish_reciprocity");
    tne::RubricSet new_set = copy.load();
    REQUIRE(new_set.find_question("partnerships.spanish_reciprocity") == nullptr);

    TempDir corpus;
    for (const auto& path : example_profiles()) {
        std::string text = read_file(path);
        if (path.filename() != "technological_institute.yaml") {
            // The Spanish example answers it by its Spanish key.
            size_t at = text.find(path.stem().string().ends_with("_es") ? "\n  reciprocidad_en_español:"
                                                                        : "\n  spanish_reciprocity:");
            REQUIRE(at != std::string::npos);
            text.erase(at, text.find('\n', at + 1) - at);
        }
        write_file(corpus.path() / path.filename(), text);
    }
    std::vector<std::string> paths = tne::profiles_in_directory(corpus.path().string());
    tne::RubricDiff diff = tne::diff_rubric_sets(default_rubrics(), new_set, paths);

    REQUIRE(diff.profiles.size() == paths.size());
    CHECK(diff.failed_count() == 1);
    CHECK(diff.unchanged_count() == paths.size() - 1);  // they never answered it, so nothing they show moves
    CHECK(diff.changed());

    const tne::ProfileDiff& failed = profile_named(diff, "technological_institute.yaml");
    CHECK_FALSE(failed.old_failure);
    REQUIRE(failed.new_failure);
    CHECK_FALSE(failed.moved());
    CHECK(failed.institution == "Instituto Tecnológico de la Sierra Norte");
    const tne::Diagnostic& problem = failed.new_failure->first;
    std::string text = read_file(failed.path);
    size_t at = text.find("spanish_reciprocity");
    int line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
    int column = static_cast<int>(at - text.rfind('\n', at));
    CHECK(problem.pos.file == failed.path);
    CHECK(problem.pos.line == line);
    CHECK(problem.pos.column == column);
    CHECK(problem.message.en.find("spanish_reciprocity") != std::string::npos);

    std::string where = failed.path + ":" + std::to_string(line) + ":" + std::to_string(column);
    std::string report = tne::render_rubric_diff_text(diff, tne::Lang::en);
    // The text report wraps to 80 columns: read it as one line.
    std::string flat = std::regex_replace(report, std::regex("\\s+"), " ");
    CHECK(flat.find(failed.path + " — does not load under the new set") != std::string::npos);
    CHECK(report.find(where + ":") != std::string::npos);
    std::string summary = std::to_string(paths.size()) + " profiles: 0 moved, " + std::to_string(paths.size() - 1) +
                          " unchanged, 1 failed to load";
    CHECK(has_line(report, summary));
    std::string markdown = tne::render_rubric_diff_markdown(diff, tne::Lang::en);
    CHECK(markdown.find("## Failed to load") != std::string::npos);
    CHECK(markdown.find("`" + where + "`") != std::string::npos);
}

// ---- reports -------------------------------------------------------------------------------------

TEST_CASE("the Markdown report has a table row per moved profile, in English and Spanish", "[rubric-diff]") {
    WeightChange change = budget_weight_change();
    const tne::RubricDiff& diff = change.diff;
    REQUIRE(diff.moved_count() > 0);

    std::string markdown = tne::render_rubric_diff_markdown(diff, tne::Lang::en);
    std::vector<std::string> lines = lines_of(markdown);
    auto header = std::find(lines.begin(), lines.end(), "| Profile | Overall readiness | Δ |");
    REQUIRE(header != lines.end());
    REQUIRE(header + 1 != lines.end());
    CHECK(*(header + 1) == "| --- | ---: | ---: |");
    std::vector<std::string> rows;
    for (auto it = header + 2; it != lines.end() && it->rfind("| ", 0) == 0; ++it) rows.push_back(*it);
    REQUIRE(rows.size() == diff.moved_count());
    size_t row = 0;
    for (const auto& p : diff.profiles) {
        if (!p.moved()) continue;
        CHECK(rows[row].rfind("| `" + p.path + "` | ", 0) == 0);
        // Each moved profile has its own section, which names the institution.
        auto section = std::find(lines.begin(), lines.end(), "## `" + p.path + "`");
        REQUIRE(lines.end() - section > 2);
        CHECK(*(section + 2) == p.institution);
        ++row;
    }
    CHECK(lines.back() == "**" + tne::rubric_diff_summary(diff, tne::Lang::en) + "**");
    CHECK(markdown.find("| Funding (`funding`) |") != std::string::npos);

    std::string spanish = tne::render_rubric_diff_markdown(diff, tne::Lang::es);
    CHECK(has_line(spanish, "# Comparación de conjuntos de rúbricas"));
    CHECK(has_line(spanish, "| Perfil | Preparación general | Δ |"));
    CHECK(spanish.find("| Financiamiento (`funding`) |") != std::string::npos);
    CHECK(spanish.find(std::to_string(diff.moved_count()) + " con cambios") != std::string::npos);
    for (const char* english : {"Profile", "Institution", "Details", "Unchanged", "moved", "failed to load"}) {
        INFO(english);
        CHECK(spanish.find(english) == std::string::npos);
    }
}

TEST_CASE("the text report fits 80 columns and closes with the summary, in English and Spanish", "[rubric-diff]") {
    WeightChange change = budget_weight_change();
    for (tne::Lang lang : {tne::Lang::en, tne::Lang::es}) {
        std::string text = tne::render_rubric_diff_text(change.diff, lang);
        check_fits_80_columns(text);
        CHECK(lines_of(text).back() == tne::rubric_diff_summary(change.diff, lang));
        for (const auto& p : change.diff.profiles)
            if (p.moved())  // one line when it fits, else the path alone and the institution below it
                CHECK((has_line(text, p.path + " — " + p.institution) ||
                       (has_line(text, p.path) && has_line(text, "  " + p.institution))));
    }
    std::string spanish = tne::render_rubric_diff_text(change.diff, tne::Lang::es);
    CHECK(spanish.find("Comparación de conjuntos de rúbricas") != std::string::npos);
    CHECK(spanish.find("Financiamiento") != std::string::npos);
}

TEST_CASE("the JSON report parses and accounts for every profile", "[rubric-diff]") {
    WeightChange change = budget_weight_change();
    const tne::RubricDiff& diff = change.diff;
    std::string json = tne::render_rubric_diff_json(diff, tne::Lang::en);
    CHECK(json == tne::render_rubric_diff_json(diff, tne::Lang::en));

    YAML::Node root = YAML::Load(json);  // JSON is YAML
    CHECK(root["summary"]["profiles"].as<size_t>() == diff.profiles.size());
    CHECK(root["summary"]["moved"].as<size_t>() == diff.moved_count());
    CHECK(root["summary"]["changed"].as<bool>());
    REQUIRE(root["profiles"].size() == diff.profiles.size());
    for (size_t i = 0; i < diff.profiles.size(); ++i) {
        const tne::ProfileDiff& p = diff.profiles[i];
        YAML::Node node = root["profiles"][i];
        CHECK(node["path"].as<std::string>() == p.path);
        CHECK(node["status"].as<std::string>() == (p.moved() ? "moved" : "unchanged"));
        CHECK(node["dimensions"].size() == p.dimensions.size());
    }
    CHECK(json.find("\"old_rubric_set\": {") < json.find("\"new_rubric_set\": {"));
}
