// The check of one answer against its question, on a plain value (answer_check.hpp).
#include "profile/answer_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "base/messages.hpp"
#include "base/text_layout.hpp"
#include "base/yaml_input.hpp"

namespace tne {

RawAnswer RawAnswer::null(int line, int column) {
    RawAnswer raw;
    raw.line = line;
    raw.column = column;
    return raw;
}

RawAnswer RawAnswer::scalar(std::string text, bool may_be_number, int line, int column) {
    RawAnswer raw;
    raw.kind = Kind::scalar;
    raw.text = std::move(text);
    raw.may_be_number = may_be_number;
    raw.line = line;
    raw.column = column;
    return raw;
}

RawAnswer RawAnswer::list(std::vector<RawAnswer> items, int line, int column) {
    RawAnswer raw;
    raw.kind = Kind::list;
    raw.items = std::move(items);
    raw.line = line;
    raw.column = column;
    return raw;
}

namespace {

// One node as a raw answer, without the items of a list when `items` is false.
RawAnswer raw_node(const YAML::Node& node, bool items) {
    const YAML::Mark mark = node.Mark();
    const int line = mark.is_null() ? 0 : mark.line + 1;
    const int column = mark.is_null() ? 0 : mark.column + 1;
    switch (node.Type()) {
        case YAML::NodeType::Scalar: {
            // Tags: "?" plain, "!" quoted, "" a node built in code, else explicit.
            const std::string& tag = node.Tag();
            bool numeric =
                tag == "?" || tag.empty() || tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float";
            return RawAnswer::scalar(node.Scalar(), numeric, line, column);
        }
        case YAML::NodeType::Sequence: {
            std::vector<RawAnswer> list;
            if (items) {
                list.reserve(node.size());
                for (const auto& item : node) list.push_back(raw_node(item, false));
            }
            return RawAnswer::list(std::move(list), line, column);
        }
        case YAML::NodeType::Map: {
            RawAnswer raw = RawAnswer::null(line, column);
            raw.kind = RawAnswer::Kind::map;
            return raw;
        }
        default:
            return RawAnswer::null(line, column);
    }
}

}  // namespace

RawAnswer raw_answer(const YAML::Node& node) { return raw_node(node, true); }

std::string describe(const RawAnswer& raw) {
    switch (raw.kind) {
        case RawAnswer::Kind::scalar:
            return fmt::format("\"{}\"", raw.text);
        case RawAnswer::Kind::list:
            return "[...]";
        case RawAnswer::Kind::map:
            return "{...}";
        case RawAnswer::Kind::null:
            break;
    }
    return "~";
}

std::optional<double> answer_number(std::string_view text) {
    if (text.empty() || text.find_first_not_of("0123456789+-.eE") != std::string_view::npos) return std::nullopt;
    // Up to 15 digits alone, most answers, make a whole number below 2^53: adding them up is exact,
    // as strtod is, without copying the text.
    if (text.size() <= 15 && std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
        double value = 0;
        for (char digit : text) value = value * 10 + (digit - '0');
        return value;
    }
    const std::string copy(text);  // strtod needs the terminating zero
    errno = 0;
    char* end = nullptr;
    double value = std::strtod(copy.c_str(), &end);
    // As std::stod: a number out of a double's range (ERANGE, which also marks an underflow) is none.
    if (end != copy.c_str() + copy.size() || errno == ERANGE || !std::isfinite(value)) return std::nullopt;
    return value;
}

namespace {

class Checker {
public:
    Checker(const Question& q, const std::string& file, std::vector<Diagnostic>& problems)
        : q_(q), file_(file), problems_(problems) {}

