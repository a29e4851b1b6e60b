// A CSV survey export read through a map. The map is checked against the rubric set once; each
// row's cells are translated through the map's labels and checked by the profile loader's own check
// of an answer (answer_check.hpp), so a CSV row and a YAML file obey exactly the same rules. Its
// findings are told in the survey's terms, at the cells they come from: the column's header and the
// answer as written.
#include "tne/survey.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

#include "base/messages.hpp"
#include "base/yaml_input.hpp"
#include "batch/xlsx_reader.hpp"
#include "profile/answer_check.hpp"
#include "tne/input.hpp"

namespace tne {

namespace {

using yaml_input::describe;

// ---- messages -------------------------------------------------------------------------------------

// The map
constexpr Message kMapNotMap{
    "a survey map is a map with \"fields\" (and optionally \"delimiter\", \"list_separator\", \"unknown\", "
    "\"labels\", \"encoding\", \"header_rows\", \"decimal\", \"sheet\", \"institution_column\", \"role_column\"), not "
    "{0}",
    "un mapa de encuesta es un mapa con \"fields\" (y opcionalmente \"delimiter\", \"list_separator\", "
    "\"unknown\", \"labels\", \"encoding\", \"header_rows\", \"decimal\", \"sheet\", \"institution_column\", "
    "\"role_column\"), no {0}"};
constexpr Message kBadEncoding{"{0} is not an encoding this reads; expected one of: utf-8, utf-16, windows-1252",
                               "{0} no es una codificación que se pueda leer; se esperaba una de: utf-8, utf-16, "
                               "windows-1252"};
constexpr Message kBadHeaderRows{"{0} is not a number of header rows; expected a whole number from 1 to 100",
                                 "{0} no es un número de filas de encabezado; se esperaba un número entero de 1 a 100"};
constexpr Message kBadDecimal{"{0} is not a decimal mark; expected comma or point",
                              "{0} no es un separador decimal; se esperaba comma (coma) o point (punto)"};
constexpr Message kBadDelimiter{"{0} is not a delimiter; expected one character such as \",\" or \";\"",
                                "{0} no es un delimitador; se esperaba un carácter como \",\" o \";\""};
constexpr Message kFieldNotColumn{
    "{0}: expected the column's header text, or a map with \"column\" and \"labels\", found {1}",
    "{0}: se esperaba el texto del encabezado de la columna, o un mapa con \"column\" y \"labels\"; se encontró {1}"};
constexpr Message kRequiredNotMapped{"the map must name the column of {0}, a required question",
                                     "el mapa debe indicar la columna de {0}, una pregunta obligatoria"};
constexpr Message kDuplicateLabel{
    "the label \"{0}\" is the same as \"{1}\" when case and surrounding spaces are ignored",
    "la etiqueta \"{0}\" es igual a \"{1}\" si se ignoran las mayúsculas y los espacios alrededor"};
constexpr Message kLabelNotValue{"{0}: the label \"{1}\" translates to \"{2}\", which is not one of: {3}",
                                 "{0}: la etiqueta \"{1}\" se traduce como \"{2}\", que no es uno de: {3}"};
constexpr Message kLabelNotValueDidYouMean{"{0}: the label \"{1}\" translates to \"{2}\"; did you mean \"{3}\"?",
                                           "{0}: la etiqueta \"{1}\" se traduce como \"{2}\"; ¿quiso decir \"{3}\"?"};
constexpr Message kLabelNotPercent{"{0}: the label \"{1}\" translates to \"{2}\"; expected a number in {3}",
                                   "{0}: la etiqueta \"{1}\" se traduce como \"{2}\"; se esperaba un número en {3}"};
constexpr Message kLabelNotCount{
    "{0}: the label \"{1}\" translates to \"{2}\"; expected a whole number in {3}",
    "{0}: la etiqueta \"{1}\" se traduce como \"{2}\"; se esperaba un número entero en {3}"};
constexpr Message kLabelListForSingle{
    "{0}: the label \"{1}\" translates to a list, but the question takes a single answer",
    "{0}: la etiqueta \"{1}\" se traduce como una lista, pero la pregunta admite una sola respuesta"};
constexpr Message kLabelUnused{"the label \"{0}\" translates to \"{1}\", which no question of the map accepts",
                               "la etiqueta \"{0}\" se traduce como \"{1}\", que ninguna pregunta del mapa acepta"};
constexpr Message kLabelUnusedDidYouMean{
    "the label \"{0}\" translates to \"{1}\", which no question of the map accepts; did you mean \"{2}\"?",
    "la etiqueta \"{0}\" se traduce como \"{1}\", que ninguna pregunta del mapa acepta; ¿quiso decir \"{2}\"?"};

// One column per option
constexpr Message kOptionsNotList{
    "{0}: options (one column per option) are for list questions; this question takes one answer, so name its "
    "column with \"column\"",
    "{0}: options (una columna por opción) es para preguntas de lista; esta pregunta admite una sola respuesta, así "
    "que indique su columna con \"column\""};
constexpr Message kOptionsWith{"{0}: \"options\" reads one column per option; \"{1}\" does not go with it",
                               "{0}: \"options\" lee una columna por opción; \"{1}\" no va con él"};
constexpr Message kOptionsNotMap{
    "{0}: options must map each option's column header to the option's value, found {1}",
    "{0}: options debe asociar el encabezado de la columna de cada opción con el valor de la opción; se encontró {1}"};
constexpr Message kOptionColumnTwice{"the column \"{0}\" is named twice in the options of {1}",
                                     "la columna \"{0}\" aparece dos veces en las opciones de {1}"};
constexpr Message kOptionNotValue{"the option column \"{0}\" stands for \"{1}\", which is not one of: {2}",
                                  "la columna de opción \"{0}\" corresponde a \"{1}\", que no es uno de: {2}"};
constexpr Message kOptionNotValueDidYouMean{
    "the option column \"{0}\" stands for \"{1}\"; did you mean \"{2}\"?",
    "la columna de opción \"{0}\" corresponde a \"{1}\"; ¿quiso decir \"{2}\"?"};
constexpr Message kSelectedWithoutOptions{"{0}: \"selected\" goes with \"options\" (one column per option)",
                                          "{0}: \"selected\" va con \"options\" (una columna por opción)"};

// What `tne survey map` leaves for a person to decide
constexpr Message kTodoField{
    "{0} was left by `tne survey map`: replace it with the path of the question the column answers (the comment "
    "above lists the candidates with their scores), or delete the entry",
    "{0} lo dejó `tne encuesta mapa`: reemplácelo por la ruta de la pregunta que responde la columna (el comentario "
    "de arriba lista los candidatos con sus puntajes), o borre la entrada"};
constexpr Message kTodoValue{
    "\"{0}\" is TODO, left by `tne survey map`: write the value it stands for (the comment above lists the "
    "candidates), or delete it",
    "\"{0}\" es TODO, lo dejó `tne encuesta mapa`: escriba el valor al que corresponde (el comentario de arriba "
    "lista los candidatos), o bórrelo"};

// The CSV header
constexpr Message kMissingColumn{"the map's column \"{0}\" (for {1}) is not in the header",
                                 "la columna \"{0}\" del mapa (para {1}) no está en el encabezado"};
constexpr Message kMissingColumnDidYouMean{
    "the map's column \"{0}\" (for {1}) is not in the header; did you mean \"{2}\"?",
    "la columna \"{0}\" del mapa (para {1}) no está en el encabezado; ¿quiso decir \"{2}\"?"};
constexpr Message kMissingInstitutionColumn{"the institution column \"{0}\" ({1}) is not in the header",
                                            "la columna de institución \"{0}\" ({1}) no está en el encabezado"};
constexpr Message kMissingRoleColumn{"the role column \"{0}\" ({1}) is not in the header",
                                     "la columna de cargo \"{0}\" ({1}) no está en el encabezado"};
constexpr Message kGroupColumnDidYouMean{"the column \"{0}\" ({1}) is not in the header; did you mean \"{2}\"?",
                                         "la columna \"{0}\" ({1}) no está en el encabezado; ¿quiso decir \"{2}\"?"};
constexpr Message kDuplicateHeader{
    "the column \"{0}\" appears twice in the header (columns {1} and {2}); the map cannot tell which to read",
    "la columna \"{0}\" aparece dos veces en el encabezado (columnas {1} y {2}); el mapa no puede saber cuál leer"};
constexpr Message kWrongDelimiterChange{
    "the header looks separated by {0}, not {1}: set `delimiter: {0}` in the map ({2})",
    "el encabezado parece separado por {0}, no por {1}: indique `delimiter: {0}` en el mapa ({2})"};
constexpr Message kWrongDelimiterAdd{
    "the header looks separated by {0}, not {1}: add `delimiter: {0}` to the map ({2})",
    "el encabezado parece separado por {0}, no por {1}: agregue `delimiter: {0}` al mapa ({2})"};
constexpr Message kHeaderTooLarge{
    "the header row is larger than {0} bytes, the limit {1} sets, so no row can be read; check that this is the "
    "survey's CSV export and that its quotes are closed, or set {1} higher (such as {1}=64M)",
    "la fila de encabezados ocupa más de {0} bytes, el límite que fija {1}, así que no se puede leer ninguna fila; "
    "revise que sea la exportación CSV de la encuesta y que sus comillas estén cerradas, o aumente {1} (por ejemplo, "
    "{1}=64M)"};
constexpr Message kHeaderTooManyCells{
    "the header row has more than {0} cells, more columns than a spreadsheet holds, so no row can be read; check "
    "that this is the survey's CSV export and that the map's delimiter is the file's",
    "la fila de encabezados tiene más de {0} celdas, más columnas de las que admite una hoja de cálculo, así que no "
    "se puede leer ninguna fila; revise que sea la exportación CSV de la encuesta y que el delimitador del mapa sea "
    "el del archivo"};
constexpr Message kUnterminatedQuote{
    "the quoted cell that starts at line {0}, column {1} has no closing quote (\"); the file ends inside it",
    "la celda entre comillas que empieza en la línea {0}, columna {1} no tiene comillas de cierre (\"); el "
    "archivo termina dentro de ella"};

// The rows
constexpr Message kRowCells{"row {0} has {1} cells; the header has {2}",
                            "la fila {0} tiene {1} celdas; el encabezado tiene {2}"};
constexpr Message kCellInvalid{"column \"{0}\": \"{1}\" is not valid; expected {2}",
                               "columna \"{0}\": \"{1}\" no es válido; se esperaba {3}"};
constexpr Message kCellRequired{"column \"{0}\": \"{1}\" gives no answer, but {2} is required",
                                "columna \"{0}\": \"{1}\" no da una respuesta, pero {2} es obligatoria"};
constexpr Message kCellDuplicate{
    "column \"{0}\": \"{1}\" gives \"{2}\" twice; each answer may appear once",
    "columna \"{0}\": \"{1}\" da \"{2}\" dos veces; cada respuesta solo puede aparecer una vez"};
constexpr Message kCellAmbiguous{
    "column \"{0}\": \"{1}\" is {2} with a decimal point and {3} with a decimal comma, and no number of the file "
    "says which it uses; set `decimal: point` or `decimal: comma` in the map",
    "columna \"{0}\": \"{1}\" es {2} con punto decimal y {3} con coma decimal, y ningún número del archivo dice "
    "cuál usa; indique `decimal: point` o `decimal: comma` en el mapa"};
constexpr Message kCellNotUtf8{"column \"{0}\": the cell is not UTF-8 text; export the survey as \"CSV UTF-8\"",
                               "columna \"{0}\": la celda no es texto UTF-8; exporte la encuesta como \"CSV UTF-8\""};
constexpr Message kRowProblem{"row {0}: {2}", "fila {0}: {3}"};
constexpr Message kRowTooLarge{
    "row {0} is larger than {1} bytes, the limit {2} sets: it reaches the limit in column \"{3}\", which starts "
    "here, and the rest of the row was skipped. A row of answers takes a few kilobytes: check that the quotes "
    "before it are closed, or set {2} higher (such as {2}=64M)",
    "la fila {0} ocupa más de {1} bytes, el límite que fija {2}: llega al límite en la columna \"{3}\", que "
    "empieza aquí, y el resto de la fila se omitió. Una fila de respuestas ocupa unos pocos kilobytes: revise que "
    "las comillas antes de este punto estén cerradas, o aumente {2} (por ejemplo, {2}=64M)"};
constexpr Message kRowTooLargeBeyondHeader{
    "row {0} is larger than {1} bytes, the limit {2} sets: it reaches the limit in a cell past the header's "
    "columns, which starts here, and the rest of the row was skipped. Check that the quotes before it are closed, "
    "or set {2} higher (such as {2}=64M)",
    "la fila {0} ocupa más de {1} bytes, el límite que fija {2}: llega al límite en una celda más allá de las "
    "columnas del encabezado, que empieza aquí, y el resto de la fila se omitió. Revise que las comillas antes de "
    "este punto estén cerradas, o aumente {2} (por ejemplo, {2}=64M)"};
constexpr Message kRowTooManyCells{
    "row {0} has more than {1} cells, more columns than a spreadsheet holds; cell {2} starts here and the rest of "
    "the row was skipped. Check the row's quotes and delimiters: the header has {3} cells",
    "la fila {0} tiene más de {1} celdas, más columnas de las que admite una hoja de cálculo; la celda {2} empieza "
    "aquí y el resto de la fila se omitió. Revise las comillas y los delimitadores de la fila: el encabezado tiene {3} "
    "celdas"};

constexpr Message kOptionCellInvalid{
    "column \"{0}\": \"{1}\" is not valid; expected the option chosen ({2}) or not (\"0\", \"N\", \"No\", "
    "\"false\" or an empty cell)",
    "columna \"{0}\": \"{1}\" no es válido; se esperaba la opción elegida ({2}) o no (\"0\", \"N\", \"No\", "
    "\"false\" o una celda vacía)"};

// What a cell may say (the {2}/{3} of kCellInvalid)
constexpr Message kExpectText{"a non-empty text", "un texto no vacío"};
constexpr Message kExpectOneOf{"one of: {0}", "uno de: {0}"};
constexpr Message kExpectOneOfDidYouMean{"one of: {0} (did you mean \"{1}\"?)", "uno de: {0} (¿quiso decir \"{1}\"?)"};
constexpr Message kExpectList{"answers separated by \"{0}\", each one of: {1}",
                              "respuestas separadas por \"{0}\", cada una de: {1}"};
constexpr Message kExpectListDidYouMean{"answers separated by \"{0}\", each one of: {1} (did you mean \"{2}\"?)",
                                        "respuestas separadas por \"{0}\", cada una de: {1} (¿quiso decir \"{2}\"?)"};
constexpr Message kExpectPercent{"a percentage from {0} to {1}, such as \"35\" or \"35 %\"",
                                 "un porcentaje de {0} a {1}, como \"35\" o \"35 %\""};
constexpr Message kExpectPercentOrLabel{"a percentage from {0} to {1}, such as \"35\" or \"35 %\", or one of: {2}",
                                        "un porcentaje de {0} a {1}, como \"35\" o \"35 %\", o uno de: {2}"};
constexpr Message kExpectCount{"a whole number from {0} to {1}, without thousands separators",
                               "un número entero de {0} a {1}, sin separadores de miles"};
constexpr Message kExpectCountOrLabel{"a whole number from {0} to {1}, without thousands separators, or one of: {2}",
                                      "un número entero de {0} a {1}, sin separadores de miles, o uno de: {2}"};

// ---- text -----------------------------------------------------------------------------------------

const std::string kBom = "\xEF\xBB\xBF";
const std::string kNoBreakSpace = "\xC2\xA0";  // spreadsheets paste it around labels

// Without the spaces, tabs, line ends and no-break spaces around it. One test per byte: a cell is
// trimmed for every row.
std::string_view trim_view(std::string_view text) {
    auto space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; };
    for (;;) {
        if (!text.empty() && space(text.front()))
            text.remove_prefix(1);
        else if (text.size() >= 2 && text[0] == '\xC2' && text[1] == '\xA0')
            text.remove_prefix(2);
        else
            break;
    }
    for (;;) {
        if (!text.empty() && space(text.back()))
            text.remove_suffix(1);
        else if (text.size() >= 2 && text[text.size() - 2] == '\xC2' && text.back() == '\xA0')
            text.remove_suffix(2);
        else
            break;
    }
    return text;
}

std::string trim(std::string_view text) { return std::string(trim_view(text)); }

// Lower case for comparing labels: ASCII, and the Latin-1 capitals in UTF-8 (Á É Í Ó Ú Ñ Ü and the
// rest of U+00C0-U+00DE but ×), which is all Spanish needs.
void fold_into(std::string_view text, std::string& folded) {
    folded.resize(text.size());
    char* out = folded.data();
    const size_t size = text.size();
    for (size_t i = 0; i < size; ++i) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 'A' && byte <= 'Z') {
            byte = static_cast<unsigned char>(byte + 32);
        } else if (byte == 0xC3 && i + 1 < size) {
            auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97) next = static_cast<unsigned char>(next + 0x20);
            out[i] = static_cast<char>(byte);
            out[++i] = static_cast<char>(next);
            continue;
        }
        out[i] = static_cast<char>(byte);
    }
}

