#!/usr/bin/env bash
# Builds a CMake preset with its format library (feeds/) profile-guided: compiled instrumented,
# trained by `feedagg parse` on the project's test feeds (never on the benchmark corpus), then
# compiled again from the profiles. Parsing gains about 4 % (docs/benchmarks.md, "Running it"); the
# output is the same. The profiles are kept with a hash of the sources and the compiler they were
# made with, so a build with both unchanged does not train again.
#
#   scripts/build-profiled.sh PRESET
set -euo pipefail
cd "$(dirname "$0")/.."

preset=${1:?usage: scripts/build-profiled.sh PRESET}
build=build/$preset
profile=$build/feeds-profile
sources_hash=$( (find feeds -type f | sort | xargs cat; "${CXX:-c++}" --version) | sha256sum | cut -d' ' -f1)

if [[ "$(cat "$profile/trained-on" 2>/dev/null)" != "$sources_hash" ]]; then
  rm -rf "$profile"
  cmake --preset "$preset" -DFEEDAGG_FEEDS_PROFILE=generate
  cmake --build --preset "$preset" --target feedagg
  mapfile -t feeds < <(find tests/feeds/data ../shared/fixtures -type f \( -name '*.xml' -o -name '*.json' \) \
                         2>/dev/null | sort)
  for _ in $(seq 50); do
    # Some of the files are not feeds on purpose: the exit status says so, and is not the point.
    "$build/daemon/feedagg" parse --base-url https://example.com/feed.xml "${feeds[@]}" >/dev/null 2>&1 || true
  done
  echo "$sources_hash" > "$profile/trained-on"
fi
cmake --preset "$preset" -DFEEDAGG_FEEDS_PROFILE=use
cmake --build --preset "$preset"
