// The profile's JSON Schema (draft 2020-12), derived from the rubric set's questions: the same
// source of truth as validation, so editors and `tne assess` accept the same profiles. One schema
// per language: titles, descriptions and value labels are what an editor shows on hover and
// completion.
//
// Shaped for yaml-language-server (VS Code's YAML extension and others), whose completion offers
// every `enum`/`const` value and every `type` null or boolean it meets in a property's schema and
// its allOf/anyOf/oneOf branches, labelling a YAML 1.1 word in quotes (`"yes"`, `"no"`), and never
// looks into if/then/else nor at a `pattern`. So an answer's values are checked in `else` and
// offered through `defaultSnippets` instead: each id, as written, with its label as documentation;
// an unknown answer (null) is taken by the `if` and never offered; the labels an answer may also be
// written as are a `pattern`. `doNotSuggest` would not do: the server reads it on property names
// only. docs/testing.md ("Editor check") says what tests/editor/check-editor.mjs checks.
#include <fmt/format.h>

#include <algorithm>

#include "base/json_writer.hpp"
#include "tne/profile_yaml.hpp"
#include "tne/render.hpp"

namespace tne {

namespace {

bool has_values(const Question& q) {
    return q.type == QuestionType::choice || q.type == QuestionType::yes_partial_no || q.type == QuestionType::list;
}

// The labels a value may also be written as: its exact labels in English and Spanish, those that
// differ from every id (tne folds accents and case as well; the schema takes the labels as written).
std::vector<std::string> label_spellings(const Question& q) {
    std::vector<std::string> labels;
    for (const auto& choice : q.values)
        for (const std::string* label : {&choice.label.en, &choice.label.es})
            if (!label->empty() && !q.find_value(*label) &&
                std::find(labels.begin(), labels.end(), *label) == labels.end())
                labels.push_back(*label);
    return labels;
}

// Markdown of plain text: the characters that would start emphasis, code, links or headings.
std::string markdown_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

// "Annex: 2.2 Institutional landscape; 4.3.1.4 Franchise model." (each section with its title, when
// the set has one), or nothing when no rule reads the question.
std::string annex_sections(const RubricSet& rubric, const Question& q, Lang lang, bool markdown) {
    std::vector<std::string> sections;
    for (const auto& id : question_annex(rubric, q)) {
        const AnnexSection* section = rubric.find_annex_section(id);
        std::string title = section ? section->title.in(lang) : "";
        std::string shown = markdown ? markdown_text(title) : title;
        sections.push_back(title.empty() ? id : id + " " + shown);
    }
    if (sections.empty()) return "";
    std::string word = lang == Lang::es ? "Anexo" : "Annex";
    std::string line = markdown ? "**" + word + ":** " : word + ": ";
    for (size_t i = 0; i < sections.size(); ++i) line += (i ? "; " : "") + sections[i];
    return line + ".";
}

// What the answer may be, in Markdown: the values as a list, each with its label.
std::string allowed_markdown(const Question& q, Lang lang) {
    if (!has_values(q)) return markdown_text(allowed_answers(q).in(lang));
    std::string out = q.type == QuestionType::list
                          ? (lang == Lang::es ? "Una lista de cualquiera de estas (vacía, `[]`, si ninguna):"
                                              : "A list of any of these (empty, `[]`, for none):")
                          : (lang == Lang::es ? "Una de:" : "One of:");
    for (const auto& choice : q.values) {
        out += "\n- `" + choice.id + "`";
        const std::string& label = choice.label.in(lang);
        if (!label.empty() && label != choice.id) out += ": " + markdown_text(label);
    }
    return out;
}

void write_descriptions(JsonWriter& json, const RubricSet& rubric, const Question& q, Lang lang) {
    std::string annex = annex_sections(rubric, q, lang, false);
    std::string plain = q.help.in(lang) + "\n\n" + allowed_answers(q).in(lang);
    if (!annex.empty()) plain += "\n\n" + annex;
    std::string markdown = markdown_text(q.help.in(lang)) + "\n\n" + allowed_markdown(q, lang);
    annex = annex_sections(rubric, q, lang, true);
    if (!annex.empty()) markdown += "\n\n" + annex;
    json.field("description", plain).field("markdownDescription", markdown);
}

// The values completion offers: each id as written, its label as documentation, in the set's order.
void write_value_snippets(JsonWriter& json, const Question& q, Lang lang) {
    json.key("defaultSnippets").begin_array();
    for (size_t i = 0; i < q.values.size(); ++i) {
        const Choice& choice = q.values[i];
        json.begin_object().field("label", choice.id);
        const std::string& label = choice.label.in(lang);
        json.field("description", label.empty() ? choice.id : label);
        json.field("bodyText", choice.id).field("sortText", fmt::format("{:03}", i)).end_object();
    }
    json.end_array();
}

// A regular expression (ECMA-262, as JSON Schema's `pattern`) matching exactly one of `texts`.
std::string exactly_one_of(const std::vector<std::string>& texts) {
    std::string pattern = "^(?:";
    for (size_t i = 0; i < texts.size(); ++i) {
        if (i) pattern += '|';
        for (char c : texts[i]) {
            if (std::string_view("^$\\.*+?()[]{}|").find(c) != std::string_view::npos) pattern += '\\';
            pattern += c;
        }
    }
    return pattern + ")$";
}

// A value that is one of the question's: an id (an `enum`, which hover lists with the labels), or a
// label as written (a `pattern`, which the server never offers, not even for a `- ` list item, where
// it offers the values of any `enum` it checks the item with). Both carry the same message: the
// server would merge the messages of two failed `enum`s into its own, in English.
void write_one_of_values(JsonWriter& json, const Question& q, Lang lang) {
    std::string message =
        (lang == Lang::es ? "No es una respuesta de esta pregunta. " : "Not an answer to this question. ") +
        allowed_answers(q).in(lang);
    json.key("anyOf").begin_array();
    json.begin_object().key("enum").begin_array();
    for (const auto& choice : q.values) json.value(choice.id);
    json.end_array().key("enumDescriptions").begin_array();
    for (const auto& choice : q.values) json.value(choice.label.in(lang).empty() ? choice.id : choice.label.in(lang));
    json.end_array().field("errorMessage", message).end_object();
    std::vector<std::string> labels = label_spellings(q);
    if (!labels.empty()) {
        json.begin_object().field("type", "string").field("pattern", exactly_one_of(labels));
        json.field("errorMessage", message).end_object();
    }
    json.end_array();
}

// The known answer's value, bare.
void write_known_value(JsonWriter& json, const Question& q, Lang lang) {
    json.begin_object();
    switch (q.type) {
        case QuestionType::text:
            // Any non-empty scalar is text to tne, also an unquoted 1810 or true, which YAML 1.2 reads
            // as a number and a boolean (editors read YAML 1.2).
            json.key("type").begin_array().value("string").value("number").value("boolean").end_array();
            json.key("minLength").value(1);
            json.key("maxLength").value(static_cast<int>(kMaxTextCharacters));
            break;
        case QuestionType::choice:
        case QuestionType::yes_partial_no:
            write_one_of_values(json, q, lang);
            break;
        case QuestionType::list:
            json.field("type", "array");
            json.key("items").begin_object();
            write_value_snippets(json, q, lang);
            // An item is never null: the `then` rejects it.
            json.key("if").begin_object().field("type", "null").end_object().field("then", false);
            json.key("else").begin_object();
            write_one_of_values(json, q, lang);
            json.end_object().end_object();
            json.field("uniqueItems", true);
            break;
        case QuestionType::percent:
        case QuestionType::count:
            json.field("type", q.type == QuestionType::percent ? "number" : "integer");
            json.key("minimum").number(q.min, 6);
            json.key("maximum").number(q.max, 6);
            break;
    }
    json.end_object();
}

// An answer is its bare value, or {value, evidence} (README: "Evidence"); either may be unknown
// (null): optional answers, and required ones too, which the template leaves empty for the officer
// to fill in and tne refuses while they are. The evidence form is only for a known value.
void write_question(JsonWriter& json, const RubricSet& rubric, const Question& q, Lang lang) {
    json.key(q.key).begin_object();
    json.field("title", q.text.in(lang));
    write_descriptions(json, rubric, q, lang);
    bool single = q.type == QuestionType::choice || q.type == QuestionType::yes_partial_no;
    if (single) write_value_snippets(json, q, lang);
    json.key("if").begin_object().field("type", "null").end_object();
    // oneOf, not anyOf (a scalar or list, or a map: never both): on hover over an answered key the
    // server joins the titles of an anyOf's branches, "question || question".
    json.key("else").begin_object().key("oneOf").begin_array();
    write_known_value(json, q, lang);
    json.begin_object().field("type", "object").field("additionalProperties", false);
    json.key("required").begin_array().value("value").value("evidence").end_array();
    json.key("properties").begin_object();
    json.key("value").begin_object();
    if (single) write_value_snippets(json, q, lang);
    json.key("if").begin_object().field("type", "null").end_object().field("then", false);
    json.key("else");
    write_known_value(json, q, lang);
    json.end_object();
    json.key("evidence").begin_object().field("$ref", "#/$defs/evidence").end_object();
    json.end_object();
    json.end_object();
    json.end_array().end_object();
    json.end_object();
}

// Where an answer comes from (Annex 4.1.7, 4.4: indicators reviewed regularly).
void write_evidence_definition(JsonWriter& json, Lang lang) {
    bool es = lang == Lang::es;
    auto text = [&](const char* name, const char* en, const char* in_es) {  // any non-empty scalar, as for answers
        json.key(name).begin_object();
        json.key("type").begin_array().value("string").value("number").value("boolean").end_array();
        json.key("minLength").value(1);
        json.field("description", es ? in_es : en).end_object();
    };
    json.key("$defs").begin_object().key("evidence").begin_object();
    json.field("title", es ? "Evidencia de la respuesta" : "Evidence of the answer");
    json.field("type", "object").field("additionalProperties", false);
    json.key("required").begin_array().value("source").value("date").value("owner").end_array();
    json.key("properties").begin_object();
    text("source", "The document, system or record that shows the answer.",
         "El documento, sistema o registro que respalda la respuesta.");
    json.key("date").begin_object().field("type", "string").field("format", "date");
    // "format": "date" alone would take the year 0000, which tne refuses.
    json.field("pattern", "^(?!0000)[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    json.field("description", es ? "Cuándo se revisó la evidencia por última vez, AAAA-MM-DD."
                                 : "When the evidence was last checked, YYYY-MM-DD.")
        .end_object();
    text("owner", "Who keeps the evidence up to date.", "Quién mantiene la evidencia al día.");
    json.end_object();
    json.end_object().end_object();
}

}  // namespace

std::string render_profile_schema(const RubricSet& rubric, Lang lang) {
    bool es = lang == Lang::es;
    JsonWriter json;
    json.begin_object();
    json.field("$schema", "https://json-schema.org/draft/2020-12/schema");
    json.field("title", fmt::format(fmt::runtime(es ? "Autoperfil de tne ({} v{})" : "tne self-profile ({} v{})"),
                                    rubric.id, rubric.version));
    json.field("description", rubric.name.in(lang));
    json.field("type", "object");
    json.field("additionalProperties", false);
    json.key("required").begin_array().value("institution").end_array();
    json.key("properties").begin_object();
    for (const auto& block : rubric.blocks) {
        const Dimension* dimension = rubric.find_dimension(block);
        json.key(block).begin_object();
        if (dimension) {
            json.field("title", dimension->name.in(lang)).field("description", dimension->description.in(lang));
            json.key("type").begin_array().value("object").value("null").end_array();
        } else {
            json.field("title", es ? "Institución" : "Institution").field("type", "object");
        }
        json.field("additionalProperties", false);
        std::vector<std::string> required;
        for (const auto& q : rubric.questions)
            if (q.block == block && q.required) required.push_back(q.key);
        if (!required.empty()) json.key("required").strings(required);
        json.key("properties").begin_object();
        for (const auto& q : rubric.questions)
            if (q.block == block) write_question(json, rubric, q, lang);
        json.end_object();
        json.end_object();
    }
    json.end_object();
    write_evidence_definition(json, lang);
    json.end_object();
    return json.str();
}

}  // namespace tne
