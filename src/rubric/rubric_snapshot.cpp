#include "rubric/rubric_snapshot.hpp"

#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

namespace tne::rubric_snapshot {

namespace {

template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_pair : std::false_type {};
template <class A, class B>
struct is_pair<std::pair<A, B>> : std::true_type {};
template <class T>
inline constexpr bool always_false = false;

// Every member of every rubric type, listed once for both directions. A member left out here makes
// the restored set differ from the loaded one, which a test compares with ==.
template <class Archive, class T>
void fields(Archive& ar, T& x) {
    using U = std::remove_const_t<T>;
    if constexpr (std::is_same_v<U, SourcePos>)
        ar(x.file, x.line, x.column);
    else if constexpr (std::is_same_v<U, LocalText>)
        ar(x.en, x.es);
    else if constexpr (std::is_same_v<U, Choice>)
        ar(x.id, x.id_es, x.label);
    else if constexpr (std::is_same_v<U, Question>)
        ar(x.block, x.key, x.path, x.block_es, x.key_es, x.path_es, x.type, x.required, x.values, x.min, x.max, x.text,
           x.help, x.label, x.pos);
    else if constexpr (std::is_same_v<U, Band>)
        ar(x.at_least, x.score);
    else if constexpr (std::is_same_v<U, Rule>)
        ar(x.levels, x.bands, x.pos);
    else if constexpr (std::is_same_v<U, Recommendation>)
        ar(x.effort, x.horizon, x.annex, x.text, x.basis);
    else if constexpr (std::is_same_v<U, Criterion>)
        ar(x.id, x.question, x.weight, x.annex, x.name, x.rule, x.recommendation, x.basis, x.pos);
    else if constexpr (std::is_same_v<U, Dimension>)
        ar(x.id, x.id_es, x.name, x.description, x.weight, x.annex, x.criteria, x.pos);
    else if constexpr (std::is_same_v<U, Condition>)
        ar(x.dimension, x.question, x.at_least, x.at_most, x.in, x.any_of, x.annex, x.why, x.basis, x.pos);
    else if constexpr (std::is_same_v<U, Basis>)
        ar(x.quote, x.assumption, x.pos);
    else if constexpr (std::is_same_v<U, AdviceRule>)
        ar(x.value, x.question, x.kind, x.annex, x.why, x.basis, x.pos);
    else if constexpr (std::is_same_v<U, FirstStep>)
        ar(x.when, x.model, x.annex, x.why, x.basis, x.pos);
    else if constexpr (std::is_same_v<U, Advice>)
        ar(x.min_coverage, x.min_fit, x.already_runs, x.builds_on_running, x.considered, x.alternatives, x.first_steps);
    else if constexpr (std::is_same_v<U, FitWeight>)
        ar(x.dimension, x.weight);
    else if constexpr (std::is_same_v<U, ContextAdjustment>)
        ar(x.when, x.adjust);
    else if constexpr (std::is_same_v<U, Model>)
        ar(x.id, x.name, x.description, x.kind, x.stage, x.annex, x.builds_on, x.fit, x.context, x.requires_,
           x.runs_when, x.pos);
    else if constexpr (std::is_same_v<U, Level>)
        ar(x.id, x.from, x.name);
    else if constexpr (std::is_same_v<U, AnnexSection>)
        ar(x.id, x.title, x.heading, x.ends, x.pos);
    else if constexpr (std::is_same_v<U, RubricSet>)
        ar(x.id, x.version, x.name, x.source, x.blocks, x.blocks_es, x.questions, x.dimensions, x.models, x.levels,
           x.levels_basis, x.advice, x.annex_title, x.annex_sections, x.test_files);
    else
        static_assert(always_false<U>, "a rubric type without its fields");
}

// Numbers as their bytes (the snapshot is read by the build that wrote it), sizes before contents.
class Writer {
public:
    template <class... T>
    void operator()(const T&... values) {
        (put(values), ...);
    }
    std::string bytes;

private:
    template <class T>
    void put(const T& value) {
        if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
            bytes.append(reinterpret_cast<const char*>(&value), sizeof value);
        } else if constexpr (std::is_same_v<T, std::string>) {
            put(value.size());
            bytes += value;
        } else if constexpr (is_vector<T>::value) {
            put(value.size());
            for (const auto& item : value) put(item);
        } else if constexpr (is_optional<T>::value) {
            put(value.has_value());
            if (value) put(*value);
        } else if constexpr (is_pair<T>::value) {
            put(value.first);
            put(value.second);
        } else {
            fields(*this, value);
        }
    }
};

class Reader {
public:
    explicit Reader(std::string_view bytes) : rest_(bytes) {}

    template <class... T>
    void operator()(T&... values) {
        (get(values), ...);
    }
    bool done() const { return rest_.empty(); }

private:
    std::string_view take(size_t size) {
        if (size > rest_.size()) throw std::logic_error("the embedded rubric snapshot is truncated");
        std::string_view taken = rest_.substr(0, size);
        rest_.remove_prefix(size);
        return taken;
    }

    template <class T>
    void get(T& value) {
        if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
            std::memcpy(&value, take(sizeof value).data(), sizeof value);
        } else if constexpr (std::is_same_v<T, std::string>) {
            size_t size = 0;
            get(size);
            value = take(size);
        } else if constexpr (is_vector<T>::value) {
            size_t size = 0;
            get(size);
            if (size > rest_.size()) throw std::logic_error("the embedded rubric snapshot is truncated");
            value.resize(size);
            for (auto& item : value) get(item);
        } else if constexpr (is_optional<T>::value) {
            bool has = false;
            get(has);
            if (has)
                get(value.emplace());
            else
                value.reset();
        } else if constexpr (is_pair<T>::value) {
            get(value.first);
            get(value.second);
        } else {
            fields(*this, value);
        }
    }

    std::string_view rest_;
};

// FNV-1a: a fingerprint of a source file, the same in the tool that saves and in `tne`.
uint64_t fingerprint(std::string_view text) {
    uint64_t hash = 14695981039346656037ull;
    for (unsigned char ch : text) hash = (hash ^ ch) * 1099511628211ull;
    return hash;
}

}  // namespace

std::string save(const RubricSet& set, const Sources& sources) {
    Writer writer;
    writer(sources.size());
    for (const auto& [path, text] : sources) writer(path, text.size(), fingerprint(text));
    writer(set);
    return std::move(writer.bytes);
}

std::optional<RubricSet> restore(std::string_view bytes, const RubricFiles& files) {
    Reader reader(bytes);
    size_t count = 0;
    reader(count);
    for (size_t i = 0; i < count; ++i) {
        std::string path;
        size_t size = 0;
        uint64_t hash = 0;
        reader(path, size, hash);
        std::optional<std::string> text = files.read(path);
        if (!text || text->size() != size || fingerprint(*text) != hash) return std::nullopt;
    }
    RubricSet set;
    reader(set);
    if (!reader.done()) throw std::logic_error("the embedded rubric snapshot has bytes left over");
    return set;
}

}  // namespace tne::rubric_snapshot
