// The HTML and Markdown reports: chart geometry, well-formed XHTML for every example, escaping of
// what profiles and rubric sets say, language, determinism, --date and golden outputs.
#include <tinyxml2.h>

#include <catch2/catch.hpp>

#include "render/html.hpp"
#include "render/markdown.hpp"
#include "report/charts.hpp"
#include "report/report_words.hpp"
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
    replace_once(profile, "nombre: Universidad Autónoma del Pacífico", "nombre: '" + name + "'");
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

const std::vector<std::string> kEnglishHeadings = {"Readiness by dimension",
                                                   "Fit of each model",
                                                   "Suggested model",
                                                   "Alternatives",
                                                   "Not for now",
                                                   "How this was decided",
                                                   "What would change the advice",
                                                   "What to do first",
                                                   "How each score was reached",
                                                   "Overall readiness"};
const std::vector<std::string> kSpanishHeadings = {"Preparación por dimensión",
                                                   "Ajuste de cada modelo",
                                                   "Modelo sugerido",
                                                   "Alternativas",
                                                   "Por ahora no",
                                                   "Cómo se decidió",
                                                   "Qué cambiaría la sugerencia",
                                                   "Qué hacer primero",
                                                   "Cómo se obtuvo cada puntaje",
                                                   "Preparación general"};

// One assessment's report in the three formats people read, with text as each escapes it. The text
// report is not wrapped, so a sentence can be looked for whole.
struct Report {
    std::string format;
    std::string body;
    const RubricSet* annex_titles = nullptr;  // the section titles it cites the Annex with; none in text

    std::string as_written(const std::string& text) const {
        if (format == "html") return html::escape(text);
        if (format == "markdown") return markdown::escape(text);
        return text;
    }
    bool has(const std::string& text) const { return body.find(as_written(text)) != std::string::npos; }
};

std::vector<Report> reports_of(const Assessment& a, Lang lang) {
    TextOptions options;
    options.lang = lang;
    options.width = 100000;
    return {{"text", render_text(a, options), nullptr},
            {"markdown", render_markdown(a, lang, kDate), a.rubric},
            {"html", render_html(a, lang, kDate), a.rubric}};
}

