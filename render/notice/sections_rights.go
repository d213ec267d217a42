package notice

import (
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
)

// rightLaw is the article that gives each right a notice lists.
var rightLaw = map[string]string{
	"access":           "UK GDPR Art 15",
	"rectification":    "UK GDPR Art 16",
	"erasure":          "UK GDPR Art 17",
	"restriction":      "UK GDPR Art 18",
	"portability":      "UK GDPR Art 20",
	"automated":        "UK GDPR Art 22C",
	"withdraw-consent": "UK GDPR Art 7(3)",
	"object":           "UK GDPR Art 21(1)",
	"object-research":  "UK GDPR Art 21(6)",
	"object-marketing": "UK GDPR Art 21(2)-(3)",
}

// rights lists the rights the notice's lawful bases bring (Art 13(2)(b)-(c),
// 14(2)(c)-(d)), with the right to object in a sub-section of its own so
// that it is brought to the reader's attention explicitly and separately
// (Art 21(4)). A gap in the record never removes a right: an activity with
// no lawful basis brings every right a basis could.
func (p *planner) rights() *doc.Section {
	r := deriveRights(p.acts)
	s := p.section(IDYourRights)
	s.Blocks = append(s.Blocks, doc.SP(doc.Law("UK GDPR Art 13(2)(b), 14(2)(c)"), doc.T(p.t("rights.intro"))))
	l := &doc.List{}
	for _, k := range r.keys() {
		if strings.HasPrefix(k, "object") {
			continue
		}
		text := p.t("rights." + k + ".text")
		if k == "erasure" && r.ErasureLimited {
			text += " " + p.t("rights.erasure.limited")
		}
		l.Add(doc.Law(rightLaw[k]), labelled(p.t("rights."+k+".title"), text)...)
	}
	s.Blocks = append(s.Blocks, l)

	obj := p.section(IDRightToObject)
	if r.Object {
		obj.Blocks = append(obj.Blocks, doc.SP(doc.Law(rightLaw["object"]), doc.B(p.t("rights.object.text"))))
	}
	if r.ObjectResearch {
		obj.Blocks = append(obj.Blocks, doc.SP(doc.Law(rightLaw["object-research"]), doc.B(p.t("rights.object-research.text"))))
	}
	if marketing := p.directMarketing(); len(marketing) > 0 {
		obj.Blocks = append(obj.Blocks, doc.SP(doc.Law(rightLaw["object-marketing"], marketing...), doc.B(p.t("rights.object-marketing.text"))))
	}
	if len(obj.Blocks) > 0 {
		s.Sections = append(s.Sections, obj)
	}
	return s
}

// directMarketing returns the directMarketing fields of the notice's
// activities that are direct marketing: the facts that bring the right to
// object to direct marketing (Art 21(2)-(3)) into the notice.
func (p *planner) directMarketing() []string {
	var out []string
	for _, a := range p.acts {
		if a.DirectMarketing {
			out = append(out, actPath(a, "directMarketing"))
		}
	}
	return out
}

// rightToObjectStated reports whether the rights section has a right to
// object to state: on legitimate interests or a public task, or to direct
// marketing.
func (p *planner) rightToObjectStated() bool {
	return deriveRights(p.acts).Object || len(p.directMarketing()) > 0
}

// exerciseRights says whom to contact to use the rights: the rights
// contact, else the DPO, else the contact section when the notice has one.
func (p *planner) exerciseRights() *doc.Section {
	s := p.section(IDExerciseRights)
	c, path := p.m.RightsContact, "rightsContact"
	if c.IsZero() && p.m.Controller.DPO != nil && !p.m.Controller.DPO.Contact.IsZero() {
		c, path = &p.m.Controller.DPO.Contact, "controller.dpo"
	}
	if blocks := p.contactBlocks(c, path); !c.IsZero() && len(blocks) > 0 {
		s.Blocks = append(s.Blocks, doc.SP(doc.From(path), doc.T(p.t("exercise.intro"))))
		s.Blocks = append(s.Blocks, blocks...)
	} else if p.present[IDContactUs] {
		s.Blocks = append(s.Blocks, doc.SP(doc.From("controller.contacts"),
			doc.T(p.t("exercise.see-contact", "section", p.ref(IDContactUs)))))
	}
	s.Blocks = append(s.Blocks, doc.SP(doc.Law("UK GDPR Art 12(3), 12(5)"), doc.T(p.t("exercise.response"))))
	return s
}
