// A loaded rubric set as bytes. The default set is loaded once at build time and embedded as a
// snapshot (src/tools/snapshot_rubrics.cpp), so a run restores it instead of parsing ~120 KB of YAML,
// which took most of the time of a `tne assess`. Both ends are built from the same sources: the
// format is private to one build and has no version.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tne/rubric.hpp"

namespace tne::rubric_snapshot {

// The files a set was loaded from: each path relative to the set's root, with its text.
using Sources = std::vector<std::pair<std::string, std::string>>;

std::string save(const RubricSet& set, const Sources& sources);

// The saved set, when every file it was loaded from still reads the same through `files` (a
// snapshot is a cache: whoever changes what `files` reads gets what the files say); else nothing.
// Throws std::logic_error on bytes that save did not write.
std::optional<RubricSet> restore(std::string_view bytes, const RubricFiles& files);

}  // namespace tne::rubric_snapshot
