#include "tne/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace tne {

namespace {
constexpr size_t kFlushAt = 1 << 16;
}

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
    // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in place: renaming a file over
    // it would replace the device itself.
    struct stat target_stat {};
    if (::stat(path_.c_str(), &target_stat) == 0 && !S_ISREG(target_stat.st_mode)) {
        fd_ = ::open(path_.c_str(), O_WRONLY);
        if (fd_ < 0) throw std::runtime_error(path_ + ": " + std::strerror(errno));
        return;
    }
    namespace fs = std::filesystem;
    fs::path target(path_);
    fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string pattern = (directory / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    fd_ = mkstemp(name.data());
    if (fd_ < 0) throw std::runtime_error(path_ + ": " + std::strerror(errno));
    temporary_ = name.data();
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!temporary_.empty()) ::unlink(temporary_.c_str());
}

void AtomicFile::write(std::string_view data) {
    buffer_.append(data);
    if (buffer_.size() >= kFlushAt) flush();
}

void AtomicFile::flush() {
    size_t written = 0;
    while (written < buffer_.size()) {
        ssize_t n = ::write(fd_, buffer_.data() + written, buffer_.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(errno);
        }
        written += static_cast<size_t>(n);
    }
    buffer_.clear();
}

void AtomicFile::fail(int error) {
    throw std::runtime_error(path_ + ": " + std::strerror(error));
}

void AtomicFile::commit() {
    flush();
    if (temporary_.empty()) {  // written in place
        int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0) fail(errno);
        return;
    }
    // mkstemp creates the file 0600; an output file is as readable as any other the user writes.
    mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd_, 0666 & ~mask) != 0 || ::fsync(fd_) != 0) fail(errno);
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail(errno);
    if (std::rename(temporary_.c_str(), path_.c_str()) != 0) fail(errno);
    temporary_.clear();
}

void write_file_atomically(const std::string& path, const std::string& content) {
    AtomicFile file(path);
    file.write(content);
    file.commit();
}

}  // namespace tne
