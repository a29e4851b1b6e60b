// The profile template and the profiles `tne init` writes: one layout, every question under its
// block with its text, help, allowed answers and Annex sections as comments.
#include "tne/profile_yaml.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "base/text_layout.hpp"

namespace tne {

namespace {

constexpr size_t kCommentWidth = 100;

bool plain_safe_char(unsigned char c) {
    if (c >= 0x80) return true;  // UTF-8 beyond ASCII: letters such as á, ñ
    if (c < 0x20 || c == 0x7f) return false;
    return std::string_view("#:,[]{}&*!|>'\"%@`\\").find(static_cast<char>(c)) == std::string_view::npos;
}

// Words YAML 1.2's core schema reads as something other than a string.
bool core_schema_word(const std::string& text) {
    static const char* const words[] = {"null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"};
    return std::any_of(std::begin(words), std::end(words), [&](const char* word) { return text == word; });
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : std::string(separator)) + item;
    return text;
}

// "id (label)", or the id alone when the label only repeats it; the id a profile in `lang` writes.
std::string value_with_label(const Choice& choice, Lang lang) {
    const std::string& label = choice.label.in(lang);
    const std::string& id = choice.written_id(lang);
    if (label.empty() || label == id) return id;
    return id + " (" + label + ")";
}

std::string values_with_labels(const Question& question, Lang lang) {
    std::vector<std::string> items;
    for (const auto& value : question.values) items.push_back(value_with_label(value, lang));
    return join(items, ", ");
}

void comment(std::string& out, std::string_view indent, std::string_view text) {
    std::string prefix = std::string(indent) + "# ";
    append_wrapped(out, text, kCommentWidth, prefix, prefix);
}

std::string annex_line(const std::vector<std::string>& sections, Lang lang) {
    return fmt::format("{} {}.", lang == Lang::es ? "Anexo:" : "Annex:", join(sections, ", "));
}

void write_header(std::string& out, const RubricSet& rubric, const ProfileYamlOptions& options) {
    bool es = options.lang == Lang::es;
    if (!options.schema.empty()) out += "# yaml-language-server: $schema=" + options.schema + "\n";
    // The document marker makes profiles joinable: `cat *.yaml | tne batch -` reads one per file.
    out += "---\n";
    comment(out, "",
            fmt::format(fmt::runtime(es ? "Autoperfil para tne, conjunto de rúbricas {} versión {}: {}."
                                        : "Self-profile for tne, rubric set {} version {}: {}."),
                        rubric.id, rubric.version, rubric.name.in(options.lang)));
    comment(out, "",
            es ? "Escriba cada respuesta después de su clave y déjela vacía si aún no se sabe: una respuesta "
                 "desconocida baja la cobertura del informe, no su puntaje. Una respuesta puede llevar su evidencia:"
               : "Write each answer after its key, and leave it empty when it is not known yet: an unknown answer "
                 "lowers the report's coverage, not its score. An answer may carry its evidence:");
    out += es ? "#   {valor: ..., evidencia: {fuente: ..., fecha: AAAA-MM-DD, responsable: ...}}\n"
              : "#   {value: ..., evidence: {source: ..., date: YYYY-MM-DD, owner: ...}}\n";
    comment(out, "",
            es ? "Revise el perfil con: tne evaluar PERFIL.yaml" : "Check the profile with: tne assess PROFILE.yaml");
    if (options.partial)
        comment(
            out, "",
            es ? "Son las respuestas dadas hasta ahora en tne iniciar --interactive; las preguntas que faltan aún no "
                 "se han hecho. La misma orden continúa donde quedó."
               : "These are the answers given so far in tne init --interactive; the questions missing have not "
                 "been asked yet. The same command resumes where it stopped.");
}

void write_block_heading(std::string& out, const RubricSet& rubric, const std::string& block, Lang lang) {
    out += "\n";
    const Dimension* dimension = rubric.find_dimension(block);
    if (!dimension) {
        comment(out, "",
                lang == Lang::es ? "Institución: no se puntúa; los modelos la leen para saber cuáles convienen."
                                 : "Institution: not scored; the models read it to tell which of them fit.");
        return;
    }
    comment(out, "", dimension->name.in(lang) + ". " + dimension->description.in(lang));
    if (!dimension->annex.empty()) comment(out, "", annex_line(dimension->annex, lang));
}

void write_evidence(std::string& out, const std::string& value, const Evidence& evidence, Lang lang) {
    out += fmt::format(
        fmt::runtime(lang == Lang::es ? "{{valor: {}, evidencia: {{fuente: {}, fecha: {}, responsable: {}}}}}"
                                      : "{{value: {}, evidence: {{source: {}, date: {}, owner: {}}}}}"),
        value, yaml_scalar(evidence.source), evidence.date.iso(), yaml_scalar(evidence.owner));
}

// An answer with its values written by their ids in `lang`.
Value written_value(const Question& question, const Value& value, Lang lang) {
    if (lang == Lang::en || question.values.empty()) return value;
    if (const auto* id = std::get_if<std::string>(&value)) return question.written_value(*id, lang);
    if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
        std::vector<std::string> written;
        for (const auto& item : *items) written.push_back(question.written_value(item, lang));
        return written;
    }
    return value;
}

