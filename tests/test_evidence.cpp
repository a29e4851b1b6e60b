// Evidence of answers (source, date, owner) and its review: loading the {value, evidence} form and
// every way to get it wrong, stale and fresh at the boundary, confidence computed by hand, the
// reports' Evidence sections in both languages, the JSON keys and the profile schema.
#include <fmt/format.h>
#include <tinyxml2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "json_schema.hpp"
#include "support.hpp"
#include "tne/assessment.hpp"
#include "tne/render.hpp"

using namespace tne;
using namespace tne::test;
namespace fs = std::filesystem;
using ordered_json = nlohmann::ordered_json;

namespace {

const std::string kInstitution = "institution:\n  name: Universidad de Prueba\n  type: public_university\n";
const std::string kEvidence = "{source: Acta 12, date: 2026-03-31, owner: Planeación}";
const ReportDate kDate{2026, 11, 23};

Profile load(const std::string& yaml) { return load_profile(yaml, "p.yaml", default_rubrics()); }

std::vector<Diagnostic> problems_of(const std::string& yaml) {
    try {
        load(yaml);
    } catch (const InputError& e) {
        return e.diagnostics();
    }
    FAIL("the profile loaded, but it should have been rejected:\n" << yaml);
    return {};
}

// The only problem of `yaml` is `message`, at the place of `where` in it.
void check_problem(const std::string& yaml, const std::string& where, const std::string& message) {
    auto problems = problems_of(yaml);
    INFO(yaml);
    REQUIRE(problems.size() == 1);
    INFO(problems[0].str(Lang::en));
    auto [line, column] = position_of(yaml, where);
    CHECK(problems[0].pos.file == "p.yaml");
    CHECK(problems[0].pos.line == line);
    CHECK(problems[0].pos.column == column);
    CHECK(problems[0].message.en == message);
    CHECK_FALSE(problems[0].message.es.empty());
    CHECK(problems[0].message.es != problems[0].message.en);
}

Assessment assess_text(const std::string& yaml) { return assess(load(yaml), default_rubrics()); }

// A profile answering only funding: dedicated_budget (weight 3) with `budget_date` as its evidence's
// date, external_sources (weight 2) with evidence of 2024-01-10, internal_scholarships (weight 2)
// without evidence; co_funding and multi_year_commitment (1.5 each) unknown.
std::string funding_profile(const std::string& budget_date = "2026-03-31") {
    return kInstitution +
           "  students:\n"
           "    value: 9000\n"
           "    evidence: {source: Estadística 911, date: 2023-09-01, owner: Servicios Escolares}\n"
           "funding:\n"
           "  dedicated_budget:\n"
           "    value: yes\n"
           "    evidence: {source: Presupuesto 2026, date: " +
           budget_date +
           ", owner: Finanzas}\n"
           "  external_sources:\n"
           "    value: [conahcyt]\n"
           "    evidence: {source: Convenio CONAHCYT, date: 2024-01-10, owner: Investigación}\n"
           "  internal_scholarships: partial\n";
}

std::string write_profile(const TempDir& dir, const std::string& yaml) {
    fs::path path = dir.path() / "evidence.yaml";
    write_file(path, yaml);
    return path.string();
}

std::string xml_error(const std::string& text) {
    tinyxml2::XMLDocument document;
    if (document.Parse(text.c_str(), text.size()) == tinyxml2::XML_SUCCESS) return {};
    return document.ErrorStr();
}

std::vector<std::string> keys_of(const ordered_json& object) {
    std::vector<std::string> keys;
    for (const auto& item : object.items()) keys.push_back(item.key());
    return keys;
}

}  // namespace

