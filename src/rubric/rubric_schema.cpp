#include "rubric/rubric_schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "base/enum_ids.hpp"
#include "base/messages.hpp"
#include "base/yaml_input.hpp"
#include "rubric/embedded_files.hpp"
#include "rubric/rubric_loader.hpp"

namespace tne::rubric_schema {

namespace {

using nlohmann::json;

// 1e999, .inf or .nan where the schema wants a number: YAML reads them as numbers, JSON has none.
constexpr Message kNotFinite{
    "{0} at {1} is not a finite number (it is infinite, not a number, or beyond ±1.8e308); expected {2}",
    "{0} en {1} no es un número finito (es infinito, no es un número o pasa de ±1.8e308); se esperaba {3}"};

// Deeper than any real rubric file; a self-referring alias (`&x [*x]`) would otherwise recurse forever.
constexpr int kMaxDepth = 64;
// A hundred times the values of the largest real rubric file (about 2,000); aliases can make a
// document of a few hundred bytes expand to billions ("billion laughs"), which yaml-cpp loads as
// shared nodes in a millisecond and a walk would then visit one by one.
constexpr size_t kMaxNodes = 200'000;

bool all_digits(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// A scalar as JSON under YAML 1.2's core schema, as YAML language servers read it: quoted text is
// a string; plain 12, 1.5, true and null are a number, a boolean and null; anything else is text.
// (Hand-written rather than std::regex: an alias bomb makes this run for every one of its values.)
json scalar_to_json(const YAML::Node& node) {
    const std::string& text = node.Scalar();
    const std::string& tag = node.Tag();
    if (tag == "!" || tag.ends_with(":str")) return text;
    auto one_of = [&](std::initializer_list<std::string_view> words) {
        return std::find(words.begin(), words.end(), text) != words.end();
    };
    if (text.empty() || one_of({"~", "null", "Null", "NULL"})) return nullptr;
    if (one_of({"true", "True", "TRUE"})) return true;
    if (one_of({"false", "False", "FALSE"})) return false;
    std::string_view unsigned_part = text[0] == '-' || text[0] == '+' ? std::string_view(text).substr(1) : text;
    if (all_digits(unsigned_part) && text.size() < 18) return std::stoll(text);
    // A number JSON cannot hold (1e999, .inf, .nan) stays text: the schema then reports a text where
    // a number belongs, and explain() says why.
    PlainNumber number = plain_number(text);
    if (number.kind != NumberKind::finite) return text;
    // A whole number written as a float (2.5e3, 50.0) is whole for the schema as for the loader.
    if (number.value == std::trunc(number.value) && std::fabs(number.value) < 9e15)
        return static_cast<long long>(number.value);
    return number.value;
}

// The document as JSON, within kMaxDepth levels and kMaxNodes values (`visited` counts them).
json to_json(const YAML::Node& node, const std::string& file, int depth, size_t& visited) {
    if (depth > kMaxDepth)
        throw InputError(yaml_input::pos_of(node, file), format_message(msg::too_deep, std::to_string(kMaxDepth)));
    if (++visited > kMaxNodes)
        throw InputError(yaml_input::pos_of(node, file),
                         format_message(msg::too_many_nodes, std::to_string(kMaxNodes)));
    switch (node.Type()) {
        case YAML::NodeType::Scalar:
            return scalar_to_json(node);
        case YAML::NodeType::Sequence: {
            json array = json::array();
            for (const auto& item : node) array.push_back(to_json(item, file, depth + 1, visited));
            return array;
        }
        case YAML::NodeType::Map: {
            json object = json::object();
            for (const auto& entry : node)  // a duplicate key keeps its first value, as yaml-cpp does
                if (entry.first.IsScalar())
                    object.emplace(entry.first.Scalar(), to_json(entry.second, file, depth + 1, visited));
            return object;
        }
        default:
            return nullptr;
    }
}

const json& schema_document() {
    static const json document = json::parse(schema_text());
    return document;
}

// The schema of one kind: the document's definitions under a root that refers to the kind's own.
const valijson::Schema& schema_for(FileKind kind) {
    static const auto schemas = [] {
        std::map<FileKind, std::unique_ptr<valijson::Schema>> compiled;
        for (FileKind each : {FileKind::rubric_set, FileKind::annex, FileKind::questions, FileKind::dimension,
                              FileKind::models, FileKind::tests}) {
            json root = {{"definitions", schema_document()["definitions"]},
                         {"$ref", fmt::format("#/definitions/{}", definition_name(each))}};
            auto schema = std::make_unique<valijson::Schema>();
            valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
            valijson::adapters::NlohmannJsonAdapter adapter(root);
            parser.populateSchema(adapter, *schema);
            compiled[each] = std::move(schema);
        }
        return compiled;
    }();
    return *schemas.at(kind);
}

// valijson names a place as "<root>", "[key]", "[0]"...; these are the keys and indexes.
std::vector<std::string> steps_of(const std::vector<std::string>& context) {
    std::vector<std::string> steps;
    for (const auto& part : context)
        if (part.size() >= 2 && part.front() == '[' && part.back() == ']')
            steps.push_back(part.substr(1, part.size() - 2));
    return steps;
}

// The YAML node at a path, and the readable path itself: "models[2].requires[0]".
struct Place {
    YAML::Node node;
    std::string path;
    std::string steps;  // the steps taken, each ended by \x1f: unlike `path`, never ambiguous
};

// The document's nodes by path. Each map's keys are indexed once, the first time an error is in or
// under it: a map of n unknown keys has n errors, and searching the map for each one was n^2.
class Places {
public:
    Places(const YAML::Node& root, std::string_view kind) : root_(root), kind_(kind) {}

    Place at(const std::vector<std::string>& steps) {
        Place place{root_, "", ""};
        for (const auto& step : steps) {
            if (place.node.IsSequence()) {
                size_t index = 0;
                auto [end, error] = std::from_chars(step.data(), step.data() + step.size(), index);
                if (error != std::errc() || end != step.data() + step.size() || index >= place.node.size()) break;
                place.node.reset(place.node[index]);
                place.path += "[" + step + "]";
                (place.steps += step) += '\x1f';
            } else if (place.node.IsMap()) {
                const Entry* entry = find(place, step);
                if (!entry) break;
                place.node.reset(entry->value);
                place.path += (place.path.empty() ? "" : ".") + step;
                (place.steps += step) += '\x1f';
            }
        }
        if (place.path.empty()) place.path = std::string(kind_.substr(0, kind_.size() - 5)) + " file";
        return place;
    }

    // The node of a map's key, for messages about the key itself; the map when it has no such key.
    YAML::Node key(const Place& map, const std::string& key) {
        const Entry* entry = map.node.IsMap() ? find(map, key) : nullptr;
        return entry ? entry->key : map.node;
    }

private:
    struct Entry {
        YAML::Node key;
        YAML::Node value;
    };
    using Index = std::unordered_map<std::string, Entry>;

    // A map's entry by key; the first of a key given twice, as yaml-cpp's own lookup gives.
    const Entry* find(const Place& map, const std::string& key) {
        auto [it, added] = indexes_.try_emplace(map.steps);
        if (added)
            for (const auto& entry : map.node)
                if (entry.first.IsScalar())
                    it->second.try_emplace(entry.first.Scalar(), Entry{entry.first, entry.second});
        auto found = it->second.find(key);
        return found == it->second.end() ? nullptr : &found->second;
    }

    YAML::Node root_;
    std::string_view kind_;
    std::unordered_map<std::string, Index> indexes_;  // by the map's steps ("" for the root)
};

// The subschema that applies at a path, following $ref, properties, additionalProperties and items.
const json* subschema_at(const std::vector<std::string>& steps, FileKind kind) {
    const json& definitions = schema_document()["definitions"];
    auto resolve = [&](const json* schema) {
        while (schema && schema->contains("$ref")) {
            std::string ref = (*schema)["$ref"];
            schema = &definitions[ref.substr(ref.rfind('/') + 1)];
        }
        return schema;
    };
    const json* schema = resolve(&definitions[std::string(definition_name(kind))]);
    for (const auto& step : steps) {
        if (!schema) return nullptr;
        if (schema->contains("items"))
            schema = &(*schema)["items"];
        else if (schema->contains("properties") && (*schema)["properties"].contains(step))
            schema = &(*schema)["properties"][step];
        else if (schema->contains("additionalProperties") && (*schema)["additionalProperties"].is_object())
            schema = &(*schema)["additionalProperties"];
        else
            return nullptr;
        schema = resolve(schema);
    }
    return schema;
}

LocalText type_words(const json& type) {
    static const std::map<std::string, LocalText> words = {{"object", {"a map", "un mapa"}},
                                                           {"array", {"a list", "una lista"}},
                                                           {"string", {"a text", "un texto"}},
                                                           {"number", {"a number", "un número"}},
                                                           {"integer", {"a whole number", "un número entero"}},
                                                           {"boolean", {"true or false", "true o false"}}};
    auto it = words.find(type.is_string() ? type.get<std::string>() : "");
    return it == words.end() ? LocalText{"another type", "otro tipo"} : it->second;
}

std::string join(const json& values) {
    std::string text;
    for (const auto& value : values) text += (text.empty() ? "" : ", ") + value.get<std::string>();
    return text;
}

std::string range_of(const json& schema) {
    auto number = [](const json& value) { return format_number(value.get<double>(), 2); };
    if (schema.contains("exclusiveMinimum"))
        return "> " + number(schema["exclusiveMinimum"]) +
               (schema.contains("maximum") ? ", ≤ " + number(schema["maximum"]) : std::string());
    std::string low = schema.contains("minimum") ? number(schema["minimum"]) : "";
    std::string high = schema.contains("maximum") ? number(schema["maximum"]) : "";
    if (high.empty()) return "≥ " + low;
    if (low.empty()) return "≤ " + high;
    return low + " .. " + high;
}

// One validation error in the words of a rubric author.
Diagnostic explain(const valijson::ValidationResults::Error& error, Places& places, const std::string& file,
                   FileKind kind) {
    std::vector<std::string> steps = steps_of(error.context);
    Place place = places.at(steps);
    const json* schema = subschema_at(steps, kind);
    const std::string& what = error.description;
    std::string value = yaml_input::describe(place.node);
    static const std::regex missing_re("Missing required property '(.*)'\\.");
    static const std::regex unknown_re("Object contains a property that could not be validated .*: '(.*)'\\.");
    std::smatch match;
    auto at = [&](const YAML::Node& node, LocalText message) {
        return Diagnostic{yaml_input::pos_of(node, file), std::move(message), Problem::schema};
    };

    if (std::regex_match(what, match, missing_re)) {
        // A misspelt key is both unknown and missing: report it once, at the misspelling.
        std::vector<std::string> allowed;
        if (schema && schema->contains("properties"))
            for (const auto& [key, unused] : (*schema)["properties"].items()) allowed.push_back(key);
        for (const auto& entry : place.node) {
            const std::string& key = entry.first.Scalar();
            bool unknown = std::find(allowed.begin(), allowed.end(), key) == allowed.end();
            if (unknown && yaml_input::closest(key, {match[1]}) == match[1])
                return at(entry.first, yaml_input::unknown_key_message(key, place.path, allowed));
        }
        return at(place.node, format_message(msg::missing_key, match[1], place.path));
    }
    if (std::regex_match(what, match, unknown_re)) {
        std::vector<std::string> allowed;
        if (schema && schema->contains("properties"))
            for (const auto& [key, unused] : (*schema)["properties"].items()) allowed.push_back(key);
        return at(places.key(place, match[1]), yaml_input::unknown_key_message(match[1], place.path, allowed));
    }
    if (schema && what.find("'type' constraint") != std::string::npos && place.node.IsScalar() &&
        plain_number(place.node.Scalar()).kind == NumberKind::not_finite) {
        LocalText expected = type_words((*schema)["type"]);
        if (schema->contains("minimum") || schema->contains("maximum") || schema->contains("exclusiveMinimum"))
            expected = {expected.en + " in " + range_of(*schema), expected.es + " en " + range_of(*schema)};
        return at(place.node, format_message(kNotFinite, value, place.path, expected.en, expected.es));
    }
    if (schema && schema->contains("x-description-es") && what.find("'type' constraint") != std::string::npos) {
        std::string en = (*schema)["description"];
        std::string es = (*schema)["x-description-es"];
        return at(place.node, format_message(msg::schema_pattern, value, place.path, en, es));
    }
    if (schema && what.find("'type' constraint") != std::string::npos) {
        LocalText expected = type_words((*schema)["type"]);
        return at(place.node, format_message(msg::schema_expected_type, place.path, value, expected.en, expected.es));
    }
    if (schema && schema->contains("enum"))
        return at(place.node, format_message(msg::expected_one_of, value, join((*schema)["enum"])));
    if (what.find("fewer than 1 characters") != std::string::npos)
        return at(place.node, format_message(msg::schema_empty_text, place.path));
    if (schema && what.find("Array should contain no fewer than") != std::string::npos)
        return at(place.node,
                  format_message(msg::schema_too_few, place.path, std::to_string((*schema)["minItems"].get<int>())));
    if (schema &&
        (schema->contains("minimum") || schema->contains("maximum") || schema->contains("exclusiveMinimum")) &&
        what.find("regex") == std::string::npos)
        return at(place.node, format_message(msg::schema_out_of_range, value, range_of(*schema), place.path));
    if (schema && schema->contains("pattern")) {
        std::string en = schema->value("description", std::string((*schema)["pattern"]));
        std::string es = schema->value("x-description-es", en);
        return at(place.node, format_message(msg::schema_pattern, value, place.path, en, es));
    }
    return at(place.node, format_message(msg::schema_other, place.path, what));
}

// valijson reports each failure at every level above it too ("Failed to validate against schema
// associated with property..."); only the deepest one says what is wrong. An error is one of those
// echoes when its context is a proper prefix of another's: every proper prefix is collected once,
// so the test is a lookup rather than a pass over every other error.
std::string context_key(const std::vector<std::string>& context, size_t length) {
    std::string key;
    for (size_t i = 0; i < length; ++i) (key += context[i]) += '\x1f';
    return key;
}

std::unordered_set<std::string> outer_contexts(const std::vector<valijson::ValidationResults::Error>& errors) {
    std::unordered_set<std::string> outer;
    for (const auto& error : errors)
        for (size_t length = 0; length < error.context.size(); ++length)
            outer.insert(context_key(error.context, length));
    return outer;
}

}  // namespace

std::string_view definition_name(FileKind kind) {
    static constexpr EnumId<FileKind> kIds[] = {
        {FileKind::rubric_set, "rubric_set_file"}, {FileKind::annex, "annex_file"},
        {FileKind::questions, "questions_file"},   {FileKind::dimension, "dimension_file"},
        {FileKind::models, "models_file"},         {FileKind::tests, "tests_file"}};
    return id_of(kIds, kind);
}

const std::string& schema_text() {
    static const std::string text = [] {
        for (const auto& file : embedded::schema_files())
            if (file.path == "rubric-set.schema.json") return std::string(file.content);
        return std::string("{}");
    }();
    return text;
}

std::vector<Diagnostic> validate(const YAML::Node& root, const std::string& file, FileKind kind) {
    size_t visited = 0;
    json document;
    try {
        document = to_json(root, file, 0, visited);
    } catch (const InputError& e) {  // too deep or too large to validate: that is the finding
        Diagnostic finding = e.diagnostics().front();
        finding.problem = Problem::schema;
        return {finding};
    }
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    if (validator.validate(schema_for(kind), adapter, &results)) return {};

    std::vector<valijson::ValidationResults::Error> errors;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) errors.push_back(error);
    std::vector<Diagnostic> diagnostics;
    std::unordered_set<std::string> outer = outer_contexts(errors);
    std::set<std::pair<int, int>> reported;  // one finding per place
    Places places(root, definition_name(kind));
    for (const auto& e : errors) {
        if (outer.count(context_key(e.context, e.context.size()))) continue;
        Diagnostic diagnostic = explain(e, places, file, kind);
        if (reported.emplace(diagnostic.pos.line, diagnostic.pos.column).second)
            diagnostics.push_back(std::move(diagnostic));
    }
    return diagnostics;
}

}  // namespace tne::rubric_schema
