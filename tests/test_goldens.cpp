// Golden outputs of the reports that tests/test_binary.cpp, test_reports.cpp and test_profile_diff.cpp
// leave out: `tne plan`, the cohort summary (`tne batch --summary`), `tne rubrics diff` and
// `tne rubrics check`, in every format and both languages, byte for byte (tests/golden/<report>/).
// Each runs the real binary in the source directory with a fixed date, so names and dates are stable;
// a rubric set changed for the test lives in a temporary folder of fixed length, named in the golden
// by the folder's template (docs/testing.md). TNE_UPDATE_GOLDEN=1 rewrites the goldens.
#include <stdlib.h>
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "support.hpp"

using namespace tne::test;
namespace fs = std::filesystem;

namespace {

// A fixed date for every run: HTML reports print it, and SOURCE_DATE_EPOCH covers any "today" left.
const std::string kDate = "2026-11-23";
const std::vector<std::string> kFixedEnv = {"SOURCE_DATE_EPOCH=1795392000"};  // 2026-11-23T00:00:00Z

const std::map<std::string, std::string> kExtension = {{"text", "txt"},  {"json", "json"},     {"markdown", "md"},
                                                       {"html", "html"}, {"github", "github"}, {"sarif", "sarif"}};

// A folder /tmp/tne-golden-XXXXXX, removed at exit of the test: always the same length, wherever
// TMPDIR points, so the text reports wrap its name the same way, and the golden names it by the
// template (kTemplate) in place of the random letters.
class GoldenTempDir {
public:
    static constexpr const char* kTemplate = "/tmp/tne-golden-XXXXXX";

    GoldenTempDir() {
        std::string name = kTemplate;
        if (!mkdtemp(name.data())) throw std::runtime_error("cannot create " + std::string(kTemplate));
        path_ = name;
    }
    ~GoldenTempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    GoldenTempDir(const GoldenTempDir&) = delete;
    GoldenTempDir& operator=(const GoldenTempDir&) = delete;

    const fs::path& path() const { return path_; }

    // `text` with every occurrence of the folder's name replaced by the template; fails the test
    // unless the name occurs, so a golden never passes with the name left out unnoticed.
    std::string stable(std::string text) const {
        const std::string name = path_.string();
        REQUIRE(text.find(name) != std::string::npos);
        for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at))
            text.replace(at, name.size(), kTemplate);
        return text;
    }

private:
    fs::path path_;
};

void check_run(const RunResult& run, int exit_code, const std::string& what) {
    INFO(what << "\n" << run.err);
    CHECK(run.exit_code == exit_code);
    CHECK(run.err.empty());
    CHECK_FALSE(run.out.empty());
}

// The cases of tests/rubrics/broken.yaml with these ids, each applied to `root` (a copy of
// tests/rubrics/minimal) in turn.
void apply_broken_cases(const fs::path& root, const std::set<std::string>& ids) {
    YAML::Node corpus = YAML::LoadFile((source_dir() / "tests/rubrics/broken.yaml").string());
    std::set<std::string> applied;
    for (const auto& node : corpus["cases"]) {
        std::string id = node["id"].as<std::string>();
        if (!ids.count(id)) continue;
        INFO("broken case " << id);
        replace_once(root / node["file"].as<std::string>(), node["replace"].as<std::string>(),
                     node["with"].as<std::string>());
        applied.insert(id);
    }
    REQUIRE(applied == ids);
}

}  // namespace

// ---- tne plan ------------------------------------------------------------------------------------

TEST_CASE("tne plan matches its golden outputs, a reachable and an unreachable target, in every format and language",
          "[plan][binary][golden]") {
    struct Case {
        std::string golden;  // tests/golden/plan/GOLDEN.LANG.EXT
        std::vector<std::string> args;
        int exit_code;
    };
    // The next step of the suggested pathway, reached in one change; a branch campus, which a research
    // centre of 350 students cannot reach (exit 1), with the blockers that can be lifted; and the same
    // out of reach as the next step of a public university's pathway.
    const std::vector<Case> cases = {
        {"private_business_university", {"plan", "examples/private_business_university.yaml"}, 0},
        {"research_center.branch_campus", {"plan", "examples/research_center.yaml", "--target", "branch_campus"}, 1},
        {"universidad_estatal_es", {"plan", "examples/universidad_estatal_es.yaml"}, 1},
    };
    for (const auto& c : cases) {
        for (std::string lang : {"en", "es"}) {
            for (std::string format : {"text", "json", "markdown", "html"}) {
                std::vector<std::string> args = c.args;
                args.insert(args.end(), {"--lang", lang, "--format", format});
                RunResult run = run_tne(args, kFixedEnv);
                check_run(run, c.exit_code, c.golden + " " + lang + " " + format);
                check_golden("plan/" + c.golden + "." + lang + "." + kExtension.at(format), run.out);
            }
        }
    }
}

