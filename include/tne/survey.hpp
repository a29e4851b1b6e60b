// A CSV survey export read through a map (`tne batch --csv-map MAP.yaml`): the map names the column
// of each profile question and translates answer labels ("Sí", "En parte", "26-50 %") into profile
// values. Each data row becomes a profile, validated exactly like a YAML profile.
#pragma once

#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tne/error.hpp"
#include "tne/profile.hpp"
#include "tne/rubric.hpp"

namespace tne {

struct CsvCell {
    std::string text;  // unquoted, with "" turned into "
    int line = 0;      // where the cell starts, 1-based
    int column = 0;    // 1-based, counted in characters (UTF-8 code points)
};

// Why a row stopped being stored while it was read.
enum class CsvLimit { bytes, cells };

// Where a row passed a limit: the cell being read then (0-based) and where that cell starts.
struct CsvOverflow {
    CsvLimit limit = CsvLimit::bytes;
    size_t allowed = 0;  // the limit's value: bytes of a row, or cells of a row
    size_t cell = 0;
    int line = 0;
    int column = 0;
};

struct CsvRow {
    int number = 0;  // 0 for the header, then 1, 2, ... for the data rows
    int line = 0;    // the line the row starts on
    std::vector<CsvCell> cells;
    bool unterminated_quote = false;  // a quoted field ran to the end of the input: cells.back()
    // The row passed a limit: its cells were dropped there and the rest of it was read without
    // being kept (only to find where the next row starts). `cells` then holds at most the cell with
    // an unterminated quote, without its text.
    std::optional<CsvOverflow> overflow;
    // Every cell was found to be text (UTF-8 without control characters) by whoever read the row, as
    // `tne batch` does before a row is scored: survey_row_profile need not check the cells again.
    bool checked_text = false;
};

// The most a row may hold while it is read. Both bound memory: a row's bytes bound its text, and
// its cells bound the bookkeeping (about 40 bytes a cell, so a row of commas would otherwise take
// 40 times its size).
struct CsvLimits {
    size_t row_bytes = 0;  // bytes of one row as written in the file, quotes and delimiters included
    size_t cells = 0;
};

// 16,384 cells: the most columns Excel and LibreOffice Calc hold (column XFD), so no export a
// spreadsheet can open is refused; a map names at most one column per question (63 in the built-in
// set). The bookkeeping of that many empty cells is 640 KB.
constexpr size_t kMaxCsvCells = 16384;

// input::max_bytes() (TNE_MAX_INPUT_BYTES) for a row, kMaxCsvCells cells.
CsvLimits default_csv_limits();

// Reads RFC 4180 CSV as survey tools export it: an optional UTF-8 byte-order mark, LF, CRLF or CR
// line ends (Excel for Mac writes CR alone), quoted fields holding delimiters, quotes ("") and line
// breaks (kept as LF whatever the file uses). Streams: one row at a time, never more of a row than
// its limits.
class CsvReader {
public:
    CsvReader(std::istream& in, char delimiter = ',');
    CsvReader(std::istream& in, char delimiter, CsvLimits limits);
    // The next row, or nothing at the end. Never throws on malformed content: the row says what
    // was wrong and the survey reports it for that row alone.
    std::optional<CsvRow> next();

private:
    int peek();
    int get();  // a CR, or CRLF, comes back as one LF; also keeps line_, column_ and consumed_
    int raw_peek();
    int raw_get();
    bool fill();  // reads more of the input into buffer_; false at its end
    // Consumes the bytes before the next line end, or the next delimiter (unquoted) or quote (quoted),
    // or the input's end; returns them, while they are in the buffer, and keeps column_ and consumed_.
    std::string_view take_run(bool quoted);
    void skip_byte_order_mark();

