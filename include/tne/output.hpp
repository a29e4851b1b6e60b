// Output files are written atomically: to a temporary file beside the target, then renamed into
// place, so a failed run never leaves a partial file and an existing file survives intact.
#pragma once

#include <string>

namespace tne {

// Throws std::runtime_error with the reason when the file cannot be written.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace tne
