package importer

import (
	"fmt"
	"strings"

	"github.com/ropa-dev/ropa/render/register"
	"github.com/ropa-dev/ropa/ropa"
)

// TODO is a cell, or part of one, that the import could not turn into the
// model. The CUE output keeps it verbatim as a "// TODO(import):" comment
// at the place it belongs.
type TODO struct {
	// Ref is the cell, as Sheet!B7.
	Ref string
	// Path is the model field the text belongs to, e.g.
	// "activities.rent.lawfulBases".
	Path string
	// Text is the cell's text, or the line of it, not understood.
	Text string
	// Why says what is missing, when the text alone does not tell.
	Why string
}

// builder turns the rows of one sheet into a model.
type builder struct {
	g *grid
	h *header
	m *ropa.Model
	// order lists keys in the order the sheet first names them, by table
	// ("subjects", ..., "controller.jointControllers").
	order map[string][]string
	used  map[string]map[string]bool
	// seen maps a table and an entity's signature to its key, so that an
	// entity named on several rows is defined once.
	seen map[string]string
	// comments are the comment lines placed before a field, by field path.
	comments map[string][]string
	todos    []TODO
	// security is the text of the first security cell, its reference.
	security, securityRef string
}

func newBuilder(g *grid, h *header) *builder {
	return &builder{
		g: g, h: h,
		m: &ropa.Model{
			SchemaVersion: "1",
			Notices:       map[string]*ropa.Notice{},
			Subjects:      map[string]*ropa.Subject{},
			Categories:    map[string]*ropa.Category{},
			Sources:       map[string]*ropa.Source{},
			Recipients:    map[string]*ropa.Recipient{},
			Transfers:     map[string]*ropa.Transfer{},
			Retention:     map[string]*ropa.Retention{},
			Activities:    map[string]*ropa.Activity{},
		},
		order:    map[string][]string{},
		used:     map[string]map[string]bool{},
		seen:     map[string]string{},
		comments: map[string][]string{},
	}
}

// todo records text at cell (row, col) that path could not take.
func (b *builder) todo(path string, row, col int, text, why string) {
	ref := b.g.ref(row, col)
	b.todos = append(b.todos, TODO{Ref: ref, Path: path, Text: text, Why: why})
	b.comment(path, "TODO(import): "+ref+": "+text)
	if why != "" {
		b.comment(path, "  ("+why+")")
	}
}

// comment adds comment lines before the field at path; a multi-line text
// continues on indented lines.
func (b *builder) comment(path, text string) {
	ls := strings.Split(text, "\n")
	b.comments[path] = append(b.comments[path], ls[0])
	for _, l := range ls[1:] {
		b.comments[path] = append(b.comments[path], "  "+l)
	}
}

// newKey derives a unique key for an entity of table from its name.
func (b *builder) newKey(table, name string) string {
	base := Slug(name)
	used := b.used[table]
	if used == nil {
		used = map[string]bool{}
		b.used[table] = used
	}
	k := base
	for n := 2; used[k]; n++ {
		k = fmt.Sprintf("%s-%d", base, n)
	}
	used[k] = true
	b.order[table] = append(b.order[table], k)
	return k
}

// entity returns the key of the entity of table with signature sig,
// creating it with add when the sheet has not named it before.
func (b *builder) entity(table, sig, name string, add func(key string)) string {
	if k, ok := b.seen[table+"\x00"+sig]; ok {
		return k
	}
	k := b.newKey(table, name)
	b.seen[table+"\x00"+sig] = k
	add(k)
	return k
}

// maxSlug is the longest key derived from a name.
const maxSlug = 40

// Slug derives a model key ([a-z][a-z0-9_-]*) from a name: lower case,
// runs of other characters as one hyphen, at most 40 characters cut at a
// hyphen, and "x-" before a key that would start with a digit.
func Slug(name string) string {
	s := strings.ToLower(name)
	s = strings.NewReplacer("&", " and ", "'", "", "’", "").Replace(s)
	s = ropa.Slug(s, 0)
	if len(s) > maxSlug {
		s = s[:maxSlug]
		if i := strings.LastIndexByte(s, '-'); i > maxSlug/2 {
			s = s[:i]
		}
		s = strings.Trim(s, "-")
	}
	if s == "" {
		return "item"
	}
	if s[0] < 'a' || s[0] > 'z' {
		s = "x-" + s
	}
	return s
}

