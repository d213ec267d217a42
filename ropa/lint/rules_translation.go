package lint

import (
	"fmt"
	"sort"

	"github.com/ropa-dev/ropa/ropa"
)

// Translation rules: a notice published in another language must say what
// the English says. The English changes and the translation is forgotten
// is the common failure, and it tells people something untrue.

func init() {
	register(
		&Rule{
			ID: "translation-stale", Severity: Error, Ref: "UK GDPR Art 5(1)(a), 12(1); Welsh Language Standards", Duty: DutyNotice,
			Message: "a translation was made from an English text that has since changed",
			Explain: `Each translation records the fingerprint of the English it translates (of).
When the English changes, the translation no longer says the same thing, and
people reading that language are told something the record no longer says.
The finding is reported at the translation and at the English text.

Fix: translate the new English, then record its fingerprint; 'ropa translate
DIR --lang cy' prints every text with its current fingerprint:

    translations: cy: "activities.rent.purpose": {text: "Casglu rhent", of: "3f27ceda"}`,
			Check: checkTranslationStale,
		},
		&Rule{
			ID: "translation-missing", Severity: Warning, Ref: "UK GDPR Art 12(1); Welsh Language Standards", Duty: DutyNotice,
			Message: "a notice published in another language shows a text with no translation",
			Explain: `A notice that lists a language in languages is also published in it. Each of
the organisation's own texts it shows (names, purposes, descriptions, free
sections, phrase overrides) needs a translation; one without shows the English
in that language's notice.

Fix: publish a notice only in the languages every text of it is translated
into, until the translations are done:

    notices: tenants: languages: []

and add each translation, with the fingerprint 'ropa translate DIR --lang cy'
prints, in a file of its own such as model.cy.cue:

    translations: cy: "activities.rent.name": {text: "Rhent", of: "9b1d0c44"}`,
			Check: checkTranslationMissing,
		},
		&Rule{
			ID: "phrasebook-unreviewed", Severity: Warning, Ref: "UK GDPR Art 12(1); Welsh Language Standards", Duty: DutyNotice,
			Message: "a notice is published in a language whose standard wording no fluent speaker has reviewed",
			Explain: `The standard wording of a notice in another language (the section titles,
the explanations of lawful bases and rights, the layout's words) comes from
ropa's phrasebook for that language. A phrasebook whose review by a fluent
speaker is not recorded may read awkwardly or, worse, say something the
English does not: the notice must be clear and intelligible (Art 12(1)).

Fix: have a fluent speaker review the phrasebook (for Welsh,
render/notice/phrases.cy.json) and record who did and when in its _meta
entry (reviewedBy, reviewed), in ropa itself; until then, waive the finding
once your own reviewer has read the notice as ropa renders it:

    waivers: [{rule: "phrasebook-unreviewed", target: "notices.tenants.languages",
        reason: "Welsh notice reviewed by our translator", acceptedBy: "DPO", expires: "2026-12-31"}]`,
			Check: checkPhrasebookUnreviewed,
		},
	)
}

func checkPhrasebookUnreviewed(c *Context) {
	if c.phrasebooks == nil {
		return
	}
	for _, n := range c.Model.NoticeList() {
		if n == nil {
			continue
		}
		for i, lang := range n.Languages {
			pb, ok := c.phrasebooks(lang)
			if !ok || pb.Source || pb.ReviewedBy != "" && pb.Reviewed != "" {
				continue // no phrasebook at all is a problem check reports
			}
			c.Report(ropa.KeyPath("notices", n.Key)+fmt.Sprintf(".languages[%d]", i),
				"notice %q is published in %s, whose standard wording no fluent speaker has reviewed yet (no review recorded in ropa's %s phrasebook)",
				n.Key, lang, lang)
		}
	}
}

// translationPath is the path of the translation of the text at path into
// lang.
func translationPath(lang, path string) string {
	return ropa.KeyPath(ropa.KeyPath("translations", lang), path)
}

func checkTranslationStale(c *Context) {
	m := c.Model
	if len(m.Translations) == 0 {
		// Nothing to compare: walking every text of every notice would
		// cost a tenth of a 5,000-activity check for no finding.
		return
	}
	texts := map[string]string{}
	for _, n := range m.NoticeList() {
		for _, t := range m.TextsOf(n) {
			texts[t.Path] = t.Text
		}
	}
	for _, lang := range sortedKeys(m.Translations) {
		tr := m.Translations[lang]
		for _, path := range sortedKeys(tr) {
			t := tr[path]
			en, ok := texts[path]
			at := translationPath(lang, path)
			switch {
			case !ok:
				c.Report(at, "the %s translation of %s translates a text no notice shows (removed or renamed?)", lang, path)
			case ropa.Fingerprint(en) != t.Of:
				c.Report(at, "the %s translation of %s was made from another English text (fingerprint %s, now %s)",
					lang, path, t.Of, ropa.Fingerprint(en))
				c.Report(path, "%s has changed since its %s translation (%s) was made", path, lang, describePos(c.pos(at)))
			}
		}
	}
}

func checkTranslationMissing(c *Context) {
	m := c.Model
	for _, n := range m.NoticeList() {
		if n == nil {
			continue
		}
		for _, lang := range n.Languages {
			tr := m.Translations[lang]
			for _, t := range m.TextsOf(n) {
				if _, ok := tr[t.Path]; !ok {
					c.Report(t.Path, "notice %q is published in %s, but %s has no %s translation", n.Key, lang, t.Path, lang)
				}
			}
		}
	}
}

// describePos writes a position for a message.
func describePos(p ropa.Pos) string {
	if !p.IsValid() {
		return "no position"
	}
	return fmt.Sprintf("at %s", p)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