// The part of a report from `from` to what follows the suggestion: the next heading of the advice,
// or HTML's model table (or the end).
std::string section(const std::string& body, const std::string& from) {
    size_t start = body.find(from);
    if (start == std::string::npos) return {};
    size_t end = std::string::npos;
    for (const char* next : {"Alternatives", "Not for now", "How this was decided", "What to do first", "Alternativas",
                             "Por ahora no", "Cómo se decidió", "Qué hacer primero", "<table"}) {
        size_t at = body.find(next, start + from.size());
        if (at < end) end = at;
    }
    return body.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// The line (text, Markdown) or table row (HTML) of a report's model table that names `name`: in
// text, the line that starts with the name and goes on with its fit.
std::string table_row(const Report& report, const std::string& name) {
    std::istringstream lines(report.body);
    std::string line;
    while (std::getline(lines, line)) {
        if (report.format == "html" && line.rfind("<tr><td>" + html::escape(name) + "</td>", 0) == 0) return line;
        if (report.format == "markdown" && line.rfind("| " + markdown::escape(name) + " |", 0) == 0) return line;
        if (report.format == "text" && line.rfind("  " + name + " ", 0) == 0) {
            size_t next = line.find_first_not_of(' ', 2 + name.size());
            if (next != std::string::npos && std::isdigit(static_cast<unsigned char>(line[next]))) return line;
        }
    }
    return {};
}

// A copy of an example profile with one line replaced.
fs::path profile_changed(const TempDir& dir, const std::string& example, const std::string& from,
                         const std::string& to) {
    fs::path profile = dir.path() / example;
    fs::copy_file(source_dir() / "examples" / example, profile);
    replace_once(profile, from, to);
    return profile;
}

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

TEST_CASE("the radar has a dot per dimension with its score as a tooltip; unanswered ones say so",
          "[reports][charts]") {
    TempDir dir;
    fs::path profile = dir.path() / "partial.yaml";
    write_file(profile,
               "institution:\n  name: Instituto X\n  type: public_university\nfunding:\n  dedicated_budget: yes\n");
    Assessment a = assess_file(profile);
    std::string radar = charts::radar_chart(a, Lang::en).str();
    CHECK(radar.find("<title>Funding: 100/100</title>") != std::string::npos);
    CHECK(radar.find("<title>Research: no answers</title>") != std::string::npos);
    CHECK(radar.find("(no answers)") != std::string::npos);
    size_t dots = 0;
    for (size_t at = radar.find("<circle"); at != std::string::npos; at = radar.find("<circle", at + 1)) ++dots;
    CHECK(dots == a.dimensions.size());
    CHECK(charts::radar_chart(a, Lang::es).str().find("<title>Investigación: sin respuestas</title>") !=
          std::string::npos);
}

TEST_CASE("the fit chart labels every bar with its status in words, and outlines blocked models", "[reports][charts]") {
    Assessment a = assess_file(source_dir() / "examples" / "universidad_estatal_es.yaml");
    std::string chart = charts::model_fit_chart(a, Lang::en).str();
    CHECK(chart.find("class=\"threshold\"") != std::string::npos);
    CHECK(chart.find("minimum fit " + format_number(a.rubric->advice.min_fit.value, 0)) != std::string::npos);
    REQUIRE(a.suggested);
    for (const auto& m : a.models) {
        INFO(m.model->id);
        std::string status = &m == a.suggested                       ? "suggested"
                             : m.status == ModelStatus::runs         ? "runs"
                             : m.status == ModelStatus::within_reach ? "within reach"
                             : m.status == ModelStatus::low_fit      ? "below minimum"
                                                                     : std::to_string(m.blockers.size()) + " blocker";
        CHECK(chart.find(">" + format_number(m.fit, 0) + " · " + status) != std::string::npos);
        std::string css = &m == a.suggested                  ? "bar-suggested"
                          : m.status == ModelStatus::blocked ? "bar-blocked"
                          : m.status == ModelStatus::low_fit ? "bar-low"
                                                             : "bar";
        CHECK(chart.find("class=\"" + css + "\"><title>" + html::escape(m.model->name.en) + ": fit") !=
              std::string::npos);
    }
    CHECK(chart.find("class=\"bar-blocked\"") != std::string::npos);
    CHECK(chart.find("class=\"bar-low\"") != std::string::npos);
    CHECK(chart.find("Feasible") == std::string::npos);
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
        std::vector<std::string> args = {"assess",    "examples/research_center.yaml", "--format", format, "--date",
                                         "2026-11-23"};
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
            RunResult run = run_tne({"assess", "examples/universidad_estatal_es.yaml", "--lang", lang, "--format",
                                     format, "--date", "2026-11-23"});
            INFO(lang << " " << format << "\n" << run.err);
            REQUIRE(run.exit_code == 0);
            CHECK(run.err.empty());
            check_golden("universidad_estatal_es." + lang + (format == "html" ? ".html" : ".md"), run.out);
        }
    }
}

