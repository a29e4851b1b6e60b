#include "json_values.hpp"

namespace tne {

void write_score(JsonWriter& json, std::string_view key, const std::optional<double>& score) {
    json.key(key);
    if (score)
        json.number(*score, 1);
    else
        json.null();
}

void write_answer(JsonWriter& json, std::string_view key, const Value& value) {
    json.key(key);
    if (const auto* number = std::get_if<double>(&value))
        json.number(*number, 2);
    else if (const auto* text = std::get_if<std::string>(&value))
        json.value(*text);
    else if (const auto* items = std::get_if<std::vector<std::string>>(&value))
        json.strings(*items);
    else
        json.null();
}

}  // namespace tne
