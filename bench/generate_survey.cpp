// generate_survey N OUT.csv [IN.csv MAP.yaml]: writes a survey export of N data rows like
// examples/survey/respuestas.csv (its header, then its valid rows over and over, each institution's
// name numbered so that no two rows are alike), as Google Forms writes it: a byte-order mark, CRLF
// line ends, cells quoted when they hold a comma, a quote or a line break. The rows are those of
// IN.csv (default: examples/survey/respuestas.csv) that MAP.yaml (default: its mapa.yaml) reads
// without a problem, so `tne batch OUT.csv --csv-map MAP.yaml` scores every one.
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "tne/rubric.hpp"
#include "tne/survey.hpp"

#ifndef TNE_SOURCE_DIR
#define TNE_SOURCE_DIR "."
#endif

namespace {

std::string quoted(const std::string& cell) {
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string out = "\"";
    for (char ch : cell) {
        if (ch == '"') out += '"';
        out += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
    }
    return out + "\"";
}

void write_row(std::ostream& out, const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << quoted(cells[i]);
    out << "\r\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 && argc != 5) {
        std::cerr << "usage: generate_survey N OUT.csv [IN.csv MAP.yaml]\n";
        return 2;
    }
    const long n = std::stol(argv[1]);
    const std::string in_path = argc == 5 ? argv[3] : TNE_SOURCE_DIR "/examples/survey/respuestas.csv";
    const std::string map_path = argc == 5 ? argv[4] : TNE_SOURCE_DIR "/examples/survey/mapa.yaml";
    try {
        const tne::RubricSet rubric = tne::load_rubric_set(tne::embedded_rubric_files());
        tne::SurveyMap map = tne::load_survey_map(map_path, rubric);
        std::ifstream in(in_path, std::ios::binary);
        tne::CsvReader reader(in, map.delimiter);
        std::optional<tne::CsvRow> header = reader.next();
        if (!header) throw std::runtime_error(in_path + " is empty");
        tne::BoundSurvey survey = tne::bind_survey(map, rubric, *header, in_path);
        // The institution's name, numbered in every row.
        int name_column = -1;
        for (size_t i = 0; i < map.fields.size(); ++i)
            if (map.fields[i].path == "institution.name") name_column = survey.column_of_field[i];
        std::vector<std::vector<std::string>> rows;
        while (std::optional<tne::CsvRow> row = reader.next()) {
            try {
                tne::survey_row_profile(survey, *row);
            } catch (const tne::InputError&) {
                continue;  // the rows with errors on purpose
            }
            std::vector<std::string> cells;
            for (const auto& cell : row->cells) cells.push_back(cell.text);
            rows.push_back(std::move(cells));
        }
        if (rows.empty()) throw std::runtime_error(in_path + " has no valid row");
        std::ofstream out(argv[2], std::ios::binary);
        out << "\xEF\xBB\xBF";
        std::vector<std::string> head;
        for (const auto& cell : header->cells) head.push_back(cell.text);
        if (!head.empty() && head[0].rfind("\xEF\xBB\xBF", 0) == 0) head[0].erase(0, 3);
        write_row(out, head);
        for (long k = 0; k < n; ++k) {
            std::vector<std::string> cells = rows[static_cast<size_t>(k) % rows.size()];
            if (name_column >= 0) cells[static_cast<size_t>(name_column)] += " " + std::to_string(k + 1);
            write_row(out, cells);
        }
        if (!out.flush()) throw std::runtime_error("cannot write " + std::string(argv[2]));
    } catch (const tne::InputError& e) {
        for (const auto& d : e.diagnostics()) std::cerr << d.str(tne::Lang::en) << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "generate_survey: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
