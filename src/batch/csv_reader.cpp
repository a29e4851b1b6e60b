// RFC 4180 CSV as survey tools export it, read one byte at a time so a large export never sits in
// memory whole, and never more of one row than its limits. Every cell remembers where it starts, so
// errors can point into the file.
#include <climits>
#include <string>

#include "tne/input.hpp"
#include "tne/survey.hpp"

namespace tne {

namespace {

constexpr int kEnd = std::char_traits<char>::eof();

// A UTF-8 continuation byte (10xxxxxx) does not start a new character.
bool starts_character(int byte) { return (byte & 0xC0) != 0x80; }

// Counts that stop at INT_MAX rather than wrap: one line of a file may hold more characters.
void count(int& n) {
    if (n < INT_MAX) ++n;
}

}  // namespace

CsvLimits default_csv_limits() { return {input::max_bytes(), kMaxCsvCells}; }

CsvReader::CsvReader(std::istream& in, char delimiter) : CsvReader(in, delimiter, default_csv_limits()) {}

CsvReader::CsvReader(std::istream& in, char delimiter, CsvLimits limits)
    : in_(*in.rdbuf()), delimiter_(static_cast<unsigned char>(delimiter)), limits_(limits) {}

int CsvReader::raw_peek() {
    if (pending_at_ < pending_.size()) return static_cast<unsigned char>(pending_[pending_at_]);
    return in_.sgetc();
}

int CsvReader::raw_get() {
    int byte = kEnd;
    if (pending_at_ < pending_.size()) {
        byte = static_cast<unsigned char>(pending_[pending_at_++]);
    } else {
        byte = in_.sbumpc();
    }
    if (byte != kEnd) ++consumed_;
    return byte;
}

// A CR is a line end like LF or CRLF: whatever a row or a quoted cell holds, the rest of the reader
// sees LF only.
int CsvReader::peek() {
    int byte = raw_peek();
    return byte == '\r' ? '\n' : byte;
}

int CsvReader::get() {
    int byte = raw_get();
    if (byte == '\r') {
        if (raw_peek() == '\n') raw_get();
        byte = '\n';
    }
    if (byte == '\n') {
        count(line_);
        column_ = 1;
    } else if (byte != kEnd && starts_character(byte)) {
        count(column_);
    }
    return byte;
}

// Excel and Google Forms write a byte-order mark first; it is not part of the first header.
void CsvReader::skip_byte_order_mark() {
    static const std::string bom = "\xEF\xBB\xBF";
    for (char expected : bom) {
        int byte = in_.sgetc();
        if (byte == kEnd || static_cast<char>(byte) != expected) break;
        pending_ += static_cast<char>(in_.sbumpc());
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
        if (byte != '\n') break;
        get();
    }

    CsvRow row;
    row.number = rows_;
    count(rows_);
    row.line = line_;
    const unsigned long long start = consumed_;
    CsvCell cell;
    // Past a limit the row keeps nothing more; it is still read to its end, quotes included, so
    // that the next row starts where it should.
    auto overflow = [&](CsvLimit limit, size_t allowed) {
        row.overflow = CsvOverflow{limit, allowed, row.cells.size(), cell.line, cell.column};
        std::vector<CsvCell>().swap(row.cells);
        std::string().swap(cell.text);
    };
    auto keep = [&](int byte) {
        if (row.overflow) return;
        if (consumed_ - start > limits_.row_bytes)
            overflow(CsvLimit::bytes, limits_.row_bytes);
        else
            cell.text += static_cast<char>(byte);
    };
    for (;;) {
        cell = CsvCell{{}, line_, column_};
        if (!row.overflow && row.cells.size() >= limits_.cells) overflow(CsvLimit::cells, limits_.cells);
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
                }
                keep(byte);
            }
        }
        // Unquoted text, or anything after a closing quote (not RFC 4180, but kept rather than lost).
        // Most of a survey is such text: once the read-ahead is spent, its bytes are taken straight
        // from the buffer, without get()'s line-end handling (a CR or LF ends the cell anyway).
        while (pending_at_ >= pending_.size()) {
            byte = in_.sgetc();
            if (byte == kEnd || byte == delimiter_ || byte == '\n' || byte == '\r') break;
            in_.sbumpc();
            ++consumed_;
            if (starts_character(byte)) count(column_);
            keep(byte);
        }
        for (byte = peek(); byte != kEnd && byte != delimiter_ && byte != '\n'; byte = peek()) keep(get());
        if (!row.overflow) row.cells.push_back(std::move(cell));
        if (get() != delimiter_) break;  // a line end or the end of the input
    }
    return row;
}

}  // namespace tne
