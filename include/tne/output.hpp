// Output files are written atomically: to a temporary file beside the target, then renamed into
// place, so a failed run never leaves a partial file and an existing file survives intact.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tne/text.hpp"

namespace tne {

// An output that could not be written (a full disk, a file size limit, an I/O error, a directory
// that may not be written): the file ("-" for standard output) and the errno. The run ends with exit
// code 74, EX_IOERR of sysexits.h.
class WriteError : public std::runtime_error {
public:
    WriteError(std::string path, int error);
    const std::string& path() const { return path_; }
    int error() const { return error_; }
    // The message in both languages: "FILE: No space left on device" (the system's words, and
    // Spanish ones for the common errors).
    LocalText message() const;

private:
    std::string path_;
    int error_;
};

// Writes to standard output with every write checked: a failure throws WriteError("-"). A reader
// that has gone (`tne ... | head`) ends the program quietly with status 141, as SIGPIPE would have.
void write_standard_output(std::string_view text);

// Flushes what the C and C++ streams still hold for standard output (CLI11's help), then checks
// that standard output took everything: throws WriteError("-") otherwise.
void finish_standard_output();

// Two paths of one run that are the same file: an output and an input it would destroy, or two
// outputs of which one would silently replace the other.
struct PathClash {
    size_t output = 0;  // its index in the outputs
    size_t other = 0;   // its index in the inputs, or in the outputs
    bool other_is_input = false;
};

// The first clash among the outputs (paths; "-" is standard output) and the inputs (files, "-" for
// standard input, or directories, whose files up to two levels down count as inputs). Paths are
// compared by identity, after symbolic links: the same device and inode, or for a file that does not
// exist yet the same directory and name. Devices, pipes and terminals never clash: writing twice to
// /dev/null loses nothing. Nothing is read or written.
std::optional<PathClash> find_path_clash(const std::vector<std::string>& inputs,
                                         const std::vector<std::string>& outputs);

// A file written in pieces (records as they stream out) and put in place only by commit().
// Destroyed uncommitted, it removes its temporary file and the target stays as it was. A target
// that is not a regular file (/dev/null, a pipe) is written in place.
// Every failure throws WriteError naming the file and the reason. While it exists, its
// temporary file is also removed if the program is killed by a signal (see
// remove_temporary_files_on_signals).
class AtomicFile {
public:
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view data);
    void commit();

private:
    void flush();
    [[noreturn]] void fail(int error);

    std::string path_;
    std::string temporary_;  // empty when writing in place
    std::string buffer_;
    int fd_ = -1;
    int slot_ = -1;  // in the list of temporary files a signal removes; -1: not listed
};

void write_file_atomically(const std::string& path, const std::string& content);

// An empty file beside `target`, .NAME.TAG-XXXXXX, for a library that writes to a path of its own
// (libxlsxwriter) before the bytes go through an AtomicFile. Removed when it goes, and, like an
// AtomicFile's temporary file, if a signal ends the program. Throws WriteError naming `target`.
class ScratchFile {
public:
    ScratchFile(const std::string& target, const std::string& tag);
    ~ScratchFile();
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;

    const std::string& path() const { return path_; }

private:
    std::string path_;
    int slot_ = -1;
};

// For the program's start: SIGINT, SIGTERM and SIGHUP (unless ignored) remove the temporary files
// of the AtomicFiles alive at that moment, then end the program as the signal would have; and
// SIGXFSZ is ignored, so that a write beyond the file size limit (ulimit -f) fails with EFBIG and
// is reported like any other write error, instead of killing the program.
void remove_temporary_files_on_signals();

}  // namespace tne
