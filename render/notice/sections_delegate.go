package notice

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// A notice can be read with another (extends) and hand whole topics to
// another notice or a page (delegate): the topic's section then keeps its
// title and says, in one sentence, where the topic is explained, rather
// than repeating it. The sentence's source is the field that delegates.

// delegated returns the section that stands for topic id when the notice
// delegates it, or nil when the notice states the topic itself.
func (p *planner) delegated(id string) *doc.Section {
	d := p.n.Delegation(id)
	if d == nil {
		return nil
	}
	s := p.section(id)
	var runs []doc.Inline
	switch {
	case d.Notice != nil:
		runs = p.linked("delegate.notice", "notice", d.Notice.Title, p.noticeURL(d.Notice, id))
	case d.URL != "":
		title := d.Title
		if title == "" {
			title = d.URL
		}
		runs = p.linked("delegate.url", "link", title, d.URL)
	default:
		return nil // an unresolved notice key: the loader reports it
	}
	s.Blocks = append(s.Blocks, doc.SP(doc.From(d.Path), runs...))
	return s
}

// extendsIntro is the opening sentence of a notice read with another,
// linking to that notice's page.
func (p *planner) extendsIntro() []doc.Block {
	parent := p.n.Parent
	if parent == nil {
		return nil
	}
	return []doc.Block{doc.SP(doc.From(p.noticePath()+".extends"),
		p.linked("extends.intro", "notice", parent.Title, p.noticeURL(parent, ""))...)}
}

// noticeURL is the address of notice n's page, at section id when given,
// as the notices are published side by side (<key>.html), in the language
// being planned when n is published in it (<key>.cy.html).
func (p *planner) noticeURL(n *ropa.Notice, id string) string {
	u := p.docName(n) + ".html"
	if id != "" {
		u += "#" + id
	}
	return u
}

// linked returns the phrase key with its placeholder name filled by a link
// of text to url; a phrase override without the placeholder gets the link
// after its text.
func (p *planner) linked(key, name, text, url string, kv ...string) []doc.Inline {
	const mark = "\x00"
	s := p.t(key, append([]string{name, mark}, kv...)...)
	before, after, ok := strings.Cut(s, mark)
	if !ok {
		return []doc.Inline{doc.T(s + " "), doc.L(text, url)}
	}
	after = strings.ReplaceAll(after, mark, text)
	var out []doc.Inline
	if before != "" {
		out = append(out, doc.T(before))
	}
	out = append(out, doc.L(text, url))
	if after != "" {
		out = append(out, doc.T(after))
	}
	return out
}

// delegateProblems returns what is wrong with notice n's delegations: a
// delegate or own entry that names no standard section, an own entry
// that is no general topic, and a topic delegated to a notice that does
// not itself have that section (checked when check is true, by planning
// the notice delegated to).
func delegateProblems(m *ropa.Model, n *ropa.Notice, check bool) []ropa.Diagnostic {
	var diags []ropa.Diagnostic
	base := "notices." + n.Key
	for _, id := range sortedTopics(n.Delegate) {
		if !isStep(id) {
			path := base + ".delegate." + id
			diags = append(diags, ropa.Diagnostic{Pos: m.Positions.Of(path), Path: path,
				Message: fmt.Sprintf("notice %s: delegate: unknown section %q", n.Key, id),
				Hint:    "delegate is keyed by standard section: " + strings.Join(SectionIDs(), ", ")})
		}
	}
	for i, id := range n.Own {
		if !isGeneral(id) {
			path := fmt.Sprintf("%s.own[%d]", base, i)
			diags = append(diags, ropa.Diagnostic{Pos: m.Positions.Of(path), Path: path,
				Message: fmt.Sprintf("notice %s: own: %q is not a general topic", n.Key, id),
				Hint:    "own lists general topics a notice that extends another states itself: " + strings.Join(ropa.GeneralTopics, ", ")})
		}
	}
	if !check || len(diags) > 0 {
		return diags
	}
	have := map[*ropa.Notice]map[string]bool{}
	for _, id := range SectionIDs() {
		d := n.Delegation(id)
		if d == nil || d.Notice == nil {
			continue
		}
		if have[d.Notice] == nil {
			doc, err := plan(m, d.Notice, "", false)
			if err != nil {
				continue // the notice's own problems are reported with it
			}
			have[d.Notice] = map[string]bool{}
			for _, s := range doc.Sections {
				have[d.Notice][s.ID] = true
			}
		}
		if !have[d.Notice][id] {
			diags = append(diags, ropa.Diagnostic{Pos: m.Positions.Of(d.Path), Path: d.Path,
				Message: fmt.Sprintf("notice %s hands %q to notice %s, which has no such section", n.Key, id, d.Notice.Key),
				Hint: fmt.Sprintf("give notice %s what the section needs (e.g. list it in the audiences of the activities concerned), or state the topic in %s itself",
					d.Notice.Key, n.Key)})
		}
	}
	return diags
}

// delegationError is the error Plan returns for delegation problems.
func delegationError(diags []ropa.Diagnostic) error {
	if len(diags) == 0 {
		return nil
	}
	return &ropa.LoadError{Kind: ropa.ErrInvalid, Diagnostics: diags}
}

func isGeneral(id string) bool {
	for _, t := range ropa.GeneralTopics {
		if t == id {
			return true
		}
	}
	return false
}

func sortedTopics(m map[string]*ropa.Delegate) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