TEST_CASE("every report shows the suggestion with its reasons, the alternatives and the models not for now",
          "[reports][advice]") {
    for (const auto& profile : example_profiles()) {
        Assessment a = assess_file(profile);
        REQUIRE(a.suggested);
        for (Lang lang : {Lang::en, Lang::es}) {
            for (const Report& report : reports_of(a, lang)) {
                INFO(profile.filename() << " " << lang_code(lang) << " " << report.format);
                CHECK(report.has(words::suggested_title(a, lang)));
                CHECK(report.has(words::fit_and_score(*a.suggested, lang)));
                for (const auto& reason : a.suggested->reasons)
                    if (reason.points > 0) CHECK(report.has(words::reason(reason, lang, report.annex_titles)));
                std::string suggestion = section(report.body, report.as_written(words::suggested_title(a, lang)));
                REQUIRE_FALSE(suggestion.empty());
                CHECK(suggestion.find(report.as_written(words::suggestion_basis(a, lang, report.annex_titles))) !=
                      std::string::npos);
                if (a.suggested->status == ModelStatus::runs) {
                    CHECK(suggestion.find(report.as_written(words::runs_note(a, lang, report.annex_titles))) !=
                          std::string::npos);
                    for (const auto& gap : a.suggested->blockers)
                        CHECK(suggestion.find(report.as_written(blocker_text(gap, a, lang))) != std::string::npos);
                }
                CHECK(report.has(words::alternatives_title(lang)));
                for (const auto& alternative : a.alternatives) {
                    CHECK(report.has(words::alternative(a, alternative, lang)));
                    CHECK(report.has(alternative.model->model->name.in(lang)));
                    for (const auto& reason : alternative.missing)
                        CHECK(report.has(words::reason(reason, lang, report.annex_titles)));
                }
                if (a.alternatives.empty()) CHECK(report.has(words::no_alternative(lang)));
                for (const ModelResult* m : a.not_for_now) {
                    CHECK(report.has(words::not_for_now(a, *m, lang)));
                    for (const auto& blocker : m->blockers)
                        CHECK(report.has(blocker_text(blocker, a, lang, report.annex_titles)));
                }
                // The model table: fit, score and status in words for every model.
                for (const auto& m : a.models) {
                    std::string row = table_row(report, m.model->name.in(lang));
                    INFO(m.model->id << ": " << row);
                    REQUIRE_FALSE(row.empty());
                    CHECK(row.find(format_number(m.score, 0)) != std::string::npos);
                    CHECK(row.find(report.as_written(words::status(a, m, lang))) != std::string::npos);
                }
                CHECK(report.body.find(lang == Lang::es ? "Factible" : "Feasible") == std::string::npos);
            }
        }
    }
}

TEST_CASE("every report says how the advice was decided and what would change it", "[reports][advice]") {
    for (const auto& profile : example_profiles()) {
        Assessment a = assess_file(profile);
        find_advice_changes(a);
        for (Lang lang : {Lang::en, Lang::es}) {
            for (const Report& report : reports_of(a, lang)) {
                INFO(profile.filename() << " " << lang_code(lang) << " " << report.format);
                CHECK(report.has(words::decided_title(lang)));
                CHECK(report.has(words::thresholds(a, lang, report.annex_titles)));
                CHECK(report.has(format_number(a.rubric->advice.min_coverage.value, 0) + "%"));
                REQUIRE_FALSE(a.assumptions.empty());
                for (const auto& assumption : a.assumptions) {
                    CHECK(report.has(assumption.basis->assumption.in(lang)));
                    CHECK(report.has(words::assumption(a, assumption, lang, report.annex_titles)));
                }
                CHECK(report.has(words::changes_title(lang)));
                CHECK(report.has(a.changes.empty() ? words::no_changes(a, lang) : words::changes_intro(lang)));
                for (const auto& change : a.changes) {
                    CHECK(report.has(words::change_heading(change, lang)));
                    REQUIRE_FALSE(change.ways.empty());
                    CHECK(report.has(words::way(a, change.ways.front(), lang)));
                    if (!change.exhaustive) CHECK(report.has(words::greedy_note(lang)));
                }
                CHECK(report.body.find("ensitivity") == std::string::npos);
                CHECK(report.body.find("ensibilidad") == std::string::npos);
            }
        }
    }
}

