package lint

import "strings"

// Controller rules: who is responsible and how to reach them, UK GDPR
// Articles 13(1)(a)-(b), 26, 30(1)(a), 37-38.

func init() {
	register(
		&Rule{
			ID: "controller-contact-missing", Severity: Error, Ref: "UK GDPR Art 13(1)(a), 14(1)(a), 30(1)(a)",
			Message: "the controller gives no contact details",
			Explain: `The notice and the record give the controller's identity and contact
details: a postal address, or a contact with an email, phone or address.

Fix:

    controller: {
        name: "Example Homes Limited"
        address: {lines: ["1 High Street", "Exampleton"], postcode: "EX1 1AA"}
        contacts: [{role: "Customer services", email: "hello@example.org"}]
    }`,
			Check: checkControllerContact,
		},
		&Rule{
			ID: "dpo-contact-missing", Severity: Error, Ref: "UK GDPR Art 13(1)(b), 37(7)",
			Message: "a designated DPO has no contact details",
			Explain: `Where a data protection officer is designated, the notice must give their
contact details (Art 13(1)(b)) and they must be published (Art 37(7)).

Fix:

    controller: dpo: {name: "Alex Jones", email: "dpo@example.org", phone: "0300 000 0001"}`,
			Check: checkDPOContact,
		},
		&Rule{
			ID: "dpo-missing", Severity: Info, Ref: "UK GDPR Art 37, 13(1)(b)",
			Message: "no DPO or data protection lead is named",
			Explain: `A DPO is mandatory for public authorities and for large-scale processing of
special-category or criminal data; otherwise naming the person responsible
for data protection still gives people someone to contact.

Fix: name the DPO, or the lead with designated: false:

    controller: dpo: {designated: false, role: "Data protection lead", email: "privacy@example.org"}`,
			Check: checkDPOMissing,
		},
		&Rule{
			ID: "joint-arrangement-trivial", Severity: Warning, Ref: "UK GDPR Art 26(1)-(2)",
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
			ID: "joint-controller-contact-missing", Severity: Warning, Ref: "UK GDPR Art 30(1)(a)",
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
	if c.Model.Controller.DPO == nil {
		c.Report("controller", "controller %q names no DPO or data protection lead", c.Model.Controller.Name)
	}
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
