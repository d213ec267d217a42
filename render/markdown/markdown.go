// Package markdown lays out a doc.Document as CommonMark with GitHub
// Flavored Markdown pipe tables. Every text of the document is escaped so
// that it prints literally: nothing a user writes becomes markup, a link or
// raw HTML, nor, once published through Hugo or Jekyll, a Liquid tag, a
// shortcode or a kramdown attribute list.
package markdown

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/ropa-dev/ropa/render/doc"
)

// Options tunes the Markdown output.
type Options struct {
	// FrontMatter starts the output with a YAML front matter block holding
	// the title, date, version and language, for static site generators.
	FrontMatter bool
}

// Render writes d to w as Markdown. The output depends only on d and opts.
func Render(w io.Writer, d *doc.Document, opts Options) error {
	if d == nil {
		d = &doc.Document{}
	}
	bw := bufio.NewWriter(w)
	r := &renderer{w: bw, opts: opts, anchors: anchors(d)}
	if opts.FrontMatter {
		if err := r.frontMatter(d); err != nil {
			return err
		}
	}
	r.titleBlock(d)
	r.blocks(d.Intro)
	for _, s := range d.Sections {
		r.section(s, 1)
	}
	return bw.Flush()
}

// renderer writes Markdown blocks separated by blank lines.
type renderer struct {
	w    *bufio.Writer
	opts Options
	// started is set once a block has been written.
	started bool
	// lastList is the kind of the list just written ("-", "*", ".", ")"),
	// or "" when the previous block was not a list. Adjacent lists use
	// alternate markers so they stay separate lists.
	lastList string
	// anchors maps each section ID to the anchor a site generator gives
	// its heading, for links within the document.
	anchors map[string]string
}

// block starts a new block, separated from the previous one.
func (r *renderer) block() {
	if r.started {
		r.w.WriteString("\n")
	}
	r.started = true
}

// frontMatter writes the document's title, date, version and language as
// YAML front matter, every value a double-quoted string, so that no value
// is read as a number, a date or a boolean. The YAML encoder escapes what
// needs escaping; text that is not UTF-8 is made so first, as the rest of
// the document is.
func (r *renderer) frontMatter(d *doc.Document) error {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, kv := range [][2]string{
		{"title", d.Title},
		{"date", d.Date},
		{"version", d.Version},
		{"lang", d.Lang},
	} {
		if kv[1] == "" && kv[0] != "title" {
			continue // no date or version in the model: none claimed
		}
		m.Content = append(m.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: kv[0]},
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: strings.ToValidUTF8(kv[1], "\uFFFD")})
	}
	r.w.WriteString("---\n")
	enc := yaml.NewEncoder(r.w)
	if err := enc.Encode(m); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	r.w.WriteString("---\n")
	return nil
}

// titleBlock writes the title as a heading, then the subtitle and the
// version and date. With front matter the title is left to the site's
// theme, which prints it from the front matter: a heading too would show
// it twice.
func (r *renderer) titleBlock(d *doc.Document) {
	if t := inlineText(d.Title, context{heading: true}); t != "" && !r.opts.FrontMatter {
		r.block()
		r.w.WriteString("# " + t + "\n")
	}
	if t := inlineText(d.Subtitle, context{blockStart: true}); t != "" {
		r.block()
		r.w.WriteString(t + "\n")
	}
	var meta []string
	if v := inlineText(d.Version, context{}); v != "" {
		before, after, _ := strings.Cut(d.Label(doc.LabelVersion), "{version}")
		meta = append(meta, escape(before, context{blockStart: true})+v+escape(after, context{}))
	}
	if v := inlineText(d.DateLabel(), context{blockStart: len(meta) == 0}); v != "" {
		meta = append(meta, v)
	}
	if len(meta) > 0 {
		r.block()
		r.w.WriteString(strings.Join(meta, " · ") + "\n")
	}
}

func (r *renderer) section(s *doc.Section, depth int) {
	if s == nil {
		return
	}
	r.block()
	r.lastList = ""
	level := min(depth+1, 6)
	r.w.WriteString(strings.Repeat("#", level))
	if t := inlineText(s.Title, context{heading: true}); t != "" {
		r.w.WriteString(" " + t)
	}
	r.w.WriteString("\n")
	r.blocks(s.Blocks)
	for _, c := range s.Sections {
		r.section(c, depth+1)
	}
}

func (r *renderer) blocks(bs []doc.Block) {
	for _, b := range bs {
		switch b := b.(type) {
		case *doc.Paragraph:
			if b == nil {
				continue
			}
			if t := runs(r.local(b.Text), context{blockStart: true}); t != "" {
				r.block()
				r.lastList = ""
				r.w.WriteString(t + "\n")
			}
		case *doc.List:
			if b != nil && len(b.Items) > 0 {
				r.list(b)
			}
		case *doc.Table:
			if b != nil {
				r.table(b)
			}
		}
	}
}

func (r *renderer) list(l *doc.List) {
	r.block()
	marker := "-"
	if l.Ordered {
		marker = "."
	}
	if r.lastList == marker {
		marker = map[string]string{"-": "*", ".": ")"}[marker]
	}
	r.lastList = marker
	for i, it := range l.Items {
		if l.Ordered {
			r.w.WriteString(strconv.Itoa(i+1) + marker)
		} else {
			r.w.WriteString(marker)
		}
		if t := runs(r.local(it), context{blockStart: true}); t != "" {
			r.w.WriteString(" " + t)
		}
		r.w.WriteString("\n")
	}
}
