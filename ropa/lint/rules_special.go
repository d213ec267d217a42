package lint

import (
	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/law"
)

// Special-category and criminal-offence data rules: UK GDPR Articles 9 and
// 10 and DPA 2018 section 10 and Schedule 1, as the law package gives them.

func init() {
	register(
		&Rule{
			ID: "special-condition-missing", Severity: Error, Ref: "UK GDPR Art 9(1)-(2)", Duty: DutyLawfulness,
			Message: "special-category data is used without an Article 9 condition",
			Explain: `Processing special-category data (health, ethnicity, religion, ...) is
prohibited unless an Article 9(2) condition applies, in addition to the
Article 6 basis. An activity that uses a category with "special" set needs a
specialConditions entry covering it: one with no "categories" covers every
special category of the activity, one with "categories" covers those listed.

Fix:

    activities: rent: specialConditions: [{
        article9:       "g"
        schedule1:      18
        policyDocument: "https://example.org/appropriate-policy"
        categories: ["health"]
    }]`,
			Check: checkSpecialCondition,
		},
		&Rule{
			ID: "schedule1-part1-missing", Severity: Error, Ref: "DPA 2018 s.10(2), Sch 1 Part 1", Duty: DutyLawfulness,
			Message: "an Article 9(2)(b), (h), (i) or (j) condition lacks its Schedule 1 Part 1 paragraph",
			Explain: `In the UK, Article 9(2)(b) (employment and social protection), (h) (health
or social care), (i) (public health) and (j) (archiving and research) apply
only with their condition in DPA 2018 Schedule 1 Part 1: (b) with paragraph
1 (employment), (h) with 2 (health or social care), (i) with 3 (public
health), (j) with 4 (research).

Fix: name the paragraph that pairs with the letter:

    activities: rent: specialConditions: [{article9: "h", schedule1: 2}]`,
			Check: checkSchedule1Part1,
		},
		&Rule{
			ID: "schedule1-part2-missing", Severity: Error, Ref: "DPA 2018 s.10(3), Sch 1 Part 2", Duty: DutyLawfulness,
			Message: "an Article 9(2)(g) condition lacks its Schedule 1 Part 2 paragraph",
			Explain: `Article 9(2)(g), substantial public interest, applies in the UK only with a
condition in DPA 2018 Schedule 1 Part 2, paragraphs 6 to 28 (paragraph 5
is the policy-document requirement, not a condition); for example 6
statutory and government purposes, 10 preventing or detecting unlawful
acts, 18 safeguarding of children and of individuals at risk.

Fix: name the paragraph:

    activities: rent: specialConditions: [{article9: "g", schedule1: 18, policyDocument: "APD-01"}]`,
			Check: checkSchedule1Part2,
		},
		&Rule{
			ID: "schedule1-unpaired", Severity: Error, Ref: "DPA 2018 s.10, Sch 1", Duty: DutyLawfulness,
			Message: "a Schedule 1 paragraph is named with an Article 9 condition it does not serve",
			Explain: `Each Schedule 1 paragraph serves one Article 9(2) condition: paragraph 1
serves (b), 2 (h), 3 (i), 4 (j) and 6-28 (g); the other letters need no
Schedule 1 condition. A paragraph named with another letter is a mistake in
the record: either the letter or the paragraph is wrong.

Fix: name the letter the paragraph serves, or drop the paragraph:

    activities: rent: specialConditions: [{article9: "a"}]`,
			Check: checkSchedule1Unpaired,
		},
		&Rule{
			ID: "schedule1-restricted-user", Severity: Warning, Ref: "DPA 2018 Sch 1 paras 14, 16, 22, 23", Duty: DutyLawfulness,
			Message: "a Schedule 1 paragraph that only some organisations may use is relied on",
			Explain: `Some Schedule 1 conditions are open only to some organisations: paragraph
14 (preventing fraud) to disclosures by members of, or under arrangements
of, an anti-fraud organisation; 16 (support for individuals with a
particular disability or medical condition) to a not-for-profit body that
provides that support; 22 to registered political parties; 23 to elected
representatives. A landlord supporting vulnerable tenants usually relies on
paragraph 18 (safeguarding of children and of individuals at risk), or on
Article 9(2)(h) with paragraph 2.

Fix: rely on a paragraph the organisation may use, or waive the finding
saying why it is such an organisation:

    activities: rent: specialConditions: [{article9: "g", schedule1: 18, policyDocument: "APD-01"}]`,
			Check: checkSchedule1Restricted,
		},
		&Rule{
			ID: "apd-missing", Severity: Error, Ref: "DPA 2018 Sch 1 paras 1(1)(b), 5, 39", Duty: DutyLawfulness,
			Message: "a Schedule 1 condition that needs an appropriate policy document names none",
			Explain: `Schedule 1 paragraph 1 (employment) and the Part 2 conditions (6-28) need an
appropriate policy document (APD) in place, except paragraph 13
(journalism, academia, art and literature). Paragraph 10 needs none when
data is only disclosed to a competent authority, and paragraph 27 none when
only disclosed to an anti-doping body: waive the finding with that reason if
so. Criminal-offence conditions under paragraphs 35 and 36 need one too.

Fix: reference the APD:

    activities: rent: specialConditions: [{article9: "g", schedule1: 18, policyDocument: "https://example.org/apd"}]`,
			Check: checkAPD,
		},
		&Rule{
			ID: "policy-adherence-missing", Severity: Warning, Ref: "DPA 2018 Sch 1 para 41", Duty: DutyRecord,
			Message: "processing under an appropriate policy document does not record adherence to it",
			Explain: `Where an appropriate policy document is required, the Article 30 record must
also say whether the data is retained and erased in line with it and, if
not, why (Schedule 1 paragraph 41; ICO template columns 29-30).

Fix:

    activities: rent: policyAdherence: {adheres: true}
    // or
    activities: rent: policyAdherence: {adheres: false, reason: "Legacy archive under review"}`,
			Check: checkPolicyAdherence,
		},
		&Rule{
			ID: "criminal-condition-missing", Severity: Error, Ref: "UK GDPR Art 10; DPA 2018 s.10(5), s.11(2)", Duty: DutyLawfulness,
			Message: "criminal-offence data is used without an Article 10 route",
			Explain: `Criminal-offence data (including allegations, proceedings and sentences)
may be processed only under official authority or when authorised by law,
which in the UK means a DPA 2018 Schedule 1 condition.

Fix: add the route:

    activities: rent: criminalConditions: [{
        basis:          "schedule1"
        schedule1:      10
        policyDocument: "APD-01"
    }]`,
			Check: checkCriminalCondition,
		},
		&Rule{
			ID: "criminal-schedule1-missing", Severity: Error, Ref: "DPA 2018 s.10(5), Sch 1", Duty: DutyLawfulness,
			Message: "a Schedule 1 route for criminal-offence data names no paragraph",
			Explain: `A criminal-offence condition with basis "schedule1" must name the Schedule 1
paragraph relied on (Part 1, 2 or 3: paragraphs 1-37).

Fix (paragraph 33 is legal claims):

    activities: rent: criminalConditions: [{basis: "schedule1", schedule1: 33}]`,
			Check: checkCriminalSchedule1,
		},
	)
}

