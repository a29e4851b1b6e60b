// The batch pipeline: one reader thread walks the inputs in order, `jobs` workers load, score and
// render each item, and the calling thread hands the records on strictly in input order. At most
// a window of chunks of items is in flight, so memory stays flat however many inputs there are.
#include "tne/batch.hpp"

#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>

#include "base/yaml_input.hpp"
#include "batch/batch_input.hpp"

namespace tne {

namespace {

constexpr Message kCsvNeedsMap{
    "{0} is a survey export (CSV, TSV or .xlsx, by its name); give --csv-map MAP.yaml to say how to read its columns",
    "{0} es una exportación de encuesta (CSV, TSV o .xlsx, por su nombre); indique --csv-map MAPA.yaml para leer sus "
    "columnas"};
constexpr Message kUnexpected{"could not be processed: {0}", "no se pudo procesar: {0}"};
constexpr Message kNoRespondentAnswered{
    "column \"{0}\": none of the institution's {1} respondents answered it, but {2} is required",
    "columna \"{0}\": ninguna de las {1} personas que respondieron por la institución la contestó, pero {3} es "
    "obligatoria"};

// An institution's respondents (rows grouped by the map's institution column): each row read as a
// profile whose required answers may be missing, every row's problems at their cells, then the
// answers combined and the required questions checked on the result.
CombinedProfile load_respondents(const InputItem& item, const RubricSet& rubric) {
    const BoundSurvey& survey = *item.survey;
    std::vector<Diagnostic> problems = item.errors;
    std::vector<Profile> answers;
    std::vector<Respondent> respondents;
    for (const auto& row : item.respondents) {
        try {
            answers.push_back(survey_row_profile(survey, row, /*require_answers=*/false));
            respondents.push_back({row.number, row.line, respondent_role(survey, row)});
        } catch (const InputError& e) {
            problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
        }
    }
    if (!problems.empty()) {
        std::stable_sort(problems.begin(), problems.end(), [](const Diagnostic& x, const Diagnostic& y) {
            return std::tie(x.pos.line, x.pos.column) < std::tie(y.pos.line, y.pos.column);
        });
        throw InputError(problems);
    }
    CombinedProfile combined = combine_respondents(rubric, answers, std::move(respondents), item.source.label());
    const CsvRow& first = item.respondents.front();
    for (size_t i = 0; i < survey.map->fields.size(); ++i) {
        const Question* question = rubric.find_question(survey.map->fields[i].path);
        if (!question || !question->required || combined.profile.find(*question)) continue;
        const CsvCell& cell = first.cells.at(static_cast<size_t>(survey.column_of_field[i]));
        LocalText paths = question->paths();
        problems.push_back({SourcePos{survey.file, cell.line, cell.column},
                            format_message(kNoRespondentAnswered, survey.map->fields[i].column,
                                           std::to_string(item.respondents.size()), paths.en, paths.es),
                            {}});
    }
    if (!problems.empty()) throw InputError(problems);
    return combined;
}

// Positions in a document of a stream are relative to the document; the user needs the file's.
std::vector<Diagnostic> in_file(std::vector<Diagnostic> diagnostics, const RecordSource& source) {
    for (auto& d : diagnostics)
        if (d.pos.file == source.file && d.pos.line > 0) d.pos.line += source.line - 1;
    return diagnostics;
}

Profile load_item(const InputItem& item, const RubricSet& rubric) {
    if (!item.errors.empty()) throw InputError(item.errors);
    if (item.row) return survey_row_profile(*item.survey, *item.row);
    try {
        return load_profile_node(yaml_input::parse(item.yaml, item.source.file, /*split_already=*/true),
                                 item.source.file, rubric);
    } catch (const InputError& e) {
        throw InputError(in_file(e.diagnostics(), item.source));
    }
}

BatchRecord process(const InputItem& item, const RubricSet& rubric, const BatchOptions& options) {
    BatchRecord record;
    record.source = item.source;
    record.note = item.note;
    if (item.skipped) {
        record.skipped = item.skipped;
        return record;
    }
    try {
        if (!item.respondents.empty()) {
            CombinedProfile combined = load_respondents(item, rubric);
            Assessment assessment = assess(combined.profile, rubric);
            record.text = render_record(record.source, assessment, options.format, &combined);
            if (options.members) {
                record.member = cohort_member(assessment, record.source.label());
                record.member->respondents = combined.respondents;
                record.member->disagreements = std::move(combined.disagreements);
            }
            record.scored = true;
            return record;
        }
        Assessment assessment = assess(load_item(item, rubric), rubric);
        record.text = render_record(record.source, assessment, options.format);
        if (options.members) record.member = cohort_member(assessment, record.source.label());
        record.scored = true;
        return record;
    } catch (const InputError& e) {
        record.errors = e.diagnostics();
    } catch (const std::exception& e) {
        // yaml-cpp throws more than parse errors on hostile input; one input must not stop the run.
        SourcePos pos{item.source.file, item.source.line, item.source.line > 0 ? 1 : 0};
        record.errors = {Diagnostic{pos, format_message(kUnexpected, e.what()), {}}};
    }
    record.text =
        render_failed_record(record.source, record.errors, rubric, options.format, options.lang, options.grouped);
    return record;
}

// Items travel in chunks of consecutive inputs, so that threads meet once per chunk rather than
// once per input: on two cores, waking a thread for every profile cost a sixth of the run.
constexpr size_t kChunk = 16;
using Chunk = std::vector<InputItem>;

// The state the three kinds of thread share, under one mutex. Chunks are numbered in input order.
struct Pipeline {
    std::mutex mutex;
    std::condition_variable work_ready;               // workers wait for chunks
    std::condition_variable room;                     // the reader waits for the window to move
    std::condition_variable records_ready;            // the caller waits for the next chunk in order
    std::map<size_t, Chunk> waiting;                  // read, not yet taken by a worker
    std::map<size_t, std::vector<BatchRecord>> done;  // processed, not yet handed on
    size_t read = 0;                                  // chunks read so far
    size_t handed = 0;                                // chunks handed on so far
    bool reading_done = false;
    bool stopping = false;  // the caller failed: everyone stops
    std::exception_ptr reader_error;
};

}  // namespace

void check_batch_inputs(const std::vector<std::string>& inputs, const BatchOptions& options) {
    for (const auto& input : inputs)
        if (is_csv_input(input) && !options.csv_map)
            throw InputError(SourcePos{input}, format_message(kCsvNeedsMap, input));
}

BatchCounts run_batch(const std::vector<std::string>& inputs, const RubricSet& rubric, const BatchOptions& options,
                      const std::function<void(BatchRecord&)>& on_record,
                      const std::function<void(const BatchCounts&)>& on_progress) {
    BatchCounts counts;
    auto hand_on = [&](BatchRecord& record) {
        if (record.skipped) {
            ++counts.skipped;
        } else {
            ++counts.read;
            ++(record.scored ? counts.scored : counts.failed);
        }
        on_record(record);
        if (on_progress) on_progress(counts);
    };
    const int jobs = std::max(1, options.jobs);
    if (jobs == 1) {  // one job: no threads, no hand-offs
        read_inputs(inputs, rubric, options.csv_map, [&](InputItem&& item) {
            BatchRecord record = process(item, rubric, options);
            hand_on(record);
        });
        return counts;
    }

    const size_t window = 4 * static_cast<size_t>(jobs);  // chunks in flight
    Pipeline p;

    std::thread reader([&] {
        Chunk chunk;
        auto send = [&] {
            std::unique_lock lock(p.mutex);
            p.room.wait(lock, [&] { return p.stopping || p.read - p.handed < window; });
            if (p.stopping) throw std::runtime_error("stopped");
            p.waiting.emplace(p.read++, std::move(chunk));
            p.work_ready.notify_one();
            chunk.clear();
        };
        auto workers_idle = [&] {
            std::lock_guard lock(p.mutex);
            return p.waiting.empty();
        };
        try {
            // A full chunk goes out, and so does a partial one when the workers have nothing to do:
            // a slow stream (standard input) still gets its records as they come.
            read_inputs(inputs, rubric, options.csv_map, [&](InputItem&& item) {
                chunk.push_back(std::move(item));
                if (chunk.size() == kChunk || workers_idle()) send();
            });
            if (!chunk.empty()) send();
        } catch (...) {
            std::lock_guard lock(p.mutex);
            if (!p.stopping) p.reader_error = std::current_exception();
        }
        std::lock_guard lock(p.mutex);
        p.reading_done = true;
        p.work_ready.notify_all();
        p.records_ready.notify_all();
    });

    std::vector<std::thread> workers;
    for (int i = 0; i < jobs; ++i) {
        workers.emplace_back([&] {
            for (;;) {
                std::unique_lock lock(p.mutex);
                p.work_ready.wait(lock, [&] { return p.stopping || !p.waiting.empty() || p.reading_done; });
                if (p.stopping || p.waiting.empty()) return;
                auto next = p.waiting.extract(p.waiting.begin());
                lock.unlock();
                std::vector<BatchRecord> records;
                records.reserve(next.mapped().size());
                for (const auto& item : next.mapped()) records.push_back(process(item, rubric, options));
                lock.lock();
                bool wanted = next.key() == p.handed;  // the caller waits for this very chunk
                p.done.emplace(next.key(), std::move(records));
                if (wanted) p.records_ready.notify_one();
            }
        });
    }

    auto stop_and_join = [&] {
        {
            std::lock_guard lock(p.mutex);
            p.stopping = true;
        }
        p.work_ready.notify_all();
        p.room.notify_all();
        reader.join();
        for (auto& worker : workers) worker.join();
    };

    try {
        for (;;) {
            std::unique_lock lock(p.mutex);
            p.records_ready.wait(lock,
                                 [&] { return p.done.count(p.handed) || (p.reading_done && p.handed == p.read); });
            auto found = p.done.find(p.handed);
            if (found == p.done.end()) break;  // everything read has been handed on
            std::vector<BatchRecord> records = std::move(found->second);
            p.done.erase(found);
            lock.unlock();

            for (auto& record : records) hand_on(record);

            lock.lock();
            ++p.handed;
            p.room.notify_one();
        }
    } catch (...) {
        stop_and_join();
        throw;
    }
    stop_and_join();
    if (p.reader_error) std::rethrow_exception(p.reader_error);
    return counts;
}

}  // namespace tne
