// Reads a self-profile and validates every answer against its question. All problems are
// collected, so one run shows the user everything to fix, each at its file:line:column.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <string_view>
#include <tuple>

#include "base/messages.hpp"
#include "base/yaml_input.hpp"
#include "profile/answer_check.hpp"
#include "tne/input.hpp"
#include "tne/profile.hpp"

namespace tne {

namespace {

using yaml_input::describe;

class ProfileReader {
public:
    // A draft (a profile being filled in) may lack required answers and may be empty.
    ProfileReader(const RubricSet& rubric, std::string source, bool draft = false)
        : rubric_(rubric), source_(std::move(source)), draft_(draft) {}

    // The profile; throws InputError listing every problem, except in a draft, which keeps its
    // valid answers and leaves the problems in problems().
    Profile read(const YAML::Node& root) {
        Profile profile;
        profile.source = source_;
        profile.answers.reserve(rubric_.questions.size());
        if (draft_ && root.IsNull()) return profile;  // only comments so far
        if (!root.IsMap()) {
            throw InputError(yaml_input::pos_of(root, source_), format_message(msg::profile_not_map, describe(root)));
        }
        yaml_input::for_each_entry(
            root, source_, problems_,
            [&](const std::string& block, const YAML::Node& node, const YAML::Node& at) {
                if (std::find(rubric_.blocks.begin(), rubric_.blocks.end(), block) == rubric_.blocks.end())
                    problem(at, yaml_input::unknown_key_message(block, "profile", rubric_.blocks));
                else
                    read_block(block, node, profile);
            },
            &msg::duplicate_block);
        // Questions are stored in rubric order, so their addresses order them; a profile mostly
        // follows that order already.
        std::sort(profile.answers.begin(), profile.answers.end(),
                  [](const Answer& x, const Answer& y) { return x.question < y.question; });
        std::sort(profile.evidence.begin(), profile.evidence.end(),
                  [](const Evidence& x, const Evidence& y) { return x.question < y.question; });
        for (const auto& question : rubric_.questions) {
            if (!question.required || draft_) continue;
            const Answer* answer = profile.find(question);
            bool reported = invalid_paths_.count(question.path) > 0;
            if (!reported && (!answer || !answer->known())) {
                YAML::Node where = root[question.block] ? root[question.block] : root;
                problem(where, format_message(msg::missing_required, question.path), Problem::missing_answer,
                        question.path);
            }
        }
        // Problems are found block by block; the user reads them top to bottom.
        std::stable_sort(problems_.begin(), problems_.end(), [](const Diagnostic& x, const Diagnostic& y) {
            return std::tie(x.pos.line, x.pos.column) < std::tie(y.pos.line, y.pos.column);
        });
        // A profile of thousands of unknown keys is the wrong file, not thousands of things to fix.
        if (problems_.size() > kMaxProblems) {
            size_t more = problems_.size() - kMaxProblems;
            SourcePos next = problems_[kMaxProblems].pos;
            problems_.resize(kMaxProblems);
            problems_.push_back({next, format_message(msg::more_problems, std::to_string(more)), {}});
        }
        if (!problems_.empty() && !draft_) throw InputError(problems_);
        return profile;
    }

    const std::vector<Diagnostic>& problems() const { return problems_; }

    static constexpr size_t kMaxProblems = 100;  // reported of one profile; the rest are counted

private:
    void problem(const YAML::Node& node, LocalText message, Problem kind = Problem::input, std::string subject = {}) {
        problems_.push_back({yaml_input::pos_of(node, source_), std::move(message), kind, std::move(subject)});
    }

    // Where the colon is in a plain `key:value` with no space after it, which YAML reads as one text.
    static std::optional<size_t> missing_space(const YAML::Node& node) {
        if (!node.IsScalar() || node.Tag() != "?") return std::nullopt;  // "?": plain, not quoted
        const std::string& text = node.Scalar();
        size_t colon = text.find(':');
        if (colon == 0 || colon == std::string::npos || colon + 1 == text.size() || text[colon + 1] == '/' ||
            text.find(' ') != std::string::npos)
            return std::nullopt;
        for (size_t i = 0; i < colon; ++i)
            if (!std::isalnum(static_cast<unsigned char>(text[i])) && text[i] != '_') return std::nullopt;
        return colon;
    }

