// Helpers shared by the tests: paths, the default rubric set, and running the real binary with a
// clean environment (no colour, no locale) so its output is the same everywhere.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "tne/rubric.hpp"

namespace tne::test {

std::filesystem::path source_dir();
std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& content);

const RubricSet& default_rubrics();

// Compares with tests/golden/NAME; TNE_UPDATE_GOLDEN=1 rewrites the file instead.
void check_golden(const std::string& name, const std::string& actual);

// The shipped example profiles, examples/*.yaml, sorted by name.
std::vector<std::filesystem::path> example_profiles();

// A fresh empty directory under the system's temporary folder, removed at exit of the test.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// A copy of a folder of the source tree (rubrics/ unless told) in a temporary directory, to change
// one file at a time.
struct RubricCopy {
    TempDir dir;
    std::filesystem::path root;

    explicit RubricCopy(const std::string& folder = "rubrics");
    RubricSet load() const;
    std::string name_of(const std::string& relative) const { return root.string() + "/" + relative; }
};

// Line and column (1-based) where the only occurrence of `needle` in `text` starts; fails the test
// unless it occurs once.
std::pair<int, int> position_of(const std::string& text, const std::string& needle);

// Replaces the only occurrence of `from` in the file with `to`; fails the test unless it occurs once.
void replace_once(const std::filesystem::path& file, const std::string& from, const std::string& to);

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// The sanitizers' options from the tests' environment ("ASAN_OPTIONS=...", also UBSAN_OPTIONS and
// LSAN_OPTIONS, when set), which every helper that runs `tne` with a clean environment passes on, so
// that a sanitizer report in `tne` fails the test the way scripts/sanitize-test.sh asks.
std::vector<std::string> sanitizer_environment();

// The exit code scripts/sanitize-test.sh gives a program a sanitizer stopped (no tne exit code).
constexpr int kSanitizerExitCode = 86;

// Fails the test, showing what `tne` wrote to standard error, when a sanitizer stopped it; every
// helper that runs `tne` calls it, so no report goes unseen whatever the test then checks.
void check_no_sanitizer_report(int exit_code, const std::string& err);

// Runs build's `tne` with `args` (each shell-quoted) under `env -i`, plus `extra_env` ("NAME=value")
// and sanitizer_environment(),
// with `input` on standard input (else /dev/null).
RunResult run_tne(const std::vector<std::string>& args, const std::vector<std::string>& extra_env = {},
                  const std::string& input = {});

}  // namespace tne::test
