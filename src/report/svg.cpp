#include "report/svg.hpp"

#include <fmt/format.h>

#include "tne/text.hpp"

namespace tne::svg {

std::string number(double value) { return format_number(value, 2); }

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += ch;
        }
    }
    return out;
}

Canvas::Canvas(double width, double height, std::string_view label) : width_(width), height_(height), label_(label) {}

void Canvas::line(Point from, Point to, std::string_view css_class) {
    body_ += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"{}\"/>\n", number(from.x),
                         number(from.y), number(to.x), number(to.y), escape(css_class));
}

namespace {

// Ends an element named `name`: self-closing, or with a <title> child as its tooltip.
std::string ending(std::string_view name, std::string_view tooltip) {
    if (tooltip.empty()) return "/>\n";
    return fmt::format("><title>{}</title></{}>\n", escape(tooltip), name);
}

}  // namespace

void Canvas::polygon(const std::vector<Point>& points, std::string_view css_class, std::string_view tooltip) {
    std::string list;
    for (const auto& p : points) {
        if (!list.empty()) list += ' ';
        list += number(p.x) + "," + number(p.y);
    }
    body_ += fmt::format("<polygon points=\"{}\" class=\"{}\"", list, escape(css_class)) + ending("polygon", tooltip);
}

void Canvas::rect(double x, double y, double width, double height, std::string_view css_class,
                  std::string_view tooltip) {
    body_ += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{}\"", number(x), number(y),
                         number(width), number(height), escape(css_class)) +
             ending("rect", tooltip);
}

void Canvas::circle(Point center, double radius, std::string_view css_class, std::string_view tooltip) {
    body_ += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" class=\"{}\"", number(center.x), number(center.y),
                         number(radius), escape(css_class)) +
             ending("circle", tooltip);
}

void Canvas::text(Point at, std::string_view content, std::string_view css_class, Anchor anchor) {
    static constexpr const char* kAnchors[] = {"start", "middle", "end"};
    body_ += fmt::format("<text x=\"{}\" y=\"{}\" class=\"{}\" text-anchor=\"{}\">{}</text>\n", number(at.x),
                         number(at.y), escape(css_class), kAnchors[static_cast<int>(anchor)], escape(content));
}

std::string Canvas::str() const {
    return fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" "
        "aria-label=\"{2}\">\n<title>{2}</title>\n{3}</svg>\n",
        number(width_), number(height_), escape(label_), body_);
}

}  // namespace tne::svg
