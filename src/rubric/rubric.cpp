#include "tne/rubric.hpp"

#include <algorithm>
#include <filesystem>

#include "base/enum_ids.hpp"
#include "base/messages.hpp"
#include "tne/input.hpp"

namespace tne {

std::string_view question_type_id(QuestionType type) {
    static constexpr EnumId<QuestionType> kIds[] = {
        {QuestionType::text, "text"},       {QuestionType::choice, "choice"},
        {QuestionType::list, "list"},       {QuestionType::yes_partial_no, "yes_partial_no"},
        {QuestionType::percent, "percent"}, {QuestionType::count, "count"}};
    return id_of(kIds, type);
}

std::string_view effort_id(Effort effort) {
    static constexpr EnumId<Effort> kIds[] = {{Effort::low, "low"}, {Effort::medium, "medium"}, {Effort::high, "high"}};
    return id_of(kIds, effort);
}

std::string_view horizon_id(Horizon horizon) {
    static constexpr EnumId<Horizon> kIds[] = {
        {Horizon::quick_win, "quick_win"}, {Horizon::months_6_12, "months_6_12"}, {Horizon::longer, "longer"}};
    return id_of(kIds, horizon);
}

const Choice* Question::find_value(const std::string& id) const {
    for (const auto& choice : values)
        if (choice.id == id) return &choice;
    return nullptr;
}

const std::string& Question::written_value(const std::string& id, Lang lang) const {
    const Choice* choice = find_value(id);
    return choice ? choice->written_id(lang) : id;
}

const Choice* Question::find_value_written(std::string_view written) const {
    // As written first (no value's Spanish id is written like another value's id or label: the
    // loader's spanish-id check), folded only when that misses.
    for (const auto& choice : values)
        if (choice.id == written || (!choice.id_es.empty() && choice.id_es == written)) return &choice;
    const std::string written_key = typed_key(written);
    const Choice* named = nullptr;
    for (const auto& choice : values) {
        if (written_key != typed_key(choice.id) && written_key != typed_key(choice.label.en) &&
            written_key != typed_key(choice.label.es) &&
            (choice.id_es.empty() || written_key != typed_key(choice.id_es)))
            continue;
        if (named) return nullptr;  // two values answer to it: neither is meant for sure
        named = &choice;
    }
    return named;
}

namespace {

// The item of `items` whose `key` member is `wanted`; none when there is none.
template <class Item>
const Item* find_by(const std::vector<Item>& items, std::string Item::*key, const std::string& wanted) {
    auto at = std::find_if(items.begin(), items.end(), [&](const Item& item) { return item.*key == wanted; });
    return at == items.end() ? nullptr : &*at;
}

}  // namespace

const Question* RubricSet::find_question(const std::string& path) const {
    return find_by(questions, &Question::path, path);
}
const std::string* RubricSet::find_block_written(std::string_view key) const {
    for (size_t i = 0; i < blocks.size(); ++i)
        if (blocks[i] == key || (i < blocks_es.size() && blocks_es[i] == key)) return &blocks[i];
    const std::string typed = typed_key(key);
    for (size_t i = 0; i < blocks_es.size() && i < blocks.size(); ++i)
        if (typed_key(blocks_es[i]) == typed) return &blocks[i];
    return nullptr;
}

const Question* RubricSet::find_question_written(const std::string& block, std::string_view key) const {
    // As written first, folded only when that misses.
    for (const auto& question : questions)
        if (question.block == block && (question.key == key || (!question.key_es.empty() && question.key_es == key)))
            return &question;
    const std::string typed = typed_key(key);
    for (const auto& question : questions)
        if (question.block == block && !question.key_es.empty() && typed_key(question.key_es) == typed)
            return &question;
    return nullptr;
}

const Question* RubricSet::find_question_written(std::string_view path) const {
    if (const Question* exact = find_by(questions, &Question::path, std::string(path))) return exact;
    size_t dot = path.find('.');
    if (dot == std::string_view::npos) return nullptr;
    const std::string* block = find_block_written(path.substr(0, dot));
    return block ? find_question_written(*block, path.substr(dot + 1)) : nullptr;
}

const std::string& RubricSet::written_block(const std::string& block, Lang lang) const {
    if (lang == Lang::es)
        for (size_t i = 0; i < blocks.size() && i < blocks_es.size(); ++i)
            if (blocks[i] == block) return blocks_es[i];
    return block;
}

const Dimension* RubricSet::find_dimension(const std::string& wanted) const {
    return find_by(dimensions, &Dimension::id, wanted);
}
const Model* RubricSet::find_model(const std::string& wanted) const { return find_by(models, &Model::id, wanted); }

const Model* RubricSet::find_model_written(std::string_view written) const {
    if (const Model* model = find_model(std::string(written))) return model;
    const std::string written_key = typed_key(written);
    const Model* named = nullptr;
    for (const auto& model : models) {
        if (written_key != typed_key(model.id) && written_key != typed_key(model.name.en) &&
            written_key != typed_key(model.name.es))
            continue;
        if (named) return nullptr;  // two models answer to it: neither is meant for sure
        named = &model;
    }
    return named;
}
const AnnexSection* RubricSet::find_annex_section(const std::string& wanted) const {
    return find_by(annex_sections, &AnnexSection::id, wanted);
}

std::string annex_section(const std::string& section, Lang lang, const RubricSet* titles) {
    const AnnexSection* named = titles ? titles->find_annex_section(section) : nullptr;
    if (!named || named->title.in(lang).empty()) return section;
    return section + " (" + named->title.in(lang) + ")";
}

std::string annex_citation(const std::string& section, Lang lang, const RubricSet* titles) {
    return (lang == Lang::es ? "Anexo " : "Annex ") + annex_section(section, lang, titles);
}

void RubricSet::resolve_slots() {
    auto position = [](const auto& items, auto named) {
        auto at = std::find_if(items.begin(), items.end(), named);
        return at == items.end() ? -1 : static_cast<int>(at - items.begin());
    };
    auto resolve = [&](Condition& c) {
        c.slot.index = c.dimension.empty()
                           ? position(questions, [&](const Question& q) { return q.path == c.question; })
                           : position(dimensions, [&](const Dimension& d) { return d.id == c.dimension; });
    };
    for (auto& model : models) {
        for (auto& term : model.fit)
            term.slot.index = position(dimensions, [&](const Dimension& d) { return d.id == term.dimension; });
        for (auto& adjustment : model.context) resolve(adjustment.when);
        for (auto& requirement : model.requires_) resolve(requirement);
        if (model.runs_when) resolve(*model.runs_when);
    }
    for (auto& step : advice.first_steps)
        if (step.when) resolve(*step.when);
}

const Level& RubricSet::level_for(double score) const {
    const Level* found = &levels.front();
    for (const auto& level : levels)
        if (score >= level.from) found = &level;
    return *found;
}

std::string RubricSet::value_label(const std::string& path, const std::string& value_id, Lang lang) const {
    const Question* question = find_question(path);
    const Choice* choice = question ? question->find_value(value_id) : nullptr;
    return choice ? choice->label.in(lang) : value_id;
}

RubricFiles directory_rubric_files(const std::string& directory) {
    std::string root = directory;
    while (root.size() > 1 && root.back() == '/') root.pop_back();
    return {root,
            [root](const std::string& relative) -> std::optional<std::string> {
                namespace fs = std::filesystem;
                // A rubric set names its own files; one that names a file elsewhere (an absolute
                // path, "..") would make tne read what the set's author should not see.
                fs::path name(relative);
                bool inside = !name.is_absolute() &&
                              std::none_of(name.begin(), name.end(), [](const fs::path& part) { return part == ".."; });
                std::string path = (fs::path(root) / name).string();
                if (!inside)
                    throw InputError({{SourcePos{path}, format_message(msg::outside_rubric_folder, relative),
                                       Problem::missing_file}});
                if (!fs::is_regular_file(path)) return std::nullopt;
                return input::read_file(path);
            },
            {}};
}

}  // namespace tne
