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
//
// The Spanish schema describes a profile written with the Spanish ids (docs/profile.md): its blocks,
// keys and values as a Spanish profile writes them, which completion offers; the English ones, which
// tne accepts too, are accepted as well but never offered (`doNotSuggest` on a key, a `pattern` for a
// value). Both take the ids as written; tne also folds accents and case.
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

// The ids a profile in `lang` writes for the question's values.
bool written_id(const Question& q, const std::string& text, Lang lang) {
    return std::any_of(q.values.begin(), q.values.end(),
                       [&](const Choice& choice) { return choice.written_id(lang) == text; });
}

// What a value may also be written as: its exact labels in English and Spanish, and in Spanish its
// English id, those that differ from every id written in `lang` (tne folds accents and case as well;
// the schema takes them as written).
std::vector<std::string> other_spellings(const Question& q, Lang lang) {
    std::vector<std::string> spellings;
    for (const auto& choice : q.values)
        for (const std::string* other : {&choice.id, &choice.label.en, &choice.label.es})
            if (!other->empty() && !written_id(q, *other, lang) && (other != &choice.id || lang == Lang::es) &&
                (lang == Lang::es || !q.find_value(*other)) &&
                std::find(spellings.begin(), spellings.end(), *other) == spellings.end())
                spellings.push_back(*other);
    return spellings;
}

// A key a profile writes in English or in Spanish (a block's, a question's, an answer's or its
// evidence's): in the Spanish schema, both are properties; the English one is never offered.
struct WrittenKey {
    std::string en;
    std::string es;

    const std::string& in(Lang lang) const { return lang == Lang::es ? es : en; }
    bool both(Lang lang) const { return lang == Lang::es && es != en; }
};

// A schema that requires `name`, naming it in its own `properties` (strict validators ask a
// required key to be defined where it is required), not offered unless `offered`.
void write_requiring(JsonWriter& json, const std::string& name, bool offered) {
    json.begin_object().key("properties").begin_object().key(name).begin_object();
    if (!offered) json.field("doNotSuggest", true);
    json.end_object().end_object().key("required").strings({name}).end_object();
}

// `required` for keys each written in either language: a plain list in English; in Spanish an
// anyOf for each key with two spellings.
void write_required(JsonWriter& json, const std::vector<WrittenKey>& keys, Lang lang) {
    std::vector<std::string> plain;
    std::vector<const WrittenKey*> twofold;
    for (const auto& key : keys) {
        if (key.both(lang))
            twofold.push_back(&key);
        else
            plain.push_back(key.in(lang));
    }
    if (!plain.empty()) json.key("required").strings(plain);
    if (twofold.empty()) return;
    json.key("allOf").begin_array();
    for (const WrittenKey* key : twofold) {
        json.begin_object().key("anyOf").begin_array();
        write_requiring(json, key->es, true);
        write_requiring(json, key->en, false);
        json.end_array().end_object();
    }
    json.end_array();
}

// In Spanish, the schema of every key with two spellings also under its English spelling, not
// offered: `write` writes one key's schema (the key itself excluded).
template <class Write>
void write_both_spellings(JsonWriter& json, const WrittenKey& key, Lang lang, Write write) {
    json.key(key.in(lang)).begin_object();
    write();
    json.end_object();
    if (!key.both(lang)) return;
    // The schema in an allOf: beside a $ref, yaml-language-server would drop doNotSuggest.
    json.key(key.en).begin_object().field("doNotSuggest", true).key("allOf").begin_array().begin_object();
    write();
    json.end_object().end_array().end_object();
}

// Keys that a map may not hold both spellings of (tne refuses the second as given twice).
void write_not_both(JsonWriter& json, const std::vector<WrittenKey>& keys, Lang lang) {
    bool any = std::any_of(keys.begin(), keys.end(), [&](const WrittenKey& key) { return key.both(lang); });
    if (!any) return;
    json.key("dependentSchemas").begin_object();
    for (const auto& key : keys)
        if (key.both(lang)) {
            json.key(key.es).begin_object().key("not");
            write_requiring(json, key.en, false);
            json.end_object();
        }
    json.end_object();
}

const WrittenKey kValueKey{"value", "valor"};
const WrittenKey kEvidenceKey{"evidence", "evidencia"};
const WrittenKey kSourceKey{"source", "fuente"};
const WrittenKey kDateKey{"date", "fecha"};
const WrittenKey kOwnerKey{"owner", "responsable"};

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
        const std::string& id = choice.written_id(lang);
        out += "\n- `" + id + "`";
        const std::string& label = choice.label.in(lang);
        if (!label.empty() && label != id) out += ": " + markdown_text(label);
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
        const std::string& id = choice.written_id(lang);
        json.begin_object().field("label", id);
        const std::string& label = choice.label.in(lang);
        json.field("description", label.empty() ? id : label);
        json.field("bodyText", id).field("sortText", fmt::format("{:03}", i)).end_object();
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
    for (const auto& choice : q.values) json.value(choice.written_id(lang));
    json.end_array().key("enumDescriptions").begin_array();
    for (const auto& choice : q.values)
        json.value(choice.label.in(lang).empty() ? choice.written_id(lang) : choice.label.in(lang));
    json.end_array().field("errorMessage", message).end_object();
    std::vector<std::string> labels = other_spellings(q, lang);
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
void write_question_schema(JsonWriter& json, const RubricSet& rubric, const Question& q, Lang lang) {
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
    write_required(json, {kValueKey, kEvidenceKey}, lang);
    write_not_both(json, {kValueKey, kEvidenceKey}, lang);
    json.key("properties").begin_object();
    write_both_spellings(json, kValueKey, lang, [&] {
        if (single) write_value_snippets(json, q, lang);
        json.key("if").begin_object().field("type", "null").end_object().field("then", false);
        json.key("else");
        write_known_value(json, q, lang);
    });
    write_both_spellings(json, kEvidenceKey, lang, [&] { json.field("$ref", "#/$defs/evidence"); });
    json.end_object();
    json.end_object();
    json.end_array().end_object();
}

