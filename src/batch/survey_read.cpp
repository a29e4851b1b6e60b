// A survey export read as the tool wrote it: its bytes decoded to UTF-8 as they stream (UTF-16 and
// Windows-1252 too), its delimiter found in the header line, the extra header rows of Qualtrics and
// SurveyMonkey recognised, and the decimal mark of its numbers found from their cells. An .xlsx
// workbook gives its rows through the same interface (xlsx_reader.cpp).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <streambuf>

#include "base/enum_ids.hpp"
#include "base/messages.hpp"
#include "batch/xlsx_reader.hpp"
#include "tne/input.hpp"
#include "tne/survey.hpp"

namespace tne {

namespace {

constexpr Message kCannotOpen{"cannot read the file", "no se puede leer el archivo"};

// ---- decoding -------------------------------------------------------------------------------------

// Windows-1252's characters for the bytes 0x80-0x9F; 0 for the five it leaves undefined. The bytes
// from 0xA0 on are Latin-1's, the same code points.
constexpr std::array<char16_t, 32> kWindows1252High = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                       0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                                       0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                       0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool undefined_in_windows_1252(unsigned char byte) {
    return byte >= 0x80 && byte <= 0x9F && kWindows1252High[byte - 0x80] == 0;
}

// Writes `code` as UTF-8 at `out`, which moves past it.
void put_utf8(char*& out, char32_t code) {
    if (code < 0x80) {
        *out++ = static_cast<char>(code);
    } else if (code < 0x800) {
        *out++ = static_cast<char>(0xC0 | (code >> 6));
        *out++ = static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        *out++ = static_cast<char>(0xE0 | (code >> 12));
        *out++ = static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        *out++ = static_cast<char>(0x80 | (code & 0x3F));
    } else {
        *out++ = static_cast<char>(0xF0 | (code >> 18));
        *out++ = static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        *out++ = static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        *out++ = static_cast<char>(0x80 | (code & 0x3F));
    }
}

// A byte that is never UTF-8: what a character that cannot be decoded (an unpaired UTF-16
// surrogate, a byte Windows-1252 leaves undefined) becomes, so that the cell holding it fails as
// "not UTF-8 text" at its place, as any other unreadable cell does.
constexpr char kNotText = '\xFF';

// UTF-16 or Windows-1252 bytes as UTF-8, a block at a time: the CSV reader above it sees UTF-8 and
// counts lines and columns in characters, which are the original file's characters.
class DecodingBuffer : public std::streambuf {
public:
    DecodingBuffer(std::streambuf& source, TextEncoding encoding) : source_(source), encoding_(encoding) {}

protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        decoded_.clear();
        while (decoded_.empty()) {
            std::streamsize got = source_.sgetn(raw_.data() + kept_, static_cast<std::streamsize>(raw_.size() - kept_));
            size_t size = kept_ + static_cast<size_t>(std::max<std::streamsize>(got, 0));
            if (size == 0) return traits_type::eof();
            bool last = got <= 0;
            size_t used = decode(size, last);
            std::copy(raw_.begin() + static_cast<std::ptrdiff_t>(used),
                      raw_.begin() + static_cast<std::ptrdiff_t>(size), raw_.begin());
            kept_ = size - used;
            if (last && decoded_.empty()) return traits_type::eof();
        }
        setg(decoded_.data(), decoded_.data(), decoded_.data() + decoded_.size());
        return traits_type::to_int_type(*gptr());
    }

private:
    // Decodes raw_[0, size) into decoded_; returns the bytes used (a unit cut at the block's end
    // waits for the next block, unless this is the last). Written through a pointer into room made
    // first: a byte becomes at most 3 bytes of UTF-8, two bytes of UTF-16 at most 3 too.
    size_t decode(size_t size, bool last) {
        decoded_.resize(size * 3 + 4);
        char* out = decoded_.data();
        size_t used = decode_into(out, size, last);
        decoded_.resize(static_cast<size_t>(out - decoded_.data()));
        return used;
    }

