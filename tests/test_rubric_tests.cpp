// Tests of a rubric set's own test cases (`tne rubrics test`): the shipped suite passes and covers
// the whole default set, a changed weight makes the case that pins it fail with what was expected
// and what came out, and malformed test files are errors at their line and column.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include "support.hpp"
#include "tne/assessment.hpp"
#include "tne/profile.hpp"
#include "tne/rubric_tests.hpp"

using namespace tne::test;
namespace fs = std::filesystem;

namespace {

// The default set's files with one extra test file, tests/case.yaml, holding `content`.
tne::RubricFiles with_test_file(const std::string& content) {
    tne::RubricFiles files = tne::embedded_rubric_files();
    auto embedded = files.read;
    files.read = [embedded, content](const std::string& relative) -> std::optional<std::string> {
        if (relative == "tests/case.yaml") return content;
        return embedded(relative);
    };
    return files;
}

// The default set, testing only tests/case.yaml.
tne::RubricSet set_testing_case_file() {
    tne::RubricSet set = default_rubrics();
    set.test_files = {"tests/case.yaml"};
    return set;
}

// The problems reported for a test file, which must not load.
std::vector<tne::Diagnostic> problems_of(const std::string& content) {
    try {
        tne::load_rubric_tests(set_testing_case_file(), with_test_file(content));
    } catch (const tne::InputError& error) {
        return error.diagnostics();
    }
    FAIL("the test file loaded without problems");
    return {};
}

const tne::CaseResult& result_of(const tne::RubricTestReport& report, const std::string& case_id) {
    for (const auto& result : report.cases)
        if (result.test_case->id == case_id) return result;
    FAIL("no case " << case_id);
    throw 0;
}

std::vector<std::string> failure_lines(const tne::CaseResult& result, tne::Lang lang) {
    std::vector<std::string> lines;
    for (const auto& failure : result.failures) lines.push_back(failure.message.in(lang));
    return lines;
}

std::string last_line(const std::string& text) {
    std::string trimmed = text.substr(0, text.find_last_not_of('\n') + 1);
    return trimmed.substr(trimmed.find_last_of('\n') + 1);
}

void copy_rubrics_to(const fs::path& target) {
    fs::copy(source_dir() / "rubrics", target, fs::copy_options::recursive);
}

const std::string kInstitution = "      institution: {name: Universidad de Prueba, type: public_university}\n";

}  // namespace

TEST_CASE("the shipped rubric tests pass on the embedded set", "[rubric-tests]") {
    const tne::RubricSet& set = default_rubrics();
    REQUIRE_FALSE(set.test_files.empty());
    tne::RubricTestSuite suite = tne::load_rubric_tests(set, tne::embedded_rubric_files());
    tne::RubricTestReport report = tne::run_rubric_tests(suite, set);
    for (const auto& result : report.cases) {
        INFO(result.test_case->pos.str() << " " << result.test_case->id);
        for (const auto& failure : result.failures) INFO(failure.message.en);
        CHECK(result.passed());
    }
    CHECK(report.cases.size() == suite.cases.size());
    CHECK(report.failed() == 0);
    std::string text = tne::render_rubric_test_report(report, tne::Lang::en);
    CHECK(last_line(text) == std::to_string(suite.cases.size()) + " passed, 0 failed");
    CHECK(text.find("PASS  rubrics/" + set.test_files.front() + ":") == 0);
}

TEST_CASE("the shipped rubric tests pass on the rubrics directory", "[rubric-tests]") {
    tne::RubricFiles files = tne::directory_rubric_files((source_dir() / "rubrics").string());
    tne::RubricSet set = tne::load_rubric_set(files);
    tne::RubricTestSuite suite = tne::load_rubric_tests(set, files);
    tne::RubricTestReport report = tne::run_rubric_tests(suite, set);
    CHECK(report.passed() == static_cast<int>(suite.cases.size()));
    CHECK(report.failed() == 0);
    REQUIRE_FALSE(suite.cases.empty());
    CHECK(suite.cases.front().pos.file == (source_dir() / "rubrics" / set.test_files.front()).string());
}