    std::streambuf& in_;
    int delimiter_;  // as a byte value, like what get() returns
    CsvLimits limits_;
    int line_ = 1;
    int column_ = 1;
    int rows_ = 0;
    unsigned long long consumed_ = 0;  // bytes read from the input
    bool started_ = false;
    bool done_ = false;  // after an unterminated quote nothing more can be read
    // Read ahead in blocks: a cell's text is found and copied a run at a time, not byte by byte.
    std::string buffer_;
    size_t at_ = 0;               // the next byte of buffer_
    size_t end_ = 0;              // the end of what buffer_ holds
    size_t cells_ = 0;            // of the last row: the next one most likely has as many
    bool ends_run_[2][256] = {};  // by byte value: whether it ends a run unquoted [0] and quoted [1]
};

// A group of labels by their folded form (case and surrounding spaces ignored), so that a cell is
// looked up in time logarithmic in the number of labels. Built by load_survey_map.
struct LabelIndex {
    std::map<std::string, std::string> written;  // folded -> the label as written in `labels` or `list_labels`
    std::set<std::string> unknown;               // folded labels meaning "unknown"
};

// One column of a list question exported one column per option (`options:` in the map), as
// SurveyMonkey, LimeSurvey, Qualtrics and KoboToolbox write a multiple-choice question.
struct SurveyOption {
    enum class Kind { value, none, unknown };
    std::string column;  // the CSV header text, trimmed
    Kind kind = Kind::value;
    std::string value;  // the value's English id (Kind::value); chosen, "none" ([]) adds nothing and
                        // unknown (~) is as if the cell were empty
    SourcePos pos;      // where the map names the column
};

// One profile question's column and its own answer labels. Labels are matched ignoring surrounding
// spaces and letter case (Spanish accented capitals included); the column's own labels win over
// the map's.
struct SurveyField {
    std::string path;                           // "funding.dedicated_budget"
    std::string column;                         // the CSV header text, trimmed; empty for a field of option columns
    std::vector<SurveyOption> options;          // a list question read one column per option, in the map's order
    std::vector<std::string> selected;          // with options: more words a cell may hold to mean "chosen"
    std::map<std::string, std::string> labels;  // answer label -> profile value, for this column only
    std::map<std::string, std::vector<std::string>> list_labels;  // label -> several values (list questions)
    std::vector<std::string> unknown;  // labels that mean "unknown" in this column (`label: ~`)
    SourcePos pos;                     // where the map names it
    LabelIndex index;                  // of labels, list_labels and unknown
};

// How an export's bytes are text. UTF-16 comes with a byte-order mark (Excel's "Unicode text");
// Windows-1252 is what Excel's plain "CSV" writes on a Spanish-locale Windows.
enum class TextEncoding { utf8, utf16le, utf16be, windows1252 };

// The mark between a number's whole part and its fraction: "2.5" or "2,5". The other one, when a
// number holds it, groups thousands ("1,000.5" or "1.000,5").
enum class DecimalMark { point, comma };

struct SurveyMap {
    std::string source;
    char delimiter = ',';
    SourcePos delimiter_pos;                    // where the map sets the delimiter; line 0 when it does not
    std::optional<TextEncoding> encoding;       // `encoding:`; else found from the file's bytes
    int header_rows = 0;                        // `header_rows:`; 0 when the map does not set it
    std::optional<DecimalMark> decimal;         // `decimal:`; else found from the number cells
    std::string sheet;                          // `sheet:`, the sheet of an .xlsx export; empty: the first
    std::string list_separator = ";";           // between the items of a list answer in one cell
    std::map<std::string, std::string> labels;  // answer label -> profile value, for every column
    std::map<std::string, std::vector<std::string>> list_labels;  // label -> several values, for list columns
    std::vector<std::string> unknown;  // labels that mean "unknown" ("No sé"); an empty cell is always unknown
    std::vector<SurveyField> fields;   // in the map's order
    LabelIndex index;                  // of labels, list_labels and unknown
    // Several respondents per institution (respondents.hpp): rows whose `institution_column` holds
    // the same text (case, accents and surrounding spaces ignored) are one institution; its
    // respondents' `role_column`, when named, says who said what. Empty: one row, one institution.
    std::string institution_column;
    std::string role_column;
    SourcePos institution_pos, role_pos;  // where the map names them
};

// Reads and checks a map against the rubric set: every field names a question, every label of a
// choice question translates to an allowed value. Throws InputError listing every problem.
SurveyMap load_survey_map(const std::string& path, const RubricSet& rubric);
// The same for a map's text, `source` naming it in messages.
SurveyMap parse_survey_map(const std::string& text, const std::string& source, const RubricSet& rubric);

// What a cell of one field says, by its text trimmed and folded as labels are matched: a label that
// means unknown, or the profile values a label translates to (the column's labels win over the
// map's, as in SurveyField).
struct CellLabel {
    bool unknown = false;
    std::vector<std::string> values;
};
// Hashes every key: the standard hash of a string would have the table compare a few keys one by
// one instead, which is slower for labels. Transparent, so a cell's text is looked up as it is (a
// string_view into the row), without a copy.
struct LabelHash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
};
using CellLabels = std::unordered_map<std::string, CellLabel, LabelHash, std::equal_to<>>;