std::string fold(std::string_view text) {
    std::string folded;
    fold_into(text, folded);
    return folded;
}

std::string label_key(std::string_view label) { return fold(trim(label)); }

// Without case or accents (typed_key), only to suggest the closest label: "Si" and "Publica" are
// typed often.
std::string loose(std::string_view text) { return typed_key(trim_view(text)); }

// The candidate closest to `word` when it looks like a typo, compared loosely; else "".
// yaml_input::closest takes a candidate at most max(2, length / 3) edits away, and a candidate whose
// length differs by more than that is further: those are left out before it compares (with a wider
// margin), so a megabyte-long header cell or answer costs one pass over it instead of a comparison
// of every byte with every character of each label.
std::string closest_label(const std::string& word, const std::vector<std::string>& candidates) {
    const std::string loose_word = loose(word);
    const size_t reach = loose_word.size() / 2 + 2;
    std::vector<std::string> loose_candidates;
    std::vector<size_t> index;  // of each loose candidate in `candidates`
    for (size_t i = 0; i < candidates.size(); ++i) {
        std::string candidate = loose(candidates[i]);
        size_t longer = std::max(candidate.size(), loose_word.size());
        size_t shorter = std::min(candidate.size(), loose_word.size());
        if (longer - shorter > reach) continue;
        loose_candidates.push_back(std::move(candidate));
        index.push_back(i);
    }
    std::string near = yaml_input::closest(loose_word, loose_candidates);
    if (near.empty()) return "";
    auto at = std::find(loose_candidates.begin(), loose_candidates.end(), near) - loose_candidates.begin();
    return candidates[index[static_cast<size_t>(at)]];
}

