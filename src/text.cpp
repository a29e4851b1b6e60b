#include "tne/text.hpp"

#include <fmt/format.h>

#include <cmath>

#include "tne/error.hpp"

namespace tne {

std::string_view lang_code(Lang lang) { return lang == Lang::es ? "es" : "en"; }

std::optional<Lang> parse_lang(std::string_view code) {
    if (code == "en") return Lang::en;
    if (code == "es") return Lang::es;
    return std::nullopt;
}

LocalText format_message(const Message& message, const std::string& a, const std::string& b,
                         const std::string& c, const std::string& d) {
    return {fmt::format(fmt::runtime(message.en), a, b, c, d),
            fmt::format(fmt::runtime(message.es), a, b, c, d)};
}

std::string format_number(double value, int decimals) {
    static constexpr double kScales[] = {1, 10, 100, 1000};  // pow's results, without its cost
    double scale = decimals >= 0 && decimals <= 3 ? kScales[decimals] : std::pow(10.0, decimals);
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0) rounded = 0;  // no "-0"
    // Whole numbers, most of what reports show, need no decimals to trim; to_string is much faster.
    if (std::trunc(rounded) == rounded && std::fabs(rounded) < 1e15)
        return std::to_string(static_cast<long long>(rounded));
    std::string text = fmt::format("{:.{}f}", rounded, decimals);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    return text;
}

std::string SourcePos::str() const {
    if (line <= 0) return file;
    return fmt::format("{}:{}:{}", file, line, column);
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

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_diagnostics(diagnostics)), diagnostics_(std::move(diagnostics)) {}

InputError::InputError(SourcePos pos, LocalText message)
    : InputError(std::vector<Diagnostic>{Diagnostic{std::move(pos), std::move(message), {}}}) {}

}  // namespace tne
