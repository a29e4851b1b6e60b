#include "batch_input.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "messages.hpp"
#include "tne/input.hpp"

namespace tne {

namespace {

constexpr Message kCannotReadDirectory{"cannot read the directory: {0}", "no se puede leer el directorio: {0}"};
constexpr Message kNoProfiles{"the directory has no profiles (*.yaml, *.yml)",
                              "el directorio no tiene perfiles (*.yaml, *.yml)"};
constexpr Message kEmptyCsv{"the CSV file is empty; expected a header row and one row per institution",
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
std::optional<Diagnostic> unreadable_cell(const CsvRow& row, const std::string& file) {
    for (const auto& cell : row.cells) {
        if (auto place = input::find_unreadable(cell.text)) {
            // A cell may span lines (a quoted line break): its own line 1 is the cell's line.
            int line = cell.line + place->line - 1;
            int column = place->line == 1 ? cell.column + place->column - 1 : place->column;
            return Diagnostic{{file, line, column}, place->message, {}};
        }
    }
    return std::nullopt;
}

void read_survey(const std::string& file, const RubricSet& rubric, const SurveyMap& map, const ItemSink& emit) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return emit(failed_item(file, {{SourcePos{file}, format_message(msg::cannot_read_file), {}}}));
    CsvReader reader(in, map.delimiter);
    std::optional<CsvRow> header = reader.next();
    if (!header) return emit(failed_item(file, {{SourcePos{file}, format_message(kEmptyCsv), {}}}));
    if (auto problem = unreadable_cell(*header, file)) return emit(failed_item(file, {*problem}));
    std::shared_ptr<const BoundSurvey> survey;
    try {
        survey = std::make_shared<const BoundSurvey>(bind_survey(map, rubric, *header, file));
    } catch (const InputError& e) {
        // Without its columns no row can be read: the file is one failed input.
        return emit(failed_item(file, e.diagnostics()));
    }
    while (std::optional<CsvRow> row = reader.next()) {
        InputItem item;
        item.source = {file, row->number, row->line};
        if (auto problem = unreadable_cell(*row, file)) item.errors = {*problem};
        else item.row = std::move(row);
        item.survey = survey;
        emit(std::move(item));
    }
}

void read_yaml_file(const std::string& file, const ItemSink& emit) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return emit(failed_item(file, {{SourcePos{file}, format_message(msg::cannot_read_file), {}}}));
    split_yaml_stream(in, file, emit);
}

// A directory's *.yaml and *.yml files, in name order. The names share one buffer: a cohort's folder
// may hold tens of thousands of profiles, and the batch's memory must not grow with them.
void read_directory(const std::string& directory, const ItemSink& emit) {
    namespace fs = std::filesystem;
    std::string names;  // each name ends with '\0'
    std::vector<size_t> starts;
    std::error_code error;
    for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
        std::error_code ignored;
        std::string extension = it->path().extension().string();
        if ((extension != ".yaml" && extension != ".yml") || !it->is_regular_file(ignored)) continue;
        starts.push_back(names.size());
        names += it->path().filename().string();
        names += '\0';
    }
    if (error) return emit(failed_item(directory, {{SourcePos{directory}, format_message(kCannotReadDirectory, error.message()), {}}}));
    if (starts.empty()) return emit(failed_item(directory, {{SourcePos{directory}, format_message(kNoProfiles), {}}}));
    auto name = [&](size_t start) { return std::string_view(names.c_str() + start); };
    std::sort(starts.begin(), starts.end(), [&](size_t x, size_t y) { return name(x) < name(y); });
    for (size_t start : starts) read_yaml_file((fs::path(directory) / name(start)).string(), emit);
}

}  // namespace

bool is_csv_input(const std::string& input) {
    std::string extension = std::filesystem::path(input).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return extension == ".csv";
}

namespace {

// std::getline, keeping at most `limit` bytes of the line (a stream may be one endless line);
// false at the end of the stream.
bool read_line(std::streambuf& in, std::string& line, size_t limit) {
    line.clear();
    int c = in.sbumpc();
    if (c == std::char_traits<char>::eof()) return false;
    for (; c != std::char_traits<char>::eof() && c != '\n'; c = in.sbumpc())
        if (line.size() <= limit) line.push_back(static_cast<char>(c));
    return true;
}

}  // namespace

void split_yaml_stream(std::istream& in, const std::string& file, const ItemSink& emit) {
    InputItem item;
    item.source = {file, 0, 1};
    bool content = false;
    int entries = 0;
    auto finish = [&](int next_line) {
        if (content) {
            item.source.entry = ++entries;
            emit(std::move(item));
        }
        item = InputItem{};
        item.source = {file, 0, next_line};
        content = false;
    };

    const size_t limit = input::max_bytes();
    std::string line;
    int number = 0;
    while (read_line(*in.rdbuf(), line, limit)) {
        ++number;
        if (is_marker(line, "---") && content) finish(number);
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