// col returns the text of template column c on row r, and the sheet
// column it is in (-1 when the sheet lacks the column).
func (b *builder) col(r, c int) (string, int) {
	sc := b.h.col[c]
	if sc < 0 {
		return "", -1
	}
	return b.g.cell(r, sc), sc
}

// build reads the data rows below the header.
func (b *builder) build() error {
	for r := b.h.row + 1; r < len(b.g.rows); r++ {
		if err := b.checkFormulas(r); err != nil {
			return err
		}
		purpose, _ := b.col(r, cPurpose)
		if purpose == "" {
			b.noteRow(r)
			continue
		}
		b.activity(r)
	}
	if b.security != "" {
		b.m.Security = &ropa.Security{Measures: cellLines(b.security)}
	}
	return nil
}

// checkFormulas refuses a row with a formula whose value the workbook did
// not save: ropa does not compute formulas.
func (b *builder) checkFormulas(r int) error {
	if b.g.formula == nil {
		return nil
	}
	for c := range b.g.rows[r] {
		if fx := b.g.formula(r, c); fx != "" && b.g.cell(r, c) == "" {
			return errorf(b.g.file, b.g.ref(r, c), "open the workbook in a spreadsheet and save it (which stores each formula's value), or replace the formula by its value, then import again",
				"the cell holds the formula =%s with no saved value, and ropa does not compute formulas", strings.TrimPrefix(fx, "="))
		}
	}
	return nil
}

// noteRow keeps the text of a row that names no purpose (a note, a
// sub-heading) as comments at the top of the activities.
func (b *builder) noteRow(r int) {
	for c, v := range b.g.rows[r] {
		if v = cleanCell(v); v != "" {
			b.todo("activities", r, c, v, "a row without a purpose of processing is not an activity")
		}
	}
}

// activity builds the activity of row r.
func (b *builder) activity(r int) {
	purpose, pc := b.col(r, cPurpose)
	pl := cellLines(purpose)
	a := &ropa.Activity{Name: pl[0], Purpose: pl[0], Audiences: []string{}, LawfulBases: []ropa.LawfulBasis{}}
	if len(pl) > 1 {
		a.Purpose = pl[1]
		a.Details = pl[2:]
	}
	key := b.newKey("activities", a.Name)
	a.Key = key
	b.m.Activities[key] = a
	p := "activities." + key + "."
	if len(pl) == 1 {
		b.comment(p+"purpose", fmt.Sprintf("import: %s gives one line, used as both name and purpose", b.g.ref(r, pc)))
	}
	if v, _ := b.col(r, cBusiness); v != "" {
		a.BusinessFunction = v
	}
	b.subjects(r, a, p)
	b.categories(r, a, p)
	b.recipients(r, a, p)
	b.jointControllers(r, a, p)
	b.contracts(r, a, p)
	b.transfers(r, a, p)
	b.exceptional(r, a, p)
	b.retention(r, a, p)
	b.securityCell(r)
	b.bases(r, a, p)
	b.article9(r, a, p)
	b.interests(r, a, p)
	b.automation(r, a, p)
	b.rights(r, a, p)
	b.sources(r, a, p)
	if v, c := b.col(r, cConsent); v != "" {
		b.todo(p+"lawfulBases", r, c, v, "a consent record goes in lawfulBases[].consent.record, which also needs how consent is given and withdrawn")
	}
	if v, _ := b.col(r, cLocation); v != "" {
		a.Location = strings.Join(cellLines(v), "\n")
	}
	b.dpia(r, a, p)
	b.breach(r, a, p)
	b.schedule1(r, a, p)
	b.policy(r, a, p)
	b.adherence(r, a, p)
	for _, c := range b.h.extra {
		v := b.g.cell(r, c)
		if v == "" {
			continue
		}
		// The accountability columns ropa writes after the template's 30.
		switch heading := strings.ToLower(strings.TrimSpace(b.g.cell(b.h.row, c))); {
		case heading == strings.ToLower(register.AccountabilityHeadings[0]) && !strings.Contains(v, "\n"):
			a.Owner = strings.TrimSpace(v)
			continue
		case heading == strings.ToLower(register.AccountabilityHeadings[1]):
			if _, ok := ropa.ParseDate(strings.TrimSpace(v)); ok {
				a.LastReviewed = strings.TrimSpace(v)
				continue
			}
		}
		b.comment(p+"renamedFrom", fmt.Sprintf("import: %s %q: %s", b.g.ref(r, c), b.g.cell(b.h.row, c), v))
	}
}

