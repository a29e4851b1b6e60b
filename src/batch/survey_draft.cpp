// A survey map drafted from an export (`tne survey map`). The export is read once: its header, and
// the distinct answers of each column. Columns are matched to questions by how alike their texts
// read (text_similarity), a column's answers must be readable as the question's, and each answer is
// matched to a value the same way. The draft says every match's score, so a person can check it.
#include "tne/survey_draft.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "batch/spooled_input.hpp"
#include "tne/error.hpp"
#include "tne/input.hpp"
#include "tne/survey.hpp"

namespace tne {

namespace {

// ---- words ----------------------------------------------------------------------------------------

// Words that say nothing about which question a text asks, in Spanish and English (as typed_key
// writes them), and the words survey tools add to their headers ("Response", "Selected Choice").
const std::set<std::string>& stop_words() {
    static const std::set<std::string> words = {"a",
                                                "al",
                                                "como",
                                                "con",
                                                "cual",
                                                "cuales",
                                                "de",
                                                "del",
                                                "e",
                                                "el",
                                                "elegir",
                                                "en",
                                                "es",
                                                "esta",
                                                "este",
                                                "ha",
                                                "han",
                                                "la",
                                                "las",
                                                "le",
                                                "lo",
                                                "los",
                                                "o",
                                                "para",
                                                "por",
                                                "puede",
                                                "que",
                                                "se",
                                                "su",
                                                "sus",
                                                "u",
                                                "un",
                                                "una",
                                                "unas",
                                                "unos",
                                                "varias",
                                                "varios",
                                                "y",
                                                "aproximado",
                                                "an",
                                                "and",
                                                "are",
                                                "as",
                                                "at",
                                                "be",
                                                "by",
                                                "did",
                                                "do",
                                                "does",
                                                "for",
                                                "has",
                                                "have",
                                                "how",
                                                "in",
                                                "is",
                                                "it",
                                                "its",
                                                "many",
                                                "much",
                                                "of",
                                                "on",
                                                "or",
                                                "the",
                                                "this",
                                                "that",
                                                "to",
                                                "what",
                                                "which",
                                                "with",
                                                "you",
                                                "your",
                                                "approx",
                                                "approximate",
                                                "institucion",
                                                "instituciones",
                                                "institution",
                                                "institutions",
                                                "institution's",
                                                "response",
                                                "respuesta",
                                                "open",
                                                "ended",
                                                "abierta",
                                                "selected",
                                                "choice",
                                                "etc"};
    return words;
}

// Words that start a negative answer ("No", "Ninguna", "Sin plan", "None yet").
const std::set<std::string>& negation_words() {
    static const std::set<std::string> words = {"no",   "ninguna", "ninguno", "none", "sin",
                                                "nada", "nunca",   "never",   "not",  "without"};
    return words;
}

// Answers that mean "don't know" in either language, as typed_key writes them.
const std::set<std::string>& unknown_phrases() {
    static const std::set<std::string> phrases = {"no se",
                                                  "no lo se",
                                                  "no sabe",
                                                  "no sabemos",
                                                  "ns/nc",
                                                  "ns",
                                                  "nc",
                                                  "no aplica",
                                                  "n/a",
                                                  "na",
                                                  "desconocido",
                                                  "prefiero no responder",
                                                  "prefiero no contestar",
                                                  "prefiero no decir",
                                                  "no responde",
                                                  "don't know",
                                                  "dont know",
                                                  "do not know",
                                                  "not sure",
                                                  "unknown",
                                                  "not applicable",
                                                  "prefer not to say",
                                                  "prefer not to answer"};
    return phrases;
}

// The answers that mean yes, partly and no to a question of yes, partial or no, besides the values'
// own ids and labels (which match anyway).
const std::map<std::string, std::string>& yes_partial_no_words() {
    static const std::map<std::string, std::string> words = {{"si", "yes"},
                                                             {"yes", "yes"},
                                                             {"y", "yes"},
                                                             {"en parte", "partial"},
                                                             {"parcialmente", "partial"},
                                                             {"parcial", "partial"},
                                                             {"partially", "partial"},
                                                             {"partly", "partial"},
                                                             {"in part", "partial"},
                                                             {"no", "no"},
                                                             {"n", "no"}};
    return words;
}

// The words of a text as typed_key writes them: lower case, no accents, split at anything but a
// letter or a digit (UTF-8 punctuation such as ¿ and ¡ included).
std::vector<std::string> words_of(std::string_view text) {
    std::string key = typed_key(text);
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) words.push_back(word);
        word.clear();
    };
    for (size_t i = 0; i < key.size(); ++i) {
        auto byte = static_cast<unsigned char>(key[i]);
        if (byte == 0xC2 && i + 1 < key.size()) {  // U+0080-U+00BF: ¿ ¡ « » and the like
            flush();
            ++i;
        } else if (byte >= 0x80 || std::isalnum(byte) || byte == '+' || byte == '\'') {
            word += static_cast<char>(byte);
        } else {
            flush();
        }
    }
    flush();
    return words;
}

// A word's stem: its first six bytes.
std::set<std::string> stems_of(std::string_view text) {
    std::set<std::string> stems;
    for (const auto& word : words_of(text))
        if (!stop_words().count(word)) stems.insert(word.substr(0, 6));
    return stems;
}

double dice(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() || b.empty()) return 0;
    size_t both = 0;
    for (const auto& stem : a) both += b.count(stem);
    return 2.0 * static_cast<double>(both) / static_cast<double>(a.size() + b.size());
}

