// Tests of CSV survey input: the CSV reader's edge cases (with the place of every cell), the map and
// its checks against the rubric set, binding to a header, rows turned into validated profiles with
// errors at the cell, and the shipped example in examples/survey/.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <map>
#include <sstream>

#include "support.hpp"
#include "tne/profile.hpp"
#include "tne/survey.hpp"

using namespace tne::test;
namespace fs = std::filesystem;

namespace {

std::vector<tne::CsvRow> read_csv(const std::string& text, char delimiter = ',') {
    std::istringstream in(text);
    tne::CsvReader reader(in, delimiter);
    std::vector<tne::CsvRow> rows;
    while (auto row = reader.next()) rows.push_back(std::move(*row));
    return rows;
}

std::vector<std::string> texts(const tne::CsvRow& row) {
    std::vector<std::string> out;
    for (const auto& cell : row.cells) out.push_back(cell.text);
    return out;
}

struct Place {
    int line;
    int column;
};

std::vector<Place> places(const tne::CsvRow& row) {
    std::vector<Place> out;
    for (const auto& cell : row.cells) out.push_back({cell.line, cell.column});
    return out;
}

bool operator==(const Place& a, const Place& b) { return a.line == b.line && a.column == b.column; }

std::ostream& operator<<(std::ostream& out, const Place& p) { return out << p.line << ":" << p.column; }

// Line and column (1-based, in characters) where the only occurrence of `needle` starts.
Place place_of(const std::string& text, const std::string& needle) {
    size_t at = text.find(needle);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(needle, at + 1) == std::string::npos);
    int line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
    size_t start = text.rfind('\n', at);
    start = start == std::string::npos ? 0 : start + 1;
    int column = 1;
    for (size_t i = start; i < at; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    return {line, column};
}

// A map written to a temporary file and loaded against the default rubric set.
struct MapFile {
    TempDir dir;
    std::string path;
    explicit MapFile(const std::string& yaml) : path((dir.path() / "map.yaml").string()) { write_file(path, yaml); }
    tne::SurveyMap load() const { return tne::load_survey_map(path, default_rubrics()); }
};

std::vector<tne::Diagnostic> map_problems(const std::string& yaml) {
    MapFile file(yaml);
    try {
        file.load();
    } catch (const tne::InputError& e) {
        for (const auto& d : e.diagnostics()) CHECK(d.pos.file == file.path);
        return e.diagnostics();
    }
    FAIL("the map loaded, but it should have been rejected:\n" << yaml);
    return {};
}

const std::string kMap = R"(# a small map for the tests
unknown: ["No sé"]
labels:
  "Sí": yes
  "No": no
  "En parte": partial
fields:
  institution.name: Nombre
  institution.type:
    column: Tipo
    labels: {"Universidad pública": public_university, "Centro de investigación": research_center}
  institution.fields:
    column: Áreas
    labels: {STEM: stem, Negocios: business, "Educación": education, Ninguna: []}
  strategy.tne_plan:
    column: Plan
    labels: {"No": none, "Aprobado": approved}
  funding.dedicated_budget: Presupuesto
  language.faculty_b2_percent:
    column: "Profesores B2"
    labels: {"Menos de 10 %": 5}
  partnerships.active_agreements: Convenios
)";

const std::string kHeader = "Nombre,Tipo,Áreas,Plan,Presupuesto,Profesores B2,Convenios\n";

// The test map bound to `csv`'s header; rows() reads the rest.
struct Survey {
    MapFile file{kMap};
    tne::SurveyMap map = file.load();
    std::vector<tne::CsvRow> all;
    tne::BoundSurvey bound;

    explicit Survey(const std::string& csv) : all(read_csv(csv)) {
        REQUIRE_FALSE(all.empty());
        bound = tne::bind_survey(map, default_rubrics(), all.front(), "r.csv");
    }
    tne::Profile profile(size_t row = 1) const { return tne::survey_row_profile(bound, all.at(row)); }
    std::vector<tne::Diagnostic> problems(size_t row = 1) const {
        try {
            profile(row);
        } catch (const tne::InputError& e) {
            return e.diagnostics();
        }
        FAIL("row " << row << " loaded, but it should have been rejected");
        return {};
    }
};

tne::Profile row_profile(const std::string& row) { return Survey(kHeader + row).profile(); }

std::vector<tne::Diagnostic> row_problems(const std::string& row) { return Survey(kHeader + row).problems(); }

const tne::Value& value_of(const tne::Profile& profile, const std::string& path) {
    const tne::Answer* answer = profile.find(path);
    REQUIRE(answer != nullptr);
    return answer->value;
}

bool unknown(const tne::Profile& profile, const std::string& path) {
    const tne::Answer* answer = profile.find(path);
    return !answer || !answer->known();
}

using Items = std::vector<std::string>;

// Bytes shown with their line ends visible, for a failure's message.
std::string shown_bytes(const std::string& text) {
    std::string out;
    for (char ch : text) out += ch == '\r' ? std::string("\\r") : ch == '\n' ? std::string("\\n") : std::string(1, ch);
    return out;
}

}  // namespace

// ---- the CSV reader -------------------------------------------------------------------------------

TEST_CASE("the reader skips a byte-order mark and reads CRLF rows with their places", "[survey][csv]") {
    auto rows = read_csv("\xEF\xBB\xBFname,type\r\nUno,public\r\nDos,private\r\n");
    REQUIRE(rows.size() == 3);
    CHECK(texts(rows[0]) == Items{"name", "type"});
    CHECK(texts(rows[1]) == Items{"Uno", "public"});
    CHECK(texts(rows[2]) == Items{"Dos", "private"});
    for (int i = 0; i < 3; ++i) {
        CHECK(rows[static_cast<size_t>(i)].number == i);
        CHECK(rows[static_cast<size_t>(i)].line == i + 1);
        CHECK_FALSE(rows[static_cast<size_t>(i)].unterminated_quote);
    }
    CHECK(places(rows[0]) == std::vector<Place>{{1, 1}, {1, 6}});  // the mark is not a character
    CHECK(places(rows[2]) == std::vector<Place>{{3, 1}, {3, 5}});
}

TEST_CASE("quoted cells hold delimiters, quotes and line breaks; later cells keep their places", "[survey][csv]") {
    const std::string csv =
        "a,b,c\n"
        "\"Universidad del Norte, A.C.\",\"dijo \"\"sí\"\"\",x\n"
        "\"línea uno\r\nlínea dos\nlínea tres\",y,z\n"
        "last,\"\",\"\"\"\"\n";
    auto rows = read_csv(csv);
    REQUIRE(rows.size() == 4);
    CHECK(texts(rows[1]) == Items{"Universidad del Norte, A.C.", "dijo \"sí\"", "x"});
    CHECK(places(rows[1]) == std::vector<Place>{{2, 1}, {2, 31}, {2, 45}});
    // CRLF inside quotes becomes LF; the row starts on line 3 and its next cells are on line 5.
    CHECK(texts(rows[2]) == Items{"línea uno\nlínea dos\nlínea tres", "y", "z"});
    CHECK(rows[2].line == 3);
    CHECK(places(rows[2]) == std::vector<Place>{{3, 1}, {5, 13}, {5, 15}});
    CHECK(rows[3].line == 6);
    CHECK(rows[3].number == 3);
    CHECK(texts(rows[3]) == Items{"last", "", "\""});
}

