package notice

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// textList returns a bulleted list of plain items, the list at path in
// the model.
func textList(path string, items []string) *doc.List {
	l := &doc.List{}
	for i, it := range items {
		l.Add(doc.From(fmt.Sprintf("%s[%d]", path, i)), doc.T(it))
	}
	return l
}

// optionalCell is a table cell of one line of text, or an empty cell when
// the text is empty.
func optionalCell(text string) doc.Cell {
	if text == "" {
		return doc.TextCell()
	}
	return doc.TextCell(text)
}

// labelled returns a run of a strong label followed by plain text, as in
// "Label: text"; it is the label alone when text is empty.
func labelled(label, text string) []doc.Inline {
	if text == "" {
		return []doc.Inline{doc.B(label)}
	}
	return []doc.Inline{doc.B(label), doc.T(": " + text)}
}

// joinList joins items as prose: "a, b and c" (in Welsh, "a, b ac c";
// see conj).
func (p *planner) joinList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	and, last := p.conj(items[len(items)-1])
	return strings.Join(items[:len(items)-1], p.t("list.separator")) + and + last
}

// date formats a day (YYYY-MM-DD) or a month (YYYY-MM) in words; anything
// else is returned as it is.
func (p *planner) date(s string) string {
	d, ok := ropa.ParseDate(s)
	if !ok {
		return s
	}
	month, year := p.t("month."+strconv.Itoa(d.Month)), strconv.Itoa(d.Year)
	if d.IsMonth() {
		return p.t("date.month", "month", month, "year", year)
	}
	return p.t("date.day", "day", strconv.Itoa(d.Day), "month", month, "year", year)
}

// address formats a postal address on one line.
func address(a *ropa.Address) string {
	if a == nil {
		return ""
	}
	parts := append([]string{}, a.Lines...)
	if a.Postcode != "" {
		parts = append(parts, a.Postcode)
	}
	if a.Country != "" {
		parts = append(parts, a.Country)
	}
	return strings.Join(parts, ", ")
}

// contactBlocks describes the contact at path in the model: a paragraph
// naming the person or team, then a list of the ways to reach them.
func (p *planner) contactBlocks(c *ropa.Contact, path string) []doc.Block {
	if c == nil {
		return nil
	}
	var out []doc.Block
	var who []string
	var from []string
	if c.Name != "" {
		who, from = append(who, c.Name), append(from, path+".name")
	}
	if c.Role != "" {
		who, from = append(who, c.Role), append(from, path+".role")
	}
	if len(who) > 0 {
		out = append(out, doc.SP(doc.From(from...), doc.B(strings.Join(who, ", "))))
	}
	if l := p.contactList(c, path); l != nil {
		out = append(out, l)
	}
	if c.Note != "" {
		out = append(out, doc.SP(doc.From(path+".note"), doc.T(c.Note)))
	}
	return out
}

// contactList lists the ways to reach the contact at path, or nil when
// there are none.
func (p *planner) contactList(c *ropa.Contact, path string) *doc.List {
	if c == nil {
		return nil
	}
	l := &doc.List{}
	if c.Email != "" {
		l.Add(doc.From(path+".email"), doc.T(p.t("label.email")+": "), doc.L(c.Email, "mailto:"+c.Email))
	}
	if c.Phone != "" {
		l.Add(doc.From(path+".phone"), doc.T(p.t("label.phone")+": "+c.Phone))
	}
	if a := address(c.Address); a != "" {
		l.Add(doc.From(path+".address"), doc.T(p.t("label.post")+": "+a))
	}
	if c.Web != "" {
		l.Add(doc.From(path+".web"), doc.T(p.t("label.web")+": "), doc.L(c.Web, c.Web))
	}
	if len(l.Items) == 0 {
		return nil
	}
	return l
}

// linkList lists the related links at path one an item: each a link when
// it has a URL, else its title as text, followed by its note. It is nil
// when there are no links.
func linkList(links []ropa.Link, path string) *doc.List {
	if len(links) == 0 {
		return nil
	}
	l := &doc.List{}
	for i, r := range links {
		runs := []doc.Inline{link(r.Title, r.URL)}
		if r.Note != "" {
			runs = append(runs, doc.T(": "+r.Note))
		}
		l.Add(doc.From(fmt.Sprintf("%s[%d]", path, i)), runs...)
	}
	return l
}

// link returns a link run when u is set, else the text alone.
func link(text, u string) doc.Inline {
	if u == "" {
		return doc.T(text)
	}
	return doc.L(text, u)
}

// isURL reports whether s looks like a web or mailto address.
func isURL(s string) bool {
	return doc.SafeURL(s)
}

// abroad reports whether a recipient's stated country is outside the UK.
// A country that is not stated is neither: ropa never assumes it.
func abroad(country string) bool { return ropa.CountryStated(country) && !ropa.InUK(country) }

// country is the country recipient r states, in English: a notice in
// another language shows r.Country translated, but whether it is in the
// UK is a fact of the English record.
func (p *planner) country(r *ropa.Recipient) string {
	if p.en != nil && r != nil {
		if o := p.en.Recipients[r.Key]; o != nil {
			return o.Country
		}
	}
	if r == nil {
		return ""
	}
	return r.Country
}

// abroad reports whether recipient r is stated to be outside the UK.
func (p *planner) abroad(r *ropa.Recipient) bool { return abroad(p.country(r)) }
