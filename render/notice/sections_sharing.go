package notice

import (
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// roleGroups are the groups recipients are listed in, each with its
// lead-in phrase.
var roleGroups = []struct{ role, phrase string }{
	{"processor", "sharing.processors"},
	{"controller", "sharing.controllers"},
	{"joint-controller", "sharing.joint"},
	{"public-authority", "sharing.authorities"},
	{"internal", "sharing.internal"},
}

// sharing lists the recipients, or categories of them, grouped by how
// they stand to the data (Art 13/14(1)(e)): every organisation the
// notice's activities disclose data to, including scheme operators and
// system vendors; when there are none it says so.
func (p *planner) sharing() *doc.Section {
	s := p.section(IDSharing)
	recs := p.disclosedTo()
	if len(recs) == 0 {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("sharing.none"))))
		return s
	}
	s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("sharing.intro"))))
	byRole := map[string][]*ropa.Recipient{}
	for _, r := range recs {
		role := r.Role
		if !knownRole(role) {
			role = "controller"
		}
		byRole[role] = append(byRole[role], r)
	}
	for _, g := range roleGroups {
		rs := byRole[g.role]
		if len(rs) == 0 {
			continue
		}
		l := &doc.List{}
		for _, r := range rs {
			l.Items = append(l.Items, p.recipientItem(r))
		}
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t(g.phrase))), l)
	}
	return s
}

func knownRole(role string) bool {
	for _, g := range roleGroups {
		if g.role == role {
			return true
		}
	}
	return false
}

// recipientItem describes one recipient: name, what it does, where it is
// when that is outside the UK, a link to its own privacy notice and the
// related notices or pages the model names for it.
func (p *planner) recipientItem(r *ropa.Recipient) []doc.Inline {
	name := r.Name
	if !countryUnknown(r.Country) && !inUK(r.Country) {
		name = p.t("sharing.located", "name", r.Name, "country", r.Country)
	}
	runs := labelled(name, r.Description)
	// sep is what goes before the next run: a colon straight after the
	// name, a space after a description or a link.
	sep := " "
	if r.Description == "" {
		sep = ": "
	}
	if r.PrivacyNotice != "" {
		runs = append(runs, doc.T(sep), link(p.t("sharing.notice"), r.PrivacyNotice))
		sep = " "
	}
	if rel := p.inlineLinks(r.Related); len(rel) > 0 {
		runs = append(runs, doc.T(sep+p.t("sharing.related")+" "))
		runs = append(runs, rel...)
	}
	return runs
}

// inlineLinks renders related links as one run of prose, "a, b and c",
// each a link when it has a URL and its title alone otherwise, followed by
// its note in brackets; it is nil when there are no links.
func (p *planner) inlineLinks(links []ropa.Link) []doc.Inline {
	var out []doc.Inline
	for i, l := range links {
		switch {
		case i == 0:
		case i == len(links)-1:
			out = append(out, doc.T(p.t("list.and")))
		default:
			out = append(out, doc.T(p.t("list.separator")))
		}
		out = append(out, link(l.Title, l.URL))
		if l.Note != "" {
			out = append(out, doc.T(" ("+l.Note+")"))
		}
	}
	return out
}

// schemes describes each data-sharing scheme: what it is, who runs it, how
// to opt out, where its own notice is, whom to contact about it (who they
// are, how to reach them and the contact's note) and the scheme's related
// notices, guidance or pages.
func (p *planner) schemes() *doc.Section {
	list := p.schemeList()
	if len(list) == 0 {
		return nil
	}
	s := p.section(IDSchemes)
	s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("schemes.intro"))))
	for _, sc := range list {
		sub := &doc.Section{ID: p.uniqueID("scheme-" + slug(sc.Key)), Title: sc.Name}
		if sc.Description != "" {
			sub.Blocks = append(sub.Blocks, doc.P(doc.T(sc.Description)))
		}
		if sc.Operator != nil {
			sub.Blocks = append(sub.Blocks, doc.P(doc.T(p.t("schemes.operator", "operator", sc.Operator.Name))))
		}
		if sc.OptOut != "" {
			sub.Blocks = append(sub.Blocks, doc.P(doc.T(p.t("schemes.optout", "optOut", sc.OptOut))))
		} else if sc.Mandatory {
			sub.Blocks = append(sub.Blocks, doc.P(doc.T(p.t("schemes.mandatory"))))
		}
		notice := sc.PrivacyNotice
		if notice == "" && sc.Operator != nil {
			notice = sc.Operator.PrivacyNotice
		}
		if notice != "" {
			sub.Blocks = append(sub.Blocks, doc.P(link(p.t("schemes.notice"), notice)))
		}
		if c := p.contactBlocks(sc.Contact); len(c) > 0 {
			sub.Blocks = append(sub.Blocks, doc.P(doc.T(p.t("schemes.contact"))))
			sub.Blocks = append(sub.Blocks, c...)
		}
		if l := linkList(sc.Related); l != nil {
			sub.Blocks = append(sub.Blocks, doc.P(doc.T(p.t("schemes.related"))), l)
		}
		s.Sections = append(s.Sections, sub)
	}
	return s
}

