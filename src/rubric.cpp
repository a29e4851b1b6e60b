#include "tne/rubric.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "embedded_rubrics.hpp"

namespace tne {

std::string_view question_type_name(QuestionType type) {
    switch (type) {
        case QuestionType::text: return "text";
        case QuestionType::choice: return "choice";
        case QuestionType::list: return "list";
        case QuestionType::yes_partial_no: return "yes_partial_no";
        case QuestionType::percent: return "percent";
        case QuestionType::count: return "count";
    }
    return "text";
}

std::string_view effort_id(Effort effort) {
    switch (effort) {
        case Effort::low: return "low";
        case Effort::medium: return "medium";
        case Effort::high: return "high";
    }
    return "medium";
}

std::string_view horizon_id(Horizon horizon) {
    switch (horizon) {
        case Horizon::quick_win: return "quick_win";
        case Horizon::months_6_12: return "months_6_12";
        case Horizon::longer: return "longer";
    }
    return "longer";
}

const Choice* Question::find_value(const std::string& id) const {
    for (const auto& choice : values)
        if (choice.id == id) return &choice;
    return nullptr;
}

const Question* RubricSet::find_question(const std::string& path) const {
    for (const auto& question : questions)
        if (question.path == path) return &question;
    return nullptr;
}

const Dimension* RubricSet::find_dimension(const std::string& dimension_id) const {
    for (const auto& dimension : dimensions)
        if (dimension.id == dimension_id) return &dimension;
    return nullptr;
}

const Model* RubricSet::find_model(const std::string& model_id) const {
    for (const auto& model : models)
        if (model.id == model_id) return &model;
    return nullptr;
}

const Level& RubricSet::level_for(double score) const {
    const Level* found = &levels.front();
    for (const auto& level : levels)
        if (score >= level.from) found = &level;
    return *found;
}

RubricFiles embedded_rubric_files() {
    return {"rubrics", [](const std::string& relative) -> std::optional<std::string> {
                for (const auto& file : embedded::rubric_files())
                    if (file.path == relative) return std::string(file.content);
                return std::nullopt;
            }};
}

RubricFiles directory_rubric_files(const std::string& directory) {
    std::string root = directory;
    while (root.size() > 1 && root.back() == '/') root.pop_back();
    return {root, [root](const std::string& relative) -> std::optional<std::string> {
                std::ifstream in(std::filesystem::path(root) / relative, std::ios::binary);
                if (!in) return std::nullopt;
                std::ostringstream text;
                text << in.rdbuf();
                return text.str();
            }};
}

}  // namespace tne