    size_t decode_into(char*& out, size_t size, bool last) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(raw_.data());
        if (encoding_ == TextEncoding::windows1252) {
            for (size_t i = 0; i < size; ++i) {
                unsigned char byte = bytes[i];
                if (byte < 0x80)
                    *out++ = static_cast<char>(byte);
                else if (byte >= 0xA0)
                    put_utf8(out, byte);
                else if (char16_t code = kWindows1252High[byte - 0x80])
                    put_utf8(out, code);
                else
                    *out++ = kNotText;
            }
            return size;
        }
        return encoding_ == TextEncoding::utf16le ? decode_utf16<true>(out, bytes, size, last)
                                                  : decode_utf16<false>(out, bytes, size, last);
    }

    // One function per byte order, so that the order is not tested for every unit.
    template <bool little>
    static size_t decode_utf16(char*& out, const unsigned char* bytes, size_t size, bool last) {
        auto unit = [&](size_t at) -> char16_t {
            return little ? static_cast<char16_t>(bytes[at] | (bytes[at + 1] << 8))
                          : static_cast<char16_t>((bytes[at] << 8) | bytes[at + 1]);
        };
        size_t i = 0;
        while (i + 2 <= size) {
            char16_t first = unit(i);
            if (first < 0x80) {  // most of a survey
                *out++ = static_cast<char>(first);
                i += 2;
                continue;
            }
            if (first >= 0xD800 && first <= 0xDBFF) {
                if (i + 4 > size) {
                    if (!last) break;  // its pair is in the next block
                    *out++ = kNotText;
                    i += 2;
                    continue;
                }
                char16_t second = unit(i + 2);
                if (second >= 0xDC00 && second <= 0xDFFF) {
                    put_utf8(out, 0x10000 + ((char32_t{first} - 0xD800) << 10) + (second - 0xDC00));
                    i += 4;
                } else {
                    *out++ = kNotText;
                    i += 2;
                }
            } else if (first >= 0xDC00 && first <= 0xDFFF) {
                *out++ = kNotText;
                i += 2;
            } else {
                put_utf8(out, first);
                i += 2;
            }
        }
        if (last && i < size) {  // an odd byte at the end
            *out++ = kNotText;
            i = size;
        }
        return i;
    }

    static constexpr size_t kBlock = 64 * 1024;
    std::streambuf& source_;
    TextEncoding encoding_;
    std::array<char, kBlock> raw_{};
    size_t kept_ = 0;  // bytes at raw_'s front not decoded yet
    std::string decoded_;
};

