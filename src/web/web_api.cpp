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

#include <algorithm>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/json_writer.hpp"
#include "profile/answer_check.hpp"
#include "render/json_values.hpp"
#include "tne/assessment.hpp"
#include "tne/error.hpp"
#include "tne/input.hpp"
#include "tne/plan.hpp"
#include "tne/profile.hpp"
#include "tne/profile_yaml.hpp"
#include "tne/questionnaire.hpp"
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

// One answer of the page's form as the questionnaire reads it: an option by its id (choice), the ids
// of a list, or what the officer typed (a number or a text), checked with the terminal
// questionnaire's rules and messages. Nothing when it is not valid (`why` says why), or when a typed
// answer is empty (not answered).
std::optional<Value> form_value(const RubricSet& rubric, const Question& question, const nlohmann::json& given,
                                LocalText& why) {
    const LocalText not_this_shape{"the page sent an answer of the wrong shape",
                                   "la página envió una respuesta de forma equivocada"};
    std::vector<Diagnostic> problems;
    std::optional<Value> value;
    switch (question.type) {
        case QuestionType::choice:
        case QuestionType::yes_partial_no:
            if (!given.is_string()) {
                why = not_this_shape;
                return std::nullopt;
            }
            value = check_answer(question, RawAnswer::scalar(given.get<std::string>(), true), "answer", problems);
            break;
        case QuestionType::list: {
            std::vector<RawAnswer> items;
            if (given.is_array())
                for (const auto& item : given)
                    if (item.is_string()) items.push_back(RawAnswer::scalar(item.get<std::string>(), true));
            if (!given.is_array() || items.size() != given.size()) {
                why = not_this_shape;
                return std::nullopt;
            }
            value = check_answer(question, RawAnswer::list(std::move(items)), "answer", problems);
            break;
        }
        case QuestionType::percent:
        case QuestionType::count:
        case QuestionType::text: {
            if (!given.is_string()) {
                why = not_this_shape;
                return std::nullopt;
            }
            std::string typed = given.get<std::string>();
            if (typed.find_first_not_of(" \t") == std::string::npos) return std::nullopt;
            TypedAnswer read = read_typed_answer(rubric, question, typed);
            if (!read.value) why = read.error;
            return read.value;
        }
    }
    if (!value && !problems.empty()) why = problems.front().message;
    return value;
}

