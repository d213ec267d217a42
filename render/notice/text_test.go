package notice

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/render/internal/doctest"
	"github.com/ropa-dev/ropa/render/markdown"
)

// statements lists every statement of a plan that is not blank: the
// title, then each heading, paragraph, list item, table caption, header
// and cell line (doctest.BodyTexts). Unlike doctest.Texts it leaves out
// the subtitle, version and date.
func statements(d *doc.Document) []string {
	var nonEmpty []string
	for _, s := range append([]string{d.Title}, doctest.BodyTexts(d)...) {
		if strings.TrimSpace(s) != "" {
			nonEmpty = append(nonEmpty, s)
		}
	}
	return nonEmpty
}

// blockElements are the HTML elements whose boundaries separate words.
var blockElements = map[string]bool{
	"p": true, "li": true, "ul": true, "ol": true, "td": true, "th": true, "tr": true, "table": true,
	"caption": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "div": true,
	"section": true, "article": true, "nav": true, "header": true, "footer": true, "br": true, "title": true,
	"thead": true, "tbody": true, "main": true, "dl": true, "dt": true, "dd": true, "blockquote": true, "pre": true,
}

// htmlText returns the visible text of an HTML document: its text nodes,
// with a space at each block boundary, outside <style>, <script>,
// <template> and the <head>'s metadata.
func htmlText(t *testing.T, b []byte) string {
	t.Helper()
	root, err := xhtml.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parse HTML: %v", err)
	}
	var sb strings.Builder
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		switch n.Type {
		case xhtml.TextNode:
			sb.WriteString(n.Data)
			return
		case xhtml.ElementNode:
			switch n.Data {
			case "style", "script", "template", "noscript":
				return
			}
		}
		block := n.Type == xhtml.ElementNode && blockElements[n.Data]
		if block {
			sb.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			sb.WriteByte(' ')
		}
	}
	walk(root)
	return sb.String()
}

// markdownText converts Markdown to HTML with the converter ropa uses and
// returns its visible text.
func markdownText(t *testing.T, md []byte) string {
	t.Helper()
	var out bytes.Buffer
	if err := markdown.Goldmark().Convert(md, &out); err != nil {
		t.Fatalf("goldmark: %v", err)
	}
	return htmlText(t, out.Bytes())
}

// pdfText extracts the text of a PDF with pdftotext (poppler-utils). When
// it is missing the test is skipped, or fails when CI is set.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is required in CI")
		}
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	cmd := exec.Command(bin, "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdftotext: %v: %s", err, errb.String())
	}
	return out.String()
}

var pageFooter = regexp.MustCompile(`(?m)^\s*Page [0-9]+ of [0-9]+\s*$`)

// squeeze is the PDF tolerance: the page layout breaks lines anywhere a
// space was and may hyphenate a word at a line end, so white space and
// hyphens are dropped on both sides before comparing. What remains, every
// other character in order, must match exactly.
func squeeze(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\u00a0', '-', '\u00ad', '\u2010', '\u2011':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// pdfComparable strips page footers from pdftotext output and squeezes it.
func pdfComparable(s string) string { return squeeze(pageFooter.ReplaceAllString(s, " ")) }

// pdfContains reports whether squeezed PDF text holds statement s. The PDF
// engine draws a character its fonts lack (emoji, Hebrew, Arabic, format
// characters) as the visible notation "[U+XXXX]", so each character of s
// matches either itself or that notation; nothing else is tolerated.
func pdfContains(pdf, s string) bool {
	var re strings.Builder
	for _, r := range squeeze(s) {
		fmt.Fprintf(&re, `(?:%s|\[U\+%04X\])`, regexp.QuoteMeta(string(r)), r)
	}
	ok, err := regexp.MatchString(re.String(), pdf)
	return err == nil && ok
}
