package generator

import (
	"slices"
	"testing"
)

func TestTypeFoldersAndURLs(t *testing.T) {
	for _, tc := range []struct{ typ, folder, url string }{
		{TypeRole, "roles", "/roles/"},
		{TypeCadence, "cadences", "/cadences/"},
		{TypeRelease, "releases", "/releases/"},
		{TypeBacklog, "", "/backlogs/"},
		{TypeItem, "", "/backlogs/"},
		{TypePage, "", "/pages/"},
		{"process", "processes", "/processes/"},
		{"policy", "policies", "/policies/"},
	} {
		if got := TypeFolder(tc.typ); got != tc.folder {
			t.Errorf("TypeFolder(%q) = %q, want %q", tc.typ, got, tc.folder)
		}
		if got := TypeURL(tc.typ); got != tc.url {
			t.Errorf("TypeURL(%q) = %q, want %q", tc.typ, got, tc.url)
		}
	}
}

func TestFolderTypeIsTypeFoldersInverse(t *testing.T) {
	for _, b := range BuiltinTypes() {
		got, ok := FolderType(TypeFolder(b.Name))
		if want := b.Folder != ""; ok != want || ok && got != b.Name {
			t.Errorf("FolderType(TypeFolder(%q)) = %q, %v", b.Name, got, ok)
		}
		if b.Folder != "" && "/"+b.Folder+"/" != TypeURL(b.Name) {
			t.Errorf("%s: folder %q and list URL %q disagree", b.Name, b.Folder, TypeURL(b.Name))
		}
	}
	for _, f := range []string{"", BacklogsFolder, "pages", "notes"} {
		if typ, ok := FolderType(f); ok {
			t.Errorf("FolderType(%q) = %q, want none", f, typ)
		}
	}
}

func TestCompareTypesPutsBuiltinTypesFirstInTheirOrder(t *testing.T) {
	got := []string{"zeta", TypePage, TypeItem, "alpha", TypeRole, TypeArtifact, TypeBacklog}
	slices.SortFunc(got, CompareTypes)
	want := []string{TypeRole, TypeArtifact, TypeBacklog, TypeItem, TypePage, "alpha", "zeta"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
