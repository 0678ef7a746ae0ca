// Package procstat reads what the operating system measured of a finished
// child process, for the benchmark commands.
package procstat
