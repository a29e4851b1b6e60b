#include "base/yaml_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <set>
#include <sstream>
#include <string_view>

#include "base/messages.hpp"
#include "base/yaml_mistakes.hpp"
#include "tne/input.hpp"

namespace tne::yaml_input {

namespace {

SourcePos position(const YAML::Exception& e, const std::string& file) {
    return {file, e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1};
}

InputError syntax_error(const Mistake& mistake, const std::string& file) {
    return InputError({file, mistake.line, mistake.column},
                      format_message(msg::yaml_syntax, {}, {}, mistake.message.en, mistake.message.es));
}

}  // namespace

SourcePos pos_of(const YAML::Node& node, const std::string& file) {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null()) return {file, 0, 0};
    return {file, mark.line + 1, mark.column + 1};
}

namespace {

// Counts a document's values (scalars, maps, sequences, aliases) as the parser meets them, and
// stops the parse past `limit`; notes where the first value is.
class ValueCounter : public YAML::EventHandler {
public:
    struct Stop {};  // thrown through the parser to end the scan
    explicit ValueCounter(size_t limit) : limit_(limit) {}
    std::optional<YAML::Mark> first;
    std::optional<YAML::Mark> past_limit;  // the first value beyond the limit

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& at, YAML::anchor_t) override { note(at); }
    void OnAlias(const YAML::Mark& at, YAML::anchor_t) override { note(at); }
    void OnScalar(const YAML::Mark& at, const std::string&, YAML::anchor_t, const std::string&) override { note(at); }
    void OnSequenceStart(const YAML::Mark& at, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        note(at);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& at, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        note(at);
    }
    void OnMapEnd() override {}

private:
    void note(const YAML::Mark& at) {
        if (!first) first = at;
        if (++count_ > limit_) {
            past_limit = at;
            throw Stop{};
        }
    }

    size_t limit_;
    size_t count_ = 0;
};

// One pass of the parser's events, holding nothing: throws when the first document has more than
// kMaxValues values, and (unless the document was cut from a stream already) when a second document
// holds anything. yaml-cpp keeps about 450 bytes per value, so this bound is what keeps a large
// document from taking gigabytes. (Two documents at most are read: YAML::LoadAll can loop forever on
// some inputs in yaml-cpp 0.7.0.)
void scan(const std::string& text, const std::string& file, bool split_already) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    ValueCounter counter(kMaxValues);
    try {
        if (!parser.HandleNextDocument(counter) || split_already) return;
    } catch (const ValueCounter::Stop&) {
        throw InputError({file, counter.past_limit->line + 1, counter.past_limit->column + 1},
                         format_message(msg::too_many_values, std::to_string(kMaxValues)));
    }
    ValueCounter second(0);
    try {
        parser.HandleNextDocument(second);
    } catch (const ValueCounter::Stop&) {
        throw InputError({file, second.past_limit->line + 1, second.past_limit->column + 1},
                         format_message(msg::second_document));
    }
}

}  // namespace

YAML::Node parse(const std::string& raw, const std::string& file, bool split_already) {
    // Copied only when there is something to change: the batch parses thousands of small profiles.
    std::string changed;
    bool plain = raw.find('\r') == std::string::npos && raw.compare(0, 3, "\xEF\xBB\xBF") != 0;
    const std::string& text = plain ? raw : (changed = input::plain_text(raw));
    input::check_text(text, file);
    try {
        // A document cut from a stream skips the scan when it is too small to hold kMaxValues
        // values (a value takes about a byte of text at the least: `[[[`, `{a,b}`; the factor 4 is a
        // margin): the batch parses thousands of small profiles, which need no scan.
        if (!split_already || text.size() * 4 > kMaxValues) scan(text, file, split_already);
        YAML::Node root = YAML::Load(text);
        // Mistakes yaml-cpp lets through: a quote never closed, `key:value` read as more of a value.
        if (auto mistake = find_mistake(text, 0)) throw syntax_error(*mistake, file);
        return root;
    } catch (const YAML::DeepRecursion& e) {  // its own message is "bad file"; the limit is 500 in 0.7.0
        throw InputError(position(e, file), format_message(msg::nesting_too_deep, std::to_string(e.depth())));
    } catch (const YAML::Exception& e) {
        SourcePos at = position(e, file);
        // yaml-cpp often stops a line or more after the mistake: look for a common one first.
        if (auto mistake = find_mistake(text, at.line > 0 ? at.line : std::numeric_limits<int>::max()))
            throw syntax_error(*mistake, file);
        LocalText said = plain_yaml_error(e.msg);
        throw InputError(at, format_message(msg::yaml_syntax, {}, {}, said.en, said.es));
    }
}

