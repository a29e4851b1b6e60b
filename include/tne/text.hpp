// Localized text: every user-visible string exists in English and Spanish.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tne {

enum class Lang { en, es };

std::string_view lang_code(Lang lang);
std::optional<Lang> parse_lang(std::string_view code);

struct LocalText {
    std::string en;
    std::string es;

    const std::string& in(Lang lang) const { return lang == Lang::es ? es : en; }
    bool operator==(const LocalText&) const = default;
};

// A message with one fmt format string per language; `args` fill both alike.
struct Message {
    const char* en;
    const char* es;
};

LocalText format_message(const Message& message, const std::string& a = {}, const std::string& b = {},
                         const std::string& c = {}, const std::string& d = {});

// Builds a LocalText by running the same composition once per language.
template <class Compose>
LocalText localize(Compose compose) {
    return {compose(Lang::en), compose(Lang::es)};
}

// A number rounded to `decimals` places, without trailing zeros: "3.5", "40". Mexico writes the
// decimal point as English does, so this is the same in both languages.
std::string format_number(double value, int decimals = 1);

}  // namespace tne
