// The HTML and Markdown reports: chart geometry, well-formed XHTML for every example, escaping of
// what profiles and rubric sets say, language, determinism, --date and golden outputs.
#include <catch2/catch.hpp>
#include <tinyxml2.h>

#include "charts.hpp"
#include "support.hpp"
#include "tne/render.hpp"

using namespace tne;
using namespace tne::test;
namespace fs = std::filesystem;

namespace {

const ReportDate kDate{2026, 11, 23};

Assessment assess_file(const fs::path& profile, const RubricSet& rubric = default_rubrics()) {
    return assess(load_profile_file(profile.string(), rubric), rubric);
}

// Empty when `text` is well-formed XML, else tinyxml2's complaint.
std::string xml_error(const std::string& text) {
    tinyxml2::XMLDocument document;
    if (document.Parse(text.c_str(), text.size()) == tinyxml2::XML_SUCCESS) return {};
    return document.ErrorStr();
}

// A copy of an example profile with another institution name.
fs::path profile_named(const TempDir& dir, const std::string& name) {
    fs::path profile = dir.path() / "named.yaml";
    fs::copy_file(source_dir() / "examples" / "universidad_estatal_es.yaml", profile);
    replace_once(profile, "name: Universidad Autónoma del Pacífico", "name: '" + name + "'");
    return profile;
}

// The number of cell separators in a Markdown table row: pipes not escaped with a backslash.
size_t cell_separators(const std::string& row) {
    size_t count = 0;
    for (size_t i = 0; i < row.size(); ++i)
        if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++count;
    return count;
}

// Every row of every table has as many cells as the table's header.
void check_tables_intact(const std::string& markdown) {
    std::istringstream lines(markdown);
    std::string line;
    size_t header = 0;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] != '|') {
            header = 0;
            continue;
        }
        if (header == 0) header = cell_separators(line);
        INFO(line);
        CHECK(cell_separators(line) == header);
    }
}

const std::vector<std::string> kEnglishHeadings = {"Readiness by dimension", "Fit of each model", "What blocks each model",
                                                   "What to do first", "How each score was reached", "Overall readiness"};
const std::vector<std::string> kSpanishHeadings = {"Preparación por dimensión", "Ajuste de cada modelo",
                                                   "Qué bloquea cada modelo", "Qué hacer primero",
                                                   "Cómo se obtuvo cada puntaje", "Preparación general"};

}  // namespace

TEST_CASE("a radar chart's axis 0 points up and the axes go clockwise", "[reports][charts]") {
    const svg::Point center{200, 150};
    svg::Point half_up = charts::radar_point(center, 100, 0, 4, 50);
    CHECK(half_up.x == Approx(200));
    CHECK(half_up.y == Approx(100));
    svg::Point full_right = charts::radar_point(center, 100, 1, 4, 100);  // 90° clockwise
    CHECK(full_right.x == Approx(300));
    CHECK(full_right.y == Approx(150));
    svg::Point centre = charts::radar_point(center, 100, 3, 10, 0);
    CHECK(centre.x == Approx(200));
    CHECK(centre.y == Approx(150));
    svg::Point beyond = charts::radar_point(center, 100, 2, 4, 140);  // clamped to the edge
    CHECK(beyond.y == Approx(250));
}

TEST_CASE("a bar's length is proportional to its value of 0-100", "[reports][charts]") {
    CHECK(charts::bar_length(50, 300) == Approx(150));
    CHECK(charts::bar_length(0, 300) == Approx(0));
    CHECK(charts::bar_length(100, 300) == Approx(300));
    CHECK(charts::bar_length(-5, 300) == Approx(0));
    CHECK(charts::bar_length(120, 300) == Approx(300));
}

