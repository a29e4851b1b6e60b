// Planning: what-if answers (--set), the cheapest plan to a model (tne plan), checked against an
// exhaustive search and by applying every plan to every example.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <sstream>

#include "scoring/scoring.hpp"
#include "support.hpp"
#include "tne/assessment.hpp"
#include "tne/plan.hpp"
#include "tne/profile.hpp"

using namespace tne;
using namespace tne::test;
using nlohmann::json;

namespace {

// Every value a question can take, beyond its current one: numbers in whole steps over their range.
std::vector<Value> every_value(const Question& q) {
    std::vector<Value> values;
    switch (q.type) {
        case QuestionType::choice:
        case QuestionType::yes_partial_no:
            for (const auto& choice : q.values) values.emplace_back(choice.id);
            break;
        case QuestionType::percent:
        case QuestionType::count:
            for (double x = q.min; x <= q.max; ++x) values.emplace_back(x);
            break;
        case QuestionType::list:
            for (unsigned mask = 0; mask < (1u << q.values.size()); ++mask) {
                std::vector<std::string> items;
                for (size_t i = 0; i < q.values.size(); ++i)
                    if (mask & (1u << i)) items.push_back(q.values[i].id);
                values.emplace_back(items);
            }
            break;
        case QuestionType::text:
            break;
    }
    return values;
}

struct Cost {
    int points = 0;
    size_t changes = 0;
};

// The cheapest plan by brute force: every set of scored questions, cheapest first, and every
// combination of new values for them, judged by assess() itself. A plan lifts the model's blockers;
// a fit below the advice's minimum is raised by the recommendations, not by a plan.
std::optional<Cost> cheapest_by_brute_force(const Profile& profile, const RubricSet& set, const std::string& model) {
    std::vector<const Question*> questions;
    std::vector<int> points;
    for (const auto& d : set.dimensions)
        for (const auto& c : d.criteria) {
            questions.push_back(set.find_question(c.question));
            points.push_back(effort_points(c.recommendation.effort));
        }
    std::vector<unsigned> subsets(1u << questions.size());
    for (unsigned mask = 0; mask < subsets.size(); ++mask) subsets[mask] = mask;
    auto cost_of = [&](unsigned mask) {
        Cost cost;
        for (size_t i = 0; i < questions.size(); ++i)
            if (mask & (1u << i)) cost.points += points[i], ++cost.changes;
        return cost;
    };
    std::stable_sort(subsets.begin(), subsets.end(), [&](unsigned x, unsigned y) {
        Cost a = cost_of(x), b = cost_of(y);
        return std::tie(a.points, a.changes) < std::tie(b.points, b.changes);
    });
    for (unsigned mask : subsets) {
        std::vector<const Question*> changed;
        for (size_t i = 0; i < questions.size(); ++i)
            if (mask & (1u << i)) changed.push_back(questions[i]);
        Profile trial = profile;
        bool found = false;
        auto assign = [&](auto&& self, size_t k) -> void {
            if (found) return;
            if (k == changed.size()) {
                found = assess(trial, set).find_model(model)->blockers.empty();
                return;
            }
            const Answer* current = profile.find(*changed[k]);
            for (const Value& value : every_value(*changed[k])) {
                if (current && current->value == value) continue;
                trial.set(*changed[k], value);
                self(self, k + 1);
            }
        };
        assign(assign, 0);
        if (found) return cost_of(mask);
    }
    return std::nullopt;
}

// A profile with each scored answer unknown one time in five, else a value drawn from its range.
Profile random_profile(const RubricSet& set, std::mt19937& random) {
    Profile profile;
    profile.source = "random";
    profile.set(*set.find_question("institution.name"), std::string("Random"));
    profile.set(*set.find_question("institution.type"), std::string(random() % 2 ? "public" : "private"));
    for (const auto& d : set.dimensions)
        for (const auto& c : d.criteria) {
            if (random() % 5 == 0) continue;
            std::vector<Value> values = every_value(*set.find_question(c.question));
            profile.set(*set.find_question(c.question), values[random() % values.size()]);
        }
    return profile;
}

std::vector<std::string> set_arguments(const json& plan) {
    std::vector<std::string> args;
    for (const auto& step : plan["steps"]) {
        args.push_back("--set");
        args.push_back(step["set"].get<std::string>());
    }
    return args;
}

}  // namespace

TEST_CASE("the planner finds the cheapest plan that an exhaustive search finds, on a small rubric set",
          "[plan][exhaustive]") {
    RubricSet set = load_rubric_set(directory_rubric_files((source_dir() / "tests/rubrics/plan-small").string()));
    std::mt19937 random(20261123);
    int reachable = 0, unreachable = 0, exhaustive_unreachable = 0;
    for (int i = 0; i < 60; ++i) {
        Profile profile = random_profile(set, random);
        Assessment now = assess(profile, set);
        for (const auto& model : set.models) {
            Plan plan = make_plan(now, model);
            INFO("profile " << i << ", model " << model.id);
            if (plan.reachable) {
                ++reachable;
                std::optional<Cost> best = cheapest_by_brute_force(profile, set, model.id);
                REQUIRE(best);
                CHECK(plan.cost == best->points);
                CHECK(plan.steps.size() == best->changes);
                CHECK(plan.after.find_model(model.id)->blockers.empty());
            } else {
                ++unreachable;
                // Proving a negative visits every combination: a few suffice, one per kind of reason.
                if (exhaustive_unreachable < 6 && i % 8 == 0) {
                    ++exhaustive_unreachable;
                    CHECK_FALSE(cheapest_by_brute_force(profile, set, model.id));
                }
                CHECK_FALSE(plan.unliftable.empty());
            }
        }
    }
    // The random profiles exercise both outcomes.
    CHECK(reachable > 100);
    CHECK(unreachable > 50);
    CHECK(exhaustive_unreachable > 0);
}

