package generator

import (
	"errors"
	"slices"
	"testing"
)

func TestPosStringDegradesToWhatIsKnown(t *testing.T) {
	tests := []struct {
		pos  Pos
		want string
	}{
		{Pos{File: "content/roles/cpo.md", Line: 7, Col: 14}, "content/roles/cpo.md:7:14"},
		{Pos{File: "content/roles/cpo.md", Line: 7}, "content/roles/cpo.md:7"},
		{Pos{File: "content/roles/cpo.md"}, "content/roles/cpo.md"},
		{Pos{File: "content/roles/cpo.md", Col: 3}, "content/roles/cpo.md"}, // a column without a line means nothing
		{Pos{}, ""},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.pos, got, tt.want)
		}
	}
}

func TestPosIsValidNeedsAFile(t *testing.T) {
	tests := []struct {
		pos  Pos
		want bool
	}{
		{Pos{File: "site.toml"}, true},
		{Pos{File: "site.toml", Line: 3, Col: 1}, true},
		{Pos{Line: 3, Col: 1}, false},
		{Pos{}, false},
	}
	for _, tt := range tests {
		if got := tt.pos.IsValid(); got != tt.want {
			t.Errorf("%#v.IsValid(): got %v, want %v", tt.pos, got, tt.want)
		}
	}
}

