#!/usr/bin/env bash
# Does this working tree behave exactly as an older commit? Runs the same operator scenarios with
# both jars and compares, byte for byte, every file they leave in their output folders (PDFs,
# companion CSVs, validation reports, manifests, correction notices) and everything they print
# (standard output, standard error, exit code). Scenarios: the default run on the bundled input
# (南川, 7 publications), the final-evaluation input, each fixture plan under
# src/test/resources/fixtures/plans, a city run of all of them together, a corrected figure (run
# refused, rerun --reason, history, verify), every bad extract under fixtures/bad through
# `validate`, broken plan bundles through `check-plan`, and `template`.
#
# Usage: src/bench/same-output.sh [-k] [OLD_COMMIT]     (default: e574d56, after issue 22)
#   -k  keep the scratch folder and print where it is
#   OLD_JAR=/path/to/plan-reports.jar skips building OLD_COMMIT.
#
# Needs git and a JDK; builds this tree with ./mvnw (only target/ is written in the working tree).
set -euo pipefail
cd "$(dirname "$0")/../.."
keep=false
while getopts "k" opt; do
  case "$opt" in
    k) keep=true ;;
    *) sed -n '2,15p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
old="${1:-e574d56}"
work="$(mktemp -d "${TMPDIR:-/tmp}/plan-reports-same.XXXXXX")"
if $keep; then echo "scratch: $work"; else trap 'rm -rf "$work"' EXIT; fi

if [ -z "${NEW_JAR:-}" ]; then
  echo "building this tree ..."
  ./mvnw -B -q package -DskipTests >"$work/build-new.log" 2>&1 || { cat "$work/build-new.log"; exit 1; }
  NEW_JAR="$PWD/target/plan-reports.jar"
fi
if [ -z "${OLD_JAR:-}" ]; then
  echo "building $old from git ..."
  mkdir -p "$work/old-src"
  git archive "$old" | tar -x -C "$work/old-src"
  (cd "$work/old-src" && ./mvnw -B -q package -DskipTests) >"$work/build-old.log" 2>&1 \
    || { cat "$work/build-old.log"; exit 1; }
  OLD_JAR="$work/old-src/target/plan-reports.jar"
fi

fixtures="$PWD/src/test/resources/fixtures"
plans="$fixtures/plans"

