package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/internal/corpus"
)

const itemPage = "---\nid: TBI-1\ntitle: Fix the R&D pump\nstatus: idea\nestimate: 13\nparent: CBI-197\nacceptance:\n  - status: done\n---\nBody with\nstatus: idea\n"

func TestToggleFieldWritesTheNewValueInOddRoundsOnly(t *testing.T) {
	edit := toggleField("status", [2]string{"idea", "refining"})
	odd, err := edit([]byte(itemPage), 1, "")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(itemPage, "status: idea\nestimate", "status: refining\nestimate", 1)
	if string(odd) != want {
		t.Errorf("round 1 wrote\n%s\nwant\n%s", odd, want)
	}
	if even, _ := edit([]byte(itemPage), 2, ""); string(even) != itemPage {
		t.Errorf("round 2 wrote %q, want the original", even)
	}
	if _, err := toggleField("owner", [2]string{"a", "b"})([]byte(itemPage), 1, ""); err == nil {
		t.Error("toggled a field the page does not have")
	}
}

func TestField(t *testing.T) {
	for key, want := range map[string]string{"id": "TBI-1", "status": "idea", "parent": "CBI-197", "owner": ""} {
		if got, ok := field([]byte(itemPage), key); got != want || ok != (want != "") {
			t.Errorf("field(%q) = %q, %v; want %q", key, got, ok, want)
		}
	}
}

func TestShowsFact(t *testing.T) {
	tests := []struct {
		page         string
		label, value string
		want         bool
	}{
		{`<dl><dt>Status</dt><dd>refining</dd></dl>`, "Status", "refining", true}, // Hugo
		{`<div><dt><a class="term" href="../g/#estimate">Estimate</a></dt><dd>21</dd></div>`, "Estimate", "21", true},
		{`<dt>Estimate</dt><dd>21 points</dd>`, "Estimate", "21", true},
		{`<dt>Estimate</dt><dd>213</dd>`, "Estimate", "21", false},
		{`<dt>Status</dt><dd>idea</dd><p>refining</p>`, "Status", "refining", false},
		{`<dt>Value</dt><dd>refining</dd>`, "Status", "refining", false},
	}
	for _, tt := range tests {
		if got := showsFact([]byte(tt.page), tt.label, tt.value); got != tt.want {
			t.Errorf("showsFact(%q, %q, %q) = %v", tt.page, tt.label, tt.value, got)
		}
	}
}

func TestSwapFirstTwoAndBefore(t *testing.T) {
	index := "---\ntitle: B\norder: [TBI-30, TBI-103, TBI-88]\n---\nBody.\n"
	a, b, ok := firstTwo([]byte(index))
	if !ok || a != "TBI-30" || b != "TBI-103" {
		t.Fatalf("firstTwo = %q, %q, %v", a, b, ok)
	}
	got, err := swapFirstTwo([]byte(index))
	if want := "---\ntitle: B\norder: [TBI-103, TBI-30, TBI-88]\n---\nBody.\n"; err != nil || string(got) != want {
		t.Errorf("swapFirstTwo = %q, %v; want %q", got, err, want)
	}
	page := []byte(`<td>TBI-103</td><td>TBI-30</td><td>TBI-300</td>`)
	if !before(page, "TBI-103", "TBI-30") || before(page, "TBI-30", "TBI-103") || before(page, "TBI-30", "TBI-4") {
		t.Error("before misreads the order of keys")
	}
}

func TestPlainPart(t *testing.T) {
	for in, want := range map[string]string{"Fix the pump": "Fix the pump", "Fix the R&D pump": "Fix the R", `Say "hi" loudly`: " loudly"} {
		if got := plainPart(in); got != want {
			t.Errorf("plainPart(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPickTargetsChoosesAnItemWithAParentAndAnotherParent(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpus.Write(dir, corpus.Options{Pages: corpus.MinPages, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	tr, err := pickTargets(dir, "", "")
	if err != nil {
		t.Fatal(err)
	}
	item, _ := os.ReadFile(filepath.Join(dir, "content", filepath.FromSlash(tr.item)))
	parent, ok := field(item, "parent")
	if !ok || tr.newParent == "" {
		t.Fatalf("picked %s (parent %q) and new parent %q", tr.item, parent, tr.newParent)
	}
	other, _ := os.ReadFile(filepath.Join(dir, "content", filepath.FromSlash(tr.newParent)))
	if key, _ := field(other, "id"); key == parent || !strings.HasPrefix(key, strings.SplitN(parent, "-", 2)[0]) {
		t.Errorf("new parent %s has key %q; want another item of the level of %s", tr.newParent, key, parent)
	}
}
