package report

import (
	"fmt"
	"io"
	"slices"

	"github.com/ropa-dev/ropa/ropa/law"

	"github.com/ropa-dev/ropa/ropa/lint"
)

// ANSI colours for severities.
const (
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
	ansiBold   = "\x1b[1m"
	ansiReset  = "\x1b[0m"
)

// Text writes the findings in groups by the duty they concern (notice,
// record, lawfulness, accountability), each group under a heading naming
// the duty and its articles, one line a finding,
// `file:line:col: severity rule-id: message`, in lint order within a group;
// then the waived findings, then the summary line. color adds ANSI
// colours; pass true only for a terminal.
func Text(w io.Writer, res lint.Result, color bool) error {
	ew := &errWriter{w: w}
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + ansiReset
	}
	first := true
	for _, group := range byDuty(res.Findings) {
		if !first {
			ew.printf("\n")
		}
		first = false
		ew.printf("%s\n", paint(ansiBold, group[0].Duty.Title()+":"))
		for _, f := range group {
			code := ansiBlue
			switch f.Severity {
			case lint.Error:
				code = ansiRed
			case lint.Warning:
				code = ansiYellow
			}
			ew.printf("%s: %s %s: %s\n", location(f), paint(code, f.Severity.String()), paint(ansiBold, f.Rule), f.Message)
		}
	}
	if len(res.Waived) > 0 {
		if len(res.Findings) > 0 {
			ew.printf("\n")
		}
		for _, f := range res.Waived {
			ew.printf("%s\n", paint(ansiDim, fmt.Sprintf("%s: waived %s: %s (%s; accepted by %s; expires %s)",
				location(f), f.Rule, f.Message, f.Waiver.Reason, f.Waiver.AcceptedBy, f.Waiver.Expires)))
		}
	}
	ew.printf("%s\n", Summary(res))
	return ew.err
}

// byDuty splits findings into groups by duty, in the order of law.Duties
// (then any other duty), keeping their order within a group.
func byDuty(fs []lint.Finding) [][]lint.Finding {
	groups := map[lint.Duty][]lint.Finding{}
	var order []lint.Duty
	for _, d := range law.Duties {
		order = append(order, d)
	}
	for _, f := range fs {
		if _, ok := groups[f.Duty]; !ok && !slices.Contains(order, f.Duty) {
			order = append(order, f.Duty)
		}
		groups[f.Duty] = append(groups[f.Duty], f)
	}
	var out [][]lint.Finding
	for _, d := range order {
		if len(groups[d]) > 0 {
			out = append(out, groups[d])
		}
	}
	return out
}

// location prints file:line:col, or the path when the position is unknown.
func location(f lint.Finding) string {
	if f.Pos.IsValid() {
		return f.Pos.String()
	}
	if f.Pos.File != "" {
		return f.Pos.File
	}
	return f.Path
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
