// RFC 4180 CSV as survey tools export it, read a block at a time so a large export never sits in
// memory whole, and never more of one row than its limits. Every cell remembers where it starts, so
// errors can point into the file.
#include <algorithm>
#include <climits>
#include <string>
#include <string_view>

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
    : in_(*in.rdbuf()), delimiter_(static_cast<unsigned char>(delimiter)), limits_(limits) {
    for (int line_end : {int{'\n'}, int{'\r'}}) ends_run_[0][line_end] = ends_run_[1][line_end] = true;
    ends_run_[0][delimiter_] = true;
    ends_run_[1][int{'"'}] = true;
}

// Enough for dozens of rows of a survey; refilled when spent, so memory stays flat.
constexpr size_t kBufferBytes = 64 * 1024;

bool CsvReader::fill() {
    if (buffer_.empty()) buffer_.resize(kBufferBytes);
    if (at_ > 0) {  // keep what is left at the front
        std::copy(buffer_.begin() + static_cast<std::ptrdiff_t>(at_),
                  buffer_.begin() + static_cast<std::ptrdiff_t>(end_), buffer_.begin());
        end_ -= at_;
        at_ = 0;
    }
    if (end_ == buffer_.size()) return true;
    // What the stream holds already, at least one byte: a slow stream is never waited on for more.
    if (in_.sgetc() == kEnd) return false;
    std::streamsize ready = std::max<std::streamsize>(in_.in_avail(), 1);
    std::streamsize room = static_cast<std::streamsize>(buffer_.size() - end_);
    end_ += static_cast<size_t>(in_.sgetn(buffer_.data() + end_, std::min(ready, room)));
    return at_ < end_;
}

int CsvReader::raw_peek() {
    if (at_ == end_ && !fill()) return kEnd;
    return static_cast<unsigned char>(buffer_[at_]);
}

int CsvReader::raw_get() {
    if (at_ == end_ && !fill()) return kEnd;
    ++consumed_;
    return static_cast<unsigned char>(buffer_[at_++]);
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

std::string_view CsvReader::take_run(bool quoted) {
    if (at_ == end_ && !fill()) return {};
    const bool* ends = ends_run_[quoted ? 1 : 0];
    const char* begin = buffer_.data() + at_;
    const char* end = buffer_.data() + end_;
    const char* p = begin;
    long long characters = 0;
    for (; p != end && !ends[static_cast<unsigned char>(*p)]; ++p)
        if (starts_character(static_cast<unsigned char>(*p))) ++characters;
    const auto length = static_cast<size_t>(p - begin);
    at_ += length;
    consumed_ += length;
    column_ = static_cast<int>(std::min<long long>(INT_MAX, column_ + characters));
    return {begin, length};
}

// Excel and Google Forms write a byte-order mark first; it is not part of the first header.
void CsvReader::skip_byte_order_mark() {
    static constexpr std::string_view bom = "\xEF\xBB\xBF";
    while (end_ - at_ < bom.size() && fill()) {
    }
    if (std::string_view(buffer_.data() + at_, end_ - at_).substr(0, bom.size()) == bom) at_ += bom.size();
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
    row.cells.reserve(cells_);
    const unsigned long long start = consumed_;
    CsvCell cell;
    // Past a limit the row keeps nothing more; it is still read to its end, quotes included, so
    // that the next row starts where it should.
    auto overflow = [&](CsvLimit limit, size_t allowed) {
        row.overflow = CsvOverflow{limit, allowed, row.cells.size(), cell.line, cell.column};
        std::vector<CsvCell>().swap(row.cells);
        std::string().swap(cell.text);
    };
    // Keeps bytes just consumed: the row passes its limit with the first of them beyond it.
    auto keep = [&](std::string_view bytes) {
        if (row.overflow || bytes.empty()) return;
        if (consumed_ - start > limits_.row_bytes)
            overflow(CsvLimit::bytes, limits_.row_bytes);
        else
            cell.text += bytes;
    };
    // Keeps the bytes up to the end of a run, however many blocks of the input it spans.
    auto keep_runs = [&](bool quoted) {
        for (std::string_view run = take_run(quoted); !run.empty(); run = take_run(quoted)) keep(run);
    };
    for (;;) {
        cell = CsvCell{{}, line_, column_};
        if (!row.overflow && row.cells.size() >= limits_.cells) overflow(CsvLimit::cells, limits_.cells);
        int byte = peek();
        if (byte == '"') {
            get();
            for (;;) {
                keep_runs(true);  // most of a quoted cell: neither a quote nor a line end
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
                const char kept = static_cast<char>(byte);
                keep(std::string_view(&kept, 1));
            }
        }
        // Unquoted text, or anything after a closing quote (not RFC 4180, but kept rather than lost):
        // up to the delimiter or the line end.
        keep_runs(false);
        if (!row.overflow) row.cells.push_back(std::move(cell));
        if (get() != delimiter_) break;  // a line end or the end of the input
    }
    cells_ = std::min(row.cells.size(), limits_.cells);
    return row;
}

}  // namespace tne
