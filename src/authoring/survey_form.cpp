// The rubric set as a form for a survey tool, and the survey map that reads the tool's export. Both
// come from the rubric's questions, so the codes the form gives each question and value are the
// columns and labels its map names: nothing to bind by hand.
//
// LimeSurvey: the tab-separated survey structure of its manual ("Tab Separated Value survey
// structure"): S rows (survey settings), SL rows (settings per language), then per language the
// groups (G), their questions (Q), a multiple-choice question's subquestions (SQ) and a list's
// answers (A); the base language first, then the other with the same rows in the same order.
// XLSForm (xlsform.org): sheets survey, choices and settings, a label and hint column per language.
#include "tne/survey_form.hpp"

#include <fmt/format.h>

#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace tne {

namespace {

const Lang kLangs[] = {Lang::en, Lang::es};

// The form's first language, then the other.
std::vector<Lang> languages(Lang first) {
    return first == Lang::es ? std::vector<Lang>{Lang::es, Lang::en} : std::vector<Lang>{Lang::en, Lang::es};
}

const char* say(Lang lang, const char* en, const char* es) { return lang == Lang::es ? es : en; }

// A bound as a form writes it: 500000, not 500000.000000.
std::string number_text(double number) {
    if (std::floor(number) == number && std::fabs(number) < 1e15)
        return fmt::format("{}", static_cast<long long>(number));
    return fmt::format("{}", number);
}

// "yes" -> "Yes", "sí" -> "Sí": the built-in values' labels are their ids.
std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

std::string block_name(const RubricSet& rubric, const std::string& block, Lang lang) {
    const Dimension* dimension = rubric.find_dimension(block);
    return dimension ? dimension->name.in(lang) : say(lang, "Institution", "Institución");
}

std::string block_description(const RubricSet& rubric, const std::string& block, Lang lang) {
    const Dimension* dimension = rubric.find_dimension(block);
    return dimension ? dimension->description.in(lang)
                     : say(lang, "The institution's context: it changes which model fits; it is not scored.",
                           "El contexto de la institución: cambia qué modelo conviene; no se evalúa.");
}

// A question that may stay unknown gets a "don't know" choice; a required one may not.
bool offers_dont_know(const Question& q) { return !q.required; }

bool is_choice(const Question& q) { return q.type == QuestionType::choice || q.type == QuestionType::yes_partial_no; }

const char* dont_know_label(Lang lang) { return say(lang, "Don't know", "No sé"); }
const char* none_label(Lang lang) { return say(lang, "None of these", "Ninguna de estas"); }

// The help of a question, with what a number answer takes and how to leave it unknown: a number
// field has no "don't know" choice.
std::string hint(const Question& q, Lang lang) {
    std::string text = q.help.in(lang);
    std::string more;
    if (q.type == QuestionType::percent)
        more = fmt::format(fmt::runtime(say(lang, "A percentage from {} to {}.", "Un porcentaje de {} a {}.")),
                           number_text(q.min), number_text(q.max));
    else if (q.type == QuestionType::count)
        more = fmt::format(fmt::runtime(say(lang, "A whole number from {} to {}.", "Un número entero de {} a {}.")),
                           number_text(q.min), number_text(q.max));
    if (!more.empty() && offers_dont_know(q))
        more += say(lang, " Leave it empty if you do not know.", " Deje la respuesta vacía si no la sabe.");
    if (more.empty()) return text;
    return text.empty() ? more : text + " " + more;
}

std::string value_label(const Choice& choice, Lang lang) { return capitalised(choice.label.in(lang)); }

// ---- the map's YAML ---------------------------------------------------------------------------------

// A YAML double-quoted scalar.
std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + '"';
}

