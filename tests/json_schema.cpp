#include "json_schema.hpp"

#include <regex>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

namespace tne::test {

nlohmann::json yaml_to_json(const YAML::Node& node) {
    if (node.IsMap()) {
        nlohmann::json object = nlohmann::json::object();
        for (const auto& entry : node) object[entry.first.Scalar()] = yaml_to_json(entry.second);
        return object;
    }
    if (node.IsSequence()) {
        nlohmann::json array = nlohmann::json::array();
        for (const auto& item : node) array.push_back(yaml_to_json(item));
        return array;
    }
    if (node.IsNull() || !node.IsDefined()) return nullptr;
    const std::string& text = node.Scalar();
    bool plain = node.Tag() != "!";
    if (plain && (text == "true" || text == "false")) return text == "true";
    static const std::regex number(R"(-?[0-9]+(\.[0-9]+)?)");
    if (plain && std::regex_match(text, number))
        return text.find('.') == std::string::npos ? nlohmann::json(std::stoll(text)) : nlohmann::json(std::stod(text));
    return text;
}

void parse_schema(const nlohmann::json& document, valijson::Schema& schema) {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    parser.populateSchema(adapter, schema);
}

std::vector<std::string> schema_errors(const valijson::Schema& schema, const nlohmann::json& document) {
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    validator.validate(schema, adapter, &results);
    std::vector<std::string> errors;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) errors.push_back(error.description);
    return errors;
}

}  // namespace tne::test
