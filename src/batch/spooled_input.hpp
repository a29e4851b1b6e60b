// An export read as a regular file, whatever it came as. An export is read more than once (for its
// encoding, its delimiter, its decimal mark and, when rows are grouped, to count each institution's
// rows), but a named pipe can be read only once: such an input is first copied, once, to a private
// temporary file (removed when done), which is then read exactly as a file would be, so a pipe and a
// file give the same records in the same order. Bytes held in memory are written to one the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tne/error.hpp"

namespace tne {

class SpooledInput {
public:
    // `file` itself when it is a regular file, else a copy of what it holds.
    explicit SpooledInput(const std::string& file);
    // `bytes` in a temporary file with `name`'s extension; problems are placed at `name`.
    SpooledInput(const std::string& name, std::string_view bytes);
    ~SpooledInput();
    SpooledInput(const SpooledInput&) = delete;
    SpooledInput& operator=(const SpooledInput&) = delete;

    // The regular file to read.
    const std::string& path() const { return path_; }
    // The problems of reading the copy, at the input's name.
    std::vector<Diagnostic> named(std::vector<Diagnostic> problems) const;

private:
    void make_temporary();  // path_ becomes a new private file, with file_'s extension

    std::string file_;
    std::string path_;
};

}  // namespace tne
