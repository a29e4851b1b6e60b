// The pipeline of `tne rubrics check`: load the set collecting every problem, validate every file
// that parsed against the JSON Schema, then (when the set loaded) analyse the whole set.
#include "tne/rubric_check.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <tuple>

#include "authoring/annex_source.hpp"
#include "base/messages.hpp"
#include "base/yaml_input.hpp"
#include "rubric/rubric_loader.hpp"
#include "rubric/rubric_schema.hpp"
#include "tne/rubric_tests.hpp"

namespace tne {

namespace {

// The rule a kind of problem is reported under, or nothing for a kind that is no rubric-set
// problem. No default: a kind left out is a -Wswitch warning.
std::optional<CheckRule> describe(Problem p) {
    using S = Severity;
    switch (p) {
        case Problem::input:
        case Problem::missing_answer:
        case Problem::duplicate_item:
            return std::nullopt;
        case Problem::yaml_syntax:
            return CheckRule{p,
                             rule_id(p),
                             S::error,
                             {"A file must be valid YAML", "Un archivo debe ser YAML válido"},
                             {"Fix the YAML syntax at the place shown; quote a text that contains \": \" or starts "
                              "with a special character.",
                              "Corrija la sintaxis YAML en el lugar indicado; ponga entre comillas un texto que "
                              "contenga \": \" o empiece con un carácter especial."}};
        case Problem::missing_file:
            return CheckRule{p,
                             rule_id(p),
                             S::error,
                             {"Every file the set names exists", "Todo archivo que nombra el conjunto existe"},
                             {"Create the file, or correct its name in rubric-set.yaml (a dimension's file is "
                              "dimensions/<id>.yaml).",
                              "Cree el archivo o corrija su nombre en rubric-set.yaml (el archivo de una dimensión es "
                              "dimensions/<id>.yaml)."}};
        case Problem::duplicate_key:
            return CheckRule{p,
                             rule_id(p),
                             S::error,
                             {"A key appears once in a map", "Una clave aparece una sola vez en un mapa"},
                             {"Remove one of the two entries; YAML keeps only one of them.",
                              "Elimine una de las dos entradas; YAML conserva solo una."}};
        case Problem::schema:
            return CheckRule{
                p,
                rule_id(p),
                S::error,
                {"Files follow the rubric files' JSON Schema",
                 "Los archivos siguen el JSON Schema de los archivos de rúbricas"},
                {"Compare with `tne rubrics schema` and docs/rubrics.md; an editor with a YAML language "
                 "server shows these as you type.",
                 "Compare con `tne rúbricas esquema` y docs/rubrics.md; un editor con servidor de lenguaje "
                 "YAML los muestra al escribir."}};
        case Problem::duplicate_id:
            return CheckRule{p,
                             rule_id(p),
                             S::error,
                             {"Ids are unique across the set", "Los ids son únicos en todo el conjunto"},
                             {"Rename one of the two; models, tests and reports refer to items by id.",
                              "Cambie el nombre de uno de los dos; modelos, pruebas e informes se refieren a los "
                              "elementos por su id."}};
        case Problem::spanish_id:
            return CheckRule{
                p,
                rule_id(p),
                S::error,
                {"Spanish ids are ids, and written unlike the other ids of their block or question",
                 "Los ids en español son ids y se escriben distinto de los demás ids de su bloque o pregunta"},
                {"Write `id_es` or `key_es` in lower case, words joined by '_', accents kept (\"institución\"), and "
                 "unlike every other id, English or Spanish, of the same block's questions or the same question's "
                 "values once accents and case are ignored: a profile may use either.",
                 "Escriba `id_es` o `key_es` en minúsculas, con las palabras unidas por '_' y los acentos "
                 "(\"institución\"), y distinto de todo otro id, en inglés o en español, de las preguntas del mismo "
                 "bloque o de los valores de la misma pregunta, sin contar acentos ni mayúsculas: un perfil puede usar "
                 "cualquiera de los dos."}};
        case Problem::id_mismatch:
            return CheckRule{
                p,
                rule_id(p),
                S::error,
                {"A dimension file's id matches its name in rubric-set.yaml",
                 "El id de un archivo de dimensión coincide con su nombre en rubric-set.yaml"},
                {"Make the file's `id` the name listed under `dimensions` in rubric-set.yaml.",
                 "Haga que el `id` del archivo sea el nombre que aparece en `dimensions` de rubric-set.yaml."}};
        case Problem::unknown_reference:
            return CheckRule{
                p,
                rule_id(p),
                S::error,
                {"Every reference names an existing question, dimension, criterion, model or value",
                 "Toda referencia nombra una pregunta, dimensión, criterio, modelo o valor existente"},
                {"Correct the name (the message suggests the closest one when there is one) or add what it names.",
                 "Corrija el nombre (el mensaje sugiere el más parecido cuando lo hay) o agregue lo que nombra."}};
        case Problem::rule_type_mismatch:
            return CheckRule{
                p,
                rule_id(p),
                S::error,
                {"A rule or condition fits its question's type and range",
                 "Una regla o condición corresponde al tipo y al rango de su pregunta"},
                {"Score choice and yes/partial/no questions with `levels` that give every value a score, and percent, "
                 "count and list questions with `bands`; test choices with `in`, lists with `any_of`, numbers with "
                 "`at_least`/`at_most` within the question's range.",
                 "Califique las preguntas de opción y sí/parcial/no con `levels` que den puntaje a cada valor, y las "
                 "de porcentaje, conteo y lista con `bands`; pruebe opciones con `in`, listas con `any_of`, números "
                 "con `at_least`/`at_most` dentro del rango de la pregunta."}};
        case Problem::bands_order:
            return CheckRule{p,
                             rule_id(p),
                             S::error,
                             {"Bands ascend, start at the question's minimum and stay within its range",
                              "Las bandas ascienden, empiezan en el mínimo de la pregunta y no salen de su rango"},
                             {"Sort bands by `at_least`, start the first at the question's minimum (0 for percent and "
                              "list questions) and keep each at or below the question's maximum.",
                              "Ordene las bandas por `at_least`, empiece la primera en el mínimo de la pregunta (0 en "
                              "porcentajes y listas) y mantenga cada una en o por debajo del máximo de la pregunta."}};
        case Problem::levels_order:
            return CheckRule{p,
                             rule_id(p),
                             S::error,
                             {"Readiness levels start at 0 and ascend below 100",
                              "Los niveles de preparación empiezan en 0 y ascienden por debajo de 100"},
                             {"Give the first level `from: 0` and each next level a higher `from`, below 100.",
                              "Dé al primer nivel `from: 0` y a cada nivel siguiente un `from` mayor, menor que 100."}};
        case Problem::range_order:
            return CheckRule{p,
                             rule_id(p),
                             S::error,
                             {"A count question's min is not above its max",
                              "El mínimo de una pregunta de conteo no supera su máximo"},
                             {"Swap `min` and `max`.", "Intercambie `min` y `max`."}};
        case Problem::score_range:
            return CheckRule{p,
                             rule_id(p),
                             S::error,
                             {"Scores, and thresholds on scores, go from 0 to 100",
                              "Los puntajes, y los umbrales sobre puntajes, van de 0 a 100"},
                             {"Use a score from 0 (nothing) to 100 (full points).",
                              "Use un puntaje de 0 (nada) a 100 (puntos completos)."}};
        case Problem::weight_positive:
            return CheckRule{p,
                             rule_id(p),
                             S::error,
                             {"Weights are above 0 and at most 100", "Los pesos son mayores que 0 y como máximo 100"},
                             {"Give the weight a number above 0 and at most 100 (weights count relative to each "
                              "other); to leave a criterion out, delete it.",
                              "Dé al peso un número mayor que 0 y como máximo 100 (los pesos cuentan unos respecto de "
                              "otros); para dejar fuera un criterio, elimínelo."}};
        case Problem::missing_translation:
            return CheckRule{p,
                             rule_id(p),
                             S::error,
                             {"Every text has a non-empty English and Spanish version",
                              "Todo texto tiene una versión en inglés y en español, no vacías"},
                             {"Add the missing `en:` or `es:` text; reports are printed in either language.",
                              "Agregue el texto `en:` o `es:` que falta; los informes se imprimen en cualquiera de los "
                              "dos idiomas."}};
        case Problem::annex_section:
            return CheckRule{
                p,
                rule_id(p),
                S::error,
                {"Every Annex reference names a section listed in the set's annex file",
                 "Toda referencia al Anexo nombra una sección de la lista del archivo annex del conjunto"},
                {"Cite the section as a quoted number listed in annex.yaml, such as \"4.1.5\".",
                 "Cite la sección como un número entre comillas de la lista de annex.yaml, como \"4.1.5\"."}};
        case Problem::pathway_order:
            return CheckRule{
                p,
                rule_id(p),
                S::error,
                {"A model builds only on models of an earlier stage",
                 "Un modelo se basa solo en modelos de una etapa anterior"},
                {"Lower the stepping stone's stage or raise this model's, so pathways lead forward and never loop.",
                 "Baje la etapa del paso previo o suba la de este modelo, para que las rutas avancen y nunca se "
                 "cierren."}};
        case Problem::unreachable_full_score:
            return CheckRule{
                p,
                rule_id(p),
                S::error,
                {"Every criterion can score full points", "Todo criterio puede obtener el puntaje completo"},
                {"Give some value or reachable band the score 100; otherwise no institution can earn the criterion's "
                 "points.",
                 "Dé el puntaje 100 a algún valor o banda alcanzable; de lo contrario ninguna institución obtiene los "
                 "puntos del criterio."}};
        case Problem::infeasible_model:
            return CheckRule{
                p,
                rule_id(p),
                S::error,
                {"Some profile can make every model feasible", "Algún perfil puede hacer factible cada modelo"},
                {"Relax the requirement named, or the requirements that contradict each other; otherwise every "
                 "institution is told to lift a blocker it never can.",
                 "Flexibilice el requisito indicado, o los requisitos que se contradicen; si no, a toda institución se "
                 "le pide levantar un bloqueo que nunca podrá levantar."}};
        case Problem::quote_not_found:
            return CheckRule{
                p,
                rule_id(p),
                S::error,
                {"Every quote is in the Annex section its rule cites (with --source)",
                 "Toda cita está en la sección del Anexo que cita su regla (con --source)"},
                {"Copy the words exactly from the section the rule's `annex` names (line breaks and typographic quotes "
                 "do not matter), or cite the section the words are in, if it supports the rule.",
                 "Copie las palabras tal cual de la sección que nombra el `annex` de la regla (los saltos de línea y "
                 "las comillas tipográficas no importan), o cite la sección donde están, si respalda la regla."}};
        case Problem::heading_not_found:
            return CheckRule{
                p,
                rule_id(p),
                S::error,
                {"Every Annex section's heading is a line of the source (with --source)",
                 "El encabezado de cada sección del Anexo es una línea de la fuente (con --source)"},
                {"Give the section a `heading:` copied whole from its heading line in the source (sections are found "
                 "in order, each after the previous one); give `ends:` a line inside the section.",
                 "Dé a la sección un `heading:` copiado completo de su línea de encabezado en la fuente (las secciones "
                 "se buscan en orden, cada una después de la anterior); dé a `ends:` una línea dentro de la sección."}};
        case Problem::unused_question:
            return CheckRule{p,
                             rule_id(p),
                             S::warning,
                             {"Every dimension question is scored or read by a model",
                              "Toda pregunta de una dimensión se califica o la lee un modelo"},
                             {"Score it with a criterion, use it in a model condition, or remove it: otherwise "
                              "institutions answer a question that changes nothing.",
                              "Califíquela con un criterio, úsela en una condición de modelo o elimínela: si no, las "
                              "instituciones responden una pregunta que no cambia nada."}};
        case Problem::untranslated:
            return CheckRule{
                p,
                rule_id(p),
                S::warning,
                {"The Spanish text is a translation, not a copy",
                 "El texto en español es una traducción, no una copia"},
                {"Translate the `es:` text; a text identical in both languages is usually a copy left untranslated.",
                 "Traduzca el texto `es:`; un texto idéntico en ambos idiomas suele ser una copia sin traducir."}};
        case Problem::no_tests:
            return CheckRule{p,
                             rule_id(p),
                             S::warning,
                             {"The set carries its own test cases", "El conjunto incluye sus propios casos de prueba"},
                             {"Add test cases (profiles with the results they must give) and list them under `tests` "
                              "in rubric-set.yaml; see docs/rubrics.md.",
                              "Agregue casos de prueba (perfiles con los resultados que deben dar) y enumérelos en "
                              "`tests` de rubric-set.yaml; vea docs/rubrics.md."}};
        case Problem::untested_model:
            return CheckRule{p,
                             rule_id(p),
                             S::warning,
                             {"The set's tests cover every model", "Las pruebas del conjunto cubren todos los modelos"},
                             {"Add a test case that expects this model as suggested, feasible or blocked.",
                              "Agregue un caso de prueba que espere este modelo como sugerido, factible o bloqueado."}};
        case Problem::untested_dimension:
            return CheckRule{
                p,
                rule_id(p),
                S::warning,
                {"The set's tests cover every dimension", "Las pruebas del conjunto cubren todas las dimensiones"},
                {"Add a test case that expects a score range or a level for this dimension.",
                 "Agregue un caso de prueba que espere un rango de puntaje o un nivel para esta dimensión."}};
        case Problem::basis_missing:
            return CheckRule{
                p,
                rule_id(p),
                S::warning,
                {"Every rule says what it rests on: a quote of the Annex or an assumption",
                 "Toda regla dice en qué se apoya: una cita del Anexo o un supuesto"},
                {"Add `quote:` with the Annex's words that support the rule, from the section it cites, and "
                 "`assumption: {en, es}` with the reason for what the Annex does not give (its numbers, usually).",
                 "Agregue `quote:` con las palabras del Anexo que respaldan la regla, de la sección que cita, y "
                 "`assumption: {en, es}` con la razón de lo que el Anexo no da (sus números, por lo general)."}};
    }
    return std::nullopt;
}

}  // namespace

const std::vector<CheckRule>& check_rules() {
    static const std::vector<CheckRule> rules = [] {
        std::vector<CheckRule> all;
        for (Problem p : kAllProblems)
            if (auto rule = describe(p)) all.push_back(std::move(*rule));
        return all;
    }();
    return rules;
}

const CheckRule* find_check_rule(Problem problem) {
    for (const auto& rule : check_rules())
        if (rule.problem == problem) return &rule;
    return nullptr;
}

const CheckRule& check_rule(Problem problem) {
    if (const CheckRule* rule = find_check_rule(problem)) return *rule;
    throw std::logic_error("not a check rule: " + std::string(rule_id(problem)));
}

int CheckReport::count(Severity severity) const {
    return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                          [&](const Finding& f) { return f.rule->severity == severity; }));
}