TEST_CASE("plan: a blocker no change can lift is named with its reason", "[plan]") {
    RubricSet set = load_rubric_set(directory_rubric_files((source_dir() / "tests/rubrics/plan-small").string()));
    Profile profile = load_profile(
        "institution: {name: Small, type: private}\nalpha: {budget: no, share: 70}\nbeta: {partners: [uk, es], staff: "
        "0}\n",
        "small.yaml", set);
    Assessment now = assess(profile, set);

    Plan public_only = make_plan(now, *set.find_model("public_only"));
    CHECK_FALSE(public_only.reachable);
    REQUIRE(public_only.unliftable.size() == 1);
    CHECK(public_only.unliftable[0].condition->question == "institution.type");
    CHECK(public_only.unliftable[0].reason == UnliftableBlocker::Reason::fixed_answer);
    // The other blocker (beta at least 90) is still lifted.
    REQUIRE(public_only.steps.size() == 1);
    CHECK(public_only.after.find_model("public_only")->blockers.size() == 1);

    Plan contradictory = make_plan(now, *set.find_model("contradictory"));
    REQUIRE(contradictory.unliftable.size() == 1);
    CHECK(contradictory.unliftable[0].condition->dimension == "beta");
    CHECK(contradictory.unliftable[0].reason == UnliftableBlocker::Reason::conflicting);

    // An at_most requirement can ask for less: the share of 70 comes down to 60, the nearest value.
    Plan balanced = make_plan(now, *set.find_model("balanced"));
    CHECK(balanced.reachable);
    auto share = std::find_if(balanced.steps.begin(), balanced.steps.end(),
                              [](const PlanStep& s) { return s.question->path == "alpha.share"; });
    REQUIRE(share != balanced.steps.end());
    CHECK(std::get<double>(share->to) == 60);
}

TEST_CASE("every plan to every model, for every example, applied with --set lifts the model's blockers",
          "[plan][cli]") {
    const RubricSet& set = default_rubrics();
    const double min_fit = set.advice.min_fit.value;
    int plans = 0, unreachable = 0, fits_below = 0;
    for (const auto& example : example_profiles()) {
        for (const auto& model : set.models) {
            INFO(example.filename().string() << " → " << model.id);
            RunResult planned = run_tne({"plan", example.string(), "--target", model.id, "--format", "json"});
            REQUIRE((planned.exit_code == 0 || planned.exit_code == 1));
            json plan = json::parse(planned.out);
            CHECK(plan["target"]["id"] == model.id);
            std::vector<std::string> args = {"assess", example.string(), "--format", "json"};
            for (const auto& arg : set_arguments(plan)) args.push_back(arg);
            RunResult applied = run_tne(args);
            REQUIRE(applied.exit_code == 0);
            json report = json::parse(applied.out);
            CHECK(report["simulated"].size() == plan["steps"].size());
            json result;
            for (const auto& m : report["models"])
                if (m["id"] == model.id) result = m;
            // The plan's "after" is what assess gives with its steps applied.
            CHECK(plan["after"]["target_feasible"] == result["feasible"]);
            CHECK(plan["after"]["target_fit"] == result["fit"]);
            CHECK(plan["after"]["target_blockers"].size() == result["blockers"].size());
            if (planned.exit_code == 0) {
                ++plans;
                CHECK(plan["reachable"] == true);
                CHECK(result["blockers"].empty());
                // Without blockers it is feasible once its fit reaches the minimum (or it runs it): the
                // fit is raised by the recommendations, not by a plan.
                double fit = result["fit"].get<double>();  // to one decimal
                if (result["status"] != "runs" && std::abs(fit - min_fit) >= 0.1)
                    CHECK(result["feasible"] == (fit >= min_fit));
                fits_below += result["feasible"] == false;
            } else {
                // In the shipped set only answers about the institution itself cannot change; every
                // other blocker is lifted, so those are all that remain.
                ++unreachable;
                CHECK(plan["reachable"] == false);
                REQUIRE_FALSE(plan["unliftable"].empty());
                for (const auto& u : plan["unliftable"]) CHECK(u["reason"] == "fixed_answer");
                CHECK(result["blockers"].size() == plan["unliftable"].size());
            }
        }
    }
    CHECK(plans > 40);
    CHECK(unreachable > 0);
    CHECK(fits_below > 0);  // plans that lift every blocker of a model whose fit stays below the minimum
}

