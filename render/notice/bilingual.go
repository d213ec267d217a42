package notice

import (
	"errors"
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// PlanBilingual plans notice n in language first (one of its languages,
// such as "cy") and in its own language, as one document, as the Welsh
// Language Standards often ask a public body to publish: the whole notice
// in first, then the whole notice in English, one after the other rather
// than section by section, so that each reads as a notice on its own and
// a reader of either language skips the other in one jump. Each half is a
// top-level section, titled with its notice's title and marked with its
// language, holding that version's opening text and sections; section
// IDs, and the links to them, carry the language ("cy-your-rights",
// "en-your-rights") so that the two halves never share one. The document's
// title, labels and date are the first language's.
func PlanBilingual(m *ropa.Model, n *ropa.Notice, first string) (*doc.Document, error) {
	if m == nil || n == nil {
		return nil, errors.New("notice: Plan needs a model and a notice")
	}
	a, err := PlanIn(m, n, first)
	if err != nil {
		return nil, err
	}
	b, err := PlanIn(m, n, "")
	if err != nil {
		return nil, err
	}
	d := &doc.Document{
		Title:    a.Title + " / " + b.Title,
		Subtitle: a.Subtitle,
		Author:   a.Author,
		Subject:  a.Subject,
		Lang:     a.Lang,
		Version:  a.Version,
		Date:     a.Date,
		DateText: a.DateText,
		Labels:   a.Labels,
	}
	if b.Subtitle != a.Subtitle {
		d.Subtitle += " / " + b.Subtitle
	}
	for i, part := range []*doc.Document{a, b} {
		prefix, _, _ := strings.Cut(strings.ToLower(part.Lang), "-")
		s := &doc.Section{ID: prefix, Title: part.Title, Src: doc.From("notices." + n.Key + ".title")}
		if i > 0 {
			s.Lang = part.Lang
			if part.Version != "" || part.Date != "" {
				s.Blocks = append(s.Blocks, doc.SP(versionSrc(n),
					doc.T(versionLine(part))))
			}
		}
		s.Blocks = append(s.Blocks, part.Intro...)
		s.Sections = part.Sections
		prefixIDs(prefix, s)
		d.Sections = append(d.Sections, s)
	}
	return d, nil
}

// versionSrc is where a notice's version and date come from.
func versionSrc(n *ropa.Notice) doc.Source {
	return doc.From("notices."+n.Key+".version", "notices."+n.Key+".lastUpdated")
}

// versionLine is the version and date of d as its title block says them.
func versionLine(d *doc.Document) string {
	var meta []string
	if d.Version != "" {
		meta = append(meta, d.Label(doc.LabelVersion, "version", d.Version))
	}
	if d.Date != "" {
		meta = append(meta, d.DateLabel())
	}
	return strings.Join(meta, " · ")
}

// prefixIDs gives every section under s, and every link to one, the
// prefix of its half of a bilingual document.
func prefixIDs(prefix string, s *doc.Section) {
	fix := func(runs []doc.Inline) {
		for i := range runs {
			if r := runs[i].Ref; strings.HasPrefix(r, "#") {
				runs[i].Ref = "#" + prefix + "-" + r[1:]
			}
		}
	}
	var walk func(s *doc.Section, top bool)
	walk = func(s *doc.Section, top bool) {
		if !top {
			s.ID = prefix + "-" + s.ID
		}
		s.Summary = false
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case *doc.Paragraph:
				fix(b.Text)
			case *doc.List:
				for _, it := range b.Items {
					fix(it)
				}
			case *doc.Table:
				for _, row := range b.Rows {
					for _, c := range row {
						for _, l := range c {
							fix(l)
						}
					}
				}
			}
		}
		for _, c := range s.Sections {
			if c != nil {
				walk(c, false)
			}
		}
	}
	walk(s, true)
}
