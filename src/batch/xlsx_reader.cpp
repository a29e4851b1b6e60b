// An .xlsx sheet as rows of text: shared and inline strings, numbers as written (an integer stays
// "1000", a float is shown with 15 significant digits as Excel shows it), dates and times in ISO
// form, booleans as TRUE/FALSE. Cells are placed by their references, so a row may skip cells.
#include "batch/xlsx_reader.hpp"

#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <functional>

#include "base/messages.hpp"
#include "tne/input.hpp"

namespace tne {

namespace {

constexpr Message kNotWorkbook{
    "not an .xlsx workbook that can be read ({0}); save it again as an Excel workbook (.xlsx)",
    "no es un libro .xlsx que se pueda leer ({0}); guárdelo otra vez como libro de Excel (.xlsx)"};
constexpr Message kMissingPart{"the workbook has no {0}; save it again as an Excel workbook (.xlsx)",
                               "el libro no tiene {0}; guárdelo otra vez como libro de Excel (.xlsx)"};
constexpr Message kPartTooLarge{
    "the workbook's {0} holds more than {1} bytes once inflated, the limit {2} sets; set {2} higher (such as {2}=64M)",
    "el {0} del libro ocupa más de {1} bytes al descomprimirlo, el límite que fija {2}; aumente {2} (por ejemplo, "
    "{2}=64M)"};
constexpr Message kBadXml{"the workbook's {0} is not valid XML at its line {1}: {2}",
                          "el {0} del libro no es XML válido en su línea {1}: {2}"};
constexpr Message kNoSuchSheet{"the workbook has no sheet \"{0}\"; its sheets: {1}",
                               "el libro no tiene la hoja \"{0}\"; sus hojas: {1}"};
constexpr Message kNoSheet{"the workbook has no sheet", "el libro no tiene hojas"};
constexpr Message kBadReference{"the cell reference \"{0}\" is not a cell of a sheet (A1 to XFD1048576)",
                                "la referencia de celda \"{0}\" no es una celda de una hoja (de A1 a XFD1048576)"};

// The local part of a name expat gives as "namespace|local".
std::string_view local(const XML_Char* name) {
    std::string_view text(name);
    size_t bar = text.rfind('|');
    return bar == std::string_view::npos ? text : text.substr(bar + 1);
}

const char* attribute(const XML_Char** attributes, std::string_view name) {
    for (size_t i = 0; attributes[i]; i += 2)
        if (local(attributes[i]) == name) return attributes[i + 1];
    return nullptr;
}

// One XML part of the archive, parsed as it is inflated; `handlers` set on the parser first.
class ZipPart {
public:
    ZipPart(zip_t* archive, const std::string& name, const std::string& file) : file_(file), name_(name) {
        part_ = zip_fopen(archive, name.c_str(), 0);
        parser_ = XML_ParserCreateNS(nullptr, '|');
    }
    ~ZipPart() {
        if (part_) zip_fclose(part_);
        XML_ParserFree(parser_);
    }
    ZipPart(const ZipPart&) = delete;
    ZipPart& operator=(const ZipPart&) = delete;
    bool exists() const { return part_ != nullptr; }
    XML_Parser parser() { return parser_; }
    // Parses the next block; false at the end of the part. Throws InputError on bad XML or when
    // more than `limit` bytes come out of it (0: no limit).
    bool step(size_t limit) {
        if (done_) return false;
        char block[64 * 1024];
        zip_int64_t got = zip_fread(part_, block, sizeof block);
        if (got < 0) throw InputError(SourcePos{file_}, format_message(kNotWorkbook, zip_file_strerror(part_)));
        inflated_ += static_cast<size_t>(got);
        if (limit > 0 && inflated_ > limit)
            throw InputError(SourcePos{file_},
                             format_message(kPartTooLarge, name_, std::to_string(limit), input::kMaxBytesVariable));
        done_ = got == 0;
        if (XML_Parse(parser_, block, static_cast<int>(got), done_ ? 1 : 0) != XML_STATUS_OK)
            throw InputError(SourcePos{file_},
                             format_message(kBadXml, name_, std::to_string(XML_GetCurrentLineNumber(parser_)),
                                            XML_ErrorString(XML_GetErrorCode(parser_))));
        return !done_;
    }
    void parse_whole(size_t limit) {
        while (step(limit)) {
        }
    }

private:
    std::string file_;
    std::string name_;
    zip_file_t* part_ = nullptr;
    XML_Parser parser_;
    size_t inflated_ = 0;
    bool done_ = false;
};

// Expat calls C functions; each of these forwards to a std::function held as user data.
struct Handlers {
    std::function<void(std::string_view, const XML_Char**)> start = [](std::string_view, const XML_Char**) {};
    std::function<void(std::string_view)> end = [](std::string_view) {};
    std::function<void(std::string_view)> text = [](std::string_view) {};
};

void set_handlers(XML_Parser parser, Handlers& handlers) {
    XML_SetUserData(parser, &handlers);
    XML_SetElementHandler(
        parser,
        [](void* data, const XML_Char* name, const XML_Char** attributes) {
            static_cast<Handlers*>(data)->start(local(name), attributes);
        },
        [](void* data, const XML_Char* name) { static_cast<Handlers*>(data)->end(local(name)); });
    XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* text, int length) {
        static_cast<Handlers*>(data)->text(std::string_view(text, static_cast<size_t>(length)));
    });
}

