// Tests of loading: profiles validated against the default rubric set (every problem with its exact
// line, column and message), and rubric sets read from a directory with one defect each.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "base/yaml_input.hpp"
#include "profile/answer_check.hpp"
#include "support.hpp"
#include "tne/assessment.hpp"
#include "tne/profile.hpp"
#include "tne/rubric.hpp"

using namespace tne::test;
namespace fs = std::filesystem;

namespace {

const std::string kInstitution = "institution:\n  name: Universidad de Prueba\n  type: public_university\n";

tne::Profile load(const std::string& yaml) { return tne::load_profile(yaml, "p.yaml", default_rubrics()); }

// The diagnostics of loading `yaml`; fails the test when it loads.
std::vector<tne::Diagnostic> problems_of(const std::string& yaml) {
    try {
        load(yaml);
    } catch (const tne::InputError& e) {
        return e.diagnostics();
    }
    FAIL("the profile loaded, but it should have been rejected:\n" << yaml);
    return {};
}

struct Expected {
    int line;
    int column;
    std::string message;
};

void check_problems(const std::string& yaml, const std::vector<Expected>& expected) {
    auto problems = problems_of(yaml);
    INFO(yaml);
    REQUIRE(problems.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        INFO("diagnostic " << i << ": " << problems[i].str(tne::Lang::en));
        CHECK(problems[i].pos.file == "p.yaml");
        CHECK(problems[i].pos.line == expected[i].line);
        CHECK(problems[i].pos.column == expected[i].column);
        CHECK(problems[i].message.en == expected[i].message);
        CHECK_FALSE(problems[i].message.es.empty());
    }
}

// The single diagnostic of loading a broken copy; fails the test when it loads.
tne::Diagnostic single_failure(const RubricCopy& copy) {
    try {
        copy.load();
    } catch (const tne::InputError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        return e.diagnostics().front();
    }
    FAIL("the broken rubric set loaded");
    return {};
}

}  // namespace

// ---- profiles -------------------------------------------------------------------------------------

TEST_CASE("a minimal valid profile loads with its answers and their places", "[loading][profile]") {
    tne::Profile profile = load(kInstitution);
    CHECK(profile.source == "p.yaml");
    REQUIRE(profile.answers.size() == 2);
    CHECK(profile.text("institution.name") == "Universidad de Prueba");
    CHECK(profile.text("institution.type") == "public_university");
    const tne::Answer* type = profile.find("institution.type");
    REQUIRE(type != nullptr);
    CHECK(type->known());
    CHECK(type->line == 3);
    CHECK(type->column == 9);
    CHECK(profile.find("funding.dedicated_budget") == nullptr);
}

TEST_CASE("answers are read with the type of their question", "[loading][profile]") {
    tne::Profile profile = load(kInstitution +
                                "  students: 1200\n"
                                "  fields: [stem, business]\n"
                                "funding:\n"
                                "  dedicated_budget: partial\n"
                                "language:\n"
                                "  faculty_b2_percent: 12.5\n");
    CHECK(std::get<double>(profile.find("institution.students")->value) == 1200);
    CHECK(std::get<std::vector<std::string>>(profile.find("institution.fields")->value) ==
          std::vector<std::string>{"stem", "business"});
    CHECK(std::get<std::string>(profile.find("funding.dedicated_budget")->value) == "partial");
    CHECK(std::get<double>(profile.find("language.faculty_b2_percent")->value) == 12.5);
}

TEST_CASE("answers are kept in the rubric's question order, whatever the file's order", "[loading][profile]") {
    const tne::RubricSet& rubric = default_rubrics();
    tne::Profile profile =
        load("language:\n  faculty_b2_percent: 12.5\nfunding:\n  dedicated_budget: partial\n" + kInstitution);
    auto index_of = [&](const tne::Answer& answer) { return answer.question - rubric.questions.data(); };
    REQUIRE(profile.answers.size() == 4);
    for (size_t i = 1; i < profile.answers.size(); ++i)
        CHECK(index_of(profile.answers[i - 1]) < index_of(profile.answers[i]));
    for (const auto& answer : profile.answers) {
        CHECK(profile.find(*answer.question) == &answer);
        CHECK(profile.find(answer.question->path) == &answer);
    }

    // set() replaces an answer, or inserts one in its place.
    const tne::Question& co_funding = *rubric.find_question("funding.co_funding");
    CHECK(profile.find(co_funding) == nullptr);
    profile.set(co_funding, std::string("yes"));
    profile.set(*rubric.find_question("funding.dedicated_budget"), std::string("yes"));
    REQUIRE(profile.answers.size() == 5);
    CHECK(profile.text("funding.co_funding") == "yes");
    CHECK(profile.text("funding.dedicated_budget") == "yes");
    for (size_t i = 1; i < profile.answers.size(); ++i)
        CHECK(index_of(profile.answers[i - 1]) < index_of(profile.answers[i]));
}

TEST_CASE("empty values and ~ load as unknown answers", "[loading][profile]") {
    tne::Profile profile = load(kInstitution +
                                "  students:\n"
                                "  location: ~\n"
                                "funding:\n"
                                "  dedicated_budget:\n"
                                "  external_sources: ~\n"
                                "  co_funding: yes\n"
                                "research:\n");
    for (std::string path :
         {"institution.students", "institution.location", "funding.dedicated_budget", "funding.external_sources"}) {
        INFO(path);
        const tne::Answer* answer = profile.find(path);
        REQUIRE(answer != nullptr);
        CHECK_FALSE(answer->known());
        CHECK(std::holds_alternative<std::monostate>(answer->value));
    }
    REQUIRE(profile.find("funding.co_funding") != nullptr);
    CHECK(profile.find("funding.co_funding")->known());
    CHECK(profile.find("research.industry_links") == nullptr);  // an empty block answers nothing
}

TEST_CASE("a choice outside the question's values suggests the closest one", "[loading][profile]") {
    check_problems(
        "institution:\n  name: X\n  type: public_universty\n",
        {{3, 9, "institution.type: \"public_universty\" is not valid; did you mean \"public_university\"?"}});
    check_problems(kInstitution + "funding:\n  co_funding: parital\n",
                   {{5, 15, "funding.co_funding: \"parital\" is not valid; did you mean \"partial\"?"}});
}

TEST_CASE("a choice far from every value lists the valid ones", "[loading][profile]") {
    check_problems(kInstitution + "funding:\n  dedicated_budget: maybe\n",
                   {{5, 21, "funding.dedicated_budget: \"maybe\" is not valid; expected one of: yes, partial, no"}});
}