const std::string& rubric_files_schema() { return rubric_schema::schema_text(); }

namespace {

// The scores a criterion can give when its question's answer is limited to what `allowed` admits.
std::vector<double> attainable_scores(const Criterion& criterion, const Question& question,
                                      const std::vector<const Condition*>& allowed) {
    std::vector<double> scores;
    if (!criterion.rule.levels.empty()) {
        for (const auto& level : criterion.rule.levels) {
            // level.first, not a structured binding: clang 14 (the fuzz build) cannot capture one.
            const std::string& value = level.first;
            bool admitted = std::all_of(allowed.begin(), allowed.end(), [&](const Condition* c) {
                return c->in.empty() || std::find(c->in.begin(), c->in.end(), value) != c->in.end();
            });
            if (admitted) scores.push_back(level.second);
        }
        return scores;
    }
    double low = question.min;
    double high = question.max;
    for (const Condition* c : allowed) {
        if (c->at_least) low = std::max(low, *c->at_least);
        if (c->at_most) high = std::min(high, *c->at_most);
        if (!c->any_of.empty()) low = std::max(low, 1.0);  // a list that names one of them has an item
    }
    const auto& bands = criterion.rule.bands;
    for (size_t i = 0; i < bands.size(); ++i) {
        double band_end = i + 1 < bands.size() ? bands[i + 1].at_least : high + 1;
        if (bands[i].at_least <= high && band_end > low) scores.push_back(bands[i].score);
    }
    return scores;
}

struct ScoreRange {
    double low = 0;
    double high = 0;
};

// The highest (or lowest) weighted mean of a dimension's known criteria: `forced` criteria must be
// answered within their attainable scores; the others may be answered or left unknown.
double extreme_mean(std::vector<std::pair<double, double>> forced,  // (weight, best score)
                    std::vector<std::pair<double, double>> optional, bool highest) {
    auto better = [&](double a, double b) { return highest ? a > b : a < b; };
    std::sort(optional.begin(), optional.end(),
              [&](const auto& x, const auto& y) { return better(x.second, y.second); });
    if (forced.empty()) {
        if (optional.empty()) return highest ? 0 : 100;
        forced.push_back(optional.front());
        optional.erase(optional.begin());
    }
    double weight = 0;
    double points = 0;
    for (const auto& [w, s] : forced) {
        weight += w;
        points += w * s;
    }
    for (const auto& [w, s] : optional) {
        if (!better(s, points / weight)) break;
        weight += w;
        points += w * s;
    }
    return points / weight;
}

// A rule that rests on the Annex: its basis, the section it cites (empty: the whole document) and
// its name in messages. `required`: without a quote or an assumption it is `basis-missing`.
struct BasedRule {
    const Basis* basis = nullptr;
    std::string annex;
    LocalText what;
    bool required = true;
};

std::vector<BasedRule> based_rules(const RubricSet& set) {
    std::vector<BasedRule> rules;
    auto quoted = [](const std::string& id) { return "\"" + id + "\""; };
    for (const auto& dimension : set.dimensions) {
        for (const auto& c : dimension.criteria) {
            rules.push_back({&c.basis, c.annex, {"criterion " + quoted(c.id), "el criterio " + quoted(c.id)}});
            rules.push_back({&c.recommendation.basis,
                             c.recommendation.annex,
                             {"the recommendation of " + quoted(c.id), "la recomendación de " + quoted(c.id)}});
        }
    }
    auto on = [](const Condition& c) { return c.dimension.empty() ? c.question : c.dimension; };
    for (const auto& m : set.models) {
        for (const auto& c : m.requires_)
            rules.push_back({&c.basis,
                             c.annex,
                             {"the requirement of model " + quoted(m.id) + " on " + on(c),
                              "el requisito del modelo " + quoted(m.id) + " sobre " + on(c)}});
        for (const auto& adjustment : m.context)
            rules.push_back({&adjustment.when.basis,
                             adjustment.when.annex,
                             {"the context adjustment of model " + quoted(m.id) + " on " + on(adjustment.when),
                              "el ajuste de contexto del modelo " + quoted(m.id) + " sobre " + on(adjustment.when)}});
        if (m.runs_when)
            rules.push_back({&m.runs_when->basis,
                             m.runs_when->annex,
                             {"runs_when of model " + quoted(m.id), "runs_when del modelo " + quoted(m.id)}});
    }
    const Advice& advice = set.advice;
    for (const auto& [name, rule] :
         {std::pair{"min_coverage", &advice.min_coverage}, std::pair{"min_fit", &advice.min_fit},
          std::pair{"already_runs", &advice.already_runs}, std::pair{"builds_on_running", &advice.builds_on_running},
          std::pair{"considered", &advice.considered}}) {
        std::string id = std::string("advice.") + name;
        rules.push_back({&rule->basis, rule->annex, {"the rule " + id, "la regla " + id}});
    }
    for (const auto& step : advice.first_steps) {
        rules.push_back({&step.basis,
                         step.annex,
                         {"the first step " + quoted(step.model) + " of the advice",
                          "el primer paso " + quoted(step.model) + " del consejo"}});
        if (step.when)
            rules.push_back({&step.when->basis,
                             step.when->annex,
                             {"the condition of the first step " + quoted(step.model),
                              "la condición del primer paso " + quoted(step.model)},
                             false});
    }
    rules.push_back({&set.levels_basis, "", {"levels_basis", "levels_basis"}, false});
    return rules;
}

// A quote to find in the section it cites: a rule's, or a test case's expectation's.
struct Quoted {
    const std::string* quote = nullptr;
    std::string annex;  // empty: anywhere in the document
    SourcePos pos;
};

// --source: every section's heading is a line of the text, every quote is in its section.
void check_quotes(const RubricSet& set, std::vector<Quoted> quotes, const CheckSource& source,
                  std::vector<Finding>& findings) {
    annex_source::SplitSource split = annex_source::split(source.text, set.annex_sections);
    for (const auto& problem : split.problems) {
        const AnnexSection& section = *problem.section;
        LocalText message = problem.kind == annex_source::ProblemKind::no_heading
                                ? format_message(msg::heading_missing, section.id, source.name)
                            : problem.kind == annex_source::ProblemKind::heading_not_found
                                ? format_message(msg::heading_not_found, section.id, section.heading, source.name)
                                : format_message(msg::ends_not_found, section.id, section.ends, source.name);
        findings.push_back({&check_rule(Problem::heading_not_found), section.pos, std::move(message)});
    }
    for (const auto& rule : based_rules(set)) quotes.push_back({&rule.basis->quote, rule.annex, rule.basis->pos});
    for (const auto& item : quotes) {
        const std::string& quote = *item.quote;
        if (quote.empty()) continue;
        const Quoted& rule = item;
        std::string folded = annex_source::fold(quote);
        LocalText message;
        if (rule.annex.empty()) {
            if (split.whole.find(folded) != std::string::npos) continue;
            message = format_message(msg::quote_not_in_source, quote, source.name);
        } else {
            const annex_source::SectionText* section = split.find(rule.annex);
            if (!section || section->first_line == 0) continue;  // the heading's finding says why
            if (section->text.find(folded) != std::string::npos) continue;
            const annex_source::SectionText* other = split.containing(folded);
            message =
                other ? format_message(msg::quote_in_other_section, quote, rule.annex, source.name, other->section->id)
                      : format_message(msg::quote_not_in_section, quote, rule.annex, source.name,
                                       std::to_string(section->first_line) + "-" + std::to_string(section->last_line));
        }
        findings.push_back({&check_rule(Problem::quote_not_found), rule.pos, std::move(message)});
    }
}

class SetAnalysis {
public:
    SetAnalysis(const RubricSet& set, std::vector<Finding>& findings) : set_(set), findings_(findings) {}

