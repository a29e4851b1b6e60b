// Tests of the cohort summary (tne batch --summary): the figures of summarise checked against values
// worked out by hand, cohort_member of a real assessment, and the three renderers.
#include <tinyxml2.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/text_layout.hpp"
#include "report/summary_charts.hpp"
#include "support.hpp"
#include "tne/assessment.hpp"
#include "tne/cohort.hpp"
#include "tne/profile.hpp"

using namespace tne::test;
using Json = nlohmann::json;

namespace {

const tne::ReportDate kDate{2026, 11, 23};  // the reports' date

// Dimension scores by id; the others unknown. The default set's order is funding, language,
// faculty, regulatory, strategy, partnerships, digital, quality, sustainability, research.
std::vector<std::optional<double>> scores(const std::vector<std::pair<std::string, double>>& known) {
    const auto& dimensions = default_rubrics().dimensions;
    std::vector<std::optional<double>> out(dimensions.size());
    for (const auto& [id, score] : known) {
        auto it =
            std::find_if(dimensions.begin(), dimensions.end(), [&](const tne::Dimension& d) { return d.id == id; });
        REQUIRE(it != dimensions.end());
        out[static_cast<size_t>(it - dimensions.begin())] = score;
    }
    return out;
}

tne::CohortMember member(const std::string& name, const std::string& type, std::optional<double> overall,
                         const std::string& level, const std::vector<std::pair<std::string, double>>& dimensions,
                         const std::string& suggested) {
    return {"", name, type, overall, level, scores(dimensions), suggested, {}, {}};
}

// Seven institutions over three types; no research centre.
//
//   name  type     overall  level          funding language faculty digital  weakest            suggested
//   P1    public   40       emerging       20      50       60      –        funding            mobility
//   P2    public   60       consolidating  70      40       80      –        language           dual_degree
//   P3    public   60       consolidating  60      55       90      55       digital (tie with  dual_degree
//                                                                             language; by id)
//   V1    private  80       ready          90      70       85      65       digital            franchise
//   V2    private  50       emerging       30      60       –       –        funding            –
//   T1    tech     –        –              –       –        –       –        –                  coil_virtual_exchange
//   T2    tech     30       early          40      45       20      10       digital            collaborative_rd
std::vector<tne::CohortMember> cohort() {
    std::vector<tne::CohortMember> members{
        member("P1", "public_university", 40, "emerging", {{"funding", 20}, {"language", 50}, {"faculty", 60}},
               "mobility"),
        member("P2", "public_university", 60, "consolidating", {{"funding", 70}, {"language", 40}, {"faculty", 80}},
               "dual_degree"),
        member("P3", "public_university", 60, "consolidating",
               {{"funding", 60}, {"language", 55}, {"faculty", 90}, {"digital", 55}}, "dual_degree"),
        member("V1", "private_university", 80, "ready",
               {{"funding", 90}, {"language", 70}, {"faculty", 85}, {"digital", 65}}, "franchise"),
        member("V2", "private_university", 50, "emerging", {{"funding", 30}, {"language", 60}}, ""),
        member("T1", "technological_institute", std::nullopt, "", {}, "coil_virtual_exchange"),
        member("T2", "technological_institute", 30, "early",
               {{"funding", 40}, {"language", 45}, {"faculty", 20}, {"digital", 10}}, "collaborative_rd"),
    };
    // One YAML stream of seven documents, ten lines each.
    for (size_t i = 0; i < members.size(); ++i) members[i].source = "cohort.yaml:" + std::to_string(1 + 10 * i);
    return members;
}

// The eighth input of the cohort, which failed to load.
std::vector<tne::FailedInput> one_failure() {
    tne::Diagnostic error{{"cohort.yaml", 73, 9},
                          {"institution.type: \"nope\" is not valid", "institution.type: \"nope\" no es válido"}};
    return {{"cohort.yaml:71", {error}}};
}

size_t dimension_index(const std::string& id) {
    const auto& dimensions = default_rubrics().dimensions;
    for (size_t i = 0; i < dimensions.size(); ++i)
        if (dimensions[i].id == id) return i;
    FAIL("no dimension " << id);
    throw 0;
}

size_t model_index(const std::string& id) {
    const auto& models = default_rubrics().models;
    for (size_t i = 0; i < models.size(); ++i)
        if (models[i].id == id) return i;
    FAIL("no model " << id);
    throw 0;
}

const tne::TypeSummary& type_summary(const tne::CohortSummary& s, const std::string& type) {
    for (const auto& t : s.types)
        if (t.type == type) return t;
    FAIL("no type " << type);
    throw 0;
}

void check_stats(const tne::Stats& stats, int n, double mean, double median, double min, double max) {
    CHECK(stats.n == n);
    CHECK(stats.mean == Approx(mean));
    CHECK(stats.median == Approx(median));
    CHECK(stats.min == Approx(min));
    CHECK(stats.max == Approx(max));
}

// The barriers with at least one institution, as "id count".
std::vector<std::string> barriers(const tne::TypeSummary& t) {
    std::vector<std::string> out;
    for (const auto& b : t.barriers)
        if (b.count > 0) out.push_back(b.dimension->id + " " + std::to_string(b.count));
    return out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The cells of a Markdown table row: the unescaped pipes, less one.
int cell_count(const std::string& row) {
    int pipes = 0;
    for (size_t i = 0; i < row.size(); ++i)
        if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++pipes;
    return pipes - 1;
}

}  // namespace

TEST_CASE("the cohort is counted by type in the rubric's order, empty types included", "[cohort]") {
    auto members = cohort();
    tne::CohortSummary s = tne::summarise(members, default_rubrics(), 8, one_failure());
    CHECK(s.read == 8);
    CHECK(s.scored == 7);
    CHECK(s.failed == 1);
    CHECK(s.all.type.empty());
    CHECK(s.all.count == 7);
    REQUIRE(s.types.size() == 4);
    CHECK(s.types[0].type == "public_university");
    CHECK(s.types[0].count == 3);
    CHECK(s.types[1].type == "private_university");
    CHECK(s.types[1].count == 2);
    CHECK(s.types[2].type == "technological_institute");
    CHECK(s.types[2].count == 2);
    CHECK(s.types[3].type == "research_center");
    CHECK(s.types[3].count == 0);
    // Each type's share of the cohort, and its members in input order.
    CHECK(s.all.share == 100);
    CHECK(*s.types[0].share == Approx(300.0 / 7));
    CHECK(s.types[3].share == 0);
    REQUIRE(s.types[1].members.size() == 2);
    CHECK(s.types[1].members[0]->name == "V1");
    CHECK(s.types[1].members[1]->name == "V2");
    CHECK(s.all.members.size() == 7);
    // An empty cohort has no shares.
    std::vector<tne::CohortMember> none;
    tne::CohortSummary empty = tne::summarise(none, default_rubrics(), 0, {});
    CHECK_FALSE(empty.all.share);
    CHECK_FALSE(empty.types[0].share);
}

TEST_CASE("overall and dimension statistics are over the known scores of each group", "[cohort]") {
    auto members = cohort();
    tne::CohortSummary s = tne::summarise(members, default_rubrics(), 8, one_failure());
    const auto& pub = type_summary(s, "public_university");
    const auto& priv = type_summary(s, "private_university");
    const auto& tech = type_summary(s, "technological_institute");
    const auto& research = type_summary(s, "research_center");

    // Overall: 40 60 60 80 50 30 (T1 unknown) -> sorted 30 40 50 60 60 80, mean 320/6, median (50+60)/2.
    check_stats(s.all.overall, 6, 320.0 / 6, 55, 30, 80);
    check_stats(pub.overall, 3, 160.0 / 3, 60, 40, 60);  // 40 60 60: odd count, the middle value
    check_stats(priv.overall, 2, 65, 65, 50, 80);        // 50 80: even count, the mean of the two
    check_stats(tech.overall, 1, 30, 30, 30, 30);        // T1 has none, so n is 1 of 2
    CHECK(research.overall.n == 0);

    size_t funding = dimension_index("funding"), language = dimension_index("language");
    size_t faculty = dimension_index("faculty"), digital = dimension_index("digital");
    size_t regulatory = dimension_index("regulatory");
    REQUIRE(s.all.dimensions.size() == default_rubrics().dimensions.size());

    // Funding: 20 70 60 90 30 40 -> sorted 20 30 40 60 70 90, sum 310, median (40+60)/2.
    check_stats(s.all.dimensions[funding], 6, 310.0 / 6, 50, 20, 90);
    check_stats(pub.dimensions[funding], 3, 50, 60, 20, 70);   // 20 60 70
    check_stats(priv.dimensions[funding], 2, 60, 60, 30, 90);  // 30 90
    check_stats(tech.dimensions[funding], 1, 40, 40, 40, 40);
    // Language: 50 40 55 70 60 45 -> sorted 40 45 50 55 60 70, sum 320, median (50+55)/2.
    check_stats(s.all.dimensions[language], 6, 320.0 / 6, 52.5, 40, 70);
    check_stats(pub.dimensions[language], 3, 145.0 / 3, 50, 40, 55);  // 40 50 55
    // Faculty: 60 80 90 85 20 (V2 unknown) -> sorted 20 60 80 85 90, sum 335.
    check_stats(s.all.dimensions[faculty], 5, 67, 80, 20, 90);
    check_stats(pub.dimensions[faculty], 3, 230.0 / 3, 80, 60, 90);  // 60 80 90
    check_stats(priv.dimensions[faculty], 1, 85, 85, 85, 85);
    // Digital: 55 65 10 -> sorted 10 55 65, sum 130.
    check_stats(s.all.dimensions[digital], 3, 130.0 / 3, 55, 10, 65);
    // Nobody answered regulatory.
    CHECK(s.all.dimensions[regulatory].n == 0);
}

TEST_CASE("levels and suggested models are counted in rubric order", "[cohort]") {
    auto members = cohort();
    tne::CohortSummary s = tne::summarise(members, default_rubrics(), 8, one_failure());
    // Rubric levels: early, emerging, consolidating, ready.
    CHECK(s.all.levels == std::vector<int>{1, 2, 2, 1});  // T2 | P1 V2 | P2 P3 | V1
    CHECK(s.all.no_level == 1);                           // T1
    CHECK(type_summary(s, "public_university").levels == std::vector<int>{0, 1, 2, 0});
    CHECK(type_summary(s, "private_university").levels == std::vector<int>{0, 1, 0, 1});
    CHECK(type_summary(s, "technological_institute").levels == std::vector<int>{1, 0, 0, 0});
    CHECK(type_summary(s, "technological_institute").no_level == 1);
    CHECK(type_summary(s, "research_center").levels == std::vector<int>{0, 0, 0, 0});

    // Models: dual_degree 2 (P2 P3); mobility, franchise, coil, collaborative_rd 1 each; V2 has none.
    std::vector<int> expected(default_rubrics().models.size(), 0);
    expected[model_index("dual_degree")] = 2;
    for (const char* id : {"mobility", "franchise", "coil_virtual_exchange", "collaborative_rd"})
        expected[model_index(id)] = 1;
    CHECK(s.all.suggested == expected);
    CHECK(s.all.no_suggestion == 1);
    const auto& priv = type_summary(s, "private_university");
    CHECK(priv.suggested[model_index("franchise")] == 1);
    CHECK(priv.no_suggestion == 1);
    CHECK(type_summary(s, "public_university").suggested[model_index("dual_degree")] == 2);

    // Every model with its count and share of the group, and the most suggested one.
    REQUIRE(s.all.models.size() == default_rubrics().models.size());
    const tne::ModelShare& dual = s.all.models[model_index("dual_degree")];
    CHECK(dual.model->id == "dual_degree");
    CHECK(dual.count == 2);
    CHECK(dual.share == Approx(200.0 / 7));
    CHECK(s.all.no_suggestion_share == Approx(100.0 / 7));
    CHECK(s.all.no_weakest_share == Approx(100.0 / 7));
    REQUIRE(s.all.most_suggested.size() == 1);
    CHECK(s.all.most_suggested[0].model->id == "dual_degree");
    CHECK(s.all.most_suggested[0].share == Approx(200.0 / 7));
    // The private universities': franchise alone (V2 has none).
    REQUIRE(priv.most_suggested.size() == 1);
    CHECK(priv.most_suggested[0].model->id == "franchise");
    CHECK(priv.no_suggestion_share == 50);
    // The technological institutes' two suggestions tie: both, in rubric order.
    const auto& tech = type_summary(s, "technological_institute").most_suggested;
    REQUIRE(tech.size() == 2);
    CHECK(model_index(tech[0].model->id) < model_index(tech[1].model->id));
    CHECK((tech[0].model->id == "coil_virtual_exchange" || tech[1].model->id == "coil_virtual_exchange"));
    CHECK((tech[0].model->id == "collaborative_rd" || tech[1].model->id == "collaborative_rd"));
    CHECK(type_summary(s, "research_center").most_suggested.empty());
}

TEST_CASE("the weakest dimension is the lowest known score, ties broken by id", "[cohort]") {
    auto members = cohort();
    tne::CohortSummary s = tne::summarise(members, default_rubrics(), 8, one_failure());
    // P3: language 55 and digital 55 tie; "digital" < "language", though language comes first in
    // the rubric. Weakest: P1 funding, P2 language, P3 digital, V1 digital, V2 funding, T2 digital.
    CHECK(s.all.weakest[dimension_index("digital")] == 3);
    CHECK(s.all.weakest[dimension_index("funding")] == 2);
    CHECK(s.all.weakest[dimension_index("language")] == 1);
    CHECK(s.all.no_weakest == 1);  // T1 knows no dimension score

    // Shares of the 7 institutions: 3/7 = 42.857%, 2/7 = 28.571%, 1/7 = 14.286%.
    CHECK(barriers(s.all) == std::vector<std::string>{"digital 3", "funding 2", "language 1"});
    REQUIRE(s.all.barriers.size() == default_rubrics().dimensions.size());
    CHECK(s.all.barriers[0].share == Approx(300.0 / 7));
    CHECK(s.all.barriers[1].share == Approx(200.0 / 7));
    CHECK(s.all.barriers[2].share == Approx(100.0 / 7));
    // The dimensions nobody has as weakest follow at 0%, by id.
    CHECK(s.all.barriers[3].dimension->id == "faculty");
    CHECK(s.all.barriers[3].share == 0);
    CHECK(s.all.barriers.back().dimension->id == "sustainability");

    // Equal shares go by id: 1/3 each among the public universities, 1/2 each among the private.
    CHECK(barriers(type_summary(s, "public_university")) ==
          std::vector<std::string>{"digital 1", "funding 1", "language 1"});
    CHECK(type_summary(s, "public_university").barriers[0].share == Approx(100.0 / 3));
    CHECK(barriers(type_summary(s, "private_university")) == std::vector<std::string>{"digital 1", "funding 1"});
    CHECK(type_summary(s, "private_university").barriers[0].share == Approx(50));
    CHECK(barriers(type_summary(s, "technological_institute")) == std::vector<std::string>{"digital 1"});
    CHECK(type_summary(s, "technological_institute").barriers[0].share == Approx(50));  // 1 of 2, T1 has none
    CHECK(barriers(type_summary(s, "research_center")).empty());
    CHECK(type_summary(s, "research_center").barriers[0].share == 0);
}

TEST_CASE("each member's percentile is its mid-rank within its type, in input order", "[cohort]") {
    // Five public universities (40 60 60 70 90), the cohort's two private ones and two technological.
    auto members = cohort();
    members.insert(members.begin() + 3, member("P4", "public_university", 70, "consolidating", {{"funding", 70}}, ""));
    members.insert(members.begin() + 4, member("P5", "public_university", 90, "ready", {{"funding", 90}}, ""));
    tne::CohortSummary s = tne::summarise(members, default_rubrics(), 10, one_failure());
    REQUIRE(s.members.size() == 9);
    for (size_t i = 0; i < members.size(); ++i) CHECK(s.members[i].member == &members[i]);
    // P1 (0 + 0.5) / 5; P2 and P3 (1 + 0.5 * 2) / 5; P4 (3 + 0.5) / 5; P5 (4 + 0.5) / 5.
    CHECK(*s.members[0].percentile == Approx(10));
    CHECK(*s.members[1].percentile == Approx(40));
    CHECK(*s.members[2].percentile == Approx(40));
    CHECK(*s.members[3].percentile == Approx(70));
    CHECK(*s.members[4].percentile == Approx(90));
    // Fewer than five peers: the private universities (2) and technological institutes (1 scored).
    static_assert(tne::kMinPercentilePeers == 5);
    for (size_t i = 5; i < 9; ++i) CHECK_FALSE(s.members[i].percentile);
}

TEST_CASE("a lone institution of its type has no percentile, not the 50th", "[cohort]") {
    auto members = cohort();
    tne::CohortSummary s = tne::summarise(members, default_rubrics(), 8, one_failure());
    for (const auto& m : s.members) CHECK_FALSE(m.percentile);  // no type has five
}

TEST_CASE("every cohort format lists the failed inputs with their errors", "[cohort]") {
    auto members = cohort();
    tne::CohortSummary s = tne::summarise(members, default_rubrics(), 8, one_failure());
    REQUIRE(s.failed == 1);
    const std::string en = "cohort.yaml:73:9: institution.type: \"nope\" is not valid";
    const std::string es = "cohort.yaml:73:9: institution.type: \"nope\" no es válido";
    CHECK(tne::render_summary_text(s, tne::Lang::en, kDate).find(en) != std::string::npos);
    CHECK(tne::render_summary_text(s, tne::Lang::es, kDate).find(es) != std::string::npos);
    CHECK(tne::render_summary_markdown(s, tne::Lang::en, kDate).find("| cohort.yaml:71 | " + en) != std::string::npos);
    CHECK(tne::render_summary_html(s, tne::Lang::es, kDate).find("Entradas con errores") != std::string::npos);
    CHECK(tne::render_summary_html(s, tne::Lang::es, kDate).find("no es válido") != std::string::npos);
    Json json = Json::parse(tne::render_summary_json(s, tne::Lang::en));
    REQUIRE(json["failures"].size() == 1);
    CHECK(json["failures"][0]["source"] == "cohort.yaml:71");
    CHECK(json["failures"][0]["errors"] == Json::array({en}));
}

TEST_CASE("a tie for the most suggested model is said as a tie", "[cohort]") {
    // Two institutions, two models, one each.
    std::vector<tne::CohortMember> members{
        member("A", "public_university", 50, "emerging", {{"funding", 50}}, "mobility"),
        member("B", "public_university", 60, "emerging", {{"funding", 60}}, "franchise")};
    tne::CohortSummary s = tne::summarise(members, default_rubrics(), 2, {});
    std::string en = tne::render_summary_text(s, tne::Lang::en, kDate);
    std::string es = tne::render_summary_text(s, tne::Lang::es, kDate);
    CHECK(en.find("Most suggested models, tied (50% of institutions each)") != std::string::npos);
    CHECK(es.find("Modelos más sugeridos, empatados (50% de las instituciones cada uno)") != std::string::npos);
    Json json = Json::parse(tne::render_summary_json(s, tne::Lang::en));
    CHECK(json["most_suggested_models"].size() == 2);
}

TEST_CASE("a member of a type the rubric does not list counts in the whole cohort only", "[cohort]") {
    std::vector<tne::CohortMember> members{
        member("X", "online_university", 70, "consolidating", {{"funding", 70}}, "")};
    tne::CohortSummary s = tne::summarise(members, default_rubrics(), 1, {});
    CHECK(s.all.count == 1);
    for (const auto& t : s.types) CHECK(t.count == 0);
    CHECK_FALSE(s.members[0].percentile);  // alone in its type

    // A member without a type has none in the report's table, not the whole cohort's name.
    members.push_back(member("Y", "", 40, "emerging", {{"funding", 40}}, ""));
    s = tne::summarise(members, default_rubrics(), 2, {});
    std::string md = tne::render_summary_markdown(s, tne::Lang::en, kDate);
    CHECK(md.find("| X | online\\_university | 70 | 70 |") != std::string::npos);
    CHECK(md.find("| Y | – | 40 | 40 |") != std::string::npos);
}

TEST_CASE("cohort_member keeps the scores of a real assessment", "[cohort]") {
    const auto& rubric = default_rubrics();
    for (const auto& path : example_profiles()) {
        INFO(path);
        tne::Assessment a = tne::assess(tne::load_profile_file(path.string(), rubric), rubric);
        tne::CohortMember m = tne::cohort_member(a, path.string() + ":1");
        CHECK(m.source == path.string() + ":1");
        CHECK(m.name == a.institution_name);
        CHECK(m.type == a.institution_type);
        CHECK_FALSE(m.type.empty());
        REQUIRE(a.overall);
        CHECK(m.overall == a.overall);
        CHECK(m.level == a.level->id);
        REQUIRE(m.dimensions.size() == rubric.dimensions.size());
        for (size_t i = 0; i < a.dimensions.size(); ++i) CHECK(m.dimensions[i] == a.dimensions[i].score);
        REQUIRE(a.suggested);
        CHECK(m.suggested == a.suggested->model->id);
    }
}

TEST_CASE("the text summary is translated and fits 80 columns", "[cohort]") {
    auto members = cohort();
    tne::CohortSummary s = tne::summarise(members, default_rubrics(), 8, one_failure());
    std::string en = tne::render_summary_text(s, tne::Lang::en, kDate);
    std::string es = tne::render_summary_text(s, tne::Lang::es, kDate);
    CHECK(en == tne::render_summary_text(s, tne::Lang::en, kDate));

    const std::vector<std::pair<std::string, std::string>> headings{
        {"Cohort summary", "Resumen de la cohorte"},
        {"Read 8 = scored 7 + failed 1", "Leídos 8 = evaluados 7 + con error 1"},
        {"Institutions by type", "Instituciones por tipo"},
        {"All institutions (7)", "Todas las instituciones (7)"},
        {"Public university (3)", "Universidad pública (3)"},
        {"Overall readiness", "Preparación general"},
        {"Mean", "Media"},
        {"Readiness levels", "Niveles de preparación"},
        {"Key barriers", "Principales barreras"},
        {"Suggested models", "Modelos sugeridos"},
        {"No suggestion", "Sin sugerencia"},
        {"Percentile", "Percentil"},
        {"Research centre", "Centro de investigación"},
        {"Dual degree", "Doble titulación"},
        {"Consolidating", "consolidación"},
    };
    for (const auto& [english, spanish] : headings) {
        CHECK(en.find(english) != std::string::npos);
        CHECK(es.find(spanish) != std::string::npos);
        CHECK(es.find(english) == std::string::npos);
    }
    for (const auto* text : {&en, &es})
        for (const auto& line : lines_of(*text)) {
            INFO(line);
            CHECK(tne::display_width(line) <= 80);
        }
    // A figure of each kind, as worked out above.
    CHECK(en.find("43%") != std::string::npos);   // digital, weakest for 3 of 7 (42.9%)
    CHECK(en.find("53") != std::string::npos);    // the overall mean (53.3)
    CHECK(en.find("53.3") == std::string::npos);  // one figure: whole numbers in every human format
}

TEST_CASE("the JSON summary parses and holds the same figures", "[cohort]") {
    auto members = cohort();
    tne::CohortSummary s = tne::summarise(members, default_rubrics(), 8, one_failure());
    std::string text = tne::render_summary_json(s, tne::Lang::es);
    CHECK(text == tne::render_summary_json(s, tne::Lang::es));
    Json json = Json::parse(text);

    CHECK(json["lang"] == "es");
    CHECK(json["rubric_set"]["id"] == default_rubrics().id);
    CHECK(json["inputs"] == Json::parse(R"({"read": 8, "scored": 7, "failed": 1})"));

    const Json& all = json["all"];
    CHECK(all["type"].is_null());
    CHECK(all["name"] == "Todas las instituciones");
    CHECK(all["count"] == 7);
    CHECK(all["overall"] == Json::parse(R"({"n": 6, "mean": 53.333333, "median": 55, "min": 30, "max": 80})"));
    CHECK(all["dimensions"][0]["id"] == "funding");
    CHECK(all["dimensions"][0]["mean"] == 51.666667);  // 310 / 6
    CHECK(all["dimensions"][0]["median"] == 50);
    CHECK(all["dimensions"][dimension_index("regulatory")]["mean"].is_null());
    CHECK(all["levels"][2] == Json::parse(R"({"id": "consolidating", "name": "En consolidación", "count": 2})"));
    CHECK(all["no_level"] == 1);
    CHECK(all["weakest_dimensions"][0]["id"] == "digital");
    CHECK(all["weakest_dimensions"][0]["count"] == 3);
    CHECK(all["weakest_dimensions"][0]["share"] == 42.857143);
    CHECK(all["weakest_dimensions"].size() == default_rubrics().dimensions.size());
    CHECK(all["no_weakest_dimension"] == 1);
    CHECK(all["suggested_models"][model_index("dual_degree")]["count"] == 2);
    CHECK(all["no_suggestion"] == 1);

    REQUIRE(json["types"].size() == 4);
    CHECK(json["types"][0]["type"] == "public_university");
    CHECK(json["types"][0]["name"] == "Universidad pública");
    CHECK(json["types"][0]["overall"]["median"] == 60);
    CHECK(json["types"][1]["overall"]["median"] == 65);
    CHECK(json["types"][3]["count"] == 0);
    CHECK(json["types"][3]["overall"]["mean"].is_null());

    REQUIRE(json["institutions"].size() == 7);
    CHECK(json["institutions"][0]["name"] == "P1");
    CHECK(json["institutions"][0]["percentile"].is_null());  // no type has five scored institutions
    CHECK(json["institutions"][4]["suggested_model"].is_null());
    CHECK(json["institutions"][5]["overall"].is_null());
    CHECK(json["institutions"][5]["level"].is_null());
    CHECK(json["institutions"][5]["percentile"].is_null());
}

TEST_CASE("the Markdown summary is translated and its tables are well formed", "[cohort]") {
    auto members = cohort();
    tne::CohortSummary s = tne::summarise(members, default_rubrics(), 8, one_failure());
    for (tne::Lang lang : {tne::Lang::en, tne::Lang::es}) {
        std::string md = tne::render_summary_markdown(s, lang, kDate);
        CHECK(md == tne::render_summary_markdown(s, lang, kDate));
        CHECK(md.find("<") == std::string::npos);  // no raw HTML
        int tables = 0;
        std::vector<std::string> lines = lines_of(md);
        for (size_t i = 0; i < lines.size(); ++i) {
            if (lines[i].empty() || lines[i][0] != '|' || (i > 0 && !lines[i - 1].empty() && lines[i - 1][0] == '|'))
                continue;
            ++tables;  // a table starts here: a header, an alignment row and rows, all alike
            int cells = cell_count(lines[i]);
            REQUIRE(i + 1 < lines.size());
            CHECK(lines[i + 1].find_first_not_of("|-: ") == std::string::npos);  // the alignment row
            CHECK(lines[i + 1].rfind("| --- |", 0) == 0);                        // labels are left-aligned
            for (size_t j = i + 1; j < lines.size() && !lines[j].empty() && lines[j][0] == '|'; ++j) {
                INFO(lines[j]);
                CHECK(cell_count(lines[j]) == cells);
            }
        }
        // counts, overall by type, levels, barriers and models of 4 groups each, institutions by
        // dimension, scores of 4 groups, the failed inputs
        CHECK(tables == 17);
        if (lang == tne::Lang::es) {
            CHECK(md.rfind("# Resumen de la cohorte\n", 0) == 0);
            CHECK(md.find("\n## Principales barreras\n") != std::string::npos);
            CHECK(md.find("| Institución | Tipo | General | Financiamiento |") != std::string::npos);
            CHECK(md.find("| Percentil dentro de su tipo |\n") != std::string::npos);
            for (const char* english : {"Cohort summary", "Key barriers", "Suggested models", "Institutions", "Share"})
                CHECK(md.find(english) == std::string::npos);
        } else {
            CHECK(md.rfind("# Cohort summary\n", 0) == 0);
            CHECK(md.find("\n## Key barriers\n") != std::string::npos);
            // Dual degree is suggested to 2 of the 7, and to 2 of the 3 public universities.
            CHECK(md.find("| Dual degree | 2 | 29% |") != std::string::npos);
            CHECK(md.find("| Dual degree | 2 | 67% |") != std::string::npos);
            // P2 in the heat map's table: type, overall, funding, language, faculty ..., percentile last.
            CHECK(md.find("| P2 | Public university | 60 | 70 | 40 | 80 |") != std::string::npos);
            CHECK(md.find(" | – |\n| P3 |") != std::string::npos);  // no percentile among 3
            // P3: overall, then funding, language, faculty ... digital.
            CHECK(md.find("| P3 | Public university | 60 | 60 | 55 | 90 | – | – | – | 55 |") != std::string::npos);
        }
    }
}

TEST_CASE("an empty cohort still renders a valid summary", "[cohort]") {
    std::vector<tne::CohortMember> none;
    tne::CohortSummary s = tne::summarise(none, default_rubrics(), 2, {one_failure()[0], one_failure()[0]});
    CHECK(s.all.count == 0);
    CHECK(s.all.overall.n == 0);
    CHECK(s.types.size() == 4);
    CHECK(s.all.barriers.size() == default_rubrics().dimensions.size());

    std::string text = tne::render_summary_text(s, tne::Lang::en, kDate);
    CHECK(text.find("Read 2 = scored 0 + failed 2") != std::string::npos);
    CHECK(text.find("No institution was scored") != std::string::npos);
    CHECK(tne::render_summary_text(s, tne::Lang::es, kDate).find("No se evaluó ninguna institución") !=
          std::string::npos);
    CHECK(tne::render_summary_markdown(s, tne::Lang::en, kDate).find("No institution was scored") != std::string::npos);

    Json json = Json::parse(tne::render_summary_json(s, tne::Lang::en));
    CHECK(json["inputs"]["failed"] == 2);
    CHECK(json["all"]["count"] == 0);
    CHECK(json["all"]["overall"]["mean"].is_null());
    CHECK(json["all"]["weakest_dimensions"][0]["share"] == 0);
    CHECK(json["institutions"].empty());
}

// ---- HTML ----------------------------------------------------------------------------------------

TEST_CASE("the cohort charts place scores on a 0-100 axis and shade the heat map by bands of 20", "[cohort][html]") {
    CHECK(tne::axis_x(0, 250, 340) == 250);
    CHECK(tne::axis_x(50, 250, 340) == 420);  // half-way
    CHECK(tne::axis_x(100, 250, 340) == 590);
    CHECK(tne::axis_x(130, 250, 340) == 590);  // clamped
    CHECK(tne::heat_band(0) == 0);
    CHECK(tne::heat_band(19.9) == 0);
    CHECK(tne::heat_band(20) == 1);
    CHECK(tne::heat_band(79.9) == 3);
    CHECK(tne::heat_band(100) == 4);
}

TEST_CASE("the HTML cohort report shows the figures of the summary, in either language", "[cohort][html]") {
    auto members = cohort();
    tne::CohortSummary s = tne::summarise(members, default_rubrics(), 8, one_failure());
    const tne::ReportDate date{2026, 11, 23};
    std::string en = tne::render_summary_html(s, tne::Lang::en, date);
    CHECK(en == tne::render_summary_html(s, tne::Lang::en, date));
    CHECK(en.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(en.find("23 November 2026") != std::string::npos);
    CHECK(en.find("Read 8 = scored 7 + failed 1") != std::string::npos);
    // The public universities' overall scores 40, 60, 60: mean 53.3, shown 53, median 60.
    CHECK(en.find("<td>Public university</td><td class=\"num\">3</td><td class=\"num\">53</td>"
                  "<td class=\"num\">60</td><td class=\"num\">40</td><td class=\"num\">60</td>") != std::string::npos);
    // P2 (60) is a dot of the strip plot at 250 + 340 * 0.6 = 454, named in its tooltip.
    CHECK(en.find("<circle cx=\"454\"") != std::string::npos);
    CHECK(en.find("<title>P2: 60</title>") != std::string::npos);
    // The heat map writes every score in its cell: P1 overall 40 is band 2.
    CHECK(en.find("<td class=\"num heat-2\">40</td>") != std::string::npos);
    // Key barriers: funding is the weakest dimension of 2 of the 7 (28.6%, shown 29%).
    CHECK(en.find("Funding: 29% (2)") != std::string::npos);
    CHECK(en.find("<script") == std::string::npos);

    for (tne::Lang lang : {tne::Lang::en, tne::Lang::es}) {
        // Well-formed XML, as the browser check and XML tools expect of the charts and the page.
        tinyxml2::XMLDocument document;
        std::string page = tne::render_summary_html(s, lang, date);
        bool parsed = document.Parse(page.c_str(), page.size()) == tinyxml2::XML_SUCCESS;
        INFO(document.ErrorStr());
        CHECK(parsed);
    }

    std::string es = tne::render_summary_html(s, tne::Lang::es, date);
    CHECK(es.rfind("<!DOCTYPE html>\n<html lang=\"es\">", 0) == 0);
    CHECK(es.find("23 de noviembre de 2026") != std::string::npos);
    for (const char* spanish : {"Resumen de la cohorte", "Principales barreras", "Modelos sugeridos",
                                "Instituciones por dimensión", "Universidad pública"})
        CHECK(es.find(spanish) != std::string::npos);
    for (const char* english : {"Cohort summary", "Key barriers", "Suggested models", "Institutions by dimension",
                                "Public university", "November", "median:"})
        CHECK(es.find(english) == std::string::npos);
}

TEST_CASE("names in the HTML and Markdown cohort reports are text, never markup", "[cohort][html]") {
    auto members = cohort();
    members[0].name = "<script>alert(1)</script>";
    tne::CohortSummary s = tne::summarise(members, default_rubrics(), 7, {});
    std::string html = tne::render_summary_html(s, tne::Lang::en, tne::ReportDate{2026, 11, 23});
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    std::string md = tne::render_summary_markdown(s, tne::Lang::en, kDate);
    CHECK(md.find("<script") == std::string::npos);
    CHECK(md.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}