TEST_CASE("the shipped rubric tests cover every model and every dimension, and support every model", "[rubric-tests]") {
    const tne::RubricSet& set = default_rubrics();
    tne::RubricTestSuite suite = tne::load_rubric_tests(set, tne::embedded_rubric_files());
    std::set<std::string> models;
    std::set<std::string> supported;  // suggested, one of the suggestions the Annex supports, or acceptable
    for (const auto& model : set.models) models.insert(model.id);
    for (const auto& test_case : suite.cases) {
        const tne::CaseExpectation& expect = test_case.expect;
        if (expect.suggested && *expect.suggested != "none") supported.insert(*expect.suggested);
        if (expect.suggested_one_of)
            supported.insert(expect.suggested_one_of->ids.begin(), expect.suggested_one_of->ids.end());
        if (expect.acceptable) supported.insert(expect.acceptable->ids.begin(), expect.acceptable->ids.end());
    }
    std::set<std::string> dimensions;
    for (const auto& dimension : set.dimensions) dimensions.insert(dimension.id);

    CHECK(suite.covered_models() == models);
    CHECK(suite.covered_dimensions() == dimensions);
    // Each model is one the Annex supports for some institution: the suggestion advises the models
    // that best suit an institution (4.1.2), so the most demanding ones are rarely the suggestion.
    CHECK(supported == models);
    // The fidelity cases say where the Annex supports them: a section and its words.
    for (const auto& test_case : suite.cases) {
        INFO(test_case.id);
        for (const auto* ids : {&test_case.expect.suggested_one_of, &test_case.expect.acceptable,
                                &test_case.expect.not_for_now, &test_case.expect.barriers}) {
            if (!*ids) continue;
            CHECK_FALSE((*ids)->ids.empty());
            CHECK(set.find_annex_section((*ids)->annex) != nullptr);
            CHECK_FALSE((*ids)->quote.empty());
            CHECK((*ids)->pos.line > 0);
        }
    }
}

TEST_CASE("a changed weight makes the case that pins it fail, saying what was expected and what came out",
          "[rubric-tests]") {
    TempDir dir;
    fs::path rubrics = dir.path() / "rubrics";
    copy_rubrics_to(rubrics);
    // funding.dedicated_budget weighs 1 instead of 3: partial 1 x 50 + two sources 2 x 70 = 1.9 of 3.
    replace_once(rubrics / "dimensions" / "funding.yaml", "question: funding.dedicated_budget\n    weight: 3",
                 "question: funding.dedicated_budget\n    weight: 1");
    tne::RubricFiles files = tne::directory_rubric_files(rubrics.string());
    tne::RubricSet set = tne::load_rubric_set(files);
    tne::RubricTestSuite suite = tne::load_rubric_tests(set, files);
    tne::RubricTestReport report = tne::run_rubric_tests(suite, set);

    const tne::CaseResult& funding = result_of(report, "funding-partial-budget-and-two-sources-scores-58");
    CHECK_FALSE(funding.passed());
    CHECK(failure_lines(funding, tne::Lang::en) ==
          std::vector<std::string>{"overall readiness: expected 58, got 63.3", "funding score: expected 58, got 63.3"});
    CHECK(failure_lines(funding, tne::Lang::es) ==
          std::vector<std::string>{"preparación general: se esperaba 58, se obtuvo 63.3",
                                   "puntaje de funding: se esperaba 58, se obtuvo 63.3"});

    std::string text = tne::render_rubric_test_report(report, tne::Lang::en);
    const tne::SourcePos& pos = funding.test_case->pos;
    CHECK(pos.file == (rubrics / "tests" / "dimensions.yaml").string());
    CHECK(pos.column == 5);  // the case's first key, under "- "
    CHECK(text.find("FAIL  " + pos.str() +
                    "  funding-partial-budget-and-two-sources-scores-58\n"
                    "      overall readiness: expected 58, got 63.3\n"
                    "      funding score: expected 58, got 63.3\n") != std::string::npos);
    CHECK(report.failed() >= 1);
    CHECK(last_line(text) ==
          std::to_string(report.passed()) + " passed, " + std::to_string(report.failed()) + " failed");
}