    void run() {
        for (const auto& dimension : set_.dimensions)
            for (const auto& criterion : dimension.criteria) check_full_score(criterion);
        for (const auto& model : set_.models) check_feasible(model);
        check_unused_questions();
        for (const auto& rule : based_rules(set_))
            if (rule.required && rule.basis->empty())
                add(Problem::basis_missing, rule.basis->pos,
                    format_message(msg::basis_missing, rule.what.en, rule.what.es));
    }

private:
    void add(Problem rule, const SourcePos& pos, LocalText message) {
        findings_.push_back({&check_rule(rule), pos, std::move(message)});
    }

    void check_full_score(const Criterion& criterion) {
        const Question& question = *set_.find_question(criterion.question);
        std::vector<double> scores = attainable_scores(criterion, question, {});
        double best = scores.empty() ? 0 : *std::max_element(scores.begin(), scores.end());
        if (best < 100)
            add(Problem::unreachable_full_score, criterion.rule.pos,
                format_message(msg::never_full_score, criterion.id, format_number(best)));
    }

    // A model is infeasible when one of its requirements, or several on the same subject together,
    // admit no answer at all.
    void check_feasible(const Model& model) {
        std::map<std::string, std::vector<const Condition*>> by_question;
        for (const auto& c : model.requires_)
            if (!c.question.empty()) by_question[c.question].push_back(&c);
        for (const auto& [path, conditions] : by_question) {
            const Question& question = *set_.find_question(path);
            if (!admits_answer(question, conditions))
                add(Problem::infeasible_model, conditions.back()->pos,
                    format_message(msg::infeasible_question, model.id, path));
        }
        for (const auto& c : model.requires_) {
            if (c.dimension.empty()) continue;
            ScoreRange range = dimension_range(*set_.find_dimension(c.dimension), by_question);
            bool reachable =
                (!c.at_least || *c.at_least <= range.high + 1e-9) && (!c.at_most || *c.at_most >= range.low - 1e-9);
            if (!reachable)
                add(Problem::infeasible_model, c.pos,
                    format_message(msg::infeasible_dimension, model.id, c.dimension, format_number(range.low),
                                   format_number(range.high)));
        }
    }

