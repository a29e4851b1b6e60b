#include "report/report_words.hpp"

#include <fmt/format.h>

#include <cmath>

namespace tne::words {

std::string rubric_set(const RubricSet& rubric, Lang lang) {
    return fmt::format("{}, v{}", rubric.name.in(lang), rubric.version);
}

const char* term(Term term, Lang lang) {
    switch (term) {
        case Term::tne_readiness:
            return tr(lang, "TNE readiness", "Preparación para la ETN");
        case Term::overall_readiness:
            return tr(lang, "Overall readiness", "Preparación general");
        case Term::level:
            return tr(lang, "Level", "Nivel");
        case Term::coverage:
            return tr(lang, "Coverage", "Cobertura");
        case Term::confidence:
            return tr(lang, "Confidence", "Confianza");
        case Term::dimension:
            return tr(lang, "Dimension", "Dimensión");
        case Term::score:
            return tr(lang, "Score", "Puntaje");
        case Term::model:
            return tr(lang, "Model", "Modelo");
        case Term::fit:
            return tr(lang, "Fit", "Ajuste");
        case Term::status:
            return tr(lang, "Status", "Estado");
        case Term::pathway:
            return tr(lang, "Pathway", "Ruta");
        case Term::recommendation:
            return tr(lang, "Recommendation", "Recomendación");
        case Term::effort:
            return tr(lang, "Effort", "Esfuerzo");
        case Term::horizon:
            return tr(lang, "Horizon", "Plazo");
        case Term::gain:
            return tr(lang, "Gain", "Ganancia");
        case Term::annex:
            return tr(lang, "Annex", "Anexo");
        case Term::answer:
            return tr(lang, "Answer", "Respuesta");
        case Term::date:
            return tr(lang, "Date", "Fecha");
        case Term::age:
            return tr(lang, "Age", "Antigüedad");
        case Term::owner:
            return tr(lang, "Owner", "Responsable");
        case Term::source:
            return tr(lang, "Source", "Fuente");
        case Term::rubric_set:
            return tr(lang, "Rubric set", "Conjunto de rúbricas");
        case Term::fresh:
            return tr(lang, "Fresh", "Vigentes");
        case Term::stale:
            return tr(lang, "Stale", "Vencidas");
        case Term::no_evidence:
            return tr(lang, "No evidence", "Sin evidencia");
        case Term::evidence:
            return tr(lang, "Evidence", "Evidencia");
        case Term::suggested_model:
            return tr(lang, "Suggested model", "Modelo sugerido");
    }
    return "";
}

std::string figure(double value) { return format_number(value, 0); }

std::string score(const std::optional<double>& score) { return score ? figure(*score) : "–"; }

std::string score_of_100(const std::optional<double>& score, Lang lang) {
    return score ? format_number(*score, 0) + "/100" : tr(lang, "no answers", "sin respuestas");
}

std::string percent(double share) { return format_number(100 * share, 0) + "%"; }

std::string level(const Level* level, Lang lang) {
    return level ? level->name.in(lang) : tr(lang, "unknown", "sin datos");
}

std::string blockers(size_t count, Lang lang) {
    if (count == 0) return tr(lang, "no blocker", "sin obstáculos");
    if (count == 1) return tr(lang, "1 blocker", "1 obstáculo");
    return fmt::format("{} {}", count, tr(lang, "blockers", "obstáculos"));
}

std::string effort(Effort effort, Lang lang) {
    switch (effort) {
        case Effort::low:
            return tr(lang, "low", "bajo");
        case Effort::medium:
            return tr(lang, "medium", "medio");
        case Effort::high:
            return tr(lang, "high", "alto");
    }
    return "";
}

std::string effort_phrase(Effort effort, Lang lang) {
    switch (effort) {
        case Effort::low:
            return tr(lang, "low effort", "esfuerzo bajo");
        case Effort::medium:
            return tr(lang, "medium effort", "esfuerzo medio");
        case Effort::high:
            return tr(lang, "high effort", "esfuerzo alto");
    }
    return "";
}

std::string horizon(Horizon horizon, Lang lang) {
    switch (horizon) {
        case Horizon::quick_win:
            return tr(lang, "quick win", "logro rápido");
        case Horizon::months_6_12:
            return tr(lang, "6-12 months", "6 a 12 meses");
        case Horizon::longer:
            return tr(lang, "longer term", "largo plazo");
    }
    return "";
}

std::string changes(size_t count, Lang lang) {
    return count == 1 ? tr(lang, "1 change", "1 cambio") : fmt::format("{} {}", count, tr(lang, "changes", "cambios"));
}

std::string effort_points(int points, Lang lang) {
    return points == 1 ? tr(lang, "1 effort point", "1 punto de esfuerzo")
                       : fmt::format("{} {}", points, tr(lang, "effort points", "puntos de esfuerzo"));
}

std::string unliftable(UnliftableBlocker::Reason reason, Lang lang) {
    switch (reason) {
        case UnliftableBlocker::Reason::fixed_answer:
            return tr(lang, "It describes the institution; no recommendation of the rubric set changes it.",
                      "Describe a la institución; ninguna recomendación del conjunto de rúbricas lo cambia.");
        case UnliftableBlocker::Reason::out_of_reach:
            return tr(lang, "Even the best answers to its questions do not meet it.",
                      "Ni las mejores respuestas a sus preguntas lo cumplen.");
        case UnliftableBlocker::Reason::conflicting:
            return tr(lang, "It can be met, but not together with the model's other requirements.",
                      "Puede cumplirse, pero no junto con los demás requisitos del modelo.");
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
    return fmt::format("{} ({}): {} → {}", q.label.in(lang), q.written_path(lang),
                       answer(*assessment.rubric, q.path, simulated.was, lang),
                       answer(*assessment.rubric, q.path, now ? now->value : Value{}, lang));
}

std::string points(const CriterionResult& criterion, Lang lang) {
    if (!criterion.score) return tr(lang, "not counted; lowers coverage", "no cuenta; reduce la cobertura");
    return fmt::format("{}/{}", format_number(criterion.points, 2), format_number(criterion.max_points, 2));
}

std::string signed_points(double points, Lang lang) {
    bool one = std::fabs(points) == 1;
    return fmt::format("{}{} {}", points >= 0 ? "+" : "", format_number(points),
                       one ? tr(lang, "point", "punto") : tr(lang, "points", "puntos"));
}

std::string months(int count, Lang lang) {
    if (count == 1) return tr(lang, "1 month", "1 mes");
    return fmt::format("{} {}", count, tr(lang, "months", "meses"));
}

std::string confidence_rule(const EvidenceReview& review, Lang lang, const RubricSet* annex_titles) {
    return fmt::format(
        fmt::runtime(
            tr(lang,
               "An answer counts fully towards confidence when its evidence is at most {} old on {}, half when it has "
               "no evidence or older evidence, and not at all when it is unknown; the Annex asks institutions to "
               "review their indicators regularly ({}, {}).",
               "Una respuesta cuenta completa para la confianza si su evidencia tiene a lo sumo {} al {}, la mitad si "
               "no tiene evidencia o la tiene más antigua, y nada si se desconoce; el Anexo pide a las instituciones "
               "revisar sus indicadores con regularidad ({}, {}).")),
        months(review.max_age_months, lang), review.date.iso(), annex_section("4.1.7", lang, annex_titles),
        annex_section("4.4", lang, annex_titles));
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

std::string confidence_line(const EvidenceReview& review, Lang lang, const RubricSet* annex_titles) {
    return fmt::format("{} {}. {}", term(Term::confidence, lang), percent(review.confidence),
                       confidence_rule(review, lang, annex_titles));
}

std::string evidence_by_dimension_title(Lang lang) {
    return tr(lang, "Evidence by dimension", "Evidencia por dimensión");
}

std::string dated_evidence(const DatedEvidence& dated, bool with_age, Lang lang) {
    const Evidence& e = *dated.evidence;
    std::string age = with_age ? ", " + months(dated.age_months, lang) : "";
    return fmt::format("{} ({}): {}{}; {}: {}; {}: {}", e.question->label.in(lang), e.question->written_path(lang),
                       e.date.iso(), age, tr(lang, "owner", "responsable"), e.owner, tr(lang, "source", "fuente"),
                       e.source);
}

std::string missing_title(size_t count, bool listed, Lang lang) {
    return fmt::format("{}: {}{}", tr(lang, "Answers without evidence", "Respuestas sin evidencia"), count,
                       listed ? "" : tr(lang, " (--explain lists them)", " (--explain las enumera)"));
}

std::string missing_answer(const Question& question, Lang lang) {
    return fmt::format("{} — {}", question.written_path(lang), question.label.in(lang));
}

std::string stale_title(const EvidenceReview& review, Lang lang) {
    return fmt::format("{} {}", tr(lang, "Evidence older than", "Evidencia de más de"),
                       months(review.max_age_months, lang));
}

std::string dated_after_title(const EvidenceReview& review, Lang lang) {
    return fmt::format("{} {} ({})", tr(lang, "Dated after", "Con fecha posterior al"), review.date.iso(),
                       tr(lang, "check the date; counted as fresh", "revise la fecha; se cuenta como vigente"));
}

// The advice

namespace {

std::string model_name(const ModelResult& m, Lang lang) { return m.model->name.in(lang); }

std::string points_word(double points, Lang lang) { return signed_points(points, lang); }

std::string count_of(size_t count, Lang lang, const char* en_one, const char* en_many, const char* es_one,
                     const char* es_many) {
    return fmt::format("{} {}", count, count == 1 ? tr(lang, en_one, es_one) : tr(lang, en_many, es_many));
}

}  // namespace

std::string suggested_title(const Assessment& a, Lang lang) {
    return fmt::format("{}: {}", term(Term::suggested_model, lang),
                       a.suggested ? model_name(*a.suggested, lang) : tr(lang, "none yet", "ninguno todavía"));
}

std::string alternatives_title(Lang lang) { return tr(lang, "Alternatives", "Alternativas"); }
std::string not_for_now_title(Lang lang) { return tr(lang, "Not for now", "Por ahora no"); }
std::string decided_title(Lang lang) { return tr(lang, "How this was decided", "Cómo se decidió"); }
std::string changes_title(Lang lang) { return tr(lang, "What would change the advice", "Qué cambiaría la sugerencia"); }

bool below_minimum(const Assessment&, const ModelResult& m) { return !m.reaches_min_fit; }

std::string status(const Assessment& a, const ModelResult& m, Lang lang) {
    bool suggested = &m == a.suggested;
    if (suggested && a.suggestion_basis == SuggestionBasis::first_step)
        return tr(lang, "suggested first step", "primer paso sugerido");
    std::string words;
    switch (m.status) {
        case ModelStatus::runs:
            words = tr(lang, "runs", "en marcha");
            if (below_minimum(a, m)) words += tr(lang, ", fit below minimum", ", ajuste bajo el mínimo");
            if (!m.blockers.empty())
                words += ", " + count_of(m.blockers.size(), lang, "gap", "gaps", "brecha", "brechas");
            break;
        case ModelStatus::within_reach:
            words = tr(lang, "within reach", "a su alcance");
            break;
        case ModelStatus::low_fit:
            words = tr(lang, "fit below minimum", "ajuste bajo el mínimo");
            break;
        case ModelStatus::blocked:
            words = fmt::format("{} ({})", tr(lang, "blocked", "bloqueado"), blockers(m.blockers.size(), lang));
            break;
    }
    return suggested ? fmt::format("{} ({})", tr(lang, "suggested", "sugerido"), words) : words;
}

std::string short_status(const Assessment& a, const ModelResult& m, Lang lang) {
    if (&m == a.suggested)
        return a.suggestion_basis == SuggestionBasis::first_step
                   ? tr(lang, "suggested first step", "primer paso sugerido")
                   : tr(lang, "suggested", "sugerido");
    switch (m.status) {
        case ModelStatus::runs:
            return tr(lang, "runs", "en marcha");
        case ModelStatus::within_reach:
            return tr(lang, "within reach", "a su alcance");
        case ModelStatus::low_fit:
            return tr(lang, "below minimum", "bajo el mínimo");
        case ModelStatus::blocked:
            return blockers(m.blockers.size(), lang);
    }
    return "";
}

std::string fit_and_score(const ModelResult& m, Lang lang) {
    return fmt::format("{} {}/100 · {} {}", tr(lang, "fit", "ajuste"), format_number(m.fit, 0),
                       tr(lang, "score", "puntaje"), format_number(m.score, 0));
}

std::string reason(const FitReason& reason, Lang lang, const RubricSet* annex_titles) {
    return fmt::format("{} ({}, {})", reason.why->in(lang), annex_citation(*reason.annex, lang, annex_titles),
                       points_word(reason.points, lang));
}

std::string suggestion_basis(const Assessment& a, Lang lang, const RubricSet* annex_titles) {
    const Advice& advice = a.rubric->advice;
    switch (a.suggestion_basis) {
        case SuggestionBasis::best_fit: {
            size_t candidates = 0;
            for (const auto& m : a.models) candidates += m.feasible ? 1 : 0;
            if (candidates <= 1)
                return tr(lang, "It is the only model the institution runs or has within reach.",
                          "Es el único modelo que la institución tiene en marcha o a su alcance.");
            return fmt::format(
                fmt::runtime(tr(lang,
                                "It has the highest score of the {} models the institution runs or has within reach: "
                                "its fit plus the points of the reasons below.",
                                "Tiene el puntaje más alto de los {} modelos que la institución tiene en marcha o a su "
                                "alcance: su ajuste más los puntos de las razones de abajo.")),
                candidates);
        }
        case SuggestionBasis::first_step: {
            std::string text = tr(lang, "No model is within reach yet.", "Aún no hay un modelo a su alcance.");
            if (a.first_step)
                text +=
                    fmt::format(" {}: {} ({}).",
                                tr(lang, "This is the Annex's first step for this kind of institution",
                                   "Este es el primer paso que el Anexo propone para este tipo de institución"),
                                a.first_step->why.in(lang), annex_citation(a.first_step->annex, lang, annex_titles));
            return text;
        }
        case SuggestionBasis::too_few_answers:
            return fmt::format(
                fmt::runtime(
                    tr(lang,
                       "No model is suggested: only {} of the answers (by weight) are known, below the minimum "
                       "of {}%; {} ({}). Answer more questions first.",
                       "No se sugiere ningún modelo: solo se conoce el {} de las respuestas (por peso), menos "
                       "que el mínimo de {}%; {} ({}). Responda primero más preguntas.")),
                percent(a.coverage), format_number(advice.min_coverage.value, 0), advice.min_coverage.why.in(lang),
                annex_citation(advice.min_coverage.annex, lang, annex_titles));
    }
    return "";
}

std::string runs_note(const Assessment& a, Lang lang, const RubricSet* annex_titles) {
    if (a.suggestion_basis == SuggestionBasis::first_step)
        return tr(lang, "The institution already runs it: the first step is to strengthen it.",
                  "La institución ya lo tiene en marcha: el primer paso es fortalecerlo.");
    return fmt::format(
        "{} ({}).",
        tr(lang, "The institution already runs this model: the advice is to grow it and strengthen it",
           "La institución ya tiene en marcha este modelo: la sugerencia es hacerlo crecer y fortalecerlo"),
        annex_citation(a.rubric->advice.already_runs.annex, lang, annex_titles));
}

std::string in_favour_title(Lang lang) { return tr(lang, "In its favour:", "A su favor:"); }
std::string against_title(Lang lang) { return tr(lang, "Against it:", "En su contra:"); }

std::string gaps_title(const Assessment& a, Lang lang) {
    if (a.suggestion_basis == SuggestionBasis::first_step) return tr(lang, "To do first:", "Por hacer primero:");
    if (a.suggested && a.suggested->status == ModelStatus::runs) return tr(lang, "To strengthen:", "Por fortalecer:");
    return tr(lang, "To lift:", "Por resolver:");
}

std::string fit_below_minimum(const Assessment& a, const ModelResult& m, Lang lang) {
    if (&m == a.suggested)
        return fmt::format(
            fmt::runtime(tr(lang,
                            "Raise its fit, now {}, to the minimum of {}: readiness in the dimensions the "
                            "model needs.",
                            "Subir su ajuste, hoy {}, al mínimo de {}: la preparación en las dimensiones "
                            "que el modelo necesita.")),
            format_number(m.fit, 0), format_number(a.rubric->advice.min_fit.value, 0));
    return fmt::format(fmt::runtime(tr(lang, "fit below the minimum ({})", "ajuste por debajo del mínimo ({})")),
                       format_number(a.rubric->advice.min_fit.value, 0));
}

std::string answers_needed_title(Lang lang) {
    return tr(lang, "Answers needed first (most coverage first):",
              "Respuestas que hacen falta primero (las que más cobertura dan primero):");
}

std::string unanswered(const UnansweredQuestion& u, Lang lang) {
    return fmt::format("{} — {} (+{}% {})", u.question->written_path(lang), u.question->label.in(lang),
                       format_number(u.coverage_gain), tr(lang, "coverage", "cobertura"));
}

std::string alternative(const Assessment& a, const Alternative& alternative, Lang lang) {
    const ModelResult& m = *alternative.model;
    std::string head = fmt::format("{}: {} · {}", model_name(m, lang), fit_and_score(m, lang), status(a, m, lang));
    if (!a.suggested) return head;
    if (alternative.score_gap < 0.05)
        return fmt::format(fmt::runtime(tr(lang, "{} · ties with {} on score; the tie is broken by id ({} before {})",
                                           "{} · empata en puntaje con {}; el empate se resuelve por identificador ({} "
                                           "antes que {})")),
                           head, model_name(*a.suggested, lang), a.suggested->model->id, m.model->id);
    return fmt::format(fmt::runtime(tr(lang, "{} · {} points below {}", "{} · {} puntos por debajo de {}")), head,
                       format_number(alternative.score_gap), model_name(*a.suggested, lang));
}

std::string blockers_title(const ModelResult& m, Lang lang) {
    return m.status == ModelStatus::runs ? tr(lang, "Gaps to strengthen:", "Brechas por fortalecer:")
                                         : tr(lang, "Blockers:", "Obstáculos:");
}

std::string lacks_title(Lang lang) {
    return tr(lang, "It lacks these reasons of the suggestion:", "Le faltan estas razones de la sugerencia:");
}

std::string helps_suggestion(Lang lang) { return tr(lang, "helps the suggested model", "ayuda al modelo sugerido"); }

std::string no_alternative(Lang lang) {
    return tr(lang, "None: no other model is within reach.", "Ninguna: ningún otro modelo está a su alcance.");
}

std::string not_for_now(const Assessment& a, const ModelResult& m, Lang lang) {
    std::string head =
        fmt::format("{} — {} {}/100", model_name(m, lang), tr(lang, "fit", "ajuste"), format_number(m.fit, 0));
    if (below_minimum(a, m))
        head += fmt::format(fmt::runtime(tr(lang, ", below the minimum ({})", ", por debajo del mínimo ({})")),
                            format_number(a.rubric->advice.min_fit.value, 0));
    if (m.status == ModelStatus::runs)
        head += tr(lang, " · runs: strengthen it first", " · en marcha: primero hay que fortalecerlo");
    else if (m.status == ModelStatus::blocked)
        head += " · " + blockers(m.blockers.size(), lang);
    return head;
}

std::string thresholds(const Assessment& a, Lang lang, const RubricSet* annex_titles) {
    const Advice& advice = a.rubric->advice;
    return fmt::format(
        fmt::runtime(
            tr(lang,
               "Minimum fit {} ({}): a model below it is not within reach. Minimum coverage {}% ({}): below it, "
               "no model is suggested; this profile's coverage is {}.",
               "Ajuste mínimo {} ({}): un modelo por debajo no está a su alcance. Cobertura mínima {}% ({}): "
               "por debajo, no se sugiere ningún modelo; la cobertura de este perfil es {}.")),
        format_number(advice.min_fit.value, 0), annex_citation(advice.min_fit.annex, lang, annex_titles),
        format_number(advice.min_coverage.value, 0), annex_citation(advice.min_coverage.annex, lang, annex_titles),
        percent(a.coverage));
}

std::string assumptions_summary(size_t count, Lang lang) {
    return fmt::format("{} {}", count_of(count, lang, "rule", "rules", "regla", "reglas"),
                       count == 1 ? tr(lang, "behind this result rests on an assumption of the tool, not on the Annex",
                                       "de este resultado descansa en un supuesto de la herramienta, no en el Anexo")
                                  : tr(lang, "behind this result rest on an assumption of the tool, not on the Annex",
                                       "de este resultado descansan en un supuesto de la herramienta, no en el Anexo"));
}

std::string no_assumptions(Lang lang) {
    return tr(lang, "No rule that moved this result rests on an assumption.",
              "Ninguna regla que influyó en este resultado descansa en un supuesto.");
}

namespace {

// The rule an assumption belongs to, in words, found by the basis it rests on; the rule's id when
// it is none of those a report knows.
std::string rule_words(const Assessment& a, const AppliedAssumption& x, Lang lang) {
    const Advice& advice = a.rubric->advice;
    if (x.basis == &advice.min_coverage.basis)
        return fmt::format("{} {}%", tr(lang, "Minimum coverage of", "Cobertura mínima del"),
                           format_number(advice.min_coverage.value, 0));
    if (x.basis == &advice.min_fit.basis)
        return fmt::format("{} {}", tr(lang, "Minimum fit of", "Ajuste mínimo de"),
                           format_number(advice.min_fit.value, 0));
    for (const auto& step : advice.first_steps) {
        if (x.basis != &step.basis && !(step.when && x.basis == &step.when->basis)) continue;
        const Model* model = a.rubric->find_model(step.model);
        return fmt::format("{}: {}", tr(lang, "First step", "Primer paso"), model ? model->name.in(lang) : step.model);
    }
    for (const auto& m : a.models) {
        if (x.rule == m.model->id + " fit")
            for (const auto& reason : m.reasons)
                if (reason.basis == x.basis)
                    return fmt::format(fmt::runtime(tr(lang, "{}: {} because {}", "{}: {} porque {}")),
                                       model_name(m, lang), points_word(reason.points, lang), reason.why->in(lang));
        for (const auto& requirement : m.model->requires_) {
            if (&requirement.basis != x.basis) continue;
            const Dimension* d =
                requirement.dimension.empty() ? nullptr : a.rubric->find_dimension(requirement.dimension);
            const Question* q = a.rubric->find_question(requirement.question);
            std::string subject = d ? d->name.in(lang) : q ? q->label.in(lang) : requirement.question;
            return fmt::format(fmt::runtime(tr(lang, "{} requires {}", "{} requiere {}")), model_name(m, lang),
                               subject);
        }
    }
    return x.rule;
}

}  // namespace

std::string assumption(const Assessment& a, const AppliedAssumption& x, Lang lang, const RubricSet* annex_titles) {
    return fmt::format("{} ({}). {}: {}", rule_words(a, x, lang), annex_citation(*x.annex, lang, annex_titles),
                       tr(lang, "Assumption", "Supuesto"), x.basis->assumption.in(lang));
}

std::string changes_intro(Lang lang) {
    return tr(lang,
              "Answers that, changed from the institution's own, would change the suggestion (fewest changes first):",
              "Respuestas que, cambiadas, cambiarían la sugerencia (primero las de menos cambios):");
}

std::string no_changes(const Assessment& a, Lang lang) {
    if (a.suggestion_basis == SuggestionBasis::too_few_answers)
        return tr(lang, "Answering more questions, up to the minimum coverage, would let a model be suggested.",
                  "Responder más preguntas, hasta la cobertura mínima, permitiría sugerir un modelo.");
    return tr(lang, "No change of answers that was tried changes the suggestion.",
              "Ningún cambio de respuestas que se probó cambia la sugerencia.");
}

std::string change_heading(const AdviceChange& change, Lang lang) {
    if (!change.model) return tr(lang, "No model would be suggested if:", "No se sugeriría ningún modelo si:");
    return fmt::format(fmt::runtime(tr(lang, "{} would be suggested if:", "Se sugeriría {} si:")),
                       change.model->name.in(lang));
}

std::string change_outcome(const AdviceChange& change, Lang lang) {
    if (!change.model) return tr(lang, "No model would be suggested", "No se sugeriría ningún modelo");
    return fmt::format(fmt::runtime(tr(lang, "{} would be suggested", "Se sugeriría {}")), change.model->name.in(lang));
}

std::string ways_count(size_t count, Lang lang) { return count_of(count, lang, "way", "ways", "manera", "maneras"); }

std::string way(const Assessment& a, const std::vector<ChangedAnswer>& way, Lang lang) {
    std::string text;
    for (const auto& step : way) {
        const Question& q = *step.question;
        if (!text.empty()) text += tr(lang, " and ", " y ");
        text += fmt::format("{}: {} → {}", q.label.in(lang), answer(*a.rubric, q.path, step.from, lang),
                            answer(*a.rubric, q.path, step.to, lang));
    }
    return text;
}

// The greedy search's limit is advice_changes.cpp's kMaxChanges.
std::string greedy_note(Lang lang) {
    return tr(lang, "(found by a greedy search of up to 3 changes)",
              "(hallado por una búsqueda voraz de hasta 3 cambios)");
}

std::string more_ways(size_t count, Lang lang) {
    return fmt::format(
        fmt::runtime(tr(lang, "… and {} more (--explain lists them all)", "… y {} más (--explain las enumera todas)")),
        count);
}

// The assessment report

std::string headline_note(bool with_confidence, Lang lang) {
    std::string note = tr(lang,
                          "Coverage: the share of the criteria's weight that is answered; unanswered questions lower "
                          "coverage, not the score.",
                          "Cobertura: la parte del peso de los criterios que tiene respuesta; las preguntas sin "
                          "respuesta reducen la cobertura, no el puntaje.");
    if (with_confidence)
        note += tr(lang, " Confidence: coverage with answers weighed by their evidence.",
                   " Confianza: la cobertura, con cada respuesta ponderada por su evidencia.");
    return note;
}

std::string dimensions_title(Lang lang) { return tr(lang, "Readiness by dimension", "Preparación por dimensión"); }

std::string dimensions_caption(Lang lang) {
    return tr(lang, "Each dimension's score from 0 to 100, its level and the share of its criteria answered.",
              "El puntaje de cada dimensión de 0 a 100, su nivel y la parte de sus criterios con respuesta.");
}

std::string models_title(Lang lang) { return tr(lang, "Fit of each model", "Ajuste de cada modelo"); }

std::string models_note(const Assessment& a, Lang lang) {
    return fmt::format(fmt::runtime(tr(lang,
                                       "Fit from 0 to 100; the minimum fit is {}. Score: the fit plus its reasons' "
                                       "points; it ranks the models.",
                                       "Ajuste de 0 a 100; el ajuste mínimo es {}. Puntaje: el ajuste más los puntos "
                                       "de sus razones; ordena los modelos.")),
                       format_number(a.rubric->advice.min_fit.value, 0));
}

std::string models_caption(const Assessment& a, Lang lang) {
    return fmt::format(fmt::runtime(tr(lang, "Each model's fit, score and status; the minimum fit is {}.",
                                       "El ajuste, el puntaje y el estado de cada modelo; el ajuste mínimo es {}.")),
                       format_number(a.rubric->advice.min_fit.value, 0));
}

std::string recommendations_title(Lang lang) { return tr(lang, "What to do first", "Qué hacer primero"); }

std::string gain_note(Lang lang) {
    return tr(lang, "Gain: overall readiness points if the gap were closed.",
              "Ganancia: puntos de preparación general si se cerrara la brecha.");
}

std::string recommendation_facts(const RecommendationResult& r, Lang lang, const RubricSet* annex_titles) {
    const Recommendation& rec = r.criterion->recommendation;
    return fmt::format("{} · {} · {} · {} · {}", r.dimension->name.in(lang), signed_points(r.gain, lang),
                       effort_phrase(rec.effort, lang), horizon(rec.horizon, lang),
                       annex_citation(rec.annex, lang, annex_titles));
}

std::string more_recommendations(size_t count, Lang lang) {
    return count_of(count, lang, "more recommendation", "more recommendations", "recomendación más",
                    "recomendaciones más");
}

std::string more_recommendations_hint(size_t count, Lang lang) {
    return fmt::format("{} ({})", more_recommendations(count, lang),
                       tr(lang, "--explain shows all", "--explain las muestra todas"));
}

std::string unanswered_title(Lang lang) {
    return tr(lang, "Unanswered questions (they lower coverage, not the score)",
              "Preguntas sin respuesta (reducen la cobertura, no el puntaje)");
}

std::string trace_title(Lang lang) { return tr(lang, "How each score was reached", "Cómo se obtuvo cada puntaje"); }

std::string dimension_trace(const DimensionResult& d, Lang lang) {
    return fmt::format("{} {} = {} / {} {} × 100", d.dimension->name.in(lang), score_of_100(d.score, lang),
                       format_number(d.points, 2), format_number(d.max_points, 2),
                       tr(lang, "answered points", "puntos respondidos"));
}

std::string criterion_trace(const Assessment& a, const CriterionResult& c, Lang lang, const RubricSet* annex_titles) {
    std::string line = fmt::format("{} ({}): {} = {}", c.criterion->name.in(lang),
                                   annex_citation(c.criterion->annex, lang, annex_titles),
                                   c.question->written_path(lang), answer(*a.rubric, c.question->path, c.value, lang));
    if (!c.score) return fmt::format("{} → {}", line, points(c, lang));
    // A choice scores by its own value, already shown by its label; a number or list by the band it
    // reached ("≥ 25").
    if (!c.criterion->rule.levels.empty())
        line += ":";
    else
        line += fmt::format(" → {}:", matched_step(c));
    return fmt::format("{} {}% × {} = {}", line, format_number(*c.score, 1), format_number(c.max_points, 2),
                       signed_points(c.points, lang).substr(1));
}

std::string fit_trace_title(Lang lang) {
    return tr(lang, "How each model's fit was reached", "Cómo se obtuvo el ajuste de cada modelo");
}

std::string fit_trace(const ModelResult& m, Lang lang, const RubricSet* annex_titles) {
    std::string terms;
    for (const auto& t : m.fit_terms)
        terms += fmt::format("{}{} {}×{}", terms.empty() ? "" : ", ", t.dimension->name.in(lang), score(t.score),
                             format_number(t.weight, 2));
    std::string line = fmt::format("{}: {} {} = {} ({})", model_name(m, lang), tr(lang, "fit", "ajuste"),
                                   format_number(m.fit, 0), tr(lang, "weighted mean of", "media ponderada de"), terms);
    for (const auto& reason : m.reasons)
        line += fmt::format(" {}{} ({}, {})", reason.points >= 0 ? "+" : "", format_number(reason.points),
                            reason.why->in(lang), annex_citation(*reason.annex, lang, annex_titles));
    return line;
}

}  // namespace tne::words
