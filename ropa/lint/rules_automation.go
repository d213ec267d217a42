package lint

// Automated decision-making rules: UK GDPR Articles 13(2)(f), 14(2)(g) and
// 22A-22D (as substituted by s.80 of the Data (Use and Access) Act 2025, in
// force since 5 February 2026).

import (
	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/law"
)

func init() {
	register(
		&Rule{
			ID: "automation-undescribed", Severity: Error, Ref: "UK GDPR Art 13(2)(f), 14(2)(g), 22A", Duty: DutyNotice,
			Message: "significant automated decisions are not described with their logic and consequences",
			Explain: `Where significant decisions are based solely on automated processing
(Art 22A), the notice must give meaningful information about the logic
involved and the significance and envisaged consequences for the person.
Profiling that is not such a decision is profiling-undescribed's, a
warning.

Fix:

    activities: rent: automation: {
        decisions:    true
        significant:  true
        description:  "We score applications automatically."
        logic:        "The score weighs income against rent and past arrears."
        consequences: "A low score means a member of staff reviews your application."
        safeguards: ["You can ask for a person to review the decision.", "You can contest it."]
    }`,
			Check: checkAutomationDescribed,
		},
		&Rule{
			ID: "profiling-undescribed", Severity: Warning, Ref: "UK GDPR Art 5(1)(a), 12(1), 13(2)(f)", Duty: DutyNotice,
			Message: "profiling or automated decisions without significant effects are not described",
			Explain: `Profiling, and automated decisions without legal or similarly significant
effects, are not restricted by Arts 22A-22D, but fairness and transparency
(Art 5(1)(a), 12(1)) mean people should be told how they are profiled and
what it means for them.

Fix:

    activities: rent: automation: {
        logic:        "We group tenants by how they prefer to be contacted."
        consequences: "We choose how to contact you first."
    }`,
			Check: checkProfilingDescribed,
		},
		&Rule{
			ID: "automation-significant-safeguards", Severity: Error, Ref: "UK GDPR Art 22C", Duty: DutyLawfulness,
			Since:   law.DUAAMain,
			Message: "significant automated decisions do not name their Art 22C safeguards",
			Explain: `Since 5 February 2026 a significant decision based solely on automated
processing is allowed only with the Article 22C safeguards: telling the
person about the decision, letting them make representations, obtain human
intervention and contest the decision. The old Article 22(2) exception is
no longer needed (automation.exception may stay in older models).

Fix:

    activities: rent: automation: safeguards: [
        "We tell you about each decision.",
        "You can ask for a person to review the decision, tell us your view and contest it.",
    ]`,
			Check: checkAutomationSignificant,
		},
		&Rule{
			ID: "automation-special-category", Severity: Error, Ref: law.SpecialCategoryLimits, Duty: DutyLawfulness,
			Since:   law.DUAAMain,
			Message: "significant automated decisions use special-category data without explicit consent or Art 9(2)(g) on contract or law",
			Explain: `A significant decision based solely on automated processing may use
special-category data only if the person gave explicit consent (Art
9(2)(a)), or if the decision is necessary for a contract with the person
or required or authorised by law and Article 9(2)(g) applies (Art 22B).
The rule reads explicit consent from a specialConditions entry with
article9 "a" or automation.exception "explicit-consent", and contract or
law from automation.exception with an article9 "g" condition.

Fix: rely on explicit consent for the decision:

    activities: rent: specialConditions: [{article9: "a"}]`,
			Check: checkAutomationSpecial,
		},
		&Rule{
			ID: "automation-recognised-interest", Severity: Error, Ref: law.RecognisedInterestBar, Duty: DutyLawfulness,
			Since:   law.DUAAMain,
			Message: "significant automated decisions rest on a recognised legitimate interest",
			Explain: `A significant decision based solely on automated processing may not rest
on Article 6(1)(ea), a recognised legitimate interest (Art 22B).

Fix: rely on another basis, or have a person take the decision:

    activities: rent: lawfulBases: [{basis: "contract"}]`,
			Check: checkAutomationRLI,
		},
		&Rule{
			ID: "automation-statement-missing", Severity: Error, Ref: "UK GDPR Art 13(2)(f), 14(2)(g)", Duty: DutyNotice,
			Message: "an activity in a notice does not say whether it involves automated decisions or profiling",
			Explain: `The notice must state whether there is automated decision-making,
including profiling, and if there is, describe it. An activity shown in a
notice answers when it has an automation block, or when a none declaration
covers it wherever it is shown. Without either the notice can say nothing:
ropa does not turn silence into "we make no automated decisions".

Fix, one of two ways.

Record the facts, even when they are "no":

    activities: rent: automation: {decisions: false, profiling: false}

Or declare the none, on the activity, on every notice that shows it, or for
the whole record. Declare each kind only where it is true: a notice that
rules out automated decisions may say nothing about profiling.

    activities: rent: none: ["automated-decisions", "profiling"]
    // or
    notices: tenants: none: ["automated-decisions"]
    // or, at the top level of the model
    none: ["automated-decisions", "profiling"]`,
			Check: checkAutomationStatement,
		},
	)
}