// activityCategories returns an activity's categories with the path of each
// reference, resolving by key when the pointers are missing.
func activityCategories(m *ropa.Model, a *ropa.Activity, fn func(i int, key string, cat *ropa.Category)) {
	for i, k := range a.CategoryIDs {
		var cat *ropa.Category
		if i < len(a.Categories) {
			cat = a.Categories[i]
		}
		if cat == nil {
			cat = m.Categories[k]
		}
		if cat != nil {
			fn(i, k, cat)
		}
	}
}

func checkSpecialCondition(c *Context) {
	for _, a := range c.Model.ActivityList() {
		if a == nil {
			continue
		}
		all := false
		covered := map[string]bool{}
		for _, sc := range a.SpecialConditions {
			if len(sc.CategoryIDs) == 0 {
				all = true
			}
			for _, k := range sc.CategoryIDs {
				covered[k] = true
			}
		}
		activityCategories(c.Model, a, func(i int, k string, cat *ropa.Category) {
			if cat.Special != "" && !all && !covered[k] {
				c.Report(index(activityPath(a.Key)+".categories", i),
					"activity %q uses special-category data %q (%s) without an Article 9 condition", a.Key, k, cat.Special)
			}
		})
	}
}

// eachSpecial calls fn for every special condition of every activity.
// The path is built only for activities that have special conditions.
func eachSpecial(c *Context, fn func(a *ropa.Activity, sc *ropa.SpecialCondition, path string)) {
	for _, a := range c.Model.ActivityList() {
		if a == nil || len(a.SpecialConditions) == 0 {
			continue
		}
		p := activityPath(a.Key) + ".specialConditions"
		for i := range a.SpecialConditions {
			fn(a, &a.SpecialConditions[i], index(p, i))
		}
	}
}

// paraName is "paragraph N (name)".
func paraName(n int) string {
	if p, ok := law.Schedule1Para(n); ok {
		return sprintf("paragraph %d (%s)", n, p.Name)
	}
	return sprintf("paragraph %d", n)
}

func checkSchedule1Part1(c *Context) {
	eachSpecial(c, func(a *ropa.Activity, sc *ropa.SpecialCondition, p string) {
		cond, ok := law.ConditionOf(sc.Article9)
		if !ok || cond.Schedule1Part != 1 || law.Pairs(sc.Article9, sc.Schedule1) {
			return
		}
		if sc.Schedule1 != 0 {
			p += ".schedule1"
		}
		c.Report(p, "activity %q relies on Article 9(2)(%s) without Schedule 1 %s", a.Key, sc.Article9, paraName(cond.Schedule1))
	})
}