TEST_CASE("a lone CR inside quotes is a line break, kept as LF", "[survey][csv]") {
    auto rows = read_csv("a,b\n\"x\ry\",z\n");
    REQUIRE(rows.size() == 2);
    CHECK(texts(rows[1]) == Items{"x\ny", "z"});
    CHECK(places(rows[1]) == std::vector<Place>{{2, 1}, {3, 4}});
}

TEST_CASE("CR alone ends a row as LF and CRLF do, with the same lines and columns", "[survey][csv]") {
    // Excel for Mac saves CSV with CR alone; the three kinds may even be mixed in one file.
    const std::string bom = "\xEF\xBB\xBF";
    const std::string lf = bom + "a,b\n1,2\n\n3,\"x\ny\"\n4,\"z\"\n";
    std::string cr = lf, crlf, mixed = bom + "a,b\r1,2\r\n\n3,\"x\ry\"\r\n4,\"z\"\r";
    std::replace(cr.begin(), cr.end(), '\n', '\r');
    for (char ch : lf) crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
    auto expected = read_csv(lf);
    REQUIRE(expected.size() == 4);
    CHECK(texts(expected[0]) == Items{"a", "b"});
    CHECK(texts(expected[2]) == Items{"3", "x\ny"});
    CHECK(places(expected[3]) == std::vector<Place>{{6, 1}, {6, 3}});
    for (const std::string& text : {cr, crlf, mixed}) {
        INFO(shown_bytes(text));
        auto rows = read_csv(text);
        REQUIRE(rows.size() == expected.size());
        for (size_t i = 0; i < rows.size(); ++i) {
            CHECK(texts(rows[i]) == texts(expected[i]));
            CHECK(places(rows[i]) == places(expected[i]));
            CHECK(rows[i].line == expected[i].line);
            CHECK(rows[i].number == expected[i].number);
        }
    }
    CHECK(read_csv("\r\r\n\r").empty());
}

TEST_CASE("errors in a CR-only file point at the right line", "[survey][row]") {
    std::string csv = kHeader + "U,Universidad pública,,,,,\nV,Universidad pública,,,,200,\n";
    std::replace(csv.begin(), csv.end(), '\n', '\r');
    Survey survey(csv);
    REQUIRE(survey.all.size() == 3);
    CHECK(survey.profile(1).text("institution.name") == "U");
    auto problems = survey.problems(2);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pos.str() == "r.csv:3:26");
    CHECK_THAT(problems[0].message.en, Catch::StartsWith("column \"Profesores B2\": \"200\" is not valid"));
}

TEST_CASE("empty cells are read, including a last one", "[survey][csv]") {
    auto rows = read_csv("a,b,c,d\n,,x,\n");
    REQUIRE(rows.size() == 2);
    CHECK(texts(rows[1]) == Items{"", "", "x", ""});
    CHECK(places(rows[1]) == std::vector<Place>{{2, 1}, {2, 2}, {2, 3}, {2, 5}});
}

TEST_CASE("the last row needs no line end, and blank lines are not rows", "[survey][csv]") {
    auto with_end = read_csv("a,b\n1,2\n");
    auto without_end = read_csv("a,b\n1,2");
    REQUIRE(with_end.size() == 2);
    REQUIRE(without_end.size() == 2);
    CHECK(texts(with_end[1]) == texts(without_end[1]));

    auto rows = read_csv("a,b\r\n\r\n1,2\n\n\n3,4\r\n\r\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].number == 1);
    CHECK(rows[1].line == 3);
    CHECK(rows[2].number == 2);
    CHECK(rows[2].line == 6);
    CHECK(texts(rows[2]) == Items{"3", "4"});
    CHECK(read_csv("").empty());
    CHECK(read_csv("\xEF\xBB\xBF\r\n").empty());
}

TEST_CASE("an unterminated quote ends the input with a flagged row", "[survey][csv]") {
    auto rows = read_csv("a,b\n1,2\n3,\"abierta\n4,5\n");
    REQUIRE(rows.size() == 3);
    CHECK_FALSE(rows[1].unterminated_quote);
    CHECK(rows[2].unterminated_quote);
    CHECK(rows[2].line == 3);
    CHECK(texts(rows[2]) == Items{"3", "abierta\n4,5\n"});
    CHECK(places(rows[2]) == std::vector<Place>{{3, 1}, {3, 3}});
}

TEST_CASE("columns are counted in characters, not bytes", "[survey][csv]") {
    auto rows = read_csv("h1,h2,h3,h4\nSí,ñandú,“x”,z\n");
    REQUIRE(rows.size() == 2);
    CHECK(places(rows[1]) == std::vector<Place>{{2, 1}, {2, 4}, {2, 10}, {2, 14}});
}

// Hands its text out a few bytes at a time, as a pipe may: the reader's runs, its quotes and its
// CRLFs then straddle every kind of boundary between its reads.
class Trickle : public std::streambuf {
public:
    explicit Trickle(std::string text) : text_(std::move(text)) {}

private:
    int_type underflow() override {
        if (at_ == text_.size()) return traits_type::eof();
        const size_t size = std::min<size_t>(1 + at_ % 5, text_.size() - at_);
        char* start = text_.data() + at_;
        setg(start, start, start + size);
        at_ += size;
        return traits_type::to_int_type(*start);
    }

    std::string text_;
    size_t at_ = 0;
};

TEST_CASE("a row reads the same whatever pieces its input arrives in", "[survey][csv]") {
    std::string text = "\xEF\xBB\xBFh1,h2,h3\r\n";
    for (int i = 0; i < 3000; ++i)  // about 100 KB: read in one piece below, past the reader's 64 KB block
        text += "\"q\"\"" + std::to_string(i) + "\r\nx\",ñandú" + std::to_string(i) + ",plain " + std::to_string(i) +
                "\r\n";
    Trickle trickle(text);
    std::istream in(&trickle);
    tne::CsvReader reader(in);
    std::vector<tne::CsvRow> rows;
    while (auto row = reader.next()) rows.push_back(std::move(*row));
    REQUIRE(rows.size() == 3001);
    CHECK(texts(rows[0]) == Items{"h1", "h2", "h3"});
    for (int i = 0; i < 3000; ++i) {
        const tne::CsvRow& row = rows[static_cast<size_t>(i) + 1];
        const std::string n = std::to_string(i);
        const int line = 2 + 2 * i;
        INFO("row " << i);
        CHECK(texts(row) == Items{"q\"" + n + "\nx", "ñandú" + n, "plain " + n});
        CHECK(places(row) == std::vector<Place>{{line, 1}, {line + 1, 4}, {line + 1, 10 + static_cast<int>(n.size())}});
    }
    // And the same as read from a string in one piece.
    auto whole = read_csv(text);
    REQUIRE(whole.size() == rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        CHECK(texts(whole[i]) == texts(rows[i]));
        CHECK(places(whole[i]) == places(rows[i]));
    }
}

TEST_CASE("the delimiter can be a semicolon", "[survey][csv]") {
    auto rows = read_csv("a;b\n\"1;5\";2,5\n", ';');
    REQUIRE(rows.size() == 2);
    CHECK(texts(rows[1]) == Items{"1;5", "2,5"});
}

// ---- the map --------------------------------------------------------------------------------------

TEST_CASE("a map loads with its settings, labels and fields in order", "[survey][map]") {
    MapFile file("delimiter: \";\"\nlist_separator: \"|\"\n" + kMap);
    tne::SurveyMap map = file.load();
    CHECK(map.source == file.path);
    CHECK(map.delimiter == ';');
    CHECK(map.list_separator == "|");
    CHECK(map.unknown == Items{"No sé"});
    CHECK(map.labels.at("Sí") == "yes");  // unquoted yes/no are strings, not booleans
    CHECK(map.labels.at("No") == "no");
    REQUIRE(map.fields.size() == 7);
    CHECK(map.fields[0].path == "institution.name");
    CHECK(map.fields[0].column == "Nombre");
    CHECK(map.fields[0].pos.line == 10);
    CHECK(map.fields[0].pos.column == 3);
    CHECK(map.fields[1].labels.at("Universidad pública") == "public_university");
    CHECK(map.fields[2].list_labels.at("Ninguna").empty());
    CHECK(map.fields[5].column == "Profesores B2");
}

TEST_CASE("label targets work quoted or not, and ~ means unknown", "[survey][map]") {
    MapFile file(
        "labels: {Sí: \"yes\", \"no\": no, Parcial: 'partial', Nose: ~}\n"
        "fields:\n"
        "  institution.name: N\n"
        "  institution.type: T\n"
        "  funding.co_funding:\n"
        "    column: C\n"
        "    labels: {Tal vez: ~}\n");
    tne::SurveyMap map = file.load();
    CHECK(map.labels.at("Sí") == "yes");
    CHECK(map.labels.at("no") == "no");
    CHECK(map.labels.at("Parcial") == "partial");
    CHECK(map.unknown == Items{"Nose"});
    CHECK(map.fields[2].unknown == Items{"Tal vez"});
}

TEST_CASE("an unknown question path suggests the closest one", "[survey][map]") {
    const std::string yaml = kMap + "  funding.dedicated_budgt: Otra\n  funding.nothing_like_it: X\n";
    auto problems = map_problems(yaml);
    REQUIRE(problems.size() == 2);
    Place typo = place_of(yaml, "funding.dedicated_budgt");
    CHECK(problems[0].pos.line == typo.line);
    CHECK(problems[0].pos.column == typo.column);
    CHECK(problems[0].message.en ==
          "no question \"funding.dedicated_budgt\" in the rubric set; did you mean \"funding.dedicated_budget\"?");
    CHECK(problems[0].message.es ==
          "no existe la pregunta \"funding.dedicated_budgt\"; ¿quiso decir "
          "\"funding.dedicated_budget\"?");
    CHECK(problems[1].message.en == "no question \"funding.nothing_like_it\" in the rubric set");
}

TEST_CASE("a question mapped twice is reported at its second place", "[survey][map]") {
    const std::string yaml = kMap + "  funding.dedicated_budget: Otra\n";
    auto problems = map_problems(yaml);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pos.line == place_of(yaml, "funding.dedicated_budget: Otra").line);
    CHECK(problems[0].pos.column == 3);
    CHECK(problems[0].message.en == "the key \"funding.dedicated_budget\" is given twice; a key may appear once");
}

