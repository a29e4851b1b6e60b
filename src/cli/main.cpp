#include "cli.hpp"

int main(int argc, char** argv) { return tne::cli::run(argc, argv); }
