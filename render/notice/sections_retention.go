package notice

import (
	"github.com/ropa-dev/ropa/render/doc"
)

// retention gives each retention rule the notice's activities and
// categories cite: the period (a fixed one, a maximum or a range, and
// "usually" when the record says so) and its trigger, or the criteria, the rule's
// own note in the organisation's words (such as "usually" or an
// exception), what happens then when the model says so, and the law or
// policy that sets it when the model names one (Art 13/14(2)(a)). A rule
// with no action says nothing about what happens at the end of the period;
// a rule with no source leaves its "why" empty, and the column is left out
// when no rule has one. With no rule the section is left out, unless the
// model supplies its own retention.none wording.
func (p *planner) retention() *doc.Section {
	s := p.section(IDRetention)
	rules := p.retentionRules()
	if len(rules) == 0 {
		if over := p.ph.override("retention.none"); over != "" {
			s.Blocks = append(s.Blocks, doc.SP(doc.From(over), doc.T(p.t("retention.none"))))
			return s
		}
		return nil
	}
	noSource := p.ph.override("retention.source.none")
	withSource := noSource != ""
	for _, r := range rules {
		withSource = withSource || r.Source != ""
	}
	t := &doc.Table{
		Caption: p.t("retention.caption"),
		Header:  []string{p.t("retention.col.record"), p.t("retention.col.period")},
		Widths:  []float64{2, 3},
		// Each row is about the records its first cell names.
		RowHeaders: true,
	}
	if withSource {
		t.Header = append(t.Header, p.t("retention.col.source"))
		t.Widths = append(t.Widths, 2)
	}
	var all []string
	for _, r := range rules {
		path := "retention." + r.Key
		all = append(all, path)
		var period []string
		if t := p.periodText(r); t != "" {
			period = append(period, t)
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
		row := []doc.Cell{doc.TextCell(r.Name), doc.TextCell(period...)}
		src := doc.From(path)
		if withSource {
			source := r.Source
			if source == "" && noSource != "" {
				source = p.t("retention.source.none")
				src = doc.From(path, noSource)
			}
			row = append(row, optionalCell(source))
		}
		t.AddRow(src, row...)
	}
	s.Blocks = append(s.Blocks, doc.SP(doc.From(all...), doc.T(p.t("retention.intro"))), t)
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
		s.Blocks = append(s.Blocks, doc.SP(doc.From("security.summary"), doc.T(sec.Summary)))
	} else {
		s.Blocks = append(s.Blocks, doc.SP(doc.From("security.measures"), doc.T(p.t("security.intro"))))
	}
	if len(sec.Measures) > 0 {
		s.Blocks = append(s.Blocks, textList("security.measures", sec.Measures))
	}
	return s
}
