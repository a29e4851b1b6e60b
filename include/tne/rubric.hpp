// The rubric set: questions, dimensions with their criteria, models and levels. It is data read
// from YAML (rubrics/); no C++ names a dimension, criterion or model. Every type compares member by
// member (==): a test checks with it that the build-time snapshot of the default set is exact.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tne/error.hpp"
#include "tne/text.hpp"

namespace tne {

enum class QuestionType { text, choice, list, yes_partial_no, percent, count };

// The type as a rubric file writes it ("yes_partial_no"), which the web page's JSON also gives.
std::string_view question_type_id(QuestionType type);

struct Choice {
    std::string id;
    std::string id_es;  // the id a Spanish profile writes; empty: the English id serves in Spanish too
    LocalText label;

    // The id a profile in `lang` writes.
    const std::string& written_id(Lang lang) const { return lang == Lang::es && !id_es.empty() ? id_es : id; }

    bool operator==(const Choice&) const = default;
};

// One question of the profile: the single source of truth for validation and the schema.
struct Question {
    std::string block;  // "institution" or a dimension id: the profile's top-level key
    std::string key;
    std::string path;      // block + "." + key
    std::string block_es;  // the block's key in a Spanish profile (its id_es, else its id)
    std::string key_es;    // the key in a Spanish profile; empty: the English key serves in Spanish too
    std::string path_es;   // block_es + "." + the Spanish key (key_es, else key)
    QuestionType type = QuestionType::text;
    bool required = false;
    std::vector<Choice> values;  // choice, list and yes_partial_no
    double min = 0;              // percent and count
    double max = 0;
    LocalText text;
    LocalText help;
    LocalText label;  // short name for reports: the scoring criterion's name, else the text
    SourcePos pos;

    // The key and the path a profile, a message or a report in `lang` names the question by.
    const std::string& written_key(Lang lang) const { return lang == Lang::es && !key_es.empty() ? key_es : key; }
    // (A question built in code, without path_es, is named by its path in both.)
    const std::string& written_path(Lang lang) const { return lang == Lang::es && !path_es.empty() ? path_es : path; }
    LocalText paths() const { return {path, written_path(Lang::es)}; }  // both, for a message in either language
    // The id a profile in `lang` writes for the value `id` (id itself when it names no value).
    const std::string& written_value(const std::string& id, Lang lang) const;

    const Choice* find_value(const std::string& id) const;
    // The value `written` names: its id, else the one value whose id, Spanish id or label in either
    // language has the same typed_key ("Sí", "parcial", "Pública"); none when none does, or more than one.
    const Choice* find_value_written(std::string_view written) const;

    bool operator==(const Question&) const = default;
};

// What a rule rests on (docs/rubrics.md): a short quote of the Annex section the rule cites, which
// `tne rubrics check --source` finds in that section, or an assumption with its reason, or both (a
// quoted condition with an assumed number). Reports list the assumptions that moved a result.
struct Basis {
    std::string quote;
    LocalText assumption;
    SourcePos pos;  // of the quote, else of the rule

    bool assumed() const { return !assumption.en.empty(); }
    bool empty() const { return quote.empty() && !assumed(); }

    bool operator==(const Basis&) const = default;
};

struct Band {
    double at_least = 0;
    double score = 0;

    bool operator==(const Band&) const = default;
};

// How a criterion turns an answer into a score in 0-100: levels map a value to a score, bands map
// a number (or the number of items of a list) to the score of the highest band it reaches.
struct Rule {
    std::vector<std::pair<std::string, double>> levels;
    std::vector<Band> bands;
    SourcePos pos;

    bool operator==(const Rule&) const = default;
};

enum class Effort { low, medium, high };
enum class Horizon { quick_win, months_6_12, longer };

std::string_view effort_id(Effort effort);
std::string_view horizon_id(Horizon horizon);

struct Recommendation {
    Effort effort = Effort::medium;
    Horizon horizon = Horizon::months_6_12;
    std::string annex;
    LocalText text;
    Basis basis;

