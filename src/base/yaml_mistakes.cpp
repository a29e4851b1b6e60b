#include "base/yaml_mistakes.hpp"

#include <cctype>
#include <cstdlib>
#include <utility>
#include <vector>

#include "base/messages.hpp"

namespace tne::yaml_input {

namespace {

constexpr size_t npos = std::string_view::npos;

bool is_key_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'; }

std::string_view trim_right(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

// The index just after the quote that closes a quoted text whose content starts at `from`; npos when
// the line ends first. A backslash escapes in double quotes; '' is a quote in single quotes.
size_t closing_quote(std::string_view line, size_t from, char quote) {
    for (size_t i = from; i < line.size(); ++i) {
        if (quote == '"' && line[i] == '\\') {
            ++i;
        } else if (line[i] == quote) {
            if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
                ++i;
                continue;
            }
            return i + 1;
        }
    }
    return npos;
}

// What a line of a block says, read as far as the mistakes need.
struct LineShape {
    int indent = 0;          // where its key (or its text) starts, after any "- "
    int dash_indent = -1;    // where its first "- " is, when it is a list item
    std::string key;         // a `key: value` line's key
    std::string_view value;  // and its value, without a comment
    size_t colon = npos;     // a `key:value` (no space): the colon's index in the line
    bool words = false;      // `word more words`, no colon: a key whose colon is missing, or a text
    std::string_view content;
};

LineShape shape_of(std::string_view line, size_t indent) {
    LineShape shape;
    size_t at = indent;
    while (at < line.size() && line[at] == '-' && (at + 1 == line.size() || line[at + 1] == ' ')) {
        if (shape.dash_indent < 0) shape.dash_indent = static_cast<int>(at);
        at += 1;
        while (at < line.size() && line[at] == ' ') ++at;
    }
    shape.indent = static_cast<int>(at);
    shape.content = trim_right(line.substr(at));
    std::string_view content = shape.content;
    size_t end = 0;
    while (end < content.size() && is_key_char(content[end])) ++end;
    if (end == 0 || end == content.size()) return shape;
    if (content[end] == ':') {
        if (end + 1 == content.size() || content[end + 1] == ' ' || content[end + 1] == '\t') {
            shape.key = std::string(content.substr(0, end));
            std::string_view value = content.substr(end + 1);
            while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
            if (!value.empty() && value.front() == '#') value = {};
            shape.value = value;
        } else if (content[end + 1] != '/' && content[end + 1] != ':') {  // not a URL, not a::b
            shape.colon = at + end;
        }
    } else if (content[end] == ' ' && content.find(": ") == npos && content.back() != ':' &&
               content.find('#') == npos) {
        shape.words = true;
    }
    return shape;
}

// A quoted text (or a [ or { list) that runs past the end of its line.
struct OpenQuote {
    char quote = 0;
    int line = 0;
    int column = 0;
    std::string fixed;        // the line with its quote closed
    bool key_inside = false;  // a later line inside it looks like `key: value`: the quote was forgotten
};

class MistakeFinder {
public:
    explicit MistakeFinder(int error_line) : error_line_(error_line) {}

