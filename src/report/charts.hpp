// The HTML report's charts: their geometry as small functions (tested on their own), and the
// canvases built from an Assessment. Every mark carries its figure as text or a tooltip.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "report/svg.hpp"
#include "tne/assessment.hpp"

namespace tne::charts {

// Where a score lands on a radar chart: axis 0 points straight up and axes go clockwise; a score
// of 0-100 (clamped) maps linearly to 0-radius from the centre.
svg::Point radar_point(svg::Point center, double radius, size_t axis, size_t axes, double score);

// The length of a bar for a value of 0-100 (clamped) on a scale `full_width` long.
double bar_length(double value, double full_width);

// A label broken at spaces into lines of at most `max_chars` characters, for labels in a chart.
std::vector<std::string> label_lines(const std::string& text, size_t max_chars);

// One axis per dimension, grid rings at 25/50/75/100, the score polygon and a dot per dimension;
// an unanswered dimension sits at 0 and its label says "no answers".
svg::Canvas radar_chart(const Assessment& assessment, Lang lang);

// One horizontal bar (0-100) per model with the rubric's minimum fit as a dashed line. Models it runs
// or has within reach are solid, the suggestion solid green with its name in bold (a first step too,
// never drawn blocked); a fit below the minimum is outlined, a blocked model outlined and dashed.
// Every bar says its status in words ("within reach", "2 blockers", "suggested"), and its tooltip
// its fit, score and status.
svg::Canvas model_fit_chart(const Assessment& assessment, Lang lang);

}  // namespace tne::charts