// mechanismNeedsCopy lists the transfer mechanisms whose safeguard a
// person can ask for a copy of (Art 13/14(1)(f)).
var mechanismNeedsCopy = map[string]bool{
	"idta": true, "uk-addendum": true, "eu-sccs": true, "bcr": true, "other": true,
}

// transfers lists each transfer abroad with its mechanism in words and how
// to get a copy of the safeguard. A recipient outside the UK with no
// transfer recorded is listed as unspecified rather than denied. A named
// processor or controller whose country the model does not state is listed
// as unknown,
// with how to ask where the data goes: ropa never assumes the UK. Only
// when neither applies does the section say that data stays in the UK.
func (p *planner) transfers() *doc.Section {
	s := p.section(IDTransfers)
	l := &doc.List{}
	covered := map[*ropa.Recipient]bool{}
	for _, t := range p.transferList() {
		name := t.RecipientID
		if t.Recipient != nil {
			name = t.Recipient.Name
			covered[t.Recipient] = true
		}
		text := p.mechanism(t)
		if t.Note != "" {
			text += " " + t.Note
		}
		if t.SafeguardCopy != "" {
			text += " " + t.SafeguardCopy
		} else if mechanismNeedsCopy[t.Mechanism] {
			text += " " + p.t("transfers.copy", "section", p.title(IDContactUs))
		}
		l.Items = append(l.Items, labelled(p.t("transfers.item", "recipient", name, "country", t.Country), text))
	}
	unknown := &doc.List{}
	for _, r := range p.disclosedTo() {
		switch {
		case covered[r]:
		case countryUnknown(r.Country):
			// Named processors and controllers, as the linter's
			// recipient-country-missing rule asks: public authorities
			// and internal teams are taken to be where the controller is.
			if !r.Category && r.Role != "public-authority" && r.Role != "internal" {
				unknown.Items = append(unknown.Items, []doc.Inline{doc.T(r.Name)})
			}
		case !inUK(r.Country):
			l.Items = append(l.Items, labelled(p.t("transfers.item", "recipient", r.Name, "country", r.Country), p.t("mechanism.unspecified")))
		}
	}
	if len(l.Items) > 0 {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("transfers.intro"))), l)
	}
	if len(unknown.Items) > 0 {
		var ask string
		if d := p.m.Controller.DPO; d != nil && d.Designated {
			ask = p.t("transfers.unknown", "section", p.title(IDContactUs))
		} else {
			ask = p.t("transfers.unknown.no-dpo", "section", p.title(IDContactUs))
		}
		s.Blocks = append(s.Blocks, doc.P(doc.T(ask)), unknown)
	}
	if len(s.Blocks) == 0 {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("transfers.none"))))
	}
	return s
}

// mechanism explains a transfer mechanism in words.
func (p *planner) mechanism(t *ropa.Transfer) string {
	if t.Mechanism == "derogation" {
		if t.Derogation == "" {
			return p.t("mechanism.derogation.unnamed")
		}
		return p.t("mechanism.derogation", "derogation", t.Derogation)
	}
	if k := "mechanism." + t.Mechanism; t.Mechanism != "" && p.ph.has(k) {
		return p.t(k)
	}
	return p.t("mechanism.unspecified")
}
