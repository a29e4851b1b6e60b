#include "batch/batch_input.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <unordered_map>

#include "base/messages.hpp"
#include "batch/spooled_input.hpp"
#include "tne/input.hpp"

namespace tne {

namespace {

constexpr Message kCannotReadDirectory{"cannot read the directory: {0}", "no se puede leer el directorio: {1}"};
constexpr Message kNoProfiles{"the directory has no profile that can be read (*.yaml, *.yml)",
                              "el directorio no tiene ningún perfil que se pueda leer (*.yaml, *.yml)"};
// Why a directory entry is skipped
constexpr Message kNotProfileName{"not a profile by its name (*.yaml, *.yml)",
                                  "no es un perfil por su nombre (*.yaml, *.yml)"};
constexpr Message kFolderNotRead{"a folder: the folders inside an input folder are not read",
                                 "es una carpeta: las carpetas dentro de una carpeta de entrada no se leen"};
constexpr Message kNotRegularFile{"not a regular file (a pipe, a socket or a device)",
                                  "no es un archivo normal (es una tubería, un socket o un dispositivo)"};
constexpr Message kDanglingLink{"a symbolic link to {0}, which does not exist",
                                "es un enlace simbólico a {0}, que no existe"};
constexpr Message kLinkLoop{"too many levels of symbolic links: the link leads back to itself",
                            "demasiados niveles de enlaces simbólicos: el enlace lleva de vuelta a sí mismo"};
constexpr Message kEmptyCsv{
    "the CSV file is empty; expected a header row and one row per institution",
    "el archivo CSV está vacío; se esperaba una fila de encabezados y una fila por institución"};

// "---" or "..." at the start of a line, alone or followed by a space: a document marker.
bool is_marker(const std::string& line, std::string_view marker) {
    if (line.compare(0, 3, marker) != 0) return false;
    return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r';
}

// Whether a line holds anything but blanks, a comment or a directive.
bool has_content(const std::string& line) {
    if (!line.empty() && line[0] == '%') return false;
    size_t start = is_marker(line, "---") ? 3 : 0;
    size_t first = line.find_first_not_of(" \t\r", start);
    return first != std::string::npos && line[first] != '#';
}

InputItem failed_item(const std::string& file, std::vector<Diagnostic> errors) {
    InputItem item;
    item.source = {file, 1, 0};
    item.errors = std::move(errors);
    return item;
}

// A cell of the row that is not text (invalid UTF-8, NUL, control characters), as a problem at its
// place: such bytes must not reach a profile, nor the records written from it.
// A sheet's cell is placed by its reference alone (`in_sheet`), not by a character within it.
std::optional<Diagnostic> unreadable_cell(const CsvRow& row, const std::string& file, bool in_sheet) {
    for (const auto& cell : row.cells) {
        // Printable ASCII needs no closer look; most cells are.
        if (std::all_of(cell.text.begin(), cell.text.end(), [](char ch) { return ch >= 0x20 && ch <= 0x7E; })) continue;
        if (auto place = input::find_unreadable(cell.text)) {
            // A cell may span lines (a quoted line break): its own line 1 is the cell's line.
            int line = in_sheet ? cell.line : cell.line + place->line - 1;
            int column = in_sheet ? cell.column : place->line == 1 ? cell.column + place->column - 1 : place->column;
            return Diagnostic{{file, line, column}, place->message, {}};
        }
    }
    return std::nullopt;
}

// A header and nothing under it yields no record: without this the file would vanish from the count.
constexpr Message kNoAnswerRows{
    "the CSV file has a header row and no rows of answers; add one row per institution under the header, or export "
    "the survey again once it has answers",
    "el archivo CSV tiene una fila de encabezados y ninguna fila de respuestas; agregue una fila por institución bajo "
    "el encabezado, o vuelva a exportar la encuesta cuando tenga respuestas"};

constexpr Message kNoInstitution{
    "row {0}: the institution column \"{1}\" is empty, so the row belongs to no institution",
    "fila {0}: la columna de institución \"{1}\" está vacía, así que la fila no "
    "pertenece a ninguna institución"};

// The rows of one institution not yet all read.
struct OpenGroup {
    int first_row = 0;
    int first_line = 0;
    std::vector<CsvRow> rows;
    std::vector<Diagnostic> errors;  // of rows that could not be read as text
    int seen = 0;
};

// A survey whose map names an institution column: one item per institution, with all its rows;
// `source` is past the header. A file is read twice: a first pass (an export of its own, read the
// same way) counts each institution's rows and keeps nothing else, so that `source` can hand an
// institution on as soon as its last row is read: memory holds only the institutions whose rows are still to come (one
// at a time in a file sorted by institution), and of each row only the cells the map reads. Whether any data row was
// read. `at` places a problem as the survey writes its cells (line:column, or the sheet's cell).
bool read_grouped_survey(const std::string& file, const SurveyMap& map, SurveyExport& source,
                         const std::shared_ptr<const BoundSurvey>& survey, const ItemSink& emit,
                         const std::function<Diagnostic(const Diagnostic&)>& placed) {
    const BoundSurvey& bound = *survey;
    std::unordered_map<std::string, int> rows_of;
    // A regular file (a pipe was copied to one: SpooledInput), read as it was found.
    SurveyExport counter(source.path(), source.as_found(map));
    while (std::optional<CsvRow> row = counter.next()) {
        std::string key = institution_key(bound, *row);
        if (!key.empty()) ++rows_of[key];
    }
    std::vector<bool> kept(bound.header.size(), false);  // the cells the map reads
    for (int column : bound.column_of_field)
        if (column >= 0) kept[static_cast<size_t>(column)] = true;
    for (const auto& options : bound.option_columns)  // a list question's column per option
        for (int column : options)
            if (column >= 0) kept[static_cast<size_t>(column)] = true;
    for (int column : {bound.institution_column, bound.role_column})
        if (column >= 0) kept[static_cast<size_t>(column)] = true;

    std::unordered_map<std::string, OpenGroup> open;
    std::vector<std::string> order;  // of first rows, for what a changed file leaves open at its end
    auto hand_on = [&](OpenGroup& group) {
        InputItem item;
        item.source = {file, group.first_row, group.first_line};
        item.respondents = std::move(group.rows);
        item.errors = std::move(group.errors);
        item.survey = survey;
        emit(std::move(item));
    };
    bool any_row = false;
    const bool in_sheet = !source.reading().sheet.empty();
    while (std::optional<CsvRow> row = source.next()) {
        any_row = true;
        std::string key = institution_key(bound, *row);
        if (key.empty()) {
            InputItem item;
            item.source = {file, row->number, row->line};
            item.errors = {{survey_pos(bound, row->line, 1),
                            format_message(kNoInstitution, std::to_string(row->number), bound.map->institution_column),
                            {}}};
            emit(std::move(item));
            continue;
        }
        auto [at, fresh] = open.try_emplace(key);
        OpenGroup& group = at->second;
        if (fresh) {
            group.first_row = row->number;
            group.first_line = row->line;
            order.push_back(key);
        }
        ++group.seen;
        if (auto problem = unreadable_cell(*row, file, in_sheet)) {
            group.errors.push_back(placed(*problem));
        } else {
            row->checked_text = true;
            for (size_t i = 0; i < row->cells.size() && i < kept.size(); ++i)
                if (!kept[i]) std::string().swap(row->cells[i].text);
            group.rows.push_back(std::move(*row));
        }
        if (group.seen >= rows_of[key]) {
            hand_on(group);
            open.erase(at);
        }
    }
    for (const auto& key : order)  // a file's that changed between the two readings
        if (auto at = open.find(key); at != open.end()) hand_on(at->second);
    return any_row;
}

// A survey export, CSV or .xlsx, read as SurveyExport finds it; the first item of the file carries
// what was found (the run's summary states it).
void read_survey(const std::string& file, const RubricSet& rubric, const SurveyMap& map, const ItemSink& emit) {
    std::optional<SurveyExport> source;
    std::optional<LocalText> note;
    // The note goes with the file's first item, whichever it is.
    auto send = [&](InputItem&& item) {
        item.note = std::move(note);
        note.reset();
        emit(std::move(item));
    };
    std::optional<SpooledInput> input;
    try {
        input.emplace(file);
        source.emplace(input->path(), map);
    } catch (const InputError& e) {
        return send(failed_item(file, input ? input->named(e.diagnostics()) : e.diagnostics()));
    }
    const std::optional<CsvRow>& header = source->header();
    if (!header) return send(failed_item(file, {{SourcePos{file}, format_message(kEmptyCsv), {}}}));
    const std::string& sheet = source->reading().sheet;
    // Each cell's place as the survey writes it: line:column, or the sheet's cell.
    auto at = [&](const Diagnostic& problem) {
        BoundSurvey placed;
        placed.file = file;
        placed.sheet = sheet;
        Diagnostic moved = problem;
        moved.pos = survey_pos(placed, problem.pos.line, problem.pos.column);
        return moved;
    };
    if (auto problem = unreadable_cell(*header, file, !sheet.empty())) {
        if (!plain_reading(source->reading())) note = describe_reading(source->reading());
        return send(failed_item(file, {at(*problem)}));
    }
    std::shared_ptr<const BoundSurvey> survey;
    try {
        BoundSurvey bound = bind_survey(map, rubric, *header, file, sheet);
        find_decimal_mark(bound, *source);
        survey = std::make_shared<const BoundSurvey>(std::move(bound));
    } catch (const InputError& e) {
        // Without its columns no row can be read: the file is one failed input.
        if (!plain_reading(source->reading())) note = describe_reading(source->reading());
        return send(failed_item(file, input->named(e.diagnostics())));
    }
    if (!plain_reading(source->reading())) note = describe_reading(source->reading());
    bool any_row = false;
    try {
        if (survey->institution_column >= 0) any_row = read_grouped_survey(file, map, *source, survey, send, at);
        while (std::optional<CsvRow> row = source->next()) {
            any_row = true;
            InputItem item;
            item.source = {file, row->number, row->line};
            if (auto problem = unreadable_cell(*row, file, !sheet.empty())) {
                item.errors = {at(*problem)};
            } else {
                row->checked_text = true;
                item.row = std::move(row);
            }
            item.survey = survey;
            send(std::move(item));
        }
    } catch (const InputError& e) {
        // A workbook's sheet found broken past its start: what was read is scored, the rest fails.
        return send(failed_item(file, input->named(e.diagnostics())));
    }
    if (!any_row) send(failed_item(file, {{survey_pos(*survey, header->line, 1), format_message(kNoAnswerRows), {}}}));
}

void read_yaml_file(const std::string& file, const ItemSink& emit) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return emit(failed_item(file, {{SourcePos{file}, format_message(msg::cannot_read_file), {}}}));
    split_yaml_stream(in, file, emit);
}

// Whether a name is a profile's: *.yaml or *.yml, in any case (Windows tools write .YAML).
bool profile_name(std::string_view name) {
    auto ends_with = [&](std::string_view suffix) {
        if (name.size() <= suffix.size()) return false;
        std::string_view tail = name.substr(name.size() - suffix.size());
        return std::equal(tail.begin(), tail.end(), suffix.begin(),
                          [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
    };
    return ends_with(".yaml") || ends_with(".yml");
}

InputItem skipped_item(const std::string& path, LocalText reason) {
    InputItem item;
    item.source = {path, 0, 0};
    item.skipped = std::move(reason);
    return item;
}

// Why a directory entry with a profile's name cannot be read as one, or nothing when it can.
std::optional<LocalText> unreadable_entry(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        int error = errno;
        struct stat link {};
        if (error == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
            std::error_code ignored;
            return format_message(kDanglingLink, std::filesystem::read_symlink(path, ignored).string());
        }
        if (error == ELOOP) return format_message(kLinkLoop);
        return system_reason(error);
    }
    if (S_ISDIR(info.st_mode)) return format_message(kFolderNotRead);
    if (!S_ISREG(info.st_mode)) return format_message(kNotRegularFile);
    if (::access(path.c_str(), R_OK) != 0) return system_reason(errno);
    return std::nullopt;
}

// Every entry of a directory, in name order: its *.yaml and *.yml files are read, and every other
// entry is reported as skipped with its reason, so that the run accounts for all of them. The
// names share one buffer: a cohort's folder may hold tens of thousands of profiles, and the
// batch's memory must not grow with them.
void read_directory(const std::string& directory, const ItemSink& emit) {
    namespace fs = std::filesystem;
    std::string names;  // each name ends with '\0'
    std::vector<size_t> starts;
    std::error_code error;
    for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
        starts.push_back(names.size());
        names += it->path().filename().string();
        names += '\0';
    }
    if (error) {
        LocalText reason = system_reason(error.value());
        return emit(failed_item(
            directory, {{SourcePos{directory}, format_message(kCannotReadDirectory, reason.en, reason.es), {}}}));
    }
    auto name = [&](size_t start) { return std::string_view(names.c_str() + start); };
    std::sort(starts.begin(), starts.end(), [&](size_t x, size_t y) { return name(x) < name(y); });
    bool any_profile = false;
    for (size_t start : starts) {
        std::string path = (fs::path(directory) / name(start)).string();
        std::error_code ignored;
        if (!profile_name(name(start))) {
            emit(
                skipped_item(path, format_message(fs::is_directory(path, ignored) ? kFolderNotRead : kNotProfileName)));
        } else if (auto reason = unreadable_entry(path)) {
            emit(skipped_item(path, *reason));
        } else {
            any_profile = true;
            read_yaml_file(path, emit);
        }
    }
    if (!any_profile) emit(failed_item(directory, {{SourcePos{directory}, format_message(kNoProfiles), {}}}));
}

}  // namespace

