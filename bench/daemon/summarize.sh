#!/usr/bin/env bash
# Tables of scripts/run-daemon-bench.sh from its key=value result lines.
# Usage: bench/daemon/summarize.sh RESULTS_FILE SIZE...
set -euo pipefail

results=${1:?usage: summarize.sh RESULTS_FILE SIZE...}
shift

awk -v sizes="$*" '
  function field(key,   i) { for (i = 2; i <= NF; i++) if (index($i, key "=") == 1) return substr($i, length(key) + 2); return "" }
  # median(LABEL) of its requests/s; median(LABEL, BASE) of its ratios to BASE, pass by pass
  function median(label, base,   n, i, j, t, v) {
    n = count[label]
    for (i = 1; i <= n; i++) v[i] = base == "" ? rps[label, i] : rps[label, i] / rps[base, i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return n == 0 ? 0 : (n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2)
  }
  $1 ~ /^(feedagg|feedagg\+stories|newsboat)-(cold|warm|304)-/ {
    wall[$1] = field("wall"); rss[$1] = field("rss_kb"); cpu[$1] = field("cpu"); rc[$1] = field("rc")
    s200[$1] = field("s200"); s304[$1] = field("s304"); sother[$1] = field("sother"); items[$1] = field("items")
  }
  field("rps") != "" { count[$1]++; rps[$1, count[$1]] = field("rps") }
  $1 == "feedagg-serve" { serve = $0 }
  function row(reader, cycle, size,   label, capped) {
    label = reader "-" cycle "-" size
    if (!(label in wall)) return
    capped = rc[label] == 124 ? " (stopped at cap)" : (rc[label] != 0 ? " (exit " rc[label] ")" : "")
    printf "| %6d | %-4s | %-8s | %8.2f%s | %7.2f | %7.2f | %6.1f | %5d / %5d / %d | %7d |", size, cycle, reader,
      wall[label], capped, 1000 * wall[label] / size, cpu[label], rss[label] / 1024, s200[label], s304[label],
      sother[label], items[label]
    if (reader == "newsboat" && wall["feedagg-" cycle "-" size] > 0)
      printf " **%s%.1f×** |", rc[label] == 124 ? "≥ " : "", wall[label] / wall["feedagg-" cycle "-" size]
    else
      printf "  |"
    printf "\n"
  }
  END {
    n = split(sizes, size, " ")
    print "\n(a) one poll cycle"
    print "| sources | cycle | reader | wall s | ms/source | CPU s | peak RSS MB | nginx 200 / 304 / other | items stored | newsboat ÷ feedagg (wall) |"
    print "|---:|---|---|---:|---:|---:|---:|---|---:|---:|"
    split("cold warm 304", cycles, " ")
    for (i = 1; i <= n; i++) for (c = 1; c <= 3; c++) {
      row("feedagg", cycles[c], size[i]); row("feedagg+stories", cycles[c], size[i]); row("newsboat", cycles[c], size[i])
    }
    if (n > 1) {
      print "\nfeedagg cost per source, largest run ÷ smallest (1.00 = flat):"
      for (c = 1; c <= 2; c++) {
        cycle = c == 1 ? "cold" : "304"
        a = "feedagg-" cycle "-" size[1]; b = "feedagg-" cycle "-" size[n]
        if (wall[a] > 0 && cpu[a] > 0 && wall[b] > 0)
          printf "  %-4s wall %.2f  cpu %.2f\n", cycle, (wall[b] / size[n]) / (wall[a] / size[1]), (cpu[b] / size[n]) / (cpu[a] / size[1])
      }
    }
    print "\n(b) serving the merged feed: medians of the passes; each feedagg run is compared with the nginx run just before it"
    print "| status | nginx workers | nginx requests/s | feedagg requests/s | feedagg ÷ nginx | passes |"
    print "|---|---|---:|---:|---:|---:|"
    split("200 304", statuses, " ")
    for (s = 1; s <= 2; s++) {
      st = statuses[s]
      printf "| %s | 2 | %.0f | %.0f | **%.2f** | %d |\n", st, median("nginx-" st), median("feedagg-" st),
        median("feedagg-" st, "nginx-" st), count["feedagg-" st]
      if (count["nginx1w-" st])
        printf "| %s | 1 | %.0f | %.0f | %.2f | %d |\n", st, median("nginx1w-" st), median("feedagg-vs1w-" st),
          median("feedagg-vs1w-" st, "nginx1w-" st), count["feedagg-vs1w-" st]
    }
    if (serve != "") print "\n" serve
  }' "$results"
