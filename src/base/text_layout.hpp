// Laying out text for a terminal: widths in characters (UTF-8 code points), word wrapping, bars.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tne {

size_t display_width(std::string_view text);
std::string pad_right(std::string_view text, size_t width);
std::string pad_left(std::string_view text, size_t width);

// Splits text into lines of at most `width` characters at spaces; a longer word stands alone.
std::vector<std::string> wrap(std::string_view text, size_t width);

// Appends `text` wrapped to `width`, the first line after `first_indent`, the others after `indent`.
void append_wrapped(std::string& out, std::string_view text, size_t width, std::string_view first_indent,
                    std::string_view indent);

// A bar of `width` cells for a score in 0-100: "██████░░░░".
std::string score_bar(double score, int width);

}  // namespace tne