// placeholder is the name of an entity the schema requires and the sheet
// does not give.
const placeholder = "Not stated in the imported register"

func (b *builder) subjects(r int, a *ropa.Activity, p string) {
	v, c := b.col(r, cSubjects)
	for _, l := range cellLines(v) {
		name, children := l, false
		if n, ok := strings.CutSuffix(l, " (includes children)"); ok {
			name, children = n, true
		}
		k := b.entity("subjects", strings.ToLower(name)+fmt.Sprint(children), name, func(k string) {
			b.m.Subjects[k] = &ropa.Subject{Keyed: ropa.Keyed{Key: k}, Name: name, Children: children}
		})
		a.SubjectIDs = appendKey(a.SubjectIDs, k)
	}
	if len(a.SubjectIDs) == 0 {
		a.SubjectIDs = []string{b.placeholder("subjects", func(k string) { b.m.Subjects[k] = &ropa.Subject{Keyed: ropa.Keyed{Key: k}, Name: placeholder} })}
		b.missing(p+"subjects", r, c, "categories of individuals")
	}
}

func (b *builder) categories(r int, a *ropa.Activity, p string) {
	v, c := b.col(r, cCategories)
	for _, l := range cellLines(v) {
		cat := ropa.Category{Name: l}
		if name, inner, ok := trailingParen(l); ok {
			flags := ropa.Category{Name: name}
			good := true
			for _, f := range strings.Split(inner, "; ") {
				if s, ok := strings.CutPrefix(f, "special category: "); ok {
					if sc, ok := specialCategory(s); ok {
						flags.Special = sc
						continue
					}
				}
				if f == "criminal offence data" {
					flags.Criminal = true
					continue
				}
				good = false
			}
			if good {
				cat = flags
			}
		}
		k := b.entity("categories", fmt.Sprintf("%s|%s|%v", strings.ToLower(cat.Name), cat.Special, cat.Criminal), cat.Name, func(k string) {
			cat.Key = k
			b.m.Categories[k] = &cat
		})
		a.CategoryIDs = appendKey(a.CategoryIDs, k)
	}
	if len(a.CategoryIDs) == 0 {
		a.CategoryIDs = []string{b.placeholder("categories", func(k string) { b.m.Categories[k] = &ropa.Category{Keyed: ropa.Keyed{Key: k}, Name: placeholder} })}
		b.missing(p+"categories", r, c, "categories of personal data")
	}
}

// placeholder returns the key of the one entity of table standing for what
// the sheet does not state.
func (b *builder) placeholder(table string, add func(string)) string {
	return b.entity(table, "\x00placeholder", "not-stated", add)
}

func (b *builder) missing(path string, r, c int, what string) {
	ref := b.g.rowRef(r)
	if c >= 0 {
		ref = b.g.ref(r, c)
	}
	b.comment(path, fmt.Sprintf("TODO(import): %s: no %s; the schema needs at least one, so this names a placeholder", ref, what))
	b.todos = append(b.todos, TODO{Ref: ref, Path: path, Why: "no " + what})
}

func appendKey(list []string, k string) []string {
	for _, x := range list {
		if x == k {
			return list
		}
	}
	return append(list, k)
}

func (b *builder) recipients(r int, a *ropa.Activity, p string) {
	v, c := b.col(r, cRecipients)
	if v == "" {
		return
	}
	if isNone(v) {
		a.None = append(a.None, ropa.NoneRecipients)
		return
	}
	for _, l := range cellLines(v) {
		name, inner, ok := trailingParen(l)
		role, country := "", ""
		if ok {
			parts := strings.SplitN(inner, ", ", 2)
			role = roleText[strings.ToLower(parts[0])]
			if len(parts) == 2 {
				country = parts[1]
			}
		}
		if role == "" {
			b.todo(p+"recipients", r, c, l, "a recipient needs its role: processor, controller, joint controller, public authority or internal")
			continue
		}
		a.RecipientIDs = appendKey(a.RecipientIDs, b.recipient(name, role, country))
	}
}

func (b *builder) recipient(name, role, country string) string {
	return b.entity("recipients", strings.ToLower(name)+"|"+role+"|"+strings.ToLower(country), name, func(k string) {
		b.m.Recipients[k] = &ropa.Recipient{Keyed: ropa.Keyed{Key: k}, Name: name, Role: role, Country: country}
	})
}

