// The text of the document a rubric set cites (the Annex), split into the sections of the set's
// annex file, for `tne rubrics check --source`: each rule's quote must be in the section it cites.
//
// A section starts at its heading: the first line after the previous section's heading that is,
// whole, the section's `heading` (compared trimmed, without a leading bullet, folded). The table of
// contents never matches, as its lines end with a page number. A section runs to the heading of
// the next section that is not nested in it (4.1 includes 4.1.1 to 4.1.7), or to its `ends` line
// when it has one, or to the end of the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tne/rubric.hpp"

namespace tne::annex_source {

// A text as quotes and headings are compared: each run of whitespace (line breaks included) one
// space, trimmed; typographic quotes and apostrophes as ASCII ones; hyphen and dash variants '-'.
// Case and everything else are kept.
std::string fold(std::string_view text);

// A line as a heading is compared: folded, without leading bullets ("- ", "• ").
std::string fold_line(std::string_view line);

struct SectionText {
    const AnnexSection* section = nullptr;
    int first_line = 0;  // 1-based, of the heading; 0 when it was not found
    int last_line = 0;   // the section's last line
    std::string text;    // folded, from the heading on
};

enum class ProblemKind { no_heading, heading_not_found, ends_not_found };

struct Problem {
    const AnnexSection* section = nullptr;
    ProblemKind kind = ProblemKind::heading_not_found;
};

struct SplitSource {
    std::string whole;                  // the whole text, folded
    std::vector<SectionText> sections;  // one per section of the set, in its order
    std::vector<Problem> problems;      // in the sections' order

    const SectionText* find(const std::string& id) const;  // nothing for an unknown id
    // The innermost found section whose text contains `folded`, else nothing.
    const SectionText* containing(const std::string& folded) const;
};

SplitSource split(std::string_view text, const std::vector<AnnexSection>& sections);

}  // namespace tne::annex_source
