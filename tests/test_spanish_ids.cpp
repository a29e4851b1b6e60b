// Spanish ids (issue 19): a profile written with the rubric set's Spanish block keys, question keys,
// value ids and answer keys reads as its English twin; messages name a question by its path in the
// reader's language; what tne writes in Spanish uses the Spanish ids; `tne rubrics check` refuses
// Spanish ids written like another id of their scope.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <regex>

#include "support.hpp"
#include "tne/assessment.hpp"
#include "tne/profile.hpp"
#include "tne/profile_yaml.hpp"
#include "tne/render.hpp"

using namespace tne;
using namespace tne::test;

namespace {

const std::string kSpanishInstitution = "institución:\n  nombre: Universidad de Prueba\n  tipo: universidad_pública\n";

std::vector<Diagnostic> problems_of(const std::string& text) {
    try {
        load_profile(text, "p.yaml", default_rubrics());
    } catch (const InputError& e) {
        return e.diagnostics();
    }
    return {};
}

std::string assessment_json(const std::string& path) {
    Profile profile = load_profile_file((source_dir() / path).string(), default_rubrics());
    profile.source = "p.yaml";  // the two files differ by name only
    return render_json(assess_fully(std::move(profile), default_rubrics(), {*ReportDate::parse("2026-11-23")}),
                       Lang::en);
}

// Every key of the YAML text `text` (block, question and answer keys), as written.
std::vector<std::string> keys_of(const YAML::Node& node) {
    std::vector<std::string> keys;
    if (!node.IsMap()) return keys;
    for (const auto& entry : node) {
        keys.push_back(entry.first.Scalar());
        for (const auto& key : keys_of(entry.second)) keys.push_back(key);
    }
    return keys;
}

}  // namespace

TEST_CASE("the default set has a Spanish id for every block and question, unlike the English one where they differ",
          "[spanish-ids]") {
    const RubricSet& set = default_rubrics();
    REQUIRE(set.blocks_es.size() == set.blocks.size());
    CHECK(set.written_block("institution", Lang::es) == "institución");
    CHECK(set.written_block("funding", Lang::es) == "financiamiento");
    CHECK(set.written_block("funding", Lang::en) == "funding");
    const Question* budget = set.find_question("funding.dedicated_budget");
    REQUIRE(budget);
    CHECK(budget->path_es == "financiamiento.presupuesto_propio");
    CHECK(budget->written_value("partial", Lang::es) == "parcial");
    CHECK(budget->written_value("yes", Lang::es) == "sí");
    CHECK(set.find_question_written("financiamiento.presupuesto_propio") == budget);
    CHECK(set.find_question_written("Financiamiento.Presupuesto_Propio") == budget);  // folded as typed
    CHECK(set.find_question_written("funding.dedicated_budget") == budget);
    CHECK(set.find_question_written("funding.presupuesto_propio") == budget);  // a block and a key each in either
    CHECK(set.find_question_written("financiamiento.nada") == nullptr);
}

TEST_CASE("a profile with Spanish keys and values gives exactly the assessment of its English twin", "[spanish-ids]") {
    std::string spanish = assessment_json("examples/universidad_estatal_es.yaml");
    std::string english = assessment_json("tests/profiles/valid/universidad_estatal_ids_en.yaml");
    REQUIRE_FALSE(spanish.empty());
    CHECK(spanish == english);
    // The Spanish example writes no English key: every key is a Spanish id of the set.
    YAML::Node root = YAML::LoadFile((source_dir() / "examples/universidad_estatal_es.yaml").string());
    for (const auto& key : keys_of(root)) {
        INFO(key);
        CHECK(key != "value");
        CHECK(key != "evidence");
        CHECK(key != "institution");
        CHECK(key != "dedicated_budget");
    }
    // The JSON keeps the English ids: a documented contract.
    CHECK(spanish.find("\"funding\"") != std::string::npos);
    CHECK(spanish.find("financiamiento") == std::string::npos);
}

TEST_CASE("keys and values in either language, mixed, read alike; accents and case folded", "[spanish-ids]") {
    const RubricSet& set = default_rubrics();
    Profile mixed =
        load_profile(kSpanishInstitution +
                         "funding:\n  presupuesto_propio: Parcial\n  co_funding: si\n  Suficiencia: LIMITADO\n"
                         "  compromiso_plurianual:\n    valor: sí\n"
                         "    evidence: {fuente: Acta, fecha: 2026-01-10, Responsable: Finanzas}\n"
                         "idioma:\n  inglés_integrado: no\n  ingles_disciplinar: yes\n",
                     "p.yaml", set);
    auto value_of = [&](const char* path) { return std::get<std::string>(mixed.find(path)->value); };
    CHECK(mixed.text("institution.type") == "public_university");
    CHECK(value_of("funding.dedicated_budget") == "partial");
    CHECK(value_of("funding.co_funding") == "yes");
    CHECK(value_of("funding.sufficiency") == "limited");
    CHECK(value_of("funding.multi_year_commitment") == "yes");
    CHECK(value_of("language.embedded_english") == "no");
    CHECK(value_of("language.discipline_english") == "yes");
    const Evidence* evidence = mixed.find_evidence(*set.find_question("funding.multi_year_commitment"));
    REQUIRE(evidence);
    CHECK(evidence->source == "Acta");
    CHECK(evidence->owner == "Finanzas");
}

