#!/usr/bin/env bash
# The layers of src/ (docs/architecture.md): a folder's files include only the headers of the
# folders below it, so the pipeline reads in one direction. Prints each include that breaks the
# rule and exits 1; exits 0 when there is none.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A below=(
    [base]=""
    [rubric]="base"
    [profile]="base rubric"
    [scoring]="base rubric profile"
    [compare]="base rubric profile scoring"
    [batch]="base rubric profile scoring"
    [authoring]="base rubric profile scoring"
    [report]="base rubric profile scoring compare batch authoring"
    [render]="base rubric profile scoring compare batch authoring report"
    [cli]="base rubric profile scoring compare batch authoring report render"
    [tools]="base rubric"
    [web]="base rubric profile scoring compare batch authoring report render"
)

broken=0
for dir in src/*/; do
    layer=$(basename "$dir")
    if [[ ! -v below[$layer] ]]; then
        echo "layers-check: src/$layer is not a layer of docs/architecture.md" >&2
        broken=1
        continue
    fi
    allowed=" $layer ${below[$layer]} "
    while IFS=: read -r file line include; do
        used=$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<<"$include")
        [ "$used" = tne ] && continue  # the library's public headers (include/tne)
        if [[ "$allowed" != *" $used "* ]]; then
            echo "$file:$line: $layer may not include $used ($include)" >&2
            broken=1
        fi
    done < <(grep -n '#include "[a-z_]*/' "$dir"*.cpp "$dir"*.hpp 2>/dev/null || true)
    # A file of a layer includes headers by their folder, never by a bare name.
    if grep -n '#include "[a-z_]*\.hpp"' "$dir"*.cpp "$dir"*.hpp 2>/dev/null | grep -v "^src/cli/"; then
        echo "layers-check: include a header of src/ by its folder (\"base/text_layout.hpp\")" >&2
        broken=1
    fi
done
[ "$broken" = 0 ] && echo "layers-check: every include of src/ follows the layers"
exit "$broken"
