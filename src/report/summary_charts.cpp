#include "report/summary_charts.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "report/charts.hpp"
#include "report/report_words.hpp"

namespace tne {

namespace {

constexpr double kWidth = 640;
constexpr double kLabelWidth = 250;  // the labels' column, left of the plot
constexpr double kPlotWidth = 340;
constexpr size_t kLabelChars = 32;  // longer labels are cut; the table below has them whole

std::string cut(const std::string& label) {
    // Counts characters, not bytes, so an accented label is not cut in the middle of one.
    size_t chars = 0;
    for (size_t i = 0; i < label.size(); ++i) {
        if ((static_cast<unsigned char>(label[i]) & 0xC0) == 0x80) continue;
        if (++chars > kLabelChars) return label.substr(0, i) + "…";
    }
    return label;
}

// Ticks at 0, 25, 50, 75 and 100 under the plot, with a grid line each, and the axis's title.
void score_axis(svg::Canvas& canvas, double top, double bottom, const std::string& title) {
    for (int tick = 0; tick <= 100; tick += 25) {
        double x = axis_x(tick, kLabelWidth, kPlotWidth);
        canvas.line({x, top}, {x, bottom}, "grid");
        canvas.text({x, bottom + 14}, std::to_string(tick), "muted", svg::Anchor::middle);
    }
    canvas.line({kLabelWidth, bottom}, {kLabelWidth + kPlotWidth, bottom}, "axis");
    canvas.text({kLabelWidth + kPlotWidth / 2, bottom + 30}, title, "muted", svg::Anchor::middle);
}

}  // namespace

double axis_x(double score, double left, double width) { return left + charts::bar_length(score, width); }

int heat_band(double score) { return std::clamp(static_cast<int>(score / 20), 0, 4); }

std::string strip_plot(const std::vector<StripRow>& rows, const std::string& title, Lang lang) {
    constexpr double kRow = 34;
    constexpr double kTop = 8;
    double bottom = kTop + kRow * static_cast<double>(rows.size());
    svg::Canvas canvas(kWidth, bottom + 40, title);
    score_axis(canvas, kTop, bottom, std::string(words::term(words::Term::overall_readiness, lang)) + " (0–100)");
    std::string median_word = lang == Lang::es ? "mediana" : "median";
    for (size_t r = 0; r < rows.size(); ++r) {
        const StripRow& row = rows[r];
        double y = kTop + kRow * (static_cast<double>(r) + 0.5);
        canvas.text({kLabelWidth - 8, y + 4}, cut(row.label), "", svg::Anchor::end);
        if (row.stats.n == 0) continue;
        canvas.line({axis_x(row.stats.min, kLabelWidth, kPlotWidth), y},
                    {axis_x(row.stats.max, kLabelWidth, kPlotWidth), y}, "whisker");
        // Dots are spread over five heights, by input order, so equal scores stay visible.
        for (size_t i = 0; i < row.points.size(); ++i) {
            const StripPoint& p = row.points[i];
            double dy = (static_cast<double>(i % 5) - 2) * 3;
            canvas.circle({axis_x(p.score, kLabelWidth, kPlotWidth), y + dy}, 3.5, "dot",
                          fmt::format("{}: {}", p.name, words::figure(p.score)));
        }
        canvas.rect(axis_x(row.stats.median, kLabelWidth, kPlotWidth) - 1.5, y - 10, 3, 20, "median",
                    fmt::format("{} {}: {}", row.label, median_word, words::figure(row.stats.median)));
    }
    return canvas.str();
}

std::string share_chart(const std::vector<ShareBar>& bars, const std::string& title, Lang lang) {
    constexpr double kRow = 24;
    constexpr double kTop = 8;
    double bottom = kTop + kRow * static_cast<double>(bars.size());
    svg::Canvas canvas(kWidth, bottom + 40, title);
    score_axis(canvas, kTop, bottom, lang == Lang::es ? "% de las instituciones" : "% of institutions");
    for (size_t b = 0; b < bars.size(); ++b) {
        const ShareBar& bar = bars[b];
        double y = kTop + kRow * static_cast<double>(b);
        std::string figure = fmt::format("{}% ({})", words::figure(bar.share), bar.count);
        double length = axis_x(bar.share, 0, kPlotWidth);
        canvas.text({kLabelWidth - 8, y + kRow / 2 + 4}, cut(bar.label), "", svg::Anchor::end);
        canvas.rect(kLabelWidth, y + 4, length, kRow - 8, "bar", bar.label + ": " + figure);
        canvas.text({kLabelWidth + length + 6, y + kRow / 2 + 4}, figure, "");
    }
    return canvas.str();
}

}  // namespace tne
