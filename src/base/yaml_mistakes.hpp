// The mistakes people make writing YAML by hand, found on the text itself. yaml-cpp reports most of
// them a line or more after the mistake and in its own terms ("illegal map value"), and lets some
// through (a quote never closed runs to the end of the file; `key:value` under a key with a value is
// read as more of that value); these point at the mistake, with the fix.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "tne/text.hpp"

namespace tne::yaml_input {

struct Mistake {
    int line = 0;  // 1-based
    int column = 0;
    LocalText message;  // what is wrong and the fix, without "invalid YAML"
};

// The first mistake at or before `error_line`, where yaml-cpp stopped (its message: `error`); with
// `error_line` 0 (the text parsed), only the mistakes yaml-cpp lets through are looked for.
std::optional<Mistake> find_mistake(std::string_view text, int error_line);

// yaml-cpp's message in plain words, in both languages.
LocalText plain_yaml_error(const std::string& message);

}  // namespace tne::yaml_input