TEST_CASE("a case naming an unknown model is an unknown-reference error at its line and column", "[rubric-tests]") {
    auto problems = problems_of(
        "cases:\n"
        "  - id: typo\n"
        "    profile:\n" +
        kInstitution +
        "    expect:\n"
        "      suggested: hybrid_blend\n"
        "      blocked: [branch_campus, campus_abroad]\n");
    REQUIRE(problems.size() == 2);
    CHECK(
        problems[0].str(tne::Lang::en) ==
        "rubrics/tests/case.yaml:6:18: no model \"hybrid_blend\" in the rubric set; did you mean \"hybrid_blended\"?");
    CHECK(problems[0].str(tne::Lang::es) ==
          "rubrics/tests/case.yaml:6:18: no existe el modelo \"hybrid_blend\" en el "
          "conjunto de rúbricas; ¿quiso decir \"hybrid_blended\"?");
    CHECK(problems[0].problem == tne::Problem::unknown_reference);
    CHECK(problems[1].pos.str() == "rubrics/tests/case.yaml:7:32");
    CHECK(problems[1].message.en.find(
              "no model \"campus_abroad\" in the rubric set; expected one of: coil_virtual_exchange, ") == 0);
    CHECK(problems[1].problem == tne::Problem::unknown_reference);
}

TEST_CASE("unknown dimensions, criteria and levels are unknown references too", "[rubric-tests]") {
    auto problems = problems_of(
        "cases:\n"
        "  - id: typos\n"
        "    profile:\n" +
        kInstitution +
        "    expect:\n"
        "      overall: {level: emergent}\n"
        "      dimensions:\n"
        "        fundng: {at_least: 10}\n"
        "      recommendations: {include: [funding.budget]}\n");
    REQUIRE(problems.size() == 3);
    for (const auto& problem : problems) CHECK(problem.problem == tne::Problem::unknown_reference);
    CHECK(problems[0].str(tne::Lang::en) ==
          "rubrics/tests/case.yaml:6:24: no level \"emergent\" in the rubric set; did you mean \"emerging\"?");
    CHECK(problems[1].str(tne::Lang::en) ==
          "rubrics/tests/case.yaml:8:9: no dimension \"fundng\" in the rubric set; did you mean \"funding\"?");
    CHECK(problems[2].pos.str() == "rubrics/tests/case.yaml:9:35");
    CHECK(problems[2].message.es.find("no existe el criterio \"funding.budget\"") == 0);
}

TEST_CASE("structural mistakes in a test file are schema errors, all reported in file order", "[rubric-tests]") {
    auto problems = problems_of(
        "cases:\n"
        "  - id: mistakes\n"
        "    profile:\n"
        "      institution: {name: Universidad de Prueba, type: public_university}\n"
        "      digital: {lms: campus}\n"
        "    expect:\n"
        "      sugested: coil_virtual_exchange\n"
        "      overall: {at_least: 60, at_most: 40}\n"
        "      recommendations: {top: 0}\n"
        "  - id: mistakes\n"
        "    profile: {institution: {name: X, type: public_university}}\n"
        "    expect: {}\n");
    REQUIRE(problems.size() == 6);
    for (const auto& problem : problems) CHECK(problem.problem == tne::Problem::schema);
    CHECK(problems[0].pos.str() == "rubrics/tests/case.yaml:5:22");  // the profile's invalid answer
    CHECK(problems[1].str(tne::Lang::en) ==
          "rubrics/tests/case.yaml:7:7: unknown key \"sugested\" in expect; did you mean \"suggested\"?");
    CHECK(problems[2].str(tne::Lang::en) ==
          "rubrics/tests/case.yaml:8:27: at_least 60 is above at_most 40, so no score can pass");
    CHECK(problems[3].pos.str() == "rubrics/tests/case.yaml:9:30");
    CHECK(problems[3].message.en == "\"0\" is not valid for \"top\"; expected a whole number from 1 to 1000");
    CHECK(problems[4].message.en == "the case id \"mistakes\" is used twice; each case needs its own");
    CHECK(problems[5].pos.str() == "rubrics/tests/case.yaml:12:13");
    CHECK(problems[5].message.en.find("\"expect\" checks nothing") == 0);
}

