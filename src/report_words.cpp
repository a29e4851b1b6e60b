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

std::string months(int count, Lang lang) {
    if (count == 1) return tr(lang, "1 month", "1 mes");
    return fmt::format("{} {}", count, tr(lang, "months", "meses"));
}

std::string confidence_rule(const EvidenceReview& review, Lang lang) {
    return fmt::format(
        fmt::runtime(tr(lang,
           "An answer counts fully towards confidence when its evidence is at most {} old on {}, half when it has "
           "no evidence or older evidence, and not at all when it is unknown; the Annex asks institutions to "
           "review their indicators regularly (4.1.7, 4.4).",
           "Una respuesta cuenta completa para la confianza si su evidencia tiene a lo sumo {} al {}, la mitad si "
           "no tiene evidencia o la tiene más antigua, y nada si se desconoce; el Anexo pide a las instituciones "
           "revisar sus indicadores con regularidad (4.1.7, 4.4).")),
        months(review.max_age_months, lang), review.date.iso());
}

std::string evidence_hint(Lang lang) {
    return tr(lang, "No scored answer carries evidence yet. Give an answer its evidence as:",
              "Ninguna respuesta calificada tiene evidencia todavía. Dé a una respuesta su evidencia así:");
}

std::string evidence_form(Lang lang) {
    return fmt::format("{{value: ..., evidence: {{source: ..., date: {}, owner: ...}}}}",
                       tr(lang, "YYYY-MM-DD", "AAAA-MM-DD"));
}

std::string evidence_counts(const EvidenceReview& review, Lang lang) {
    const int fresh = review.totals.fresh, stale = review.totals.stale, missing = review.totals.missing;
    return fmt::format("{} {} · {} {} · {} {}", fresh,
                       tr(lang, fresh == 1 ? "answer with fresh evidence" : "answers with fresh evidence",
                          fresh == 1 ? "respuesta con evidencia vigente" : "respuestas con evidencia vigente"),
                       stale, tr(lang, "with stale evidence", "con evidencia vencida"), missing,
                       tr(lang, "without evidence", "sin evidencia"));
}

std::string stale_title(const EvidenceReview& review, Lang lang) {
    return fmt::format("{} {}", tr(lang, "Evidence older than", "Evidencia de más de"), months(review.max_age_months, lang));
}

std::string dated_after_title(const EvidenceReview& review, Lang lang) {
    return fmt::format("{} {} ({})", tr(lang, "Dated after", "Con fecha posterior al"), review.date.iso(),
                       tr(lang, "check the date; counted as fresh", "revise la fecha; se cuenta como vigente"));
}

}  // namespace tne::words