// rowRecipient finds the activity's recipient whose name starts line and
// is followed by sep, the longest such name; it returns the key and the
// rest of the line.
func (b *builder) rowRecipient(keys []string, line, sep string) (string, string, bool) {
	best, rest := "", ""
	for _, k := range keys {
		n := b.m.Recipients[k].Name
		if strings.HasPrefix(line, n+sep) && (best == "" || len(n) > len(b.m.Recipients[best].Name)) {
			best, rest = k, line[len(n)+len(sep):]
		}
	}
	return best, rest, best != ""
}

func (b *builder) jointControllers(r int, a *ropa.Activity, p string) {
	v, c := b.col(r, cJoint)
	if v == "" {
		return
	}
	var last string
	for _, l := range cellLines(v) {
		if arr, ok := strings.CutPrefix(l, "Arrangement: "); ok && last != "" {
			if b.m.Controller.JointControllers == nil {
				b.m.Controller.JointControllers = map[string]*ropa.JointController{}
			}
			rec := b.m.Recipients[last]
			if jc, ok := b.m.Controller.JointControllers[last]; ok {
				if jc.Arrangement != arr {
					b.todo(p+"recipients", r, c, l, "another row gives this joint controller a different arrangement")
				}
				continue
			}
			b.m.Controller.JointControllers[last] = &ropa.JointController{Keyed: ropa.Keyed{Key: last}, Name: rec.Name, Arrangement: arr}
			b.order["controller.jointControllers"] = append(b.order["controller.jointControllers"], last)
			continue
		}
		var jcKeys []string
		for _, k := range a.RecipientIDs {
			if b.m.Recipients[k].Role == "joint-controller" {
				jcKeys = append(jcKeys, k)
			}
		}
		k, rest, ok := b.rowRecipient(jcKeys, l, ": ")
		if !ok {
			if k2, _, ok2 := b.rowRecipient(jcKeys, l+": ", ": "); ok2 {
				k, rest, ok = k2, "", true
			}
		}
		if !ok {
			name := l
			if i := strings.Index(l, ": "); i >= 0 {
				name, rest = l[:i], l[i+2:]
			}
			k = b.recipient(name, "joint-controller", "")
			a.RecipientIDs = appendKey(a.RecipientIDs, k)
		}
		last = k
		if rest == "" {
			continue
		}
		ct := parseContact(rest)
		if register.ContactLine(ct) != rest {
			b.todo(p+"recipients", r, c, l, "the joint controller's contact details were not understood; put them in recipients."+k+".contact")
			continue
		}
		if rec := b.m.Recipients[k]; rec.Contact == nil {
			rec.Contact = ct
		}
	}
}

// parseContact reads a contact written on one line as "name; address,
// lines; email; telephone; web address".
func parseContact(s string) *ropa.Contact {
	ct := &ropa.Contact{}
	for i, part := range strings.Split(s, "; ") {
		switch {
		case emailRe.MatchString(part) && ct.Email == "":
			ct.Email = part
		case urlRe.MatchString(part) && ct.Web == "":
			ct.Web = part
		case phoneRe.MatchString(part) && ct.Phone == "":
			ct.Phone = part
		case i == 0:
			ct.Name = part
		case ct.Address == nil:
			ct.Address = &ropa.Address{Lines: strings.Split(part, ", ")}
		default:
			ct.Note = part
		}
	}
	return ct
}

func (b *builder) contracts(r int, a *ropa.Activity, p string) {
	v, c := b.col(r, cContract)
	for _, l := range cellLines(v) {
		k, rest, ok := b.rowRecipient(a.RecipientIDs, l, ": ")
		if !ok || rest == "" {
			b.todo(p+"recipients", r, c, l, "a contract is recorded on the recipient it is with, as \"Recipient name: contract\"")
			continue
		}
		rec := b.m.Recipients[k]
		switch rec.Contract {
		case "":
			rec.Contract = rest
		case rest:
		default:
			b.todo(p+"recipients", r, c, l, "another row gives "+rec.Name+" a different contract")
		}
	}
}

// allRecipient finds, among every recipient the sheet names, the one whose
// name starts s followed by sep.
func (b *builder) allRecipient(s, sep string) (string, string, bool) {
	return b.rowRecipient(b.order["recipients"], s, sep)
}

