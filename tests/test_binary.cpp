// Tests that run the real binary: golden outputs of every example in both languages and formats,
// determinism, bad inputs and exit codes.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <regex>

#include "support.hpp"
#include "tne/render.hpp"

using namespace tne::test;
namespace fs = std::filesystem;

TEST_CASE("every example matches its golden output in both languages and formats", "[binary][golden]") {
    auto profiles = example_profiles();
    REQUIRE(profiles.size() >= 6);
    for (const auto& profile : profiles) {
        std::string relative = "examples/" + profile.filename().string();
        for (std::string lang : {"en", "es"}) {
            for (std::string format : {"text", "json"}) {
                // A fixed date: the evidence's age, hence the report, depends on it.
                std::vector<std::string> args = {"assess",   relative, "--lang", lang,
                                                 "--format", format,   "--date", "2026-11-23"};
                if (format == "text") args.push_back("--explain");
                RunResult run = run_tne(args);
                INFO(relative << " " << lang << " " << format << "\n" << run.err);
                REQUIRE(run.exit_code == 0);
                CHECK(run.err.empty());
                check_golden(profile.stem().string() + "." + lang + "." + (format == "json" ? "json" : "txt"), run.out);
            }
        }
    }
}

TEST_CASE("the same input twice gives the same bytes", "[binary]") {
    RunResult first = run_tne({"assess", "examples/large_public_university.yaml", "--format", "json"});
    RunResult second = run_tne({"assess", "examples/large_public_university.yaml", "--format", "json"});
    REQUIRE(first.exit_code == 0);
    CHECK(first.out == second.out);
}

TEST_CASE("text output fits 80 columns and has no colour unless asked", "[binary]") {
    for (const auto& profile : example_profiles()) {
        for (std::string lang : {"en", "es"}) {
            RunResult run = run_tne({"assess", profile.string(), "--lang", lang, "--explain"});
            REQUIRE(run.exit_code == 0);
            std::istringstream lines(run.out);
            std::string line;
            while (std::getline(lines, line)) {
                size_t width = std::count_if(line.begin(), line.end(), [](char ch) { return (ch & 0xC0) != 0x80; });
                INFO(profile << " " << lang << ": " << line);
                CHECK(width <= 80);
            }
            CHECK(run.out.find('\033') == std::string::npos);
        }
    }

    RunResult coloured = run_tne({"assess", "examples/universidad_estatal_es.yaml", "--color", "always"});
    CHECK(coloured.out.find('\033') != std::string::npos);
    RunResult no_color =
        run_tne({"assess", "examples/universidad_estatal_es.yaml", "--color", "always"}, {"NO_COLOR=1"});
    CHECK(no_color.out.find('\033') == std::string::npos);
}

TEST_CASE("the language comes from --lang, else from LANG", "[binary]") {
    RunResult spanish = run_tne({"assess", "examples/research_center.yaml"}, {"LANG=es_MX.UTF-8"});
    CHECK(spanish.out.find("Preparación general") != std::string::npos);
    RunResult english = run_tne({"assess", "examples/research_center.yaml", "--lang", "en"}, {"LANG=es_MX.UTF-8"});
    CHECK(english.out.find("Overall readiness") != std::string::npos);
}