    void read_block(const std::string& block, const YAML::Node& node, Profile& profile) {
        if (node.IsNull()) return;  // an empty block: everything in it is unknown
        if (!node.IsMap()) {
            if (auto colon = missing_space(node)) {  // `co_funding:yes`, alone in its block, is a text to YAML
                SourcePos at = yaml_input::pos_of(node, source_);
                at.column += static_cast<int>(*colon);
                std::string fixed = node.Scalar().substr(0, *colon) + ": " + node.Scalar().substr(*colon + 1);
                LocalText fix = format_message(msg::yaml_space_after_colon, fixed);
                problems_.push_back({at, format_message(msg::yaml_syntax, {}, {}, fix.en, fix.es)});
                return;
            }
            problem(node, format_message(msg::block_not_map, block, describe(node)));
            return;
        }
        yaml_input::for_each_entry(node, source_, problems_,
                                   [&](const std::string& key, const YAML::Node& value, const YAML::Node& at) {
                                       const Question* question = find_question(block, key);
                                       if (!question) {
                                           std::vector<std::string> keys;
                                           for (const auto& q : rubric_.questions)
                                               if (q.block == block) keys.push_back(q.key);
                                           problem(at, yaml_input::unknown_key_message(key, block, keys));
                                           return;
                                       }
                                       read_entry(*question, value, profile);
                                   });
    }

    // An answer is its bare value, or a map of the value and its evidence. No bare answer is a map,
    // so the two forms cannot be confused.
    void read_entry(const Question& q, const YAML::Node& node, Profile& profile) {
        if (!node.IsMap()) {
            keep(q, read_answer(q, node), profile);
            return;
        }
        std::optional<YAML::Node> value;
        std::optional<YAML::Node> evidence;
        bool unknown_keys = false;
        yaml_input::for_each_entry(node, source_, problems_,
                                   [&](const std::string& key, const YAML::Node& child, const YAML::Node& at) {
                                       if (key == "value")
                                           value.emplace(child);
                                       else if (key == "evidence")
                                           evidence.emplace(child);
                                       else
                                           unknown_keys = unknown_key(at, key, q.path, {"value", "evidence"});
                                   });
        // A misspelt key is also a missing one; its message already names the right key.
        if (!value && !unknown_keys) problem(node, format_message(msg::missing_key, "value", q.path));
        if (!evidence && !unknown_keys) problem(node, format_message(msg::missing_key, "evidence", q.path));
        std::optional<Answer> answer = value ? read_answer(q, *value) : std::nullopt;
        if (answer && !answer->known()) {
            problem(*value, format_message(msg::evidence_of_unknown, q.path));
            answer.reset();
        }
        std::optional<Evidence> read = evidence ? read_evidence(q, *evidence) : std::nullopt;
        if (answer && read) profile.evidence.push_back(std::move(*read));
        keep(q, std::move(answer), profile);
    }

    void keep(const Question& q, std::optional<Answer> answer, Profile& profile) {
        if (answer)
            profile.answers.push_back(std::move(*answer));  // once: a repeated key is a problem
        else
            invalid_paths_.insert(q.path);
    }

