package harness

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// Table is a report table, printed as text or as Markdown.
type Table struct {
	Title string
	Head  []string
	Rows  [][]string
	Right []bool // columns aligned right
}

// Add appends a row.
func (t *Table) Add(cells ...string) { t.Rows = append(t.Rows, cells) }

// Text prints the table with its title, columns padded with spaces.
func (t *Table) Text(w io.Writer) {
	if t.Title != "" {
		fmt.Fprintf(w, "%s\n\n", t.Title)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	line := func(cells []string) { fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t") }
	line(t.Head)
	rule := make([]string, len(t.Head))
	for i, h := range t.Head {
		rule[i] = strings.Repeat("-", len([]rune(h)))
	}
	line(rule)
	for _, r := range t.Rows {
		line(r)
	}
	tw.Flush()
	fmt.Fprintln(w)
}

// Markdown prints the table as a GitHub Markdown table under a level-3
// heading of its title.
func (t *Table) Markdown(w io.Writer) {
	if t.Title != "" {
		fmt.Fprintf(w, "### %s\n\n", t.Title)
	}
	esc := func(cells []string) string {
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = strings.ReplaceAll(c, "|", `\|`)
		}
		return "| " + strings.Join(out, " | ") + " |"
	}
	fmt.Fprintln(w, esc(t.Head))
	rule := make([]string, len(t.Head))
	for i := range rule {
		rule[i] = "---"
		if i < len(t.Right) && t.Right[i] {
			rule[i] = "---:"
		}
	}
	fmt.Fprintln(w, "|"+strings.Join(rule, "|")+"|")
	for _, r := range t.Rows {
		fmt.Fprintln(w, esc(r))
	}
	fmt.Fprintln(w)
}

// Ratio is a÷b with two decimals, three below 0.1 (0.014), or "–" when
// either is not positive.
func Ratio(a, b float64) string {
	switch q := a / b; {
	case a <= 0 || b <= 0:
		return "–"
	case q < 0.1:
		return fmt.Sprintf("%.3f", q)
	default:
		return fmt.Sprintf("%.2f", q)
	}
}

// MiB is a byte count in mebibytes.
func MiB(bytes int64) float64 { return float64(bytes) / (1 << 20) }

// KiB is a byte count in kibibytes.
func KiB(bytes int64) float64 { return float64(bytes) / (1 << 10) }

// Ms writes a duration in milliseconds below a second, with a decimal
// below 100 ms, and in seconds with two decimals from a second; "–" for
// none.
func Ms(d time.Duration) string {
	switch {
	case d <= 0:
		return "–"
	case d < 100*time.Millisecond:
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	case d < time.Second:
		return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}
