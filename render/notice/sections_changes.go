package notice

import (
	"fmt"
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
)

// related lists the documents the notice links to.
func (p *planner) related() *doc.Section {
	if len(p.n.Related) == 0 {
		return nil
	}
	s := p.section(IDRelated)
	path := p.noticePath() + ".related"
	s.Blocks = append(s.Blocks, doc.SP(doc.From(path), doc.T(p.t("related.intro"))), linkList(p.n.Related, path))
	return s
}

// changes gives the notice's version and date when the model states them,
// the duty to tell people before a new purpose (Art 13(3), 14(4)), and the
// published versions with what changed in each.
func (p *planner) changes() *doc.Section {
	s := p.section(IDChanges)
	version, date := p.n.Version, p.date(p.n.LastUpdated)
	switch {
	case version != "" && date != "":
		s.Blocks = append(s.Blocks, doc.SP(doc.From(p.noticePath()+".version", p.noticePath()+".lastUpdated"),
			doc.T(p.t("changes.version", "version", version, "date", date))))
	case version != "":
		s.Blocks = append(s.Blocks, doc.SP(doc.From(p.noticePath()+".version"), doc.T(p.t("changes.version.only", "version", version))))
	case date != "":
		s.Blocks = append(s.Blocks, doc.SP(doc.From(p.noticePath()+".lastUpdated"), doc.T(p.t("changes.date.only", "date", date))))
	}
	s.Blocks = append(s.Blocks, p.reviewDates()...)
	s.Blocks = append(s.Blocks, doc.SP(doc.Law("UK GDPR Art 13(3), 14(4)"), doc.T(p.t("changes.review"))))
	if len(p.m.History) > 0 {
		l := &doc.List{}
		for i, v := range p.m.History {
			l.Add(doc.From(fmt.Sprintf("history[%d]", i)), doc.T(p.t("changes.item",
				"version", v.Version, "date", p.date(v.Date), "summary", strings.Join(v.Summary, " "))))
		}
		s.Blocks = append(s.Blocks, doc.SP(doc.From("history"), doc.T(p.t("changes.history"))), l)
	}
	return s
}

// reviewDates says when the notice was issued, when it was reviewed and
// when it will next be reviewed, each only when the model records it.
func (p *planner) reviewDates() []doc.Block {
	var out []doc.Block
	np := p.noticePath()
	if p.n.Issued != "" {
		out = append(out, doc.SP(doc.From(np+".issued"), doc.T(p.t("changes.issued", "date", p.date(p.n.Issued)))))
	}
	if len(p.n.Reviewed) > 0 {
		dates := make([]string, len(p.n.Reviewed))
		for i, d := range p.n.Reviewed {
			dates[i] = p.date(d)
		}
		out = append(out, doc.SP(doc.From(np+".reviewed"), doc.T(p.t("changes.reviewed", "dates", p.joinList(dates)))))
	}
	switch {
	case p.n.NextReview != "" && p.n.NextReviewNote != "":
		out = append(out, doc.SP(doc.From(np+".nextReview", np+".nextReviewNote"),
			doc.T(p.t("changes.next-review.note", "date", p.date(p.n.NextReview), "note", p.n.NextReviewNote))))
	case p.n.NextReview != "":
		out = append(out, doc.SP(doc.From(np+".nextReview"), doc.T(p.t("changes.next-review", "date", p.date(p.n.NextReview)))))
	}
	return out
}