// A whole part, parsed with `handlers`; a missing part is an error when `required`.
bool read_part(zip_t* archive, const std::string& name, const std::string& file, Handlers& handlers, bool required) {
    ZipPart part(archive, name, file);
    if (!part.exists()) {
        if (required) throw InputError(SourcePos{file}, format_message(kMissingPart, name));
        return false;
    }
    set_handlers(part.parser(), handlers);
    part.parse_whole(input::max_bytes());
    return true;
}

// Whether a number format shows a date or a time: Excel's built-in ones, or a format code with a
// day, month, year, hour or second outside quotes and brackets.
bool is_date_format(int id, const std::string& code) {
    if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return true;
    bool quoted = false, bracket = false;
    for (char ch : code) {
        if (ch == '"') quoted = !quoted;
        if (quoted) continue;
        if (ch == '[') bracket = true;
        if (ch == ']') bracket = false;
        if (bracket) continue;
        if (std::string_view("dmyhsDMYHS").find(ch) != std::string_view::npos) return true;
    }
    return false;
}

// A serial day number (1900 date system) in ISO form: "2025-03-03", with " 16:13:29" when it has a time.
std::string iso_date(double serial) {
    long long seconds = std::llround(serial * 86400.0);
    long long days = seconds / 86400;
    long long rest = seconds % 86400;
    // Serial 25569 is 1970-01-01; Excel counts a 29 February 1900 that never was, before serial 61.
    long long z = days - 25569 + 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = yoe + era * 400;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    long long d = doy - (153 * mp + 2) / 5 + 1;
    long long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    std::string date = fmt::format("{:04}-{:02}-{:02}", y, m, d);
    if (rest == 0 && serial == std::floor(serial)) return date;
    return fmt::format("{} {:02}:{:02}:{:02}", date, rest / 3600, rest / 60 % 60, rest % 60);
}

// A number as the cell holds it: an integer or a short decimal as written; a float such as
// 0.35000000000000003 as Excel shows it, with 15 significant digits.
std::string number_shown(const std::string& written) {
    if (written.find_first_not_of("0123456789-.") == std::string::npos && written.size() <= 15) return written;
    char* end = nullptr;
    double value = std::strtod(written.c_str(), &end);
    if (end != written.c_str() + written.size() || !std::isfinite(value)) return written;
    return fmt::format("{}", std::stod(fmt::format("{:.15g}", value)));
}

// "C7" -> row 7, column 3; false when it is not a cell of a sheet.
bool parse_reference(std::string_view text, int& row, int& column) {
    size_t i = 0;
    column = 0;
    for (; i < text.size() && text[i] >= 'A' && text[i] <= 'Z'; ++i) {
        column = column * 26 + (text[i] - 'A' + 1);
        if (column > static_cast<int>(kMaxCsvCells)) return false;
    }
    if (i == 0 || i == text.size()) return false;
    row = 0;
    for (; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        row = row * 10 + (text[i] - '0');
        if (row > 1048576) return false;
    }
    return row > 0;
}

// A workbook's text writes a character XML cannot hold (a control character) as "_x0007_", and an
// underscore that would read as such as "_x005F_": the text as it was typed.
void unescape_characters(std::string& text) {
    if (text.find("_x") == std::string::npos) return;
    std::string out;
    for (size_t i = 0; i < text.size();) {
        unsigned code = 0;
        bool escape = i + 7 <= text.size() && text.compare(i, 2, "_x") == 0 && text[i + 6] == '_' &&
                      std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i + 2),
                                  text.begin() + static_cast<std::ptrdiff_t>(i + 6),
                                  [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)) != 0; });
        if (!escape) {
            out += text[i++];
            continue;
        }
        code = static_cast<unsigned>(std::stoul(text.substr(i + 2, 4), nullptr, 16));
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
        i += 7;
    }
    text = std::move(out);
}

}  // namespace

