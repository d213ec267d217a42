package notice

import (
	"fmt"
	"github.com/ropa-dev/ropa/ropa/law"
	"strconv"
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// basisOrder is the order lawful bases are explained in: Article 6(1), as
// the law package lists them.
var basisOrder = func() []string {
	var out []string
	for _, b := range law.Bases {
		out = append(out, b.Kind)
	}
	return out
}()

// purposes is the table Purpose / Information used / Lawful basis, one row
// per activity, then the laws the bases rest on, listed once, what each
// basis means and the special-category and criminal-offence conditions
// (Art 13/14(1)(c), Art 6(3), Art 9, Art 10).
func (p *planner) purposes() *doc.Section {
	s := p.section(IDPurposes)
	if len(p.acts) == 0 {
		s.Blocks = append(s.Blocks, doc.SP(doc.From(p.noticePath()), doc.T(p.t("purposes.none"))))
		return s
	}
	s.Blocks = append(s.Blocks, doc.SP(doc.Law("UK GDPR Art 13(1)(c), 14(1)(c)"), doc.T(p.t("purposes.intro"))))
	t := &doc.Table{
		Caption:    p.t("purposes.caption"),
		Header:     []string{p.t("purposes.col.purpose"), p.t("purposes.col.data"), p.t("purposes.col.basis")},
		Widths:     []float64{3, 2, 3},
		RowHeaders: true,
		Lists:      []bool{false, true, false},
	}
	used := map[string]bool{}
	laws := p.lawsUsed()
	for _, a := range p.acts {
		purpose := doc.Cell{{doc.B(a.Name)}}
		if a.Purpose != "" {
			purpose = append(purpose, []doc.Inline{doc.T(a.Purpose)})
		}
		for _, d := range a.Details {
			purpose = append(purpose, []doc.Inline{doc.T(d)})
		}
		if a.OptOut != "" {
			purpose = append(purpose, []doc.Inline{doc.T(p.t("purposes.optout", "optOut", a.OptOut))})
		}
		var data []string
		for _, c := range a.Categories {
			if c != nil {
				data = append(data, c.Name)
			}
		}
		var basis doc.Cell
		if a.EitherBasis && len(a.LawfulBases) > 1 {
			basis = append(basis, []doc.Inline{doc.T(p.t("purposes.basis.either"))})
		}
		for _, b := range a.LawfulBases {
			used[b.Basis] = true
			basis = append(basis, p.basisLines(b, laws)...)
		}
		t.AddRow(doc.From(actPath(a, "")), purpose, doc.TextCell(data...), basis)
	}
	s.Blocks = append(s.Blocks, t)
	s.Blocks = append(s.Blocks, p.lawList()...)

	explain := &doc.List{}
	for _, b := range basisOrder {
		if used[b] {
			explain.Add(doc.Law("UK GDPR Art 6(1)"), p.basisName(b, p.t("basis."+b+".explain"))...)
		}
	}
	if len(explain.Items) > 0 {
		s.Blocks = append(s.Blocks, doc.SP(doc.Law("UK GDPR Art 6(1)"), doc.T(p.t("purposes.bases.intro"))), explain)
	}
	if sub := p.specialConditions(); sub != nil {
		s.Sections = append(s.Sections, sub)
	}
	return s
}

// basisLines describes one lawful basis in a table cell: its name, then
// the detail it carries; the laws it rests on are named, or pointed to as
// the notice's whole list of laws (laws) when they are all of it.
func (p *planner) basisLines(b ropa.LawfulBasis, laws []*ropa.Law) doc.Cell {
	c := doc.Cell{p.basisName(b.Basis, "")}
	line := func(s string) { c = append(c, []doc.Inline{doc.T(s)}) }
	if b.Interest != "" {
		line(p.t("basis.detail.interest", "interest", b.Interest))
	}
	if b.Law != "" {
		line(p.t("basis.detail.law", "law", b.Law))
	}
	if l := p.basisLaws(b, laws); l != "" {
		line(l)
	}
	if b.Condition != "" {
		line(p.t("basis.detail.condition", "condition", b.Condition))
	}
	if b.Consent != nil {
		if b.Consent.How != "" {
			line(p.t("basis.detail.consent", "how", b.Consent.How))
		}
		if b.Consent.Withdraw != "" {
			line(p.t("basis.detail.withdraw", "withdraw", b.Consent.Withdraw))
		}
	}
	if b.Note != "" {
		line(b.Note)
	}
	return c
}

// specialConditions states, per activity, the Article 9 condition with its
// Schedule 1 paragraph, and the Article 10 route, in words.
func (p *planner) specialConditions() *doc.Section {
	var blocks []doc.Block
	for _, a := range p.acts {
		if len(a.SpecialConditions) == 0 && len(a.CriminalConditions) == 0 {
			continue
		}
		l := &doc.List{}
		for i, sc := range a.SpecialConditions {
			src := doc.From(fmt.Sprintf("%s[%d]", actPath(a, "specialConditions"), i))
			for _, line := range p.specialLines(a, sc) {
				l.Add(src, line...)
			}
		}
		for i, cc := range a.CriminalConditions {
			src := doc.From(fmt.Sprintf("%s[%d]", actPath(a, "criminalConditions"), i))
			for _, line := range p.criminalLines(cc) {
				l.Add(src, line...)
			}
		}
		blocks = append(blocks, doc.SP(doc.From(actPath(a, "name")), doc.B(a.Name)), l)
	}
	if len(blocks) == 0 {
		return nil
	}
	s := p.section(IDSpecialConditions)
	s.Blocks = append([]doc.Block{doc.SP(doc.Law("UK GDPR Art 9(2), 10; DPA 2018 s.10, Sch 1"), doc.T(p.t("conditions.intro")))}, blocks...)
	return s
}

func (p *planner) specialLines(a *ropa.Activity, sc ropa.SpecialCondition) [][]doc.Inline {
	var out [][]doc.Inline
	cats := sc.Categories
	if len(cats) == 0 {
		for _, c := range a.Categories {
			if c != nil && c.Special != "" {
				cats = append(cats, c)
			}
		}
	}
	var names []string
	for _, c := range cats {
		if c != nil {
			names = append(names, c.Name)
		}
	}
	if len(names) > 0 {
		out = append(out, []doc.Inline{doc.T(p.t("conditions.categories", "categories", p.joinList(names)))})
	}
	cond := sc.Article9
	if k := "art9." + sc.Article9; p.ph.has(k) {
		cond = p.t(k)
	}
	out = append(out, p.cited("conditions.article9", "letter", sc.Article9, "condition", cond))
	if sc.Schedule1 > 0 {
		out = append(out, p.cited("conditions.schedule1", "paragraph", strconv.Itoa(sc.Schedule1), "name", p.schedule1(sc.Schedule1)))
	}
	out = append(out, p.policyLine(sc.PolicyDocument)...)
	if sc.Note != "" {
		out = append(out, []doc.Inline{doc.T(sc.Note)})
	}
	return out
}

func (p *planner) criminalLines(cc ropa.CriminalCondition) [][]doc.Inline {
	var out [][]doc.Inline
	switch {
	case cc.Basis == "official-authority":
		out = append(out, p.cited("conditions.criminal.official-authority"))
	case cc.Schedule1 > 0:
		out = append(out, p.cited("conditions.criminal.schedule1", "paragraph", strconv.Itoa(cc.Schedule1), "name", p.schedule1(cc.Schedule1)))
	}
	out = append(out, p.policyLine(cc.PolicyDocument)...)
	if cc.Note != "" {
		out = append(out, []doc.Inline{doc.T(cc.Note)})
	}
	return out
}

// schedule1 names a DPA 2018 Schedule 1 paragraph, or "" for one out of range.
func (p *planner) schedule1(n int) string {
	if k := "sch1." + strconv.Itoa(n); p.ph.has(k) {
		return p.t(k)
	}
	return ""
}

// policyLine points to the appropriate policy document, linked when it is
// an address.
func (p *planner) policyLine(ref string) [][]doc.Inline {
	if ref == "" {
		return nil
	}
	if !isURL(ref) {
		return [][]doc.Inline{{doc.T(p.t("conditions.policy", "policy", ref))}}
	}
	text := p.t("conditions.policy", "policy", "\x00")
	before, after, _ := strings.Cut(text, "\x00")
	var runs []doc.Inline
	if before != "" {
		runs = append(runs, doc.T(before))
	}
	runs = append(runs, doc.L(ref, ref))
	if after != "" {
		runs = append(runs, doc.T(after))
	}
	return [][]doc.Inline{runs}
}

// legitimateInterests states the interests pursued for each activity on
// legitimate interests (Art 13(1)(d), 14(2)(b)), then the right to object.
// It says the interests were weighed against the reader's only when every
// legitimate-interests basis it lists links its assessment.
func (p *planner) legitimateInterests() *doc.Section {
	l := &doc.List{}
	assessed := true
	var assessments []string
	for _, a := range p.acts {
		for i, b := range a.LawfulBases {
			if b.Basis != ropa.BasisLegitimateInterests || b.Interest == "" {
				continue
			}
			path := fmt.Sprintf("%s[%d]", actPath(a, "lawfulBases"), i)
			l.Add(doc.From(path+".interest"), labelled(a.Name, b.Interest)...)
			if b.Assessment == "" {
				assessed = false
			} else {
				assessments = append(assessments, path+".assessment")
			}
		}
	}
	if len(l.Items) == 0 {
		return nil
	}
	s := p.section(IDLegitimate)
	s.Blocks = append(s.Blocks, doc.SP(doc.Law("UK GDPR Art 13(1)(d), 14(2)(b)"), doc.T(p.t("li.intro"))), l)
	where := p.objectRef()
	if assessed {
		s.Blocks = append(s.Blocks, doc.SP(doc.Law("UK GDPR Art 21(1)", assessments...), doc.T(p.t("li.balance", "section", where))))
	} else {
		s.Blocks = append(s.Blocks, doc.SP(doc.Law("UK GDPR Art 21(1)"), doc.T(p.t("li.object", "section", where))))
	}
	return s
}

// basisName names a lawful basis in plain words, in bold, with its
// article after it as a citation, then ": " and text when text is set.
// A basis the phrasebook does not know is named by its key alone.
func (p *planner) basisName(basis, text string) []doc.Inline {
	if k := "basis." + basis + ".name"; !p.ph.has(k) {
		return labelled(basis, text)
	}
	runs := []doc.Inline{doc.B(p.t("basis." + basis + ".name"))}
	if k := "basis." + basis + ".cite"; p.ph.has(k) {
		runs = append(runs, doc.T(" "), doc.C(p.t(k)))
	}
	if text != "" {
		runs = append(runs, doc.T(": "+text))
	}
	return runs
}

// cited returns the phrase key in plain words, then the phrase key+".cite"
// (the provision it rests on) as a citation after it; the two share the
// placeholders kv.
func (p *planner) cited(key string, kv ...string) []doc.Inline {
	return []doc.Inline{doc.T(p.t(key, kv...) + " "), doc.C(p.t(key+".cite", kv...))}
}

// objectRef refers to the section that states the right to object: its
// own sub-section or, when the notice hands the rights to another notice
// or page, the rights section that points there.
func (p *planner) objectRef() string {
	if p.present[IDRightToObject] {
		return p.ref(IDRightToObject)
	}
	return p.ref(IDYourRights)
}
