// Output integrity: a run of the real binary that fails mid-way (killed by SIGTERM, SIGINT or
// SIGHUP while `tne batch` streams its records, a write beyond the file size limit, a full disk or
// a full standard output, a directory it may not write to, a target that is a directory) never
// leaves a partial or temporary file, an existing output file survives it byte for byte, and a
// failure is reported with the file's name and the reason (exit 74). An output that is an input,
// or another output, is refused before anything is read or written (exit 2).
#include <fcntl.h>
#include <linux/capability.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "support.hpp"

using namespace tne::test;
namespace fs = std::filesystem;

namespace {

// How tne is started: arguments, and what makes the run fail.
struct Launch {
    std::vector<std::string> args;
    fs::path err_file;                                     // standard error goes there
    fs::path out_file = "/dev/null";                       // standard output goes there
    bool closed_output = false;                            // standard output: a pipe whose reader has gone
    bool ignore_sigpipe = false;                           // started with SIGPIPE ignored, as some parents do
    bool input_pipe = false;                               // standard input: a pipe the test writes (else /dev/null)
    std::optional<rlim_t> file_size_limit = std::nullopt;  // RLIMIT_FSIZE, as `ulimit -f` sets it
    bool without_dac_override = false;                     // as root, permissions apply (dropped from the bounding set)
};

// tne running as a child process, in the source directory, with a clean environment. Killed when
// the test ends before it does.
class Child {
public:
    explicit Child(const Launch& launch) {
        std::vector<std::string> command = {TNE_BINARY};
        command.insert(command.end(), launch.args.begin(), launch.args.end());
        std::vector<std::string> environment = {"PATH=/usr/bin:/bin"};
        for (auto& variable : sanitizer_environment()) environment.push_back(variable);
        std::vector<char*> argv, envp;
        for (auto& arg : command) argv.push_back(arg.data());
        argv.push_back(nullptr);
        for (auto& variable : environment) envp.push_back(variable.data());
        envp.push_back(nullptr);
        std::string directory = source_dir().string();
        std::string err_file = launch.err_file.string();
        std::string out_file = launch.out_file.string();

        int input[2] = {-1, -1};
        if (launch.input_pipe) REQUIRE(pipe2(input, O_CLOEXEC) == 0);
        int output[2] = {-1, -1};
        if (launch.closed_output) {
            REQUIRE(pipe2(output, O_CLOEXEC) == 0);
            close(output[0]);  // nobody will read: a write gets SIGPIPE, or EPIPE
        }
        pid_ = fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {  // the child: only async-signal-safe calls until execve
            sigset_t none;
            sigemptyset(&none);
            sigprocmask(SIG_SETMASK, &none, nullptr);
            for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGXFSZ, SIGPIPE}) ::signal(signal, SIG_DFL);
            if (launch.ignore_sigpipe) ::signal(SIGPIPE, SIG_IGN);
            int in = launch.input_pipe ? input[0] : open("/dev/null", O_RDONLY);
            int out = launch.closed_output ? output[1] : open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (in < 0 || out < 0 || err < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0) _exit(126);
            if (chdir(directory.c_str()) != 0) _exit(126);
            if (launch.file_size_limit) {
                struct rlimit limit {
                    *launch.file_size_limit, *launch.file_size_limit
                };
                if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(126);
            }
            if (launch.without_dac_override && prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0) != 0) _exit(125);
            execve(argv[0], argv.data(), envp.data());
            _exit(127);
        }
        if (launch.input_pipe) {
            close(input[0]);
            input_ = input[1];
        }
        if (launch.closed_output) close(output[1]);
    }

    ~Child() {
        if (input_ >= 0) close(input_);
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    pid_t pid() const { return pid_; }

    // Writes all of `text` to the child's standard input; false when the child stopped reading.
    bool feed(const std::string& text) {
        struct sigaction ignore {
        }, previous{};
        ignore.sa_handler = SIG_IGN;
        sigaction(SIGPIPE, &ignore, &previous);  // a child that died must fail the test, not end it
        size_t written = 0;
        while (written < text.size()) {
            ssize_t n = write(input_, text.data() + written, text.size() - written);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            written += static_cast<size_t>(n);
        }
        sigaction(SIGPIPE, &previous, nullptr);
        return written == text.size();
    }

    // The wait status once the child has ended; fails the test after `timeout`, or with the report
    // when a sanitizer stopped tne.
    int wait(const fs::path& err_file, std::chrono::seconds timeout = std::chrono::seconds(120)) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        int status = 0;
        while (waitpid(pid_, &status, WNOHANG) != pid_) {
            if (std::chrono::steady_clock::now() > deadline) FAIL("tne did not end in time");
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        pid_ = -1;
        if (WIFEXITED(status)) check_no_sanitizer_report(WEXITSTATUS(status), read_file(err_file));
        return status;
    }

private:
    pid_t pid_ = -1;
    int input_ = -1;
};

