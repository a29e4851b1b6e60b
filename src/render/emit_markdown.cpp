// The GitHub Markdown emitter: no raw HTML (every < > & is an entity), Markdown's punctuation
// escaped, sections as headings, tables as pipe tables. Bars and charts have no Markdown form:
// the numbers beside them say the same.
#include <fmt/format.h>

#include "render/emit.hpp"
#include "render/markdown.hpp"

namespace tne::render {

namespace {

using namespace doc;

// A table cell ends at an unescaped '|', even inside a code span.
std::string code_span(const std::string& text, bool in_table) {
    std::string out = markdown::code(text);
    if (!in_table) return out;
    std::string escaped;
    for (char ch : out) {
        if (ch == '|') escaped += '\\';
        escaped += ch;
    }
    return escaped;
}

std::string inline_text(const Text& text, bool in_table = false) {
    std::string out;
    for (const auto& span : text.spans) {
        switch (span.style) {
            case Style::plain:
                out += markdown::escape(span.text);
                break;
            case Style::strong:
                out += "**" + markdown::escape(span.text) + "**";
                break;
            case Style::code:
                out += code_span(span.text, in_table);
                break;
        }
    }
    return out;
}

// Every line of `text` after `indent` (list item bodies).
std::string indented(const std::string& text, const std::string& indent) {
    std::string out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out += indent;
        out += text.substr(start, end - start);
        out += '\n';
        start = end + 1;
    }
    return out;
}

class MarkdownEmitter {
public:
    std::string emit(const Document& document) {
        std::string out = "# " + inline_text(document.title) + "\n";
        out += blocks(document.body, 0);
        return out;
    }

private:
    std::string blocks(const Blocks& body, int depth) {
        std::string out;
        for (const auto& block : body)
            out += "\n" + std::visit([&](const auto& b) { return emit(b, depth); }, block.content);
        return out;
    }

    std::string emit(const Section& s, int depth) {
        std::string hashes(static_cast<size_t>(std::min(depth + 2, 6)), '#');
        return hashes + " " + inline_text(s.title) + "\n" + blocks(s.body, depth + 1);
    }

    std::string emit(const Paragraph& p, int) { return inline_text(p.text) + "\n"; }

    std::string emit(const Facts& facts, int) {
        std::string out;
        for (const auto& [label, value] : facts.items)
            out += "- **" + markdown::escape(label.plain()) + ":** " + inline_text(value) + "\n";
        return out;
    }

    std::string emit(const Table& table, int) {
        std::vector<size_t> shown;
        for (size_t c = 0; c < table.columns.size(); ++c)
            if (table.columns[c].kind != ColumnKind::bar) shown.push_back(c);
        std::string out = "|", rule = "|";
        for (size_t c : shown) {
            out += " " + inline_text(table.columns[c].header, true) + " |";
            rule += table.columns[c].kind == ColumnKind::number ? " ---: |" : " --- |";
        }
        out += "\n" + rule + "\n";
        for (const auto& row : table.rows) {
            out += "|";
            for (size_t c : shown) out += " " + (c < row.size() ? inline_text(row[c].text, true) : "") + " |";
            out += "\n";
        }
        if (!table.caption.empty()) out += "\n" + inline_text(table.caption) + "\n";
        return out;
    }

    std::string emit(const List& list, int depth) {
        std::string out;
        for (size_t i = 0; i < list.items.size(); ++i) {
            const ListItem& item = list.items[i];
            std::string marker = list.numbered ? fmt::format("{}. ", i + 1) : "- ";
            out += marker + inline_text(item.text) + "\n";
            if (!item.body.empty()) {
                std::string body = blocks(item.body, depth);
                out += indented(body.substr(1), std::string(marker.size(), ' '));  // tight: no blank line
            }
        }
        return out;
    }

    std::string emit(const Details& details, int depth) {
        return "**" + markdown::escape(details.summary.plain()) + "**\n" + blocks(details.body, depth);
    }

    std::string emit(const Figure& figure, int depth) {
        std::string out;
        if (!figure.caption.empty()) out += inline_text(figure.caption) + "\n\n";
        return out + emit(figure.table, depth);
    }

    std::string emit(const Command& command, int) {
        // A fence longer than any run of backticks inside.
        size_t longest = 0, run = 0;
        for (char ch : command.text) longest = std::max(longest, run = ch == '`' ? run + 1 : 0);
        std::string fence(std::max<size_t>(3, longest + 1), '`');
        return fence + "sh\n" + command.text + "\n" + fence + "\n";
    }
};

}  // namespace

std::string markdown(const Document& document) { return MarkdownEmitter().emit(document); }

}  // namespace tne::render
