package importer

import (
	"strings"

	"github.com/ropa-dev/ropa/ropa"
)

// contactBlock reads the contact block the ICO template puts above the
// record: a row heading the columns Controller, Data Protection Officer
// (or Person responsible for data protection) and Representative, then
// rows Name, Address, Email, Telephone and Website.
func (b *builder) contactBlock() {
	top := -1
	var ctrlCol, dpoCol, repCol = -1, -1, -1
	designated := true
	for r := 0; r < b.h.row && top < 0; r++ {
		for c, v := range b.g.rows[r] {
			switch n := normalise(v); {
			case n == "controller" || n == "data controller" || n == "controller details":
				ctrlCol = c
			case strings.Contains(n, "data protection officer") || n == "dpo":
				dpoCol = c
			case strings.Contains(n, "person responsible for data protection"):
				dpoCol, designated = c, false
			case strings.HasPrefix(n, "representative"):
				repCol = c
			}
		}
		if ctrlCol >= 0 {
			top = r
		} else {
			dpoCol, repCol, designated = -1, -1, true
		}
	}
	if top < 0 {
		return
	}
	ctrl := &b.m.Controller
	var dpo ropa.Contact
	var reps []string
	var repContact ropa.Contact
	for r := top + 1; r < b.h.row; r++ {
		label := ""
		for c := 0; c < ctrlCol; c++ {
			if v := normalise(b.g.cell(r, c)); v != "" {
				label = v
			}
		}
		if label == "" {
			continue
		}
		get := func(c int) []string {
			if c < 0 {
				return nil
			}
			return cellLines(b.g.cell(r, c))
		}
		switch {
		case label == "name":
			if ls := get(ctrlCol); len(ls) > 0 {
				ctrl.Name = strings.Join(ls, " ")
			}
			dpo.Name = strings.Join(get(dpoCol), " ")
			reps = get(repCol)
		case label == "address":
			ctrl.Address = parseAddress(get(ctrlCol))
			dpo.Address = parseAddress(get(dpoCol))
			repContact.Address = parseAddress(get(repCol))
		case strings.HasPrefix(label, "email") || label == "e mail":
			for i, e := range get(ctrlCol) {
				if !emailRe.MatchString(e) {
					b.todo("controller.contacts", r, ctrlCol, e, "not an email address")
					continue
				}
				contactAt(ctrl, i).Email = e
			}
			dpo.Email = b.single(r, dpoCol, get(dpoCol), emailRe, "controller.dpo")
			repContact.Email = b.single(r, repCol, get(repCol), emailRe, "controller.representatives")
		case strings.HasPrefix(label, "telephone") || strings.HasPrefix(label, "phone"):
			for i, ph := range get(ctrlCol) {
				contactAt(ctrl, i).Phone = ph
			}
			dpo.Phone = strings.Join(get(dpoCol), ", ")
			repContact.Phone = strings.Join(get(repCol), ", ")
		case strings.HasPrefix(label, "website") || label == "web" || label == "web address":
			for i, w := range get(ctrlCol) {
				if !urlRe.MatchString(w) {
					b.todo("controller.website", r, ctrlCol, w, "a web address starts with https://")
					continue
				}
				if i == 0 {
					ctrl.Website = w
				} else {
					ctrl.Contacts = append(ctrl.Contacts, ropa.Contact{Web: w})
				}
			}
			dpo.Web = b.single(r, dpoCol, get(dpoCol), urlRe, "controller.dpo")
			repContact.Web = b.single(r, repCol, get(repCol), urlRe, "controller.representatives")
		}
	}
	if dpo != (ropa.Contact{}) {
		ctrl.DPO = &ropa.DPO{Designated: designated, Contact: dpo}
	}
	for _, rp := range reps {
		where, name, ok := strings.Cut(rp, ": ")
		if !ok || (where != "UK" && where != "EU") {
			b.todo("controller.representatives", top, repCol, rp, "write the representative as \"UK: Name\" or \"EU: Name\"")
			continue
		}
		if ctrl.Representatives == nil {
			ctrl.Representatives = &ropa.Representatives{}
		}
		p := &ropa.Party{Name: name, Covered: true}
		if len(reps) == 1 && !repContact.IsZero() {
			c := repContact
			p.Contact = &c
		}
		if where == "UK" {
			ctrl.Representatives.UK = p
		} else {
			ctrl.Representatives.EU = p
		}
	}
}

// single returns the one value a field takes, keeping any other as a TODO.
func (b *builder) single(r, c int, vals []string, re interface{ MatchString(string) bool }, path string) string {
	out := ""
	for _, v := range vals {
		if out == "" && re.MatchString(v) {
			out = v
			continue
		}
		b.todo(path, r, c, v, "")
	}
	return out
}

// contactAt returns the controller's i-th contact, adding empty ones up to
// it.
func contactAt(c *ropa.Controller, i int) *ropa.Contact {
	for len(c.Contacts) <= i {
		c.Contacts = append(c.Contacts, ropa.Contact{})
	}
	return &c.Contacts[i]
}

// parseAddress reads an address cell, one line per line; a last line that
// is a UK postcode, or a country after it, goes in its field.
func parseAddress(ls []string) *ropa.Address {
	if len(ls) == 0 {
		return nil
	}
	a := &ropa.Address{}
	n := len(ls)
	if n > 1 && !postcodeRe.MatchString(ls[n-1]) && n > 2 && postcodeRe.MatchString(ls[n-2]) {
		a.Country, n = ls[n-1], n-1
	}
	if n > 1 && postcodeRe.MatchString(ls[n-1]) {
		a.Postcode, n = ls[n-1], n-1
	}
	a.Lines = append([]string(nil), ls[:n]...)
	return a
}
