// Output files are written atomically: to a temporary file beside the target, then renamed into
// place, so a failed run never leaves a partial file and an existing file survives intact.
#pragma once

#include <string>
#include <string_view>

namespace tne {

// A file written in pieces (records as they stream out) and put in place only by commit().
// Destroyed uncommitted, it removes its temporary file and the target stays as it was. A target
// that is not a regular file (/dev/null, a pipe) is written in place.
// Every failure throws std::runtime_error naming the file and the reason. While it exists, its
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

// For the program's start: SIGINT, SIGTERM and SIGHUP (unless ignored) remove the temporary files
// of the AtomicFiles alive at that moment, then end the program as the signal would have; and
// SIGXFSZ is ignored, so that a write beyond the file size limit (ulimit -f) fails with EFBIG and
// is reported like any other write error, instead of killing the program.
void remove_temporary_files_on_signals();

}  // namespace tne
