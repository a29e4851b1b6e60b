// The engine of the browser page (build-web/tne.html, docs/web.md): `tne assess` and `tne plan` as
// two C functions that web/tne_api.js calls. Each does what the CLI command does, through the same
// library calls (assess_fully, make_plan, render_*), so the page's answer is the CLI's to the byte.
// What the CLI takes from its environment (the language, today's date) is a parameter here.
//
// Each call leaves its result in one buffer, read with tne_web_result/tne_web_result_size:
//   0 or 1 (the CLI's exit code: 1 is a plan out of reach, still written): the report;
//   2 (invalid input): {"errors": [{"file", "line", "column", "message", "text"}]} in JSON, `text`
//     being the line the CLI prints after "tne: error: " (for a bad argument, which has no place,
//     the message alone);
//   70 (a bug): the same, one error without a place.
#include <fmt/format.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/json_writer.hpp"
#include "tne/assessment.hpp"
#include "tne/error.hpp"
#include "tne/input.hpp"
#include "tne/plan.hpp"
#include "tne/profile.hpp"
#include "tne/render.hpp"
#include "tne/rubric.hpp"
#include "tne/text.hpp"

namespace tne::web {

namespace {

enum Status : int { ok = 0, check_failed = 1, invalid = 2, bug = 70 };

std::string result;  // what the last call left for JavaScript to read

// A mistake in a call's arguments (a date, a target, a format), as the CLI's usage errors: no place.
struct CallError {
    LocalText message;
};

// The default rubric set, loaded once: the page asks again with every answer. (This build has no
// snapshot of it: the snapshot's format is that of the machine that made it.)
const RubricSet& rubric_set() {
    static const RubricSet set = load_rubric_set(embedded_rubric_files());
    return set;
}

Lang language(const char* code) {
    if (std::optional<Lang> lang = parse_lang(code ? code : "")) return *lang;
    throw CallError{{fmt::format("lang {}: expected en or es", code ? code : ""),
                     fmt::format("lang {}: se esperaba en o es", code ? code : "")}};
}

ReportDate report_date(const char* iso) {
    std::string_view text = iso ? iso : "";
    if (std::optional<ReportDate> date = ReportDate::parse(text)) return *date;
    throw CallError{{fmt::format("date {}: not a valid date; expected YYYY-MM-DD, e.g. 2026-11-23", text),
                     fmt::format("date {}: no es una fecha válida; se espera AAAA-MM-DD, p. ej. 2026-11-23", text)}};
}

// The profile as `tne assess FILE` reads it: the file's bytes, a byte-order mark and CR line ends
// taken as input::read_file takes them, then checked and loaded.
Profile profile_of(const char* bytes, size_t size, const char* source) {
    return load_profile(input::plain_text(std::string(bytes, size)), source, rubric_set());
}

std::string errors_json(const std::vector<Diagnostic>& diagnostics, Lang lang) {
    JsonWriter json;
    json.begin_object().key("errors").begin_array();
    for (const auto& diagnostic : diagnostics) {
        json.begin_object()
            .field("file", diagnostic.pos.file)
            .field("line", diagnostic.pos.line)
            .field("column", diagnostic.pos.column)
            .field("message", diagnostic.message.in(lang))
            .field("text", diagnostic.pos.file.empty() ? diagnostic.message.in(lang) : diagnostic.str(lang))
            .end_object();
    }
    json.end_array().end_object();
    return json.str();
}

// Runs `work` (which sets `result` and returns the status), turning what it throws into the
// errors the CLI would print, in `lang_code`'s language (English when that is not a language).
template <class Work>
int run(const char* lang_code, Work work) {
    Lang lang = parse_lang(lang_code ? lang_code : "").value_or(Lang::en);
    try {
        return work();
    } catch (const InputError& e) {
        result = errors_json(e.diagnostics(), lang);
        return invalid;
    } catch (const CallError& e) {
        result = errors_json({Diagnostic{SourcePos{}, e.message}}, lang);
        return invalid;
    } catch (const std::exception& e) {
        std::string what = e.what();
        result = errors_json({Diagnostic{SourcePos{}, {"internal error: " + what, "error interno: " + what}}}, lang);
        return bug;
    }
}

// The report's format, as --format names it: json, html or markdown.
std::string_view report_format(const char* format) {
    std::string_view wanted = format ? format : "";
    if (wanted == "json" || wanted == "html" || wanted == "markdown") return wanted;
    throw CallError{{fmt::format("format {}: expected json, html or markdown", wanted),
                     fmt::format("format {}: se esperaba json, html o markdown", wanted)}};
}

}  // namespace

}  // namespace tne::web

