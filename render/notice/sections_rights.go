package notice

import (
	"github.com/ropa-dev/ropa/render/doc"
)

// rights lists the rights the notice's lawful bases bring (Art 13(2)(b)-(c),
// 14(2)(c)-(d)), with the right to object in a sub-section of its own so
// that it is brought to the reader's attention explicitly and separately
// (Art 21(4)).
func (p *planner) rights() *doc.Section {
	r := deriveRights(p.acts)
	s := p.section(IDYourRights)
	s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("rights.intro"))))
	l := &doc.List{}
	for _, k := range r.keys() {
		if k == "object" || k == "object-marketing" {
			continue
		}
		text := p.t("rights." + k + ".text")
		if k == "erasure" && r.ErasureLimited {
			text += " " + p.t("rights.erasure.limited")
		}
		l.Items = append(l.Items, labelled(p.t("rights."+k+".title"), text))
	}
	s.Blocks = append(s.Blocks, l)

	obj := p.section(IDRightToObject)
	if r.Object {
		obj.Blocks = append(obj.Blocks, doc.P(doc.B(p.t("rights.object.text"))))
	}
	obj.Blocks = append(obj.Blocks, doc.P(doc.B(p.t("rights.object-marketing.text"))))
	s.Sections = append(s.Sections, obj)
	return s
}

// exerciseRights says whom to contact to use the rights: the rights
// contact, else the DPO, else the controller's contact details.
func (p *planner) exerciseRights() *doc.Section {
	s := p.section(IDExerciseRights)
	c := p.m.RightsContact
	if c.IsZero() && p.m.Controller.DPO != nil && !p.m.Controller.DPO.Contact.IsZero() {
		c = &p.m.Controller.DPO.Contact
	}
	if blocks := p.contactBlocks(c); !c.IsZero() && len(blocks) > 0 {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("exercise.intro"))))
		s.Blocks = append(s.Blocks, blocks...)
	} else {
		s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("exercise.see-contact", "section", p.title(IDContactUs)))))
	}
	s.Blocks = append(s.Blocks, doc.P(doc.T(p.t("exercise.response"))))
	return s
}