TEST_CASE("a block, a question or an answer's key written twice, once in each language, is an error at the second",
          "[spanish-ids]") {
    struct Case {
        std::string text;
        std::string second;  // the second spelling, where the error is
        std::string en;
        std::string es;
    };
    const Case cases[] = {
        {kSpanishInstitution + "funding:\n  co_funding: yes\nfinanciamiento:\n  suficiencia: limitado\n",
         "financiamiento:", "\"financiamiento\" is funding again, already written as \"funding\"",
         "\"financiamiento\" es otra vez financiamiento, ya escrito como \"funding\""},
        {kSpanishInstitution + "funding:\n  co_funding: yes\n  cofinanciamiento: no\n",
         "cofinanciamiento:", "\"cofinanciamiento\" is funding.co_funding again, already written as \"co_funding\"",
         "\"cofinanciamiento\" es otra vez financiamiento.cofinanciamiento, ya escrito como \"co_funding\""},
        {kSpanishInstitution + "funding:\n  co_funding:\n    value: yes\n    valor: no\n"
                               "    evidence: {source: Acta, date: 2026-01-10, owner: Finanzas}\n",
         "valor:", "\"valor\" is funding.co_funding.value again, already written as \"value\"",
         "\"valor\" es otra vez financiamiento.cofinanciamiento.valor, ya escrito como \"value\""},
        {kSpanishInstitution +
             "funding:\n  co_funding:\n    valor: sí\n"
             "    evidencia: {fuente: Acta, fecha: 2026-01-10, date: 2026-01-11, responsable: Finanzas}\n",
         "date:", "\"date\" is funding.co_funding.evidence.date again, already written as \"fecha\"",
         "\"date\" es otra vez financiamiento.cofinanciamiento.evidencia.fecha, ya escrito como \"fecha\""},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        auto problems = problems_of(c.text);
        REQUIRE(problems.size() == 1);
        auto [line, column] = position_of(c.text, c.second);
        CHECK(problems[0].pos.line == line);
        CHECK(problems[0].pos.column == column);
        CHECK_THAT(problems[0].message.en, Catch::StartsWith(c.en));
        CHECK_THAT(problems[0].message.es, Catch::StartsWith(c.es));
    }
}

TEST_CASE("a misspelt Spanish key gets a Spanish did-you-mean at its line and column", "[spanish-ids]") {
    std::string text =
        kSpanishInstitution + "financiamiento:\n  presupuesto_propo: sí\nfinanciamento:\n  suficiencia: limitado\n";
    auto problems = problems_of(text);
    REQUIRE(problems.size() == 2);
    auto [line, column] = position_of(text, "presupuesto_propo:");
    CHECK(problems[0].pos.line == line);
    CHECK(problems[0].pos.column == column);
    CHECK(problems[0].message.es ==
          "clave desconocida \"presupuesto_propo\" en financiamiento; ¿quiso decir \"presupuesto_propio\"?");
    CHECK(problems[0].message.en ==
          "unknown key \"presupuesto_propo\" in funding; did you mean \"presupuesto_propio\"?");
    CHECK(problems[1].message.es ==
          "clave desconocida \"financiamento\" en el perfil; ¿quiso decir \"financiamiento\"?");
    // A key far from any: the keys listed in the message's language.
    auto far = problems_of(kSpanishInstitution + "financiamiento:\n  zzz: 1\n");
    REQUIRE(far.size() == 1);
    CHECK_THAT(far[0].message.es, Catch::Contains("suficiencia, presupuesto_propio, fuentes_externas"));
    CHECK_THAT(far[0].message.en, Catch::Contains("sufficiency, dedicated_budget, external_sources"));
}

TEST_CASE("an invalid answer names its question by its path, and the values, in the reader's language",
          "[spanish-ids]") {
    auto problems = problems_of(kSpanishInstitution + "financiamiento:\n  presupuesto_propio: quizás\n");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.es ==
          "financiamiento.presupuesto_propio: \"quizás\" no es válido; se esperaba uno de: sí, parcial, no");
    CHECK(problems[0].message.en ==
          "funding.dedicated_budget: \"quizás\" is not valid; expected one of: yes, partial, no");
    auto missing = problems_of("institución:\n  tipo: universidad_pública\n");
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].message.es == "institución.nombre es obligatorio");
    CHECK(missing[0].message.en == "institution.name is required");

    // The same through the binary: exit 2, the file, line and column, the Spanish path.
    TempDir dir;
    auto file = dir.path() / "perfil.yaml";
    write_file(file, kSpanishInstitution + "financiamiento:\n  cofinanciamiento: tal vez\n");
    RunResult run = run_tne({"assess", file.string(), "--lang", "es"});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains(file.string() + ":5:21: financiamiento.cofinanciamiento: \"tal vez\" no es "
                                                        "válido"));
    CHECK(run.err.find("funding") == std::string::npos);
}

