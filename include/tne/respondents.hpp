// Several respondents per institution (a survey asking leaders, staff and students, as SELFIE does):
// their rows are grouped by the map's `institution_column`, their answers combined into one profile
// by a rule per question type (docs/batch.md, "Several respondents per institution"), and the
// questions where they differ kept as findings. The rules are the tool's assumptions, not the Annex's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tne/profile.hpp"
#include "tne/rubric.hpp"

namespace tne {

// One respondent of an institution: the CSV data row they answered in.
struct Respondent {
    int row = 0;       // the data row's number (1 for the first row under the header)
    int line = 0;      // the line it starts on
    std::string role;  // the map's role column, trimmed; empty without one
};

// What one respondent answered to a question: a known answer, never unknown.
struct RespondentAnswer {
    size_t respondent = 0;  // index into the institution's respondents
    Value value;
};

// How the answers to a question are compared and combined.
enum class AnswerScale {
    ordered,  // yes/partial/no, and a choice a criterion scores by levels: its levels, lowest first
    number,   // a percentage or a count
    list,     // options chosen
    nominal,  // a choice no criterion orders (the institution's type), or a text
};

// How many respondents chose one option of a list question.
struct OptionShare {
    std::string id;
    int chosen = 0;
};

// A question on which the respondents' known answers are not all the same.
struct Disagreement {
    const Question* question = nullptr;
    AnswerScale scale = AnswerScale::nominal;
    // How far apart the answers are, 0-100, comparable across questions: levels apart over the
    // scale's span (ordered), the range in points (a percentage), the range over the largest answer
    // (a count), options not chosen alike over options chosen at all (a list), respondents who did not
    // give the most frequent answer over those who answered (nominal).
    double spread = 0;
    std::optional<int> levels_apart;        // ordered: the highest level's index minus the lowest's
    std::optional<double> range;            // number: the largest answer minus the smallest
    std::vector<OptionShare> options;       // list: each option chosen by some respondent, rubric order
    int answered = 0;                       // respondents with a known answer
    Value combined;                         // the institution's answer, by the rule
    std::vector<RespondentAnswer> answers;  // every known answer, in row order
};

// The institution's profile from its respondents, with where they disagree: largest spread first,
// ties in the rubric's question order.
struct CombinedProfile {
    Profile profile;
    std::vector<Respondent> respondents;  // row order
    std::vector<Disagreement> disagreements;
};

// How `question`'s answers are compared (and combined).
AnswerScale answer_scale(const RubricSet& rubric, const Question& question);

// Combines each respondent's answers (`answers[i]` is respondent i's profile, answers valid but
// required questions possibly missing) by the documented rules: an ordered scale and a number, the
// median, the lower middle answer when their count is even; a list, the options chosen by at least
// half of those who answered; nominal, the most frequent answer, ties to the first row's. Unknown
// answers are left out; all unknown gives unknown. An answer keeps the place of the first
// respondent who gave the combined value. Required questions are not checked here.
CombinedProfile combine_respondents(const RubricSet& rubric, const std::vector<Profile>& answers,
                                    std::vector<Respondent> respondents, std::string source);

// A value as the records write it: a number with up to six decimals, an id, ids joined by ";".
std::string value_text(const Value& value);

}  // namespace tne