// Whether the whole stream is UTF-8; ASCII runs, most of a survey, are passed eight bytes at a time.
bool all_utf8(std::streambuf& in) {
    std::array<char, 64 * 1024> block{};
    size_t kept = 0;  // a sequence cut at the block's end, moved to the front
    for (;;) {
        std::streamsize got = in.sgetn(block.data() + kept, static_cast<std::streamsize>(block.size() - kept));
        size_t size = kept + static_cast<size_t>(std::max<std::streamsize>(got, 0));
        if (size == 0) return true;
        const auto* bytes = reinterpret_cast<const unsigned char*>(block.data());
        size_t i = 0;
        while (i < size) {
            if (i + 8 <= size) {
                uint64_t eight = 0;
                std::copy(bytes + i, bytes + i + 8, reinterpret_cast<unsigned char*>(&eight));
                if ((eight & 0x8080808080808080ULL) == 0) {
                    i += 8;
                    continue;
                }
            }
            unsigned char byte = bytes[i];
            if (byte < 0x80) {
                ++i;
                continue;
            }
            size_t length = (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
            if (length == 0 || byte == 0xC0 || byte == 0xC1) return false;
            if (i + length > size) {
                if (got <= 0) return false;  // cut by the end of the file
                break;
            }
            for (size_t k = 1; k < length; ++k)
                if ((bytes[i + k] & 0xC0) != 0x80) return false;
            i += length;
        }
        if (got <= 0 && i >= size) return true;
        kept = size - i;
        std::copy(block.begin() + static_cast<std::ptrdiff_t>(i), block.begin() + static_cast<std::ptrdiff_t>(size),
                  block.begin());
    }
}

bool any_undefined_windows_1252(std::streambuf& in) {
    std::array<char, 64 * 1024> block{};
    for (std::streamsize got; (got = in.sgetn(block.data(), static_cast<std::streamsize>(block.size()))) > 0;) {
        const auto size = static_cast<size_t>(got);
        for (size_t i = 0; i < size;) {
            if (i + 8 <= size) {  // eight ASCII bytes at a time
                uint64_t eight = 0;
                std::copy(block.begin() + static_cast<std::ptrdiff_t>(i),
                          block.begin() + static_cast<std::ptrdiff_t>(i + 8), reinterpret_cast<char*>(&eight));
                if ((eight & 0x8080808080808080ULL) == 0) {
                    i += 8;
                    continue;
                }
            }
            if (undefined_in_windows_1252(static_cast<unsigned char>(block[i]))) return true;
            ++i;
        }
    }
    return false;
}

// The file's encoding: the map's, else its byte-order mark's, else UTF-16 when its first character
// has a zero byte beside it, else UTF-8 when every byte sequence is UTF-8, else Windows-1252.
void find_encoding(const std::string& file, const SurveyMap& map, SurveyReading& reading) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(SourcePos{file}, format_message(kCannotOpen));
    std::array<unsigned char, 3> start{};
    in.read(reinterpret_cast<char*>(start.data()), 3);
    const auto got = static_cast<size_t>(in.gcount());
    in.clear();
    in.seekg(0);
    if (got >= 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF) {
        reading.byte_order_mark = true;
        reading.encoding = TextEncoding::utf8;
    } else if (got >= 2 && start[0] == 0xFF && start[1] == 0xFE) {
        reading.byte_order_mark = true;
        reading.encoding = TextEncoding::utf16le;
    } else if (got >= 2 && start[0] == 0xFE && start[1] == 0xFF) {
        reading.byte_order_mark = true;
        reading.encoding = TextEncoding::utf16be;
    }
    if (map.encoding) {
        reading.encoding_declared = true;
        // `utf-16` in the map stands for either order: the mark says which, else little-endian.
        if (*map.encoding == TextEncoding::utf16le && reading.encoding == TextEncoding::utf16be) return;
        reading.encoding = *map.encoding;
        return;
    }
    if (reading.byte_order_mark) return;
    if (got >= 2 && start[0] != 0 && start[1] == 0) {
        reading.encoding = TextEncoding::utf16le;
    } else if (got >= 2 && start[0] == 0 && start[1] != 0) {
        reading.encoding = TextEncoding::utf16be;
    } else if (all_utf8(*in.rdbuf())) {
        reading.encoding = TextEncoding::utf8;
    } else {
        reading.encoding = TextEncoding::windows1252;
        in.clear();
        in.seekg(0);
        reading.undefined_windows_1252 = any_undefined_windows_1252(*in.rdbuf());
    }
}

// ---- rows of a CSV file ---------------------------------------------------------------------------

// A CSV file's rows, decoded to UTF-8 unless it is UTF-8 already (which is then read as it was).
class CsvRows : public SurveyExport::Rows {
public:
    CsvRows(const std::string& file, TextEncoding encoding, char delimiter) : file_(file, std::ios::binary) {
        if (!file_) throw InputError(SourcePos{file}, format_message(kCannotOpen));
        std::istream* in = &file_;
        if (encoding != TextEncoding::utf8) {
            decoder_ = std::make_unique<DecodingBuffer>(*file_.rdbuf(), encoding);
            decoded_ = std::make_unique<std::istream>(decoder_.get());
            in = decoded_.get();
        }
        reader_.emplace(*in, delimiter);
    }
    std::optional<CsvRow> next() override { return reader_->next(); }

private:
    std::ifstream file_;
    std::unique_ptr<DecodingBuffer> decoder_;
    std::unique_ptr<std::istream> decoded_;
    std::optional<CsvReader> reader_;
};

