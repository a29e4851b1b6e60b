// The steps of the scoring pipeline that planning and sensitivity re-run on changed answers or
// scores (assess.cpp). Internal: reports use the Assessment they produce.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "tne/assessment.hpp"

namespace tne::scoring {

// A criterion's score for one answer (monostate: unknown).
CriterionResult score_criterion(const Criterion& criterion, const Question& question, const Value& value);
// Recomputes a dimension's score, coverage and level from its criteria.
void total_dimension(DimensionResult& dimension, const RubricSet& rubric);
// The weighted mean of the dimensions that have a score.
std::optional<double> overall_score(const std::vector<DimensionResult>& dimensions);
double overall_coverage(const std::vector<DimensionResult>& dimensions);

enum class Holds { yes, no, unknown };

// A condition on a question, for an answer to it.
Holds holds(const Condition& condition, const Value& value);
// A condition, and a model, for an assessment whose dimensions are scored (in its set's order).
Holds evaluate(const Condition& condition, const Assessment& a);
ModelResult evaluate_model(const Model& model, const Assessment& a);
// Adds the advice's preferences to each of a.models' fit and sets its status.
void apply_advice(Assessment& a);
// The first half of assess(): dimensions, overall, coverage, models and the advice's choice, without
// the recommendations, pathway and assumptions a report adds. What-if searches run it many times.
Assessment assess_advice(Profile profile, const RubricSet& rubric);
// Whether x ranks before y: the models it runs or has within reach first, then by fit, then by id.
bool ranks_before(const ModelResult& x, const ModelResult& y);

}  // namespace tne::scoring