// For the shipped set the requirements are monotone: each asks for at least a score or a number, or
// for values that include the best answer. Then a set of questions can lift the blockers exactly
// when their best answers do, and the cheapest plan is the cheapest such set: an independent check
// of the planner's exactness on the rubric set users run.
TEST_CASE("on the shipped rubric set every plan costs what the cheapest set of best answers costs",
          "[plan][exhaustive]") {
    const RubricSet& set = default_rubrics();
    auto best_value = [&](const Criterion& c, const Question& q) -> Value {
        if (!c.rule.levels.empty()) {
            auto top = std::max_element(c.rule.levels.begin(), c.rule.levels.end(),
                                        [](const auto& x, const auto& y) { return x.second < y.second; });
            return top->first;
        }
        if (q.type == QuestionType::list) return std::get<std::vector<std::string>>(every_value(q).back());
        return q.max;
    };
    for (const auto& model : set.models)
        for (const auto& r : model.requires_) {
            CHECK_FALSE(r.at_most);
            if (r.in.empty()) continue;
            const Question* q = set.find_question(r.question);
            for (const auto& d : set.dimensions)
                for (const auto& c : d.criteria)
                    if (c.question == r.question)
                        CHECK(std::find(r.in.begin(), r.in.end(), std::get<std::string>(best_value(c, *q))) !=
                              r.in.end());
        }

    int compared = 0;
    for (const auto& example : example_profiles()) {
        Profile profile = load_profile_file(example.string(), set);
        Assessment now = assess(profile, set);
        for (const auto& model : set.models) {
            Plan plan = make_plan(now, model);
            // Proving there is nothing cheaper visits every cheaper set: plans up to 15 points keep
            // the test under a second and cover 30 plans; the dearest few would take a minute.
            if (!plan.reachable || plan.steps.empty() || plan.cost > 15) continue;
            INFO(example.filename().string() << " → " << model.id);
            // The questions the requirements read: the blocked dimensions' and the blocked answers'.
            std::vector<std::pair<const Criterion*, const Question*>> relevant;
            for (const auto& blocker : now.find_model(model.id)->blockers)
                for (const auto& d : set.dimensions)
                    for (const auto& c : d.criteria)
                        if (blocker.condition->dimension == d.id || blocker.condition->question == c.question)
                            relevant.push_back({&c, set.find_question(c.question)});
            std::sort(relevant.begin(), relevant.end());
            relevant.erase(std::unique(relevant.begin(), relevant.end()), relevant.end());
            // Every set of relevant questions costing no more than the plan, each judged by assess().
            std::optional<std::pair<int, size_t>> cheapest;
            std::vector<size_t> chosen;
            auto visit = [&](auto&& self, size_t from, int points) -> void {
                if (!chosen.empty() && (!cheapest || std::pair(points, chosen.size()) < *cheapest)) {
                    Profile trial = profile;
                    for (size_t i : chosen)
                        trial.set(*relevant[i].second, best_value(*relevant[i].first, *relevant[i].second));
                    if (assess(std::move(trial), set).find_model(model.id)->blockers.empty())
                        cheapest = std::pair(points, chosen.size());
                }
                for (size_t i = from; i < relevant.size(); ++i) {
                    int more = points + effort_points(relevant[i].first->recommendation.effort);
                    if (more > plan.cost) continue;
                    chosen.push_back(i);
                    self(self, i + 1, more);
                    chosen.pop_back();
                }
            };
            visit(visit, 0, 0);
            REQUIRE(cheapest);
            CHECK(cheapest->first == plan.cost);
            CHECK(cheapest->second == plan.steps.size());
            ++compared;
        }
    }
    CHECK(compared == 30);
}

TEST_CASE("what-if: --set re-scores with the changed answers, marks them, and leaves the file as it was",
          "[what-if][cli]") {
    std::string example = (source_dir() / "examples/research_center.yaml").string();
    std::string before = read_file(example);
    RunResult plain = run_tne({"assess", example, "--format", "json"});
    RunResult what_if = run_tne({"assess", example, "--format", "json", "--set", "funding.co_funding=no", "--set",
                                 "language.faculty_b2_percent=", "--set", "funding.co_funding=partial"});
    REQUIRE(what_if.exit_code == 0);
    CHECK(read_file(example) == before);
    json a = json::parse(plain.out), b = json::parse(what_if.out);
    CHECK(a["simulated"].empty());
    // In the order first given; a question set twice keeps its last value and the file's answer.
    REQUIRE(b["simulated"].size() == 2);
    CHECK(b["simulated"][0] == json({{"field", "funding.co_funding"}, {"value", "partial"}, {"was", "yes"}}));
    CHECK(b["simulated"][1]["field"] == "language.faculty_b2_percent");
    CHECK(b["simulated"][1]["value"].is_null());
    CHECK(b["simulated"][1]["was"] == 75);
    CHECK(b["overall"]["coverage"] < a["overall"]["coverage"]);  // an empty value is unknown
    auto funding = [](const json& report) { return report["dimensions"][0]["score"].get<double>(); };
    CHECK(funding(b) < funding(a));

    // A simulated answer is not the one the file's evidence shows: it counts as without evidence.
    std::string spanish = (source_dir() / "examples/universidad_estatal_es.yaml").string();
    auto evidence = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = {"assess", spanish, "--format", "json", "--date", "2026-11-23"};
        args.insert(args.end(), extra.begin(), extra.end());
        return json::parse(run_tne(args).out)["evidence"];
    };
    auto listed = [](const json& list, const std::string& field) {
        for (const auto& item : list)
            if ((item.is_string() ? item : item["field"]) == field) return true;
        return false;
    };
    json stale = evidence({});
    REQUIRE(listed(stale["stale"], "funding.dedicated_budget"));
    json simulated = evidence({"--set", "funding.dedicated_budget=yes"});
    CHECK_FALSE(listed(simulated["stale"], "funding.dedicated_budget"));
    CHECK(listed(simulated["missing"], "funding.dedicated_budget"));

    // Every format says so, in the report's language.
    std::vector<std::string> set = {"--set", "funding.co_funding=partial"};
    auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"assess", example});
        args.insert(args.end(), set.begin(), set.end());
        return run_tne(args).out;
    };
    CHECK_THAT(run({}), Catch::Contains("What-if: 1 answer is simulated (--set), not from the file"));
    CHECK_THAT(run({}), Catch::Contains("Co-funding proposals (funding.co_funding): yes → partial"));
    CHECK_THAT(run({"--lang", "es"}), Catch::Contains("Simulación: 1 respuesta es supuesta (--set), no del archivo"));
    CHECK_THAT(run({"--format", "markdown", "--date", "2026-11-23"}), Catch::Contains("\n## What-if: 1 answer"));
    CHECK_THAT(run({"--format", "html", "--date", "2026-11-23"}), Catch::Contains("<section id=\"what-if\">"));
    CHECK_THAT(run_tne({"assess", example}).out, !Catch::Contains("What-if"));
}