// Where the decimal mark of a file's numbers comes from.
enum class DecimalFrom {
    map,        // `decimal:` in the map
    cells,      // its number cells: one holding "2,5" or "1.234,5" says comma, "2.5" or "1,234.5" point
    delimiter,  // none of them tells, and the delimiter is ";": Excel writes ";" where the mark is a comma
    assumed,    // nothing tells: a point is assumed, and a cell such as "1,000" or "1.000" is ambiguous
};

// What was found reading one export, for the run's summary.
struct SurveyReading {
    TextEncoding encoding = TextEncoding::utf8;
    bool encoding_declared = false;
    bool byte_order_mark = false;
    bool undefined_windows_1252 = false;  // detected Windows-1252, but some bytes are none of its characters
    char delimiter = ',';
    bool delimiter_declared = false;
    int header_rows = 1;
    bool header_rows_declared = false;
    std::string header_tool;  // "Qualtrics" or "SurveyMonkey" when their header rows were recognised
    DecimalMark decimal = DecimalMark::point;
    std::optional<DecimalFrom> decimal_from;  // none until the map is bound to the header
    std::string sheet;                        // of an .xlsx export
};

// One line saying what was found ("read as Windows-1252 (detected), delimiter \";\" (detected), ...").
LocalText describe_reading(const SurveyReading& reading);

// Whether an export reads as a plain CSV file does: UTF-8, ",", one header row, no decimal comma.
// The run states how an export was read only when it was not (a plain file's output stays as it was).
bool plain_reading(const SurveyReading& reading);

// A map bound to one CSV file's header: the column index of every field.
struct BoundSurvey {
    const SurveyMap* map = nullptr;
    const RubricSet* rubric = nullptr;
    std::string file;
    std::string sheet;  // an .xlsx export's sheet: places are then written "file:sheet!C7"
    DecimalMark decimal = DecimalMark::point;
    bool decimal_assumed = true;  // nothing told the mark: a number it would change is ambiguous
    std::vector<std::string> header;
    std::vector<int> column_of_field;  // parallel to map->fields
    // Also parallel to map->fields, found once rather than by path on every row; a survey built
    // without bind_survey leaves them empty and each row looks them up.
    std::vector<const Question*> question_of_field;
    std::vector<size_t> fields_in_rubric_order;  // the fields by their questions' order in the rubric
    std::vector<CellLabels> labels_of_field;     // every label a cell of the field may give, one lookup each
    // Parallel to map->fields: for a field of option columns, each option's column index, in the
    // map's order (column_of_field then holds the first); empty for a field of one column.
    std::vector<std::vector<int>> option_columns;
    int institution_column = -1;  // the index of map->institution_column; -1 without one
    int role_column = -1;         // the index of map->role_column; -1 without one
};