TEST_CASE("a label that translates to a value the question does not have is an error", "[survey][map]") {
    const std::string yaml =
        "fields:\n"
        "  institution.name: N\n"
        "  institution.type:\n"
        "    column: T\n"
        "    labels: {Pública: public, Privada: private_university}\n"
        "  funding.co_funding:\n"
        "    column: C\n"
        "    labels: {En parte: parciall}\n"
        "  language.faculty_b2_percent:\n"
        "    column: P\n"
        "    labels: {Casi todos: 120, Muchos: \"60 %\"}\n"
        "  partnerships.uk_partners:\n"
        "    column: U\n"
        "    labels: {Pocos: 2.5}\n"
        "  funding.dedicated_budget:\n"
        "    column: B\n"
        "    labels: {Todo: [yes]}\n";
    auto problems = map_problems(yaml);
    REQUIRE(problems.size() == 5);
    CHECK(problems[0].pos.line == 5);
    CHECK(problems[0].pos.column == 24);  // YAML columns are counted in bytes, as for profiles
    CHECK(problems[0].message.en ==
          "institution.type: the label \"Pública\" translates to \"public\", which is not one of: public_university, "
          "private_university, technological_institute, research_center");
    CHECK(problems[1].pos.line == 8);
    CHECK(problems[1].pos.column == 24);
    CHECK(problems[1].message.en ==
          "funding.co_funding: the label \"En parte\" translates to \"parciall\"; did you mean \"parcial\"?");
    CHECK(problems[1].message.es ==
          "financiamiento.cofinanciamiento: la etiqueta \"En parte\" se traduce como \"parciall\"; ¿quiso decir "
          "\"parcial\"?");
    CHECK(problems[2].pos.line == 11);
    CHECK(problems[2].message.en ==
          "language.faculty_b2_percent: the label \"Casi todos\" translates to \"120\"; expected a number in 0 .. 100");
    CHECK(problems[3].pos.line == 14);
    CHECK(problems[3].message.en ==
          "partnerships.uk_partners: the label \"Pocos\" translates to \"2.5\"; expected a whole number in 0 .. 500");
    CHECK(problems[4].pos.line == 17);
    CHECK(problems[4].message.en ==
          "funding.dedicated_budget: the label \"Todo\" translates to a list, but the question takes a single answer");
}

TEST_CASE("a label for every column must mean something to a mapped question", "[survey][map]") {
    const std::string yaml = "labels:\n  Sí: yess\n  No: no\n" + kMap.substr(kMap.find("fields:"));
    auto problems = map_problems(yaml);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pos.line == 2);
    CHECK(problems[0].pos.column == 8);  // in bytes: "Sí" is three
    CHECK(problems[0].message.en ==
          "the label \"Sí\" translates to \"yess\", which no question of the map accepts; did you mean \"yes\"?");
}

TEST_CASE("two labels that differ only in case or spaces are an error", "[survey][map]") {
    const std::string yaml = "labels:\n  \"Sí\": yes\n  \" SÍ \": no\n" + kMap.substr(kMap.find("fields:"));
    auto problems = map_problems(yaml);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pos.line == 3);
    CHECK(problems[0].pos.column == 3);
    CHECK(problems[0].message.en ==
          "the label \" SÍ \" is the same as \"Sí\" when case and surrounding spaces are ignored");
}

