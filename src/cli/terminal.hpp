// The questionnaire's conversation on standard input and output: a person at a terminal, or a
// script piping its answers in.
#pragma once

#include <csignal>
#include <string>

#include "tne/questionnaire.hpp"

namespace tne::cli {

// While it lives, Ctrl-C (SIGINT) ends the line being read as `interrupted` instead of killing the
// process, so the caller can keep what was answered. When standard input is not a terminal, every
// line read is echoed, so a transcript shows the answers next to their questions.
class TerminalConversation : public Conversation {
public:
    TerminalConversation();
    ~TerminalConversation() override;
    TerminalConversation(const TerminalConversation&) = delete;
    TerminalConversation& operator=(const TerminalConversation&) = delete;

    InputLine read_line() override;
    void write(std::string_view text) override;

private:
    std::string buffer_;  // read but not yet returned
    bool end_ = false;
    bool echo_ = false;
    struct sigaction previous_ {};
};

}  // namespace tne::cli