func (b *builder) transfers(r int, a *ropa.Activity, p string) {
	v, c := b.col(r, cTransfers)
	if v == "" {
		return
	}
	if isNone(v) {
		a.None = append(a.None, ropa.NoneTransfers)
		return
	}
	for _, l := range cellLines(v) {
		t, ok := b.parseTransfer(a, l)
		if !ok {
			b.todo(p+"transfers", r, c, l, "a transfer needs its country and recipient, as \"Country (Recipient name): mechanism\", and the recipient in the recipients column")
			continue
		}
		if t.Mechanism == "other" {
			b.todo(p+"transfers", r, c, l, "the transfer mechanism was not recognised; set transfers."+Slug(t.Country)+".mechanism")
		}
		sig := strings.Join([]string{strings.ToLower(t.Country), t.RecipientID, t.Mechanism, t.RiskAssessment, t.Note}, "|")
		k := b.entity("transfers", sig, t.RecipientID, func(k string) {
			t.Key = k
			b.m.Transfers[k] = &t
		})
		a.TransferIDs = appendKey(a.TransferIDs, k)
	}
}

// parseTransfer reads "Country (Recipient): mechanism; transfer risk
// assessment: ref".
func (b *builder) parseTransfer(a *ropa.Activity, l string) (ropa.Transfer, bool) {
	i := strings.Index(l, " (")
	if i < 0 {
		return ropa.Transfer{}, false
	}
	t := ropa.Transfer{Country: l[:i]}
	rest := l[i+2:]
	k, mech, ok := b.rowRecipient(a.RecipientIDs, rest, "): ")
	if !ok {
		k, mech, ok = b.allRecipient(rest, "): ")
	}
	if !ok {
		// "Country (Recipient)" with no mechanism.
		var tail string
		k, tail, ok = b.allRecipient(rest, ")")
		if !ok || tail != "" {
			return ropa.Transfer{}, false
		}
		mech = ""
	}
	t.RecipientID = k
	if m, ra, ok := strings.Cut(mech, "; transfer risk assessment: "); ok {
		mech, t.RiskAssessment = m, ra
	}
	switch mm, ok := parseMechanism(mech); {
	case mech == "":
		t.Mechanism = "unspecified"
	case ok:
		t.Mechanism = mm
	default:
		t.Mechanism, t.Note = "other", mech
	}
	return t, true
}

func (b *builder) exceptional(r int, a *ropa.Activity, p string) {
	v, c := b.col(r, cExceptional)
	var cur *ropa.Transfer
	var extra []string
	flush := func() {
		if cur == nil {
			return
		}
		switch len(extra) {
		case 0:
		case 1:
			cur.Note = extra[0]
		default:
			cur.Note, cur.SafeguardCopy = extra[0], strings.Join(extra[1:], "\n")
		}
		cur, extra = nil, nil
	}
	for _, l := range cellLines(v) {
		if i := strings.Index(l, ": Article 49(1) derogation"); i >= 0 {
			flush()
			name, der := l[:i], strings.TrimPrefix(l[i+len(": Article 49(1) derogation"):], ": ")
			for _, k := range a.TransferIDs {
				t := b.m.Transfers[k]
				if t.Mechanism == "derogation" && t.Country+" ("+b.m.Recipients[t.RecipientID].Name+")" == name && (t.Derogation == "" || t.Derogation == der) {
					t.Derogation, cur = der, t
					break
				}
			}
			if cur == nil {
				b.todo(p+"transfers", r, c, l, "no transfer in the transfers column matches this derogation")
			}
			continue
		}
		if cur == nil {
			b.todo(p+"transfers", r, c, l, "")
			continue
		}
		extra = append(extra, l)
	}
	flush()
}

// parseRetention reads a retention rule as the register writes it: "Name:
// period trigger; criteria, then action (note: note)".
func parseRetention(line string) ropa.Retention {
	var rt ropa.Retention
	s := line
	if strings.HasSuffix(s, ")") {
		if i := strings.Index(s, " (note: "); i >= 0 {
			rt.Note, s = s[i+len(" (note: "):len(s)-1], s[:i]
		}
	}
	for _, act := range []string{"delete", "anonymise", "review"} {
		if rest, ok := strings.CutSuffix(s, ", then "+act); ok {
			rt.Action, s = act, rest
			break
		}
	}
	name, how, ok := strings.Cut(s, ": ")
	rt.Name = name
	if !ok {
		if m := durationRe.FindStringSubmatch(s); m != nil {
			rt.Period, rt.Trigger = m[1], m[2]
		}
		return rt
	}
	first, criteria, two := strings.Cut(how, "; ")
	if m := durationRe.FindStringSubmatch(first); m != nil {
		rt.Period, rt.Trigger = m[1], m[2]
	} else if two {
		rt.Trigger = first
	} else {
		rt.Criteria = first
	}
	if two {
		rt.Criteria = criteria
	}
	return rt
}

