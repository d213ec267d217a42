package lint

import "github.com/ropa-dev/ropa/ropa"

// Record-keeping rules: processors, DPIAs, security and what the notice
// tells people about collection (UK GDPR Articles 13(2)(e), 14(2)(f), 28,
// 30, 32, 35).

func init() {
	register(
		&Rule{
			ID: "processor-contract-missing", Severity: Warning, Ref: "UK GDPR Art 28(3); ICO template col 7",
			Message: "a processor has no contract reference",
			Explain: `Processing by a processor must be governed by a contract with the Article
28(3) terms; the ICO's record template links to it.

Fix:

    recipients: contractors: contract: "Data processing agreement DPA-2024-07"`,
			Check: checkProcessorContract,
		},
		&Rule{
			ID: "dpia-missing", Severity: Warning, Ref: "UK GDPR Art 35(1), 35(3)",
			Message: "high-risk processing has no DPIA",
			Explain: `A data protection impact assessment is required for processing likely to
result in a high risk. The rule treats as high risk an activity that uses
special-category or criminal-offence data, makes significant automated
decisions, or processes children's data.

Fix: record the DPIA (or, if one is judged unnecessary, waive the finding
with the screening reason):

    activities: support: dpia: {required: true, status: "complete", ref: "DPIA-2024-03"}`,
			Check: checkDPIA,
		},
		&Rule{
			ID: "security-missing", Severity: Warning, Ref: "UK GDPR Art 30(1)(g), 32(1)",
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
			ID: "requirement-missing", Severity: Error, Ref: "UK GDPR Art 13(2)(e)",
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
			ID: "source-unnamed", Severity: Info, Ref: "UK GDPR Art 14(2)(f)",
			Message: "an indirect source does not identify who the data comes from",
			Explain: `When data is obtained from somewhere other than the person, the notice
must give its source and whether it is publicly accessible. A third-party or
public source that neither links the recipient it is nor describes itself
may be too vague for people to identify.

Fix: link the organisation or describe the source:

    sources: council: {name: "Your local council", kind: "third-party", recipient: "council"}
    // or
    sources: agencies: {name: "Credit reference agencies", kind: "third-party",
        description: "Experian, Equifax and TransUnion."}`,
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

// highRisk returns why an activity counts as high risk, or "".
func highRisk(m *ropa.Model, a *ropa.Activity) string {
	why := ""
	activityCategories(m, a, func(_ int, k string, cat *ropa.Category) {
		switch {
		case why != "":
		case cat.Special != "":
			why = "special-category data (" + k + ")"
		case cat.Criminal:
			why = "criminal-offence data (" + k + ")"
		}
	})
	if why != "" {
		return why
	}
	if au := a.Automation; au != nil && au.Decisions && au.Significant {
		return "significant automated decisions"
	}
	if _, k, ok := childSubject(m, a); ok {
		return "children's data (" + k + ")"
	}
	return ""
}

func checkDPIA(c *Context) {
	for _, a := range c.Model.ActivityList() {
		if a == nil || (a.DPIA != nil && a.DPIA.Required) {
			continue
		}
		if why := highRisk(c.Model, a); why != "" {
			p := activityPath(a.Key)
			if a.DPIA != nil {
				p += ".dpia"
			}
			c.Report(p, "activity %q processes %s but records no DPIA as required", a.Key, why)
		}
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
