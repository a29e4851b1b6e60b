// A rubric set's own test cases: profiles with the results they must give, listed under `tests:`
// in rubric-set.yaml and run by `tne rubrics test` like a policy test runner, so a changed weight,
// band or threshold that moves a result is caught before anyone is assessed with it.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "tne/error.hpp"
#include "tne/profile.hpp"
#include "tne/rubric.hpp"
#include "tne/text.hpp"

namespace tne {

// A score that must fall in a range and/or be at a level; an unset part is not checked. Scores
// compare as reports show them, rounded to one decimal.
struct ScoreExpectation {
    std::optional<double> at_least;
    std::optional<double> at_most;
    std::string level;  // a level id of the set; empty when not checked
};

// Criteria that must (include) or must not (exclude) be among the first `top` ranked
// recommendations, or anywhere among them when `top` is not given.
struct RecommendationExpectation {
    std::vector<std::string> include;  // criterion ids
    std::vector<std::string> exclude;
    std::optional<int> top;
};

// Ids the Annex supports for a case, with the section and words that support them (fidelity cases,
// docs/rubrics.md).
struct SupportedIds {
    std::vector<std::string> ids;
    std::string annex;
    std::string quote;
    SourcePos pos;
};

struct CaseExpectation {
    std::optional<ScoreExpectation> overall;
    std::vector<std::pair<std::string, ScoreExpectation>> dimensions;  // by dimension id, in file order
    std::optional<std::string> suggested;                              // a model id, or "none" for no suggestion
    std::vector<std::string> feasible;                                 // model ids
    std::vector<std::string> blocked;
    RecommendationExpectation recommendations;
    std::optional<SupportedIds> suggested_one_of;  // the suggestion must be one of these models
    std::optional<SupportedIds> acceptable;        // other models the Annex supports for the case
    std::optional<SupportedIds> not_for_now;       // each must be blocked or below the minimum fit
    std::optional<SupportedIds> barriers;          // dimensions, each below overall readiness
    std::optional<double> stability;               // percent of one-answer variants whose suggestion stays supported
};

struct RubricTestCase {
    std::string id;
    SourcePos pos;  // of the case in its test file
    Profile profile;
    CaseExpectation expect;
};

struct RubricTestSuite {
    std::vector<RubricTestCase> cases;  // the set's test files in order, each in file order

    // What the expectations check, so untested parts of a set can be pointed out: the models named
    // as suggested, feasible or blocked, and the dimensions with a score or level expectation.
    std::set<std::string> covered_models() const;
    std::set<std::string> covered_dimensions() const;
};

// Reads every file of `set.test_files` through `files` (the files `set` was loaded from) and
// validates each inline profile against `set`. Throws InputError listing every problem at its
// file:line:column, with rule "unknown-reference" for an id the set does not define (model,
// dimension, criterion, level, test file), "duplicate-key" for a key given twice and "schema" for
// anything else malformed (an invalid inline profile included).
RubricTestSuite load_rubric_tests(const RubricSet& set, const RubricFiles& files);

// An unmet expectation: "suggested model: expected hybrid_blended, got franchise", with details
// such as the blockers of a model expected to be feasible.
struct TestFailure {
    LocalText message;
    std::vector<LocalText> details;
};

struct CaseResult {
    const RubricTestCase* test_case = nullptr;  // points into the suite run
    std::vector<TestFailure> failures;
    std::vector<LocalText> notes;  // what was measured, shown under the case: the stability figure

    bool passed() const { return failures.empty(); }
};

struct RubricTestReport {
    std::vector<CaseResult> cases;  // in suite order

    int passed() const;
    int failed() const;
};

// Assesses every case's profile with `set`, the set the suite was loaded against, and compares each
// expectation. The report points into `suite`, which must outlive it.
RubricTestReport run_rubric_tests(const RubricTestSuite& suite, const RubricSet& set);

// One line per case, "PASS  file:line:column  case-id" or "FAIL  ..." followed by an indented line
// per failure, then a closing count: "3 passed, 1 failed".
std::string render_rubric_test_report(const RubricTestReport& report, Lang lang);

}  // namespace tne