bool is_csv_input(const std::string& input) {
    std::string extension = std::filesystem::path(input).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return extension == ".csv" || extension == ".tsv" || extension == ".xlsx";
}

namespace {

// std::getline, keeping at most `limit` bytes of the line (a stream may be one endless line); a line
// ends at LF, CRLF or CR alone. False at the end of the stream.
bool read_line(std::streambuf& in, std::string& line, size_t limit) {
    constexpr int kEnd = std::char_traits<char>::eof();
    line.clear();
    int c = in.sbumpc();
    if (c == kEnd) return false;
    for (; c != kEnd && c != '\n'; c = in.sbumpc()) {
        if (c == '\r') {
            if (in.sgetc() == '\n') in.sbumpc();
            break;
        }
        if (line.size() <= limit) line.push_back(static_cast<char>(c));
    }
    return true;
}

// A UTF-8 byte-order mark may start any document of a stream (YAML 1.2, 9.1.1): `cat` of files
// saved by Windows editors puts one before each. It is dropped at a document's first line, or
// before a marker.
void drop_byte_order_mark(std::string& line, bool document_start) {
    if (line.compare(0, 3, "\xEF\xBB\xBF") != 0) return;
    std::string rest = line.substr(3);
    if (document_start || is_marker(rest, "---") || is_marker(rest, "...")) line = std::move(rest);
}

}  // namespace