    // source, date and owner, all required: a stale answer in the report is a task for its owner.
    std::optional<Evidence> read_evidence(const Question& q, const YAML::Node& node) {
        const std::string where = q.path + ".evidence";
        if (!node.IsMap()) {
            problem(node, format_message(msg::expected_map_for, where, describe(node)));
            return std::nullopt;
        }
        Evidence evidence{&q, {}, {}, {}};
        bool valid = true;
        bool misspelt = false;  // an unknown key, which may be a required one misspelt
        bool has_source = false, has_date = false, has_owner = false;
        auto text = [&](const std::string& key, const YAML::Node& child, std::string& into) {
            if (child.IsScalar() && !child.Scalar().empty())
                into = child.Scalar();
            else
                valid = wrong(where + "." + key, child, msg::expected_text);
        };
        yaml_input::for_each_entry(
            node, source_, problems_, [&](const std::string& key, const YAML::Node& child, const YAML::Node& at) {
                if (key == "source") {
                    has_source = true;
                    text(key, child, evidence.source);
                } else if (key == "owner") {
                    has_owner = true;
                    text(key, child, evidence.owner);
                } else if (key == "date") {
                    has_date = true;
                    auto date = child.IsScalar() ? ReportDate::parse(child.Scalar()) : std::nullopt;
                    if (date)
                        evidence.date = *date;
                    else
                        valid = wrong(where + ".date", child, msg::expected_date);
                } else {
                    misspelt = unknown_key(at, key, where, {"source", "date", "owner"});
                    valid = false;
                }
            });
        const std::pair<const char*, bool> required[] = {
            {"source", has_source}, {"date", has_date}, {"owner", has_owner}};
        for (auto [key, given] : required) {
            if (given) continue;
            if (!misspelt) problem(node, format_message(msg::missing_key, key, where));  // else its message says it
            valid = false;
        }
        if (!valid) return std::nullopt;
        return evidence;
    }

    // Reports `key` (its node `at`) as unknown at `where`, with the keys allowed; true.
    bool unknown_key(const YAML::Node& at, const std::string& key, const std::string& where,
                     const std::vector<std::string>& allowed) {
        problem(at, yaml_input::unknown_key_message(key, where, allowed));
        return true;
    }

    // Reports `node` at `path` as not what was expected; false, for the caller's validity flag.
    bool wrong(const std::string& path, const YAML::Node& node, const Message& expected,
               const std::string& detail = {}) {
        LocalText what = format_message(expected, detail);
        problem(node, format_message(msg::invalid_answer, path, describe(node), what.en, what.es));
        return false;
    }

    // RubricSet::find_question(block + "." + key), without building the path for every answer, and
    // starting after the last question found: profiles mostly follow the rubric's order.
    const Question* find_question(const std::string& block, const std::string& key) {
        const auto& questions = rubric_.questions;
        for (size_t i = 0; i < questions.size(); ++i) {
            size_t at = (next_question_ + i) % questions.size();
            std::string_view path = questions[at].path;
            if (path.size() == block.size() + 1 + key.size() && path.ends_with(key) && path.starts_with(block) &&
                path[block.size()] == '.') {
                next_question_ = at + 1;
                return &questions[at];
            }
        }
        return nullptr;
    }

    // The answer, or nothing after reporting why it is invalid. Null means unknown.
    std::optional<Answer> read_answer(const Question& q, const YAML::Node& node) {
        RawAnswer raw = raw_answer(node);
        const int line = raw.line, column = raw.column;
        std::optional<Value> value = check_answer(q, std::move(raw), source_, problems_);
        if (!value) return std::nullopt;
        return Answer{&q, std::move(*value), line, column};
    }

