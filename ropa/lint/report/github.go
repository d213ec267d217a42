package report

import (
	"io"
	"strconv"
	"strings"

	"github.com/ropa-dev/ropa/ropa/lint"
)

// GitHub writes one GitHub Actions workflow command a counted finding:
//
//	::error file=model.cue,line=3,col=5,title=rule-id (duty)::message
//
// Warnings use ::warning and info ::notice. Waived findings are not
// annotated. The summary follows as a plain line.
func GitHub(w io.Writer, res lint.Result) error {
	ew := &errWriter{w: w}
	for _, f := range res.Findings {
		cmd := "notice"
		switch f.Severity {
		case lint.Error:
			cmd = "error"
		case lint.Warning:
			cmd = "warning"
		}
		var props []string
		if f.Pos.File != "" {
			props = append(props, "file="+ghProp(relURI(f.Pos.File)))
		}
		if f.Pos.Line > 0 {
			props = append(props, "line="+strconv.Itoa(f.Pos.Line))
		}
		if f.Pos.Col > 0 {
			props = append(props, "col="+strconv.Itoa(f.Pos.Col))
		}
		title := f.Rule
		if f.Duty != "" {
			title += " (" + string(f.Duty) + ")"
		}
		props = append(props, "title="+ghProp(title))
		ew.printf("::%s %s::%s\n", cmd, strings.Join(props, ","), ghData(f.Message))
	}
	ew.printf("%s\n", Summary(res))
	return ew.err
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProp escapes a workflow command's property value.
func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
