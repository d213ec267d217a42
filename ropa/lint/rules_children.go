package lint

import (
	"regexp"

	"github.com/ropa-dev/ropa/ropa/law"

	"github.com/ropa-dev/ropa/ropa"
)

// Children's data rules: UK GDPR Article 8(1) (the UK age for consent to
// an information society service is 13), Article 12(1) and recital 58.

func init() {
	register(
		&Rule{
			ID: "children-notice-mismatch", Severity: Warning, Ref: "UK GDPR Art 12(1), recital 58", Duty: DutyNotice,
			Message: "children's data is processed by an activity shown in a notice not written for children",
			Explain: `Where information is addressed to a child, it must be in language a child
can understand. An activity that processes data about children (a subject
with children: true) appears in a notice whose children flag is false.

Fix: mark the notice as addressed to children (and write it so), or show
the activity in a separate notice for children or their parents:

    notices: tenants: children: true`,
			Check: checkChildrenNotice,
		},
		&Rule{
			ID: "children-consent-parental", Severity: Warning, Ref: "UK GDPR Art 8(1)-(2)", Duty: DutyLawfulness, Since: law.UKGDPRFrom,
			Message: "consent is relied on for children without saying how parental authorisation is obtained",
			Explain: `For an information society service offered directly to a child, consent
is valid only from the age of 13 in the UK (Art 8(1) as the UK GDPR reads);
under 13 it must be given or authorised by a person with parental
responsibility, and the controller must make reasonable efforts to verify
it (Art 8(2)).

The rule looks for the words "parent", "parental" or "guardian" (whole
words: "transparent" does not count) in the basis's note or its consent
description (how, withdraw or record).

Fix: say how parental authorisation is obtained and verified:

    activities: rent: lawfulBases: [{basis: "consent",
        consent: {how: "You tick a box.", withdraw: "Untick it.", record: "Consent log"}
        note: "For children under 13 a parent or guardian gives consent, verified by email."}]`,
			Check: checkChildrenConsent,
		},
	)
}

// activitySubjects calls fn for each resolved subject of an activity.
func activitySubjects(m *ropa.Model, a *ropa.Activity, fn func(i int, key string, s *ropa.Subject)) {
	for i, k := range a.SubjectIDs {
		var s *ropa.Subject
		if i < len(a.Subjects) {
			s = a.Subjects[i]
		}
		if s == nil {
			s = m.Subjects[k]
		}
		if s != nil {
			fn(i, k, s)
		}
	}
}

// childSubject returns the index and key of the first child subject of a.
func childSubject(m *ropa.Model, a *ropa.Activity) (int, string, bool) {
	idx, key, found := 0, "", false
	activitySubjects(m, a, func(i int, k string, s *ropa.Subject) {
		if s.Children && !found {
			idx, key, found = i, k, true
		}
	})
	return idx, key, found
}

func checkChildrenNotice(c *Context) {
	m := c.Model
	for _, a := range m.ActivityList() {
		if a == nil {
			continue
		}
		if _, child, ok := childSubject(m, a); ok {
			for i, nk := range a.Audiences {
				if n := m.Notices[nk]; n != nil && !n.Children {
					c.Report(index(activityPath(a.Key)+".audiences", i),
						"activity %q processes data about children (%q) but notice %q is not marked for children", a.Key, child, nk)
				}
			}
		}
	}
}

// parentWords finds a parent or guardian as a whole word.
var parentWords = regexp.MustCompile(`(?i)\b(parents?|parental|guardians?|grandparents?)\b`)

func mentionsParent(texts ...string) bool {
	for _, t := range texts {
		if parentWords.MatchString(t) {
			return true
		}
	}
	return false
}

func checkChildrenConsent(c *Context) {
	m := c.Model
	for _, a := range m.ActivityList() {
		if a == nil {
			continue
		}
		_, child, ok := childSubject(m, a)
		if !ok {
			continue
		}
		for i, b := range a.LawfulBases {
			if b.Basis != ropa.BasisConsent {
				continue
			}
			texts := []string{b.Note}
			if b.Consent != nil {
				texts = append(texts, b.Consent.How, b.Consent.Withdraw, b.Consent.Record)
			}
			if !mentionsParent(texts...) {
				c.Report(index(activityPath(a.Key)+".lawfulBases", i),
					"activity %q relies on consent from children (%q) without saying how a parent or guardian authorises it", a.Key, child)
			}
		}
	}
}