TEST_CASE("a test file the set lists but does not have is an unknown reference", "[rubric-tests]") {
    tne::RubricSet set = default_rubrics();
    set.test_files = {"tests/missing.yaml"};
    try {
        tne::load_rubric_tests(set, tne::embedded_rubric_files());
        FAIL("a missing test file loaded");
    } catch (const tne::InputError& error) {
        REQUIRE(error.diagnostics().size() == 1);
        CHECK(error.diagnostics()[0].pos.str() == "rubrics/tests/missing.yaml");
        CHECK(error.diagnostics()[0].problem == tne::Problem::unknown_reference);
    }
}

TEST_CASE("the report shows each failed expectation and closes with the counts", "[rubric-tests]") {
    // Only digital is answered: overall 55.7, too few answers for a suggestion (coverage below the
    // advice's minimum); hybrid_blended blocked (the unknown number of agreements), COIL feasible
    // (digital 55.7, no blocker); recommendations digital.connectivity then digital.lms.
    std::string profile = "    profile:\n" + kInstitution + "      digital: {lms: basic, connectivity: adequate}\n";
    tne::RubricFiles files = with_test_file(
        "cases:\n"
        "  - id: right\n" +
        profile +
        "    expect: {suggested: none, overall: {at_least: 50}}\n"
        "  - id: also-right\n" +
        profile +
        "    expect: {feasible: [coil_virtual_exchange]}\n"
        "  - id: wrong\n" +
        profile +
        "    expect:\n"
        "      overall: {at_most: 40, level: early}\n"
        "      dimensions: {funding: {at_least: 10}}\n"
        "      suggested: coil_virtual_exchange\n"
        "      feasible: [hybrid_blended]\n"
        "      blocked: [coil_virtual_exchange]\n"
        "      recommendations: {top: 1, include: [digital.lms], exclude: [digital.connectivity]}\n");
    tne::RubricSet set = set_testing_case_file();
    tne::RubricTestSuite suite = tne::load_rubric_tests(set, files);
    tne::RubricTestReport report = tne::run_rubric_tests(suite, set);
    CHECK(report.passed() == 2);
    CHECK(report.failed() == 1);

    std::string en = tne::render_rubric_test_report(report, tne::Lang::en);
    CHECK(en ==
          "PASS  rubrics/tests/case.yaml:2:5  right\n"
          "PASS  rubrics/tests/case.yaml:7:5  also-right\n"
          "FAIL  rubrics/tests/case.yaml:12:5  wrong\n"
          "      overall readiness: expected at most 40, got 55.7\n"
          "      overall level: expected early, got consolidating\n"
          "      funding score: expected at least 10, got no score (no answers)\n"
          "      suggested model: expected coil_virtual_exchange, got none\n"
          "      model hybrid_blended: expected feasible, got blocked\n"
          "        - Agreements in force: unanswered; needs at least 1: the programme is delivered with a partner. "
          "(Annex 4.3.2.4)\n"
          "      model coil_virtual_exchange: expected blocked, got feasible\n"
          "      recommendation digital.lms: expected rank 1 or better, got rank 2\n"
          "      recommendation digital.connectivity: expected below rank 1, got rank 1\n"
          "2 passed, 1 failed\n");

    std::string es = tne::render_rubric_test_report(report, tne::Lang::es);
    CHECK(es.find("PASA   rubrics/tests/case.yaml:2:5  right\n") == 0);
    CHECK(es.find("FALLA  rubrics/tests/case.yaml:12:5  wrong\n"
                  "       preparación general: se esperaba como máximo 40, se obtuvo 55.7\n") != std::string::npos);
    CHECK(es.find("       modelo hybrid_blended: se esperaba factible, se obtuvo bloqueado\n") != std::string::npos);
    CHECK(es.find("       recomendación digital.connectivity: se esperaba después del lugar 1, se obtuvo lugar 1\n") !=
          std::string::npos);
    CHECK(last_line(es) == "aprobados: 2, fallidos: 1");
}

