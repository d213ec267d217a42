package notice

import (
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/law"
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
// system vendors. It says the notice's activities share nothing only when
// each of them is declared to (a none of "recipients" on the activity, the
// notice or the record), and says nothing when the record is silent.
// Processors are said to work under a contract only when every one listed
// has its contract recorded. A recipient's sub-processors are named after
// it, with theirs.
func (p *planner) sharing() *doc.Section {
	s := p.section(IDSharing)
	recs := p.disclosedTo()
	if len(recs) == 0 {
		decl, ok := p.declaredNone(ropa.NoneRecipients)
		if !ok {
			return nil
		}
		s.Blocks = append(s.Blocks, doc.SP(decl, doc.T(p.t("sharing.none"))))
		return s
	}
	var all []string
	byRole := map[string][]*ropa.Recipient{}
	for _, r := range recs {
		all = append(all, "recipients."+r.Key)
		role := r.Role
		if !knownRole(role) {
			role = "controller"
		}
		byRole[role] = append(byRole[role], r)
	}
	s.Blocks = append(s.Blocks, doc.SP(doc.From(all...), doc.T(p.t("sharing.intro"))))
	for _, g := range roleGroups {
		rs := byRole[g.role]
		if len(rs) == 0 {
			continue
		}
		l := &doc.List{}
		var paths []string
		contracted := true
		for _, r := range rs {
			path := "recipients." + r.Key
			paths = append(paths, path+".role")
			runs := p.recipientItem(r)
			src := doc.From(path)
			if sub, from := p.subprocessorText(r, map[*ropa.Recipient]bool{r: true}); sub != "" {
				sep := " "
				if len(runs) == 1 { // the name alone
					sep = ": "
				}
				runs = append(runs, doc.T(sep+p.t("sharing.subprocessors", "names", sub)))
				src.Paths = append(append(src.Paths, path+".subprocessors"), from...)
			}
			l.Add(src, runs...)
			if r.Contract == "" {
				contracted = false
			}
		}
		lead := doc.From(paths...)
		phrase := g.phrase
		switch {
		case g.role == "processor" && contracted:
			for _, r := range rs {
				lead.Paths = append(lead.Paths, "recipients."+r.Key+".contract")
			}
		case g.role == "processor":
			phrase = "sharing.processors.uncontracted"
			lead.Law = "UK GDPR Art 28(3)(a), 29"
		}
		s.Blocks = append(s.Blocks, doc.SP(lead, doc.T(p.t(phrase))), l)
	}
	return s
}

// declaredNone returns where every activity of the notice is declared to
// involve nothing of the kind, and whether each is: the notice has
// activities, and each of them, the notice or the record declares it.
func (p *planner) declaredNone(kind string) (doc.Source, bool) {
	if len(p.acts) == 0 {
		return doc.Source{}, false
	}
	// Joined once at the end: joining inside the loop rebuilds the set of
	// paths for every activity, quadratic in the notice's size.
	srcs := make([]doc.Source, 0, len(p.acts))
	for _, a := range p.acts {
		d := p.m.DeclaresNone(p.n, a, kind)
		if d == "" {
			return doc.Source{}, false
		}
		srcs = append(srcs, doc.From(string(d)))
	}
	return doc.Join(srcs...), true
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
	if p.abroad(r) {
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
			out = append(out, doc.T(p.andBefore(l.Title)))
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
	var all []string
	for _, sc := range list {
		all = append(all, "schemes."+sc.Key)
	}
	s.Blocks = append(s.Blocks, doc.SP(doc.From(all...), doc.T(p.t("schemes.intro"))))
	for _, sc := range list {
		path := "schemes." + sc.Key
		sub := &doc.Section{ID: p.uniqueID("scheme-" + slug(sc.Key)), Title: sc.Name, Src: doc.From(path + ".name")}
		if sc.Description != "" {
			sub.Blocks = append(sub.Blocks, doc.SP(doc.From(path+".description"), doc.T(sc.Description)))
		}
		if sc.Operator != nil {
			sub.Blocks = append(sub.Blocks, doc.SP(doc.From(path+".operator"), doc.T(p.t("schemes.operator", "operator", sc.Operator.Name))))
		}
		if sc.OptOut != "" {
			sub.Blocks = append(sub.Blocks, doc.SP(doc.From(path+".optOut"), doc.T(p.t("schemes.optout", "optOut", sc.OptOut))))
		} else if sc.Mandatory {
			sub.Blocks = append(sub.Blocks, doc.SP(doc.From(path+".mandatory"), doc.T(p.t("schemes.mandatory"))))
		}
		notice, from := sc.PrivacyNotice, path+".privacyNotice"
		if notice == "" && sc.Operator != nil {
			notice, from = sc.Operator.PrivacyNotice, "recipients."+sc.Operator.Key+".privacyNotice"
		}
		if notice != "" {
			sub.Blocks = append(sub.Blocks, doc.SP(doc.From(from), link(p.t("schemes.notice"), notice)))
		}
		if c := p.contactBlocks(sc.Contact, path+".contact"); len(c) > 0 {
			sub.Blocks = append(sub.Blocks, doc.SP(doc.From(path+".contact"), doc.T(p.t("schemes.contact"))))
			sub.Blocks = append(sub.Blocks, c...)
		}
		if l := linkList(sc.Related, path+".related"); l != nil {
			sub.Blocks = append(sub.Blocks, doc.SP(doc.From(path+".related"), doc.T(p.t("schemes.related"))), l)
		}
		s.Sections = append(s.Sections, sub)
	}
	return s
}

// mechanismNeedsCopy reports whether a person can ask for a copy of a
// transfer mechanism's safeguard (Art 13/14(1)(f)): an Art 46 safeguard.
func mechanismNeedsCopy(kind string) bool {
	m, ok := law.MechanismOf(kind)
	return ok && m.Safeguard
}

// transfers lists each transfer abroad with its mechanism in words and how
// to get a copy of the safeguard (Art 13/14(1)(f)). A recipient whose
// stated country is outside the UK, with no transfer recorded, is listed
// with an invitation to ask how the data is protected. The section says
// that nothing leaves the UK only when every activity of the notice is
// declared to make no transfer, and says nothing when the record is
// silent: ropa never assumes a country. A model that overrides the phrase
// transfers.unknown keeps its own wording before the named organisations
// whose country the record does not state.
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
		} else if mechanismNeedsCopy(t.Mechanism) && p.present[IDContactUs] {
			text += " " + p.t("transfers.copy", "section", p.ref(IDContactUs))
		}
		l.Add(doc.Law("UK GDPR Art 13(1)(f), 14(1)(f)", "transfers."+t.Key),
			labelled(p.t("transfers.item", "recipient", name, "country", t.Country), text)...)
	}
	unknown := &doc.List{}
	for _, r := range p.disclosedWithSubprocessors() {
		path := "recipients." + r.Key
		switch {
		case covered[r]:
		case !ropa.CountryStated(p.country(r)):
			if !r.Category && r.Role != "public-authority" && r.Role != "internal" {
				unknown.Add(doc.From(path), doc.T(r.Name))
			}
		case p.abroad(r):
			l.Add(doc.From(path+".country"),
				labelled(p.t("transfers.item", "recipient", r.Name, "country", r.Country), p.t("mechanism.unspecified"))...)
		}
	}
	if len(l.Items) > 0 {
		s.Blocks = append(s.Blocks, doc.SP(doc.Join(l.Srcs...), doc.T(p.t("transfers.intro"))), l)
	}
	if len(unknown.Items) > 0 {
		key := "transfers.unknown"
		if !p.dpoDesignated() {
			key = "transfers.unknown.no-dpo"
		}
		if over := p.ph.override(key); over != "" && p.present[IDContactUs] {
			s.Blocks = append(s.Blocks, doc.SP(doc.From(over), doc.T(p.t(key, "section", p.ref(IDContactUs)))), unknown)
		}
	}
	if len(s.Blocks) == 0 {
		decl, ok := p.declaredNone(ropa.NoneTransfers)
		if !ok {
			return nil
		}
		s.Blocks = append(s.Blocks, doc.SP(decl, doc.T(p.t("transfers.none"))))
	}
	return s
}

// mechanism explains a transfer mechanism in words.
func (p *planner) mechanism(t *ropa.Transfer) string {
	if m, _ := law.MechanismOf(t.Mechanism); m.Derogation {
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
