// Command gofeed-bench times gofeed's universal parser over the files named on the command line,
// loaded into memory first, and prints one line in the format bench/feedagg_parse_bench prints.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"sort"
	"syscall"
	"time"

	"github.com/mmcdole/gofeed"
)

func main() {
	passes := flag.Int("passes", 3, "timed passes over all files; the median is reported")
	flag.Parse()

	var documents [][]byte
	var total int64
	for _, path := range flag.Args() {
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gofeed-bench:", err)
			os.Exit(1)
		}
		documents = append(documents, data)
		total += int64(len(data))
	}
	if len(documents) == 0 {
		fmt.Fprintln(os.Stderr, "usage: gofeed-bench [-passes N] FILE...")
		os.Exit(2)
	}

	var seconds, cpu []float64
	entries, failures := 0, 0
	for pass := 0; pass < *passes; pass++ {
		entries, failures = 0, 0
		cpuStart := cpuSeconds()
		start := time.Now()
		for _, data := range documents {
			// A new parser per document, as a fetcher handling one response would use.
			feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
			if err != nil {
				failures++
				continue
			}
			entries += len(feed.Items)
		}
		seconds = append(seconds, time.Since(start).Seconds())
		cpu = append(cpu, cpuSeconds()-cpuStart)
	}
	median, cpuMedian := medianOf(seconds), medianOf(cpu)
	fmt.Printf("reader=gofeed files=%d bytes=%d entries=%d failures=%d passes=%d seconds=%.3f cpu_seconds=%.3f "+
		"mb_per_s=%.2f cpu_mb_per_s=%.2f entries_per_s=%.0f\n",
		len(documents), total, entries, failures, *passes, median, cpuMedian,
		float64(total)/1e6/median, float64(total)/1e6/cpuMedian, float64(entries)/median)
}

// cpuSeconds is the process's user+system time, garbage collector threads included: the work
// gofeed makes the machine do, which moves less than wall time on a shared machine.
func cpuSeconds() float64 {
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err != nil {
		return 0
	}
	return float64(usage.Utime.Nano()+usage.Stime.Nano()) / 1e9
}

func medianOf(values []float64) float64 {
	sorted := append([]float64(nil), values...)
	sort.Float64s(sorted)
	return sorted[len(sorted)/2]
}
