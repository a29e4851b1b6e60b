// RFC 4180 CSV as survey tools export it, read one byte at a time so a large export never sits in
// memory whole. Every cell remembers where it starts, so errors can point into the file.
#include <string>

#include "tne/survey.hpp"

namespace tne {

namespace {

constexpr int kEnd = std::char_traits<char>::eof();

// A UTF-8 continuation byte (10xxxxxx) does not start a new character.
bool starts_character(int byte) { return (byte & 0xC0) != 0x80; }

}  // namespace

CsvReader::CsvReader(std::istream& in, char delimiter) : in_(in), delimiter_(delimiter) {}

int CsvReader::peek() {
    if (!pending_.empty()) return static_cast<unsigned char>(pending_.front());
    return in_.peek();
}

int CsvReader::get() {
    int byte = kEnd;
    if (!pending_.empty()) {
        byte = static_cast<unsigned char>(pending_.front());
        pending_.erase(0, 1);
    } else {
        byte = in_.get();
    }
    if (byte == '\n') {
        ++line_;
        column_ = 1;
    } else if (byte != kEnd && starts_character(byte)) {
        ++column_;
    }
    return byte;
}

// Excel and Google Forms write a byte-order mark first; it is not part of the first header.
void CsvReader::skip_byte_order_mark() {
    static const std::string bom = "\xEF\xBB\xBF";
    for (char expected : bom) {
        int byte = in_.peek();
        if (byte == kEnd || static_cast<char>(byte) != expected) break;
        pending_ += static_cast<char>(in_.get());
    }
    if (pending_ == bom) pending_.clear();
}

std::optional<CsvRow> CsvReader::next() {
    if (done_) return std::nullopt;
    if (!started_) {
        skip_byte_order_mark();
        started_ = true;
    }
    // A completely empty line is not a row (spreadsheets leave them at the end).
    for (;;) {
        int byte = peek();
        if (byte == kEnd) return std::nullopt;
        if (byte == '\n') {
            get();
        } else if (byte == '\r') {
            get();
            if (peek() != '\n') {  // a lone CR is text, not a line end: it starts the row
                pending_.insert(0, "\r");
                --column_;
                break;
            }
        } else {
            break;
        }
    }

    CsvRow row;
    row.number = rows_++;
    row.line = line_;
    for (;;) {
        CsvCell cell{{}, line_, column_};
        int byte = peek();
        if (byte == '"') {
            get();
            for (;;) {
                byte = get();
                if (byte == kEnd) {
                    row.cells.push_back(std::move(cell));
                    row.unterminated_quote = true;
                    done_ = true;
                    return row;
                }
                if (byte == '"') {
                    if (peek() != '"') break;  // the closing quote
                    get();
                } else if (byte == '\r' && peek() == '\n') {
                    continue;  // CRLF inside quotes is a line break, kept as LF whatever the file uses
                }
                cell.text += static_cast<char>(byte);
            }
        }
        // Unquoted text, or anything after a closing quote (not RFC 4180, but kept rather than lost).
        for (byte = peek(); byte != kEnd && byte != delimiter_ && byte != '\n'; byte = peek()) {
            get();
            if (byte == '\r' && peek() == '\n') break;
            cell.text += static_cast<char>(byte);
        }
        row.cells.push_back(std::move(cell));
        byte = get();
        if (byte != delimiter_) break;  // a line end or the end of the input
    }
    return row;
}

}  // namespace tne
