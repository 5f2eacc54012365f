#!/usr/bin/env bash
# The soak: the Release API on a fresh SQLite file, under a mixed load of reads and registrations from wrk on
# loopback for SOAK_SECONDS (default 600), sampling the API's working set every 10 s. Passes when no answer is a
# 5xx and the working set stops growing (the last third's mean within 10% of the middle third's).
# Needs wrk (apt-get install wrk). Usage: tests/soak/run.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-${SOAK_SECONDS:-600}}
token="fat_soak-only-admin-token-0123456789abcdef"
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

dotnet publish src/Forums.Api -c Release -o artifacts/api >/dev/null
ASPNETCORE_ENVIRONMENT=Production dotnet artifacts/api/Forums.Api.dll --urls="$base" --Database:DataFolder="$data" \
  --Auth:AdminToken="$token" --RateLimiting:Enabled=false --Logging:LogLevel:Default=Warning >"$data/api.log" 2>&1 &
api=$!
trap 'kill $api 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 60); do curl -sf "$base/health/ready" >/dev/null && break; sleep 0.5; done

forum=$(curl -sf -X POST "$base/api/forums" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"slug":"soak","title":{"en":"Soak"},"city":{"en":"Turkistan"},"country":"KZ","timeZone":"Asia/Almaty","capacity":5000}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -sf -X POST "$base/api/forums/$forum/publish" -H "Authorization: Bearer $token" >/dev/null

samples=()
( while kill -0 $api 2>/dev/null; do awk '/VmRSS/ {print $2}' /proc/$api/status; sleep 10; done ) >"$data/rss.txt" &
sampler=$!
SOAK_FORUM=$forum SOAK_TOKEN=$token wrk -t2 -c16 -d"${seconds}s" -s tests/soak/mixed.lua "$base" | tee "$data/wrk.txt"
kill $sampler 2>/dev/null || true

mapfile -t samples <"$data/rss.txt"
python3 - "$data/wrk.txt" "${samples[@]}" <<'PY'
import re, sys
wrk = open(sys.argv[1]).read()
rss = [int(x) for x in sys.argv[2:] if x.strip()]
errors = int(re.search(r"5xx (\d+)", wrk).group(1))
third = max(1, len(rss) // 3)
middle = sum(rss[third:2 * third]) / max(1, len(rss[third:2 * third]))
last = sum(rss[-third:]) / third
growth = (last - middle) / middle if middle else 0
print(f"working set: first {rss[0] // 1024} MB, peak {max(rss) // 1024} MB, middle-third mean {middle / 1024:.0f} MB, "
      f"last-third mean {last / 1024:.0f} MB ({growth:+.1%}) over {len(rss)} samples")
ok = errors == 0 and growth < 0.10
print(f"soak: {'passed' if ok else 'FAILED'} (5xx answers: {errors}; working set growth {growth:+.1%}, limit +10%)")
sys.exit(0 if ok else 1)
PY
