// Localized text: every user-visible string exists in English and Spanish.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// The same with arguments that differ by language: each language's text takes its own of each
// argument (a question's path is "funding.co_funding" in English, "financiamiento.cofinanciamiento"
// in Spanish).
LocalText format_localized(const Message& message, const LocalText& a, const LocalText& b = {}, const LocalText& c = {},
                           const LocalText& d = {});
// A text the same in both languages, as an argument of format_localized.
inline LocalText same_text(const std::string& text) { return {text, text}; }

// Builds a LocalText by running the same composition once per language.
template <class Compose>
LocalText localize(Compose compose) {
    return {compose(Lang::en), compose(Lang::es)};
}

// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo
// ("did you mean"); else "". The first of equally close candidates wins.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

// How a typed word is compared with ids and labels: trimmed, lower case, without accents, "_" as a
// space, ’ as '. Spanish speakers type "si" for "sí" and "publica" for "pública"; ids are written with
// underscores. Only the Latin-1 letters in UTF-8, which is all Spanish needs.
std::string typed_key(std::string_view text);

// The parts of `text` between occurrences of `separator` (non-empty), as written: "a;b;" gives
// "a", "b" and "".
std::vector<std::string> split_text(const std::string& text, const std::string& separator);

// A number rounded to `decimals` places, without trailing zeros: "3.5", "40". Mexico writes the
// decimal point as English does, so this is the same in both languages.
std::string format_number(double value, int decimals = 1);

// The date a report is dated: --date, else SOURCE_DATE_EPOCH (reproducible builds' convention),
// else today (UTC).
struct ReportDate {
    int year = 1970;
    int month = 1;
    int day = 1;

    static std::optional<ReportDate> parse(std::string_view iso);  // "2026-11-23", a real date
    static ReportDate today();
    std::string iso() const;                 // "2026-11-23"
    std::string long_form(Lang lang) const;  // "23 November 2026", "23 de noviembre de 2026"
    // The same day `months` later, or the month's last day when it has no such day:
    // 2024-02-29 + 12 months is 2025-02-28.
    ReportDate plus_months(int months) const;

    auto operator<=>(const ReportDate&) const = default;  // year, then month, then day
};

// Whole months from `from` to `to`: the most n with from.plus_months(n) <= to; negative when `to`
// is earlier.
int months_between(const ReportDate& from, const ReportDate& to);

}  // namespace tne