struct XlsxRows::Parse {
    zip_t* archive = nullptr;
    std::unique_ptr<ZipPart> sheet;
    Handlers handlers;
    std::vector<std::string> shared;  // the shared strings, by index
    std::vector<bool> date_style;     // by style index: whether its number format shows a date
    std::deque<CsvRow> ready;         // rows parsed, not yet given
    size_t width = 0;                 // the header's cells: a row is padded to it
    int rows_given = 0;
    // The row and the cell being parsed.
    std::optional<CsvRow> row;
    size_t row_bytes = 0;
    int row_number = 0;
    int cell_column = 0;
    std::string cell_type;
    int cell_style = 0;
    std::string value;
    bool in_value = false;     // inside <v> or an inline string's <t>
    bool in_phonetic = false;  // <rPh>: a reading aid, not the text
    std::string file;

    ~Parse() {
        sheet.reset();
        if (archive) zip_discard(archive);
    }

    void start(std::string_view name, const XML_Char** attributes) {
        if (name == "row") {
            const char* r = attribute(attributes, "r");
            row_number = r ? std::atoi(r) : row_number + 1;
            if (row_number <= 0 || row_number > 1048576) row_number = 1048576;
            row.emplace();
            row->line = row_number;
            row_bytes = 0;
            cell_column = 0;
        } else if (name == "c" && row) {
            const char* r = attribute(attributes, "r");
            int at_row = row_number, at_column = cell_column + 1;
            if (r && !parse_reference(r, at_row, at_column))
                throw InputError(SourcePos{file}, format_message(kBadReference, r));
            cell_column = std::max(at_column, cell_column + 1);
            const char* t = attribute(attributes, "t");
            cell_type = t ? t : "n";
            const char* s = attribute(attributes, "s");
            cell_style = s ? std::atoi(s) : 0;
            value.clear();
        } else if (name == "v" || (name == "t" && cell_type == "inlineStr")) {
            in_value = true;
        } else if (name == "rPh") {
            in_phonetic = true;
        }
    }

    void text(std::string_view text) {
        if (!in_value || in_phonetic || !row || row->overflow) return;
        row_bytes += text.size();
        if (row_bytes > input::max_bytes()) {
            row->overflow = CsvOverflow{CsvLimit::bytes, input::max_bytes(), static_cast<size_t>(cell_column - 1),
                                        row_number, cell_column};
            std::vector<CsvCell>().swap(row->cells);
            std::string().swap(value);
            return;
        }
        value += text;
    }

    void end(std::string_view name) {
        if (name == "v" || name == "t") {
            in_value = false;
        } else if (name == "rPh") {
            in_phonetic = false;
        } else if (name == "c" && row && !row->overflow) {
            place_cell();
        } else if (name == "row" && row) {
            finish_row();
        }
    }

    void place_cell() {
        std::string shown;
        if (cell_type == "s") {
            auto index = static_cast<size_t>(std::strtoul(value.c_str(), nullptr, 10));
            shown = index < shared.size() ? shared[index] : "";
        } else if (cell_type == "b") {
            shown = value == "1" ? "TRUE" : value == "0" ? "FALSE" : value;
        } else if (cell_type == "n" && !value.empty()) {
            char* end = nullptr;
            double number = std::strtod(value.c_str(), &end);
            bool date = cell_style >= 0 && static_cast<size_t>(cell_style) < date_style.size() &&
                        date_style[static_cast<size_t>(cell_style)];
            shown = date && end == value.c_str() + value.size() && number >= 1 && number < 2958466
                        ? iso_date(number)
                        : number_shown(value);
        } else {
            shown = value;  // an inline string, a formula's string ("str"), an error ("#N/A")
            unescape_characters(shown);
        }
        if (shown.empty()) return;
        auto index = static_cast<size_t>(cell_column - 1);
        if (index >= kMaxCsvCells) return;
        while (row->cells.size() < index)
            row->cells.push_back(CsvCell{{}, row_number, static_cast<int>(row->cells.size()) + 1});
        row->cells.push_back(CsvCell{std::move(shown), row_number, cell_column});
    }

    void finish_row() {
        CsvRow done = std::move(*row);
        row.reset();
        if (done.cells.empty() && !done.overflow) return;  // a blank row is no row, as a blank line
        if (rows_given == 0) {
            width = done.cells.size();
        } else if (!done.overflow) {
            while (done.cells.size() > width && done.cells.back().text.empty()) done.cells.pop_back();
            while (done.cells.size() < width)
                done.cells.push_back(CsvCell{{}, done.line, static_cast<int>(done.cells.size()) + 1});
        }
        done.number = rows_given++;
        ready.push_back(std::move(done));
    }
};