using namespace tne;
using namespace tne::web;

extern "C" {

// tne assess PROFILE --format FORMAT --lang LANG --date DATE --evidence-max-age MONTHS, on the
// profile's bytes; `source` is its name in the report and the errors.
int tne_web_assess(const char* profile, size_t size, const char* source, const char* lang, const char* date,
                   int evidence_max_age, const char* format) {
    return run(lang, [&] {
        Lang language_of_report = language(lang);
        ReportDate day = report_date(date);
        std::string_view wanted = report_format(format);
        if (evidence_max_age < 1 || evidence_max_age > 1200)
            throw CallError{
                {fmt::format("evidenceMaxAge {}: expected a whole number of months from 1 to 1200", evidence_max_age),
                 fmt::format("evidenceMaxAge {}: se espera un número entero de meses de 1 a 1200", evidence_max_age)}};
        Assessment assessment = assess_fully(profile_of(profile, size, source), rubric_set(), {day, evidence_max_age});
        if (wanted == "json")
            result = render_json(assessment, language_of_report);
        else if (wanted == "html")
            result = render_html(assessment, language_of_report, day);
        else
            result = render_markdown(assessment, language_of_report, day);
        return static_cast<int>(ok);
    });
}

// tne plan PROFILE [--target TARGET] --format FORMAT --lang LANG, with `date` as today. An empty
// target is the next step of the suggested pathway; when every step is feasible already the report
// is empty (the CLI says so on standard error and prints nothing).
int tne_web_plan(const char* profile, size_t size, const char* source, const char* lang, const char* date,
                 const char* target, const char* format) {
    return run(lang, [&] {
        Lang language_of_report = language(lang);
        ReportDate day = report_date(date);
        std::string_view wanted = report_format(format);
        const RubricSet& rubric = rubric_set();
        std::string target_id = target ? target : "";
        Assessment now = assess_fully(profile_of(profile, size, source), rubric, {day});
        const Model* model = target_id.empty() ? next_step(now) : rubric.find_model_written(target_id);
        if (!model && !target_id.empty()) {
            LocalText why = unknown_target_message(rubric, target_id);
            throw CallError{{"target " + target_id + ": " + why.en, "target " + target_id + ": " + why.es}};
        }
        if (!model) {
            result.clear();
            return static_cast<int>(ok);
        }
        Plan plan = make_plan(now, *model);
        plan.default_target = target_id.empty();
        if (wanted == "json")
            result = render_plan_json(plan, now, language_of_report);
        else if (wanted == "html")
            result = render_plan_html(plan, now, language_of_report);
        else
            result = render_plan_markdown(plan, now, language_of_report);
        return static_cast<int>(plan.reachable ? ok : check_failed);
    });
}

const char* tne_web_result() { return tne::web::result.data(); }
size_t tne_web_result_size() { return tne::web::result.size(); }

// The models of the rubric set, for the page's choice of a plan's target: {"models": [{"id", "en", "es"}]}.
int tne_web_models() {
    return run("en", [] {
        JsonWriter json;
        json.begin_object().key("models").begin_array();
        for (const auto& model : rubric_set().models)
            json.begin_object()
                .field("id", model.id)
                .field("en", model.name.en)
                .field("es", model.name.es)
                .end_object();
        json.end_array().end_object();
        result = json.str();
        return static_cast<int>(ok);
    });
}

}  // extern "C"