TEST_CASE("what-if: --set values are validated like the file's own, and a bad one exits 2 naming it",
          "[what-if][cli]") {
    std::string example = (source_dir() / "examples/research_center.yaml").string();
    struct Case {
        std::string setting;
        std::string message;
    };
    for (const Case& c : std::vector<Case>{
             {"funding.co_funding=yse",
              "--set funding.co_funding=yse: funding.co_funding: \"yse\" is not valid; did you mean \"yes\"?"},
             {"language.faculty_b2_percent=140", "expected a number from 0 to 100 (a percentage), unquoted"},
             {"language.faculty_b2_percent='40'", "expected a number from 0 to 100"},
             {"partnerships.active_agreements=2.5", "expected a whole number"},
             {"funding.external_sources=[erasmus_plus, erasmus_plus]", "appears twice"},
             {"language.b2=3", "unknown key \"b2\" in language; expected one of: faculty_b2_percent"},
             {"finance.budget=yes", "unknown key \"finance\" in profile"},
             {"funding.co_funding", "expected PATH=VALUE"},
             {"institution.name=", "institution.name is required"},
             {"funding.external_sources=[erasmus_plus", "invalid YAML"},
         }) {
        INFO(c.setting);
        RunResult result = run_tne({"assess", example, "--set", c.setting});
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        CHECK_THAT(result.err, Catch::Contains(c.message));
        CHECK_THAT(result.err, Catch::StartsWith("tne: error: --set " + c.setting + ": "));
    }
    RunResult spanish = run_tne({"assess", example, "--lang", "es", "--set", "language.faculty_b2_percent=140"});
    CHECK_THAT(spanish.err, Catch::Contains("se esperaba un número de 0 a 100"));
}

