package notice

// Helpers for the facts real notices state beyond the minimum: the laws a
// lawful basis rests on, listed once; how data is collected; Article 14(5)
// exemptions; the organisation's own category headings; data people may
// choose not to give; retention as a maximum, a range or a usual period;
// and processors' sub-processors. Each says only what the model records.

import (
	"fmt"
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// linkPhrase fills the phrase key, whose placeholder name stands for a
// link, returning the runs with the link in its place: text linked to u.
func (p *planner) linkPhrase(key, name, text, u string, kv ...string) []doc.Inline {
	filled := p.t(key, append(kv, name, "\x00")...)
	before, after, _ := strings.Cut(filled, "\x00")
	var runs []doc.Inline
	if before != "" {
		runs = append(runs, doc.T(before))
	}
	runs = append(runs, link(text, u))
	if after != "" {
		runs = append(runs, doc.T(after))
	}
	return runs
}

// channelsText says how data is collected, "by telephone, in person and
// by email", or "" for no channels.
func (p *planner) channelsText(channels []string) string {
	var words []string
	for _, c := range channels {
		if k := "channel." + c; p.ph.has(k) {
			words = append(words, p.t(k))
		}
	}
	if len(words) == 0 {
		return ""
	}
	return p.t("sources.channels", "channels", p.joinList(words))
}

// activityChannels lists, for each activity of the notice that records
// how it collects data, the ways it does.
func (p *planner) activityChannels() []doc.Block {
	l := &doc.List{}
	for _, a := range p.acts {
		if text := p.channelsText(a.Channels); text != "" {
			l.Add(doc.From(actPath(a, "channels")), labelled(a.Name, text)...)
		}
	}
	if len(l.Items) == 0 {
		return nil
	}
	return []doc.Block{doc.SP(doc.Join(l.Srcs...), doc.T(p.t("sources.channels.activities"))), l}
}

// exemptionList lists the Article 14(5) exemptions of the notice's sources
// and activities, each in plain words with its citation, or returns nil
// when none is claimed.
func (p *planner) exemptionList() []doc.Block {
	l := &doc.List{}
	for _, s := range p.sourceList() {
		if s.Exemption != nil {
			p.addExemption(l, s.Name, s.Exemption, "sources."+s.Key+".exemption")
		}
	}
	for _, a := range p.acts {
		if a.Exemption != nil {
			p.addExemption(l, a.Name, a.Exemption, actPath(a, "exemption"))
		}
	}
	if len(l.Items) == 0 {
		return nil
	}
	return []doc.Block{doc.SP(doc.Join(l.Srcs...), doc.T(p.t("sources.exemptions.intro"))), l}
}

// addExemption adds to l the exemption e at path, of the source or
// activity called name.
func (p *planner) addExemption(l *doc.List, name string, e *ropa.Exemption, path string) {
	letter := e.Letter()
	k := "exemption." + e.Ground
	if letter == "" || !p.ph.has(k) {
		return
	}
	src := doc.Law("UK GDPR Art 14(5)("+letter+")", path)
	runs := []doc.Inline{doc.B(name), doc.T(": " + p.t(k))}
	if e.Ground == ropa.ExemptDisproportionate && e.Published != "" {
		src.Paths = append(src.Paths, path+".published")
		runs = append(runs, doc.T(" "))
		runs = append(runs, p.linkPhrase("exemption.published", "url", e.Published, e.Published)...)
	}
	if e.Ground == ropa.ExemptRequiredByLaw && e.Law != nil {
		src.Paths = append(src.Paths, path+".law", "laws."+e.Law.Key)
		runs = append(runs, doc.T(" "))
		runs = append(runs, p.linkPhrase("exemption.law", "law", e.Law.Title(), e.Law.URL)...)
	}
	if e.Note != "" {
		src.Paths = append(src.Paths, path+".note")
		runs = append(runs, doc.T(" "+e.Note))
	}
	l.Add(src, runs...)
}

// lawsUsed returns the laws the lawful bases of the notice's activities
// rest on, in the model's order.
func (p *planner) lawsUsed() []*ropa.Law {
	var used []*ropa.Law
	for _, a := range p.acts {
		for _, b := range a.LawfulBases {
			used = append(used, b.Laws...)
		}
	}
	return ordered(p.m.LawList(), used)
}

// basisLaws is the purposes-table line for the laws a basis rests on: all
// of the notice's list, or the ones it names.
func (p *planner) basisLaws(b ropa.LawfulBasis, all []*ropa.Law) string {
	if len(b.Laws) == 0 {
		return ""
	}
	if len(b.Laws) == len(all) { // resolution lists each law once
		return p.t("basis.detail.laws.all")
	}
	var names []string
	for _, l := range b.Laws {
		if l != nil {
			names = append(names, l.Name)
		}
	}
	return p.t("basis.detail.laws", "laws", p.joinList(names))
}

// lawList is the one list of the laws the notice's lawful bases rest on,
// each linked to where to read it, that follows the purposes table.
func (p *planner) lawList() []doc.Block {
	laws := p.lawsUsed()
	if len(laws) == 0 {
		return nil
	}
	l := &doc.List{}
	var all []string
	for _, law := range laws {
		path := "laws." + law.Key
		all = append(all, path)
		l.Add(doc.From(path), link(law.Title(), law.URL))
	}
	intro, from := "purposes.laws.intro", doc.From(all...)
	if p.n.LawsIncomplete {
		intro = "purposes.laws.intro.incomplete"
		from = doc.From(append(all, "notices."+p.n.Key+".lawsIncomplete")...)
	}
	return []doc.Block{doc.SP(from, doc.B(p.t(intro))), l}
}

// categoryGroup is the categories the notice lists under one of the
// organisation's headings ("" for those without one).
type categoryGroup struct {
	heading string
	cats    []*ropa.Category
}

// headingGroups groups categories under their headings, the categories
// without one first, each group in the order its first category comes.
func headingGroups(cats []*ropa.Category) []categoryGroup {
	var groups []categoryGroup
	at := map[string]int{}
	for _, c := range cats {
		i, ok := at[c.Heading]
		if !ok {
			i = len(groups)
			at[c.Heading] = i
			groups = append(groups, categoryGroup{heading: c.Heading})
		}
		groups[i].cats = append(groups[i].cats, c)
	}
	if i, ok := at[""]; ok && i > 0 {
		g := groups[i]
		copy(groups[1:i+1], groups[:i])
		groups[0] = g
	}
	return groups
}

// optionalList lists the categories of the notice that people can choose
// not to give, each with what happens if they do not.
func (p *planner) optionalList() []doc.Block {
	l := &doc.List{}
	for _, c := range p.categories() {
		if !c.Optional {
			continue
		}
		path := "categories." + c.Key
		src := doc.From(path + ".optional")
		if c.OptionalConsequence != "" {
			src.Paths = append(src.Paths, path+".optionalConsequence")
		}
		l.Add(src, labelled(c.Name, c.OptionalConsequence)...)
	}
	if len(l.Items) == 0 {
		return nil
	}
	return []doc.Block{doc.SP(doc.Join(l.Srcs...), doc.T(p.t("requirement.optional.intro"))), l}
}

// retentionLength says how long a rule keeps data: its period, its
// maximum or its range, "usually" when it is the usual one; "" when the
// rule gives none.
func (p *planner) retentionLength(r *ropa.Retention) string {
	var s string
	switch {
	case r.Period != "":
		s = r.Period
	case r.UpTo != "":
		s = p.t("retention.upto", "period", r.UpTo)
	case r.From != "" && r.To != "":
		from := r.From
		f, okF := ropa.ParseDuration(r.From)
		t, okT := ropa.ParseDuration(r.To)
		if okF && okT && f.Unit == t.Unit {
			from = fmt.Sprint(f.N) // "between 2 and 6 years"
		}
		s = p.t("retention.range", "from", from, "to", r.To)
	}
	if s != "" && r.Usually {
		s = p.t("retention.usually", "period", s)
	}
	return s
}

// subprocessorText names a processor's sub-processors, each with theirs in
// brackets, "A and B (which uses C)", and returns the model paths it
// draws on; it is "" when there are none.
func (p *planner) subprocessorText(r *ropa.Recipient, seen map[*ropa.Recipient]bool) (string, []string) {
	var names, paths []string
	for _, s := range r.Subprocessors {
		if s == nil || seen[s] {
			continue
		}
		seen[s] = true
		name := s.Name
		if p.abroad(s) {
			name = p.t("sharing.located", "name", s.Name, "country", s.Country)
		}
		paths = append(paths, "recipients."+s.Key)
		if sub, more := p.subprocessorText(s, seen); sub != "" {
			name = p.t("sharing.subprocessors.nested", "name", name, "names", sub)
			paths = append(paths, more...)
		}
		names = append(names, name)
	}
	return p.joinList(names), paths
}

// disclosedWithSubprocessors is disclosedTo followed by the sub-processors
// of those recipients, each once: every organisation that gets the data.
func (p *planner) disclosedWithSubprocessors() []*ropa.Recipient {
	recs := p.disclosedTo()
	used := append([]*ropa.Recipient{}, recs...)
	for _, r := range recs {
		used = append(used, r.SubprocessorTree()...)
	}
	return ordered(recs, used)
}
