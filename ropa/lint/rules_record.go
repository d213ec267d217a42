package lint

import (
	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/law"
)

// Record-keeping rules: processors, DPIAs, security and what the notice
// tells people about collection (UK GDPR Articles 13(2)(e), 14(2)(f), 28,
// 30, 32, 35).

func init() {
	register(
		&Rule{
			ID: "processor-contract-missing", Severity: Warning, Ref: "UK GDPR Art 28(3); ICO template col 7", Duty: DutyAccountability,
			Message: "a processor has no contract reference",
			Explain: `Processing by a processor must be governed by a contract with the Article
28(3) terms; the ICO's record template links to it.

Fix:

    recipients: repairs: contract: "Data processing agreement DPA-2024-07"`,
			Check: checkProcessorContract,
		},
		&Rule{
			ID: "dpia-missing", Severity: Warning, Ref: "UK GDPR Art 35(1), 35(3), 35(4)", Duty: DutyAccountability,
			Message: "processing that needs a DPIA records none",
			Explain: `A data protection impact assessment is required for processing likely to
result in a high risk: the cases of Article 35(3) ((a) systematic and
extensive evaluation with significant effects, (b) special-category or
criminal-offence data on a large scale, (c) systematic monitoring of a
publicly accessible area on a large scale, such as CCTV) and those on the
ICO's list under Article 35(4) (innovative technology including AI,
large-scale profiling, biometric or genetic data, data matching, invisible
processing, tracking, targeting children or vulnerable people, denial of
service, risk of physical harm). Using some special-category data is not
in itself a trigger.

The rule derives what the facts show (significant automated decisions,
biometric or genetic data, profiling or automated decisions about
children) and reads the rest from the activity's dpiaTriggers; the finding
names the trigger.

Fix: record the DPIA (or, if screening found none needed, waive the finding
with the screening reason):

    activities: rent: dpia: {required: true, status: "complete", ref: "DPIA-2024-03"}`,
			Check: checkDPIA,
		},
		&Rule{
			ID: "security-missing", Severity: Warning, Ref: "UK GDPR Art 30(1)(g), 32(1)", Duty: DutyAccountability,
			Message: "the record describes no security measures",
			Explain: `The record includes, where possible, a general description of the technical
and organisational security measures.

Fix:

    security: measures: [
        "Access is limited to staff who need it.",
        "Data is encrypted in transit and at rest.",
    ]`,
			Check: checkSecurity,
		},
		&Rule{
			ID: "requirement-missing", Severity: Error, Ref: "UK GDPR Art 13(2)(e)", Duty: DutyNotice,
			Message: "data collected from the person does not say whether providing it is required",
			Explain: `When data is collected from the person (a source of kind "subject"), the
notice must say whether providing it is a statutory or contractual
requirement, or needed to enter a contract, whether the person must provide
it, and what happens if they do not.

Fix:

    activities: rent: requirement: {
        kind:        "contractual"
        consequence: "Without it we cannot offer you a tenancy."
    }`,
			Check: checkRequirement,
		},
		&Rule{
			ID: "source-unnamed", Severity: Info, Ref: "UK GDPR Art 14(2)(f)", Duty: DutyNotice,
			Message: "an indirect source does not identify who the data comes from",
			Explain: `When data is obtained from somewhere other than the person, the notice
must give its source and whether it is publicly accessible. A third-party or
public source that neither links the recipient it is nor describes itself
may be too vague for people to identify.

Fix: link the organisation or describe the source:

    sources: agency: description: "Acme Referrals Ltd, our referral partner."
    // or link the recipient it is
    sources: council: {name: "Your local council", kind: "third-party", recipient: "council"}`,
			Check: checkSourceUnnamed,
		},
	)
}

func checkProcessorContract(c *Context) {
	for _, r := range c.Model.RecipientList() {
		if r != nil && r.Role == "processor" && r.Contract == "" {
			c.Report(entity("recipients", r.Key), "processor %q has no contract reference", r.Key)
		}
	}
}

// dpiaTrigger returns the first DPIA trigger that applies to an activity,
// derived from its facts or stated in its dpiaTriggers, and whether any does.
func dpiaTrigger(m *ropa.Model, a *ropa.Activity) (law.Trigger, string, bool) {
	stated := map[string]bool{}
	for _, k := range a.DPIATriggers {
		stated[k] = true
	}
	derived := map[string]string{}
	if significant(a) {
		derived["significant-decisions"] = ""
	}
	activityCategories(m, a, func(_ int, k string, cat *ropa.Category) {
		if _, ok := law.TriggerOf(cat.Special); ok && derived[cat.Special] == "" {
			derived[cat.Special] = k
		}
	})
	if au := a.Automation; au != nil && (au.Profiling || au.Decisions) {
		if _, k, ok := childSubject(m, a); ok {
			derived["children-profiling"] = k
		}
	}
	for _, t := range law.Triggers {
		if what, ok := derived[t.Kind]; ok && t.Derived {
			return t, what, true
		}
		if stated[t.Kind] && !t.Derived {
			return t, "", true
		}
	}
	return law.Trigger{}, "", false
}

func checkDPIA(c *Context) {
	for _, a := range c.Model.ActivityList() {
		if a == nil || (a.DPIA != nil && a.DPIA.Required) {
			continue
		}
		t, what, ok := dpiaTrigger(c.Model, a)
		if !ok {
			continue
		}
		p := activityPath(a.Key)
		if a.DPIA != nil {
			p += ".dpia"
		}
		if what != "" {
			what = " (" + what + ")"
		}
		c.Report(p, "activity %q involves %s%s, which needs a DPIA (%s), but records none as required", a.Key, t.Name, what, t.Cite)
	}
}

func checkSecurity(c *Context) {
	s := c.Model.Security
	if s == nil || len(s.Measures) == 0 {
		c.Report("security", "the record describes no technical or organisational security measures")
	}
}

func checkRequirement(c *Context) {
	m := c.Model
	for _, a := range m.ActivityList() {
		if a == nil || a.Requirement != nil {
			continue
		}
		for i, sk := range a.SourceIDs {
			if s := m.Sources[sk]; s != nil && s.Kind == "subject" {
				c.Report(index(activityPath(a.Key)+".sources", i),
					"activity %q collects data from the person without saying whether providing it is required", a.Key)
				break
			}
		}
	}
}

func checkSourceUnnamed(c *Context) {
	for _, s := range c.Model.SourceList() {
		if s == nil || (s.Kind != "third-party" && s.Kind != "public") {
			continue
		}
		if s.RecipientID == "" && s.Description == "" {
			c.Report(entity("sources", s.Key), "source %q does not identify the organisation the data comes from", s.Key)
		}
	}
}