// Lower case as the map compares labels (ASCII and the accented capitals of UTF-8 Latin-1), so that
// a label is written once however its languages spell it ("No" and "no").
std::string folded(std::string_view text) {
    std::string out(text);
    for (size_t i = 0; i < out.size(); ++i) {
        auto byte = static_cast<unsigned char>(out[i]);
        if (byte >= 'A' && byte <= 'Z') {
            out[i] = static_cast<char>(byte + 32);
        } else if (byte == 0xC3 && i + 1 < out.size()) {
            auto next = static_cast<unsigned char>(out[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
            ++i;
        }
    }
    return out;
}

// Labels -> value, each label once by its folded form, in the order added.
class LabelList {
public:
    void add(const std::string& label, const std::string& value) {
        if (label.empty() || !seen_.insert(folded(label)).second) return;
        entries_.emplace_back(label, value);
    }
    const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }

private:
    std::set<std::string> seen_;
    std::vector<std::pair<std::string, std::string>> entries_;
};

// ---- LimeSurvey -------------------------------------------------------------------------------------

const std::vector<std::string> kLimeColumns = {"id",
                                               "related_id",
                                               "class",
                                               "type/scale",
                                               "name",
                                               "relevance",
                                               "text",
                                               "help",
                                               "language",
                                               "validation",
                                               "mandatory",
                                               "other",
                                               "default",
                                               "same_default",
                                               "min_num_value_n",
                                               "max_num_value_n",
                                               "num_value_int_only",
                                               "exclude_all_others"};

// LimeSurvey's language codes: Spanish as spoken in Mexico.
const char* lime_language(Lang lang) { return lang == Lang::es ? "es-MX" : "en"; }

// One row of the structure, by column name.
using LimeRow = std::map<std::string, std::string>;

// A cell as PHP's fgetcsv reads it with a tab delimiter: quoted when it holds a tab, a quote or a
// line break, its quotes doubled.
std::string tsv_cell(const std::string& text) {
    if (text.find_first_of("\t\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string lime_type(const Question& q) {
    switch (q.type) {
        case QuestionType::choice:
        case QuestionType::yes_partial_no:
            return "L";  // list (radio)
        case QuestionType::list:
            return "M";  // multiple choice
        case QuestionType::percent:
        case QuestionType::count:
            return "N";  // numerical input
        case QuestionType::text:
            break;
    }
    return "S";  // short free text
}

std::string limesurvey_text(const RubricSet& rubric, Lang first) {
    std::vector<LimeRow> rows;
    rows.push_back({{"class", "S"}, {"name", "language"}, {"text", lime_language(first)}});
    rows.push_back({{"class", "S"},
                    {"name", "additional_languages"},
                    {"text", lime_language(first == Lang::es ? Lang::en : Lang::es)}});
    rows.push_back({{"class", "S"}, {"name", "format"}, {"text", "G"}});  // a page per group
    for (Lang lang : languages(first)) {
        const std::string language = lime_language(lang);
        rows.push_back(
            {{"class", "SL"}, {"name", "surveyls_title"}, {"text", rubric.name.in(lang)}, {"language", language}});
        rows.push_back(
            {{"class", "SL"},
             {"name", "surveyls_description"},
             {"text", say(lang,
                          "Every answer feeds the institution's TNE readiness report (tne). Choose \"Don't "
                          "know\" rather than guess: an unknown answer lowers the report's coverage, not its "
                          "score.",
                          "Cada respuesta alimenta el informe de preparación para la ETN de la institución "
                          "(tne). Elija \"No sé\" en lugar de adivinar: una respuesta desconocida baja la "
                          "cobertura del informe, no su puntaje.")},
             {"language", language}});
        for (const std::string& block : rubric.blocks) {
            rows.push_back({{"class", "G"},
                            {"name", block_name(rubric, block, lang)},
                            {"relevance", "1"},
                            {"text", block_description(rubric, block, lang)},
                            {"language", language}});
            for (size_t i = 0; i < rubric.questions.size(); ++i) {
                const Question& q = rubric.questions[i];
                if (q.block != block) continue;
                LimeRow row{{"class", "Q"},
                            {"type/scale", lime_type(q)},
                            {"name", limesurvey_question_code(i)},
                            {"relevance", "1"},
                            {"text", q.text.in(lang)},
                            {"help", hint(q, lang)},
                            {"language", language},
                            {"other", "N"}};
                // A choice has its "don't know" (none for a required one): every choice is asked
                // for. A number left empty is unknown.
                row["mandatory"] =
                    q.type == QuestionType::text || is_choice(q) || q.type == QuestionType::list ? "Y" : "N";
                if (q.type == QuestionType::percent || q.type == QuestionType::count) {
                    row["min_num_value_n"] = number_text(q.min);
                    row["max_num_value_n"] = number_text(q.max);
                    if (q.type == QuestionType::count) row["num_value_int_only"] = "1";
                }
                if (q.type == QuestionType::list) {
                    row["exclude_all_others"] =
                        std::string(FormCodes::limesurvey_none) +
                        (offers_dont_know(q) ? std::string(";") + FormCodes::limesurvey_dont_know : "");
                }
                rows.push_back(row);
                // A list's options are subquestions ("SQ", with "none" among them), a choice's are
                // answers ("A"); "don't know" ends both where the question offers it.
                if (q.type == QuestionType::list || is_choice(q)) {
                    bool list = q.type == QuestionType::list;
                    auto option = [&](const std::string& name, const std::string& text) {
                        LimeRow option_row{{"class", list ? "SQ" : "A"},
                                           {"type/scale", "0"},
                                           {"name", name},
                                           {"text", text},
                                           {"language", language}};
                        if (list) option_row["relevance"] = "1";
                        rows.push_back(std::move(option_row));
                    };
                    for (size_t v = 0; v < q.values.size(); ++v)
                        option(list ? limesurvey_option_code(v) : limesurvey_answer_code(v),
                               value_label(q.values[v], lang));
                    if (list) option(FormCodes::limesurvey_none, none_label(lang));
                    if (offers_dont_know(q)) option(FormCodes::limesurvey_dont_know, dont_know_label(lang));
                }
            }
        }
    }

    // UTF-8 with a byte-order mark and CRLF line ends, as LimeSurvey's own export of the format.
    std::string text = "\xEF\xBB\xBF";
    auto line = [&](const std::vector<std::string>& cells) {
        for (size_t i = 0; i < cells.size(); ++i) text += (i ? "\t" : "") + tsv_cell(cells[i]);
        text += "\r\n";
    };
    line(kLimeColumns);
    for (const LimeRow& row : rows) {
        std::vector<std::string> cells;
        for (const std::string& column : kLimeColumns) {
            auto found = row.find(column);
            cells.push_back(found == row.end() ? "" : found->second);
        }
        line(cells);
    }
    return text;
}

std::string limesurvey_map(const RubricSet& rubric, Lang lang) {
    std::string out;
    out += say(lang,
               "# The map of the responses of the LimeSurvey survey `tne survey form --tool limesurvey` wrote\n"
               "# (docs/batch.md, \"LimeSurvey\"). In LimeSurvey: Responses > Export > CSV, headings \"Question\n"
               "# code\"; the answers as \"Answer codes\" (A1, A2, ...) or \"Full answers\" (their texts, in either\n"
               "# language): both are read. Then: tne batch responses.csv --csv-map THIS_FILE\n",
               "# El mapa de las respuestas de la encuesta de LimeSurvey que escribió `tne encuesta formulario\n"
               "# --tool limesurvey` (docs/batch.md, \"LimeSurvey\"). En LimeSurvey: Respuestas > Exportar > CSV,\n"
               "# encabezados \"Código de pregunta\"; las respuestas como \"Códigos de respuesta\" (A1, A2, ...) o\n"
               "# \"Respuestas completas\" (sus textos, en cualquiera de los dos idiomas): se leen ambas. Luego:\n"
               "# tne lote respuestas.csv --csv-map ESTE_ARCHIVO\n");
    out += "delimiter: \",\"\n";
    out += fmt::format("unknown: [{}, {}, {}]\n", quoted(FormCodes::limesurvey_dont_know),
                       quoted(dont_know_label(Lang::en)), quoted(dont_know_label(Lang::es)));
    out += "fields:\n";
    for (size_t i = 0; i < rubric.questions.size(); ++i) {
        const Question& q = rubric.questions[i];
        const std::string code = limesurvey_question_code(i);
        out += fmt::format("  # {}\n", q.text.in(lang));
        if (q.type == QuestionType::list) {
            // One column per option, Q5[SQ001], with Y when chosen; "none of these" and "don't know"
            // are columns of their own.
            out += fmt::format("  {}:\n    options:\n", q.written_path(lang));
            for (size_t v = 0; v < q.values.size(); ++v)
                out += fmt::format("      {}: {}\n", quoted(code + "[" + limesurvey_option_code(v) + "]"),
                                   q.written_value(q.values[v].id, lang));
            out += fmt::format("      {}: []\n", quoted(code + "[" + FormCodes::limesurvey_none + "]"));
            if (offers_dont_know(q))
                out += fmt::format("      {}: ~\n", quoted(code + "[" + FormCodes::limesurvey_dont_know + "]"));
        } else if (is_choice(q)) {
            LabelList labels;
            for (size_t v = 0; v < q.values.size(); ++v)
                labels.add(limesurvey_answer_code(v), q.written_value(q.values[v].id, lang));
            for (Lang each : kLangs)
                for (const Choice& choice : q.values)
                    labels.add(value_label(choice, each), q.written_value(choice.id, lang));
            out += fmt::format("  {}:\n    column: {}\n    labels:\n", q.written_path(lang), quoted(code));
            for (const auto& [label, value] : labels.entries())
                out += fmt::format("      {}: {}\n", quoted(label), value);
        } else {
            out += fmt::format("  {}: {}\n", q.written_path(lang), quoted(code));
        }
    }
    return out;
}

// ---- XLSForm ----------------------------------------------------------------------------------------

// The language columns' suffix, as XLSForm names a language: "English (en)".
std::string xls_language(Lang lang) { return lang == Lang::es ? "Español (es)" : "English (en)"; }

std::string xls_type(const RubricSet& rubric, const Question& q) {
    switch (q.type) {
        case QuestionType::choice:
        case QuestionType::yes_partial_no:
            return "select_one " + xlsform_name(rubric, q);
        case QuestionType::list:
            return "select_multiple " + xlsform_name(rubric, q);
        case QuestionType::percent:
            return "decimal";
        case QuestionType::count:
            return "integer";
        case QuestionType::text:
            break;
    }
    return "text";
}

std::vector<FormSheet> xlsform_sheets(const RubricSet& rubric, Lang first) {
    const std::vector<Lang> langs = languages(first);
    FormSheet survey{"survey", {}};
    FormSheet choices{"choices", {}};
    std::vector<std::string> header = {"type", "name"};
    for (Lang lang : langs) header.push_back("label::" + xls_language(lang));
    for (Lang lang : langs) header.push_back("hint::" + xls_language(lang));
    header.insert(header.end(), {"required", "appearance", "constraint"});
    for (Lang lang : langs) header.push_back("constraint_message::" + xls_language(lang));
    survey.rows.push_back(header);
    std::vector<std::string> choice_header = {"list_name", "name"};
    for (Lang lang : langs) choice_header.push_back("label::" + xls_language(lang));
    choices.rows.push_back(choice_header);

    // A row of the survey sheet: type, name, a label and a hint per language, required, appearance,
    // constraint, and its message per language.
    auto survey_row = [&](const std::string& type, const std::string& name, auto label, auto hint_in,
                          const std::string& required, const std::string& appearance, const std::string& constraint,
                          auto message) {
        std::vector<std::string> row = {type, name};
        for (Lang lang : langs) row.push_back(label(lang));
        for (Lang lang : langs) row.push_back(hint_in(lang));
        row.insert(row.end(), {required, appearance, constraint});
        for (Lang lang : langs) row.push_back(constraint.empty() ? "" : message(lang));
        survey.rows.push_back(row);
    };
    auto nothing = [](Lang) { return std::string(); };
    auto choice_row = [&](const std::string& list, const std::string& name, auto label) {
        std::vector<std::string> row = {list, name};
        for (Lang lang : langs) row.push_back(label(lang));
        choices.rows.push_back(row);
    };

    for (const std::string& block : rubric.blocks) {
        // A group per block, all its questions on one screen (field-list): a page of the form.
        survey_row(
            "begin_group", block, [&](Lang lang) { return block_name(rubric, block, lang); },
            [&](Lang lang) { return block_description(rubric, block, lang); }, "", "field-list", "", nothing);
        for (const Question& q : rubric.questions) {
            if (q.block != block) continue;
            const std::string name = xlsform_name(rubric, q);
            std::string constraint;
            std::function<std::string(Lang)> message = nothing;
            if (q.type == QuestionType::percent || q.type == QuestionType::count) {
                constraint = fmt::format(". >= {} and . <= {}", number_text(q.min), number_text(q.max));
                message = [&q](Lang lang) {
                    return fmt::format(fmt::runtime(say(lang, "Expected a number from {} to {}.",
                                                        "Se esperaba un número de {} a {}.")),
                                       number_text(q.min), number_text(q.max));
                };
            } else if (q.type == QuestionType::list) {
                // "None of these" and "don't know" stand alone.
                constraint = fmt::format("not(selected(., '{}') and count-selected(.) > 1)", FormCodes::xlsform_none);
                if (offers_dont_know(q))
                    constraint += fmt::format(" and not(selected(., '{}') and count-selected(.) > 1)",
                                              FormCodes::xlsform_dont_know);
                message = [&q](Lang lang) {
                    return offers_dont_know(q) ? std::string(say(lang, "\"None of these\" and \"Don't know\" go alone.",
                                                                 "\"Ninguna de estas\" y \"No sé\" van solas."))
                                               : std::string(say(lang, "\"None of these\" goes alone.",
                                                                 "\"Ninguna de estas\" va sola."));
                };
            }
            bool required = q.type == QuestionType::text || is_choice(q) || q.type == QuestionType::list;
            survey_row(
                xls_type(rubric, q), name, [&](Lang lang) { return q.text.in(lang); },
                [&](Lang lang) { return hint(q, lang); }, required ? "yes" : "", "", constraint, message);
            if (is_choice(q) || q.type == QuestionType::list) {
                for (const Choice& choice : q.values)
                    choice_row(name, choice.id, [&](Lang lang) { return value_label(choice, lang); });
                if (q.type == QuestionType::list)
                    choice_row(name, FormCodes::xlsform_none, [](Lang lang) { return std::string(none_label(lang)); });
                if (offers_dont_know(q))
                    choice_row(name, FormCodes::xlsform_dont_know,
                               [](Lang lang) { return std::string(dont_know_label(lang)); });
            }
        }
        survey_row("end_group", "", nothing, nothing, "", "", "", nothing);
    }

    FormSheet settings{"settings", {{"form_title", "form_id", "version", "default_language"}}};
    std::string id = "tne_" + rubric.id;
    for (char& c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) c = '_';
    settings.rows.push_back({rubric.name.in(first), id, std::to_string(rubric.version), xls_language(first)});
    return {survey, choices, settings};
}

std::string xlsform_map(const RubricSet& rubric, Lang lang) {
    std::string out;
    out += say(lang,
               "# The map of the responses of the XLSForm `tne survey form --tool xlsform` wrote (docs/batch.md,\n"
               "# \"KoboToolbox and ODK\"). In KoboToolbox: Data > Downloads, type CSV, value and header format\n"
               "# \"XML values and headers\", \"Include groups in headers\" unchecked. Then:\n"
               "# tne batch responses.csv --csv-map THIS_FILE\n",
               "# El mapa de las respuestas del XLSForm que escribió `tne encuesta formulario --tool xlsform`\n"
               "# (docs/batch.md, \"KoboToolbox and ODK\"). En KoboToolbox: Datos > Descargas, tipo CSV, formato de\n"
               "# valores y encabezados \"XML values and headers\", sin \"Include groups in headers\". Luego:\n"
               "# tne lote respuestas.csv --csv-map ESTE_ARCHIVO\n");
    out +=
        say(lang, "delimiter: \";\"        # KoboToolbox's CSV\n", "delimiter: \";\"        # el CSV de KoboToolbox\n");
    out += say(lang, "list_separator: \" \"   # a select_multiple cell: the chosen names, separated by spaces\n",
               "list_separator: \" \"   # una celda select_multiple: los nombres elegidos, separados por espacios\n");
    out += fmt::format("unknown: [{}]\n", quoted(FormCodes::xlsform_dont_know));
    out += "fields:\n";
    for (const Question& q : rubric.questions) {
        const std::string name = xlsform_name(rubric, q);
        out += fmt::format("  # {}\n", q.text.in(lang));
        if (q.type == QuestionType::list) {
            // The choices are named by the values' ids, which the map reads as written.
            out += fmt::format("  {}:\n    column: {}\n    labels: {{{}: []}}\n", q.written_path(lang), quoted(name),
                               quoted(FormCodes::xlsform_none));
        } else {
            out += fmt::format("  {}: {}\n", q.written_path(lang), quoted(name));
        }
    }
    return out;
}

}  // namespace

std::string limesurvey_question_code(size_t index) { return fmt::format("Q{}", index + 1); }
std::string limesurvey_answer_code(size_t value) { return fmt::format("A{}", value + 1); }
std::string limesurvey_option_code(size_t value) { return fmt::format("SQ{:03}", value + 1); }

std::string xlsform_name(const RubricSet& rubric, const Question& question) {
    // A form's names are one namespace: its groups' (the blocks) and its questions'.
    for (const std::string& block : rubric.blocks)
        if (block == question.key) return question.block + "_" + question.key;
    for (const Question& other : rubric.questions)
        if (other.key == question.key && other.block != question.block) return question.block + "_" + question.key;
    return question.key;
}

SurveyForm survey_form(const RubricSet& rubric, FormTool tool, Lang lang) {
    SurveyForm form;
    if (tool == FormTool::limesurvey) {
        form.text = limesurvey_text(rubric, lang);
        form.map = limesurvey_map(rubric, lang);
    } else {
        form.sheets = xlsform_sheets(rubric, lang);
        form.map = xlsform_map(rubric, lang);
    }
    return form;
}

}  // namespace tne