TEST_CASE("the map must name the columns of the required questions", "[survey][map]") {
    const std::string yaml = "# no type\nfields:\n  institution.name: Nombre\n  funding.co_funding: C\n";
    auto problems = map_problems(yaml);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pos.line == 3);  // the fields map
    CHECK(problems[0].pos.column == 3);
    CHECK(problems[0].message.en == "the map must name the column of institution.type, a required question");
    CHECK(problems[0].message.es == "el mapa debe indicar la columna de institución.tipo, una pregunta obligatoria");

    auto none = map_problems("delimiter: \",\"\n");
    REQUIRE(none.size() == 2);
    CHECK(none[0].message.en == "the map must name the column of institution.name, a required question");
    CHECK(none[1].message.en == "the map must name the column of institution.type, a required question");
}

TEST_CASE("the map's own keys and settings are checked", "[survey][map]") {
    const std::string yaml = "delimeter: \";\"\nlist_separator: \"\"\n" + kMap;
    auto problems = map_problems(yaml);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].pos.line == 1);
    CHECK(problems[0].pos.column == 1);
    CHECK(problems[0].message.en.find("unknown key \"delimeter\" in ") == 0);
    CHECK(problems[0].message.en.find("did you mean \"delimiter\"?") != std::string::npos);
    CHECK(problems[1].pos.line == 2);
    CHECK(problems[1].pos.column == 17);

    auto delimiter = map_problems("delimiter: \";;\"\n" + kMap);
    REQUIRE(delimiter.size() == 1);
    CHECK(delimiter[0].message.en == "\";;\" is not a delimiter; expected one character such as \",\" or \";\"");

    auto field = map_problems(kMap + "  funding.co_funding: [A, B]\n  research.shared_facilities:\n    colum: X\n");
    REQUIRE(field.size() == 3);
    CHECK(
        field[0].message.en ==
        "funding.co_funding: expected the column's header text, or a map with \"column\" and \"labels\", found [...]");
    CHECK(field[1].message.en == "unknown key \"colum\" in research.shared_facilities; did you mean \"column\"?");
    CHECK(field[2].message.en == "missing key \"column\" in research.shared_facilities");
}

TEST_CASE("a map that is not YAML or not a map is reported", "[survey][map]") {
    auto syntax = map_problems("fields: [\n");
    REQUIRE(syntax.size() == 1);
    CHECK(syntax[0].message.en.find("invalid YAML") == 0);
    auto list = map_problems("- a\n- b\n");
    REQUIRE(list.size() == 1);
    CHECK(list[0].message.en.find("a survey map is a map with \"fields\"") == 0);
    CHECK_THROWS_AS(tne::load_survey_map("/nonexistent/map.yaml", default_rubrics()), tne::InputError);
}

TEST_CASE("two questions may read the same column", "[survey][map]") {
    MapFile file(
        "fields:\n  institution.name: N\n  institution.type: T\n  funding.co_funding: Ambas\n"
        "  funding.dedicated_budget: Ambas\n");
    tne::SurveyMap map = file.load();
    auto rows = read_csv("N,T,Ambas\nU,research_center,partial\n");
    tne::BoundSurvey bound = tne::bind_survey(map, default_rubrics(), rows[0], "r.csv");
    CHECK(bound.column_of_field == std::vector<int>{0, 1, 2, 2});
    tne::Profile profile = tne::survey_row_profile(bound, rows[1]);
    CHECK(profile.text("funding.co_funding") == "partial");
    CHECK(profile.text("funding.dedicated_budget") == "partial");
    const tne::Answer* co_funding = profile.find("funding.co_funding");
    const tne::Answer* budget = profile.find("funding.dedicated_budget");
    CHECK(co_funding->line == budget->line);
    CHECK(co_funding->column == budget->column);
}

// ---- binding to the header ------------------------------------------------------------------------

TEST_CASE("a column the map names must be in the header", "[survey][bind]") {
    MapFile file(kMap);
    tne::SurveyMap map = file.load();
    auto rows = read_csv("\xEF\xBB\xBFNombre , Tipo,Areas,Plan,Presupuesto,Profesores B2\n");
    try {
        tne::bind_survey(map, default_rubrics(), rows[0], "r.csv");
        FAIL("bound a header without two of the map's columns");
    } catch (const tne::InputError& e) {
        REQUIRE(e.diagnostics().size() == 2);
        const auto& first = e.diagnostics()[0];
        CHECK(first.pos.str() == "r.csv:1:1");
        CHECK(first.message.en ==
              "the map's column \"Áreas\" (for institution.fields) is not in the header; did you mean \"Areas\"?");
        CHECK(first.message.es ==
              "la columna \"Áreas\" del mapa (para institución.áreas) no está en el encabezado; ¿quiso decir "
              "\"Areas\"?");
        CHECK(e.diagnostics()[1].message.en ==
              "the map's column \"Convenios\" (for partnerships.active_agreements) is not in the header");
    }
}

TEST_CASE("headers match after trimming, in any order, and unmapped columns are ignored", "[survey][bind]") {
    MapFile file(kMap);
    tne::SurveyMap map = file.load();
    auto rows = read_csv("Comentario,\" Convenios \",Profesores B2,Presupuesto,Plan,Áreas,Tipo,\xEF\xBB\xBFNombre\n");
    tne::BoundSurvey bound = tne::bind_survey(map, default_rubrics(), rows[0], "r.csv");
    CHECK(bound.column_of_field == std::vector<int>{7, 6, 5, 4, 3, 2, 1});
    CHECK(bound.header.at(1) == "Convenios");
}

