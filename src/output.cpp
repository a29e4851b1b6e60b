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

void write_file_atomically(const std::string& path, const std::string& content) {
    namespace fs = std::filesystem;
    fs::path target(path);
    fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string pattern = (directory / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');

    int fd = mkstemp(name.data());
    if (fd < 0) throw std::runtime_error(path + ": " + std::strerror(errno));
    auto fail = [&](int error) {
        ::close(fd);
        ::unlink(name.data());
        throw std::runtime_error(path + ": " + std::strerror(error));
    };
    size_t written = 0;
    while (written < content.size()) {
        ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(errno);
        }
        written += static_cast<size_t>(n);
    }
    // mkstemp creates the file 0600; an output file is as readable as any other the user writes.
    mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, 0666 & ~mask) != 0 || ::fsync(fd) != 0) fail(errno);
    if (::close(fd) != 0) {
        int error = errno;
        ::unlink(name.data());
        throw std::runtime_error(path + ": " + std::strerror(error));
    }
    if (std::rename(name.data(), path.c_str()) != 0) {
        int error = errno;
        ::unlink(name.data());
        throw std::runtime_error(path + ": " + std::strerror(error));
    }
}

}  // namespace tne