TEST_CASE("an answer with its evidence loads like the bare answer, with the evidence beside it",
          "[evidence][loading]") {
    std::string yaml = kInstitution +
                       "funding:\n"
                       "  dedicated_budget:\n"
                       "    value: partial\n"
                       "    evidence:\n"
                       "      source: Presupuesto de egresos 2026\n"
                       "      date: 2026-03-31\n"
                       "      owner: Dirección de Finanzas\n"
                       "  co_funding: {value: yes, evidence: " +
                       kEvidence +
                       "}\n"
                       "  multi_year_commitment: no\n";
    Profile profile = load(yaml);
    const RubricSet& rubric = default_rubrics();
    const Answer* budget = profile.find("funding.dedicated_budget");
    REQUIRE(budget);
    CHECK(std::get<std::string>(budget->value) == "partial");
    auto [line, column] = position_of(yaml, "partial");  // the value's place, as for a bare answer
    CHECK(budget->line == line);
    CHECK(budget->column == column);

    REQUIRE(profile.evidence.size() == 2);
    const Evidence* evidence = profile.find_evidence(*rubric.find_question("funding.dedicated_budget"));
    REQUIRE(evidence);
    CHECK(evidence->source == "Presupuesto de egresos 2026");
    CHECK(evidence->date == ReportDate{2026, 3, 31});
    CHECK(evidence->owner == "Dirección de Finanzas");
    const Evidence* flow = profile.find_evidence(*rubric.find_question("funding.co_funding"));
    REQUIRE(flow);
    CHECK(flow->source == "Acta 12");
    CHECK(std::get<std::string>(profile.find("funding.co_funding")->value) == "yes");
    CHECK_FALSE(profile.find_evidence(*rubric.find_question("funding.multi_year_commitment")));

    // The same answers without evidence score the same: evidence never moves a score.
    Assessment with = assess(std::move(profile), rubric);
    Assessment without = assess_text(kInstitution +
                                     "funding:\n  dedicated_budget: partial\n  co_funding: yes\n"
                                     "  multi_year_commitment: no\n");
    CHECK(*with.overall == *without.overall);
    CHECK(with.coverage == without.coverage);
}

TEST_CASE("a bad value in the evidence form gets the bare answer's message at the value", "[evidence][loading]") {
    std::string bare = kInstitution + "funding:\n  dedicated_budget: maybe\n";
    std::string wrapped = kInstitution + "funding:\n  dedicated_budget: {value: maybe, evidence: " + kEvidence + "}\n";
    auto bare_problems = problems_of(bare);
    REQUIRE(bare_problems.size() == 1);
    check_problem(wrapped, "maybe", bare_problems[0].message.en);
    CHECK(problems_of(wrapped)[0].message == bare_problems[0].message);

    check_problem(kInstitution + "language:\n  faculty_b2_percent:\n    value: 140\n    evidence: " + kEvidence + "\n",
                  "140",
                  "language.faculty_b2_percent: \"140\" is not valid; expected a number from 0 to 100 (a percentage), "
                  "unquoted");
}

TEST_CASE("each malformed evidence form is reported at its place with what was expected", "[evidence][loading]") {
    const std::string head = kInstitution + "funding:\n  dedicated_budget:\n    value: yes\n";
    SECTION("a missing value") {
        std::string yaml = kInstitution + "funding:\n  dedicated_budget:\n    evidence: " + kEvidence + "\n";
        check_problem(yaml, "evidence:", "missing key \"value\" in funding.dedicated_budget");
    }
    SECTION("a missing evidence") {
        check_problem(kInstitution + "funding:\n  dedicated_budget: {value: yes}\n", "{value",
                      "missing key \"evidence\" in funding.dedicated_budget");
    }
    SECTION("a misspelt evidence key, which is not also reported missing") {
        check_problem(head + "    evidense: " + kEvidence + "\n", "evidense",
                      "unknown key \"evidense\" in funding.dedicated_budget; did you mean \"evidence\"?");
    }
    SECTION("an unknown key beside value and evidence") {
        std::string yaml = head + "    evidence: " + kEvidence + "\n    note: revisar\n";
        check_problem(yaml, "note",
                      "unknown key \"note\" in funding.dedicated_budget; expected one of: value, evidence");
    }
    SECTION("evidence that is not a map") {
        check_problem(head + "    evidence: Acta 12\n", "Acta 12",
                      "funding.dedicated_budget.evidence must be a map, found \"Acta 12\"");
    }
    SECTION("an impossible date") {
        check_problem(head + "    evidence: {source: Acta 12, date: 2026-02-30, owner: Planeación}\n", "2026-02-30",
                      "funding.dedicated_budget.evidence.date: \"2026-02-30\" is not valid; expected a date written "
                      "YYYY-MM-DD, e.g. 2026-03-31");
    }
    SECTION("a date in another format") {
        check_problem(head + "    evidence: {source: Acta 12, date: 31/03/2026, owner: Planeación}\n", "31/03/2026",
                      "funding.dedicated_budget.evidence.date: \"31/03/2026\" is not valid; expected a date written "
                      "YYYY-MM-DD, e.g. 2026-03-31");
    }
    SECTION("an empty source") {
        check_problem(head + "    evidence: {source: '', date: 2026-03-31, owner: Planeación}\n", "''",
                      "funding.dedicated_budget.evidence.source: \"\" is not valid; expected a non-empty text");
    }
    SECTION("a missing owner") {
        check_problem(head + "    evidence: {source: Acta 12, date: 2026-03-31}\n", "{source",
                      "missing key \"owner\" in funding.dedicated_budget.evidence");
    }
    SECTION("a misspelt key of the evidence") {
        check_problem(head + "    evidence: {source: Acta 12, date: 2026-03-31, onwer: Planeación}\n", "onwer",
                      "unknown key \"onwer\" in funding.dedicated_budget.evidence; did you mean \"owner\"?");
    }
    SECTION("evidence for an unknown answer") {
        check_problem(kInstitution + "funding:\n  dedicated_budget: {value: ~, evidence: " + kEvidence + "}\n", "~",
                      "funding.dedicated_budget: evidence is given for an unknown answer; give the value, or leave the "
                      "evidence out");
    }
    SECTION("a required answer without its value is reported once") {
        std::string yaml = "institution:\n  name:\n    evidence: " + kEvidence + "\n  type: public_university\n";
        check_problem(yaml, "evidence:", "missing key \"value\" in institution.name");
    }
}

