#include "tne/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <vector>

#include "tne/error.hpp"

namespace tne {

namespace {

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
    for (const auto& candidate : candidates) {
        size_t distance = edit_distance(word, candidate);
        if (distance < best_distance) {  // first of equals wins: candidates are in a stable order
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

std::string_view lang_code(Lang lang) { return lang == Lang::es ? "es" : "en"; }

std::optional<Lang> parse_lang(std::string_view code) {
    if (code == "en") return Lang::en;
    if (code == "es") return Lang::es;
    return std::nullopt;
}

LocalText format_message(const Message& message, const std::string& a, const std::string& b, const std::string& c,
                         const std::string& d) {
    return {fmt::format(fmt::runtime(message.en), a, b, c, d), fmt::format(fmt::runtime(message.es), a, b, c, d)};
}

LocalText format_localized(const Message& message, const LocalText& a, const LocalText& b, const LocalText& c,
                           const LocalText& d) {
    return {fmt::format(fmt::runtime(message.en), a.en, b.en, c.en, d.en),
            fmt::format(fmt::runtime(message.es), a.es, b.es, c.es, d.es)};
}

std::string typed_key(std::string_view text) {
    // The second byte of a two-byte UTF-8 letter U+00C0-U+00FF, small and capital, and its plain letter.
    static constexpr std::pair<unsigned char, char> accents[] = {
        {0xA1, 'a'}, {0xA9, 'e'}, {0xAD, 'i'}, {0xB3, 'o'}, {0xBA, 'u'}, {0xBC, 'u'}, {0xB1, 'n'},
        {0x81, 'a'}, {0x89, 'e'}, {0x8D, 'i'}, {0x93, 'o'}, {0x9A, 'u'}, {0x9C, 'u'}, {0x91, 'n'}};
    const size_t begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return "";
    text = text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
    std::string key;
    key.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte == 0xC3 && i + 1 < text.size()) {
            auto next = static_cast<unsigned char>(text[i + 1]);
            auto plain = std::find_if(std::begin(accents), std::end(accents),
                                      [&](const auto& accent) { return accent.first == next; });
            if (plain != std::end(accents)) {
                key += plain->second;
                ++i;
                continue;
            }
        }
        if (text.substr(i, 3) == "\xE2\x80\x99") {  // ’, as phones type the apostrophe of "don't"
            key += '\'';
            i += 2;
            continue;
        }
        key += byte == '_' ? ' ' : byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte + 32) : static_cast<char>(byte);
    }
    return key;
}

std::string format_number(double value, int decimals) {
    static constexpr long long kScales[] = {1,     10,     100,    1000,
                                            10000, 100000, 1000000};  // pow's results, without its cost
    constexpr int kMostScaled = 6;
    const bool scaled = decimals >= 0 && decimals <= kMostScaled;
    double scale = scaled ? static_cast<double>(kScales[decimals]) : std::pow(10.0, decimals);
    double units = std::round(value * scale);  // whole units of the last decimal
    double rounded = units / scale;
    if (rounded == 0) rounded = 0;  // no "-0"
    // Whole numbers, most of what reports show, need no decimals to trim; to_string is much faster.
    if (std::trunc(rounded) == rounded && std::fabs(rounded) < 1e15)
        return std::to_string(static_cast<long long>(rounded));
    // Below 1e9 the double nearest units / scale is within a tenth of a unit of it, so fmt's
    // "{:.Nf}" would print exactly the digits of `units`: they are written from the integer, which
    // costs a tenth of fmt's float formatting (a batch writes a dozen numbers a record).
    if (scaled && decimals > 0 && std::fabs(rounded) < 1e9) {
        const auto all = static_cast<long long>(std::fabs(units));
        std::string fraction = std::to_string(all % kScales[decimals]);
        std::string text = units < 0 ? "-" : "";
        text += std::to_string(all / kScales[decimals]);
        text += '.';
        text.append(static_cast<size_t>(decimals) - fraction.size(), '0');
        text += fraction;
        while (text.back() == '0') text.pop_back();  // never to the point: the number is not whole
        return text;
    }
    std::string text = fmt::format("{:.{}f}", rounded, decimals);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    return text;
}

static int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::optional<ReportDate> ReportDate::parse(std::string_view iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    auto digits = [&](size_t at, size_t count) {
        int value = 0;
        for (size_t i = at; i < at + count; ++i) {
            if (iso[i] < '0' || iso[i] > '9') return -1;
            value = value * 10 + (iso[i] - '0');
        }
        return value;
    };
    ReportDate date{digits(0, 4), digits(5, 2), digits(8, 2)};
    if (date.year < 1 || date.month < 1 || date.month > 12 || date.day < 1) return std::nullopt;
    if (date.day > days_in_month(date.year, date.month)) return std::nullopt;
    return date;
}

ReportDate ReportDate::plus_months(int months) const {
    int index = year * 12 + (month - 1) + months;  // months since year 0
    ReportDate later{index / 12, index % 12 + 1, day};
    later.day = std::min(day, days_in_month(later.year, later.month));
    return later;
}

int months_between(const ReportDate& from, const ReportDate& to) {
    int months = (to.year - from.year) * 12 + (to.month - from.month);
    // The calendar difference overshoots by one when `to` is earlier in its month than `from`.
    if (from.plus_months(months) > to) --months;
    return months;
}

ReportDate ReportDate::today() {
    std::time_t now = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long seconds = std::strtoll(epoch, &end, 10);
        if (end != epoch && *end == '\0' && seconds >= 0) now = static_cast<std::time_t>(seconds);
    }
    std::tm utc{};
    gmtime_r(&now, &utc);
    return {utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday};
}

