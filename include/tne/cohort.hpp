// A cohort summary of many assessments, as the Annex's section 3.1 reports its survey: results by
// institution type, the distribution of levels and suggested models, the barriers most
// institutions share (their weakest dimension) and each institution's percentile within its type.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tne/assessment.hpp"
#include "tne/respondents.hpp"

namespace tne {

// What the summary keeps of one assessment: a few ids and numbers, never the assessment itself.
struct CohortMember {
    std::string source;  // "file:line" where its document or CSV row starts
    std::string name;
    std::string type;  // institution type id; "" when unknown
    std::optional<double> overall;
    std::string level;                              // level id; "" when there is no overall score
    std::vector<std::optional<double>> dimensions;  // rubric order
    std::string suggested;                          // model id; "" when none
    // An institution of several respondents (a survey grouped by institution): who they are and the
    // questions where they disagree, largest spread first. Empty for one respondent or a profile.
    std::vector<Respondent> respondents;
    std::vector<Disagreement> disagreements;
};

CohortMember cohort_member(const Assessment& assessment, std::string source);

struct Stats {
    int n = 0;  // how many had a score
    double mean = 0, median = 0, min = 0, max = 0;
};

// How many institutions have a dimension as their weakest, and their share of the group (0-100).
struct Barrier {
    const Dimension* dimension = nullptr;
    int count = 0;
    double share = 0;
};

// How often a model is the suggestion, and its share of the group (0-100).
struct ModelShare {
    const Model* model = nullptr;
    int count = 0;
    double share = 0;
};

// A group of the cohort; `members` points into the members given to summarise, which must outlive it.
struct TypeSummary {
    std::string type;  // institution type id
    int count = 0;
    std::optional<double> share;               // of the whole cohort (0-100); none when it is empty
    std::vector<const CohortMember*> members;  // input order
    Stats overall;
    std::vector<Stats> dimensions;   // rubric order
    std::vector<int> levels;         // rubric level order: how many at each level
    std::vector<int> weakest;        // rubric dimension order: how many have it as weakest
    std::vector<int> suggested;      // rubric model order
    int no_level = 0;                // members without an overall score, hence without a level
    int no_weakest = 0;              // members without any known dimension score
    int no_suggestion = 0;           // members without a suggested model
    std::vector<Barrier> barriers;   // every dimension, by share descending, then id
    std::vector<ModelShare> models;  // every model, rubric order: `suggested` with its shares
    // The models suggested most often, in rubric order: more than one is a tie. Empty when none was.
    std::vector<ModelShare> most_suggested;
    double no_weakest_share = 0, no_suggestion_share = 0;  // of the group (0-100)
};

// A percentile among fewer peers says little: with four, each is 12.5, 37.5, 62.5 or 87.5 whatever
// the scores, and one alone in its type would sit at 50. Below this many scored institutions of
// its type, an institution has no percentile.
inline constexpr int kMinPercentilePeers = 5;

// Points into the members given to summarise, which must outlive the summary.
struct MemberPercentile {
    const CohortMember* member = nullptr;
    // Within its type, 0-100; none without an overall score or among fewer than kMinPercentilePeers.
    std::optional<double> percentile;
};

// An input that gave no assessment, and why.
struct FailedInput {
    std::string source;  // "file:line"
    std::vector<Diagnostic> errors;
};

struct CohortSummary {
    const RubricSet* rubric = nullptr;
    int read = 0, scored = 0, failed = 0;
    TypeSummary all;                        // the whole cohort, type ""
    std::vector<TypeSummary> types;         // in the rubric's order of the institution.type values
    std::vector<MemberPercentile> members;  // input order
    std::vector<FailedInput> failures;      // input order; `failed` of them
};

CohortSummary summarise(const std::vector<CohortMember>& members, const RubricSet& rubric, int read,
                        std::vector<FailedInput> failures);

// The summary report (report/summary_report.cpp), one document in every human format, dated.
std::string render_summary_text(const CohortSummary& summary, Lang lang, const ReportDate& date);
std::string render_summary_markdown(const CohortSummary& summary, Lang lang, const ReportDate& date);
std::string render_summary_html(const CohortSummary& summary, Lang lang, const ReportDate& date);
// The summary report as rows of cells for a spreadsheet (the workbook of `tne batch -o records.xlsx`):
// its titles, words and tables one after another, a table's figures as numbers (a share without its %).
struct SheetCell {
    std::string text;
    std::optional<double> number;  // write the number, not the text
    bool heading = false;
};
std::vector<std::vector<SheetCell>> render_summary_sheet(const CohortSummary& summary, Lang lang,
                                                         const ReportDate& date);
// JSON (docs/json.md), a documented contract.
std::string render_summary_json(const CohortSummary& summary, Lang lang);

}  // namespace tne
