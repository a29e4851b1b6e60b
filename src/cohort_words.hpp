// The cohort summary's labels and the small helpers its text, Markdown and HTML views share, so
// they read alike. Each label exists in English and Spanish; arguments are positional ({0}, {1}...).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tne/cohort.hpp"
#include "tne/text.hpp"

namespace tne::cohort_words {

inline constexpr Message title{"Cohort summary", "Resumen de la cohorte"};
inline constexpr Message rubric_set{"Rubric set", "Conjunto de rúbricas"};
inline constexpr Message accounting{"Read {0} = scored {1} + failed {2}", "Leídos {0} = evaluados {1} + con error {2}"};
inline constexpr Message by_type{"Institutions by type", "Instituciones por tipo"};
inline constexpr Message type{"Type", "Tipo"};
inline constexpr Message institutions{"Institutions", "Instituciones"};
inline constexpr Message share{"Share", "Proporción"};
inline constexpr Message all{"All institutions", "Todas las instituciones"};
inline constexpr Message group{"{0} ({1})", "{0} ({1})"};
inline constexpr Message scores{"Scores (0-100)", "Puntajes (0-100)"};
inline constexpr Message score{"Score", "Puntaje"};
inline constexpr Message overall_readiness{"Overall readiness", "Preparación general"};
inline constexpr Message mean{"Mean", "Media"};
inline constexpr Message median{"Median", "Mediana"};
inline constexpr Message min{"Min", "Mín."};
inline constexpr Message max{"Max", "Máx."};
inline constexpr Message levels{"Readiness levels (overall score)", "Niveles de preparación (puntaje general)"};
inline constexpr Message no_score{"No score", "Sin puntaje"};
inline constexpr Message barriers{"Key barriers: each institution's weakest dimension",
                                  "Principales barreras: la dimensión más débil de cada institución"};
inline constexpr Message weakest{"Weakest dimension", "Dimensión más débil"};
inline constexpr Message no_dimension_score{"No dimension score", "Sin puntajes por dimensión"};
inline constexpr Message models{"Suggested models", "Modelos sugeridos"};
inline constexpr Message model{"Suggested model", "Modelo sugerido"};
inline constexpr Message no_suggestion{"No suggestion", "Sin sugerencia"};
inline constexpr Message institution{"Institution", "Institución"};
inline constexpr Message source{"Source", "Origen"};
inline constexpr Message overall{"Overall", "General"};
inline constexpr Message percentile{"Percentile within type", "Percentil dentro de su tipo"};
inline constexpr Message by_dimension{"Institutions by dimension", "Instituciones por dimensión"};
inline constexpr Message nothing{"No institution was scored; there is nothing to summarise.",
                                 "No se evaluó ninguna institución; no hay nada que resumir."};

// ---- helpers

inline const std::string kNone = "–";

inline std::string number_text(double value) { return format_number(value, 1); }
inline std::string score_text(const std::optional<double>& value) { return value ? number_text(*value) : kNone; }
inline std::string percent(int count, int total) {
    return total > 0 ? number_text(100.0 * count / total) + "%" : kNone;
}

inline std::string type_name(const CohortSummary& s, const std::string& type_id, Lang lang) {
    return type_id.empty() ? format_message(all).in(lang) : s.rubric->value_label("institution.type", type_id, lang);
}

// "Public university (3)"
inline std::string group_label(const CohortSummary& s, const TypeSummary& g, Lang lang) {
    return format_message(group, type_name(s, g.type, lang), std::to_string(g.count)).in(lang);
}

// The whole cohort first, then the types that have members; empty types show in the counts only.
inline std::vector<const TypeSummary*> groups(const CohortSummary& s) {
    std::vector<const TypeSummary*> list{&s.all};
    for (const auto& t : s.types)
        if (t.count > 0) list.push_back(&t);
    return list;
}

// The figures of one row of a score table: n, mean, median, min, max.
inline std::vector<std::string> stats_cells(const Stats& stats) {
    if (stats.n == 0) return {"0", kNone, kNone, kNone, kNone};
    return {std::to_string(stats.n), number_text(stats.mean), number_text(stats.median), number_text(stats.min),
            number_text(stats.max)};
}

}  // namespace tne::cohort_words