// The file's first record as text (to its first line end outside quotes), decoded, at most the row
// limit's bytes: what the delimiter is found in.
std::string first_record(const std::string& file, TextEncoding encoding) {
    std::ifstream in(file, std::ios::binary);
    std::unique_ptr<DecodingBuffer> decoder;
    std::streambuf* source = in.rdbuf();
    if (encoding != TextEncoding::utf8) {
        decoder = std::make_unique<DecodingBuffer>(*in.rdbuf(), encoding);
        source = decoder.get();
    }
    const size_t limit = input::max_bytes();
    std::string text;
    bool quoted = false;
    for (int byte; (byte = source->sbumpc()) != std::char_traits<char>::eof() && text.size() < limit;) {
        if (byte == '"') quoted = !quoted;
        if ((byte == '\n' || byte == '\r') && !quoted) {
            if (!text.empty()) break;
            continue;  // blank lines before the header
        }
        text += static_cast<char>(byte);
    }
    return text;
}

std::string trimmed(std::string_view text) {
    const char* space = " \t\r\n";
    size_t first = text.find_first_not_of(space);
    if (first == std::string_view::npos) return "";
    size_t last = text.find_last_not_of(space);
    std::string out(text.substr(first, last - first + 1));
    if (out.rfind("\xEF\xBB\xBF", 0) == 0) out.erase(0, 3);
    return out;
}

// The delimiter among `,` `;` tab `|` that splits the header into the most of the map's columns;
// when it names none of them under any, the one that splits it into the most cells; `,` when the
// header is one cell under all four. Quotes are respected: each is tried by the CSV reader itself.
char find_delimiter(const SurveyMap& map, const std::string& header) {
    char best = ',';
    size_t best_columns = 0, best_cells = 1;
    for (char candidate : {',', ';', '\t', '|'}) {
        std::istringstream in(header);
        CsvReader reader(in, candidate);
        std::optional<CsvRow> row = reader.next();
        if (!row) continue;
        std::vector<std::string> cells;
        for (const auto& cell : row->cells) cells.push_back(trimmed(cell.text));
        size_t columns =
            static_cast<size_t>(std::count_if(map.fields.begin(), map.fields.end(), [&](const SurveyField& f) {
                return std::find(cells.begin(), cells.end(), f.column) != cells.end();
            }));
        if (columns > best_columns || (columns == best_columns && cells.size() > best_cells)) {
            best = candidate;
            best_columns = columns;
            best_cells = cells.size();
        }
    }
    return best;
}

// ---- header rows ----------------------------------------------------------------------------------

// SurveyMonkey's second header row names each option of a question with several columns, and
// writes these words over a question of one column.
bool survey_monkey_word(const std::string& text) {
    return text == "Response" || text == "Open-Ended Response" || text == "Respuesta" || text == "Respuesta abierta";
}

bool is_survey_monkey_row(const CsvRow& row) {
    return std::any_of(row.cells.begin(), row.cells.end(),
                       [](const CsvCell& cell) { return survey_monkey_word(trimmed(cell.text)); });
}

// Qualtrics' third header row holds, in every question's column, {"ImportId":"QID1"} and the like.
bool is_qualtrics_import_row(const CsvRow& row) {
    return std::any_of(row.cells.begin(), row.cells.end(),
                       [](const CsvCell& cell) { return trimmed(cell.text).rfind("{\"ImportId\"", 0) == 0; });
}