TEST_CASE("a percent must be a number from 0 to 100", "[loading][profile]") {
    const std::string expected = " is not valid; expected a number from 0 to 100 (a percentage), unquoted";
    check_problems(kInstitution + "language:\n  faculty_b2_percent: 120\n",
                   {{5, 23, "language.faculty_b2_percent: \"120\"" + expected}});
    check_problems(kInstitution + "language:\n  student_b2_percent: -1\n",
                   {{5, 23, "language.student_b2_percent: \"-1\"" + expected}});
    check_problems(kInstitution + "language:\n  student_b2_percent: \"50\"\n",
                   {{5, 23, "language.student_b2_percent: \"50\"" + expected}});
    // The bounds themselves are valid.
    CHECK(
        std::get<double>(
            load(kInstitution + "language:\n  faculty_b2_percent: 100\n").find("language.faculty_b2_percent")->value) ==
        100);
    CHECK(std::get<double>(
              load(kInstitution + "language:\n  faculty_b2_percent: 0\n").find("language.faculty_b2_percent")->value) ==
          0);
}

TEST_CASE("a count must be an unquoted whole number in its range", "[loading][profile]") {
    check_problems(kInstitution + "partnerships:\n  active_agreements: 2.5\n",
                   {{5, 22,
                     "partnerships.active_agreements: \"2.5\" is not valid; expected a whole number in 0 .. 2000, "
                     "unquoted"}});
    // "12" in quotes is text, not a number.
    check_problems(kInstitution + "  students: \"12\"\n",
                   {{4, 13,
                     "institution.students: \"12\" is not valid; expected a whole number in 0 .. 500000, "
                     "unquoted"}});
    check_problems(kInstitution + "  students: many\n",
                   {{4, 13,
                     "institution.students: \"many\" is not valid; expected a whole number in 0 .. 500000, "
                     "unquoted"}});
    check_problems(kInstitution + "partnerships:\n  uk_partners: 501\n",
                   {{5, 16,
                     "partnerships.uk_partners: \"501\" is not valid; expected a whole number in 0 .. 500, "
                     "unquoted"}});
    CHECK(std::get<double>(load(kInstitution + "  students: 12\n").find("institution.students")->value) == 12);
}

TEST_CASE("an unknown key in a block suggests the closest question", "[loading][profile]") {
    check_problems(kInstitution + "funding:\n  dedicated_budgt: yes\n",
                   {{5, 3, "unknown key \"dedicated_budgt\" in funding; did you mean \"dedicated_budget\"?"}});
}

TEST_CASE("an unknown top-level block is reported at its key", "[loading][profile]") {
    check_problems(kInstitution + "fundng:\n  dedicated_budget: yes\n",
                   {{4, 1, "unknown key \"fundng\" in profile; did you mean \"funding\"?"}});
    check_problems(kInstitution + "alumni:\n  count: 3\n",
                   {{4, 1,
                     "unknown key \"alumni\" in profile; expected one of: institution, funding, language, faculty, "
                     "regulatory, strategy, partnerships, digital, quality, sustainability, research"}});
}

TEST_CASE("a key given twice is reported at its second place", "[loading][profile]") {
    check_problems(kInstitution + "funding:\n  co_funding: yes\n  co_funding: no\n",
                   {{6, 3, "the key \"co_funding\" is given twice; a key may appear once"}});
    check_problems(kInstitution + "funding:\n  co_funding: yes\nfunding:\n  co_funding: no\n",
                   {{6, 1,
                     "the block \"funding\" is given twice; if a second profile starts here, put a line "
                     "\"---\" before it (in a stream, each profile starts with \"---\"; tne init writes it)"}});
}

TEST_CASE("an item given twice in a list is reported at its second place", "[loading][profile]") {
    check_problems(kInstitution + "partnerships:\n  track_record: [dual_degree, student_exchange, dual_degree]\n",
                   {{5, 49, "\"dual_degree\" appears twice in partnerships.track_record"}});
    check_problems(kInstitution + "  fields:\n    - stem\n    - business\n    - stem\n",
                   {{7, 7, "\"stem\" appears twice in institution.fields"}});
}

TEST_CASE("a list item outside the question's values is invalid", "[loading][profile]") {
    check_problems(
        kInstitution + "funding:\n  external_sources: [conahcyt, erasmus_pluss]\n",
        {{5, 32, "funding.external_sources: \"erasmus_pluss\" is not valid; did you mean \"erasmus_plus\"?"}});
    check_problems(kInstitution + "funding:\n  external_sources: conahcyt\n",
                   {{5, 21,
                     "funding.external_sources: \"conahcyt\" is not valid; expected a list of: conahcyt, "
                     "erasmus_plus, british_council, private_sector, local_industry, government_other, "
                     "international_org"}});
}

TEST_CASE("a profile whose top level is not a map is rejected at 1:1", "[loading][profile]") {
    const std::string prefix = "a profile is a map with an \"institution\" block and one block per dimension, not ";
    check_problems("- institution\n- funding\n", {{1, 1, prefix + "[...]"}});
    check_problems("just a sentence\n", {{1, 1, prefix + "\"just a sentence\""}});
}

TEST_CASE("a block that is not a map is rejected", "[loading][profile]") {
    check_problems(kInstitution + "funding: [yes, no]\n", {{4, 10, "\"funding\" must be a map of answers, not [...]"}});
}

TEST_CASE("institution.name and institution.type are required", "[loading][profile]") {
    check_problems("institution:\n  type: public_university\n  students: 100\n",
                   {{2, 3, "institution.name is required"}});
    check_problems("institution:\n  name: X\n  type: ~\n", {{2, 3, "institution.type is required"}});
    // With no institution block the problem is placed at the profile itself.
    check_problems("funding:\n  co_funding: yes\n",
                   {{1, 1, "institution.name is required"}, {1, 1, "institution.type is required"}});
    // An invalid type is reported once, as invalid, not again as missing.
    auto problems = problems_of("institution:\n  name: X\n  type: university\n");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.en.find("institution.type: \"university\" is not valid") == 0);
}

TEST_CASE("several problems in one file are all reported, in file order", "[loading][profile]") {
    std::string yaml =
        "institution:\n"                            // 1
        "  name: X\n"                               // 2
        "  type: private_universty\n"               // 3
        "  students: \"650\"\n"                     // 4
        "funding:\n"                                // 5
        "  dedicated_budget: yes\n"                 // 6
        "  internal_scolarships: yes\n"             // 7
        "  co_funding: maybe\n"                     // 8
        "language:\n"                               // 9
        "  faculty_b2_percent: 101\n"               // 10
        "partnerships:\n"                           // 11
        "  track_record: [franchise, franchise]\n"  // 12
        "  active_agreements: 1.5\n"                // 13
        "extras:\n"                                 // 14
        "  note: hello\n";                          // 15
    check_problems(
        yaml, {{3, 9, "institution.type: \"private_universty\" is not valid; did you mean \"private_university\"?"},
               {4, 13, "institution.students: \"650\" is not valid; expected a whole number in 0 .. 500000, unquoted"},
               {7, 3, "unknown key \"internal_scolarships\" in funding; did you mean \"internal_scholarships\"?"},
               {8, 15, "funding.co_funding: \"maybe\" is not valid; expected one of: yes, partial, no"},
               {10, 23,
                "language.faculty_b2_percent: \"101\" is not valid; expected a number from 0 to 100 (a percentage), "
                "unquoted"},
               {12, 29, "\"franchise\" appears twice in partnerships.track_record"},
               {13, 22,
                "partnerships.active_agreements: \"1.5\" is not valid; expected a whole number in 0 .. 2000, unquoted"},
               {14, 1,
                "unknown key \"extras\" in profile; expected one of: institution, funding, language, faculty, "
                "regulatory, strategy, partnerships, digital, quality, sustainability, research"}});
}

