// Data compiled into the binary so `tne` works from any directory: the default rubric set and the
// rubric files' JSON Schema. The definitions are generated at build time by cmake/embed_files.cmake
// and src/tools/snapshot_rubrics.cpp.
#pragma once

#include <string_view>
#include <vector>

namespace tne::embedded {

struct File {
    std::string_view path;  // relative to the embedded folder
    std::string_view content;
};

const std::vector<File>& rubric_files();  // rubrics/**/*.yaml
const std::vector<File>& schema_files();  // schemas/*.json
// The rubric set of rubric_files() as loaded at build time (src/rubric_snapshot.hpp); empty when it
// did not load, so that loading it reports why.
std::string_view rubric_snapshot();

}  // namespace tne::embedded
