#!/usr/bin/env bash
# Mutation testing with Stryker.NET (issue 13, item 7). Not part of CI: too slow. Measured on 2 cores, 2026-12-02, with
# nothing else running: Auth/ 83 mutants in 8 min, the idempotency middleware 132 in 10 min, the ledger 61 in 9 min,
# Domain/ 1,261 in 13 min against its unit tests; Features/Delegates/ needs the integration tests (603 mutants in
# 86 min, ~9 s a mutant): run it in the background, a part at a time, on a quiet machine (under load, tests slow past
# Stryker's time limit and count as timeouts).
# Usage: tests/mutation/run.sh [part...]   parts: domain ledger auth idempotency delegates (default: all, one after another)
# Each part mutates one folder and runs the tests that cover each mutant (stryker-config.json: perTest coverage, the
# process-starting, race, time-limit and whole-API-walk tests filtered out). Reports: artifacts/mutation/<part>/.
# Ends with one line per part: mutants, killed, survived, timeout, no coverage, score
# (killed + timeout) / (killed + timeout + survived + no coverage).
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

declare -A mutate=(
  [domain]='**/Domain/**/*.cs'
  [ledger]='**/Persistence/PlaceLedger.cs'
  [auth]='**/Auth/**/*.cs'
  [idempotency]='**/Http/Idempotency/**/*.cs'
  [delegates]='**/Features/Delegates/**/*.cs'
)
# The tests a part runs, when not the whole filtered suite: every Domain/ mutant is covered by most integration tests
# (every request touches an entity), so with them one mutant takes ~30 s and the folder ~10 h on 2 cores; its own
# unit tests (tests/Forums.Api.Tests/Domain/) are what must kill its mutants, and run in seconds.
declare -A tests=(
  [domain]='FullyQualifiedName~Forums.Api.Tests.Domain.'
)
parts=("$@")
[[ ${#parts[@]} -eq 0 ]] && parts=(domain ledger auth idempotency delegates)
for part in "${parts[@]}"; do
  [[ -n ${mutate[$part]:-} ]] || { echo "unknown part '$part' (known: ${!mutate[*]})"; exit 2; }
done

dotnet tool restore >/dev/null || exit 1
out=../../artifacts/mutation
mkdir -p "$out"
summary() { # part seconds
  jq -r --arg part "$1" --arg secs "$2" '
    [.files[].mutants[].status] as $s
    | def n(x): [$s[] | select(. == x)] | length;
      (n("Killed")) as $k | (n("Survived")) as $v | (n("Timeout")) as $t | (n("NoCoverage")) as $c
    | "\($part): \($k + $v + $t + $c) mutants, \($k) killed, \($v) survived, \($t) timeout, \($c) no coverage, "
      + "score \(if $k + $v + $t + $c > 0 then (($k + $t) * 1000 / ($k + $v + $t + $c) | floor) / 10 else "n/a" end) %, \($secs) s"' \
    "$out/$1/reports/mutation-report.json"
}

lines=()
for part in "${parts[@]}"; do
  echo "=== $part: ${mutate[$part]}"
  rm -rf "${out:?}/$part"
  start=$SECONDS
  filter=()
  [[ -n ${tests[$part]:-} ]] && filter=(--test-case-filter "${tests[$part]}")
  dotnet dotnet-stryker --config-file stryker-config.json --mutate "${mutate[$part]}" --output "$out/$part" --skip-version-check "${filter[@]}"
  lines+=("$(summary "$part" $((SECONDS - start)) 2>/dev/null || echo "$part: no report")")
done

echo
printf '%s\n' "${lines[@]}"
