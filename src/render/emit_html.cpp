// The HTML emitter: one self-contained page (html::page: inline CSS, no scripts), sections as
// <section> with headings, details folded on screen (printed open), charts as inline SVG followed by
// their table.
#include <fmt/format.h>

#include <algorithm>

#include "base/enum_ids.hpp"
#include "render/emit.hpp"
#include "render/html.hpp"

namespace tne::render {

namespace {

using namespace doc;

std::string_view tone_class(Tone tone) {
    static constexpr EnumId<Tone> kClasses[] = {{Tone::bad, "tone-bad"},
                                                {Tone::warn, "tone-warn"},
                                                {Tone::fair, "tone-fair"},
                                                {Tone::good, "tone-good"},
                                                {Tone::muted, "tone-muted"}};
    return id_of(kClasses, tone);  // plain: none
}

std::string class_attribute(const std::string& names) {
    return names.empty() ? "" : " class=\"" + html::escape(names) + "\"";
}

std::string inline_text(const Text& text) {
    std::string out;
    for (const auto& span : text.spans) {
        std::string words = html::escape(span.text);
        std::string tone = class_attribute(std::string(tone_class(span.tone)));
        switch (span.style) {
            case Style::plain:
                out += tone.empty() ? words : "<span" + tone + ">" + words + "</span>";
                break;
            case Style::strong:
                out += "<strong" + tone + ">" + words + "</strong>";
                break;
            case Style::code:
                out += "<code" + tone + ">" + words + "</code>";
                break;
        }
    }
    return out;
}

// A score bar as a small image whose name is the figure it draws.
std::string bar(const Cell& cell) {
    if (std::isnan(cell.value)) return html::escape(cell.text.plain());
    double width = std::clamp(cell.value, 0.0, 100.0);
    return fmt::format(
        "<svg class=\"score-bar\" viewBox=\"0 0 100 10\" width=\"120\" height=\"12\" role=\"img\" aria-label=\"{}\">"
        "<rect class=\"track\" width=\"100\" height=\"10\"/><rect class=\"fill\" width=\"{:.1f}\" "
        "height=\"10\"/></svg>",
        html::escape(cell.text.plain()), width);
}

class HtmlEmitter {
public:
    std::string emit(const Document& document) {
        std::string body = "<h1>" + inline_text(document.title) + "</h1>\n" + blocks(document.body, 0);
        return html::page(document.lang, document.title.plain(), body);
    }

private:
    std::string blocks(const Blocks& body, int depth) {
        std::string out;
        for (const auto& block : body) out += std::visit([&](const auto& b) { return emit(b, depth); }, block.content);
        return out;
    }

    std::string emit(const Section& s, int depth) {
        int level = std::min(depth + 2, 6);
        std::string id = s.id.empty() ? "" : " id=\"" + html::escape(s.id) + "\"";
        return fmt::format("<section{}>\n<h{}>{}</h{}>\n{}</section>\n", id, level, inline_text(s.title), level,
                           blocks(s.body, depth + 1));
    }

    std::string emit(const Paragraph& p, int) {
        return "<p" + class_attribute(p.role) + ">" + inline_text(p.text) + "</p>\n";
    }

    std::string emit(const Facts& facts, int) {
        if (facts.role == "headline") {
            std::string out = "<div class=\"headline\">\n";
            for (const auto& [label, value] : facts.items)
                out += "<div class=\"figure-box\"><div class=\"value\">" + inline_text(value) +
                       "</div><div class=\"label\">" + inline_text(label) + "</div></div>\n";
            return out + "</div>\n";
        }
        std::string out = "<dl" + class_attribute("facts" + (facts.role.empty() ? "" : " " + facts.role)) + ">\n";
        for (const auto& [label, value] : facts.items)
            out += "<dt>" + inline_text(label) + "</dt><dd>" + inline_text(value) + "</dd>\n";
        return out + "</dl>\n";
    }

    std::string emit(const Table& table, int) {
        std::string out = "<table" + class_attribute(table.role) + ">\n";
        if (!table.caption.empty()) out += "<caption>" + inline_text(table.caption) + "</caption>\n";
        auto kind_class = [](ColumnKind kind) {
            return kind == ColumnKind::number ? " class=\"num\"" : kind == ColumnKind::bar ? " class=\"bar\"" : "";
        };
        out += "<thead><tr>";
        for (const auto& column : table.columns)
            out +=
                "<th scope=\"col\"" + std::string(kind_class(column.kind)) + ">" + inline_text(column.header) + "</th>";
        out += "</tr></thead>\n<tbody>\n";
        for (const auto& row : table.rows) {
            out += "<tr>";
            for (size_t c = 0; c < table.columns.size(); ++c) {
                const Cell& cell = c < row.size() ? row[c] : Cell();
                ColumnKind kind = table.columns[c].kind;
                std::string names = kind == ColumnKind::number ? "num" : kind == ColumnKind::bar ? "bar" : "";
                if (!cell.role.empty()) names += (names.empty() ? "" : " ") + cell.role;
                out += "<td" + class_attribute(names) + ">" +
                       (kind == ColumnKind::bar ? bar(cell) : inline_text(cell.text)) + "</td>";
            }
            out += "</tr>\n";
        }
        return out + "</tbody>\n</table>\n";
    }

    std::string emit(const List& list, int depth) {
        std::string tag = list.numbered ? "ol" : "ul";
        std::string out = "<" + tag + class_attribute(list.role) + ">\n";
        for (const auto& item : list.items) {
            out += "<li>" + inline_text(item.text);
            if (!item.body.empty()) out += "\n" + blocks(item.body, depth);
            out += "</li>\n";
        }
        return out + "</" + tag + ">\n";
    }

    std::string emit(const Details& details, int depth) {
        return "<details>\n<summary>" + inline_text(details.summary) + "</summary>\n" + blocks(details.body, depth) +
               "</details>\n";
    }

    std::string emit(const Figure& figure, int depth) {
        std::string out = "<figure>\n" + figure.svg + "\n";
        if (!figure.caption.empty()) out += "<figcaption>" + inline_text(figure.caption) + "</figcaption>\n";
        return out + "</figure>\n" + emit(figure.table, depth);
    }

    std::string emit(const Command& command, int) {
        return "<pre><code>" + html::escape(command.text) + "</code></pre>\n";
    }
};

}  // namespace

std::string html(const Document& document) { return HtmlEmitter().emit(document); }

}  // namespace tne::render
