// Writing a profile as YAML: the template of `tne init` (every question of the rubric set as a
// commented entry, unanswered) and the profiles the questionnaire writes (the same layout with the
// answers filled in), so a profile made either way reads and edits alike.
#pragma once

#include <string>
#include <vector>

#include "tne/profile.hpp"
#include "tne/rubric.hpp"
#include "tne/text.hpp"

namespace tne {

struct ProfileYamlOptions {
    Lang lang = Lang::en;  // of the comments, keys and value ids (the Spanish ids where the set has them)
    std::string schema;    // the `# yaml-language-server: $schema=` line's target; empty: no such line
    // Only the questions the profile has an entry for (known or unknown), with a note on resuming:
    // the `.partial` file of an interrupted questionnaire, where an absent question is one not asked.
    bool partial = false;
};

// `profile` may be null: the empty template.
std::string render_profile_yaml(const RubricSet& rubric, const Profile* profile, const ProfileYamlOptions& options);

// The Annex sections `question` matters for: those of the criteria that score it and of the model
// requirements and adjustments that read it, in the Annex's order.
std::vector<std::string> question_annex(const RubricSet& rubric, const Question& question);

// What an answer to `question` may be, in one sentence: "One of: ...", "A percentage, from 0 to 100."
LocalText allowed_answers(const Question& question);

// A string as a YAML scalar: plain when it reads back as the same string in YAML 1.1 and 1.2
// (so editors' schema checks agree with tne), else double-quoted.
std::string yaml_scalar(const std::string& text);

// An answer's value as YAML: 30, partial, [stem, business], "Universidad ...", or "" when unknown.
std::string yaml_value(const Value& value);

}  // namespace tne