TEST_CASE("every problem of the evidence forms is reported in one run, in file order", "[evidence][loading]") {
    std::string yaml = kInstitution +
                       "funding:\n"
                       "  dedicated_budget: {value: yes, evidence: {source: Acta, date: 2026-13-01}}\n"
                       "  co_funding: {value: maybe, evidence: " +
                       kEvidence + "}\n";
    auto problems = problems_of(yaml);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].message.en == "missing key \"owner\" in funding.dedicated_budget.evidence");  // at the '{'
    CHECK(problems[1].message.en ==
          "funding.dedicated_budget.evidence.date: \"2026-13-01\" is not valid; expected a "
          "date written YYYY-MM-DD, e.g. 2026-03-31");
    CHECK(problems[2].message.en == "funding.co_funding: \"maybe\" is not valid; expected one of: yes, partial, no");
    for (size_t i = 1; i < problems.size(); ++i)
        CHECK(std::tie(problems[i - 1].pos.line, problems[i - 1].pos.column) <=
              std::tie(problems[i].pos.line, problems[i].pos.column));
}

TEST_CASE("a bad evidence form exits 2 with file:line:column, in the language asked for",
          "[evidence][binary][errors]") {
    TempDir dir;
    std::string yaml = kInstitution +
                       "funding:\n  dedicated_budget:\n    value: yes\n    evidence: {source: Acta 12, "
                       "date: 2026-02-30, owner: Planeación}\n";
    std::string path = write_profile(dir, yaml);
    auto [line, column] = position_of(yaml, "2026-02-30");
    std::string place = fmt::format("{}:{}:{}: ", path, line, column);
    RunResult english = run_tne({"assess", path});
    CHECK(english.exit_code == 2);
    CHECK(english.out.empty());
    CHECK(english.err.find(place + "funding.dedicated_budget.evidence.date: \"2026-02-30\" is not valid; expected a "
                                   "date written YYYY-MM-DD") != std::string::npos);
    RunResult spanish = run_tne({"assess", path, "--lang", "es"});
    CHECK(spanish.exit_code == 2);
    CHECK(spanish.err.find(
              place + "financiamiento.presupuesto_propio.evidencia.fecha: \"2026-02-30\" no es válido; se esperaba "
                      "una fecha escrita AAAA-MM-DD") != std::string::npos);
}

TEST_CASE("months are counted by the calendar, a short month ending on its last day", "[evidence]") {
    CHECK(ReportDate{2025, 11, 23}.plus_months(12) == ReportDate{2026, 11, 23});
    CHECK(ReportDate{2024, 2, 29}.plus_months(12) == ReportDate{2025, 2, 28});
    CHECK(ReportDate{2026, 1, 31}.plus_months(1) == ReportDate{2026, 2, 28});
    CHECK(ReportDate{2026, 11, 23}.plus_months(-11) == ReportDate{2025, 12, 23});
    CHECK(months_between({2025, 11, 23}, {2026, 11, 23}) == 12);
    CHECK(months_between({2025, 11, 23}, {2026, 11, 22}) == 11);
    CHECK(months_between({2026, 1, 31}, {2026, 2, 28}) == 1);
    CHECK(months_between({2026, 1, 31}, {2026, 2, 27}) == 0);
    CHECK(months_between({2026, 12, 10}, {2026, 11, 23}) == -1);
}

