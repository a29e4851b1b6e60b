#include "tne/input.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>

#include "base/messages.hpp"
#include "tne/error.hpp"

namespace tne::input {

namespace {

LocalText too_large(size_t size) {
    return format_message(msg::input_too_large, std::to_string(size), std::to_string(max_bytes()), kMaxBytesVariable);
}

// The length of the UTF-8 sequence starting at `at`, or 0 when it is not a well-formed one
// (overlong forms, surrogates and code points past U+10FFFF included).
size_t sequence_length(std::string_view text, size_t at, char32_t& code) {
    auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(at);
    size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || at + length > text.size()) return 0;
    code = length == 1 ? lead : lead & (0x7F >> length);
    for (size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return 0;
        code = (code << 6) | (byte(at + i) & 0x3F);
    }
    static const char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
    return length;
}

// YAML 1.2's c-printable, the characters a document may hold.
bool printable(char32_t c) {
    return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
}

}  // namespace

std::optional<size_t> parse_size(std::string_view text) {
    if (text.empty()) return std::nullopt;
    size_t shift = 0;
    switch (text.back()) {
        case 'K':
            shift = 10;
            break;
        case 'M':
            shift = 20;
            break;
        case 'G':
            shift = 30;
            break;
        default:
            break;
    }
    std::string_view digits = shift ? text.substr(0, text.size() - 1) : text;
    if (digits.empty() || digits.size() > 12 || digits.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    size_t value = std::stoull(std::string(digits)) << shift;
    return value > 0 ? std::optional(value) : std::nullopt;
}

size_t max_bytes() {
    static const size_t limit = [] {
        const char* setting = std::getenv(kMaxBytesVariable);
        return setting ? parse_size(setting).value_or(kDefaultMaxBytes) : kDefaultMaxBytes;
    }();
    return limit;
}

std::string read_file(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && static_cast<size_t>(info.st_size) > max_bytes())
        throw InputError(SourcePos{path}, too_large(static_cast<size_t>(info.st_size)));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(SourcePos{path}, format_message(msg::cannot_read_file));
    // A pipe or a device has no size to check first: reading stops at the first piece past the limit.
    std::string text;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<size_t>(in.gcount()));
        if (text.size() > max_bytes()) throw InputError(SourcePos{path}, too_large(text.size()));
    }
    return plain_text(std::move(text));
}

std::string plain_text(std::string text) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (text.compare(0, bom.size(), bom) == 0) text.erase(0, bom.size());
    size_t carriage = text.find('\r');
    if (carriage == std::string::npos) return text;  // the common case: nothing to copy
    size_t kept = carriage;
    for (size_t at = carriage; at < text.size(); ++at) {
        if (text[at] != '\r') {
            text[kept++] = text[at];
        } else {
            text[kept++] = '\n';
            if (at + 1 < text.size() && text[at + 1] == '\n') ++at;  // CRLF is one line end
        }
    }
    text.resize(kept);
    return text;
}

std::optional<Unreadable> find_unreadable(std::string_view text) {
    Unreadable place;
    for (size_t at = 0; at < text.size();) {
        // Printable ASCII, most of any text, is passed a run at a time: no sequence to decode.
        size_t ascii = at;
        while (ascii < text.size() && text[ascii] >= 0x20 && text[ascii] <= 0x7E) ++ascii;
        place.column += static_cast<int>(ascii - at);
        at = ascii;
        if (at == text.size()) break;
        char32_t code = 0;
        size_t length = sequence_length(text, at, code);
        if (length == 0) {
            place.message =
                format_message(msg::invalid_utf8, fmt::format("{:02X}", static_cast<unsigned char>(text[at])));
            return place;
        }
        if (!printable(code)) {
            place.message = format_message(code == 0 ? msg::nul_byte : msg::control_character,
                                           fmt::format("{:04X}", static_cast<uint32_t>(code)));
            return place;
        }
        if (code == '\n') {
            ++place.line;
            place.column = 1;
        } else {
            ++place.column;
        }
        at += length;
    }
    return std::nullopt;
}

void check_text(std::string_view text, const std::string& source) {
    if (text.size() > max_bytes()) throw InputError(SourcePos{source}, too_large(text.size()));
    if (auto place = find_unreadable(text))
        throw InputError(SourcePos{source, place->line, place->column}, place->message);
}

}  // namespace tne::input
