package site

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBacklogExportsParseBack(t *testing.T) {
	src := copySite(t, "basic")
	dest := filepath.Join(src, "public")
	mustBuild(t, src, dest)
	data, err := os.ReadFile(filepath.Join(dest, "backlogs", "alpha", "backlog.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\ufeff")) || !bytes.Contains(data, []byte("\r\n")) {
		t.Errorf("backlog.csv should start with a UTF-8 byte-order mark and end lines with CRLF")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatalf("backlog.csv is not valid CSV: %v", err)
	}
	var keys []string
	for _, r := range rows[1:] {
		keys = append(keys, r[1])
	}
	if rows[0][0] != "rank" || strings.Join(keys, " ") != "A-2 A-1 A-4 A-3 A-5" {
		t.Errorf("got rows %q, want a header then A-2, A-1, A-4, A-3 and A-5 in rank order", rows)
	}
	var exp struct {
		Items []struct {
			Key      string  `json:"key"`
			Rank     int     `json:"rank"`
			Priority float64 `json:"priority"`
		} `json:"items"`
	}
	data, err = os.ReadFile(filepath.Join(dest, "backlogs", "alpha", "backlog.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &exp); err != nil {
		t.Fatalf("backlog.json: %v", err)
	}
	if len(exp.Items) != 5 || exp.Items[0].Key != "A-2" || exp.Items[0].Rank != 1 || exp.Items[1].Priority != 2.6667 {
		t.Errorf("got %+v", exp.Items)
	}
}

func TestSpreadsheetFormulasAreDefused(t *testing.T) {
	src := copySite(t, "basic")
	item := filepath.Join(src, "content", "backlogs", "alpha", "a-1.md")
	data, _ := os.ReadFile(item)
	os.WriteFile(item, bytes.Replace(data, []byte("title: First item"), []byte(`title: "=HYPERLINK(\"http://x\")"`), 1), 0o644)
	dest := filepath.Join(src, "public")
	if res, err := Build(context.Background(), Options{Source: src, Dest: dest}); err != nil {
		t.Fatalf("%v\n%s", err, res.Diags.Error())
	}
	data, _ = os.ReadFile(filepath.Join(dest, "backlogs", "alpha", "backlog.csv"))
	if !bytes.Contains(data, []byte(`"'=HYPERLINK(""http://x"")"`)) {
		t.Errorf("a title starting with = must be written as text, got:\n%s", data)
	}
}
