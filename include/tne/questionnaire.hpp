// The guided questionnaire of `tne init --interactive`: asks a rubric set's questions dimension by
// dimension, validates each answer as the profile loader would, and accepts "skip" or "don't know"
// (unknown), "back" and "?" (the question's help); then shows every answer for review, where any can
// be changed, before the profile is saved. Every word it says and takes is English or Spanish. It
// talks through a Conversation, so the CLI gives it the terminal and tests a script.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tne/profile.hpp"
#include "tne/rubric.hpp"
#include "tne/text.hpp"

namespace tne {

// One line the user typed (without its end of line), or why there is none.
struct InputLine {
    enum class Status { line, end_of_input, interrupted };
    Status status = Status::line;
    std::string text;
};

class Conversation {
public:
    virtual ~Conversation() = default;
    virtual InputLine read_line() = 0;
    virtual void write(std::string_view text) = 0;
};

struct QuestionnaireOptions {
    Lang lang = Lang::en;
    std::string progress_file;  // where the answers are kept as they are given; named in the introduction
    // Called after every answer (a skip included), with the profile so far: keeps the progress file.
    std::function<void(const Profile&)> save_progress;
};

enum class QuestionnaireEnd { finished, end_of_input, interrupted };

// One part of the questionnaire: the institution's questions first, then each dimension's, as the
// terminal heads them (and the page shows them, src/web/web_api.cpp).
struct QuestionnairePart {
    std::string block;                       // "institution" or a dimension id
    LocalText name;                          // "Institution", else the dimension's name
    LocalText description;                   // what the part is for
    std::vector<std::string> annex;          // the dimension's Annex sections
    std::vector<const Question*> questions;  // in the rubric set's order
};
std::vector<QuestionnairePart> questionnaire_parts(const RubricSet& rubric);

// The questions `profile` has no answer for, known or unknown, in the rubric set's order: those the
// questionnaire asks.
std::vector<const Question*> unasked_questions(const RubricSet& rubric, const Profile& profile);

// Asks the unasked questions in order and records each answer in `profile`, then reviews every
// answer until the officer accepts them (finished) or the input ends first.
QuestionnaireEnd run_questionnaire(const RubricSet& rubric, Profile& profile, Conversation& conversation,
                                   const QuestionnaireOptions& options);

// An answer as typed: a value's number in the list, its id or its label in either language (case
// and accents aside); list items separated by commas, "none" for an empty list; a percentage may
// end in % and use a decimal comma. Either the value, or why it is not valid; `list_options` when the
// reason is an option not named (no such number or name), which the options listed answer best.
struct TypedAnswer {
    std::optional<Value> value;
    LocalText error;
    bool list_options = false;
};
TypedAnswer read_typed_answer(const RubricSet& rubric, const Question& question, std::string_view typed);

// A yes-or-no question; an empty answer is yes (no when `empty_means_yes` is false), and the end of
// input or an interrupt is no.
bool confirm(Conversation& conversation, const LocalText& question, Lang lang, bool empty_means_yes = true);

}  // namespace tne
