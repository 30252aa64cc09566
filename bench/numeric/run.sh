#!/usr/bin/env bash
# Runs the numeric benchmarks: bench/numeric/run.sh [small] [fma sum matmul normal jacobi smallops]
# (MAIN=CoreSmallOps bench/numeric/run.sh runs the core-only small-operation probe instead).
# Uses the jars built in this checkout (core, CPU provider, numeric, examples/numeric,
# bench/numeric); build them first (see numeric/README.md). JVM options: JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/jdk25.sh
mp=""
for j in legate-core/target/legate-core-*-SNAPSHOT.jar cpu-provider/target/legate-cpu-*-SNAPSHOT.jar \
         numeric/target/legate-numeric-*-SNAPSHOT.jar examples/numeric/target/legate-example-numeric-*-SNAPSHOT.jar \
         bench/numeric/target/legate-bench-numeric-*-SNAPSHOT.jar; do
  case "$j" in *-tests.jar|*-sources.jar) continue ;; esac
  [ -f "$j" ] || { echo "missing $j: build first (numeric/README.md)" >&2; exit 1; }
  mp="$mp${mp:+:}$j"
done
# The collector scripts/run-module uses (parallel, 256 MiB young generation: short, rare pauses in
# the small-array loop, whose timed runs last milliseconds) unless JAVA_OPTS choose one.
gc="-XX:+UseParallelGC -Xmn256m"
case "${JAVA_OPTS:-}" in *GC*|*-Xmn*) gc="" ;; esac
exec java $gc ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED,dev.legate.cpu --add-modules jdk.incubator.vector \
     --module-path "$mp" -m dev.legate.bench.numeric/dev.legate.bench.numeric.${MAIN:-NumericBench} "$@"
