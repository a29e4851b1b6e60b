// Every input document of the public YAML test suite (../shared/corpus/yaml-test-suite, MIT) goes
// through each of tne's YAML readers without a crash, a hang or an exception other than InputError:
// as a profile, a draft, a batch stream, a rubric file and a survey map.
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "base/yaml_input.hpp"
#include "batch/batch_input.hpp"
#include "support.hpp"
#include "tne/assessment.hpp"
#include "tne/profile.hpp"
#include "tne/rubric_check.hpp"
#include "tne/survey.hpp"

using namespace tne;
using namespace tne::test;

namespace {

std::vector<std::filesystem::path> corpus_documents() {
    std::filesystem::path corpus = source_dir().parent_path() / "shared" / "corpus" / "yaml-test-suite";
    std::vector<std::filesystem::path> documents;
    if (!std::filesystem::is_directory(corpus)) return documents;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus))
        if (entry.is_regular_file() && entry.path().filename() == "in.yaml") documents.push_back(entry.path());
    std::sort(documents.begin(), documents.end());
    return documents;
}

// Runs `read`; an InputError is a fine outcome for a document that is not what tne expects, any
// other exception is a bug (a crash or a hang would end the test run itself).
template <class Read>
void only_input_errors(const std::string& what, const std::filesystem::path& document, Read read) {
    try {
        read();
    } catch (const InputError& e) {
        CHECK_FALSE(e.diagnostics().empty());
    } catch (const std::exception& e) {
        FAIL(what << " of " << document.string() << " threw " << e.what());
    }
}

}  // namespace

TEST_CASE("every document of the YAML test suite goes through every reader without a crash", "[hostile][corpus]") {
    std::vector<std::filesystem::path> documents = corpus_documents();
    // Missing, the test fails rather than pass having walked nothing.
    INFO("the YAML test suite's documents, expected at ../shared/corpus/yaml-test-suite/*/in.yaml beside the project");
    REQUIRE(documents.size() > 300);
    const RubricSet& rubric = default_rubrics();
    TempDir dir;
    size_t profiles = 0;
    for (const auto& document : documents) {
        const std::string text = read_file(document);
        const std::string name = document.parent_path().filename().string() + "/in.yaml";
        only_input_errors("load_profile", document, [&] {
            Profile profile = load_profile(text, name, rubric);
            assess(std::move(profile), rubric);
            ++profiles;
        });
        only_input_errors("load_draft_profile", document, [&] { load_draft_profile(text, name, rubric); });
        only_input_errors("a batch stream", document, [&] {
            std::istringstream stream(text);
            split_yaml_stream(stream, name, [&](InputItem&& item) {
                only_input_errors("a document of the stream", document,
                                  [&] { load_profile_node(yaml_input::parse(item.yaml, name), name, rubric); });
            });
        });
        only_input_errors("a survey map", document, [&] {
            std::filesystem::path map = dir.path() / "map.yaml";
            write_file(map, text);
            load_survey_map(map.string(), rubric);
        });
        // As the models file of the built-in set, checked as a rubric author's CI would.
        RubricFiles files = embedded_rubric_files();
        files.snapshot = {};
        auto embedded = files.read;
        files.read = [&, embedded](const std::string& relative) -> std::optional<std::string> {
            return relative == "models.yaml" ? std::optional(text) : embedded(relative);
        };
        only_input_errors("load_rubric_set", document, [&] { load_rubric_set(files); });
        only_input_errors("check_rubric_set", document, [&] {
            CheckReport report = check_rubric_set(files);
            CHECK(report.count(Severity::error) > 0);  // it is no models file
        });
    }
    CHECK(profiles == 0);  // none of them is a valid profile of the built-in set
}
