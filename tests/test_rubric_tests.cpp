// Tests of a rubric set's own test cases (tne rubrics test): the shipped suite, its coverage, and
// what the runner says when a case fails or a test file is malformed.
#include <catch2/catch.hpp>

#include "support.hpp"
#include "tne/rubric_tests.hpp"

using namespace tne::test;