func (b *builder) retention(r int, a *ropa.Activity, p string) {
	v, _ := b.col(r, cRetention)
	// The policy column names each rule's source as "Rule: source".
	pv, _ := b.col(r, cPolicy)
	policy := cellLines(pv)
	for _, l := range cellLines(v) {
		rt := parseRetention(l)
		if rt.Name == "" {
			continue
		}
		for _, pl := range policy {
			if src, ok := strings.CutPrefix(pl, rt.Name+": "); ok && rt.Source == "" {
				rt.Source = src
			}
		}
		sig := strings.Join([]string{rt.Name, rt.Period, rt.Trigger, rt.Criteria, rt.Action, rt.Note, rt.Source}, "|")
		k := b.entity("retention", sig, rt.Name, func(k string) {
			rt.Key = k
			b.m.Retention[k] = &rt
		})
		a.RetentionIDs = appendKey(a.RetentionIDs, k)
	}
}

func (b *builder) securityCell(r int) {
	v, c := b.col(r, cSecurity)
	if v == "" {
		return
	}
	if b.security == "" {
		b.security, b.securityRef = v, b.g.ref(r, c)
		return
	}
	if strings.Join(cellLines(v), "\n") != strings.Join(cellLines(b.security), "\n") {
		b.todo("security", r, c, v, "the record keeps one description of security measures; "+b.securityRef+" gives the one used")
	}
}

func (b *builder) bases(r int, a *ropa.Activity, p string) {
	v, c := b.col(r, cBasis)
	v2, c2 := b.col(r, cBasis2)
	if v == "" {
		v, c = v2, c2
	} else if v2 != "" && strings.Join(cellLines(v2), "\n") != strings.Join(cellLines(v), "\n") {
		b.todo(p+"lawfulBases", r, c2, v2, "differs from the other Article 6 column, which is used")
	}
	for _, l := range cellLines(v) {
		if l == ropa.EitherBasisLine {
			a.EitherBasis = true
			continue
		}
		lb, ok := parseBasis(l)
		if !ok {
			b.todo(p+"lawfulBases", r, c, l, "no Article 6(1) lawful basis recognised")
			continue
		}
		a.LawfulBases = append(a.LawfulBases, lb)
	}
}

func (b *builder) article9(r int, a *ropa.Activity, p string) {
	v, c := b.col(r, cArt9)
	for _, l := range cellLines(v) {
		x, ok := parseArticle9(l)
		if !ok {
			b.todo(p+"specialConditions", r, c, l, "no Article 9(2) condition recognised")
			continue
		}
		sc := ropa.SpecialCondition{Article9: x.letter}
		if x.schedule1 >= 1 && x.schedule1 <= 28 {
			sc.Schedule1 = x.schedule1
		}
		if x.names != "" {
			keys, ok := b.categoryNames(a, x.names)
			if !ok {
				b.todo(p+"specialConditions", r, c, l, "the categories in brackets are not all in the categories column")
			}
			sc.CategoryIDs = keys
		}
		a.SpecialConditions = append(a.SpecialConditions, sc)
	}
}

// categoryNames reads a list of category names joined by ", " (names may
// hold commas themselves), preferring the activity's categories.
func (b *builder) categoryNames(a *ropa.Activity, s string) ([]string, bool) {
	var keys []string
	for s != "" {
		best := ""
		for _, list := range [][]string{a.CategoryIDs, b.order["categories"]} {
			for _, k := range list {
				n := b.m.Categories[k].Name
				if (s == n || strings.HasPrefix(s, n+", ")) && (best == "" || len(n) > len(b.m.Categories[best].Name)) {
					best = k
				}
			}
			if best != "" {
				break
			}
		}
		if best == "" {
			return keys, false
		}
		keys = append(keys, best)
		s = strings.TrimPrefix(strings.TrimPrefix(s, b.m.Categories[best].Name), ", ")
	}
	return keys, true
}

func (b *builder) interests(r int, a *ropa.Activity, p string) {
	var li []int
	for i, lb := range a.LawfulBases {
		if lb.Basis == ropa.BasisLegitimateInterests {
			li = append(li, i)
		}
	}
	for _, f := range []struct {
		col int
		set func(*ropa.LawfulBasis, string)
	}{
		{cInterests, func(lb *ropa.LawfulBasis, s string) { lb.Interest = s }},
		{cLIA, func(lb *ropa.LawfulBasis, s string) { lb.Assessment = s }},
	} {
		v, c := b.col(r, f.col)
		if v == "" {
			continue
		}
		if len(li) == 0 {
			b.todo(p+"lawfulBases", r, c, v, "no legitimate interests basis on this row to attach it to")
			continue
		}
		ls := cellLines(v)
		if len(ls) == len(li) {
			for i, l := range ls {
				f.set(&a.LawfulBases[li[i]], l)
			}
		} else {
			f.set(&a.LawfulBases[li[0]], strings.Join(ls, "\n"))
		}
	}
}

