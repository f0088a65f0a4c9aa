#!/usr/bin/env bash
# The daemon benchmark of issue 3, everything on 127.0.0.1 (docs/benchmarks.md, section "Daemon"):
#   (a) one poll cycle of SIZES sources served by nginx: `feedagg run --once` beside `newsboat -x reload`
#       at the same concurrency, first with empty stores (cold), then again until every upstream answers
#       304 (feedagg's second run, newsboat's third); wall time, CPU time and peak RSS of each, what nginx
#       answered, and the items each stored. Story matching is off in those feedagg runs (Newsboat does
#       none); one more cold run with it on, on a store of its own, is reported as feedagg+stories.
#   (b) wrk against the merged 50-entry feed served by `feedagg run`, beside nginx serving the same bytes
#       as a static file: requests/s for 200 and, with If-None-Match, for 304.
#
# Usage: scripts/run-daemon-bench.sh BUILD_DIR   (a Release build of target feedagg)
# Environment:
#   SIZES         source counts, default "1000 10000"
#   CONCURRENCY   requests in flight: feedagg's concurrency and per_host_concurrency (every source is on
#                 one host), newsboat's reload-threads; default 16
#   NEWSBOAT_CAP  seconds a newsboat run may take before it is stopped, default 480
#   NEWSBOAT_AFTER_CAP  "run": still run newsboat's warm and 304 cycles after its cold one hit the cap
#                 (default "skip"; with "run" the defaults take about 30 minutes)
#   WRK_ARGS      default "-t2 -c64 -d10s";  WRK_PASSES  default 3 (the median is reported)
#   UPSTREAM_PORT, STATIC_PORT, FEEDAGG_PORT   default 18080, 18081, 18082
#   WORK_DIR      default a new directory under /tmp, removed at the end unless KEEP=1
#   SKIP_INSTALL  1: do not apt-get install the peers
# Takes about 15 minutes with the defaults, most of it newsboat's (at 10,000 feeds it hits the cap).
set -euo pipefail

