package feed

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
)

// namespace is the fixed name space of UUID, drawn at random once:
// fdb6c1ee-5f6c-4b18-9151-845775d92eeb.
var namespace = [16]byte{
	0xfd, 0xb6, 0xc1, 0xee, 0x5f, 0x6c, 0x4b, 0x18,
	0x91, 0x51, 0x84, 0x57, 0x75, 0xd9, 0x2e, 0xeb,
}

// UUID returns a stable name-based URN, "urn:uuid:" and a version 5 UUID
// (RFC 9562, section 5.5): SHA-1 over a fixed namespace and the parts
// joined with NUL bytes. The same parts always give the same id, so a feed
// or entry keeps its id from build to build when the site has no base URL
// to make one of.
func UUID(parts ...string) string {
	return "urn:uuid:" + uuid5(namespace, strings.Join(parts, "\x00"))
}

// uuid5 is the version 5 UUID of name in the namespace ns, in its
// lower-case hex form.
func uuid5(ns [16]byte, name string) string {
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // variant 10 (RFC 9562)
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return string(b[:])
}
