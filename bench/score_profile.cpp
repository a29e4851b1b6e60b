// One profile's cost, step by step: `score_profile [PROFILE.yaml] [benchmark flags]` (default:
// examples/universidad_estatal_es.yaml). yaml_load is yaml-cpp alone; the others add to it what
// `tne batch` does per profile: validate the answers, score, render a CSV record.
#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "tne/assessment.hpp"
#include "tne/batch.hpp"
#include "tne/profile.hpp"
#include "tne/rubric.hpp"

namespace {

std::string g_path = TNE_SOURCE_DIR "/examples/universidad_estatal_es.yaml";
std::string g_text;

const tne::RubricSet& rubric() {
    static const tne::RubricSet set = tne::load_rubric_set(tne::embedded_rubric_files());
    return set;
}

void yaml_load(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(YAML::Load(g_text));
}

// Validation alone, from the parsed document.
void load_profile_node(benchmark::State& state) {
    YAML::Node root = YAML::Load(g_text);
    for (auto _ : state) benchmark::DoNotOptimize(tne::load_profile_node(root, g_path, rubric()));
}

void assess(benchmark::State& state) {
    tne::Profile profile = tne::load_profile(g_text, g_path, rubric());
    for (auto _ : state) benchmark::DoNotOptimize(tne::assess(profile, rubric()));
}

void render_record(benchmark::State& state) {
    tne::Assessment assessment = tne::assess(tne::load_profile(g_text, g_path, rubric()), rubric());
    tne::RecordSource source{g_path, 1, 1};
    for (auto _ : state) benchmark::DoNotOptimize(tne::render_record(source, assessment, tne::RecordFormat::csv));
}

// Everything `tne batch` does per profile, once the file is read.
void load_assess_render(benchmark::State& state) {
    tne::RecordSource source{g_path, 1, 1};
    for (auto _ : state) {
        tne::Assessment assessment = tne::assess(tne::load_profile(g_text, g_path, rubric()), rubric());
        benchmark::DoNotOptimize(tne::render_record(source, assessment, tne::RecordFormat::csv));
    }
}

}  // namespace

BENCHMARK(yaml_load)->Unit(benchmark::kMicrosecond);
BENCHMARK(load_profile_node)->Unit(benchmark::kMicrosecond);
BENCHMARK(assess)->Unit(benchmark::kMicrosecond);
BENCHMARK(render_record)->Unit(benchmark::kMicrosecond);
BENCHMARK(load_assess_render)->Unit(benchmark::kMicrosecond);

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (argc > 1) g_path = argv[1];
    std::ifstream in(g_path, std::ios::binary);
    if (!in) {
        std::cerr << "score_profile: cannot read " << g_path << '\n';
        return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();
    g_text = text.str();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