// Found by fuzz_csv: every missing column was compared with every header cell by edit distance
// (a 1 MB cell: 4 s), and accents were stripped by rescanning the cell for each (time growing with
// the square of the cell's length). A cell far longer or shorter than a column's name is passed over.
TEST_CASE("a megabyte-long header cell is passed over when suggesting a column", "[survey][bind][fuzz]") {
    MapFile file(kMap);
    tne::SurveyMap map = file.load();
    std::string accented;
    for (int i = 0; i < 500'000; ++i) accented += "Á";  // 1 MB
    auto rows = read_csv("Nombre,Tipo,Areas,Plan,Presupuesto,Profesores B2," + accented + "," +
                         std::string(1'000'000, 'x') + "\n");
    auto start = std::chrono::steady_clock::now();
    try {
        tne::bind_survey(map, default_rubrics(), rows[0], "r.csv");
        FAIL("bound a header without two of the map's columns");
    } catch (const tne::InputError& e) {
        REQUIRE(e.diagnostics().size() == 2);
        CHECK(e.diagnostics()[0].message.en ==
              "the map's column \"Áreas\" (for institution.fields) is not in the header; did you mean \"Areas\"?");
        CHECK(e.diagnostics()[1].message.en ==
              "the map's column \"Convenios\" (for partnerships.active_agreements) is not in the header");
    }
    // 0.03 s now, 7 s before; generous for sanitizer builds and busy machines.
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("a header the map uses twice is ambiguous", "[survey][bind]") {
    MapFile file(kMap);
    tne::SurveyMap map = file.load();
    auto rows = read_csv(kHeader.substr(0, kHeader.size() - 1) + ",Otra,Plan\n");
    try {
        tne::bind_survey(map, default_rubrics(), rows[0], "r.csv");
        FAIL("bound an ambiguous header");
    } catch (const tne::InputError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics()[0].pos.str() == "r.csv:1:65");
        CHECK(e.diagnostics()[0].message.en ==
              "the column \"Plan\" appears twice in the header (columns 4 and 9); the map cannot tell which to read");
    }
}

// ---- rows -----------------------------------------------------------------------------------------

TEST_CASE("a row becomes a profile with every answer at its cell", "[survey][row]") {
    const std::string csv =
        kHeader + "Universidad de Prueba,Universidad pública,STEM;Negocios,Aprobado,En parte,35 %,12\n";
    Survey survey(csv);
    tne::Profile profile = survey.profile();
    CHECK(profile.source == "r.csv:2");
    CHECK(profile.text("institution.name") == "Universidad de Prueba");
    CHECK(profile.text("institution.type") == "public_university");
    CHECK(std::get<Items>(value_of(profile, "institution.fields")) == Items{"stem", "business"});
    CHECK(profile.text("strategy.tne_plan") == "approved");
    CHECK(profile.text("funding.dedicated_budget") == "partial");
    CHECK(std::get<double>(value_of(profile, "language.faculty_b2_percent")) == 35);
    CHECK(std::get<double>(value_of(profile, "partnerships.active_agreements")) == 12);
    const tne::Answer* plan = profile.find("strategy.tne_plan");
    CHECK(profile.source == "r.csv:2");
    CHECK(plan->line == 2);
    CHECK(plan->column == 57);
    CHECK(place_of(csv, "Aprobado").column == 57);
    CHECK(profile.find("partnerships.active_agreements")->column == 80);
}

TEST_CASE("labels match ignoring case, Spanish capitals and surrounding spaces", "[survey][row]") {
    CHECK(row_profile("U,  UNIVERSIDAD PÚBLICA ,,,sí,,\n").text("institution.type") == "public_university");
    CHECK(row_profile("U,centro de INVESTIGACIÓN,,,\" EN PARTE \",,\n").text("funding.dedicated_budget") == "partial");
    CHECK(row_profile("U,Universidad pública,,,SÍ,,\n").text("funding.dedicated_budget") == "yes");
    // Not the map's label, but the rubric's own, accents and case folded, as in a profile.
    CHECK(row_profile("U,Universidad pública,,,SI,,\n").text("funding.dedicated_budget") == "yes");
    auto problems = row_problems("U,Universidad pública,,,SIN,,\n");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.en ==
          "column \"Presupuesto\": \"SIN\" is not valid; expected one of: \"En parte\", \"No\", \"Sí\" (did you "
          "mean \"Sí\"?)");
}

TEST_CASE("a column's labels win over the map's, and other text passes through", "[survey][row]") {
    tne::Profile plan = row_profile("U,Universidad pública,,No,No,,\n");
    CHECK(plan.text("strategy.tne_plan") == "none");       // the column's own "No"
    CHECK(plan.text("funding.dedicated_budget") == "no");  // the map's "No"
    tne::Profile ids = row_profile("U,research_center,education,draft,partial,35,0\n");
    CHECK(ids.text("institution.type") == "research_center");
    CHECK(std::get<Items>(value_of(ids, "institution.fields")) == Items{"education"});
    CHECK(ids.text("strategy.tne_plan") == "draft");
    CHECK(ids.text("funding.dedicated_budget") == "partial");
    // A name is never translated by the map's labels.
    CHECK(row_profile("No,Universidad pública,,,,,\n").text("institution.name") == "No");
}

TEST_CASE("percentages and counts are read with or without a percent sign", "[survey][row]") {
    for (std::string cell : {"35", "35 %", "35%", " 35 % "}) {
        INFO(cell);
        CHECK(std::get<double>(value_of(row_profile("U,Universidad pública,,,,\"" + cell + "\",\n"),
                                        "language.faculty_b2_percent")) == 35);
    }
    CHECK(std::get<double>(value_of(row_profile("U,Universidad pública,,,,12.5,\n"), "language.faculty_b2_percent")) ==
          12.5);
    CHECK(std::get<double>(
              value_of(row_profile("U,Universidad pública,,,,menos de 10 %,\n"), "language.faculty_b2_percent")) == 5);
}

TEST_CASE("empty cells and unknown labels are unknown answers", "[survey][row]") {
    tne::Profile profile = row_profile("U,Universidad pública,No sé,  ,no sé,,NO SÉ\n");
    CHECK(unknown(profile, "institution.fields"));
    CHECK(unknown(profile, "strategy.tne_plan"));
    CHECK(unknown(profile, "funding.dedicated_budget"));
    CHECK(unknown(profile, "language.faculty_b2_percent"));
    CHECK(unknown(profile, "partnerships.active_agreements"));
    CHECK(profile.answers.size() == 2);
}

TEST_CASE("list cells are split, trimmed and translated item by item", "[survey][row]") {
    CHECK(std::get<Items>(value_of(row_profile("U,Universidad pública, STEM ;negocios;;Educación ,,,,\n"),
                                   "institution.fields")) == Items{"stem", "business", "education"});
    CHECK(std::get<Items>(value_of(row_profile("U,Universidad pública,Ninguna,,,,\n"), "institution.fields")).empty());
    CHECK(std::get<Items>(value_of(row_profile("U,Universidad pública,stem;No sé,,,,\n"), "institution.fields")) ==
          Items{"stem"});

    const std::string twice = "U,Universidad pública,STEM;Negocios;stem,,,,\n";
    auto duplicate = row_problems(twice);
    REQUIRE(duplicate.size() == 1);
    Place at = place_of(kHeader + twice, "STEM;");
    CHECK(duplicate[0].pos.line == at.line);
    CHECK(duplicate[0].pos.column == at.column);
    CHECK(duplicate[0].message.en ==
          "column \"Áreas\": \"STEM;Negocios;stem\" gives \"stem\" twice; each answer may "
          "appear once");

    auto wrong = row_problems("U,Universidad pública,STEM;Negocio,,,,\n");
    REQUIRE(wrong.size() == 1);
    CHECK(wrong[0].message.en ==
          "column \"Áreas\": \"STEM;Negocio\" is not valid; expected answers separated by \";\", each one of: "
          "\"Educación\", \"Negocios\", \"Ninguna\", \"STEM\" (did you mean \"Negocios\"?)");
}