bool negative(std::string_view answer) {
    auto words = words_of(answer);
    return !words.empty() && negation_words().count(words.front());
}

bool means_unknown(std::string_view answer) { return unknown_phrases().count(typed_key(answer)) > 0; }

// An option that asks for a text of the respondent's own: "Other (please specify)", "Otro (especifique)".
bool write_in(std::string_view option) {
    static const std::set<std::string> others = {"other", "others", "otro", "otra", "otros", "otras"};
    auto words = words_of(option);
    return !words.empty() && others.count(words.front());
}

// ---- numbers --------------------------------------------------------------------------------------

// The numbers written in a text: "Entre 10 y 25 %" -> 10, 25.
std::vector<double> numbers_in(std::string_view text) {
    std::vector<double> numbers;
    for (size_t i = 0; i < text.size();) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        size_t end = i;
        while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.')) ++end;
        numbers.push_back(std::strtod(std::string(text.substr(i, end - i)).c_str(), nullptr));
        i = end;
    }
    return numbers;
}

// A plain number as a cell of a number question may hold it: "35", "35 %", "2.5", and with a
// decimal comma or grouped thousands, "37,5", "12.500", "1,200" (`tne batch` finds which mark is
// the decimal one from the file's numbers).
bool plain_number(std::string_view text) {
    std::string trimmed(text);
    while (!trimmed.empty() && (trimmed.back() == '%' || trimmed.back() == ' ')) trimmed.pop_back();
    if (trimmed.empty()) return false;
    size_t digits = 0;
    for (char ch : trimmed) {
        if (std::isdigit(static_cast<unsigned char>(ch)))
            ++digits;
        else if (ch != '.' && ch != ',')
            return false;
    }
    return digits > 0;
}

// A range label's midpoint, rounded to a whole number, halves away from zero: "Entre 10 y 25 %" is
// 18; "Menos de 10 %" runs from the question's minimum, "Más de 75 %" to its maximum.
std::optional<double> range_value(std::string_view answer, const Question& q) {
    std::vector<double> numbers = numbers_in(answer);
    std::vector<std::string> words = words_of(answer);
    auto has = [&](std::initializer_list<const char*> options) {
        return std::any_of(words.begin(), words.end(), [&](const std::string& word) {
            return std::any_of(options.begin(), options.end(), [&](const char* option) { return word == option; });
        });
    };
    double low = 0, high = 0;
    if (numbers.size() == 2) {
        low = numbers[0];
        high = numbers[1];
    } else if (numbers.size() == 1 && has({"menos", "less", "under", "below", "hasta", "up"})) {
        low = q.min;
        high = numbers[0];
    } else if (numbers.size() == 1 && has({"mas", "more", "over", "above", "desde"})) {
        low = numbers[0];
        high = q.max;
    } else {
        return std::nullopt;
    }
    double middle = std::round((low + high) / 2);
    if (middle < q.min || middle > q.max) return std::nullopt;
    return middle;
}

// ---- matching -------------------------------------------------------------------------------------

constexpr double kAccept = 0.5;            // a match this good or better is taken
constexpr double kCandidate = 0.3;         // a match this good is named as a candidate
constexpr double kMargin = 0.1;            // an answer's value must beat the next by this much
constexpr double kAcceptUnanswered = 0.8;  // a column without answers has only its header to go by

struct ValueMatch {
    const Choice* choice = nullptr;
    double score = 0;
};

// Each value's names (ids and labels) as typed_key writes them and as stems, found once per draft:
// every answer of every column is compared with them.
using NameCache = std::map<const Choice*, std::vector<std::pair<std::string, std::set<std::string>>>>;

const std::vector<std::pair<std::string, std::set<std::string>>>& names_of(const Choice& value, NameCache& cache) {
    auto [at, fresh] = cache.try_emplace(&value);
    if (fresh)
        for (const std::string* name : {&value.id, &value.id_es, &value.label.en, &value.label.es})
            if (!name->empty()) at->second.emplace_back(typed_key(*name), stems_of(*name));
    return at->second;
}

// The question's values by how alike they read to `answer`, best first (ties in the question's order).
std::vector<ValueMatch> value_matches(std::string_view answer, const Question& q, NameCache& cache) {
    std::vector<ValueMatch> matches;
    const std::string key = typed_key(answer);
    const std::set<std::string> stems = stems_of(answer);
    for (const auto& value : q.values) {
        double score = 0;
        for (const auto& [name, name_stems] : names_of(value, cache))
            score = std::max(score, name == key ? 1.0 : dice(stems, name_stems));
        matches.push_back({&value, score});
    }
    if (q.type == QuestionType::yes_partial_no) {
        auto word = yes_partial_no_words().find(key);
        if (word != yes_partial_no_words().end())
            for (auto& match : matches)
                if (match.choice->id == word->second) match.score = 1.0;
    } else if (negative(answer)) {
        // "No", "No tenemos", "No se revisan": the value that means none, when there is one.
        for (auto& match : matches)
            if (match.choice->id == "none") match.score = std::max(match.score, 0.95);
    }
    std::stable_sort(matches.begin(), matches.end(),
                     [](const ValueMatch& x, const ValueMatch& y) { return x.score > y.score; });
    return matches;
}

// The value an answer stands for, when one reads clearly better than the others.
const Choice* accepted_value(const std::vector<ValueMatch>& matches) {
    if (matches.empty() || matches[0].score < kAccept) return nullptr;
    if (matches.size() > 1 && matches[0].score < 1.0 && matches[0].score - matches[1].score < kMargin) return nullptr;
    return matches[0].choice;
}

