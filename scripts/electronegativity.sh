#!/usr/bin/env bash
# Runs @doyensec/electronegativity over the Electron sources and fails on any finding.
# It is not a project dependency (it bundles eslint 7 / TS 4 and 400 packages), so it is installed
# once into its own folder under node_modules/.cache. Its exit code is always 0, so the CSV is read.
#
# Excluded checks, each with its reason (the tool has no config file):
#   PreloadJSCheck (PRELOAD_JS_CHECK) - "review the preload": fires on any app that has one. Ours exposes only the
#                              contract's named functions (src-preload/index.ts, tested in test/unit/shell).
#   OpenExternalJSCheck (OPEN_EXTERNAL_JS_CHECK) - tentative; shell.openExternal is only reached for https URLs on an
#                              allow-list (src-main/core/security/external-links.ts, tested).
set -euo pipefail
cd "$(dirname "$0")/.."
tool_dir="node_modules/.cache/electronegativity"
version="1.10.3"
if [[ ! -x "$tool_dir/node_modules/.bin/electronegativity" ]]; then
  mkdir -p "$tool_dir"
  (cd "$tool_dir" && [[ -f package.json ]] || echo '{"private":true}' > package.json)
  (cd "$tool_dir" && npm install --no-audit --no-fund --silent "@doyensec/electronegativity@$version" >/dev/null)
fi
report="$(mktemp -d)/electronegativity.csv"
scan_dir="$(mktemp -d)"
# Scan the Electron-facing sources only (main shell, preload, renderer), not tests or node_modules.
cp -r src-main src-preload src-renderer "$scan_dir/"
"$tool_dir/node_modules/.bin/electronegativity" -i "$scan_dir" -r -e 45.4.1 -o "$report" \
  -x PreloadJSCheck,OpenExternalJSCheck >/dev/null 2>&1 || true
rm -rf "$scan_dir"
if [[ ! -s "$report" ]]; then
  echo "electronegativity produced no report" >&2
  exit 1
fi
# Reviewed findings, each accepted only for the exact file and sample reviewed (any change to them
# shows up again):
#   CSP_GLOBAL_CHECK on src-renderer/index.html: csp-evaluator rates `script-src 'self'` as "maybe
#   weak" because a site could host JSONP or user uploads on its own origin. Ours is app://attendant
#   (and web mode's loopback origin) serving only the built bundle: no JSONP, no uploads, no
#   'unsafe-inline', no 'unsafe-eval', default-src 'none'.
csp=$(grep -o "content=\"[^\"]*\"" src-renderer/index.html | head -1 | sed 's/^content="//; s/"$//')
REVIEWED="CSP_GLOBAL_CHECK|LOW|src-renderer/index.html|$csp" node -e '
  const fs = require("fs")
  const rows = fs.readFileSync(process.argv[1], "utf8").split("\n").slice(1).filter(Boolean)
  const cells = (line) => [...line.matchAll(/(?:^|,)(?:"([^"]*)"|([^,]*))/g)].map((m) => (m[1] ?? m[2] ?? "").trim())
  const reviewed = new Set([process.env.REVIEWED])
  const open = rows.filter((line) => { const c = cells(line); return !reviewed.has([c[0], c[1], c[3], c[5]].join("|")) })
  if (open.length > 0) { console.error(`electronegativity: ${open.length} finding(s):`); console.error(open.join("\n")); process.exit(1) }
  console.log(`electronegativity: 0 findings (${rows.length - open.length} reviewed)`)
' "$report"