    static bool admits_answer(const Question& question, const std::vector<const Condition*>& conditions) {
        double low = question.min;
        double high = question.max;
        std::set<std::string> values;
        for (const auto& value : question.values) values.insert(value.id);
        for (const Condition* c : conditions) {
            if (c->at_least) low = std::max(low, *c->at_least);
            if (c->at_most) high = std::min(high, *c->at_most);
            if (!c->in.empty())
                std::erase_if(values, [&](const std::string& v) {
                    return std::find(c->in.begin(), c->in.end(), v) == c->in.end();
                });
        }
        bool numeric = question.type == QuestionType::percent || question.type == QuestionType::count;
        return numeric ? low <= high : !values.empty();
    }

    // The lowest and highest score the dimension can have while the model's question conditions hold.
    ScoreRange dimension_range(const Dimension& dimension,
                               const std::map<std::string, std::vector<const Condition*>>& by_question) const {
        std::vector<std::pair<double, double>> forced_high, forced_low, optional_high, optional_low;
        for (const auto& criterion : dimension.criteria) {
            auto it = by_question.find(criterion.question);
            std::vector<double> scores =
                attainable_scores(criterion, *set_.find_question(criterion.question),
                                  it == by_question.end() ? std::vector<const Condition*>{} : it->second);
            if (scores.empty()) continue;
            double high = *std::max_element(scores.begin(), scores.end());
            double low = *std::min_element(scores.begin(), scores.end());
            bool forced = it != by_question.end();
            (forced ? forced_high : optional_high).emplace_back(criterion.weight, high);
            (forced ? forced_low : optional_low).emplace_back(criterion.weight, low);
        }
        return {extreme_mean(forced_low, optional_low, false), extreme_mean(forced_high, optional_high, true)};
    }