TEST_CASE("an invalid profile exits 2 with file:line:column, the value and what was expected", "[binary][errors]") {
    TempDir dir;
    fs::path profile = dir.path() / "bad.yaml";
    write_file(profile,
               "institution:\n"
               "  name: Universidad X\n"
               "  type: public_univresity\n"
               "funding:\n"
               "  dedicated_budget: maybe\n"
               "  internal_scholarship: yes\n"
               "language:\n"
               "  faculty_b2_percent: 140\n");
    RunResult run = run_tne({"assess", profile.string()});
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    std::string p = profile.string();
    CHECK(run.err ==
          "tne: error: " + p +
              ":3:9: institution.type: \"public_univresity\" is not valid; did you mean \"public_university\"?\n"
              "tne: error: " +
              p +
              ":5:21: funding.dedicated_budget: \"maybe\" is not valid; expected one of: yes, partial, no\n"
              "tne: error: " +
              p +
              ":6:3: unknown key \"internal_scholarship\" in funding; did you mean \"internal_scholarships\"?\n"
              "tne: error: " +
              p +
              ":8:23: language.faculty_b2_percent: \"140\" is not valid; expected a number from 0 to 100 (a "
              "percentage), unquoted\n");

    RunResult spanish = run_tne({"assess", profile.string(), "--lang", "es"});
    CHECK(spanish.exit_code == 2);
    // In Spanish the questions and values are named by their Spanish ids, which are accepted too.
    CHECK(spanish.err.find(p + ":5:21: financiamiento.presupuesto_propio: \"maybe\" no es válido; se esperaba uno "
                               "de: sí, parcial, no\n") != std::string::npos);
    CHECK(spanish.err.find(p + ":3:9: institución.tipo: \"public_univresity\" no es válido; ¿quiso decir "
                               "\"universidad_pública\"?\n") != std::string::npos);
}

TEST_CASE("YAML syntax errors and a missing required answer name the place", "[binary][errors]") {
    TempDir dir;
    fs::path broken = dir.path() / "broken.yaml";
    write_file(broken, "institution:\n  name: [Universidad\n  type: public_university\n");
    RunResult run = run_tne({"assess", broken.string()});
    CHECK(run.exit_code == 2);
    CHECK(run.err.rfind("tne: error: " + broken.string() + ":", 0) == 0);
    CHECK(run.err.find("invalid YAML") != std::string::npos);

    fs::path nameless = dir.path() / "nameless.yaml";
    write_file(nameless, "institution:\n  type: research_center\n");
    run = run_tne({"assess", nameless.string()});
    CHECK(run.exit_code == 2);
    CHECK(run.err == "tne: error: " + nameless.string() + ":2:3: institution.name is required\n");
}

