// Reading a rubric set while collecting every problem, for `tne rubrics check`; load_rubric_set
// (tne/rubric.hpp) is the strict form that throws them.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "rubric_schema.hpp"
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

}  // namespace tne