func (b *builder) automation(r int, a *ropa.Activity, p string) {
	v, c := b.col(r, cAutomation)
	if v == "" {
		return
	}
	if isNone(v) {
		a.Automation = &ropa.Automation{}
		b.comment(p+"automation", fmt.Sprintf("import: %s says %q", b.g.ref(r, c), v))
		return
	}
	au := &ropa.Automation{}
	var noD, noP, structured bool
	var desc []string
	for _, l := range cellLines(v) {
		switch {
		case strings.HasPrefix(l, "Solely automated decision-making: Yes"):
			au.Decisions, structured = true, true
			au.Significant = strings.Contains(l, "significant effects")
		case l == "Solely automated decision-making: No":
			noD, structured = true, true
		case l == "Profiling: Yes":
			au.Profiling, structured = true, true
		case l == "Profiling: No":
			noP, structured = true, true
		case strings.HasPrefix(l, "Logic: "):
			au.Logic = strings.TrimPrefix(l, "Logic: ")
		case strings.HasPrefix(l, "Consequences: "):
			au.Consequences = strings.TrimPrefix(l, "Consequences: ")
		case strings.HasPrefix(l, "Article 22(2) exception: "):
			e := strings.ReplaceAll(strings.TrimPrefix(l, "Article 22(2) exception: "), " ", "-")
			switch e {
			case "contract", "law", "explicit-consent":
				au.Exception = e
			default:
				b.todo(p+"automation", r, c, l, "")
			}
		case strings.HasPrefix(l, "Safeguard: "):
			au.Safeguards = append(au.Safeguards, strings.TrimPrefix(l, "Safeguard: "))
		default:
			desc = append(desc, l)
		}
	}
	if !structured {
		b.todo(p+"automation", r, c, v, "say \"No\", or \"Solely automated decision-making: Yes\" and/or \"Profiling: Yes\" with the details")
		return
	}
	au.Description = strings.Join(desc, "\n")
	if !au.Decisions && !au.Profiling && au.Description == "" && au.Logic == "" && au.Consequences == "" && len(au.Safeguards) == 0 && au.Exception == "" {
		if noD {
			a.None = append(a.None, ropa.NoneAutomatedDecisions)
		}
		if noP {
			a.None = append(a.None, ropa.NoneProfiling)
		}
		return
	}
	a.Automation = au
}

// rights compares the rights the sheet lists with those ropa derives from
// the lawful bases, and keeps a list that differs as a TODO: the model
// does not state rights, it derives them.
func (b *builder) rights(r int, a *ropa.Activity, p string) {
	v, c := b.col(r, cRights)
	if v == "" {
		return
	}
	if strings.Join(cellLines(v), "\n") != strings.Join(register.Rights(a), "\n") {
		b.todo(p+"lawfulBases", r, c, v, "ropa derives the rights from the lawful bases and automation, and derives a different list")
	}
}

func (b *builder) sources(r int, a *ropa.Activity, p string) {
	v, c := b.col(r, cSource)
	for _, l := range cellLines(v) {
		name, inner, ok := trailingParen(l)
		kind, pub := "", false
		if ok {
			w := inner
			if x, ok := strings.CutSuffix(w, ", publicly accessible"); ok {
				w, pub = x, true
			}
			kind = sourceKindText[strings.ToLower(w)]
		}
		if kind == "" {
			b.todo(p+"sources", r, c, l, "a source needs its kind, as \"Name (from the individual)\", \"(from a third party)\", \"(from a public source)\", \"(generated by us)\" or \"(observed)\"")
			continue
		}
		k := b.entity("sources", fmt.Sprintf("%s|%s|%v", strings.ToLower(name), kind, pub), name, func(k string) {
			b.m.Sources[k] = &ropa.Source{Keyed: ropa.Keyed{Key: k}, Name: name, Kind: kind, PubliclyAccessible: pub}
		})
		a.SourceIDs = appendKey(a.SourceIDs, k)
	}
}

