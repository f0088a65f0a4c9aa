#!/usr/bin/env bash
# Parse throughput of feedagg beside its peers, measured in one run over the same corpus:
#   feedagg        feeds::parse_feed, full normalization and sanitizing (bench/feedagg_parse_bench)
#   pugixml-walk   pugixml load + walk of every node, nothing else: the practical floor (XML files only)
#   gofeed         Debian's golang-github-mmcdole-gofeed-dev, built offline (bench/peers/gofeed)
#   feedparser     Debian's python3-feedparser, the reference reader (a subset of the XML files: it is slow)
# and the peak memory of feedagg reading files one at a time.
#
# Usage: scripts/run-bench.sh BUILD_DIR   (a build configured with -DFEEDAGG_BENCH=ON)
# Environment: PASSES (default 5), FEEDPARSER_BUDGET seconds (default 40), CORPUS_MB (default 56),
# ROUNDS (default 0): that many interleaved rounds afterwards, as docs/benchmarks.md reports them
# (feedagg, 3 passes, and the walk, 7 passes, back to back on the XML files; then feedagg and gofeed,
# one pass each, on all files), with each round's CPU ratios and their medians.
# The machine is shared: compare the ratios, which come from the same run, not absolute MB/s.
set -euo pipefail

build_dir=${1:?usage: scripts/run-bench.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$root/bench/corpus
peers=$root/build/bench-peers
passes=${PASSES:-5}
bench=$build_dir/bench/feedagg_parse_bench

if [[ ! -x $bench ]]; then
  echo "run-bench: $bench not found; configure with -DFEEDAGG_BENCH=ON and build target feedagg_parse_bench" >&2
  exit 1
fi

# Debian's python3 has feedparser; a python3 earlier on PATH (pyenv, venv) may not.
/usr/bin/python3 "$root/scripts/generate-bench-corpus.py" "$corpus" --megabytes "${CORPUS_MB:-56}"

mkdir -p "$peers"
# Debian installs gofeed's sources under /usr/share/gocode: GOPATH mode builds it with no network.
(cd "$root/bench/peers/gofeed" &&
  GOPATH=/usr/share/gocode GO111MODULE=off GOFLAGS='' GOPROXY=off GOCACHE="$peers/go-cache" \
    go build -o "$peers/gofeed-bench" .)

all_files=("$corpus"/*)
xml_files=("$corpus"/*.xml)
# feedparser 6.0 reads no JSON Feed; it gets every fifth XML file, so every format but JSON is in.
feedparser_files=()
for i in "${!xml_files[@]}"; do
  ((i % 5 == 0)) && feedparser_files+=("${xml_files[$i]}")
done
# Files under 200 KB: the peak-memory run that shows the bound follows the largest file.
small_files=()
while IFS= read -r file; do small_files+=("$file"); done < <(find "$corpus" -type f -name '[0-9]*' -size -200k | sort)

results=$(mktemp)
trap 'rm -f "$results"' EXIT
run() {  # run LABEL COMMAND...: keeps the reader's key=value line under LABEL
  local line
  line=$("${@:2}")
  echo "$1 $line" | tee -a "$results" >&2
}

echo "run-bench: $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
run feedagg-all "$bench" --passes "$passes" "${all_files[@]}"
run gofeed-all "$peers/gofeed-bench" -passes "$passes" "${all_files[@]}"
run feedagg-xml "$bench" --passes "$passes" "${xml_files[@]}"
run pugixml-xml "$bench" --reader pugixml --passes "$passes" "${xml_files[@]}"
run feedagg-subset "$bench" --passes "$passes" "${feedparser_files[@]}"
run feedparser-subset /usr/bin/python3 "$root/bench/peers/feedparser_bench.py" \
  --budget-seconds "${FEEDPARSER_BUDGET:-40}" "${feedparser_files[@]}"
run memory-small "$bench" --one-at-a-time "${small_files[@]}"
run memory-corpus "$bench" --one-at-a-time "${all_files[@]}"
run memory-doubled "$bench" --one-at-a-time --repeat 2 "${all_files[@]}"
run memory-quadrupled "$bench" --one-at-a-time --repeat 4 "${all_files[@]}"

awk '
  function field(key,   i) { for (i = 2; i <= NF; i++) if (index($i, key "=") == 1) return substr($i, length(key) + 2); return "" }
  { label = $1; wall[label] = field("mb_per_s"); cpu[label] = field("cpu_mb_per_s")
    files[label] = field("files"); bytes[label] = field("bytes"); eps[label] = field("entries_per_s")
    rss[label] = field("max_rss_kb"); largest[label] = field("largest_file"); reader[label] = field("reader") }
  function row(label) {
    printf "%-18s %-20s %6d %8.1f %12.2f %12.2f %12d\n", label, reader[label], files[label], bytes[label] / 1e6,
      wall[label], cpu[label], eps[label]
  }
  function ratio(name, a, b) {
    if (wall[b] > 0 && cpu[b] > 0)
      printf "%-34s %8.2fx %10.2fx\n", name, wall[a] / wall[b], cpu[a] / cpu[b]
  }
  function memory(label) {
    printf "%-18s %10.1f MB read  largest file %5.2f MB  max RSS %6.1f MB\n", label, bytes[label] / 1e6,
      largest[label] / 1e6, rss[label] / 1024
  }
  END {
    printf "\n%-18s %-20s %6s %8s %12s %12s %12s\n", "run", "reader", "files", "MB", "MB/s wall", "MB/s cpu", "entries/s"
    split("feedagg-all gofeed-all feedagg-xml pugixml-xml feedagg-subset feedparser-subset", order, " ")
    for (i = 1; i <= 6; i++) row(order[i])
    printf "\n%-34s %9s %11s\n", "ratio (same files, same run)", "wall", "cpu"
    ratio("feedagg / gofeed      (target 10x)", "feedagg-all", "gofeed-all")
    ratio("feedagg / pugixml-walk (target 0.3x)", "feedagg-xml", "pugixml-xml")
    ratio("feedagg / feedparser", "feedagg-subset", "feedparser-subset")
    printf "\npeak memory, feedagg reading one file at a time\n"
    memory("memory-small"); memory("memory-corpus"); memory("memory-doubled"); memory("memory-quadrupled")
  }' "$results"

rounds=${ROUNDS:-0}
((rounds > 0)) || exit 0
cpu_of() { "$@" | grep -o 'cpu_mb_per_s=[0-9.]*' | cut -d= -f2; }
echo >&2
printf '%-6s %10s %10s %8s %10s %10s %8s\n' round feedagg-xml walk ratio feedagg-all gofeed ratio
for ((round = 1; round <= rounds; round++)); do
  xml=$(cpu_of "$bench" --passes 3 "${xml_files[@]}")
  walk=$(cpu_of "$bench" --reader pugixml --passes 7 "${xml_files[@]}")
  all=$(cpu_of "$bench" --passes 1 "${all_files[@]}")
  go=$(cpu_of "$peers/gofeed-bench" -passes 1 "${all_files[@]}")
  echo "$round $xml $walk $all $go"
done | awk '
  function median(values, count,   sorted, i, j, t) {
    for (i = 1; i <= count; i++) sorted[i] = values[i]
    for (i = 2; i <= count; i++) for (j = i; j > 1 && sorted[j - 1] > sorted[j]; j--) { t = sorted[j]; sorted[j] = sorted[j - 1]; sorted[j - 1] = t }
    return count % 2 ? sorted[(count + 1) / 2] : (sorted[count / 2] + sorted[count / 2 + 1]) / 2
  }
  { n++; xml[n] = $2; walk[n] = $3; walk_ratio[n] = $2 / $3; all[n] = $4; go[n] = $5; go_ratio[n] = $4 / $5
    printf "%-6d %10.1f %10.1f %7.3fx %10.1f %10.1f %7.2fx\n", $1, $2, $3, walk_ratio[n], $4, $5, go_ratio[n] }
  END {
    printf "%-6s %10.1f %10.1f %7.3fx %10.1f %10.1f %7.2fx\n", "median", median(xml, n), median(walk, n),
      median(walk_ratio, n), median(all, n), median(go, n), median(go_ratio, n)
  }'
