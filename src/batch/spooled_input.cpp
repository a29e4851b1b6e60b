#include "batch/spooled_input.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include "base/messages.hpp"

namespace tne {

SpooledInput::SpooledInput(const std::string& file) : file_(file), path_(file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) == 0 && S_ISREG(info.st_mode)) return;
    make_temporary();
    std::ifstream in(file, std::ios::binary);
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    if (!in || !(out << in.rdbuf()) || !out.flush()) {
        std::filesystem::remove(path_);
        throw InputError(SourcePos{file}, format_message(msg::cannot_read_file));
    }
}

SpooledInput::SpooledInput(const std::string& name, std::string_view bytes) : file_(name), path_(name) {
    make_temporary();
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    if (!out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())) || !out.flush()) {
        std::filesystem::remove(path_);
        throw InputError(SourcePos{name}, system_reason(errno));
    }
}

SpooledInput::~SpooledInput() {
    std::error_code ignored;
    if (path_ != file_) std::filesystem::remove(path_, ignored);
}

void SpooledInput::make_temporary() {
    std::string extension = std::filesystem::path(file_).extension().string();  // keeps .xlsx an .xlsx
    std::string pattern = (std::filesystem::temp_directory_path() / ("tne-survey-XXXXXX" + extension)).string();
    int fd = ::mkstemps(pattern.data(), static_cast<int>(extension.size()));
    if (fd < 0) throw InputError(SourcePos{file_}, system_reason(errno));
    ::close(fd);
    path_ = pattern;
}

std::vector<Diagnostic> SpooledInput::named(std::vector<Diagnostic> problems) const {
    if (path_ == file_) return problems;
    for (auto& problem : problems)
        if (problem.pos.file.compare(0, path_.size(), path_) == 0) problem.pos.file.replace(0, path_.size(), file_);
    return problems;
}

}  // namespace tne
