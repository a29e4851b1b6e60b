// The questionnaire: one question at a time, in the rubric set's order, with the help and the
// allowed answers shown; an invalid answer is asked again with the loader's own reason.
#include "tne/questionnaire.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "base/text_layout.hpp"
#include "profile/answer_check.hpp"
#include "tne/input.hpp"
#include "tne/profile_yaml.hpp"

namespace tne {

namespace {

constexpr size_t kWidth = 80;

std::string trim(std::string_view text) {
    size_t begin = text.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos) return "";
    size_t end = text.find_last_not_of(" \t\r");
    return std::string(text.substr(begin, end - begin + 1));
}

// For matching what people type: lower case, no accents, "_" as a space. Spanish speakers may type
// "si" for "sí" or "publica" for "pública"; ids are written with underscores.
std::string fold(std::string_view text) {
    static const std::pair<unsigned char, char> accents[] = {
        {0xA1, 'a'}, {0xA9, 'e'}, {0xAD, 'i'}, {0xB3, 'o'}, {0xBA, 'u'}, {0xBC, 'u'}, {0xB1, 'n'},
        {0x81, 'a'}, {0x89, 'e'}, {0x8D, 'i'}, {0x93, 'o'}, {0x9A, 'u'}, {0x9C, 'u'}, {0x91, 'n'}};
    std::string folded;
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == 0xC3 && i + 1 < text.size()) {  // the two-byte UTF-8 forms of Latin-1 letters
            unsigned char next = static_cast<unsigned char>(text[i + 1]);
            auto it =
                std::find_if(std::begin(accents), std::end(accents), [&](const auto& a) { return a.first == next; });
            if (it != std::end(accents)) {
                folded += it->second;
                ++i;
                continue;
            }
        }
        folded += c == '_' ? ' ' : static_cast<char>(std::tolower(c));
    }
    return folded;
}

bool is_one_of(const std::string& folded, std::initializer_list<const char*> words) {
    return std::any_of(words.begin(), words.end(), [&](const char* word) { return folded == word; });
}

bool is_skip(const std::string& folded) { return is_one_of(folded, {"skip", "omitir", "saltar"}); }
bool is_back(const std::string& folded) { return is_one_of(folded, {"back", "atras", "volver"}); }
bool is_none(const std::string& folded) { return is_one_of(folded, {"none", "ninguna", "ninguno", "nada", "[]"}); }

// The id of the value `typed` names: its number in the list, its id or a label; else nothing.
std::optional<std::string> resolve_value(const Question& question, const std::string& typed) {
    if (!typed.empty() && typed.find_first_not_of("0123456789") == std::string::npos && typed.size() < 4) {
        size_t number = std::stoul(typed);
        if (number >= 1 && number <= question.values.size()) return question.values[number - 1].id;
        return std::nullopt;
    }
    std::string folded = fold(typed);
    for (const auto& value : question.values)
        if (folded == fold(value.id) || folded == fold(value.label.en) || folded == fold(value.label.es))
            return value.id;
    return std::nullopt;
}

