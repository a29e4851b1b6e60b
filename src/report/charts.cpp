#include "report/charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "base/enum_ids.hpp"
#include "base/text_layout.hpp"
#include "report/report_words.hpp"

namespace tne::charts {

using svg::Anchor;
using svg::Point;
using words::tr;

svg::Point radar_point(Point center, double radius, size_t axis, size_t axes, double score) {
    double angle = axes == 0 ? 0 : 2 * std::numbers::pi * static_cast<double>(axis) / static_cast<double>(axes);
    double distance = radius * std::clamp(score, 0.0, 100.0) / 100.0;
    return {center.x + distance * std::sin(angle), center.y - distance * std::cos(angle)};
}

double bar_length(double value, double full_width) { return full_width * std::clamp(value, 0.0, 100.0) / 100.0; }

std::vector<std::string> label_lines(const std::string& text, size_t max_chars) { return wrap(text, max_chars); }

namespace {

// Radar geometry: 420 wide leaves room for two-line labels of 16 characters on either side.
constexpr double kRadarWidth = 420;
constexpr double kRadarHeight = 350;
constexpr Point kRadarCenter{210, 178};
constexpr double kRadarRadius = 100;
constexpr double kLabelGap = 10;
constexpr size_t kLabelChars = 16;
constexpr double kLineHeight = 13;

// Labels right of the centre start at their point, those left of it end there; those near the
// vertical axis are centred, above the top point or below the bottom one.
void radar_label(svg::Canvas& canvas, Point at, const std::vector<std::string>& lines) {
    double dx = at.x - kRadarCenter.x;
    double dy = at.y - kRadarCenter.y;
    double reach = kRadarRadius + kLabelGap;
    Anchor anchor = dx > reach * 0.2 ? Anchor::start : dx < -reach * 0.2 ? Anchor::end : Anchor::middle;
    double block = kLineHeight * static_cast<double>(lines.size());
    double first = dy < -reach * 0.5  ? at.y - block + kLineHeight - 2  // above
                   : dy > reach * 0.5 ? at.y + kLineHeight - 2          // below
                                      : at.y - block / 2 + kLineHeight - 3;
    for (size_t i = 0; i < lines.size(); ++i)
        canvas.text({at.x, first + kLineHeight * static_cast<double>(i)}, lines[i], "small", anchor);
}

void radar_grid(svg::Canvas& canvas, size_t axes) {
    for (double ring : {25.0, 50.0, 75.0, 100.0}) {
        std::vector<Point> points;
        for (size_t axis = 0; axis < axes; ++axis)
            points.push_back(radar_point(kRadarCenter, kRadarRadius, axis, axes, ring));
        canvas.polygon(points, "grid");
        Point tick = radar_point(kRadarCenter, kRadarRadius, 0, axes, ring);
        canvas.text({tick.x + 3, tick.y + 10}, format_number(ring, 0), "tick muted");
    }
    for (size_t axis = 0; axis < axes; ++axis)
        canvas.line(kRadarCenter, radar_point(kRadarCenter, kRadarRadius, axis, axes, 100), "axis");
}

}  // namespace

svg::Canvas radar_chart(const Assessment& a, Lang lang) {
    svg::Canvas canvas(kRadarWidth, kRadarHeight,
                       tr(lang, "Readiness by dimension, 0 to 100 (radar chart)",
                          "Preparación por dimensión, de 0 a 100 (gráfico de radar)"));
    size_t axes = a.dimensions.size();
    if (axes < 3) return canvas;  // a polygon needs three axes; the table below still has the figures
    radar_grid(canvas, axes);

    std::vector<Point> scores;
    for (size_t axis = 0; axis < axes; ++axis)
        scores.push_back(radar_point(kRadarCenter, kRadarRadius, axis, axes, a.dimensions[axis].score.value_or(0)));
    canvas.polygon(scores, "area");

    for (size_t axis = 0; axis < axes; ++axis) {
        const DimensionResult& d = a.dimensions[axis];
        const std::string& name = d.dimension->name.in(lang);
        canvas.circle(scores[axis], 4, d.score ? "dot" : "dot unknown",
                      fmt::format("{}: {}", name, words::score_of_100(d.score, lang)));
        std::vector<std::string> lines = label_lines(name, kLabelChars);
        lines.push_back(d.score ? words::score(d.score) : fmt::format("({})", words::score_of_100(d.score, lang)));
        radar_label(canvas, radar_point(kRadarCenter, kRadarRadius + kLabelGap, axis, axes, 100), lines);
    }
    return canvas;
}

namespace {

// Model-fit geometry: each model takes a row, its name and status above a bar 0-100.
constexpr double kFitWidth = 420;
constexpr double kFitLeft = 8;
constexpr double kFitScale = 400;  // the bar area's width: 0 at kFitLeft, 100 at kFitLeft + kFitScale
constexpr double kFitTop = 24;
constexpr double kFitRow = 23;
constexpr double kFitBar = 8;
constexpr double kFitAxis = 22;

std::string fit_status(const Assessment& a, const ModelResult& m, Lang lang) {
    return fmt::format("{} · {}", format_number(m.fit, 0), words::short_status(a, m, lang));
}

// The suggestion is solid and green, whatever its status: a first step is never drawn blocked.
std::string_view bar_class(const Assessment& a, const ModelResult& m) {
    if (&m == a.suggested) return "bar-suggested";
    static constexpr EnumId<ModelStatus> kClasses[] = {{ModelStatus::runs, "bar"},
                                                       {ModelStatus::within_reach, "bar"},
                                                       {ModelStatus::low_fit, "bar-low"},
                                                       {ModelStatus::blocked, "bar-blocked"}};
    return id_of(kClasses, m.status);
}

void fit_axis(svg::Canvas& canvas, double bottom) {
    for (double tick : {0.0, 25.0, 50.0, 75.0, 100.0}) {
        double x = kFitLeft + bar_length(tick, kFitScale);
        canvas.line({x, kFitTop - 4}, {x, bottom}, "grid");
        canvas.text({x, bottom + 14}, format_number(tick, 0), "tick muted", Anchor::middle);
    }
}

void fit_threshold(svg::Canvas& canvas, double min_fit, double bottom, Lang lang) {
    double x = kFitLeft + bar_length(min_fit, kFitScale);
    canvas.line({x, kFitTop - 8}, {x, bottom}, "threshold");
    canvas.text({x, kFitTop - 12},
                fmt::format("{} {}", tr(lang, "minimum fit", "ajuste mínimo"), format_number(min_fit, 0)), "small",
                Anchor::middle);
}

}  // namespace

svg::Canvas model_fit_chart(const Assessment& a, Lang lang) {
    double bottom = kFitTop + kFitRow * static_cast<double>(a.models.size());
    svg::Canvas canvas(kFitWidth, bottom + kFitAxis,
                       tr(lang, "Fit of each model, 0 to 100, and where it stands (bar chart)",
                          "Ajuste de cada modelo, de 0 a 100, y su situación (gráfico de barras)"));
    fit_axis(canvas, bottom);
    for (size_t i = 0; i < a.models.size(); ++i) {
        const ModelResult& m = a.models[i];
        const std::string& name = m.model->name.in(lang);
        bool suggested = &m == a.suggested;
        double y = kFitTop + kFitRow * static_cast<double>(i);
        canvas.text({kFitLeft, y + 11}, name, suggested ? "small strong" : "small");
        canvas.text({kFitLeft + kFitScale, y + 11}, fit_status(a, m, lang),
                    suggested || m.status == ModelStatus::blocked ? "small strong" : "small", Anchor::end);
        canvas.rect(kFitLeft, y + 14, bar_length(m.fit, kFitScale), kFitBar, bar_class(a, m),
                    fmt::format("{}: {}, {}", name, words::fit_and_score(m, lang), words::status(a, m, lang)));
    }
    fit_threshold(canvas, a.rubric->advice.min_fit.value, bottom, lang);
    return canvas;
}

}  // namespace tne::charts
