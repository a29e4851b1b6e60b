// Planning: what-if answers (--set), the cheapest plan to a model (tne plan), checked against an
// exhaustive search and by applying every plan to every example.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>

#include "scoring.hpp"
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
        case QuestionType::text: break;
    }
    return values;
}

struct Cost {
    int points = 0;
    size_t changes = 0;
};

// The cheapest plan by brute force: every set of scored questions, cheapest first, and every
// combination of new values for them, judged by assess() itself.
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
                found = assess(trial, set).find_model(model)->feasible;
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
                CHECK(plan.after.find_model(model.id)->feasible);
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
        "institution: {name: Small, type: private}\nalpha: {budget: no, share: 70}\nbeta: {partners: [uk, es], staff: 0}\n",
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

TEST_CASE("every plan to every model, for every example, applied with --set makes the model feasible",
          "[plan][cli]") {
    const RubricSet& set = default_rubrics();
    int plans = 0, unreachable = 0;
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
            if (planned.exit_code == 0) {
                ++plans;
                CHECK(plan["reachable"] == true);
                CHECK(result["feasible"] == true);
                CHECK(plan["after"]["target_feasible"] == true);
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
                        CHECK(std::find(r.in.begin(), r.in.end(), std::get<std::string>(best_value(c, *q))) != r.in.end());
        }

    int compared = 0;
    for (const auto& example : example_profiles()) {
        Profile profile = load_profile_file(example.string(), set);
        Assessment now = assess(profile, set);
        for (const auto& model : set.models) {
            Plan plan = make_plan(now, model);
            // Proving there is nothing cheaper visits every cheaper set: plans up to 15 points keep
            // the test under a second and cover 32 plans; the dearest few (16 to 25) would take a minute.
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
                    for (size_t i : chosen) trial.set(*relevant[i].second, best_value(*relevant[i].first, *relevant[i].second));
                    if (assess(std::move(trial), set).find_model(model.id)->feasible) cheapest = std::pair(points, chosen.size());
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
    CHECK(compared == 32);
}

TEST_CASE("what-if: --set re-scores with the changed answers, marks them, and leaves the file as it was", "[what-if][cli]") {
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
    CHECK_THAT(run({"--format", "markdown", "--date", "2026-11-23"}), Catch::Contains("> **What-if: 1 answer"));
    CHECK_THAT(run({"--format", "html", "--date", "2026-11-23"}), Catch::Contains("<section class=\"what-if\">"));
    CHECK_THAT(run_tne({"assess", example}).out, !Catch::Contains("What-if"));
}

TEST_CASE("what-if: --set values are validated like the file's own, and a bad one exits 2 naming it", "[what-if][cli]") {
    std::string example = (source_dir() / "examples/research_center.yaml").string();
    struct Case {
        std::string setting;
        std::string message;
    };
    for (const Case& c : std::vector<Case>{
             {"funding.co_funding=yse", "--set funding.co_funding=yse: funding.co_funding: \"yse\" is not valid; did you mean \"yes\"?"},
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
            bool builds = std::find(m.builds_on.begin(), m.builds_on.end(), report["suggested_model"]["id"]) != m.builds_on.end();
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
    for (const auto& step : plan["steps"]) points += plan["effort_points"][step["effort"].get<std::string>()].get<int>();
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
    for (const char* english : {"Target", "Steps", "After these steps", "Try it", "Lifts", "effort", "Overall readiness"})
        CHECK_THAT(spanish.out, !Catch::Contains(english));
    CHECK_THAT(spanish.out, Catch::Contains("Pruébelo"));
    CHECK_THAT(run_tne({"plan", example, "--format", "markdown"}).out, Catch::Contains("| # | Change | Action |"));

    RunResult unknown = run_tne({"plan", example, "--target", "dual_degre"});
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Catch::Contains("--target dual_degre: not a model of the rubric set; the models are: "));

    // A research centre cannot become a university: validation stays out of reach, and says why.
    std::string centre = (source_dir() / "examples/research_center.yaml").string();
    RunResult blocked = run_tne({"plan", centre, "--target", "validation"});
    CHECK(blocked.exit_code == 1);
    CHECK_THAT(blocked.out, Catch::Contains("Validation cannot be reached within this rubric set"));
    CHECK_THAT(blocked.out, Catch::Contains("It describes the institution"));

    // A plan from a what-if starts where the what-if leaves off.
    RunResult from_what_if = run_tne({"plan", example, "--format", "json", "--set", "language.spanish_reciprocity=yes"});
    json what_if_plan = json::parse(from_what_if.out);
    for (const auto& step : what_if_plan["steps"]) CHECK(step["field"] != "language.spanish_reciprocity");
}

TEST_CASE("sensitivity: the points a dimension must move, worked out by hand on a small set", "[sensitivity]") {
    RubricSet set = load_rubric_set(directory_rubric_files((source_dir() / "tests/rubrics/plan-small").string()));
    // alpha = (3 × 50 + 1 × 0) / 4 = 37.5; beta = (2 × 60 + 1 × 0) / 3 = 40; overall = (2 × 37.5 + 40) / 3 = 38.3.
    Profile profile = load_profile(
        "institution: {name: Small, type: private}\nalpha: {budget: partial, share: 10}\nbeta: {partners: [uk], staff: 0}\n",
        "small.yaml", set);
    Assessment a = assess(profile, set);
    measure_sensitivity(a);
    REQUIRE(a.sensitivity.size() == 2);
    // The overall level "mid" starts at 50: alpha needs 55 (+17.5, so 18 whole points), beta 75 (+35).
    REQUIRE(a.sensitivity[0].next_level);
    CHECK(a.sensitivity[0].next_level->points == 18);
    CHECK(a.sensitivity[0].next_level->level->id == "mid");
    REQUIRE(a.sensitivity[1].next_level);
    CHECK(a.sensitivity[1].next_level->points == 35);
}

TEST_CASE("sensitivity: each model shift is the smallest whole move that changes the suggestion", "[sensitivity]") {
    const RubricSet& set = default_rubrics();
    int shifts = 0;
    for (const auto& example : example_profiles()) {
        Assessment a = assess(load_profile_file(example.string(), set), set);
        measure_sensitivity(a);
        for (size_t d = 0; d < a.dimensions.size(); ++d) {
            const DimensionSensitivity& s = a.sensitivity[d];
            auto suggested_at = [&](double score) {
                std::vector<DimensionResult> dims = a.dimensions;
                dims[d].score = score;
                std::vector<ModelResult> models;
                for (const auto& m : set.models) models.push_back(scoring::evaluate_model(m, dims, a.profile));
                return scoring::choose_suggestion(models, set)->model;
            };
            for (const auto& shift : {s.model_up, s.model_down}) {
                if (!shift) continue;
                INFO(example.filename().string() << " " << s.dimension->id << " " << shift->points);
                ++shifts;
                double direction = shift->points > 0 ? 1 : -1;
                double reached = std::clamp(*s.score + shift->points, 0.0, 100.0);
                CHECK(suggested_at(reached) == shift->model);
                CHECK(shift->model != a.suggested->model);
                for (double k = 1; k < std::fabs(shift->points); ++k)
                    CHECK(suggested_at(*s.score + direction * k) == a.suggested->model);
            }
        }
    }
    CHECK(shifts > 5);
}
