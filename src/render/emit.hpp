// One emitter per human format for every report's Document: text for a terminal, GitHub Markdown,
// self-contained HTML. JSON is not here: it is a documented contract, one writer per result type.
#pragma once

#include <string>

#include "report/document.hpp"

namespace tne::render {

struct TextLayout {
    int width = 80;
    bool color = false;
};

enum class HumanFormat { text, markdown, html };

std::string text(const doc::Document& document, const TextLayout& layout);
std::string markdown(const doc::Document& document);
std::string html(const doc::Document& document);

// The one switch over the formats.
inline std::string emit(const doc::Document& document, HumanFormat format, const TextLayout& layout = {}) {
    switch (format) {
        case HumanFormat::text:
            return text(document, layout);
        case HumanFormat::markdown:
            return markdown(document);
        case HumanFormat::html:
            return html(document);
    }
    return text(document, layout);
}

}  // namespace tne::render