std::string ReportDate::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

std::string ReportDate::long_form(Lang lang) const {
    static constexpr const char* kEnglish[] = {"January", "February", "March",     "April",   "May",      "June",
                                               "July",    "August",   "September", "October", "November", "December"};
    static constexpr const char* kSpanish[] = {"enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
                                               "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};
    if (lang == Lang::es) return fmt::format("{} de {} de {}", day, kSpanish[month - 1], year);
    return fmt::format("{} {} {}", day, kEnglish[month - 1], year);
}

std::string SourcePos::str() const {
    if (line <= 0) return file;
    return fmt::format("{}:{}:{}", file, line, column);
}

std::string_view rule_id(Problem problem) {
    // No default: a kind without an id is a -Wswitch warning.
    switch (problem) {
        case Problem::input:
            return "input";
        case Problem::missing_answer:
            return "missing-answer";
        case Problem::duplicate_item:
            return "duplicate-item";
        case Problem::yaml_syntax:
            return "yaml-syntax";
        case Problem::missing_file:
            return "missing-file";
        case Problem::duplicate_key:
            return "duplicate-key";
        case Problem::schema:
            return "schema";
        case Problem::duplicate_id:
            return "duplicate-id";
        case Problem::spanish_id:
            return "spanish-id";
        case Problem::id_mismatch:
            return "id-mismatch";
        case Problem::unknown_reference:
            return "unknown-reference";
        case Problem::rule_type_mismatch:
            return "rule-type-mismatch";
        case Problem::bands_order:
            return "bands-order";
        case Problem::levels_order:
            return "levels-order";
        case Problem::range_order:
            return "range-order";
        case Problem::score_range:
            return "score-range";
        case Problem::weight_positive:
            return "weight-positive";
        case Problem::missing_translation:
            return "missing-translation";
        case Problem::annex_section:
            return "annex-section";
        case Problem::pathway_order:
            return "pathway-order";
        case Problem::unreachable_full_score:
            return "unreachable-full-score";
        case Problem::infeasible_model:
            return "infeasible-model";
        case Problem::quote_not_found:
            return "quote-not-found";
        case Problem::heading_not_found:
            return "heading-not-found";
        case Problem::unused_question:
            return "unused-question";
        case Problem::untranslated:
            return "untranslated";
        case Problem::no_tests:
            return "no-tests";
        case Problem::untested_model:
            return "untested-model";
        case Problem::untested_dimension:
            return "untested-dimension";
        case Problem::basis_missing:
            return "basis-missing";
    }
    return {};
}

std::string Diagnostic::str(Lang lang) const { return fmt::format("{}: {}", pos.str(), message.in(lang)); }

static std::string join_diagnostics(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const auto& d : diagnostics) {
        if (!text.empty()) text += '\n';
        text += d.str(Lang::en);
    }
    return text;
}

LocalText system_reason(int error) {
    const char* spanish = nullptr;
    switch (error) {
        case ENOSPC:
            spanish = "no queda espacio en el dispositivo";
            break;
        case EDQUOT:
            spanish = "se agotó la cuota de disco";
            break;
        case EFBIG:
            spanish = "el archivo supera el tamaño máximo permitido";
            break;
        case EIO:
            spanish = "error de entrada/salida";
            break;
        case EACCES:
            spanish = "permiso denegado";
            break;
        case EPERM:
            spanish = "operación no permitida";
            break;
        case EROFS:
            spanish = "el sistema de archivos es de solo lectura";
            break;
        case ENOENT:
            spanish = "no existe el archivo o el directorio";
            break;
        case ENOTDIR:
            spanish = "una parte de la ruta no es un directorio";
            break;
        case EISDIR:
            spanish = "es un directorio";
            break;
        case ELOOP:
            spanish = "demasiados niveles de enlaces simbólicos";
            break;
        case ENAMETOOLONG:
            spanish = "el nombre es demasiado largo";
            break;
        default:
            break;
    }
    std::string english = std::strerror(error);
    return {english, spanish ? spanish : english};
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_diagnostics(diagnostics)), diagnostics_(std::move(diagnostics)) {}

InputError::InputError(SourcePos pos, LocalText message)
    : InputError(std::vector<Diagnostic>{Diagnostic{std::move(pos), std::move(message), {}}}) {}

std::vector<std::string> split_text(const std::string& text, const std::string& separator) {
    std::vector<std::string> items;
    size_t start = 0;
    for (size_t at; (at = text.find(separator, start)) != std::string::npos; start = at + separator.size())
        items.push_back(text.substr(start, at - start));
    items.push_back(text.substr(start));
    return items;
}

}  // namespace tne
