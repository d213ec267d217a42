package notice

import (
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// cookies is the table of cookies and similar technologies: name,
// provider, first or third party, purpose (with how to opt out and a link
// to the provider's privacy information) and duration, then the
// information linked to the cookie and whether it is a session or a
// persistent cookie, each only when some cookie states it. A notice shows
// the cookies that list it in their audiences.
func (p *planner) cookies() *doc.Section {
	var list []*ropa.Cookie
	var hasData, hasPersistence bool
	for _, c := range p.m.CookieList() {
		if c != nil && listsNotice(c.Notices, p.n) {
			list = append(list, c)
			hasData = hasData || c.Data != ""
			hasPersistence = hasPersistence || c.Persistence != ""
		}
	}
	if len(list) == 0 {
		return nil
	}
	s := p.section(IDCookies)
	t := &doc.Table{
		Caption: p.t("cookies.caption"),
		Header: []string{p.t("cookies.col.name"), p.t("cookies.col.provider"), p.t("cookies.col.party"),
			p.t("cookies.col.purpose"), p.t("cookies.col.duration")},
		Widths: []float64{2, 2, 1.5, 4, 1.5},
		// Each row is about the cookie its first cell names.
		RowHeaders: true,
	}
	if hasData {
		t.Header = append(t.Header, p.t("cookies.col.data"))
		t.Widths = append(t.Widths, 1.5)
	}
	if hasPersistence {
		t.Header = append(t.Header, p.t("cookies.col.persistence"))
		t.Widths = append(t.Widths, 1.5)
	}
	for _, c := range list {
		party := c.Party
		if k := "cookies.party." + c.Party; c.Party != "" && p.ph.has(k) {
			party = p.t(k)
		}
		purpose := []string{c.Purpose}
		if c.OptOut != "" {
			purpose = append(purpose, p.t("cookies.optout", "optOut", c.OptOut))
		}
		purposeCell := doc.TextCell(purpose...)
		if c.PrivacyNotice != "" {
			purposeCell = append(purposeCell, []doc.Inline{link(p.t("cookies.notice"), c.PrivacyNotice)})
		}
		row := []doc.Cell{doc.TextCell(c.Name), doc.TextCell(c.Provider), doc.TextCell(party),
			purposeCell, doc.TextCell(c.Duration)}
		if hasData {
			row = append(row, optionalCell(c.Data))
		}
		if hasPersistence {
			persistence := c.Persistence
			if k := "cookies.persistence." + c.Persistence; c.Persistence != "" && p.ph.has(k) {
				persistence = p.t(k)
			}
			row = append(row, optionalCell(persistence))
		}
		t.AddRow(doc.From("cookies."+c.Key), row...)
	}
	s.Blocks = append(s.Blocks, doc.SP(doc.Join(t.RowSrcs...), doc.T(p.t("cookies.intro"))), t)
	return s
}

// listsNotice reports whether n is among ns.
func listsNotice(ns []*ropa.Notice, n *ropa.Notice) bool {
	for _, x := range ns {
		if x == n {
			return true
		}
	}
	return false
}
