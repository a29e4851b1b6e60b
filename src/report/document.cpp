#include "report/document.hpp"

namespace tne::doc {

Text& Text::add(std::string text, Style style, Tone tone) {
    if (!text.empty()) spans.push_back({std::move(text), style, tone});
    return *this;
}

Text& Text::append(const Text& more) {
    spans.insert(spans.end(), more.spans.begin(), more.spans.end());
    return *this;
}

bool Text::empty() const { return spans.empty(); }

std::string Text::plain() const {
    std::string out;
    for (const auto& span : spans) out += span.text;
    return out;
}

}  // namespace tne::doc