bool valid_utf8(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {  // most of a survey's text
            ++i;
            continue;
        }
        size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size()) return false;
        for (size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        i += length;
    }
    return true;
}

// The value of a number as number_text writes it, when a double holds it: 400 digits overflow to
// infinity and 0.(400 zeros)1 underflows, and std::stod would throw on both.
std::optional<double> finite_number(const std::string& text) {
    errno = 0;
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (errno == ERANGE || end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

// "35", "35 %", "35%", "2.5" as the plain number YAML would read; anything else, such as "1,200"
// (a thousands separator or a decimal comma, which would be ambiguous), or a number no double
// holds, is not a number.
std::optional<std::string> number_text(std::string_view written, bool percent) {
    std::string_view text = trim_view(written);
    if (percent && !text.empty() && text.back() == '%') text = trim_view(text.substr(0, text.size() - 1));
    size_t i = (!text.empty() && (text[0] == '+' || text[0] == '-')) ? 1 : 0;
    size_t digits = text.find_first_not_of("0123456789", i);
    if (digits == i || i == text.size()) return std::nullopt;  // no digit before anything else
    if (digits != std::string_view::npos) {
        if (text[digits] != '.' || digits + 1 == text.size()) return std::nullopt;
        if (text.find_first_not_of("0123456789", digits + 1) != std::string_view::npos) return std::nullopt;
    }
    std::string number(text);
    // Up to 15 characters of digits and a point neither overflow a double nor underflow it: only a
    // longer number needs strtod to tell.
    if (number.size() > 15 && !finite_number(number)) return std::nullopt;
    return number;
}

// A number written with `mark` between its whole part and its fraction, and perhaps the other mark
// between groups of three digits ("1.234,5" with a comma, "1,234.5" with a point), as the plain
// number YAML would read ("1234.5"); nothing when it is not written so.
std::optional<std::string> number_with_mark(std::string_view body, bool negative, DecimalMark mark) {
    const char decimal = mark == DecimalMark::comma ? ',' : '.';
    const char group = mark == DecimalMark::comma ? '.' : ',';
    size_t at = body.find(decimal);
    std::string_view whole = body.substr(0, at);
    std::string_view fraction = at == std::string_view::npos ? std::string_view() : body.substr(at + 1);
    if (whole.empty() || (at != std::string_view::npos && fraction.empty())) return std::nullopt;
    if (fraction.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    std::string number = negative ? "-" : "";
    size_t start = 0;
    for (size_t part = 0;; ++part) {
        size_t end = whole.find(group, start);
        std::string_view digits = whole.substr(start, end == std::string_view::npos ? end : end - start);
        if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
        bool grouped = end != std::string_view::npos || part > 0;
        if (grouped && (part == 0 ? digits.size() > 3 : digits.size() != 3)) return std::nullopt;
        number += digits;
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    if (!fraction.empty()) number += "." + std::string(fraction);
    if (number.size() > 15 && !finite_number(number)) return std::nullopt;
    return number;
}

// A cell's number under a file's decimal mark. When nothing told the mark (`assumed`), a number that
// reads as two different values under the two marks ("1,000", "1.000") is neither: it is ambiguous.
struct NumberCell {
    std::optional<std::string> number;
    std::optional<std::pair<double, double>> ambiguous;  // with a decimal point, with a decimal comma
};

// A number with a comma or a point, which the file's mark decides. Kept out of line: it would make
// its caller, run for every cell, too large to be inlined where it is called.
[[gnu::noinline]] NumberCell marked_number_cell(std::string_view written, bool percent, DecimalMark mark,
                                                bool assumed) {
    std::string_view text = trim_view(written);
    if (percent && !text.empty() && text.back() == '%') text = trim_view(text.substr(0, text.size() - 1));
    bool negative = !text.empty() && text[0] == '-';
    std::string_view body = (!text.empty() && (text[0] == '+' || text[0] == '-')) ? text.substr(1) : text;
    if (body.find_first_not_of("0123456789.,") != std::string_view::npos) return {};
    std::optional<std::string> as_point = number_with_mark(body, negative, DecimalMark::point);
    std::optional<std::string> as_comma = number_with_mark(body, negative, DecimalMark::comma);
    if (assumed && as_point && as_comma) {
        double with_point = *finite_number(*as_point), with_comma = *finite_number(*as_comma);
        if (with_point != with_comma) return {std::nullopt, std::pair{with_point, with_comma}};
    }
    return {mark == DecimalMark::comma ? as_comma : as_point, {}};
}

NumberCell number_cell(std::string_view written, bool percent, DecimalMark mark, bool assumed) {
    // Most cells hold digits alone, or a point that a file known to use points reads as before.
    const bool comma = written.find(',') != std::string_view::npos;
    const bool point = written.find('.') != std::string_view::npos;
    if (!comma && (!point || (mark == DecimalMark::point && !assumed))) return {number_text(written, percent), {}};
    return marked_number_cell(written, percent, mark, assumed);
}

// A cell's text for a message: on one line.
std::string shown(std::string_view text) {
    std::string out;
    for (char ch : text) out += ch == '\n' ? std::string("\\n") : ch == '\r' ? std::string("\\r") : std::string(1, ch);
    return out;
}

std::string quoted_list(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "\"" : ", \"") + item + "\"";
    return text;
}

// The question's value ids as a profile in `lang` writes them.
std::string join_ids(const Question& q, Lang lang = Lang::en) {
    std::string text;
    for (const auto& value : q.values) text += (text.empty() ? "" : ", ") + value.written_id(lang);
    return text;
}

std::vector<std::string> value_ids(const Question& q) {
    std::vector<std::string> ids;
    for (const auto& value : q.values) ids.push_back(value.id);
    return ids;
}

// The ids in English, then those in Spanish: what a map's label may stand for.
std::vector<std::string> value_ids_in_both(const Question& q) {
    std::vector<std::string> ids = value_ids(q);
    for (const auto& value : q.values)
        if (!value.id_es.empty()) ids.push_back(value.id_es);
    return ids;
}

// Whether `value` is a value's id, in English or in Spanish as typed: a map may name values either way.
bool names_value(const Question& q, const std::string& value) {
    if (q.find_value(value)) return true;
    const std::string typed = typed_key(value);
    return std::any_of(q.values.begin(), q.values.end(),
                       [&](const Choice& choice) { return !choice.id_es.empty() && typed_key(choice.id_es) == typed; });
}

bool is_number_question(const Question& q) { return q.type == QuestionType::percent || q.type == QuestionType::count; }

// Whether the question accepts `value` as an answer (a list question: as one item).
bool accepts(const Question& q, const std::string& value) {
    switch (q.type) {
        case QuestionType::text:
            return !trim(value).empty();
        case QuestionType::choice:
        case QuestionType::yes_partial_no:
        case QuestionType::list:
            return names_value(q, value);
        case QuestionType::percent:
        case QuestionType::count: {
            auto text = number_text(value, q.type == QuestionType::percent);
            if (!text) return false;
            double number = *finite_number(*text);
            return number >= q.min && number <= q.max &&
                   (q.type == QuestionType::percent || std::floor(number) == number);
        }
    }
    return false;
}

bool accepts_all(const Question& q, const std::vector<std::string>& values) {
    return std::all_of(values.begin(), values.end(), [&](const std::string& value) { return accepts(q, value); });
}

// ---- the map --------------------------------------------------------------------------------------

struct Labels {
    std::map<std::string, std::string>* single;
    std::map<std::string, std::vector<std::string>>* lists;
    std::vector<std::string>* unknown;
};

class MapReader {
public:
    MapReader(const RubricSet& rubric, std::string file) : rubric_(rubric), file_(std::move(file)) {}

    SurveyMap read(const YAML::Node& root) {
        SurveyMap map;
        map.source = file_;
        if (!root.IsMap())
            throw InputError(yaml_input::pos_of(root, file_), format_message(kMapNotMap, describe(root)));
        static const std::vector<std::string> keys = {"delimiter", "list_separator",     "unknown",     "labels",
                                                      "fields",    "encoding",           "header_rows", "decimal",
                                                      "sheet",     "institution_column", "role_column"};
        SourcePos fields = yaml_input::pos_of(root, file_);  // where a missing required question is reported
        for (const auto& [key, node, at] : yaml_input::map_entries(root, file_, problems_)) {
            if (key == "delimiter") {
                read_delimiter(node, map);
            } else if (key == "list_separator") {
                if (node.IsScalar() && !node.Scalar().empty())
                    map.list_separator = node.Scalar();
                else
                    problem(node, format_message(msg::expected_string, describe(node)));
            } else if (key == "unknown") {
                read_words(node, map.unknown);
            } else if (key == "encoding" || key == "header_rows" || key == "decimal" || key == "sheet") {
                read_reading(key, node, map);
            } else if (key == "institution_column") {
                read_column_name(node, map.institution_column, map.institution_pos);
            } else if (key == "role_column") {
                read_column_name(node, map.role_column, map.role_pos);
            } else if (key == "labels") {
                read_labels(node, nullptr, {&map.labels, &map.list_labels, &map.unknown});
            } else if (key == "fields") {
                fields = yaml_input::pos_of(node, file_);
                read_fields(node, map);
            } else {
                problem(at, yaml_input::unknown_key_message(key, file_, keys));
            }
        }
        for (const auto& question : rubric_.questions) {
            bool mapped = std::any_of(map.fields.begin(), map.fields.end(),
                                      [&](const SurveyField& field) { return field.path == question.path; });
            if (question.required && !mapped && !suggested_paths_.count(question.path))
                problems_.push_back({fields, format_localized(kRequiredNotMapped, question.paths()), {}});
        }
        check_global_labels(map);
        std::stable_sort(problems_.begin(), problems_.end(), [](const Diagnostic& x, const Diagnostic& y) {
            return std::tie(x.pos.line, x.pos.column) < std::tie(y.pos.line, y.pos.column);
        });
        if (!problems_.empty()) throw InputError(problems_);
        index_labels(map.index, map.labels, map.list_labels, map.unknown);
        for (auto& field : map.fields) index_labels(field.index, field.labels, field.list_labels, field.unknown);
        return map;
    }

private:
    // Labels of one group are unique once folded (read_labels refuses a second one), so each folded
    // label names one entry of `singles` or `lists`.
    static void index_labels(LabelIndex& index, const std::map<std::string, std::string>& singles,
                             const std::map<std::string, std::vector<std::string>>& lists,
                             const std::vector<std::string>& unknown) {
        for (const auto& [label, value] : singles) index.written.emplace(label_key(label), label);
        for (const auto& [label, values] : lists) index.written.emplace(label_key(label), label);
        for (const auto& label : unknown) index.unknown.insert(label_key(label));
    }

    // `TODO`, as `tne survey map` writes a value it could not decide.
    static bool is_todo(const YAML::Node& node) { return node.IsScalar() && node.Scalar() == "TODO"; }

    void problem(const YAML::Node& node, LocalText message) {
        problems_.push_back({yaml_input::pos_of(node, file_), std::move(message), {}});
    }

    void read_delimiter(const YAML::Node& node, SurveyMap& map) {
        const std::string text = node.IsScalar() ? node.Scalar() : "";
        if (text.size() != 1 || text == "\"" || text == "\n" || text == "\r") {
            problem(node, format_message(kBadDelimiter, describe(node)));
            return;
        }
        map.delimiter = text[0];
        map.delimiter_pos = yaml_input::pos_of(node, file_);
    }

    // How the export is read: `encoding`, `header_rows`, `decimal`, `sheet`.
    void read_reading(const std::string& key, const YAML::Node& node, SurveyMap& map) {
        const std::string text = node.IsScalar() ? typed_key(node.Scalar()) : "";
        if (key == "encoding") {
            static const std::map<std::string, TextEncoding> names = {{"utf-8", TextEncoding::utf8},
                                                                      {"utf8", TextEncoding::utf8},
                                                                      {"utf-16", TextEncoding::utf16le},
                                                                      {"utf16", TextEncoding::utf16le},
                                                                      {"utf-16le", TextEncoding::utf16le},
                                                                      {"utf-16be", TextEncoding::utf16be},
                                                                      {"windows-1252", TextEncoding::windows1252},
                                                                      {"cp1252", TextEncoding::windows1252}};
            auto found = names.find(text);
            if (found == names.end())
                problem(node, format_message(kBadEncoding, describe(node)));
            else
                map.encoding = found->second;
        } else if (key == "header_rows") {
            char* end = nullptr;
            long rows = text.empty() ? 0 : std::strtol(text.c_str(), &end, 10);
            if (text.empty() || *end != '\0' || rows < 1 || rows > 100)
                problem(node, format_message(kBadHeaderRows, describe(node)));
            else
                map.header_rows = static_cast<int>(rows);
        } else if (key == "decimal") {
            if (text == "comma" || text == "coma")
                map.decimal = DecimalMark::comma;
            else if (text == "point" || text == "punto")
                map.decimal = DecimalMark::point;
            else
                problem(node, format_message(kBadDecimal, describe(node)));
        } else if (node.IsScalar() && !trim(node.Scalar()).empty()) {
            map.sheet = trim(node.Scalar());
        } else {
            problem(node, format_message(msg::expected_string, describe(node)));
        }
    }

    // A column's header text: a non-empty string.
    void read_column_name(const YAML::Node& node, std::string& column, SourcePos& pos) {
        column = node.IsScalar() ? trim(node.Scalar()) : "";
        pos = yaml_input::pos_of(node, file_);
        if (column.empty()) problem(node, format_message(msg::expected_string, describe(node)));
    }

    void read_words(const YAML::Node& node, std::vector<std::string>& unknown) {
        if (node.IsScalar()) {  // a single label
            unknown.push_back(node.Scalar());
            return;
        }
        if (!node.IsSequence()) {
            problem(node, format_message(msg::expected_list, describe(node)));
            return;
        }
        for (const auto& item : node) {
            if (item.IsScalar() && !trim(item.Scalar()).empty())
                unknown.push_back(item.Scalar());
            else
                problem(item, format_message(msg::expected_string, describe(item)));
        }
    }

    // The labels of one field (`question`), or the map's own (`question` null): checked against the
    // question when there is one, else kept to check against every mapped question at the end.
    void read_labels(const YAML::Node& node, const Question* question, Labels out) {
        if (!node.IsMap()) {
            problem(node, format_message(msg::expected_map_for, "labels", describe(node)));
            return;
        }
        std::map<std::string, std::string> seen;  // folded -> as written
        for (const auto& [label, target, at] : yaml_input::map_entries(node, file_, problems_)) {
            if (trim(label).empty()) {
                problem(at, format_message(msg::expected_string, describe(at)));
                continue;
            }
            auto [first, fresh] = seen.emplace(label_key(label), label);
            if (!fresh) {
                problem(at, format_message(kDuplicateLabel, label, first->second));
                continue;
            }
            if (is_todo(target)) {
                problem(target, format_message(kTodoValue, label));
                continue;
            }
            if (target.IsNull()) {
                out.unknown->push_back(label);
            } else if (target.IsSequence()) {  // several values at once, or none: "Ninguna": []
                if (question && question->type != QuestionType::list) {
                    problem(target, format_localized(kLabelListForSingle, question->paths(), same_text(label)));
                    continue;
                }
                std::vector<std::string> values;
                bool fine = true;
                for (const auto& item : target) {
                    if (!item.IsScalar()) {
                        problem(item, format_message(msg::expected_string, describe(item)));
                        fine = false;
                    } else {
                        if (question && !check_target(*question, label, item.Scalar(), item)) fine = false;
                        values.push_back(item.Scalar());
                    }
                }
                if (!question) global_targets_.push_back({label, values, target});
                if (fine) (*out.lists)[label] = std::move(values);
            } else if (target.IsScalar()) {
                if (question && !check_target(*question, label, target.Scalar(), target)) continue;
                if (!question) global_targets_.push_back({label, {target.Scalar()}, target});
                (*out.single)[label] = target.Scalar();
            } else {
                problem(target, format_message(msg::expected_string, describe(target)));
            }
        }
    }

    bool check_target(const Question& q, const std::string& label, const std::string& value, const YAML::Node& at) {
        if (accepts(q, value)) return true;
        std::string range = fmt::format("{} .. {}", q.min, q.max);
        if (q.type == QuestionType::percent) {
            problem(at, format_localized(kLabelNotPercent, q.paths(), same_text(label), same_text(value),
                                         same_text(range)));
        } else if (q.type == QuestionType::count) {
            problem(at,
                    format_localized(kLabelNotCount, q.paths(), same_text(label), same_text(value), same_text(range)));
        } else {
            std::string near = yaml_input::closest(value, value_ids_in_both(q));
            if (!near.empty())
                problem(at, format_localized(kLabelNotValueDidYouMean, q.paths(), same_text(label), same_text(value),
                                             same_text(near)));
            else
                problem(at, format_localized(kLabelNotValue, q.paths(), same_text(label), same_text(value),
                                             {join_ids(q), join_ids(q, Lang::es)}));
        }
        return false;
    }

    void read_fields(const YAML::Node& node, SurveyMap& map) {
        if (!node.IsMap()) {
            problem(node, format_message(msg::expected_map_for, "fields", describe(node)));
            return;
        }
        // A question is named by its path in English or in Spanish; the map keeps the English one.
        std::vector<std::string> paths;
        for (const auto& question : rubric_.questions) {
            paths.push_back(question.path);
            if (question.written_path(Lang::es) != question.path) paths.push_back(question.written_path(Lang::es));
        }
        NamedOnce named;
        for (const auto& [path, value, at] : yaml_input::map_entries(node, file_, problems_)) {
            if (path.rfind("TODO", 0) == 0) {  // not a question's path: a decision left to make
                problem(at, format_message(kTodoField, path));
                continue;
            }
            const Question* question = rubric_.find_question_written(path);
            if (!question) {
                std::string near = yaml_input::closest(path, paths);
                problem(at, near.empty() ? format_message(msg::unknown_question, path)
                                         : format_message(msg::unknown_question_did_you_mean, path, near));
                // A likely typo: not also "not mapped".
                if (const Question* meant = near.empty() ? nullptr : rubric_.find_question_written(near))
                    suggested_paths_.insert(meant->path);
                continue;
            }
            if (auto twice = named.again(*question, path)) {
                problem(at, *twice);
                continue;
            }
            SurveyField field;
            field.path = question->path;
            field.pos = yaml_input::pos_of(at, file_);
            // YAML::Node's assignment writes through to the document: hold the column node in an optional.
            std::optional<YAML::Node> column, labels, options, selected;
            if (value.IsMap()) {
                static const std::vector<std::string> keys = {"column", "labels", "options", "selected"};
                for (const auto& [key, part, key_at] : yaml_input::map_entries(value, file_, problems_)) {
                    if (key == "column")
                        column.emplace(part);
                    else if (key == "labels")
                        labels.emplace(part);
                    else if (key == "options")
                        options.emplace(part);
                    else if (key == "selected")
                        selected.emplace(part);
                    else
                        problem(key_at, yaml_input::unknown_key_message(key, path, keys));
                }
                if (options) {
                    if (read_option_field(*question, path, column, labels, *options, selected, field))
                        map.fields.push_back(std::move(field));
                    continue;
                }
                if (labels) read_labels(*labels, question, {&field.labels, &field.list_labels, &field.unknown});
                if (selected) problem(*selected, format_message(kSelectedWithoutOptions, path));
                if (!column) {
                    problem(value, format_message(msg::missing_key, "column", path));
                    continue;
                }
            } else if (value.IsScalar()) {
                column.emplace(value);
            } else {
                problem(value, format_message(kFieldNotColumn, path, describe(value)));
                continue;
            }
            field.column = column->IsScalar() ? trim(column->Scalar()) : "";
            if (field.column.empty()) {
                problem(*column, format_message(msg::expected_string, describe(*column)));
                continue;
            }
            map.fields.push_back(std::move(field));
        }
    }

    // A field of option columns (`options:`, and `selected:`): only for a list question, without
    // `column` or `labels`; each column names a value of the question (its id or label in either
    // language), `[]` (none) or `~` (unknown), each column once. False when nothing can be read.
    bool read_option_field(const Question& q, const std::string& path, const std::optional<YAML::Node>& column,
                           const std::optional<YAML::Node>& labels, const YAML::Node& options,
                           const std::optional<YAML::Node>& selected, SurveyField& field) {
        if (q.type != QuestionType::list) {
            problem(options, format_localized(kOptionsNotList, q.paths()));
            return false;
        }
        if (column) problem(*column, format_message(kOptionsWith, path, "column"));
        if (labels) problem(*labels, format_message(kOptionsWith, path, "labels"));
        if (!options.IsMap() || options.size() == 0) {
            problem(options, format_message(kOptionsNotMap, path, describe(options)));
            return false;
        }
        std::map<std::string, std::string> columns;  // trimmed header -> as written
        for (const auto& [header, target, at] : yaml_input::map_entries(options, file_, problems_)) {
            SurveyOption option;
            option.column = trim(header);
            option.pos = yaml_input::pos_of(at, file_);
            if (option.column.empty()) {
                problem(at, format_message(msg::expected_string, describe(at)));
                continue;
            }
            if (auto [first, fresh] = columns.emplace(option.column, header); !fresh) {
                problem(at, format_message(kOptionColumnTwice, option.column, path));
                continue;
            }
            if (is_todo(target)) {
                problem(target, format_message(kTodoValue, option.column));
                continue;
            }
            if (target.IsNull()) {
                option.kind = SurveyOption::Kind::unknown;
            } else if (target.IsSequence() && target.size() == 0) {
                option.kind = SurveyOption::Kind::none;
            } else if (const Choice* choice = target.IsScalar() ? q.find_value_written(target.Scalar()) : nullptr) {
                option.value = choice->id;
            } else {
                std::string written = target.IsScalar() ? target.Scalar() : describe(target);
                std::string near = target.IsScalar() ? yaml_input::closest(written, value_ids_in_both(q)) : "";
                problem(target, near.empty()
                                    ? format_localized(kOptionNotValue, same_text(option.column), same_text(written),
                                                       {join_ids(q), join_ids(q, Lang::es)})
                                    : format_localized(kOptionNotValueDidYouMean, same_text(option.column),
                                                       same_text(written), same_text(near)));
                continue;
            }
            field.options.push_back(std::move(option));
        }
        if (selected) read_words(*selected, field.selected);  // a word, or a list of them
        return !field.options.empty();
    }

    // A label for every column must mean something to at least one mapped question other than a
    // text: "parcial" instead of "partial" would otherwise only show up row by row.
    void check_global_labels(const SurveyMap& map) {
        std::vector<const Question*> questions;
        std::vector<std::string> ids;
        for (const auto& field : map.fields) {
            const Question* q = rubric_.find_question(field.path);
            if (q->type == QuestionType::text) continue;
            questions.push_back(q);
            for (const auto& id : value_ids_in_both(*q))
                if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        }
        for (const auto& target : global_targets_) {
            bool used = std::any_of(questions.begin(), questions.end(), [&](const Question* q) {
                return (target.node.IsScalar() || q->type == QuestionType::list) && accepts_all(*q, target.values);
            });
            if (used) continue;
            std::string written = target.node.IsScalar() ? target.node.Scalar() : describe(target.node);
            std::string near = target.node.IsScalar() ? yaml_input::closest(written, ids) : "";
            problem(target.node, near.empty() ? format_message(kLabelUnused, target.label, written)
                                              : format_message(kLabelUnusedDidYouMean, target.label, written, near));
        }
    }

    struct GlobalTarget {
        std::string label;
        std::vector<std::string> values;
        YAML::Node node;
    };

    const RubricSet& rubric_;
    std::string file_;
    std::vector<Diagnostic> problems_;
    std::vector<GlobalTarget> global_targets_;
    std::set<std::string> suggested_paths_;
};

// ---- rows -----------------------------------------------------------------------------------------

// Label lookups, ignoring case and surrounding spaces; `key` is already folded. Through the index,
// so that a cell costs about the same with ten labels or ten thousand.
template <class Value>
const Value* find_label(const std::map<std::string, Value>& labels, const LabelIndex& index, const std::string& key) {
    auto written = index.written.find(key);
    if (written == index.written.end()) return nullptr;
    auto found = labels.find(written->second);
    return found == labels.end() ? nullptr : &found->second;
}

// One item's profile values: the column's label, else the map's, else the text as written. The
// map's labels are answer options: a free text (a name) is never translated by them.
std::vector<std::string> translate_item(const SurveyField& field, const SurveyMap& map, const Question& q,
                                        const std::string& item) {
    std::string key = label_key(item);
    bool list = q.type == QuestionType::list;
    if (list) {
        if (auto values = find_label(field.list_labels, field.index, key)) return *values;
    }
    if (auto value = find_label(field.labels, field.index, key)) return {*value};
    if (list) {
        if (auto values = find_label(map.list_labels, map.index, key)) return *values;
    }
    if (q.type != QuestionType::text) {
        if (auto value = find_label(map.labels, map.index, key)) return {*value};
    }
    return {trim(item)};
}

// Every label a cell of `field` may give, as read_cell finds them: a label meaning unknown (the
// column's or the map's) first, then the column's labels, then the map's (which never translate a
// free text), list labels before single ones for a list question.
CellLabels cell_labels(const SurveyField& field, const SurveyMap& map, const Question& q) {
    CellLabels table;
    const bool list = q.type == QuestionType::list;
    // Under its folded form, and as written when that differs: most cells give a label exactly as
    // written, and are found without folding them. The folded form's first meaning wins, as written too.
    auto add = [&](const std::string& label, const CellLabel& meaning) {
        auto [at, first] = table.emplace(label_key(label), meaning);
        std::string written = trim(label);
        if (first && written != at->first) table.emplace(std::move(written), meaning);
    };
    for (const auto& label : field.unknown) add(label, {true, {}});
    for (const auto& label : map.unknown) add(label, {true, {}});
    if (list)
        for (const auto& [label, values] : field.list_labels) add(label, {false, values});
    for (const auto& [label, value] : field.labels) add(label, {false, {value}});
    if (list)
        for (const auto& [label, values] : map.list_labels) add(label, {false, values});
    if (q.type != QuestionType::text)
        for (const auto& [label, value] : map.labels) add(label, {false, {value}});
    return table;
}

// What one cell answers: unknown, an answer for the check, or not even a number.
struct Reading {
    bool known = false;
    bool not_a_number = false;
    std::optional<std::pair<double, double>> ambiguous;  // a number the file's decimal mark would decide
    RawAnswer raw;
};

// `raw` as the scalar `text` at `cell`, built in place: a row has dozens of them.
void set_scalar(RawAnswer& raw, std::string_view text, bool may_be_number, const CsvCell& cell) {
    raw.kind = RawAnswer::Kind::scalar;
    raw.text.assign(text);
    raw.may_be_number = may_be_number;
    raw.line = cell.line;
    raw.column = cell.column;
}

// Reads a cell through its field's labels into `reading` (as a new Reading); `key` is a buffer for
// the folded text.
void read_cell(const CellLabels& labels, const BoundSurvey& survey, const Question& q, const CsvCell& cell,
               std::string& key, Reading& reading) {
    const SurveyMap& map = *survey.map;
    auto meaning = [&](std::string_view text) -> const CellLabel* {
        auto found = labels.find(text);
        if (found != labels.end()) return &found->second;
        fold_into(text, key);
        if (key == text) return nullptr;  // folding changed nothing: no other key to look up
        found = labels.find(key);
        return found == labels.end() ? nullptr : &found->second;
    };
    std::string_view text = trim_view(cell.text);
    if (text.empty()) return;
    const CellLabel* whole = meaning(text);
    if (whole && whole->unknown) return;
    if (q.type == QuestionType::list) {
        RawAnswer& raw = reading.raw;
        raw.kind = RawAnswer::Kind::list;
        raw.line = cell.line;
        raw.column = cell.column;
        const std::string_view separator = map.list_separator;
        for (size_t start = 0;;) {
            size_t at = text.find(separator, start);
            std::string_view item = trim_view(text.substr(start, at == std::string_view::npos ? at : at - start));
            if (!item.empty()) {
                const CellLabel* label = meaning(item);
                if (!label || !label->unknown) {
                    reading.known = true;  // even when a label gives no values: "Ninguna" is an empty list
                    if (label) {
                        for (const auto& value : label->values)
                            set_scalar(raw.items.emplace_back(), value, false, cell);
                    } else {
                        set_scalar(raw.items.emplace_back(), item, false, cell);
                    }
                }
            }
            if (at == std::string_view::npos) break;
            start = at + separator.size();
        }
        return;
    }
    std::string_view value = whole ? std::string_view(whole->values.front()) : text;
    reading.known = true;
    if (is_number_question(q)) {
        // As a plain (unquoted) number; a cell that is none is reported in the survey's terms.
        // A label's value is a plain number, as the map writes it; a cell's is read with the file's mark.
        const bool percent = q.type == QuestionType::percent;
        NumberCell read = whole ? NumberCell{number_text(value, percent), {}}
                                : number_cell(value, percent, survey.decimal, survey.decimal_assumed);
        const std::optional<std::string>& number = read.number;
        reading.ambiguous = read.ambiguous;
        reading.not_a_number = !number && !read.ambiguous;
        set_scalar(reading.raw, number ? std::string_view(*number) : std::string_view(), true, cell);
    } else {
        // As quoted text: "yes" or "35" in a text cell is that text.
        set_scalar(reading.raw, value, false, cell);
    }
}

// ---- one column per option ---------------------------------------------------------------------

// The words meaning "chosen" and "not chosen" in every option column, as typed_key folds them.
constexpr std::string_view kChosenWords[] = {"1", "y", "yes", "si", "true"};
constexpr std::string_view kNotChosenWords[] = {"0", "n", "no", "false"};

// Whether `key` (folded) is how the column `header` names its option: the whole header, or its end
// after the question's text and a mark ("Q12 - British Council", "Fuentes [Erasmus+]").
bool header_names_option(std::string key, const std::string& header) {
    std::string folded = typed_key(header);
    while (!folded.empty() && (folded.back() == ']' || folded.back() == ')' || folded.back() == ' ')) folded.pop_back();
    if (key.empty() || key.size() > folded.size()) return false;
    if (folded.compare(folded.size() - key.size(), key.size(), key) != 0) return false;
    if (key.size() == folded.size()) return true;
    auto before = static_cast<unsigned char>(folded[folded.size() - key.size() - 1]);
    return !std::isalnum(before) && before < 0x80;
}

enum class Mark { empty, chosen, not_chosen, invalid };

// What one option cell says: empty (or a label meaning unknown), chosen, not chosen, or neither.
Mark option_mark(std::string_view text, const SurveyOption& option, const SurveyField& field, const SurveyMap& map,
                 const Question& q, const std::string& header) {
    text = trim_view(text);
    if (text.empty()) return Mark::empty;
    const std::string key = typed_key(text);
    auto any = [&](const auto& words) {
        return std::any_of(std::begin(words), std::end(words),
                           [&](const auto& word) { return typed_key(word) == key; });
    };
    if (any(kNotChosenWords)) return Mark::not_chosen;
    if (any(map.unknown) || any(field.unknown)) return Mark::empty;
    if (any(kChosenWords) || any(field.selected) || header_names_option(key, header)) return Mark::chosen;
    if (const Choice* choice = option.kind == SurveyOption::Kind::value ? q.find_value(option.value) : nullptr) {
        std::vector<std::string> names = {choice->id, choice->id_es, choice->label.en, choice->label.es};
        std::erase(names, std::string());
        if (any(names)) return Mark::chosen;
    }
    return Mark::invalid;
}

// What a cell of `option` may say to mean "chosen", for a message in English and in Spanish.
LocalText chosen_words(const SurveyOption& option, const SurveyField& field, const Question& q) {
    std::string common = "\"1\", \"Y\", \"Yes\", \"Sí\", \"true\"";
    for (const auto& word : field.selected) common += ", \"" + trim(word) + "\"";
    LocalText words{common, common};
    if (const Choice* choice = option.kind == SurveyOption::Kind::value ? q.find_value(option.value) : nullptr) {
        words.en += ", \"" + choice->label.en + "\"";
        words.es += ", \"" + choice->label.es + "\"";
    }
    return words;
}

// Each option's column index in the header: bound once per file (a survey built by hand looks them up).
std::vector<int> option_columns_of(const BoundSurvey& survey, size_t i) {
    if (i < survey.option_columns.size()) return survey.option_columns[i];
    std::vector<int> columns;
    for (const auto& option : survey.map->fields[i].options) {
        auto at = std::find(survey.header.begin(), survey.header.end(), option.column);
        columns.push_back(at == survey.header.end() ? -1 : static_cast<int>(at - survey.header.begin()));
    }
    return columns;
}

// The labels of a field whose translation the question accepts: what its cells may say.
// The column's own labels first, then the map's, each group in alphabetical order.
std::vector<std::string> usable_labels(const SurveyField& field, const SurveyMap& map, const Question& q) {
    std::vector<std::string> labels;
    std::set<std::string> keys;  // a column's label hides the map's label of the same key
    bool list = q.type == QuestionType::list;
    auto add_group = [&](const std::map<std::string, std::vector<std::string>>& lists,
                         const std::map<std::string, std::string>& singles) {
        std::vector<std::string> group;
        for (const auto& [label, values] : lists)
            if (keys.insert(label_key(label)).second && list && accepts_all(q, values)) group.push_back(trim(label));
        for (const auto& [label, value] : singles)
            if (keys.insert(label_key(label)).second && accepts(q, value)) group.push_back(trim(label));
        std::sort(group.begin(), group.end());
        labels.insert(labels.end(), group.begin(), group.end());
    };
    add_group(field.list_labels, field.labels);
    add_group(map.list_labels, map.labels);
    return labels;
}

// What a cell of `field` may say, with a suggestion for what it says when it looks like a typo.
LocalText expected_answer(const SurveyField& field, const SurveyMap& map, const Question& q, const std::string& cell) {
    std::vector<std::string> labels = usable_labels(field, map, q);
    std::string min = format_number(q.min, 2), max = format_number(q.max, 2);
    switch (q.type) {
        case QuestionType::text:
            return format_message(kExpectText);
        case QuestionType::percent:
            return labels.empty() ? format_message(kExpectPercent, min, max)
                                  : format_message(kExpectPercentOrLabel, min, max, quoted_list(labels));
        case QuestionType::count:
            return labels.empty() ? format_message(kExpectCount, min, max)
                                  : format_message(kExpectCountOrLabel, min, max, quoted_list(labels));
        case QuestionType::choice:
        case QuestionType::yes_partial_no:
        case QuestionType::list:
            break;
    }
    // The answers a cell may give: the labels, else the ids themselves.
    std::vector<std::string> answers = labels.empty() ? value_ids(q) : labels;
    std::vector<std::string> candidates = answers;
    for (const auto& id : value_ids(q)) candidates.push_back(id);
    std::string wrong = trim(cell);
    if (q.type == QuestionType::list) {
        for (const auto& item : split_text(wrong, map.list_separator)) {
            if (!accepts_all(q, translate_item(field, map, q, item))) {
                wrong = trim(item);
                break;
            }
        }
    }
    std::string near = closest_label(wrong, candidates);
    if (q.type == QuestionType::list) {
        return near.empty() ? format_message(kExpectList, map.list_separator, quoted_list(answers))
                            : format_message(kExpectListDidYouMean, map.list_separator, quoted_list(answers), near);
    }
    return near.empty() ? format_message(kExpectOneOf, quoted_list(answers))
                        : format_message(kExpectOneOfDidYouMean, quoted_list(answers), near);
}

SourcePos cell_pos(const BoundSurvey& survey, const CsvCell& cell) {
    return survey_pos(survey, cell.line, cell.column);
}

std::string header_text(std::string_view text) {
    if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
    return trim(text);
}

// A field's column: its first option's for a field of option columns.
const std::string& first_column(const SurveyField& field) {
    return field.options.empty() ? field.column : field.options.front().column;
}

size_t columns_found(const SurveyMap& map, const std::set<std::string>& header) {
    return static_cast<size_t>(std::count_if(map.fields.begin(), map.fields.end(), [&](const SurveyField& field) {
        return header.count(first_column(field)) > 0;
    }));
}

// A delimiter as the map would write it.
std::string delimiter_shown(char delimiter) { return delimiter == '\t' ? "\"\\t\"" : fmt::format("\"{}\"", delimiter); }

// The delimiter the header seems to use when it is not the map's: a header of one cell that holds a
// common delimiter (Excel in a Spanish locale writes ";"), or one that, joined again and split at
// another delimiter, holds more of the map's columns, at least half of them. A quoted cell holding
// that delimiter is split too, which a guess can afford.
std::optional<char> other_delimiter(const SurveyMap& map, const CsvRow& header) {
    static constexpr char kCommon[] = {';', ',', '\t', '|'};
    std::string joined;
    std::set<std::string> as_read;
    for (const auto& cell : header.cells) {
        if (&cell != &header.cells.front()) joined += map.delimiter;
        joined += cell.text;
        as_read.insert(header_text(cell.text));
    }
    const size_t found = columns_found(map, as_read);
    std::optional<char> best;
    size_t best_found = found, best_count = 0;
    for (char other : kCommon) {
        if (other == map.delimiter) continue;
        auto occurrences = static_cast<size_t>(std::count(joined.begin(), joined.end(), other));
        if (occurrences == 0) continue;
        std::set<std::string> split_header;
        for (const auto& part : split_text(joined, std::string(1, other))) split_header.insert(header_text(part));
        size_t now = columns_found(map, split_header);
        if (now > best_found && now * 2 >= map.fields.size()) {
            best = other;
            best_found = now;
        } else if (header.cells.size() == 1 && best_found == found && occurrences > best_count) {
            best = other;  // one cell: the delimiter it holds most often, unless another finds columns
            best_count = occurrences;
        }
    }
    return best;
}

// A row that passed a limit while it was read: what is left of it is no answer.
std::optional<Diagnostic> overflow_problem(const BoundSurvey& survey, const CsvRow& row) {
    if (!row.overflow) return std::nullopt;
    const CsvOverflow& overflow = *row.overflow;
    SourcePos at = survey_pos(survey, overflow.line, overflow.column);
    const std::string number = std::to_string(row.number), allowed = std::to_string(overflow.allowed);
    if (overflow.limit == CsvLimit::cells)
        return Diagnostic{at,
                          format_message(kRowTooManyCells, number, allowed, std::to_string(overflow.cell + 1),
                                         std::to_string(survey.header.size())),
                          {}};
    if (overflow.cell < survey.header.size())
        return Diagnostic{
            at,
            format_message(kRowTooLarge, number, allowed, input::kMaxBytesVariable, survey.header[overflow.cell]),
            {}};
    return Diagnostic{at, format_message(kRowTooLargeBeyondHeader, number, allowed, input::kMaxBytesVariable), {}};
}

// The question of the map's field `i`: bound once per file (a survey built by hand is looked up).
const Question& question_of(const BoundSurvey& survey, size_t i) {
    if (i < survey.question_of_field.size()) return *survey.question_of_field[i];
    return *survey.rubric->find_question(survey.map->fields[i].path);
}

// The map's fields in the rubric's order of their questions.
std::vector<size_t> fields_in_rubric_order(const BoundSurvey& survey) {
    std::vector<size_t> order(survey.map->fields.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t x, size_t y) { return &question_of(survey, x) < &question_of(survey, y); });
    return order;
}

// The labels of each of the map's fields, by their folded text.
std::vector<CellLabels> labels_of_fields(const BoundSurvey& survey) {
    std::vector<CellLabels> labels;
    for (size_t i = 0; i < survey.map->fields.size(); ++i)
        labels.push_back(cell_labels(survey.map->fields[i], *survey.map, question_of(survey, i)));
    return labels;
}

// The map's field for `question`, if it has one.
std::optional<size_t> field_of(const BoundSurvey& survey, const Question& question) {
    for (size_t i = 0; i < survey.map->fields.size(); ++i)
        if (&question_of(survey, i) == &question) return i;
    return std::nullopt;
}

// Reads the option columns of the map's field `i` into `reading`: the chosen options' values in the
// question's order; unknown when every cell is empty. False, with a problem at each cell that is
// neither chosen nor not chosen, when the row's answer cannot be read.
bool read_option_cells(const BoundSurvey& survey, size_t i, const Question& q, const CsvRow& row, Reading& reading,
                       std::vector<Diagnostic>& problems) {
    const SurveyField& field = survey.map->fields[i];
    const std::vector<int> columns = option_columns_of(survey, i);
    std::set<std::string> chosen;
    bool answered = false, fine = true, unknown = false;
    for (size_t k = 0; k < field.options.size(); ++k) {
        const SurveyOption& option = field.options[k];
        const CsvCell& cell = row.cells[static_cast<size_t>(columns[k])];
        const std::string& header = survey.header[static_cast<size_t>(columns[k])];
        if (!row.checked_text && !valid_utf8(cell.text)) {
            problems.push_back({cell_pos(survey, cell), format_message(kCellNotUtf8, header), {}});
            fine = false;
            continue;
        }
        switch (option_mark(cell.text, option, field, *survey.map, q, header)) {
            case Mark::empty:
                break;
            case Mark::not_chosen:
                answered = answered || option.kind != SurveyOption::Kind::unknown;
                break;
            case Mark::chosen:
                unknown = unknown || option.kind == SurveyOption::Kind::unknown;
                if (option.kind == SurveyOption::Kind::unknown) break;
                answered = true;
                if (option.kind == SurveyOption::Kind::value) chosen.insert(option.value);
                break;
            case Mark::invalid:
                problems.push_back({cell_pos(survey, cell),
                                    format_localized(kOptionCellInvalid, same_text(header), same_text(shown(cell.text)),
                                                     chosen_words(option, field, q)),
                                    {}});
                fine = false;
        }
    }
    // "Don't know" chosen, and no value: unknown, whatever the other cells say.
    if (!fine || !answered || (unknown && chosen.empty())) return fine;
    const CsvCell& first = row.cells[static_cast<size_t>(columns.front())];
    RawAnswer& raw = reading.raw;
    raw.kind = RawAnswer::Kind::list;
    raw.line = first.line;
    raw.column = first.column;
    for (const auto& value : q.values)
        if (chosen.count(value.id)) set_scalar(raw.items.emplace_back(), value.id, false, first);
    reading.known = true;
    return true;
}

}  // namespace

SurveyMap load_survey_map(const std::string& path, const RubricSet& rubric) {
    return parse_survey_map(input::read_file(path), path, rubric);
}

SurveyMap parse_survey_map(const std::string& text, const std::string& source, const RubricSet& rubric) {
    return MapReader(rubric, source).read(yaml_input::parse(text, source));
}

SourcePos survey_pos(const BoundSurvey& survey, int line, int column) {
    if (survey.sheet.empty()) return {survey.file, line, column};
    // As a spreadsheet writes a reference: a sheet's name in quotes when it holds more than letters and digits.
    bool plain = std::all_of(survey.sheet.begin(), survey.sheet.end(),
                             [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'; });
    std::string sheet = plain ? survey.sheet : "'" + survey.sheet + "'";
    return {fmt::format("{}:{}!{}", survey.file, sheet, cell_reference(line, std::max(column, 1))), 0, 0};
}

void find_decimal_mark(BoundSurvey& bound, SurveyExport& source) {
    const SurveyMap& map = *bound.map;
    auto decide = [&](DecimalMark mark, DecimalFrom from) {
        bound.decimal = mark;
        bound.decimal_assumed = from == DecimalFrom::assumed;
        source.set_decimal(mark, from);
    };
    if (map.decimal) return decide(*map.decimal, DecimalFrom::map);
    std::vector<size_t> columns;  // of the number questions
    for (size_t i = 0; i < map.fields.size(); ++i) {
        const Question* q = bound.rubric->find_question(map.fields[i].path);
        if (q && is_number_question(*q) && bound.column_of_field[i] >= 0)
            columns.push_back(static_cast<size_t>(bound.column_of_field[i]));
    }
    // A cell that is a number under one mark only votes for it; "1.000" under both votes for neither.
    size_t points = 0, commas = 0;
    if (!columns.empty()) {
        SurveyExport again(source.path(), source.as_found(map));
        for (int rows = 0; rows < 1000; ++rows) {
            std::optional<CsvRow> row = again.next();
            if (!row) break;
            for (size_t column : columns) {
                if (column >= row->cells.size()) continue;
                std::string_view text = trim_view(row->cells[column].text);
                if (!text.empty() && text.back() == '%') text = trim_view(text.substr(0, text.size() - 1));
                bool negative = !text.empty() && text[0] == '-';
                if (!text.empty() && (text[0] == '+' || text[0] == '-')) text.remove_prefix(1);
                if (text.empty() || text.find_first_not_of("0123456789.,") != std::string_view::npos) continue;
                bool point = number_with_mark(text, negative, DecimalMark::point).has_value();
                bool comma = number_with_mark(text, negative, DecimalMark::comma).has_value();
                if (point != comma) ++(point ? points : commas);
            }
        }
    }
    if (points != commas) return decide(points > commas ? DecimalMark::point : DecimalMark::comma, DecimalFrom::cells);
    // Excel separates with ";" where the decimal mark is a comma, because the comma is taken.
    if (source.reading().sheet.empty() && source.reading().delimiter == ';')
        return decide(DecimalMark::comma, DecimalFrom::delimiter);
    decide(DecimalMark::point, DecimalFrom::assumed);
}

BoundSurvey bind_survey(const SurveyMap& map, const RubricSet& rubric, const CsvRow& header, const std::string& file,
                        const std::string& sheet) {
    BoundSurvey survey;
    survey.map = &map;
    survey.rubric = &rubric;
    survey.file = file;
    survey.sheet = sheet;
    if (header.overflow) {
        SourcePos at = survey_pos(survey, header.overflow->line, header.overflow->column);
        std::string allowed = std::to_string(header.overflow->allowed);
        throw InputError(at, header.overflow->limit == CsvLimit::cells
                                 ? format_message(kHeaderTooManyCells, allowed)
                                 : format_message(kHeaderTooLarge, allowed, input::kMaxBytesVariable));
    }
    if (header.unterminated_quote) {
        const CsvCell& cell = header.cells.back();
        throw InputError(survey_pos(survey, header.line, 1),
                         format_message(kUnterminatedQuote, std::to_string(cell.line), std::to_string(cell.column)));
    }
    for (const auto& cell : header.cells) survey.header.push_back(header_text(cell.text));
    std::vector<Diagnostic> problems;
    std::set<std::string> reported;
    // The index of `column` in the header, else -1 with a problem that names it.
    auto find_column = [&](const std::string& column, const std::string& field_path) {
        auto first = std::find(survey.header.begin(), survey.header.end(), column);
        if (first == survey.header.end()) {
            std::string near = closest_label(column, survey.header);
            SourcePos at = survey_pos(survey, header.line, 1);
            const Question* question = rubric.find_question(field_path);
            LocalText path = question ? question->paths() : same_text(field_path);
            problems.push_back(
                {at,
                 near.empty() ? format_localized(kMissingColumn, same_text(column), path)
                              : format_localized(kMissingColumnDidYouMean, same_text(column), path, same_text(near)),
                 {}});
            return -1;
        }
        auto index = static_cast<int>(first - survey.header.begin());
        auto second = std::find(first + 1, survey.header.end(), column);
        if (second != survey.header.end() && reported.insert(column).second) {
            auto other = static_cast<size_t>(second - survey.header.begin());
            problems.push_back(
                {cell_pos(survey, header.cells[other]),
                 format_message(kDuplicateHeader, column, std::to_string(index + 1), std::to_string(other + 1)),
                 {}});
        }
        return index;
    };
    for (const auto& field : map.fields) {
        std::vector<int>& options = survey.option_columns.emplace_back();
        for (const auto& option : field.options) options.push_back(find_column(option.column, field.path));
        survey.column_of_field.push_back(options.empty() ? find_column(field.column, field.path) : options.front());
    }
    // The grouping columns, when the map names them.
    auto bind_column = [&](const std::string& column, const SourcePos& named, const Message& what) {
        if (column.empty()) return -1;
        auto found = std::find(survey.header.begin(), survey.header.end(), column);
        if (found != survey.header.end()) return static_cast<int>(found - survey.header.begin());
        std::string near = closest_label(column, survey.header);
        problems.push_back({SourcePos{file, header.line, 1},
                            near.empty() ? format_message(what, column, named.str())
                                         : format_message(kGroupColumnDidYouMean, column, named.str(), near),
                            {}});
        return -1;
    };
    survey.institution_column = bind_column(map.institution_column, map.institution_pos, kMissingInstitutionColumn);
    survey.role_column = bind_column(map.role_column, map.role_pos, kMissingRoleColumn);
    for (const auto& field : map.fields) survey.question_of_field.push_back(rubric.find_question(field.path));
    survey.fields_in_rubric_order = fields_in_rubric_order(survey);
    survey.labels_of_field = labels_of_fields(survey);
    if (!problems.empty()) {
        // Read with the wrong delimiter, every column is missing: one problem says why, not sixty.
        bool missing = std::count(survey.column_of_field.begin(), survey.column_of_field.end(), -1) > 0;
        if (std::optional<char> other = missing ? other_delimiter(map, header) : std::nullopt) {
            bool set = map.delimiter_pos.line > 0;
            std::string where = set ? map.delimiter_pos.str() : map.source;
            throw InputError(survey_pos(survey, header.line, 1),
                             format_message(set ? kWrongDelimiterChange : kWrongDelimiterAdd, delimiter_shown(*other),
                                            delimiter_shown(map.delimiter), where));
        }
        throw InputError(problems);
    }
    return survey;
}

std::string institution_key(const BoundSurvey& survey, const CsvRow& row) {
    auto column = static_cast<size_t>(survey.institution_column);
    if (survey.institution_column < 0 || column >= row.cells.size()) return "";
    return typed_key(trim_view(row.cells[column].text));
}

std::string respondent_role(const BoundSurvey& survey, const CsvRow& row) {
    auto column = static_cast<size_t>(survey.role_column);
    if (survey.role_column < 0 || column >= row.cells.size()) return "";
    return trim(row.cells[column].text);
}

Profile survey_row_profile(const BoundSurvey& survey, const CsvRow& row, bool require_answers) {
    const SurveyMap& map = *survey.map;
    const RubricSet& rubric = *survey.rubric;
    SourcePos row_pos = survey_pos(survey, row.line, 1);
    if (auto problem = overflow_problem(survey, row)) {
        std::vector<Diagnostic> problems{*problem};
        // An open quote is often why the row ran on: say so too.
        if (row.unterminated_quote && !row.cells.empty()) {
            const CsvCell& cell = row.cells.back();
            problems.push_back(
                {row_pos,
                 format_message(kUnterminatedQuote, std::to_string(cell.line), std::to_string(cell.column)),
                 {}});
        }
        throw InputError(problems);
    }
    if (row.unterminated_quote) {
        const CsvCell& cell = row.cells.back();
        throw InputError(row_pos,
                         format_message(kUnterminatedQuote, std::to_string(cell.line), std::to_string(cell.column)));
    }
    if (row.cells.size() != survey.header.size()) {
        throw InputError(row_pos,
                         format_message(kRowCells, std::to_string(row.number), std::to_string(row.cells.size()),
                                        std::to_string(survey.header.size())));
    }

    std::vector<Diagnostic> problems;
    std::vector<bool> reported(map.fields.size(), false);  // a cell gets one message
    std::vector<Reading> readings(map.fields.size());
    auto cell_of = [&](size_t field) -> const CsvCell& {
        return row.cells[static_cast<size_t>(survey.column_of_field[field])];
    };
    auto invalid_cell = [&](size_t i, const Question& q) {
        const SurveyField& field = map.fields[i];
        const CsvCell& cell = cell_of(i);
        LocalText expected = expected_answer(field, map, q, cell.text);
        problems.push_back({cell_pos(survey, cell),
                            format_message(kCellInvalid, field.column, shown(cell.text), expected.en, expected.es),
                            {}});
        reported[i] = true;
    };
    std::vector<CellLabels> unbound_labels;  // for a survey built without bind_survey
    const std::vector<CellLabels>& labels = survey.labels_of_field.size() == map.fields.size()
                                                ? survey.labels_of_field
                                                : (unbound_labels = labels_of_fields(survey));
    std::string key;  // a cell's folded text, the buffer reused
    for (size_t i = 0; i < map.fields.size(); ++i) {
        const SurveyField& field = map.fields[i];
        const CsvCell& cell = cell_of(i);
        const Question& q = question_of(survey, i);
        if (!field.options.empty()) {
            reported[i] = !read_option_cells(survey, i, q, row, readings[i], problems);
            continue;
        }
        if (!row.checked_text && !valid_utf8(cell.text)) {
            problems.push_back({cell_pos(survey, cell), format_message(kCellNotUtf8, field.column), {}});
            reported[i] = true;
            continue;
        }
        read_cell(labels[i], survey, q, cell, key, readings[i]);
        if (readings[i].not_a_number) invalid_cell(i, q);
        if (const auto& both = readings[i].ambiguous) {
            problems.push_back({cell_pos(survey, cell),
                                format_message(kCellAmbiguous, field.column, shown(cell.text),
                                               format_number(both->first, 6), format_number(both->second, 6)),
                                {}});
            reported[i] = true;
        }
    }

    // Each answer checked as a profile's, in the rubric's order (that of a profile's problems).
    Profile profile;
    profile.source = survey.file + ':' + std::to_string(row.line);
    profile.answers.reserve(map.fields.size());
    std::vector<Diagnostic> found;      // the check's own findings for one answer
    std::vector<size_t> unbound_order;  // for a survey built without bind_survey
    const std::vector<size_t>& order = survey.fields_in_rubric_order.size() == map.fields.size()
                                           ? survey.fields_in_rubric_order
                                           : (unbound_order = fields_in_rubric_order(survey));
    for (size_t i : order) {
        Reading& reading = readings[i];
        if (!reading.known || reported[i]) continue;
        const Question& q = question_of(survey, i);
        found.clear();
        std::optional<Value> value = check_answer(q, std::move(reading.raw), survey.file, found);
        if (!value) {
            const CsvCell& cell = cell_of(i);
            const Diagnostic& first = found.front();
            if (first.problem == Problem::duplicate_item) {
                problems.push_back(
                    {cell_pos(survey, cell),
                     format_message(kCellDuplicate, map.fields[i].column, shown(cell.text), first.subject),
                     {}});
                reported[i] = true;
            } else {
                invalid_cell(i, q);
            }
            continue;
        }
        // The answers are placed where the survey gave them.
        const CsvCell& cell = cell_of(i);
        profile.answers.emplace_back(Answer{&q, std::move(*value), cell.line, cell.column});
    }
    // Questions are stored in rubric order, so their addresses order them: the answers are in order
    // already, unless the survey was built without bind_survey.
    auto asks_before = [](const Answer& x, const Answer& y) { return x.question < y.question; };
    if (!std::is_sorted(profile.answers.begin(), profile.answers.end(), asks_before))
        std::sort(profile.answers.begin(), profile.answers.end(), asks_before);

    // A required question the row does not answer: its cell is empty, unknown, or already reported.
    for (const auto& question : rubric.questions) {
        if (!require_answers || !question.required || profile.find(question)) continue;
        std::optional<size_t> field = field_of(survey, question);
        if (!field) {  // not expected: the map names the column of every required question
            problems.push_back({row_pos,
                                format_message(kRowProblem, std::to_string(row.number), {},
                                               format_localized(msg::missing_required, question.paths()).en,
                                               format_localized(msg::missing_required, question.paths()).es),
                                {}});
            continue;
        }
        if (reported[*field]) continue;
        reported[*field] = true;
        const CsvCell& cell = cell_of(*field);
        problems.push_back({cell_pos(survey, cell),
                            format_localized(kCellRequired, same_text(map.fields[*field].column),
                                             same_text(shown(cell.text)), question.paths()),
                            {}});
    }
    if (!problems.empty()) {
        std::stable_sort(problems.begin(), problems.end(), [](const Diagnostic& x, const Diagnostic& y) {
            return std::tie(x.pos.line, x.pos.column) < std::tie(y.pos.line, y.pos.column);
        });
        throw InputError(problems);
    }
    return profile;
}

}  // namespace tne
