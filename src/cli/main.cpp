#include "cli.hpp"
#include "tne/output.hpp"

int main(int argc, char** argv) {
    // A run that fails or is interrupted never leaves a partial output file (docs/architecture.md).
    tne::remove_temporary_files_on_signals();
    return tne::cli::run(argc, argv);
}
