#include "terminal.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>

namespace tne::cli {

namespace {

volatile std::sig_atomic_t interrupted = 0;

void on_interrupt(int) { interrupted = 1; }

}  // namespace

TerminalConversation::TerminalConversation() : echo_(!isatty(STDIN_FILENO)) {
    interrupted = 0;
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a read waiting for a line returns with EINTR
    sigaction(SIGINT, &action, &previous_);
}

TerminalConversation::~TerminalConversation() { sigaction(SIGINT, &previous_, nullptr); }

InputLine TerminalConversation::read_line() {
    for (;;) {
        if (interrupted) return {InputLine::Status::interrupted, {}};
        size_t newline = buffer_.find('\n');
        if (newline != std::string::npos || (end_ && !buffer_.empty())) {
            std::string line = buffer_.substr(0, newline);
            buffer_.erase(0, newline == std::string::npos ? std::string::npos : newline + 1);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (echo_) write(line + "\n");
            return {InputLine::Status::line, line};
        }
        if (end_) return {InputLine::Status::end_of_input, {}};
        char chunk[4096];
        ssize_t got = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (got > 0)
            buffer_.append(chunk, static_cast<size_t>(got));
        else if (got == 0 || errno != EINTR)
            end_ = true;  // EINTR: the loop's first line decides
    }
}

void TerminalConversation::write(std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
}

}  // namespace tne::cli