func (b *builder) dpia(r int, a *ropa.Activity, p string) {
	req, rc := b.col(r, cDPIARequired)
	prog, pc := b.col(r, cDPIAProgress)
	link, lc := b.col(r, cDPIALink)
	if req == "" {
		for _, x := range []struct {
			v string
			c int
		}{{prog, pc}, {link, lc}} {
			if x.v != "" {
				b.todo(p+"dpia", r, x.c, x.v, "a DPIA record needs whether one is required")
			}
		}
		return
	}
	yes, ok := yesNo(req)
	if !ok {
		b.todo(p+"dpia", r, rc, req, "say Yes or No")
		return
	}
	d := &ropa.DPIA{Required: yes, Ref: link}
	if prog != "" {
		if s, ok := dpiaStatusText[strings.ToLower(strings.TrimRight(prog, "."))]; ok {
			d.Status = s
		} else {
			b.todo(p+"dpia", r, pc, prog, "say Not started, In progress or Complete")
		}
	}
	a.DPIA = d
}

func (b *builder) breach(r int, a *ropa.Activity, p string) {
	occurred, oc := b.col(r, cBreach)
	link, _ := b.col(r, cBreachLink)
	if link != "" {
		a.Breach = link
		return
	}
	if yes, ok := yesNo(occurred); occurred != "" && (!ok || yes) {
		b.todo(p+"breach", r, oc, occurred, "breach holds the reference to the breach record")
	}
}

var (
	criminalSuffix = " (criminal offence data)"
	officialRoute  = "Article 10: under the control of official authority"
)

func (b *builder) schedule1(r int, a *ropa.Activity, p string) {
	v, c := b.col(r, cSchedule1)
	next := 0
	for _, l := range cellLines(v) {
		if strings.HasPrefix(l, officialRoute) {
			a.CriminalConditions = append(a.CriminalConditions, ropa.CriminalCondition{Basis: "official-authority"})
			continue
		}
		para, ok := parseSchedule1(l)
		if !ok {
			b.todo(p+"specialConditions", r, c, l, "no DPA 2018 Schedule 1 paragraph recognised")
			continue
		}
		if strings.HasSuffix(l, criminalSuffix) || para > 28 {
			a.CriminalConditions = append(a.CriminalConditions, ropa.CriminalCondition{Basis: "schedule1", Schedule1: para})
			continue
		}
		for next < len(a.SpecialConditions) && a.SpecialConditions[next].Schedule1 != 0 && a.SpecialConditions[next].Schedule1 != para {
			next++
		}
		if next >= len(a.SpecialConditions) {
			b.todo(p+"specialConditions", r, c, l, "no Article 9 condition on this row to attach the paragraph to")
			continue
		}
		a.SpecialConditions[next].Schedule1 = para
		next++
	}
}

func (b *builder) policy(r int, a *ropa.Activity, p string) {
	v, c := b.col(r, cPolicy)
	next := 0
	for _, l := range cellLines(v) {
		if doc, ok := strings.CutPrefix(l, "Appropriate policy document: "); ok {
			set := false
			for ; next < len(a.SpecialConditions)+len(a.CriminalConditions) && !set; next++ {
				if next < len(a.SpecialConditions) {
					a.SpecialConditions[next].PolicyDocument, set = doc, true
				} else {
					a.CriminalConditions[next-len(a.SpecialConditions)].PolicyDocument, set = doc, true
				}
			}
			if !set {
				b.todo(p+"specialConditions", r, c, l, "no special category or criminal offence condition on this row to attach it to")
			}
			continue
		}
		matched := false
		for _, k := range a.RetentionIDs {
			rt := b.m.Retention[k]
			if l == rt.Name+": "+rt.Source {
				matched = true
			}
		}
		if !matched {
			b.todo(p+"retention", r, c, l, "a policy is recorded as \"Retention rule name: policy\" against a rule in the retention column")
		}
	}
}

func (b *builder) adherence(r int, a *ropa.Activity, p string) {
	v, c := b.col(r, cAdheres)
	reason, rc := b.col(r, cReasons)
	if v == "" {
		if reason != "" {
			b.todo(p+"policyAdherence", r, rc, reason, "policyAdherence needs whether data is kept per the policy document")
		}
		return
	}
	yes, ok := yesNo(v)
	if !ok {
		b.todo(p+"policyAdherence", r, c, v, "say Yes or No")
		return
	}
	a.PolicyAdherence = &ropa.PolicyAdherence{Adheres: yes, Reason: reason}
}
