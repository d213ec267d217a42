// Package notice plans the privacy notices of a model: for each audience, a
// doc.Document that says everything Articles 13 and 14 of the UK GDPR ask
// of a notice, in the order a reader expects, in standard wording that the
// organisation can override phrase by phrase. The layout engines (HTML,
// Markdown, PDF) render the plan; Producer wires them into `ropa build`.
package notice

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// Standard section IDs, in the order they appear in a notice. A free
// section names one of these in `after` to be placed after it.
const (
	IDWhoWeAre           = "who-we-are"
	IDSubjects           = "subjects"
	IDContactUs          = "contact-us"
	IDDataWeCollect      = "data-we-collect"
	IDSources            = "sources"
	IDPurposes           = "purposes"
	IDLegitimate         = "legitimate-interests"
	IDSharing            = "sharing"
	IDSchemes            = "schemes"
	IDTransfers          = "transfers"
	IDRetention          = "retention"
	IDSecurity           = "security"
	IDAutomatedDecisions = "automated-decisions"
	IDRequirement        = "requirement"
	IDCookies            = "cookies"
	IDYourRights         = "your-rights"
	IDExerciseRights     = "exercise-rights"
	IDComplaints         = "complaints"
	IDRelated            = "related"
	IDChanges            = "changes"
)

// Sub-section IDs.
const (
	IDJointControllers  = "joint-controllers"
	IDSpecialConditions = "special-conditions"
	IDRightToObject     = "right-to-object"
)

// step builds one standard section, or returns nil when it has nothing to
// say and the law needs no statement.
type step struct {
	id    string
	build func(p *planner) *doc.Section
}

// steps are the standard sections in reading order.
var steps = []step{
	{IDWhoWeAre, (*planner).whoWeAre},
	{IDSubjects, (*planner).subjectsSection},
	{IDContactUs, (*planner).contactUs},
	{IDDataWeCollect, (*planner).dataWeCollect},
	{IDSources, (*planner).sources},
	{IDPurposes, (*planner).purposes},
	{IDLegitimate, (*planner).legitimateInterests},
	{IDSharing, (*planner).sharing},
	{IDSchemes, (*planner).schemes},
	{IDTransfers, (*planner).transfers},
	{IDRetention, (*planner).retention},
	{IDSecurity, (*planner).security},
	{IDAutomatedDecisions, (*planner).automation},
	{IDRequirement, (*planner).requirement},
	{IDCookies, (*planner).cookies},
	{IDYourRights, (*planner).rights},
	{IDExerciseRights, (*planner).exerciseRights},
	{IDComplaints, (*planner).complaints},
	{IDRelated, (*planner).related},
	{IDChanges, (*planner).changes},
}

// SectionIDs returns the IDs of the standard sections in reading order:
// the values a free section's `after` may take.
func SectionIDs() []string {
	ids := make([]string, len(steps))
	for i, s := range steps {
		ids[i] = s.id
	}
	return ids
}

// planner holds what every section builder needs.
type planner struct {
	// lang is the language being planned: "" for the notice's own
	// (English), else a tag with a phrasebook, such as "cy".
	lang string
	// en is the model in English when m is its translation, for the facts
	// a translation must not change (a recipient's country); nil when m is
	// the English.
	en   *ropa.Model
	m    *ropa.Model
	n    *ropa.Notice
	acts []*ropa.Activity
	ph   *phrasebook
	ids  map[string]bool
	// present says which sections that others refer to by title the
	// notice has; a statement refers only to a section that is there.
	present map[string]bool
	// refs are the sections referred to by title, checked against the
	// planned document.
	refs map[string]bool
}

// Plan returns the privacy notice n of model m: the activities that list
// n's key in their audiences, described as Articles 13 and 14 require.
// The notice's own phrases override the model's, which override the
// standard wording. It fails when the model or the notice overrides an
// unknown phrase key or places a free section after an unknown section.
func Plan(m *ropa.Model, n *ropa.Notice) (*doc.Document, error) {
	return plan(m, n, "", true)
}

// PlanIn plans notice n in language lang, one of its languages: from the
// model with its translations into lang applied (a text with none stays
// in English, which lint's translation-missing reports), in the standard
// wording of lang's phrasebook, with the model's phrase overrides as
// translated. "" plans the notice in its own language, as Plan does. It
// fails when ropa has no phrasebook for lang.
func PlanIn(m *ropa.Model, n *ropa.Notice, lang string) (*doc.Document, error) {
	if m == nil || n == nil {
		return nil, errors.New("notice: Plan needs a model and a notice")
	}
	tm, tn := inLanguage(m, n, lang)
	if m == nil || n == nil {
		return nil, errors.New("notice: Plan needs a model and a notice")
	}
	p, err := newPlannerIn(tm, tn, lang, true)
	if err != nil {
		return nil, err
	}
	if tm != m {
		p.en = m
	}
	return p.plan()
}

