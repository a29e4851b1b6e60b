#include "report_words.hpp"

#include <fmt/format.h>

namespace tne::words {

std::string score(const std::optional<double>& score) { return score ? format_number(*score, 0) : "–"; }

std::string score_of_100(const std::optional<double>& score, Lang lang) {
    return score ? format_number(*score, 0) + "/100" : tr(lang, "no answers", "sin respuestas");
}

std::string percent(double share) { return format_number(100 * share, 0) + "%"; }

std::string level(const Level* level, Lang lang) { return level ? level->name.in(lang) : tr(lang, "unknown", "sin datos"); }

std::string blockers(size_t count, Lang lang) {
    if (count == 0) return tr(lang, "feasible now", "factible ahora");
    if (count == 1) return tr(lang, "1 blocker", "1 obstáculo");
    return fmt::format("{} {}", count, tr(lang, "blockers", "obstáculos"));
}

std::string effort(Effort effort, Lang lang) {
    switch (effort) {
        case Effort::low: return tr(lang, "low", "bajo");
        case Effort::medium: return tr(lang, "medium", "medio");
        case Effort::high: return tr(lang, "high", "alto");
    }
    return "";
}

std::string horizon(Horizon horizon, Lang lang) {
    switch (horizon) {
        case Horizon::quick_win: return tr(lang, "quick win", "logro rápido");
        case Horizon::months_6_12: return tr(lang, "6-12 months", "6 a 12 meses");
        case Horizon::longer: return tr(lang, "longer term", "largo plazo");
    }
    return "";
}

std::string answer(const RubricSet& rubric, const std::string& path, const Value& value, Lang lang) {
    if (const auto* number = std::get_if<double>(&value)) return format_number(*number, 2);
    if (const auto* id = std::get_if<std::string>(&value)) return rubric.value_label(path, *id, lang);
    if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
        std::string joined;
        for (const auto& item : *items) joined += (joined.empty() ? "" : ", ") + rubric.value_label(path, item, lang);
        return joined.empty() ? tr(lang, "none", "ninguno") : joined;
    }
    return tr(lang, "unanswered", "sin respuesta");
}

std::string simulated_heading(size_t count, Lang lang) {
    if (count == 1)
        return tr(lang, "What-if: 1 answer is simulated (--set), not from the file",
                  "Simulación: 1 respuesta es supuesta (--set), no del archivo");
    return fmt::format(fmt::runtime(lang == Lang::es ? "Simulación: {} respuestas son supuestas (--set), no del archivo"
                                        : "What-if: {} answers are simulated (--set), not from the file"),
                       count);
}

std::string simulated_change(const Assessment& assessment, const SimulatedAnswer& simulated, Lang lang) {
    const Question& q = *simulated.question;
    const Answer* now = assessment.profile.find(q);
    return fmt::format("{} ({}): {} → {}", q.label.in(lang), q.path, answer(*assessment.rubric, q.path, simulated.was, lang),
                       answer(*assessment.rubric, q.path, now ? now->value : Value{}, lang));
}

std::string points(const CriterionResult& criterion, Lang lang) {
    if (!criterion.score) return tr(lang, "not counted; lowers coverage", "no cuenta; reduce la cobertura");
    return fmt::format("{}/{}", format_number(criterion.points, 2), format_number(criterion.max_points, 2));
}

}  // namespace tne::words
