package notice

import (
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// automation describes automated decision-making and profiling, derived
// from the activities' automation fields: what, the logic, the
// consequences and safeguards (Art 13(2)(f), 14(2)(g)). It says there are
// no solely automated decisions, or no profiling, only when every activity
// of the notice answers so: with an automation block, or a none of
// "automated-decisions" or "profiling" on the activity, the notice or the
// record. When the record is silent it says nothing.
func (p *planner) automation() *doc.Section {
	s := p.section(IDAutomatedDecisions)
	decisions := false
	var blocks []doc.Block
	for _, a := range p.acts {
		au := a.Automation
		if au == nil || (!au.Decisions && !au.Profiling) {
			continue
		}
		path := actPath(a, "automation")
		decisions = decisions || au.Decisions
		blocks = append(blocks, doc.SP(doc.From(actPath(a, "name")), doc.B(a.Name)))
		say := func(field, text string) { blocks = append(blocks, doc.SP(doc.From(path+"."+field), doc.T(text))) }
		if au.Decisions {
			say("decisions", p.t("automation.decision"))
		}
		if au.Profiling {
			say("profiling", p.t("automation.profiling"))
		}
		if au.Description != "" {
			say("description", au.Description)
		}
		if au.Logic != "" {
			say("logic", p.t("automation.logic", "logic", au.Logic))
		}
		if au.Consequences != "" {
			say("consequences", p.t("automation.consequences", "consequences", au.Consequences))
		}
		if au.Decisions && au.Significant {
			say("significant", p.t("automation.significant"))
			if k := "automation.exception." + au.Exception; au.Exception != "" && p.ph.has(k) {
				say("exception", p.t(k))
			}
		}
		if len(au.Safeguards) > 0 {
			blocks = append(blocks, doc.SP(doc.From(path+".safeguards"), doc.T(p.t("automation.safeguards"))),
				textList(path+".safeguards", au.Safeguards))
		}
	}
	noDecisions, okD := p.answeredNone(ropa.NoneAutomatedDecisions, "decisions",
		func(au *ropa.Automation) (bool, bool) { return au.DecisionsStated, au.NoDecisions() })
	noProfiling, okP := p.answeredNone(ropa.NoneProfiling, "profiling",
		func(au *ropa.Automation) (bool, bool) { return au.ProfilingStated, au.NoProfiling() })
	switch {
	case len(blocks) > 0:
		if okD {
			s.Blocks = append(s.Blocks, doc.SP(noDecisions, doc.T(p.t("automation.no-decisions"))))
		}
		s.Blocks = append(s.Blocks, doc.SP(doc.Join(blockSources(blocks)...), doc.T(p.t("automation.intro"))))
		s.Blocks = append(s.Blocks, blocks...)
		if decisions {
			s.Blocks = append(s.Blocks, doc.SP(doc.Law("UK GDPR Art 22C"), doc.T(p.t("automation.rights"))))
		}
	case okD && okP:
		s.Blocks = append(s.Blocks, doc.SP(doc.Join(noDecisions, noProfiling), doc.T(p.t("automation.none"))))
	case okD:
		s.Blocks = append(s.Blocks, doc.SP(noDecisions, doc.T(p.t("automation.no-decisions"))))
	case okP:
		s.Blocks = append(s.Blocks, doc.SP(noProfiling, doc.T(p.t("automation.no-profiling"))))
	default:
		return nil
	}
	return s
}

// answeredNone returns where every activity of the notice answers "none"
// for kind, and whether each does: by its automation block stating the
// answer (field), or, where the block does not state it, by a none
// declaration on the activity, the notice or the record.
func (p *planner) answeredNone(kind, field string, answer func(*ropa.Automation) (stated, none bool)) (doc.Source, bool) {
	if len(p.acts) == 0 {
		return doc.Source{}, false
	}
	// Joined once at the end, as in declaredNone: joining inside the loop
	// is quadratic in the notice's size.
	srcs := make([]doc.Source, 0, len(p.acts))
	for _, a := range p.acts {
		stated, none := false, false
		if a.Automation != nil {
			stated, none = answer(a.Automation)
		}
		switch d := p.m.DeclaresNone(p.n, a, kind); {
		case stated && none:
			srcs = append(srcs, doc.From(actPath(a, "automation."+field)))
		case stated:
			return doc.Source{}, false
		case d != "":
			srcs = append(srcs, doc.From(string(d)))
		default:
			return doc.Source{}, false
		}
	}
	return doc.Join(srcs...), true
}

// blockSources lists the sources of paragraphs and list items in blocks.
func blockSources(blocks []doc.Block) []doc.Source {
	var out []doc.Source
	for _, b := range blocks {
		switch b := b.(type) {
		case *doc.Paragraph:
			out = append(out, b.Src)
		case *doc.List:
			out = append(out, b.Srcs...)
		}
	}
	return out
}

// requirement says, per activity, whether giving the data is a statutory
// or contractual requirement and what happens if it is not given (Art
// 13(2)(e)), then which data people can choose not to give.
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
		l.Add(doc.From(actPath(a, "requirement")), labelled(a.Name, text)...)
	}
	optional := p.optionalList()
	if len(l.Items) == 0 && len(optional) == 0 {
		return nil
	}
	s := p.section(IDRequirement)
	if len(l.Items) > 0 {
		s.Blocks = append(s.Blocks, doc.SP(doc.Join(l.Srcs...), doc.T(p.t("requirement.intro"))), l)
	}
	s.Blocks = append(s.Blocks, optional...)
	return s
}