TEST_CASE("usage errors exit 2, help exits 0", "[binary][errors]") {
    CHECK(run_tne({}).exit_code == 2);
    CHECK(run_tne({"assess"}).exit_code == 2);
    CHECK(run_tne({"assess", "examples/research_center.yaml", "--format", "pdf"}).exit_code == 2);
    CHECK(run_tne({"assess", "no/such/file.yaml"}).exit_code == 2);
    RunResult help = run_tne({"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("assess") != std::string::npos);
    CHECK(help.out.find("Exit codes") != std::string::npos);
}

TEST_CASE("every command's --help shows the same exit codes", "[binary][errors]") {
    std::string top = run_tne({"--help"}).out;
    size_t start = top.find("Exit codes:");
    size_t end = top.find("Run 'tne COMMAND --help'");
    REQUIRE(start != std::string::npos);
    REQUIRE(end != std::string::npos);
    std::string codes = top.substr(start, end - start);
    for (const char* code : {"\n    0 ", "\n    1 ", "\n    2 ", "\n    3 ", "\n   70 ", "\n   74 ", "\n  130 "})
        CHECK(codes.find(code) != std::string::npos);
    for (std::string name : {"assess", "plan", "init", "schema", "diff", "batch", "rubrics", "rubrics check",
                             "rubrics test", "rubrics diff", "rubrics schema"}) {
        std::vector<std::string> command = {name.substr(0, name.find(' '))};
        if (name.find(' ') != std::string::npos) command.push_back(name.substr(name.find(' ') + 1));
        command.push_back("--help");
        RunResult help = run_tne(command);
        INFO(name);
        CHECK(help.exit_code == 0);
        CHECK(help.out.find(codes) != std::string::npos);
    }
}

TEST_CASE("the --fail-under option gates on the overall score", "[binary]") {
    RunResult pass =
        run_tne({"assess", "examples/large_public_university.yaml", "--fail-under", "10", "--format", "json"});
    CHECK(pass.exit_code == 0);
    RunResult fail =
        run_tne({"assess", "examples/small_rural_university.yaml", "--fail-under", "90", "--format", "json"});
    CHECK(fail.exit_code == 1);
    CHECK_FALSE(fail.out.empty());  // the report is still written
}

TEST_CASE("the -o option writes the file atomically and a failed run leaves an existing file intact", "[binary]") {
    TempDir dir;
    fs::path out = dir.path() / "report.json";
    RunResult run = run_tne({"assess", "examples/research_center.yaml", "--format", "json", "-o", out.string()});
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.empty());
    std::string written = read_file(out);
    CHECK(written == run_tne({"assess", "examples/research_center.yaml", "--format", "json"}).out);
    for (const auto& entry : fs::directory_iterator(dir.path()))
        CHECK(entry.path().filename() == "report.json");  // no temporary file left behind

    fs::path bad = dir.path() / "bad.yaml";
    write_file(bad, "institution: {name: X, type: nope}\n");
    run = run_tne({"assess", bad.string(), "--format", "json", "-o", out.string()});
    CHECK(run.exit_code == 2);
    CHECK(read_file(out) == written);
}

TEST_CASE("a weight changed in a copy of rubrics/ moves the scores as the rubric says", "[binary][rubrics]") {
    TempDir dir;
    fs::copy(source_dir() / "rubrics", dir.path() / "rubrics", fs::copy_options::recursive);
    fs::path funding = dir.path() / "rubrics" / "dimensions" / "funding.yaml";
    std::string text = read_file(funding);
    // funding.dedicated_budget: weight 3 -> 9. The example answers "partial" (50%) to it.
    std::string from = "question: funding.dedicated_budget\n    weight: 3\n";
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), "question: funding.dedicated_budget\n    weight: 9\n");
    write_file(funding, text);

    auto funding_score = [](const std::string& json) {
        auto at = json.find("\"id\": \"funding\"");
        auto score = json.find("\"score\": ", at);
        return std::stod(json.substr(score + 9));
    };
    std::string profile = "examples/technological_institute.yaml";
    RunResult before = run_tne({"assess", profile, "--format", "json"});
    RunResult after = run_tne({"assess", profile, "--format", "json", "--rubrics", (dir.path() / "rubrics").string()});
    REQUIRE(before.exit_code == 0);
    REQUIRE(after.exit_code == 0);
    // The technological institute: funding limited (40% of 3), budget partial (50% of w), sources 2
    // (70% of 2), scholarships partial (50% of 2), co-funding yes (100% of 1.5), multi-year partial
    // (50% of 1.5).
    double others = 0.4 * 3 + 0.7 * 2 + 0.5 * 2 + 1.0 * 1.5 + 0.5 * 1.5;
    CHECK(funding_score(before.out) == Approx(std::round(1000 * (0.5 * 3 + others) / 13.0) / 10).margin(0.051));
    CHECK(funding_score(after.out) == Approx(std::round(1000 * (0.5 * 9 + others) / 19.0) / 10).margin(0.051));
}

TEST_CASE("tne schema prints the profile's JSON Schema", "[binary]") {
    RunResult run = run_tne({"schema"});
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"") != std::string::npos);
    CHECK(run.out.find("\"faculty_b2_percent\"") != std::string::npos);
}

// Editors read the shipped files (examples/*.yaml name them on their first line), so each must be
// exactly what `tne schema` prints for the built-in rubric set in its language.
TEST_CASE("schemas/profile.schema.json and .es.json are the built-in set's profile schemas, byte for byte",
          "[binary][schema]") {
    for (auto [lang, name] : {std::pair{tne::Lang::en, "en"}, std::pair{tne::Lang::es, "es"}}) {
        const std::string file =
            lang == tne::Lang::es ? "schemas/profile.schema.es.json" : "schemas/profile.schema.json";
        const fs::path shipped = source_dir() / file;
        const std::string expected = tne::render_profile_schema(default_rubrics(), lang);
        if (std::getenv("TNE_UPDATE_GOLDEN")) write_file(shipped, expected);
        INFO(shipped.string() << " is out of date: regenerate it with `build/tne schema --lang " << name << " -o "
                              << file << "` (or rerun this test with TNE_UPDATE_GOLDEN=1)");
        REQUIRE(fs::exists(shipped));
        CHECK(read_file(shipped) == expected);
        RunResult run = run_tne({"schema", "--lang", name});
        CHECK(run.exit_code == 0);
        CHECK(run.out == expected);
    }
}

