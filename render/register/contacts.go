package register

import (
	"cmp"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
)

// contactColumns are the parties of the contact block above the record,
// one column each, as the ICO template asks for them (Article 30(1)(a)).
var contactColumns = []struct {
	heading string
	// retitle, when set, gives the heading for the model instead.
	retitle func(m *ropa.Model) string
	fill    func(m *ropa.Model) party
}{
	{"Controller", nil, controllerParty},
	{"Data Protection Officer", func(m *ropa.Model) string {
		if dpo := m.Controller.DPO; dpo != nil && !dpo.Designated {
			return "Person responsible for data protection"
		}
		return ""
	}, func(m *ropa.Model) party {
		if m.Controller.DPO == nil {
			return party{}
		}
		return contactParty(&m.Controller.DPO.Contact)
	}},
	{"Representative", nil, representativeParty},
}

// ContactHeadings head the contact block above the record: the field,
// then one column per party the ICO template asks for.
var ContactHeadings = func() []string {
	out := []string{""}
	for _, c := range contactColumns {
		out = append(out, c.heading)
	}
	return out
}()

// contactFields are the rows of the contact block, each with how a party
// fills it; the Website row is left out when no party has one.
var contactFields = []struct {
	label string
	get   func(party) Cell
}{
	{"Name", func(p party) Cell { return p.name }},
	{"Address", func(p party) Cell { return p.address }},
	{"Email", func(p party) Cell { return p.email }},
	{"Telephone", func(p party) Cell { return p.phone }},
	{"Website", func(p party) Cell { return p.web }},
}

// Contacts returns the contact block the ICO template puts above the
// record: rows Name, Address, Email and Telephone (and Website when any
// party has one) for the controller, the
// data protection officer (or the person responsible for data protection
// when none is designated) and the representative (UK, then EU).
func Contacts(m *ropa.Model) *Table {
	t := &Table{Title: "Contact details", Header: []string{""}}
	parties := make([]party, len(contactColumns))
	for i, c := range contactColumns {
		h := c.heading
		if c.retitle != nil {
			h = cmp.Or(c.retitle(m), h)
		}
		t.Header = append(t.Header, h)
		parties[i] = c.fill(m)
	}
	for _, f := range contactFields {
		cells, filled := []Cell{{f.label}}, false
		for _, p := range parties {
			cell := f.get(p)
			cells = append(cells, cell)
			filled = filled || len(cell) > 0
		}
		if f.label == "Website" && !filled {
			continue
		}
		t.Rows = append(t.Rows, Row{Name: f.label, Cells: cells})
	}
	return t
}

// controllerParty is the controller's column of the contact block.
func controllerParty(m *ropa.Model) party {
	c := &m.Controller
	ctrl := party{name: lines(c.Name), address: addressCell(c.Address), web: lines(c.Website)}
	for _, ct := range c.Contacts {
		ctrl.email = appendUnique(ctrl.email, ct.Email)
		ctrl.phone = appendUnique(ctrl.phone, ct.Phone)
		ctrl.web = appendUnique(ctrl.web, ct.Web)
	}
	return ctrl
}

// representativeParty is the representatives' column of the contact
// block: the UK one, then the EU one.
func representativeParty(m *ropa.Model) party {
	var rep party
	r := m.Controller.Representatives
	if r == nil {
		return rep
	}
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
	return rep
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
