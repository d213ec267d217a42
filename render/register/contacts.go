package register

import (
	"strings"

	"github.com/ropa-dev/ropa/ropa"
)

// ContactHeadings head the contact block above the record: the field,
// then one column per party the ICO template asks for.
var ContactHeadings = []string{"", "Controller", "Data Protection Officer", "Representative"}

// Contacts returns the contact block the ICO template puts above the
// record: rows Name, Address, Email and Telephone (and Website when any
// party has one) for the controller, the
// data protection officer (or the person responsible for data protection
// when none is designated) and the representative (UK, then EU).
func Contacts(m *ropa.Model) *Table {
	c := &m.Controller
	ctrl := party{name: lines(c.Name), address: addressCell(c.Address), web: lines(c.Website)}
	for _, ct := range c.Contacts {
		ctrl.email = appendUnique(ctrl.email, ct.Email)
		ctrl.phone = appendUnique(ctrl.phone, ct.Phone)
		ctrl.web = appendUnique(ctrl.web, ct.Web)
	}

	var dpo party
	header := append([]string(nil), ContactHeadings...)
	if c.DPO != nil {
		dpo = contactParty(&c.DPO.Contact)
		if !c.DPO.Designated {
			header[2] = "Person responsible for data protection"
		}
	}

	var rep party
	if r := c.Representatives; r != nil {
		for _, p := range []struct {
			label string
			party *ropa.Party
		}{{"UK", r.UK}, {"EU", r.EU}} {
			if p.party == nil {
				continue
			}
			q := contactParty(p.party.Contact)
			rep.name = append(rep.name, p.label+": "+p.party.Name)
			rep.address = append(rep.address, q.address...)
			rep.email = append(rep.email, q.email...)
			rep.phone = append(rep.phone, q.phone...)
			rep.web = append(rep.web, q.web...)
		}
	}

	t := &Table{Title: "Contact details", Header: header}
	for _, f := range []struct {
		label string
		get   func(party) Cell
	}{
		{"Name", func(p party) Cell { return p.name }},
		{"Address", func(p party) Cell { return p.address }},
		{"Email", func(p party) Cell { return p.email }},
		{"Telephone", func(p party) Cell { return p.phone }},
		{"Website", func(p party) Cell { return p.web }},
	} {
		cells := []Cell{{f.label}, f.get(ctrl), f.get(dpo), f.get(rep)}
		if f.label == "Website" && len(cells[1])+len(cells[2])+len(cells[3]) == 0 {
			continue
		}
		t.Rows = append(t.Rows, Row{Name: f.label, Cells: cells})
	}
	return t
}

// party is one column of the contact block.
type party struct{ name, address, email, phone, web Cell }

func contactParty(c *ropa.Contact) party {
	if c == nil {
		return party{}
	}
	name := strings.TrimSpace(c.Name)
	if c.Role != "" {
		if name != "" {
			name += ", " + c.Role
		} else {
			name = c.Role
		}
	}
	return party{name: lines(name), address: addressCell(c.Address), email: lines(c.Email), phone: lines(c.Phone), web: lines(c.Web)}
}

// addressCell is an address as one line per address line, the postcode
// and country last.
func addressCell(a *ropa.Address) Cell {
	if a == nil {
		return nil
	}
	c := lines(a.Lines...)
	return append(c, lines(a.Postcode, a.Country)...)
}

// contactLine is a contact on one line: name or role, email, telephone,
// address and web address, separated by semicolons.
func contactLine(c *ropa.Contact) string {
	if c == nil {
		return ""
	}
	p := contactParty(c)
	parts := append(Cell(nil), p.name...)
	if len(p.address) > 0 {
		parts = append(parts, strings.Join(p.address, ", "))
	}
	parts = append(parts, lines(c.Email, c.Phone, c.Web)...)
	return strings.Join(parts, "; ")
}

// ContactLine is a contact on one line as the register's joint-controller
// column writes it: name or role, address, email, telephone and web
// address, separated by semicolons. The importer reads it back.
func ContactLine(c *ropa.Contact) string { return contactLine(c) }
