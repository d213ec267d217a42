// Package report writes lint results in the formats `ropa check` offers:
// human text, JSON, GitHub workflow commands, SARIF 2.1.0, GitLab Code
// Quality and Markdown. Every format
// lists findings in the order lint.Sort gives (file, line, column, rule).
package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/ropa-dev/ropa/ropa/lint"
)

// Formats are the names Write accepts.
var Formats = []string{"text", "json", "github", "sarif", "codequality", "markdown"}

// Write writes res to w in the named format. color applies to text only.
func Write(w io.Writer, format string, res lint.Result, color bool) error {
	switch format {
	case "", "text":
		return Text(w, res, color)
	case "json":
		return JSON(w, res)
	case "github":
		return GitHub(w, res)
	case "sarif":
		return SARIF(w, res)
	case "codequality":
		return CodeQuality(w, res)
	case "markdown":
		return Markdown(w, res)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// Summary is the one-line count: "N errors, N warnings, N info (N waived)".
func Summary(res lint.Result) string {
	e, w, i, wv := res.Counts()
	return fmt.Sprintf("%d %s, %d %s, %d info (%d waived)", e, plural(e, "error"), w, plural(w, "warning"), i, wv)
}

func plural(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}

// relURI turns a display file name (./dir/model.cue) into a relative,
// slash-separated URI (dir/model.cue).
func relURI(file string) string {
	file = strings.ReplaceAll(file, "\\", "/")
	for strings.HasPrefix(file, "./") {
		file = file[2:]
	}
	return file
}
