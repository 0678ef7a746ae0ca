package generator

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Severity tells whether a diagnostic stops the build.
type Severity int

const (
	// Error diagnostics stop the build: nothing is written.
	Error Severity = iota
	// Warning diagnostics are reported; the build goes on.
	Warning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText makes a Severity encode as its name in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads "error" or "warning".
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "error":
		*s = Error
	case "warning":
		*s = Warning
	default:
		return fmt.Errorf("unknown severity %q (want error or warning)", b)
	}
	return nil
}

// Diagnostic is one problem found in the sources, with where it is.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Message  string
}

// Error formats the diagnostic as "file:line:col: message", with
// "warning: " before the message of a warning.
func (d Diagnostic) Error() string {
	msg := escapeControls(d.Message)
	if d.Severity == Warning {
		msg = "warning: " + msg
	}
	if !d.Pos.IsValid() {
		return msg
	}
	return d.Pos.String() + ": " + msg
}

// Diagnostics collects every problem of a build, like go/scanner.ErrorList.
type Diagnostics []Diagnostic

// Errorf adds an error at pos.
func (ds *Diagnostics) Errorf(pos Pos, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at pos.
func (ds *Diagnostics) Warnf(pos Pos, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Append adds all of other.
func (ds *Diagnostics) Append(other Diagnostics) { *ds = append(*ds, other...) }

// Sort orders the diagnostics by position, then severity, then message, and
// drops exact duplicates.
func (ds Diagnostics) Sort() Diagnostics {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		switch {
		case a.Pos.Before(b.Pos):
			return -1
		case b.Pos.Before(a.Pos):
			return 1
		case a.Severity != b.Severity:
			return int(a.Severity) - int(b.Severity)
		}
		return strings.Compare(a.Message, b.Message)
	})
	return slices.Compact(ds)
}

// Count returns the number of diagnostics of severity s.
func (ds Diagnostics) Count(s Severity) int {
	n := 0
	for _, d := range ds {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool { return ds.Count(Error) > 0 }

// Err returns nil when there is no error (warnings alone are no error), and
// otherwise the diagnostics as an error.
func (ds Diagnostics) Err() error {
	if !ds.HasErrors() {
		return nil
	}
	return ds
}

// Error lists every diagnostic on its own line.
func (ds Diagnostics) Error() string {
	var b strings.Builder
	for i, d := range ds {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}

// escapeControls writes the control characters of a message, other than
// line breaks and tabs, as Go escapes ("\x1b"): a message quotes file
// names and values from the sources, and an escape sequence among them
// must not reach a terminal as one.
func escapeControls(msg string) string {
	bad := func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }
	if !strings.ContainsFunc(msg, bad) {
		return msg
	}
	var b strings.Builder
	for _, r := range msg {
		if bad(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
