// A report as a format-neutral document. Every report is built once into a Document (what is said,
// in which order, in the report's language); one emitter per output format (render/emit.hpp) decides
// how it looks and owns its escaping, wrapping and colour. Builders compute nothing the result
// types do not already hold, and emitters say nothing the document does not hold.
#pragma once

#include <cmath>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "tne/text.hpp"

namespace tne::doc {

// How a piece of text stands out. Tones carry meaning (a level, a blocker), so every emitter keeps
// the words: colour in a terminal and a class in HTML only add to them.
enum class Style { plain, strong, code };
enum class Tone { plain, bad, warn, fair, good, muted };

struct Span {
    std::string text;
    Style style = Style::plain;
    Tone tone = Tone::plain;
};

// A run of inline text.
struct Text {
    std::vector<Span> spans;

    Text() = default;
    Text(std::string text) { add(std::move(text)); }  // NOLINT: plain text converts implicitly
    Text(const char* text) : Text(std::string(text)) {}

    Text& add(std::string text, Style style = Style::plain, Tone tone = Tone::plain);
    Text& strong(std::string text, Tone tone = Tone::plain) { return add(std::move(text), Style::strong, tone); }
    Text& code(std::string text) { return add(std::move(text), Style::code); }
    Text& tone(std::string text, Tone tone) { return add(std::move(text), Style::plain, tone); }
    Text& append(const Text& more);
    bool empty() const;
    std::string plain() const;  // the words without their styles
};

enum class ColumnKind {
    text,
    number,  // right-aligned
    bar,     // a bar for the cell's value (0-100); the cell's text is what it says in words
};

struct Column {
    Text header;
    ColumnKind kind = ColumnKind::text;
};

struct Cell {
    Text text;
    double value = NAN;  // for a bar column
    std::string role;    // what the cell is, for HTML to style (e.g. a heat map's band "heat-3")

    Cell() = default;
    Cell(Text t) : text(std::move(t)) {}         // NOLINT
    Cell(std::string t) : text(std::move(t)) {}  // NOLINT
    Cell(const char* t) : text(t) {}             // NOLINT
    static Cell bar(double value, std::string words) {
        Cell cell(std::move(words));
        cell.value = value;
        return cell;
    }
};

struct Block;
using Blocks = std::vector<Block>;

// `role` names what a block is for (e.g. "headline", "recommendations"), so HTML can style it.
struct Paragraph {
    Text text;
    std::string role;
};

// Label and value pairs: "Target: Joint degree".
struct Facts {
    std::vector<std::pair<Text, Text>> items;
    std::string role;
};

struct Table {
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
    Text caption;
    std::string role;
};

struct ListItem {
    Text text;
    Blocks body;  // indented under the item
};

struct List {
    std::vector<ListItem> items;
    bool numbered = false;
    std::string role;
};

// Folded on screen in HTML; always shown in full in text and Markdown.
struct Details {
    Text summary;
    Blocks body;
};

// A chart (SVG, shown only in HTML) and the table that says the same in words, shown everywhere.
struct Figure {
    std::string svg;
    Text caption;
    Table table;
};

// A command to copy: never wrapped, never styled.
struct Command {
    std::string text;
};

struct Section {
    Text title;
    Blocks body;
    std::string id;  // an anchor in HTML; empty for none
};

struct Block {
    std::variant<Section, Paragraph, Facts, Table, List, Details, Figure, Command> content;

    template <class T>
    requires(!std::is_same_v<std::decay_t<T>, Block>) Block(T&& value) : content(std::forward<T>(value)) {}  // NOLINT
};

struct Document {
    Lang lang = Lang::en;
    Text title;
    Blocks body;
};

}  // namespace tne::doc