TEST_CASE("evidence exactly the maximum age old is fresh; a day later it is stale", "[evidence][review]") {
    Assessment a = assess_text(funding_profile("2025-11-23"));
    const Question* budget = default_rubrics().find_question("funding.dedicated_budget");
    auto stale_fields = [&](const EvidenceReview& review) {
        std::vector<std::string> fields;
        for (const auto& dated : review.stale) fields.push_back(dated.evidence->question->path);
        return fields;
    };

    EvidenceReview on_the_day = review_evidence(a, {2026, 11, 23}, 12);
    CHECK(stale_fields(on_the_day) == std::vector<std::string>{"institution.students", "funding.external_sources"});
    EvidenceReview day_after = review_evidence(a, {2026, 11, 24}, 12);
    REQUIRE(stale_fields(day_after) ==
            std::vector<std::string>{"institution.students", "funding.dedicated_budget", "funding.external_sources"});
    CHECK(day_after.stale[1].evidence->question == budget);
    CHECK(day_after.stale[1].age_months == 12);
    CHECK(day_after.stale[1].dimension->id == "funding");
    CHECK(day_after.stale[0].dimension == nullptr);  // institution.students: no criterion scores it
    CHECK(day_after.stale[2].age_months == 34);      // 2024-01-10 to 2026-11-24
    // A longer maximum age makes the same evidence fresh again.
    CHECK(stale_fields(review_evidence(a, {2026, 11, 24}, 13)) ==
          std::vector<std::string>{"institution.students", "funding.external_sources"});
    CHECK(stale_fields(review_evidence(a, {2026, 11, 24}, 48)).empty());

    // The end of February: 2024-02-29 is fresh through 2025-02-28.
    Assessment leap = assess_text(funding_profile("2024-02-29"));
    CHECK(review_evidence(leap, {2025, 2, 28}, 12).dimensions[0].stale == 1);  // only external_sources
    CHECK(review_evidence(leap, {2025, 3, 1}, 12).dimensions[0].stale == 2);
}

TEST_CASE("evidence dated after the report date is listed to check, and counted fresh", "[evidence][review]") {
    Assessment a = assess_text(funding_profile("2026-12-01"));
    EvidenceReview review = review_evidence(a, kDate, 12);
    REQUIRE(review.dated_after.size() == 1);
    CHECK(review.dated_after[0].evidence->question->path == "funding.dedicated_budget");
    CHECK(review.dated_after[0].age_months < 0);
    CHECK(review.dimensions[0].fresh == 1);
    CHECK(review.dimensions[0].confidence == Approx((3 * 1 + 2 * 0.5 + 2 * 0.5) / 13.0));  // as below
    a.evidence = review;
    std::string text = render_text(a, TextOptions{});
    CHECK(text.find("Dated after 2026-11-23 (check the date; counted as fresh):") != std::string::npos);
}

TEST_CASE("confidence weighs answers by their evidence as coverage weighs them by being known", "[evidence][review]") {
    // Funding's criteria weigh 13: budget 3 (fresh evidence: counts 1), sources 2 (stale: 0.5),
    // scholarships 2 (no evidence: 0.5), sufficiency 3, co-funding and multi-year 1.5 each (unknown: 0).
    Assessment a = assess_text(funding_profile());
    EvidenceReview review = review_evidence(a, kDate, 12);
    REQUIRE(review.dimensions.size() == 10);
    CHECK(a.dimensions[0].coverage == Approx(7.0 / 13));
    CHECK(review.dimensions[0].confidence == Approx((3 * 1 + 2 * 0.5 + 2 * 0.5) / 13.0));
    CHECK(review.dimensions[0].fresh == 1);
    CHECK(review.dimensions[0].stale == 1);
    CHECK(review.dimensions[0].missing == 1);
    for (size_t i = 1; i < review.dimensions.size(); ++i) CHECK(review.dimensions[i].confidence == 0);
    // Overall, dimensions weigh as in coverage: funding 1.5 of 10.25.
    double dimension_weights = 1.5 + 1.25 + 1.25 + 1 + 1 + 1 + 0.75 + 1 + 0.75 + 0.75;
    CHECK(a.coverage == Approx(1.5 * (7.0 / 13) / dimension_weights));
    CHECK(review.confidence == Approx(1.5 * (5.0 / 13) / dimension_weights));
    REQUIRE(review.missing.size() == 1);
    CHECK(review.missing[0].question->path == "funding.internal_scholarships");
    CHECK(review.missing[0].dimension->id == "funding");

    // All fresh: confidence equals coverage; none at all: half of it.
    Assessment bare = assess_text(kInstitution + "funding:\n  dedicated_budget: yes\n  co_funding: no\n");
    EvidenceReview none = review_evidence(bare, kDate, 12);
    CHECK(none.confidence == Approx(bare.coverage / 2));
    Assessment fresh = assess_text(kInstitution + "funding:\n  dedicated_budget: {value: yes, evidence: " + kEvidence +
                                   "}\n  co_funding: {value: no, evidence: " + kEvidence + "}\n");
    CHECK(review_evidence(fresh, kDate, 12).confidence == Approx(fresh.coverage));
}

