// Reads a rubric set from YAML files. The loader checks what the engine relies on (references
// exist, rules fit their question's type, levels ordered); anything malformed is an InputError at
// the file, line and column of the offending node.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "messages.hpp"
#include "tne/rubric.hpp"
#include "yaml_input.hpp"

namespace tne {

namespace {

using yaml_input::describe;

const std::vector<Choice>& yes_partial_no_values() {
    static const std::vector<Choice> values = {
        {"yes", {"yes", "sí"}}, {"partial", {"partial", "parcial"}}, {"no", {"no", "no"}}};
    return values;
}

// One YAML file of the set, read strictly: the first problem ends the load with its position.
class RubricFile {
public:
    RubricFile(const RubricFiles& files, const std::string& relative) : name_(files.root + "/" + relative) {
        auto text = files.read(relative);
        if (!text) throw InputError(SourcePos{name_}, format_message(msg::rubric_file_missing));
        root_ = yaml_input::parse(*text, name_);
        if (!root_.IsMap()) fail(root_, format_message(msg::expected_map, describe(root_)));
    }

    const YAML::Node& root() const { return root_; }
    const std::string& name() const { return name_; }

    [[noreturn]] void fail(const YAML::Node& node, LocalText message) const {
        throw InputError(yaml_input::pos_of(node, name_), std::move(message));
    }

    SourcePos pos(const YAML::Node& node) const { return yaml_input::pos_of(node, name_); }

    // Checks a map's keys: no duplicates, none unknown, the required ones present.
    void check_keys(const YAML::Node& map, const std::string& where, const std::vector<std::string>& required,
                    const std::vector<std::string>& optional) const {
        if (!map.IsMap()) fail(map, format_message(msg::expected_map_for, where, describe(map)));
        std::vector<Diagnostic> problems;
        auto entries = yaml_input::map_entries(map, name_, problems);
        if (!problems.empty()) throw InputError(problems);
        std::vector<std::string> allowed = required;
        allowed.insert(allowed.end(), optional.begin(), optional.end());
        for (const auto& [key, value] : entries) {
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                for (const auto& entry : map)
                    if (entry.first.Scalar() == key)
                        fail(entry.first, yaml_input::unknown_key_message(key, where, allowed));
            }
        }
        for (const auto& key : required)
            if (!map[key]) fail(map, format_message(msg::missing_key, key, where));
    }

    std::string string(const YAML::Node& node) const {
        if (!node.IsScalar() || node.Scalar().empty())
            fail(node, format_message(msg::expected_string, describe(node)));
        return node.Scalar();
    }

    double number(const YAML::Node& node) const {
        if (node.IsScalar()) {
            try {
                size_t used = 0;
                double value = std::stod(node.Scalar(), &used);
                if (used == node.Scalar().size() && std::isfinite(value)) return value;
            } catch (const std::exception&) {
            }
        }
        fail(node, format_message(msg::expected_number, describe(node)));
    }

    double positive(const YAML::Node& node) const {
        double value = number(node);
        if (value <= 0) fail(node, format_message(msg::expected_positive, describe(node)));
        return value;
    }

    std::vector<std::string> strings(const YAML::Node& node) const {
        if (!node.IsSequence()) fail(node, format_message(msg::expected_list, describe(node)));
        std::vector<std::string> items;
        for (const auto& item : node) items.push_back(string(item));
        return items;
    }

    LocalText text(const YAML::Node& node, const std::string& where) const {
        check_keys(node, where, {"en", "es"}, {});
        return {string(node["en"]), string(node["es"])};
    }