// inLanguage returns the model in language lang and its copy of notice n;
// m and n for "".
func inLanguage(m *ropa.Model, n *ropa.Notice, lang string) (*ropa.Model, *ropa.Notice) {
	if lang == "" {
		return m, n
	}
	tm, _ := m.InLanguage(lang, n)
	if tn := tm.Notices[n.Key]; tn != nil {
		return tm, tn
	}
	return tm, n
}

// plan plans notice n in lang; with check, it also fails when a topic is
// delegated to a notice that does not have its section.
func plan(m *ropa.Model, n *ropa.Notice, lang string, check bool) (*doc.Document, error) {
	if m == nil || n == nil {
		return nil, errors.New("notice: Plan needs a model and a notice")
	}
	p, err := newPlannerIn(m, n, lang, check)
	if err != nil {
		return nil, err
	}
	return p.plan()
}

// newPlanner returns the planner of notice n of model m, with the
// notice's phrasebook; it fails on an unknown phrase override, and with
// check on a topic delegated to a notice that does not have its section.
func newPlanner(m *ropa.Model, n *ropa.Notice, check bool) (*planner, error) {
	return newPlannerIn(m, n, "", check)
}

// newPlannerIn is newPlanner in language lang ("" for English).
func newPlannerIn(m *ropa.Model, n *ropa.Notice, lang string, check bool) (*planner, error) {
	ph, err := newPhrasebookIn(cmpOr(lang, "en"),
		phraseLayer{where: "phrases", text: m.Phrases, pos: m.Positions},
		phraseLayer{where: "notices." + n.Key + ".phrases", text: n.Phrases, pos: m.Positions},
	)
	if err != nil {
		return nil, err
	}
	for key, a := range m.Activities {
		if a == nil {
			return nil, fmt.Errorf("notice: activity %q is nil", key)
		}
	}
	p := &planner{lang: lang, m: m, n: n, acts: m.ActivitiesFor(n), ph: ph, ids: map[string]bool{}, refs: map[string]bool{}}
	for _, s := range steps {
		p.ids[s.id] = true
	}
	if err := delegationError(delegateProblems(m, n, check)); err != nil {
		return nil, err
	}
	p.present = map[string]bool{
		IDContactUs:         p.contactUs() != nil || p.n.Delegation(IDContactUs) != nil,
		IDSpecialConditions: p.specialConditions() != nil && p.n.Delegation(IDPurposes) == nil,
		IDRightToObject:     p.rightToObjectStated() && p.n.Delegation(IDYourRights) == nil,
	}
	for _, id := range []string{IDJointControllers, IDSpecialConditions, IDRightToObject, IDSummary} {
		p.ids[id] = true
	}
	return p, nil
}

