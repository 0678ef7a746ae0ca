// Package feed writes the two subscription formats of a site: an
// iCalendar file of all-day events (RFC 5545, with the RFC 7986
// calendar properties) and an Atom 1.0 feed (RFC 4287). It is a leaf
// package: it takes plain structs, knows nothing of pages or the rest of
// the generator, and imports only the standard library.
//
// # iCalendar
//
// [Calendar.Bytes] writes one VCALENDAR with VERSION:2.0, PRODID,
// CALSCALE:GREGORIAN and METHOD:PUBLISH, then X-WR-CALNAME and NAME when
// the calendar has a name, and URL and SOURCE when it has a URL. Each event
// follows in the order given, as a VEVENT with UID, DTSTAMP (the calendar's
// Stamp in UTC, as 20260501T000000Z), DTSTART;VALUE=DATE, DTEND;VALUE=DATE,
// SUMMARY, then DESCRIPTION, URL, STATUS, CATEGORIES and SEQUENCE when set,
// and TRANSP:TRANSPARENT, since a release does not make anyone busy.
// Dates and the stamp are expected to lie in the years 0000–9999, the
// only ones the formats can write.
//
// Events are all-day. Start and End are read as calendar dates in their
// own location and End is the last day of the event, inclusive, whereas
// DTEND in RFC 5545 is exclusive: it is written as the day after End. An
// End before Start (a zero End included) makes a one-day event at Start.
// STATUS is written only for TENTATIVE, CONFIRMED or CANCELLED (in any
// case), SEQUENCE only when above zero, and CATEGORIES as one comma
// separated list without its empty members.
//
// Every TEXT value (PRODID, names, UID, SUMMARY, DESCRIPTION, categories)
// is escaped: a backslash, semicolon or comma gets a backslash before it,
// a newline is written as \n, a carriage return is dropped (so CRLF text
// reads back as LF), every other control character but the tab is
// removed, and an invalid UTF-8 byte becomes U+FFFD. URL values are URIs,
// not TEXT, and are not escaped; instead leading and trailing blanks are
// trimmed, tabs and line breaks inside are removed, and every byte a URI
// cannot hold (spaces, control characters, non-ASCII, "<>\"\\^`{|}", and a
// % that begins no escape) is percent-encoded. Nothing written can break
// the line structure.
//
// Lines end in CRLF and are folded so that none is longer than 75 octets
// without its CRLF: a fold is CRLF and one space, and it never falls
// inside a UTF-8 sequence or inside a backslash escape. Unfolding (removing
// each CRLF followed by one space) gives back the content line.
//
// # Atom
//
// [Feed.Bytes] writes an XML declaration and a feed element in the Atom
// namespace with title, a rel="self" link (type application/atom+xml) and
// a rel="alternate" link (type text/html) when set, updated, id, author
// and generator, then the entries in the order given: the caller sorts
// them, newest first. Each entry has title, a rel="alternate" link when
// set, id, published when set, updated, a summary of type text, a content
// of type html (the HTML escaped as text by encoding/xml) and a category
// per non-empty category. Dates are RFC 3339 in UTC to the second.
//
// Atom requires some elements, so empty fields fall back: the feed's
// updated to its newest entry's, an entry's updated to its published and
// then to the feed's; the feed's id to UUID of its self link, alternate
// link and title; an entry's id to its link and then to UUID of the feed
// id, its title and its published date; the author's name to the feed's
// title.
//
// Characters that XML 1.0 cannot hold (control characters other than tab,
// newline and carriage return, U+FFFE and U+FFFF, invalid UTF-8) are
// replaced with U+FFFD in every text and attribute. encoding/xml happens to
// do the same when it escapes, but does not promise it, so the package
// does it itself. Ids and links are cleaned as iCalendar URLs are.
//
// # Ids
//
// [UUID] makes a "urn:uuid:" id that is stable from build to build, a
// version 5 UUID of its parts under a fixed namespace, for feeds and
// entries of a site that has no base URL to make ids from.
package feed
