// Included before every file of the web build (web/CMakeLists.txt): the one overload of
// std::from_chars the library uses that emscripten 3.1.6's libc++ (LLVM 14) lacks, reading a double
// (src/rubric/rubric_loader.cpp, plain_number, after it has checked the text is a plain decimal or
// exponent number). libc++ has it from LLVM 20 on; GCC's libstdc++, which the native builds use,
// from GCC 11. Errors as libstdc++ gives them: out of range when the number overflows, or is not
// zero but underflows to zero.
#pragma once

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <system_error>

#if defined(_LIBCPP_VERSION) && _LIBCPP_VERSION < 200000
namespace std {
inline from_chars_result from_chars(const char* first, const char* last, double& value) {
    const std::string text(first, last);  // strtod needs the terminating zero
    char* end = nullptr;
    errno = 0;
    double read = std::strtod(text.c_str(), &end);
    if (end == text.c_str()) return {first, errc::invalid_argument};
    const char* past = first + (end - text.c_str());
    if (errno == ERANGE && (std::isinf(read) || read == 0)) return {past, errc::result_out_of_range};
    value = read;
    return {past, errc()};
}
}  // namespace std
#endif
