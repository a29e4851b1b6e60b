// tne batch: many institutions, records per institution and a cohort summary. A batch scores with
// `assess` alone, never `assess_fully`: its records do not show the review of evidence or the advice
// changes (docs/batch.md), so it does not pay for them.
#include "tne/batch.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

#include "commands.hpp"
#include "records_xlsx.hpp"
#include "tne/cohort.hpp"
#include "tne/output.hpp"
#include "tne/survey.hpp"

namespace tne::cli {

namespace {

struct BatchCliOptions {
    std::vector<std::string> inputs;
    std::string csv_map;
    std::string sheet;             // of .xlsx inputs; overrides the map's `sheet:`
    std::optional<Format> format;  // empty: csv for records, text for a summary
    bool summary = false;
    std::string records;  // with --summary: also write the records here
    int jobs = 0;         // 0: every core
    bool quiet = false;
    std::string date;  // the summary's date; empty: today
};

BatchCliOptions options;

// Where output goes: standard output, or a file put in place atomically once the run succeeds.
class OutputSink {
public:
    explicit OutputSink(const std::string& path) {
        if (!path.empty()) file_ = std::make_unique<AtomicFile>(path);
    }
    void write(std::string_view text) {
        if (file_) return file_->write(text);
        pending_ += text;  // standard output too is written in pieces of 64 KiB, each write checked
        if (pending_.size() >= 1 << 16) flush();
    }
    void commit() {
        if (file_)
            file_->commit();
        else
            flush();
    }

private:
    void flush() {
        write_standard_output(pending_);
        pending_.clear();
    }

