#!/usr/bin/env bash
# What a city-wide run costs per district as the districts grow: for each count D (default 1 5 20 80),
# D copies of the bundled plan under D region codes and city-wide extracts holding all D districts'
# rows (src/test/java/org/planreports/testing/CityFixture.java), then `run --plan DIR` cold in a fresh
# JVM with fresh output and state folders, N times (default 3), alternating the counts so machine noise
# spreads over all of them. Prints median wall, CPU and peak RSS per count, the wall per district, and
# each count's wall as a multiple of the one-district run's.
# Usage: src/bench/districts.sh [-n N] [D ...]   (needs GNU time at /usr/bin/time: Debian package "time")
set -euo pipefail
cd "$(dirname "$0")/../.."
n=3
if [ "${1:-}" = "-n" ]; then n="$2"; shift 2; fi
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1 5 20 80)
[ -f target/plan-reports.jar ] || ./mvnw -B -q package -DskipTests
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for d in "${counts[@]}"; do
  java src/test/java/org/planreports/testing/CityFixture.java . "$work/city-$d" "$d"
done
for i in $(seq 1 "$n"); do
  for d in "${counts[@]}"; do
    t="$work/time-$d-$i"
    code=0
    /usr/bin/time -v java -jar target/plan-reports.jar run --plan "$work/city-$d/plans" \
      --input "$work/city-$d/input" --output "$work/out-$d-$i" --state "$work/state-$d-$i" \
      >"$work/log-$d-$i" 2>"$t" || code=$?
    if [ "$code" != 0 ]; then echo "run of $d districts ended with exit $code:"; tail -5 "$work/log-$d-$i" "$t"; exit 1; fi
    wall=$(grep 'Elapsed (wall clock)' "$t" | awk '{print $NF}')
    rss=$(grep 'Maximum resident set size' "$t" | awk '{print $NF}')
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$t")
    editions=$(find "$work/out-$d-$i" -name manifest.json | wc -l)
    echo "round $i, $d districts: wall $wall, cpu $cpu s, peak RSS $rss kB, $editions editions"
    echo "$d $wall $rss $cpu" >> "$work/all"
  done
done
python3 - "$work/all" <<'PY'
import sys, statistics, collections
def secs(t):
    parts = [float(p) for p in t.split(":")]
    return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
by = collections.OrderedDict()
for l in open(sys.argv[1]):
    d, wall, rss, cpu = l.split()
    by.setdefault(int(d), []).append((secs(wall), int(rss) / 1024, float(cpu)))
one = statistics.median(w for w, _, _ in by[min(by)])
print(f"{'districts':>9} {'wall s':>8} {'per district s':>15} {'× 1 district':>13} {'cpu s':>7} {'peak RSS MiB':>13}")
for d, rows in by.items():
    wall = statistics.median(r[0] for r in rows)
    print(f"{d:>9} {wall:>8.2f} {wall / d:>15.2f} {wall / one:>13.2f} "
          f"{statistics.median(r[2] for r in rows):>7.1f} {statistics.median(r[1] for r in rows):>13.0f}")
PY
