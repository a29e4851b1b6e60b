// The structure of rubric files: each file is checked against its kind's definition in
// schemas/rubric-set.schema.json by a real JSON Schema validator (valijson), so editors with a
// YAML language server and `tne rubrics check` agree on what a well-formed file is.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "tne/error.hpp"

namespace tne::rubric_schema {

enum class FileKind { rubric_set, annex, questions, dimension, models, tests };

// The schema's definition for a kind: "dimension_file".
std::string_view definition_name(FileKind kind);

// The JSON Schema of rubric files, as shipped in schemas/ (embedded in the binary).
const std::string& schema_text();

// Every place where `root` departs from the schema of `kind`, as diagnostics with rule "schema"
// at the offending node; empty when the file is well formed.
std::vector<Diagnostic> validate(const YAML::Node& root, const std::string& file, FileKind kind);

}  // namespace tne::rubric_schema