    std::unique_ptr<AtomicFile> file_;
    std::string pending_;
};

// A one-line progress report on standard error, redrawn at most ten times a second; only on a
// terminal, so logs and pipes stay clean.
class Progress {
public:
    explicit Progress(bool enabled) : enabled_(enabled) {}
    void update(const BatchCounts& counts, Lang lang) {
        if (!enabled_) return;
        auto now = std::chrono::steady_clock::now();
        if (now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        std::string line = lang == Lang::es ? fmt::format("tne: {} leídos, {} evaluados, {} con errores...",
                                                          counts.read, counts.scored, counts.failed)
                                            : fmt::format("tne: {} read, {} scored, {} failed...", counts.read,
                                                          counts.scored, counts.failed);
        std::fprintf(stderr, "\r%s\033[K", line.c_str());
        shown_ = true;
    }
    void clear() {
        if (shown_) std::fputs("\r\033[K", stderr);
        shown_ = false;
    }

private:
    bool enabled_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point last_{};
};

std::optional<RecordFormat> record_format(Format format) {
    switch (format) {
        case Format::csv:
            return RecordFormat::csv;
        case Format::jsonl:
            return RecordFormat::jsonl;
        case Format::json:
            return RecordFormat::json;
        default:
            return std::nullopt;
    }
}

// Whether records go to a workbook: a file named *.xlsx, in any case.
bool is_xlsx(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".xlsx";
}

// --records FILE takes its format from the file's extension (.xlsx: a workbook of the CSV records).
RecordFormat records_file_format(const std::string& path, Lang lang) {
    std::string extension = std::filesystem::path(path).extension().string();
    if (extension == ".csv" || is_xlsx(path)) return RecordFormat::csv;
    if (extension == ".jsonl") return RecordFormat::jsonl;
    if (extension == ".json") return RecordFormat::json;
    throw UsageError(lang == Lang::es
                         ? fmt::format("--records {}: la extensión debe ser .csv, .jsonl, .json o .xlsx", path)
                         : fmt::format("--records {}: the extension must be .csv, .jsonl, .json or .xlsx", path));
}

}  // namespace

void add_batch_options(CLI::App& command, CommonOptions& common, Lang lang) {
    command
        .add_option(tr(lang, "inputs", "entradas"), options.inputs,
                    tr(lang,
                       "Profiles: YAML files, directories (their *.yaml, *.yml), multi-document streams,\n"
                       "'-' for standard input, or survey exports: *.csv, *.tsv, *.xlsx (with --csv-map)",
                       "Perfiles: archivos YAML, carpetas (sus *.yaml, *.yml), flujos de varios documentos,\n"
                       "'-' para la entrada estándar, o encuestas exportadas: *.csv, *.tsv, *.xlsx (con\n"
                       "--csv-map)"))
        ->type_name(tr(lang, "FILE", "ARCHIVO"))
        ->required();
    command
        .add_option("--csv-map,--map", options.csv_map,
                    tr(lang,
                       "How to read survey exports (*.csv, *.tsv, *.xlsx): columns and answer labels\n"
                       "(YAML); with institution_column, the rows of one institution are combined",
                       "Cómo leer las encuestas exportadas (*.csv, *.tsv, *.xlsx): columnas y etiquetas de\n"
                       "respuesta (YAML); con institution_column, se combinan las filas de una misma\n"
                       "institución"))
        ->type_name(tr(lang, "MAP", "MAPA"))
        ->check(readable_file(lang));
    command
        .add_option("--sheet", options.sheet,
                    tr(lang, "The sheet of *.xlsx inputs to read (default: the map's `sheet:`, else the first)",
                       "La hoja de las entradas *.xlsx que se lee (si falta: la de `sheet:` en el mapa, o la\n"
                       "primera)"))
        ->type_name(tr(lang, "NAME", "NOMBRE"));
    add_format_option(command, options.format,
                      {Format::csv, Format::jsonl, Format::json, Format::text, Format::markdown, Format::html},
                      std::nullopt,
                      tr(lang,
                         "Records: csv (default), jsonl or json (-o FILE.xlsx: a workbook of the csv records\n"
                         "and the summary). With --summary: text (default), json, markdown or html (a\n"
                         "self-contained page with charts)",
                         "Registros: csv (si falta), jsonl o json (-o ARCHIVO.xlsx: un libro con los registros\n"
                         "csv y el resumen). Con --summary: texto (si falta), json, markdown o html (una\n"
                         "página autónoma con gráficos)"),
                      lang);
    command.add_flag("--summary", options.summary,
                     tr(lang, "Print the cohort summary (by institution type, key barriers, models, percentiles)",
                        "Escribir el resumen de la cohorte (por tipo de institución, barreras clave, modelos,\n"
                        "percentiles)"));
    command
        .add_option("--records", options.records,
                    tr(lang, "With --summary, also write the records to FILE (.csv, .jsonl, .json, .xlsx)",
                       "Con --summary, escribir también los registros en ARCHIVO (.csv, .jsonl, .json, .xlsx)"))
        ->type_name(tr(lang, "FILE", "ARCHIVO"));
    command
        .add_option("-j,--jobs", options.jobs,
                    tr(lang, "Score N inputs at a time, 1 to 256 (default: every core)",
                       "Evaluar N entradas a la vez, de 1 a 256 (si falta: tantas como núcleos)"))
        ->type_name("N")
        ->check(whole_number(1, 256, lang));
    add_date_option(command, options.date,
                    tr(lang,
                       "The summary's date, and an .xlsx workbook's creation date (default: today, or\n"
                       "SOURCE_DATE_EPOCH)",
                       "La fecha del resumen, y la de creación de un libro .xlsx (si falta: hoy, o\n"
                       "SOURCE_DATE_EPOCH)"),
                    lang);
    command.add_flag("-q,--quiet", options.quiet,
                     tr(lang, "No progress line, error lines or final count on standard error",
                        "Sin línea de progreso, líneas de error ni cuenta final en la salida de errores"));
    add_common(command, common, lang);
}

Exit run_batch(const CommonOptions& common, Lang lang) {
    bool summary = options.summary;
    Format format = summary ? output_format(options.format, common.output,
                                            {Format::text, Format::json, Format::markdown, Format::html}, Format::text,
                                            common.command + " --summary", lang)
                            : output_format(options.format, common.output, {Format::csv, Format::jsonl, Format::json},
                                            Format::csv, common.command, lang);
    if (summary && format != Format::text && format != Format::json && format != Format::markdown &&
        format != Format::html)
        throw UsageError(lang == Lang::es ? "con --summary, --format es text, json, markdown o html"
                                          : "with --summary, --format is text, json, markdown or html");
    if (!summary && !record_format(format))
        throw UsageError(lang == Lang::es
                             ? "--format es csv, jsonl o json (text, json, markdown y html con --summary)"
                             : "--format is csv, jsonl or json (text, json, markdown or html with --summary)");
    ReportDate date = report_date(options.date, lang);
    // Records as a workbook: -o FILE.xlsx, or --records FILE.xlsx with --summary.
    const bool xlsx = summary ? is_xlsx(options.records) : is_xlsx(common.output);
    if (summary && is_xlsx(common.output))
        throw UsageError(lang == Lang::es ? fmt::format("-o {0}: con --summary, -o es el informe de la cohorte (texto, "
                                                        "json, markdown o html); un libro .xlsx con los registros y el "
                                                        "resumen se escribe con --records {0}",
                                                        common.output)
                                          : fmt::format("-o {0}: with --summary, -o is the cohort report (text, json, "
                                                        "markdown or html); a workbook of the records and the summary "
                                                        "is written with --records {0}",
                                                        common.output));
    if (xlsx && !summary && options.format && *options.format != Format::csv)
        throw UsageError(lang == Lang::es ? fmt::format("-o {}: un libro .xlsx tiene los registros en columnas, como "
                                                        "csv; quite --format",
                                                        common.output)
                                          : fmt::format("-o {}: an .xlsx workbook holds the records in columns, as csv "
                                                        "does; leave out --format",
                                                        common.output));
    if (!options.records.empty() && !summary)
        throw UsageError(lang == Lang::es ? "--records acompaña a --summary; sin él, los registros van a -o"
                                          : "--records goes with --summary; without it, records go to -o");

    std::vector<std::string> inputs = options.inputs;
    inputs.insert(inputs.end(), {options.csv_map, common.rubrics});
    std::vector<OutputPath> outputs = {{"-o", common.output}};
    if (summary && !options.records.empty()) outputs.push_back({"--records", options.records});
    keep_inputs_safe(inputs, outputs, lang);

    RubricSet rubric = load_rubrics(common);
    std::optional<SurveyMap> csv_map;
    if (!options.csv_map.empty()) csv_map = load_survey_map(options.csv_map, rubric);
    if (csv_map && !options.sheet.empty()) csv_map->sheet = options.sheet;

    BatchOptions batch;
    batch.jobs = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    batch.lang = lang;
    batch.csv_map = csv_map ? &*csv_map : nullptr;
    batch.members = summary || xlsx;  // a workbook has a sheet with the cohort summary
    batch.grouped = csv_map && !csv_map->institution_column.empty();
    check_batch_inputs(options.inputs, batch);

    // The records go to -o (or standard output), or with --summary to --records when given.
    std::string records_path = summary ? options.records : common.output;
    bool write_records = !summary || !options.records.empty();
    batch.format = summary ? (write_records ? records_file_format(records_path, lang) : RecordFormat::csv)
                           : *record_format(format);
    std::optional<OutputSink> records;
    std::optional<XlsxRecords> workbook;
    if (write_records && xlsx)
        workbook.emplace(records_path, rubric, batch.grouped, date, lang);
    else if (write_records)
        records.emplace(records_path);

    Progress progress(!options.quiet && isatty(STDERR_FILENO));
    std::vector<CohortMember> members;
    std::vector<FailedInput> failures;  // for the summary, which lists them
    bool first = true;
    if (records) records->write(records_begin(batch.format, rubric, batch.grouped));
    BatchCounts counts = tne::run_batch(
        options.inputs, rubric, batch,
        [&](BatchRecord& record) {
            if (record.note && !options.quiet) {  // how a survey export was read, before its first record
                progress.clear();
                std::fprintf(stderr, "tne: %s: %s\n", record.source.file.c_str(), record.note->in(lang).c_str());
            }
            if (record.skipped) {
                if (!options.quiet) {
                    progress.clear();
                    std::fprintf(stderr, "tne: %s: %s: %s\n", lang == Lang::es ? "omitido" : "skipped",
                                 record.source.file.c_str(), record.skipped->in(lang).c_str());
                }
                return;
            }
            if (records) {
                if (!first) records->write(records_separator(batch.format));
                records->write(record.text);
            }
            if (workbook) workbook->add(record.text);
            first = false;
            if (record.member) members.push_back(std::move(*record.member));
            if ((summary || workbook) && !record.scored) failures.push_back({record.source.label(), record.errors});
            if (!options.quiet) {
                progress.clear();
                for (const auto& error : record.errors)
                    std::fprintf(stderr, "tne: error: %s\n", error.str(lang).c_str());
            }
        },
        [&](const BatchCounts& so_far) { progress.update(so_far, lang); });
    progress.clear();

    if (records) {
        records->write(records_end(batch.format, first));
        records->commit();
    }
    if (workbook) {
        // A workbook's summary sheet: its own copy of the failures, as --summary's report keeps them too.
        workbook->commit(summarise(members, rubric, counts.read, failures));
    }
    if (summary) {
        CohortSummary cohort = summarise(members, rubric, counts.read, std::move(failures));
        switch (format) {
            case Format::json:
                emit(common, render_summary_json(cohort, lang));
                break;
            case Format::markdown:
                emit(common, render_summary_markdown(cohort, lang, date));
                break;
            case Format::html:
                emit(common, render_summary_html(cohort, lang, date));
                break;
            default:
                emit(common, render_summary_text(cohort, lang, date));
        }
    }
    if (!options.quiet) {
        std::string line = lang == Lang::es ? fmt::format("tne: {} leídos = {} evaluados + {} con errores", counts.read,
                                                          counts.scored, counts.failed)
                                            : fmt::format("tne: {} read = {} scored + {} failed", counts.read,
                                                          counts.scored, counts.failed);
        if (counts.skipped > 0)  // entries of input folders that are not profiles, each named above
            line += lang == Lang::es ? fmt::format("; {} omitidos", counts.skipped)
                                     : fmt::format("; {} skipped", counts.skipped);
        std::fprintf(stderr, "%s\n", line.c_str());
    }
    return counts.failed > 0 ? Exit::some_failed : Exit::ok;
}

}  // namespace tne::cli