void write_question(std::string& out, const RubricSet& rubric, const Question& question, const Profile* profile,
                    Lang lang) {
    const std::string indent = "  ";
    std::string title = question.text.in(lang);
    if (question.required) title += lang == Lang::es ? " (obligatoria)" : " (required)";
    comment(out, indent, title);
    if (!question.help.in(lang).empty()) comment(out, indent, question.help.in(lang));
    comment(out, indent, allowed_answers(question).in(lang));
    std::vector<std::string> annex = question_annex(rubric, question);
    if (!annex.empty()) comment(out, indent, annex_line(annex, lang));

    out += indent + question.written_key(lang) + ":";
    const Answer* answer = profile ? profile->find(question) : nullptr;
    if (answer && answer->known()) {
        out += " ";
        std::string value = yaml_value(written_value(question, answer->value, lang));
        if (const Evidence* evidence = profile->find_evidence(question))
            write_evidence(out, value, *evidence, lang);
        else
            out += value;
    }
    out += "\n";
}

}  // namespace

std::string yaml_scalar(const std::string& text) {
    // A letter first keeps out numbers and YAML's indicators (- ? . and the like).
    unsigned char first = text.empty() ? 0 : static_cast<unsigned char>(text.front());
    bool plain =
        (std::isalpha(first) || first >= 0x80) && text.back() != ' ' && !core_schema_word(text) &&
        std::all_of(text.begin(), text.end(), [](char c) { return plain_safe_char(static_cast<unsigned char>(c)); });
    if (plain) return text;
    std::string quoted = "\"";
    for (unsigned char c : text) {
        switch (c) {
            case '"':
                quoted += "\\\"";
                break;
            case '\\':
                quoted += "\\\\";
                break;
            case '\n':
                quoted += "\\n";
                break;
            case '\t':
                quoted += "\\t";
                break;
            case '\r':
                quoted += "\\r";
                break;
            default:
                if (c < 0x20 || c == 0x7f)
                    quoted += fmt::format("\\x{:02x}", c);
                else
                    quoted += static_cast<char>(c);
        }
    }
    return quoted + "\"";
}

std::string yaml_value(const Value& value) {
    if (const auto* number = std::get_if<double>(&value)) {
        if (std::floor(*number) == *number && std::fabs(*number) < 1e15) return fmt::format("{:.0f}", *number);
        return fmt::format("{}", *number);
    }
    if (const auto* text = std::get_if<std::string>(&value)) return yaml_scalar(*text);
    if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
        std::vector<std::string> scalars;
        for (const auto& item : *items) scalars.push_back(yaml_scalar(item));
        return "[" + join(scalars, ", ") + "]";
    }
    return "";
}

std::vector<std::string> question_annex(const RubricSet& rubric, const Question& question) {
    std::vector<std::string> sections;
    auto add = [&](const std::string& section) {
        if (!section.empty() && std::find(sections.begin(), sections.end(), section) == sections.end())
            sections.push_back(section);
    };
    for (const auto& dimension : rubric.dimensions)
        for (const auto& criterion : dimension.criteria)
            if (criterion.question == question.path) add(criterion.annex);
    for (const auto& model : rubric.models) {
        for (const auto& condition : model.requires_)
            if (condition.question == question.path) add(condition.annex);
        for (const auto& adjustment : model.context)
            if (adjustment.when.question == question.path) add(adjustment.when.annex);
    }
    // In the Annex's order; a section the set does not list (a custom set's) goes last, by name.
    auto rank = [&](const std::string& id) {
        auto it = std::find_if(rubric.annex_sections.begin(), rubric.annex_sections.end(),
                               [&](const AnnexSection& s) { return s.id == id; });
        return std::pair(it - rubric.annex_sections.begin(), id);
    };
    std::sort(sections.begin(), sections.end(), [&](const auto& x, const auto& y) { return rank(x) < rank(y); });
    return sections;
}

LocalText allowed_answers(const Question& question) {
    return localize([&](Lang lang) -> std::string {
        bool es = lang == Lang::es;
        switch (question.type) {
            case QuestionType::text:
                return es ? "Un texto." : "A text.";
            case QuestionType::choice:
            case QuestionType::yes_partial_no:
                return fmt::format("{} {}.", es ? "Una de:" : "One of:", values_with_labels(question, lang));
            case QuestionType::list:
                return fmt::format("{} {}.",
                                   es ? "Una lista, [a, b], de cualquiera de estas (vacía, [], si ninguna):"
                                      : "A list, [a, b], of any of (empty, [], for none):",
                                   values_with_labels(question, lang));
            case QuestionType::percent:
                return fmt::format(fmt::runtime(es ? "Un porcentaje, de {} a {}." : "A percentage, from {} to {}."),
                                   format_number(question.min, 6), format_number(question.max, 6));
            case QuestionType::count:
                return fmt::format(
                    fmt::runtime(es ? "Un número entero, de {} a {}." : "A whole number, from {} to {}."),
                    format_number(question.min, 6), format_number(question.max, 6));
        }
        return "";
    });
}

std::string render_profile_yaml(const RubricSet& rubric, const Profile* profile, const ProfileYamlOptions& options) {
    std::string out;
    write_header(out, rubric, options);
    for (const auto& block : rubric.blocks) {
        bool heading = false;
        bool first = true;
        for (const auto& question : rubric.questions) {
            if (question.block != block) continue;
            if (options.partial && !(profile && profile->find(question))) continue;
            if (!heading) {
                write_block_heading(out, rubric, block, options.lang);
                out += rubric.written_block(block, options.lang) + ":\n";
                heading = true;
            }
            if (!first) out += "\n";
            first = false;
            write_question(out, rubric, question, profile, options.lang);
        }
    }
    return out;
}

}  // namespace tne
