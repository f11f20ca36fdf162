#!/usr/bin/env bash
# Shows that a 1 GiB file is imported, uploaded (PUT) and served by a server whose heap is capped at 128 MiB
# (-Xmx128m), whole and by Range, byte for byte. Needs the built jar and JAVA_HOME (JDK 21+);
# uses port 8090 on 127.0.0.1 and a temporary data directory, and cleans up after itself.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"
JAR=bootstrap/target/arkloop-projects-server.jar
SIZE_MIB=${SIZE_MIB:-1024}
BASE=http://127.0.0.1:8090

work=$(mktemp -d)
export ARKLOOP_DATA_DIR="$work/data" ARKLOOP_HTTP_PORT=8090
cleanup() {
  [ -n "${server:-}" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true  # the JVM exits 143 on SIGTERM
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/source"
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > "$work/source/big.bin"
expected=$(sha256sum "$work/source/big.bin" | cut -d' ' -f1)

"$JAVA_HOME/bin/java" -Xmx128m -jar "$JAR" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do curl -s -o /dev/null "$BASE/healthz" && break; sleep 0.1; done

ORG=11111111-1111-1111-1111-111111111111
USER=22222222-2222-2222-2222-222222222222
TOKEN=$("$JAVA_HOME/bin/java" -jar "$JAR" token --user $USER --org $ORG 2>/dev/null)
PROJECT=$(curl -sf -X POST "$BASE/v1/projects" -H "Authorization: Bearer $TOKEN" -d '{"name":"large"}' \
  | sed -E 's/^\{"id":"([0-9a-f-]+)".*/\1/')

start=$(date +%s.%N)
"$JAVA_HOME/bin/java" -Xmx128m -jar "$JAR" import --org $ORG --user $USER --project "$PROJECT" "$work/source" 2>/dev/null
echo "import (-Xmx128m): $(echo "$(date +%s.%N) - $start" | bc) s"

start=$(date +%s.%N)
served=$(curl -sf "$BASE/v1/projects/$PROJECT/workspace/file?path=/big.bin" -H "Authorization: Bearer $TOKEN" \
  | sha256sum | cut -d' ' -f1)
echo "download (-Xmx128m server): $(echo "$(date +%s.%N) - $start" | bc) s"
[ "$served" = "$expected" ] || { echo "FAIL: served bytes differ ($served != $expected)"; exit 1; }

offset=$((SIZE_MIB * 1024 * 1024 / 2 + 12345))
curl -sf -D "$work/headers" -H "Range: bytes=$offset-$((offset + 65535))" -H "Authorization: Bearer $TOKEN" \
  "$BASE/v1/projects/$PROJECT/workspace/file?path=/big.bin" > "$work/range.bin"
dd if="$work/source/big.bin" of="$work/expected-range.bin" bs=64K iflag=skip_bytes,count_bytes \
  skip="$offset" count=65536 status=none
grep -q "^HTTP/1.1 206" "$work/headers" || { echo "FAIL: no 206"; cat "$work/headers"; exit 1; }
cmp "$work/range.bin" "$work/expected-range.bin" || { echo "FAIL: range bytes differ"; exit 1; }

start=$(date +%s.%N)
uploaded=$(curl -sf -X PUT -T "$work/source/big.bin" -H "Authorization: Bearer $TOKEN" \
  "$BASE/v1/projects/$PROJECT/workspace/file?path=/uploaded.bin")
echo "upload by PUT (-Xmx128m server): $(echo "$(date +%s.%N) - $start" | bc) s"
case "$uploaded" in *"\"sha256\":\"$expected\""*) ;; *) echo "FAIL: PUT answered $uploaded"; exit 1 ;; esac

kill -0 "$server" || { echo "FAIL: server died"; cat "$work/server.log"; exit 1; }
if grep -q OutOfMemoryError "$work/server.log"; then echo "FAIL: OutOfMemoryError"; exit 1; fi
echo "OK: ${SIZE_MIB} MiB imported, uploaded and served with -Xmx128m, sha256 $expected; Range 64 KiB at $offset exact"