TEST_CASE("invalid YAML is an InputError at the syntax error", "[loading][profile]") {
    auto problems = problems_of(kInstitution + "funding:\n  co_funding: [yes\n");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pos.file == "p.yaml");
    CHECK(problems[0].pos.line >= 5);
    CHECK(problems[0].message.en.find("invalid YAML: ") == 0);
}

// The mistakes of YAML written by hand, each in a profile of tests/profiles/invalid/ (whose first line
// says what tests/schema/check-profiles.mjs expects): reported at the mistake, not where yaml-cpp
// stopped, with the fix.
TEST_CASE("a YAML mistake is reported at its line and column with the fix, in both languages",
          "[loading][profile][yaml]") {
    struct Case {
        const char* file;
        int line;
        int column;
        const char* en;
        const char* es;
    };
    const Case cases[] = {
        {"yaml-no-space-after-colon.yaml", 7, 13, "write a space after the colon: `co_funding: yes`",
         "escriba un espacio después de los dos puntos: `co_funding: yes`"},
        {"yaml-no-space-after-colon-last.yaml", 8, 13, "write a space after the colon: `co_funding: yes`",
         "escriba un espacio después de los dos puntos: `co_funding: yes`"},
        {"yaml-no-space-after-colon-alone.yaml", 7, 13, "write a space after the colon: `co_funding: yes`",
         "escriba un espacio después de los dos puntos: `co_funding: yes`"},
        {"yaml-tab-indent.yaml", 4, 1,
         "a tab indents this line; YAML indents with spaces only: replace the tab with spaces",
         "un tabulador sangra esta línea; YAML solo sangra con espacios: reemplace el tabulador por espacios"},
        {"yaml-unclosed-quote.yaml", 3, 9,
         "the quote (\") opened here is never closed, so the rest of the file is read as its text: close it: "
         "`name: \"Universidad de Prueba\"`",
         "las comillas (\") abiertas aquí no se cierran nunca, así que el resto del archivo se lee como su texto: "
         "ciérrelas: `name: \"Universidad de Prueba\"`"},
        {"yaml-quote-closed-late.yaml", 3, 9,
         "the quote (\") opened here is closed only on line 7, so the lines between are read as its text: close it "
         "on this line: `name: \"Universidad de Prueba\"`",
         "las comillas (\") abiertas aquí solo se cierran en la línea 7, así que las líneas intermedias se leen como "
         "su texto: ciérrelas en esta línea: `name: \"Universidad de Prueba\"`"},
        {"yaml-indented-more.yaml", 4, 4,
         "this line is indented 3 spaces, more than the line above (2), which has its own value: line it up with "
         "\"name\" (2 spaces)",
         "esta línea tiene 3 espacios de sangría, más que la línea de arriba (2), que ya tiene su valor: alinéela "
         "con \"name\" (2 espacios)"},
        {"yaml-indented-nowhere.yaml", 4, 3,
         "this line is indented 2 spaces, which lines it up with no key above it: indent it 4 spaces, as \"name\"",
         "esta línea tiene 2 espacios de sangría, que no la alinean con ninguna clave de arriba: sángrela 4 "
         "espacios, como \"name\""},
        {"yaml-missing-colon.yaml", 4, 7, "a key needs a colon and a space after it: `type: public_university`",
         "una clave lleva dos puntos y un espacio después: `type: public_university`"},
        {"yaml-syntax-error.yaml", 7, 21,
         "the [ opened here is never closed: close it with ]: `external_sources: [conahcyt, erasmus_plus]`",
         "el [ abierto aquí no se cierra nunca: ciérrelo con ]: `external_sources: [conahcyt, erasmus_plus]`"},
    };
    for (const auto& c : cases) {
        std::string text = read_file(source_dir() / "tests/profiles/invalid" / c.file);
        INFO(c.file);
        REQUIRE_FALSE(text.empty());
        auto problems = problems_of(text);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].pos.line == c.line);
        CHECK(problems[0].pos.column == c.column);
        CHECK(problems[0].message.en == std::string("invalid YAML: ") + c.en);
        CHECK(problems[0].message.es == std::string("YAML no válido: ") + c.es);
        CHECK(problems[0].problem == tne::Problem::input);
    }
}

TEST_CASE("valid YAML that looks like one of those mistakes is read as it is", "[loading][yaml]") {
    const char* valid[] = {
        "a: \"a text\n  over two lines\"\nb: c\n",                  // a quote closed on the next line
        "a: https://example.org/page\nb: 10:30\n",                  // colons inside values
        "a: |\n  co_funding:yes\n  words without a colon\nb: c\n",  // a block text
        "a: text\n  continued:here\nb: c\n",                        // a plain text over lines, indented more
        "a: [x,\n  y:z]\nb:\n  - c:d\n",                            // lists
        "a: 'it''s'\nb: \"say \\\"hi\\\"\"\n",                      // quotes inside quotes
    };
    for (const char* text : valid) {
        INFO(text);
        CHECK_NOTHROW(tne::yaml_input::parse(text, "v.yaml"));
    }
    CHECK(tne::yaml_input::parse("a: text\n  continued:here\n", "v.yaml")["a"].Scalar() == "text continued:here");
}

// ---- rubric sets ----------------------------------------------------------------------------------

TEST_CASE("the default rubric set has its ten dimensions and eleven models in order", "[loading][rubric]") {
    const tne::RubricSet& rubric = default_rubrics();
    std::vector<std::string> dimensions;
    for (const auto& d : rubric.dimensions) dimensions.push_back(d.id);
    CHECK(dimensions == std::vector<std::string>{"funding", "language", "faculty", "regulatory", "strategy",
                                                 "partnerships", "digital", "quality", "sustainability", "research"});
    std::vector<std::string> models;
    for (const auto& m : rubric.models) models.push_back(m.id);
    CHECK(models == std::vector<std::string>{"coil_virtual_exchange", "mobility", "research_collaboration",
                                             "hybrid_blended", "collaborative_rd", "validation", "online_distance",
                                             "franchise", "dual_degree", "joint_degree", "branch_campus"});
    std::vector<std::string> blocks = {"institution"};
    blocks.insert(blocks.end(), dimensions.begin(), dimensions.end());
    CHECK(rubric.blocks == blocks);
    std::vector<std::string> levels;
    for (const auto& level : rubric.levels) levels.push_back(level.id);
    CHECK(levels == std::vector<std::string>{"early", "emerging", "consolidating", "ready"});
}

