#!/usr/bin/env bash
# Cold wall time, CPU time and peak RSS of the default run (`run` on the bundled input, every publication),
# as medians of N runs, each in a fresh JVM with fresh output and state folders.
# Usage: src/bench/default-run.sh [N]   (needs GNU time at /usr/bin/time: Debian package "time")
# To compare with an older commit in alternating runs, with the per-step breakdown and a check that
# the outputs are byte-identical: src/bench/compare.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-5}"
[ -f target/plan-reports.jar ] || ./mvnw -B -q package -DskipTests
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$n"); do
  /usr/bin/time -v java -jar target/plan-reports.jar run --input input \
    --output "$work/out-$i" --state "$work/state-$i" >/dev/null 2>"$work/time-$i"
  wall=$(grep 'Elapsed (wall clock)' "$work/time-$i" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$work/time-$i" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$work/time-$i")
  echo "run $i: wall $wall, cpu ${cpu} s, peak RSS ${rss} kB"
  echo "$wall $rss $cpu" >> "$work/all"
done
python3 - "$work/all" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
def secs(t):
    parts = [float(p) for p in t.split(":")]
    return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
walls = [secs(r[0]) for r in rows]
rss = [int(r[1]) / 1024 for r in rows]
cpu = [float(r[2]) for r in rows]
print(f"median of {len(rows)}: wall {statistics.median(walls):.2f} s (min {min(walls):.2f}, max {max(walls):.2f}), "
      f"cpu {statistics.median(cpu):.2f} s, "
      f"peak RSS {statistics.median(rss):.0f} MiB (min {min(rss):.0f}, max {max(rss):.0f})")
PY
