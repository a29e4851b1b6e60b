#include "entry_points.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "base/yaml_input.hpp"
#include "rubric/embedded_files.hpp"
#include "tne/assessment.hpp"
#include "tne/profile.hpp"
#include "tne/rubric_check.hpp"
#include "tne/survey_draft.hpp"

namespace tne::fuzz {

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("fuzz: cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A rejection must say why: an InputError with no diagnostic, or one with an empty message, is a bug.
void check_message(const InputError& error) {
    if (error.diagnostics().empty()) throw std::logic_error("InputError without a diagnostic");
    for (const auto& d : error.diagnostics())
        if (d.message.en.empty() || d.message.es.empty())
            throw std::logic_error("InputError with an empty message at " + d.pos.str());
}

// Runs `step`, counting it as accepted, or as rejected when it throws an InputError with a message.
template <typename Step>
bool attempt(Outcome& outcome, Step&& step) {
    try {
        step();
        ++outcome.accepted;
        return true;
    } catch (const InputError& e) {
        check_message(e);
        ++outcome.rejected;
        return false;
    }
}

// What `tne batch` does with a profile (assess, and blockers' texts for its records), and with
// `report` what a report adds: what would change the advice and the review of the evidence.
void assess_profile(Profile profile, const RubricSet& rubric, bool report) {
    Assessment assessment = assess(std::move(profile), rubric);
    if (report) {
        find_advice_changes(assessment);  // the most expensive step: hundreds of what-if assessments
        assessment.evidence = review_evidence(assessment, ReportDate{2025, 6, 30});
    }
    for (const auto& model : assessment.models)
        for (const auto& blocker : model.blockers) blocker_text(blocker, assessment, Lang::en);
}

// The built-in set's files by name, with their text.
const std::vector<embedded::File>& rubric_files_by_name() {
    static const std::vector<embedded::File> files = [] {
        std::vector<embedded::File> sorted = embedded::rubric_files();
        std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
        return sorted;
    }();
    return files;
}

}  // namespace

Fixtures::Fixtures(const std::string& source_dir)
    : rubrics(load_rubric_set(embedded_rubric_files())),
      survey_map(load_survey_map(source_dir + "/examples/survey/mapa.yaml", rubrics)),
      example_profile(read_text(source_dir + "/examples/large_public_university.yaml")) {}

const Fixtures& fixtures() {
    static const Fixtures loaded(TNE_SOURCE_DIR);
    return loaded;
}

Outcome profile(std::string_view input, const Fixtures& fixtures) {
    Outcome outcome;
    const std::string text(input);
    const RubricSet& rubric = fixtures.rubrics;
    attempt(outcome, [&] { assess_profile(load_profile(text, "fuzz.yaml", rubric), rubric, true); });
    attempt(outcome, [&] {
        DraftProfile draft = load_draft_profile(text, "fuzz.yaml", rubric);
        for (const auto& problem : draft.problems)
            if (problem.message.en.empty()) throw std::logic_error("draft problem without a message");
        assess_profile(std::move(draft.profile), rubric, true);
    });
    return outcome;
}

size_t rubric_file_count() { return rubric_files_by_name().size(); }

std::string rubric_file_name(size_t index) { return std::string(rubric_files_by_name().at(index).path); }

Outcome rubrics(std::string_view input, const Fixtures& fixtures) {
    Outcome outcome;
    if (input.empty()) return outcome;
    const auto& files = rubric_files_by_name();
    const std::string replaced(files[static_cast<unsigned char>(input[0]) % files.size()].path);
    const std::string text(input.substr(1));
    RubricFiles rubric_files{"rubrics",
                             [&](const std::string& relative) -> std::optional<std::string> {
                                 if (relative == replaced) return text;
                                 for (const auto& file : files)
                                     if (file.path == relative) return std::string(file.content);
                                 return std::nullopt;
                             },
                             {}};
    attempt(outcome, [&] {
        RubricSet set = load_rubric_set(rubric_files);
        attempt(outcome,
                [&] { assess_profile(load_profile(fixtures.example_profile, "example.yaml", set), set, false); });
    });
    CheckReport report = check_rubric_set(rubric_files);
    for (const auto& finding : report.findings)
        if (finding.rule == nullptr || finding.message.en.empty())
            throw std::logic_error("rubric check finding without a rule or message at " + finding.pos.str());
    render_check(report, CheckFormat::text, Lang::en);
    ++outcome.accepted;
    return outcome;
}

namespace {

// The input as an export file `tne batch` opens (SurveyExport): decoded from the encoding its first
// byte picks (or detected), its delimiter found, its header rows recognised, its decimal mark found
// from its numbers. The file is this process's own, written again for each input.
void read_as_export(std::string_view input, const Fixtures& fixtures, Outcome& outcome) {
    if (input.empty()) return;
    static const std::string path =
        (std::filesystem::temp_directory_path() / ("tne-fuzz-" + std::to_string(::getpid()) + ".csv")).string();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(input.data() + 1, static_cast<std::streamsize>(input.size() - 1));
    }
    SurveyMap map = fixtures.survey_map;
    map.delimiter_pos = {};  // found from the header
    static constexpr std::optional<TextEncoding> kEncodings[] = {
        std::nullopt, TextEncoding::utf8, TextEncoding::utf16le, TextEncoding::utf16be, TextEncoding::windows1252};
    map.encoding = kEncodings[static_cast<unsigned char>(input[0]) % std::size(kEncodings)];
    attempt(outcome, [&] {
        SurveyExport source(path, map);
        if (!source.header()) return;
        BoundSurvey survey = bind_survey(map, fixtures.rubrics, *source.header(), path);
        find_decimal_mark(survey, source);
        describe_reading(source.reading());
        while (std::optional<CsvRow> row = source.next())
            attempt(outcome, [&] { assess_profile(survey_row_profile(survey, *row), fixtures.rubrics, false); });
    });
}

}  // namespace

Outcome csv(std::string_view input, const Fixtures& fixtures) {
    Outcome outcome;
    const RubricSet& rubric = fixtures.rubrics;
    const SurveyMap& map = fixtures.survey_map;
    // The map `tne survey map` drafts from the input is always YAML: the map reader may refuse it (a
    // TODO left, a required question without a column), never fail to parse it.
    attempt(outcome, [&] {
        std::string draft = draft_survey_map(std::string(input), rubric, {Lang::en, "fuzz.csv", ""});
        try {
            yaml_input::parse(draft, "draft.yaml");
        } catch (const InputError& e) {
            throw std::logic_error("the drafted map is not YAML: " + e.diagnostics().front().str(Lang::en));
        }
        parse_survey_map(draft, "draft.yaml", rubric);
    });
    std::istringstream in{std::string(input)};
    // Limits a fuzz input of a few KB can pass (the shipped header is 4.3 KB in 66 cells), so
    // the row limits themselves are fuzzed, not only the parsing under them.
    CsvReader reader(in, map.delimiter, CsvLimits{8 * 1024, 128});
    std::optional<CsvRow> header = reader.next();
    if (!header) return outcome;  // `tne batch` reports an empty file
    BoundSurvey survey;
    if (!attempt(outcome, [&] { survey = bind_survey(map, rubric, *header, "fuzz.csv"); })) return outcome;
    while (std::optional<CsvRow> row = reader.next())
        attempt(outcome, [&] { assess_profile(survey_row_profile(survey, *row), rubric, false); });
    read_as_export(input, fixtures, outcome);
    return outcome;
}

}  // namespace tne::fuzz