TEST_CASE("the default set's advice is read as rubric-set.yaml writes it, every rule with its Annex section",
          "[loading][rubric]") {
    const tne::Advice& advice = default_rubrics().advice;
    // The numbers are the set's to tune: compared with the file itself, read apart from the loader.
    YAML::Node file = YAML::LoadFile((source_dir() / "rubrics/rubric-set.yaml").string())["advice"];
    REQUIRE(file.IsMap());
    const std::vector<std::pair<std::string, const tne::AdviceRule*>> rules = {
        {"min_coverage", &advice.min_coverage},
        {"min_fit", &advice.min_fit},
        {"already_runs", &advice.already_runs},
        {"builds_on_running", &advice.builds_on_running},
        {"considered", &advice.considered}};
    for (const auto& [name, rule] : rules) {
        INFO(name);
        CHECK(rule->value == file[name]["value"].as<double>());
        CHECK(rule->annex == file[name]["annex"].as<std::string>());
        CHECK(default_rubrics().find_annex_section(rule->annex) != nullptr);
        CHECK_FALSE(rule->why.en.empty());
        CHECK_FALSE(rule->why.es.empty());
        CHECK_FALSE(rule->basis.empty());  // a quote of the section, an assumption, or both
        CHECK(rule->pos.line > 0);
    }
    CHECK(advice.min_coverage.value > 0);
    CHECK(advice.min_fit.value > 0);
    CHECK(advice.already_runs.kind == file["already_runs"]["kind"].as<std::string>());
    CHECK(advice.considered.question == "institution.considering");
    REQUIRE(default_rubrics().find_question(advice.considered.question) != nullptr);
    CHECK(default_rubrics().find_question(advice.considered.question)->type == tne::QuestionType::list);
    CHECK(advice.alternatives == file["alternatives"].as<int>());

    // The first steps, in order: each names a model of the set; only the last, the default, has no `when`.
    REQUIRE(advice.first_steps.size() == file["first_steps"].size());
    for (size_t i = 0; i < advice.first_steps.size(); ++i) {
        const tne::FirstStep& step = advice.first_steps[i];
        INFO(step.model);
        CHECK(step.model == file["first_steps"][i]["model"].as<std::string>());
        CHECK(default_rubrics().find_model(step.model) != nullptr);
        CHECK(step.when.has_value() == (i + 1 < advice.first_steps.size()));
        CHECK_FALSE(step.why.en.empty());
        CHECK_FALSE(step.basis.empty());
    }
    // The Annex's first steps by kind of institution (3.1.1, 3.1.3, 5.1).
    REQUIRE(advice.first_steps.size() >= 2);
    CHECK(advice.first_steps.front().model == "mobility");
    CHECK(advice.first_steps.front().when->question == "institution.type");
    CHECK(advice.first_steps.front().when->in == std::vector<std::string>{"technological_institute"});
    CHECK(advice.first_steps.back().model == "coil_virtual_exchange");
}

TEST_CASE("every criterion of the default set has English and Spanish texts", "[loading][rubric]") {
    size_t criteria = 0;
    for (const auto& d : default_rubrics().dimensions) {
        CHECK_FALSE(d.criteria.empty());
        for (const auto& c : d.criteria) {
            INFO(c.id);
            ++criteria;
            CHECK_FALSE(c.name.en.empty());
            CHECK_FALSE(c.name.es.empty());
            CHECK_FALSE(c.recommendation.text.en.empty());
            CHECK_FALSE(c.recommendation.text.es.empty());
            CHECK(c.id.rfind(d.id + ".", 0) == 0);
            CHECK(c.weight > 0);
            CHECK(default_rubrics().find_question(c.question) != nullptr);
        }
    }
    CHECK(criteria >= 50);
}

TEST_CASE("the rubric set read from rubrics/ matches the embedded one", "[loading][rubric]") {
    RubricCopy copy;
    tne::RubricSet rubric = copy.load();
    CHECK(rubric.source == copy.root.string());
    const tne::RubricSet& embedded = default_rubrics();
    REQUIRE(rubric.dimensions.size() == embedded.dimensions.size());
    for (size_t i = 0; i < rubric.dimensions.size(); ++i) {
        CHECK(rubric.dimensions[i].id == embedded.dimensions[i].id);
        CHECK(rubric.dimensions[i].weight == embedded.dimensions[i].weight);
        CHECK(rubric.dimensions[i].criteria.size() == embedded.dimensions[i].criteria.size());
    }
    CHECK(rubric.models.size() == embedded.models.size());
    CHECK(rubric.questions.size() == embedded.questions.size());
}

TEST_CASE("the embedded set's build-time snapshot equals the set parsed from its YAML", "[loading][rubric]") {
    tne::RubricFiles files = tne::embedded_rubric_files();
    REQUIRE_FALSE(files.snapshot.empty());
    tne::RubricSet restored = tne::load_rubric_set(files);
    files.snapshot = {};
    tne::RubricSet parsed = tne::load_rubric_set(files);
    CHECK(restored == parsed);
}

TEST_CASE("a snapshot is not used once its files read differently", "[loading][rubric]") {
    tne::RubricFiles files = tne::embedded_rubric_files();
    auto embedded = files.read;
    files.read = [embedded](const std::string& relative) -> std::optional<std::string> {
        std::optional<std::string> text = embedded(relative);
        if (text && relative == "rubric-set.yaml") {
            const std::string key = "  min_fit:\n    value: ";
            size_t at = text->find(key) + key.size();
            text->replace(at, text->find('\n', at) - at, "61");
        }
        return text;
    };
    CHECK(tne::load_rubric_set(files).advice.min_fit.value == 61);
}

TEST_CASE("a criterion naming a question that does not exist is rejected", "[loading][rubric]") {
    RubricCopy copy;
    fs::path file = copy.root / "dimensions" / "funding.yaml";
    replace_once(file, "question: funding.external_sources", "question: funding.external_source");
    auto [line, column] = position_of(read_file(file), "funding.external_source\n");
    tne::Diagnostic d = single_failure(copy);
    CHECK(d.pos.file == copy.name_of("dimensions/funding.yaml"));
    CHECK(d.pos.line == line);
    CHECK(d.pos.column == column);
    CHECK(d.message.en ==
          "no question \"funding.external_source\" in the rubric set; did you mean \"funding.external_sources\"?");
}

