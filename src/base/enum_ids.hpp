// The ids of an enum's values, as the JSON, the rubric files and the schemas write them: a table of
// {value, id} pairs, looked up by value, so the table's order does not matter. (Problem's rule ids
// stay a switch the compiler checks, text.cpp: a rule id is a contract with rubric authors' CI.)
#pragma once

#include <cstddef>
#include <string_view>

namespace tne {

template <class Enum>
struct EnumId {
    Enum value;
    std::string_view id;
};

// The id of `value` in `ids`; "" for a value the table leaves out, which tests of the output catch.
template <class Enum, std::size_t N>
constexpr std::string_view id_of(const EnumId<Enum> (&ids)[N], Enum value) {
    for (const auto& entry : ids)
        if (entry.value == value) return entry.id;
    return {};
}

}  // namespace tne
