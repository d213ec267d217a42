package notice

import (
	"github.com/ropa-dev/ropa/render/doc"
)

// automation describes automated decision-making and profiling, derived
// from the activities' automation fields: what, the logic, the
// consequences and safeguards; or a clear statement that there is none
// (Art 13(2)(f), 14(2)(g)).
func (p *planner) automation() *doc.Section {
	s := p.section(IDAutomatedDecisions)
	decisions, found := false, false
	var blocks []doc.Block
	for _, a := range p.acts {
		au := a.Automation
		if au == nil || (!au.Decisions && !au.Profiling) {
			continue
		}
		found = true
		decisions = decisions || au.Decisions
		blocks = append(blocks, doc.P(doc.B(a.Name)))
		var lines []string
		if au.Decisions {
			lines = append(lines, p.t("automation.decision"))
		}
		if au.Profiling {
			lines = append(lines, p.t("automation.profiling"))
		}
		if au.Description != "" {
			lines = append(lines, au.Description)
		}
		if au.Logic != "" {
			lines = append(lines, p.t("automation.logic", "logic", au.Logic))
		}
		if au.Consequences != "" {
			lines = append(lines, p.t("automation.consequences", "consequences", au.Consequences))
		}
		if au.Decisions && au.Significant {
			lines = append(lines, p.t("automation.significant"))
			if k := "automation.exception." + au.Exception; au.Exception != "" && p.ph.has(k) {
				lines = append(lines, p.t(k))
			}
		}
		for _, l := range lines {
			blocks = append(blocks, doc.P(doc.T(l)))
		}
		if len(au.Safeguards) > 0 {
			blocks = append(blocks, doc.P(doc.T(p.t("automation.safeguards"))), textList(au.Safeguards))
		}
	}
	switch {
	case !found:
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("automation.none"))))
		return s
	case !decisions:
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("automation.no-decisions"))))
	}
	s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("automation.intro"))))
	s.Blocks = append(s.Blocks, blocks...)
	if decisions {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("automation.rights"))))
	}
	return s
}

// requirement says, per activity, whether giving the data is a statutory
// or contractual requirement and what happens if it is not given (Art
// 13(2)(e)).
func (p *planner) requirement() *doc.Section {
	l := &doc.List{}
	for _, a := range p.acts {
		r := a.Requirement
		if r == nil {
			continue
		}
		text := ""
		if k := "requirement." + r.Kind; r.Kind != "" && p.ph.has(k) {
			text = p.t(k)
		}
		if r.Consequence != "" {
			if text != "" {
				text += " "
			}
			text += r.Consequence
		}
		l.Items = append(l.Items, labelled(a.Name, text))
	}
	if len(l.Items) == 0 {
		return nil
	}
	s := p.section(IDRequirement)
	s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("requirement.intro"))), l)
	return s
}