TEST_CASE("a criterion naming a question of a later dimension is told it belongs there", "[loading][rubric]") {
    // language is read after funding: the question exists, in another dimension.
    RubricCopy copy;
    fs::path file = copy.root / "dimensions" / "funding.yaml";
    replace_once(file, "question: funding.dedicated_budget", "question: language.faculty_b2_percent");
    auto [line, column] = position_of(read_file(file), "language.faculty_b2_percent");
    tne::Diagnostic d = single_failure(copy);
    CHECK(d.pos.file == copy.name_of("dimensions/funding.yaml"));
    CHECK(d.pos.line == line);
    CHECK(d.pos.column == column);
    CHECK(d.problem == tne::Problem::unknown_reference);
    CHECK(d.message.en ==
          "the question \"language.faculty_b2_percent\" exists but belongs to dimension \"language\"; a "
          "criterion of dimension \"funding\" scores only questions of \"funding\"");
    CHECK(d.message.es ==
          "la pregunta \"language.faculty_b2_percent\" existe pero pertenece a la dimensión \"language\"; "
          "un criterio de la dimensión \"funding\" califica solo preguntas de \"funding\"");
}

TEST_CASE("a number of a rubric file that does not fit, or is out of its range, is refused at its place",
          "[loading][rubric]") {
    struct Case {
        std::string file, from, to, value, message;
    };
    const std::vector<Case> cases = {
        {"dimensions/funding.yaml", "\nweight: 1.5\n", "\nweight: 1e999\n", "1e999",
         "\"1e999\" is not a finite number (it is infinite, not a number, or beyond ±1.8e308); expected a number above "
         "0 "
         "and at most 100"},
        {"dimensions/funding.yaml", "\nweight: 1.5\n", "\nweight: 1e308\n", "1e308",
         "\"1e308\" is out of range; expected a number above 0 and at most 100"},
        {"dimensions/funding.yaml", "- {at_least: 2, score: 70}", "- {at_least: 2, score: .inf}", ".inf",
         "\".inf\" is not a finite number (it is infinite, not a number, or beyond ±1.8e308); expected a number from 0 "
         "to 100"},
        {"dimensions/partnerships.yaml", "    max: 2000\n", "    max: 2.5e3\n", "2.5e3", ""},  // 2500: whole, fits
        {"dimensions/partnerships.yaml", "    max: 2000\n", "    max: 1e10\n", "1e10",
         "expected a whole number from -1000000000 to 1000000000, found \"1e10\""},
        {"rubric-set.yaml", "    from: 35\n", "    from: .nan\n", ".nan",
         "\".nan\" is not a finite number (it is infinite, not a number, or beyond ±1.8e308); expected a number from 0 "
         "to 100"},
        {"models.yaml", "adjust: -10", "adjust: -1000", "-1000",
         "\"-1000\" is out of range; expected a number from -100 to 100"},
    };
    for (const auto& c : cases) {
        INFO(c.file << ": " << c.to);
        RubricCopy copy;
        fs::path file = copy.root / c.file;
        replace_once(file, c.from, c.to);
        if (c.message.empty()) {
            CHECK_NOTHROW(copy.load());
            continue;
        }
        auto [line, column] = position_of(read_file(file), c.value);
        tne::Diagnostic d = single_failure(copy);
        CHECK(d.pos.file == copy.name_of(c.file));
        CHECK(d.pos.line == line);
        CHECK(d.pos.column == column);
        CHECK(d.message.en == c.message);
        CHECK(d.message.es.find(c.value) != std::string::npos);
    }
}

TEST_CASE("an unknown key in the first readiness level is the only problem of the levels", "[loading][rubric]") {
    // Before, the three levels after it were each reported out of order, as if it were not there.
    RubricCopy copy;
    fs::path file = copy.root / "rubric-set.yaml";
    replace_once(file, "  - id: early\n    from: 0\n", "  - id: early\n    from: 0\n    colour: grey\n");
    auto [line, column] = position_of(read_file(file), "colour");
    tne::Diagnostic d = single_failure(copy);
    CHECK(d.pos.line == line);
    CHECK(d.pos.column == column);
    CHECK(d.problem == tne::Problem::schema);
    CHECK(d.message.en == "unknown key \"colour\" in level; expected one of: id, from, name");
}

TEST_CASE("a choice question's level map must score every value", "[loading][rubric]") {
    RubricCopy copy;
    fs::path file = copy.root / "dimensions" / "digital.yaml";
    replace_once(file, "levels: {none: 0, basic: 50, institutional: 100}", "levels: {none: 0, basic: 50}");
    auto [line, column] = position_of(read_file(file), "{none: 0, basic: 50}");
    tne::Diagnostic d = single_failure(copy);
    CHECK(d.pos.file == copy.name_of("dimensions/digital.yaml"));
    CHECK(d.pos.line == line);
    CHECK(d.pos.column == column);
    CHECK(d.message.en == "the value \"institutional\" of digital.lms has no level");
}

TEST_CASE("bands must ascend by at_least", "[loading][rubric]") {
    RubricCopy copy;
    fs::path file = copy.root / "dimensions" / "funding.yaml";
    replace_once(file, "- {at_least: 2, score: 70}\n        - {at_least: 3, score: 100}",
                 "- {at_least: 3, score: 70}\n        - {at_least: 2, score: 100}");
    auto [line, column] = position_of(read_file(file), "{at_least: 2, score: 100}");
    tne::Diagnostic d = single_failure(copy);
    CHECK(d.pos.file == copy.name_of("dimensions/funding.yaml"));
    CHECK(d.pos.line == line);
    CHECK(d.pos.column == column);
    CHECK(d.message.en == "funding.external_sources: bands must ascend by \"at_least\"");
}

TEST_CASE("a model requirement naming an unknown dimension is rejected", "[loading][rubric]") {
    // The shipped set's requirements read answers, but a requirement on a dimension's score is still
    // supported (tests/rubrics/minimal has one); its dimension must exist.
    RubricCopy copy;
    fs::path file = copy.root / "models.yaml";
    replace_once(file,
                 "question: digital.connectivity\n        in: [adequate, good]\n        annex: \"2.3\"\n"
                 "        quote: lack the technological infrastructure to support virtual learning\n"
                 "        why:\n          en: the digital divide limits virtual learning.",
                 "dimension: langauge\n        at_least: 35\n        annex: \"2.3\"\n"
                 "        quote: lack the technological infrastructure to support virtual learning\n"
                 "        why:\n          en: the digital divide limits virtual learning.");
    auto [line, column] = position_of(read_file(file), "langauge");
    tne::Diagnostic d = single_failure(copy);
    CHECK(d.pos.file == copy.name_of("models.yaml"));
    CHECK(d.pos.line == line);
    CHECK(d.pos.column == column);
    CHECK(d.message.en == "no dimension \"langauge\" in the rubric set");
}

