// A CSV survey export read through a map (`tne batch --csv-map MAP.yaml`): the map names the column
// of each profile question and translates answer labels ("Sí", "En parte", "26-50 %") into profile
// values. Each data row becomes a profile, validated exactly like a YAML profile.
#pragma once

#include <istream>
#include <map>
#include <optional>
#include <string>
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

struct CsvRow {
    int number = 0;  // 0 for the header, then 1, 2, ... for the data rows
    int line = 0;    // the line the row starts on
    std::vector<CsvCell> cells;
    bool unterminated_quote = false;  // a quoted field ran to the end of the input
};

// Reads RFC 4180 CSV as survey tools export it: an optional UTF-8 byte-order mark, LF or CRLF line
// ends, quoted fields holding delimiters, quotes ("") and line breaks. Streams: one row at a time.
class CsvReader {
public:
    CsvReader(std::istream& in, char delimiter = ',');
    // The next row, or nothing at the end. Never throws on malformed content: the row says what
    // was wrong and the survey reports it for that row alone.
    std::optional<CsvRow> next();

private:
    int peek();
    int get();  // also keeps line_ and column_
    void skip_byte_order_mark();

    std::istream& in_;
    char delimiter_;
    int line_ = 1;
    int column_ = 1;
    int rows_ = 0;
    bool started_ = false;
    bool done_ = false;    // after an unterminated quote nothing more can be read
    std::string pending_;  // bytes read ahead while looking for a byte-order mark
};

// One profile question's column and its own answer labels. Labels are matched ignoring surrounding
// spaces and letter case (Spanish accented capitals included); the column's own labels win over
// the map's.
struct SurveyField {
    std::string path;                                             // "funding.dedicated_budget"
    std::string column;                                           // the CSV header text, trimmed
    std::map<std::string, std::string> labels;                    // answer label -> profile value, for this column only
    std::map<std::string, std::vector<std::string>> list_labels;  // label -> several values (list questions)
    std::vector<std::string> unknown;  // labels that mean "unknown" in this column (`label: ~`)
    SourcePos pos;                     // where the map names it
};

struct SurveyMap {
    std::string source;
    char delimiter = ',';
    std::string list_separator = ";";                             // between the items of a list answer in one cell
    std::map<std::string, std::string> labels;                    // answer label -> profile value, for every column
    std::map<std::string, std::vector<std::string>> list_labels;  // label -> several values, for list columns
    std::vector<std::string> unknown;  // labels that mean "unknown" ("No sé"); an empty cell is always unknown
    std::vector<SurveyField> fields;   // in the map's order
};

// Reads and checks a map against the rubric set: every field names a question, every label of a
// choice question translates to an allowed value. Throws InputError listing every problem.
SurveyMap load_survey_map(const std::string& path, const RubricSet& rubric);

// A map bound to one CSV file's header: the column index of every field.
struct BoundSurvey {
    const SurveyMap* map = nullptr;
    const RubricSet* rubric = nullptr;
    std::string file;
    std::vector<std::string> header;
    std::vector<int> column_of_field;  // parallel to map->fields
};

// Throws InputError at the header's line when a column the map names is missing (naming it, and
// the closest header text as a suggestion).
BoundSurvey bind_survey(const SurveyMap& map, const RubricSet& rubric, const CsvRow& header, const std::string& file);

// Turns a data row into a validated profile. Throws InputError listing every problem, each at the
// cell's file:line:column with the column's header, the value as written and what was expected.
Profile survey_row_profile(const BoundSurvey& survey, const CsvRow& row);

}  // namespace tne
