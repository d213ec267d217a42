package notice

import (
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// dataWeCollect lists the categories of data, with examples, flagging
// special-category and criminal-offence data (Art 14(1)(d)). It explains
// the extra protection the law gives them, and points to the conditions,
// only when every activity of the notice that uses such data records its
// condition: the notice never says "we use it only when the law allows"
// where the record shows no condition.
func (p *planner) dataWeCollect() *doc.Section {
	cats := p.categories()
	if len(cats) == 0 {
		return nil
	}
	s := p.section(IDDataWeCollect)
	l := &doc.List{}
	special, criminal := false, false
	var all []string
	for _, c := range cats {
		path := "categories." + c.Key
		all = append(all, path)
		text := c.Description
		add := func(t string) {
			if text != "" {
				text += " "
			}
			text += t
		}
		if len(c.Examples) > 0 {
			add(p.t("data.examples", "examples", p.joinList(c.Examples)))
		}
		if c.Special != "" {
			special = true
			name := c.Special
			if k := "special." + c.Special; p.ph.has(k) {
				name = p.t(k)
			}
			add(p.t("data.special.flag", "special", name))
		}
		if c.Criminal {
			criminal = true
			add(p.t("data.criminal.flag"))
		}
		src := doc.From(path)
		if !p.activityUses(c) {
			src.Paths = append(src.Paths, p.noticePath()+".categories")
		}
		l.Add(src, labelled(c.Name, text)...)
	}
	s.Blocks = append(s.Blocks, doc.SP(doc.From(all...), doc.T(p.t("data.intro"))), l)
	if !p.present[IDSpecialConditions] {
		return s
	}
	where := p.ref(IDSpecialConditions)
	if special && p.conditionsCover(func(c *ropa.Category) bool { return c.Special != "" },
		func(a *ropa.Activity) bool { return len(a.SpecialConditions) > 0 }) {
		s.Blocks = append(s.Blocks, doc.SP(doc.Law("UK GDPR Art 9(1)-(2)"), doc.T(p.t("data.special.explain", "section", where))))
	}
	if criminal && p.conditionsCover(func(c *ropa.Category) bool { return c.Criminal },
		func(a *ropa.Activity) bool { return len(a.CriminalConditions) > 0 }) {
		s.Blocks = append(s.Blocks, doc.SP(doc.Law("UK GDPR Art 10"), doc.T(p.t("data.criminal.explain", "section", where))))
	}
	return s
}

// conditionsCover reports whether every activity of the notice that uses
// a category matching kind records a condition for it, and no such
// category is in the notice's own list only (no activity, so no condition).
func (p *planner) conditionsCover(kind func(*ropa.Category) bool, hasCondition func(*ropa.Activity) bool) bool {
	for _, c := range p.n.Categories {
		if c != nil && kind(c) && !p.activityUses(c) {
			return false
		}
	}
	for _, a := range p.acts {
		for _, c := range a.Categories {
			if c != nil && kind(c) && !hasCondition(a) {
				return false
			}
		}
	}
	return true
}

// sources says where the data comes from and whether the source is
// publicly accessible (Art 14(2)(f)).
func (p *planner) sources() *doc.Section {
	srcs := p.sourceList()
	if len(srcs) == 0 {
		return nil
	}
	s := p.section(IDSources)
	l := &doc.List{}
	var all []string
	for _, src := range srcs {
		path := "sources." + src.Key
		all = append(all, path)
		text := src.Description
		if src.PubliclyAccessible {
			if text != "" {
				text += " "
			}
			text += p.t("sources.public")
		}
		l.Add(doc.From(path), labelled(src.Name, text)...)
	}
	s.Blocks = append(s.Blocks, doc.SP(doc.From(all...), doc.T(p.t("sources.intro"))), l)
	return s
}

// activityUses reports whether an activity of the notice uses category c.
func (p *planner) activityUses(c *ropa.Category) bool {
	for _, a := range p.acts {
		for _, x := range a.Categories {
			if x == c {
				return true
			}
		}
	}
	return false
}
