#include "tne/output.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "tne/error.hpp"

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

// Creates .NAME.TAG-XXXXXX beside `target` as mkstemp does, and lists it for the signal handler:
// its descriptor, its path in `created` and its slot in `slot`. Throws WriteError naming `target`.
int create_listed_beside(const std::string& target, const std::string& tag, std::string& created, int& slot) {
    namespace fs = std::filesystem;
    fs::path where(target);
    fs::path directory = where.has_parent_path() ? where.parent_path() : fs::path(".");
    std::string pattern = (directory / ("." + where.filename().string() + tag + "-XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    // The termination signals wait while the file is created and listed, so that none comes between.
    sigset_t termination, previous;
    sigemptyset(&termination);
    for (int signal : kTerminationSignals) sigaddset(&termination, signal);
    pthread_sigmask(SIG_BLOCK, &termination, &previous);
    int fd = mkstemp(name.data());
    int error = errno;
    if (fd >= 0) slot = list_temporary(name.data());
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    if (fd < 0) throw WriteError(target, error);
    created = name.data();
    return fd;
}

}  // namespace

WriteError::WriteError(std::string path, int error)
    : std::runtime_error(path + ": " + std::strerror(error)), path_(std::move(path)), error_(error) {}

LocalText WriteError::message() const {
    LocalText reason = system_reason(error_);
    if (path_ == "-") return {"standard output: " + reason.en, "salida estándar: " + reason.es};
    return {path_ + ": " + reason.en, path_ + ": " + reason.es};
}

void write_standard_output(std::string_view text) {
    std::fflush(stdout);  // whatever stdio holds goes first
    while (!text.empty()) {
        ssize_t n = ::write(STDOUT_FILENO, text.data(), text.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EPIPE) {
            // SIGPIPE is ignored (a parent set it so): end as it would have ended the program.
            ::signal(SIGPIPE, SIG_DFL);
            ::raise(SIGPIPE);
            std::_Exit(128 + SIGPIPE);
        }
        if (n < 0) throw WriteError("-", errno);
        text.remove_prefix(static_cast<size_t>(n));
    }
}

void finish_standard_output() {
    // CLI11 writes help and version through std::cout, which shares stdio's buffer.
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) throw WriteError("-", errno != 0 ? errno : EIO);
}

namespace {

// What a path names, for telling whether two paths are one file.
struct Identity {
    dev_t device = 0;
    ino_t inode = 0;
    std::string name;  // for a file that does not exist yet: its name in the directory device:inode
    bool operator==(const Identity&) const = default;
};

// A regular file's identity, or a path's that does not exist yet; nothing for anything else.
std::optional<Identity> identity_of(const std::string& path, int standard_stream) {
    struct stat info {};
    bool found = path == "-" ? ::fstat(standard_stream, &info) == 0 : ::stat(path.c_str(), &info) == 0;
    if (found) return S_ISREG(info.st_mode) ? std::optional(Identity{info.st_dev, info.st_ino, {}}) : std::nullopt;
    if (path == "-" || errno != ENOENT) return std::nullopt;
    namespace fs = std::filesystem;
    std::error_code error;
    fs::path resolved = fs::weakly_canonical(fs::absolute(path, error), error);
    if (error || ::stat(resolved.parent_path().c_str(), &info) != 0) return std::nullopt;
    return Identity{info.st_dev, info.st_ino, resolved.filename().string()};
}

// A directory input's files, two levels down (a rubric set keeps its dimensions in a subfolder).
void add_directory_files(const std::string& directory, int depth, std::vector<Identity>& into) {
    namespace fs = std::filesystem;
    std::error_code error;
    for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
        std::error_code ignored;
        if (it->is_directory(ignored) && depth > 1)
            add_directory_files(it->path().string(), depth - 1, into);
        else if (auto identity = identity_of(it->path().string(), -1))
            into.push_back(*identity);
    }
}

}  // namespace

std::optional<PathClash> find_path_clash(const std::vector<std::string>& inputs,
                                         const std::vector<std::string>& outputs) {
    std::vector<std::pair<Identity, size_t>> read;  // each input file, with the input it comes from
    for (size_t i = 0; i < inputs.size(); ++i) {
        std::error_code error;
        if (inputs[i] != "-" && std::filesystem::is_directory(inputs[i], error)) {
            std::vector<Identity> files;
            add_directory_files(inputs[i], 2, files);
            for (auto& file : files) read.emplace_back(std::move(file), i);
        } else if (auto identity = identity_of(inputs[i], STDIN_FILENO)) {
            read.emplace_back(std::move(*identity), i);
        }
    }
    std::sort(read.begin(), read.end(), [](const auto& x, const auto& y) {
        return std::tie(x.first.device, x.first.inode, x.first.name, x.second) <
               std::tie(y.first.device, y.first.inode, y.first.name, y.second);
    });
    std::vector<std::optional<Identity>> written;
    for (size_t o = 0; o < outputs.size(); ++o) {
        std::optional<Identity> identity = identity_of(outputs[o], STDOUT_FILENO);
        for (size_t earlier = 0; earlier < o; ++earlier)
            if ((outputs[o] == "-" && outputs[earlier] == "-") || (identity && written[earlier] == identity))
                return PathClash{o, earlier, false};
        if (identity) {
            auto same =
                std::lower_bound(read.begin(), read.end(), *identity, [](const auto& entry, const Identity& id) {
                    return std::tie(entry.first.device, entry.first.inode, entry.first.name) <
                           std::tie(id.device, id.inode, id.name);
                });
            if (same != read.end() && same->first == *identity) return PathClash{o, same->second, true};
        }
        written.push_back(identity);
    }
    return std::nullopt;
}

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
        if (fd_ < 0) throw WriteError(path_, errno);
        return;
    }
    fd_ = create_listed_beside(path_, ".tmp", temporary_, slot_);
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

void AtomicFile::fail(int error) { throw WriteError(path_, error); }

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

ScratchFile::ScratchFile(const std::string& target, const std::string& tag) {
    ::close(create_listed_beside(target, tag, path_, slot_));
}

ScratchFile::~ScratchFile() {
    ::unlink(path_.c_str());
    unlist_temporary(slot_);  // after the unlink, as for an AtomicFile
}

void write_file_atomically(const std::string& path, const std::string& content) {
    AtomicFile file(path);
    file.write(content);
    file.commit();
}

}  // namespace tne
