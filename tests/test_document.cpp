// The report document and its three emitters: what each format does with the same document.
#include <tinyxml2.h>

#include <catch2/catch.hpp>

#include "base/text_layout.hpp"
#include "render/emit.hpp"

using namespace tne;
using namespace tne::doc;

namespace {

Document sample() {
    Document d;
    d.title = Text("Plan — ").add("Universidad <b>X</b>", Style::strong);
    d.body.push_back(Facts{{{Text("Target"), Text("Joint degree")}, {Text("Now"), Text("fit 62/100")}}, ""});
    Table table;
    table.columns = {
        {Text("Dimension")}, {Text("Score"), ColumnKind::number}, {Text(""), ColumnKind::bar}, {Text("Level")}};
    table.rows.push_back(
        {Cell("Funding"), Cell("62"), Cell::bar(62, "62"), Cell(Text().tone("Consolidating", Tone::fair))});
    table.rows.push_back(
        {Cell("Language | culture"), Cell("8"), Cell::bar(8, "8"), Cell(Text().tone("Early", Tone::bad))});
    Section section{Text("Scores"), {}, "scores"};
    section.body.push_back(table);
    section.body.push_back(List{{ListItem{Text("first step, a long sentence that goes on and on so that it must wrap "
                                               "somewhere before the eightieth column of the terminal"),
                                          {Paragraph{Text("Lifts: a blocker"), ""}}}},
                                true,
                                ""});
    section.body.push_back(
        Command{"tne assess profile.yaml --set regulatory.approval_process=documented --format html"});
    d.body.push_back(section);
    d.body.push_back(Details{Text("How this was decided"), {Paragraph{Text("*Because* of [this]."), ""}}});
    return d;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
        lines.push_back(text.substr(start, end - start));
    return lines;
}

}  // namespace

TEST_CASE("document: text fits the width, aligns columns and draws bars", "[document]") {
    std::string out = render::text(sample(), {80, false});
    for (const auto& line : lines_of(out))
        if (line.find("tne assess") == std::string::npos) CHECK(display_width(line) <= 80);
    CHECK(out.find("Target: Joint degree\n") != std::string::npos);
    // Numbers right-aligned under their header, bars of 16 cells.
    CHECK(out.find("  Dimension           Score                    Level\n") != std::string::npos);
    CHECK(out.find("  Funding                62  ██████████░░░░░░  Consolidating\n") != std::string::npos);
    CHECK(out.find("  Language | culture      8  █░░░░░░░░░░░░░░░  Early\n") != std::string::npos);
    // A numbered item wraps under its words, and its body is indented under it.
    CHECK(out.find("  1. first step,") != std::string::npos);
    CHECK(out.find("\n     Lifts: a blocker\n") != std::string::npos);
    // Commands are never wrapped.
    CHECK(out.find("  tne assess profile.yaml --set regulatory.approval_process=documented --format html\n") !=
          std::string::npos);
    CHECK(out.find('\033') == std::string::npos);
}

TEST_CASE("document: text colour is only added on top of the words", "[document]") {
    std::string plain = render::text(sample(), {80, false});
    std::string coloured = render::text(sample(), {80, true});
    CHECK(coloured.find("\033[36mConsolidating\033[0m") != std::string::npos);
    CHECK(coloured.find("\033[1mScores\033[0m") != std::string::npos);
    std::string stripped;
    for (size_t i = 0; i < coloured.size(); ++i) {
        if (coloured[i] == '\033') {
            i = coloured.find('m', i);
            continue;
        }
        stripped += coloured[i];
    }
    CHECK(stripped == plain);
}

TEST_CASE("document: a table too wide for the terminal becomes one record per row", "[document]") {
    Document d;
    d.title = "T";
    Table table;
    table.columns = {{Text("Change")}, {Text("Action")}};
    table.rows.push_back({Cell(std::string(70, 'x')), Cell("write it down")});
    d.body.push_back(table);
    std::string out = render::text(d, {80, false});
    CHECK(out == "T\n- " + std::string(70, 'x') + "\n  Action: write it down\n");
}

TEST_CASE("document: a last column of numbers needs only its width; one of text wraps in 18 columns or more",
          "[document]") {
    Document d;
    d.title = "T";
    Table numbers;
    numbers.columns = {{Text("Name")}, {Text("Count"), ColumnKind::number}};
    numbers.rows.push_back({Cell(std::string(70, 'x')), Cell("7")});
    d.body.push_back(numbers);
    Table words;
    words.columns = {{Text("Name")}, {Text("Status")}};
    words.rows.push_back({Cell(std::string(60, 'y')), Cell("runs, fit below minimum")});
    d.body.push_back(words);
    std::string out = render::text(d, {80, false});
    CHECK(out.find("Name" + std::string(66, ' ') + "  Count\n" + std::string(70, 'x') + "      7\n") !=
          std::string::npos);
    CHECK(out.find(std::string(60, 'y') + "  runs, fit below\n" + std::string(62, ' ') + "minimum\n") !=
          std::string::npos);
}