TEST_CASE("a change of answers reads as question: from → to in the report's language, joined by and",
          "[reports][advice]") {
    Assessment a = assess_file(source_dir() / "examples" / "small_rural_university.yaml");
    const Question* type = a.rubric->find_question("institution.type");
    const Question* budget = a.rubric->find_question("funding.dedicated_budget");
    REQUIRE(type);
    REQUIRE(budget);
    std::vector<ChangedAnswer> way = {
        {type, Value{std::string("public_university")}, Value{std::string("research_center")}},
        {budget, Value{}, Value{std::string("yes")}}};
    CHECK(words::way(a, way, Lang::en) ==
          "Type of institution: Public university → Research centre and " + budget->label.en + ": unanswered → yes");
    CHECK(words::way(a, way, Lang::es) == "Tipo de institución: Universidad pública → Centro de investigación y " +
                                              budget->label.es + ": sin respuesta → sí");
    // No model: the suggestion would be lost.
    a.changes.push_back({nullptr, {way}, false});
    for (Lang lang : {Lang::en, Lang::es})
        for (const Report& report : reports_of(a, lang)) {
            INFO(lang_code(lang) << " " << report.format);
            CHECK(
                report.has(lang == Lang::es ? "No se sugeriría ningún modelo si:" : "No model would be suggested if:"));
            CHECK(report.has(words::way(a, way, lang)));
            CHECK(report.has(lang == Lang::es ? "(hallado por una búsqueda voraz de hasta 3 cambios)"
                                              : "(found by a greedy search of up to 3 changes)"));
        }
}

TEST_CASE("text lists five ways per model unless --explain; Markdown and HTML list them all, HTML in a <details>",
          "[reports][advice]") {
    Assessment a = assess_file(source_dir() / "examples" / "large_public_university.yaml");
    find_advice_changes(a);
    const AdviceChange* many = nullptr;
    for (const auto& change : a.changes)
        if (change.ways.size() > words::kListedWays) many = &change;
    REQUIRE(many);  // the large public university has more than five ways to one model
    size_t hidden = many->ways.size() - words::kListedWays;
    for (const Report& report : reports_of(a, Lang::en)) {
        INFO(report.format);
        for (size_t i = 0; i < many->ways.size(); ++i) {
            INFO("way " << i << ": " << words::way(a, many->ways[i], Lang::en));
            CHECK(report.has(words::way(a, many->ways[i], Lang::en)) ==
                  (report.format != "text" || i < words::kListedWays));
        }
        CHECK(
            report.has(words::change_outcome(*many, Lang::en) + ": " + words::ways_count(many->ways.size(), Lang::en)));
        if (report.format == "html")
            CHECK(report.body.find("<summary>" + html::escape(words::change_outcome(*many, Lang::en))) !=
                  std::string::npos);
        CHECK(report.has(words::more_ways(hidden, Lang::en)) == (report.format == "text"));
    }
    TextOptions explain;
    explain.explain = true;
    explain.width = 100000;
    std::string all = render_text(a, explain);
    for (const auto& way : many->ways) CHECK(all.find(words::way(a, way, Lang::en)) != std::string::npos);
}

TEST_CASE("a tie with the suggestion is said as a tie broken by id", "[reports][advice]") {
    Assessment a = assess_file(source_dir() / "examples" / "private_business_university.yaml");
    REQUIRE_FALSE(a.alternatives.empty());
    Alternative tie = a.alternatives.front();
    std::string name = tie.model->model->name.en;
    CHECK(words::alternative(a, tie, Lang::en).find("points below " + a.suggested->model->name.en) !=
          std::string::npos);
    tie.score_gap = 0.04;
    std::string en = words::alternative(a, tie, Lang::en);
    CHECK(en.find("ties with " + a.suggested->model->name.en + " on score; the tie is broken by id (" +
                  a.suggested->model->id + " before " + tie.model->model->id + ")") != std::string::npos);
    CHECK(en.find("points below") == std::string::npos);
    CHECK(words::alternative(a, tie, Lang::es).find("empata en puntaje con " + a.suggested->model->name.es) !=
          std::string::npos);
}

