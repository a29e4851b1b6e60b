// Two kinds of failure: input the user can fix (InputError, with the place and the value) and bugs
// (anything else). Input errors carry every problem found, so one run reports them all.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tne/text.hpp"

namespace tne {

// A place in an input file; line and column are 1-based, 0 when unknown.
struct SourcePos {
    std::string file;
    int line = 0;
    int column = 0;

    std::string str() const;  // "file:line:column", or "file" when there is no line
    bool operator==(const SourcePos&) const = default;
};

// The system's reason for an errno, in both languages: its own English words (strerror) and Spanish
// ones for the errors reading and writing files meet in practice.
LocalText system_reason(int error);

// The kinds of problem a diagnostic reports, so that code tells them apart without reading their
// messages. The rubric-set kinds are the rules of `tne rubrics check`, in the order it lists them
// (SARIF indexes them); the others are what readers of profiles and surveys need to tell apart.
enum class Problem {
    input,           // a problem in an input file with no kind of its own
    missing_answer,  // a required answer is missing (subject: the question's path)
    duplicate_item,  // a list answer names a value twice (subject: the value)
    yaml_syntax,
    missing_file,
    duplicate_key,
    schema,
    duplicate_id,
    spanish_id,
    id_mismatch,
    unknown_reference,
    rule_type_mismatch,
    bands_order,
    levels_order,
    range_order,
    score_range,
    weight_positive,
    missing_translation,
    annex_section,
    pathway_order,
    unreachable_full_score,
    infeasible_model,
    quote_not_found,
    heading_not_found,
    unused_question,
    untranslated,
    no_tests,
    untested_model,
    untested_dimension,
    basis_missing,
};

// Every kind, in order: kAllProblems[i] is Problem(i).
inline constexpr Problem kAllProblems[] = {
    Problem::input,
    Problem::missing_answer,
    Problem::duplicate_item,
    Problem::yaml_syntax,
    Problem::missing_file,
    Problem::duplicate_key,
    Problem::schema,
    Problem::duplicate_id,
    Problem::spanish_id,
    Problem::id_mismatch,
    Problem::unknown_reference,
    Problem::rule_type_mismatch,
    Problem::bands_order,
    Problem::levels_order,
    Problem::range_order,
    Problem::score_range,
    Problem::weight_positive,
    Problem::missing_translation,
    Problem::annex_section,
    Problem::pathway_order,
    Problem::unreachable_full_score,
    Problem::infeasible_model,
    Problem::quote_not_found,
    Problem::heading_not_found,
    Problem::unused_question,
    Problem::untranslated,
    Problem::no_tests,
    Problem::untested_model,
    Problem::untested_dimension,
    Problem::basis_missing,
};

// The kind's id: for a rubric-set problem its `tne rubrics check` rule id ("yaml-syntax", ...), shown
// in its output; distinct and non-empty for every kind, empty for a value that is no kind.
std::string_view rule_id(Problem problem);

struct Diagnostic {
    SourcePos pos;
    LocalText message;
    Problem problem = Problem::input;
    std::string subject = {};  // what the kind is about, where a reader needs it (see Problem)

    std::string str(Lang lang) const;  // "file:line:column: message"
};

class InputError : public std::runtime_error {
public:
    explicit InputError(std::vector<Diagnostic> diagnostics);
    InputError(SourcePos pos, LocalText message);

    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

}  // namespace tne