namespace {

// Every string an editor shows from the schema: titles, descriptions, value labels and messages.
void shown_strings(const nlohmann::json& node, std::string& out) {
    if (node.is_array())
        for (const auto& item : node) shown_strings(item, out);
    if (!node.is_object()) return;
    for (const auto& [key, value] : node.items()) {
        if (value.is_string() &&
            (key == "title" || key == "description" || key == "markdownDescription" || key == "errorMessage"))
            out += value.get<std::string>() + "\n";
        else if (key == "enumDescriptions")
            for (const auto& label : value) out += label.get<std::string>() + "\n";
        else
            shown_strings(value, out);
    }
}

}  // namespace

TEST_CASE("tne schema --lang es: each question's title is its Spanish question, and no English prose is shown",
          "[binary][schema][i18n]") {
    const tne::RubricSet& rubric = default_rubrics();
    RunResult run = run_tne({"schema", "--lang", "es"});
    REQUIRE(run.exit_code == 0);
    nlohmann::json schema = nlohmann::json::parse(run.out);
    std::string shown;
    shown_strings(schema, shown);
    REQUIRE(rubric.questions.size() > 40);
    for (const auto& q : rubric.questions) {
        INFO(q.path);
        // Both spellings of a key refer to one schema of the question; the English one is not offered.
        const nlohmann::json& question = schema["$defs"]["questions"][q.path];
        const nlohmann::json& block = schema["$defs"]["blocks"][q.block]["properties"];
        CHECK(block[q.written_key(tne::Lang::es)]["$ref"] == "#/$defs/questions/" + q.path);
        CHECK(schema["properties"][q.block_es]["$ref"] == "#/$defs/blocks/" + q.block);
        if (!q.key_es.empty()) CHECK(block[q.key]["doNotSuggest"] == true);
        CHECK(question["title"] == q.text.es);
        CHECK_THAT(question["description"].get<std::string>(), Catch::StartsWith(q.help.es));
        for (const std::string* english : {&q.text.en, &q.help.en})
            if (*english != q.text.es && *english != q.help.es && english->find(' ') != std::string::npos)
                CHECK(shown.find(*english) == std::string::npos);
        for (const auto& value : q.values)
            if (value.label.en != value.label.es && value.label.en.find(' ') != std::string::npos)
                CHECK(shown.find(value.label.en) == std::string::npos);
    }
    // The Annex sections a question cites are named with their Spanish titles.
    const tne::Question* type = rubric.find_question("institution.type");
    REQUIRE(type != nullptr);
    const tne::AnnexSection* section = rubric.find_annex_section("3.1.3");
    REQUIRE(section != nullptr);
    CHECK_THAT(schema["$defs"]["questions"]["institution.type"]["description"].get<std::string>(),
               Catch::Contains("Anexo: 3.1.3 " + section->title.es));
}

