// libFuzzer target fuzz_profile: see entry_points.hpp and docs/fuzzing.md.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "entry_points.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const tne::fuzz::Fixtures& fixtures = tne::fuzz::fixtures();
    tne::fuzz::profile(std::string_view(reinterpret_cast<const char*>(data), size), fixtures);
    return 0;
}