XlsxRows::XlsxRows(const std::string& file, const std::string& sheet) : file_(file), parse_(std::make_unique<Parse>()) {
    Parse& p = *parse_;
    p.file = file;
    int error = 0;
    p.archive = zip_open(file.c_str(), ZIP_RDONLY, &error);
    if (!p.archive) {
        zip_error_t reason;
        zip_error_init_with_code(&reason, error);
        std::string why = zip_error_strerror(&reason);
        zip_error_fini(&reason);
        throw InputError(SourcePos{file}, format_message(kNotWorkbook, why));
    }

    // The sheets by name, in the workbook's order, and the part each one is.
    std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
    Handlers workbook;
    workbook.start = [&](std::string_view name, const XML_Char** attributes) {
        if (name != "sheet") return;
        const char* sheet_name = attribute(attributes, "name");
        const char* id = attribute(attributes, "id");
        if (sheet_name && id) sheets.emplace_back(sheet_name, id);
    };
    read_part(p.archive, "xl/workbook.xml", file, workbook, true);
    std::map<std::string, std::string> targets;
    Handlers relationships;
    relationships.start = [&](std::string_view name, const XML_Char** attributes) {
        if (name != "Relationship") return;
        const char* id = attribute(attributes, "Id");
        const char* target = attribute(attributes, "Target");
        if (id && target) targets[id] = target;
    };
    read_part(p.archive, "xl/_rels/workbook.xml.rels", file, relationships, true);
    if (sheets.empty()) throw InputError(SourcePos{file}, format_message(kNoSheet));
    auto chosen = sheets.begin();
    if (!sheet.empty()) {
        chosen = std::find_if(sheets.begin(), sheets.end(), [&](const auto& entry) { return entry.first == sheet; });
        if (chosen == sheets.end()) {
            std::string names;
            for (const auto& entry : sheets) names += (names.empty() ? "\"" : ", \"") + entry.first + "\"";
            throw InputError(SourcePos{file}, format_message(kNoSuchSheet, sheet, names));
        }
    }
    sheet_ = chosen->first;
    std::string target = targets.count(chosen->second) ? targets[chosen->second] : "";
    std::string part = target.rfind('/', 0) == 0 ? target.substr(1) : "xl/" + target;

    // Shared strings: each <si>, its runs' texts joined.
    Handlers strings;
    bool in_text = false, phonetic = false;
    strings.start = [&](std::string_view name, const XML_Char**) {
        if (name == "si") p.shared.emplace_back();
        if (name == "t") in_text = true;
        if (name == "rPh") phonetic = true;
    };
    strings.end = [&](std::string_view name) {
        if (name == "si") unescape_characters(p.shared.back());
        if (name == "t") in_text = false;
        if (name == "rPh") phonetic = false;
    };
    strings.text = [&](std::string_view text) {
        if (!in_text || phonetic || p.shared.empty()) return;
        p.shared.back() += text;
    };
    read_part(p.archive, "xl/sharedStrings.xml", file, strings, false);

    // Styles: which cell formats show dates.
    std::map<int, std::string> formats;
    bool in_cell_formats = false;
    Handlers styles;
    styles.start = [&](std::string_view name, const XML_Char** attributes) {
        if (name == "numFmt") {
            const char* id = attribute(attributes, "numFmtId");
            const char* code = attribute(attributes, "formatCode");
            if (id && code) formats[std::atoi(id)] = code;
        } else if (name == "cellXfs") {
            in_cell_formats = true;
        } else if (name == "xf" && in_cell_formats) {
            const char* id = attribute(attributes, "numFmtId");
            int number = id ? std::atoi(id) : 0;
            p.date_style.push_back(is_date_format(number, formats.count(number) ? formats[number] : ""));
        }
    };
    styles.end = [&](std::string_view name) {
        if (name == "cellXfs") in_cell_formats = false;
    };
    read_part(p.archive, "xl/styles.xml", file, styles, false);

    p.sheet = std::make_unique<ZipPart>(p.archive, part, file);
    if (!p.sheet->exists()) throw InputError(SourcePos{file}, format_message(kMissingPart, part));
    p.handlers.start = [&p](std::string_view name, const XML_Char** attributes) { p.start(name, attributes); };
    p.handlers.end = [&p](std::string_view name) { p.end(name); };
    p.handlers.text = [&p](std::string_view text) { p.text(text); };
    set_handlers(p.sheet->parser(), p.handlers);
}

XlsxRows::~XlsxRows() = default;

std::optional<CsvRow> XlsxRows::next() {
    Parse& p = *parse_;
    // The sheet streams: no limit on its whole size, only on each row (Parse::text).
    while (p.ready.empty() && p.sheet->step(0)) {
    }
    if (p.ready.empty()) return std::nullopt;
    CsvRow row = std::move(p.ready.front());
    p.ready.pop_front();
    return row;
}

}  // namespace tne