TEST_CASE("document: Markdown escapes what it is given and drops bars", "[document]") {
    std::string out = render::markdown(sample());
    CHECK(out.rfind("# Plan — **Universidad &lt;b&gt;X&lt;/b&gt;**\n", 0) == 0);
    CHECK(out.find("<b>") == std::string::npos);
    CHECK(out.find("- **Target:** Joint degree\n") != std::string::npos);
    CHECK(out.find("## Scores\n") != std::string::npos);
    CHECK(out.find("| Dimension | Score | Level |\n| --- | ---: | --- |\n") != std::string::npos);
    CHECK(out.find("| Language \\| culture | 8 | Early |\n") != std::string::npos);
    CHECK(out.find("1. first step,") != std::string::npos);
    CHECK(out.find("\n   Lifts: a blocker\n") != std::string::npos);
    CHECK(out.find("```sh\ntne assess profile.yaml") != std::string::npos);
    CHECK(out.find("\\*Because\\* of \\[this\\].") != std::string::npos);
}

TEST_CASE("document: HTML is one well-formed page with folded details and named bars", "[document]") {
    Document d = sample();
    d.lang = Lang::es;
    std::string out = render::html(d);
    tinyxml2::XMLDocument xml;
    size_t start = out.find("<html");
    REQUIRE(start != std::string::npos);
    CHECK(xml.Parse(out.c_str() + start, out.size() - start) == tinyxml2::XML_SUCCESS);
    CHECK(out.find("<html lang=\"es\">") != std::string::npos);
    CHECK(out.find("<h1>Plan — <strong>Universidad &lt;b&gt;X&lt;/b&gt;</strong></h1>") != std::string::npos);
    CHECK(out.find("<section id=\"scores\">\n<h2>Scores</h2>") != std::string::npos);
    CHECK(out.find("role=\"img\" aria-label=\"62\"") != std::string::npos);
    CHECK(out.find("<td class=\"num\">62</td>") != std::string::npos);
    CHECK(out.find("<span class=\"tone-bad\">Early</span>") != std::string::npos);
    CHECK(out.find("<details>\n<summary>How this was decided</summary>") != std::string::npos);
    CHECK(out.find("<script") == std::string::npos);
}

TEST_CASE("document: HTML prints whole: folded details print open, nothing is hidden on paper", "[document]") {
    // The browser check (scripts/browser-test.sh) proves it in Chromium's PDF; this keeps the rules
    // without a browser. The print stylesheet is the @media print block, up to its closing brace.
    std::string out = render::html(sample());
    size_t start = out.find("@media print {");
    REQUIRE(start != std::string::npos);
    size_t end = start;
    int depth = 0;
    for (size_t i = start; i < out.size(); ++i) {
        if (out[i] == '{') ++depth;
        if (out[i] == '}' && --depth == 0) {
            end = i;
            break;
        }
    }
    REQUIRE(end > start);
    std::string print = out.substr(start, end - start);
    CHECK(print.find("details::details-content { display: block; content-visibility: visible; }") != std::string::npos);
    CHECK(print.find("h1, h2, h3, h4, h5, h6, summary { break-after: avoid; }") != std::string::npos);
    CHECK(print.find("display: none") == std::string::npos);
    CHECK(print.find("visibility: hidden") == std::string::npos);
}

TEST_CASE("document: the same document gives the same bytes", "[document]") {
    for (auto format : {render::HumanFormat::text, render::HumanFormat::markdown, render::HumanFormat::html})
        CHECK(render::emit(sample(), format) == render::emit(sample(), format));
}

TEST_CASE("document: a last column of figures needs only its width, not the room of words", "[document]") {
    Document d;
    d.title = "T";
    Table table;
    table.columns = {{Text("Name")}, {Text("Type")}, {Text("Score"), ColumnKind::number}};
    table.rows.push_back({Cell(std::string(40, 'n')), Cell(std::string(20, 't')), Cell("62.5")});
    d.body.push_back(table);
    std::string out = render::text(d, {80, false});  // 40 + 2 + 20 + 2 + 5 columns: fits as a table
    CHECK(out == "T\n" + std::string("Name") + std::string(38, ' ') + "Type" + std::string(18, ' ') + "Score\n" +
                     std::string(40, 'n') + "  " + std::string(20, 't') + "   62.5\n");
    // A last column of longer words wraps, and needs room to: one record per row.
    table.columns[2].kind = ColumnKind::text;
    table.rows[0][2] = Cell("a few words that need some room to wrap");
    d.body[0] = table;
    CHECK(render::text(d, {80, false}).find("- " + std::string(40, 'n') + "\n") != std::string::npos);
}

TEST_CASE("document: a cell's role is a class in HTML only", "[document]") {
    Document d;
    d.title = "T";
    Table table;
    table.role = "heat-map";
    table.columns = {{Text("Name")}, {Text("Score"), ColumnKind::number}};
    Cell score("85.2");
    score.role = "heat-4";
    table.rows.push_back({Cell("A"), score});
    d.body.push_back(table);
    CHECK(render::html(d).find("<table class=\"heat-map\">") != std::string::npos);
    CHECK(render::html(d).find("<td>A</td><td class=\"num heat-4\">85.2</td>") != std::string::npos);
    CHECK(render::markdown(d).find("| A | 85.2 |") != std::string::npos);
    CHECK(render::text(d, {80, false}).find("heat") == std::string::npos);
}
