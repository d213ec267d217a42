package notice

import (
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// whoWeAre names the controller, its legal form and registrations, the
// organisations the notice also covers, its representatives and any joint
// controllers with the essence of the arrangement (Art 13/14(1)(a), 26(2)).
func (p *planner) whoWeAre() *doc.Section {
	c := &p.m.Controller
	s := p.section(IDWhoWeAre)
	if c.ShortName != "" && c.ShortName != c.Name {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("controller.intro.short", "name", c.Name, "short", c.ShortName))))
	} else {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("controller.intro", "name", c.Name))))
	}
	if c.Description != "" {
		s.Blocks = append(s.Blocks, doc.P(doc.T(c.Description)))
	}

	details := &doc.List{}
	add := func(runs ...doc.Inline) { details.Items = append(details.Items, runs) }
	if c.LegalForm != "" {
		add(doc.T(p.t("controller.legal-form", "legalForm", c.LegalForm)))
	}
	for _, r := range c.Registrations {
		add(doc.T(p.t("controller.registration", "register", r.Register, "number", r.Number)))
	}
	if c.ICORegistration != "" {
		add(doc.T(p.t("controller.ico", "number", c.ICORegistration)))
	}
	if a := address(c.Address); a != "" {
		add(doc.T(p.t("controller.address", "address", a)))
	}
	if c.Website != "" {
		add(doc.T(p.t("label.website")+": "), doc.L(c.Website, c.Website))
	}
	if len(details.Items) > 0 {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("controller.details"))), details)
	}

	var group [][]doc.Inline
	for _, g := range c.Group {
		if !g.Covered {
			continue
		}
		name := g.Name
		if g.Relation != "" {
			name = p.t("controller.group.relation", "name", g.Name, "relation", g.Relation)
		}
		group = append(group, []doc.Inline{doc.T(name)})
	}
	if len(group) > 0 {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("controller.group"))), &doc.List{Items: group})
	}

	if r := c.Representatives; r != nil {
		s.Blocks = append(s.Blocks, p.representative("controller.representative.uk", r.UK)...)
		s.Blocks = append(s.Blocks, p.representative("controller.representative.eu", r.EU)...)
	}

	var jcs []*ropa.JointController
	for _, jc := range p.m.JointControllerList() {
		if jc != nil {
			jcs = append(jcs, jc)
		}
	}
	if len(jcs) > 0 {
		sub := p.section(IDJointControllers)
		sub.Blocks = append(sub.Blocks, doc.P(doc.T(p.t("joint.intro"))))
		for _, jc := range jcs {
			sub.Blocks = append(sub.Blocks, doc.P(doc.B(jc.Name)))
			if jc.Arrangement != "" {
				sub.Blocks = append(sub.Blocks, doc.P(doc.T(p.t("joint.arrangement", "arrangement", jc.Arrangement))))
			}
			if l := p.contactList(jc.Contact); l != nil {
				sub.Blocks = append(sub.Blocks, l)
			}
		}
		s.Sections = append(s.Sections, sub)
	}
	return s
}

func (p *planner) representative(key string, r *ropa.Party) []doc.Block {
	if r == nil || r.Name == "" {
		return nil
	}
	out := []doc.Block{doc.P(doc.T(p.t(key, "name", r.Name)))}
	if l := p.contactList(r.Contact); l != nil {
		out = append(out, l)
	}
	return out
}

// contactUs gives the controller's contact details and the DPO's (Art
// 13/14(1)(a)-(b)).
func (p *planner) contactUs() *doc.Section {
	c := &p.m.Controller
	s := p.section(IDContactUs)
	var contacts []doc.Block
	for i := range c.Contacts {
		contacts = append(contacts, p.contactBlocks(&c.Contacts[i])...)
	}
	if len(contacts) == 0 && c.Address != nil {
		contacts = append(contacts, p.contactList(&ropa.Contact{Address: c.Address}))
	}
	if len(contacts) > 0 {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("contact.intro"))))
		s.Blocks = append(s.Blocks, contacts...)
	}
	if d := c.DPO; d != nil {
		if d.Designated {
			s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("contact.dpo"))))
		} else {
			s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("contact.responsible", "controller", c.DisplayName()))))
		}
		s.Blocks = append(s.Blocks, p.contactBlocks(&d.Contact)...)
	}
	if len(s.Blocks) == 0 {
		return nil
	}
	return s
}