TEST_CASE("tne plan: the next step by default, exit codes, languages and stable bytes", "[plan][cli]") {
    std::string example = (source_dir() / "examples/private_business_university.yaml").string();
    json report = json::parse(run_tne({"assess", example, "--format", "json"}).out);
    std::string next;
    for (const auto& id : report["suggested_model"]["pathway"])
        for (const auto& m : report["models"])
            if (m["id"] == id && m["feasible"] == false && next.empty()) next = id;
    if (next.empty()) {
        // Every step is feasible: the next is the least advanced model that builds on the suggestion.
        const RubricSet& set = default_rubrics();
        const Model* best = nullptr;
        for (const auto& m : set.models) {
            bool builds =
                std::find(m.builds_on.begin(), m.builds_on.end(), report["suggested_model"]["id"]) != m.builds_on.end();
            if (builds && (!best || m.stage < best->stage)) best = &m;
        }
        REQUIRE(best);
        next = best->id;
    }
    RunResult planned = run_tne({"plan", example, "--format", "json"});
    REQUIRE(planned.exit_code == 0);
    json plan = json::parse(planned.out);
    CHECK(plan["target"]["id"] == next);
    CHECK(plan["target"]["default"] == true);
    CHECK(plan["cost"].get<int>() > 0);
    int points = 0;
    for (const auto& step : plan["steps"])
        points += plan["effort_points"][step["effort"].get<std::string>()].get<int>();
    CHECK(points == plan["cost"]);
    // Steps in order of horizon: quick wins first.
    std::vector<std::string> horizons = {"quick_win", "months_6_12", "longer"};
    for (size_t i = 1; i < plan["steps"].size(); ++i) {
        auto at = [&](size_t k) {
            return std::find(horizons.begin(), horizons.end(), plan["steps"][k]["horizon"]) - horizons.begin();
        };
        CHECK(at(i - 1) <= at(i));
    }

    RunResult text = run_tne({"plan", example});
    CHECK_THAT(text.out, Catch::Contains("the next step of the suggested pathway"));
    CHECK_THAT(text.out, Catch::Contains("Try it"));
    CHECK(text.out == run_tne({"plan", example}).out);
    RunResult spanish = run_tne({"plan", example, "--lang", "es"});
    for (const char* english :
         {"Target", "Steps", "After these steps", "Try it", "Lifts", "effort", "Overall readiness"})
        CHECK_THAT(spanish.out, !Catch::Contains(english));
    CHECK_THAT(spanish.out, Catch::Contains("Pruébelo"));
    // The Try-it command, in either language, is one a person can paste: the Spanish one names the
    // questions and values by their Spanish ids, and both give the same assessment.
    auto try_it_args = [](const std::string& plan_text, const std::string& command) {
        size_t at = plan_text.find("  " + command + " ");
        REQUIRE(at != std::string::npos);
        std::istringstream words(plan_text.substr(at, plan_text.find('\n', at) - at));
        std::vector<std::string> args;
        for (std::string word; words >> word;) args.push_back(word);
        args.erase(args.begin());  // "tne"
        args.insert(args.end(), {"--format", "json", "--date", "2026-12-01"});
        return args;
    };
    std::vector<std::string> spanish_args = try_it_args(spanish.out, "tne evaluar");
    CHECK(std::find(spanish_args.begin(), spanish_args.end(), "normativa.proceso_de_aprobación=documentado") !=
          spanish_args.end());
    RunResult english_try = run_tne(try_it_args(text.out, "tne assess"));
    REQUIRE(english_try.exit_code == 0);
    CHECK(run_tne(spanish_args).out == english_try.out);
    // Markdown and HTML say the same steps as the text (one document, three emitters).
    CHECK_THAT(run_tne({"plan", example, "--format", "markdown"}).out,
               Catch::Contains("1. Regulatory framework · **Approval route for joint programmes**"));
    CHECK_THAT(run_tne({"plan", example, "--format", "html"}).out,
               Catch::Contains("<li>Regulatory framework · <strong>Approval route for joint programmes</strong>"));

    RunResult unknown = run_tne({"plan", example, "--target", "dual_degre"});
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Catch::Contains("--target dual_degre: not a model of the rubric set; did you mean "
                                            "dual_degree? Name one by its id or its name:\n  coil_virtual_exchange "
                                            "(COIL / virtual exchange)\n"));
    // A model is named by its id or its name in either language, accents and case folded.
    std::string by_id = run_tne({"plan", example, "--target", "dual_degree", "--lang", "es"}).out;
    CHECK_THAT(by_id, Catch::Contains("Meta: Doble titulación"));
    CHECK(run_tne({"plan", example, "--target", "doble titulacion", "--lang", "es"}).out == by_id);
    CHECK(run_tne({"plan", example, "--target", "Dual Degree", "--lang", "es"}).out == by_id);

    // A research centre of 350 students cannot grow to the 20,000 a branch campus needs: out of reach,
    // and it says why.
    std::string centre = (source_dir() / "examples/research_center.yaml").string();
    RunResult blocked = run_tne({"plan", centre, "--target", "branch_campus"});
    CHECK(blocked.exit_code == 1);
    CHECK_THAT(blocked.out, Catch::Contains("Branch campus cannot be reached within this rubric set"));
    CHECK_THAT(blocked.out, Catch::Contains("It describes the institution"));

    // A plan from a what-if starts where the what-if leaves off.
    RunResult from_what_if =
        run_tne({"plan", example, "--format", "json", "--set", "partnerships.spanish_reciprocity=yes"});
    json what_if_plan = json::parse(from_what_if.out);
    for (const auto& step : what_if_plan["steps"]) CHECK(step["field"] != "partnerships.spanish_reciprocity");
}

// ---- what would change the advice (find_advice_changes) --------------------------------------------

