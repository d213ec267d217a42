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
	special, criminal := false, false
	var all []string
	var blocks []doc.Block
	for _, g := range headingGroups(cats) {
		if g.heading != "" {
			var from []string
			for _, c := range g.cats {
				from = append(from, "categories."+c.Key+".heading")
			}
			blocks = append(blocks, doc.SP(doc.From(from...), doc.B(g.heading)))
		}
		l := &doc.List{}
		for _, c := range g.cats {
			all = append(all, "categories."+c.Key)
			src := doc.From("categories." + c.Key)
			if !p.activityUses(c) {
				src.Paths = append(src.Paths, p.noticePath()+".categories")
			}
			l.Add(src, p.categoryItem(c, &special, &criminal)...)
		}
		blocks = append(blocks, l)
	}
	s.Blocks = append(s.Blocks, doc.SP(doc.From(all...), doc.T(p.t("data.intro"))))
	s.Blocks = append(s.Blocks, blocks...)
	return p.dataConditions(s, special, criminal)
}

// categoryItem describes one category in the list of the information we
// collect: its name, description and examples, and its legal class,
// noting in special and criminal whether it is either.
func (p *planner) categoryItem(c *ropa.Category, special, criminal *bool) []doc.Inline {
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
		*special = true
		name := c.Special
		if k := "special." + c.Special; p.ph.has(k) {
			name = p.t(k)
		}
		add(p.t("data.special.flag", "special", name))
	}
	if c.Criminal {
		*criminal = true
		add(p.t("data.criminal.flag"))
	}
	return labelled(c.Name, text)
}

// dataConditions ends the section on the information we collect with the
// extra protection special and criminal-offence data have, where the
// conditions the notice states cover it.
func (p *planner) dataConditions(s *doc.Section, special, criminal bool) *doc.Section {
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
// publicly accessible (Art 14(2)(f)), how it is collected where the record
// says, and the Article 14(5) exemptions the record claims.
func (p *planner) sources() *doc.Section {
	srcs := p.sourceList()
	channels, exemptions := p.activityChannels(), p.exemptionList()
	if len(srcs) == 0 && len(channels) == 0 && len(exemptions) == 0 {
		return nil
	}
	s := p.section(IDSources)
	l := &doc.List{}
	var all []string
	for _, src := range srcs {
		path := "sources." + src.Key
		all = append(all, path)
		text := src.Description
		add := func(t string) {
			if text != "" {
				text += " "
			}
			text += t
		}
		if src.PubliclyAccessible {
			add(p.t("sources.public"))
		}
		if ch := p.channelsText(src.Channels); ch != "" {
			add(ch)
		}
		l.Add(doc.From(path), labelled(src.Name, text)...)
	}
	if len(srcs) > 0 {
		s.Blocks = append(s.Blocks, doc.SP(doc.From(all...), doc.T(p.t("sources.intro"))), l)
	}
	s.Blocks = append(s.Blocks, channels...)
	s.Blocks = append(s.Blocks, exemptions...)
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
