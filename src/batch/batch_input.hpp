// The batch's reader: walks the inputs in order and yields one item per YAML document or CSV data
// row. Streams are read line by line, so a stream of any length needs memory for one document.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tne/batch.hpp"

namespace tne {

struct InputItem {
    RecordSource source;
    std::string yaml;                           // a YAML document; its line 1 is source.line
    std::optional<CsvRow> row;                  // or a CSV data row,
    std::vector<CsvRow> respondents;            // or an institution's rows, when the map groups them
    std::shared_ptr<const BoundSurvey> survey;  // with the survey it belongs to
    std::vector<Diagnostic> errors;             // or why the input could not be read at all (or, with
                                                // respondents, why some of their rows could not)
    std::optional<LocalText> skipped;           // or why a directory entry is not an input
    std::optional<LocalText> note;              // with a survey's first item: how the export was read
};

using ItemSink = std::function<void(InputItem&&)>;

// Reads every input: "-" is standard input, a directory gives its *.yaml and *.yml files (and a
// skipped item for each other entry), a *.csv
// (or *.tsv, *.xlsx) file is a survey read through `csv_map`, anything else a YAML stream of one or more documents.
void read_inputs(const std::vector<std::string>& inputs, const RubricSet& rubric, const SurveyMap* csv_map,
                 const ItemSink& emit);

// Splits a YAML stream at its document markers ("---", "...") without parsing it, so that each
// document is parsed alone: a bad one is reported and cannot take the others down (Debian's
// yaml-cpp 0.7.0 YAML::LoadAll can loop until memory runs out on some malformed streams).
void split_yaml_stream(std::istream& in, const std::string& file, const ItemSink& emit);

bool is_csv_input(const std::string& input);

}  // namespace tne
