#!/usr/bin/env bash
# Runs the README's quick start, exactly as printed, against a fresh server on the embedded defaults
# (port 8080, data in a temporary directory) and fails if any line fails. Needs the built jar
# (./mvnw package or verify) and JAVA_HOME pointing at a JDK 21+.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"

if curl -s -o /dev/null http://127.0.0.1:8080/healthz; then
  echo "check-quickstart: something already answers on 127.0.0.1:8080; stop it first" >&2
  exit 1
fi

ARKLOOP_DATA_DIR=$(mktemp -d)
export ARKLOOP_DATA_DIR
"$JAVA_HOME/bin/java" -jar bootstrap/target/arkloop-projects-server.jar >"$ARKLOOP_DATA_DIR/server.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true  # the JVM exits 143 on SIGTERM
  rm -rf "$ARKLOOP_DATA_DIR"
}
trap cleanup EXIT

for _ in $(seq 1 600); do
  curl -s -o /dev/null http://127.0.0.1:8080/healthz && break
  kill -0 "$server" 2>/dev/null || { cat "$ARKLOOP_DATA_DIR/server.log" >&2; exit 1; }
  sleep 0.1
done

# The first ```sh block under "## Quick start", verbatim.
block=$(awk '/^## Quick start/ {q = 1} q && /^```sh$/ {f = 1; next} f && /^```$/ {exit} f' README.md)
[ -n "$block" ] || { echo "check-quickstart: no quick start block in README.md" >&2; exit 1; }

# A plain curl succeeds on 4xx/5xx; the check must not.
curl() { command curl --fail-with-body "$@"; }
export -f curl
bash -euo pipefail -c "$block"$'\n[[ $PROJECT =~ ^[0-9a-f-]{36}$ ]] || { echo "no project id: $PROJECT" >&2; exit 1; }'
echo
echo "check-quickstart: the README quick start works as printed"
