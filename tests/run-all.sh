#!/usr/bin/env bash
# The whole test suite: the .NET tests, the SQL Server migration script, the API published as the
# Dockerfile publishes it, and the contract checks with real clients against it.
# Ends with one line "N passed, N failed" that counts every test and check.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

passed=0
failed=0
count() { passed=$((passed + $1)); failed=$((failed + $2)); }
step() { printf '\n=== %s\n' "$*"; }

# Set-up beyond the .NET SDK, so that this one command is the whole story on a fresh machine: Debian's Chromium
# for the Swagger UI check (playwright-core downloads no browser), installed with apt-get when missing (as root, or
# with sudo); the contract checks' Node tools exactly as the lock file has them, whenever the lock changed.
step "set-up"
if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  { $sudo apt-get update && $sudo apt-get install -y --no-install-recommends chromium; } >/dev/null \
    || echo "could not install Debian's chromium: the Swagger UI check will fail"
fi
lock=tests/contract/package-lock.json
stamp=tests/contract/node_modules/.installed-lock
if [[ ! -f $stamp ]] || ! cmp -s "$lock" "$stamp"; then
  npm ci --prefix tests/contract --no-audit --no-fund >/dev/null && cp "$lock" "$stamp" \
    || echo "npm ci failed: the contract checks will fail"
fi

step "dotnet test"
rm -rf artifacts/test-results
dotnet test Forum.sln --logger "console;verbosity=minimal" --logger "trx;LogFileName=dotnet-tests.trx" \
  --results-directory artifacts/test-results
trx=artifacts/test-results/dotnet-tests.trx
if [[ -f $trx && $(grep -o '<Counters [^>]*' "$trx") =~ passed=\"([0-9]+)\"\ failed=\"([0-9]+)\" ]]; then
  count "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
else
  echo "dotnet test wrote no results (did the build fail?)"
  count 0 1
fi

step "SQL Server idempotent migration script (no server needed)"
mkdir -p artifacts/sqlserver
if dotnet tool restore >/dev/null \
  && dotnet ef migrations script --idempotent --context SqlServerForumsDbContext --project src/Forums.Api \
       --output artifacts/sqlserver/migrate.sql >/dev/null \
  && grep -q 'CREATE TABLE \[Forums\]' artifacts/sqlserver/migrate.sql; then
  echo "artifacts/sqlserver/migrate.sql: $(grep -c 'CREATE TABLE' artifacts/sqlserver/migrate.sql) tables"
  count 1 0
else
  echo "could not generate the SQL Server script"
  count 0 1
fi

step "publish the API as the Dockerfile does"
if dotnet restore src/Forums.Api/Forums.Api.csproj >/dev/null \
  && dotnet publish src/Forums.Api/Forums.Api.csproj -c Release -o artifacts/api --no-restore >/dev/null; then
  count 1 0
else
  echo "publish failed"
  count 0 1
fi

step "contract checks (httpyac, Redocly, openapi-typescript + tsc, NSwag and Kiota C# clients, Swagger UI in Chromium)"
contract_log=$(mktemp)
FORUM_API_DLL="$PWD/artifacts/api/Forums.Api.dll" node tests/contract/run-checks.mjs 2>&1 | tee "$contract_log"
if [[ $(tail -n 1 "$contract_log") =~ contract:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
  count "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
else
  count 0 1
fi

echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