namespace {

const Model* suggestion_of(const Assessment& a) { return a.suggested ? a.suggested->model : nullptr; }

std::string model_name(const Model* m) { return m ? m->id : "none"; }

// The suggestion once `changes` are applied to the assessed profile.
const Model* suggestion_after(const Assessment& a, const std::vector<ChangedAnswer>& changes) {
    Profile profile = a.profile;
    for (const auto& change : changes) profile.simulate(*change.question, change.to);
    return suggestion_of(assess(std::move(profile), *a.rubric));
}

// Every single change of an answer, found apart from the engine: each other choice; each list with
// one item added or removed (from unknown: the empty list and each single item); each whole number
// of the question's range up to `max_numbers` values, plus each threshold a band or condition of the
// set reads and the numbers either side of it.
std::vector<Value> single_changes(const RubricSet& set, const Question& q, const Value& current, double max_numbers) {
    std::vector<Value> values;
    switch (q.type) {
        case QuestionType::text:
            break;
        case QuestionType::choice:
        case QuestionType::yes_partial_no:
            for (const auto& choice : q.values) values.emplace_back(choice.id);
            break;
        case QuestionType::list: {
            const auto* items = std::get_if<std::vector<std::string>>(&current);
            if (!items) {
                values.emplace_back(std::vector<std::string>{});
                for (const auto& choice : q.values) values.emplace_back(std::vector<std::string>{choice.id});
                break;
            }
            for (const auto& choice : q.values) {
                std::vector<std::string> toggled;
                bool present = std::find(items->begin(), items->end(), choice.id) != items->end();
                for (const auto& other : q.values) {
                    bool in = std::find(items->begin(), items->end(), other.id) != items->end();
                    if (other.id == choice.id ? !present : in) toggled.push_back(other.id);
                }
                values.emplace_back(std::move(toggled));
            }
            break;
        }
        case QuestionType::percent:
        case QuestionType::count: {
            std::set<double> numbers;
            for (double x = q.min; x <= std::min(q.max, q.min + max_numbers); ++x) numbers.insert(x);
            std::vector<double> thresholds;
            for (const auto& d : set.dimensions)
                for (const auto& c : d.criteria)
                    if (c.question == q.path)
                        for (const auto& band : c.rule.bands) thresholds.push_back(band.at_least);
            auto read = [&](const Condition& c) {
                if (c.question != q.path) return;
                if (c.at_least) thresholds.push_back(*c.at_least);
                if (c.at_most) thresholds.push_back(*c.at_most);
            };
            for (const auto& m : set.models) {
                for (const auto& c : m.requires_) read(c);
                for (const auto& c : m.context) read(c.when);
                if (m.runs_when) read(*m.runs_when);
            }
            for (const auto& step : set.advice.first_steps)
                if (step.when) read(*step.when);
            for (double t : thresholds)
                for (double x : {t - 1, t, t + 1})
                    if (x >= q.min && x <= q.max) numbers.insert(x);
            for (double x : numbers) values.emplace_back(x);
            break;
        }
    }
    values.erase(std::remove(values.begin(), values.end(), current), values.end());
    return values;
}

// Checks what find_advice_changes listed for `a` against assess() itself: every way it lists leads
// to the model it names; every single change of an answer that moves the suggestion is listed,
// under the model it leads to; so an answer it lists under no model changes nothing. Returns the
// number of ways checked.
int check_advice_changes(Assessment& a, double max_numbers) {
    find_advice_changes(a);
    const Model* now = suggestion_of(a);
    int ways = 0;
    std::set<const Model*> listed;
    for (const auto& change : a.changes) {
        INFO("to " << model_name(change.model));
        CHECK(change.model != now);
        CHECK(listed.insert(change.model).second);  // one entry per model
        REQUIRE_FALSE(change.ways.empty());
        for (size_t w = 0; w < change.ways.size(); ++w) {
            const auto& way = change.ways[w];
            REQUIRE_FALSE(way.empty());
            if (w > 0) CHECK(change.ways[w - 1].size() <= way.size());  // fewest changes first
            if (way.size() > 1) CHECK_FALSE(change.exhaustive);         // several: found greedily
            std::set<const Question*> questions;
            for (const auto& c : way) {
                INFO(setting_text(*c.question, c.to));
                const Answer* answer = a.profile.find(*c.question);
                CHECK(c.from == (answer ? answer->value : Value{}));  // from the real answer
                CHECK(c.to != c.from);
                CHECK(questions.insert(c.question).second);  // a question changes once
            }
            INFO("way " << w << ": " << setting_text(*way.front().question, way.front().to));
            CHECK(model_name(suggestion_after(a, way)) == model_name(change.model));
            ++ways;
        }
    }
    // Completeness of the single changes: a change that moves the suggestion is listed under the
    // model it leads to, by its question (one value per question is shown, the nearest).
    for (const auto& q : a.rubric->questions) {
        const Answer* answer = a.profile.find(q);
        const Value current = answer ? answer->value : Value{};
        for (const auto& value : single_changes(*a.rubric, q, current, max_numbers)) {
            const Model* then = suggestion_after(a, {{&q, current, value}});
            if (then == now) continue;
            INFO(setting_text(q, value) << " makes " << model_name(then) << " the suggestion");
            bool named = std::any_of(a.changes.begin(), a.changes.end(), [&](const AdviceChange& c) {
                return c.model == then && std::any_of(c.ways.begin(), c.ways.end(), [&](const auto& way) {
                           return way.size() == 1 && way.front().question == &q;
                       });
            });
            CHECK(named);
        }
    }
    return ways;
}

RubricSet plan_small() {
    return load_rubric_set(directory_rubric_files((source_dir() / "tests/rubrics/plan-small").string()));
}

}  // namespace

