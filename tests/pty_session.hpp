// Runs `tne` on a pseudo-terminal, as a person at a terminal would: the test waits for what the
// program prints, types lines, presses Ctrl-C, and reads the exit status.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace tne::test {

class PtySession {
public:
    // Starts build's `tne` with `args` in `directory`, under a clean environment plus `env`
    // ("NAME=value"), on an 80-column terminal.
    PtySession(const std::vector<std::string>& args, const std::filesystem::path& directory,
               const std::vector<std::string>& env = {});
    ~PtySession();  // kills the program if it still runs
    PtySession(const PtySession&) = delete;
    PtySession& operator=(const PtySession&) = delete;

    // Reads the output until `text` appears after the previous match; fails the test (with the
    // transcript) when it does not within `timeout`.
    void expect(const std::string& text, std::chrono::seconds timeout = std::chrono::seconds(10));
    // Types `line` and presses Enter.
    void type(const std::string& line);
    void press_ctrl_c();
    // Waits for the program to end: its exit code, or 128 + the signal that ended it.
    int wait();

    const std::string& transcript() const { return output_; }

private:
    enum class Read { some, nothing, closed };  // closed: the program has closed the terminal
    Read read_some(std::chrono::milliseconds timeout);

    pid_t pid_ = -1;
    int master_ = -1;
    std::string output_;
    size_t matched_ = 0;  // where the next expect starts looking
};

}  // namespace tne::test
