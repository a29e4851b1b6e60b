// What each fuzz target runs on one input, shared with tests/test_fuzz_regressions.cpp so a finding
// is replayed through exactly the code that found it. An input either goes through or is rejected
// with a tne::InputError that says why; anything else escaping (another exception, an InputError
// without a message) is a bug, reported as std::logic_error.
#pragma once

#include <string>
#include <string_view>

#include "tne/rubric.hpp"
#include "tne/survey.hpp"

namespace tne::fuzz {

// What one input did: how many steps accepted it and how many rejected it with an InputError.
struct Outcome {
    int accepted = 0;
    int rejected = 0;
};

// Everything the targets read once, before the first input: the built-in rubric set, the shipped
// survey map (examples/survey/mapa.yaml) and an example profile (for a fuzzed rubric set).
struct Fixtures {
    RubricSet rubrics;
    SurveyMap survey_map;
    std::string example_profile;

    explicit Fixtures(const std::string& source_dir);
};
const Fixtures& fixtures();  // from TNE_SOURCE_DIR, built on first use

// fuzz_profile: the input as a profile, loaded with the built-in set and assessed as a report does
// when it loads; then as a draft (tne init --interactive).
Outcome profile(std::string_view input, const Fixtures& fixtures);

// fuzz_rubrics: the built-in set's files with one of them replaced by the input after its first
// byte; the first byte picks which one (rubric_file_count() of them, by name order). No snapshot, so
// every file is parsed. Loaded, checked as `tne rubrics check` does, and when it loads, the example
// profile assessed with it.
Outcome rubrics(std::string_view input, const Fixtures& fixtures);
size_t rubric_file_count();
std::string rubric_file_name(size_t index);  // relative to the set's root

// fuzz_csv: the input drafted into a map (`tne survey map`), which must be YAML; then the input as a
// CSV survey export read with the shipped map, as `tne batch` reads one; every data row turned into
// a profile and assessed. Then, as an export file (written to the temporary folder) in the encoding
// its first byte picks, with the delimiter, header rows and decimal mark found as `tne batch` finds
// them when the map does not declare them.
Outcome csv(std::string_view input, const Fixtures& fixtures);

}  // namespace tne::fuzz