build_dir=${1:?usage: scripts/run-daemon-bench.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
feedagg=$(realpath "$build_dir/daemon/feedagg" 2>/dev/null || true)
[[ -x $feedagg ]] || feedagg=$(realpath "$build_dir/feedagg" 2>/dev/null || true)
if [[ ! -x $feedagg ]]; then
  echo "run-daemon-bench: no feedagg binary in $build_dir; build it with --target feedagg" >&2
  exit 1
fi
read -ra sizes <<<"${SIZES:-1000 10000}"
concurrency=${CONCURRENCY:-16}
newsboat_cap=${NEWSBOAT_CAP:-480}
read -ra wrk_args <<<"${WRK_ARGS:--t2 -c64 -d10s}"
wrk_passes=${WRK_PASSES:-3}
upstream_port=${UPSTREAM_PORT:-18080}
static_port=${STATIC_PORT:-18081}
feedagg_port=${FEEDAGG_PORT:-18082}
if ((concurrency > 64)); then
  echo "run-daemon-bench: feedagg's per_host_concurrency is at most 64; CONCURRENCY=$concurrency is too many" >&2
  exit 1
fi

# Debian packages of the peers and of the measuring tools.
install_peers() {
  local missing=()
  [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
  command -v newsboat >/dev/null || missing+=(newsboat)
  command -v wrk >/dev/null || missing+=(wrk)
  [[ -x /usr/bin/time ]] || missing+=(time)
  command -v sqlite3 >/dev/null || missing+=(sqlite3)
  command -v curl >/dev/null || missing+=(curl)
  ((${#missing[@]} == 0)) && return
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}
[[ ${SKIP_INSTALL:-} == 1 ]] || install_peers

for port in "$upstream_port" "$static_port" "$feedagg_port"; do
  if ss -Hltn "sport = :$port" | grep -q .; then
    echo "run-daemon-bench: port $port is in use; set UPSTREAM_PORT, STATIC_PORT or FEEDAGG_PORT" >&2
    exit 1
  fi
done

work=${WORK_DIR:-$(mktemp -d /tmp/feedagg-daemon-bench.XXXXXX)}
mkdir -p "$work/upstream" "$work/static" "$work/nginx-temp"
results=$work/results.txt
: >"$results"
nginx_pid=
feedagg_pid=
cleanup() {
  [[ -n $feedagg_pid ]] && kill "$feedagg_pid" 2>/dev/null && wait "$feedagg_pid" 2>/dev/null
  [[ -n $nginx_pid ]] && kill -QUIT "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  if [[ ${KEEP:-} == 1 ]]; then echo "run-daemon-bench: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

note() { echo "run-daemon-bench: $*" >&2; }

start_nginx() {  # WORKERS: nginx in the foreground of a background job, our own config and files only
  local user_line=
  ((EUID == 0)) && user_line="user root root;"  # workers must read $work, which is private to us
  sed -e "s|@WORK@|$work|g" -e "s|@WORKERS@|$1|" -e "s|@UPSTREAM_PORT@|$upstream_port|" \
    -e "s|@STATIC_PORT@|$static_port|" "$root/bench/daemon/nginx.conf.in" >"$work/nginx.conf"
  [[ -n $user_line ]] && sed -i "1i $user_line" "$work/nginx.conf"
  : >"$work/nginx-access.log"
  /usr/sbin/nginx -e "$work/nginx-error.log" -p "$work" -c "$work/nginx.conf" &
  nginx_pid=$!
  for _ in $(seq 50); do
    curl -fsS -o /dev/null "http://127.0.0.1:$upstream_port/feed-00000.xml" 2>/dev/null && return
    sleep 0.1
  done
  note "nginx did not start; see $work/nginx-error.log"
  exit 1
}

stop_nginx() {
  kill -QUIT "$nginx_pid"
  wait "$nginx_pid" || true
  nginx_pid=
}

write_feedagg_config() {  # DIR COUNT STORIES(true|false)
  local dir=$1 count=$2 stories=$3 i
  {
    cat <<EOF
[server]
listen = ["127.0.0.1:$feedagg_port"]

[store]
path = "$dir/feedagg.db"

[fetch]
concurrency = $concurrency
per_host_concurrency = $concurrency
allowed_networks = ["127.0.0.0/8"]

[log]
level = "info"

# Newsboat matches nothing across feeds, so the cycles compared with it run without story matching;
# one more cold cycle runs with it (feedagg+stories), to show what it costs.
[stories]
enabled = $stories
EOF
    for ((i = 0; i < count; i++)); do
      printf '\n[[source]]\nname = "s%05d"\nurl = "http://127.0.0.1:%d/feed-%05d.xml"\ninterval = "1d"\ntags = ["bench"]\n' \
        "$i" "$upstream_port" "$i"
    done
    printf '\n[[channel]]\nname = "bench"\ntitle = "Benchmark"\ntags = ["bench"]\nmax_items = 50\n'
  } >"$dir/feedagg.toml"
}

write_newsboat_config() {  # DIR COUNT
  local dir=$1 count=$2 i
  mkdir -p "$dir/home"
  for ((i = 0; i < count; i++)); do printf 'http://127.0.0.1:%d/feed-%05d.xml\n' "$upstream_port" "$i"; done >"$dir/urls"
  printf 'reload-threads %d\n' "$concurrency" >"$dir/config"
}

newsboat_command() {  # DIR: sets newsboat_cmd: its own home, config, urls and cache, nothing of the user's
  newsboat_cmd=(env HOME="$1/home" XDG_CONFIG_HOME="$1/home/.config" XDG_DATA_HOME="$1/home/.local/share"
    newsboat -u "$1/urls" -C "$1/config" -c "$1/cache.db" -x reload)
}

# measure LABEL CAP STORE_QUERY STORE COMMAND...: runs COMMAND for at most CAP seconds and records its
# wall and CPU time, peak RSS (GNU time: the largest of the process tree), the statuses nginx answered
# meanwhile, and the items its store holds afterwards.
measure() {
  local label=$1 cap=$2 query=$3 store=$4 rc=0 before wall rss user sys counts items
  shift 4
  before=$(wc -l <"$work/nginx-access.log")
  /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" timeout "$cap" "$@" >"$work/$label.log" 2>&1 || rc=$?
  read -r wall rss user sys < <(tail -n 1 "$work/time.txt")
  counts=$(tail -n +"$((before + 1))" "$work/nginx-access.log" |
    awk '{ n[$1]++ } END { printf "s200=%d s304=%d sother=%d", n["200"], n["304"], NR - n["200"] - n["304"] }')
  items=$(sqlite3 "$store" "$query" 2>/dev/null || echo 0)
  echo "$label wall=$wall rss_kb=$rss cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') rc=$rc $counts items=$items" |
    tee -a "$results" >&2
}

cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
note "$(nproc) cpus, $cpu_model, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
note "feedagg $("$feedagg" --version 2>/dev/null || echo '?'); $(newsboat --version | head -n 1); $(/usr/sbin/nginx -v 2>&1)"

largest=0
for size in "${sizes[@]}"; do ((size > largest)) && largest=$size; done
/usr/bin/python3 "$root/bench/daemon/generate_feeds.py" "$work/upstream" --count "$largest"
cat "$work"/upstream/* >/dev/null  # in the page cache before anyone is timed

# (a) poll cycles. Each size has fresh stores; the 304 cycle reruns on the stores the cold one filled.
start_nginx auto
for size in "${sizes[@]}"; do
  fdir=$work/feedagg-$size
  ndir=$work/newsboat-$size
  mkdir -p "$fdir" "$ndir"
  sdir=$work/feedagg-stories-$size
  mkdir -p "$sdir"
  write_feedagg_config "$fdir" "$size" false
  write_feedagg_config "$sdir" "$size" true
  write_newsboat_config "$ndir" "$size"
  newsboat_command "$ndir"
  feedagg_cmd=("$feedagg" run --once --config "$fdir/feedagg.toml")
  fquery="select count(*) from items"
  nquery="select count(*) from rss_item"
  measure "feedagg-cold-$size" 1200 "$fquery" "$fdir/feedagg.db" "${feedagg_cmd[@]}"
  measure "feedagg+stories-cold-$size" 1200 "$fquery" "$sdir/feedagg.db" "$feedagg" run --once --config "$sdir/feedagg.toml"
  measure "newsboat-cold-$size" "$newsboat_cap" "$nquery" "$ndir/cache.db" "${newsboat_cmd[@]}"
  # Newsboat 2.21 stores a new feed's ETag and Last-Modified only when it fetches it a second time (its
  # first fetch updates a feed row it has not written yet), so its second run still gets 200s: that
  # run is recorded as "warm", and its third is the 304 cycle.
  # A cold run stopped at the cap leaves feeds it never fetched, and Newsboat's next runs spend the cap
  # loading its cache before fetching anything (seen at 10,000 feeds): unless NEWSBOAT_AFTER_CAP=run,
  # they are skipped, which saves twice the cap.
  newsboat_capped=$(grep -c "^newsboat-cold-$size .* rc=124 " "$results" || true)
  if ((newsboat_capped == 0)) || [[ ${NEWSBOAT_AFTER_CAP:-skip} == run ]]; then
    measure "newsboat-warm-$size" "$newsboat_cap" "$nquery" "$ndir/cache.db" "${newsboat_cmd[@]}"
  else
    note "newsboat's cold run at $size sources hit the cap: its warm and 304 runs are skipped"
  fi
  measure "feedagg-304-$size" 1200 "$fquery" "$fdir/feedagg.db" "${feedagg_cmd[@]}"
  if ((newsboat_capped == 0)) || [[ ${NEWSBOAT_AFTER_CAP:-skip} == run ]]; then
    measure "newsboat-304-$size" "$newsboat_cap" "$nquery" "$ndir/cache.db" "${newsboat_cmd[@]}"
  fi
done
stop_nginx

# (b) serving. feedagg serves the store of the largest cycle; its sources' next polls are a day away,
# so it polls nothing while wrk runs (checked below from its log).
"$feedagg" run --config "$work/feedagg-$largest/feedagg.toml" >"$work/feedagg-serve.log" 2>&1 &
feedagg_pid=$!
feed_url=http://127.0.0.1:$feedagg_port/feeds/bench.atom
static_url=http://127.0.0.1:$static_port/bench.atom
for _ in $(seq 600); do
  if curl -fsS -o "$work/static/bench.atom" "$feed_url" 2>/dev/null && grep -q '<entry' "$work/static/bench.atom"; then break; fi
  sleep 0.2
done
entries=$(grep -o '<entry' "$work/static/bench.atom" | wc -l)
note "merged feed: $entries entries, $(stat -c %s "$work/static/bench.atom") bytes"

etag_of() { curl -fsSI "$1" | tr -d '\r' | awk 'tolower($1) == "etag:" { $1 = ""; sub(/^ /, ""); print }'; }
status_of() { curl -s -o /dev/null -w '%{http_code}' "${@:2}" "$1"; }

wrk_run() {  # LABEL URL [HEADER]
  local out
  out=$(wrk "${wrk_args[@]}" ${3:+-H "$3"} "$2")
  awk -v label="$1" '
    /^Requests\/sec:/ { rps = $2 }
    /^    Latency/ { latency = $2 }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    /Socket errors:/ { errors = $0; sub(/.*Socket errors: */, "", errors); gsub(/ /, "", errors) }
    END { printf "%s rps=%s latency=%s non2xx3xx=%d socket_errors=%s\n", label, rps, latency, bad, errors == "" ? "none" : errors }' \
    <<<"$out" | tee -a "$results" >&2
}

serve_round() {  # NGINX_LABEL FEEDAGG_LABEL: one pass of four wrk runs, each feedagg run right after nginx's
  wrk_run "$1-200" "$static_url"
  wrk_run "$2-200" "$feed_url"
  wrk_run "$1-304" "$static_url" "If-None-Match: $nginx_etag"
  wrk_run "$2-304" "$feed_url" "If-None-Match: $feedagg_etag"
}

polls_before=$(grep -c 'source=' "$work/feedagg-serve.log" || true)
for workers in auto 1; do
  start_nginx "$workers"
  label=nginx feedagg_label=feedagg
  [[ $workers == 1 ]] && label=nginx1w feedagg_label=feedagg-vs1w
  nginx_etag=$(etag_of "$static_url")
  feedagg_etag=$(etag_of "$feed_url")
  cmp -s <(curl -fsS "$static_url") <(curl -fsS "$feed_url") || note "warning: nginx and feedagg serve different bytes"
  note "$label: 200 with no validator: nginx $(status_of "$static_url"), feedagg $(status_of "$feed_url");" \
    "304 with If-None-Match: nginx $(status_of "$static_url" -H "If-None-Match: $nginx_etag")," \
    "feedagg $(status_of "$feed_url" -H "If-None-Match: $feedagg_etag")"
  passes=$wrk_passes; [[ $workers == 1 ]] && passes=1
  for ((pass = 1; pass <= passes; pass++)); do serve_round "$label" "$feedagg_label"; done
  stop_nginx
done
polls_after=$(grep -c 'source=' "$work/feedagg-serve.log" || true)
echo "feedagg-serve polls_during_wrk=$((polls_after - polls_before)) vmhwm_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$feedagg_pid/status")" |
  tee -a "$results" >&2
kill "$feedagg_pid"
wait "$feedagg_pid" || true
feedagg_pid=

"$root/bench/daemon/summarize.sh" "$results" "${sizes[@]}"
