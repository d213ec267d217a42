package lint

import (
	"strings"

	"github.com/ropa-dev/ropa/ropa/law"
)

// Controller rules: who is responsible and how to reach them, UK GDPR
// Articles 13(1)(a)-(b), 26, 30(1)(a), 37-38.

func init() {
	register(
		&Rule{
			ID: "controller-contact-missing", Severity: Error, Ref: "UK GDPR Art 13(1)(a), 14(1)(a), 30(1)(a)", Duty: DutyNotice,
			Message: "the controller gives no contact details",
			Explain: `The notice and the record give the controller's identity and contact
details: a postal address, or a contact with an email, phone or address.

Fix:

    controller: {
        address: {lines: ["1 High Street", "Exampleton"], postcode: "EX1 1AA"}
        contacts: [{role: "Customer services", email: "hello@example.org"}]
    }`,
			Check: checkControllerContact,
		},
		&Rule{
			ID: "dpo-contact-missing", Severity: Error, Ref: "UK GDPR Art 13(1)(b), 37(7)", Duty: DutyNotice,
			Message: "a designated DPO has no contact details",
			Explain: `Where a data protection officer is designated, the notice must give their
contact details (Art 13(1)(b)) and they must be published (Art 37(7)).

Fix:

    controller: dpo: {email: "dpo@example.org", phone: "0300 000 0001"}`,
			Check: checkDPOContact,
		},
		&Rule{
			ID: "dpo-missing", Severity: Info, Ref: "UK GDPR Art 37, 13(1)(b)", Duty: DutyAccountability,
			Message: "no DPO or data protection lead is named",
			Explain: `A DPO is mandatory for public authorities (dpo-required reports those) and
for large-scale processing of special-category or criminal data; otherwise
naming the person responsible for data protection still gives people
someone to contact.

Fix: name the DPO, or the lead with designated: false:

    controller: dpo: {designated: false, role: "Data protection lead", email: "privacy@example.org"}`,
			Check: checkDPOMissing,
		},
		&Rule{
			ID: "dpo-required", Severity: Error, Ref: "UK GDPR Art 37(1)(a)", Duty: DutyAccountability,
			Message: "a public authority has not designated a DPO",
			Explain: `A public authority (controller.publicAuthority: true) must designate a data
protection officer (Art 37(1)(a)), publish the DPO's contact details and
tell the ICO (Art 37(7)). A data protection lead with designated: false is
not a DPO.

Fix: designate the DPO:

    controller: dpo: {designated: true, name: "Alex Jones", email: "dpo@example.org"}`,
			Check: checkDPORequired,
		},
		&Rule{
			ID: "complaints-route-missing", Severity: Warning, Ref: "DPA 2018 s.164A (inserted by DUAA 2025 s.103)", Duty: DutyNotice,
			Since:   law.DUAAComplaints,
			Message: "the record does not say how people complain to the controller",
			Explain: `Since 19 June 2026 a controller must facilitate complaints about its use of
personal data, for example by providing an electronic complaint form,
acknowledge a complaint within 30 days and respond without undue delay (DPA
2018 s.164A). The notice should say how to complain to the controller
first: a complaints block with a contact or an address (url).

Fix:

    complaints: {
        procedure: "Tell us first; we acknowledge every complaint within 30 days."
        url:       "https://example.org/complaints"
    }`,
			Check: checkComplaintsRoute,
		},
		&Rule{
			ID: "joint-arrangement-trivial", Severity: Warning, Ref: "UK GDPR Art 26(1)-(2)", Duty: DutyNotice,
			Message: "a joint controller's arrangement does not describe who does what",
			Explain: `Joint controllers determine their respective responsibilities in an
arrangement, and the essence of it is made available to people (Art 26(2)).
A placeholder ("TBC", "see contract") or a few words cannot be published.

Fix: summarise who provides the notice, who answers rights requests, and
where the arrangement is recorded:

    controller: jointControllers: council: arrangement: "The council handles nominations and answers requests about them; we handle the tenancy. Agreement JCA-2024-02."`,
			Check: checkJointArrangement,
		},
		&Rule{
			ID: "joint-controller-contact-missing", Severity: Warning, Ref: "UK GDPR Art 30(1)(a)", Duty: DutyRecord,
			Message: "a joint controller has no contact details",
			Explain: `The record gives the name and contact details of any joint controller.

Fix:

    controller: jointControllers: council: contact: {email: "dp@council.example.gov.uk"}`,
			Check: checkJointContact,
		},
	)
}

func checkControllerContact(c *Context) {
	ctl := &c.Model.Controller
	if ctl.Address != nil {
		return
	}
	for i := range ctl.Contacts {
		if !ctl.Contacts[i].IsZero() {
			return
		}
	}
	c.Report("controller", "controller %q has no address and no contact with an email, phone or address", ctl.Name)
}

func checkDPOContact(c *Context) {
	d := c.Model.Controller.DPO
	if d != nil && d.Designated && d.Email == "" && d.Phone == "" && d.Address == nil && d.Web == "" {
		c.Report("controller.dpo", "the designated DPO has no email, phone, address or web contact")
	}
}

func checkDPOMissing(c *Context) {
	if c.Model.Controller.DPO == nil && !c.Model.Controller.PublicAuthority {
		c.Report("controller", "controller %q names no DPO or data protection lead", c.Model.Controller.Name)
	}
}

func checkDPORequired(c *Context) {
	ctl := &c.Model.Controller
	switch {
	case !ctl.PublicAuthority:
	case ctl.DPO == nil:
		c.Report("controller", "controller %q is a public authority and names no data protection officer", ctl.Name)
	case !ctl.DPO.Designated:
		c.Report("controller.dpo", "controller %q is a public authority, and its data protection lead is not a designated DPO", ctl.Name)
	}
}

func checkComplaintsRoute(c *Context) {
	cp := c.Model.Complaints
	switch {
	case cp == nil:
		c.Report("complaints", "the record does not say how people complain to %q (a complaints contact or url)", c.Model.Controller.Name)
	case cp.URL == "" && cp.Contact.IsZero():
		c.Report("complaints", "the complaints procedure gives no contact or url through which people can complain to %q", c.Model.Controller.Name)
	}
}

// setOf makes a set of strings.
func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// placeholders are arrangement texts that say nothing.
var placeholders = setOf("tbc", "tbd", "todo", "n/a", "na", "none", "see contract", "see agreement", "-", "?")

func checkJointArrangement(c *Context) {
	for _, j := range c.Model.JointControllerList() {
		if j == nil {
			continue
		}
		text := strings.ToLower(strings.Trim(strings.TrimSpace(j.Arrangement), "."))
		if placeholders[text] || len(strings.Fields(text)) < 5 {
			c.Report(entity("controller.jointControllers", j.Key)+".arrangement",
				"joint controller %q: the arrangement %q does not describe who does what", j.Key, j.Arrangement)
		}
	}
}

func checkJointContact(c *Context) {
	for _, j := range c.Model.JointControllerList() {
		if j != nil && j.Contact.IsZero() {
			c.Report(entity("controller.jointControllers", j.Key), "joint controller %q has no contact details", j.Key)
		}
	}
}
