// generate_profiles N DIR [--seed S]: writes N synthetic, valid profiles, DIR/profile_00001.yaml ...,
// answering every question of the default rubric set (read from the embedded set, so new questions
// are answered too). Each profile has a random strength that pulls its answers up or down, a random
// institution type, and about 8% of its optional answers left empty (unknown).
// The same N and seed give the same bytes everywhere: std::mt19937's output is fixed by the
// standard, and everything drawn from it is integer arithmetic here, not the standard library's
// distributions, whose results differ between implementations.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include "tne/profile.hpp"
#include "tne/rubric.hpp"

namespace {

constexpr uint32_t kDefaultSeed = 20240229;
constexpr int kCheckedProfiles = 50;  // loaded back as a check; all would double the run

class Random {
public:
    explicit Random(uint32_t seed) : engine_(seed) {}

    // Uniform in [0, n), by rejection: no modulo bias and no std::uniform_int_distribution.
    uint32_t below(uint32_t n) {
        const uint32_t threshold = static_cast<uint32_t>(-n) % n;  // 2^32 mod n
        for (;;) {
            uint32_t r = static_cast<uint32_t>(engine_());
            if (r >= threshold) return r % n;
        }
    }
    bool percent_chance(uint32_t percent) { return below(100) < percent; }

private:
    std::mt19937 engine_;
};

// 0-100: the profile's strength (0-99) weighs 60%, chance 40%.
uint32_t pulled(Random& random, uint32_t strength) { return (strength * 6 + random.below(101) * 4) / 10; }

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char ch : text) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + '"';
}

// An answer in YAML, or "" for unknown.
std::string answer(const tne::Question& q, Random& random, uint32_t strength, int number, const std::string& type) {
    if (q.path == "institution.name") return quoted("Institución Sintética " + std::to_string(number));
    if (q.path == "institution.type") return type;
    if (!q.required && random.percent_chance(8)) return "";
    switch (q.type) {
        case tne::QuestionType::text:
            return quoted("Respuesta " + std::to_string(random.below(1000)));
        case tne::QuestionType::yes_partial_no:  // values are yes, partial, no: the strong answer first
        case tne::QuestionType::choice: {
            size_t n = q.values.size();
            size_t index = std::min(n - 1, static_cast<size_t>(pulled(random, strength)) * n / 100);
            return q.values[q.type == tne::QuestionType::yes_partial_no ? n - 1 - index : index].id;
        }
        case tne::QuestionType::list: {
            std::string items;
            for (const auto& value : q.values)
                if (random.percent_chance(15 + strength / 2)) items += (items.empty() ? "" : ", ") + value.id;
            return "[" + items + "]";
        }
        case tne::QuestionType::percent:
            return std::to_string(std::min<uint32_t>(100, pulled(random, strength)));
        case tne::QuestionType::count: {
            // Cubed, so that most counts are small, as real ones are, and a few reach the maximum.
            auto min = static_cast<int64_t>(q.min);
            auto max = static_cast<int64_t>(q.max);
            int64_t f = (strength * 5 + random.below(101) * 5) / 10;  // 0-100
            return std::to_string(min + (max - min) * f * f * f / 1000000);
        }
    }
    return "";
}

std::string profile_yaml(const tne::RubricSet& rubric, Random& random, int number, int total, uint32_t seed) {
    const tne::Question* type_question = rubric.find_question("institution.type");
    const std::string& type =
        type_question->values[random.below(static_cast<uint32_t>(type_question->values.size()))].id;
    uint32_t strength = random.below(100);
    std::string yaml = "# Synthetic profile " + std::to_string(number) + " of " + std::to_string(total) + ", seed " +
                       std::to_string(seed) + " (bench/generate_profiles).\n";
    for (const auto& block : rubric.blocks) {
        yaml += block + ":\n";
        for (const auto& question : rubric.questions) {
            if (question.block != block) continue;
            std::string value = answer(question, random, strength, number, type);
            yaml += "  " + question.key + ":" + (value.empty() ? "" : " " + value) + "\n";
        }
    }
    return yaml;
}

int usage() {
    std::cerr << "usage: generate_profiles N DIR [--seed S]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 && argc != 5) return usage();
    int count = std::atoi(argv[1]);
    std::filesystem::path dir = argv[2];
    uint32_t seed = kDefaultSeed;
    if (argc == 5) {
        if (std::string(argv[3]) != "--seed") return usage();
        seed = static_cast<uint32_t>(std::strtoul(argv[4], nullptr, 10));
    }
    if (count < 1) return usage();

    try {
        tne::RubricSet rubric = tne::load_rubric_set(tne::embedded_rubric_files());
        std::filesystem::create_directories(dir);
        Random random(seed);
        for (int i = 1; i <= count; ++i) {
            std::string number = std::to_string(i);
            std::string name =
                "profile_" + std::string(number.size() < 5 ? 5 - number.size() : 0, '0') + number + ".yaml";
            std::string yaml = profile_yaml(rubric, random, i, count, seed);
            if (i <= kCheckedProfiles) tne::load_profile(yaml, name, rubric);  // throws if the generator is wrong
            std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
            out << yaml;
            if (!out.flush()) throw std::runtime_error("cannot write " + (dir / name).string());
        }
    } catch (const std::exception& e) {
        std::cerr << "generate_profiles: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