// ---- tne batch --summary -------------------------------------------------------------------------

TEST_CASE("the cohort summary of the examples matches its golden outputs in every format and language",
          "[cohort][batch][binary][golden]") {
    for (std::string lang : {"en", "es"}) {
        for (std::string format : {"text", "json", "markdown", "html"}) {
            std::vector<std::string> args = {"batch", "examples", "--summary", "--quiet", "--lang",
                                             lang,    "--format", format,      "--date",  kDate};
            auto with_jobs = [&](const std::string& jobs) {
                std::vector<std::string> all = args;
                all.insert(all.end(), {"--jobs", jobs});
                return all;
            };
            RunResult one_job = run_tne(with_jobs("1"), kFixedEnv);
            RunResult four_jobs = run_tne(with_jobs("4"), kFixedEnv);
            check_run(one_job, 0, lang + " " + format);
            CHECK(four_jobs.out == one_job.out);  // the cohort is in input order, however many jobs
            check_golden("summary/examples." + lang + "." + kExtension.at(format), one_job.out);
        }
    }
}

// ---- tne rubrics diff ----------------------------------------------------------------------------

TEST_CASE("tne rubrics diff of one changed weight over the examples matches its golden outputs",
          "[rubric-diff][binary][golden]") {
    // Student English weighs 4 instead of 2: six examples move, the one that leaves it unanswered
    // does not.
    GoldenTempDir dir;
    fs::path changed = dir.path() / "rubrics";
    fs::copy(source_dir() / "rubrics", changed, fs::copy_options::recursive);
    replace_once(changed / "dimensions/language.yaml", "question: language.student_b2_percent\n    weight: 2\n",
                 "question: language.student_b2_percent\n    weight: 4\n");
    for (std::string lang : {"en", "es"}) {
        for (std::string format : {"text", "markdown", "html", "json"}) {
            RunResult run = run_tne({"rubrics", "diff", "builtin", changed.string(), "--profiles", "examples", "--lang",
                                     lang, "--format", format},
                                    kFixedEnv);
            check_run(run, 0, lang + " " + format);
            check_golden("rubrics-diff/student_b2_weight." + lang + "." + kExtension.at(format), dir.stable(run.out));
        }
    }
}

// ---- tne rubrics check ---------------------------------------------------------------------------

TEST_CASE("tne rubrics check of a set with several defects matches its golden outputs in all four formats",
          "[rubric-check][binary][golden]") {
    // tests/rubrics/minimal with four cases of the broken corpus at once: three warnings in a dimension
    // and an error in the set's tests. (An error in a dimension or the models would stop the check
    // before the warnings.)
    GoldenTempDir dir;
    fs::path root = dir.path() / "set";
    fs::copy(source_dir() / "tests/rubrics/minimal", root, fs::copy_options::recursive);
    apply_broken_cases(root, {"untranslated", "unused-question", "basis-missing", "unknown-reference-test-model"});
    for (std::string lang : {"en", "es"}) {
        for (std::string format : {"text", "json", "github", "sarif", "markdown", "html"}) {
            std::vector<std::string> args{"rubrics", "check", root.string(), "--lang", lang, "--format", format};
            // The formats of code hosts name files relative to a base directory, here the temporary one.
            if (format == "github" || format == "sarif") args.insert(args.end(), {"--base-dir", dir.path().string()});
            RunResult run = run_tne(args, kFixedEnv);
            check_run(run, 1, lang + " " + format);
            check_golden("rubrics-check/several_defects." + lang + "." + kExtension.at(format), dir.stable(run.out));
        }
    }
}
