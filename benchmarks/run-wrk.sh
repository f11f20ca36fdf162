#!/usr/bin/env bash
# HTTP throughput of the read endpoints, measured with wrk against a server on 127.0.0.1:8091 (data in a
# temporary directory): a project fetch, a 100-item page of a directory in a 100,000-entry workspace,
# and a 4 KiB file download. Bounded: 2 threads, 16 connections, 5 s warm-up and 10 s measured per endpoint.
# Needs the built jar (./mvnw package), JAVA_HOME (JDK 21+), python3; installs wrk with apt if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
JAR=bootstrap/target/arkloop-projects-server.jar
BASE=http://127.0.0.1:8091
DURATION=${DURATION:-10s}

work=$(mktemp -d)
export ARKLOOP_DATA_DIR="$work/data" ARKLOOP_HTTP_PORT=8091 ARKLOOP_ARCHIVE_MAX_ENTRIES=200000
cleanup() {
  [ -n "${server:-}" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$JAVA_HOME/bin/java" -jar "$JAR" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do curl -s -o /dev/null "$BASE/healthz" && break; sleep 0.1; done

TOKEN=$("$JAVA_HOME/bin/java" -jar "$JAR" token --user 22222222-2222-2222-2222-222222222222 \
  --org 11111111-1111-1111-1111-111111111111 2>/dev/null)
PROJECT=$(curl -sf -X POST "$BASE/v1/projects" -H "Authorization: Bearer $TOKEN" -d '{"name":"bench"}' \
  | sed -E 's/^\{"id":"([0-9a-f-]+)".*/\1/')

# 100 x 10 x 100 files of 16 bytes, plus one 4 KiB file, as one snapshot.
python3 - "$work/snapshot.tar" <<'PY'
import io, sys, tarfile
with tarfile.open(sys.argv[1], "w") as tar:
    def add(name, data):
        info = tarfile.TarInfo(name); info.size = len(data); info.mtime = 1710000000
        tar.addfile(info, io.BytesIO(data))
    for p in range(100):
        for m in range(10):
            for f in range(100):
                add(f"src/pkg{p:02d}/mod{m}/file_{f:03d}.txt", f"{p}-{m}-{f}".encode().ljust(16, b"."))
    add("big/four-kib.bin", bytes(range(256)) * 16)
PY
start=$(date +%s.%N)
curl -s --fail-with-body -X POST --data-binary @"$work/snapshot.tar" -H 'Content-Type: application/x-tar' \
  -H "Authorization: Bearer $TOKEN" "$BASE/v1/projects/$PROJECT/workspace/snapshot"; echo
echo "snapshot of 100,001 files (100 MB tar): $(echo "$(date +%s.%N) - $start" | bc) s"

run() {
  local name=$1 url=$2
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$url"  # fail fast if broken
  wrk -t2 -c16 -d5s -H "Authorization: Bearer $TOKEN" "$url" > /dev/null  # warm-up (JIT, caches), not reported
  echo "== $name"
  wrk -t2 -c16 -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$url" \
    | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors"
}
run "GET a project" "$BASE/v1/projects/$PROJECT"
run "GET a 100-item page of /src/pkg42/mod7 (100,000-entry workspace)" \
  "$BASE/v1/projects/$PROJECT/workspace/files?path=/src/pkg42/mod7&limit=100"
run "GET a 4 KiB file" "$BASE/v1/projects/$PROJECT/workspace/file?path=/big/four-kib.bin"