    void check_unused_questions() {
        std::set<std::string> used;
        for (const auto& dimension : set_.dimensions)
            for (const auto& criterion : dimension.criteria) used.insert(criterion.question);
        for (const auto& model : set_.models) {
            for (const auto& c : model.requires_) used.insert(c.question);
            for (const auto& adjustment : model.context) used.insert(adjustment.when.question);
        }
        for (const auto& question : set_.questions)
            if (question.block != "institution" && !used.count(question.path))
                add(Problem::unused_question, question.pos, format_message(msg::unused_question, question.path));
    }

    const RubricSet& set_;
    std::vector<Finding>& findings_;
};

// Texts whose Spanish is a copy of the English, found in the files themselves for their places.
// Names ("CONAHCYT", "British Council") are the same in both languages: only prose counts, a text
// of several words with at least one in lower case.
bool is_prose(const std::string& text) {
    bool word_start = true;
    bool lower_word = false;
    for (char c : text) {
        if (word_start && c >= 'a' && c <= 'z') lower_word = true;
        word_start = c == ' ';
    }
    return lower_word && text.find(' ') != std::string::npos;
}

// Each collection once, known by its place in the file: an alias is the node it names, so a few
// hundred bytes of nested aliases ("billion laughs") would otherwise be walked a billion times.
void find_untranslated(const YAML::Node& node, const std::string& file, std::vector<Finding>& findings,
                       std::set<std::pair<int, int>>& seen) {
    if (!node.IsMap() && !node.IsSequence()) return;
    if (!seen.emplace(node.Mark().line, node.Mark().column).second) return;
    if (node.IsMap()) {
        const YAML::Node en = node["en"];
        const YAML::Node es = node["es"];
        if (en && es && en.IsScalar() && es.IsScalar() && en.Scalar() == es.Scalar() && is_prose(en.Scalar())) {
            findings.push_back({&check_rule(Problem::untranslated), yaml_input::pos_of(es, file),
                                format_message(msg::untranslated, en.Scalar())});
        }
        for (const auto& entry : node) find_untranslated(entry.second, file, findings, seen);
    } else {
        for (const auto& item : node) find_untranslated(item, file, findings, seen);
    }
}

bool same_place(const SourcePos& a, const SourcePos& b) {
    return a.file == b.file && a.line == b.line && a.column == b.column;
}

// Checks the set's test files; `suite` receives them when they load.
void check_tests(const RubricFiles& files, const RubricLoad& load, std::vector<Finding>& findings,
                 RubricTestSuite& suite) {
    const RubricSet& set = load.set;
    if (set.test_files.empty()) {
        const YAML::Node& main = load.files.front().root;  // rubric-set.yaml, read first
        SourcePos where = yaml_input::pos_of(main["tests"] ? main["tests"] : main, load.files.front().name);
        findings.push_back({&check_rule(Problem::no_tests), where, format_message(msg::no_tests)});
        return;
    }
    std::vector<Finding> from_loader;
    try {
        suite = load_rubric_tests(set, files);
        std::set<std::string> models = suite.covered_models();
        std::set<std::string> dimensions = suite.covered_dimensions();
        for (const auto& model : set.models)
            if (!models.count(model.id))
                findings.push_back(
                    {&check_rule(Problem::untested_model), model.pos, format_message(msg::untested_model, model.id)});
        for (const auto& dimension : set.dimensions)
            if (!dimensions.count(dimension.id))
                findings.push_back({&check_rule(Problem::untested_dimension), dimension.pos,
                                    format_message(msg::untested_dimension, dimension.id)});
    } catch (const InputError& e) {
        for (const auto& d : e.diagnostics()) {
            const CheckRule* rule = find_check_rule(d.problem);  // a profile's own kinds are the file's structure
            from_loader.push_back({rule ? rule : &check_rule(Problem::schema), d.pos, d.message});
        }
    }
    // As for the set's files: the loader's findings name the rule; the schema adds what it did not see.
    for (const auto& relative : set.test_files) {
        std::string name = files.root + "/" + relative;
        auto text = files.read(relative);
        if (!text) continue;  // load_rubric_tests reported it
        try {
            YAML::Node root = yaml_input::parse(*text, name);
            for (const auto& d : rubric_schema::validate(root, name, rubric_schema::FileKind::tests)) {
                bool seen = std::any_of(from_loader.begin(), from_loader.end(),
                                        [&](const Finding& f) { return same_place(f.pos, d.pos); });
                if (!seen) findings.push_back({&check_rule(d.problem), d.pos, d.message});
            }
        } catch (const InputError&) {
            // load_rubric_tests reported the syntax error
        }
    }
    findings.insert(findings.end(), from_loader.begin(), from_loader.end());
}

}  // namespace

