#!/usr/bin/env bash
# Runs the JMH benchmarks (all, or those matching $1) on JAVA_HOME's JDK and prints JMH's table.
# Bounded: one fork, 3 warm-up and 5 measured one-second iterations per benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"
./mvnw -q -B package -Dmaven.test.skip=true -pl benchmarks -am
"$JAVA_HOME/bin/java" -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  org.openjdk.jmh.Main "${1:-.*}" -rf text -rff benchmarks/target/jmh-result.txt