    std::optional<Value> check(RawAnswer& raw) {
        if (raw.kind == RawAnswer::Kind::null) return Value{};
        switch (q_.type) {
            case QuestionType::text: {
                if (raw.kind != RawAnswer::Kind::scalar || raw.text.empty()) return invalid(raw, msg::expected_text);
                // A report repeats a name in every what-if it weighs: a name of megabytes would cost
                // hundreds of times that in memory. No institution's name comes near the limit.
                size_t width = display_width(raw.text);
                if (width > kMaxTextCharacters) {
                    problem(raw, format_localized(msg::text_too_long, q_.paths(), same_text(std::to_string(width)),
                                                  same_text(std::to_string(kMaxTextCharacters))));
                    return std::nullopt;
                }
                return Value{std::move(raw.text)};
            }
            case QuestionType::choice:
            case QuestionType::yes_partial_no: {
                // A value by its id or its label in either language; kept as the id.
                const Choice* choice = raw.kind == RawAnswer::Kind::scalar ? q_.find_value_written(raw.text) : nullptr;
                if (!choice) return invalid_value(raw);
                return Value{choice->id};
            }
            case QuestionType::list: {
                if (raw.kind != RawAnswer::Kind::list) return invalid_list(raw);
                std::vector<std::string> items;
                items.reserve(raw.items.size());
                for (auto& item : raw.items) {
                    const Choice* choice =
                        item.kind == RawAnswer::Kind::scalar ? q_.find_value_written(item.text) : nullptr;
                    if (!choice) return invalid_value(item);
                    if (std::find(items.begin(), items.end(), choice->id) != items.end()) {
                        problem(item,
                                format_localized(msg::duplicate_item, {choice->id, choice->written_id(Lang::es)},
                                                 q_.paths()),
                                Problem::duplicate_item, choice->id);
                        return std::nullopt;
                    }
                    items.push_back(choice->id);
                }
                return Value{std::move(items)};
            }
            case QuestionType::percent:
            case QuestionType::count: {
                std::optional<double> number =
                    raw.kind == RawAnswer::Kind::scalar && raw.may_be_number ? answer_number(raw.text) : std::nullopt;
                bool whole = number && std::floor(*number) == *number;
                bool fits =
                    number && *number >= q_.min && *number <= q_.max && (q_.type == QuestionType::percent || whole);
                if (!fits) {
                    std::string range = fmt::format("{} .. {}", q_.min, q_.max);
                    return invalid(raw, q_.type == QuestionType::percent ? msg::expected_percent : msg::expected_count,
                                   range);
                }
                return Value{*number};
            }
        }
        return std::nullopt;
    }

private:
    void problem(const RawAnswer& at, LocalText message, Problem kind = Problem::input, std::string subject = {}) {
        problems_.push_back({SourcePos{file_, at.line, at.column}, std::move(message), kind, std::move(subject)});
    }

    std::optional<Value> invalid(const RawAnswer& raw, const Message& expected, const std::string& detail = {}) {
        LocalText what = format_message(expected, detail);
        problem(raw, format_localized(msg::invalid_answer, q_.paths(), same_text(describe(raw)), same_text(what.en),
                                      same_text(what.es)));
        return std::nullopt;
    }

    // The names of the values a person may write, by language: in English the ids, in Spanish the
    // Spanish ids (the Spanish labels for a value without one). All are accepted, and a
    // Spanish-speaking officer should not meet an English id.
    std::vector<std::string> value_names(Lang lang) const {
        std::vector<std::string> names;
        for (const auto& value : q_.values)
            names.push_back(lang == Lang::en || !value.id_es.empty() || value.label.es.empty() ? value.written_id(lang)
                                                                                               : value.label.es);
        return names;
    }

    static std::string joined(const std::vector<std::string>& names) {
        std::string text;
        for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
        return text;
    }

    std::optional<Value> invalid_list(const RawAnswer& raw) {
        auto in = [&](Lang lang) {
            LocalText what = format_message(msg::expected_list_of, joined(value_names(lang)));
            return format_message(msg::invalid_answer, q_.written_path(lang), describe(raw), what.en, what.es).in(lang);
        };
        problem(raw, localize(in));
        return std::nullopt;
    }

    // The values expected, or the closest one when the answer looks like a typo of its name or its id
    // (named in the message's language either way).
    std::optional<Value> invalid_value(const RawAnswer& bad) {
        const std::vector<std::string> ids = value_names(Lang::en);
        const std::vector<std::string> ids_es = value_names(Lang::es);
        auto in = [&](Lang lang) {
            const std::vector<std::string> names = value_names(lang);
            const std::string& path = q_.written_path(lang);
            if (bad.kind == RawAnswer::Kind::scalar) {
                for (const auto* candidates : {&names, &ids, &ids_es}) {
                    std::string near = yaml_input::closest(bad.text, *candidates);
                    if (near.empty()) continue;
                    size_t at = static_cast<size_t>(std::find(candidates->begin(), candidates->end(), near) -
                                                    candidates->begin());
                    return format_message(msg::invalid_value_did_you_mean, path, describe(bad), names[at]).in(lang);
                }
            }
            return format_message(msg::invalid_value, path, describe(bad), joined(names)).in(lang);
        };
        problem(bad, localize(in));
        return std::nullopt;
    }

    const Question& q_;
    const std::string& file_;
    std::vector<Diagnostic>& problems_;
};

}  // namespace

std::optional<Value> check_answer(const Question& question, RawAnswer raw, const std::string& file,
                                  std::vector<Diagnostic>& problems) {
    return Checker(question, file, problems).check(raw);
}

std::optional<LocalText> NamedOnce::again(const Question& question, const std::string& written) {
    auto [earlier, first] = first_.emplace(&question, written);
    if (first) return std::nullopt;
    return format_localized(msg::key_twice, same_text(written), question.paths(), same_text(earlier->second));
}

}  // namespace tne