    std::string annex(const YAML::Node& node) const {
        std::string section = string(node);
        bool well_formed = !section.empty() && std::isdigit(static_cast<unsigned char>(section.front())) &&
                           std::isdigit(static_cast<unsigned char>(section.back())) &&
                           section.find_first_not_of("0123456789.") == std::string::npos;
        if (!well_formed) fail(node, format_message(msg::expected_annex_section, describe(node)));
        return section;
    }

private:
    std::string name_;
    YAML::Node root_;
};

QuestionType parse_question_type(const RubricFile& file, const YAML::Node& node) {
    static const std::vector<std::pair<std::string, QuestionType>> types = {
        {"text", QuestionType::text},     {"choice", QuestionType::choice},   {"list", QuestionType::list},
        {"yes_partial_no", QuestionType::yes_partial_no}, {"percent", QuestionType::percent},
        {"count", QuestionType::count}};
    std::string name = file.string(node);
    for (const auto& [id, type] : types)
        if (id == name) return type;
    file.fail(node, format_message(msg::expected_one_of, describe(node),
                                   "text, choice, list, yes_partial_no, percent, count"));
}

std::vector<Question> read_questions(const RubricFile& file, const YAML::Node& list, const std::string& block) {
    if (!list.IsSequence()) file.fail(list, format_message(msg::expected_list, describe(list)));
    std::vector<Question> questions;
    for (const auto& node : list) {
        file.check_keys(node, "question", {"key", "type", "text", "help"}, {"values", "min", "max", "required"});
        Question q;
        q.block = block;
        q.key = file.string(node["key"]);
        q.path = block + "." + q.key;
        q.type = parse_question_type(file, node["type"]);
        q.text = file.text(node["text"], "text");
        q.help = file.text(node["help"], "help");
        q.label = q.text;
        q.pos = file.pos(node);
        if (node["required"]) q.required = file.string(node["required"]) == "true";
        bool has_values = q.type == QuestionType::choice || q.type == QuestionType::list;
        if (has_values != bool(node["values"]))
            file.fail(node, format_message(has_values ? msg::values_required : msg::values_not_allowed, q.path));
        if (has_values) {
            for (const auto& value : node["values"]) {
                file.check_keys(value, "value", {"id", "label"}, {});
                q.values.push_back({file.string(value["id"]), file.text(value["label"], "label")});
            }
        }
        if (q.type == QuestionType::yes_partial_no) q.values = yes_partial_no_values();
        if (q.type == QuestionType::percent) q.max = 100;
        if (q.type == QuestionType::count) {
            if (!node["min"] || !node["max"]) file.fail(node, format_message(msg::count_needs_range, q.path));
            q.min = file.number(node["min"]);
            q.max = file.number(node["max"]);
            if (q.min > q.max) file.fail(node["max"], format_message(msg::range_reversed, q.path));
        }
        if (std::any_of(questions.begin(), questions.end(), [&](const Question& o) { return o.key == q.key; }))
            file.fail(node["key"], format_message(msg::duplicate_id, q.path));
        questions.push_back(std::move(q));
    }
    return questions;
}

Rule read_rule(const RubricFile& file, const YAML::Node& node, const Question& question) {
    file.check_keys(node, "rule", {}, {"levels", "bands"});
    Rule rule;
    bool wants_levels = question.type == QuestionType::choice || question.type == QuestionType::yes_partial_no;
    bool wants_bands = question.type == QuestionType::percent || question.type == QuestionType::count ||
                       question.type == QuestionType::list;
    if (wants_levels) {
        if (!node["levels"]) file.fail(node, format_message(msg::rule_needs_levels, question.path));
        std::vector<Diagnostic> problems;
        for (const auto& [value, score] : yaml_input::map_entries(node["levels"], file.name(), problems)) {
            if (!question.find_value(value))
                file.fail(node["levels"], format_message(msg::level_not_a_value, value, question.path));
            rule.levels.emplace_back(value, file.number(score));
        }
        if (!problems.empty()) throw InputError(problems);
        for (const auto& choice : question.values) {
            bool scored = std::any_of(rule.levels.begin(), rule.levels.end(),
                                      [&](const auto& level) { return level.first == choice.id; });
            if (!scored) file.fail(node["levels"], format_message(msg::value_without_level, choice.id, question.path));
        }
    } else if (wants_bands) {
        if (!node["bands"] || !node["bands"].IsSequence())
            file.fail(node, format_message(msg::rule_needs_bands, question.path));
        for (const auto& band : node["bands"]) {
            file.check_keys(band, "band", {"at_least", "score"}, {});
            Band b{file.number(band["at_least"]), file.number(band["score"])};
            if (!rule.bands.empty() && b.at_least <= rule.bands.back().at_least)
                file.fail(band, format_message(msg::bands_not_ascending, question.path));
            rule.bands.push_back(b);
        }
        if (rule.bands.empty() || rule.bands.front().at_least > question.min)
            file.fail(node["bands"], format_message(msg::bands_not_covering, question.path));
    } else {
        file.fail(node, format_message(msg::question_not_scorable, question.path));
    }
    auto scores_in_range = [](double s) { return s >= 0 && s <= 100; };
    for (const auto& level : rule.levels)
        if (!scores_in_range(level.second)) file.fail(node, format_message(msg::score_out_of_range, question.path));
    for (const auto& band : rule.bands)
        if (!scores_in_range(band.score)) file.fail(node, format_message(msg::score_out_of_range, question.path));
    return rule;
}

Effort parse_effort(const RubricFile& file, const YAML::Node& node) {
    std::string id = file.string(node);
    for (Effort e : {Effort::low, Effort::medium, Effort::high})
        if (effort_id(e) == id) return e;
    file.fail(node, format_message(msg::expected_one_of, describe(node), "low, medium, high"));
}

Horizon parse_horizon(const RubricFile& file, const YAML::Node& node) {
    std::string id = file.string(node);
    for (Horizon h : {Horizon::quick_win, Horizon::months_6_12, Horizon::longer})
        if (horizon_id(h) == id) return h;
    file.fail(node, format_message(msg::expected_one_of, describe(node), "quick_win, months_6_12, longer"));
}

Dimension read_dimension(const RubricFiles& files, const std::string& id, RubricSet& set) {
    RubricFile file(files, "dimensions/" + id + ".yaml");
    const YAML::Node& root = file.root();
    file.check_keys(root, "dimension", {"id", "name", "weight", "annex", "description", "questions", "criteria"}, {});
    Dimension dimension;
    dimension.id = file.string(root["id"]);
    if (dimension.id != id) file.fail(root["id"], format_message(msg::dimension_id_mismatch, dimension.id, id));
    dimension.name = file.text(root["name"], "name");
    dimension.description = file.text(root["description"], "description");
    dimension.weight = file.positive(root["weight"]);
    for (const auto& section : root["annex"]) dimension.annex.push_back(file.annex(section));
    dimension.pos = file.pos(root);

    for (auto& question : read_questions(file, root["questions"], id)) set.questions.push_back(std::move(question));

    for (const auto& node : root["criteria"]) {
        file.check_keys(node, "criterion", {"id", "question", "weight", "annex", "name", "rule", "recommendation"}, {});
        Criterion criterion;
        criterion.id = file.string(node["id"]);
        criterion.question = file.string(node["question"]);
        criterion.weight = file.positive(node["weight"]);
        criterion.annex = file.annex(node["annex"]);
        criterion.name = file.text(node["name"], "name");
        criterion.pos = file.pos(node);
        const Question* question = set.find_question(criterion.question);
        if (!question) {
            std::vector<std::string> paths;
            for (const auto& q : set.questions) paths.push_back(q.path);
            std::string near = yaml_input::closest(criterion.question, paths);
            file.fail(node["question"], near.empty()
                                            ? format_message(msg::unknown_question, criterion.question)
                                            : format_message(msg::unknown_question_did_you_mean, criterion.question, near));
        }
        criterion.rule = read_rule(file, node["rule"], *question);
        const YAML::Node& rec = node["recommendation"];
        file.check_keys(rec, "recommendation", {"effort", "horizon", "annex", "text"}, {});
        criterion.recommendation = {parse_effort(file, rec["effort"]), parse_horizon(file, rec["horizon"]),
                                    file.annex(rec["annex"]), file.text(rec["text"], "text")};
        dimension.criteria.push_back(std::move(criterion));
    }
    if (dimension.criteria.empty()) file.fail(root["criteria"], format_message(msg::no_criteria, id));
    return dimension;
}

Condition read_condition(const RubricFile& file, const YAML::Node& node, const RubricSet& set,
                         const std::vector<std::string>& extra_keys) {
    std::vector<std::string> optional = {"dimension", "question", "at_least", "at_most", "in", "any_of", "why"};
    optional.insert(optional.end(), extra_keys.begin(), extra_keys.end());
    file.check_keys(node, "condition", {"annex"}, optional);
    Condition c;
    c.annex = file.annex(node["annex"]);
    c.pos = file.pos(node);
    if (node["why"]) c.why = file.text(node["why"], "why");
    if (bool(node["dimension"]) == bool(node["question"]))
        file.fail(node, format_message(msg::condition_subject));
    if (node["at_least"]) c.at_least = file.number(node["at_least"]);
    if (node["at_most"]) c.at_most = file.number(node["at_most"]);
    if (node["in"]) c.in = file.strings(node["in"]);
    if (node["any_of"]) c.any_of = file.strings(node["any_of"]);
    int tests = bool(c.at_least) + bool(c.at_most) + !c.in.empty() + !c.any_of.empty();
    if (tests != 1) file.fail(node, format_message(msg::condition_test));

    if (node["dimension"]) {
        c.dimension = file.string(node["dimension"]);
        if (!set.find_dimension(c.dimension))
            file.fail(node["dimension"], format_message(msg::unknown_dimension, c.dimension));
        if (!c.in.empty() || !c.any_of.empty()) file.fail(node, format_message(msg::condition_test_type, c.dimension));
        return c;
    }
    c.question = file.string(node["question"]);
    const Question* q = set.find_question(c.question);
    if (!q) file.fail(node["question"], format_message(msg::unknown_question, c.question));
    bool numeric = q->type == QuestionType::percent || q->type == QuestionType::count;
    bool single = q->type == QuestionType::choice || q->type == QuestionType::yes_partial_no;
    bool fits = (numeric && (c.at_least || c.at_most)) || (single && !c.in.empty()) ||
                (q->type == QuestionType::list && !c.any_of.empty());
    if (!fits) file.fail(node, format_message(msg::condition_test_type, c.question));
    for (const auto& value : c.in.empty() ? c.any_of : c.in)
        if (!q->find_value(value)) file.fail(node, format_message(msg::level_not_a_value, value, c.question));
    return c;
}

void read_models(const RubricFiles& files, const std::string& relative, RubricSet& set) {
    RubricFile file(files, relative);
    file.check_keys(file.root(), "models file", {"models"}, {});
    for (const auto& node : file.root()["models"]) {
        file.check_keys(node, "model",
                        {"id", "name", "kind", "stage", "annex", "description", "builds_on", "fit", "requires"},
                        {"context"});
        Model model;
        model.id = file.string(node["id"]);
        if (set.find_model(model.id)) file.fail(node["id"], format_message(msg::duplicate_id, model.id));
        model.name = file.text(node["name"], "name");
        model.description = file.text(node["description"], "description");
        model.kind = file.string(node["kind"]);
        if (model.kind != "tne" && model.kind != "internationalisation")
            file.fail(node["kind"], format_message(msg::expected_one_of, describe(node["kind"]), "tne, internationalisation"));
        model.stage = static_cast<int>(file.positive(node["stage"]));
        model.annex = file.annex(node["annex"]);
        model.builds_on = file.strings(node["builds_on"]);
        model.pos = file.pos(node);
        for (const auto& term : node["fit"]) {
            file.check_keys(term, "fit", {"dimension", "weight"}, {});
            FitWeight fit{file.string(term["dimension"]), file.positive(term["weight"])};
            if (!set.find_dimension(fit.dimension))
                file.fail(term["dimension"], format_message(msg::unknown_dimension, fit.dimension));
            model.fit.push_back(fit);
        }
        if (model.fit.empty()) file.fail(node["fit"], format_message(msg::model_without_fit, model.id));
        for (const auto& adjustment : node["context"])
            model.context.push_back({read_condition(file, adjustment, set, {"adjust"}), file.number(adjustment["adjust"])});
        for (const auto& requirement : node["requires"])
            model.requires_.push_back(read_condition(file, requirement, set, {}));
        set.models.push_back(std::move(model));
    }
    // Stepping stones are checked once every model is known: each names a model of an earlier
    // stage, so pathways always lead forward and never loop.
    for (const auto& model : set.models) {
        for (const auto& step : model.builds_on) {
            const Model* before = set.find_model(step);
            if (!before) throw InputError(model.pos, format_message(msg::unknown_model, step, model.id));
            if (before->stage >= model.stage)
                throw InputError(model.pos, format_message(msg::stepping_stone_not_earlier, step, model.id));
        }
    }
}

}  // namespace

