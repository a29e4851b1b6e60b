// Every input a fuzz target found a problem with, kept in tests/fuzz-regressions/TARGET/NAME and
// replayed through the target's own entry point (fuzz/entry_points.hpp): it must go through, or be
// rejected with an InputError that says why; never crash or throw anything else (docs/fuzzing.md).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "entry_points.hpp"
#include "support.hpp"

using namespace tne::test;
namespace fs = std::filesystem;

namespace {

// The reproducers of `target`, by name; fails the test when its folder is missing or empty, so that
// a replay never passes having replayed nothing.
std::vector<fs::path> reproducers(const std::string& target) {
    std::vector<fs::path> files;
    fs::path dir = source_dir() / "tests" / "fuzz-regressions" / target;
    INFO("the reproducers of " << target << " at " << dir.string());
    REQUIRE(fs::is_directory(dir));
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE_FALSE(files.empty());
    return files;
}

template <class Run>
void replay(const std::string& target, Run run) {
    const tne::fuzz::Fixtures& fixtures = tne::fuzz::fixtures();
    for (const auto& file : reproducers(target)) {
        DYNAMIC_SECTION(target << "/" << file.filename().string()) {
            const std::string input = read_file(file);
            REQUIRE_NOTHROW(run(input, fixtures));
        }
    }
}

}  // namespace

TEST_CASE("fuzz regressions: every reproducer is accepted or rejected with a message", "[fuzz]") {
    replay("fuzz_profile", tne::fuzz::profile);
    replay("fuzz_rubrics", tne::fuzz::rubrics);
    replay("fuzz_csv", tne::fuzz::csv);
}