TEST_CASE("a bad answer is reported at its cell with the header, the value and what was expected", "[survey][row]") {
    const std::string row = "Universidad de Prueba,Universidad Publca,STEM,Aprobado,Tal vez,150 %,\"1,200\"\n";
    const std::string csv = kHeader + row;
    Survey survey(csv);
    auto problems = survey.problems();
    REQUIRE(problems.size() == 4);
    struct Expected {
        std::string cell;
        std::string en;
    };
    std::vector<Expected> expected = {
        {"Universidad Publca",
         "column \"Tipo\": \"Universidad Publca\" is not valid; expected one of: \"Centro de investigación\", "
         "\"Universidad pública\" (did you mean \"Universidad pública\"?)"},
        {"Tal vez", "column \"Presupuesto\": \"Tal vez\" is not valid; expected one of: \"En parte\", \"No\", \"Sí\""},
        {"150 %",
         "column \"Profesores B2\": \"150 %\" is not valid; expected a percentage from 0 to 100, such as \"35\" or "
         "\"35 %\", or one of: \"Menos de 10 %\""},
        {"\"1,200\"",  // nothing in the file says which mark it uses
         "column \"Convenios\": \"1,200\" is 1200 with a decimal point and 1.2 with a decimal comma, and no number "
         "of the file says which it uses; set `decimal: point` or `decimal: comma` in the map"},
    };
    for (size_t i = 0; i < expected.size(); ++i) {
        INFO(problems[i].str(tne::Lang::en));
        Place at = place_of(csv, expected[i].cell);
        CHECK(problems[i].pos.file == "r.csv");
        CHECK(problems[i].pos.line == at.line);
        CHECK(problems[i].pos.column == at.column);
        CHECK(problems[i].message.en == expected[i].en);
        CHECK(problems[i].message.es.find("columna \"") == 0);
    }
    CHECK(problems[2].message.es ==
          "columna \"Profesores B2\": \"150 %\" no es válido; se esperaba un porcentaje de 0 a 100, como \"35\" o "
          "\"35 %\", o uno de: \"Menos de 10 %\"");
}

TEST_CASE("a count must be whole and within its range", "[survey][row]") {
    for (std::string cell : {"2.5", "2001", "-1", "muchos", "12 %", "-", "1.", ".5"}) {
        INFO(cell);
        auto problems = row_problems("U,Universidad pública,,,,," + cell + "\n");
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].pos.column == place_of("U,Universidad pública,,,,," + cell, cell).column);
        CHECK(problems[0].message.en == "column \"Convenios\": \"" + cell +
                                            "\" is not valid; expected a whole number from 0 to 2000, without "
                                            "thousands separators");
    }
}

TEST_CASE("a missing required answer is reported at its cell", "[survey][row]") {
    const std::string csv = kHeader + "a,b,c,d,e,f,g\n  ,Universidad pública,,,,,\n";
    Survey survey(csv);
    auto problems = survey.problems(2);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pos.str() == "r.csv:3:1");
    CHECK(problems[0].message.en == "column \"Nombre\": \"  \" gives no answer, but institution.name is required");
    CHECK(problems[0].message.es ==
          "columna \"Nombre\": \"  \" no da una respuesta, pero institución.nombre es obligatoria");

    auto both = row_problems("No sé,,,,,,\n");
    REQUIRE(both.size() == 2);
    CHECK(both[0].pos.str() == "r.csv:2:1");
    CHECK(both[0].message.en == "column \"Nombre\": \"No sé\" gives no answer, but institution.name is required");
    CHECK(both[1].pos.str() == "r.csv:2:7");
    CHECK(both[1].message.en == "column \"Tipo\": \"\" gives no answer, but institution.type is required");
}

TEST_CASE("a row with the wrong number of cells or an open quote is reported at its line", "[survey][row]") {
    Survey survey(kHeader + "U,Universidad pública,,,,,\n\nU,Universidad pública,,\nV,Universidad pública,,,,,,,\n" +
                  "W,\"Universidad pública,,,,,\n");
    auto few = survey.problems(2);
    REQUIRE(few.size() == 1);
    CHECK(few[0].pos.str() == "r.csv:4:1");
    CHECK(few[0].message.en == "row 2 has 4 cells; the header has 7");
    CHECK(few[0].message.es == "la fila 2 tiene 4 celdas; el encabezado tiene 7");
    auto many = survey.problems(3);
    REQUIRE(many.size() == 1);
    CHECK(many[0].message.en == "row 3 has 9 cells; the header has 7");
    auto open = survey.problems(4);
    REQUIRE(open.size() == 1);
    CHECK(open[0].pos.str() == "r.csv:6:1");
    CHECK(open[0].message.en ==
          "the quoted cell that starts at line 6, column 3 has no closing quote (\"); the file ends inside it");
    CHECK(survey.all.size() == 5);  // nothing after the open quote
}

TEST_CASE("text with quotes, backslashes and line breaks reaches the profile unchanged", "[survey][row]") {
    const std::string name = "Instituto \"Benito\" \\ de la Sierra: sede\nnorte # uno";
    std::string quoted;
    for (char ch : name) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    tne::Profile profile = row_profile("\"" + quoted + "\",Universidad pública,,,,,\n");
    CHECK(profile.text("institution.name") == name);
}

TEST_CASE("a cell that is not UTF-8 asks for a UTF-8 export", "[survey][row]") {
    auto problems = row_problems("U,Universidad pública,,,S\xED,,\n");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pos.str() == "r.csv:2:25");
    CHECK(problems[0].message.en ==
          "column \"Presupuesto\": the cell is not UTF-8 text; export the survey as \"CSV UTF-8\"");
}

TEST_CASE("a profile from a CSV row equals the same profile written in YAML", "[survey][row]") {
    tne::Profile from_csv =
        row_profile("\"Universidad de Prueba, A.C.\",Centro de investigación,Negocios;STEM,No,Sí,Menos de 10 %,40\n");
    tne::Profile from_yaml = tne::load_profile(
        "institution:\n"
        "  name: \"Universidad de Prueba, A.C.\"\n"
        "  type: research_center\n"
        "  fields: [business, stem]\n"
        "strategy:\n"
        "  tne_plan: none\n"
        "funding:\n"
        "  dedicated_budget: yes\n"
        "language:\n"
        "  faculty_b2_percent: 5\n"
        "partnerships:\n"
        "  active_agreements: 40\n",
        "p.yaml", default_rubrics());
    REQUIRE(from_csv.answers.size() == from_yaml.answers.size());
    for (const auto& answer : from_yaml.answers) {
        const std::string& path = answer.question->path;
        INFO(path);
        REQUIRE(from_csv.find(path) != nullptr);
        CHECK(from_csv.find(path)->value == answer.value);
    }
}

// ---- the shipped example --------------------------------------------------------------------------