func checkSchedule1Part2(c *Context) {
	lo, hi := law.PartConditions(2)
	eachSpecial(c, func(a *ropa.Activity, sc *ropa.SpecialCondition, p string) {
		cond, ok := law.ConditionOf(sc.Article9)
		if !ok || cond.Schedule1Part != 2 || law.Pairs(sc.Article9, sc.Schedule1) {
			return
		}
		if sc.Schedule1 != 0 {
			p += ".schedule1"
		}
		c.Report(p, "activity %q relies on Article 9(2)(%s) without a Schedule 1 Part 2 paragraph (%d-%d)", a.Key, sc.Article9, lo, hi)
	})
}

func checkSchedule1Unpaired(c *Context) {
	eachSpecial(c, func(a *ropa.Activity, sc *ropa.SpecialCondition, p string) {
		cond, ok := law.ConditionOf(sc.Article9)
		if !ok || cond.Schedule1Part != 0 || sc.Schedule1 == 0 {
			return
		}
		serves := "no Article 9 condition"
		if para, ok := law.Schedule1Para(sc.Schedule1); ok && para.Article9 != "" {
			serves = "Article 9(2)(" + para.Article9 + ")"
		}
		c.Report(p+".schedule1", "activity %q names Schedule 1 %s, which serves %s, with Article 9(2)(%s), which needs no Schedule 1 condition",
			a.Key, paraName(sc.Schedule1), serves, sc.Article9)
	})
}

func checkSchedule1Restricted(c *Context) {
	report := func(p string, a *ropa.Activity, n int) {
		if para, ok := law.Schedule1Para(n); ok && para.RestrictedTo != "" {
			c.Report(p+".schedule1", "activity %q relies on Schedule 1 %s, which is only for %s", a.Key, paraName(n), para.RestrictedTo)
		}
	}
	eachSpecial(c, func(a *ropa.Activity, sc *ropa.SpecialCondition, p string) { report(p, a, sc.Schedule1) })
	for _, a := range c.Model.ActivityList() {
		if a == nil {
			continue
		}
		for i, cc := range a.CriminalConditions {
			if cc.Basis == "schedule1" {
				report(index(activityPath(a.Key)+".criminalConditions", i), a, cc.Schedule1)
			}
		}
	}
}

func checkAPD(c *Context) {
	eachSpecial(c, func(a *ropa.Activity, sc *ropa.SpecialCondition, p string) {
		if law.NeedsAPD(sc.Schedule1) && sc.PolicyDocument == "" {
			c.Report(p, "activity %q relies on Schedule 1 paragraph %d without naming its appropriate policy document", a.Key, sc.Schedule1)
		}
	})
	for _, a := range c.Model.ActivityList() {
		if a == nil {
			continue
		}
		for i, cc := range a.CriminalConditions {
			if cc.Basis == "schedule1" && law.CriminalNeedsAPD(cc.Schedule1) && cc.PolicyDocument == "" {
				c.Report(index(activityPath(a.Key)+".criminalConditions", i),
					"activity %q relies on Schedule 1 paragraph %d for criminal-offence data without naming its appropriate policy document", a.Key, cc.Schedule1)
			}
		}
	}
}

func checkPolicyAdherence(c *Context) {
	for _, a := range c.Model.ActivityList() {
		if a == nil {
			continue
		}
		needs := false
		for _, sc := range a.SpecialConditions {
			needs = needs || law.NeedsAPD(sc.Schedule1)
		}
		for _, cc := range a.CriminalConditions {
			needs = needs || (cc.Basis == "schedule1" && law.CriminalNeedsAPD(cc.Schedule1))
		}
		if !needs {
			continue
		}
		p := activityPath(a.Key)
		switch {
		case a.PolicyAdherence == nil:
			c.Report(p, "activity %q needs an appropriate policy document but does not record whether data is retained and erased per it", a.Key)
		case !a.PolicyAdherence.Adheres && a.PolicyAdherence.Reason == "":
			c.Report(p+".policyAdherence", "activity %q does not adhere to its appropriate policy document and gives no reason", a.Key)
		}
	}
}

func checkCriminalCondition(c *Context) {
	for _, a := range c.Model.ActivityList() {
		if a == nil || len(a.CriminalConditions) > 0 {
			continue
		}
		activityCategories(c.Model, a, func(i int, k string, cat *ropa.Category) {
			if cat.Criminal {
				c.Report(index(activityPath(a.Key)+".categories", i),
					"activity %q uses criminal-offence data %q without an Article 10 route (criminalConditions)", a.Key, k)
			}
		})
	}
}

func checkCriminalSchedule1(c *Context) {
	for _, a := range c.Model.ActivityList() {
		if a == nil {
			continue
		}
		for i, cc := range a.CriminalConditions {
			if cc.Basis == "schedule1" && cc.Schedule1 == 0 {
				c.Report(index(activityPath(a.Key)+".criminalConditions", i),
					"activity %q relies on Schedule 1 for criminal-offence data without naming the paragraph", a.Key)
			}
		}
	}
}
