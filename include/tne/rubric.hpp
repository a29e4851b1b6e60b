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

struct Choice {
    std::string id;
    LocalText label;

    bool operator==(const Choice&) const = default;
};

// One question of the profile: the single source of truth for validation and the schema.
struct Question {
    std::string block;  // "institution" or a dimension id: the profile's top-level key
    std::string key;
    std::string path;  // block + "." + key
    QuestionType type = QuestionType::text;
    bool required = false;
    std::vector<Choice> values;  // choice, list and yes_partial_no
    double min = 0;              // percent and count
    double max = 0;
    LocalText text;
    LocalText help;
    LocalText label;  // short name for reports: the scoring criterion's name, else the text
    SourcePos pos;

    const Choice* find_value(const std::string& id) const;

    bool operator==(const Question&) const = default;
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
    SourcePos pos;

    bool operator==(const Criterion&) const = default;
};

struct Dimension {
    std::string id;
    LocalText name;
    LocalText description;
    double weight = 0;
    std::vector<std::string> annex;
    std::vector<Criterion> criteria;
    SourcePos pos;

    bool operator==(const Dimension&) const = default;
};

// A condition on a dimension's score or on a question's answer; used as a model requirement (an
// unmet one is a blocker) and as a context adjustment of a model's fit.
struct Condition {
    std::string dimension;  // exactly one of dimension and question is set
    std::string question;
    std::optional<double> at_least;
    std::optional<double> at_most;
    std::vector<std::string> in;      // choice and yes_partial_no answers
    std::vector<std::string> any_of;  // list answers
    std::string annex;
    LocalText why;
    SourcePos pos;

    bool operator==(const Condition&) const = default;
};

struct FitWeight {
    std::string dimension;
    double weight = 0;

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
struct AnnexSection {
    std::string id;  // "4.1.5"
    LocalText title;

    bool operator==(const AnnexSection&) const = default;
};

struct RubricSet {
    std::string id;
    int version = 0;
    LocalText name;
    std::string source;               // where it was read from, for messages
    std::vector<std::string> blocks;  // the profile's top-level keys, in order
    std::vector<Question> questions;  // in profile order
    std::vector<Dimension> dimensions;
    std::vector<Model> models;
    std::vector<Level> levels;  // ascending by `from`
    double min_fit = 0;
    int max_blockers = 0;
    LocalText annex_title;                     // the cited document
    std::vector<AnnexSection> annex_sections;  // in document order
    std::vector<std::string> test_files;       // the set's own test cases, relative to its root

    const Question* find_question(const std::string& path) const;
    const Dimension* find_dimension(const std::string& id) const;
    const Model* find_model(const std::string& id) const;
    const AnnexSection* find_annex_section(const std::string& id) const;
    const Level& level_for(double score) const;
    // The label of a value of a question, in `lang`; the id itself when there is none.
    std::string value_label(const std::string& path, const std::string& id, Lang lang) const;

    bool operator==(const RubricSet&) const = default;
};

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
