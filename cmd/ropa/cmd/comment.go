package cmd

import (
	"bytes"
	"io"
	"strings"

	"github.com/ropa-dev/ropa/ropa/diff"
	"github.com/ropa-dev/ropa/ropa/lint"
	"github.com/ropa-dev/ropa/ropa/lint/report"
)

// CommentMarker starts the pull-request comment `ropa diff --format
// comment` writes: hidden in the rendered comment, it lets a workflow find
// the comment it posted before and update it instead of adding another.
const CommentMarker = "<!-- ropa:pull-request-comment -->"

// commentLimit keeps a comment under GitHub's 65,536 characters.
const commentLimit = 60000

// writeComment writes the pull-request comment: the marker, the changes
// as Markdown and the new side's lint findings. Changes too many for one
// comment are cut at a line, with a note; the findings always show.
func writeComment(w io.Writer, r *diff.Result, res lint.Result) error {
	var changes, findings bytes.Buffer
	if err := diff.WriteMarkdown(&changes, r); err != nil {
		return err
	}
	if err := report.Markdown(&findings, res); err != nil {
		return err
	}
	body := changes.String()
	if room := commentLimit - findings.Len() - len(CommentMarker) - 200; len(body) > room {
		cut := strings.LastIndexByte(body[:max(room, 0)], '\n')
		body = body[:cut+1] + "\n… cut short: too many changes for one comment; run `ropa diff` to see them all.\n"
	}
	var b strings.Builder
	b.WriteString(CommentMarker + "\n")
	b.WriteString(body)
	b.WriteString("\n")
	b.Write(findings.Bytes())
	_, err := io.WriteString(w, b.String())
	return err
}
