// Output files are written atomically: to a temporary file beside the target, then renamed into
// place, so a failed run never leaves a partial file and an existing file survives intact.
#pragma once

#include <string>
#include <string_view>

namespace tne {

// A file written in pieces (records as they stream out) and put in place only by commit().
// Destroyed uncommitted, it removes its temporary file and the target stays as it was. A target
// that is not a regular file (/dev/null, a pipe) is written in place.
// Every failure throws std::runtime_error naming the file and the reason.
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
};

void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace tne
