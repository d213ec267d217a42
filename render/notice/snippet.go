package notice

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// Snippet is a just-in-time notice: a few lines about one activity, to put
// beside the form that collects its data, linking to the full notice.
type Snippet struct {
	// Activity is the key of the activity the snippet is about.
	Activity string
	// Doc is the snippet's plan: an intro and no sections.
	Doc *doc.Document
}

// SnippetSuffix is what a snippet's file name adds to the notice's key and
// the activity's, before the format's extension:
// tenants.repairs.snippet.html.
const SnippetSuffix = ".snippet"

// SnippetName is the base name of the files of the snippet of activity a
// in notice n, without the extension.
func SnippetName(n, a string) string { return n + "." + a + SnippetSuffix }

// Snippets plans a just-in-time snippet for each activity of notice n of
// model m, in the notice's order. Each says, from the activity's own
// fields, who we are, why we need the information, what we collect, our
// lawful basis, who we share it with, how long we keep it and whether it
// must be given, then links to the full notice, which explains the rest
// (Arts 12(1), 13). It fails when the notice cannot be planned.
func Snippets(m *ropa.Model, n *ropa.Notice) ([]Snippet, error) {
	if m == nil || n == nil {
		return nil, errors.New("notice: Snippets needs a model and a notice")
	}
	return SnippetsIn(m, n, "")
}

// SnippetsIn plans the snippets of notice n in language lang, as PlanIn
// plans the notice; "" is the notice's own language.
func SnippetsIn(m *ropa.Model, n *ropa.Notice, lang string) ([]Snippet, error) {
	if m == nil || n == nil {
		return nil, errors.New("notice: Snippets needs a model and a notice")
	}
	tm, tn := inLanguage(m, n, lang)
	p, err := newPlannerIn(tm, tn, lang, true)
	if err != nil {
		return nil, err
	}
	if tm != m {
		p.en = m
	}
	var out []Snippet
	for _, a := range p.acts {
		out = append(out, Snippet{Activity: a.Key, Doc: p.snippet(a)})
	}
	if len(p.ph.missing) > 0 {
		return nil, fmt.Errorf("notice: internal error: no phrase for %s", strings.Join(sortedKeys(p.ph.missing), ", "))
	}
	return out, nil
}

// snippet plans the snippet of activity a.
func (p *planner) snippet(a *ropa.Activity) *doc.Document {
	c := &p.m.Controller
	d := &doc.Document{
		Subject: p.t("snippet.subject", "activity", a.Name, "controller", c.DisplayName()),
		Author:  c.Name,
		Lang:    p.n.Language,
		Labels:  p.labels(),
	}
	if p.lang != "" {
		d.Lang = p.lang
	}
	if d.Lang == "" {
		d.Lang = "en-GB"
	}
	d.Intro = append(d.Intro, doc.SP(doc.From(actPath(a, "name")), doc.B(a.Name)))
	l := &doc.List{}
	line := func(src doc.Source, label string, runs ...doc.Inline) {
		l.Add(src, append([]doc.Inline{doc.B(label), doc.T(": ")}, runs...)...)
	}
	line(doc.Law("UK GDPR Art 13(1)(a)", "controller.name"), p.t("summary.who.label"), doc.T(c.DisplayName()))
	if a.Purpose != "" {
		line(doc.From(actPath(a, "purpose")), p.t("snippet.purpose.label"), doc.T(a.Purpose))
	}
	var cats []string
	for _, cat := range a.Categories {
		if cat != nil {
			cats = append(cats, cat.Name)
		}
	}
	if len(cats) > 0 {
		line(doc.From(actPath(a, "categories")), p.t("summary.collect.label"), doc.T(oneStop(p.t("summary.collect", "categories", p.joinList(cats)))))
	}
	if len(a.LawfulBases) > 0 {
		var runs []doc.Inline
		sep := p.t("list.separator")
		if a.EitherBasis {
			sep = p.t("list.or")
		}
		for i, b := range a.LawfulBases {
			if i > 0 {
				runs = append(runs, doc.T(sep))
			}
			runs = append(runs, p.basisName(b.Basis, "")...)
		}
		for i := range runs {
			runs[i].Strong = false
		}
		line(doc.From(actPath(a, "lawfulBases")), p.t("snippet.basis.label"), runs...)
	}
	if names, paths := p.activityRecipients(a); len(names) > 0 {
		line(doc.From(paths...), p.t("summary.share.label"), doc.T(oneStop(p.t("summary.share", "recipients", p.joinList(names)))))
	} else if decl := p.m.DeclaresNone(p.n, a, ropa.NoneRecipients); decl != "" {
		line(doc.From(string(decl)), p.t("summary.share.label"), doc.T(p.t("summary.share.none")))
	}
	if rules := a.RetentionRules(); len(rules) > 0 {
		var parts, paths []string
		for _, r := range rules {
			text := p.periodText(r)
			if text == "" {
				text = r.Criteria
			}
			if text == "" {
				continue
			}
			if len(rules) > 1 {
				text = r.Name + ": " + text
			}
			parts, paths = append(parts, text), append(paths, "retention."+r.Key)
		}
		if len(parts) > 0 {
			line(doc.From(paths...), p.t("summary.keep.label"), doc.T(oneStop(strings.Join(parts, "; ")+".")))
		}
	}
	if r := a.Requirement; r != nil {
		var text []string
		if k := "requirement." + r.Kind; r.Kind != "" && p.ph.has(k) {
			text = append(text, p.t(k))
		}
		if r.Consequence != "" {
			text = append(text, r.Consequence)
		}
		if len(text) > 0 {
			line(doc.From(actPath(a, "requirement")), p.t("snippet.requirement.label"), doc.T(strings.Join(text, " ")))
		}
	}
	d.Intro = append(d.Intro, l)
	d.Intro = append(d.Intro, doc.SP(doc.Law("UK GDPR Art 12(1), 13", p.noticePath()+".title"),
		doc.T(p.t("snippet.more")+" "), doc.R(p.n.Title, p.docName(p.n))))
	return d
}

// activityRecipients names the organisations activity a discloses data to
// (its recipients, the operators of its schemes and the vendors of its
// systems, as the notice's sharing section counts them), with the field
// path of each name.
func (p *planner) activityRecipients(a *ropa.Activity) (names, paths []string) {
	used := append([]*ropa.Recipient(nil), a.Recipients...)
	for _, sc := range a.Schemes {
		if sc != nil {
			used = append(used, sc.Operator)
		}
	}
	for _, sy := range a.Systems {
		if sy != nil {
			used = append(used, sy.Vendor)
		}
	}
	for _, r := range ordered(p.m.RecipientList(), used) {
		names, paths = append(names, r.Name), append(paths, "recipients."+r.Key+".name")
	}
	return names, paths
}

// sortedKeys returns the keys of set, sorted.
func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
