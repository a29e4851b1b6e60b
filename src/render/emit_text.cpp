// The terminal emitter: words wrapped to the width, sections indented under their titles, tables
// with aligned columns and bars, colour only when asked for (and then only on top of the words).
#include <fmt/format.h>

#include <algorithm>

#include "base/enum_ids.hpp"
#include "base/text_layout.hpp"
#include "render/emit.hpp"

namespace tne::render {

namespace {

using namespace doc;

constexpr size_t kBarCells = 16;
constexpr size_t kMinLastColumn = 18;  // below this a table is written as one record per row

// The SGR colour of a tone: red, yellow, cyan, green, dim; plain has none.
std::string_view tone_code(Tone tone) {
    static constexpr EnumId<Tone> kCodes[] = {
        {Tone::bad, "31"}, {Tone::warn, "33"}, {Tone::fair, "36"}, {Tone::good, "32"}, {Tone::muted, "2"}};
    return id_of(kCodes, tone);
}

Text styled(Text text, Style style) {
    for (auto& span : text.spans)
        if (span.style == Style::plain) span.style = style;
    return text;
}

// A word as printed (with its colour codes) and its width on screen.
struct Word {
    std::string painted;
    size_t width = 0;
};

class TextEmitter {
public:
    explicit TextEmitter(const TextLayout& layout) : layout_(layout) {}

    std::string emit(const Document& document) {
        paragraph(styled(document.title, Style::strong), 0);
        blocks(document.body, 0, 0);
        return std::move(out_);
    }

private:
    const TextLayout& layout_;
    std::string out_;

    std::string paint(const std::string& text, Style style, Tone tone) const {
        if (!layout_.color || text.empty()) return text;
        std::string code = style == Style::strong ? "1" : "";
        if (std::string_view colour = tone_code(tone); !colour.empty())
            code += (code.empty() ? "" : ";") + std::string(colour);
        return code.empty() ? text : fmt::format("\033[{}m{}\033[0m", code, text);
    }

    // The text as one line (for table cells), every span painted; `style` overrides plain spans.
    std::string paint_all(const Text& text, Style style = Style::plain) const {
        std::string out;
        for (const auto& span : text.spans)
            out += paint(span.text, span.style == Style::plain ? style : span.style, span.tone);
        return out;
    }

    std::vector<Word> words(const Text& text) const {
        std::vector<Word> out;
        bool open = false;  // a span that does not start with a space goes on the previous word
        for (const auto& span : text.spans) {
            size_t at = 0;
            while (at < span.text.size()) {
                char ch = span.text[at];
                if (ch == ' ' || ch == '\n') {
                    open = false;
                    ++at;
                    continue;
                }
                size_t end = span.text.find_first_of(" \n", at);
                if (end == std::string::npos) end = span.text.size();
                std::string piece = span.text.substr(at, end - at);
                if (!open) out.emplace_back();
                open = true;
                out.back().painted += paint(piece, span.style, span.tone);
                out.back().width += display_width(piece);
                at = end;
            }
        }
        return out;
    }

    // Lines of at most `width` columns; a longer word stands alone.
    std::vector<std::string> wrapped(const Text& text, size_t width) const {
        std::vector<std::string> lines;
        std::string current;
        size_t used = 0;
        for (const auto& word : words(text)) {
            if (used > 0 && used + 1 + word.width > width) {
                lines.push_back(std::move(current));
                current.clear();
                used = 0;
            }
            if (used > 0) {
                current += ' ';
                ++used;
            }
            current += word.painted;
            used += word.width;
        }
        if (used > 0 || lines.empty()) lines.push_back(std::move(current));
        return lines;
    }

    size_t room(size_t indent) const {
        size_t width = static_cast<size_t>(std::max(layout_.width, 20));
        return indent + 20 < width ? width - indent : 20;
    }

    void line(size_t indent, const std::string& text) {
        out_.append(indent, ' ');
        out_ += text;
        out_ += '\n';
    }

    // The text wrapped, its first line after `first`, the rest at `indent`.
    void paragraph(const Text& text, size_t indent, const std::string& first = "") {
        size_t hang = indent + display_width(first);
        bool is_first = true;
        for (const auto& part : wrapped(text, room(hang))) {
            if (is_first)
                line(indent, first + part);
            else
                line(hang, part);
            is_first = false;
        }
    }

    void blocks(const Blocks& body, size_t indent, int depth) {
        bool first = true, after_section = false;
        for (const auto& block : body) {
            bool section = std::holds_alternative<Section>(block.content);
            // A section sets itself apart. So is what follows one (or it would read as the section's
            // last lines), and each block of the top level, which no section title separates.
            if (!section && (after_section || (depth == 0 && !first))) out_ += '\n';
            std::visit([&](const auto& b) { emit(b, indent, depth); }, block.content);
            after_section = section;
            first = false;
        }
    }

    void emit(const Section& s, size_t indent, int depth) {
        out_ += '\n';
        paragraph(styled(s.title, Style::strong), indent);
        blocks(s.body, indent + 2, depth + 1);
    }

    void emit(const Paragraph& p, size_t indent, int) { paragraph(p.text, indent); }