func TestPosBeforeOrdersByFileLineColumn(t *testing.T) {
	tests := []struct {
		a, b Pos
		want bool
	}{
		{Pos{"a.md", 9, 9}, Pos{"b.md", 1, 1}, true},
		{Pos{"b.md", 1, 1}, Pos{"a.md", 9, 9}, false},
		{Pos{"a.md", 2, 9}, Pos{"a.md", 10, 1}, true}, // lines compare as numbers, not text
		{Pos{"a.md", 3, 2}, Pos{"a.md", 3, 10}, true},
		{Pos{"a.md", 3, 10}, Pos{"a.md", 3, 2}, false},
		{Pos{"a.md", 3, 2}, Pos{"a.md", 3, 2}, false},
	}
	for _, tt := range tests {
		if got := tt.a.Before(tt.b); got != tt.want {
			t.Errorf("%v.Before(%v): got %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestDiagnosticErrorFormat(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Pos{"content/roles/cpo.md", 7, 14}, Error, `unknown relation "moderate"`},
			`content/roles/cpo.md:7:14: unknown relation "moderate"`},
		{Diagnostic{Pos{"content/roles/cpo.md", 2, 1}, Warning, `unknown front-matter key "titel" is ignored`},
			`content/roles/cpo.md:2:1: warning: unknown front-matter key "titel" is ignored`},
		{Diagnostic{Pos{File: "site.toml"}, Error, "boom"}, "site.toml: boom"},
		{Diagnostic{Pos{}, Error, "no file at all"}, "no file at all"},
		{Diagnostic{Pos{}, Warning, "no file at all"}, "warning: no file at all"},
	}
	for _, tt := range tests {
		if got := tt.d.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestSeverityNamesAndJSON(t *testing.T) {
	for s, want := range map[Severity]string{Error: "error", Warning: "warning"} {
		if got := s.String(); got != want {
			t.Errorf("String: got %q, want %q", got, want)
		}
		b, err := s.MarshalText()
		if err != nil || string(b) != want {
			t.Errorf("MarshalText: got %q, %v, want %q, nil", b, err, want)
		}
	}
}

func TestSeverityReadsItsName(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Severity
		ok   bool
	}{{"error", Error, true}, {"warning", Warning, true}, {"Warning", Error, false}, {"", Error, false}} {
		var s Severity
		err := s.UnmarshalText([]byte(tt.in))
		if (err == nil) != tt.ok || (tt.ok && s != tt.want) {
			t.Errorf("UnmarshalText(%q): got %v, %v, want %v, ok %v", tt.in, s, err, tt.want, tt.ok)
		}
	}
}

func TestDiagnosticsSortOrdersByPositionSeverityMessageAndDedupes(t *testing.T) {
	var ds Diagnostics
	ds.Warnf(Pos{"b.md", 1, 1}, "w")
	ds.Errorf(Pos{"a.md", 10, 1}, "late line")
	ds.Errorf(Pos{"a.md", 2, 5}, "zeta")
	ds.Warnf(Pos{"a.md", 2, 5}, "alpha warning")
	ds.Errorf(Pos{"a.md", 2, 5}, "alpha")
	ds.Errorf(Pos{"a.md", 2, 5}, "zeta") // exact duplicate
	ds.Errorf(Pos{"a.md", 2, 1}, "earlier column")
	ds.Errorf(Pos{}, "no position")
	ds.Errorf(Pos{File: "a.md"}, "whole file")

	got := messages(ds.Sort())
	want := []string{
		"no position",
		"whole file",
		"earlier column",
		"alpha",
		"zeta",
		"alpha warning", // same position: errors first, then warnings
		"late line",
		"w",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDiagnosticsSortKeepsSameMessageOfDifferentSeverity(t *testing.T) {
	var ds Diagnostics
	ds.Warnf(Pos{"a.md", 1, 1}, "same")
	ds.Errorf(Pos{"a.md", 1, 1}, "same")
	ds.Errorf(Pos{"a.md", 1, 1}, "same")
	got := ds.Sort()
	if len(got) != 2 || got[0].Severity != Error || got[1].Severity != Warning {
		t.Errorf("got %v, want one error then one warning", got)
	}
}

func TestDiagnosticsSortOfNothingIsNothing(t *testing.T) {
	var ds Diagnostics
	if got := ds.Sort(); len(got) != 0 {
		t.Errorf("got %v, want nothing", got)
	}
	if err := ds.Sort().Err(); err != nil {
		t.Errorf("got %v, want nil", err)
	}
}

func TestErrIsNilWithOnlyWarnings(t *testing.T) {
	var ds Diagnostics
	ds.Warnf(Pos{"a.md", 1, 1}, "just a warning")
	ds.Warnf(Pos{"b.md", 1, 1}, "another")
	if err := ds.Err(); err != nil {
		t.Errorf("got %v, want nil", err)
	}
	if ds.HasErrors() {
		t.Errorf("HasErrors: got true, want false")
	}
	if got := ds.Count(Warning); got != 2 {
		t.Errorf("Count(Warning): got %d, want 2", got)
	}
}

func TestErrListsEveryDiagnosticWhenOneIsAnError(t *testing.T) {
	var ds Diagnostics
	ds.Warnf(Pos{"a.md", 1, 1}, "a warning")
	ds.Errorf(Pos{"b.md", 2, 3}, "an error %d", 42)
	err := ds.Err()
	if err == nil {
		t.Fatal("got nil, want an error")
	}
	want := "a.md:1:1: warning: a warning\nb.md:2:3: an error 42"
	if got := err.Error(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	var back Diagnostics
	if !errors.As(err, &back) || len(back) != 2 {
		t.Errorf("errors.As: got %v, want the two diagnostics", back)
	}
	if got := ds.Count(Error); got != 1 {
		t.Errorf("Count(Error): got %d, want 1", got)
	}
}

func TestAppendKeepsOrder(t *testing.T) {
	var a, b Diagnostics
	a.Errorf(Pos{File: "z"}, "first")
	b.Errorf(Pos{File: "a"}, "second")
	b.Warnf(Pos{File: "a"}, "third")
	a.Append(b)
	if got, want := messages(a), []string{"first", "second", "third"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func messages(ds Diagnostics) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Message
	}
	return out
}

// TestPosStringEscapesControlCharacters: a file name holding an escape
// sequence reaches the terminal as text, not as the sequence.
func TestPosStringEscapesControlCharacters(t *testing.T) {
	tests := []struct {
		pos  Pos
		want string
	}{
		{Pos{File: "content/roles/café.md", Line: 2, Col: 3}, "content/roles/café.md:2:3"},
		{Pos{File: "content/roles/a\x1b[31mred.md", Line: 1}, `content/roles/a\x1b[31mred.md:1`},
		{Pos{File: "content/roles/a\tb.md"}, `content/roles/a\tb.md`},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestDiagnosticEscapesControlCharactersButLineBreaks(t *testing.T) {
	d := Diagnostic{Pos: Pos{File: "content/a.md", Line: 2, Col: 3}, Severity: Error,
		Message: "the alias \"x\x1b[31my\" of content/a.md\n\tsecond line\r"}
	want := "content/a.md:2:3: the alias \"x\\x1b[31my\" of content/a.md\n\tsecond line\\r"
	if got := d.Error(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
