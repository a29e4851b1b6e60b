// Sensitivity: each dimension's score is moved alone, a whole point at a time, and the overall
// level and the suggested model are worked out again until they change. A scan rather than
// algebra: the suggestion compares fits, thresholds and blocker counts, and a scan of at most 100
// steps per direction is exact at whole points and easy to trust.
#include <cmath>

#include "scoring.hpp"
#include "tne/assessment.hpp"

namespace tne {

using namespace scoring;

namespace {

// The model suggested if dimension `d` scored `score`, everything else as assessed.
const Model* suggestion_with(const Assessment& a, std::vector<DimensionResult>& dimensions, size_t d, double score) {
    dimensions[d].score = score;
    std::vector<ModelResult> models;
    models.reserve(a.rubric->models.size());
    for (const auto& model : a.rubric->models) models.push_back(evaluate_model(model, dimensions, a.profile));
    const ModelResult* suggested = choose_suggestion(models, *a.rubric);
    return suggested ? suggested->model : nullptr;
}

// The moves a scan tries from `from` towards `direction` (+1 or -1): whole points, then the last
// part of a point to the bound (0 or 100) itself.
std::vector<double> moves_from(double from, int direction) {
    std::vector<double> moves;
    double room = direction > 0 ? 100 - from : from;
    for (int k = 1; k <= room + 1e-9; ++k) moves.push_back(direction * k);
    if (room > 1e-9 && (moves.empty() || std::fabs(moves.back()) < room - 1e-9)) moves.push_back(direction * room);
    return moves;
}

}  // namespace

void measure_sensitivity(Assessment& a) {
    a.sensitivity.clear();
    const Model* suggested = a.suggested ? a.suggested->model : nullptr;
    std::vector<DimensionResult> dimensions = a.dimensions;  // one copy, its scores moved in turn
    for (size_t d = 0; d < a.dimensions.size(); ++d) {
        DimensionSensitivity s;
        s.dimension = a.dimensions[d].dimension;
        s.score = a.dimensions[d].score;
        if (!s.score) {
            a.sensitivity.push_back(s);
            continue;
        }
        for (double points : moves_from(*s.score, +1)) {
            double score = *s.score + points;
            if (!s.next_level && a.level) {
                const Level& level = a.rubric->level_for(*overall_score(a.dimensions, std::pair{d, score}));
                if (level.from > a.level->from) s.next_level = ScoreShift{points, &level, nullptr};
            }
            if (!s.model_up) {
                const Model* model = suggestion_with(a, dimensions, d, score);
                if (model != suggested) s.model_up = ScoreShift{points, nullptr, model};
            }
            if (s.next_level && s.model_up) break;
        }
        for (double points : moves_from(*s.score, -1)) {
            const Model* model = suggestion_with(a, dimensions, d, *s.score + points);
            if (model != suggested) {
                s.model_down = ScoreShift{points, nullptr, model};
                break;
            }
        }
        dimensions[d].score = a.dimensions[d].score;
        a.sensitivity.push_back(s);
    }
}

}  // namespace tne
