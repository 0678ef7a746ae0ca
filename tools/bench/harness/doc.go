// Package harness is what the benchmark commands of tools/bench share:
// their main function and flag conventions (Main, Flags, Parse, and the
// -root checkouts of RootsFlag), the site package's BenchmarkBuild run
// in a checkout (BenchmarkBuild), child
// processes measured by wall time and peak resident set size (Run), the
// benchmark corpus written in a child process (WriteCorpus), the Hugo
// binary measured against (FindHugo: Hugo 0.165 or later, built from
// source into a cache when PATH has none), statistics (Median,
// Percentile) and report tables with ratios (Table, Ratio).
package harness