// What an answer of a column becomes in the draft.
struct Translation {
    enum class Kind { as_written, value, values_none, number, unknown, unmatched } kind = Kind::unmatched;
    const Choice* choice = nullptr;
    double number = 0;
    std::vector<ValueMatch> candidates;  // for an unmatched answer
};

Translation translate(std::string_view answer, const Question& q, NameCache& cache) {
    Translation t;
    if (means_unknown(answer)) {
        t.kind = Translation::Kind::unknown;
        return t;
    }
    switch (q.type) {
        case QuestionType::text:
            t.kind = Translation::Kind::as_written;
            return t;
        case QuestionType::percent:
        case QuestionType::count:
            if (plain_number(answer)) {
                t.kind = Translation::Kind::as_written;
            } else if (auto middle = range_value(answer, q)) {
                t.kind = Translation::Kind::number;
                t.number = *middle;
            }
            return t;
        case QuestionType::choice:
        case QuestionType::yes_partial_no:
        case QuestionType::list: {
            auto matches = value_matches(answer, q, cache);
            if (const Choice* choice = accepted_value(matches)) {
                t.kind = Translation::Kind::value;
                t.choice = choice;
            } else if (q.type == QuestionType::list && negative(answer)) {
                t.kind = Translation::Kind::values_none;  // "Ninguna": none of them
            } else {
                for (const auto& match : matches)
                    if (match.score >= kCandidate && t.candidates.size() < 3) t.candidates.push_back(match);
            }
            return t;
        }
    }
    return t;
}

std::vector<std::string> split_items(const std::string& text, const std::string& separator) {
    std::vector<std::string> items = split_text(text, separator);
    for (auto& item : items) {
        size_t first = item.find_first_not_of(' '), last = item.find_last_not_of(' ');
        item = first == std::string::npos ? "" : item.substr(first, last - first + 1);
    }
    std::erase(items, std::string());
    return items;
}

// ---- the export -----------------------------------------------------------------------------------

constexpr size_t kSeparatorSample = 50;  // distinct answers per column the list separator is guessed from
constexpr size_t kMostAnswers = 500;     // distinct answers kept per column: past them it is free text

struct Column {
    size_t index = 0;
    std::string header;                // what the map names: the header's text
    std::string text;                  // what is matched: the header, or Qualtrics' question text
    std::vector<std::string> answers;  // distinct, trimmed, in order of first appearance
    std::set<std::string> seen;
    bool free_text = false;  // more distinct answers than kMostAnswers
};

std::string trimmed(std::string_view text) {
    size_t first = text.find_first_not_of(" \t\r\n"), last = text.find_last_not_of(" \t\r\n");
    return first == std::string_view::npos ? "" : std::string(text.substr(first, last - first + 1));
}

