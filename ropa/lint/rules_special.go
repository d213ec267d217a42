package lint

import "github.com/ropa-dev/ropa/ropa"

// Special-category and criminal-offence data rules: UK GDPR Articles 9 and
// 10 and DPA 2018 section 10 and Schedule 1.

func init() {
	register(
		&Rule{
			ID: "special-condition-missing", Severity: Error, Ref: "UK GDPR Art 9(1)-(2)",
			Message: "special-category data is used without an Article 9 condition",
			Explain: `Processing special-category data (health, ethnicity, religion, ...) is
prohibited unless an Article 9(2) condition applies, in addition to the
Article 6 basis. An activity that uses a category with "special" set needs a
specialConditions entry covering it: one with no "categories" covers every
special category of the activity, one with "categories" covers those listed.

Fix:

    activities: support: specialConditions: [{
        article9:       "g"
        schedule1:      16
        policyDocument: "https://example.org/appropriate-policy"
        categories: ["health"]
    }]`,
			Check: checkSpecialCondition,
		},
		&Rule{
			ID: "schedule1-part1-missing", Severity: Error, Ref: "DPA 2018 s.10(2), Sch 1 Part 1",
			Message: "an Article 9(2)(b), (h), (i) or (j) condition lacks its Schedule 1 Part 1 paragraph",
			Explain: `In the UK, Article 9(2)(b) (employment and social protection), (h) (health
or social care), (i) (public health) and (j) (archiving and research) apply
only with a condition in DPA 2018 Schedule 1 Part 1: paragraph 1
(employment), 2 (health or social care), 3 (public health) or 4 (research).

Fix: name the paragraph:

    specialConditions: [{article9: "b", schedule1: 1, policyDocument: "APD-HR-01"}]`,
			Check: checkSchedule1Part1,
		},
		&Rule{
			ID: "schedule1-part2-missing", Severity: Error, Ref: "DPA 2018 s.10(3), Sch 1 Part 2",
			Message: "an Article 9(2)(g) condition lacks its Schedule 1 Part 2 paragraph",
			Explain: `Article 9(2)(g), substantial public interest, applies in the UK only with a
condition in DPA 2018 Schedule 1 Part 2, paragraphs 6 to 28 (for example 10
preventing unlawful acts, 16 support for people with a disability or medical
condition, 18 safeguarding).

Fix: name the paragraph:

    specialConditions: [{article9: "g", schedule1: 18, policyDocument: "APD-01"}]`,
			Check: checkSchedule1Part2,
		},
		&Rule{
			ID: "apd-missing", Severity: Error, Ref: "DPA 2018 Sch 1 paras 1(1)(b), 5, 39",
			Message: "a Schedule 1 condition that needs an appropriate policy document names none",
			Explain: `Schedule 1 paragraph 1 (employment) and the Part 2 conditions (6-28) need an
appropriate policy document (APD) in place, except paragraph 13
(journalism, academia, art and literature). Paragraph 10 needs none when
data is only disclosed to a competent authority, and paragraph 27 none when
only disclosed to an anti-doping body: waive the finding with that reason if
so. Criminal-offence conditions under paragraphs 35 and 36 need one too.

Fix: reference the APD:

    specialConditions: [{article9: "g", schedule1: 16, policyDocument: "https://example.org/apd"}]`,
			Check: checkAPD,
		},
		&Rule{
			ID: "policy-adherence-missing", Severity: Warning, Ref: "DPA 2018 Sch 1 para 41",
			Message: "processing under an appropriate policy document does not record adherence to it",
			Explain: `Where an appropriate policy document is required, the Article 30 record must
also say whether the data is retained and erased in line with it and, if
not, why (Schedule 1 paragraph 41; ICO template columns 29-30).

Fix:

    activities: support: policyAdherence: {adheres: true}
    // or
    activities: support: policyAdherence: {adheres: false, reason: "Legacy archive under review"}`,
			Check: checkPolicyAdherence,
		},
		&Rule{
			ID: "criminal-condition-missing", Severity: Error, Ref: "UK GDPR Art 10; DPA 2018 s.10(5), s.11(2)",
			Message: "criminal-offence data is used without an Article 10 route",
			Explain: `Criminal-offence data (including allegations, proceedings and sentences)
may be processed only under official authority or when authorised by law,
which in the UK means a DPA 2018 Schedule 1 condition.

Fix: add the route:

    activities: asb: criminalConditions: [{
        basis:          "schedule1"
        schedule1:      10
        policyDocument: "APD-01"
    }]`,
			Check: checkCriminalCondition,
		},
		&Rule{
			ID: "criminal-schedule1-missing", Severity: Error, Ref: "DPA 2018 s.10(5), Sch 1",
			Message: "a Schedule 1 route for criminal-offence data names no paragraph",
			Explain: `A criminal-offence condition with basis "schedule1" must name the Schedule 1
paragraph relied on (Part 1, 2 or 3: paragraphs 1-37).

Fix:

    criminalConditions: [{basis: "schedule1", schedule1: 33}]  // legal claims`,
			Check: checkCriminalSchedule1,
		},
	)
}

// apdExempt are the Schedule 1 paragraphs in Part 2 that never need an
// appropriate policy document.
var apdExempt = map[int]bool{13: true}

// needsAPD reports whether a Schedule 1 paragraph relied on for special
// category data needs an appropriate policy document.
func needsAPD(para int) bool {
	return para == 1 || (para >= 6 && para <= 28 && !apdExempt[para])
}

// criminalNeedsAPD is needsAPD for a criminal-offence condition.
func criminalNeedsAPD(para int) bool {
	return needsAPD(para) || para == 35 || para == 36
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

func checkSchedule1Part1(c *Context) {
	eachSpecial(c, func(a *ropa.Activity, sc *ropa.SpecialCondition, p string) {
		switch sc.Article9 {
		case "b", "h", "i", "j":
		default:
			return
		}
		if sc.Schedule1 < 1 || sc.Schedule1 > 4 {
			if sc.Schedule1 != 0 {
				p += ".schedule1"
			}
			c.Report(p, "activity %q relies on Article 9(2)(%s) without a Schedule 1 Part 1 paragraph (1-4)", a.Key, sc.Article9)
		}
	})
}

func checkSchedule1Part2(c *Context) {
	eachSpecial(c, func(a *ropa.Activity, sc *ropa.SpecialCondition, p string) {
		if sc.Article9 == "g" && (sc.Schedule1 < 6 || sc.Schedule1 > 28) {
			if sc.Schedule1 != 0 {
				p += ".schedule1"
			}
			c.Report(p, "activity %q relies on Article 9(2)(g) without a Schedule 1 Part 2 paragraph (6-28)", a.Key)
		}
	})
}

func checkAPD(c *Context) {
	eachSpecial(c, func(a *ropa.Activity, sc *ropa.SpecialCondition, p string) {
		if needsAPD(sc.Schedule1) && sc.PolicyDocument == "" {
			c.Report(p, "activity %q relies on Schedule 1 paragraph %d without naming its appropriate policy document", a.Key, sc.Schedule1)
		}
	})
	for _, a := range c.Model.ActivityList() {
		if a == nil {
			continue
		}
		for i, cc := range a.CriminalConditions {
			if cc.Basis == "schedule1" && criminalNeedsAPD(cc.Schedule1) && cc.PolicyDocument == "" {
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
			needs = needs || needsAPD(sc.Schedule1)
		}
		for _, cc := range a.CriminalConditions {
			needs = needs || (cc.Basis == "schedule1" && criminalNeedsAPD(cc.Schedule1))
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
