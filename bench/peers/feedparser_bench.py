#!/usr/bin/python3
"""Times Debian's python3-feedparser (the reference reader) over feed files loaded into memory first.

Usage: feedparser_bench.py [--passes N] [--budget-seconds S] FILE...

Prints one key=value line in the format bench/feedagg_parse_bench prints. feedparser is slow, so
--budget-seconds stops a pass early once it has spent that long; the line then says how many files
and bytes were read, and MB/s is over those only. Run it with /usr/bin/python3: the python3 on PATH
may be another interpreter without feedparser.
"""

import argparse
import sys
import time

import feedparser


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=1)
    parser.add_argument("--budget-seconds", type=float, default=0.0, help="0: no budget")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    documents = []
    for path in args.files:
        with open(path, "rb") as feed_file:
            documents.append(feed_file.read())

    passes = []  # (wall seconds, cpu seconds, files, bytes, entries, failures), one per pass
    for _ in range(args.passes):
        files = size = entries = failures = 0
        wall_start, cpu_start = time.perf_counter(), time.process_time()
        for data in documents:
            parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
            files += 1
            size += len(data)
            entries += len(parsed.entries)
            failures += 1 if parsed.bozo and not parsed.entries else 0
            if args.budget_seconds and time.perf_counter() - wall_start >= args.budget_seconds:
                break
        passes.append((time.perf_counter() - wall_start, time.process_time() - cpu_start, files, size, entries,
                       failures))

    # With a budget, passes may cover different files: take the median pass by throughput.
    passes.sort(key=lambda run: run[3] / run[0])
    wall, cpu, files, size, entries, failures = passes[len(passes) // 2]
    print(f"reader=feedparser-{feedparser.__version__} files={files} bytes={size} entries={entries} "
          f"failures={failures} passes={args.passes} seconds={wall:.3f} cpu_seconds={cpu:.3f} "
          f"mb_per_s={size / 1e6 / wall:.2f} cpu_mb_per_s={size / 1e6 / cpu:.2f} entries_per_s={entries / wall:.0f}")


if __name__ == "__main__":
    sys.exit(main())