RubricSet load_rubric_set(const RubricFiles& files) {
    RubricFile main(files, "rubric-set.yaml");
    const YAML::Node& root = main.root();
    main.check_keys(root, "rubric set",
                    {"id", "version", "name", "annex", "institution", "dimensions", "models", "levels", "suggestion"},
                    {"tests"});
    RubricSet set;
    set.source = files.root;
    set.id = main.string(root["id"]);
    set.version = static_cast<int>(main.positive(root["version"]));
    set.name = main.text(root["name"], "name");

    RubricFile annex(files, main.string(root["annex"]));
    annex.check_keys(annex.root(), "annex file", {"title", "sections"}, {});
    set.annex_title = annex.text(annex.root()["title"], "title");
    for (const auto& node : annex.root()["sections"]) {
        annex.check_keys(node, "section", {"id", "title"}, {});
        set.annex_sections.push_back({annex.string(node["id"]), annex.text(node["title"], "title")});
    }
    if (root["tests"]) set.test_files = main.strings(root["tests"]);

    RubricFile institution(files, main.string(root["institution"]));
    institution.check_keys(institution.root(), "institution file", {"questions"}, {});
    set.blocks.push_back("institution");
    set.questions = read_questions(institution, institution.root()["questions"], "institution");

    for (const auto& id : main.strings(root["dimensions"])) {
        if (set.find_dimension(id) || id == "institution")
            main.fail(root["dimensions"], format_message(msg::duplicate_id, id));
        set.blocks.push_back(id);
        set.dimensions.push_back(read_dimension(files, id, set));
    }
    std::set<std::string> criterion_ids;
    for (auto& dimension : set.dimensions) {
        for (const auto& criterion : dimension.criteria) {
            if (!criterion_ids.insert(criterion.id).second)
                throw InputError(criterion.pos, format_message(msg::duplicate_id, criterion.id));
        }
    }
    // A question's short label is the name of the criterion that scores it.
    for (auto& question : set.questions)
        for (const auto& dimension : set.dimensions)
            for (const auto& criterion : dimension.criteria)
                if (criterion.question == question.path) question.label = criterion.name;

    for (const auto& node : root["levels"]) {
        main.check_keys(node, "level", {"id", "from", "name"}, {});
        Level level{main.string(node["id"]), main.number(node["from"]), main.text(node["name"], "name")};
        if (set.levels.empty() ? level.from != 0 : level.from <= set.levels.back().from)
            main.fail(node["from"], format_message(msg::levels_not_ascending));
        set.levels.push_back(std::move(level));
    }
    if (set.levels.empty()) main.fail(root["levels"], format_message(msg::expected_list, describe(root["levels"])));

    main.check_keys(root["suggestion"], "suggestion", {"min_fit", "max_blockers"}, {});
    set.min_fit = main.number(root["suggestion"]["min_fit"]);
    set.max_blockers = static_cast<int>(main.number(root["suggestion"]["max_blockers"]));

    read_models(files, main.string(root["models"]), set);
    if (set.models.empty()) main.fail(root["models"], format_message(msg::expected_list, "[]"));
    return set;
}

}  // namespace tne