    // The mistake this line shows, if any; lines are given in order.
    std::optional<Mistake> line(int number, std::string_view text) {
        text = trim_right(text);
        if (quote_.quote) return inside_quote(number, text);
        size_t indent = 0;
        while (indent < text.size() && (text[indent] == ' ' || text[indent] == '\t')) ++indent;
        if (block_parent_ >= 0) {  // the lines of a `|` or `>` text, more indented than its key
            if (indent == text.size() || static_cast<int>(indent) > block_parent_) return std::nullopt;
            block_parent_ = -1;
        }
        if (indent == text.size() || text[indent] == '#') return std::nullopt;
        if (text.substr(indent, 3) == "---" || text.substr(indent, 3) == "...") {
            levels_.clear();
            previous_.reset();
            return std::nullopt;
        }
        if (flow_depth_ > 0) {
            follow_flow(text, indent);
            return std::nullopt;
        }
        bool checking = error_line_ > 0 && number <= error_line_;
        if (size_t tab = text.substr(0, indent).find('\t'); tab != npos && checking)
            return Mistake{number, static_cast<int>(tab) + 1, format_message(msg::yaml_tab_indent)};

        LineShape shape = shape_of(text, indent);
        // A line under a key with a value of its own, lined up with that key, is not more of that
        // value (YAML wants continued text indented more), though yaml-cpp reads it so.
        bool sibling = previous_ && previous_->has_value && previous_->indent == shape.indent;
        if (shape.colon != npos && (checking || sibling)) {
            std::string fixed = std::string(text.substr(shape.indent, shape.colon - shape.indent)) + ": " +
                                std::string(text.substr(shape.colon + 1));
            return Mistake{number, static_cast<int>(shape.colon) + 1,
                           format_message(msg::yaml_space_after_colon, fixed)};
        }
        if (shape.words && shape.dash_indent < 0 && (checking ? lines_up(shape.indent) : sibling)) {
            std::string_view content = shape.content;
            size_t space = content.find(' ');
            std::string_view rest = content.substr(space);
            while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
            std::string fixed = std::string(content.substr(0, space)) + ": " + std::string(rest);
            return Mistake{number, shape.indent + static_cast<int>(space) + 1,
                           format_message(msg::yaml_colon_after_key, fixed)};
        }
        if (number == error_line_ && !shape.key.empty())
            if (auto mistake = indentation(number, shape)) return mistake;

        if (!shape.key.empty() || shape.dash_indent >= 0) {
            if (shape.dash_indent >= 0) note_level(shape.dash_indent, "-");
            if (!shape.key.empty()) note_level(shape.indent, shape.key);
        }
        previous_ = Previous{shape.indent, shape.key, !shape.key.empty() && shape.value.empty(),
                             !shape.key.empty() && !shape.value.empty()};
        std::string_view value = shape.key.empty() ? shape.content : shape.value;
        size_t value_at = static_cast<size_t>(value.data() - text.data());
        if (!value.empty() && (value.front() == '|' || value.front() == '>')) {
            // the text is indented more than its key, or than its "- " when it is a list item
            block_parent_ = shape.key.empty() && shape.dash_indent >= 0 ? shape.dash_indent : shape.indent;
            previous_->has_value = false;
        } else if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
            size_t end = closing_quote(value, 1, value.front());
            if (end == npos) {
                quote_ = OpenQuote{value.front(), number, static_cast<int>(value_at) + 1,
                                   std::string(text.substr(shape.indent)) + value.front(), false};
                previous_->has_value = false;
            }
        } else if (!value.empty() && (value.front() == '[' || value.front() == '{')) {
            follow_flow(text, value_at, number, static_cast<size_t>(shape.indent));
            if (flow_depth_ > 0) previous_->has_value = false;
        }
        return std::nullopt;
    }

    // The mistake found once the text has ended.
    std::optional<Mistake> end() const {
        if (quote_.quote)
            return Mistake{quote_.line, quote_.column,
                           format_message(msg::yaml_quote_never_closed, std::string(1, quote_.quote), quote_.fixed)};
        if (flow_depth_ > 0 && error_line_ > 0)  // yaml-cpp says so at the end of the file
            return Mistake{flow_.line, flow_.column,
                           format_message(msg::yaml_bracket_never_closed, std::string(1, flow_.quote),
                                          std::string(1, flow_.quote == '[' ? ']' : '}'), flow_.fixed)};
        return std::nullopt;
    }

private:
    struct Previous {
        int indent;
        std::string key;
        bool opens_block;  // `key:` with nothing after it: the lines below are its block
        bool has_value;    // `key: value`, on one line
    };

    std::optional<Mistake> inside_quote(int number, std::string_view text) {
        size_t end = closing_quote(text, 0, quote_.quote);
        if (end == npos) {
            size_t start = text.find_first_not_of(' ');
            if (start != npos) {
                LineShape shape = shape_of(text, start);
                if (!shape.key.empty()) quote_.key_inside = true;
            }
            return std::nullopt;
        }
        OpenQuote closed = std::exchange(quote_, OpenQuote{});
        if (error_line_ > 0 && closed.line <= error_line_ && closed.key_inside)
            return Mistake{closed.line, closed.column,
                           format_message(msg::yaml_quote_closed_late, std::string(1, closed.quote),
                                          std::to_string(number), closed.fixed)};
        return std::nullopt;
    }

