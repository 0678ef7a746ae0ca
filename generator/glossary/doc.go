// Package glossary holds the words a Backlight site uses and a reader may
// not know: planning terms (refinement horizon, velocity, forecast…), the
// page types and the relations of the site's vocabulary. It merges the
// built-in entries with what site.toml changes or adds, and builds the
// Matcher that finds terms in text, so that the first occurrence of a term
// on a page can link to its entry on the glossary page (URL).
//
// It is plain data: the site stage hands it the configuration's values,
// and render, markdown and search use the result.
package glossary
