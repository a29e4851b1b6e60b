// The profile's JSON Schema (draft 2020-12), derived from the rubric set's questions: the same
// source of truth as validation, so editors and `tne assess` accept the same profiles.
#include "json_writer.hpp"
#include "tne/render.hpp"

namespace tne {

namespace {

void write_question(JsonWriter& json, const Question& q) {
    json.key(q.key).begin_object();
    json.field("title", q.text.en);
    json.field("description", q.help.en);
    json.field("x-title-es", q.text.es);
    json.field("x-description-es", q.help.es);
    // An unknown answer is written as null (or left out), except for required questions.
    auto nullable = [&](const char* type) {
        if (q.required) json.field("type", type);
        else json.key("type").begin_array().value(type).value("null").end_array();
    };
    switch (q.type) {
        case QuestionType::text:
            json.field("type", "string");
            json.key("minLength").value(1);
            break;
        case QuestionType::choice:
        case QuestionType::yes_partial_no:
            json.key("enum").begin_array();
            for (const auto& value : q.values) json.value(value.id);
            if (!q.required) json.null();
            json.end_array();
            break;
        case QuestionType::list:
            nullable("array");
            json.key("items").begin_object().key("enum").begin_array();
            for (const auto& value : q.values) json.value(value.id);
            json.end_array().end_object();
            json.field("uniqueItems", true);
            break;
        case QuestionType::percent:
        case QuestionType::count:
            nullable(q.type == QuestionType::percent ? "number" : "integer");
            json.key("minimum").number(q.min, 6);
            json.key("maximum").number(q.max, 6);
            break;
    }
    json.end_object();
}

}  // namespace

std::string render_profile_schema(const RubricSet& rubric) {
    JsonWriter json;
    json.begin_object();
    json.field("$schema", "https://json-schema.org/draft/2020-12/schema");
    json.field("title", "tne self-profile (" + rubric.id + " v" + std::to_string(rubric.version) + ")");
    json.field("description", rubric.name.en);
    json.field("type", "object");
    json.field("additionalProperties", false);
    json.key("required").begin_array().value("institution").end_array();
    json.key("properties").begin_object();
    for (const auto& block : rubric.blocks) {
        const Dimension* dimension = rubric.find_dimension(block);
        json.key(block).begin_object();
        if (dimension) {
            json.field("title", dimension->name.en).field("x-title-es", dimension->name.es);
            json.key("type").begin_array().value("object").value("null").end_array();
        } else {
            json.field("type", "object");
        }
        json.field("additionalProperties", false);
        std::vector<std::string> required;
        for (const auto& q : rubric.questions)
            if (q.block == block && q.required) required.push_back(q.key);
        if (!required.empty()) json.key("required").strings(required);
        json.key("properties").begin_object();
        for (const auto& q : rubric.questions)
            if (q.block == block) write_question(json, q);
        json.end_object();
        json.end_object();
    }
    json.end_object();
    json.end_object();
    return json.str();
}

}  // namespace tne
