#include "base/json_writer.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "tne/text.hpp"

namespace tne {

std::string json_escape(std::string_view text) {
    std::string out = "\"";
    for (unsigned char ch : text) {
        switch (ch) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (ch < 0x20)
                    out += fmt::format("\\u{:04x}", ch);
                else
                    out += static_cast<char>(ch);
        }
    }
    return out + "\"";
}

void JsonWriter::newline() {
    out_ += '\n';
    out_.append(2 * has_items_.size(), ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (has_items_.empty()) return;
    if (has_items_.back()) out_ += ',';
    has_items_.back() = true;
    newline();
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    has_items_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    bool had_items = has_items_.back();
    has_items_.pop_back();
    if (had_items) newline();
    out_ += bracket;
    return *this;
}

JsonWriter& JsonWriter::end_object() { return close('}'); }

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    has_items_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::end_array() { return close(']'); }

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    out_ += json_escape(name) + ": ";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    before_value();
    out_ += json_escape(text);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    before_value();
    out_ += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(int number) {
    before_value();
    out_ += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::number(double number, int decimals) {
    // JSON has no inf or nan; the rubric loader's ranges keep every number finite, so one here is
    // a bug, and writing it would hand the reader invalid JSON. (A finite number so large that its
    // rounding overflows would print "inf" too: the text is checked as well.)
    std::string text = format_number(number, decimals);
    if (!std::isfinite(number) || text.find_first_not_of("-0123456789.") != std::string::npos)
        throw std::logic_error(
            fmt::format("JSON output: the number {} is not finite, and JSON has no inf or nan", number));
    before_value();
    out_ += text;
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& items) {
    begin_array();
    for (const auto& item : items) value(item);
    return end_array();
}

}  // namespace tne
