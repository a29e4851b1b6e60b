// An institution's self-profile: its answers, validated against the rubric set's questions.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tne/error.hpp"
#include "tne/rubric.hpp"
#include "tne/text.hpp"

namespace YAML {
class Node;
}

namespace tne {

// An answer: unknown (monostate), a number, a single value or text, or a list of values.
using Value = std::variant<std::monostate, double, std::string, std::vector<std::string>>;

// Points into the rubric set the profile was read with, which outlives it.
// The longest text answer (an institution's name), in characters: a report repeats the name in every
// what-if it weighs, so a name of megabytes would take hundreds of times that in memory. The longest
// names of Mexican institutions are under 150 characters.
constexpr size_t kMaxTextCharacters = 500;

struct Answer {
    const Question* question = nullptr;
    Value value;
    int line = 0;  // where the answer is in the profile's source; 0 when it has no place
    int column = 0;

    bool known() const { return !std::holds_alternative<std::monostate>(value); }
};

// A what-if: an answer given on the command line (--set) instead of the file's.
struct SimulatedAnswer {
    const Question* question = nullptr;
    Value was;  // the file's answer; monostate when it had none
};

// Where a known answer comes from, so it can be checked and reviewed (Annex 4.1.7, 4.4). Kept beside
// the answers rather than in each Answer: most profiles carry none, and batches score thousands.
struct Evidence {
    const Question* question = nullptr;
    std::string source;  // the document, system or record that shows the answer
    ReportDate date;     // when it was last checked
    std::string owner;   // who keeps it up to date
};

struct Profile {
    std::string source;                      // the file name, for messages and reports
    std::vector<Answer> answers;             // in the rubric's question order; an absent answer is unknown
    std::vector<Evidence> evidence;          // in the same order; at most one per answer, only for known ones
    std::vector<SimulatedAnswer> simulated;  // in the order first set; a question appears once

    const Answer* find(const Question& question) const;
    const Evidence* find_evidence(const Question& question) const;
    const Answer* find(std::string_view path) const;
    std::string text(std::string_view path) const;  // a text or choice answer, else ""
    // Answers `question` with `value`, replacing an earlier answer to it and that answer's evidence.
    void set(const Question& question, Value value);
    // The same as a what-if: the file's answer is kept in `simulated` the first time.
    void simulate(const Question& question, Value value);
};

// Parses and validates; throws InputError listing every problem with file:line:column.
Profile load_profile(const std::string& yaml_text, const std::string& source, const RubricSet& rubric);
Profile load_profile_file(const std::string& path, const RubricSet& rubric);
// The same for a profile embedded in another YAML file (a rubric set's test case); positions are
// those of `source`.
Profile load_profile_node(const YAML::Node& root, const std::string& source, const RubricSet& rubric);

// A profile being filled in (`tne init --interactive`): required answers may be missing, and an
// invalid answer is left out, to be asked again, and reported in `problems` instead of thrown.
// A file that is not a profile at all (invalid YAML, a top level that is not a map) still throws.
struct DraftProfile {
    Profile profile;
    std::vector<Diagnostic> problems;
};
DraftProfile load_draft_profile(const std::string& yaml_text, const std::string& source, const RubricSet& rubric);
DraftProfile load_draft_profile_file(const std::string& path, const RubricSet& rubric);

// One answer to `question`, validated as the loader validates a profile's; throws InputError with
// the loader's messages when it is invalid. Null is unknown (a monostate), required or not.
Value read_answer(const RubricSet& rubric, const Question& question, const YAML::Node& node, const std::string& source);

// A what-if: applies "PATH=VALUE" to `profile` and records it in `profile.simulated`. VALUE is
// read as the file's YAML would be (40, yes, [a, b]; empty or ~ for unknown) and validated the same
// way; throws InputError naming the setting.
void simulate(Profile& profile, const std::string& setting, const RubricSet& rubric);

}  // namespace tne
