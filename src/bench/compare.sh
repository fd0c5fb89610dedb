#!/usr/bin/env bash
# The default run (`run` on the bundled input: every publication, 7 PDFs) of this working tree
# against an older commit built from git, in alternating cold runs, so that the ratio holds on a
# noisy machine. Prints, for each: median wall time, CPU seconds (user + system) and peak RSS of the
# whole process tree (GNU time's "Maximum resident set size": the largest single process), and the
# median time of each step from the job repository; then whether both published byte-identical
# files (PDFs, companion CSVs, validation reports, manifests) — which a commit that changed the
# publications on purpose (issue 22: the public appendix, provenance.csv, datapackage.json) does not.
# A run publishes: `run --publish` for a jar that knows it (issue 22), `run` before.
#
# Usage: src/bench/compare.sh [-n RUNS] [-k] [-i] [OLD_COMMIT]     (defaults: 5 runs each, 8baa039)
#   -k  keep the scratch folder (outputs, logs) and print where it is
#   -i  fail (exit 1) when the outputs are not byte-identical
#
# Needs GNU time at /usr/bin/time (Debian/Ubuntu: apt-get update && apt-get install -y time),
# python3 and git. Builds both jars with ./mvnw (nothing is written into the working tree but
# target/); the old commit is exported with `git archive` into a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=5
keep=false
identical=false
while getopts "n:ki" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    k) keep=true ;;
    i) identical=true ;;
    *) sed -n '2,18p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
old="${1:-8baa039}"

if [ ! -x /usr/bin/time ]; then
  echo "GNU time is missing: apt-get update && apt-get install -y time" >&2
  exit 2
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/plan-reports-bench.XXXXXX")"
if $keep; then echo "scratch: $work"; else trap 'rm -rf "$work"' EXIT; fi

echo "building $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo '+changes') (this tree) ..."
./mvnw -B -q package -DskipTests >"$work/build-new.log" 2>&1 || { cat "$work/build-new.log"; exit 1; }
echo "building $old from git ..."
mkdir -p "$work/old"
git archive "$old" | tar -x -C "$work/old"
(cd "$work/old" && ./mvnw -B -q package -DskipTests) >"$work/build-old.log" 2>&1 || { cat "$work/build-old.log"; exit 1; }

new_jar="$PWD/target/plan-reports.jar"
old_jar="$work/old/target/plan-reports.jar"
input="$PWD/input"
# The H2 of the new jar reads the job repository of either run for the step times.
(cd "$work" && unzip -q -o -j "$new_jar" 'BOOT-INF/lib/h2-*.jar' -d "$work/h2")
h2="$(ls "$work"/h2/h2-*.jar)"

# one_run LABEL JAR INDEX: one cold run into fresh folders; appends a line to $work/results.
one_run() {
  local label="$1" jar="$2" i="$3"
  local dir="$work/$label-$i"
  mkdir -p "$dir"
  local pub=()
  if java -jar "$jar" run --help 2>/dev/null | grep -q -- '--publish'; then pub=(--publish); fi
  local start
  start="$(date +%s.%N)"
  /usr/bin/time -f "%e %U %S %M" -o "$dir/time" \
    java -jar "$jar" run "${pub[@]}" --input "$input" --output "$dir/out" --state "$dir/state" \
    >"$dir/stdout" 2>"$dir/stderr" || { echo "$label run $i failed:"; cat "$dir/stderr"; exit 1; }
  local end
  end="$(date +%s.%N)"
  java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$dir/state/plan-reports" -user sa -password "" \
    -sql "select 'job', CREATE_TIME, END_TIME from BATCH_JOB_EXECUTION; select STEP_NAME, START_TIME, END_TIME from BATCH_STEP_EXECUTION order by STEP_EXECUTION_ID" \
    >"$dir/steps" 2>&1
  echo "$label $i $start $end $(cat "$dir/time") $dir/steps" >>"$work/results"
  printf '%s run %s: wall %ss, cpu %.2fs, peak RSS %s kB\n' "$label" "$i" \
    "$(awk '{print $1}' "$dir/time")" "$(awk '{print $2 + $3}' "$dir/time")" "$(awk '{print $4}' "$dir/time")"
}