std::string closest(const std::string& word, const std::vector<std::string>& candidates) {
    return closest_match(word, candidates);
}

static std::string join(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) {
        if (!text.empty()) text += ", ";
        text += item;
    }
    return text;
}

LocalText unknown_key_message(const std::string& key, const std::string& where,
                              const std::vector<std::string>& allowed) {
    std::string suggestion = closest(key, allowed);
    if (!suggestion.empty()) return format_message(msg::unknown_key_did_you_mean, key, where, suggestion);
    return format_message(msg::unknown_key, key, where, join(allowed));
}

LocalText unknown_written_key_message(const std::string& key, const LocalText& where,
                                      const std::vector<std::string>& english,
                                      const std::vector<std::string>& spanish) {
    std::vector<std::string> both = english;
    both.insert(both.end(), spanish.begin(), spanish.end());
    std::vector<std::string> typed;
    typed.reserve(both.size());
    for (const auto& candidate : both) typed.push_back(typed_key(candidate));
    std::string near = closest(typed_key(key), typed);
    if (!near.empty()) {
        const std::string& suggestion =
            both[static_cast<size_t>(std::find(typed.begin(), typed.end(), near) - typed.begin())];
        return format_localized(msg::unknown_key_did_you_mean, same_text(key), where, same_text(suggestion));
    }
    return format_localized(msg::unknown_key, same_text(key), where, {join(english), join(spanish)});
}

void for_each_entry(
    const YAML::Node& map, const std::string& file, std::vector<Diagnostic>& problems,
    const std::function<void(const std::string& key, const YAML::Node& value, const YAML::Node& at)>& visit,
    const Message* duplicate) {
    // Keys point into the document, which outlives the loop. Maps have a handful of keys, which a
    // linear scan checks without a std::set's allocations; a large map (hostile input) gets the set.
    constexpr size_t kScanned = 32;
    std::array<const std::string*, kScanned> keys{};
    size_t count = 0;
    std::set<std::string_view> seen;
    auto first_time = [&](const std::string& key) {
        if (count < kScanned) {
            bool first = std::none_of(keys.begin(), keys.begin() + count,
                                      [&](const std::string* other) { return *other == key; });
            if (first) keys[count++] = &key;
            return first;
        }
        if (seen.empty())
            for (const std::string* other : keys) seen.insert(*other);
        return seen.insert(key).second;
    };
    for (const auto& entry : map) {
        if (!entry.first.IsScalar()) {
            problems.push_back({pos_of(entry.first, file), format_message(msg::key_not_scalar), Problem::schema});
            continue;
        }
        const std::string& key = entry.first.Scalar();
        if (!first_time(key)) {
            problems.push_back({pos_of(entry.first, file),
                                format_message(duplicate ? *duplicate : msg::duplicate_key, key),
                                Problem::duplicate_key});
            continue;
        }
        visit(key, entry.second, entry.first);
    }
}

std::vector<MapEntry> map_entries(const YAML::Node& map, const std::string& file, std::vector<Diagnostic>& problems) {
    std::vector<MapEntry> entries;
    entries.reserve(map.size());  // growing would copy every Node, a shared_ptr each
    for_each_entry(map, file, problems, [&](const std::string& key, const YAML::Node& value, const YAML::Node& at) {
        entries.push_back({key, value, at});
    });
    return entries;
}

std::optional<double> number(const YAML::Node& node) {
    if (!node.IsScalar()) return std::nullopt;
    try {
        size_t used = 0;
        double value = std::stod(node.Scalar(), &used);
        if (used == node.Scalar().size() && std::isfinite(value)) return value;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

std::string describe(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Scalar:
            return fmt::format("\"{}\"", node.Scalar());
        case YAML::NodeType::Sequence:
            return "[...]";
        case YAML::NodeType::Map:
            return "{...}";
        default:
            return "~";
    }
}

}  // namespace tne::yaml_input
