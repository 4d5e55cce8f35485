#!/usr/bin/env bash
# CaseFy's whole test suite, set-up included: `bash eng/test.sh` on a fresh clone.
# Installs what the tests need (Azurite from the npm lock), builds with warnings as errors, checks the
# formatting, runs every test project (the tests start and stop their own Azurite on free loopback ports)
# and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

step() { printf '\n== %s\n' "$*"; }

step "npm ci (Azurite, esbuild for the portal build, the vendored sign-in library)"
# Compare versions, not file times: a fresh checkout (or a git worktree) has a newer lock file by mtime alone.
stale=$(node -e '
  const lock = require("./package-lock.json").packages;
  const wanted = Object.keys(require("./package.json").devDependencies);
  const installed = (name) => { try { return require(`./node_modules/${name}/package.json`).version; } catch { return null; } };
  console.log(wanted.filter((name) => installed(name) !== lock[`node_modules/${name}`].version).join(" "));' 2>/dev/null || echo all)
if [ -n "$stale" ]; then
  npm ci --no-audit --no-fund --loglevel=error || exit 1
fi

step "Chromium (browser tests)"
# Debian's Chromium, driven by Playwright in tests/CaseFy.PortalTests (Playwright's own browser download cannot work here).
command -v chromium >/dev/null || { apt-get update && apt-get install -y chromium; } || exit 1

step "curl and jq (eng/smoke.sh, run against the local host by SmokeCheckTests)"
{ command -v curl >/dev/null && command -v jq >/dev/null; } || { apt-get update && apt-get install -y curl jq; } || exit 1

step "dotnet build"
dotnet build CaseFy.sln -warnaserror -nowarn:NU1603 -nologo -v:q || exit 1

step "dotnet format --verify-no-changes"
dotnet format CaseFy.sln --verify-no-changes --no-restore -v:q || { echo "Run 'dotnet format CaseFy.sln' and commit."; exit 1; }

step "dotnet test"
results="$root/TestResults/$(date -u +%Y%m%dT%H%M%S)"
dotnet test CaseFy.sln --no-build --nologo --logger trx --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
test_exit=$?

# Tests stop their own Azurite; make sure nothing started from this checkout outlives the run.
pkill -TERM -f "$root/node_modules/azurite/" 2>/dev/null || true

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); x=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${x:-0}))
done
[ "$files" -gt 0 ] || failed=$((failed + 1))
echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$test_exit" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
