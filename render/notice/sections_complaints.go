package notice

import (
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// complaints says how to complain: to the organisation first, through its
// own procedure when the model gives one or else through the contact
// section (DPA 2018 s.164A), then to the supervisory authority with its
// address, phone and web site (Art 13(2)(d), 14(2)(e), 77).
func (p *planner) complaints() *doc.Section {
	s := p.section(IDComplaints)
	if c := p.m.Complaints; c != nil {
		s.Blocks = append(s.Blocks, doc.SP(doc.Law("DPA 2018 s.164A", "complaints"), doc.T(p.t("complaints.us"))))
		if c.Procedure != "" {
			s.Blocks = append(s.Blocks, doc.SP(doc.From("complaints.procedure"), doc.T(c.Procedure)))
		}
		if c.URL != "" {
			s.Blocks = append(s.Blocks, doc.SP(doc.From("complaints.url"), doc.L(p.t("complaints.procedure"), c.URL)))
		}
		s.Blocks = append(s.Blocks, p.contactBlocks(c.Contact, "complaints.contact")...)
	} else if p.present[IDContactUs] {
		s.Blocks = append(s.Blocks, doc.SP(doc.Law("DPA 2018 s.164A", "controller.contacts"),
			doc.T(p.t("complaints.us.default", "section", p.ref(IDContactUs)))))
	}

	a := p.m.SupervisoryAuthority
	name := p.authorityName()
	s.Blocks = append(s.Blocks, doc.SP(doc.Law("UK GDPR Art 13(2)(d), 14(2)(e), 77", "supervisoryAuthority.name"),
		doc.T(p.t("complaints.authority", "authority", name))))
	// The authority's details are the model's, or the ICO's that the schema
	// supplies by default: the law makes the ICO the UK's authority.
	const authority = "UK GDPR Art 77; DPA 2018 s.115"
	if l := p.contactList(&ropa.Contact{Address: a.Address, Phone: a.Phone, Web: a.Web}, "supervisoryAuthority"); l != nil {
		for i := range l.Srcs {
			l.Srcs[i].Law = authority
		}
		s.Blocks = append(s.Blocks, l)
	}
	if a.Complain != "" {
		s.Blocks = append(s.Blocks, doc.SP(doc.Law(authority, "supervisoryAuthority.complain"), doc.L(p.t("complaints.authority.form"), a.Complain)))
	}
	return s
}

// authorityName is the supervisory authority's name: the model's, or,
// when the model leaves the ICO the schema supplies by default, the ICO's
// name in the standard wording of the language planned.
func (p *planner) authorityName() string {
	name := p.m.SupervisoryAuthority.Name
	if ico, _ := DefaultPhrase("complaints.authority.default"); name == "" ||
		name == ico && !p.m.Positions.Declared("supervisoryAuthority") {
		name = p.t("complaints.authority.default")
	}
	return name
}
