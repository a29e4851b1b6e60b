// Reading YAML with positions: parse errors and node places become SourcePos, map keys are checked
// for duplicates (which YAML forbids but yaml-cpp accepts) and unknown keys get "did you mean".
#pragma once

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "tne/error.hpp"

namespace tne::yaml_input {

SourcePos pos_of(const YAML::Node& node, const std::string& file);

// The most values (scalars, maps, sequences, aliases, empty values) one document may have, counted as
// written (an alias counts once): 25 times the largest shipped rubric file (models.yaml, 2,000), 60
// times a profile with evidence for every answer (800). It bounds the parsed tree to a few tens of MB whatever the
// input's size (docs/security.md).
constexpr size_t kMaxValues = 50'000;

// Parses one document; a syntax error becomes an InputError at its line and column. The text is
// checked first (input::check_text: size, UTF-8, control characters), then its values are counted
// (kMaxValues). A second document with
// anything in it is an error, since only the first would be read: except with `split_already`, for
// a document the batch reader has cut from a stream (checking would parse it twice).
YAML::Node parse(const std::string& text, const std::string& file, bool split_already = false);

// The candidate closest to `word`, when it is close enough to be a likely typo; else "".
std::string closest(const std::string& word, const std::vector<std::string>& candidates);

// "unknown key "x" in block; expected one of: a, b (did you mean "a"?)"
LocalText unknown_key_message(const std::string& key, const std::string& where,
                              const std::vector<std::string>& allowed);

// The same for a key a person may write in English or in Spanish: "did you mean" the closest key
// of either language (compared as typed_key), else the keys allowed in the message's language.
LocalText unknown_written_key_message(const std::string& key, const LocalText& where,
                                      const std::vector<std::string>& english, const std::vector<std::string>& spanish);

// One entry of a map: its key, its value, and the key's own node (where a message about the key
// points). Carried along so that no caller searches the map for a key: that made a map of n
// unknown keys cost n^2.
struct MapEntry {
    std::string key;
    YAML::Node value;
    YAML::Node at;
};

// The entries of a map in order; a key given twice is reported at its second place.
std::vector<MapEntry> map_entries(const YAML::Node& map, const std::string& file, std::vector<Diagnostic>& problems);
// The same as a visit of each entry, without copying keys and nodes: for the profile loader, which
// `tne batch` runs for every profile. `at` is the key's node. A key given twice is reported with
// `duplicate` ({0}: the key), when given, else the general message.
void for_each_entry(
    const YAML::Node& map, const std::string& file, std::vector<Diagnostic>& problems,
    const std::function<void(const std::string& key, const YAML::Node& value, const YAML::Node& at)>& visit,
    const Message* duplicate = nullptr);

// A scalar that is a finite decimal number, whole: "35", "2.5", "1e3"; else nothing.
std::optional<double> number(const YAML::Node& node);

// The value as the user wrote it, for messages: "\"abc\"", "[...]", "{...}" or "~".
std::string describe(const YAML::Node& node);

}  // namespace tne::yaml_input
