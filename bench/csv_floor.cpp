// csv_floor FILE.csv: reads a survey export with tne's CSV reader alone (no map, no checks, no
// scoring) and touches every cell, on one thread: the floor of the survey path. Prints
// "rows N cells C bytes B seconds T rows/s R" (the header not counted as a row).
#include <chrono>
#include <cstdio>
#include <fstream>

#include "tne/survey.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: csv_floor FILE.csv\n");
        return 2;
    }
    auto start = std::chrono::steady_clock::now();
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "csv_floor: cannot read %s\n", argv[1]);
        return 1;
    }
    tne::CsvReader reader(in, ',');
    size_t rows = 0, cells = 0, bytes = 0;
    while (std::optional<tne::CsvRow> row = reader.next()) {
        if (row->number > 0) ++rows;
        for (const auto& cell : row->cells) {
            ++cells;
            bytes += cell.text.size();
        }
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("rows %zu cells %zu bytes %zu seconds %.3f rows/s %.0f\n", rows, cells, bytes, seconds,
                seconds > 0 ? static_cast<double>(rows) / seconds : 0.0);
    return 0;
}