echo "warm-up (not counted) ..."
one_run old-warmup "$old_jar" 0 >/dev/null
one_run new-warmup "$new_jar" 0 >/dev/null
: >"$work/results"
for i in $(seq 1 "$runs"); do
  # ABBA order: a slow drift of the machine's load hits both alike.
  if [ $((i % 2)) -eq 1 ]; then
    one_run old "$old_jar" "$i"; one_run new "$new_jar" "$i"
  else
    one_run new "$new_jar" "$i"; one_run old "$old_jar" "$i"
  fi
done

python3 - "$work/results" "$old" <<'PY'
import sys, statistics, datetime
rows = [l.split() for l in open(sys.argv[1])]
old_name = sys.argv[2]
steps_order = ["ingest", "validate", "derive", "assess", "render", "publish"]

def ts(text):
    return datetime.datetime.fromisoformat(text[:26]).timestamp()

def phases(path, start, end):
    """Seconds: JVM start to job start, each step, job end to process end."""
    got = {}
    job = None
    for line in open(path):
        cells = [c.strip() for c in line.split("|")]
        if len(cells) == 3 and cells[0] in ["job"] + steps_order:
            if cells[0] == "job":
                job = (ts(cells[1]), ts(cells[2]))
            else:
                got[cells[0]] = ts(cells[2]) - ts(cells[1])
    if job is None:
        return {}
    got["start-up (to job)"] = job[0] - start
    got["exit (after job)"] = end - job[1]
    return got

data = {}
for label, i, start, end, wall, user, sys_, rss, steps in rows:
    d = data.setdefault(label, {"wall": [], "cpu": [], "rss": [], "phases": []})
    d["wall"].append(float(wall))
    d["cpu"].append(float(user) + float(sys_))
    d["rss"].append(int(rss) / 1024)
    d["phases"].append(phases(steps, float(start), float(end)))

med = statistics.median
print()
print(f"{'':22}{'old ' + old_name:>18}{'new (this tree)':>18}{'new / old':>11}")
for key, unit, fmt in [("wall", "s", "{:.2f}"), ("cpu", "s", "{:.2f}"), ("rss", "MiB", "{:.0f}")]:
    o, n = med(data["old"][key]), med(data["new"][key])
    name = {"wall": "median wall", "cpu": "median CPU (u+s)", "rss": "median peak RSS"}[key]
    print(f"{name:22}{(fmt.format(o) + ' ' + unit):>18}{(fmt.format(n) + ' ' + unit):>18}{n / o:>11.2f}")
for key in ["wall", "rss"]:
    for label in ["old", "new"]:
        v = data[label][key]
        print(f"  {label} {key} min–max: {min(v):.2f}–{max(v):.2f}")
print(f"runs: {len(data['new']['wall'])} of each, alternating, after one warm-up run of each")
print()
print("median seconds per phase (job repository timestamps; start-up = JVM start to job start):")
names = ["start-up (to job)"] + steps_order + ["exit (after job)"]
print(f"  {'':20}{'old':>8}{'new':>8}")
for p in names:
    vals = []
    for label in ["old", "new"]:
        xs = [ph[p] for ph in data[label]["phases"] if p in ph]
        vals.append(f"{med(xs):8.2f}" if xs else f"{'-':>8}")
    print(f"  {p:20}{vals[0]}{vals[1]}")
PY

echo
if diff -r "$work/old-1/out" "$work/new-1/out" >"$work/diff" 2>&1; then
  echo "outputs: byte-identical ($(find "$work/new-1/out" -type f | wc -l) files: PDFs, CSVs, validation reports, manifests)"
else
  echo "outputs differ from $old ($(grep -c . "$work/diff") lines of diff -r; -k keeps them):"
  head -20 "$work/diff"
  if $identical; then exit 1; fi
fi