TEST_CASE("the JSON report has the confidence and evidence keys, in a stable order", "[evidence][json][binary]") {
    TempDir dir;
    std::string path = write_profile(dir, funding_profile());
    RunResult run = run_tne({"assess", path, "--format", "json", "--date", "2026-11-23"});
    REQUIRE(run.exit_code == 0);
    ordered_json report = ordered_json::parse(run.out);
    CHECK(keys_of(report["overall"]) ==
          std::vector<std::string>{"score", "level", "level_name", "coverage", "confidence"});
    // Funding's confidence 5/13 (see above), 38.5%; overall 1.5 x 5/13 of 10.25, 5.6%.
    CHECK(report["overall"]["confidence"] == Approx(100.0 * 1.5 * 5 / 13 / 10.25));
    CHECK(report["dimensions"][0]["confidence"] == Approx(100.0 * 5 / 13));
    CHECK(keys_of(report).back() == "evidence");
    const ordered_json& evidence = report["evidence"];
    CHECK(keys_of(evidence) == std::vector<std::string>{"date", "max_age_months", "confidence", "dimensions", "missing",
                                                        "stale", "dated_after"});
    CHECK(evidence["date"] == "2026-11-23");
    CHECK(evidence["max_age_months"] == 12);
    CHECK(keys_of(evidence["dimensions"][0]) ==
          std::vector<std::string>{"id", "confidence", "fresh", "stale", "missing"});
    CHECK(evidence["missing"] == ordered_json::array({"funding.internal_scholarships"}));
    REQUIRE(evidence["stale"].size() == 2);
    CHECK(keys_of(evidence["stale"][1]) ==
          std::vector<std::string>{"field", "dimension", "date", "age_months", "owner", "source"});
    CHECK(evidence["stale"][0]["dimension"].is_null());
    CHECK(evidence["stale"][1] == ordered_json{{"field", "funding.external_sources"},
                                               {"dimension", "funding"},
                                               {"date", "2024-01-10"},
                                               {"age_months", 34},
                                               {"owner", "Investigación"},
                                               {"source", "Convenio CONAHCYT"}});

    // Without a review (a library caller that skips it) the keys are there, null.
    Assessment a = assess_text(funding_profile());
    ordered_json unreviewed = ordered_json::parse(render_json(a, Lang::en));
    CHECK(unreviewed["overall"]["confidence"].is_null());
    CHECK(unreviewed["dimensions"][0]["confidence"].is_null());
    CHECK(unreviewed["evidence"].is_null());
}