// A header that names a question and one of its options: "Q12 - British Council", "Q12 [Erasmus+]",
// "q12/erasmus_plus", "Q12_3" (the stem, the option).
std::optional<std::pair<std::string, std::string>> option_header(const std::string& header) {
    if (!header.empty() && header.back() == ']') {
        size_t open = header.rfind('[');
        if (open != std::string::npos && open > 0)
            return std::pair{trimmed(header.substr(0, open)),
                             trimmed(header.substr(open + 1, header.size() - open - 2))};
    }
    for (std::string_view mark : {" - ", "/", ": "}) {
        size_t at = header.rfind(mark);
        if (at != std::string::npos && at > 0 && at + mark.size() < header.size())
            return std::pair{trimmed(header.substr(0, at)), trimmed(header.substr(at + mark.size()))};
    }
    size_t underscore = header.rfind('_');
    if (underscore != std::string::npos && underscore > 0 && underscore + 1 < header.size() &&
        std::all_of(header.begin() + static_cast<long>(underscore) + 1, header.end(),
                    [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
        return std::pair{header.substr(0, underscore), header.substr(underscore + 1)};
    return std::nullopt;
}

// ---- units: a column, or a group of option columns -------------------------------------------------

struct Unit {
    std::vector<size_t> columns;       // into the export's columns
    std::string text;                  // the header, or the question's part of the options' headers
    std::vector<std::string> options;  // a group's options, as their headers name them
};

struct Candidate {
    const Question* question = nullptr;
    double score = 0;
    bool fits = true;  // the column's answers read as this question's
};

// The texts a question is known by: its text and short name in both languages, its key and path.
std::vector<std::set<std::string>> question_texts(const Question& q) {
    std::vector<std::set<std::string>> texts;
    for (const std::string* text : {&q.text.en, &q.text.es, &q.label.en, &q.label.es, &q.key, &q.key_es})
        if (!text->empty()) texts.push_back(stems_of(*text));
    return texts;
}

}  // namespace

double text_similarity(std::string_view a, std::string_view b) { return dice(stems_of(a), stems_of(b)); }

namespace {

class Drafter {
public:
    Drafter(const RubricSet& rubric, const DraftMapOptions& options) : rubric_(rubric), options_(options) {
        for (const auto& q : rubric.questions) texts_.push_back(question_texts(q));
    }

    std::string draft(SurveyExport& source) {
        read(source);
        separator_ = list_separator();
        make_units();
        assign();
        return write();
    }

private:
    const char* tr(const char* en, const char* es) const { return options_.lang == Lang::es ? es : en; }
    template <class... Args>
    std::string say(const char* en, const char* es, const Args&... args) const {
        return fmt::format(fmt::runtime(tr(en, es)), args...);
    }
    const std::string& path(const Question& q) const { return q.written_path(options_.lang); }
    const std::string& id(const Choice& c) const { return c.written_id(options_.lang); }

    // Where a cell is, as `tne batch` places it: line:column, or the sheet's cell.
    SourcePos place(int line, int column) const {
        BoundSurvey at;
        at.file = options_.source;
        at.sheet = reading_.sheet;
        return survey_pos(at, line, column);
    }

    // The draft quotes the export's texts: each cell must be text a YAML file can hold.
    void check_text(const CsvRow& row) const {
        const bool in_sheet = !reading_.sheet.empty();
        for (const auto& cell : row.cells) {
            // Printable ASCII needs no closer look; most cells are.
            if (std::all_of(cell.text.begin(), cell.text.end(), [](char ch) { return ch >= 0x20 && ch <= 0x7E; }))
                continue;
            auto problem = input::find_unreadable(cell.text);
            if (!problem) continue;
            // A cell may span lines (a quoted line break): its own line 1 is the cell's line.
            int line = in_sheet ? cell.line : cell.line + problem->line - 1;
            int column = in_sheet             ? cell.column
                         : problem->line == 1 ? cell.column + problem->column - 1
                                              : problem->column;
            throw InputError(place(line, column), problem->message);
        }
    }

    void read(SurveyExport& source) {
        reading_ = source.reading();
        const std::optional<CsvRow>& header = source.header();
        // A header past a limit, or with an open quote, fails as `tne batch` says it.
        if (header && (header->overflow || header->unterminated_quote))
            bind_survey(SurveyMap{}, rubric_, *header, options_.source, reading_.sheet);
        if (!header || header->cells.empty())
            throw InputError(SourcePos{options_.source, 1, 1},
                             {"the export has no header row: nothing to draft a map from",
                              "la exportación no tiene fila de encabezados: no hay de qué hacer un mapa"});
        check_text(*header);
        // Qualtrics' first header row holds codes (Q1, Q4_1) and its second the question texts: the
        // texts are matched, and the map names the codes, which `tne batch` binds.
        const CsvRow* texts = nullptr;
        if (reading_.header_tool == "Qualtrics" && !source.later_header_rows().empty()) {
            texts = &source.later_header_rows().front();
            check_text(*texts);
        }
        for (size_t i = 0; i < header->cells.size(); ++i) {
            std::string name = header->cells[i].text;
            if (i == 0 && name.rfind("\xEF\xBB\xBF", 0) == 0) name.erase(0, 3);
            name = trimmed(name);
            std::string text = texts && i < texts->cells.size() ? trimmed(texts->cells[i].text) : "";
            columns_.push_back({i, name, text.empty() ? name : text, {}, {}, false});
        }
        while (std::optional<CsvRow> row = source.next()) {
            ++rows_;
            if (row->overflow) continue;  // its cells were not kept: `tne batch` fails the row at its place
            check_text(*row);
            for (size_t i = 0; i < row->cells.size() && i < columns_.size(); ++i) {
                Column& column = columns_[i];
                std::string answer = trimmed(row->cells[i].text);
                if (answer.empty() || column.free_text || column.seen.count(answer)) continue;
                if (column.seen.size() == kMostAnswers) {
                    column.free_text = true;
                    continue;
                }
                column.seen.insert(answer);
                column.answers.push_back(answer);
            }
        }
    }

    // The list separator that splits the most answers into items that all name a value of some
    // list question; ";" when none does.
    std::string list_separator() const {
        std::string best = ";";
        size_t most = 0;
        for (std::string separator : {";", ",", "|"}) {
            size_t split = 0;
            for (const auto& column : columns_)
                for (size_t a = 0; a < column.answers.size() && a < kSeparatorSample; ++a) {
                    const std::string& answer = column.answers[a];
                    if (answer.find(separator) == std::string::npos) continue;
                    auto items = split_items(answer, separator);
                    for (const auto& q : rubric_.questions) {
                        if (q.type != QuestionType::list) continue;
                        if (std::all_of(items.begin(), items.end(), [&](const std::string& item) {
                                return accepted_value(value_matches(item, q, names_)) != nullptr;
                            })) {
                            ++split;
                            break;
                        }
                    }
                }
            if (split > most) {
                best = separator;
                most = split;
            }
        }
        return best;
    }

    // Whether at least half of a column's answers read as answers to `q`.
    bool fits(const Column& column, const Question& q) const {
        if (q.type == QuestionType::text || column.answers.empty()) return true;
        if (column.free_text) return false;
        size_t readable = 0;
        for (const auto& answer : column.answers) {
            std::vector<std::string> items =
                q.type == QuestionType::list ? split_items(answer, separator_) : std::vector<std::string>{answer};
            readable += std::all_of(items.begin(), items.end(), [&](const std::string& item) {
                return translate(item, q, names_).kind != Translation::Kind::unmatched;
            });
        }
        return readable * 2 >= column.answers.size();
    }

    double text_score(const std::set<std::string>& stems, size_t question) const {
        double best = 0;
        for (const auto& text : texts_[question]) best = std::max(best, dice(stems, text));
        return best;
    }

    // Consecutive columns whose headers name one question and an option each become a group when
    // they read as a list question's options; the other columns stand alone.
    void make_units() {
        for (size_t i = 0; i < columns_.size();) {
            auto first = option_header(columns_[i].text);
            size_t end = i + 1;
            while (first && end < columns_.size()) {
                auto next = option_header(columns_[end].text);
                if (!next || next->first != first->first) break;
                ++end;
            }
            if (first && end - i >= 2) {
                Unit group{{}, first->first, {}};
                for (size_t k = i; k < end; ++k) {
                    group.columns.push_back(k);
                    group.options.push_back(option_header(columns_[k].text)->second);
                }
                if (!group_candidates(group).empty()) {
                    units_.push_back(std::move(group));
                    i = end;
                    continue;
                }
            }
            units_.push_back({{i}, columns_[i].text, {}});
            ++i;
        }
    }

    // How well each option of a group reads as one of `q`'s values, on average.
    double options_score(const Unit& group, const Question& q) const {
        double total = 0;
        for (const auto& option : group.options) {
            auto matches = value_matches(option, q, names_);
            total += negative(option) || means_unknown(option) ? 1.0 : matches.empty() ? 0 : matches[0].score;
        }
        return total / static_cast<double>(group.options.size());
    }

    // A unit's questions by score, best first, down to kCandidate.
    std::vector<Candidate> group_candidates(const Unit& group) const {
        std::vector<Candidate> found;
        const auto stems = stems_of(group.text);
        for (size_t q = 0; q < rubric_.questions.size(); ++q) {
            const Question& question = rubric_.questions[q];
            if (question.type != QuestionType::list) continue;
            double score = (text_score(stems, q) + options_score(group, question)) / 2;
            if (score >= kCandidate) found.push_back({&question, score, true});
        }
        sort_candidates(found);
        return found;
    }

    std::vector<Candidate> candidates(const Unit& unit) const {
        if (!unit.options.empty()) return group_candidates(unit);
        std::vector<Candidate> found;
        const auto stems = stems_of(unit.text);
        for (size_t q = 0; q < rubric_.questions.size(); ++q) {
            double score = text_score(stems, q);
            if (score >= kCandidate)
                found.push_back({&rubric_.questions[q], score, fits(columns_[unit.columns[0]], rubric_.questions[q])});
        }
        sort_candidates(found);
        return found;
    }

    void sort_candidates(std::vector<Candidate>& found) const {
        std::stable_sort(found.begin(), found.end(),
                         [](const Candidate& x, const Candidate& y) { return x.score > y.score; });
    }

    // Whether any of a unit's cells holds an answer. A column without one loses nothing when it is
    // left out: it never becomes a TODO.
    bool answered(const Unit& unit) const {
        return std::any_of(unit.columns.begin(), unit.columns.end(),
                           [&](size_t c) { return !columns_[c].answers.empty(); });
    }

    // The best pairs first: a unit takes its question when both are free, the score reaches
    // kAccept and the unit's answers read as the question's.
    void assign() {
        struct Pair {
            size_t unit;
            Candidate candidate;
        };
        std::vector<Pair> pairs;
        candidates_.resize(units_.size());
        for (size_t u = 0; u < units_.size(); ++u) {
            candidates_[u] = candidates(units_[u]);
            for (const auto& candidate : candidates_[u]) pairs.push_back({u, candidate});
        }
        // At equal scores a column with answers goes first: Microsoft Forms' respondent "Name",
        // always empty, reads as much like the institution's name as "Nombre de la institución".
        std::stable_sort(pairs.begin(), pairs.end(), [&](const Pair& x, const Pair& y) {
            if (x.candidate.score != y.candidate.score) return x.candidate.score > y.candidate.score;
            return answered(units_[x.unit]) && !answered(units_[y.unit]);
        });
        assigned_.assign(units_.size(), nullptr);
        std::set<const Question*> taken;
        for (const auto& pair : pairs) {
            double least = answered(units_[pair.unit]) ? kAccept : kAcceptUnanswered;
            if (pair.candidate.score < least || !pair.candidate.fits) continue;
            if (assigned_[pair.unit] || taken.count(pair.candidate.question)) continue;
            assigned_[pair.unit] = pair.candidate.question;
            taken.insert(pair.candidate.question);
        }
    }

    // ---- writing ----------------------------------------------------------------------------------

    static std::string quoted(std::string_view text) {
        std::string out = "\"";
        for (char ch : text) {
            if (ch == '"' || ch == '\\')
                out += std::string("\\") + ch;
            else if (ch == '\n')
                out += "\\n";
            else if (ch == '\t')
                out += "\\t";
            else if (ch == '\r')
                out += "\\r";
            else if (static_cast<unsigned char>(ch) < 0x20)
                out += fmt::format("\\x{:02x}", static_cast<unsigned char>(ch));
            else
                out += ch;
        }
        return out + "\"";
    }

    // A text for a comment: on one line.
    static std::string one_line(std::string_view text) {
        std::string out;
        for (char ch : text) out += ch == '\n' || ch == '\r' ? ' ' : ch;
        return out;
    }

    static std::string score_text(double score) { return fmt::format("{:.2f}", score); }

    std::string candidates_text(const std::vector<Candidate>& found) const {
        std::string text;
        for (size_t i = 0; i < found.size() && i < 3; ++i)
            text += (i ? ", " : "") + path(*found[i].question) + " (" + score_text(found[i].score) +
                    (found[i].fits ? "" : tr(", answers do not fit", ", las respuestas no encajan")) + ")";
        return text;
    }

    std::string value_candidates_text(const std::vector<ValueMatch>& found) const {
        std::string text;
        for (size_t i = 0; i < found.size(); ++i)
            text += (i ? ", " : "") + id(*found[i].choice) + " (" + score_text(found[i].score) + ")";
        return text.empty() ? tr("none", "ninguno") : text;
    }

    std::string column_name(size_t index) const {
        const Column& column = columns_[index];
        if (column.text == column.header)
            return say("column {} \"{}\"", "columna {} \"{}\"", index + 1, one_line(column.header));
        return say("column {} \"{}\" (\"{}\")", "columna {} \"{}\" (\"{}\")", index + 1, one_line(column.header),
                   one_line(column.text));
    }

    void write_header(std::string& out) const {
        out += say("# A survey map for {}, drafted by `tne survey map`: check it before use.\n",
                   "# Mapa de la encuesta {} para tne, borrador de `tne encuesta mapa`: revíselo antes de usarlo.\n",
                   options_.source);
        out +=
            tr("# Each column is matched to the question whose text reads most like its header, and each\n"
               "# answer to the value whose label or id reads most like it; the score (0 to 1) is the share\n"
               "# of word stems the two texts have in common (docs/batch.md, \"tne survey map\"). A column\n"
               "# whose question is uncertain is a TODO entry, which `tne batch` refuses until it is\n"
               "# replaced by the question's path or deleted; an answer that matches no value is left out,\n"
               "# named in a comment, and a row that gives it fails at its cell.\n",
               "# Cada columna se asocia con la pregunta cuyo texto más se parece a su encabezado, y cada\n"
               "# respuesta con el valor cuya etiqueta o identificador más se le parece; el puntaje (de 0 a 1)\n"
               "# es la proporción de raíces de palabras que ambos textos comparten (docs/batch.md, \"tne\n"
               "# survey map\"). Una columna cuya pregunta es dudosa queda como entrada TODO, que `tne lote`\n"
               "# rechaza hasta que se reemplace por la ruta de la pregunta o se borre; una respuesta que no\n"
               "# corresponde a ningún valor se omite y se nombra en un comentario, y la fila que la da falla\n"
               "# en su celda.\n");
        // What was found reading the export is found again by `tne batch` in each export it reads:
        // a map that fixed it would misread the next export saved another way (excel-es.map.yaml
        // reads both Excel's ";" CSV in Windows-1252 and its UTF-16 text with tabs).
        LocalText how = describe_reading(reading_);
        out +=
            say("# The file was {}.\n"
                "# `tne batch` finds this again in each export it reads, so the map does not set it\n"
                "# (`encoding:`, `delimiter:` and `header_rows:` would).\n",
                "# El archivo fue {}.\n"
                "# `tne lote` lo vuelve a encontrar en cada exportación que lee, así que el mapa no lo\n"
                "# fija (lo harían `encoding:`, `delimiter:` y `header_rows:`).\n",
                options_.lang == Lang::es ? how.es : how.en);
        out += "\n";
        if (!options_.sheet.empty() && !reading_.sheet.empty())  // a CSV export has no sheet
            out +=
                say("# The sheet named with --sheet: `tne batch` reads the first unless the map names one.\n"
                    "sheet: {}\n",
                    "# La hoja indicada con --sheet: `tne lote` lee la primera si el mapa no nombra otra.\n"
                    "sheet: {}\n",
                    quoted(options_.sheet));
        out += say("list_separator: {}\n", "list_separator: {}\n", quoted(separator_));
    }

    // The answers of the bound columns that mean "don't know", as first written.
    std::vector<std::string> unknown_answers() const {
        std::vector<std::string> found;
        std::set<std::string> keys;
        for (size_t u = 0; u < units_.size(); ++u) {
            if (!assigned_[u]) continue;
            for (size_t c : units_[u].columns)
                for (const auto& answer : columns_[c].answers) {
                    std::vector<std::string> items = assigned_[u]->type == QuestionType::list
                                                         ? split_items(answer, separator_)
                                                         : std::vector<std::string>{answer};
                    for (const auto& item : items)
                        if (means_unknown(item) && keys.insert(typed_key(item)).second) found.push_back(item);
                }
        }
        return found;
    }

    // Yes, partial and no, as the yes-partial-no columns write them: shared by every column.
    std::vector<std::pair<std::string, const Choice*>> shared_labels() const {
        std::vector<std::pair<std::string, const Choice*>> labels;
        std::set<std::string> keys;
        for (size_t u = 0; u < units_.size(); ++u) {
            const Question* q = assigned_[u];
            if (!q || q->type != QuestionType::yes_partial_no) continue;
            for (const auto& answer : columns_[units_[u].columns[0]].answers) {
                Translation t = translate(answer, *q, names_);
                if (t.kind == Translation::Kind::value && keys.insert(typed_key(answer)).second)
                    labels.emplace_back(answer, t.choice);
            }
        }
        return labels;
    }

    void write_unit(std::string& out, size_t u, const std::map<std::string, const Choice*>& shared) const {
        const Unit& unit = units_[u];
        const Question* q = assigned_[u];
        const Candidate* mine = nullptr;
        for (const auto& candidate : candidates_[u])
            if (candidate.question == q) mine = &candidate;
        out += "\n";
        if (!unit.options.empty()) return write_group(out, u, *q, mine->score);
        const Column& column = columns_[unit.columns[0]];
        out += say("  # {}: {}\n", "  # {}: {}\n", column_name(column.index), score_text(mine->score));
        // The labels of this column: each answer (or list item) that needs translating.
        std::vector<std::pair<double, std::string>> labels;  // in the question's order of values, then numbers
        std::vector<std::string> notes;
        std::set<std::string> keys;
        auto order_of = [&](const Choice* choice) {
            return static_cast<double>(choice - q->values.data()) - static_cast<double>(q->values.size());
        };
        for (const auto& answer : column.answers) {
            std::vector<std::string> items =
                q->type == QuestionType::list ? split_items(answer, separator_) : std::vector<std::string>{answer};
            for (const auto& item : items) {
                if (!keys.insert(typed_key(item)).second) continue;
                Translation t = translate(item, *q, names_);
                switch (t.kind) {
                    case Translation::Kind::value: {
                        auto common = shared.find(typed_key(item));
                        if (common == shared.end() || common->second->id != t.choice->id)
                            labels.emplace_back(order_of(t.choice), fmt::format("{}: {}", quoted(item), id(*t.choice)));
                        break;
                    }
                    case Translation::Kind::values_none:
                        labels.emplace_back(0, fmt::format("{}: []", quoted(item)));
                        break;
                    case Translation::Kind::number:
                        labels.emplace_back(t.number, fmt::format("{}: {}", quoted(item), format_number(t.number, 0)));
                        break;
                    case Translation::Kind::unmatched:
                        notes.push_back(say("# no value for {}; closest: {}",
                                            "# sin valor para {}; los más cercanos: {}", quoted(one_line(item)),
                                            value_candidates_text(t.candidates)));
                        break;
                    case Translation::Kind::as_written:
                    case Translation::Kind::unknown:
                        break;
                }
            }
        }
        if (labels.empty() && notes.empty()) {
            out += fmt::format("  {}: {}\n", path(*q), quoted(column.header));
            return;
        }
        out += fmt::format("  {}:\n    column: {}\n", path(*q), quoted(column.header));
        std::stable_sort(labels.begin(), labels.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        if (!labels.empty()) {
            out += "    labels:\n";
            for (const auto& label : labels) out += "      " + label.second + "\n";
        }
        for (const auto& note : notes) out += "    " + note + "\n";
    }

    void write_group(std::string& out, size_t u, const Question& q, double score) const {
        const Unit& unit = units_[u];
        out += say("  # columns {} to {}, one per option: {}\n", "  # columnas {} a {}, una por opción: {}\n",
                   unit.columns.front() + 1, unit.columns.back() + 1, score_text(score));
        out += fmt::format("  {}:\n    options:\n", path(q));
        // Words that mean "chosen" besides the defaults: the same answer in more than one column.
        std::map<std::string, std::set<size_t>> words;  // answer -> the columns it appears in
        std::map<std::string, std::string> written;
        for (size_t k = 0; k < unit.columns.size(); ++k) {
            const std::string& option = unit.options[k];
            const Column& column = columns_[unit.columns[k]];
            std::string target;
            if (means_unknown(option)) {
                target = "~";
            } else if (const Choice* choice = accepted_value(value_matches(option, q, names_))) {
                target = id(*choice);
            } else if (negative(option)) {
                target = "[]";
            } else if (write_in(option) || column.answers.empty()) {
                // SurveyMonkey's "Other (please specify)" holds what was typed, not a choice; a
                // column with no answer loses nothing left out.
                out += say("      # left out: {} is none of the values (an answer written in, or none)\n",
                           "      # se omite: {} no es ninguno de los valores (una respuesta escrita, o ninguna)\n",
                           quoted(one_line(column.header)));
                continue;
            } else {
                auto matches = value_matches(option, q, names_);
                std::vector<ValueMatch> near;
                for (const auto& match : matches)
                    if (match.score >= kCandidate && near.size() < 3) near.push_back(match);
                if (near.empty()) {
                    // A code such as "SQ001" names no value: each must be chosen by a person, as
                    // leaving the column out would lose its answers in silence.
                    std::string ids;
                    for (const auto& value : q.values) ids += (ids.empty() ? "" : ", ") + id(value);
                    out += say("      # TODO: which value? one of: {}, [] (none) or ~ (unknown)\n",
                               "      # TODO: ¿qué valor? uno de: {}, [] (ninguno) o ~ (no se sabe)\n", ids);
                } else {
                    out += say("      # TODO: which value? candidates: {}\n",
                               "      # TODO: ¿qué valor? candidatos: {}\n", value_candidates_text(near));
                }
                target = "TODO";
            }
            out += fmt::format("      {}: {}\n", quoted(column.header), target);
            for (const auto& answer : column.answers) {
                std::string key = typed_key(answer);
                static const std::set<std::string> defaults = {"1", "y", "yes", "si", "true", "0", "n", "no", "false"};
                if (defaults.count(key) || key == typed_key(option) || means_unknown(answer)) continue;
                words[key].insert(k);
                written.emplace(key, answer);
            }
        }
        std::vector<std::string> selected;
        for (const auto& [key, in] : words)
            if (in.size() > 1) selected.push_back(quoted(written[key]));
        if (!selected.empty()) {
            out += "    selected: [";
            for (size_t i = 0; i < selected.size(); ++i) out += (i ? ", " : "") + selected[i];
            out += "]\n";
        }
    }

    void write_todo(std::string& out, size_t u) const {
        const Unit& unit = units_[u];
        // The candidates whose answers fit first: they are the likely ones.
        std::vector<Candidate> found = candidates_[u];
        std::stable_sort(found.begin(), found.end(),
                         [](const Candidate& x, const Candidate& y) { return x.fits && !y.fits; });
        out += "\n";
        if (unit.options.empty())
            out +=
                say("  # TODO {}: which question does it answer? Candidates: {}.\n"
                    "  #   Replace TODO-{} with the question's path, or delete the entry.\n",
                    "  # TODO {}: ¿qué pregunta responde? Candidatos: {}.\n"
                    "  #   Reemplace TODO-{} por la ruta de la pregunta, o borre la entrada.\n",
                    column_name(unit.columns[0]), candidates_text(found), unit.columns[0] + 1);
        else
            out += say(
                "  # TODO columns {} to {}, one per option: which list question? Candidates: {}.\n"
                "  #   Replace TODO-{} with the question's path and each TODO with a value, or delete the entry.\n",
                "  # TODO columnas {} a {}, una por opción: ¿qué pregunta de lista? Candidatos: {}.\n"
                "  #   Reemplace TODO-{} por la ruta de la pregunta y cada TODO por un valor, o borre la entrada.\n",
                unit.columns.front() + 1, unit.columns.back() + 1, candidates_text(found), unit.columns[0] + 1);
        if (unit.options.empty()) {
            out += fmt::format("  TODO-{}: {}\n", unit.columns[0] + 1, quoted(columns_[unit.columns[0]].header));
            return;
        }
        out += fmt::format("  TODO-{}:\n    options:\n", unit.columns[0] + 1);
        for (size_t c : unit.columns) out += fmt::format("      {}: TODO\n", quoted(columns_[c].header));
    }

    std::string write() const {
        std::string out;
        write_header(out);
        std::vector<std::string> unknown = unknown_answers();
        if (!unknown.empty()) {
            out += tr("\n# Answers that mean \"don't know\", in every column.\nunknown: [",
                      "\n# Respuestas que significan \"no se sabe\", en cualquier columna.\nunknown: [");
            for (size_t i = 0; i < unknown.size(); ++i) out += (i ? ", " : "") + quoted(unknown[i]);
            out += "]\n";
        }
        auto shared = shared_labels();
        std::map<std::string, const Choice*> shared_by_key;
        if (!shared.empty()) {
            out += tr("\n# Labels shared by every column: answer -> value.\nlabels:\n",
                      "\n# Etiquetas comunes a todas las columnas: respuesta -> valor.\nlabels:\n");
            for (const auto& [label, choice] : shared) {
                out += fmt::format("  {}: {}\n", quoted(label), id(*choice));
                shared_by_key.emplace(typed_key(label), choice);
            }
        }
        out += tr("\n# One entry per question: its column, and the labels of its answers.\nfields:",
                  "\n# Una entrada por pregunta: su columna y las etiquetas de sus respuestas.\nfields:");
        std::vector<size_t> ignored;
        const std::set<const Question*> mapped(assigned_.begin(), assigned_.end());
        for (size_t u = 0; u < units_.size(); ++u) {
            if (assigned_[u])
                write_unit(out, u, shared_by_key);
            else if (answered(units_[u]) &&
                     std::any_of(candidates_[u].begin(), candidates_[u].end(), [&](const Candidate& candidate) {
                         return candidate.fits && !mapped.count(candidate.question);
                     }))
                write_todo(out, u);
            else
                ignored.push_back(u);
        }
        out += "\n";
        if (!ignored.empty()) {
            out += tr("\n# Columns that match no question (ignored):\n",
                      "\n# Columnas que no corresponden a ninguna pregunta (se ignoran):\n");
            for (size_t u : ignored) {
                for (size_t c : units_[u].columns) out += "#   " + column_name(c) + "\n";
                if (!candidates_[u].empty())
                    out += say("#     closest: {}\n", "#     la más cercana: {}\n", candidates_text(candidates_[u]));
            }
        }
        std::vector<const Question*> unmapped;
        for (const auto& q : rubric_.questions)
            if (!mapped.count(&q)) unmapped.push_back(&q);
        if (!unmapped.empty()) {
            out += tr("\n# Questions no column answers (unknown in every row):\n",
                      "\n# Preguntas que ninguna columna responde (desconocidas en cada fila):\n");
            for (const Question* q : unmapped)
                out += "#   " + path(*q) + ": " + one_line(options_.lang == Lang::es ? q->text.es : q->text.en) + "\n";
        }
        return out;
    }

    const RubricSet& rubric_;
    DraftMapOptions options_;
    std::vector<std::vector<std::set<std::string>>> texts_;  // each question's texts, as stems
    SurveyReading reading_;
    std::string separator_ = ";";
    std::vector<Column> columns_;
    size_t rows_ = 0;
    std::vector<Unit> units_;
    std::vector<std::vector<Candidate>> candidates_;  // parallel to units_
    mutable NameCache names_;
    std::vector<const Question*> assigned_;  // parallel to units_
};

}  // namespace

namespace {

// The export as `input` holds it; problems are placed at options.source.
std::string draft_from(const SpooledInput& input, const RubricSet& rubric, const DraftMapOptions& options) {
    SurveyMap settings;  // no columns: the export is read as `tne batch` reads one it knows nothing of
    settings.sheet = options.sheet;
    try {
        SurveyExport source(input.path(), settings);
        return Drafter(rubric, options).draft(source);
    } catch (const InputError& e) {
        throw InputError(input.named(e.diagnostics()));
    }
}

}  // namespace

std::string draft_survey_map_file(const std::string& file, const RubricSet& rubric, const DraftMapOptions& options) {
    SpooledInput input(file);  // a named pipe is read once, into a temporary file
    return draft_from(input, rubric, options);
}

std::string draft_survey_map(const std::string& text, const RubricSet& rubric, const DraftMapOptions& options) {
    SpooledInput input(options.source, text);
    return draft_from(input, rubric, options);
}

}  // namespace tne
