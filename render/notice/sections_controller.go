package notice

import (
	"fmt"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// whoWeAre names the controller, its legal form and registrations, the
// organisations the notice also covers, its representatives and any joint
// controllers with the essence of the arrangement (Art 13/14(1)(a), 26(2)).
func (p *planner) whoWeAre() *doc.Section {
	c := &p.m.Controller
	s := p.section(IDWhoWeAre)
	role := doc.Law("UK GDPR Art 4(7), 13(1)(a), 14(1)(a)", "controller.name")
	if c.ShortName != "" && c.ShortName != c.Name {
		role.Paths = append(role.Paths, "controller.shortName")
		s.Blocks = append(s.Blocks, doc.SP(role, doc.T(p.t("controller.intro.short", "name", c.Name, "short", c.ShortName))))
	} else {
		s.Blocks = append(s.Blocks, doc.SP(role, doc.T(p.t("controller.intro", "name", c.Name))))
	}
	if c.Description != "" {
		s.Blocks = append(s.Blocks, doc.SP(doc.From("controller.description"), doc.T(c.Description)))
	}

	details := &doc.List{}
	if len(c.FormerNames) > 0 {
		details.Add(doc.From("controller.formerNames"), doc.T(p.t("controller.former-names", "names", p.joinList(c.FormerNames))))
	}
	if c.LegalForm != "" {
		details.Add(doc.From("controller.legalForm"), doc.T(p.t("controller.legal-form", "legalForm", c.LegalForm)))
	}
	for i, r := range c.Registrations {
		path := fmt.Sprintf("controller.registrations[%d]", i)
		if r.Number == "" {
			details.Add(doc.From(path), doc.T(p.t("controller.registration.no-number", "register", r.Register)))
			continue
		}
		details.Add(doc.From(path), doc.T(p.t("controller.registration", "register", r.Register, "number", r.Number)))
	}
	if ch := c.Charity; ch != nil {
		details.Add(doc.From("controller.charity"), doc.T(p.charity(ch)))
	}
	if c.ICORegistration != "" {
		details.Add(doc.From("controller.icoRegistration"), doc.T(p.t("controller.ico", "number", c.ICORegistration)))
	} else if c.ICORegistered {
		details.Add(doc.From("controller.icoRegistered"), doc.T(p.t("controller.ico.registered")))
	}
	if a := address(c.Address); a != "" {
		// The address is called what the model says it is, and only
		// "Address" when it does not say.
		key, src := "controller.address", doc.From("controller.address")
		if c.AddressKind != "" {
			key += "." + c.AddressKind
			src.Paths = append(src.Paths, "controller.addressKind")
		}
		details.Add(src, doc.T(p.t(key, "address", a)))
	}
	if c.Website != "" {
		details.Add(doc.From("controller.website"), doc.T(p.t("label.website")+": "), doc.L(c.Website, c.Website))
	}
	if len(details.Items) > 0 {
		s.Blocks = append(s.Blocks, doc.SP(doc.From("controller"), doc.T(p.t("controller.details"))), details)
	}

	group := &doc.List{}
	for i, g := range c.Group {
		if !g.Covered {
			continue
		}
		name := g.Name
		if g.Relation != "" {
			name = p.t("controller.group.relation", "name", g.Name, "relation", g.Relation)
		}
		group.Add(doc.From(fmt.Sprintf("controller.group[%d]", i)), doc.T(name))
	}
	if len(group.Items) > 0 {
		s.Blocks = append(s.Blocks, doc.SP(doc.From("controller.group"), doc.T(p.t("controller.group"))), group)
	}

	if r := c.Representatives; r != nil {
		s.Blocks = append(s.Blocks, p.representative("controller.representative.uk", r.UK, "controller.representatives.uk")...)
		s.Blocks = append(s.Blocks, p.representative("controller.representative.eu", r.EU, "controller.representatives.eu")...)
	}

	var blocks []doc.Block
	for _, jc := range p.m.JointControllerList() {
		if jc == nil || !p.jointIn(jc) {
			continue
		}
		path := "controller.jointControllers." + jc.Key
		blocks = append(blocks, doc.SP(doc.From(path+".name"), doc.B(jc.Name)))
		if jc.Arrangement != "" {
			blocks = append(blocks, doc.SP(doc.From(path+".arrangement"),
				doc.T(p.t("joint.arrangement", "arrangement", jc.Arrangement))))
		}
		if l := p.contactList(jc.Contact, path+".contact"); l != nil {
			blocks = append(blocks, l)
		}
	}
	if len(blocks) > 0 {
		sub := p.section(IDJointControllers)
		sub.Blocks = append(sub.Blocks, doc.SP(doc.Law("UK GDPR Art 26", "controller.jointControllers"), doc.T(p.t("joint.intro"))))
		sub.Blocks = append(sub.Blocks, blocks...)
		s.Sections = append(s.Sections, sub)
	}
	return s
}

// charity describes the controller's charitable status, with its register
// and number when the model gives them.
func (p *planner) charity(ch *ropa.Charity) string {
	text := p.t("controller.charity." + ch.Status)
	if ch.Register != "" {
		text = p.t("controller.charity.register", "charity", text, "register", ch.Register)
	}
	if ch.Number != "" {
		text = p.t("controller.charity.number", "charity", text, "number", ch.Number)
	}
	return text
}

// jointIn reports whether an activity of the notice names the joint
// controller in its jointControllers, or discloses to it as a recipient of
// role joint-controller with its key or name: the notice says "for some
// of the uses described in this notice, we decide jointly" only of the
// uses it describes.
func (p *planner) jointIn(jc *ropa.JointController) bool {
	for _, a := range p.acts {
		for _, j := range a.JointControllers {
			if j == jc {
				return true
			}
		}
		for _, r := range a.Recipients {
			if r != nil && r.Role == "joint-controller" && (r.Key == jc.Key || r.Name == jc.Name) {
				return true
			}
		}
	}
	return false
}

func (p *planner) representative(key string, r *ropa.Party, path string) []doc.Block {
	if r == nil || r.Name == "" {
		return nil
	}
	out := []doc.Block{doc.SP(doc.Law("UK GDPR Art 27", path+".name"), doc.T(p.t(key, "name", r.Name)))}
	if l := p.contactList(r.Contact, path+".contact"); l != nil {
		out = append(out, l)
	}
	return out
}

// contactUs gives the controller's contact details and the DPO's (Art
// 13/14(1)(a)-(b)). It names a Data Protection Officer only when the model
// designates one.
func (p *planner) contactUs() *doc.Section {
	c := &p.m.Controller
	s := p.section(IDContactUs)
	var contacts []doc.Block
	// The notice's own contacts (a named officer, a team mailbox) stand
	// in for the controller's general ones.
	list, base := c.Contacts, "controller.contacts"
	if len(p.n.Contacts) > 0 {
		list, base = p.n.Contacts, p.noticePath()+".contacts"
	}
	for i := range list {
		contacts = append(contacts, p.contactBlocks(&list[i], fmt.Sprintf("%s[%d]", base, i))...)
	}
	if len(contacts) == 0 && c.Address != nil {
		if l := p.contactList(&ropa.Contact{Address: c.Address}, "controller"); l != nil {
			contacts = append(contacts, l)
		}
	}
	if len(contacts) > 0 {
		s.Blocks = append(s.Blocks, doc.SP(doc.From(base), doc.T(p.t("contact.intro"))))
		s.Blocks = append(s.Blocks, contacts...)
	}
	if d := c.DPO; d != nil {
		who := p.contactBlocks(&d.Contact, "controller.dpo")
		if len(who) > 0 {
			if d.Designated {
				s.Blocks = append(s.Blocks, doc.SP(doc.Law("UK GDPR Art 13(1)(b), 38(4), 39", "controller.dpo"), doc.T(p.t("contact.dpo"))))
			} else {
				s.Blocks = append(s.Blocks, doc.SP(doc.From("controller.dpo.designated"),
					doc.T(p.t("contact.responsible", "controller", c.DisplayName()))))
			}
			s.Blocks = append(s.Blocks, who...)
		}
	}
	if len(s.Blocks) == 0 {
		return nil
	}
	return s
}
