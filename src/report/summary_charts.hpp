// The cohort report's charts, drawn with the SVG writer: overall scores by type as a strip plot,
// and shares (key barriers, suggested models) as horizontal bars. Geometry is in small functions
// the tests check.
#pragma once

#include <string>
#include <vector>

#include "report/svg.hpp"
#include "tne/cohort.hpp"

namespace tne {

// Where `score` (0-100) lands on an axis that starts at `left` and is `width` long.
double axis_x(double score, double left, double width);

// The shade of a heat-map cell: 0 for scores below 20, then one band per 20 points, 4 from 80.
int heat_band(double score);

struct StripPoint {
    std::string name;
    double score = 0;
};

struct StripRow {
    std::string label;  // "Public university (12)"
    Stats stats;        // its minimum, median and maximum draw the whisker and the median bar
    std::vector<StripPoint> points;
};

struct ShareBar {
    std::string label;
    int count = 0;
    double share = 0;  // 0-100
};

std::string strip_plot(const std::vector<StripRow>& rows, const std::string& title, Lang lang);
std::string share_chart(const std::vector<ShareBar>& bars, const std::string& title, Lang lang);

}  // namespace tne