TEST_CASE("a set without test cases runs none", "[rubric-tests]") {
    tne::RubricSet set = default_rubrics();
    set.test_files.clear();
    tne::RubricTestSuite suite = tne::load_rubric_tests(set, tne::embedded_rubric_files());
    CHECK(suite.cases.empty());
    CHECK(suite.covered_models().empty());
    CHECK(tne::render_rubric_test_report(tne::run_rubric_tests(suite, set), tne::Lang::en) == "0 passed, 0 failed\n");
}

// ---- the expectations of fidelity cases: what the Annex supports ----------------------------------

namespace {

// An example profile as a test case's `profile:` block: its lines without comments and document
// markers ("---"), indented.
std::string profile_block(const std::string& example) {
    std::istringstream in(read_file(source_dir() / "examples" / example));
    std::string block = "    profile:\n", line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line == "---") continue;
        block += "      " + line + "\n";
    }
    return block;
}

// A run of tests/case.yaml: the report points into the suite, and the suite into the set, so the
// three live together.
struct CaseRun {
    std::unique_ptr<tne::RubricSet> set;
    std::unique_ptr<tne::RubricTestSuite> suite;
    tne::RubricTestReport report;
};

CaseRun run_case_file(const std::string& content) {
    CaseRun run;
    run.set = std::make_unique<tne::RubricSet>(set_testing_case_file());
    run.suite = std::make_unique<tne::RubricTestSuite>(tne::load_rubric_tests(*run.set, with_test_file(content)));
    run.report = tne::run_rubric_tests(*run.suite, *run.set);
    return run;
}

}  // namespace

