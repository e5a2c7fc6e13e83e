#!/bin/sh
# Builds this checkout and runs the layer benchmark (issue 4), or with --nfs the NFS benchmark
# (issue 3); every argument goes to LayerBench:
#   examples/bench.sh --dir /tmp/cowbench [--scale 1.0] [--only walk,stat-hot] [--memory-check | --nfs]
# Extra Maven flags (e.g. -o) can be given in BENCH_MAVEN_FLAGS, JVM flags of the benchmark (e.g.
# -XX:StartFlightRecording=filename=/tmp/bench.jfr) in BENCH_JVM_FLAGS. Arguments must not contain spaces.
set -eu
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- --help
# shellcheck disable=SC2086 # BENCH_MAVEN_FLAGS holds several flags on purpose
exec mvn -B -q ${BENCH_MAVEN_FLAGS:-} -Pbench -pl examples -am package -DskipTests -Dbench.args="$*" -Dbench.jvm.args="${BENCH_JVM_FLAGS:-}"