// SurveyMonkey's two rows as one: a column is named by its question (the first row's text, which a
// question of several columns writes over its first only) and, below it, its option: "Q12 - British
// Council". The words over a question of one column ("Response") add nothing.
void join_survey_monkey_header(CsvRow& header, const CsvRow& second) {
    std::string question;
    for (size_t i = 0; i < header.cells.size(); ++i) {
        std::string top = trimmed(header.cells[i].text);
        if (!top.empty()) question = top;
        std::string below = i < second.cells.size() ? trimmed(second.cells[i].text) : "";
        if (below.empty() || survey_monkey_word(below))
            header.cells[i].text = top.empty() ? question : top;
        else
            header.cells[i].text = question + " - " + below;
    }
}

std::string_view encoding_name(TextEncoding encoding) {
    static constexpr EnumId<TextEncoding> kNames[] = {{TextEncoding::utf8, "UTF-8"},
                                                      {TextEncoding::utf16le, "UTF-16LE"},
                                                      {TextEncoding::utf16be, "UTF-16BE"},
                                                      {TextEncoding::windows1252, "Windows-1252"}};
    return id_of(kNames, encoding);
}

std::string delimiter_name(char delimiter) {
    return delimiter == '\t' ? std::string("tab") : fmt::format("\"{}\"", delimiter);
}

}  // namespace