TEST_CASE("suggested one_of, not_for_now and barriers: a case the Annex supports passes, one it does not says why",
          "[rubric-tests]") {
    // The technological institute: collaborative_rd suggested, research_collaboration (which it runs)
    // within reach, the rest not for now; overall readiness 36.5, research 86.1, regulatory 15.8.
    const std::string profile = profile_block("technological_institute.yaml");
    CaseRun run = run_case_file(
        "cases:\n"
        "  - id: supported\n" +
        profile +
        "    expect:\n"
        "      suggested: {one_of: [mobility, collaborative_rd], annex: \"3.1.3\", quote: faculty exchanges and "
        "technology transfer}\n"
        "      not_for_now: {models: [dual_degree, branch_campus], annex: \"4.3.1.4\", quote: resource-heavy dual "
        "degrees}\n"
        "      barriers: {dimensions: [regulatory, faculty], annex: \"3.1.2\", quote: administrative barriers}\n"
        "  - id: unsupported\n" +
        profile +
        "    expect:\n"
        "      suggested: {one_of: [mobility, research_collaboration], annex: \"3.1.3\", quote: faculty exchanges}\n"
        "      not_for_now: {models: [research_collaboration, collaborative_rd, branch_campus], annex: \"2.3\", quote: "
        "limited}\n"
        "      barriers: {dimensions: [research, regulatory], annex: \"3.1.2\", quote: administrative barriers}\n");
    const tne::RubricTestReport& report = run.report;
    REQUIRE(report.cases.size() == 2);
    CHECK(report.cases[0].passed());
    const tne::CaseResult& unsupported = report.cases[1];
    CHECK(
        failure_lines(unsupported, tne::Lang::en) ==
        std::vector<std::string>{
            "suggested model: expected one of mobility, research_collaboration (Annex 3.1.3), got collaborative_rd",
            "model research_collaboration: expected not for now (Annex 2.3), but it is already run and within reach",
            "model collaborative_rd: expected not for now (Annex 2.3), but it is suggested",
            "dimension research: expected a barrier, below overall readiness 36.5 (Annex 3.1.2), but it scores 86.1"});
    CHECK(failure_lines(unsupported, tne::Lang::es).front() ==
          "modelo sugerido: se esperaba uno de mobility, research_collaboration (Anexo 3.1.3), se obtuvo "
          "collaborative_rd");
    CHECK(
        failure_lines(unsupported, tne::Lang::es)[1] ==
        "modelo research_collaboration: se esperaba que no fuera para ahora (Anexo 2.3), pero está ya en marcha y a su "
        "alcance");
    std::string text = tne::render_rubric_test_report(report, tne::Lang::en);
    CHECK(text.find("FAIL  rubrics/tests/case.yaml:") != std::string::npos);
    CHECK(last_line(text) == "1 passed, 1 failed");

    // The cases the test expects to be checked are those the numbers say: the figures match assess().
    tne::Assessment a = tne::assess(
        tne::load_profile_file((source_dir() / "examples/technological_institute.yaml").string(), default_rubrics()),
        default_rubrics());
    REQUIRE(a.overall);
    CHECK(tne::format_number(*a.overall, 1) == "36.5");
    CHECK(a.suggested->model->id == "collaborative_rd");
}