// significant reports whether an activity makes significant decisions
// based solely on automated processing (Art 22A).
func significant(a *ropa.Activity) bool {
	return a.Automation != nil && a.Automation.Decisions && a.Automation.Significant
}

func checkAutomationDescribed(c *Context) {
	for _, a := range c.Model.ActivityList() {
		if a == nil || !significant(a) {
			continue
		}
		if au := a.Automation; au.Logic == "" || au.Consequences == "" {
			c.Report(activityPath(a.Key)+".automation",
				"activity %q makes significant automated decisions without describing the logic and consequences", a.Key)
		}
	}
}

func checkProfilingDescribed(c *Context) {
	for _, a := range c.Model.ActivityList() {
		if a == nil || a.Automation == nil || significant(a) {
			continue
		}
		au := a.Automation
		if (au.Decisions || au.Profiling) && (au.Logic == "" || au.Consequences == "") {
			c.Report(activityPath(a.Key)+".automation",
				"activity %q profiles people or makes automated decisions without describing the logic and consequences", a.Key)
		}
	}
}

func checkAutomationSignificant(c *Context) {
	for _, a := range c.Model.ActivityList() {
		if a != nil && significant(a) && len(a.Automation.Safeguards) == 0 {
			c.Report(activityPath(a.Key)+".automation.significant",
				"activity %q makes significant automated decisions without naming the Art 22C safeguards", a.Key)
		}
	}
}

func checkAutomationSpecial(c *Context) {
	m := c.Model
	for _, a := range m.ActivityList() {
		if a == nil || !significant(a) {
			continue
		}
		special := ""
		activityCategories(m, a, func(_ int, k string, cat *ropa.Category) {
			if special == "" && cat.Special != "" {
				special = k
			}
		})
		if special == "" {
			continue
		}
		exc := a.Automation.Exception
		ok := exc == "explicit-consent"
		for _, sc := range a.SpecialConditions {
			cond, _ := law.ConditionOf(sc.Article9)
			ok = ok || cond.WithdrawConsent || (cond.Schedule1Part == 2 && (exc == "contract" || exc == "law"))
		}
		if !ok {
			c.Report(activityPath(a.Key)+".automation.significant",
				"activity %q makes significant automated decisions using special-category data %q without explicit consent, or contract or law with Article 9(2)(g)", a.Key, special)
		}
	}
}

func checkAutomationRLI(c *Context) {
	for _, a := range c.Model.ActivityList() {
		if a == nil || !significant(a) {
			continue
		}
		for i, b := range a.LawfulBases {
			if b.Basis == ropa.BasisRecognisedLegitimate {
				c.Report(basisPath(a, i), "activity %q makes significant automated decisions resting on a recognised legitimate interest (Article 6(1)(ea))", a.Key)
			}
		}
	}
}

func checkAutomationStatement(c *Context) {
	m := c.Model
	for _, a := range m.ActivityList() {
		if a == nil || len(shownIn(a)) == 0 {
			continue
		}
		au := a.Automation
		decisions := (au != nil && au.DecisionsStated) || m.DeclaresNoneEverywhere(a, ropa.NoneAutomatedDecisions) ||
			len(unanswered(m, a, ropa.NoneAutomatedDecisions, statesDecisions)) == 0
		profiling := (au != nil && au.ProfilingStated) || m.DeclaresNoneEverywhere(a, ropa.NoneProfiling) ||
			len(unanswered(m, a, ropa.NoneProfiling, statesProfiling)) == 0
		var what string
		switch {
		case !decisions && !profiling:
			what = "automated decision-making or profiling"
		case !decisions:
			what = "automated decision-making"
		case !profiling:
			what = "profiling"
		default:
			continue
		}
		c.Report(activityPath(a.Key), "activity %q does not say whether it involves %s", a.Key, what)
	}
}

// statesDecisions and statesProfiling report whether an activity answers
// the question itself, with its automation block.
func statesDecisions(a *ropa.Activity) bool {
	return a.Automation != nil && a.Automation.DecisionsStated
}
func statesProfiling(a *ropa.Activity) bool {
	return a.Automation != nil && a.Automation.ProfilingStated
}
