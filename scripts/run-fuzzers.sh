#!/usr/bin/env bash
# Runs every libFuzzer target in BUILD_DIR for SECONDS each, seeded with the shared fixtures and the
# test data. Crashing inputs are kept under BUILD_DIR/fuzz-findings/; the script fails if any was found.
set -euo pipefail
build_dir=${1:?usage: run-fuzzers.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
findings="$build_dir/fuzz-findings"
mkdir -p "$findings"

seed_parse="$build_dir/seeds/parse"
seed_sanitize="$build_dir/seeds/sanitize"
mkdir -p "$seed_parse" "$seed_sanitize"
if [[ -d "$root/../shared/fixtures/feeds" ]]; then
  find "$root/../shared/fixtures/feeds" -type f ! -name MANIFEST.tsv -exec cp {} "$seed_parse/" \;
fi
find "$root/tests" -path '*/data/*' -type f -size -200k -exec cp {} "$seed_parse/" \; 2>/dev/null || true
printf '%s' '<p>Hello <a href="/x" onclick="y()">link</a><script>alert(1)</script><img src=x onerror=z>' \
  > "$seed_sanitize/basic.html"

status=0
for fuzzer in parse_fuzzer sanitize_fuzzer; do
  corpus="$build_dir/corpus/$fuzzer"
  mkdir -p "$corpus"
  seeds="$seed_parse"
  [[ $fuzzer == sanitize_fuzzer ]] && seeds="$seed_sanitize"
  echo "== $fuzzer for ${seconds}s"
  if ! "$build_dir/tests/fuzz/$fuzzer" "$corpus" "$seeds" -max_total_time="$seconds" -max_len=65536 \
       -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$findings/$fuzzer-" -print_final_stats=1 2>&1 | tail -n 20; then
    status=1
  fi
done
if compgen -G "$findings/*" > /dev/null; then
  echo "fuzz findings kept in $findings:"; ls "$findings"; status=1
fi
exit $status