TEST_CASE("the maximum age of evidence (--evidence-max-age) changes what is stale, and is checked",
          "[evidence][binary]") {
    auto stale_of = [](const std::string& max_age) {
        std::vector<std::string> args = {
            "assess", "examples/universidad_estatal_es.yaml", "--format", "json", "--date", "2026-11-23"};
        if (!max_age.empty()) args.insert(args.end(), {"--evidence-max-age", max_age});
        RunResult run = run_tne(args);
        REQUIRE(run.exit_code == 0);
        ordered_json evidence = ordered_json::parse(run.out)["evidence"];
        std::vector<std::string> fields;
        for (const auto& item : evidence["stale"]) fields.push_back(item["field"]);
        return std::pair{fields, evidence["confidence"].get<double>()};
    };
    auto [by_default, default_confidence] = stale_of("");
    CHECK(by_default == std::vector<std::string>{"funding.dedicated_budget", "language.student_b2_percent"});
    auto [yearly, yearly_confidence] = stale_of("12");
    CHECK(yearly == by_default);
    auto [half_yearly, half_yearly_confidence] = stale_of("6");
    CHECK(half_yearly == std::vector<std::string>{"funding.dedicated_budget", "language.student_b2_percent",
                                                  "strategy.tne_plan", "sustainability.review_cycle"});
    auto [three_years, three_years_confidence] = stale_of("36");
    CHECK(three_years.empty());
    CHECK(half_yearly_confidence < default_confidence);
    CHECK(default_confidence < three_years_confidence);

    RunResult zero = run_tne({"assess", "examples/universidad_estatal_es.yaml", "--evidence-max-age", "0"});
    CHECK(zero.exit_code == 2);
    CHECK(zero.out.empty());
    CHECK(zero.err.find("--evidence-max-age 0: expected a whole number of months from 1 to 1200") != std::string::npos);
    RunResult spanish =
        run_tne({"assess", "examples/universidad_estatal_es.yaml", "--evidence-max-age", "-3", "--lang", "es"});
    CHECK(spanish.exit_code == 2);
    CHECK(spanish.err.find("--evidence-max-age -3: se espera un número entero de meses de 1 a 1200") !=
          std::string::npos);
}

TEST_CASE("the text report lists a few answers without evidence, counts many, and --explain lists them all",
          "[evidence][text][binary]") {
    TempDir dir;
    std::string few = write_profile(dir, funding_profile());
    RunResult short_list = run_tne({"assess", few, "--date", "2026-11-23"});
    REQUIRE(short_list.exit_code == 0);
    // Coverage 1.5 x 7/13 of 10.25 (7.9%), confidence 1.5 x 5/13 of 10.25 (5.6%).
    CHECK(short_list.out.find("\nCoverage: 8%\nConfidence: 6%\n") != std::string::npos);
    // Listed by dimension.
    CHECK(short_list.out.find("  Answers without evidence: 1\n    - Funding\n      - funding.internal_scholarships") !=
          std::string::npos);
    CHECK(short_list.out.find(
              "  Evidence older than 12 months:\n    - Number of enrolled students (institution.students): "
              "2023-09-01, 38 months;\n      owner: Servicios Escolares; source: Estadística 911\n") !=
          std::string::npos);

    RunResult counted = run_tne({"assess", "examples/universidad_estatal_es.yaml", "--date", "2026-11-23"});
    CHECK(counted.out.find("  Answers without evidence: 49 (--explain lists them)\n") != std::string::npos);
    CHECK(counted.out.find("    - funding.sufficiency") == std::string::npos);
    RunResult explained =
        run_tne({"assess", "examples/universidad_estatal_es.yaml", "--date", "2026-11-23", "--explain"});
    CHECK(explained.out.find("  Answers without evidence: 49\n    - Funding\n      - funding.sufficiency") !=
          std::string::npos);

    RunResult none = run_tne({"assess", "examples/research_center.yaml", "--date", "2026-11-23", "--explain"});
    CHECK(none.out.find("No scored answer carries evidence yet") != std::string::npos);
    CHECK(none.out.find("Answers without evidence") == std::string::npos);
}

TEST_CASE("Spanish evidence sections carry no English headings, English ones no Spanish", "[evidence][lang][binary]") {
    const std::vector<std::pair<std::string, std::string>> headings = {
        {"Evidence", "Evidencia"},
        {"Confidence", "Confianza"},
        {"Evidence older than 12 months", "Evidencia de más de 12 meses"},
        {"Answers without evidence", "Respuestas sin evidencia"},
        {"answers without evidence", "respuestas sin evidencia"},
        {"An answer counts fully towards confidence", "Una respuesta cuenta completa para la confianza"},
        {"with stale evidence", "con evidencia vencida"},
    };
    for (std::string format : {"text", "html", "markdown"}) {
        std::vector<std::string> args = {
            "assess", "examples/universidad_estatal_es.yaml", "--format", format, "--date", "2026-11-23"};
        RunResult english = run_tne(args);
        args.insert(args.end(), {"--lang", "es"});
        RunResult spanish = run_tne(args);
        REQUIRE(english.exit_code == 0);
        REQUIRE(spanish.exit_code == 0);
        bool any_english = false, any_spanish = false;
        for (const auto& [en, es] : headings) {
            INFO(format << ": " << en << " / " << es);
            CHECK(spanish.out.find(en) == std::string::npos);
            CHECK(english.out.find(es) == std::string::npos);
            any_english = any_english || english.out.find(en) != std::string::npos;
            any_spanish = any_spanish || spanish.out.find(es) != std::string::npos;
        }
        CHECK(any_english);
        CHECK(any_spanish);
        CHECK(english.out.find("Evidence") != std::string::npos);
        CHECK(spanish.out.find("Evidencia") != std::string::npos);
    }
}

