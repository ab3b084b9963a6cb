#!/usr/bin/env bash
# Validates Quorum's SARIF output with Microsoft's SARIF Multitool, which checks the SARIF 2.1.0 schema
# and GitHub code scanning's ingestion rules (GH10xx). Needs npm; installs the tool into a temp folder.
# Usage: scripts/check-sarif.sh [design files...]   (default: samples/*.quorum.yaml)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(samples/*.quorum.yaml)
cd "$here"
"$here/bin/quorum" validate "${files[@]}" --format sarif -o "$work/quorum.sarif" || [ $? -eq 1 ]
(cd "$work" && npm install --silent --no-audit --no-fund @microsoft/sarif-multitool@5.7.0 >/dev/null)
tool="$work/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
"$tool" validate "$work/quorum.sarif" -o "$work/check.sarif" --rule-kind "Sarif;Gh" --level "Error;Warning;Note" >/dev/null
python3 - "$work/check.sarif" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0].get("results", [])
bad = [r for r in results if r.get("level") in ("error", "warning")]
for r in bad:
    print(r["level"], r["ruleId"], r["message"].get("arguments", r["message"].get("text")))
notes = len(results) - len(bad)
print(f"SARIF check: {len(bad)} errors or warnings, {notes} advisory notes")
sys.exit(1 if bad else 0)
PY