TEST_CASE("the shipped survey: 40 rows load and the 4 broken ones fail at their lines", "[survey][example]") {
    const fs::path dir = source_dir() / "examples" / "survey";
    tne::SurveyMap map = tne::load_survey_map((dir / "mapa.yaml").string(), default_rubrics());
    const std::string file = (dir / "respuestas.csv").string();
    const std::string text = read_file(file);
    CHECK(text.rfind("\xEF\xBB\xBF", 0) == 0);           // a byte-order mark, as Excel writes it
    CHECK(text.find("\r\n") != std::string::npos);       // CRLF line ends
    CHECK(text.find("\n", 0) == text.find("\r\n") + 1);  // the first line ends in CRLF

    std::ifstream in(file, std::ios::binary);
    tne::CsvReader reader(in, map.delimiter);
    auto header = reader.next();
    REQUIRE(header);
    tne::BoundSurvey survey = tne::bind_survey(map, default_rubrics(), *header, file);
    CHECK(survey.header.size() == 66);

    std::map<std::string, int> types;
    std::map<int, std::string> failed;  // line -> first message
    int loaded = 0, rows = 0;
    while (auto row = reader.next()) {
        ++rows;
        try {
            tne::Profile profile = tne::survey_row_profile(survey, *row);
            ++loaded;
            ++types[profile.text("institution.type")];
            CHECK(profile.answers.size() > 50);
        } catch (const tne::InputError& e) {
            REQUIRE(e.diagnostics().size() == 1);
            failed[row->line] = e.diagnostics()[0].str(tne::Lang::en);
        }
    }
    CHECK(rows == 44);
    CHECK(loaded == 40);
    CHECK(types == std::map<std::string, int>{{"public_university", 16},
                                              {"private_university", 8},
                                              {"technological_institute", 8},
                                              {"research_center", 8}});
    REQUIRE(failed.size() == 4);
    auto line_of = [&](const std::string& needle) { return place_of(text, needle).line; };
    CHECK(failed.count(line_of("Universidad tecnológica")));
    CHECK(failed[line_of("Universidad tecnológica")].find(
              "column \"Tipo de institución\": \"Universidad tecnológica\" is not valid; expected one of: ") !=
          std::string::npos);
    CHECK(failed.count(10));
    CHECK(failed.count(19));
    CHECK(failed.count(28));
    CHECK(failed.count(35));
    CHECK(failed[19].find(
              "column \"Porcentaje de programas con acreditación nacional vigente\": \"150\" is not valid; expected a "
              "percentage from 0 to 100") != std::string::npos);
    CHECK(failed[28].find(":28:") != std::string::npos);
    CHECK(failed[28].find("column \"Nombre de la institución\": \"\" gives no answer, but institution.name is "
                          "required") != std::string::npos);
    CHECK(failed[35].find(":35:1: row 33 has 34 cells; the header has 66") != std::string::npos);
}

// ---- a header read with the wrong delimiter -------------------------------------------------------

namespace {

// The problems of binding `header` (one CSV line) to the map `map_yaml`; fails the test when it binds.
struct Binding {
    MapFile file;
    std::vector<tne::Diagnostic> problems;

    Binding(const std::string& map_yaml, const std::string& header) : file(map_yaml) {
        tne::SurveyMap map = file.load();
        auto rows = read_csv(header, map.delimiter);
        REQUIRE_FALSE(rows.empty());
        try {
            tne::bind_survey(map, default_rubrics(), rows[0], "r.csv");
        } catch (const tne::InputError& e) {
            problems = e.diagnostics();
            return;
        }
        FAIL("the header bound, but it should not have: " << header);
    }
};

std::string with_delimiter(std::string line, char delimiter) {
    std::replace(line.begin(), line.end(), ',', delimiter);
    return line;
}

}  // namespace

TEST_CASE("a header separated by semicolons read with commas gets one problem naming the delimiter", "[survey][bind]") {
    // Excel in a Spanish locale: one cell when read with ",".
    Binding spanish(kMap, with_delimiter(kHeader, ';'));
    REQUIRE(spanish.problems.size() == 1);
    CHECK(spanish.problems[0].pos.str() == "r.csv:1:1");
    const std::string semicolon_en = "the header looks separated by \";\", not \",\": ";
    CHECK(spanish.problems[0].message.en ==
          semicolon_en + "add `delimiter: \";\"` to the map (" + spanish.file.path + ")");
    CHECK(spanish.problems[0].message.es ==
          "el encabezado parece separado por \";\", no por \",\": agregue `delimiter: "
          "\";\"` al mapa (" +
              spanish.file.path + ")");

    // A header cell holding a comma splits the line in two cells: the columns still show the delimiter.
    Binding comma("delimiter: \",\"\n" + kMap, "\"Notas, dudas\";" + with_delimiter(kHeader, ';'));
    REQUIRE(comma.problems.size() == 1);
    CHECK(comma.problems[0].message.en ==
          semicolon_en + "set `delimiter: \";\"` in the map (" + comma.file.path + ":1:12)");

    // Tab-separated, and the other way round: a "," header with a map that says ";".
    Binding tab(kMap, with_delimiter(kHeader, '\t'));
    REQUIRE(tab.problems.size() == 1);
    const std::string tab_en =
        "the header looks separated by \"\\t\", not \",\": add `delimiter: \"\\t\"` to the map (";
    CHECK(tab.problems[0].message.en == tab_en + tab.file.path + ")");
    Binding reverse("delimiter: \";\"\n" + kMap, kHeader);
    REQUIRE(reverse.problems.size() == 1);
    const std::string comma_en = "the header looks separated by \",\", not \";\": set `delimiter: \",\"` in the map (";
    CHECK(reverse.problems[0].message.en == comma_en + reverse.file.path + ":1:12)");
}

TEST_CASE("a header that is simply missing columns gets no delimiter hint", "[survey][bind]") {
    // The right delimiter with two columns renamed: each missing column is reported.
    Binding renamed(kMap, "Nombre,Tipo,Areas,Plan,Presupuesto,Profesores B2,Notas;extra\n");
    REQUIRE(renamed.problems.size() == 2);
    CHECK_THAT(renamed.problems[0].message.en,
               Catch::Contains("\"Áreas\" (for institution.fields) is not in the header"));
    // One cell without any common delimiter: nothing to suggest.
    Binding one_cell(kMap, "Nombre Tipo\n");
    CHECK(one_cell.problems.size() == 7);
}

TEST_CASE("tne batch names the delimiter of the shipped survey saved with semicolons", "[survey][binary]") {
    // The example export rewritten as Excel in Spanish saves it: ";" between cells.
    const fs::path dir = source_dir() / "examples" / "survey";
    std::ifstream in(dir / "respuestas.csv", std::ios::binary);
    tne::CsvReader reader(in);
    std::string csv;
    while (auto row = reader.next()) {
        for (size_t i = 0; i < row->cells.size(); ++i) {
            const std::string& text = row->cells[i].text;
            bool quote = text.find_first_of(";\"\n") != std::string::npos;
            std::string cell;
            for (char ch : text) cell += ch == '"' ? std::string("\"\"") : std::string(1, ch);
            csv += (i ? ";" : "") + (quote ? "\"" + cell + "\"" : cell);
        }
        csv += "\r\n";
    }
    TempDir temp;
    const std::string file = (temp.path() / "punto-y-coma.csv").string();
    write_file(file, csv);
    RunResult run = run_tne({"batch", file, "--csv-map", "examples/survey/mapa.yaml"});
    CHECK(run.exit_code == 3);
    CHECK(run.err == "tne: error: " + file +
                         ":1:1: the header looks separated by \";\", not \",\": set `delimiter: \";\"` in the map "
                         "(examples/survey/mapa.yaml:19:12)\n"
                         "tne: 1 read = 0 scored + 1 failed\n");
}

// ---- numbers no double holds ----------------------------------------------------------------------