TEST_CASE("evidence text is escaped in HTML and Markdown, and the page stays well-formed", "[evidence][escaping]") {
    std::string yaml = kInstitution +
                       "funding:\n"
                       "  dedicated_budget:\n"
                       "    value: yes\n"
                       "    evidence: {source: '<b>Acta</b> & a|b', date: 2020-01-01, owner: '*Finanzas*'}\n"
                       "  co_funding: {value: no, evidence: {source: Acta, date: 2027-01-01, owner: Planeación}}\n";
    Assessment a = assess_text(yaml);
    a.evidence = review_evidence(a, kDate, 12);
    REQUIRE(a.evidence->stale.size() == 1);
    REQUIRE(a.evidence->dated_after.size() == 1);
    for (Lang lang : {Lang::en, Lang::es}) {
        std::string page = render_html(a, lang, kDate);
        INFO(xml_error(page));
        CHECK(xml_error(page).empty());
        CHECK(page.find("<b>Acta") == std::string::npos);
        CHECK(page.find("&lt;b&gt;Acta&lt;/b&gt; &amp; a|b") != std::string::npos);
        std::string markdown = render_markdown(a, lang, kDate);
        CHECK(markdown.find('<') == std::string::npos);
        CHECK(markdown.find("&lt;b&gt;Acta&lt;/b&gt; &amp; a\\|b") != std::string::npos);
        CHECK(markdown.find("\\*Finanzas\\*") != std::string::npos);
    }
}

TEST_CASE("the same profile and date give the same bytes in every format", "[evidence][binary]") {
    for (std::string format : {"text", "json", "html", "markdown"}) {
        std::vector<std::string> args = {
            "assess", "examples/universidad_estatal_es.yaml", "--format", format, "--date", "2026-11-23", "--explain"};
        RunResult first = run_tne(args);
        RunResult second = run_tne(args);
        REQUIRE(first.exit_code == 0);
        CHECK(first.out == second.out);
    }
}

TEST_CASE("the profile schema accepts both forms of an answer and rejects a malformed evidence form",
          "[evidence][schema]") {
    valijson::Schema schema, schema_es;
    parse_schema(nlohmann::json::parse(render_profile_schema(default_rubrics())), schema);
    parse_schema(nlohmann::json::parse(render_profile_schema(default_rubrics(), Lang::es)), schema_es);
    for (const auto& profile : example_profiles()) {
        INFO(profile);
        // A Spanish example is written with the Spanish ids, which the Spanish schema describes.
        bool spanish = profile.stem().string().ends_with("_es");
        auto errors = schema_errors(spanish ? schema_es : schema, yaml_to_json(YAML::LoadFile(profile.string())));
        for (const auto& error : errors) INFO(error);
        CHECK(errors.empty());
    }
    CHECK(schema_errors(schema, yaml_to_json(YAML::Load(funding_profile()))).empty());

    auto rejected = [&](const std::string& evidence) {
        return !schema_errors(
                    schema, yaml_to_json(YAML::Load(kInstitution + "funding:\n  dedicated_budget: " + evidence + "\n")))
                    .empty();
    };
    CHECK_FALSE(rejected("{value: yes, evidence: " + kEvidence + "}"));
    CHECK(rejected("{value: maybe, evidence: " + kEvidence + "}"));
    CHECK(rejected("{value: ~, evidence: " + kEvidence + "}"));
    CHECK(rejected("{evidence: " + kEvidence + "}"));
    CHECK(rejected("{value: yes}"));
    CHECK(rejected("{value: yes, evidence: {source: Acta, date: 2026-03-31}}"));
    CHECK(rejected("{value: yes, evidence: {source: Acta, date: 31/03/2026, owner: X}}"));
    CHECK(rejected("{value: yes, evidence: {source: Acta, date: 2026-03-31, owner: X, note: y}}"));
}