    void emit(const Facts& facts, size_t indent, int) {
        for (const auto& [label, value] : facts.items) {
            Text text = label;
            text.add(": ").append(value);
            // Hang the continuation under the value, as a definition.
            size_t hang = indent + 2;
            bool first = true;
            for (const auto& part : wrapped(text, room(hang))) {
                line(first ? indent : hang, part);
                first = false;
            }
        }
    }

    void emit(const Table& table, size_t indent, int) {
        const size_t columns = table.columns.size();
        if (columns == 0) return;
        std::vector<size_t> widths(columns, 0);
        auto cell_width = [&](size_t c, const Cell& cell) {
            return table.columns[c].kind == ColumnKind::bar ? kBarCells : display_width(cell.text.plain());
        };
        for (size_t c = 0; c < columns; ++c) {
            widths[c] =
                table.columns[c].kind == ColumnKind::bar ? kBarCells : display_width(table.columns[c].header.plain());
            for (const auto& row : table.rows)
                if (c < row.size()) widths[c] = std::max(widths[c], cell_width(c, row[c]));
        }
        size_t before_last = 0;
        for (size_t c = 0; c + 1 < columns; ++c) before_last += widths[c] + 2;
        // Only a text column wraps; a number or a bar needs its whole width.
        bool wraps = table.columns.back().kind == ColumnKind::text;
        size_t last_needs = wraps ? std::min(kMinLastColumn, widths.back()) : widths.back();
        if (columns > 1 && before_last + last_needs > room(indent)) return records(table, indent);
        size_t last_room = room(indent) > before_last + kMinLastColumn ? room(indent) - before_last : kMinLastColumn;

        auto cell_text = [&](size_t c, const Cell& cell, bool header) {
            const Column& column = table.columns[c];
            if (!header && column.kind == ColumnKind::bar)
                return std::isnan(cell.value) ? std::string(kBarCells, ' ') : score_bar(cell.value, kBarCells);
            std::string painted = paint_all(cell.text, header ? Style::strong : Style::plain);
            size_t used = display_width(cell.text.plain());
            size_t pad = widths[c] > used ? widths[c] - used : 0;
            return column.kind == ColumnKind::number ? std::string(pad, ' ') + painted
                                                     : painted + std::string(pad, ' ');
        };
        auto emit_row = [&](const std::vector<Cell>& row, bool header) {
            std::string start;
            for (size_t c = 0; c + 1 < columns; ++c) {
                start += cell_text(c, c < row.size() ? row[c] : Cell(), header);
                start += "  ";
            }
            const size_t last = columns - 1;
            const Cell& cell = last < row.size() ? row[last] : Cell();
            if (table.columns[last].kind != ColumnKind::text) {
                std::string text = start + cell_text(last, cell, header);
                line(indent, text.substr(0, text.find_last_not_of(' ') + 1));
                return;
            }
            Text text = cell.text;
            if (header) text = styled(cell.text, Style::strong);
            bool first = true;
            for (const auto& part : wrapped(text, last_room)) {
                std::string content = first ? start + part : std::string(before_last, ' ') + part;
                line(indent, content.substr(0, content.find_last_not_of(' ') + 1));
                first = false;
            }
        };
        bool headed =
            std::any_of(table.columns.begin(), table.columns.end(), [](const Column& c) { return !c.header.empty(); });
        if (headed) {
            std::vector<Cell> header;
            for (const auto& column : table.columns) header.push_back(column.header);
            emit_row(header, true);
        }
        for (const auto& row : table.rows) emit_row(row, false);
        if (!table.caption.empty()) paragraph(table.caption, indent);
    }

    // Too wide for the terminal: each row as its first cell, then "column: value" lines.
    void records(const Table& table, size_t indent) {
        for (const auto& row : table.rows) {
            for (size_t c = 0; c < row.size() && c < table.columns.size(); ++c) {
                const Column& column = table.columns[c];
                if (c == 0) {
                    paragraph(row[c].text, indent, "- ");
                    continue;
                }
                if (column.kind == ColumnKind::bar || row[c].text.empty()) continue;
                Text text = column.header;
                text.add(": ").append(row[c].text);
                paragraph(text, indent + 2);
            }
        }
        if (!table.caption.empty()) paragraph(table.caption, indent);
    }

    void emit(const List& list, size_t indent, int depth) {
        for (size_t i = 0; i < list.items.size(); ++i) {
            const ListItem& item = list.items[i];
            std::string marker = list.numbered ? fmt::format("{}. ", i + 1) : "- ";
            paragraph(item.text, indent, marker);
            blocks(item.body, indent + display_width(marker), depth);
        }
    }

    void emit(const Details& details, size_t indent, int depth) {
        paragraph(styled(details.summary, Style::strong), indent);
        blocks(details.body, indent + 2, depth);
    }

    void emit(const Figure& figure, size_t indent, int depth) {
        if (!figure.caption.empty()) paragraph(figure.caption, indent);
        emit(figure.table, indent, depth);
    }

    void emit(const Command& command, size_t indent, int) {
        size_t start = 0;
        while (start <= command.text.size()) {
            size_t end = command.text.find('\n', start);
            if (end == std::string::npos) end = command.text.size();
            line(indent, command.text.substr(start, end - start));
            start = end + 1;
        }
    }
};

}  // namespace

std::string text(const Document& document, const TextLayout& layout) { return TextEmitter(layout).emit(document); }

}  // namespace tne::render
