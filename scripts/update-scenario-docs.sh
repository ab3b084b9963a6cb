#!/bin/bash
# Regenerates the guide models' part of docs/scenarios.md (between the generated-part markers) from the code.
# Usage: scripts/update-scenario-docs.sh   (builds target/quorum.jar when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/quorum.jar ] || mvn -q -B -ntp package -Dmaven.test.skip=true
part=$(mktemp)
java -jar target/quorum.jar models --format md > "$part"
python3 - "$part" <<'PY'
import sys
part = open(sys.argv[1], encoding="utf-8").read()
doc_path = "docs/scenarios.md"
doc = open(doc_path, encoding="utf-8").read()
begin = part.splitlines()[0]
end = part.rstrip("\n").splitlines()[-1]
if begin in doc and end in doc:
    head = doc[:doc.index(begin)]
    tail = doc[doc.index(end) + len(end):].lstrip("\n")
    doc = head + part + "\n" + tail
else:
    anchor = "## Sources"
    i = doc.index(anchor)
    doc = doc[:i] + part + "\n" + doc[i:]
open(doc_path, "w", encoding="utf-8").write(doc)
PY
rm -f "$part"
echo "docs/scenarios.md: guide models regenerated"