// The temporary files AtomicFile makes for `target`: .NAME.tmp-XXXXXX beside it.
std::vector<fs::path> temporaries_of(const fs::path& target) {
    std::vector<fs::path> found;
    std::string prefix = "." + target.filename().string() + ".tmp-";
    for (const auto& entry : fs::directory_iterator(target.parent_path()))
        if (entry.path().filename().string().rfind(prefix, 0) == 0) found.push_back(entry.path());
    return found;
}

// Waits until a temporary file of `target` holds some bytes: the run is writing its records.
void wait_for_records(const fs::path& target, Child& child, const fs::path& child_err) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    for (;;) {
        for (const auto& temporary : temporaries_of(target)) {
            std::error_code ignored;
            if (fs::file_size(temporary, ignored) > 0 && !ignored) return;
        }
        siginfo_t ended{};  // WNOWAIT: the child stays to be reaped by Child
        if (waitid(P_PID, static_cast<id_t>(child.pid()), &ended, WEXITED | WNOHANG | WNOWAIT) == 0 &&
            ended.si_pid != 0)
            FAIL("tne ended before writing records; stderr: " << read_file(child_err));
        if (std::chrono::steady_clock::now() > deadline) FAIL("tne wrote no records in time");
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

// `count` copies of an example profile as one multi-document stream (about 2 KB each; each is one
// record of about 270 bytes in CSV).
std::string profile_stream(int count) {
    std::string profile = read_file(source_dir() / "examples" / "research_center.yaml");
    std::string stream;
    for (int i = 0; i < count; ++i) stream += "---\n" + profile;
    return stream;
}

// What a previous run left: not text tne would write, and longer than one flush of records.
std::string previous_output() {
    std::string text;
    for (int i = 0; i < 5000; ++i) text += "previous run, line " + std::to_string(i) + "\n";
    return text;
}

std::string describe(int status) {
    if (WIFEXITED(status)) return "exit code " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return std::string("killed by ") + strsignal(WTERMSIG(status));
    return "status " + std::to_string(status);
}

// The run ended with exit 74 and "tne: error: OUT: REASON" (errno `error`), and left no temporary file.
void check_refused(int status, const std::string& err, const fs::path& out, int error) {
    INFO(describe(status) << "; stderr: " << err);
    CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 74));
    CHECK(err.find("tne: error: " + out.string() + ": " + std::strerror(error)) != std::string::npos);
    CHECK(temporaries_of(out).empty());
}

}  // namespace

TEST_CASE("a batch killed by a signal while it writes its records leaves no temporary file and the old output intact",
          "[integrity][batch][binary]") {
    auto [signal, name] =
        GENERATE(table<int, std::string>({{SIGTERM, "SIGTERM"}, {SIGINT, "SIGINT"}, {SIGHUP, "SIGHUP"}}));
    INFO(name);
    TempDir dir;
    fs::path out = dir.path() / "records.csv";
    std::string previous = previous_output();
    write_file(out, previous);

    // Records of standard input, which stays open: tne is surely mid-run when the signal comes.
    Child tne({.args = {"batch", "-", "-o", out.string()}, .err_file = dir.path() / "stderr", .input_pipe = true});
    REQUIRE(tne.feed(profile_stream(600)));  // about 160 KB of records: flushed at least twice
    wait_for_records(out, tne, dir.path() / "stderr");
    REQUIRE(kill(tne.pid(), signal) == 0);
    int status = tne.wait(dir.path() / "stderr");

    INFO(describe(status) << "; stderr: " << read_file(dir.path() / "stderr"));
    CHECK((WIFSIGNALED(status) && WTERMSIG(status) == signal));  // it ends as the signal ends a program
    CHECK(temporaries_of(out).empty());
    CHECK(read_file(out) == previous);
}