TEST_CASE("a first step is never shown as blocked: its requirements are what to do first", "[reports][advice]") {
    // The small rural university as a research centre: nothing is within reach, and the Annex's first
    // step for a research centre, research collaboration, has unmet requirements.
    TempDir dir;
    Assessment a = assess_file(
        profile_changed(dir, "small_rural_university.yaml", "type: public_university", "type: research_center"));
    REQUIRE(a.suggestion_basis == SuggestionBasis::first_step);
    REQUIRE(a.suggested);
    REQUIRE(a.suggested->model->id == "research_collaboration");
    REQUIRE(a.suggested->status == ModelStatus::blocked);  // what the reports must not say
    REQUIRE_FALSE(a.suggested->blockers.empty());
    for (Lang lang : {Lang::en, Lang::es}) {
        const std::string blocked = lang == Lang::es ? "bloquead" : "blocked";
        const std::string name = a.suggested->model->name.in(lang);
        for (const Report& report : reports_of(a, lang)) {
            INFO(lang_code(lang) << " " << report.format);
            std::string suggestion = section(report.body, report.as_written(words::suggested_title(a, lang)));
            REQUIRE_FALSE(suggestion.empty());
            CHECK(suggestion.find(report.as_written(lang == Lang::es ? "Aún no hay un modelo a su alcance."
                                                                     : "No model is within reach yet.")) !=
                  std::string::npos);
            CHECK(suggestion.find(report.as_written(a.first_step->why.in(lang))) != std::string::npos);
            CHECK(suggestion.find(report.as_written(lang == Lang::es ? "Por hacer primero:" : "To do first:")) !=
                  std::string::npos);
            for (const auto& blocker : a.suggested->blockers)
                CHECK(suggestion.find(report.as_written(blocker_text(blocker, a, lang, report.annex_titles))) !=
                      std::string::npos);
            CHECK(suggestion.find(blocked) == std::string::npos);
            CHECK(suggestion.find(lang == Lang::es ? "obstáculo" : "blocker") == std::string::npos);
            std::string row = table_row(report, name);
            INFO(row);
            CHECK(row.find(report.as_written(lang == Lang::es ? "primer paso sugerido" : "suggested first step")) !=
                  std::string::npos);
            CHECK(row.find(blocked) == std::string::npos);
            CHECK(row.find("class=\"blocked\"") == std::string::npos);
            // A recommendation helps the first step; it lifts no "blocker" of it.
            REQUIRE(a.recommendations.front().lifts_blocker);
            CHECK(report.has(words::helps_suggestion(lang)));
            CHECK(report.body.find(lang == Lang::es ? "resuelve un obstáculo" : "lifts a blocker") ==
                  std::string::npos);
        }
        std::string chart = charts::model_fit_chart(a, lang).str();
        CHECK(chart.find("class=\"bar-suggested\"><title>" + html::escape(name) + ":") != std::string::npos);
        CHECK(chart.find("class=\"bar-blocked\"><title>" + html::escape(name) + ":") == std::string::npos);
    }
}

TEST_CASE("with too few answers no model is suggested and the answers needed first are listed", "[reports][advice]") {
    TempDir dir;
    fs::path profile = dir.path() / "few.yaml";
    write_file(profile,
               "institution:\n  name: Instituto X\n  type: public_university\n"
               "funding:\n  dedicated_budget: yes\n  sufficiency: limited\n"
               "language:\n  faculty_b2_percent: 30\n");
    Assessment a = assess_file(profile);
    find_advice_changes(a);
    REQUIRE(a.suggestion_basis == SuggestionBasis::too_few_answers);
    REQUIRE_FALSE(a.suggested);
    REQUIRE(a.unanswered.size() > words::kAnswersNeeded);
    for (Lang lang : {Lang::en, Lang::es}) {
        for (const Report& report : reports_of(a, lang)) {
            INFO(lang_code(lang) << " " << report.format);
            CHECK(report.has(lang == Lang::es ? "Modelo sugerido: ninguno todavía" : "Suggested model: none yet"));
            CHECK(report.has(words::suggestion_basis(a, lang, report.annex_titles)));
            CHECK(report.has(a.rubric->advice.min_coverage.why.in(lang)));
            CHECK(report.has(words::answers_needed_title(lang)));
            std::string suggestion = section(report.body, report.as_written(words::suggested_title(a, lang)));
            for (size_t i = 0; i < a.unanswered.size(); ++i) {
                INFO(a.unanswered[i].question->path);
                CHECK((suggestion.find(report.as_written(words::unanswered(a.unanswered[i], lang))) !=
                       std::string::npos) == (i < words::kAnswersNeeded));
            }
            CHECK(report.has(lang == Lang::es
                                 ? "Responder más preguntas, hasta la cobertura mínima, permitiría sugerir un modelo."
                                 : "Answering more questions, up to the minimum coverage, would let a model be "
                                   "suggested."));
            CHECK_FALSE(report.has(words::alternatives_title(lang)));
            CHECK_FALSE(report.has(words::not_for_now_title(lang)));
            CHECK(report.body.find(lang == Lang::es ? "sugerido (" : "suggested (") == std::string::npos);
        }
    }
}