    bool operator==(const Recommendation&) const = default;
};

struct Criterion {
    std::string id;
    std::string question;  // a question path
    double weight = 0;     // the criterion's maximum points
    std::string annex;
    LocalText name;
    Rule rule;
    Recommendation recommendation;
    Basis basis;  // of the criterion and its bands or levels
    SourcePos pos;

    bool operator==(const Criterion&) const = default;
};

struct Dimension {
    std::string id;
    std::string id_es;  // its block's key in a Spanish profile; empty: the English id
    LocalText name;
    LocalText description;
    double weight = 0;
    std::vector<std::string> annex;
    std::vector<Criterion> criteria;
    SourcePos pos;

    bool operator==(const Dimension&) const = default;
};

// Where the dimension or question a rule names stands in its set (RubricSet::dimensions, questions),
// found once when the set is loaded (RubricSet::resolve_slots), so that scoring thousands of
// profiles does not look each one up by its name. It follows from the name beside it, so any two
// compare equal: two sets differ by their names, not by where they keep them.
struct Slot {
    int index = -1;  // -1: not resolved; the name is looked up

    bool operator==(const Slot&) const { return true; }
};

// A condition on a dimension's score or on a question's answer; used as a model requirement (an
// unmet one is a blocker) and as a context adjustment of a model's fit.
struct Condition {
    std::string dimension;  // exactly one of dimension and question is set
    std::string question;
    Slot slot;  // of `dimension` or `question`
    std::optional<double> at_least;
    std::optional<double> at_most;
    std::vector<std::string> in;      // choice and yes_partial_no answers
    std::vector<std::string> any_of;  // list answers
    std::string annex;
    LocalText why;
    Basis basis;
    SourcePos pos;

    bool operator==(const Condition&) const = default;
};

struct FitWeight {
    std::string dimension;
    double weight = 0;
    Slot slot;  // of `dimension`

    bool operator==(const FitWeight&) const = default;
};

struct ContextAdjustment {
    Condition when;
    double adjust = 0;

    bool operator==(const ContextAdjustment&) const = default;
};

struct Model {
    std::string id;
    LocalText name;
    LocalText description;
    std::string kind;  // "tne" or "internationalisation"
    int stage = 1;     // resources the model asks for, 1 = least (Annex 4.1.2)
    std::string annex;
    std::vector<std::string> builds_on;
    std::vector<FitWeight> fit;
    std::vector<ContextAdjustment> context;
    std::vector<Condition> requires_;
    // When the institution already runs the model: then its requirements are gaps to strengthen,
    // not blockers, and the advice is to grow it (docs/rubrics.md).
    std::optional<Condition> runs_when;
    SourcePos pos;

    bool operator==(const Model&) const = default;
};

struct Level {
    std::string id;
    double from = 0;
    LocalText name;

    bool operator==(const Level&) const = default;
};

// A section of the document the set cites (the Annex); every `annex` reference must name one.
// `heading` is the section's heading line as the source text prints it, and `ends` a line inside
// it where it ends early: `tne rubrics check --source` finds the section's text by them.
struct AnnexSection {
    std::string id;  // "4.1.5"
    LocalText title;
    std::string heading;
    std::string ends;
    SourcePos pos;  // of its heading, else of the section

    bool operator==(const AnnexSection&) const = default;
};

// A number or a preference of the advice (rubric-set.yaml `advice:`), with its support.
struct AdviceRule {
    double value = 0;      // a threshold, or the points a preference adds to a model's fit
    std::string question;  // `considered`: the list question whose answer names models
    std::string kind;      // `already_runs`: only models of this kind; empty for every model
    std::string annex;
    LocalText why;  // the reason, in words a rector reads
    Basis basis;
    SourcePos pos;

    bool operator==(const AdviceRule&) const = default;
};

// The Annex's first step for a kind of institution, suggested when no model is within reach.
struct FirstStep {
    std::optional<Condition> when;  // none: the default first step
    std::string model;
    std::string annex;
    LocalText why;
    Basis basis;
    SourcePos pos;