TEST_CASE("a batch killed while it writes an .xlsx workbook leaves neither its temporary nor its scratch file",
          "[integrity][batch][xlsx][binary]") {
    TempDir dir;
    fs::path out = dir.path() / "records.xlsx";
    std::string previous = previous_output();
    write_file(out, previous);

    // Records of standard input, which stays open: tne is surely mid-run when the signal comes.
    Child tne({.args = {"batch", "-", "-o", out.string()}, .err_file = dir.path() / "stderr", .input_pipe = true});
    REQUIRE(tne.feed(profile_stream(20)));
    // The workbook has both files from its start: AtomicFile's .records.xlsx.tmp-XXXXXX and
    // libxlsxwriter's .records.xlsx.xlsx-XXXXXX.
    auto files_beside = [&] {
        size_t count = 0;
        for (const auto& entry : fs::directory_iterator(dir.path()))
            if (entry.path().filename().string().rfind(".records.xlsx.", 0) == 0) ++count;
        return count;
    };
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (files_beside() < 2) {
        if (std::chrono::steady_clock::now() > deadline) FAIL("tne made no workbook in time");
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    REQUIRE(kill(tne.pid(), SIGTERM) == 0);
    int status = tne.wait(dir.path() / "stderr");

    INFO(describe(status) << "; stderr: " << read_file(dir.path() / "stderr"));
    CHECK((WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM));
    CHECK(files_beside() == 0);
    CHECK(read_file(out) == previous);
}

TEST_CASE("a batch that reaches the file size limit mid-write says so and leaves the old output intact",
          "[integrity][batch][binary]") {
    TempDir dir;
    fs::path stream = dir.path() / "cohort.yaml";
    write_file(stream, profile_stream(3000));  // about 800 KB of records
    fs::path out = dir.path() / "records.csv";
    std::string previous = previous_output();
    write_file(out, previous);

    // The default action of SIGXFSZ would kill tne; it ignores it, so the write fails with EFBIG.
    Child tne({.args = {"batch", stream.string(), "-o", out.string()},
               .err_file = dir.path() / "stderr",
               .file_size_limit = 200 * 1024});
    int status = tne.wait(dir.path() / "stderr");

    check_refused(status, read_file(dir.path() / "stderr"), out, EFBIG);
    CHECK(read_file(out) == previous);
}

TEST_CASE("tne assess -o that reaches the file size limit says so and leaves the old report intact",
          "[integrity][binary]") {
    TempDir dir;
    fs::path out = dir.path() / "report.json";
    std::string previous = previous_output();
    write_file(out, previous);

    // The JSON report is about 56 KB, written at the end: the limit cuts it after 4 KB.
    Child tne({.args = {"assess", "examples/research_center.yaml", "--format", "json", "-o", out.string()},
               .err_file = dir.path() / "stderr",
               .file_size_limit = 4096});
    int status = tne.wait(dir.path() / "stderr");

    check_refused(status, read_file(dir.path() / "stderr"), out, EFBIG);
    CHECK(read_file(out) == previous);
}

TEST_CASE("an .xlsx workbook beyond the file size limit fails with exit 74 in either language, leaving nothing",
          "[integrity][xlsx][binary]") {
    // Both writers of workbooks: the XLSForm (about 27 KB) and batch records (about 20 KB).
    auto command = GENERATE(std::vector<std::string>{"survey", "form", "--tool", "xlsform"},
                            std::vector<std::string>{"batch", "examples/survey/respuestas.csv", "--csv-map",
                                                     "examples/survey/mapa.yaml", "--date", "2026-12-01", "-q"});
    std::string lang = GENERATE("en", "es");
    INFO(command[0] << " --lang " << lang);
    TempDir dir;
    fs::path out = dir.path() / "book.xlsx";
    std::string previous = previous_output();
    write_file(out, previous);

    std::vector<std::string> args = command;
    args.insert(args.end(), {"--lang", lang, "-o", out.string(), "--map-output", (dir.path() / "map.yaml").string()});
    if (command[0] == "batch") args.resize(args.size() - 2);  // --map-output is the form's
    Child tne({.args = args, .err_file = dir.path() / "stderr", .file_size_limit = 8 * 1024});
    int status = tne.wait(dir.path() / "stderr");

    std::string err = read_file(dir.path() / "stderr");
    INFO(describe(status) << "; stderr: " << err);
    CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 74));
    // The reason once, in the run's language; nothing of libxlsxwriter's own (English) report.
    std::string reason = lang == "es" ? "el archivo supera el tamaño máximo permitido" : std::strerror(EFBIG);
    CHECK(err == "tne: error: " + out.string() + ": " + reason + "\n");
    CHECK(read_file(out) == previous);
    // Neither AtomicFile's temporary nor libxlsxwriter's scratch file is left beside it.
    std::vector<fs::path> left;
    for (const auto& entry : fs::directory_iterator(dir.path())) left.push_back(entry.path().filename());
    std::sort(left.begin(), left.end());
    CHECK(left == std::vector<fs::path>{"book.xlsx", "stderr"});
}