TEST_CASE("a number in the map too large or too small for a double is an error at its place", "[survey][map]") {
    const std::string huge = "1" + std::string(400, '0');
    const std::string tiny = "0." + std::string(400, '0') + "1";
    const std::string yaml = "labels:\n  Todos: " + huge + "\n" + kMap.substr(kMap.find("fields:")) +
                             "  partnerships.uk_partners:\n    column: U\n    labels: {Muchos: " + huge +
                             ", Casi: " + tiny + ", \"" + huge + "\": 3}\n";
    auto problems = map_problems(yaml);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].pos.line == 2);
    CHECK(problems[0].pos.column == 10);
    CHECK(problems[0].message.en ==
          "the label \"Todos\" translates to \"" + huge + "\", which no question of the map accepts");
    CHECK(problems[1].pos.line == 21);
    CHECK(problems[1].message.en == "partnerships.uk_partners: the label \"Muchos\" translates to \"" + huge +
                                        "\"; expected a whole number in 0 .. 500");
    CHECK(problems[2].pos.line == 21);
    CHECK(problems[2].message.en == "partnerships.uk_partners: the label \"Casi\" translates to \"" + tiny +
                                        "\"; expected a whole number in 0 .. 500");
}

TEST_CASE("tne batch refuses a map with a 401-digit number with exit 2, not an internal error", "[survey][binary]") {
    TempDir dir;
    const std::string map = (dir.path() / "map.yaml").string();
    write_file(map, "labels:\n  Todos: 1" + std::string(400, '0') + "\n" + kMap.substr(kMap.find("fields:")));
    write_file(dir.path() / "r.csv", kHeader + "U,Universidad pública,,,,,\n");
    RunResult run = run_tne({"batch", (dir.path() / "r.csv").string(), "--csv-map", map});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::StartsWith("tne: error: " + map + ":2:10: the label \"Todos\" translates to \"1000"));
    CHECK(run.err.find("internal error") == std::string::npos);
}

TEST_CASE("a cell with a number no double holds fails its row with what was expected", "[survey][row]") {
    const std::string huge = "1" + std::string(400, '0');
    const std::string tiny = "0." + std::string(400, '0') + "1";
    for (const std::string& written : {std::string("1e999"), huge, tiny, std::string("inf"), std::string("nan")}) {
        INFO(written);
        auto percent = row_problems("U,Universidad pública,,,," + written + ",\n");
        REQUIRE(percent.size() == 1);
        CHECK(percent[0].pos.str() == "r.csv:2:26");
        CHECK(percent[0].message.en == "column \"Profesores B2\": \"" + written +
                                           "\" is not valid; expected a percentage from 0 to 100, such as \"35\" or "
                                           "\"35 %\", or one of: \"Menos de 10 %\"");
        auto count = row_problems("U,Universidad pública,,,,," + written + "\n");
        REQUIRE(count.size() == 1);
        CHECK(count[0].pos.str() == "r.csv:2:27");
        CHECK_THAT(count[0].message.en, Catch::StartsWith("column \"Convenios\": \"" + written +
                                                          "\" is not valid; expected a whole number"));
    }
}

// ---- many labels ----------------------------------------------------------------------------------

namespace {

// kMap with `n` more labels for every column and `n` for the budget's column alone.
std::string map_with_labels(int n) {
    std::string shared, own;
    for (int k = 0; k < n; ++k) {
        shared += "  \"Etiqueta " + std::to_string(k) + "\": yes\n";
        own += "      \"Opción " + std::to_string(k) + "\": partial\n";
    }
    std::string yaml = kMap;
    yaml.insert(yaml.find("labels:\n") + 8, shared);
    const std::string budget = "  funding.dedicated_budget: Presupuesto\n";
    yaml.replace(yaml.find(budget), budget.size(),
                 "  funding.dedicated_budget:\n    column: Presupuesto\n    labels:\n" + own);
    return yaml;
}

}  // namespace

TEST_CASE("a map of 10,000 labels of each kind loads them all, and a cell finds the last of them", "[survey][map]") {
    // How the time grows with the labels is measured by bench/bounds.sh, not here.
    MapFile large(map_with_labels(10000));
    tne::SurveyMap large_map = large.load();
    CHECK(large_map.labels.size() == 10000 + 3);
    CHECK(large_map.fields[4].labels.size() == 10000);

    // Rows whose cells are the last labels of each kind.
    std::string csv = kHeader;
    for (int row = 0; row < 50; ++row)
        csv += "U,Universidad pública,,,Etiqueta 9999,,\nV,Universidad pública,,,Opción 9999,,\n";
    auto rows = read_csv(csv);
    auto read_rows = [&](const tne::SurveyMap& map) {
        tne::BoundSurvey bound = tne::bind_survey(map, default_rubrics(), rows[0], "r.csv");
        for (size_t i = 1; i < rows.size(); ++i) {
            tne::Profile profile = tne::survey_row_profile(bound, rows[i]);
            REQUIRE(profile.find("funding.dedicated_budget"));
            CHECK(profile.find("funding.dedicated_budget")->value ==
                  tne::Value(std::string(i % 2 ? "yes" : "partial")));
        }
    };
    read_rows(large_map);
}

TEST_CASE("a row's answers are checked as values: a text cell stays text, whatever it looks like", "[survey][row]") {
    tne::Profile profile = row_profile("35,Universidad pública,,,,,\n");
    CHECK(std::get<std::string>(value_of(profile, "institution.name")) == "35");
    tne::Profile yes = row_profile("\"  yes \",Universidad pública,,,,,\n");
    CHECK(std::get<std::string>(value_of(yes, "institution.name")) == "yes");
}

TEST_CASE("a survey bound by hand, without the tables bind_survey makes, reads rows the same", "[survey][row]") {
    const std::string rows =
        "Universidad X,Universidad pública,STEM;Negocios,Aprobado,Sí,Menos de 10 %,12\n"
        "Centro Y,Centro de investigación,Ninguna,No,No sé,35 %,3\n"
        "Z,Universidad privada,STEM;STEM,Quizá,Tal vez,101,2.5\n";
    Survey survey(kHeader + rows);
    tne::BoundSurvey by_hand = survey.bound;
    by_hand.question_of_field.clear();
    by_hand.fields_in_rubric_order.clear();
    by_hand.labels_of_field.clear();
    for (size_t row : {1, 2}) {
        tne::Profile bound = survey.profile(row);
        tne::Profile hand = tne::survey_row_profile(by_hand, survey.all.at(row));
        REQUIRE(hand.answers.size() == bound.answers.size());
        CHECK_FALSE(hand.answers.empty());
        for (size_t i = 0; i < hand.answers.size(); ++i) {
            CHECK(hand.answers[i].question == bound.answers[i].question);
            CHECK(hand.answers[i].value == bound.answers[i].value);
            CHECK(hand.answers[i].line == bound.answers[i].line);
            CHECK(hand.answers[i].column == bound.answers[i].column);
        }
    }
    std::vector<tne::Diagnostic> bound = survey.problems(3);
    std::vector<tne::Diagnostic> hand;
    try {
        tne::survey_row_profile(by_hand, survey.all.at(3));
    } catch (const tne::InputError& e) {
        hand = e.diagnostics();
    }
    REQUIRE(hand.size() == bound.size());
    CHECK(bound.size() >= 3);
    for (size_t i = 0; i < hand.size(); ++i) CHECK(hand[i].str(tne::Lang::en) == bound[i].str(tne::Lang::en));
}