TEST_CASE("the charts and the HTML of every example are well-formed XML in both languages", "[reports][html]") {
    for (const auto& profile : example_profiles()) {
        Assessment a = assess_file(profile);
        for (Lang lang : {Lang::en, Lang::es}) {
            INFO(profile << " " << lang_code(lang));
            CHECK(xml_error(charts::radar_chart(a, lang).str()).empty());
            CHECK(xml_error(charts::model_fit_chart(a, lang).str()).empty());
            std::string page = render_html(a, lang, kDate);
            INFO(xml_error(page));
            CHECK(xml_error(page).empty());
            CHECK(page.find("<script") == std::string::npos);
            CHECK(page.find("http://") == page.find("http://www.w3.org/2000/svg"));  // nothing fetched
            CHECK(page.find("https://") == std::string::npos);
        }
    }
}

TEST_CASE("the radar has a dot per dimension with its score as a tooltip; unanswered ones say so", "[reports][charts]") {
    TempDir dir;
    fs::path profile = dir.path() / "partial.yaml";
    write_file(profile, "institution:\n  name: Instituto X\n  type: public_university\nfunding:\n  dedicated_budget: yes\n");
    Assessment a = assess_file(profile);
    std::string radar = charts::radar_chart(a, Lang::en).str();
    CHECK(radar.find("<title>Funding: 100/100</title>") != std::string::npos);
    CHECK(radar.find("<title>Research: no answers</title>") != std::string::npos);
    CHECK(radar.find("(no answers)") != std::string::npos);
    size_t dots = 0;
    for (size_t at = radar.find("<circle"); at != std::string::npos; at = radar.find("<circle", at + 1)) ++dots;
    CHECK(dots == a.dimensions.size());
    CHECK(charts::radar_chart(a, Lang::es).str().find("<title>Investigación: sin respuestas</title>") != std::string::npos);
}

TEST_CASE("blocked models are outlined and labelled with their blockers, not told by colour alone", "[reports][charts]") {
    Assessment a = assess_file(source_dir() / "examples" / "universidad_estatal_es.yaml");
    std::string chart = charts::model_fit_chart(a, Lang::en).str();
    CHECK(chart.find("class=\"threshold\"") != std::string::npos);
    CHECK(chart.find("minimum fit 55") != std::string::npos);
    for (const auto& m : a.models) {
        INFO(m.model->id);
        std::string status = m.feasible ? "feasible" : std::to_string(m.blockers.size()) + " blocker";
        CHECK(chart.find(format_number(m.fit, 0) + " · " + status) != std::string::npos);
    }
    CHECK(chart.find("class=\"bar-blocked\"") != std::string::npos);
    CHECK(chart.find("class=\"bar\"") != std::string::npos);
}

