package feed

import (
	"regexp"
	"testing"
)

func TestUUID5KnownVectors(t *testing.T) {
	dns := [16]byte{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	url := [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	for _, tc := range []struct {
		ns         [16]byte
		name, want string
	}{
		// Computed with an independent implementation (Python's uuid.uuid5).
		{dns, "www.example.com", "2ed6657d-e927-568b-95e1-2665a8aea6a2"},
		{url, "https://wiki.example.org/releases.atom", "785973ca-637b-5500-801e-bde118fc2579"},
		{namespace, "", "338b386a-bf46-5847-98a0-bda7d8fbd4f3"},
	} {
		if got := uuid5(tc.ns, tc.name); got != tc.want {
			t.Errorf("uuid5(%x, %q) = %s, want %s", tc.ns, tc.name, got, tc.want)
		}
	}
}

func TestUUID(t *testing.T) {
	form := regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	if got, want := UUID("https://wiki.example.org/", "Pump"), "urn:uuid:ecec6f26-7acc-56f4-89e5-755052fe1ffb"; got != want {
		t.Errorf("UUID = %s, want %s", got, want)
	}
	if UUID() != UUID("") {
		t.Errorf("UUID() = %s, UUID(\"\") = %s; both name the empty string", UUID(), UUID(""))
	}
	seen := map[string][]string{}
	for _, parts := range [][]string{
		{""}, {"", ""}, {"a"}, {"a", "b"}, {"ab"}, {"a", "b", ""}, {"b", "a"}, {"release-pump-ctrl-3-1-eu"},
	} {
		id := UUID(parts...)
		if !form.MatchString(id) {
			t.Errorf("UUID(%q) = %q: not a version 5, variant 10 URN", parts, id)
		}
		if id != UUID(parts...) {
			t.Errorf("UUID(%q) is not stable", parts)
		}
		if prev, ok := seen[id]; ok {
			t.Errorf("UUID(%q) = UUID(%q) = %s", parts, prev, id)
		}
		seen[id] = parts
	}
}