// Where an answer comes from (Annex 4.1.7, 4.4: indicators reviewed regularly).
void write_evidence_definition(JsonWriter& json, Lang lang) {
    bool es = lang == Lang::es;
    auto text = [&](const char* en, const char* in_es) {  // any non-empty scalar, as for answers
        json.key("type").begin_array().value("string").value("number").value("boolean").end_array();
        json.key("minLength").value(1);
        json.field("description", es ? in_es : en);
    };
    json.key("evidence").begin_object();
    json.field("title", es ? "Evidencia de la respuesta" : "Evidence of the answer");
    json.field("type", "object").field("additionalProperties", false);
    write_required(json, {kSourceKey, kDateKey, kOwnerKey}, lang);
    write_not_both(json, {kSourceKey, kDateKey, kOwnerKey}, lang);
    json.key("properties").begin_object();
    write_both_spellings(json, kSourceKey, lang, [&] {
        text("The document, system or record that shows the answer.",
             "El documento, sistema o registro que respalda la respuesta.");
    });
    write_both_spellings(json, kDateKey, lang, [&] {
        json.field("type", "string").field("format", "date");
        // "format": "date" alone would take the year 0000, which tne refuses.
        json.field("pattern", "^(?!0000)[0-9]{4}-[0-9]{2}-[0-9]{2}$");
        json.field("description", es ? "Cuándo se revisó la evidencia por última vez, AAAA-MM-DD."
                                     : "When the evidence was last checked, YYYY-MM-DD.");
    });
    write_both_spellings(json, kOwnerKey, lang,
                         [&] { text("Who keeps the evidence up to date.", "Quién mantiene la evidencia al día."); });
    json.end_object();
    json.end_object();
}

// A block of the profile: its questions, inline in English; in Spanish by reference to $defs, which
// both spellings of each question's key share (written inline twice, the schema was seven times
// the English one).
void write_block_schema(JsonWriter& json, const RubricSet& rubric, const std::string& block, Lang lang) {
    bool es = lang == Lang::es;
    const Dimension* dimension = rubric.find_dimension(block);
    if (dimension) {
        json.field("title", dimension->name.in(lang)).field("description", dimension->description.in(lang));
        json.key("type").begin_array().value("object").value("null").end_array();
    } else {
        json.field("title", es ? "Institución" : "Institution").field("type", "object");
    }
    json.field("additionalProperties", false);
    std::vector<WrittenKey> keys, required;
    for (const auto& q : rubric.questions) {
        if (q.block != block) continue;
        keys.push_back({q.key, q.written_key(Lang::es)});
        if (q.required) required.push_back(keys.back());
    }
    if (!required.empty()) write_required(json, required, lang);
    write_not_both(json, keys, lang);
    json.key("properties").begin_object();
    for (const auto& q : rubric.questions) {
        if (q.block != block) continue;
        if (es)
            write_both_spellings(json, {q.key, q.written_key(Lang::es)}, lang,
                                 [&] { json.field("$ref", "#/$defs/questions/" + q.path); });
        else
            write_both_spellings(json, {q.key, q.key}, lang, [&] { write_question_schema(json, rubric, q, lang); });
    }
    json.end_object();
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
    std::vector<WrittenKey> blocks;
    for (const auto& block : rubric.blocks) blocks.push_back({block, rubric.written_block(block, Lang::es)});
    write_required(json, {blocks.front()}, lang);  // the institution
    write_not_both(json, blocks, lang);
    json.key("properties").begin_object();
    for (const auto& written : blocks) {
        if (es)
            write_both_spellings(json, written, lang, [&] { json.field("$ref", "#/$defs/blocks/" + written.en); });
        else
            write_both_spellings(json, written, lang, [&] { write_block_schema(json, rubric, written.en, lang); });
    }
    json.end_object();
    json.key("$defs").begin_object();
    write_evidence_definition(json, lang);
    if (es) {
        json.key("blocks").begin_object();
        for (const auto& block : rubric.blocks) {
            json.key(block).begin_object();
            write_block_schema(json, rubric, block, lang);
            json.end_object();
        }
        json.end_object().key("questions").begin_object();
        for (const auto& q : rubric.questions) {
            json.key(q.path).begin_object();
            write_question_schema(json, rubric, q, lang);
            json.end_object();
        }
        json.end_object();
    }
    json.end_object();
    json.end_object();
    return json.str();
}

}  // namespace tne