// Here rather than in xlsx_reader.cpp, which alone needs libzip and expat (the web build has neither).
std::string cell_reference(int row, int column) {
    std::string letters;
    for (int n = column; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters + std::to_string(row);
}

bool is_xlsx_file(const std::string& path) {
    if (path.size() < 5) return false;
    std::string tail = path.substr(path.size() - 5);
    std::transform(tail.begin(), tail.end(), tail.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return tail == ".xlsx";
}

SurveyExport::SurveyExport(const std::string& file, const SurveyMap& map) : path_(file) {
    if (is_xlsx_file(file)) {
        auto sheet = std::make_unique<XlsxRows>(file, map.sheet);
        reading_.sheet = sheet->sheet_name();
        rows_ = std::move(sheet);
    } else {
        find_encoding(file, map, reading_);
        reading_.delimiter_declared = map.delimiter_pos.line > 0;
        reading_.delimiter =
            reading_.delimiter_declared ? map.delimiter : find_delimiter(map, first_record(file, reading_.encoding));
        rows_ = std::make_unique<CsvRows>(file, reading_.encoding, reading_.delimiter);
    }
    header_ = rows_->next();
    if (!header_ || header_->overflow || header_->unterminated_quote) return;
    reading_.header_rows_declared = map.header_rows > 0;
    if (reading_.header_rows_declared) {
        reading_.header_rows = map.header_rows;
        for (int i = 1; i < map.header_rows; ++i) {
            std::optional<CsvRow> row = rows_->next();
            if (!row) break;
            if (i == 1 && is_survey_monkey_row(*row)) {
                reading_.header_tool = "SurveyMonkey";
                join_survey_monkey_header(*header_, *row);
            }
            later_header_rows_.push_back(std::move(*row));
            ++skipped_;
        }
        return;
    }
    // Without `header_rows:`, SurveyMonkey's second row and Qualtrics' second and third are
    // recognised by what they hold; rows that turn out to be data are given back by next().
    std::optional<CsvRow> second = rows_->next();
    if (!second) return;
    if (is_survey_monkey_row(*second)) {
        reading_.header_tool = "SurveyMonkey";
        reading_.header_rows = 2;
        join_survey_monkey_header(*header_, *second);
        later_header_rows_.push_back(std::move(*second));
        skipped_ = 1;
        return;
    }
    std::optional<CsvRow> third = rows_->next();
    if (third && is_qualtrics_import_row(*third)) {
        reading_.header_tool = "Qualtrics";
        reading_.header_rows = 3;
        later_header_rows_.push_back(std::move(*second));
        later_header_rows_.push_back(std::move(*third));
        skipped_ = 2;
        return;
    }
    pending_.push_back(std::move(*second));
    if (third) pending_.push_back(std::move(*third));
}

SurveyExport::~SurveyExport() = default;

SurveyMap SurveyExport::as_found(const SurveyMap& map) const {
    SurveyMap found = map;
    found.encoding = reading_.encoding;
    found.delimiter = reading_.delimiter;
    found.delimiter_pos = SourcePos{map.source, 1, 1};  // as if declared: not looked for again
    found.header_rows = reading_.header_rows;
    return found;
}

std::optional<CsvRow> SurveyExport::next() {
    std::optional<CsvRow> row;
    if (!pending_.empty()) {
        row = std::move(pending_.front());
        pending_.erase(pending_.begin());
    } else {
        row = rows_->next();
    }
    if (row) row->number -= skipped_;
    return row;
}

bool plain_reading(const SurveyReading& reading) {
    return reading.sheet.empty() && reading.encoding == TextEncoding::utf8 && reading.delimiter == ',' &&
           reading.header_rows == 1 && reading.decimal == DecimalMark::point;
}

LocalText describe_reading(const SurveyReading& reading) {
    LocalText text;
    auto add = [&](const std::string& en, const std::string& es) {
        text.en += (text.en.empty() ? "" : ", ") + en;
        text.es += (text.es.empty() ? "" : ", ") + es;
    };
    auto how = [](bool declared) {
        return declared ? std::pair{"the map's", "del mapa"} : std::pair{"detected", "detectado"};
    };
    if (!reading.sheet.empty()) {
        add(fmt::format("sheet \"{}\"", reading.sheet), fmt::format("hoja \"{}\"", reading.sheet));
    } else {
        auto [en, es] = how(reading.encoding_declared);
        std::string name(encoding_name(reading.encoding));
        if (reading.byte_order_mark && !reading.encoding_declared)
            add(fmt::format("{} (byte-order mark)", name), fmt::format("{} (marca de orden de bytes)", name));
        else
            add(fmt::format("{} ({})", name, en), fmt::format("{} ({})", name, es));
        if (reading.undefined_windows_1252)
            add("with bytes that are neither UTF-8 nor Windows-1252: their cells fail",
                "con bytes que no son UTF-8 ni Windows-1252: sus celdas fallan");
        auto [den, des] = how(reading.delimiter_declared);
        std::string shown = delimiter_name(reading.delimiter);
        add(fmt::format("delimiter {} ({})", shown, den),
            fmt::format("delimitador {} ({})", shown == "tab" ? "tabulador" : shown, des));
    }
    if (!reading.header_tool.empty())
        add(fmt::format("{} header rows ({})", reading.header_rows, reading.header_tool),
            fmt::format("{} filas de encabezado ({})", reading.header_rows, reading.header_tool));
    else
        add(fmt::format("{} header row{}{}", reading.header_rows, reading.header_rows == 1 ? "" : "s",
                        reading.header_rows_declared ? " (the map's)" : ""),
            fmt::format("{} fila{} de encabezado{}", reading.header_rows, reading.header_rows == 1 ? "" : "s",
                        reading.header_rows_declared ? " (del mapa)" : ""));
    const bool comma = reading.decimal == DecimalMark::comma;
    const char* en_mark = comma ? "decimal comma" : "decimal point";
    const char* es_mark = comma ? "coma decimal" : "punto decimal";
    if (reading.decimal_from) switch (*reading.decimal_from) {
            case DecimalFrom::map:
                add(fmt::format("{} (the map's)", en_mark), fmt::format("{} (del mapa)", es_mark));
                break;
            case DecimalFrom::cells:
                add(fmt::format("{} (detected in the numbers)", en_mark),
                    fmt::format("{} (detectado en los números)", es_mark));
                break;
            case DecimalFrom::delimiter:
                add(fmt::format("{} (from the delimiter \";\")", en_mark),
                    fmt::format("{} (por el delimitador \";\")", es_mark));
                break;
            case DecimalFrom::assumed:
                add(fmt::format("{} (assumed)", en_mark), fmt::format("{} (supuesto)", es_mark));
                break;
        }
    return {"read as " + text.en, "leído como " + text.es};
}

}  // namespace tne
