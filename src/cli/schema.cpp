// tne schema: the profile's JSON Schema, for editors.
#include "commands.hpp"
#include "tne/render.hpp"

namespace tne::cli {

void add_schema_options(CLI::App& command, CommonOptions& common, Lang lang) { add_common(command, common, lang); }

Exit run_schema(const CommonOptions& common, Lang lang) {
    keep_inputs_safe({common.rubrics}, {{"-o", common.output}}, lang);
    output_format(std::nullopt, common.output, {Format::json}, Format::json, common.command, lang);
    emit(common, render_profile_schema(load_rubrics(common), lang));
    return Exit::ok;
}

}  // namespace tne::cli