TEST_CASE("an output directory tne may not write to is reported and its files stay as they were",
          "[integrity][binary]") {
    auto command = GENERATE(as<std::vector<std::string>>{}, std::vector<std::string>{"batch", "examples"},
                            std::vector<std::string>{"assess", "examples/research_center.yaml"});
    INFO(command[0]);
    TempDir dir;
    fs::path locked = dir.path() / "locked";
    fs::create_directory(locked);
    fs::path out = locked / "out";  // no extension: each command writes its default format
    std::string previous = previous_output();
    write_file(out, previous);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);

    std::vector<std::string> args = command;
    args.insert(args.end(), {"-o", out.string()});
    // As root (CI), permissions bind only without CAP_DAC_OVERRIDE.
    Child tne({.args = args, .err_file = dir.path() / "stderr", .without_dac_override = geteuid() == 0});
    int status = tne.wait(dir.path() / "stderr");
    fs::permissions(locked, fs::perms::owner_write, fs::perm_options::add);  // for TempDir to remove it

    std::string err = read_file(dir.path() / "stderr");
    INFO(describe(status) << "; stderr: " << err);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 125) {
        WARN("cannot drop CAP_DAC_OVERRIDE here (no CAP_SETPCAP): the unwritable directory is not tested");
        return;
    }
    check_refused(status, err, out, EACCES);
    CHECK(read_file(out) == previous);
}

TEST_CASE("an output path that is a directory is reported and the directory stays as it was", "[integrity][binary]") {
    auto command = GENERATE(as<std::vector<std::string>>{}, std::vector<std::string>{"batch", "examples"},
                            std::vector<std::string>{"assess", "examples/research_center.yaml"});
    INFO(command[0]);
    TempDir dir;
    fs::path out = dir.path() / "reports";
    fs::create_directory(out);
    write_file(out / "kept.txt", "kept\n");

    std::vector<std::string> args = command;
    args.insert(args.end(), {"-o", out.string()});
    Child tne({.args = args, .err_file = dir.path() / "stderr"});
    int status = tne.wait(dir.path() / "stderr");

    check_refused(status, read_file(dir.path() / "stderr"), out, EISDIR);
    CHECK(fs::is_directory(out));
    CHECK(read_file(out / "kept.txt") == "kept\n");
    std::vector<fs::path> left;
    for (const auto& entry : fs::directory_iterator(dir.path())) left.push_back(entry.path().filename());
    std::sort(left.begin(), left.end());
    CHECK(left == std::vector<fs::path>{"reports", "stderr"});
}

// ---- standard output, a full disk ----------------------------------------------------------------

TEST_CASE("a report, a batch or the help sent to a full standard output (/dev/full) fails with exit 74",
          "[integrity][binary]") {
    auto args = GENERATE(std::vector<std::string>{"assess", "examples/research_center.yaml"},
                         std::vector<std::string>{"batch", "examples"}, std::vector<std::string>{"--help"},
                         std::vector<std::string>{"schema"});
    INFO(args[0]);
    TempDir dir;
    Child tne({.args = args, .err_file = dir.path() / "stderr", .out_file = "/dev/full"});
    int status = tne.wait(dir.path() / "stderr");
    std::string err = read_file(dir.path() / "stderr");
    INFO(describe(status) << "; stderr: " << err);
    CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 74));
    CHECK(err.find("tne: error: standard output: " + std::string(std::strerror(ENOSPC))) != std::string::npos);
}

TEST_CASE("a reader that closes the pipe (| head) ends tne quietly, as SIGPIPE does", "[integrity][binary]") {
    bool ignored = GENERATE(false, true);
    INFO((ignored ? "SIGPIPE ignored by the parent" : "SIGPIPE at its default"));
    TempDir dir;
    fs::path stream = dir.path() / "cohort.yaml";
    write_file(stream, profile_stream(400));  // about 110 KB of records: more than a pipe holds
    Child tne({.args = {"batch", stream.string()},
               .err_file = dir.path() / "stderr",
               .closed_output = true,
               .ignore_sigpipe = ignored});
    int status = tne.wait(dir.path() / "stderr");
    std::string err = read_file(dir.path() / "stderr");
    INFO(describe(status) << "; stderr: " << err);
    // Killed by SIGPIPE, which a shell shows as 141; with SIGPIPE ignored, tne ends itself the same way.
    CHECK((WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE));
    CHECK(err.find("error") == std::string::npos);
}