// The evidence the officer gave for an answer: nothing when every field is empty; all three when
// any is (a profile's evidence has a source, a date and an owner), else `why` says what is missing.
std::optional<Evidence> form_evidence(const Question& question, const nlohmann::json& given, LocalText& why) {
    auto field = [&](const char* name) {
        auto it = given.find(name);
        return it != given.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    auto blank = [](const std::string& text) { return text.find_first_not_of(" \t") == std::string::npos; };
    std::string source = field("source"), date = field("date"), owner = field("owner");
    if (blank(source) && blank(date) && blank(owner)) return std::nullopt;
    if (blank(source) || blank(date) || blank(owner)) {
        why = {"evidence needs its source, its date and its owner: give all three, or none",
               "la evidencia lleva su fuente, su fecha y su responsable: dé los tres, o ninguno"};
        return std::nullopt;
    }
    std::optional<ReportDate> day = ReportDate::parse(date);
    if (!day) {
        why = {fmt::format("evidence date {}: not a valid date; expected YYYY-MM-DD, e.g. 2026-11-23", date),
               fmt::format("fecha de la evidencia {}: no es una fecha válida; se espera AAAA-MM-DD, p. ej. 2026-11-23",
                           date)};
        return std::nullopt;
    }
    return Evidence{&question, source, *day, owner};
}

// An answer as the page's form holds it: an option's id, a list's ids, or a number or text as typed.
void write_form_value(JsonWriter& json, const Value& value) {
    if (const auto* number = std::get_if<double>(&value))
        json.value(format_number(*number, 6));  // as typed: the form's fields hold text
    else
        write_value(json, value);
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

// The questionnaire of `tne init --interactive` as the page shows it, in `lang`: its parts (the
// institution first, then each dimension), and in each its questions with their text, help,
// allowed answers (the options by their labels), Annex sections and whether they are required.
int tne_web_questionnaire(const char* lang) {
    return run(lang, [&] {
        Lang in = language(lang);
        const RubricSet& rubric = rubric_set();
        JsonWriter json;
        json.begin_object()
            .field("name", rubric.name.in(in))
            .field("total", static_cast<int>(rubric.questions.size()))
            .key("parts")
            .begin_array();
        for (const auto& part : questionnaire_parts(rubric)) {
            json.begin_object()
                .field("block", part.block)
                .field("name", part.name.in(in))
                .field("description", part.description.in(in))
                .key("annex")
                .strings(part.annex)
                .key("questions")
                .begin_array();
            for (const Question* question : part.questions) {
                json.begin_object()
                    .field("path", question->path)
                    .field("writtenPath", question->written_path(in))
                    .field("number", static_cast<int>(question - rubric.questions.data() + 1))
                    .field("type", std::string(question_type_id(question->type)))
                    .field("required", question->required)
                    .field("text", question->text.in(in))
                    .field("help", question->help.in(in))
                    .field("allowed", allowed_answers(*question).in(in))
                    .key("annex")
                    .begin_array();
                for (const auto& id : question_annex(rubric, *question)) {
                    const AnnexSection* section = rubric.find_annex_section(id);
                    json.begin_object()
                        .field("id", id)
                        .field("title", section ? section->title.in(in) : "")
                        .end_object();
                }
                json.end_array().key("values").begin_array();
                for (const auto& choice : question->values)
                    json.begin_object()
                        .field("id", choice.id)
                        .field("label", choice.label.in(in).empty() ? choice.id : choice.label.in(in))
                        .end_object();
                json.end_array().end_object();
            }
            json.end_array().end_object();
        }
        json.end_array().end_object();
        result = json.str();
        return static_cast<int>(ok);
    });
}

// The page's answers as a profile: `answers` is JSON, {PATH: {"value": ..., "unknown": true,
// "evidence": {"source", "date", "owner"}}} by each question's English path (a question absent is
// not answered yet; "unknown" is "don't know"). The result: {"yaml": the profile `tne init
// --interactive --lang LANG` writes for those answers, "problems": [{"path", "message"}] for each
// answer or evidence that is not valid (left out of the profile), "progress": {"answered", "known",
// "total", "parts": [{"block", "answered", "total"}]}}, answered counting "don't know" as the
// terminal questionnaire does (it does not ask again), known as its review does.
int tne_web_form(const char* answers, size_t size, const char* lang) {
    return run(lang, [&] {
        Lang in = language(lang);
        const RubricSet& rubric = rubric_set();
        nlohmann::json given = nlohmann::json::parse(answers, answers + size, nullptr, false);
        if (given.is_discarded() || !given.is_object())
            throw CallError{{"answers: expected a JSON object of answers by question path",
                             "answers: se esperaba un objeto JSON de respuestas por ruta de pregunta"}};
        Profile profile{"profile.yaml", {}, {}, {}};
        std::vector<std::pair<const Question*, LocalText>> problems;
        for (const auto& question : rubric.questions) {
            auto entry = given.find(question.path);
            if (entry == given.end()) continue;
            LocalText why;
            if (!entry->is_object()) {
                problems.emplace_back(&question, LocalText{"the page sent an answer of the wrong shape",
                                                           "la página envió una respuesta de forma equivocada"});
                continue;
            }
            auto unknown = entry->find("unknown");
            if (unknown != entry->end() && unknown->is_boolean() && unknown->get<bool>()) {
                if (question.required)
                    problems.emplace_back(
                        &question, LocalText{"This question is required: it cannot be left unknown.",
                                             "Esta pregunta es obligatoria: no se puede dejar como desconocida."});
                else
                    profile.set(question, Value{});
                continue;
            }
            auto value = entry->find("value");
            if (value == entry->end()) continue;
            std::optional<Value> read = form_value(rubric, question, *value, why);
            if (!read) {
                if (!why.en.empty()) problems.emplace_back(&question, why);
                continue;
            }
            profile.set(question, std::move(*read));
            auto evidence = entry->find("evidence");
            if (evidence == entry->end() || !evidence->is_object()) continue;
            // In the rubric set's order, as Profile::find_evidence looks them up.
            if (std::optional<Evidence> kept = form_evidence(question, *evidence, why))
                profile.evidence.push_back(std::move(*kept));
            else if (!why.en.empty())
                problems.emplace_back(&question, why);
        }

        JsonWriter json;
        json.begin_object().field("yaml", render_profile_yaml(rubric, &profile, {in, {}, false}));
        json.key("problems").begin_array();
        for (const auto& [question, why] : problems)
            json.begin_object().field("path", question->path).field("message", why.in(in)).end_object();
        json.end_array();
        int known = static_cast<int>(std::count_if(profile.answers.begin(), profile.answers.end(),
                                                   [](const Answer& answer) { return answer.known(); }));
        json.key("progress")
            .begin_object()
            .field("answered", static_cast<int>(profile.answers.size()))
            .field("known", known)
            .field("total", static_cast<int>(rubric.questions.size()))
            .key("parts")
            .begin_array();
        for (const auto& part : questionnaire_parts(rubric)) {
            int answered = static_cast<int>(std::count_if(part.questions.begin(), part.questions.end(),
                                                          [&](const Question* q) { return profile.find(*q); }));
            json.begin_object()
                .field("block", part.block)
                .field("answered", answered)
                .field("total", static_cast<int>(part.questions.size()))
                .end_object();
        }
        json.end_array().end_object().end_object();
        result = json.str();
        return static_cast<int>(ok);
    });
}

// A profile opened in the page, as the form's answers: its known answers, as `tne init --interactive`
// starts from a profile it completes (an unknown answer is asked again), with their evidence:
// {"answers": {PATH: {"value", "evidence"?}}, "problems": [the lines `tne init` warns with]}. A file
// that is not a profile at all (not YAML, not a map) is an error, as for tne_web_assess.
int tne_web_answers(const char* bytes, size_t size, const char* source, const char* lang) {
    return run(lang, [&] {
        Lang in = language(lang);
        DraftProfile draft =
            load_draft_profile(input::plain_text(std::string(bytes, size)), source ? source : "", rubric_set());
        JsonWriter json;
        json.begin_object().key("answers").begin_object();
        for (const auto& answer : draft.profile.answers) {
            if (!answer.known()) continue;
            json.key(answer.question->path).begin_object().key("value");
            write_form_value(json, answer.value);
            if (const Evidence* evidence = draft.profile.find_evidence(*answer.question))
                json.key("evidence")
                    .begin_object()
                    .field("source", evidence->source)
                    .field("date", evidence->date.iso())
                    .field("owner", evidence->owner)
                    .end_object();
            json.end_object();
        }
        json.end_object().key("problems").begin_array();
        for (const auto& problem : draft.problems) json.value(problem.str(in));
        json.end_array().end_object();
        result = json.str();
        return static_cast<int>(ok);
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