// plan plans the notice.
func (p *planner) plan() (*doc.Document, error) {
	m, n := p.m, p.n

	free, err := p.freeSections()
	if err != nil {
		return nil, err
	}
	d := &doc.Document{
		Title:    n.Title,
		Subtitle: m.Controller.Name,
		Author:   m.Controller.Name,
		Subject:  p.t("doc.subject", "controller", m.Controller.DisplayName()),
		Lang:     n.Language,
		Version:  n.Version,
		Date:     n.LastUpdated,
		DateText: p.date(n.LastUpdated),
		Intro:    append(p.extendsIntro(), p.intro()...),
		Labels:   p.labels(),
	}
	if d.Lang == "" {
		d.Lang = "en-GB"
	}
	if p.lang != "" {
		d.Lang = p.lang
	}
	d.Alternates = p.alternates(d.Lang)
	for _, s := range steps {
		if s.id == IDYourRights {
			d.Sections = append(d.Sections, free[""]...)
		}
		if sec := p.delegated(s.id); sec != nil {
			d.Sections = append(d.Sections, sec)
		} else if sec := s.build(p); sec != nil {
			d.Sections = append(d.Sections, sec)
		}
		d.Sections = append(d.Sections, free[s.id]...)
	}
	if sum := p.summary(d); sum != nil {
		d.Sections = append([]*doc.Section{sum}, d.Sections...)
	}
	if len(p.ph.missing) > 0 {
		var keys []string
		for k := range p.ph.missing {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return nil, fmt.Errorf("notice: internal error: no phrase for %s", strings.Join(keys, ", "))
	}
	if err := p.checkRefs(d); err != nil {
		return nil, err
	}
	return d, nil
}

// labels are the layout's words in the planned language.
func (p *planner) labels() map[string]string {
	out := make(map[string]string, len(doc.DefaultLabels))
	for k := range doc.DefaultLabels {
		out[k] = p.t("layout." + k)
	}
	return out
}

// docName is the name of notice n's document in the planned language:
// its key, with the language when n is published in it ("tenants.cy"),
// else the key alone, the notice in its own language.
func (p *planner) docName(n *ropa.Notice) string {
	if p.lang == "" || n == nil {
		return n.Key
	}
	for _, l := range n.Languages {
		if l == p.lang {
			return n.Key + "." + l
		}
	}
	return n.Key
}

// alternates are the language versions of the notice, its own language
// (whose tag is lang when it is the one being planned) first: none when
// it is published in one language only.
func (p *planner) alternates(lang string) []doc.Alternate {
	if len(p.n.Languages) == 0 {
		return nil
	}
	own := cmpOr(p.n.Language, "en-GB")
	if p.lang == "" {
		own = lang
	}
	name, _ := LanguagePhrase("en", "layout.language")
	out := []doc.Alternate{{Lang: own, Name: p.n.Key, Label: name, Current: p.lang == ""}}
	for _, l := range p.n.Languages {
		name, _ := LanguagePhrase(l, "layout.language")
		out = append(out, doc.Alternate{Lang: l, Name: p.n.Key + "." + l, Label: name, Current: l == p.lang})
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// ref returns the title of section id for a cross-reference, and records
// the reference so that Plan can check the section is in the notice.
func (p *planner) ref(id string) string {
	p.refs[id] = true
	return p.title(id)
}

// checkRefs reports a cross-reference to a section the notice lacks: a
// planner bug, since every reference is guarded by p.present.
func (p *planner) checkRefs(d *doc.Document) error {
	have := map[string]bool{}
	d.Walk(func(s *doc.Section, _ int) { have[s.ID] = true })
	var bad []string
	for id := range p.refs {
		if !have[id] {
			bad = append(bad, id)
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return fmt.Errorf("notice %s: internal error: refers to section %s, which the notice does not have",
			p.n.Key, strings.Join(bad, ", "))
	}
	return nil
}

// t returns a phrase with its placeholders filled.
func (p *planner) t(key string, kv ...string) string { return p.ph.get(key, kv...) }

// title returns the title of a standard section. The contact section
// names the Data Protection Officer only when one is designated.
func (p *planner) title(id string) string {
	if id == IDContactUs && !p.dpoDesignated() {
		return p.t("section.contact-us.title.no-dpo")
	}
	return p.t("section." + id + ".title")
}

// dpoDesignated reports whether the model designates a DPO.
func (p *planner) dpoDesignated() bool {
	d := p.m.Controller.DPO
	return d != nil && d.Designated
}

// section returns an empty standard section with its phrasebook title.
func (p *planner) section(id string) *doc.Section {
	return &doc.Section{ID: id, Title: p.title(id)}
}

// intro is the notice's own summary, or the standard opening, which says
// only what any notice does (Arts 13 and 14).
func (p *planner) intro() []doc.Block {
	var out []doc.Block
	for i, s := range p.n.Summary {
		out = append(out, doc.SP(doc.From(fmt.Sprintf("%s.summary[%d]", p.noticePath(), i)), doc.T(s)))
	}
	if len(out) == 0 {
		out = append(out, doc.SP(doc.Law("UK GDPR Art 12(1), 13, 14", "controller.name"),
			doc.T(p.t("intro.default", "controller", p.m.Controller.DisplayName()))))
	}
	return out
}

// noticePath is the field path of the notice being planned.
func (p *planner) noticePath() string { return "notices." + p.n.Key }

// actPath is the field path of a field of an activity.
func actPath(a *ropa.Activity, field string) string {
	if field == "" {
		return "activities." + a.Key
	}
	return "activities." + a.Key + "." + field
}

// unknownAfter is the diagnostic for free section i of notice n, whose
// after names no standard section, at the position of its after field.
func unknownAfter(m *ropa.Model, n *ropa.Notice, i int) ropa.Diagnostic {
	fs := n.Sections[i]
	path := fmt.Sprintf("notices.%s.sections[%d].after", n.Key, i)
	return ropa.Diagnostic{Pos: m.Positions.Of(path), Path: "notice " + n.Key,
		Message: fmt.Sprintf("sections[%d] %q: after: unknown section %q", i, fs.Title, fs.After),
		Hint:    "choose one of: " + strings.Join(SectionIDs(), ", ")}
}

// Problems returns what makes Plan fail for notice n of model m: a phrase
// override of an unknown key or with an unknown placeholder, a free
// section placed after an unknown section, a delegate of an unknown
// section, or a topic delegated to a notice that does not itself have
// that section (the only problem found by planning another notice). `ropa
// check` reports them, in every output format, so that a model it passes
// is one `ropa build` renders.
func Problems(m *ropa.Model, n *ropa.Notice) []ropa.Diagnostic {
	if m == nil || n == nil {
		return []ropa.Diagnostic{{Message: "notice: Problems needs a model and a notice"}}
	}
	var diags []ropa.Diagnostic
	if _, err := newPhrasebook(
		phraseLayer{where: "phrases", text: m.Phrases, pos: m.Positions},
		phraseLayer{where: "notices." + n.Key + ".phrases", text: n.Phrases, pos: m.Positions},
	); err != nil {
		var le *ropa.LoadError
		if !errors.As(err, &le) {
			return []ropa.Diagnostic{{Message: err.Error()}}
		}
		diags = append(diags, le.Diagnostics...)
	}
	for i, fs := range n.Sections {
		if fs.After != "" && !isStep(fs.After) {
			diags = append(diags, unknownAfter(m, n, i))
		}
	}
	for i, l := range n.Languages {
		if bookFor(l) == nil {
			path := fmt.Sprintf("notices.%s.languages[%d]", n.Key, i)
			diags = append(diags, ropa.Diagnostic{Pos: m.Positions.Of(path), Path: "notice " + n.Key,
				Message: fmt.Sprintf("languages[%d]: ropa has no standard wording in %q", i, l),
				Hint:    "ropa publishes notices in " + strings.Join(Languages(), ", ") + "; a phrasebook for another language goes in render/notice/phrases.<lang>.json"})
		}
	}
	if n.Bilingual && len(n.Languages) == 0 {
		path := "notices." + n.Key + ".bilingual"
		diags = append(diags, ropa.Diagnostic{Pos: m.Positions.Of(path), Path: "notice " + n.Key,
			Message: "bilingual: the notice has no other language to publish beside its own",
			Hint:    `list the other language in languages, e.g. languages: ["cy"]`})
	}
	diags = append(diags, delegateProblems(m, n, true)...)
	return diags
}

// freeSections turns the notice's free sections into sections, keyed by
// the standard section they follow ("" for the default place, before
// "Your rights").
func (p *planner) freeSections() (map[string][]*doc.Section, error) {
	out := map[string][]*doc.Section{}
	for i, fs := range p.n.Sections {
		after := fs.After
		if after != "" && !isStep(after) {
			return nil, &ropa.LoadError{Kind: ropa.ErrInvalid, Diagnostics: []ropa.Diagnostic{unknownAfter(p.m, p.n, i)}}
		}
		base := fmt.Sprintf("%s.sections[%d]", p.noticePath(), i)
		sec := &doc.Section{ID: p.uniqueID(slug(fs.Title)), Title: fs.Title, Src: doc.From(base + ".title")}
		for j, para := range fs.Paragraphs {
			sec.Blocks = append(sec.Blocks, doc.SP(doc.From(fmt.Sprintf("%s.paragraphs[%d]", base, j)), doc.T(para)))
		}
		if len(fs.Items) > 0 {
			sec.Blocks = append(sec.Blocks, textList(base+".items", fs.Items))
		}
		for j, b := range fs.Blocks {
			switch {
			case b.Paragraph != "" && len(b.Items) > 0:
				return nil, fmt.Errorf("notice %s: sections[%d] %q: blocks[%d]: a block is a paragraph or a list of items, not both",
					p.n.Key, i, fs.Title, j)
			case b.Paragraph != "":
				sec.Blocks = append(sec.Blocks, doc.SP(doc.From(fmt.Sprintf("%s.blocks[%d].paragraph", base, j)), doc.T(b.Paragraph)))
			case len(b.Items) > 0:
				sec.Blocks = append(sec.Blocks, textList(fmt.Sprintf("%s.blocks[%d].items", base, j), b.Items))
			}
		}
		out[after] = append(out[after], sec)
	}
	return out, nil
}

func isStep(id string) bool {
	for _, s := range steps {
		if s.id == id {
			return true
		}
	}
	return false
}

// uniqueID returns base, or base with a numeric suffix, unused so far in
// the document, and reserves it.
func (p *planner) uniqueID(base string) string {
	if base == "" {
		base = "section"
	}
	id := base
	for i := 2; p.ids[id]; i++ {
		id = fmt.Sprintf("%s-%d", base, i)
	}
	p.ids[id] = true
	return id
}

// slug makes an ID of a-z, 0-9 and '-' from free text, at most about 48
// characters long.
func slug(s string) string { return ropa.Slug(s, 48) }
