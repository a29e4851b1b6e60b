// tne batch: many institutions scored in one run. Inputs are read in order, scored in parallel
// against one shared rubric set, and handed back in input order, one record per institution or
// per input that failed, so nothing is lost and every input is accounted for.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "tne/assessment.hpp"
#include "tne/cohort.hpp"
#include "tne/error.hpp"
#include "tne/respondents.hpp"
#include "tne/survey.hpp"

namespace tne {

// Where a record comes from.
struct RecordSource {
    std::string file;  // "-" for standard input
    int entry = 1;     // the document's number in a YAML stream, or the data row's number in a CSV
    int line = 1;      // the line where that document or row starts; 0 when the file could not be read

    std::string label() const;  // "file:line", or "file" when there is no line
};

enum class RecordFormat { csv, jsonl, json };

// One input's outcome: its record, rendered, and what the summary keeps of it.
struct BatchRecord {
    RecordSource source;
    bool scored = false;
    std::string text;                    // the record in the chosen format, without a separator
    std::optional<CohortMember> member;  // when scored and a summary is wanted
    std::vector<Diagnostic> errors;      // when it failed
    std::optional<LocalText> skipped;    // a directory entry that is not an input: why (no record)
    std::optional<LocalText> note;       // the first record of a survey export: how it was read
};

// read = scored + failed; the entries of input directories that are not profiles are counted apart.
struct BatchCounts {
    int read = 0;
    int scored = 0;
    int failed = 0;
    int skipped = 0;
};

struct BatchOptions {
    int jobs = 1;
    RecordFormat format = RecordFormat::csv;
    Lang lang = Lang::en;
    const SurveyMap* csv_map = nullptr;  // how to read *.csv inputs; they are refused without one
    bool members = false;                // keep a CohortMember of each scored record
    bool grouped = false;                // csv_map groups rows by institution: records have the respondents' columns
};

// Calls `on_record` for every record, in input order, on the calling thread; `on_progress` after
// each. An input that fails becomes a failed record; only a bug escapes as an exception.
BatchCounts run_batch(const std::vector<std::string>& inputs, const RubricSet& rubric, const BatchOptions& options,
                      const std::function<void(BatchRecord&)>& on_record,
                      const std::function<void(const BatchCounts&)>& on_progress = {});

// Throws InputError (a usage error) when an input can never be read as asked: a CSV file without
// a map. Inputs that merely fail to load are left to the run, which reports them as records.
void check_batch_inputs(const std::vector<std::string>& inputs, const BatchOptions& options);

// Records: the text before the first record (a CSV header, "[" of a JSON array), between two and
// after the last.
// `grouped`: a survey map groups respondents by institution, and the CSV has two more columns.
std::string records_begin(RecordFormat format, const RubricSet& rubric, bool grouped = false);
std::string records_separator(RecordFormat format);
std::string records_end(RecordFormat format, bool empty);

// `respondents`: the institution's several respondents, whose disagreements the record lists.
std::string render_record(const RecordSource& source, const Assessment& assessment, RecordFormat format,
                          const CombinedProfile* respondents = nullptr);
std::string render_failed_record(const RecordSource& source, const std::vector<Diagnostic>& errors,
                                 const RubricSet& rubric, RecordFormat format, Lang lang, bool grouped = false);

// The disagreements as one CSV cell: "PATH (spread S): VALUE (row R, ROLE), VALUE (row R)" for each,
// joined by " | ", largest spread first.
std::string disagreements_text(const CombinedProfile& respondents);

}  // namespace tne