TEST_CASE("what would change the advice: worked out by hand on a small set", "[advice-changes]") {
    RubricSet set = plan_small();
    // alpha = (3 x 50 + 1 x 0) / 4 = 37.5; beta = (2 x 60 + 1 x 0) / 3 = 40; every answer known.
    // starter: fit 40, below the minimum 50; advanced needs alpha >= 60; balanced needs alpha >= 45,
    // a share of 25 to 60, 3 staff and a US partner; public_only a public institution; contradictory
    // beta >= 90. None within reach: the first step of a private institution, the default, starter.
    Profile profile = load_profile(
        "institution: {name: Small, type: private}\nalpha: {budget: partial, share: 10}\nbeta: {partners: [uk], staff: "
        "0}\n",
        "small.yaml", set);
    Assessment a = assess(profile, set);
    REQUIRE(a.suggested != nullptr);
    CHECK(a.suggested->model->id == "starter");
    CHECK(a.suggestion_basis == SuggestionBasis::first_step);
    find_advice_changes(a);
    // One answer changes the advice, and only to advanced:
    //   alpha.budget yes: alpha (300 + 0) / 4 = 75 >= 60, advanced's fit (2 x 75 + 40) / 3 = 63.3;
    //   alpha.share 40 (the nearest value that does it): alpha (150 + 100) / 4 = 62.5, fit 55;
    //   institution.type public: still nothing within reach, and a public institution's first step
    //   is advanced.
    // A second partner or 2 staff bring starter itself within reach (beta 66.7 or 73.3): the same model.
    REQUIRE(a.changes.size() == 1);
    CHECK(a.changes[0].model == set.find_model("advanced"));
    CHECK(a.changes[0].exhaustive);
    std::vector<std::string> ways;
    for (const auto& way : a.changes[0].ways) {
        REQUIRE(way.size() == 1);
        ways.push_back(setting_text(*way[0].question, way[0].to));
    }
    CHECK(ways == std::vector<std::string>{"alpha.budget=yes", "alpha.share=40", "institution.type=public"});
    CHECK(check_advice_changes(a, 100) == 3);

    // With a second partner starter is within reach (beta (2 x 100) / 3 = 66.7) and suggested for its
    // fit; a budget line still makes advanced the better fit ((2 x 75 + 66.7) / 3 = 72.2).
    Profile within = profile;
    within.set(*set.find_question("beta.partners"), std::vector<std::string>{"uk", "us"});
    Assessment b = assess(within, set);
    CHECK(b.suggestion_basis == SuggestionBasis::best_fit);
    CHECK(b.suggested->model->id == "starter");
    CHECK(check_advice_changes(b, 100) > 0);
    auto to_advanced = std::find_if(b.changes.begin(), b.changes.end(),
                                    [&](const AdviceChange& c) { return c.model == set.find_model("advanced"); });
    REQUIRE(to_advanced != b.changes.end());
    CHECK(std::any_of(to_advanced->ways.begin(), to_advanced->ways.end(), [](const auto& way) {
        return way.size() == 1 && setting_text(*way[0].question, way[0].to) == "alpha.budget=yes";
    }));
}

TEST_CASE("what would change the advice: every change listed does it, and every single change that does is listed",
          "[advice-changes]") {
    RubricSet set = plan_small();
    std::mt19937 random(20261202);
    int ways = 0, greedy = 0, from_none = 0, models = 0;
    for (int i = 0; i < 60; ++i) {
        Profile profile = random_profile(set, random);
        if (random() % 2) {  // the models under consideration, half the time
            std::vector<std::string> considering;
            for (const auto& m : set.models)
                if (random() % 3 == 0) considering.push_back(m.id);
            profile.set(*set.find_question("institution.considering"), considering);
        }
        Assessment a = assess(profile, set);
        INFO("profile " << i << ": suggested " << model_name(suggestion_of(a)));
        ways += check_advice_changes(a, 100);  // every whole number of each range
        models += static_cast<int>(a.changes.size());
        // Answering an unknown question can raise the coverage to the minimum: from no suggestion to one.
        from_none += a.suggested == nullptr && !a.changes.empty();
        for (const auto& c : a.changes)
            for (const auto& way : c.ways) greedy += way.size() > 1;
    }
    // The random profiles exercise the cases: moves to several models, and from no suggestion.
    CHECK(ways > 100);
    CHECK(models > 60);
    CHECK(from_none > 0);
    INFO("greedy ways " << greedy);
}

TEST_CASE("what would change the advice, on the shipped set: every example's listed changes do it",
          "[advice-changes]") {
    const RubricSet& set = default_rubrics();
    int ways = 0;
    for (const auto& example : example_profiles()) {
        INFO(example.filename().string());
        Assessment a = assess(load_profile_file(example.string(), set), set);
        // Numbers: 0 to 100 and every threshold either side; students and agreements beyond that are
        // read only at their thresholds.
        ways += check_advice_changes(a, 100);
        // The alternatives come first, in their order.
        for (size_t i = 0; i < a.changes.size() && i < a.alternatives.size(); ++i) {
            bool reached = std::any_of(a.changes.begin(), a.changes.end(), [&](const AdviceChange& c) {
                return c.model == a.alternatives[i].model->model;
            });
            if (reached)
                CHECK(a.changes[i].model == a.alternatives[i].model->model);
            else
                break;
        }
    }
    CHECK(ways > 20);
}

// ---- a blocker is lifted only by the answers it reads ------------------------------------------------

