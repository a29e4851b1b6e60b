// JSON Schema checks in the tests: YAML read as the JSON an editor validates, and valijson's errors.
#pragma once

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <string>
#include <valijson/schema.hpp>
#include <vector>

namespace tne::test {

// Plain scalars that are numbers or true/false become JSON numbers and booleans, ~ and empty
// values null, everything else text (quoted numbers and dates too).
nlohmann::json yaml_to_json(const YAML::Node& node);

// Reads a draft-07 schema document into `schema`.
void parse_schema(const nlohmann::json& document, valijson::Schema& schema);

// Why `document` does not validate against `schema`; empty when it does.
std::vector<std::string> schema_errors(const valijson::Schema& schema, const nlohmann::json& document);

}  // namespace tne::test
