// A rubric set's test cases: reading them (every problem collected, each at its file:line:column
// with a `tne rubrics check` rule id), running them through assess(), and reporting the results.
#include "tne/rubric_tests.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "base/messages.hpp"
#include "base/yaml_input.hpp"
#include "tne/assessment.hpp"
#include "tne/plan.hpp"
#include "tne/rubric_check.hpp"

namespace tne {

namespace {

namespace text {

inline constexpr Message test_file_missing{
    "test file not found; rubric-set.yaml lists it under \"tests\"",
    "no se encontró el archivo de pruebas; rubric-set.yaml lo incluye en \"tests\""};
inline constexpr Message duplicate_case{"the case id \"{0}\" is used twice; each case needs its own",
                                        "el id de caso \"{0}\" se usa dos veces; cada caso necesita el suyo"};
inline constexpr Message expects_nothing{
    "\"expect\" checks nothing; give at least one of: overall, dimensions, suggested, feasible, blocked, "
    "recommendations",
    "\"expect\" no comprueba nada; indique al menos uno de: overall, dimensions, suggested, feasible, blocked, "
    "recommendations"};
inline constexpr Message score_checks_nothing{"{0} checks nothing; give at_least, at_most or level",
                                              "{0} no comprueba nada; indique at_least, at_most o level"};
inline constexpr Message not_a_score{"{0} is not a score; expected a number from 0 to 100",
                                     "{0} no es un puntaje; se esperaba un número de 0 a 100"};
inline constexpr Message range_reversed{"at_least {0} is above at_most {1}, so no score can pass",
                                        "at_least {0} es mayor que at_most {1}, así que ningún puntaje puede pasar"};
inline constexpr Message top_not_positive{"{0} is not valid for \"top\"; expected a whole number from 1 to {1}",
                                          "{0} no es válido para \"top\"; se esperaba un número entero de 1 a {1}"};
inline constexpr Message model_feasible_and_blocked{
    "the model \"{0}\" is expected both feasible and blocked",
    "se espera que el modelo \"{0}\" sea factible y esté bloqueado a la vez"};
inline constexpr Message criterion_included_and_excluded{"the criterion \"{0}\" is both included and excluded",
                                                         "el criterio \"{0}\" está incluido y excluido a la vez"};
inline constexpr Message unknown_reference{"no {0} \"{1}\" in the rubric set",
                                           "no existe {0} \"{1}\" en el conjunto de rúbricas"};
inline constexpr Message did_you_mean{"; did you mean \"{0}\"?", "; ¿quiso decir \"{0}\"?"};
inline constexpr Message expected_one_of{"; expected one of: {0}", "; se esperaba uno de: {0}"};

inline constexpr Message expected_got{"{0}: expected {1}, got {2}", "{0}: se esperaba {1}, se obtuvo {2}"};
inline constexpr Message overall_score{"overall readiness", "preparación general"};
inline constexpr Message overall_level{"overall level", "nivel general"};
inline constexpr Message dimension_score{"{0} score", "puntaje de {0}"};
inline constexpr Message dimension_level{"{0} level", "nivel de {0}"};
inline constexpr Message suggested_model{"suggested model", "modelo sugerido"};
inline constexpr Message model{"model {0}", "modelo {0}"};
inline constexpr Message recommendation{"recommendation {0}", "recomendación {0}"};
inline constexpr Message between{"{0} to {1}", "de {0} a {1}"};
inline constexpr Message at_least{"at least {0}", "al menos {0}"};
inline constexpr Message at_most{"at most {0}", "como máximo {0}"};
inline constexpr Message no_score{"no score (no answers)", "ningún puntaje (sin respuestas)"};
inline constexpr Message no_level{"no level (no answers)", "ningún nivel (sin respuestas)"};
inline constexpr Message feasible{"feasible", "factible"};
inline constexpr Message blocked{"blocked", "bloqueado"};
inline constexpr Message rank_or_better{"rank {0} or better", "lugar {0} o mejor"};
inline constexpr Message among_all{"among the recommendations", "entre las recomendaciones"};
inline constexpr Message below_rank{"below rank {0}", "después del lugar {0}"};
inline constexpr Message not_recommended{"not recommended", "no recomendada"};
inline constexpr Message rank{"rank {0}", "lugar {0}"};
inline constexpr Message not_supported{"suggested model: expected one of {0} (Annex {1}), got {2}",
                                       "modelo sugerido: se esperaba uno de {0} (Anexo {1}), se obtuvo {2}"};
inline constexpr Message not_ruled_out{"model {0}: expected not for now (Annex {1}), but it is {2}",
                                       "modelo {0}: se esperaba que no fuera para ahora (Anexo {1}), pero está {2}"};
inline constexpr Message standing_suggested{"suggested", "sugerido"};
inline constexpr Message standing_runs{"already run and within reach", "ya en marcha y a su alcance"};
inline constexpr Message standing_within_reach{"within reach", "a su alcance"};
inline constexpr Message not_a_barrier{
    "dimension {0}: expected a barrier, below overall readiness {2} (Annex {1}), but it scores {3}",
    "dimensión {0}: se esperaba una barrera, por debajo de la preparación general {2} (Anexo {1}), pero obtiene {3}"};
inline constexpr Message stability_low{
    "stability: {0}% of {1} one-answer variants keep a suggestion the Annex supports; expected at least {2}%",
    "estabilidad: el {0} % de {1} variantes de una respuesta conserva una sugerencia que el Anexo respalda; se "
    "esperaba al menos el {2} %"};
inline constexpr Message stability_note{
    "stability: {0}% of {1} one-answer variants keep a suggestion the Annex supports ({2} change it)",
    "estabilidad: el {0} % de {1} variantes de una respuesta conserva una sugerencia que el Anexo respalda ({2} la "
    "cambian)"};
inline constexpr Message flip_unexplained{
    "{0} = {1} makes {2} the suggestion, but \"what would change the advice\" does not name it",
    "{0} = {1} hace de {2} la sugerencia, pero \"qué cambiaría el consejo\" no lo menciona"};
inline constexpr Message flip_outside{"{0} = {1} → {2}", "{0} = {1} → {2}"};
inline constexpr Message support_needs{"{0} needs {1}", "{0} requiere {1}"};
inline constexpr Message pass{"PASS", "PASA"};
inline constexpr Message fail{"FAIL", "FALLA"};
inline constexpr Message summary{"{0} passed, {1} failed", "aprobados: {0}, fallidos: {1}"};

// What an id in a test file refers to, for "no model "x" in the rubric set".
inline constexpr Message model_kind{"model", "el modelo"};
inline constexpr Message dimension_kind{"dimension", "la dimensión"};
inline constexpr Message criterion_kind{"criterion", "el criterio"};
inline constexpr Message level_kind{"level", "el nivel"};

}  // namespace text

// The word the files use for "no model is suggested"; never a model id of the default set.
const std::string kNoModel = "none";

const std::vector<std::string> kCaseKeys = {"id", "profile", "expect"};
const std::vector<std::string> kExpectKeys = {"overall",         "dimensions", "suggested",   "feasible", "blocked",
                                              "recommendations", "acceptable", "not_for_now", "barriers", "stability"};
const std::vector<std::string> kSupportKeys = {"annex", "quote"};
const std::vector<std::string> kScoreKeys = {"at_least", "at_most", "level"};
const std::vector<std::string> kRecommendationKeys = {"include", "exclude", "top"};

std::string join(const std::vector<std::string>& items) {
    std::string joined;
    for (const auto& item : items) joined += (joined.empty() ? "" : ", ") + item;
    return joined;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

// A Message whose arguments are themselves localized: each language gets its own.
LocalText format_local(const Message& message, const LocalText& a, const LocalText& b = {}, const LocalText& c = {}) {
    return localize([&](Lang lang) {
        return fmt::format(fmt::runtime(lang == Lang::es ? message.es : message.en), a.in(lang), b.in(lang),
                           c.in(lang));
    });
}

LocalText same_in_both(const std::string& word) { return {word, word}; }

// ---- reading ----------------------------------------------------------------------------------

template <class Item>
std::vector<std::string> ids_of(const std::vector<Item>& items) {
    std::vector<std::string> ids;
    for (const auto& item : items) ids.push_back(item.id);
    return ids;
}

std::vector<std::string> criterion_ids(const RubricSet& set) {
    std::vector<std::string> ids;
    for (const auto& dimension : set.dimensions)
        for (const auto& criterion : dimension.criteria) ids.push_back(criterion.id);
    return ids;
}

class SuiteReader {
public:
    SuiteReader(const RubricSet& set, const RubricFiles& files) : set_(set), files_(files) {}

    RubricTestSuite read() {
        for (const auto& relative : set_.test_files) read_file(relative);
        if (!problems_.empty()) throw InputError(problems_);
        return std::move(suite_);
    }

private:
    void read_file(const std::string& relative) {
        file_ = files_.root + "/" + relative;
        size_t first_problem = problems_.size();
        if (auto content = files_.read(relative)) {
            try {
                read_cases(yaml_input::parse(*content, file_));
            } catch (const InputError& error) {  // a syntax error: nothing else in the file can be read
                add_all(error);
            }
        } else {
            problems_.push_back(
                {SourcePos{file_}, format_message(text::test_file_missing), Problem::unknown_reference});
        }
        // Cases, expectations and profiles are read in turn; the user reads the file top to bottom.
        std::stable_sort(problems_.begin() + static_cast<std::ptrdiff_t>(first_problem), problems_.end(),
                         [](const Diagnostic& x, const Diagnostic& y) {
                             return std::tie(x.pos.line, x.pos.column) < std::tie(y.pos.line, y.pos.column);
                         });
    }

    void read_cases(const YAML::Node& root) {
        if (!known_entries(root, "test file", {"cases"})) return;
        const YAML::Node& cases = root["cases"];
        if (!cases) return schema(root, format_message(msg::missing_key, "cases", "test file"));
        if (!cases.IsSequence()) return schema(cases, format_message(msg::expected_list, yaml_input::describe(cases)));
        for (const auto& node : cases) read_case(node);
    }

    void read_case(const YAML::Node& node) {
        if (!known_entries(node, "case", kCaseKeys)) return;
        bool complete = true;
        for (const auto& key : kCaseKeys) {
            if (node[key]) continue;
            schema(node, format_message(msg::missing_key, key, "case"));
            complete = false;
        }
        if (!complete) return;
        RubricTestCase test_case;
        test_case.pos = yaml_input::pos_of(node, file_);
        test_case.id = name(node["id"]);
        if (!test_case.id.empty() && !case_ids_.insert(test_case.id).second)
            schema(node["id"], format_message(text::duplicate_case, test_case.id));
        read_expectation(node["expect"], test_case.expect);
        try {
            test_case.profile = load_profile_node(node["profile"], file_, set_);
        } catch (const InputError& error) {
            add_all(error);
        }
        suite_.cases.push_back(std::move(test_case));  // kept only when no problem is found anywhere
    }

    void read_expectation(const YAML::Node& node, CaseExpectation& expect) {
        auto entries = known_entries(node, "expect", kExpectKeys);
        if (!entries) return;
        if (entries->empty()) return schema(node, format_message(text::expects_nothing));
        for (const auto& [key, value] : *entries) {
            if (key == "overall") expect.overall = score_expectation(value, "overall");
            if (key == "dimensions") read_dimension_expectations(value, expect);
            if (key == "suggested" && value.IsMap())
                expect.suggested_one_of = supported(value, "one_of", model_ids_);
            else if (key == "suggested")
                expect.suggested = suggested_model(value);
            if (key == "acceptable") expect.acceptable = supported(value, "models", model_ids_);
            if (key == "not_for_now") expect.not_for_now = supported(value, "models", model_ids_);
            if (key == "barriers") expect.barriers = supported(value, "dimensions", dimension_ids_);
            if (key == "stability") {
                expect.stability = yaml_input::number(value);
                if (!expect.stability || *expect.stability < 0 || *expect.stability > 100)
                    schema(value, format_message(text::not_a_score, yaml_input::describe(value)));
            }
            if (key == "feasible") expect.feasible = references(value, text::model_kind, model_ids_);
            if (key == "blocked") expect.blocked = references(value, text::model_kind, model_ids_);
            if (key == "recommendations") read_recommendation_expectation(value, expect.recommendations);
        }
        for (const auto& id : expect.feasible)
            if (contains(expect.blocked, id))
                schema(node["blocked"], format_message(text::model_feasible_and_blocked, id));
    }

    // Its keys are dimension ids, so an unknown one is an unknown reference, not a schema mistake.
    void read_dimension_expectations(const YAML::Node& node, CaseExpectation& expect) {
        if (!node.IsMap())
            return schema(node, format_message(msg::expected_map_for, "dimensions", yaml_input::describe(node)));
        for (const auto& entry : node) {
            std::string id = reference(entry.first, text::dimension_kind, dimension_ids_);
            if (id.empty()) continue;
            if (std::any_of(expect.dimensions.begin(), expect.dimensions.end(),
                            [&](const auto& seen) { return seen.first == id; })) {
                problems_.push_back({yaml_input::pos_of(entry.first, file_), format_message(msg::duplicate_key, id),
                                     Problem::duplicate_key});
                continue;
            }
            expect.dimensions.emplace_back(id, score_expectation(entry.second, id));
        }
    }

    ScoreExpectation score_expectation(const YAML::Node& node, const std::string& where) {
        ScoreExpectation expected;
        auto entries = known_entries(node, where, kScoreKeys);
        if (!entries) return expected;
        if (entries->empty()) schema(node, format_message(text::score_checks_nothing, where));
        if (node["at_least"]) expected.at_least = score(node["at_least"]);
        if (node["at_most"]) expected.at_most = score(node["at_most"]);
        if (node["level"]) expected.level = reference(node["level"], text::level_kind, level_ids_);
        if (expected.at_least && expected.at_most && *expected.at_least > *expected.at_most) {
            schema(node["at_least"], format_message(text::range_reversed, format_number(*expected.at_least, 2),
                                                    format_number(*expected.at_most, 2)));
        }
        return expected;
    }

    // {<list_key>: [ids], annex: "4.3.1.2", quote: "..."}: what the Annex supports, and where it says so.
    SupportedIds supported(const YAML::Node& node, const std::string& list_key, const std::vector<std::string>& ids) {
        SupportedIds result;
        std::vector<std::string> keys = kSupportKeys;
        keys.push_back(list_key);
        if (!known_entries(node, list_key, keys)) return result;
        for (const auto& key : keys)
            if (!node[key]) schema(node, format_message(msg::missing_key, key, list_key));
        if (node[list_key])
            result.ids =
                references(node[list_key], list_key == "dimensions" ? text::dimension_kind : text::model_kind, ids);
        if (node["annex"]) result.annex = name(node["annex"]);
        if (node["quote"]) {
            result.quote = name(node["quote"]);
            result.pos = yaml_input::pos_of(node["quote"], file_);
        }
        return result;
    }

    std::string suggested_model(const YAML::Node& node) {
        std::vector<std::string> candidates = model_ids_;
        candidates.push_back(kNoModel);
        return reference(node, text::model_kind, candidates);
    }

    void read_recommendation_expectation(const YAML::Node& node, RecommendationExpectation& expected) {
        if (!known_entries(node, "recommendations", kRecommendationKeys)) return;
        if (node["include"]) expected.include = references(node["include"], text::criterion_kind, criterion_ids_);
        if (node["exclude"]) expected.exclude = references(node["exclude"], text::criterion_kind, criterion_ids_);
        if (node["top"]) {
            // Bounded before it becomes an int: 1e10 would not fit. No set has a thousand criteria.
            constexpr int kMaxTop = 1000;
            auto top = yaml_input::number(node["top"]);
            if (top && *top >= 1 && *top <= kMaxTop && std::floor(*top) == *top)
                expected.top = static_cast<int>(*top);
            else
                schema(node["top"], format_message(text::top_not_positive, yaml_input::describe(node["top"]),
                                                   std::to_string(kMaxTop)));
        }
        for (const auto& id : expected.include)
            if (contains(expected.exclude, id))
                schema(node["exclude"], format_message(text::criterion_included_and_excluded, id));
    }

    // ---- values ----

    std::optional<double> score(const YAML::Node& node) {
        auto value = yaml_input::number(node);
        if (value && *value >= 0 && *value <= 100) return value;
        schema(node, format_message(text::not_a_score, yaml_input::describe(node)));
        return std::nullopt;
    }

    // A non-empty plain name, else "" after reporting it.
    std::string name(const YAML::Node& node) {
        if (node.IsScalar() && !node.Scalar().empty()) return node.Scalar();
        schema(node, format_message(msg::expected_string, yaml_input::describe(node)));
        return "";
    }

    std::vector<std::string> references(const YAML::Node& node, const Message& kind,
                                        const std::vector<std::string>& ids) {
        std::vector<std::string> found;
        if (!node.IsSequence()) {
            schema(node, format_message(msg::expected_list, yaml_input::describe(node)));
            return found;
        }
        for (const auto& item : node) {
            std::string id = reference(item, kind, ids);
            if (!id.empty()) found.push_back(id);
        }
        return found;
    }

    // The id when the set defines it, else "" after reporting it with the likeliest intended id (or
    // the list of ids, when it is short enough to read).
    std::string reference(const YAML::Node& node, const Message& kind, const std::vector<std::string>& ids) {
        std::string id = name(node);
        if (id.empty() || contains(ids, id)) return id;
        LocalText message = format_local(text::unknown_reference, format_message(kind), same_in_both(id));
        std::string near = yaml_input::closest(id, ids);
        LocalText hint = !near.empty()      ? format_message(text::did_you_mean, near)
                         : ids.size() <= 12 ? format_message(text::expected_one_of, join(ids))
                                            : LocalText{};
        problems_.push_back({yaml_input::pos_of(node, file_),
                             {message.en + hint.en, message.es + hint.es},
                             Problem::unknown_reference});
        return "";
    }

    // The entries of a map, without the keys not in `allowed` (reported, with "did you mean"); nothing
    // after reporting a node that is not a map.
    std::optional<std::vector<std::pair<std::string, YAML::Node>>> known_entries(
        const YAML::Node& map, const std::string& where, const std::vector<std::string>& allowed) {
        if (!map.IsMap()) {
            schema(map, format_message(msg::expected_map_for, where, yaml_input::describe(map)));
            return std::nullopt;
        }
        std::vector<std::pair<std::string, YAML::Node>> known;
        for (auto& [key, value, at] : yaml_input::map_entries(map, file_, problems_)) {
            if (contains(allowed, key))
                known.emplace_back(key, value);
            else
                schema(at, yaml_input::unknown_key_message(key, where, allowed));
        }
        return known;
    }

    void schema(const YAML::Node& node, LocalText message) {
        problems_.push_back({yaml_input::pos_of(node, file_), std::move(message), Problem::schema});
    }

    // An inline profile's problems are the test file's structural mistakes.
    void add_all(const InputError& error) {
        for (auto diagnostic : error.diagnostics()) {
            if (!find_check_rule(diagnostic.problem)) diagnostic.problem = Problem::schema;
            problems_.push_back(std::move(diagnostic));
        }
    }

    const RubricSet& set_;
    const RubricFiles& files_;
    const std::vector<std::string> model_ids_ = ids_of(set_.models);
    const std::vector<std::string> dimension_ids_ = ids_of(set_.dimensions);
    const std::vector<std::string> criterion_ids_ = criterion_ids(set_);
    const std::vector<std::string> level_ids_ = ids_of(set_.levels);
    std::string file_;  // the file being read, as messages name it
    std::set<std::string> case_ids_;
    std::vector<Diagnostic> problems_;
    RubricTestSuite suite_;
};

// ---- running ----------------------------------------------------------------------------------

// As reports show it, so "expected at least 50, got 50" never happens.
double shown(double score) { return std::round(score * 10) / 10; }

LocalText score_range(const ScoreExpectation& expected) {
    std::string low = expected.at_least ? format_number(*expected.at_least, 2) : "";
    std::string high = expected.at_most ? format_number(*expected.at_most, 2) : "";
    if (low == high) return same_in_both(low);
    if (expected.at_least && expected.at_most) return format_message(text::between, low, high);
    return expected.at_least ? format_message(text::at_least, low) : format_message(text::at_most, high);
}

// "subject: expected wanted, got got".
TestFailure mismatch(const LocalText& subject, const LocalText& wanted, const LocalText& got) {
    return {format_local(text::expected_got, subject, wanted, got), {}};
}

void check_score(const LocalText& score_subject, const LocalText& level_subject, const std::optional<double>& score,
                 const Level* level, const ScoreExpectation& expected, std::vector<TestFailure>& failures) {
    if (expected.at_least || expected.at_most) {
        bool in_range = score && (!expected.at_least || shown(*score) >= *expected.at_least) &&
                        (!expected.at_most || shown(*score) <= *expected.at_most);
        if (!in_range) {
            LocalText got = score ? same_in_both(format_number(*score)) : format_message(text::no_score);
            failures.push_back(mismatch(score_subject, score_range(expected), got));
        }
    }
    if (!expected.level.empty() && (!level || level->id != expected.level)) {
        LocalText got = level ? same_in_both(level->id) : format_message(text::no_level);
        failures.push_back(mismatch(level_subject, same_in_both(expected.level), got));
    }
}

void check_dimensions(const CaseExpectation& expect, const Assessment& a, std::vector<TestFailure>& failures) {
    for (const auto& [id, expected] : expect.dimensions) {
        for (const auto& d : a.dimensions) {
            if (d.dimension->id != id) continue;
            check_score(format_message(text::dimension_score, id), format_message(text::dimension_level, id), d.score,
                        d.level, expected, failures);
        }
    }
}

void check_suggested(const CaseExpectation& expect, const Assessment& a, std::vector<TestFailure>& failures) {
    if (!expect.suggested) return;
    std::string got = a.suggested ? a.suggested->model->id : kNoModel;
    if (got == *expect.suggested) return;
    failures.push_back(
        mismatch(format_message(text::suggested_model), same_in_both(*expect.suggested), same_in_both(got)));
}

void check_feasibility(const CaseExpectation& expect, const Assessment& a, std::vector<TestFailure>& failures) {
    for (const auto& id : expect.feasible) {
        const ModelResult* m = a.find_model(id);
        if (m->feasible) continue;
        TestFailure failure =
            mismatch(format_message(text::model, id), format_message(text::feasible), format_message(text::blocked));
        for (const auto& blocker : m->blockers)
            failure.details.push_back(localize([&](Lang lang) { return blocker_text(blocker, a, lang); }));
        failures.push_back(std::move(failure));
    }
    for (const auto& id : expect.blocked) {
        if (!a.find_model(id)->feasible) continue;
        failures.push_back(
            mismatch(format_message(text::model, id), format_message(text::blocked), format_message(text::feasible)));
    }
}

// The 1-based rank of a criterion's recommendation, or 0 when it is not recommended.
int rank_of(const Assessment& a, const std::string& criterion_id) {
    for (const auto& r : a.recommendations)
        if (r.criterion->id == criterion_id) return r.rank;
    return 0;
}

void check_recommendations(const RecommendationExpectation& expected, const Assessment& a,
                           std::vector<TestFailure>& failures) {
    std::string top = expected.top ? std::to_string(*expected.top) : "";
    auto within = [&](int rank) { return rank > 0 && (!expected.top || rank <= *expected.top); };
    auto got = [](int rank) {
        return rank > 0 ? format_message(text::rank, std::to_string(rank)) : format_message(text::not_recommended);
    };
    for (const auto& id : expected.include) {
        int rank = rank_of(a, id);
        if (within(rank)) continue;
        LocalText wanted = expected.top ? format_message(text::rank_or_better, top) : format_message(text::among_all);
        failures.push_back(mismatch(format_message(text::recommendation, id), wanted, got(rank)));
    }
    for (const auto& id : expected.exclude) {
        int rank = rank_of(a, id);
        if (!within(rank)) continue;
        LocalText wanted = expected.top ? format_message(text::below_rank, top) : format_message(text::not_recommended);
        failures.push_back(mismatch(format_message(text::recommendation, id), wanted, got(rank)));
    }
}

std::string suggestion_id(const Assessment& a) { return a.suggested ? a.suggested->model->id : kNoModel; }

void check_supported(const CaseExpectation& expect, const Assessment& a, std::vector<TestFailure>& failures) {
    if (expect.suggested_one_of && !contains(expect.suggested_one_of->ids, suggestion_id(a)))
        failures.push_back({format_message(text::not_supported, join(expect.suggested_one_of->ids),
                                           expect.suggested_one_of->annex, suggestion_id(a)),
                            {}});
    if (expect.not_for_now) {
        for (const auto& id : expect.not_for_now->ids) {
            const ModelResult* m = a.find_model(id);
            if (std::find(a.not_for_now.begin(), a.not_for_now.end(), m) != a.not_for_now.end()) continue;
            LocalText standing = format_message(m == a.suggested                 ? text::standing_suggested
                                                : m->status == ModelStatus::runs ? text::standing_runs
                                                                                 : text::standing_within_reach);
            failures.push_back(
                {format_local(text::not_ruled_out, same_in_both(id), same_in_both(expect.not_for_now->annex), standing),
                 {}});
        }
    }
    if (expect.barriers && a.overall) {
        // A barrier of this institution: a dimension weaker than its overall readiness.
        for (const auto& id : expect.barriers->ids) {
            for (const auto& d : a.dimensions) {
                if (d.dimension->id != id || (d.score && shown(*d.score) < shown(*a.overall))) continue;
                failures.push_back(
                    {format_message(text::not_a_barrier, id, expect.barriers->annex, format_number(*a.overall, 1),
                                    d.score ? format_number(*d.score, 1) : std::string("-")),
                     {}});
            }
        }
    }
}

// One answer changed at a time to each of its other values (other_values): the share whose
// suggestion stays among those the Annex supports, and every flip named by the original report's
// "what would change the advice".
void check_stability(const CaseExpectation& expect, Assessment& a, CaseResult& result) {
    if (!expect.stability) return;
    std::vector<std::string> supported =
        expect.suggested_one_of ? expect.suggested_one_of->ids : std::vector<std::string>{};
    if (expect.acceptable)
        supported.insert(supported.end(), expect.acceptable->ids.begin(), expect.acceptable->ids.end());
    find_advice_changes(a);
    int variants = 0, kept = 0, flips = 0;
    TestFailure outside{{}, {}};
    for (const auto& q : a.rubric->questions) {
        if (q.type == QuestionType::text) continue;
        const Answer* answer = a.profile.find(q);
        Value current = answer ? answer->value : Value{};
        for (const auto& value : other_values(*a.rubric, q, current)) {
            Profile changed = a.profile;
            changed.simulate(q, value);
            Assessment variant = assess(std::move(changed), *a.rubric);
            ++variants;
            std::string now = suggestion_id(variant);
            if (contains(supported, now))
                ++kept;
            else
                outside.details.push_back(
                    format_message(text::flip_outside, q.path, setting_text(q, value).substr(q.path.size() + 1), now));
            if (variant.suggested == a.suggested ||
                (variant.suggested && a.suggested && variant.suggested->model == a.suggested->model))
                continue;
            ++flips;
            const Model* then = variant.suggested ? variant.suggested->model : nullptr;
            bool named = std::any_of(a.changes.begin(), a.changes.end(), [&](const AdviceChange& c) {
                return c.model == then && std::any_of(c.ways.begin(), c.ways.end(), [&](const auto& way) {
                           return way.size() == 1 && way.front().question == &q;
                       });
            });
            if (!named)
                result.failures.push_back({format_message(text::flip_unexplained, q.path,
                                                          setting_text(q, value).substr(q.path.size() + 1), now),
                                           {}});
        }
    }
    double share = variants ? 100.0 * kept / variants : 100.0;
    std::string shown_share = format_number(std::floor(share * 10) / 10, 1);
    if (share + 1e-9 < *expect.stability) {
        outside.message = format_message(text::stability_low, shown_share, std::to_string(variants),
                                         format_number(*expect.stability, 1));
        result.failures.push_back(std::move(outside));
    }
    result.notes.push_back(
        format_message(text::stability_note, shown_share, std::to_string(variants), std::to_string(flips)));
}

CaseResult run_case(const RubricTestCase& test_case, const RubricSet& set) {
    Assessment a = assess(test_case.profile, set);
    CaseResult result{&test_case, {}, {}};
    const CaseExpectation& expect = test_case.expect;
    if (expect.overall) {
        check_score(format_message(text::overall_score), format_message(text::overall_level), a.overall, a.level,
                    *expect.overall, result.failures);
    }
    check_dimensions(expect, a, result.failures);
    check_suggested(expect, a, result.failures);
    check_feasibility(expect, a, result.failures);
    check_recommendations(expect.recommendations, a, result.failures);
    check_supported(expect, a, result.failures);
    check_stability(expect, a, result);
    return result;
}

}  // namespace

std::set<std::string> RubricTestSuite::covered_models() const {
    std::set<std::string> models;
    for (const auto& c : cases) {
        if (c.expect.suggested && *c.expect.suggested != kNoModel) models.insert(*c.expect.suggested);
        if (c.expect.suggested_one_of)
            models.insert(c.expect.suggested_one_of->ids.begin(), c.expect.suggested_one_of->ids.end());
        if (c.expect.not_for_now) models.insert(c.expect.not_for_now->ids.begin(), c.expect.not_for_now->ids.end());
        models.insert(c.expect.feasible.begin(), c.expect.feasible.end());
        models.insert(c.expect.blocked.begin(), c.expect.blocked.end());
    }
    return models;
}

std::set<std::string> RubricTestSuite::covered_dimensions() const {
    std::set<std::string> dimensions;
    for (const auto& c : cases)
        for (const auto& [id, expected] : c.expect.dimensions) dimensions.insert(id);
    return dimensions;
}

RubricTestSuite load_rubric_tests(const RubricSet& set, const RubricFiles& files) {
    return SuiteReader(set, files).read();
}

int RubricTestReport::passed() const {
    return static_cast<int>(std::count_if(cases.begin(), cases.end(), [](const CaseResult& c) { return c.passed(); }));
}

int RubricTestReport::failed() const { return static_cast<int>(cases.size()) - passed(); }

RubricTestReport run_rubric_tests(const RubricTestSuite& suite, const RubricSet& set) {
    RubricTestReport report;
    for (const auto& test_case : suite.cases) report.cases.push_back(run_case(test_case, set));
    return report;
}

std::string render_rubric_test_report(const RubricTestReport& report, Lang lang) {
    const std::string pass = format_message(text::pass).in(lang);
    const std::string fail = format_message(text::fail).in(lang);
    const size_t width = std::max(pass.size(), fail.size());
    std::string out;
    for (const auto& result : report.cases) {
        out += fmt::format("{:<{}}  {}  {}\n", result.passed() ? pass : fail, width, result.test_case->pos.str(),
                           result.test_case->id);
        for (const auto& note : result.notes) out += fmt::format("{:{}}  {}\n", "", width, note.in(lang));
        for (const auto& failure : result.failures) {
            out += fmt::format("{:{}}  {}\n", "", width, failure.message.in(lang));
            for (const auto& detail : failure.details)
                out += fmt::format("{:{}}    - {}\n", "", width, detail.in(lang));
        }
    }
    out += format_message(text::summary, std::to_string(report.passed()), std::to_string(report.failed())).in(lang);
    out += '\n';
    return out;
}

}  // namespace tne
