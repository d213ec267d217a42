package notice

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// IDSummary is the ID of the summary that opens every notice.
const IDSummary = "notice-summary"

// summaryWords is how many words of names a summary line lists before it
// says how many more there are: enough to recognise what the notice
// covers, few enough that the summary fits one phone screen whatever the
// names' length.
const summaryWords = 16

// summary is the first layer of the notice: one line for each of who we
// are, what we collect, why, who receives it, how long we keep it, your
// rights, how to contact us and how to complain, each saying in a few
// words what its full section says and linking to it. A line is there
// only when the notice has the section it summarises, and states only
// what that section states, from the same model fields or law.
func (p *planner) summary(d *doc.Document) *doc.Section {
	have := map[string]bool{}
	d.Walk(func(s *doc.Section, _ int) { have[s.ID] = true })
	l := &doc.List{}
	add := func(id, label string, src doc.Source, runs ...doc.Inline) {
		if !have[id] || src.IsZero() {
			return
		}
		item := []doc.Inline{{Text: p.t("summary." + label + ".label"), Ref: "#" + id, Strong: true}}
		if n := len(runs); n > 0 {
			runs[n-1].Text = oneStop(runs[n-1].Text)
			item = append(item, doc.T(": "))
			item = append(item, runs...)
		}
		l.Add(src, item...)
	}
	c := &p.m.Controller
	add(IDWhoWeAre, "who", doc.Law("UK GDPR Art 4(7), 13(1)(a), 14(1)(a)", "controller.name"),
		doc.T(p.t("summary.who", "controller", c.DisplayName())))

	var cats []string
	var catPaths []string
	for _, cat := range p.categories() {
		cats, catPaths = append(cats, cat.Name), append(catPaths, "categories."+cat.Key+".name")
	}
	add(IDDataWeCollect, "collect", doc.From(catPaths...), doc.T(p.t("summary.collect", "categories", p.some(cats, summaryWords))))

	var purposes, purposePaths []string
	for _, a := range p.acts {
		purposes, purposePaths = append(purposes, a.Name), append(purposePaths, actPath(a, "name"))
	}
	add(IDPurposes, "why", doc.From(purposePaths...), doc.T(p.t("summary.why", "purposes", p.some(purposes, summaryWords))))

	if recs := p.disclosedTo(); len(recs) > 0 {
		var names, paths []string
		for _, r := range recs {
			names, paths = append(names, r.Name), append(paths, "recipients."+r.Key+".name")
		}
		add(IDSharing, "share", doc.From(paths...), doc.T(p.t("summary.share", "recipients", p.some(names, summaryWords))))
	} else if decl, ok := p.declaredNone(ropa.NoneRecipients); ok {
		add(IDSharing, "share", decl, doc.T(p.t("summary.share.none")))
	}

	switch rules := p.retentionRules(); {
	case len(rules) == 1:
		text := cmp.Or(p.periodText(rules[0]), rules[0].Criteria)
		add(IDRetention, "keep", doc.From("retention."+rules[0].Key), doc.T(p.t("summary.keep.one", "period", text)))
	case len(rules) > 0:
		var paths []string
		for _, r := range rules {
			paths = append(paths, "retention."+r.Key)
		}
		add(IDRetention, "keep", doc.From(paths...), doc.T(p.t("summary.keep.many")))
	default:
		if over := p.ph.override("retention.none"); over != "" {
			add(IDRetention, "keep", doc.From(over), doc.T(p.t("retention.none")))
		}
	}

	r := deriveRights(p.acts)
	var rights []string
	for _, k := range r.keys() {
		rights = append(rights, p.t("summary.rights."+k))
	}
	add(IDYourRights, "rights", doc.Law("UK GDPR Art 13(2)(b)-(c), 14(2)(c)-(d)"), doc.T(p.t("summary.rights", "rights", p.joinList(rights))))

	if runs, src := p.summaryContact(); !src.IsZero() {
		add(IDContactUs, "contact", src, runs...)
	}

	name := p.authorityName()
	add(IDComplaints, "complain", doc.Law("UK GDPR Art 13(2)(d), 14(2)(e), 77", "supervisoryAuthority.name"),
		doc.T(p.t("summary.complain", "authority", name)))

	if len(l.Items) == 0 {
		return nil
	}
	s := p.section(IDSummary)
	s.Summary = true
	s.Blocks = append(s.Blocks, l)
	return s
}

// summaryContact is the first way to reach the organisation the contact
// section gives (an email address, else a phone number, else a web
// address) and where it comes from: the first contact of the controller,
// else the DPO. Both are zero when the section gives none of the three.
func (p *planner) summaryContact() ([]doc.Inline, doc.Source) {
	c := &p.m.Controller
	var candidates []*ropa.Contact
	var paths []string
	for i := range c.Contacts {
		candidates, paths = append(candidates, &c.Contacts[i]), append(paths, fmt.Sprintf("controller.contacts[%d]", i))
	}
	if c.DPO != nil {
		candidates, paths = append(candidates, &c.DPO.Contact), append(paths, "controller.dpo")
	}
	for i, ct := range candidates {
		switch {
		case ct.Email != "":
			return []doc.Inline{doc.L(ct.Email, "mailto:"+ct.Email)}, doc.From(paths[i] + ".email")
		case ct.Phone != "":
			return []doc.Inline{doc.T(ct.Phone)}, doc.From(paths[i] + ".phone")
		case ct.Web != "":
			return []doc.Inline{doc.L(ct.Web, ct.Web)}, doc.From(paths[i] + ".web")
		}
	}
	return nil, doc.Source{}
}

// some joins names as prose, as many as fit in words words (at least
// one), saying how many more there are when there are more: "a, b and 3
// more".
func (p *planner) some(names []string, words int) string {
	n, used := 0, 0
	for n < len(names) {
		w := doc.Words(names[n])
		if n > 0 && used+w > words {
			break
		}
		used += w
		n++
	}
	if n == len(names) {
		return p.joinList(names)
	}
	shown := append([]string(nil), names[:n]...)
	return p.joinList(append(shown, p.t("summary.more", "n", strconv.Itoa(len(names)-n))))
}

// periodText says how long a retention rule keeps records: its period
// with its trigger, the period alone, or the trigger alone.
func (p *planner) periodText(r *ropa.Retention) string {
	length := p.retentionLength(r)
	switch {
	case length != "" && r.Trigger != "":
		return p.t("retention.period.trigger", "period", length, "trigger", r.Trigger)
	case length != "":
		return p.t("retention.period", "period", length)
	}
	return r.Trigger
}

// oneStop drops the second of two full stops that end s, as when a
// phrase ends a sentence after a name that ends in one ("SurveyCo Inc.").
func oneStop(s string) string {
	if strings.HasSuffix(s, "..") && !strings.HasSuffix(s, "...") {
		return s[:len(s)-1]
	}
	return s
}
