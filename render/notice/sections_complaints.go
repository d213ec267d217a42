package notice

import (
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// complaints says how to complain: to the organisation first, through its
// own procedure when the model gives one, then to the supervisory authority
// with its address, phone and web site (Art 13(2)(d), 14(2)(e)).
func (p *planner) complaints() *doc.Section {
	s := p.section(IDComplaints)
	if c := p.m.Complaints; c != nil {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("complaints.us"))))
		if c.Procedure != "" {
			s.Blocks = append(s.Blocks, doc.P(doc.T(c.Procedure)))
		}
		if c.URL != "" {
			s.Blocks = append(s.Blocks, doc.P(doc.L(p.t("complaints.procedure"), c.URL)))
		}
		s.Blocks = append(s.Blocks, p.contactBlocks(c.Contact)...)
	} else {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("complaints.us.default", "section", p.title(IDContactUs)))))
	}

	a := p.m.SupervisoryAuthority
	name := a.Name
	if name == "" {
		name = p.t("complaints.authority.default")
	}
	s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("complaints.authority", "authority", name))))
	if l := p.contactList(&ropa.Contact{Address: a.Address, Phone: a.Phone, Web: a.Web}); l != nil {
		s.Blocks = append(s.Blocks, l)
	}
	if a.Complain != "" {
		s.Blocks = append(s.Blocks, doc.P(doc.L(p.t("complaints.authority.form"), a.Complain)))
	}
	return s
}
