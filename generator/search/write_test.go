package search

import "testing"

func TestNamerLengthensANameTwoFilesWouldShare(t *testing.T) {
	data := func(b []byte) []byte { return append(b, `[1]`...) }
	a := newFile("docs", "d.", 3, data)
	b := newFile("docs", "d.", 3, func(b []byte) []byte { return append(b, `[2]`...) })
	b.sum = a.sum
	b.sum[31] ^= 1 // another file whose hash starts as a's does
	same := newFile("docs", "d.", 3, data)

	n := namer{}
	nameA, dupA := n.name(&a)
	nameB, dupB := n.name(&b)
	nameSame, dupSame := n.name(&same)
	if len(nameA) != len("d.12345678.js") || dupA {
		t.Errorf("first file: %q, %v", nameA, dupA)
	}
	if len(nameB) != len("d.1234567812345678.js") || nameB[:10] != nameA[:10] || dupB {
		t.Errorf("second file: %q, %v; want 16 hex digits", nameB, dupB)
	}
	if nameSame != nameA || !dupSame {
		t.Errorf("a file like the first: %q, %v; want %q, true", nameSame, dupSame, nameA)
	}
	if got, want := string(b.named(nameB)), `backlightSearch("docs","`+nameB+`",[2]);`+"\n"; got != want {
		t.Errorf("second file reads %q, want %q", got, want)
	}
	if got, want := string(a.named(nameA)), `backlightSearch("docs","`+nameA+`",[1]);`+"\n"; got != want {
		t.Errorf("first file reads %q, want %q", got, want)
	}
}
