// `tne rubrics check`: everything a rubric author can get wrong, each finding with a severity, a
// rule id, file:line:column, a message and a hint. Structure is checked against the rubric files'
// JSON Schema; meaning by the loader (references, rules, orders, Annex sections, translations) and
// by analyses of the whole set (criteria that can never score full points, models no profile can
// make feasible, unused questions, untested models, rules that rest on nothing); with the source
// text, the quotes rules rest on.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tne/error.hpp"
#include "tne/rubric.hpp"

namespace tne {

enum class Severity { error, warning };

struct CheckRule {
    Problem problem;
    std::string_view id;  // rule_id(problem)
    Severity severity;
    LocalText summary;  // what the rule checks
    LocalText hint;     // how to fix a finding
};

// Every rule, in a stable order (SARIF lists them by index).
const std::vector<CheckRule>& check_rules();
const CheckRule* find_check_rule(Problem problem);  // nullptr for a kind that is no rubric-set problem
const CheckRule& check_rule(Problem problem);       // throws std::logic_error for such a kind

struct Finding {
    const CheckRule* rule = nullptr;
    SourcePos pos;
    LocalText message;
};

struct CheckReport {
    std::string root;  // the set checked: a directory, or "rubrics" for the built-in set
    int files_checked = 0;
    std::vector<Finding> findings;  // sorted by file, line, column, rule

    int count(Severity severity) const;
    // Exit status 1 when there are errors, or warnings under --strict.
    bool failed(bool strict) const { return count(Severity::error) > 0 || (strict && count(Severity::warning) > 0); }
};

// The text of the document the set cites, for `--source`: then every quote must be in the
// section its rule cites, and every section's heading in the text (docs/rubrics.md).
struct CheckSource {
    std::string name;  // as shown in messages: the path given
    std::string text;
};

CheckReport check_rubric_set(const RubricFiles& files, const std::optional<CheckSource>& source = std::nullopt);

enum class CheckFormat { text, json, github, sarif, markdown, html };

// text: compiler style, "file:line:col: error: message [rule-id]" then the hint; json: the
// findings as data; github: workflow commands that annotate a pull request's lines; sarif: SARIF
// 2.1.0 for code-scanning dashboards; markdown (a pull request's job summary) and html: the findings
// as a table for a person.
// github and sarif name a file by its path relative to `base_dir` (empty: the repository holding the
// current directory), as code hosts need; sarif as a relative `uri` with `uriBaseId` "SRCROOT", which
// `originalUriBaseIds` gives as base_dir's file:// URI. A file outside base_dir keeps its absolute
// path: an absolute file:// URI without uriBaseId in sarif (no code host can place it).
std::string render_check(const CheckReport& report, CheckFormat format, Lang lang, bool color = false,
                         const std::filesystem::path& base_dir = {});
// The line that closes every format: "rubrics: 2 errors, 1 warning", "... no problems found (18 files checked)".
std::string check_summary(const CheckReport& report, Lang lang);

// The repository holding `dir`: the nearest of `dir` and its parents that holds `.git` (a folder, or
// the file of a git worktree), else `dir` itself. `dir` is made absolute first.
std::filesystem::path repository_root(const std::filesystem::path& dir);

// The project's home page, SARIF's `informationUri`.
extern const std::string_view kTneHomePage;
// Where a rule of the check is explained: its heading in docs/rubrics.md, SARIF's `helpUri`.
std::string check_rule_help_uri(const CheckRule& rule);

// The JSON Schema of rubric files (schemas/rubric-set.schema.json), for editors.
const std::string& rubric_files_schema();

}  // namespace tne
