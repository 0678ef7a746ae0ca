package i18n

import (
	"html/template"
	"io/fs"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// theme is a default theme's strings and a site's theme that changes a few.
var (
	theme = fstest.MapFS{
		"i18n/en.toml": {Data: []byte(`
search = "Search"
search_site = "Search {site}"
months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
date = "{day} {month} {year}"
day_month = "{day} {month}"
[items]
one = "{n} item"
other = "{n} items"
`)},
		"i18n/de.toml": {Data: []byte(`
search = "Suchen"
search_site = "{site} durchsuchen"
months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
date = "{day}. {month} {year}"
day_month = "{day}. {month}"
[items]
one = "{n} Eintrag"
other = "{n} Einträge"
`)},
	}
	site = fstest.MapFS{
		"i18n/de.toml": {Data: []byte(`search = "Finden"`)},
	}
)

func TestLoadLaysLanguagesAndLayers(t *testing.T) {
	for _, c := range []struct {
		lang   string
		layers []fstest.MapFS
		key    string
		want   string
	}{
		{"en", []fstest.MapFS{theme}, "search", "Search"},
		{"de", []fstest.MapFS{theme}, "search", "Suchen"},
		{"de", []fstest.MapFS{theme, site}, "search", "Finden"},                  // the site's theme wins
		{"de", []fstest.MapFS{theme, site}, "search_site", "{site} durchsuchen"}, // the rest is the default theme's
		{"de-ch", []fstest.MapFS{theme}, "search", "Suchen"},                     // the primary tag's file
		{"DE", []fstest.MapFS{theme}, "search", "Suchen"},                        // codes in any case
		{"fr", []fstest.MapFS{theme}, "search", "Search"},                        // no file: English
		{"", []fstest.MapFS{theme}, "search", "Search"},
	} {
		s := load(t, c.lang, c.layers...)
		if got, err := s.T(c.key); err != nil || got != c.want {
			t.Errorf("%s %s: %q, %v; want %q", c.lang, c.key, got, err, c.want)
		}
	}
}

func load(t *testing.T, lang string, layers ...fstest.MapFS) *Strings {
	t.Helper()
	fss := make([]fs.FS, len(layers))
	for i, l := range layers {
		fss[i] = l
	}
	s, err := Load(lang, fss...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestValuesAndPlurals(t *testing.T) {
	de := load(t, "de", theme)
	if got, _ := de.T("search_site", "site", "Prozess-Wiki"); got != "Prozess-Wiki durchsuchen" {
		t.Errorf("T with a value: %q", got)
	}
	for n, want := range map[int]string{0: "0 Einträge", 1: "1 Eintrag", 2: "2 Einträge"} {
		if got, _ := de.N("items", n); got != want {
			t.Errorf("N(items, %d) = %q, want %q", n, got, want)
		}
	}
	if _, err := de.T("items"); err == nil || !strings.Contains(err.Error(), "plural") {
		t.Errorf("T of a plural: %v, want an error that says to use tn", err)
	}
	if _, err := de.T("nope"); err == nil || !strings.Contains(err.Error(), "i18n/de.toml or i18n/en.toml") {
		t.Errorf("T of a missing key: %v, want an error naming both files", err)
	}
	if _, err := de.T("search_site", "site"); err == nil {
		t.Error("T with a name but no value: no error")
	}
}

func TestHTMLEscapesTheValuesNotTheString(t *testing.T) {
	s := &Strings{Lang: "en", plain: map[string]string{"x": "<em>{v}</em>"}, plural: map[string]Plural{}}
	got, err := s.HTML("x", "v", `<script>"`)
	if err != nil || got != `<em>&lt;script&gt;&#34;</em>` {
		t.Errorf("HTML = %q, %v", got, err)
	}
	got, _ = s.HTML("x", "v", template.HTML("<b>b</b>"))
	if got != "<em><b>b</b></em>" {
		t.Errorf("HTML with an HTML value = %q", got)
	}
}

func TestDatesPerLanguage(t *testing.T) {
	day := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	other := time.Date(2026, 7, 6, 0, 0, 0, 0, time.UTC)
	nextYear := time.Date(2027, 1, 8, 0, 0, 0, 0, time.UTC)
	en, de := load(t, "en", theme), load(t, "de", theme)
	for _, c := range []struct{ got, want string }{
		{en.Date(day), "5 December 2026"},
		{de.Date(day), "5. Dezember 2026"},
		{de.Date(time.Time{}), ""},
		{en.DateRange(other, day), "6 July – 5 December 2026"},
		{de.DateRange(other, day), "6. Juli – 5. Dezember 2026"},
		{de.DateRange(day, nextYear), "5. Dezember 2026 – 8. Januar 2027"},
		{de.DateRange(time.Time{}, day), "– 5. Dezember 2026"},
		{(*Strings)(nil).DateOr(day), "5 December 2026"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}

func TestOrIsTheProgramsEnglishWhereTheThemeHasNone(t *testing.T) {
	de := load(t, "de", theme)
	var none *Strings
	for _, c := range []struct{ got, want string }{
		{de.Or("search", "Search"), "Suchen"},
		{de.Or("home", "Home"), "Home"},
		{none.Or("level_of", "{level} level", "level", "Team"), "Team level"},
		{de.OrN("items", 1, "{n} item", "{n} items"), "1 Eintrag"},
		{none.OrN("items", 3, "{n} item", "{n} items"), "3 items"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}

func TestBadFilesSayWhereAndWhat(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"a = \"x\"\nb = \n", "i18n/en.toml:2:"},
		{"a = 3\n", "a must be a string"},
		{"[p]\none = \"x\"\n", "[p] must have exactly the strings one and other"},
		{"[p]\none = \"x\"\nother = \"y\"\nfew = \"z\"\n", "[p] must have exactly"},
		{"m = [\"a\", 1]\n", "m must be a list of strings"},
	} {
		_, err := Load("en", fstest.MapFS{"i18n/en.toml": {Data: []byte(c.src)}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want an error with %q", c.src, err, c.want)
		}
	}
}

// FuzzLoad feeds any file to Load: it returns strings or an error, and
// what it returns answers T, N and Date without panicking.
func FuzzLoad(f *testing.F) {
	f.Add(string(theme["i18n/de.toml"].Data))
	f.Add("a = \"{x}\"\n[p]\none = \"{n}\"\nother = \"{n}s\"\nmonths = [\"a\"]\ndate = \"{month}{day}\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		s, err := Load("de", fstest.MapFS{"i18n/de.toml": {Data: []byte(src)}})
		if err != nil {
			return
		}
		for k := range s.plain {
			_, _ = s.T(k, "x", 1)
		}
		for k := range s.plural {
			_, _ = s.N(k, 1)
		}
		_ = s.Date(time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC))
	})
}

func TestNumberTakesTheLanguagesDecimalSeparator(t *testing.T) {
	de := &Strings{Lang: "de", plain: map[string]string{"decimal": ","}}
	en := &Strings{Lang: "en", plain: map[string]string{}}
	var none *Strings
	for _, c := range []struct{ got, want string }{
		{de.Number("1.63"), "1,63"}, {de.Number("21"), "21"}, {en.Number("1.63"), "1.63"}, {none.Number("0.5"), "0.5"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}

func TestInlineWritesOnlyPlainStringsIn(t *testing.T) {
	s := &Strings{Lang: "de", plain: map[string]string{"a": "Zum Inhalt springen", "q": `Sag "hallo"`, "ap": "Owner's", "v": "Suchen in {site}"}}
	src := []byte(`<a>{{t "a"}}</a><b title="{{t "q"}}">{{t "ap"}}</b>{{t "v" "site" .X}}{{t "v"}}{{t "missing"}}{{ t "a" }}{{term "x" (print (t "a"))}}{{term "x" (print (t "q"))}}{{term "x" (t "a")}}` +
		`<i title="{{t "v" "site" (t "a")}}">{{t "v" "site" (t "q")}}{{t "v" "site" (t "missing")}}{{t "missing" "site" (t "a")}}{{t "v" "other" (t "a")}}</i>`)
	want := `<a>Zum Inhalt springen</a><b title="{{t "q"}}">{{t "ap"}}</b>{{t "v" "site" .X}}{{t "v"}}{{t "missing"}}{{ t "a" }}{{term "x" "Zum Inhalt springen"}}{{term "x" (print (t "q"))}}{{term "x" (t "a")}}` +
		`<i title="Suchen in Zum Inhalt springen">{{t "v" "site" (t "q")}}{{t "v" "site" (t "missing")}}{{t "missing" "site" (t "a")}}{{t "v" "other" (t "a")}}</i>`
	if got := string(s.Inline(src)); got != want {
		t.Errorf("Inline:\n%s\nwant\n%s", got, want)
	}
}

func TestDateAsWritesEveryPart(t *testing.T) {
	de := load(t, "de", theme)
	de.plain["months_short"] = strings.Join([]string{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."}, "\x00")
	de.plain["weekdays"] = strings.Join([]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"}, "\x00")
	de.plain["long"] = "{weekday}, {day}. {month} {year}"
	day := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ got, want string }{
		{de.DateAs("long", "", day), "Samstag, 5. Dezember 2026"},
		{de.DateAs("none", "{mon} {year}", day), "Dez. 2026"},
		{(*Strings)(nil).DateAs("long", "{weekday} {day} {month} {year}", day), "Saturday 5 December 2026"},
		{(*Strings)(nil).DateAs("x", "{mon}", day), "Dec"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}

// FuzzFillReplacesAsAReplacer: fill gives what a strings.Replacer of its
// {name} and value pairs gives.
func FuzzFillReplacesAsAReplacer(f *testing.F) {
	f.Add("{status} from {date}", "status", "date", "done")
	f.Add("{{n}} {n}{", "n", "n", "3")
	f.Add("no braces", "a", "b", "c")
	f.Add("{a}{b}{a}", "a", "b", "{b}")
	f.Fuzz(func(t *testing.T, v, name1, name2, value string) {
		if strings.ContainsAny(name1+name2, "{}") {
			return // names are plain words
		}
		args := []any{name1, value, name2, "second"}
		got, err := fill(v, args)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(v, "{") {
			return // returned as it is
		}
		want := strings.NewReplacer("{"+name1+"}", value, "{"+name2+"}", "second").Replace(v)
		if got != want {
			t.Fatalf("fill(%q, %q) = %q, a replacer gives %q", v, args, got, want)
		}
	})
}

// FuzzDateLayoutReplacesAsAReplacer: a date's layout is filled as a
// strings.Replacer of its five parts would fill it.
func FuzzDateLayoutReplacesAsAReplacer(f *testing.F) {
	f.Add("{weekday}, {day}. {month} {year}", 2026, 12, 5)
	f.Add("{{day}} {mon}{ {monthly} {year", 2027, 1, 31)
	f.Add("no parts", 1999, 6, 1)
	f.Fuzz(func(t *testing.T, layout string, year, month, day int) {
		at := time.Date(year%10000, time.Month(1+abs(month)%12), 1+abs(day)%28, 0, 0, 0, 0, time.UTC)
		s := &Strings{plain: map[string]string{}}
		want := strings.NewReplacer("{day}", strconv.Itoa(at.Day()), "{month}", at.Month().String(), "{mon}", at.Format("Jan"),
			"{year}", strconv.Itoa(at.Year()), "{weekday}", at.Weekday().String()).Replace(layout)
		if got := s.format(layout, at); got != want {
			t.Fatalf("format(%q) = %q, a replacer gives %q", layout, got, want)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