    // Follows [ and { (and the quotes inside them) to where they close, over lines.
    void follow_flow(std::string_view text, size_t from, int number = 0, size_t key_at = 0) {
        for (size_t i = from; i < text.size(); ++i) {
            char c = text[i];
            if (c == '[' || c == '{') {
                if (flow_depth_++ == 0 && number > 0)
                    flow_ = OpenQuote{c, number, static_cast<int>(i) + 1,
                                      std::string(text.substr(key_at)) + (c == '[' ? ']' : '}'), false};
            } else if (c == ']' || c == '}') {
                if (--flow_depth_ <= 0) {
                    flow_depth_ = 0;
                    return;
                }
            } else if ((c == '"' || c == '\'') && i > 0 && std::string_view("[{, ").find(text[i - 1]) != npos) {
                size_t end = closing_quote(text, i + 1, c);
                if (end == npos) return;  // a quote inside a list, over lines: left to yaml-cpp
                i = end - 1;
            } else if (c == '#' && i > 0 && text[i - 1] == ' ') {
                return;
            }
        }
    }

    void note_level(int indent, const std::string& key) {
        while (!levels_.empty() && levels_.back().first > indent) levels_.pop_back();
        if (!levels_.empty() && levels_.back().first == indent)
            levels_.back().second = key;
        else
            levels_.emplace_back(indent, key);
    }

    bool lines_up(int indent) const {
        if (previous_ && previous_->opens_block && indent > previous_->indent) return true;
        for (const auto& [level, key] : levels_)
            if (level == indent) return true;
        return false;
    }

    // The line where yaml-cpp stopped, a key: indented where no key above lets it be.
    std::optional<Mistake> indentation(int number, const LineShape& shape) const {
        if (!previous_ || lines_up(shape.indent)) return std::nullopt;
        int column = shape.indent + 1;
        if (shape.indent > previous_->indent && !previous_->key.empty())
            return Mistake{number, column,
                           format_message(msg::yaml_indented_more, std::to_string(shape.indent),
                                          std::to_string(previous_->indent), previous_->key)};
        const std::pair<int, std::string>* nearest = nullptr;
        for (const auto& level : levels_)
            // the deeper of two as near wins: most likely the line was meant beside the one above
            if (level.second != "-" &&
                (!nearest || std::abs(level.first - shape.indent) <= std::abs(nearest->first - shape.indent)))
                nearest = &level;
        if (!nearest) return std::nullopt;
        return Mistake{number, column,
                       format_message(msg::yaml_indented_nowhere, std::to_string(shape.indent),
                                      std::to_string(nearest->first), nearest->second)};
    }

    int error_line_;
    OpenQuote quote_;
    int block_parent_ = -1;  // inside a `|` or `>` text: its key's indentation
    int flow_depth_ = 0;
    OpenQuote flow_;  // where the outermost [ or { open opened, and its line closed
    std::optional<Previous> previous_;
    std::vector<std::pair<int, std::string>> levels_;  // the keys above a line may line up with
};

}  // namespace

std::optional<Mistake> find_mistake(std::string_view text, int error_line) {
    MistakeFinder finder(error_line);
    int number = 0;
    while (!text.empty()) {
        size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (auto mistake = finder.line(++number, line)) return mistake;
        if (end == npos) break;
        text.remove_prefix(end + 1);
    }
    return finder.end();
}

LocalText plain_yaml_error(const std::string& message) {
    static const std::pair<const char*, Message> kPlain[] = {
        {"end of map not found", msg::yaml_end_of_map},
        {"end of map flow not found", msg::yaml_end_of_map_flow},
        {"end of sequence not found", msg::yaml_end_of_sequence},
        {"end of sequence flow not found", msg::yaml_end_of_sequence_flow},
        {"illegal map value", msg::yaml_map_value},
        {"illegal tab when looking for indentation", msg::yaml_tab_indent},
        {"illegal block entry", msg::yaml_block_entry},
        {"illegal map key", msg::yaml_map_key},
        {"unknown token", msg::yaml_unknown_token},
        {"illegal EOF in scalar", msg::yaml_eof_in_scalar},
        {"illegal character in scalar", msg::yaml_character_in_scalar},
        {"illegal flow end", msg::yaml_flow_end},
        {"the referenced anchor is not defined", msg::yaml_unknown_anchor},
        {"alias not found after *", msg::yaml_no_name},
        {"anchor not found after &", msg::yaml_no_name},
    };
    for (const auto& [said, plain] : kPlain)
        if (message == said) return format_message(plain);
    if (std::string_view escape = "unknown escape character: "; message.rfind(escape, 0) == 0)
        return format_message(msg::yaml_unknown_escape, message.substr(escape.size()));
    return format_message(msg::yaml_other, message);
}

}  // namespace tne::yaml_input
