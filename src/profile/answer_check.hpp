// One check of an answer against its question, on a plain value: the profile loader (from a YAML
// node), `--set`, the questionnaire (typed text) and the survey reader (CSV cells) all use it, so
// every way in obeys the same rules with the same messages, and nothing is written out as YAML text
// to be checked.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tne/error.hpp"
#include "tne/profile.hpp"
#include "tne/rubric.hpp"

namespace YAML {
class Node;
}

namespace tne {

// The questions a map (a profile's block, a survey map) has named so far, each with the key or
// path it was named by: the same question named twice, once in each language say, is one mistake,
// reported at the second place.
class NamedOnce {
public:
    // None when `question` is named for the first time; else the message naming both ways.
    std::optional<LocalText> again(const Question& question, const std::string& written);

private:
    std::map<const Question*, std::string> first_;
};

// An answer as written, before it is checked: null (unknown), a scalar, a list of items, or a map
// (never an answer; kept only to be reported).
struct RawAnswer {
    enum class Kind { null, scalar, list, map };

    Kind kind = Kind::null;
    std::string text;              // a scalar's text
    bool may_be_number = false;    // a scalar a number question may read as a number: in YAML, a plain
                                   // (unquoted) untagged one, or one tagged !!int or !!float; "35" in
                                   // quotes, or `!!str 35`, is text
    std::vector<RawAnswer> items;  // a list's items
    int line = 0;                  // where it is written, 1-based; 0 when it has no place
    int column = 0;

    static RawAnswer null(int line = 0, int column = 0);
    static RawAnswer scalar(std::string text, bool may_be_number, int line = 0, int column = 0);
    static RawAnswer list(std::vector<RawAnswer> items, int line = 0, int column = 0);
};

// A YAML node as an answer, at the node's place: a list's items keep their own kinds and places (an
// item that is itself a list or a map only as such, without its contents).
RawAnswer raw_answer(const YAML::Node& node);

// The value as the user wrote it, for messages, as for a YAML node: "\"abc\"", "[...]", "{...}" or "~".
std::string describe(const RawAnswer& raw);

// The finite decimal number `text` spells as a whole ("35", "-2.5", "1e3"), made only of digits,
// signs, "." and exponents; else nothing. What a plain YAML scalar gives a number question.
std::optional<double> answer_number(std::string_view text);

// Checks `raw` as an answer to `question`: its value (a monostate for null, required or not), or
// nothing after adding why it is invalid to `problems`, at `file` and the place of the offending
// part, with the profile loader's messages and kinds (Problem::duplicate_item, subject the value,
// for a list that names a value twice; Problem::input otherwise).
std::optional<Value> check_answer(const Question& question, RawAnswer raw, const std::string& file,
                                  std::vector<Diagnostic>& problems);

}  // namespace tne
