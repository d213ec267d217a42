package examples_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/ropa-dev/ropa/render/markdown"
)

// htmlText returns the text of an HTML document or fragment: every text
// node outside script and style, in document order, with entities decoded.
func htmlText(t *testing.T, data []byte) string {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("parse HTML: %v", err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || n.Data == "head") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return b.String()
}

// markdownText renders Markdown to HTML with the converter ropa itself
// uses and returns its text, so that the comparison does not depend on how
// the Markdown source escapes punctuation.
func markdownText(t *testing.T, data []byte) string {
	t.Helper()
	var out bytes.Buffer
	if err := markdown.Goldmark().Convert(data, &out); err != nil {
		t.Fatalf("goldmark: %v", err)
	}
	return htmlText(t, out.Bytes())
}

// pageFooter matches the footer the PDF layout puts on every page, which
// pdftotext puts in the middle of a paragraph that runs onto the next page.
var pageFooter = regexp.MustCompile(`(?m)^Page [0-9]+ of [0-9]+\s*$`)

// pdfText extracts the text of a PDF with pdftotext (poppler-utils),
// without the page footers. When pdftotext is missing the test is skipped,
// or fails under CI.
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	bin := pdftotextPath(t)
	name := filepath.Join(t.TempDir(), "notice.pdf")
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", name, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return pageFooter.ReplaceAllString(string(out), "")
}

func pdftotextPath(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err == nil {
		return bin
	}
	if os.Getenv("CI") != "" {
		t.Fatal("pdftotext not found: install poppler-utils (make tools)")
	}
	t.Skip("pdftotext not found: install poppler-utils (make tools) to check the PDFs")
	return ""
}

// collapse normalises whitespace: runs of spaces, tabs, newlines and
// no-break spaces become one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// squeeze removes all whitespace, for text that may wrap anywhere.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}