// Throws InputError at the header's line when a column the map names is missing (naming it, and
// the closest header text as a suggestion), or, when the header reads better split at another
// common delimiter, with that one problem. Also when the header passed a limit or has an open quote.
// `sheet`: the sheet of an .xlsx export, whose places are written "file:sheet!C7".
BoundSurvey bind_survey(const SurveyMap& map, const RubricSet& rubric, const CsvRow& header, const std::string& file,
                        const std::string& sheet = "");

// The place of a cell (or of a row, column 0) of the survey: "file:line:column" for a CSV file,
// "file:sheet!C7" for an .xlsx export.
SourcePos survey_pos(const BoundSurvey& survey, int line, int column);

// Turns a data row into a validated profile. Throws InputError listing every problem, each at the
// cell's file:line:column with the column's header, the value as written and what was expected.
// With `require_answers` false (one respondent of several), a required question may be unanswered:
// the institution's combined profile is checked for it instead.
Profile survey_row_profile(const BoundSurvey& survey, const CsvRow& row, bool require_answers = true);

// The institution a row belongs to when the map groups rows (institution_column): the cell's text
// folded as labels are (case, accents, surrounding spaces); empty when the cell is empty or missing.
std::string institution_key(const BoundSurvey& survey, const CsvRow& row);
// The row's role (role_column), trimmed; empty without one.
std::string respondent_role(const BoundSurvey& survey, const CsvRow& row);

// An export opened for reading, whatever its form: a CSV file (UTF-8, UTF-16 or Windows-1252,
// decoded to UTF-8 as it streams, with its delimiter found) or an .xlsx workbook's sheet. Its header
// rows are read when it opens: header() is the one the map's columns name (SurveyMonkey's two rows
// joined into one), and next() gives the data rows, numbered from 1, each at its real line (an
// .xlsx row's line is its row number, a cell's column its column number). Throws InputError when
// the file cannot be read at all.
class SurveyExport {
public:
    SurveyExport(const std::string& file, const SurveyMap& map);
    ~SurveyExport();
    SurveyExport(const SurveyExport&) = delete;
    SurveyExport& operator=(const SurveyExport&) = delete;

    // Nothing when the file holds no row at all.
    const std::optional<CsvRow>& header() const { return header_; }
    // The header rows after the first, as read (SurveyMonkey's second before it was joined into the
    // header; Qualtrics' question texts and ImportId row): `tne survey map` matches Qualtrics'
    // columns by their texts while the map names the first row's codes.
    const std::vector<CsvRow>& later_header_rows() const { return later_header_rows_; }
    std::optional<CsvRow> next();
    const SurveyReading& reading() const { return reading_; }
    const std::string& path() const { return path_; }  // the file read, to read it again
    // `map` with what was found in the file (encoding, delimiter, header rows) set, so that a
    // second SurveyExport of path() reads it the same way without looking for them again.
    SurveyMap as_found(const SurveyMap& map) const;
    void set_decimal(DecimalMark mark, DecimalFrom from) {
        reading_.decimal = mark;
        reading_.decimal_from = from;
    }

    // Where the rows come from: a CSV reader or a sheet.
    class Rows {
    public:
        virtual ~Rows() = default;
        virtual std::optional<CsvRow> next() = 0;
    };

private:
    std::string path_;
    std::unique_ptr<Rows> rows_;
    SurveyReading reading_;
    std::optional<CsvRow> header_;
    std::vector<CsvRow> pending_;  // rows read to recognise header rows that were data after all
    std::vector<CsvRow> later_header_rows_;
    int skipped_ = 0;  // header rows after the first
};

// Whether a path names an .xlsx workbook, by its extension.
bool is_xlsx_file(const std::string& path);

// The decimal mark of a bound survey's file, found from the number cells of its first 1,000 data
// rows (a second pass over them, on its own reader), unless the map sets it; `bound` gets it too.
void find_decimal_mark(BoundSurvey& bound, SurveyExport& source);

}  // namespace tne