TEST_CASE("a requirement on a dimension's score loads and blocks below its threshold", "[loading][rubric]") {
    RubricCopy copy;
    fs::path file = copy.root / "models.yaml";
    replace_once(file,
                 "question: digital.connectivity\n        in: [adequate, good]\n        annex: \"2.3\"\n"
                 "        quote: lack the technological infrastructure to support virtual learning\n"
                 "        why:\n          en: the digital divide limits virtual learning.",
                 "dimension: digital\n        at_least: 60\n        annex: \"2.3\"\n"
                 "        quote: lack the technological infrastructure to support virtual learning\n"
                 "        why:\n          en: the digital divide limits virtual learning.");
    tne::RubricSet set = copy.load();
    const tne::Model* coil = set.find_model("coil_virtual_exchange");
    REQUIRE(coil != nullptr);
    auto on_digital = std::find_if(coil->requires_.begin(), coil->requires_.end(),
                                   [](const tne::Condition& c) { return c.dimension == "digital"; });
    REQUIRE(on_digital != coil->requires_.end());
    CHECK(on_digital->question.empty());
    CHECK(*on_digital->at_least == 60);
    // digital.lms basic scores 50 alone: below 60, a blocker; institutional scores 100: met.
    auto blocked_on_digital = [&](const std::string& lms) {
        tne::Profile profile = tne::load_profile(kInstitution + "digital:\n  lms: " + lms + "\n", "p.yaml", set);
        tne::Assessment a = tne::assess(profile, set);
        const tne::ModelResult* m = a.find_model("coil_virtual_exchange");
        return std::any_of(m->blockers.begin(), m->blockers.end(),
                           [](const tne::Blocker& b) { return b.condition->dimension == "digital"; });
    };
    CHECK(blocked_on_digital("basic"));
    CHECK_FALSE(blocked_on_digital("institutional"));
}

TEST_CASE("a condition on a list question by its count loads and holds by the number of items", "[loading][rubric]") {
    // The shipped set has one: COIL suits an institution with no activity abroad yet (at most 0 items).
    const tne::Model* coil = default_rubrics().find_model("coil_virtual_exchange");
    auto none_yet = std::find_if(coil->context.begin(), coil->context.end(), [](const tne::ContextAdjustment& c) {
        return c.when.question == "partnerships.track_record";
    });
    REQUIRE(none_yet != coil->context.end());
    CHECK(none_yet->when.at_most == 0);
    CHECK(none_yet->when.any_of.empty());

    // A requirement counting a list's items: mobility needing at least two networks.
    RubricCopy copy;
    fs::path file = copy.root / "models.yaml";
    replace_once(file, "question: partnerships.active_agreements\n        at_least: 1\n        annex: \"2.1\"",
                 "question: partnerships.networks\n        at_least: 2\n        annex: \"2.1\"");
    tne::RubricSet set = copy.load();
    const tne::Model* mobility = set.find_model("mobility");
    auto on_networks = std::find_if(mobility->requires_.begin(), mobility->requires_.end(),
                                    [](const tne::Condition& c) { return c.question == "partnerships.networks"; });
    REQUIRE(on_networks != mobility->requires_.end());
    CHECK(*on_networks->at_least == 2);
    CHECK(on_networks->any_of.empty());
    auto blocked_on_networks = [&](const std::string& networks) {
        tne::Profile profile =
            tne::load_profile(kInstitution + "partnerships:\n  networks: " + networks + "\n", "p.yaml", set);
        tne::Assessment a = tne::assess(profile, set);
        const tne::ModelResult* m = a.find_model("mobility");
        return std::any_of(m->blockers.begin(), m->blockers.end(),
                           [](const tne::Blocker& b) { return b.condition->question == "partnerships.networks"; });
    };
    CHECK(blocked_on_networks("[]"));
    CHECK(blocked_on_networks("[anuies]"));
    CHECK_FALSE(blocked_on_networks("[anuies, ampei]"));
    CHECK_FALSE(blocked_on_networks("[anuies, ampei, british_council]"));

    // A list still cannot be compared with `in`, which is for one answer.
    RubricCopy wrong;
    replace_once(wrong.root / "models.yaml",
                 "question: partnerships.active_agreements\n        at_least: 1\n        annex: \"2.1\"",
                 "question: partnerships.networks\n        in: [anuies]\n        annex: \"2.1\"");
    tne::Diagnostic d = single_failure(wrong);
    CHECK(d.problem == tne::Problem::rule_type_mismatch);
    CHECK(d.pos.file == wrong.name_of("models.yaml"));
}

TEST_CASE("the last of the advice's first steps must have no `when`: it is the default", "[loading][rubric]") {
    RubricCopy copy;
    fs::path file = copy.root / "rubric-set.yaml";
    replace_once(file, "    - model: coil_virtual_exchange\n      annex: \"5.1\"",
                 "    - model: coil_virtual_exchange\n"
                 "      when: {question: institution.type, in: [public_university], annex: \"5.1\"}\n"
                 "      annex: \"5.1\"");
    auto [line, column] = position_of(read_file(file), "- model: mobility");  // where the list starts
    tne::Diagnostic d = single_failure(copy);
    CHECK(d.pos.file == copy.name_of("rubric-set.yaml"));
    CHECK(d.pos.line == line);
    CHECK(d.pos.column == column);
    CHECK(d.message.en == "the last first step must have no `when`: it is the default");
    CHECK(d.message.es == "el último primer paso no debe tener `when`: es el predeterminado");
    CHECK(d.problem == tne::Problem::schema);
}

TEST_CASE("a first step of the advice must name a model of the set", "[loading][rubric]") {
    RubricCopy copy;
    fs::path file = copy.root / "rubric-set.yaml";
    replace_once(file, "    - model: mobility\n", "    - model: moblity\n");
    auto [line, column] = position_of(read_file(file), "moblity");
    tne::Diagnostic d = single_failure(copy);
    CHECK(d.pos.file == copy.name_of("rubric-set.yaml"));
    CHECK(d.pos.line == line);
    CHECK(d.pos.column == column);
    CHECK(d.message.en == "no model \"moblity\" (a first step of the advice)");
    CHECK(d.problem == tne::Problem::unknown_reference);
}

TEST_CASE("a model may only build on models of an earlier stage", "[loading][rubric]") {
    RubricCopy copy;
    fs::path file = copy.root / "models.yaml";
    // collaborative_rd (stage 3) building on branch_campus (stage 7).
    replace_once(file, "builds_on: [research_collaboration]", "builds_on: [branch_campus]");
    auto [line, column] = position_of(read_file(file), "id: collaborative_rd");
    tne::Diagnostic d = single_failure(copy);
    CHECK(d.pos.file == copy.name_of("models.yaml"));
    CHECK(d.pos.line == line);
    CHECK(d.pos.column == column);
    CHECK(d.message.en == "\"branch_campus\" must have an earlier stage than \"collaborative_rd\", which builds on it");
}