CheckReport check_rubric_set(const RubricFiles& files, const std::optional<CheckSource>& source) {
    CheckReport report;
    report.root = files.root;
    RubricLoad load = read_rubric_set(files);
    report.files_checked = static_cast<int>(load.files.size() + load.set.test_files.size());

    // The loader's findings name the rule precisely; the schema's add what the loader did not see.
    for (const auto& d : load.problems) report.findings.push_back({&check_rule(d.problem), d.pos, d.message});
    size_t from_loader = report.findings.size();
    for (const auto& file : load.files) {
        for (auto& d : rubric_schema::validate(file.root, file.name, file.kind)) {
            bool seen = std::any_of(report.findings.begin(), report.findings.begin() + from_loader,
                                    [&](const Finding& f) { return same_place(f.pos, d.pos); });
            if (!seen) report.findings.push_back({&check_rule(d.problem), d.pos, d.message});
        }
        std::set<std::pair<int, int>> seen;
        find_untranslated(file.root, file.name, report.findings, seen);
    }
    // The whole-set analyses need a complete set.
    if (report.count(Severity::error) == 0) {
        SetAnalysis(load.set, report.findings).run();
        RubricTestSuite suite;
        check_tests(files, load, report.findings, suite);
        if (source) {
            // The test cases' expectations cite the Annex too (fidelity cases): their quotes are checked alike.
            std::vector<Quoted> quotes;
            for (const auto& c : suite.cases)
                for (const auto* ids :
                     {&c.expect.suggested_one_of, &c.expect.acceptable, &c.expect.not_for_now, &c.expect.barriers})
                    if (*ids) quotes.push_back({&(*ids)->quote, (*ids)->annex, (*ids)->pos});
            check_quotes(load.set, std::move(quotes), *source, report.findings);
        }
    }
    if (source) ++report.files_checked;
    std::stable_sort(report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
        return std::tie(a.pos.file, a.pos.line, a.pos.column, a.rule->id) <
               std::tie(b.pos.file, b.pos.line, b.pos.column, b.rule->id);
    });
    return report;
}

}  // namespace tne
