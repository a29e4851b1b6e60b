#include "pty_session.hpp"

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdlib>

#include "support.hpp"

namespace tne::test {

PtySession::PtySession(const std::vector<std::string>& args, const std::filesystem::path& directory,
                       const std::vector<std::string>& env) {
    struct winsize size {};
    size.ws_row = 24;
    size.ws_col = 80;
    pid_ = forkpty(&master_, nullptr, nullptr, &size);
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {  // the child: becomes tne, with the terminal as its controlling terminal
        if (chdir(directory.c_str()) != 0) _exit(127);
        std::vector<std::string> environment = {"PATH=/usr/bin:/bin", "TERM=xterm"};
        std::vector<std::string> sanitizer = sanitizer_environment();
        environment.insert(environment.end(), sanitizer.begin(), sanitizer.end());
        environment.insert(environment.end(), env.begin(), env.end());
        std::vector<char*> envp;
        for (auto& variable : environment) envp.push_back(variable.data());
        envp.push_back(nullptr);
        std::vector<std::string> command = {TNE_BINARY};
        command.insert(command.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& arg : command) argv.push_back(arg.data());
        argv.push_back(nullptr);
        execve(TNE_BINARY, argv.data(), envp.data());
        _exit(127);
    }
}

PtySession::~PtySession() {
    if (pid_ > 0) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    if (master_ >= 0) close(master_);
}

PtySession::Read PtySession::read_some(std::chrono::milliseconds timeout) {
    pollfd ready{master_, POLLIN, 0};
    if (poll(&ready, 1, static_cast<int>(timeout.count())) <= 0) return Read::nothing;
    char buffer[4096];
    ssize_t got = read(master_, buffer, sizeof buffer);
    if (got <= 0) return Read::closed;  // EIO: the program closed the terminal (it ended)
    output_.append(buffer, static_cast<size_t>(got));
    return Read::some;
}

void PtySession::expect(const std::string& text, std::chrono::seconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        size_t at = output_.find(text, matched_);
        if (at != std::string::npos) {
            matched_ = at + text.size();
            return;
        }
        bool open =
            std::chrono::steady_clock::now() < deadline && read_some(std::chrono::milliseconds(100)) != Read::closed;
        if (!open) {
            INFO("transcript:\n" << output_);
            FAIL("the terminal never showed: " << text);
        }
    }
}

void PtySession::type(const std::string& line) {
    std::string keys = line + "\r";  // Enter sends a carriage return; the terminal makes it a newline
    REQUIRE(write(master_, keys.data(), keys.size()) == static_cast<ssize_t>(keys.size()));
}

void PtySession::press_ctrl_c() { REQUIRE(write(master_, "\x03", 1) == 1); }

int PtySession::wait() {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    int status = 0;
    Read last = Read::nothing;
    while (waitpid(pid_, &status, WNOHANG) != pid_) {
        // Keeps reading what it prints, so it never blocks on a full terminal.
        if (last != Read::closed)
            last = read_some(std::chrono::milliseconds(50));
        else
            usleep(10000);
        if (std::chrono::steady_clock::now() > deadline) {
            INFO("transcript:\n" << output_);
            FAIL("tne did not end within 10 s");
        }
    }
    while (last != Read::closed && (last = read_some(std::chrono::milliseconds(20))) == Read::some) {
    }
    pid_ = -1;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    check_no_sanitizer_report(code, output_);  // standard error is the terminal too
    return code;
}

}  // namespace tne::test
