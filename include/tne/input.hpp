// Limits and checks on what tne reads, applied before any parser sees it (docs/security.md):
// yaml-cpp 0.7.0 passes invalid UTF-8 and control characters through, takes a NUL byte inside a
// plain scalar for an escape, and reads whatever size it is given.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "tne/text.hpp"

namespace tne::input {

constexpr size_t kDefaultMaxBytes = size_t{16} << 20;  // 16 MiB: a real profile is a few KB
constexpr const char* kMaxBytesVariable = "TNE_MAX_INPUT_BYTES";

// "1048576", "64K", "16M" or "1G" (powers of 1024); nothing for anything else, or 0.
std::optional<size_t> parse_size(std::string_view text);

// The most bytes one input may have: a file read whole (a profile, a rubric file, a survey map), or
// a document or a line of a batch stream. TNE_MAX_INPUT_BYTES sets it; unset or
// invalid, the default (the CLI refuses an invalid setting before it reads anything).
size_t max_bytes();

// A file's whole text, as plain_text() leaves it; throws InputError when it cannot be read or is
// larger than max_bytes(), which is checked before reading it.
std::string read_file(const std::string& path);

// The text without a leading UTF-8 byte-order mark and with every line end a line feed: CRLF
// (Windows) and CR alone (Excel for Mac, old Mac editors) included. Line numbers stay those an
// editor shows; columns do not move. yaml-cpp reads a lone CR as part of the line, so a comment
// ending in one would hide the line after it.
std::string plain_text(std::string text);

// The first place in `text` that check_text refuses: its line and column (1-based, in characters)
// and why; nothing when the text is fine. For texts that are part of a file (a CSV cell).
struct Unreadable {
    int line = 1;
    int column = 1;
    LocalText message;
};
std::optional<Unreadable> find_unreadable(std::string_view text);

// Throws InputError at the first place YAML cannot hold: a byte that is not UTF-8, or a character
// YAML 1.2 does not allow in a document (NUL and the other control characters but tab, line feed
// and carriage return; DEL; C1 controls but NEL; U+FFFE and U+FFFF). Also when the text is larger
// than max_bytes().
void check_text(std::string_view text, const std::string& source);

}  // namespace tne::input