namespace {

// An answer to `q` that fails `c`, or none when every answer meets it.
std::optional<Value> failing_value(const Question& q, const Condition& c) {
    switch (q.type) {
        case QuestionType::choice:
        case QuestionType::yes_partial_no:
            for (const auto& choice : q.values)
                if (scoring::holds(c, Value{choice.id}) != scoring::Holds::yes) return Value{choice.id};
            return std::nullopt;
        case QuestionType::list: {
            if (!c.any_of.empty()) return Value{std::vector<std::string>{}};  // none of the wanted items
            std::vector<std::string> items;                                   // by count: as many items as fail it
            if (c.at_least) {
                if (*c.at_least < 1) return std::nullopt;
                return Value{items};
            }
            for (const auto& choice : q.values)
                if (items.size() <= static_cast<size_t>(*c.at_most)) items.push_back(choice.id);
            if (items.size() <= static_cast<size_t>(*c.at_most)) return std::nullopt;
            return Value{items};
        }
        case QuestionType::percent:
        case QuestionType::count:
            if (c.at_least && *c.at_least - 1 >= q.min) return Value{*c.at_least - 1};
            if (c.at_most && *c.at_most + 1 <= q.max) return Value{*c.at_most + 1};
            return std::nullopt;
        case QuestionType::text:
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("tne plan lifts a blocker only by changing an answer that the blocker reads", "[plan][lifts]") {
    const RubricSet& set = default_rubrics();
    const Profile base = load_profile_file((source_dir() / "examples/private_business_university.yaml").string(), set);
    int pairs = 0, lifted = 0, unliftable = 0, steps_checked = 0;
    for (const auto& model : set.models) {
        for (const auto& requirement : model.requires_) {
            INFO(model.id << " requires "
                          << (requirement.question.empty() ? requirement.dimension : requirement.question));
            ++pairs;
            // A profile where this requirement is unmet: its question set to a value failing it, or
            // for a requirement on a dimension's score, every answer of the dimension at its worst.
            Profile profile = base;
            if (!requirement.question.empty()) {
                const Question* q = set.find_question(requirement.question);
                REQUIRE(q != nullptr);
                std::optional<Value> failing = failing_value(*q, requirement);
                REQUIRE(failing);
                profile.set(*q, *failing);
            } else {
                const Dimension* d = set.find_dimension(requirement.dimension);
                REQUIRE(d != nullptr);
                for (const auto& c : d->criteria) {
                    const Question& q = *set.find_question(c.question);
                    if (!c.rule.levels.empty())
                        profile.set(q,
                                    std::min_element(c.rule.levels.begin(), c.rule.levels.end(),
                                                     [](const auto& x, const auto& y) { return x.second < y.second; })
                                        ->first);
                    else if (q.type == QuestionType::list)
                        profile.set(q, std::vector<std::string>{});
                    else
                        profile.set(q, c.rule.bands.front().at_least);
                }
            }
            Assessment now = assess(profile, set);
            const ModelResult* before = now.find_model(model.id);
            auto unmet = [&](const ModelResult* m) {
                return std::any_of(m->blockers.begin(), m->blockers.end(),
                                   [&](const Blocker& b) { return b.condition == &requirement; });
            };
            REQUIRE(unmet(before));

            Plan plan = make_plan(now, model);
            CHECK(plan.target == &model);
            // Every step's lifts: requirements of the target it did not meet, each reading the step's question.
            for (const auto& step : plan.steps) {
                INFO("step " << setting_text(*step.question, step.to));
                CHECK(step.from != step.to);
                const Answer* answer = now.profile.find(*step.question);
                CHECK(step.from == (answer ? answer->value : Value{}));
                for (const Condition* c : step.lifts) {
                    ++steps_checked;
                    CHECK(std::any_of(before->blockers.begin(), before->blockers.end(),
                                      [&](const Blocker& b) { return b.condition == c; }));
                    if (!c->question.empty()) {
                        CHECK(step.question->path == c->question);  // exactly the question it reads
                    } else {
                        CHECK(step.question->block == c->dimension);  // an answer scored in its dimension
                        CHECK(step.dimension->id == c->dimension);
                    }
                }
            }
            auto reported = std::find_if(plan.unliftable.begin(), plan.unliftable.end(),
                                         [&](const UnliftableBlocker& u) { return u.condition == &requirement; });
            if (reported != plan.unliftable.end()) {
                ++unliftable;
                CHECK_FALSE(plan.reachable);
                // The reason holds: an answer about the institution no criterion scores, or one the
                // other requirements or the best answers rule out.
                if (reported->reason == UnliftableBlocker::Reason::fixed_answer) {
                    REQUIRE_FALSE(requirement.question.empty());
                    for (const auto& d : set.dimensions)
                        for (const auto& c : d.criteria) CHECK(c.question != requirement.question);
                } else {
                    CHECK((reported->reason == UnliftableBlocker::Reason::out_of_reach ||
                           reported->reason == UnliftableBlocker::Reason::conflicting));
                }
                // Nothing claims to lift it.
                for (const auto& step : plan.steps)
                    CHECK(std::find(step.lifts.begin(), step.lifts.end(), &requirement) == step.lifts.end());
            } else {
                ++lifted;
                // Some step lifts it, and after the plan the requirement holds.
                CHECK(std::any_of(plan.steps.begin(), plan.steps.end(), [&](const PlanStep& step) {
                    return std::find(step.lifts.begin(), step.lifts.end(), &requirement) != step.lifts.end();
                }));
                CHECK_FALSE(unmet(plan.after.find_model(model.id)));
                CHECK(scoring::evaluate(requirement, plan.after) == scoring::Holds::yes);
            }
        }
    }
    // Every model and every requirement of the shipped set.
    size_t requirements = 0;
    for (const auto& model : set.models) requirements += model.requires_.size();
    CHECK(pairs == static_cast<int>(requirements));
    CHECK(lifted + unliftable == pairs);
    CHECK(lifted > 0);
    CHECK(unliftable > 0);  // branch_campus's 20,000 students: the institution's size, no action changes it
    CHECK(steps_checked >= lifted);
}
