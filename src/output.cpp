#include "tne/output.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace tne {

namespace {

constexpr size_t kFlushAt = 1 << 16;
constexpr int kTerminationSignals[] = {SIGINT, SIGTERM, SIGHUP};

// The temporary files not yet committed or removed, for the signal handler, which may neither
// allocate nor lock: a fixed array of slots, each free, being filled, or holding a path.
constexpr size_t kSlots = 16;
enum SlotState : int { kFree, kFilling, kHeld };
struct Slot {
    std::atomic<int> state{kFree};
    char path[4096];
};
static_assert(std::atomic<int>::is_always_lock_free);
Slot slots[kSlots];

// The slot now holding `path`, or -1 when none is free (or the path is too long): that file is then
// not removed on a signal, only by the destructor.
int list_temporary(const std::string& path) {
    if (path.size() >= sizeof Slot::path) return -1;
    for (size_t i = 0; i < kSlots; ++i) {
        int expected = kFree;
        if (!slots[i].state.compare_exchange_strong(expected, kFilling)) continue;
        std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
        slots[i].state.store(kHeld);
        return static_cast<int>(i);
    }
    return -1;
}

void unlist_temporary(int slot) {
    if (slot >= 0) slots[slot].state.store(kFree);
}

// Only async-signal-safe calls: unlink, signal, raise. The signal, blocked while this runs, is
// delivered again on return with its default action, and ends the program.
void remove_temporaries_and_end(int signal) {
    for (auto& slot : slots)
        if (slot.state.load() == kHeld) ::unlink(slot.path);
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

}  // namespace

void remove_temporary_files_on_signals() {
    ::signal(SIGXFSZ, SIG_IGN);
    for (int signal : kTerminationSignals) {
        struct sigaction current {};
        if (::sigaction(signal, nullptr, &current) != 0 || current.sa_handler == SIG_IGN) continue;  // nohup, &
        struct sigaction action {};
        action.sa_handler = remove_temporaries_and_end;
        sigemptyset(&action.sa_mask);
        for (int other : kTerminationSignals) sigaddset(&action.sa_mask, other);
        ::sigaction(signal, &action, nullptr);
    }
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
    // The termination signals wait while the file is created and listed, so that none comes between.
    sigset_t termination, previous;
    sigemptyset(&termination);
    for (int signal : kTerminationSignals) sigaddset(&termination, signal);
    pthread_sigmask(SIG_BLOCK, &termination, &previous);
    fd_ = mkstemp(name.data());
    int error = errno;
    if (fd_ >= 0) slot_ = list_temporary(name.data());
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    if (fd_ < 0) throw std::runtime_error(path_ + ": " + std::strerror(error));
    temporary_ = name.data();
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!temporary_.empty()) ::unlink(temporary_.c_str());
    unlist_temporary(slot_);  // after the unlink: a signal in between finds the file already gone
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
    unlist_temporary(slot_);
    slot_ = -1;
}

void write_file_atomically(const std::string& path, const std::string& content) {
    AtomicFile file(path);
    file.write(content);
    file.commit();
}

}  // namespace tne