// A value may be written as its id or as its exact label in either language (tne folds accents and
// case as well; the schema takes the labels as written); the labels are matched as whole texts, the
// parentheses of "STEM (science, ...)" included.
TEST_CASE("the profile schema takes a value as its id or its exact English or Spanish label, in both languages",
          "[evidence][schema]") {
    for (Lang lang : {Lang::en, Lang::es}) {
        valijson::Schema schema;
        parse_schema(nlohmann::json::parse(render_profile_schema(default_rubrics(), lang)), schema);
        auto accepted = [&](const std::string& institution, const std::string& funding) {
            const std::string yaml = "institution: {name: U, " + institution + "}\nfunding: {" + funding + "}\n";
            INFO(yaml);
            return schema_errors(schema, yaml_to_json(YAML::Load(yaml))).empty();
        };
        CHECK(accepted("type: public_university", "co_funding: yes"));
        CHECK(accepted("type: Universidad pública", "co_funding: sí"));
        CHECK(accepted("type: Public university", "co_funding: parcial"));
        CHECK(
            accepted("type: research_center, fields: [Negocios, \"STEM (science, technology, engineering, "
                     "mathematics)\"]",
                     "dedicated_budget: {value: parcial, evidence: " + kEvidence + "}"));
        CHECK_FALSE(accepted("type: universidad pública", "co_funding: yes"));
        CHECK_FALSE(accepted("type: Universidad", "co_funding: yes"));
        CHECK_FALSE(accepted("type: public_university", "co_funding: Sí"));
        CHECK_FALSE(
            accepted("type: public_university, fields: [STEM science, technology, engineering, mathematics]", ""));
        CHECK_FALSE(
            accepted("type: public_university, fields: [\"STEM science, technology, engineering, mathematics\"]", ""));
    }
}

// tne takes any non-empty scalar as text (an unquoted 1810 too) and null as an unknown answer to an
// optional question: the schema must take the same, or an editor would flag a profile tne accepts.
TEST_CASE("the profile schema takes what tne takes as text, and an unknown optional text answer",
          "[evidence][schema]") {
    RubricCopy copy("tests/rubrics/minimal");
    write_file(
        copy.root / "institution.yaml",
        read_file(copy.root / "institution.yaml") +
            "  - key: motto\n    type: text\n"
            "    text: {en: Motto, es: Lema}\n    help: {en: Its motto if it has one., es: Su lema si lo tiene.}\n");
    const RubricSet rubric = copy.load();
    valijson::Schema schema;
    parse_schema(nlohmann::json::parse(render_profile_schema(rubric)), schema);
    auto both_accept = [&](const std::string& institution) {
        const std::string yaml = "institution: {" + institution + "}\n";
        INFO(yaml);
        bool tne_accepts = true;
        try {
            load_profile(yaml, "p.yaml", rubric);
        } catch (const InputError&) {
            tne_accepts = false;
        }
        bool schema_accepts = schema_errors(schema, yaml_to_json(YAML::Load(yaml))).empty();
        CHECK(tne_accepts == schema_accepts);
        return tne_accepts && schema_accepts;
    };
    CHECK(both_accept("name: Universidad de Prueba, type: public, motto: ~"));
    CHECK(both_accept("name: Universidad de Prueba, type: public, motto: Por mi raza hablará el espíritu"));
    CHECK(both_accept("name: 1810, type: public, motto: true"));
    CHECK(
        both_accept("name: 1810, type: public, motto: {value: 42, evidence: {source: 7, date: 2026-03-31, owner: 8}}"));
    CHECK_FALSE(both_accept("name: Universidad de Prueba, type: public, motto: \"\""));
    // The one difference, on purpose: a required answer left empty, as the template writes it, so a
    // fresh template opens in an editor without errors; tne names it as missing.
    const std::string unfilled = "institution: {name: ~, type: public}\n";
    CHECK_THROWS_AS(load_profile(unfilled, "p.yaml", rubric), InputError);
    CHECK(schema_errors(schema, yaml_to_json(YAML::Load(unfilled))).empty());
    CHECK_FALSE(both_accept("name: [U], type: public"));
    CHECK_FALSE(
        both_accept("name: U, type: public, motto: {value: ~, evidence: {source: 7, date: 2026-03-31, owner: 8}}"));
}
