// A small SVG writer for the reports' charts: shapes with CSS classes (the page's stylesheet gives
// the colours), every text escaped, coordinates rounded to two decimals so output is stable.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tne::svg {

struct Point {
    double x = 0;
    double y = 0;
};

enum class Anchor { start, middle, end };

// A coordinate: at most two decimals, no trailing zeros, never "-0".
std::string number(double value);

// Escapes & < > " ' for XML and HTML text and attributes.
std::string escape(std::string_view text);

// An <svg> element. `label` is the chart's accessible name (role="img", <title>); every shape may
// carry a tooltip (<title>), which screen readers also read.
class Canvas {
public:
    Canvas(double width, double height, std::string_view label);

    void line(Point from, Point to, std::string_view css_class);
    void polygon(const std::vector<Point>& points, std::string_view css_class, std::string_view tooltip = {});
    void rect(double x, double y, double width, double height, std::string_view css_class,
              std::string_view tooltip = {});
    void circle(Point center, double radius, std::string_view css_class, std::string_view tooltip = {});
    void text(Point at, std::string_view content, std::string_view css_class, Anchor anchor = Anchor::start);

    std::string str() const;  // the element, ending with a newline

private:
    std::string body_;
    double width_;
    double height_;
    std::string label_;
};

}  // namespace tne::svg