TEST_CASE("a report written to a full filesystem fails with exit 74 and leaves the old report intact",
          "[integrity][binary]") {
    TempDir dir;
    fs::path small = dir.path() / "small";
    fs::create_directory(small);
    // A 16 KiB tmpfs (four pages): the old report fits, the HTML report (about 60 KB) does not.
    std::string mount = "mount -t tmpfs -o size=16k tne-test " + small.string() + " 2>/dev/null";
    if (std::system(mount.c_str()) != 0) {
        WARN(
            "no small filesystem can be mounted here (needs root and CAP_SYS_ADMIN): a full disk is tested "
            "through /dev/full and the file size limit only");
        return;
    }
    struct Unmount {
        fs::path at;
        ~Unmount() { std::system(("umount " + at.string()).c_str()); }
    } unmount{small};
    fs::path out = small / "report.html";
    std::string previous = "previous report\n";
    write_file(out, previous);
    Child tne({.args = {"assess", "examples/research_center.yaml", "--format", "html", "-o", out.string()},
               .err_file = dir.path() / "stderr"});
    int status = tne.wait(dir.path() / "stderr");
    check_refused(status, read_file(dir.path() / "stderr"), out, ENOSPC);
    CHECK(read_file(out) == previous);
}

// ---- outputs never destroy inputs ------------------------------------------------------------------

TEST_CASE("an output that is an input, or another output, is refused before anything is written",
          "[integrity][binary]") {
    // The cases name paths in a folder made for each one: generated by number, built after it.
    size_t index = GENERATE(range<size_t>(0, 8));
    TempDir dir;
    fs::path profile = dir.path() / "p.yaml";
    std::string original = read_file(source_dir() / "examples" / "research_center.yaml");
    write_file(profile, original);
    fs::path link = dir.path() / "link.yaml";
    fs::create_symlink(profile, link);
    fs::path folder = dir.path() / "responses";
    fs::create_directory(folder);
    write_file(folder / "a.yaml", original);
    std::string p = profile.string();
    fs::path report = dir.path() / "report.txt";

    struct Case {
        std::string what;
        std::vector<std::string> args;
        std::string expected;  // in the message
    };
    std::vector<Case> cases = {
        {"assess -o the profile", {"assess", p, "-o", p}, "-o " + p + " is the same file as the input " + p},
        {"assess -o a link to it", {"assess", p, "-o", link.string()}, "is the same file as the input " + p},
        {"assess -o the same file by another path",
         {"assess", p, "-o", (dir.path() / "." / "p.yaml").string()},
         "is the same file as the input"},
        {"plan -o the profile", {"plan", p, "-o", p}, "is the same file as the input"},
        {"diff -o the new profile",
         {"diff", (folder / "a.yaml").string(), p, "-o", p},
         "is the same file as the input"},
        {"batch -o a profile of its folder",
         {"batch", folder.string(), "-o", (folder / "a.yaml").string()},
         "is the same file as the input " + folder.string()},
        {"batch --records and -o the same new file",
         {"batch", p, "--summary", "-o", report.string(), "--records", report.string()},
         "-o " + report.string() + " and --records " + report.string() + " are the same file"},
        {"init --schema the profile",
         {"init", "-o", report.string(), "--schema", report.string()},
         "are the same file"},
    };
    REQUIRE(cases.size() == 8);
    const auto& [what, args, expected] = cases[index];
    INFO(what);
    RunResult run = run_tne(args);
    INFO(run.err);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find(expected) != std::string::npos);
    CHECK(read_file(profile) == original);
    CHECK(read_file(folder / "a.yaml") == original);
    CHECK(fs::is_symlink(link));
    CHECK(!fs::exists(report));
    CHECK(temporaries_of(profile).empty());
}

TEST_CASE("an output named - (-o -) is standard output, not a file named -", "[integrity][binary]") {
    RunResult run = run_tne({"assess", "examples/research_center.yaml", "-o", "-"});
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("Centro de Investigación en Ciencias del Mar") != std::string::npos);
    CHECK(!fs::exists(source_dir() / "-"));
}
