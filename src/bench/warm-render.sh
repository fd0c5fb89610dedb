#!/usr/bin/env bash
# Warm per-publication render time: the default run's 7 publications of the bundled input, composed
# once, then laid out and exported round after round in one JVM (what a JVM running district after
# district pays per PDF once warm). Runs with the second JVM's flags (launch/Launcher.JVM_FLAGS and HEAP_FLAGS).
# Usage: src/bench/warm-render.sh [ROUNDS] [PDF_FOLDER]   (writes the last round's PDFs if given)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q test-compile -DskipCds=true
cp="$(mktemp)"
trap 'rm -f "$cp"' EXIT
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$cp" >/dev/null
flags="$(sed -n -e '/JVM_FLAGS =/,/);/p' -e '/ HEAP_FLAGS =/p' src/main/java/org/planreports/launch/Launcher.java \
  | grep -o '"-[^"]*"' | tr -d '"' | tr '\n' ' ')"
# shellcheck disable=SC2086
java $flags -cp "target/test-classes:target/classes:$(cat "$cp")" \
  org.planreports.report.WarmRenderBench "${1:-8}" ${2:+"$2"}