void split_yaml_stream(std::istream& in, const std::string& file, const ItemSink& emit) {
    InputItem item;
    item.source = {file, 0, 1};
    bool content = false;
    bool opened = false;  // a "---" has started this document
    int entries = 0;
    // Ends the document (one without content is dropped) and starts the next at `next_line`.
    auto finish = [&](int next_line) {
        if (content) {
            item.source.entry = ++entries;
            emit(std::move(item));
        }
        item = InputItem{};
        item.source = {file, 0, next_line};
        content = false;
        opened = false;
    };

    const size_t limit = input::max_bytes();
    std::string line;
    int number = 0;
    while (read_line(*in.rdbuf(), line, limit)) {
        ++number;
        drop_byte_order_mark(line, item.yaml.empty());
        // A second "---" with nothing between (`echo ---; cat profile.yaml`, whose first line is
        // "---") leaves an empty document, which is dropped rather than read as a null profile.
        if (is_marker(line, "---") && (content || opened)) finish(number);
        opened = opened || is_marker(line, "---");
        if (is_marker(line, "...")) {
            finish(number + 1);
            continue;
        }
        content = content || has_content(line);
        if (!item.errors.empty()) continue;  // too large already: skipped to the next document
        if (item.yaml.size() + line.size() + 1 > limit) {
            // The document fails alone, without holding more of it in memory; the stream goes on.
            item.errors = {{SourcePos{file, item.source.line, 1},
                            format_message(msg::document_too_large, std::to_string(limit), input::kMaxBytesVariable),
                            {}}};
            item.yaml.clear();
            item.yaml.shrink_to_fit();
            continue;
        }
        item.yaml += line;
        item.yaml += '\n';
    }
    if (content || entries == 0) {
        // An empty file is still an input: it fails as a profile that is not a map.
        item.source.entry = ++entries;
        emit(std::move(item));
    }
}

void read_inputs(const std::vector<std::string>& inputs, const RubricSet& rubric, const SurveyMap* csv_map,
                 const ItemSink& emit) {
    namespace fs = std::filesystem;
    for (const auto& input : inputs) {
        std::error_code error;
        if (input == "-") {
            split_yaml_stream(std::cin, "-", emit);
        } else if (fs::is_directory(input, error)) {
            read_directory(input, emit);
        } else if (is_csv_input(input) && csv_map) {
            read_survey(input, rubric, *csv_map, emit);
        } else {
            read_yaml_file(input, emit);
        }
    }
}

}  // namespace tne
