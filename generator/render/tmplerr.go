package render

import (
	"regexp"
	"strconv"
)

// TemplateError is an error of the theme's templates met while rendering
// an output: where in the theme it is, as far as html/template says, and
// what it says.
type TemplateError struct {
	Output    string // the output path being rendered, "roles/cpo/index.html"
	File      string // the template file's path in the theme, "layouts/page.html"; "" when unknown
	Line, Col int    // 0 when unknown
	Message   string // html/template's message without the position
	Err       error
}

func (e *TemplateError) Error() string { return e.Err.Error() }

func (e *TemplateError) Unwrap() error { return e.Err }

// templatePos finds the positions html/template and text/template write:
// "template: page.html:12:3: " when executing, "html/template:page.html:12:3: "
// when escaping. A call of a partial through a function ("cached") nests one
// message in another; the last position is the innermost.
var templatePos = regexp.MustCompile(`(?:html/template:|template: )([^:\s]+):(\d+)(?::(\d+))?: `)

// templateError makes err, met rendering the output at out, a
// *TemplateError naming the theme file.
func (e *Engine) templateError(out string, err error) *TemplateError {
	te := &TemplateError{Output: out, Message: err.Error(), Err: err}
	msg := err.Error()
	all := templatePos.FindAllStringSubmatchIndex(msg, -1)
	if len(all) == 0 {
		return te
	}
	m := all[len(all)-1]
	name := msg[m[2]:m[3]]
	te.File = e.files[name]
	te.Line, _ = strconv.Atoi(msg[m[4]:m[5]])
	if m[6] >= 0 {
		te.Col, _ = strconv.Atoi(msg[m[6]:m[7]])
	}
	te.Message = msg[m[1]:]
	return te
}