    const RubricSet& rubric_;
    std::string source_;
    bool draft_ = false;
    std::vector<Diagnostic> problems_;
    std::set<std::string> invalid_paths_;  // answers already reported as invalid
    size_t next_question_ = 0;             // where find_question starts
};

}  // namespace

namespace {

bool asks_before(const Answer& answer, const Question* question) { return answer.question < question; }

}  // namespace

const Answer* Profile::find(const Question& question) const {
    auto it = std::lower_bound(answers.begin(), answers.end(), &question, asks_before);
    return it != answers.end() && it->question == &question ? &*it : nullptr;
}

const Evidence* Profile::find_evidence(const Question& question) const {
    auto it = std::lower_bound(evidence.begin(), evidence.end(), &question,
                               [](const Evidence& e, const Question* q) { return e.question < q; });
    return it != evidence.end() && it->question == &question ? &*it : nullptr;
}

const Answer* Profile::find(std::string_view path) const {
    // Scoring looks answers up by path many times a profile: the length and the last letter rule
    // out most before their texts are compared.
    if (path.empty()) return nullptr;
    for (const auto& answer : answers) {
        const std::string& candidate = answer.question->path;
        if (candidate.size() == path.size() && candidate.back() == path.back() && candidate == path) return &answer;
    }
    return nullptr;
}

void Profile::set(const Question& question, Value value) {
    auto it = std::lower_bound(answers.begin(), answers.end(), &question, asks_before);
    if (it == answers.end() || it->question != &question) it = answers.insert(it, Answer{&question, {}, 0, 0});
    it->value = std::move(value);
    // The evidence showed the answer replaced, not this one.
    std::erase_if(evidence, [&](const Evidence& e) { return e.question == &question; });
}

void Profile::simulate(const Question& question, Value value) {
    bool seen = std::any_of(simulated.begin(), simulated.end(),
                            [&](const SimulatedAnswer& s) { return s.question == &question; });
    if (!seen) {
        const Answer* before = find(question);
        simulated.push_back({&question, before ? before->value : Value{}});
    }
    set(question, std::move(value));
}

std::string Profile::text(std::string_view path) const {
    const Answer* answer = find(path);
    if (!answer) return "";
    const auto* text = std::get_if<std::string>(&answer->value);
    return text ? *text : "";
}

Profile load_profile(const std::string& yaml_text, const std::string& source, const RubricSet& rubric) {
    return ProfileReader(rubric, source).read(yaml_input::parse(yaml_text, source));
}

Profile load_profile_node(const YAML::Node& root, const std::string& source, const RubricSet& rubric) {
    return ProfileReader(rubric, source).read(root);
}

void simulate(Profile& profile, const std::string& setting, const RubricSet& rubric) {
    const std::string source = "--set " + setting;
    size_t equals = setting.find('=');
    if (equals == std::string::npos) throw InputError(SourcePos{source}, format_message(msg::setting_form));
    std::string path = setting.substr(0, equals);
    const Question* question = rubric.find_question(path);
    if (!question) {
        // As for a misplaced key in a file: the unknown block, or the unknown key within its block.
        size_t dot = path.find('.');
        std::string block = path.substr(0, dot);
        std::vector<std::string> keys;
        for (const auto& q : rubric.questions)
            if (q.block == block) keys.push_back(q.key);
        throw InputError(SourcePos{source}, keys.empty() || dot == std::string::npos
                                                ? yaml_input::unknown_key_message(block, "profile", rubric.blocks)
                                                : yaml_input::unknown_key_message(path.substr(dot + 1), block, keys));
    }
    // The value is YAML by contract (40, yes, [a, b]; empty or ~ for unknown): parsed once, then
    // checked as a value. It is a fragment of the command line, so a line and column would only
    // mislead: every problem is placed at the setting.
    std::vector<Diagnostic> problems;
    std::optional<Value> value;
    try {
        value = check_answer(*question, raw_answer(yaml_input::parse(setting.substr(equals + 1), source)), source,
                             problems);
    } catch (const InputError& e) {
        problems = e.diagnostics();
    }
    if (!value) {
        for (auto& problem : problems) problem.pos = SourcePos{source};
        throw InputError(problems);
    }
    if (question->required && std::holds_alternative<std::monostate>(*value))
        throw InputError({Diagnostic{SourcePos{source}, format_message(msg::missing_required, question->path),
                                     Problem::missing_answer, question->path}});
    profile.simulate(*question, std::move(*value));
}

Value read_answer(const RubricSet&, const Question& question, const YAML::Node& node, const std::string& source) {
    std::vector<Diagnostic> problems;
    std::optional<Value> value = check_answer(question, raw_answer(node), source, problems);
    if (!value) throw InputError(problems);
    return std::move(*value);
}

Profile load_profile_file(const std::string& path, const RubricSet& rubric) {
    return load_profile(input::read_file(path), path, rubric);
}

DraftProfile load_draft_profile(const std::string& yaml_text, const std::string& source, const RubricSet& rubric) {
    ProfileReader reader(rubric, source, /*draft=*/true);
    Profile profile = reader.read(yaml_input::parse(yaml_text, source));
    return {std::move(profile), reader.problems()};
}

DraftProfile load_draft_profile_file(const std::string& path, const RubricSet& rubric) {
    return load_draft_profile(input::read_file(path), path, rubric);
}

}  // namespace tne
