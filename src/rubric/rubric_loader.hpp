// Reading a rubric set while collecting every problem, for `tne rubrics check`; load_rubric_set
// (tne/rubric.hpp) is the strict form that throws them.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "rubric/rubric_schema.hpp"
#include "tne/rubric.hpp"

namespace tne {

// A file of the set that parsed, with its kind, for the schema check.
struct RubricSourceFile {
    std::string name;  // as shown in messages: root + "/" + relative path
    rubric_schema::FileKind kind;
    YAML::Node root;
};

struct RubricLoad {
    RubricSet set;                        // whatever loaded; complete only when there are no problems
    std::vector<Diagnostic> problems;     // each with its rule id, in the order found
    std::vector<RubricSourceFile> files;  // every file that parsed
};

RubricLoad read_rubric_set(const RubricFiles& files);

// A scalar's text read as YAML 1.2's core schema reads a number ("12", "-1.5", "1e3", ".inf"),
// without throwing: `finite` when it fits a double, `not_finite` for .inf, .nan (and inf, nan,
// infinity in any case, which strtod would read) and numbers beyond ±1.8e308 such as 1e999; a
// number too small for a double (1e-400) reads as 0, as it does in JSON parsers.
enum class NumberKind { none, finite, not_finite };
struct PlainNumber {
    NumberKind kind = NumberKind::none;
    double value = 0;
};
PlainNumber plain_number(std::string_view text);

}  // namespace tne