TEST_CASE("a missing rubric file is reported where the set names it", "[loading][rubric]") {
    RubricCopy copy;
    fs::remove(copy.root / "dimensions" / "research.yaml");
    auto [line, column] = position_of(read_file(copy.root / "rubric-set.yaml"), "research]");
    tne::Diagnostic d = single_failure(copy);
    CHECK(d.pos.file == copy.name_of("rubric-set.yaml"));
    CHECK(d.pos.line == line);
    CHECK(d.pos.column == column);
    CHECK(d.message.en == "rubric file not found: dimensions/research.yaml");
    CHECK(d.problem == tne::Problem::missing_file);
}

TEST_CASE("problems are reported in file order, whatever check found them", "[profile][errors]") {
    const std::string text =
        "institution:\n"
        "  type: public_university\n"
        "funding:\n"
        "  dedicatd_budget: yes\n"
        "  co_funding: yes\n"
        "  co_funding: no\n";
    try {
        tne::load_profile(text, "p.yaml", tne::test::default_rubrics());
        FAIL("expected an InputError");
    } catch (const tne::InputError& e) {
        const auto& d = e.diagnostics();
        REQUIRE(d.size() == 3);
        CHECK(d[0].str(tne::Lang::en) == "p.yaml:2:3: institution.name is required");
        CHECK(d[1].pos.line == 4);  // the unknown key
        CHECK(d[2].pos.line == 6);  // the duplicate
    }
}

// ---- the value check -------------------------------------------------------------------------------
// One check of an answer against its question, on a plain value (src/answer_check.hpp): the loader,
// --set, the questionnaire and the survey reader use it. Each case is checked twice: as a value built
// by hand, and as the same answer written in a profile file, which must give the same message.

namespace {

using tne::RawAnswer;

const tne::Question& question(const std::string& path) {
    const tne::Question* q = default_rubrics().find_question(path);
    REQUIRE(q != nullptr);
    return *q;
}

struct Checked {
    std::optional<tne::Value> value;
    std::vector<tne::Diagnostic> problems;
};

Checked check_value(const std::string& path, RawAnswer raw) {
    Checked checked;
    checked.value = tne::check_answer(question(path), std::move(raw), "v", checked.problems);
    return checked;
}

// The problems of a draft profile (no required answer missing) answering only `path` with `value`.
std::vector<tne::Diagnostic> file_problems(const std::string& path, const std::string& value) {
    size_t dot = path.find('.');
    std::string yaml = path.substr(0, dot) + ":\n  " + path.substr(dot + 1) + ": " + value + "\n";
    return tne::load_draft_profile(yaml, "p.yaml", default_rubrics()).problems;
}

RawAnswer plain(const std::string& text) { return RawAnswer::scalar(text, true, 2, 9); }
RawAnswer quoted(const std::string& text) { return RawAnswer::scalar(text, false, 2, 9); }
RawAnswer list(const std::vector<std::string>& items) {
    std::vector<RawAnswer> raw;
    for (size_t i = 0; i < items.size(); ++i) raw.push_back(RawAnswer::scalar(items[i], false, 2, 10 + 4 * int(i)));
    return RawAnswer::list(std::move(raw), 2, 9);
}

struct InvalidCase {
    std::string path;
    std::string yaml;  // the same answer as a file writes it
    RawAnswer raw;
    std::string message;
    tne::Problem problem = tne::Problem::input;
};

}  // namespace

TEST_CASE("the value check accepts a valid answer of every question type as its value", "[profile][check]") {
    using Strings = std::vector<std::string>;
    Checked text = check_value("institution.name", quoted("Universidad de Prueba"));
    REQUIRE(text.value);
    CHECK(std::get<std::string>(*text.value) == "Universidad de Prueba");
    CHECK(std::get<std::string>(*check_value("institution.name", plain("35")).value) == "35");
    CHECK(std::get<std::string>(*check_value("institution.type", quoted("private_university")).value) ==
          "private_university");
    CHECK(std::get<std::string>(*check_value("funding.dedicated_budget", plain("partial")).value) == "partial");
    CHECK(std::get<Strings>(*check_value("institution.fields", list({"stem", "business"})).value) ==
          Strings{"stem", "business"});
    CHECK(std::get<Strings>(*check_value("institution.fields", list({})).value).empty());
    CHECK(std::get<double>(*check_value("language.faculty_b2_percent", plain("12.5")).value) == 12.5);
    CHECK(std::get<double>(*check_value("institution.students", plain("1200")).value) == 1200);
    CHECK(std::get<double>(*check_value("institution.students", plain("1e3")).value) == 1000);
    // Null is unknown, required question or not; a check that accepts adds no problem.
    for (const char* path : {"institution.name", "institution.fields", "institution.students"}) {
        Checked unknown = check_value(path, RawAnswer::null(2, 9));
        REQUIRE(unknown.value);
        CHECK(std::holds_alternative<std::monostate>(*unknown.value));
        CHECK(unknown.problems.empty());
    }
}

TEST_CASE("the value check refuses what a profile file refuses, with the file's message and kind", "[profile][check]") {
    const std::string long_name(501, 'a');
    const std::vector<InvalidCase> cases = {
        {"institution.name", "\"\"", quoted(""), "institution.name: \"\" is not valid; expected a non-empty text"},
        {"institution.name", "[a]", list({"a"}), "institution.name: [...] is not valid; expected a non-empty text"},
        {"institution.name", long_name, plain(long_name),
         "institution.name: a text of 501 characters; expected at most 500"},
        {"institution.type", "private_universty", plain("private_universty"),
         "institution.type: \"private_universty\" is not valid; did you mean \"private_university\"?"},
        {"funding.dedicated_budget", "maybe", plain("maybe"),
         "funding.dedicated_budget: \"maybe\" is not valid; expected one of: yes, partial, no"},
        {"partnerships.track_record", "[dual_degree, student_exchange, dual_degree]",
         list({"dual_degree", "student_exchange", "dual_degree"}),
         "\"dual_degree\" appears twice in partnerships.track_record", tne::Problem::duplicate_item},
        {"institution.fields", "stem", plain("stem"),
         "institution.fields: \"stem\" is not valid; expected a list of: " +
             [] {
                 std::string ids;
                 for (const auto& value : question("institution.fields").values)
                     ids += (ids.empty() ? "" : ", ") + value.id;
                 return ids;
             }()},
        {"funding.external_sources", "[erasmus_pluss]", list({"erasmus_pluss"}),
         "funding.external_sources: \"erasmus_pluss\" is not valid; did you mean \"erasmus_plus\"?"},
        {"language.faculty_b2_percent", "\"35\"", quoted("35"),
         "language.faculty_b2_percent: \"35\" is not valid; expected a number from 0 to 100 (a percentage), "
         "unquoted"},
        {"language.faculty_b2_percent", "!!str 35", quoted("35"),
         "language.faculty_b2_percent: \"35\" is not valid; expected a number from 0 to 100 (a percentage), "
         "unquoted"},
        {"language.faculty_b2_percent", "101", plain("101"),
         "language.faculty_b2_percent: \"101\" is not valid; expected a number from 0 to 100 (a percentage), "
         "unquoted"},
        {"language.faculty_b2_percent", "1e400", plain("1e400"),
         "language.faculty_b2_percent: \"1e400\" is not valid; expected a number from 0 to 100 (a percentage), "
         "unquoted"},
        {"institution.students", "2.5", plain("2.5"),
         "institution.students: \"2.5\" is not valid; expected a whole number in 0 .. 500000, unquoted"},
        {"institution.students", "0x10", plain("0x10"),
         "institution.students: \"0x10\" is not valid; expected a whole number in 0 .. 500000, unquoted"},
        {"institution.students", "[1]", list({"1"}),
         "institution.students: [...] is not valid; expected a whole number in 0 .. 500000, unquoted"},
    };
    for (const auto& c : cases) {
        INFO(c.path << ": " << c.yaml);
        Checked checked = check_value(c.path, c.raw);
        CHECK_FALSE(checked.value);
        REQUIRE(checked.problems.size() == 1);
        CHECK(checked.problems[0].message.en == c.message);
        CHECK(checked.problems[0].problem == c.problem);
        CHECK(checked.problems[0].pos.file == "v");
        std::vector<tne::Diagnostic> in_file = file_problems(c.path, c.yaml);
        REQUIRE(in_file.size() == 1);
        CHECK(in_file[0].message.en == c.message);
        CHECK(in_file[0].message.es == checked.problems[0].message.es);
        CHECK(in_file[0].problem == c.problem);
    }
}

