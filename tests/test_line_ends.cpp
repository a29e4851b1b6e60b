// Line ends and byte-order marks in every reader that takes a whole file: a profile, a rubric set, a
// survey map. Windows editors write CRLF, Excel for Mac and old Mac editors CR alone, and Notepad a
// byte-order mark; each must read exactly as the same file with LF does, at the same lines.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "support.hpp"
#include "tne/input.hpp"
#include "tne/profile.hpp"
#include "tne/survey.hpp"

using namespace tne;
using namespace tne::test;
namespace fs = std::filesystem;

namespace {

std::string with_line_ends(const std::string& text, const std::string& end) {
    std::string out;
    for (char ch : text) out += ch == '\n' ? end : std::string(1, ch);
    return out;
}

std::string name_of(const std::string& ending) { return ending == "\n" ? "LF" : ending == "\r\n" ? "CRLF" : "CR"; }

}  // namespace

TEST_CASE("plain_text drops a leading byte-order mark and makes every line end a line feed", "[input]") {
    CHECK(input::plain_text("\xEF\xBB\xBF"
                            "a\r\nb\rc\n\r\nd") == "a\nb\nc\n\nd");
    CHECK(input::plain_text("a\n") == "a\n");
    CHECK(input::plain_text("\r") == "\n");
    CHECK(input::plain_text("x\xEF\xBB\xBF") == "x\xEF\xBB\xBF");  // only at the start
}

TEST_CASE("a profile reads the same with LF, CRLF or CR line ends, with or without a byte-order mark", "[input]") {
    std::string ending = GENERATE(as<std::string>{}, "\n", "\r\n", "\r");
    bool bom = GENERATE(false, true);
    INFO(name_of(ending) << (bom ? " with a BOM" : ""));
    fs::path example = source_dir() / "examples" / "universidad_estatal_es.yaml";
    Profile expected = load_profile_file(example.string(), default_rubrics());
    TempDir dir;
    fs::path file = dir.path() / "perfil.yaml";
    write_file(file, (bom ? "\xEF\xBB\xBF" : "") + with_line_ends(read_file(example), ending));
    Profile read = load_profile_file(file.string(), default_rubrics());
    REQUIRE(read.answers.size() == expected.answers.size());
    for (size_t i = 0; i < read.answers.size(); ++i) {
        CHECK(read.answers[i].question == expected.answers[i].question);
        CHECK(read.answers[i].value == expected.answers[i].value);
        CHECK(read.answers[i].line == expected.answers[i].line);
    }
}

TEST_CASE("a comment ended by a lone CR does not hide the answer on the next line", "[input]") {
    TempDir dir;
    fs::path file = dir.path() / "mac.yaml";
    write_file(file,
               "institution: # from the survey\r  name: Universidad de Prueba\r  type: public_university\r"
               "funding:\r  co_funding: yes # checked\r  dedicated_budget: partial\r");
    Profile profile = load_profile_file(file.string(), default_rubrics());
    const Question* co_funding = default_rubrics().find_question("funding.co_funding");
    const Question* budget = default_rubrics().find_question("funding.dedicated_budget");
    REQUIRE(profile.find(*co_funding));
    CHECK(profile.find(*co_funding)->known());
    REQUIRE(profile.find(*budget));
    CHECK(profile.find(*budget)->known());
}

TEST_CASE("errors in a CR-only profile are at the lines an editor shows", "[input]") {
    TempDir dir;
    fs::path file = dir.path() / "mac.yaml";
    write_file(file, "institution:\r  name: X\r  type: public_university\rfunding:\r  co_funding: maybe\r");
    RunResult run = run_tne({"assess", file.string()});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains(file.string() + ":5:15: funding.co_funding"));
}

TEST_CASE("a rubric set and a survey map read the same with CRLF or CR line ends", "[input]") {
    std::string ending = GENERATE(as<std::string>{}, "\r\n", "\r");
    INFO(name_of(ending));
    RubricCopy copy;
    for (const auto& entry : fs::recursive_directory_iterator(copy.root))
        if (entry.is_regular_file() && entry.path().extension() == ".yaml")
            write_file(entry.path(), "\xEF\xBB\xBF" + with_line_ends(read_file(entry.path()), ending));
    RubricSet set = copy.load();
    CHECK(set.questions.size() == default_rubrics().questions.size());
    CHECK(set.dimensions.size() == default_rubrics().dimensions.size());
    RunResult check = run_tne({"rubrics", "check", "--strict", copy.root.string()});
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);

    TempDir dir;
    fs::path map = dir.path() / "mapa.yaml";
    write_file(map, with_line_ends(read_file(source_dir() / "examples/survey/mapa.yaml"), ending));
    SurveyMap read = load_survey_map(map.string(), default_rubrics());
    SurveyMap expected = load_survey_map((source_dir() / "examples/survey/mapa.yaml").string(), default_rubrics());
    CHECK(read.fields.size() == expected.fields.size());
    CHECK(read.labels == expected.labels);
}
