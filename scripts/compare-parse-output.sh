#!/usr/bin/env bash
# Checks that two feedagg binaries print the same `feedagg parse` output (stdout, stderr and exit
# status) for every file under the given paths, each file read with and without a document URL.
# Run it before committing a change to feeds/ that should not change what the parser returns.
#
# Usage: scripts/compare-parse-output.sh OLD_FEEDAGG NEW_FEEDAGG PATH...
#   e.g. scripts/compare-parse-output.sh /tmp/feedagg-before build/release/daemon/feedagg \
#          bench/corpus tests/feeds/data ../shared/fixtures
# Environment: CUTS (default 0) also compares, for each file, that many prefixes of it cut at
# evenly spaced lengths: truncated documents take the parser's recovery paths.
set -euo pipefail

old=${1:?usage: compare-parse-output.sh OLD_FEEDAGG NEW_FEEDAGG PATH...}
new=${2:?usage: compare-parse-output.sh OLD_FEEDAGG NEW_FEEDAGG PATH...}
shift 2
cuts=${CUTS:-0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

compared=0
differing=0
# compare FILE [ARGS...]: one parse of FILE by each binary
compare() {
  local file=$1 status_old=0 status_new=0
  shift
  "$old" parse "$@" "$file" >"$work/old.out" 2>"$work/old.err" || status_old=$?
  "$new" parse "$@" "$file" >"$work/new.out" 2>"$work/new.err" || status_new=$?
  compared=$((compared + 1))
  if [[ $status_old != "$status_new" ]] || ! cmp -s "$work/old.out" "$work/new.out" ||
    ! cmp -s "$work/old.err" "$work/new.err"; then
    differing=$((differing + 1))
    echo "differs: $file $* (exit $status_old vs $status_new)" >&2
  fi
}

while IFS= read -r -d '' file; do
  compare "$file"
  compare "$file" --base-url "https://bench.example/feeds/$(basename "$file")"
  size=$(stat -c %s "$file")
  for ((i = 1; i <= cuts; i++)); do
    head -c $((size * i / (cuts + 1))) "$file" >"$work/cut"
    compare "$work/cut" --base-url "https://bench.example/feeds/cut"
  done
done < <(find "$@" -type f -print0 | sort -z)

echo "compare-parse-output: $compared parses compared, $differing differ"
[[ $differing == 0 ]]