TEST_CASE("the value check places a problem at the part of the answer that has it", "[profile][check]") {
    // A map is never an answer (in a file it is the form with evidence).
    RawAnswer map = RawAnswer::null(2, 9);
    map.kind = RawAnswer::Kind::map;
    Checked not_choice = check_value("institution.type", map);
    REQUIRE(not_choice.problems.size() == 1);
    CHECK(not_choice.problems[0].str(tne::Lang::en) ==
          "v:2:9: institution.type: {...} is not valid; expected one of: public_university, private_university, "
          "technological_institute, research_center");
    Checked twice = check_value("partnerships.track_record", list({"franchise", "dual_degree", "franchise"}));
    REQUIRE(twice.problems.size() == 1);
    CHECK(twice.problems[0].pos == tne::SourcePos{"v", 2, 18});  // the second "franchise"
    CHECK(twice.problems[0].subject == "franchise");
    std::vector<RawAnswer> items;
    items.push_back(RawAnswer::scalar("stem", false, 3, 7));
    items.push_back(RawAnswer::null(4, 7));
    Checked null_item = check_value("institution.fields", RawAnswer::list(std::move(items), 3, 5));
    REQUIRE(null_item.problems.size() == 1);
    CHECK(null_item.problems[0].pos == tne::SourcePos{"v", 4, 7});
    CHECK(null_item.problems[0].message.en.find("institution.fields: ~ is not valid; expected one of: ") == 0);
    Checked wrong = check_value("institution.students", plain("many"));
    REQUIRE(wrong.problems.size() == 1);
    CHECK(wrong.problems[0].pos == tne::SourcePos{"v", 2, 9});
}

TEST_CASE("a YAML node becomes the raw answer the loader checks, quoted and tagged numbers as text",
          "[profile][check]") {
    YAML::Node doc = YAML::Load("a: 35\nb: \"35\"\nc: !!str 35\nd: !!int 35\ne: ~\nf: [x, ~, [y]]\ng: {h: i}\n");
    RawAnswer a = tne::raw_answer(doc["a"]);
    CHECK(a.kind == RawAnswer::Kind::scalar);
    CHECK(a.may_be_number);
    CHECK(a.text == "35");
    CHECK(a.line == 1);
    CHECK(a.column == 4);
    CHECK_FALSE(tne::raw_answer(doc["b"]).may_be_number);
    CHECK_FALSE(tne::raw_answer(doc["c"]).may_be_number);
    CHECK(tne::raw_answer(doc["d"]).may_be_number);
    CHECK(tne::raw_answer(doc["e"]).kind == RawAnswer::Kind::null);
    RawAnswer f = tne::raw_answer(doc["f"]);
    REQUIRE(f.kind == RawAnswer::Kind::list);
    REQUIRE(f.items.size() == 3);
    CHECK(f.items[0].kind == RawAnswer::Kind::scalar);
    CHECK(f.items[1].kind == RawAnswer::Kind::null);
    CHECK(f.items[2].kind == RawAnswer::Kind::list);
    CHECK(f.items[2].column == 11);
    CHECK(tne::describe(f.items[2]) == "[...]");
    CHECK(tne::describe(tne::raw_answer(doc["g"])) == "{...}");
    CHECK(tne::describe(tne::raw_answer(doc["e"])) == "~");
    CHECK(tne::describe(a) == "\"35\"");
}

TEST_CASE("a value is taken by its label in either language, accents and case folded, and kept as its id",
          "[loading][labels]") {
    tne::Profile profile = load(
        "institution:\n  name: U\n  type: Universidad Publica\n  fields: [negocios, Education]\n"
        "funding:\n  dedicated_budget: PARCIAL\n  co_funding: sí\n  multi_year_commitment: Partial\n");
    CHECK(profile.text("institution.type") == "public_university");
    CHECK(std::get<std::vector<std::string>>(profile.find("institution.fields")->value) ==
          std::vector<std::string>{"business", "education"});
    CHECK(profile.text("funding.dedicated_budget") == "partial");
    CHECK(profile.text("funding.co_funding") == "yes");
    CHECK(profile.text("funding.multi_year_commitment") == "partial");
    // A label and an id of the same value named twice in a list is one value named twice.
    CHECK_THROWS_WITH(load("institution:\n  name: U\n  type: research_center\n  fields: [business, Negocios]\n"),
                      Catch::Contains("p.yaml:4:22: \"business\" appears twice in institution.fields"));
}

TEST_CASE("every label of the default rubric set names its own value and no other", "[loading][labels]") {
    for (const auto& question : default_rubrics().questions) {
        for (const auto& choice : question.values) {
            for (const std::string& written : {choice.id, choice.label.en, choice.label.es}) {
                INFO(question.path << ": " << written);
                const tne::Choice* named = question.find_value_written(written);
                REQUIRE(named);
                CHECK(named->id == choice.id);
            }
        }
    }
}

TEST_CASE("a label two values answer to names neither", "[loading][labels]") {
    tne::Question question;
    question.path = "x.y";
    question.values = {{"a", "", {"Same", "Uno"}}, {"b", "", {"same", "Dos"}}};
    CHECK(question.find_value_written("a")->id == "a");
    CHECK(question.find_value_written("dos")->id == "b");
    CHECK(question.find_value_written("SAME") == nullptr);
}