// List items: split at commas, except inside a label that has commas of its own ("STEM (science,
// technology, ...)"): a piece that names nothing is joined with the next ones while that helps.
RawAnswer typed_list(const Question& question, const std::string& typed) {
    std::string text = typed;
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
    std::vector<std::string> pieces;
    for (size_t start = 0;;) {
        size_t comma = text.find(',', start);
        pieces.push_back(
            trim(std::string_view(text).substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    std::vector<RawAnswer> items;
    for (size_t i = 0; i < pieces.size(); ++i) {
        std::optional<std::string> id = resolve_value(question, pieces[i]);
        std::string joined = pieces[i];
        for (size_t j = i + 1; !id && j < pieces.size(); ++j) {
            joined += ", " + pieces[j];
            if ((id = resolve_value(question, joined))) i = j;
        }
        items.push_back(RawAnswer::scalar(id ? *id : pieces[i], true));
    }
    return RawAnswer::list(std::move(items));
}

// What the user typed as an answer to check, as the loader checks a profile's: a name or number of
// an option becomes its id, a percentage may end in "%" and use a decimal comma. Typed text has no
// quotes, so a number question reads it as a number.
RawAnswer typed_raw(const Question& question, const std::string& typed) {
    switch (question.type) {
        case QuestionType::choice:
        case QuestionType::yes_partial_no:
            return RawAnswer::scalar(resolve_value(question, typed).value_or(typed), true);
        case QuestionType::list:
            if (is_none(fold(typed))) return RawAnswer::list({});
            return typed_list(question, typed);
        case QuestionType::percent: {
            std::string number = typed;
            if (!number.empty() && number.back() == '%') number = trim(number.substr(0, number.size() - 1));
            size_t comma = number.find(',');  // 12,5: the decimal comma
            if (comma != std::string::npos && number.find(',', comma + 1) == std::string::npos) number[comma] = '.';
            return RawAnswer::scalar(number, true);
        }
        case QuestionType::count:
        case QuestionType::text:
            break;
    }
    return RawAnswer::scalar(typed, true);
}

// An answer as the questionnaire shows it: the label of a value, else the value itself.
std::string shown_value(const Question& question, const Value& value, Lang lang) {
    auto label = [&](const std::string& id) {
        const Choice* choice = question.find_value(id);
        return choice && !choice->label.in(lang).empty() ? choice->label.in(lang) : id;
    };
    if (const auto* number = std::get_if<double>(&value)) return format_number(*number, 6);
    if (const auto* text = std::get_if<std::string>(&value))
        return question.type == QuestionType::text ? *text : label(*text);
    if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
        if (items->empty()) return lang == Lang::es ? "ninguna" : "none";
        std::string shown;
        for (const auto& item : *items) shown += (shown.empty() ? "" : ", ") + label(item);
        return shown;
    }
    return lang == Lang::es ? "desconocida (omitida)" : "unknown (skipped)";
}

class Session {
public:
    Session(const RubricSet& rubric, Profile& profile, Conversation& conversation, const QuestionnaireOptions& options)
        : rubric_(rubric), profile_(profile), io_(conversation), options_(options), lang_(options.lang) {}

    QuestionnaireEnd run() {
        std::vector<const Question*> questions = unasked_questions(rubric_, profile_);
        introduce(questions.size());
        size_t at = 0;
        while (at < questions.size()) {
            const Question& question = *questions[at];
            if (question.block != shown_block_) show_block(question.block);
            show(question);
            for (;;) {
                io_.write("> ");
                InputLine line = io_.read_line();
                if (line.status != InputLine::Status::line) {
                    io_.write("\n");
                    return line.status == InputLine::Status::interrupted ? QuestionnaireEnd::interrupted
                                                                         : QuestionnaireEnd::end_of_input;
                }
                Step step = answer(question, trim(line.text), at == 0);
                if (step == Step::again) continue;
                if (step == Step::back)
                    --at;
                else
                    ++at;
                break;
            }
        }
        return QuestionnaireEnd::finished;
    }

private:
    enum class Step { next, back, again };

    const char* say(const char* en, const char* es) const { return lang_ == Lang::es ? es : en; }

    void paragraph(std::string_view text, std::string_view indent = "") {
        std::string out;
        append_wrapped(out, text, kWidth, indent, indent);
        io_.write(out);
    }

    std::string annex_line(const std::vector<std::string>& sections) const {
        return fmt::format("{} {}", say("Annex:", "Anexo:"), fmt::join(sections, ", "));
    }

    void note(std::string_view text) {
        std::string out;
        append_wrapped(out, text, kWidth, "  ! ", "    ");
        io_.write(out);
    }

    void introduce(size_t count) {
        const std::string& name = rubric_.name.in(lang_);
        if (count == 0) {
            paragraph(lang_ == Lang::es ? fmt::format("{}: todas las preguntas ya tienen respuesta.", name)
                                        : fmt::format("{}: every question already has an answer.", name));
            return;
        }
        size_t total = rubric_.questions.size();
        paragraph(lang_ == Lang::es ? fmt::format("{}: {} preguntas{}, parte por parte.", name, count,
                                                  count < total ? fmt::format(" por responder de {}", total) : "")
                                    : fmt::format("{}: {} questions{}, part by part.", name, count,
                                                  count < total ? fmt::format(" still to answer of {}", total) : ""));
        paragraph(
            say("Type the answer and press Enter: the number or the name of an option, a number, or a text. "
                "\"skip\" leaves an answer unknown (it lowers the report's coverage, not its score); \"back\" "
                "returns to the previous question; Enter alone keeps an answer already given.",
                "Escriba la respuesta y pulse Enter: el número o el nombre de una opción, un número o un texto. "
                "\"omitir\" deja una respuesta como desconocida (baja la cobertura del informe, no su puntaje); "
                "\"atrás\" vuelve a la pregunta anterior; Enter solo conserva una respuesta ya dada."));
        if (!options_.progress_file.empty())
            paragraph(lang_ == Lang::es
                          ? fmt::format("Las respuestas se guardan en {} a medida que se dan: Ctrl-C interrumpe, y la "
                                        "misma orden continúa donde quedó.",
                                        options_.progress_file)
                          : fmt::format("Answers are kept in {} as they are given: Ctrl-C stops, and the same command "
                                        "resumes where you left off.",
                                        options_.progress_file));
    }

    void show_block(const std::string& block) {
        shown_block_ = block;
        const Dimension* dimension = rubric_.find_dimension(block);
        size_t part = std::find(rubric_.blocks.begin(), rubric_.blocks.end(), block) - rubric_.blocks.begin() + 1;
        std::string name = dimension ? dimension->name.in(lang_) : std::string(say("Institution", "Institución"));
        std::string title = lang_ == Lang::es
                                ? fmt::format("── {} (parte {} de {}) ", name, part, rubric_.blocks.size())
                                : fmt::format("── {} (part {} of {}) ", name, part, rubric_.blocks.size());
        while (display_width(title) < kWidth) title += "─";
        io_.write("\n" + title + "\n");
        if (dimension) {
            paragraph(dimension->description.in(lang_));
            if (!dimension->annex.empty()) paragraph(annex_line(dimension->annex));
        } else {
            paragraph(say("Not scored: the models read it to tell which of them fit.",
                          "No se puntúa: los modelos la leen para saber cuáles convienen."));
        }
    }

    void show(const Question& question) {
        size_t position = &question - rubric_.questions.data() + 1;
        io_.write("\n");
        io_.write(lang_ == Lang::es
                      ? fmt::format("Pregunta {} de {} · {}\n", position, rubric_.questions.size(), question.path)
                      : fmt::format("Question {} of {} · {}\n", position, rubric_.questions.size(), question.path));
        std::string text = question.text.in(lang_);
        if (question.required) text += say(" (required)", " (obligatoria)");
        paragraph(text);
        if (!question.help.in(lang_).empty()) paragraph(question.help.in(lang_), "  ");
        std::vector<std::string> annex = question_annex(rubric_, question);
        if (!annex.empty()) paragraph(annex_line(annex), "  ");
        show_allowed(question);
        if (const Answer* answer = profile_.find(question)) {
            std::string now = shown_value(question, answer->value, lang_);
            paragraph(lang_ == Lang::es ? fmt::format("Respuesta actual: {}. Enter la conserva.", now)
                                        : fmt::format("Current answer: {}. Enter keeps it.", now),
                      "  ");
        }
    }

    void show_allowed(const Question& question) {
        if (question.values.empty()) {
            if (question.type != QuestionType::text) paragraph(allowed_answers(question).in(lang_), "  ");
            return;
        }
        for (size_t i = 0; i < question.values.size(); ++i) {
            const Choice& choice = question.values[i];
            std::string label = choice.label.in(lang_);
            std::string line = fmt::format("{:>4}. {}", i + 1, label.empty() ? choice.id : label);
            if (!label.empty() && fold(label) != fold(choice.id)) line += "  [" + choice.id + "]";
            io_.write(line + "\n");
        }
        if (question.type == QuestionType::list)
            paragraph(say("One or more, separated by commas; \"none\" if none.",
                          "Una o varias, separadas por comas; \"ninguna\" si no hay."),
                      "  ");
    }

    Step answer(const Question& question, const std::string& typed, bool first) {
        // A terminal set to Latin-1 sends "é" as one byte, which is not UTF-8: kept, it would make
        // the saved answers unreadable. The officer is asked again, with the reason.
        if (input::find_unreadable(typed)) {
            note(
                say("The answer is not UTF-8 text (or holds a control character): set the terminal to UTF-8, or "
                    "type it without accents.",
                    "La respuesta no es texto UTF-8 (o contiene un carácter de control): configure la terminal en "
                    "UTF-8, o escríbala sin acentos."));
            return Step::again;
        }
        std::string folded = fold(typed);
        if (is_back(folded)) {
            if (!first) return Step::back;
            note(say("This is the first question; there is none to go back to.",
                     "Esta es la primera pregunta; no hay una anterior."));
            return Step::again;
        }
        if (typed.empty()) {
            if (profile_.find(question)) return Step::next;
            note(say("Type an answer, or \"skip\" if it is not known.",
                     "Escriba una respuesta, u \"omitir\" si no se sabe."));
            return Step::again;
        }
        if (is_skip(folded)) {
            if (question.required) {
                note(say("This question is required: it cannot be skipped.",
                         "Esta pregunta es obligatoria: no se puede omitir."));
                return Step::again;
            }
            record(question, Value{});
            return Step::next;
        }
        TypedAnswer read = read_typed_answer(rubric_, question, typed);
        if (!read.value) {
            note(read.error.in(lang_));
            return Step::again;
        }
        record(question, std::move(*read.value));
        return Step::next;
    }

    void record(const Question& question, Value value) {
        profile_.set(question, std::move(value));
        if (options_.save_progress) options_.save_progress(profile_);
    }

    const RubricSet& rubric_;
    Profile& profile_;
    Conversation& io_;
    const QuestionnaireOptions& options_;
    Lang lang_;
    std::string shown_block_;
};

// A number typed for an option that has no such number; else nothing.
std::optional<LocalText> no_such_option(const Question& question, const std::string& typed) {
    if (question.values.empty() || question.type == QuestionType::list) return std::nullopt;
    if (typed.empty() || typed.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    if (typed.size() < 4 && std::stoul(typed) >= 1 && std::stoul(typed) <= question.values.size()) return std::nullopt;
    std::string count = std::to_string(question.values.size());
    return LocalText{fmt::format("{}: there is no option {}; type a number from 1 to {}, or an option's name",
                                 question.path, typed, count),
                     fmt::format("{}: no hay opción {}; escriba un número del 1 al {}, o el nombre de una opción",
                                 question.path, typed, count)};
}

}  // namespace

std::vector<const Question*> unasked_questions(const RubricSet& rubric, const Profile& profile) {
    std::vector<const Question*> questions;
    for (const auto& question : rubric.questions)
        if (!profile.find(question)) questions.push_back(&question);
    return questions;
}

QuestionnaireEnd run_questionnaire(const RubricSet& rubric, Profile& profile, Conversation& conversation,
                                   const QuestionnaireOptions& options) {
    return Session(rubric, profile, conversation, options).run();
}

TypedAnswer read_typed_answer(const RubricSet& /*rubric*/, const Question& question, std::string_view typed) {
    std::string text = trim(typed);
    if (auto error = no_such_option(question, text)) return {std::nullopt, *error};
    std::vector<Diagnostic> problems;
    std::optional<Value> value = check_answer(question, typed_raw(question, text), "answer", problems);
    if (!value) return {std::nullopt, problems.front().message};
    return {std::move(*value), {}};
}

bool confirm(Conversation& conversation, const LocalText& question, Lang lang) {
    for (;;) {
        conversation.write(question.in(lang) + (lang == Lang::es ? " [S/n] " : " [Y/n] "));
        InputLine line = conversation.read_line();
        if (line.status != InputLine::Status::line) {
            conversation.write("\n");
            return false;
        }
        std::string folded = fold(trim(line.text));
        if (is_one_of(folded, {"", "y", "yes", "s", "si"})) return true;
        if (is_one_of(folded, {"n", "no"})) return false;
        conversation.write(lang == Lang::es ? "  ! Responda s (sí) o n (no).\n" : "  ! Answer y (yes) or n (no).\n");
    }
}

}  // namespace tne
