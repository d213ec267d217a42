package lint

// Automated decision-making rules: UK GDPR Articles 13(2)(f), 14(2)(g) and
// 22A-22D (as substituted by the Data (Use and Access) Act 2025).

import "github.com/ropa-dev/ropa/ropa"

func init() {
	register(
		&Rule{
			ID: "automation-undescribed", Severity: Error, Ref: "UK GDPR Art 13(2)(f), 14(2)(g)",
			Message: "automated decisions or profiling are not described with their logic and consequences",
			Explain: `Where there is automated decision-making, including profiling, the notice
must give meaningful information about the logic involved and the
significance and envisaged consequences for the person.

Fix:

    automation: {
        decisions:    true
        profiling:    true
        description:  "We score applications automatically."
        logic:        "The score weighs income against rent and past arrears."
        consequences: "A low score means a member of staff reviews your application."
    }`,
			Check: checkAutomationDescribed,
		},
		&Rule{
			ID: "automation-significant-safeguards", Severity: Error, Ref: "UK GDPR Art 22A-22D (DUAA 2025); EU GDPR Art 22",
			Message: "significant automated decisions do not name their exception and safeguards",
			Explain: `Solely automated decisions with legal or similarly significant effects need
a permitted ground (contract, law, explicit consent) and safeguards: telling
the person, letting them make representations, obtain human intervention
and contest the decision (Art 22C).

Fix:

    automation: {
        decisions: true, significant: true
        logic: "...", consequences: "..."
        exception:  "contract"
        safeguards: ["You can ask for a person to review the decision.", "You can contest it."]
    }`,
			Check: checkAutomationSignificant,
		},
		&Rule{
			ID: "automation-statement-missing", Severity: Error, Ref: "UK GDPR Art 13(2)(f), 14(2)(g)",
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

func checkAutomationDescribed(c *Context) {
	for _, a := range c.Model.ActivityList() {
		if a == nil || a.Automation == nil {
			continue
		}
		au := a.Automation
		if (au.Decisions || au.Profiling) && (au.Logic == "" || au.Consequences == "") {
			c.Report(activityPath(a.Key)+".automation",
				"activity %q makes automated decisions or profiles people without describing the logic and consequences", a.Key)
		}
	}
}

func checkAutomationSignificant(c *Context) {
	for _, a := range c.Model.ActivityList() {
		if a == nil || a.Automation == nil {
			continue
		}
		au := a.Automation
		if au.Decisions && au.Significant && (au.Exception == "" || len(au.Safeguards) == 0) {
			c.Report(activityPath(a.Key)+".automation.significant",
				"activity %q makes significant automated decisions without naming the exception and safeguards", a.Key)
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
