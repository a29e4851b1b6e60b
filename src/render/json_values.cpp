#include "render/json_values.hpp"

namespace tne {

void write_score(JsonWriter& json, std::string_view key, const std::optional<double>& score) {
    json.key(key);
    if (score)
        json.number(*score, kFigureDecimals);
    else
        json.null();
}

void write_value(JsonWriter& json, const Value& value) {
    if (const auto* number = std::get_if<double>(&value))
        json.number(*number, 2);
    else if (const auto* text = std::get_if<std::string>(&value))
        json.value(*text);
    else if (const auto* items = std::get_if<std::vector<std::string>>(&value))
        json.strings(*items);
    else
        json.null();
}

void write_answer(JsonWriter& json, std::string_view key, const Value& value) {
    json.key(key);
    write_value(json, value);
}

void write_change(JsonWriter& json, const ScoreChange& change) {
    write_score(json, "old", change.old_score);
    write_score(json, "new", change.new_score);
    write_score(json, "delta", change.delta());
}

void write_ref(JsonWriter& json, std::string_view key, const NamedRef& ref, Lang lang) {
    json.key(key);
    if (ref.empty())
        json.null();
    else
        json.begin_object().field("id", ref.id).field("name", ref.name.in(lang)).end_object();
}

}  // namespace tne