namespace {

// Every `annex` reference of a rubric set, in every place it can be: dimensions, criteria and their
// recommendations, models with their requirements and adjustments, and the advice.
std::vector<std::string> cited_sections(const RubricSet& rubric) {
    std::vector<std::string> cited = {"4.1.7", "4.4"};  // the confidence rule's (words::confidence_rule)
    auto condition = [&](const Condition& c) { cited.push_back(c.annex); };
    for (const auto& d : rubric.dimensions) {
        cited.insert(cited.end(), d.annex.begin(), d.annex.end());
        for (const auto& c : d.criteria) {
            cited.push_back(c.annex);
            cited.push_back(c.recommendation.annex);
        }
    }
    for (const auto& m : rubric.models) {
        cited.push_back(m.annex);
        for (const auto& c : m.requires_) condition(c);
        for (const auto& adjustment : m.context) condition(adjustment.when);
        if (m.runs_when) condition(*m.runs_when);
    }
    const Advice& advice = rubric.advice;
    for (const AdviceRule* rule :
         {&advice.min_coverage, &advice.min_fit, &advice.already_runs, &advice.builds_on_running, &advice.considered})
        cited.push_back(rule->annex);
    for (const auto& step : advice.first_steps) {
        cited.push_back(step.annex);
        if (step.when) condition(*step.when);
    }
    return cited;
}

}  // namespace

TEST_CASE("every Annex section the default rubric set cites has a title in English and Spanish", "[reports][annex]") {
    const RubricSet& rubric = default_rubrics();
    std::vector<std::string> cited = cited_sections(rubric);
    REQUIRE(cited.size() > 100);
    for (const auto& id : cited) {
        INFO("Annex section '" << id << "'");
        const AnnexSection* section = rubric.find_annex_section(id);
        REQUIRE(section);
        CHECK_FALSE(section->title.en.empty());
        CHECK_FALSE(section->title.es.empty());
        CHECK(annex_citation(id, Lang::es, &rubric) == "Anexo " + id + " (" + section->title.es + ")");
        CHECK(annex_citation(id, Lang::en, &rubric) == "Annex " + id + " (" + section->title.en + ")");
    }
}

TEST_CASE("a section the rubric set does not name, or no titles, is cited by its bare number", "[reports][annex]") {
    CHECK(annex_citation("9.9.9", Lang::en, &default_rubrics()) == "Annex 9.9.9");
    CHECK(annex_citation("4.1.5", Lang::es, nullptr) == "Anexo 4.1.5");
}

TEST_CASE("reports cite the Annex with each section's title; the text report only with --explain", "[reports][annex]") {
    const RubricSet& rubric = default_rubrics();
    Assessment a = assess_file(source_dir() / "examples" / "universidad_estatal_es.yaml");
    const AnnexSection* funding = rubric.find_annex_section("4.1.5");
    REQUIRE(funding);
    const std::string titled = "Anexo 4.1.5 (" + funding->title.es + ")";
    for (const Report& report : reports_of(a, Lang::es)) {
        INFO(report.format);
        if (report.format == "text") {
            CHECK(report.has("Anexo "));
            for (const auto& section : rubric.annex_sections)
                CHECK_FALSE(report.has("Anexo " + section.id + " (" + section.title.es));
        } else {
            CHECK(report.has(titled));
        }
    }
    TextOptions explain;
    explain.lang = Lang::es;
    explain.explain = true;
    explain.width = 100000;
    CHECK(render_text(a, explain).find(titled) != std::string::npos);
}
