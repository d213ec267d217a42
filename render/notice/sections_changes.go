package notice

import (
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
)

// related lists the documents the notice links to.
func (p *planner) related() *doc.Section {
	if len(p.n.Related) == 0 {
		return nil
	}
	s := p.section(IDRelated)
	s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("related.intro"))), linkList(p.n.Related))
	return s
}

// changes gives the notice's version and date, and the published versions
// with what changed in each.
func (p *planner) changes() *doc.Section {
	s := p.section(IDChanges)
	if p.n.Version != "" || p.n.LastUpdated != "" {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("changes.version", "version", p.n.Version, "date", p.date(p.n.LastUpdated)))))
	}
	s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("changes.review"))))
	if len(p.m.History) > 0 {
		l := &doc.List{}
		for _, v := range p.m.History {
			l.Items = append(l.Items, []doc.Inline{doc.T(p.t("changes.item",
				"version", v.Version, "date", p.date(v.Date), "summary", strings.Join(v.Summary, " ")))})
		}
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("changes.history"))), l)
	}
	return s
}
