package register

import (
	"fmt"
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// group is a run of template columns the plan shows as one table: the
// controller columns whose group is id.
type group struct {
	id, title string
	// from and to are 1-based template column numbers, inclusive, derived
	// from controllerColumns.
	from, to int
}

// controllerGroups split the 30 template columns into tables narrow enough
// for a landscape page, following the template's own grouping; each column
// names its group in controllerColumns. The security measures column, the
// same for every activity, is shown once, as a list, instead of in every
// row.
var controllerGroups = spans([]group{
	{id: "article-30", title: "Article 30 record"},
	{id: "lawful-basis", title: "Lawful basis, rights and sources"},
	{id: "consent-dpia-breaches", title: "Consent, location, impact assessments and breaches"},
	{id: "schedule-1", title: "Special category and criminal offence data, DPA 2018 Schedule 1"},
})

// spans sets the columns of each group from controllerColumns; a group's
// columns must be contiguous.
func spans(gs []group) []group {
	for i := range gs {
		g := &gs[i]
		for n, c := range controllerColumns {
			if c.group != g.id {
				continue
			}
			if g.from == 0 {
				g.from = n + 1
			} else if g.to != n {
				panic("register: the columns of group " + g.id + " are not contiguous")
			}
			g.to = n + 1
		}
		if g.from == 0 {
			panic("register: no columns in group " + g.id)
		}
	}
	return gs
}

// keyHeading heads the column that names the activity in every table.
const keyHeading = "Processing activity"

// Plan builds the register as a document for the HTML, Markdown and PDF
// renderers: the contact block, then the controller's record split into
// tables keyed by activity name (controllerGroups: columns 1-10; 12-18;
// 19-25; 26-30 of the ICO template, a column no activity fills left out and
// named in a note), the security measures (column 11) once, and the
// processor's record when the model keeps one. Pages are landscape.
func Plan(m *ropa.Model) *doc.Document {
	version, date := recordVersion(m)
	c := &m.Controller
	d := &doc.Document{
		Title:     "Record of processing activities",
		Subtitle:  c.Name,
		Author:    c.Name,
		Subject:   "The Article 30 record of processing activities of " + c.Name,
		Lang:      "en-GB",
		Version:   version,
		Date:      date,
		Landscape: true,
		Intro: []doc.Block{doc.SP(doc.Law("UK GDPR Art 30(1)", "controller.name"), doc.T(fmt.Sprintf(
			"This is the record of processing activities %s keeps under Article 30 of the UK GDPR, "+
				"with the column headings of the ICO's documentation template. The CSV and Excel "+
				"versions of this register hold all 30 columns in one table.", c.Name)))},
	}
	if recordsAccountability(m) {
		d.Intro = append(d.Intro, doc.SP(doc.Law("UK GDPR Art 5(2), 24(1)", "activities"), doc.T(fmt.Sprintf(
			"After the template's 30 columns come the record's own: %s.", strings.Join(AccountabilityHeadings, " and ")))))
	}
	d.Sections = append(d.Sections, contactSection(m))
	d.Sections = append(d.Sections, controllerSection(m))
	if p := Processor(m); p != nil {
		d.Sections = append(d.Sections, &doc.Section{
			ID:    "processor-record",
			Title: p.Title,
			Blocks: []doc.Block{
				doc.SP(doc.Law("UK GDPR Art 30(2)", "processorRecords"),
					doc.T("The processing "+c.DisplayName()+" carries out on behalf of other controllers.")),
				docTable(p, "processorRecords", "Controller", p.Title, 1, len(p.Header)),
			},
		})
	}
	return d
}

func contactSection(m *ropa.Model) *doc.Section {
	t := Contacts(m)
	s := &doc.Section{ID: "contacts", Title: "Controller, data protection officer and representative"}
	var facts []doc.Block
	if r := m.Controller.ICORegistration; r != "" {
		facts = append(facts, doc.SP(doc.From("controller.icoRegistration"), doc.B("ICO registration number: "), doc.T(r)))
	}
	for i, r := range m.Controller.Registrations {
		if r.Number == "" {
			// Registered, with no number stated: the register says no more.
			facts = append(facts, doc.SP(doc.From(fmt.Sprintf("controller.registrations[%d]", i)), doc.B("Registered: "), doc.T(r.Register)))
			continue
		}
		facts = append(facts, doc.SP(doc.From(fmt.Sprintf("controller.registrations[%d]", i)), doc.B(r.Register+": "), doc.T(r.Number)))
	}
	// The template's contact block leaves its first heading empty; a table
	// heading names its column, so the plan names it. Each row is about
	// the detail its first cell names.
	header := append([]string{"Detail"}, t.Header[1:]...)
	dt := &doc.Table{Caption: t.Title, Header: header, Widths: []float64{1, 2, 2, 2}, RowHeaders: true}
	for _, r := range t.Rows {
		row := []doc.Cell{{doc.Line(doc.B(r.Name))}}
		for _, c := range r.Cells[1:] {
			row = append(row, docCell(c))
		}
		dt.AddRow(doc.Law("UK GDPR Art 30(1)(a)", "controller"), row...)
	}
	s.Blocks = append([]doc.Block{dt}, facts...)
	return s
}

func controllerSection(m *ropa.Model) *doc.Section {
	t := Controller(m)
	s := &doc.Section{ID: "controller-record", Title: t.Title}
	if len(t.Rows) == 0 {
		s.Blocks = append(s.Blocks, doc.SP(doc.From("activities"), doc.T("The model records no processing activities.")))
		return s
	}
	// The plan shows the purpose without the activity name, which heads
	// every row instead.
	pt := *t
	pt.Rows = make([]Row, len(t.Rows))
	for i, r := range t.Rows {
		cells := append([]Cell(nil), r.Cells...)
		if p := cells[colPurpose-1]; len(p) > 0 && p[0] == strings.TrimSpace(r.Name) {
			cells[colPurpose-1] = p[1:]
		}
		pt.Rows[i] = Row{Key: r.Key, Name: r.Name, Cells: cells}
	}
	for _, g := range controllerGroups {
		sub := &doc.Section{ID: g.id, Title: fmt.Sprintf("%s (columns %d to %d)", g.title, g.from, g.to)}
		// A group no activity fills any column of would be a table of
		// names alone; the note below says so instead.
		if dt := docTable(&pt, "activities", keyHeading, g.title, g.from, g.to); len(dt.Header) > 1 {
			sub.Blocks = append(sub.Blocks, dt)
		}
		if empty := emptyColumns(&pt, g.from, g.to); len(empty) > 0 {
			sub.Blocks = append(sub.Blocks, doc.SP(doc.From("activities"), doc.T("No activity has an entry for: "+strings.Join(empty, "; ")+".")))
		}
		s.Sections = append(s.Sections, sub)
		if g.to == colSecurity-1 {
			s.Sections = append(s.Sections, securitySection(m))
		}
	}
	if sub := accountabilitySection(m, &pt); sub != nil {
		s.Sections = append(s.Sections, sub)
	}
	return s
}

// securitySection shows the security measures column (11), the same for
// every activity, once.
func securitySection(m *ropa.Model) *doc.Section {
	security := controllerColumns[colSecurity-1]
	sec := &doc.Section{ID: "security", Title: fmt.Sprintf("Security measures (column %d)", colSecurity)}
	if m.Security != nil && m.Security.Summary != "" {
		sec.Blocks = append(sec.Blocks, doc.SP(doc.From("security.summary"), doc.T(m.Security.Summary)))
	}
	if m.Security != nil && len(m.Security.Measures) > 0 {
		l := &doc.List{}
		for i, x := range m.Security.Measures {
			l.Add(doc.From(fmt.Sprintf("security.measures[%d]", i)), doc.T(x))
		}
		sec.Blocks = append(sec.Blocks, l)
	}
	if len(sec.Blocks) == 0 {
		sec.Blocks = append(sec.Blocks, doc.SP(doc.Law(security.ref, "security"), doc.T("The model describes no security measures.")))
	} else {
		sec.Blocks = append(sec.Blocks, doc.SP(doc.Law(security.ref, "security"), doc.T("These measures apply to every processing activity in the record. They are column "+
			fmt.Sprint(colSecurity)+" of the template, \u201c"+security.heading+"\u201d.")))
	}
	return sec
}

// docTable lays out template columns from..to (1-based, inclusive) of t,
// after a column headed key naming each row, leaving out columns no row
// fills. Each row comes from the entity of its key in the model map
// table ("activities", "processorRecords").
func docTable(t *Table, table, key, caption string, from, to int) *doc.Table {
	cols := []int{}
	for c := from; c <= to && c <= len(t.Header); c++ {
		if !columnEmpty(t, c) {
			cols = append(cols, c)
		}
	}
	// Each row is about the activity its first cell names; the other
	// cells list items, one a line.
	dt := &doc.Table{Caption: caption, Header: []string{key}, RowHeaders: true, Lists: []bool{false}}
	widths := []*widthNeed{{}}
	widths[0].add(key, true)
	for _, c := range cols {
		dt.Header = append(dt.Header, t.Header[c-1])
		dt.Lists = append(dt.Lists, true)
		w := &widthNeed{}
		w.add(t.Header[c-1], true)
		widths = append(widths, w)
	}
	for _, r := range t.Rows {
		row := []doc.Cell{{doc.Line(doc.B(r.Name))}}
		widths[0].add(r.Name, false)
		for i, c := range cols {
			var cell Cell
			if c-1 < len(r.Cells) {
				cell = r.Cells[c-1]
			}
			row = append(row, docCell(cell))
			for _, l := range cell {
				widths[i+1].add(l, false)
			}
		}
		dt.AddRow(doc.From(table+"."+r.Key), row...)
	}
	dt.Widths = columnWidths(widths)
	return dt
}

// columnEmpty reports whether no row of t fills 1-based column c.
func columnEmpty(t *Table, c int) bool {
	for _, r := range t.Rows {
		if c-1 < len(r.Cells) && len(r.Cells[c-1]) > 0 {
			return false
		}
	}
	return true
}

// emptyColumns lists the headings of the columns from..to no row fills.
func emptyColumns(t *Table, from, to int) []string {
	var out []string
	for c := from; c <= to && c <= len(t.Header); c++ {
		if columnEmpty(t, c) {
			out = append(out, t.Header[c-1])
		}
	}
	return out
}

// docCell turns a cell's lines into document lines, making a line that is
// a web or mailto address, or ends in one after ": ", a link.
func docCell(c Cell) doc.Cell {
	out := make(doc.Cell, 0, len(c))
	for _, l := range c {
		out = append(out, docLine(l))
	}
	return out
}

func docLine(l string) []doc.Inline {
	if doc.SafeURL(l) && !strings.ContainsAny(l, " \t") {
		return doc.Line(doc.L(l, l))
	}
	if i := strings.LastIndex(l, ": "); i >= 0 {
		u := l[i+2:]
		if doc.SafeURL(u) && !strings.ContainsAny(u, " \t") {
			return doc.Line(doc.T(l[:i+2]), doc.L(u, u))
		}
	}
	return doc.Line(doc.T(l))
}

// widthNeed measures what a column needs, in characters: room for its
// longest word, so that no word breaks, and for its longest line, so that
// short entries stay on one line; head is the length of its heading and
// total how much text it holds.
type widthNeed struct{ word, line, head, total int }

// add measures one line of the column; a heading counts only its words,
// since headings wrap.
func (w *widthNeed) add(s string, heading bool) {
	for _, f := range strings.Fields(s) {
		w.word = max(w.word, len([]rune(f)))
	}
	n := len([]rune(s))
	if heading {
		w.head = max(w.head, n)
	} else {
		w.line = max(w.line, n)
		w.total += n
	}
}

// tableBudget is the width, in characters of table text, a landscape page
// holds (about 190 at the PDF's 7.5 point table type); columnWidths shares
// it out.
const tableBudget = 190

// shortLine is the longest line, in characters, of a column of short
// entries: lists of names, rights or yes-or-no answers.
const shortLine = 32

// headingLines is how many lines a column heading may take: the header
// row repeats on every page, so a tall one costs every page.
const headingLines = 4

// columnWidths gives each column its longest word, or room for its heading
// in headingLines lines, plus padding, then
// room for the longest line of each column of short entries, so that each
// entry stays on one line, then shares the rest of the budget among the
// columns of longer text in proportion to how much text each holds, never
// beyond its longest line, so that rows are no taller than they must be.
// A budget too small for short entries is shared in proportion to what
// each column wants.
func columnWidths(needs []*widthNeed) []float64 {
	out := make([]float64, len(needs))
	spare := float64(tableBudget)
	for i, n := range needs {
		out[i] = float64(max(n.word, 4, (n.head+headingLines-1)/headingLines) + 2)
		spare -= out[i]
	}
	// Short entries on one line.
	wants := make([]float64, len(needs))
	total := 0.0
	for i, n := range needs {
		if n.line <= shortLine {
			wants[i] = max(float64(n.line+2)-out[i], 0)
			total += wants[i]
		}
	}
	if spare > 0 && total > 0 {
		share := min(1, spare/total)
		for i := range out {
			out[i] += wants[i] * share
		}
		spare -= total * share
	}
	// Longer text by its amount, each column at most its longest line:
	// what a column cannot take goes round again to the others.
	for round := 0; round < len(needs) && spare > 0.05; round++ {
		volume := 0.0
		for i, n := range needs {
			if n.line > shortLine && out[i] < float64(n.line+2) {
				volume += float64(n.total)
			}
		}
		if volume == 0 {
			break
		}
		given := 0.0
		for i, n := range needs {
			if n.line > shortLine && out[i] < float64(n.line+2) {
				add := min(spare*float64(n.total)/volume, float64(n.line+2)-out[i])
				out[i] += add
				given += add
			}
		}
		spare -= given
	}
	for i := range out {
		out[i] = float64(int(out[i]*10+0.5)) / 10 // one decimal, stable output
	}
	return out
}