TEST_CASE("stability: the share of one-answer variants whose suggestion the Annex supports, as a note or a failure",
          "[rubric-tests]") {
    const tne::RubricSet& set = default_rubrics();
    const std::string example = "technological_institute.yaml";
    tne::Assessment a = tne::assess(tne::load_profile_file((source_dir() / "examples" / example).string(), set), set);
    // Every one-answer variant (other_values), assessed here: how many keep collaborative_rd, and how
    // many the suggestion of research_collaboration too.
    int variants = 0, kept_alone = 0, kept_with_research = 0;
    std::set<std::string> reached;
    for (const auto& q : set.questions) {
        if (q.type == tne::QuestionType::text) continue;
        const tne::Answer* answer = a.profile.find(q);
        for (const auto& value : tne::other_values(set, q, answer ? answer->value : tne::Value{})) {
            tne::Profile changed = a.profile;
            changed.simulate(q, value);
            tne::Assessment variant = tne::assess(std::move(changed), set);
            std::string now = variant.suggested ? variant.suggested->model->id : "none";
            ++variants;
            kept_alone += now == "collaborative_rd";
            kept_with_research += now == "collaborative_rd" || now == "research_collaboration";
            reached.insert(now);
        }
    }
    REQUIRE(variants > 100);
    REQUIRE(kept_alone < variants);  // some variant does move the suggestion
    auto shown = [](int kept, int of) { return tne::format_number(std::floor(1000.0 * kept / of) / 10, 1); };

    const std::string profile = profile_block(example);
    std::string all_models;
    for (const auto& m : set.models) all_models += (all_models.empty() ? "" : ", ") + m.id;
    CaseRun run = run_case_file(
        "cases:\n"
        "  - id: stable-enough\n" +
        profile +
        "    expect:\n"
        "      suggested: {one_of: [collaborative_rd], annex: \"3.1.3\", quote: technology transfer}\n"
        "      acceptable: {models: [" +
        all_models +
        "], annex: \"4.1.2\", quote: best suit}\n"
        "      stability: 100\n"
        "  - id: too-unstable\n" +
        profile +
        "    expect:\n"
        "      suggested: {one_of: [collaborative_rd], annex: \"3.1.3\", quote: technology transfer}\n"
        "      stability: 100\n");
    const tne::RubricTestReport& report = run.report;
    REQUIRE(report.cases.size() == 2);
    const int flips = variants - kept_alone;
    // With every model acceptable, every variant keeps a supported suggestion: a note, no failure.
    const tne::CaseResult& stable = report.cases[0];
    CHECK(stable.passed());
    REQUIRE(stable.notes.size() == 1);
    CHECK(stable.notes[0].en == "stability: 100% of " + std::to_string(variants) +
                                    " one-answer variants keep a suggestion the Annex supports (" +
                                    std::to_string(flips) + " change it)");
    CHECK_FALSE(stable.notes[0].es.empty());
    // With collaborative_rd alone, the variants that move it fall short of 100%, each listed.
    const tne::CaseResult& unstable = report.cases[1];
    REQUIRE(unstable.failures.size() == 1);  // every flip is named by "what would change the advice"
    CHECK(unstable.failures[0].message.en == "stability: " + shown(kept_alone, variants) + "% of " +
                                                 std::to_string(variants) +
                                                 " one-answer variants keep a suggestion the Annex supports; expected "
                                                 "at least 100%");
    CHECK(unstable.failures[0].details.size() == static_cast<size_t>(flips));
    for (const auto& detail : unstable.failures[0].details) {
        INFO(detail.en);
        CHECK(detail.en.find(" → ") != std::string::npos);
        CHECK(detail.en.find(" → collaborative_rd") == std::string::npos);
    }
    std::string text = tne::render_rubric_test_report(report, tne::Lang::en);
    CHECK(text.find("      stability: 100% of " + std::to_string(variants)) !=
          std::string::npos);  // the note, indented
    CHECK(last_line(text) == "1 passed, 1 failed");

    // Accepting research_collaboration too: the share the test worked out, compared with a lower bar.
    std::string bar = shown(kept_with_research, variants);
    CaseRun research_run = run_case_file(
        "cases:\n"
        "  - id: research-acceptable\n" +
        profile +
        "    expect:\n"
        "      suggested: {one_of: [collaborative_rd], annex: \"3.1.3\", quote: technology transfer}\n"
        "      acceptable: {models: [research_collaboration], annex: \"4.3.2.1\", quote: joint research}\n"
        "      stability: " +
        bar + "\n");
    const tne::RubricTestReport& with_research = research_run.report;
    REQUIRE(with_research.cases.size() == 1);
    CHECK(with_research.cases[0].passed());
    REQUIRE(with_research.cases[0].notes.size() == 1);
    CHECK(with_research.cases[0].notes[0].en.find("stability: " + bar + "% of " + std::to_string(variants)) == 0);
}

TEST_CASE("the Annex's support needs its section and words; stability is a percentage", "[rubric-tests]") {
    auto problems = problems_of(
        "cases:\n"
        "  - id: unsupported\n"
        "    profile:\n" +
        kInstitution +
        "    expect:\n"
        "      suggested: {one_of: [coil_virtual_exchange]}\n"
        "      not_for_now: {models: [branch_campus], annex: \"2.3\", quote: costly, why: no}\n"
        "      barriers: {dimensions: [fundng], annex: \"2.3\", quote: funding}\n"
        "      stability: 120\n");
    REQUIRE(problems.size() == 5);
    CHECK(problems[0].message.en == "missing key \"annex\" in one_of");
    CHECK(problems[1].message.en == "missing key \"quote\" in one_of");
    CHECK(problems[0].pos.line == 6);
    CHECK(problems[2].pos.line == 7);
    CHECK(problems[2].message.en.find("unknown key \"why\"") == 0);
    CHECK(problems[3].problem == tne::Problem::unknown_reference);
    CHECK(problems[3].message.en == "no dimension \"fundng\" in the rubric set; did you mean \"funding\"?");
    CHECK(problems[4].pos.line == 9);
    CHECK(problems[4].problem == tne::Problem::schema);
}