TEST_CASE("Spanish output (--lang es) carries no English prose from the rubric set", "[binary][i18n]") {
    // Every English string of the rubric set that differs from its Spanish one must be absent.
    const tne::RubricSet& rubric = default_rubrics();
    std::vector<std::string> english;
    auto collect = [&](const tne::LocalText& text) {
        if (text.en != text.es && text.en.find(' ') != std::string::npos) english.push_back(text.en);  // prose, not ids
    };
    collect(rubric.name);
    for (const auto& level : rubric.levels) collect(level.name);
    for (const auto& q : rubric.questions) {
        collect(q.text);
        collect(q.help);
        for (const auto& value : q.values) collect(value.label);
    }
    for (const auto& d : rubric.dimensions) {
        collect(d.name);
        for (const auto& c : d.criteria) {
            collect(c.name);
            collect(c.recommendation.text);
        }
    }
    for (const auto& m : rubric.models) {
        collect(m.name);
        collect(m.description);
        for (const auto& r : m.requires_) {
            collect(r.why);
            collect(r.basis.assumption);
        }
        for (const auto& c : m.context) {
            collect(c.when.why);
            collect(c.when.basis.assumption);
        }
    }
    // The advice's reasons and assumptions, which the reports show (Suggested model, How this was decided).
    const tne::Advice& advice = rubric.advice;
    for (const tne::AdviceRule* rule :
         {&advice.min_coverage, &advice.min_fit, &advice.already_runs, &advice.builds_on_running, &advice.considered}) {
        collect(rule->why);
        collect(rule->basis.assumption);
    }
    for (const auto& step : advice.first_steps) {
        collect(step.why);
        collect(step.basis.assumption);
    }
    REQUIRE(english.size() > 200);
    for (const auto& profile : example_profiles()) {
        for (std::string format : {"text", "json"}) {
            RunResult run = run_tne({"assess", profile.string(), "--lang", "es", "--format", format, "--explain"});
            REQUIRE(run.exit_code == 0);
            // The Annex's own words, quoted in JSON beside each rule, are English in both languages.
            std::string output;
            std::istringstream lines(run.out);
            for (std::string line; std::getline(lines, line);)
                if (line.find("\"quote\": ") == std::string::npos) output += line + "\n";
            for (const auto& text : english) {
                INFO(profile.filename() << " " << format << ": English text found: " << text);
                CHECK(output.find(text) == std::string::npos);
            }
        }
    }
}

TEST_CASE("tne rubrics test and diff report a changed weight and exit 1", "[binary][rubrics]") {
    TempDir dir;
    fs::path changed = dir.path() / "rubrics";
    fs::copy(source_dir() / "rubrics", changed, fs::copy_options::recursive);
    fs::path funding = changed / "dimensions" / "funding.yaml";
    std::string text = read_file(funding);
    std::string from = "question: funding.dedicated_budget\n    weight: 3\n";
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), "question: funding.dedicated_budget\n    weight: 9\n");
    write_file(funding, text);

    auto shipped = run_tne({"rubrics", "test"});
    CHECK(shipped.exit_code == 0);
    CHECK(std::regex_search(shipped.out, std::regex("\n[0-9]+ passed, 0 failed\n$")));
    auto broken = run_tne({"rubrics", "test", changed.string()});
    CHECK(broken.exit_code == 1);
    CHECK(broken.out.find("FAIL  " + changed.string() + "/tests/") != std::string::npos);
    CHECK(std::regex_search(broken.out, std::regex("\n[0-9]+ passed, [1-9][0-9]* failed\n$")));

    std::string examples = (source_dir() / "examples").string();
    auto same = run_tne({"rubrics", "diff", "builtin", (source_dir() / "rubrics").string(), "--profiles", examples,
                         "--fail-on-change"});
    CHECK(same.exit_code == 0);
    CHECK(same.out.find("7 profiles: 0 moved, 7 unchanged, 0 failed to load") != std::string::npos);
    auto moved = run_tne({"rubrics", "diff", "builtin", changed.string(), "--profiles", examples, "--format",
                          "markdown", "--fail-on-change"});
    CHECK(moved.exit_code == 1);
    CHECK(moved.out.find("| Profile | Overall readiness | Δ |") != std::string::npos);
    CHECK(run_tne({"rubrics", "diff", "builtin", changed.string(), "--profiles", examples}).exit_code == 0);
    CHECK(run_tne({"rubrics", "diff", "builtin", "nowhere", "--profiles", examples}).exit_code == 2);
}
