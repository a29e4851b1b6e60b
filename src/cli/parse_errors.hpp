// The command line's mistakes in plain words, in the run's language: CLI11's parse errors (English
// only, and about its own terms) rewritten as what is wrong and how to fix it, with "did you mean"
// for a mistyped command or option.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "tne/text.hpp"

namespace tne::cli {

struct UsageMessage {
    std::string text;  // what is wrong, and the fix
    std::string path;  // the command it is about: "", " assess", " rubrics check"
};

// The message for `error`, thrown while `app` parsed argv.
UsageMessage parse_error_message(const CLI::ParseError& error, const CLI::App& app, int argc, char** argv, Lang lang);

}  // namespace tne::cli
