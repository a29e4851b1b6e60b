#include "support.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace tne::test {

std::filesystem::path source_dir() { return TNE_SOURCE_DIR; }

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_file(const std::filesystem::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

const RubricSet& default_rubrics() {
    static const RubricSet rubrics = load_rubric_set(embedded_rubric_files());
    return rubrics;
}

void check_golden(const std::string& name, const std::string& actual) {
    std::filesystem::path golden = source_dir() / "tests" / "golden" / name;
    if (std::getenv("TNE_UPDATE_GOLDEN")) {
        std::filesystem::create_directories(golden.parent_path());
        write_file(golden, actual);
    }
    INFO("golden file " << golden << " (rerun with TNE_UPDATE_GOLDEN=1 to accept a deliberate change)");
    REQUIRE(std::filesystem::exists(golden));
    CHECK(read_file(golden) == actual);
}

std::vector<std::filesystem::path> example_profiles() {
    std::vector<std::filesystem::path> profiles;
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "examples"))
        if (entry.path().extension() == ".yaml") profiles.push_back(entry.path());
    std::sort(profiles.begin(), profiles.end());
    return profiles;
}

TempDir::TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() / ("tne-test-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

static std::string shell_quote(const std::string& word) {
    std::string quoted = "'";
    for (char ch : word) quoted += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    return quoted + "'";
}

std::vector<std::string> sanitizer_environment() {
    std::vector<std::string> variables;
    for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"})
        if (const char* value = std::getenv(name)) variables.push_back(std::string(name) + "=" + value);
    return variables;
}

void check_no_sanitizer_report(int exit_code, const std::string& err) {
    if (exit_code == kSanitizerExitCode) FAIL("a sanitizer stopped tne (exit code " << exit_code << "):\n" << err);
}

RunResult run_tne(const std::vector<std::string>& args, const std::vector<std::string>& extra_env,
                  const std::string& input) {
    TempDir dir;
    std::filesystem::path err_file = dir.path() / "stderr";
    std::filesystem::path in_file = dir.path() / "stdin";
    write_file(in_file, input);
    std::string command = "cd " + shell_quote(source_dir().string()) + " && env -i PATH=/usr/bin:/bin";
    for (const auto& variable : sanitizer_environment()) command += " " + shell_quote(variable);
    for (const auto& variable : extra_env) command += " " + shell_quote(variable);
    command += " " + shell_quote(TNE_BINARY);
    for (const auto& arg : args) command += " " + shell_quote(arg);
    command += " 2>" + shell_quote(err_file.string()) + " <" + shell_quote(in_file.string());

    RunResult result;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run " + command);
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
    int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.err = read_file(err_file);
    check_no_sanitizer_report(result.exit_code, result.err);
    return result;
}

RubricCopy::RubricCopy(const std::string& folder) : root(dir.path() / std::filesystem::path(folder).filename()) {
    std::filesystem::copy(source_dir() / folder, root, std::filesystem::copy_options::recursive);
}

RubricSet RubricCopy::load() const { return load_rubric_set(directory_rubric_files(root.string())); }

void replace_once(const std::filesystem::path& file, const std::string& from, const std::string& to) {
    std::string text = read_file(file);
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    write_file(file, text.replace(at, from.size(), to));
}

std::pair<int, int> position_of(const std::string& text, const std::string& needle) {
    size_t at = text.find(needle);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(needle, at + 1) == std::string::npos);
    int line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
    size_t line_start = text.rfind('\n', at);
    int column = static_cast<int>(line_start == std::string::npos ? at + 1 : at - line_start);
    return {line, column};
}

}  // namespace tne::test
