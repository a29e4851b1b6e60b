// The questionnaire: one question at a time, in the rubric set's order, with the help and the
// allowed answers shown; an invalid answer is asked again with the reason (an option not named is
// answered with the options, by their labels in the officer's language); at the end a review of
// every answer, where any of them can be changed before the profile is saved.
#include "tne/questionnaire.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "base/text_layout.hpp"
#include "base/yaml_input.hpp"
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

bool is_one_of(const std::string& folded, std::initializer_list<const char*> words) {
    return std::any_of(words.begin(), words.end(), [&](const char* word) { return folded == word; });
}

bool is_skip(const std::string& folded) { return is_one_of(folded, {"skip", "omitir", "saltar"}); }
bool is_back(const std::string& folded) { return is_one_of(folded, {"back", "atras", "volver"}); }
bool is_none(const std::string& folded) { return is_one_of(folded, {"none", "ninguna", "ninguno", "nada", "[]"}); }
bool is_help(const std::string& folded) { return is_one_of(folded, {"?", "\xC2\xBF?", "ayuda", "help"}); }

// "no sé", "¿no sé?", "don't know": the officer does not know, which leaves the answer unknown as
// "skip" does.
bool is_dont_know(std::string folded) {
    if (folded.rfind("\xC2\xBF", 0) == 0) folded.erase(0, 2);  // ¿
    while (!folded.empty() && (folded.back() == '?' || folded.back() == '.')) folded.pop_back();
    return is_one_of(folded, {"no se", "nose", "no lo se", "dont know", "don't know", "do not know", "i don't know",
                              "i dont know", "i do not know"});
}

bool is_unknown(const std::string& folded) { return is_skip(folded) || is_dont_know(folded); }

// Accepting the review: Enter alone, yes, or save.
bool is_save(const std::string& folded) { return is_one_of(folded, {"", "s", "si", "y", "yes", "guardar", "save"}); }

