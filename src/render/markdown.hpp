// GitHub-flavoured Markdown text, shared by the assessment and cohort reports.
#pragma once

#include <string>
#include <string_view>

namespace tne::markdown {

// Inline text: Markdown's punctuation backslash-escaped (so `a|b` stays one table cell and `*`
// stays a star), < > & as entities (so no HTML gets through), line breaks as spaces.
std::string escape(std::string_view text);

// Inline code for a file name, fenced with two backticks when the name holds one.
std::string code(const std::string& text);

}  // namespace tne::markdown
