// Two kinds of failure: input the user can fix (InputError, with the place and the value) and bugs
// (anything else). Input errors carry every problem found, so one run reports them all.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "tne/text.hpp"

namespace tne {

// A place in an input file; line and column are 1-based, 0 when unknown.
struct SourcePos {
    std::string file;
    int line = 0;
    int column = 0;

    std::string str() const;  // "file:line:column", or "file" when there is no line
    bool operator==(const SourcePos&) const = default;
};

// The system's reason for an errno, in both languages: its own English words (strerror) and Spanish
// ones for the errors reading and writing files meet in practice.
LocalText system_reason(int error);

struct Diagnostic {
    SourcePos pos;
    LocalText message;
    std::string rule;  // for rubric-set problems: the `tne rubrics check` rule id; else empty

    std::string str(Lang lang) const;  // "file:line:column: message"
};

class InputError : public std::runtime_error {
public:
    explicit InputError(std::vector<Diagnostic> diagnostics);
    InputError(SourcePos pos, LocalText message);

    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

}  // namespace tne
