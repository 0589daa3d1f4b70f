#!/usr/bin/env bash
# Measures an older commit's suite and this checkout's side by side, on this machine in one sitting, with this
# checkout's load benchmark driving both the same way. See docs/benchmarks.md, or benchmarks/side-by-side.sh --help.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEFAULTS=(--instances 1 --rate 0 --concurrency 64 --payments 12000)

usage() {
  cat <<EOF
usage: benchmarks/side-by-side.sh [COMMIT] [load options...]
  COMMIT        the commit to compare with (default 6f317b0): checked out and built in
                benchmarks/target/baseline-<sha> (a git worktree, reused by later sittings)
  load options  the load benchmark's (docs/benchmarks.md; --suite, --json and --html are the script's), given to
                both runs after the defaults: ${DEFAULTS[*]}
Builds this checkout and COMMIT's (./mvnw -B -q package -DskipTests, offline first), then runs the load benchmark on a
fresh suite of COMMIT and on a fresh suite of this checkout (each ./run.sh --memory in its own folder, so ports 2113,
8081-8085 and 8180 must be free), and prints both rates of payments completed end to end and their ratio. Reports:
benchmarks/target/side-by-side-<sha>.json / .html and side-by-side-current.json / .html. The load generator gets
PAYSTREAM_JAVA_OPTS, as run.sh's services do.
EOF
}

say() { printf '%s\n' "[side-by-side] $*" >&2; }
fail() { say "$*"; exit 1; }

COMMIT=6f317b0
case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  ''|-*) ;;
  *) COMMIT="$1"; shift ;;
esac
SHA=$(git -C "$ROOT" rev-parse --verify --quiet --short "$COMMIT^{commit}") || fail "no commit $COMMIT here"
BASELINE="$ROOT/benchmarks/target/baseline-$SHA"
CURRENT=$(git -C "$ROOT" describe --always --dirty)

build() { # checkout: its own build, offline first (everything it needs may already be in ~/.m2)
  say "building $1"
  (cd "$1" && { ./mvnw -B -q -o package -DskipTests || ./mvnw -B -q package -DskipTests; }) \
    || fail "the build of $1 failed"
}

if [ ! -e "$BASELINE/.git" ]; then
  say "checking out $SHA in $BASELINE"
  # -f: a worktree that ./mvnw clean deleted is still registered
  git -C "$ROOT" worktree add -f --detach "$BASELINE" "$SHA" >&2 || fail "cannot check out $SHA in $BASELINE"
fi
[ "$(git -C "$BASELINE" rev-parse --short HEAD)" = "$SHA" ] || fail "$BASELINE is not at $SHA: remove it"
build "$BASELINE"
build "$ROOT"

read -r -a JAVA_OPTS_ARRAY <<<"${PAYSTREAM_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.util.concurrent.ForkJoinPool.common.parallelism=4}"
status=0
measure() { # suite folder, report name, load options...
  local suite="$1" report="$ROOT/benchmarks/target/$2"
  shift 2
  rm -f "$report.json" "$report.html" # no figures from an earlier sitting
  say "measuring $suite"
  java "${JAVA_OPTS_ARRAY[@]}" -jar "$ROOT/benchmarks/target/benchmarks.jar" load "${DEFAULTS[@]}" "$@" \
    --suite "$suite" --json "$report.json" --html "$report.html" || status=1
}
measure "$BASELINE" "side-by-side-$SHA" "$@"
measure "$ROOT" side-by-side-current "$@"

rates() { # report: the rate of each of its runs, one a line
  sed -n 's/^ *"completedPerSecond" *: *\([0-9.Ee+-]*\).*/\1/p' "$ROOT/benchmarks/target/$1.json" 2>/dev/null
}
echo
echo "side by side, payments completed end to end (options: ${DEFAULTS[*]} $*):"
paste <(rates "side-by-side-$SHA") <(rates side-by-side-current) | awk -v old="$SHA" -v new="$CURRENT" -F '\t' '
  { printf "  run %d: %s %.0f/s, %s %.0f/s: %s\n", NR, old, $1, new, $2,
      ($1 > 0 && $2 != "") ? sprintf("%.2f× the capacity of %s", $2 / $1, old) : "no ratio" }
  END { if (NR == 0) print "  no run finished" }'
exit "$status"
