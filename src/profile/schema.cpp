// The profile's JSON Schema (draft 2020-12), derived from the rubric set's questions: the same
// source of truth as validation, so editors and `tne assess` accept the same profiles.
#include "base/json_writer.hpp"
#include "tne/render.hpp"

namespace tne {

namespace {

// The answer's value. An unknown answer is written as null (or left out), except for required
// questions; `nullable` is false inside the evidence form, which is only for known answers.
void write_value(JsonWriter& json, const Question& q, bool nullable) {
    auto type = [&](const char* name) {
        if (!nullable)
            json.field("type", name);
        else
            json.key("type").begin_array().value(name).value("null").end_array();
    };
    switch (q.type) {
        case QuestionType::text:
            // Any non-empty scalar is text to tne, also an unquoted 1810 or true, which YAML 1.2 reads
            // as a number and a boolean (editors read YAML 1.2).
            json.key("type").begin_array().value("string").value("number").value("boolean");
            if (nullable) json.value("null");
            json.end_array();
            json.key("minLength").value(1);
            json.key("maxLength").value(static_cast<int>(kMaxTextCharacters));
            break;
        case QuestionType::choice:
        case QuestionType::yes_partial_no:
            json.key("enum").begin_array();
            for (const auto& value : q.values) json.value(value.id);
            if (nullable) json.null();
            json.end_array();
            break;
        case QuestionType::list:
            type("array");
            json.key("items").begin_object().key("enum").begin_array();
            for (const auto& value : q.values) json.value(value.id);
            json.end_array().end_object();
            json.field("uniqueItems", true);
            break;
        case QuestionType::percent:
        case QuestionType::count:
            type(q.type == QuestionType::percent ? "number" : "integer");
            json.key("minimum").number(q.min, 6);
            json.key("maximum").number(q.max, 6);
            break;
    }
}

// An answer is its bare value, or {value, evidence} (README: "Evidence").
void write_question(JsonWriter& json, const Question& q) {
    json.key(q.key).begin_object();
    json.field("title", q.text.en);
    json.field("description", q.help.en);
    json.field("x-title-es", q.text.es);
    json.field("x-description-es", q.help.es);
    json.key("anyOf").begin_array();
    json.begin_object();
    write_value(json, q, !q.required);
    json.end_object();
    json.begin_object().field("type", "object").field("additionalProperties", false);
    json.key("required").begin_array().value("value").value("evidence").end_array();
    json.key("properties").begin_object();
    json.key("value").begin_object();
    write_value(json, q, false);
    json.end_object();
    json.key("evidence").begin_object().field("$ref", "#/$defs/evidence").end_object();
    json.end_object();
    json.end_object();
    json.end_array();
    json.end_object();
}

// Where an answer comes from (Annex 4.1.7, 4.4: indicators reviewed regularly).
void write_evidence_definition(JsonWriter& json) {
    auto text = [&](const char* name, const char* en, const char* es) {  // any non-empty scalar, as for answers
        json.key(name).begin_object();
        json.key("type").begin_array().value("string").value("number").value("boolean").end_array();
        json.key("minLength").value(1);
        json.field("description", en).field("x-description-es", es).end_object();
    };
    json.key("$defs").begin_object().key("evidence").begin_object();
    json.field("title", "Evidence of the answer").field("x-title-es", "Evidencia de la respuesta");
    json.field("type", "object").field("additionalProperties", false);
    json.key("required").begin_array().value("source").value("date").value("owner").end_array();
    json.key("properties").begin_object();
    text("source", "The document, system or record that shows the answer.",
         "El documento, sistema o registro que respalda la respuesta.");
    json.key("date").begin_object().field("type", "string").field("format", "date");
    // "format": "date" alone would take the year 0000, which tne refuses.
    json.field("pattern", "^(?!0000)[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    json.field("description", "When the evidence was last checked, YYYY-MM-DD.");
    json.field("x-description-es", "Cuándo se revisó la evidencia por última vez, AAAA-MM-DD.").end_object();
    text("owner", "Who keeps the evidence up to date.", "Quién mantiene la evidencia al día.");
    json.end_object();
    json.end_object().end_object();
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
    write_evidence_definition(json);
    json.end_object();
    return json.str();
}

}  // namespace tne