    bool operator==(const FirstStep&) const = default;
};

// How the suggestion is chosen (docs/rubrics.md): among the models within reach, the best fit,
// with the preferences below added to the models' own context adjustments.
struct Advice {
    AdviceRule min_coverage;       // percent of the answers, weighted, below which nothing is suggested
    AdviceRule min_fit;            // a model below it is not within reach
    AdviceRule already_runs;       // added to a model the institution runs
    AdviceRule builds_on_running;  // added to a model that builds on one it runs
    AdviceRule considered;         // added to a model the institution says it is considering
    int alternatives = 2;
    std::vector<FirstStep> first_steps;  // the first whose `when` holds; the last has none

    bool operator==(const Advice&) const = default;
};

struct RubricSet {
    std::string id;
    int version = 0;
    LocalText name;
    std::string source;                  // where it was read from, for messages
    std::vector<std::string> blocks;     // the profile's top-level keys, in order
    std::vector<std::string> blocks_es;  // the same in a Spanish profile (an id_es, else the id)
    std::vector<Question> questions;     // in profile order
    std::vector<Dimension> dimensions;
    std::vector<Model> models;
    std::vector<Level> levels;  // ascending by `from`
    Basis levels_basis;
    Advice advice;
    LocalText annex_title;                     // the cited document
    std::vector<AnnexSection> annex_sections;  // in document order
    std::vector<std::string> test_files;       // the set's own test cases, relative to its root

    const Question* find_question(const std::string& path) const;
    // The question a person named by its path in either language: the English path as it is, or the
    // Spanish one as typed (typed_key folds accents and case): "financiamiento.presupuesto_propio".
    const Question* find_question_written(std::string_view path) const;
    // The block a person named by its key in either language (as find_question_written); its English
    // id, or none.
    const std::string* find_block_written(std::string_view key) const;
    // The question of `block` (its English id) a person named by `key` in either language.
    const Question* find_question_written(const std::string& block, std::string_view key) const;
    // The key a profile in `lang` writes for `block`.
    const std::string& written_block(const std::string& block, Lang lang) const;
    const Dimension* find_dimension(const std::string& id) const;
    const Model* find_model(const std::string& id) const;
    // The model `written` names: its id, else the one model whose id or name in either language has
    // the same typed_key ("doble titulación", "Dual degree"); none when none does, or more than one.
    const Model* find_model_written(std::string_view written) const;
    const AnnexSection* find_annex_section(const std::string& id) const;
    const Level& level_for(double score) const;
    // Sets the slot of every condition and fit weight that names a dimension or question of the set.
    void resolve_slots();
    // The label of a value of a question, in `lang`; the id itself when there is none.
    std::string value_label(const std::string& path, const std::string& id, Lang lang) const;

    bool operator==(const RubricSet&) const = default;
};

// A citation of the Annex as the reports write it: "Annex 4.1.5", or with the titles of `titles`
// "Annex 4.1.5 (Secure and sustain funding for TNE programmes)". A section `titles` does not name
// keeps its bare number (`tne rubrics check` warns of it). No `titles`: the bare number.
std::string annex_citation(const std::string& section, Lang lang, const RubricSet* titles);
// The section's number with its title, "4.1.5 (Secure ...)", for a list of sections cited at once.
std::string annex_section(const std::string& section, Lang lang, const RubricSet* titles);

// Where rubric files come from: the embedded default set or a directory. `read` returns the text of
// a file given its path relative to the set's root, or nothing when there is none.
struct RubricFiles {
    std::string root;  // shown in messages: "rubrics" for the embedded set, else the directory
    std::function<std::optional<std::string>(const std::string&)> read;
    // The set as load_rubric_set returned it at build time, for the embedded set: loading restores it
    // instead of parsing the YAML again, when every file it came from still reads the same. Empty
    // for a directory, and for a set that did not load.
    std::string_view snapshot;
};

RubricFiles embedded_rubric_files();
RubricFiles directory_rubric_files(const std::string& directory);

// Throws InputError naming file:line:column for anything malformed. Restores `files.snapshot` when
// there is one.
RubricSet load_rubric_set(const RubricFiles& files);

}  // namespace tne