TEST_CASE("an institution name with markup is shown as text in HTML and Markdown", "[reports][escaping]") {
    TempDir dir;
    Assessment a = assess_file(profile_named(dir, "<script>alert(1)</script> & a|b"));
    for (Lang lang : {Lang::en, Lang::es}) {
        std::string page = render_html(a, lang, kDate);
        CHECK(page.find("<script") == std::string::npos);
        CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; a|b") != std::string::npos);
        CHECK(xml_error(page).empty());

        std::string markdown = render_markdown(a, lang, kDate);
        CHECK(markdown.find('<') == std::string::npos);  // no raw HTML at all
        CHECK(markdown.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; a\\|b") != std::string::npos);
    }
}

TEST_CASE("rubric text with pipes and markup neither breaks a Markdown table nor injects HTML", "[reports][escaping]") {
    RubricCopy copy;
    replace_once(copy.root / "dimensions" / "funding.yaml", "name: {en: Funding, es: Financiamiento}",
                 "name: {en: 'Fund|ing <b>*x*</b>', es: 'Financia|miento <i>'}");
    RubricSet rubric = copy.load();
    Assessment a = assess_file(source_dir() / "examples" / "universidad_estatal_es.yaml", rubric);
    for (Lang lang : {Lang::en, Lang::es}) {
        std::string markdown = render_markdown(a, lang, kDate);
        check_tables_intact(markdown);
        CHECK(markdown.find('<') == std::string::npos);
        std::string page = render_html(a, lang, kDate);
        CHECK(page.find("<b>") == std::string::npos);
        CHECK(page.find("<i>") == std::string::npos);
        CHECK(xml_error(page).empty());
    }
    CHECK(render_markdown(a, Lang::en, kDate).find("Fund\\|ing &lt;b&gt;\\*x\\*&lt;/b&gt;") != std::string::npos);
}

TEST_CASE("every Markdown table of every example keeps its columns", "[reports][markdown]") {
    for (const auto& profile : example_profiles()) {
        Assessment a = assess_file(profile);
        INFO(profile);
        check_tables_intact(render_markdown(a, Lang::en, kDate));
        check_tables_intact(render_markdown(a, Lang::es, kDate));
    }
}

TEST_CASE("Spanish reports are in Spanish throughout, English ones in English", "[reports][lang]") {
    Assessment a = assess_file(source_dir() / "examples" / "universidad_estatal_es.yaml");
    std::string spanish = render_html(a, Lang::es, kDate);
    std::string english = render_html(a, Lang::en, kDate);
    CHECK(spanish.find("<html lang=\"es\">") != std::string::npos);
    CHECK(english.find("<html lang=\"en\">") != std::string::npos);
    CHECK(spanish.find("23 de noviembre de 2026") != std::string::npos);
    CHECK(english.find("23 November 2026") != std::string::npos);
    std::string spanish_markdown = render_markdown(a, Lang::es, kDate);
    for (size_t i = 0; i < kEnglishHeadings.size(); ++i) {
        INFO(kEnglishHeadings[i] << " / " << kSpanishHeadings[i]);
        CHECK(spanish.find(kSpanishHeadings[i]) != std::string::npos);
        CHECK(spanish.find(kEnglishHeadings[i]) == std::string::npos);
        CHECK(spanish_markdown.find(kSpanishHeadings[i]) != std::string::npos);
        CHECK(spanish_markdown.find(kEnglishHeadings[i]) == std::string::npos);
        CHECK(english.find(kEnglishHeadings[i]) != std::string::npos);
        CHECK(english.find(kSpanishHeadings[i]) == std::string::npos);
    }
}

TEST_CASE("html and markdown reports are the same bytes for the same input and date", "[reports][binary]") {
    for (std::string format : {"html", "markdown"}) {
        std::vector<std::string> args = {"assess", "examples/research_center.yaml", "--format", format, "--date", "2026-11-23"};
        RunResult first = run_tne(args);
        RunResult second = run_tne(args);
        REQUIRE(first.exit_code == 0);
        CHECK(first.out == second.out);
        CHECK(first.out.find("23 November 2026") != std::string::npos);
    }
}

TEST_CASE("without --date a report is dated by SOURCE_DATE_EPOCH", "[reports][binary]") {
    RunResult run = run_tne({"assess", "examples/research_center.yaml", "--format", "html", "--lang", "es"},
                            {"SOURCE_DATE_EPOCH=1700000000"});
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("14 de noviembre de 2023") != std::string::npos);
}

TEST_CASE("an impossible --date is a usage error, in the report's language", "[reports][binary][errors]") {
    RunResult run = run_tne({"assess", "examples/research_center.yaml", "--format", "html", "--date", "2026-02-30"});
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find("--date 2026-02-30: not a valid date; expected YYYY-MM-DD") != std::string::npos);
    CHECK(run.err.find("tne assess --help") != std::string::npos);
    RunResult spanish = run_tne({"assess", "examples/research_center.yaml", "--lang", "es", "--date", "23/11/2026"});
    CHECK(spanish.exit_code == 2);
    CHECK(spanish.err.find("--date 23/11/2026: no es una fecha válida; se espera AAAA-MM-DD") != std::string::npos);
}

TEST_CASE("the HTML and Markdown reports of an example match their golden outputs", "[reports][binary][golden]") {
    for (std::string lang : {"en", "es"}) {
        for (std::string format : {"html", "markdown"}) {
            RunResult run = run_tne({"assess", "examples/universidad_estatal_es.yaml", "--lang", lang, "--format", format,
                                     "--date", "2026-11-23"});
            INFO(lang << " " << format << "\n" << run.err);
            REQUIRE(run.exit_code == 0);
            CHECK(run.err.empty());
            check_golden("universidad_estatal_es." + lang + (format == "html" ? ".html" : ".md"), run.out);
        }
    }
}
