// The default rubric set, compiled into the binary so `tne` works from any directory.
// The definitions are generated at build time by cmake/embed_rubrics.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace tne::embedded {

struct File {
    std::string_view path;  // relative to rubrics/
    std::string_view content;
};

const std::vector<File>& rubric_files();

}  // namespace tne::embedded
