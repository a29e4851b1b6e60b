// The embedded default rubric set: its files, for `tne rubrics check` and `test`, and the snapshot
// the build made of it, for everything that only loads it. Apart from rubric.cpp because the
// snapshot tool links the loader and has no snapshot yet.
#include "rubric/embedded_files.hpp"
#include "tne/rubric.hpp"

namespace tne {

RubricFiles embedded_rubric_files() {
    return {"rubrics",
            [](const std::string& relative) -> std::optional<std::string> {
                for (const auto& file : embedded::rubric_files())
                    if (file.path == relative) return std::string(file.content);
                return std::nullopt;
            },
            embedded::rubric_snapshot()};
}

}  // namespace tne
