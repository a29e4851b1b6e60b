// Reads a self-profile and validates every answer against its question. All problems are
// collected, so one run shows the user everything to fix, each at its file:line:column.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
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

// A key of an answer's map or of its evidence, which a profile writes in English or in Spanish.
struct StructuralKey {
    const char* en;
    const char* es;

    bool named_by(const std::string& key) const {
        return key == en || key == es || typed_key(key) == typed_key(es);  // folded only when needed
    }
    LocalText text() const { return {en, es}; }
};
constexpr StructuralKey kValue{"value", "valor"};
constexpr StructuralKey kEvidence{"evidence", "evidencia"};
constexpr StructuralKey kSource{"source", "fuente"};
constexpr StructuralKey kDate{"date", "fecha"};
constexpr StructuralKey kOwner{"owner", "responsable"};

const LocalText kProfileWhere{"profile", "el perfil"};

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
            [&](const std::string& written, const YAML::Node& node, const YAML::Node& at) {
                const std::string* block = rubric_.find_block_written(written);
                if (!block) {
                    problem(at, yaml_input::unknown_written_key_message(written, kProfileWhere, rubric_.blocks,
                                                                        rubric_.blocks_es));
                    return;
                }
                auto [earlier, first] = blocks_written_.emplace(*block, written);
                if (!first) {
                    problem(at, format_localized(msg::key_twice, same_text(written), block_names(*block),
                                                 same_text(earlier->second)));
                    return;
                }
                read_block(*block, written, node, profile);
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
                auto written = blocks_written_.find(question.block);
                YAML::Node where = written != blocks_written_.end() ? root[written->second] : root;
                problem(where, format_localized(msg::missing_required, question.paths()), Problem::missing_answer,
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

    // A block's name in messages: its key in each language.
    LocalText block_names(const std::string& block) const { return {block, rubric_.written_block(block, Lang::es)}; }

    // `block` is the block's English id, `written` its key as the profile writes it.
    void read_block(const std::string& block, const std::string& written, const YAML::Node& node, Profile& profile) {
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
            problem(node, format_message(msg::block_not_map, written, describe(node)));
            return;
        }
        NamedOnce answered;
        yaml_input::for_each_entry(
            node, source_, problems_, [&](const std::string& key, const YAML::Node& value, const YAML::Node& at) {
                const Question* question = find_question(block, key);
                if (!question) question = rubric_.find_question_written(block, key);
                if (!question) {
                    std::vector<std::string> keys, keys_es;
                    for (const auto& q : rubric_.questions) {
                        if (q.block != block) continue;
                        keys.push_back(q.key);
                        keys_es.push_back(q.written_key(Lang::es));
                    }
                    problem(at, yaml_input::unknown_written_key_message(key, block_names(block), keys, keys_es));
                    return;
                }
                if (auto twice = answered.again(*question, key)) {
                    problem(at, *twice);
                    return;
                }
                read_entry(*question, value, profile);
            });
    }

    // Keeps `child` as the value of `key` (written as `written`), unless the map gave it already in
    // the other language; then reports it at `at`.
    void take(std::optional<std::pair<YAML::Node, std::string>>& into, const std::string& written,
              const YAML::Node& child, const YAML::Node& at, const LocalText& what) {
        if (into) {
            problem(at, format_localized(msg::key_twice, same_text(written), what, same_text(into->second)));
            return;
        }
        into.emplace(child, written);
    }

    // An answer is its bare value, or a map of the value and its evidence. No bare answer is a map,
    // so the two forms cannot be confused.
    void read_entry(const Question& q, const YAML::Node& node, Profile& profile) {
        if (!node.IsMap()) {
            keep(q, read_answer(q, node), profile);
            return;
        }
        std::optional<std::pair<YAML::Node, std::string>> value;
        std::optional<std::pair<YAML::Node, std::string>> evidence;
        bool unknown_keys = false;
        const LocalText value_path{q.path + "." + kValue.en, q.written_path(Lang::es) + "." + kValue.es};
        const LocalText evidence_path{q.path + "." + kEvidence.en, q.written_path(Lang::es) + "." + kEvidence.es};
        yaml_input::for_each_entry(node, source_, problems_,
                                   [&](const std::string& key, const YAML::Node& child, const YAML::Node& at) {
                                       if (kValue.named_by(key))
                                           take(value, key, child, at, value_path);
                                       else if (kEvidence.named_by(key))
                                           take(evidence, key, child, at, evidence_path);
                                       else
                                           unknown_keys = unknown_key(at, key, q.paths(), {kValue, kEvidence});
                                   });
        // A misspelt key is also a missing one; its message already names the right key.
        if (!value && !unknown_keys) problem(node, format_localized(msg::missing_key, kValue.text(), q.paths()));
        if (!evidence && !unknown_keys) problem(node, format_localized(msg::missing_key, kEvidence.text(), q.paths()));
        std::optional<Answer> answer = value ? read_answer(q, value->first) : std::nullopt;
        if (answer && !answer->known()) {
            problem(value->first, format_localized(msg::evidence_of_unknown, q.paths()));
            answer.reset();
        }
        std::optional<Evidence> read = evidence ? read_evidence(q, evidence->first) : std::nullopt;
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
        const LocalText where{q.path + "." + kEvidence.en, q.written_path(Lang::es) + "." + kEvidence.es};
        auto at_key = [&](const StructuralKey& key) {
            return LocalText{where.en + "." + key.en, where.es + "." + key.es};
        };
        if (!node.IsMap()) {
            problem(node, format_localized(msg::expected_map_for, where, same_text(describe(node))));
            return std::nullopt;
        }
        Evidence evidence{&q, {}, {}, {}};
        bool valid = true;
        bool misspelt = false;                              // an unknown key, which may be a required one misspelt
        std::map<const StructuralKey*, std::string> given;  // the key each was written as
        // False when `key` was given already, in the other language (reported at `at`).
        auto first = [&](const StructuralKey& key, const std::string& written, const YAML::Node& at) {
            auto [earlier, is_first] = given.emplace(&key, written);
            if (!is_first) valid = wrong_twice(at, written, at_key(key), earlier->second);
            return is_first;
        };
        auto text = [&](const StructuralKey& key, const YAML::Node& child, std::string& into) {
            if (child.IsScalar() && !child.Scalar().empty())
                into = child.Scalar();
            else
                valid = wrong(at_key(key), child, msg::expected_text);
        };
        yaml_input::for_each_entry(
            node, source_, problems_, [&](const std::string& key, const YAML::Node& child, const YAML::Node& at) {
                if (kSource.named_by(key)) {
                    if (first(kSource, key, at)) text(kSource, child, evidence.source);
                } else if (kOwner.named_by(key)) {
                    if (first(kOwner, key, at)) text(kOwner, child, evidence.owner);
                } else if (kDate.named_by(key)) {
                    if (!first(kDate, key, at)) return;
                    auto date = child.IsScalar() ? ReportDate::parse(child.Scalar()) : std::nullopt;
                    if (date)
                        evidence.date = *date;
                    else
                        valid = wrong(at_key(kDate), child, msg::expected_date);
                } else {
                    misspelt = unknown_key(at, key, where, {kSource, kDate, kOwner});
                    valid = false;
                }
            });
        for (const StructuralKey* key : {&kSource, &kDate, &kOwner}) {
            if (given.count(key)) continue;
            if (!misspelt)  // else its message says it
                problem(node, format_localized(msg::missing_key, key->text(), where));
            valid = false;
        }
        if (!valid) return std::nullopt;
        return evidence;
    }

    // Reports `key` (its node `at`) as unknown at `where`, with the keys allowed; true.
    bool unknown_key(const YAML::Node& at, const std::string& key, const LocalText& where,
                     std::initializer_list<StructuralKey> allowed) {
        std::vector<std::string> english, spanish;
        for (const auto& each : allowed) {
            english.emplace_back(each.en);
            spanish.emplace_back(each.es);
        }
        problem(at, yaml_input::unknown_written_key_message(key, where, english, spanish));
        return true;
    }

    // Reports `node` at `path` as not what was expected; false, for the caller's validity flag.
    bool wrong(const LocalText& path, const YAML::Node& node, const Message& expected) {
        LocalText what = format_message(expected);
        problem(node, format_localized(msg::invalid_answer, path, same_text(describe(node)), same_text(what.en),
                                       same_text(what.es)));
        return false;
    }

    // Reports the key `written` (at `at`) as `what` given again, first as `earlier`; false.
    bool wrong_twice(const YAML::Node& at, const std::string& written, const LocalText& what,
                     const std::string& earlier) {
        problem(at, format_localized(msg::key_twice, same_text(written), what, same_text(earlier)));
        return false;
    }

    // The question of `block` whose English or Spanish key is `key` as written, without building the
    // path for every answer, and starting after the last question found: profiles mostly follow the
    // rubric's order.
    const Question* find_question(const std::string& block, const std::string& key) {
        const auto& questions = rubric_.questions;
        for (size_t i = 0; i < questions.size(); ++i) {
            size_t at = (next_question_ + i) % questions.size();
            std::string_view path = questions[at].path;
            bool english = path.size() == block.size() + 1 + key.size() && path.ends_with(key) &&
                           path.starts_with(block) && path[block.size()] == '.';
            // A Spanish key as written; one written otherwise (unaccented, capitalised) is folded by
            // RubricSet::find_question_written.
            if (english || (questions[at].key_es == key && questions[at].block == block)) {
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
    std::set<std::string> invalid_paths_;                // answers already reported as invalid
    std::map<std::string, std::string> blocks_written_;  // each block given, by its id: its key as written
    size_t next_question_ = 0;                           // where find_question starts
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
    const Question* question = rubric.find_question_written(path);
    if (!question) {
        // As for a misplaced key in a file: the unknown block, or the unknown key within its block;
        // either written in English or in Spanish.
        size_t dot = path.find('.');
        std::string written_block = path.substr(0, dot);
        const std::string* block = rubric.find_block_written(written_block);
        std::vector<std::string> keys, keys_es;
        for (const auto& q : rubric.questions) {
            if (!block || q.block != *block) continue;
            keys.push_back(q.key);
            keys_es.push_back(q.written_key(Lang::es));
        }
        throw InputError(
            SourcePos{source},
            keys.empty() || dot == std::string::npos
                ? yaml_input::unknown_written_key_message(written_block, kProfileWhere, rubric.blocks, rubric.blocks_es)
                : yaml_input::unknown_written_key_message(
                      path.substr(dot + 1), {*block, rubric.written_block(*block, Lang::es)}, keys, keys_es));
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
        throw InputError({Diagnostic{SourcePos{source}, format_localized(msg::missing_required, question->paths()),
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
