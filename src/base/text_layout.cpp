#include "base/text_layout.hpp"

#include <algorithm>
#include <cmath>

namespace tne {

size_t display_width(std::string_view text) {
    // Every byte that does not continue a UTF-8 sequence starts a character.
    return static_cast<size_t>(std::count_if(text.begin(), text.end(),
                                             [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

std::string pad_right(std::string_view text, size_t width) {
    std::string out(text);
    size_t used = display_width(text);
    if (used < width) out.append(width - used, ' ');
    return out;
}

std::string pad_left(std::string_view text, size_t width) {
    size_t used = display_width(text);
    return std::string(used < width ? width - used : 0, ' ') + std::string(text);
}

std::vector<std::string> wrap(std::string_view text, size_t width) {
    std::vector<std::string> lines;
    std::string line;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
            lines.push_back(line);
            line.clear();
        }
        if (!line.empty()) line += ' ';
        line += word;
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

void append_wrapped(std::string& out, std::string_view text, size_t width, std::string_view first_indent,
                    std::string_view indent) {
    size_t room = width > indent.size() ? width - std::max(first_indent.size(), indent.size()) : 20;
    bool first = true;
    for (const auto& line : wrap(text, room)) {
        out += first ? first_indent : indent;
        out += line;
        out += '\n';
        first = false;
    }
}

std::string score_bar(double score, int width) {
    int filled = static_cast<int>(std::lround(std::clamp(score, 0.0, 100.0) / 100.0 * width));
    std::string bar;
    for (int i = 0; i < width; ++i) bar += i < filled ? "█" : "░";
    return bar;
}

}  // namespace tne
