// An institution's self-profile: its answers, validated against the rubric set's questions.
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

#include "tne/error.hpp"
#include "tne/rubric.hpp"

namespace YAML {
class Node;
}

namespace tne {

// An answer: unknown (monostate), a number, a single value or text, or a list of values.
using Value = std::variant<std::monostate, double, std::string, std::vector<std::string>>;

struct Answer {
    Value value;
    SourcePos pos;

    bool known() const { return !std::holds_alternative<std::monostate>(value); }
};

struct Profile {
    std::string source;                    // the file name, for messages and reports
    std::map<std::string, Answer> answers;  // by question path; absent means unknown

    const Answer* find(const std::string& path) const;
    std::string text(const std::string& path) const;  // a text or choice answer, else ""
};

// Parses and validates; throws InputError listing every problem with file:line:column.
Profile load_profile(const std::string& yaml_text, const std::string& source, const RubricSet& rubric);
Profile load_profile_file(const std::string& path, const RubricSet& rubric);
// The same for a profile embedded in another YAML file (a rubric set's test case); positions are
// those of `source`.
Profile load_profile_node(const YAML::Node& root, const std::string& source, const RubricSet& rubric);

}  // namespace tne
