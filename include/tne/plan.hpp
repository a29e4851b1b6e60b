// The smallest plan to reach a model: the cheapest set of answer changes that lifts every blocker
// of the target, by the rubric's effort levels, then by the number of changes.
#pragma once

#include <string>
#include <vector>

#include "tne/assessment.hpp"

namespace tne {

// What a change costs: each effort level counts twice the one below (docs/planning.md).
int effort_points(Effort effort);

// One answer to change: the criterion scoring the question carries the action to take.
struct PlanStep {
    const Criterion* criterion = nullptr;
    const Dimension* dimension = nullptr;
    const Question* question = nullptr;
    Value from;  // monostate when unanswered
    Value to;
    std::vector<const Condition*> lifts;  // the target's blockers this change helps lift
};

// A blocker no change within the rubric set can lift.
struct UnliftableBlocker {
    enum class Reason {
        fixed_answer,  // the question describes the institution: no criterion, no recommendation
        out_of_reach,  // even the best answers to its questions do not meet it
        conflicting,   // each could be met, but not together with the target's other requirements
    };
    const Condition* condition = nullptr;
    Reason reason = Reason::fixed_answer;
};

struct Plan {
    const Model* target = nullptr;
    bool default_target = false;  // chosen as the next step of the suggested pathway
    bool reachable = false;       // every blocker can be lifted
    int cost = 0;                 // effort points of the steps
    std::vector<PlanStep> steps;  // by horizon, then effort, then the rubric's question order
    std::vector<UnliftableBlocker> unliftable;
    Assessment after;  // the profile with every step applied (as what-if answers), assessed
};

// The next step of the suggested pathway: its first model that is not feasible, else the least
// advanced model that builds on the suggested one. None when there is no such step.
const Model* next_step(const Assessment& assessment);

// Exact for rubric sets whose lists have at most 12 values (docs/planning.md explains why).
Plan make_plan(const Assessment& assessment, const Model& target);

// Why `written` names no model of `rubric`, as a target: a did-you-mean when an id is near, then
// the models by id and name, one a line. The CLI puts "--target WRITTEN: " before it, the page
// "target WRITTEN: ".
LocalText unknown_target_message(const RubricSet& rubric, const std::string& written);

// "language.faculty_b2_percent=40": a step as `tne assess --set` takes it; in Spanish by the
// question's Spanish path and the values' Spanish ids ("idioma.porcentaje_profesores_b2=40").
std::string setting_text(const Question& question, const Value& value, Lang lang = Lang::en);

}  // namespace tne
