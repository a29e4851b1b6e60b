// The values every JSON output writes alike, so that `assess`, `plan` and both diffs agree.
#pragma once

#include <optional>
#include <string_view>

#include "base/json_writer.hpp"
#include "tne/change.hpp"
#include "tne/profile.hpp"

namespace tne {

// "key": a score to one decimal, or null when unknown.
void write_score(JsonWriter& json, std::string_view key, const std::optional<double>& score);
// An answer: a number to two decimals, a text, a list as an array, or null when unknown.
void write_value(JsonWriter& json, const Value& value);
// "key": the answer, as write_value writes it.
void write_answer(JsonWriter& json, std::string_view key, const Value& value);
// Both diffs: "old", "new" and "delta" of a score change (fields of the open object).
void write_change(JsonWriter& json, const ScoreChange& change);
// "key": {"id", "name"} of a level, model or dimension, or null for none.
void write_ref(JsonWriter& json, std::string_view key, const NamedRef& ref, Lang lang);

}  // namespace tne
