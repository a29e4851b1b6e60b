#pragma once

namespace tne::cli {

// Parses the command line, runs the command and returns the process's exit code.
int run(int argc, char** argv);

}  // namespace tne::cli
