package notice

import (
	"github.com/ropa-dev/ropa/render/doc"
)

// retention gives each retention rule the notice's activities and
// categories cite: the period and its trigger, or the criteria, the rule's
// own note in the organisation's words (such as "usually" or an
// exception), what happens then when the model says so, and the law or
// policy that sets it (Art 13/14(2)(a)). A rule with no action says
// nothing about what happens at the end of the period.
func (p *planner) retention() *doc.Section {
	s := p.section(IDRetention)
	rules := p.retentionRules()
	if len(rules) == 0 {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("retention.none"))))
		return s
	}
	t := &doc.Table{
		Caption: p.t("retention.caption"),
		Header:  []string{p.t("retention.col.record"), p.t("retention.col.period"), p.t("retention.col.source")},
		Widths:  []float64{2, 3, 2},
	}
	for _, r := range rules {
		var period []string
		switch {
		case r.Period != "" && r.Trigger != "":
			period = append(period, p.t("retention.period.trigger", "period", r.Period, "trigger", r.Trigger))
		case r.Period != "":
			period = append(period, p.t("retention.period", "period", r.Period))
		case r.Trigger != "":
			period = append(period, r.Trigger)
		}
		if r.Criteria != "" {
			period = append(period, r.Criteria)
		}
		if r.Note != "" {
			period = append(period, r.Note)
		}
		if k := "retention.action." + r.Action; r.Action != "" && p.ph.has(k) {
			period = append(period, p.t(k))
		}
		source := r.Source
		if source == "" {
			source = p.t("retention.source.none")
		}
		t.Rows = append(t.Rows, []doc.Cell{doc.TextCell(r.Name), doc.TextCell(period...), doc.TextCell(source)})
	}
	s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("retention.intro"))), t)
	return s
}

// security summarises the technical and organisational measures, when the
// model describes them.
func (p *planner) security() *doc.Section {
	sec := p.m.Security
	if sec == nil || (sec.Summary == "" && len(sec.Measures) == 0) {
		return nil
	}
	s := p.section(IDSecurity)
	if sec.Summary != "" {
		s.Blocks = append(s.Blocks, doc.P(doc.T(sec.Summary)))
	} else {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("security.intro"))))
	}
	if len(sec.Measures) > 0 {
		s.Blocks = append(s.Blocks, textList(sec.Measures))
	}
	return s
}