// A whole number of at most three digits (no list has more options, no rubric set a thousand
// questions), else nothing.
std::optional<size_t> small_number(const std::string& typed) {
    if (typed.empty() || typed.size() > 3 || typed.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoul(typed);
}

// The id of the value `typed` names: its number in the list, its id or a label; else nothing.
std::optional<std::string> resolve_value(const Question& question, const std::string& typed) {
    if (!typed.empty() && typed.find_first_not_of("0123456789") == std::string::npos) {
        std::optional<size_t> number = small_number(typed);
        if (number && *number >= 1 && *number <= question.values.size()) return question.values[*number - 1].id;
        return std::nullopt;
    }
    const Choice* named = question.find_value_written(typed);
    return named ? std::optional<std::string>(named->id) : std::nullopt;
}

// One piece of a typed answer to a question with options, and the option it names (none when it
// names none).
struct NamedPiece {
    std::string typed;
    std::optional<std::string> id;
};

// List items: split at commas, except inside a label that has commas of its own ("STEM (science,
// technology, ...)"): a piece that names nothing is joined with the next ones while that helps.
std::vector<NamedPiece> list_pieces(const Question& question, const std::string& typed) {
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
    std::vector<NamedPiece> named;
    for (size_t i = 0; i < pieces.size(); ++i) {
        std::optional<std::string> id = resolve_value(question, pieces[i]);
        std::string joined = pieces[i];
        for (size_t j = i + 1; !id && j < pieces.size(); ++j) {
            joined += ", " + pieces[j];
            if ((id = resolve_value(question, joined))) i = j;
        }
        named.push_back({id ? joined : pieces[i], id});
    }
    return named;
}

// The label of the option the officer most likely meant by `typed` (a typo of a label in either
// language or of an id), in `lang`; else "" (also for a word too short to guess from).
std::string likely_option(const Question& question, const std::string& typed, Lang lang) {
    if (display_width(typed) < 3) return "";  // "x" is two edits from "sí" and from "no": no guess
    std::vector<std::string> names;
    std::vector<const Choice*> options;
    for (const auto& value : question.values)
        for (const std::string& name : {value.label.in(lang), value.label.en, value.label.es, value.id}) {
            names.push_back(typed_key(name));
            options.push_back(&value);
        }
    std::string near = yaml_input::closest(typed_key(typed), names);
    if (near.empty()) return "";
    const Choice& option = *options[std::find(names.begin(), names.end(), near) - names.begin()];
    return option.label.in(lang).empty() ? option.id : option.label.in(lang);
}

// Why `typed` is not an answer to a question with options: no option has that number, or none that
// name. The questionnaire lists the options after it.
LocalText not_an_option(const Question& question, const std::string& typed) {
    if (!typed.empty() && typed.find_first_not_of("0123456789") == std::string::npos) {
        std::string count = std::to_string(question.values.size());
        return {
            fmt::format("There is no option {}: type a number from 1 to {}, or an option's name.", typed, count),
            fmt::format("No hay opción {}: escriba un número del 1 al {}, o el nombre de una opción.", typed, count)};
    }
    return localize([&](Lang lang) {
        std::string near = likely_option(question, typed, lang);
        if (lang == Lang::es)
            return fmt::format("\"{}\" no es una de las opciones{}: escriba su número o su nombre.", typed,
                               near.empty() ? "" : fmt::format(" (¿quiso decir \"{}\"?)", near));
        return fmt::format("\"{}\" is not one of the options{}: type its number or its name.", typed,
                           near.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", near));
    });
}

LocalText named_twice(const Question& question, const std::string& id) {
    const Choice* option = question.find_value(id);
    return localize([&](Lang lang) {
        std::string label = option && !option->label.in(lang).empty() ? option->label.in(lang) : id;
        return lang == Lang::es ? fmt::format("\"{}\" aparece dos veces: nombre cada opción una sola vez.", label)
                                : fmt::format("\"{}\" is named twice: name each option once.", label);
    });
}

// What the user typed as an answer to check, as the loader checks a profile's: the options named
// (already resolved to their ids), a percentage that may end in "%" and use a decimal comma. Typed
// text has no quotes, so a number question reads it as a number.
RawAnswer typed_raw(const Question& question, const std::string& typed, const std::vector<NamedPiece>& named) {
    switch (question.type) {
        case QuestionType::choice:
        case QuestionType::yes_partial_no:
            return RawAnswer::scalar(named.at(0).id.value_or(typed), true);
        case QuestionType::list: {
            std::vector<RawAnswer> items;
            for (const auto& piece : named) items.push_back(RawAnswer::scalar(piece.id.value_or(piece.typed), true));
            return RawAnswer::list(std::move(items));
        }
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
    if (const auto* number = std::get_if<double>(&value))
        return format_number(*number, 6) + (question.type == QuestionType::percent ? "%" : "");
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

LocalText part_name(const RubricSet& rubric, const std::string& block) {
    const Dimension* dimension = rubric.find_dimension(block);
    return dimension ? dimension->name : LocalText{"Institution", "Institución"};
}

LocalText part_description(const RubricSet& rubric, const std::string& block) {
    const Dimension* dimension = rubric.find_dimension(block);
    return dimension ? dimension->description
                     : LocalText{"Not scored: the models read it to tell which of them fit.",
                                 "No se puntúa: los modelos la leen para saber cuáles convienen."};
}

class Session {
public:
    Session(const RubricSet& rubric, Profile& profile, Conversation& conversation, const QuestionnaireOptions& options)
        : rubric_(rubric), profile_(profile), io_(conversation), options_(options), lang_(options.lang) {}

    QuestionnaireEnd run() {
        std::vector<const Question*> questions = unasked_questions(rubric_, profile_);
        introduce(questions.size());
        size_t at = 0;
        for (;;) {
            while (at < questions.size()) {
                Step step = ask(*questions[at], at == 0);
                if (step == Step::ended) return end_;
                if (step == Step::back)
                    --at;
                else
                    ++at;
            }
            Step step = review(!questions.empty());
            if (step == Step::ended) return end_;
            if (step == Step::next) return QuestionnaireEnd::finished;
            at = questions.size() - 1;  // back: to the last question asked
        }
    }

private:
    // What comes after a question (or the review): the next one, the previous one, the same one
    // again, or nothing (the input ended or was interrupted: end_ says which).
    enum class Step { next, back, again, ended };

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

    // A line typed after the prompt; nothing when the input ended or was interrupted (end_ says which).
    std::optional<std::string> read_answer() {
        io_.write("> ");
        InputLine line = io_.read_line();
        if (line.status == InputLine::Status::line) return trim(line.text);
        io_.write("\n");
        end_ = line.status == InputLine::Status::interrupted ? QuestionnaireEnd::interrupted
                                                             : QuestionnaireEnd::end_of_input;
        return std::nullopt;
    }

    void introduce(size_t count) {
        const std::string& name = rubric_.name.in(lang_);
        if (count == 0) {
            paragraph(
                lang_ == Lang::es
                    ? fmt::format("{}: todas las preguntas ya tienen respuesta; puede revisarlas y cambiarlas.", name)
                    : fmt::format("{}: every question already has an answer; you may review and change them.", name));
            return;
        }
        size_t total = rubric_.questions.size();
        paragraph(lang_ == Lang::es ? fmt::format("{}: {} preguntas{}, parte por parte.", name, count,
                                                  count < total ? fmt::format(" por responder de {}", total) : "")
                                    : fmt::format("{}: {} questions{}, part by part.", name, count,
                                                  count < total ? fmt::format(" still to answer of {}", total) : ""));
        paragraph(
            say("Type the answer and press Enter: the number or the name of an option, a number, or a text. "
                "\"skip\" or \"don't know\" leaves an answer unknown (it lowers the report's coverage, not its "
                "score); \"back\" returns to the previous question; \"?\" or \"help\" explains the question; Enter "
                "alone keeps an answer already given. At the end you review every answer before the profile is "
                "saved.",
                "Escriba la respuesta y pulse Enter: el número o el nombre de una opción, un número o un texto. "
                "\"omitir\" o \"no sé\" deja una respuesta como desconocida (baja la cobertura del informe, no su "
                "puntaje); \"atrás\" vuelve a la pregunta anterior; \"?\" o \"ayuda\" explica la pregunta; Enter "
                "solo conserva una respuesta ya dada. Al final se revisan todas las respuestas antes de guardar el "
                "perfil."));
        if (!options_.progress_file.empty())
            paragraph(lang_ == Lang::es
                          ? fmt::format("Las respuestas se guardan en {} a medida que se dan: Ctrl-C interrumpe, y la "
                                        "misma orden continúa donde quedó.",
                                        options_.progress_file)
                          : fmt::format("Answers are kept in {} as they are given: Ctrl-C stops, and the same command "
                                        "resumes where you left off.",
                                        options_.progress_file));
    }

    std::string block_name(const std::string& block) const { return part_name(rubric_, block).in(lang_); }

    void show_block(const std::string& block) {
        shown_block_ = block;
        const Dimension* dimension = rubric_.find_dimension(block);
        size_t part = std::find(rubric_.blocks.begin(), rubric_.blocks.end(), block) - rubric_.blocks.begin() + 1;
        std::string name = block_name(block);
        std::string title = lang_ == Lang::es
                                ? fmt::format("── {} (parte {} de {}) ", name, part, rubric_.blocks.size())
                                : fmt::format("── {} (part {} of {}) ", name, part, rubric_.blocks.size());
        rule(title);
        paragraph(part_description(rubric_, block).in(lang_));
        if (dimension && !dimension->annex.empty()) paragraph(annex_line(dimension->annex));
    }

    // A heading drawn across the width: "── Title ─────".
    void rule(std::string title) {
        while (display_width(title) < kWidth) title += "─";
        io_.write("\n" + title + "\n");
    }

    size_t number_of(const Question& question) const { return &question - rubric_.questions.data() + 1; }

    void show(const Question& question) {
        io_.write("\n");
        io_.write(lang_ == Lang::es ? fmt::format("Pregunta {} de {} · {}\n", number_of(question),
                                                  rubric_.questions.size(), question.written_path(Lang::es))
                                    : fmt::format("Question {} of {} · {}\n", number_of(question),
                                                  rubric_.questions.size(), question.path));
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

    // The options, numbered, by their labels in the officer's language.
    void list_options(const Question& question) {
        for (size_t i = 0; i < question.values.size(); ++i) {
            const Choice& choice = question.values[i];
            std::string label = choice.label.in(lang_);
            io_.write(fmt::format("{:>4}. {}\n", i + 1, label.empty() ? choice.id : label));
        }
    }

    void show_allowed(const Question& question) {
        if (question.values.empty()) {
            if (question.type != QuestionType::text) paragraph(allowed_answers(question).in(lang_), "  ");
            return;
        }
        list_options(question);
        if (question.type == QuestionType::list)
            paragraph(say("One or more, separated by commas; \"none\" if none.",
                          "Una o varias, separadas por comas; \"ninguna\" si no hay."),
                      "  ");
    }

    // "a whole number, from 0 to 500000.": the allowed answers after "Answers:" (they start with an
    // ASCII capital in both languages).
    std::string allowed_in_sentence(const Question& question) const {
        std::string allowed = allowed_answers(question).in(lang_);
        if (!allowed.empty()) allowed[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(allowed[0])));
        return allowed;
    }

    // The help of `question` ("?"): its whole help, the answers it takes, its Annex sections with their
    // titles, and the commands; then the question is asked again.
    void show_help(const Question& question) {
        io_.write("\n");
        paragraph(lang_ == Lang::es
                      ? fmt::format("Ayuda · pregunta {} · {}", number_of(question), question.written_path(Lang::es))
                      : fmt::format("Help · question {} · {}", number_of(question), question.path));
        paragraph(question.text.in(lang_), "  ");
        if (!question.help.in(lang_).empty()) paragraph(question.help.in(lang_), "  ");
        io_.write("\n");
        switch (question.type) {
            case QuestionType::choice:
            case QuestionType::yes_partial_no:
                paragraph(say("Answers: one of these, by its number or its name:",
                              "Respuestas: una de estas, por su número o su nombre:"));
                list_options(question);
                break;
            case QuestionType::list:
                paragraph(
                    say("Answers: one or more of these, by number or name, separated by commas; \"none\" if "
                        "none applies:",
                        "Respuestas: una o varias de estas, por número o nombre, separadas por comas; "
                        "\"ninguna\" si no hay:"));
                list_options(question);
                break;
            case QuestionType::percent:
                paragraph(fmt::format(
                    "{} {} {}", say("Answers:", "Respuestas:"), allowed_in_sentence(question),
                    say("It may end in %, as in 40%.", "Puede terminar en %, como 40%, y usar coma decimal: 12,5.")));
                break;
            case QuestionType::count:
                paragraph(fmt::format("{} {}", say("Answers:", "Respuestas:"), allowed_in_sentence(question)));
                break;
            case QuestionType::text:
                paragraph(say("Answers: a text, as it should appear in the report.",
                              "Respuestas: un texto, tal como debe aparecer en el informe."));
                break;
        }
        std::vector<std::string> annex = question_annex(rubric_, question);
        if (!annex.empty()) {
            io_.write("\n");
            paragraph(say("Annex sections it matters for:", "Secciones del Anexo en que cuenta:"));
            for (const auto& id : annex) {
                const AnnexSection* section = rubric_.find_annex_section(id);
                std::string title = section ? section->title.in(lang_) : "";
                paragraph(title.empty() ? id : fmt::format("{} {}", id, title), "      ");
            }
        }
        io_.write("\n");
        paragraph(say("Commands, at any question:", "Órdenes, en cualquier pregunta:"));
        std::vector<std::pair<const char*, std::string>> commands = {
            {say("skip, don't know", "omitir, no sé"),
             question.required
                 ? say("not for this question: it is required", "no en esta pregunta: es obligatoria")
                 : say("leaves the answer unknown (it lowers the report's coverage, not its score)",
                       "deja la respuesta como desconocida (baja la cobertura del informe, no su puntaje)")},
            {say("back", "atrás"), say("returns to the previous question", "vuelve a la pregunta anterior")},
            {say("Enter alone", "Enter solo"), say("keeps the answer already given", "conserva la respuesta ya dada")},
            {say("?, help", "?, ayuda"), say("shows this help", "muestra esta ayuda")}};
        for (const auto& [command, what] : commands) {
            std::string out;
            append_wrapped(out, what, kWidth, "    " + pad_right(command, 18), std::string(22, ' '));
            io_.write(out);
        }
        std::string finish =
            say("After the last question you review every answer: Enter saves the profile, a question's number changes "
                "its answer.",
                "Tras la última pregunta se revisan todas las respuestas: Enter guarda el perfil, el número de una "
                "pregunta cambia su respuesta.");
        if (!options_.progress_file.empty())
            finish += lang_ == Lang::es ? fmt::format(
                                              " Ctrl-C interrumpe en cualquier momento: las respuestas quedan "
                                              "en {} y la misma orden continúa.",
                                              options_.progress_file)
                                        : fmt::format(
                                              " Ctrl-C stops at any time: the answers stay in {} and the same "
                                              "command resumes.",
                                              options_.progress_file);
        paragraph(finish);
        io_.write("\n");
        paragraph(lang_ == Lang::es ? fmt::format("Pregunta {}: {}", number_of(question), question.text.in(lang_))
                                    : fmt::format("Question {}: {}", number_of(question), question.text.in(lang_)));
    }

    // Asks `question` until it has an answer, or the officer goes back (`first`: there is nothing to
    // go back to), or the input ends.
    Step ask(const Question& question, bool first) {
        if (question.block != shown_block_) show_block(question.block);
        show(question);
        for (;;) {
            std::optional<std::string> typed = read_answer();
            if (!typed) return Step::ended;
            Step step = answer(question, *typed, first);
            if (step != Step::again) return step;
        }
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
        std::string folded = typed_key(typed);
        // Never an answer, not even a name: an institution called "?" is far less likely than an
        // officer asking for help.
        if (is_help(folded)) {
            show_help(question);
            return Step::again;
        }
        if (is_back(folded)) {
            if (!first) return Step::back;
            note(say("This is the first question; there is none to go back to.",
                     "Esta es la primera pregunta; no hay una anterior."));
            return Step::again;
        }
        if (typed.empty()) {
            if (profile_.find(question)) return Step::next;
            note(say("Type an answer, \"skip\" (or \"don't know\") if it is not known, or \"?\" for help.",
                     "Escriba una respuesta, \"omitir\" (o \"no sé\") si no se sabe, o \"?\" para ver la ayuda."));
            return Step::again;
        }
        if (is_unknown(folded)) {
            if (question.required) {
                note(say("This question is required: it cannot be skipped or left unknown.",
                         "Esta pregunta es obligatoria: no se puede omitir ni dejar como desconocida."));
                return Step::again;
            }
            record(question, Value{});
            return Step::next;
        }
        TypedAnswer read = read_typed_answer(rubric_, question, typed);
        if (!read.value) {
            note(read.error.in(lang_));
            if (read.list_options) list_options(question);
            return Step::again;
        }
        record(question, std::move(*read.value));
        return Step::next;
    }

    void record(const Question& question, Value value) {
        profile_.set(question, std::move(value));
        if (options_.save_progress) options_.save_progress(profile_);
    }

    // Every answer, part by part: "  12. Dedicated budget → Yes", an unknown one marked.
    void show_review() {
        size_t known =
            std::count_if(profile_.answers.begin(), profile_.answers.end(), [](const Answer& a) { return a.known(); });
        size_t total = rubric_.questions.size();
        rule(lang_ == Lang::es ? fmt::format("── Revisión: {} de {} respuestas conocidas ", known, total)
                               : fmt::format("── Review: {} of {} answers known ", known, total));
        std::string block;
        for (const auto& question : rubric_.questions) {
            if (question.block != block) {
                block = question.block;
                io_.write(block_name(block) + "\n");
            }
            const Answer* answer = profile_.find(question);
            std::string shown = !answer            ? say("(not answered)", "(sin respuesta)")
                                : !answer->known() ? say("(unknown)", "(desconocida)")
                                                   : shown_value(question, answer->value, lang_);
            std::string label =
                question.label.in(lang_).empty() ? question.written_path(lang_) : question.label.in(lang_);
            std::string out;
            append_wrapped(out, fmt::format("{} → {}", label, shown), kWidth,
                           fmt::format("{:>4}. ", number_of(question)), "      ");
            io_.write(out);
        }
        io_.write("\n");
        review_choices();
    }

    void review_choices() {
        size_t total = rubric_.questions.size();
        paragraph(lang_ == Lang::es
                      ? fmt::format("¿Guardar el perfil? Enter (o \"sí\") lo guarda; un número del 1 al {} (o "
                                    "\"cambiar N\") cambia esa respuesta y vuelve aquí; \"atrás\" vuelve a la última "
                                    "pregunta.",
                                    total)
                      : fmt::format("Save the profile? Enter (or \"yes\") saves it; a number from 1 to {} (or \"change "
                                    "N\") changes that answer and comes back here; \"back\" returns to the last "
                                    "question.",
                                    total));
    }

    // The review before saving: Step::next saves, Step::back returns to the last question asked
    // (`can_go_back`: there was one), Step::ended when the input ends. A question changed from here
    // returns here.
    Step review(bool can_go_back) {
        show_review();
        for (;;) {
            std::optional<std::string> typed = read_answer();
            if (!typed) return Step::ended;
            std::string folded = typed_key(*typed);
            if (is_save(folded)) return Step::next;
            if (is_help(folded)) {
                review_choices();
                continue;
            }
            if (is_back(folded)) {
                if (can_go_back) return Step::back;
                note(say("No question was asked in this session; type a question's number to change its answer.",
                         "En esta sesión no se hizo ninguna pregunta; escriba el número de una pregunta para "
                         "cambiar su respuesta."));
                continue;
            }
            for (const char* prefix : {"cambiar ", "change ", "cambia "})
                if (folded.rfind(prefix, 0) == 0) folded = trim(folded.substr(std::string_view(prefix).size()));
            std::optional<size_t> number = small_number(folded);
            if (number && *number >= 1 && *number <= rubric_.questions.size()) {
                const Question& question = rubric_.questions[*number - 1];
                shown_block_.clear();  // out of order: the question's part is shown again
                if (ask(question, false) == Step::ended) return Step::ended;
                show_review();
                continue;
            }
            note(lang_ == Lang::es
                     ? fmt::format("Pulse Enter (o escriba \"sí\") para guardar, un número del 1 al {} para cambiar "
                                   "esa respuesta, o \"atrás\".",
                                   rubric_.questions.size())
                     : fmt::format("Press Enter (or type \"yes\") to save, a number from 1 to {} to change that "
                                   "answer, or \"back\".",
                                   rubric_.questions.size()));
        }
    }

    const RubricSet& rubric_;
    Profile& profile_;
    Conversation& io_;
    const QuestionnaireOptions& options_;
    Lang lang_;
    std::string shown_block_;
    QuestionnaireEnd end_ = QuestionnaireEnd::end_of_input;
};

}  // namespace

std::vector<QuestionnairePart> questionnaire_parts(const RubricSet& rubric) {
    std::vector<QuestionnairePart> parts;
    for (const auto& block : rubric.blocks) {
        const Dimension* dimension = rubric.find_dimension(block);
        parts.push_back({block,
                         part_name(rubric, block),
                         part_description(rubric, block),
                         dimension ? dimension->annex : std::vector<std::string>{},
                         {}});
    }
    for (const auto& question : rubric.questions)
        for (auto& part : parts)
            if (part.block == question.block) part.questions.push_back(&question);
    return parts;
}

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
    bool no_items = question.type == QuestionType::list && is_none(typed_key(text));
    std::vector<NamedPiece> named;
    if (question.type == QuestionType::list && !no_items)
        named = list_pieces(question, text);
    else if (question.type == QuestionType::choice || question.type == QuestionType::yes_partial_no)
        named.push_back({text, resolve_value(question, text)});
    std::vector<std::string> ids;
    for (const auto& piece : named) {
        if (!piece.id) return {std::nullopt, not_an_option(question, piece.typed), true};
        if (std::find(ids.begin(), ids.end(), *piece.id) != ids.end())
            return {std::nullopt, named_twice(question, *piece.id), false};
        ids.push_back(*piece.id);
    }
    std::vector<Diagnostic> problems;
    std::optional<Value> value =
        check_answer(question, no_items ? RawAnswer::list({}) : typed_raw(question, text, named), "answer", problems);
    if (!value) return {std::nullopt, problems.front().message, false};
    return {std::move(*value), {}, false};
}

bool confirm(Conversation& conversation, const LocalText& question, Lang lang, bool empty_means_yes) {
    for (;;) {
        conversation.write(question.in(lang) + (empty_means_yes ? (lang == Lang::es ? " [S/n] " : " [Y/n] ")
                                                                : (lang == Lang::es ? " [s/N] " : " [y/N] ")));
        InputLine line = conversation.read_line();
        if (line.status != InputLine::Status::line) {
            conversation.write("\n");
            return false;
        }
        std::string folded = typed_key(trim(line.text));
        if (folded.empty()) return empty_means_yes;
        if (is_one_of(folded, {"y", "yes", "s", "si"})) return true;
        if (is_one_of(folded, {"n", "no"})) return false;
        conversation.write(lang == Lang::es ? "  ! Responda s (sí) o n (no).\n" : "  ! Answer y (yes) or n (no).\n");
    }
}

}  // namespace tne