TEST_CASE("a what-if, --set, takes a question's path in either language and names it in the reader's language",
          "[spanish-ids]") {
    const RubricSet& set = default_rubrics();
    Profile profile = load_profile(kSpanishInstitution, "p.yaml", set);
    simulate(profile, "financiamiento.presupuesto_propio=parcial", set);
    simulate(profile, "funding.co_funding=sí", set);
    CHECK(std::get<std::string>(profile.find("funding.dedicated_budget")->value) == "partial");
    CHECK(std::get<std::string>(profile.find("funding.co_funding")->value) == "yes");
    try {
        simulate(profile, "financiamiento.presupuesto_propo=sí", set);
        FAIL("a misspelt path was taken");
    } catch (const InputError& e) {
        CHECK_THAT(e.diagnostics()[0].message.es, Catch::Contains("¿quiso decir \"presupuesto_propio\"?"));
    }
}

TEST_CASE("tne init --lang es writes a template with no English key, which loads back", "[spanish-ids][init]") {
    const RubricSet& set = default_rubrics();
    std::string text = render_profile_yaml(set, nullptr, {Lang::es, {}, false});
    YAML::Node root = YAML::Load(text);
    std::vector<std::string> keys = keys_of(root);
    REQUIRE(keys.size() == set.blocks.size() + set.questions.size());
    for (const auto& question : set.questions) {
        if (question.key_es.empty()) continue;
        INFO(question.path);
        CHECK(std::find(keys.begin(), keys.end(), question.key) == keys.end());
        CHECK(std::find(keys.begin(), keys.end(), question.key_es) != keys.end());
    }
    CHECK(root["institución"]);
    CHECK_FALSE(root["institution"]);
    CHECK(text.find("{valor: ..., evidencia: {fuente: ..., fecha: AAAA-MM-DD, responsable: ...}}") !=
          std::string::npos);
    // With the required answers filled in, it is a profile.
    std::string filled = std::regex_replace(text, std::regex("\n  nombre:"), "\n  nombre: Universidad de Prueba");
    filled = std::regex_replace(filled, std::regex("\n  tipo:"), "\n  tipo: universidad_privada");
    Profile profile = load_profile(filled, "t.yaml", set);
    CHECK(profile.text("institution.type") == "private_university");

    // A profile written in Spanish names its values by their Spanish ids, its evidence by Spanish keys.
    Profile example = load_profile_file((source_dir() / "examples/universidad_estatal_es.yaml").string(), set);
    std::string written = render_profile_yaml(set, &example, {Lang::es, {}, false});
    CHECK_THAT(written, Catch::Contains("\n  presupuesto_propio: {valor: parcial, evidencia: {fuente: "));
    CHECK_THAT(written, Catch::Contains("\n  tipo: universidad_pública\n"));
    // English stays English.
    std::string english = render_profile_yaml(set, &example, {Lang::en, {}, false});
    CHECK_THAT(english, Catch::Contains("\n  dedicated_budget: {value: partial, evidence: {source: "));
}

TEST_CASE("the questionnaire in Spanish heads each question with its Spanish path", "[spanish-ids][init]") {
    TempDir dir;
    auto profile = dir.path() / "perfil.yaml";
    RunResult run = run_tne({"init", "--interactive", "--lang", "es", "-o", profile.string()}, {}, "");
    CHECK_THAT(run.out, Catch::Contains("Pregunta 1 de "));
    CHECK_THAT(run.out, Catch::Contains(" · institución.nombre\n"));
    CHECK(run.out.find("institution.name") == std::string::npos);
}

TEST_CASE("a survey map names its questions by their paths in either language", "[spanish-ids][survey]") {
    TempDir dir;
    write_file(dir.path() / "r.csv", "Nombre,Tipo,Presupuesto\nUniversidad A,Universidad pública,En parte\n");
    write_file(dir.path() / "m.yaml",
               "labels: {\"En parte\": parcial}\nfields:\n  institución.nombre: Nombre\n"
               "  institution.type: Tipo\n  financiamiento.presupuesto_propio: Presupuesto\n");
    RunResult run = run_tne({"batch", (dir.path() / "r.csv").string(), "--csv-map", (dir.path() / "m.yaml").string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    // Read as public_university, and "En parte" as partial: funding, the only dimension answered, scores 50.
    CHECK_THAT(run.out, Catch::Contains(",scored,Universidad A,public_university,50,emerging,"));
}
