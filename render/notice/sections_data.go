package notice

import (
	"github.com/ropa-dev/ropa/render/doc"
)

// dataWeCollect lists the categories of data, with examples, flagging and
// explaining special-category and criminal-offence data (Art 14(1)(d)).
func (p *planner) dataWeCollect() *doc.Section {
	cats := p.categories()
	if len(cats) == 0 {
		return nil
	}
	s := p.section(IDDataWeCollect)
	s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("data.intro"))))
	l := &doc.List{}
	special, criminal := false, false
	for _, c := range cats {
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
		l.Items = append(l.Items, labelled(c.Name, text))
	}
	s.Blocks = append(s.Blocks, l)
	where := p.title(IDSpecialConditions)
	if special {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("data.special.explain", "section", where))))
	}
	if criminal {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("data.criminal.explain", "section", where))))
	}
	return s
}

// sources says where the data comes from and whether the source is
// publicly accessible (Art 14(2)(f)).
func (p *planner) sources() *doc.Section {
	srcs := p.sourceList()
	if len(srcs) == 0 {
		return nil
	}
	s := p.section(IDSources)
	s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("sources.intro"))))
	l := &doc.List{}
	for _, src := range srcs {
		text := src.Description
		if src.PubliclyAccessible {
			if text != "" {
				text += " "
			}
			text += p.t("sources.public")
		}
		l.Items = append(l.Items, labelled(src.Name, text))
	}
	s.Blocks = append(s.Blocks, l)
	return s
}
