// Reads a rubric set from YAML files and checks what the engine relies on: references exist, rules
// fit their question's type, levels and bands ordered, Annex sections exist, texts in both
// languages. Each problem is a Diagnostic at the file, line and column of the offending node, with
// the id of the `tne rubrics check` rule it breaks. A problem skips only the item it is in (a
// question, a criterion, a model...), so one run reports them all; references to a skipped item
// are not reported again.
#include "rubric/rubric_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <set>

#include "base/messages.hpp"
#include "base/yaml_input.hpp"
#include "rubric/rubric_snapshot.hpp"

namespace tne {

namespace {

using rubric_schema::FileKind;
using yaml_input::describe;

// The ranges of a rubric file's numbers, as schemas/rubric-set.schema.json states them. Within
// them no score, fit or index can overflow, so reports and JSON outputs stay finite.
struct Range {
    double min = 0;
    double max = 0;
    bool above_min = false;  // the minimum itself excluded
    bool whole = false;
};
// A weight (a criterion's points, a dimension's or a fit term's share): 0 would count for nothing;
// the shipped sets use 1 to 3, so 100 leaves room for any scale a set picks.
constexpr Range kWeight{0, 100, true};
// A score; levels' cut points, the advice's thresholds and a dimension's score in a condition are
// scores too.
constexpr Range kScore{0, 100};
// Points added to or taken from a model's score (a context's adjust, the advice's preferences): a
// fit goes from 0 to 100, so points beyond 100 would outweigh any fit.
constexpr Range kPoints{-100, 100};
// Any other quantity: a count question's min and max, a band's at_least, a condition's threshold
// (then within its question's range). The largest shipped maximum is 500,000 students.
constexpr Range kQuantity{-1e9, 1e9};
constexpr Range kWholeQuantity{-1e9, 1e9, false, true};

constexpr Message kNotFinite{
    "{0} is not a finite number (it is infinite, not a number, or beyond ±1.8e308); expected {2}",
    "{0} no es un número finito (es infinito, no es un número o pasa de ±1.8e308); se esperaba {3}"};
constexpr Message kOutOfRange{"{0} is out of range; expected {2}", "{0} está fuera de rango; se esperaba {3}"};
constexpr Message kThresholdOutside{"{0}: the threshold {1} is outside the question's range, {2} to {3}",
                                    "{0}: el umbral {1} está fuera del rango de la pregunta, de {2} a {3}"};
constexpr Message kDimensionThreshold{
    "{0}: the threshold {1} is outside the range of a dimension's score, 0 to 100",
    "{0}: el umbral {1} está fuera del rango del puntaje de una dimensión, de 0 a 100"};
constexpr Message kQuestionOfOtherBlock{
    "the question \"{0}\" exists but belongs to {2}; a criterion of dimension \"{1}\" scores only questions of \"{1}\"",
    "la pregunta \"{0}\" existe pero pertenece a {3}; un criterio de la dimensión \"{1}\" califica solo preguntas de "
    "\"{1}\""};

LocalText expected_words(const Range& range) {
    std::string low = format_number(range.min, 2);
    std::string high = format_number(range.max, 2);
    if (range.whole) return {"a whole number from " + low + " to " + high, "un número entero de " + low + " a " + high};
    if (range.above_min)
        return {"a number above " + low + " and at most " + high,
                "un número mayor que " + low + " y como máximo " + high};
    return {"a number from " + low + " to " + high, "un número de " + low + " a " + high};
}

bool all_digits(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// YAML 1.2 core schema's float: [-+]? ( . [0-9]+ | [0-9]+ ( . [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool core_float(std::string_view text) {
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
    size_t exponent = text.find_first_of("eE");
    std::string_view mantissa = text.substr(0, exponent);
    if (exponent != std::string_view::npos) {
        std::string_view power = text.substr(exponent + 1);
        if (!power.empty() && (power[0] == '-' || power[0] == '+')) power.remove_prefix(1);
        if (!all_digits(power)) return false;
    }
    size_t dot = mantissa.find('.');
    if (dot == std::string_view::npos) return all_digits(mantissa);
    std::string_view whole = mantissa.substr(0, dot), fraction = mantissa.substr(dot + 1);
    return whole.empty() ? all_digits(fraction) : all_digits(whole) && (fraction.empty() || all_digits(fraction));
}

// The decimal exponent of a core float's leading digit ("123.4" is 2, "0.05e-3" is -5): it tells a
// number too large for a double from one too small.
long magnitude(std::string_view text) {
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
    size_t e = text.find_first_of("eE");
    long exponent = 0;
    if (e != std::string_view::npos) {
        std::string_view power = text.substr(e + 1);
        bool negative = !power.empty() && power[0] == '-';
        if (!power.empty() && (power[0] == '-' || power[0] == '+')) power.remove_prefix(1);
        for (char c : power) exponent = std::min(exponent * 10 + (c - '0'), 1'000'000'000L);  // no overflow
        if (negative) exponent = -exponent;
    }
    std::string_view mantissa = text.substr(0, e);
    size_t dot = mantissa.find('.');
    std::string_view whole = mantissa.substr(0, dot);
    size_t first = whole.find_first_not_of('0');
    if (first != std::string_view::npos) return exponent + static_cast<long>(whole.size() - first - 1);
    std::string_view fraction = dot == std::string_view::npos ? std::string_view() : mantissa.substr(dot + 1);
    first = fraction.find_first_not_of('0');
    return exponent - static_cast<long>(first == std::string_view::npos ? 1 : first + 1);
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// A node as a number; a missing node, a map or a list is none.
PlainNumber number_of(const YAML::Node& node) {
    return node.IsDefined() && node.IsScalar() ? plain_number(node.Scalar()) : PlainNumber{};
}

const std::vector<Choice>& yes_partial_no_values() {
    static const std::vector<Choice> values = {
        {"yes", "sí", {"yes", "sí"}}, {"partial", "parcial", {"partial", "parcial"}}, {"no", "", {"no", "no"}}};
    return values;
}

// A Spanish id as a Spanish speaker writes it: lower-case letters, accents and ñ kept, digits and
// '_', starting with a letter ("institución", "presupuesto_propio").
bool spanish_id_form(std::string_view id) {
    static constexpr std::string_view kAccented[] = {"á", "é", "í", "ó", "ú", "ü", "ñ"};
    for (size_t i = 0; i < id.size();) {
        char c = id[i];
        bool letter = c >= 'a' && c <= 'z';
        if (letter || (i > 0 && ((c >= '0' && c <= '9') || c == '_'))) {
            ++i;
            continue;
        }
        auto accented = std::find_if(std::begin(kAccented), std::end(kAccented),
                                     [&](std::string_view a) { return id.substr(i, a.size()) == a; });
        if (accented == std::end(kAccented)) return false;
        i += accented->size();
    }
    return !id.empty();
}

// An item of one scope (the blocks of a profile, the questions of a block, the values of a
// question) as its ids: a person may write either, so no two items may be written alike.
struct WrittenIds {
    std::string id;
    std::string id_es;                     // empty when it has none
    std::string name;                      // for messages: "\"funding.co_funding\""
    std::vector<std::string> labels = {};  // a value's labels, which name it too
};

// One YAML file of the set. Every reading function throws InputError at the first problem of the
// item being read; the Loader catches it per item.
class RubricFile {
public:
    RubricFile(std::string name, YAML::Node root, const RubricSet& set)
        : name_(std::move(name)), root_(std::move(root)), set_(set) {}

    const YAML::Node& root() const { return root_; }
    const std::string& name() const { return name_; }

    [[noreturn]] void fail(const YAML::Node& node, Problem rule, LocalText message) const {
        throw InputError({Diagnostic{pos(node), std::move(message), rule}});
    }

    SourcePos pos(const YAML::Node& node) const { return yaml_input::pos_of(node, name_); }

    // Checks a map's keys: no duplicates, none unknown, the required ones present.
    void check_keys(const YAML::Node& map, const std::string& where, const std::vector<std::string>& required,
                    const std::vector<std::string>& optional) const {
        if (!map.IsMap()) fail(map, Problem::schema, format_message(msg::expected_map_for, where, describe(map)));
        std::vector<Diagnostic> problems;
        auto entries = yaml_input::map_entries(map, name_, problems);
        if (!problems.empty()) throw InputError(problems);
        std::vector<std::string> allowed = required;
        allowed.insert(allowed.end(), optional.begin(), optional.end());
        for (const auto& entry : entries)
            if (std::find(allowed.begin(), allowed.end(), entry.key) == allowed.end())
                fail(entry.at, Problem::schema, yaml_input::unknown_key_message(entry.key, where, allowed));
        for (const auto& key : required)
            if (!map[key]) fail(map, Problem::schema, format_message(msg::missing_key, key, where));
    }

    std::string string(const YAML::Node& node) const {
        if (!node.IsScalar() || node.Scalar().empty())
            fail(node, Problem::schema, format_message(msg::expected_string, describe(node)));
        return node.Scalar();
    }

    // A number within `range`, read as the schema reads it (1e999, .inf and .nan are not numbers
    // tne can use); `rule` is the check rule of a finite value outside the range.
    double number(const YAML::Node& node, const Range& range, Problem rule = Problem::schema) const {
        PlainNumber read = number_of(node);
        LocalText expected = expected_words(range);
        if (read.kind == NumberKind::none)
            fail(node, Problem::schema, format_message(msg::expected_number, describe(node)));
        if (read.kind == NumberKind::not_finite)
            fail(node, Problem::schema, format_message(kNotFinite, describe(node), "", expected.en, expected.es));
        double value = read.value;
        bool outside = (range.above_min ? value <= range.min : value < range.min) || value > range.max;
        if (range.whole && (outside || value != std::floor(value)))
            fail(node, Problem::schema,
                 format_message(msg::expected_whole_in, describe(node), format_number(range.min, 0),
                                format_number(range.max, 0)));
        if (outside) fail(node, rule, format_message(kOutOfRange, describe(node), "", expected.en, expected.es));
        return value;
    }

    // A whole number in [min, max], checked before it becomes an int (1e10 would not fit).
    int whole(const YAML::Node& node, int min, int max) const {
        return static_cast<int>(number(node, Range{double(min), double(max), false, true}));
    }

    // A weight; 0 and below keep their own message, the rule's own words.
    double weight(const YAML::Node& node) const {
        PlainNumber read = number_of(node);
        if (read.kind == NumberKind::finite && read.value <= 0)
            fail(node, Problem::weight_positive, format_message(msg::expected_positive, describe(node)));
        return number(node, kWeight, Problem::weight_positive);
    }

    std::vector<std::string> strings(const YAML::Node& node) const {
        if (!node.IsSequence()) fail(node, Problem::schema, format_message(msg::expected_list, describe(node)));
        std::vector<std::string> items;
        for (const auto& item : node) items.push_back(string(item));
        return items;
    }

    // A text in both languages; a missing or empty one is a missing translation.
    LocalText text(const YAML::Node& node, const std::string& where) const {
        if (!node.IsMap()) fail(node, Problem::schema, format_message(msg::expected_map_for, where, describe(node)));
        check_keys(node, where, {}, {"en", "es"});
        for (const auto& [lang, en, es] :
             {std::tuple{"en", "English", "inglés"}, std::tuple{"es", "Spanish", "español"}}) {
            const YAML::Node& value = node[lang];
            if (!value || (value.IsScalar() && value.Scalar().empty()) || value.IsNull())
                fail(value ? value : node, Problem::missing_translation,
                     format_message(msg::missing_translation, where, "", en, es));
        }
        return {string(node["en"]), string(node["es"])};
    }

    // A Spanish id (`id_es`, `key_es`), in the form spanish_id_form checks.
    std::string spanish_id(const YAML::Node& node) const {
        std::string id = string(node);
        if (!spanish_id_form(id)) fail(node, Problem::spanish_id, format_message(msg::spanish_id_invalid, id));
        return id;
    }

    // Fails at `at` when `item`'s Spanish id is written (typed_key) like an id or a label of another
    // item of its scope, or its English id like another's Spanish id. English ids alike are duplicate-id's.
    void check_written_ids(const YAML::Node& at, const WrittenIds& item, const std::vector<WrittenIds>& others) const {
        for (const auto& other : others) {
            std::vector<std::tuple<const std::string*, const std::string*, bool>> pairs = {
                {&item.id_es, &other.id, false}, {&item.id_es, &other.id_es, false}, {&item.id, &other.id_es, true}};
            for (const auto& label : other.labels) pairs.emplace_back(&item.id_es, &label, false);
            for (const auto& [mine, theirs, both_english] : pairs) {
                if (mine->empty() || theirs->empty() || typed_key(*mine) != typed_key(*theirs)) continue;
                // The Spanish id named first is the one written alike: this item's, else the other's.
                LocalText message = both_english
                                        ? format_message(msg::spanish_id_clash, *theirs, other.name, item.name, *mine)
                                        : format_message(msg::spanish_id_clash, *mine, item.name, other.name, *theirs);
                fail(at, Problem::spanish_id, message);
            }
        }
    }

    // A section of the Annex that the set's annex file lists.
    std::string annex(const YAML::Node& node) const {
        std::string section = string(node);
        bool well_formed = std::isdigit(static_cast<unsigned char>(section.front())) &&
                           std::isdigit(static_cast<unsigned char>(section.back())) &&
                           section.find_first_not_of("0123456789.") == std::string::npos;
        if (!well_formed)
            fail(node, Problem::annex_section, format_message(msg::expected_annex_section, describe(node)));
        if (!set_.annex_sections.empty() && !set_.find_annex_section(section))
            fail(node, Problem::annex_section, format_message(msg::unknown_annex_section, section));
        return section;
    }

    // A rule's optional `quote` and `assumption` (docs/rubrics.md); `rubrics check` says when both
    // are missing, and `--source` whether the quote is in the section cited.
    Basis basis(const YAML::Node& node, const std::string& where) const {
        Basis b;
        b.pos = pos(node);
        if (node["quote"]) {
            b.quote = string(node["quote"]);
            b.pos = pos(node["quote"]);
        }
        if (node["assumption"]) b.assumption = text(node["assumption"], where + " assumption");
        return b;
    }

private:
    std::string name_;
    YAML::Node root_;
    const RubricSet& set_;
};

class Loader {
public:
    explicit Loader(const RubricFiles& files) : files_(files) {}

    RubricLoad run() {
        load_.set.source = files_.root;
        std::optional<RubricFile> main = open("rubric-set.yaml", FileKind::rubric_set);
        if (main) attempt([&] { read_main(*main); });
        return std::move(load_);
    }

private:
    // Runs one item's reading; its problem is recorded and the item skipped. A yaml-cpp exception
    // (a subscript of a scalar, a missing key read) is a shape the reading did not foresee: it is
    // recorded at its place too, rather than ending the run as a bug.
    template <class Read>
    bool attempt(Read read) {
        try {
            read();
            return true;
        } catch (const InputError& e) {
            load_.problems.insert(load_.problems.end(), e.diagnostics().begin(), e.diagnostics().end());
        } catch (const YAML::Exception& e) {
            SourcePos pos{files_.root, e.mark.is_null() ? 0 : e.mark.line + 1,
                          e.mark.is_null() ? 0 : e.mark.column + 1};
            load_.problems.push_back({pos, format_message(msg::unexpected_shape, e.msg), Problem::schema});
        }
        return false;
    }

    // A map's scalar value at `key`, else "": for naming an item before it is read.
    static std::string scalar_at(const YAML::Node& node, const char* key) {
        if (!node.IsMap()) return "";
        const YAML::Node value = node[key];
        return value && value.IsScalar() ? value.Scalar() : "";
    }

    // A file of the set; one that is missing is reported where it is named (`named_at`), else at itself.
    std::optional<RubricFile> open(const std::string& relative, FileKind kind, std::optional<SourcePos> named_at = {}) {
        std::string name = files_.root + "/" + relative;
        std::optional<RubricFile> file;
        attempt([&] {
            auto text = files_.read(relative);
            if (!text)
                throw InputError(
                    {Diagnostic{named_at.value_or(SourcePos{name}), format_message(msg::rubric_file_missing, relative),
                                Problem::missing_file}});
            YAML::Node root;
            try {
                root = yaml_input::parse(*text, name);
            } catch (const InputError& e) {
                throw InputError(
                    {Diagnostic{e.diagnostics().front().pos, e.diagnostics().front().message, Problem::yaml_syntax}});
            }
            load_.files.push_back({name, kind, root});
            file.emplace(name, root, load_.set);
            if (!root.IsMap()) file->fail(root, Problem::schema, format_message(msg::expected_map, describe(root)));
        });
        return file;
    }

    void read_main(const RubricFile& main) {
        const YAML::Node& root = main.root();
        RubricSet& set = load_.set;
        main.check_keys(root, "rubric set",
                        {"id", "version", "name", "annex", "institution", "dimensions", "models", "levels", "advice"},
                        {"tests", "levels_basis"});
        set.id = main.string(root["id"]);
        set.version = main.whole(root["version"], 1, 1'000'000);
        set.name = main.text(root["name"], "name");
        if (root["tests"]) set.test_files = main.strings(root["tests"]);

        read_annex(main.string(root["annex"]), main.pos(root["annex"]));
        read_institution(main.string(root["institution"]), main.pos(root["institution"]));
        main.strings(root["dimensions"]);  // a list of names, or the set stops here
        for (const auto& node : root["dimensions"]) {
            std::string id = node.Scalar();
            if (set.find_dimension(id) || id == "institution" || broken_.count(id)) {
                attempt([&] { main.fail(node, Problem::duplicate_id, format_message(msg::duplicate_id, id)); });
                continue;
            }
            if (!attempt([&] { read_dimension(id, main.pos(node)); })) broken_.insert(id);
        }
        foreign_questions();
        label_questions();
        attempt([&] { read_levels(main, root["levels"]); });
        if (root["levels_basis"])
            attempt([&] {
                main.check_keys(root["levels_basis"], "levels_basis", {}, {"quote", "assumption"});
                set.levels_basis = main.basis(root["levels_basis"], "levels");
            });
        read_models(main.string(root["models"]), main.pos(root["models"]));
        attempt([&] { read_advice(main, root["advice"]); });
    }

    // The advice block: thresholds, the preferences added to a model's fit, the first steps.
    void read_advice(const RubricFile& main, const YAML::Node& node) {
        static const std::vector<std::string> rules = {"min_coverage", "min_fit", "already_runs", "builds_on_running",
                                                       "considered"};
        std::vector<std::string> required = rules;
        required.insert(required.end(), {"alternatives", "first_steps"});
        main.check_keys(node, "advice", required, {});
        Advice& advice = load_.set.advice;
        for (const auto& name : rules) {
            const YAML::Node& item = node[name];
            std::vector<std::string> keys = {"value", "annex", "why"};
            std::vector<std::string> optional = {"quote", "assumption"};
            if (name == "considered") keys.push_back("question");
            if (name == "already_runs") optional.push_back("kind");
            main.check_keys(item, name, keys, optional);
            AdviceRule rule;
            // min_coverage and min_fit are thresholds on a coverage and a fit; the others add points.
            bool threshold = name == "min_coverage" || name == "min_fit";
            rule.value = threshold ? main.number(item["value"], kScore, Problem::score_range)
                                   : main.number(item["value"], kPoints);
            rule.annex = main.annex(item["annex"]);
            rule.why = main.text(item["why"], name + " why");
            rule.basis = main.basis(item, name);
            rule.pos = main.pos(item);
            if (item["kind"]) rule.kind = main.string(item["kind"]);
            if (item["question"]) {
                rule.question = main.string(item["question"]);
                const Question* q = load_.set.find_question(rule.question);
                if (!q || q->type != QuestionType::list)
                    main.fail(item["question"], Problem::unknown_reference,
                              format_message(msg::unknown_question, rule.question));
            }
            if (name == "min_coverage")
                advice.min_coverage = rule;
            else if (name == "min_fit")
                advice.min_fit = rule;
            else if (name == "already_runs")
                advice.already_runs = rule;
            else if (name == "builds_on_running")
                advice.builds_on_running = rule;
            else
                advice.considered = rule;
        }
        advice.alternatives = main.whole(node["alternatives"], 0, 100);
        if (!node["first_steps"].IsSequence() || node["first_steps"].size() == 0)
            main.fail(node["first_steps"], Problem::schema,
                      format_message(msg::expected_list, describe(node["first_steps"])));
        for (const auto& item : node["first_steps"]) {
            attempt([&] {
                main.check_keys(item, "first step", {"model", "annex", "why"}, {"when", "quote", "assumption"});
                FirstStep step;
                step.model = main.string(item["model"]);
                if (!load_.set.find_model(step.model) && !broken_.count(step.model))
                    main.fail(item["model"], Problem::unknown_reference,
                              format_message(msg::unknown_advice_model, step.model));
                step.annex = main.annex(item["annex"]);
                step.why = main.text(item["why"], "first step why");
                step.basis = main.basis(item, "first step");
                step.pos = main.pos(item);
                if (item["when"]) step.when = read_condition(main, item["when"], {});
                advice.first_steps.push_back(std::move(step));
            });
        }
        if (!advice.first_steps.empty() && advice.first_steps.back().when)
            main.fail(node["first_steps"], Problem::schema, format_message(msg::first_steps_default));
    }

    void read_annex(const std::string& relative, const SourcePos& named_at) {
        std::optional<RubricFile> file = open(relative, FileKind::annex, named_at);
        if (!file || !file->root().IsMap()) return;  // open() reported a file that is not a map
        attempt([&] {
            file->check_keys(file->root(), "annex file", {"title", "sections"}, {});
            load_.set.annex_title = file->text(file->root()["title"], "title");
        });
        for (const auto& node : file->root()["sections"]) {
            attempt([&] {
                file->check_keys(node, "section", {"id", "title"}, {"heading", "ends"});
                AnnexSection section;
                section.id = file->string(node["id"]);
                section.title = file->text(node["title"], "section title");
                if (node["heading"]) section.heading = file->string(node["heading"]);
                if (node["ends"]) section.ends = file->string(node["ends"]);
                section.pos = file->pos(node["heading"] ? node["heading"] : node);
                if (load_.set.find_annex_section(section.id))
                    file->fail(node["id"], Problem::duplicate_id, format_message(msg::duplicate_id, section.id));
                load_.set.annex_sections.push_back(std::move(section));
            });
        }
    }

    void read_institution(const std::string& relative, const SourcePos& named_at) {
        std::optional<RubricFile> file = open(relative, FileKind::questions, named_at);
        load_.set.blocks.push_back("institution");
        load_.set.blocks_es.push_back("institution");
        if (!file) return;
        if (!attempt([&] { file->check_keys(file->root(), "institution file", {"questions"}, {"id_es"}); })) return;
        if (file->root()["id_es"])
            attempt([&] { load_.set.blocks_es.back() = file->spanish_id(file->root()["id_es"]); });
        read_questions(*file, file->root()["questions"], "institution");
    }

    void read_questions(const RubricFile& file, const YAML::Node& list, const std::string& block) {
        if (!attempt([&] {
                if (!list.IsSequence())
                    file.fail(list, Problem::schema, format_message(msg::expected_list, describe(list)));
            }))
            return;
        for (const auto& node : list) {
            std::string key = scalar_at(node, "key");
            if (!attempt([&] { read_question(file, node, block); })) broken_.insert(block + "." + key);
        }
    }

    void read_question(const RubricFile& file, const YAML::Node& node, const std::string& block) {
        file.check_keys(node, "question", {"key", "type", "text", "help"},
                        {"key_es", "values", "min", "max", "required"});
        Question q;
        q.block = block;
        q.key = file.string(node["key"]);
        q.path = block + "." + q.key;
        if (load_.set.find_question(q.path))
            file.fail(node["key"], Problem::duplicate_id, format_message(msg::duplicate_id, q.path));
        if (node["key_es"]) q.key_es = file.spanish_id(node["key_es"]);
        q.block_es = load_.set.written_block(block, Lang::es);
        q.path_es = q.block_es + "." + q.written_key(Lang::es);
        std::vector<WrittenIds> others;
        for (const auto& other : load_.set.questions)
            if (other.block == block) others.push_back({other.key, other.key_es, "\"" + other.path + "\""});
        file.check_written_ids(node["key_es"] ? node["key_es"] : node["key"], {q.key, q.key_es, "\"" + q.path + "\""},
                               others);
        q.type = pick<QuestionType>(file, node["type"],
                                    {QuestionType::text, QuestionType::choice, QuestionType::list,
                                     QuestionType::yes_partial_no, QuestionType::percent, QuestionType::count},
                                    question_type_id);
        q.text = file.text(node["text"], q.path + " text");
        q.help = file.text(node["help"], q.path + " help");
        q.label = q.text;
        q.pos = file.pos(node);
        if (node["required"]) q.required = file.string(node["required"]) == "true";
        bool has_values = q.type == QuestionType::choice || q.type == QuestionType::list;
        if (has_values != bool(node["values"]))
            file.fail(node, Problem::schema,
                      format_message(has_values ? msg::values_required : msg::values_not_allowed, q.path));
        if (has_values) {
            for (const auto& value : node["values"]) {
                file.check_keys(value, "value", {"id", "label"}, {"id_es"});
                Choice choice{file.string(value["id"]), {}, {}};
                if (value["id_es"]) choice.id_es = file.spanish_id(value["id_es"]);
                choice.label = file.text(value["label"], q.path + " " + choice.id + " label");
                if (q.find_value(choice.id))
                    file.fail(value["id"], Problem::duplicate_id, format_message(msg::duplicate_id, choice.id));
                std::vector<WrittenIds> earlier;
                for (const auto& other : q.values)
                    earlier.push_back({other.id,
                                       other.id_es,
                                       "\"" + other.id + "\" (" + q.path + ")",
                                       {other.label.en, other.label.es}});
                file.check_written_ids(value["id_es"] ? value["id_es"] : value["id"],
                                       {choice.id, choice.id_es, "\"" + choice.id + "\" (" + q.path + ")"}, earlier);
                q.values.push_back(std::move(choice));
            }
        }
        if (q.type == QuestionType::yes_partial_no) q.values = yes_partial_no_values();
        if (q.type == QuestionType::percent) q.max = 100;
        if (q.type == QuestionType::list) q.max = static_cast<double>(q.values.size());
        if (q.type == QuestionType::count) {
            if (!node["min"] || !node["max"])
                file.fail(node, Problem::schema, format_message(msg::count_needs_range, q.path));
            q.min = file.number(node["min"], kWholeQuantity);
            q.max = file.number(node["max"], kWholeQuantity);
            if (q.min > q.max)
                file.fail(node["max"], Problem::range_order, format_message(msg::range_reversed, q.path));
        }
        load_.set.questions.push_back(std::move(q));
    }

    void read_dimension(const std::string& id, const SourcePos& named_at) {
        std::optional<RubricFile> opened = open("dimensions/" + id + ".yaml", FileKind::dimension, named_at);
        if (!opened) throw InputError(std::vector<Diagnostic>{});  // reported by open()
        const RubricFile& file = *opened;
        const YAML::Node& root = file.root();
        file.check_keys(root, "dimension", {"id", "name", "weight", "annex", "description", "questions", "criteria"},
                        {"id_es"});
        Dimension dimension;
        dimension.id = file.string(root["id"]);
        if (dimension.id != id)
            file.fail(root["id"], Problem::id_mismatch, format_message(msg::dimension_id_mismatch, dimension.id, id));
        dimension.pos = file.pos(root);
        attempt([&] { dimension.name = file.text(root["name"], id + " name"); });
        attempt([&] { dimension.description = file.text(root["description"], id + " description"); });
        attempt([&] { dimension.weight = file.weight(root["weight"]); });
        for (const auto& section : root["annex"]) attempt([&] { dimension.annex.push_back(file.annex(section)); });

        if (root["id_es"])
            attempt([&] {
                std::string id_es = file.spanish_id(root["id_es"]);
                std::vector<WrittenIds> blocks;
                for (size_t i = 0; i < load_.set.blocks.size(); ++i)
                    blocks.push_back({load_.set.blocks[i],
                                      load_.set.blocks_es[i] == load_.set.blocks[i] ? "" : load_.set.blocks_es[i],
                                      "\"" + load_.set.blocks[i] + "\""});
                file.check_written_ids(root["id_es"], {id, id_es, "\"" + id + "\""}, blocks);
                dimension.id_es = std::move(id_es);
            });
        load_.set.blocks.push_back(id);
        load_.set.blocks_es.push_back(dimension.id_es.empty() ? id : dimension.id_es);
        read_questions(file, root["questions"], id);
        for (const auto& node : root["criteria"]) {
            attempt([&] { dimension.criteria.push_back(read_criterion(file, node, id)); });
        }
        if (dimension.criteria.empty() && root["criteria"].size() == 0)
            file.fail(root["criteria"], Problem::schema, format_message(msg::no_criteria, id));
        load_.set.dimensions.push_back(std::move(dimension));
    }

    Criterion read_criterion(const RubricFile& file, const YAML::Node& node, const std::string& dimension) {
        file.check_keys(node, "criterion", {"id", "question", "weight", "annex", "name", "rule", "recommendation"},
                        {"quote", "assumption"});
        Criterion criterion;
        criterion.id = file.string(node["id"]);
        if (!criterion_ids_.insert(criterion.id).second)
            file.fail(node["id"], Problem::duplicate_id, format_message(msg::duplicate_id, criterion.id));
        criterion.question = file.string(node["question"]);
        criterion.pos = file.pos(node);
        std::vector<Diagnostic> problems;
        bool failed = false;  // also by a problem reported elsewhere, which adds no diagnostic here
        auto collect = [&](auto read) {
            try {
                read();
            } catch (const InputError& e) {
                problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
                failed = true;
            }
        };
        collect([&] { criterion.weight = file.weight(node["weight"]); });
        collect([&] { criterion.annex = file.annex(node["annex"]); });
        collect([&] { criterion.name = file.text(node["name"], criterion.id + " name"); });
        collect([&] { criterion.basis = file.basis(node, criterion.id); });
        collect([&] { criterion.recommendation = read_recommendation(file, node["recommendation"], criterion.id); });
        collect([&] {
            // A criterion scores a question of its own dimension. Another block's question may be in
            // a file not read yet: it is looked up once every file is (foreign_questions()).
            if (!criterion.question.starts_with(dimension + ".")) {
                foreign_.push_back({file.pos(node["question"]), criterion.question, dimension});
                throw InputError(std::vector<Diagnostic>{});
            }
            const Question* question = load_.set.find_question(criterion.question);
            if (!question && broken_.count(criterion.question)) throw InputError(std::vector<Diagnostic>{});
            if (!question)
                file.fail(node["question"], Problem::unknown_reference, unknown_question(criterion.question));
            criterion.rule = read_rule(file, node["rule"], *question);
        });
        if (failed) throw InputError(problems);
        return criterion;
    }

    LocalText unknown_question(const std::string& path) const {
        std::vector<std::string> paths;
        for (const auto& q : load_.set.questions) paths.push_back(q.path);
        std::string near = yaml_input::closest(path, paths);
        return near.empty() ? format_message(msg::unknown_question, path)
                            : format_message(msg::unknown_question_did_you_mean, path, near);
    }

    // Criteria naming another block's question, now that every question is known.
    void foreign_questions() {
        for (const auto& foreign : foreign_) {
            attempt([&] {
                const Question* question = load_.set.find_question(foreign.question);
                bool reported = std::any_of(broken_.begin(), broken_.end(), [&](const std::string& id) {
                    return id == foreign.question || foreign.question.starts_with(id + ".");
                });
                if (!question && reported) return;  // the question or its dimension failed, and said why
                LocalText message = unknown_question(foreign.question);
                if (question) {
                    LocalText owner = question->block == "institution"
                                          ? LocalText{"the institution's questions", "las preguntas de la institución"}
                                          : LocalText{"dimension \"" + question->block + "\"",
                                                      "la dimensión \"" + question->block + "\""};
                    message =
                        format_message(kQuestionOfOtherBlock, foreign.question, foreign.dimension, owner.en, owner.es);
                }
                throw InputError({Diagnostic{foreign.pos, message, Problem::unknown_reference}});
            });
        }
    }

    Recommendation read_recommendation(const RubricFile& file, const YAML::Node& node, const std::string& criterion) {
        file.check_keys(node, "recommendation", {"effort", "horizon", "annex", "text"}, {"quote", "assumption"});
        Recommendation recommendation;
        recommendation.effort =
            pick<Effort>(file, node["effort"], {Effort::low, Effort::medium, Effort::high}, effort_id);
        recommendation.horizon = pick<Horizon>(file, node["horizon"],
                                               {Horizon::quick_win, Horizon::months_6_12, Horizon::longer}, horizon_id);
        recommendation.annex = file.annex(node["annex"]);
        recommendation.text = file.text(node["text"], criterion + " recommendation");
        recommendation.basis = file.basis(node, criterion + " recommendation");
        return recommendation;
    }

    template <class Enum, class Name>
    static Enum pick(const RubricFile& file, const YAML::Node& node, std::initializer_list<Enum> options, Name name) {
        std::string id = file.string(node);
        std::string names;
        for (Enum option : options) {
            if (name(option) == id) return option;
            names += (names.empty() ? "" : ", ") + std::string(name(option));
        }
        file.fail(node, Problem::schema, format_message(msg::expected_one_of, describe(node), names));
    }

    static Rule read_rule(const RubricFile& file, const YAML::Node& node, const Question& question) {
        file.check_keys(node, "rule", {}, {"levels", "bands"});
        Rule rule;
        rule.pos = file.pos(node);
        bool wants_levels = question.type == QuestionType::choice || question.type == QuestionType::yes_partial_no;
        bool wants_bands = question.type == QuestionType::percent || question.type == QuestionType::count ||
                           question.type == QuestionType::list;
        if (wants_levels) {
            if (!node["levels"])
                file.fail(node, Problem::rule_type_mismatch, format_message(msg::rule_needs_levels, question.path));
            std::vector<Diagnostic> problems;
            for (const auto& [value, score, at] : yaml_input::map_entries(node["levels"], file.name(), problems)) {
                if (!question.find_value(value))
                    file.fail(at, Problem::rule_type_mismatch,
                              format_message(msg::level_not_a_value, value, question.path));
                rule.levels.emplace_back(value, score_in_range(file, score, question));
            }
            if (!problems.empty()) throw InputError(problems);
            for (const auto& choice : question.values) {
                bool scored = std::any_of(rule.levels.begin(), rule.levels.end(),
                                          [&](const auto& level) { return level.first == choice.id; });
                if (!scored)
                    file.fail(node["levels"], Problem::rule_type_mismatch,
                              format_message(msg::value_without_level, choice.id, question.path));
            }
        } else if (wants_bands) {
            if (!node["bands"] || !node["bands"].IsSequence())
                file.fail(node, Problem::rule_type_mismatch, format_message(msg::rule_needs_bands, question.path));
            for (const auto& band : node["bands"]) {
                file.check_keys(band, "band", {"at_least", "score"}, {});
                Band b{file.number(band["at_least"], kQuantity), score_in_range(file, band["score"], question)};
                if (!rule.bands.empty() && b.at_least <= rule.bands.back().at_least)
                    file.fail(band, Problem::bands_order, format_message(msg::bands_not_ascending, question.path));
                if (b.at_least > question.max)
                    file.fail(band, Problem::bands_order,
                              format_message(msg::band_unreachable, question.path, format_number(b.at_least, 2),
                                             format_number(question.max, 2)));
                rule.bands.push_back(b);
            }
            if (rule.bands.empty() || rule.bands.front().at_least > question.min)
                file.fail(node["bands"], Problem::bands_order, format_message(msg::bands_not_covering, question.path));
        } else {
            file.fail(node, Problem::rule_type_mismatch, format_message(msg::question_not_scorable, question.path));
        }
        return rule;
    }

    static double score_in_range(const RubricFile& file, const YAML::Node& node, const Question& question) {
        PlainNumber read = number_of(node);
        if (read.kind == NumberKind::finite && (read.value < 0 || read.value > 100))
            file.fail(node, Problem::score_range, format_message(msg::score_out_of_range, question.path));
        return file.number(node, kScore, Problem::score_range);
    }

    // A question's short label is the name of the criterion that scores it.
    void label_questions() {
        for (auto& question : load_.set.questions)
            for (const auto& dimension : load_.set.dimensions)
                for (const auto& criterion : dimension.criteria)
                    if (criterion.question == question.path) question.label = criterion.name;
    }

    void read_levels(const RubricFile& main, const YAML::Node& list) {
        if (!list.IsSequence() || list.size() == 0)
            main.fail(list, Problem::schema, format_message(msg::expected_list, describe(list)));
        // Each level's order is checked against the level written before it, even when that one
        // failed for another reason (an unknown key): skipping it made every later level look out
        // of order. A level whose `from` cannot be read is not compared.
        std::optional<double> previous;
        bool first = true;
        for (const auto& node : list) {
            attempt([&] {
                main.check_keys(node, "level", {"id", "from", "name"}, {});
                Level level{main.string(node["id"]), main.number(node["from"], kScore, Problem::levels_order), {}};
                level.name = main.text(node["name"], "level " + level.id + " name");
                auto& levels = load_.set.levels;
                for (const auto& other : levels)
                    if (other.id == level.id)
                        main.fail(node["id"], Problem::duplicate_id, format_message(msg::duplicate_id, level.id));
                if (first ? level.from != 0 : (previous && level.from <= *previous) || level.from >= 100)
                    main.fail(node["from"], Problem::levels_order, format_message(msg::levels_not_ascending));
                levels.push_back(std::move(level));
            });
            PlainNumber from = node.IsMap() ? number_of(node["from"]) : PlainNumber{};
            previous = from.kind == NumberKind::finite ? std::optional<double>(from.value) : std::nullopt;
            first = false;
        }
    }

    void read_models(const std::string& relative, const SourcePos& named_at) {
        std::optional<RubricFile> file = open(relative, FileKind::models, named_at);
        if (!file || !attempt([&] { file->check_keys(file->root(), "models file", {"models"}, {}); })) return;
        auto& models = load_.set.models;
        for (const auto& node : file->root()["models"]) {
            std::string id = scalar_at(node, "id");
            if (!attempt([&] { models.push_back(read_model(*file, node)); })) broken_.insert(id);
        }
        if (models.empty() && broken_.empty())
            attempt(
                [&] { file->fail(file->root()["models"], Problem::schema, format_message(msg::expected_list, "[]")); });
        // Stepping stones are checked once every model is known: each names a model of an earlier
        // stage, so pathways always lead forward and never loop.
        for (const auto& model : models) {
            for (const auto& step : model.builds_on) {
                const Model* before = load_.set.find_model(step);
                attempt([&] {
                    if (!before && !broken_.count(step))
                        throw InputError({Diagnostic{model.pos, format_message(msg::unknown_model, step, model.id),
                                                     Problem::unknown_reference}});
                    if (before && before->stage >= model.stage)
                        throw InputError(
                            {Diagnostic{model.pos, format_message(msg::stepping_stone_not_earlier, step, model.id),
                                        Problem::pathway_order}});
                });
            }
        }
    }

    Model read_model(const RubricFile& file, const YAML::Node& node) {
        file.check_keys(node, "model",
                        {"id", "name", "kind", "stage", "annex", "description", "builds_on", "fit", "requires"},
                        {"context", "runs_when"});
        Model model;
        model.id = file.string(node["id"]);
        if (load_.set.find_model(model.id) || broken_.count(model.id))
            file.fail(node["id"], Problem::duplicate_id, format_message(msg::duplicate_id, model.id));
        model.name = file.text(node["name"], model.id + " name");
        model.description = file.text(node["description"], model.id + " description");
        model.kind = file.string(node["kind"]);
        if (model.kind != "tne" && model.kind != "internationalisation")
            file.fail(node["kind"], Problem::schema,
                      format_message(msg::expected_one_of, describe(node["kind"]), "tne, internationalisation"));
        model.stage = file.whole(node["stage"], 1, 100);
        model.annex = file.annex(node["annex"]);
        model.builds_on = file.strings(node["builds_on"]);
        model.pos = file.pos(node);
        for (const auto& term : node["fit"]) {
            file.check_keys(term, "fit", {"dimension", "weight"}, {});
            FitWeight fit{file.string(term["dimension"]), file.weight(term["weight"]), {}};
            check_dimension(file, term["dimension"], fit.dimension);
            model.fit.push_back(fit);
        }
        if (model.fit.empty())
            file.fail(node["fit"], Problem::schema, format_message(msg::model_without_fit, model.id));
        for (const auto& adjustment : node["context"])
            model.context.push_back(
                {read_condition(file, adjustment, {"adjust"}), file.number(adjustment["adjust"], kPoints)});
        for (const auto& requirement : node["requires"])
            model.requires_.push_back(read_condition(file, requirement, {}));
        if (node["runs_when"]) model.runs_when = read_condition(file, node["runs_when"], {});
        return model;
    }

    // A reference to a dimension; one whose file failed to load was reported already.
    void check_dimension(const RubricFile& file, const YAML::Node& node, const std::string& id) const {
        if (load_.set.find_dimension(id)) return;
        if (broken_.count(id)) throw InputError(std::vector<Diagnostic>{});
        file.fail(node, Problem::unknown_reference, format_message(msg::unknown_dimension, id));
    }

    Condition read_condition(const RubricFile& file, const YAML::Node& node,
                             const std::vector<std::string>& extra_keys) {
        std::vector<std::string> optional = {"dimension", "question", "at_least", "at_most",   "in",
                                             "any_of",    "why",      "quote",    "assumption"};
        optional.insert(optional.end(), extra_keys.begin(), extra_keys.end());
        file.check_keys(node, "condition", {"annex"}, optional);
        Condition c;
        c.annex = file.annex(node["annex"]);
        c.pos = file.pos(node);
        if (node["why"]) c.why = file.text(node["why"], "why");
        c.basis = file.basis(node, "condition");
        if (bool(node["dimension"]) == bool(node["question"]))
            file.fail(node, Problem::schema, format_message(msg::condition_subject));
        if (node["at_least"]) c.at_least = file.number(node["at_least"], kQuantity);
        if (node["at_most"]) c.at_most = file.number(node["at_most"], kQuantity);
        if (node["in"]) c.in = file.strings(node["in"]);
        if (node["any_of"]) c.any_of = file.strings(node["any_of"]);
        int tests = bool(c.at_least) + bool(c.at_most) + !c.in.empty() + !c.any_of.empty();
        if (tests != 1) file.fail(node, Problem::schema, format_message(msg::condition_test));

        if (node["dimension"]) {
            c.dimension = file.string(node["dimension"]);
            check_dimension(file, node["dimension"], c.dimension);
            if (!c.in.empty() || !c.any_of.empty())
                file.fail(node, Problem::rule_type_mismatch, format_message(msg::condition_test_type, c.dimension));
            for (const auto& [key, value] : thresholds(c))
                if (value < kScore.min || value > kScore.max)
                    file.fail(node[key], Problem::score_range,
                              format_message(kDimensionThreshold, c.dimension, key + " " + node[key].Scalar()));
            return c;
        }
        c.question = file.string(node["question"]);
        const Question* q = load_.set.find_question(c.question);
        if (!q && broken_.count(c.question)) throw InputError(std::vector<Diagnostic>{});
        if (!q)
            file.fail(node["question"], Problem::unknown_reference, format_message(msg::unknown_question, c.question));
        bool numeric = q->type == QuestionType::percent || q->type == QuestionType::count;
        bool single = q->type == QuestionType::choice || q->type == QuestionType::yes_partial_no;
        // A list is tested by its items (any_of) or by how many it has (at_least, at_most).
        bool fits = ((numeric || q->type == QuestionType::list) && (c.at_least || c.at_most)) ||
                    (single && !c.in.empty()) || (q->type == QuestionType::list && !c.any_of.empty());
        if (!fits) file.fail(node, Problem::rule_type_mismatch, format_message(msg::condition_test_type, c.question));
        // Beyond the question's range a threshold always holds or never does: a mistake either way.
        for (const auto& [key, value] : thresholds(c))
            if (value < q->min || value > q->max)
                file.fail(node[key], Problem::rule_type_mismatch,
                          format_message(kThresholdOutside, c.question, key + " " + node[key].Scalar(),
                                         format_number(q->min, 2), format_number(q->max, 2)));
        for (const auto& value : c.in.empty() ? c.any_of : c.in)
            if (!q->find_value(value))
                file.fail(node, Problem::unknown_reference, format_message(msg::level_not_a_value, value, c.question));
        return c;
    }

    static std::vector<std::pair<std::string, double>> thresholds(const Condition& c) {
        std::vector<std::pair<std::string, double>> found;
        if (c.at_least) found.emplace_back("at_least", *c.at_least);
        if (c.at_most) found.emplace_back("at_most", *c.at_most);
        return found;
    }

    const RubricFiles& files_;
    RubricLoad load_;
    std::set<std::string> broken_;  // ids of items that failed to load, already reported
    std::set<std::string> criterion_ids_;
    struct ForeignQuestion {
        SourcePos pos;
        std::string question;
        std::string dimension;  // of the criterion
    };
    std::vector<ForeignQuestion> foreign_;
};

}  // namespace

PlainNumber plain_number(std::string_view text) {
    std::string_view unsigned_part = text;
    if (!unsigned_part.empty() && (unsigned_part[0] == '-' || unsigned_part[0] == '+')) unsigned_part.remove_prefix(1);
    for (std::string_view word : {".inf", ".nan", "inf", "infinity", "nan"})
        if (equals_ignoring_case(unsigned_part, word)) return {NumberKind::not_finite, 0};
    if (!core_float(text)) return {};
    std::string_view digits = text[0] == '+' ? text.substr(1) : text;  // from_chars takes no '+'
    double value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error == std::errc::result_out_of_range)
        return magnitude(text) > 0 ? PlainNumber{NumberKind::not_finite, 0} : PlainNumber{NumberKind::finite, 0};
    if (error != std::errc() || end != digits.data() + digits.size()) return {};
    return {NumberKind::finite, value};
}

RubricLoad read_rubric_set(const RubricFiles& files) { return Loader(files).run(); }

RubricSet load_rubric_set(const RubricFiles& files) {
    std::optional<RubricSet> set;
    if (!files.snapshot.empty()) set = rubric_snapshot::restore(files.snapshot, files);
    if (!set) {
        RubricLoad load = read_rubric_set(files);
        if (!load.problems.empty()) throw InputError(load.problems);
        set = std::move(load.set);
    }
    set->resolve_slots();
    return std::move(*set);
}

}  // namespace tne