# Inputs shared by both sides, prepared once.
prep="$work/prep"
mkdir -p "$prep/city-plans" "$prep/city-input" "$prep/corrected"
for p in "$plans"/*/; do
  name="$(basename "$p")"
  mkdir -p "$prep/city-plans/$name"
  find "$p" -maxdepth 1 -type f -exec cp {} "$prep/city-plans/$name/" \;
  cp "$p"/extracts/* "$prep/city-input/"
done
cp input/*.csv "$prep/corrected/"
# One figure of the 2023 sample changed: the first numeric value on the first data line that has one.
python3 - "$prep/corrected/nanchuan-2023-sample.csv" <<'PY'
import sys, re
path = sys.argv[1]
raw = open(path, "rb").read()
text = raw.decode("utf-8-sig")
lines = text.split("\n")
for i, line in enumerate(lines[1:], 1):
    m = re.search(r",(\d+\.\d+),", line)
    if m:
        old = m.group(1)
        new = f"{float(old) * 1.1:.{len(old.split('.')[1])}f}"
        lines[i] = line[: m.start(1)] + new + line[m.end(1):]
        break
open(path, "wb").write(("\ufeff" if raw.startswith(b"\xef\xbb\xbf") else "").encode() + "\n".join(lines).encode("utf-8"))
PY
mkdir -p "$prep/bad-plans"
cp -r "$plans/zone-news" "$prep/bad-plans/formula"
sed -i '2s/,[^,]*$/,(((/' "$prep/bad-plans/formula/indicators.csv"
cp -r "$plans/district-binding" "$prep/bad-plans/duplicate-key"
head -1 "$prep/bad-plans/duplicate-key/plan.properties" >>"$prep/bad-plans/duplicate-key/plan.properties"
cp -r "$plans/scheme-2027" "$prep/bad-plans/no-tables"
rm "$prep/bad-plans/no-tables/tables.csv"

# step SIDE NAME COMMAND...: runs one command in $work/SIDE, records its output and exit code.
step() {
  local side="$1" name="$2"
  shift 2
  local rc=0
  (cd "$work/$side" && "$@") >"$work/$side/log/$name.out" 2>"$work/$side/log/$name.err" || rc=$?
  echo "$rc" >"$work/$side/log/$name.rc"
}

scenarios() {
  local side="$1" jar="$2"
  local j=(java -jar "$jar")
  # `run` publishes: since issue 22 that is `run --publish` (`run` alone prepares review copies);
  # before it, `run` did, and knew no --publish.
  local pub=()
  if java -jar "$jar" run --help 2>/dev/null | grep -q -- '--publish'; then pub=(--publish); fi
  mkdir -p "$work/$side/log"
  step "$side" default "${j[@]}" run "${pub[@]}" --input "$PWD/input" --output out/default --state st/default
  step "$side" final "${j[@]}" run "${pub[@]}" --input "$fixtures/final" --output out/final --state st/final
  for p in "$plans"/*/; do
    name="$(basename "$p")"
    step "$side" "plan-$name" "${j[@]}" run "${pub[@]}" --plan "$p" --input "$p/extracts" --output "out/$name" --state "st/$name"
  done
  step "$side" city "${j[@]}" run "${pub[@]}" --plan "$prep/city-plans" --input "$prep/city-input" --output out/city --state st/city
  # A corrected figure after the default run: refused, then published with a reason.
  step "$side" corrected-run "${j[@]}" run "${pub[@]}" --input "$prep/corrected" --output out/default --state st/default
  step "$side" corrected-rerun "${j[@]}" rerun --year 2023 --assessment midterm --input "$prep/corrected" \
    --output out/default --state st/default --reason "2023年数据更正"
  step "$side" history "${j[@]}" history --output out/default --state st/default
  step "$side" verify "${j[@]}" verify --output out/default
  for f in "$fixtures"/bad/*.csv; do
    name="$(basename "$f" .csv)"
    [ "$name" = EXPECTED ] && continue
    mkdir -p "$work/$side/bad-in/$name"
    cp "$f" "$work/$side/bad-in/$name/"
    step "$side" "bad-$name" "${j[@]}" validate --input "bad-in/$name"
  done
  for p in "$prep"/bad-plans/*/; do
    step "$side" "check-plan-$(basename "$p")" "${j[@]}" check-plan --plan "$p"
  done
  step "$side" check-plan-good "${j[@]}" check-plan --plan "$plans/zone-news"
  step "$side" template "${j[@]}" template --file out/template.csv
  step "$side" usage "${j[@]}" run "${pub[@]}" --year nineteen
  # Logs name the scratch folder and carry times: compared as outputs are not.
  find "$work/$side/out" -path '*/logs/*' -delete 2>/dev/null || true
}

echo "old: $OLD_JAR"
scenarios old "$OLD_JAR"
echo "new: $NEW_JAR"
scenarios new "$NEW_JAR"

# Paths printed in messages name the side's folder and `history` prints when each run happened;
# make them comparable.
for side in old new; do
  find "$work/$side/log" -type f -exec sed -i -E \
    -e "s|$work/$side|WORK|g" -e 's/20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}/TIME/g' {} +
done
status=0
for what in out log; do
  if ! diff -r "$work/old/$what" "$work/new/$what" >"$work/diff-$what" 2>&1; then
    echo "DIFFERENT ($what):"
    head -60 "$work/diff-$what"
    status=1
  fi
done
files="$(find "$work/new/out" -type f | wc -l)"
pdfs="$(find "$work/new/out" -name '*.pdf' | wc -l)"
runs="$(find "$work/new/log" -name '*.rc' | wc -l)"
if [ "$status" -eq 0 ]; then
  echo "same: $files files ($pdfs PDFs) and the output of $runs commands are byte-identical to $old"
fi
exit "$status"
