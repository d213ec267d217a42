package notice

import "github.com/ropa-dev/ropa/ropa"

// ordered returns the distinct non-nil entities of used, in the order of
// all (the model's source order), followed by any used entity that all
// does not list, in the order first used.
func ordered[T any](all []*T, used []*T) []*T {
	set := make(map[*T]bool, len(used))
	for _, e := range used {
		if e != nil {
			set[e] = true
		}
	}
	out := make([]*T, 0, len(set))
	for _, e := range all {
		if set[e] {
			out = append(out, e)
			delete(set, e)
		}
	}
	for _, e := range used {
		if set[e] {
			out = append(out, e)
			delete(set, e)
		}
	}
	return out
}

// categories returns the data categories the notice's activities use and
// those the notice lists itself.
func (p *planner) categories() []*ropa.Category {
	var used []*ropa.Category
	for _, a := range p.acts {
		used = append(used, a.Categories...)
	}
	used = append(used, p.n.Categories...)
	return ordered(p.m.CategoryList(), used)
}

// sourceList returns the sources the notice's activities use.
func (p *planner) sourceList() []*ropa.Source {
	var used []*ropa.Source
	for _, a := range p.acts {
		used = append(used, a.Sources...)
	}
	return ordered(p.m.SourceList(), used)
}

// disclosedTo returns every recipient the notice's activities disclose
// data to: their recipients, then the operators of the schemes they feed
// and the vendors of the systems they use, as the register lists them.
func (p *planner) disclosedTo() []*ropa.Recipient {
	var used []*ropa.Recipient
	for _, a := range p.acts {
		used = append(used, a.Recipients...)
	}
	for _, sc := range p.schemeList() {
		used = append(used, sc.Operator)
	}
	for _, a := range p.acts {
		for _, sy := range a.Systems {
			if sy != nil {
				used = append(used, sy.Vendor)
			}
		}
	}
	return ordered(p.m.RecipientList(), used)
}

// transferList returns the transfers the notice's activities make.
func (p *planner) transferList() []*ropa.Transfer {
	var used []*ropa.Transfer
	for _, a := range p.acts {
		used = append(used, a.Transfers...)
	}
	return ordered(p.m.TransferList(), used)
}

// schemeList returns the schemes the notice's activities feed.
func (p *planner) schemeList() []*ropa.Scheme {
	var used []*ropa.Scheme
	for _, a := range p.acts {
		used = append(used, a.Schemes...)
	}
	return ordered(p.m.SchemeList(), used)
}

// retentionRules returns the retention rules of the notice's activities
// and of the categories they use.
func (p *planner) retentionRules() []*ropa.Retention {
	var used []*ropa.Retention
	for _, a := range p.acts {
		used = append(used, a.Retention...)
	}
	for _, c := range p.categories() {
		used = append(used, c.RetentionRules...)
	}
	return ordered(p.m.RetentionList(), used)
}
