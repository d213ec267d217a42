package lint

import (
	"fmt"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
)

// Declaration rules: a notice says only what the model says. Where the
// record holds no fact (no recipient, no transfer), the notice may state a
// "none" only where the model declares it (a none list on the activity, on
// every notice that shows it, or on the record); silence is a finding for
// the DPO, never a claim to the public. And a declaration must not
// contradict the facts (UK GDPR Art 5(1)(a), 12(1), 13(1)(e)-(f),
// 14(1)(e)-(f)).

func init() {
	register(
		&Rule{
			ID: "recipients-undeclared", Severity: Error, Ref: "UK GDPR Art 13(1)(e), 14(1)(e)", Duty: DutyNotice,
			Message: "an activity in a notice records no recipient and does not declare that there are none",
			Explain: `The notice must name the recipients, or categories of recipients, of the
data. An activity that lists no recipient (and feeds no scheme and uses no
system whose vendor receives the data) leaves the notice with nothing it
can truthfully say: ropa does not turn that silence into "we share your
information with no one".

Fix, one of two ways.

Record who receives the data:

    activities: rent: recipients: ["repairs"]
    recipients: repairs: {name: "Repairs contractors", role: "processor", category: true}

Or, if the data really goes to no other organisation, declare it, on the
activity, on every notice that shows it, or for the whole record:

    activities: rent: none: ["recipients"]
    // or
    notices: tenants: none: ["recipients"]
    // or, at the top level of the model
    none: ["recipients"]`,
			Check: checkRecipientsUndeclared,
		},
		&Rule{
			ID: "transfers-undeclared", Severity: Error, Ref: "UK GDPR Art 13(1)(f), 14(1)(f)", Duty: DutyNotice,
			Message: "an activity in a notice records no transfer abroad and does not declare that there are none",
			Explain: `The notice must say whether data is transferred outside the UK and, if it
is, on what safeguard. An activity that records no transfer (and discloses
to no recipient whose stated country is outside the UK) leaves the notice
unable to say either: a recipient whose country is not stated may well be
abroad, and ropa never assumes the UK.

Fix, one of two ways.

Declare that no data from the activity leaves the UK, on the activity, on
every notice that shows it, or for the whole record:

    activities: rent: none: ["transfers"]
    // or
    notices: tenants: none: ["transfers"]
    // or, at the top level of the model
    none: ["transfers"]

Or record the transfer:

    transfers: t1: {recipient: "repairs", country: "India", mechanism: "idta",
        riskAssessment: "DPT-2026-01", safeguardCopy: "Ask our DPO for a copy."}
    activities: rent: transfers: ["t1"]

"Not outside the EEA" is not "not outside the UK": declare only what is
true of the UK.`,
			Check: checkTransfersUndeclared,
		},
		&Rule{
			ID: "none-contradicted", Severity: Error, Ref: "UK GDPR Art 5(1)(a), 12(1)", Duty: DutyNotice,
			Message: "a none declaration is contradicted by the facts the record holds",
			Explain: `A none list declares that there is nothing of a kind: no recipients, no
transfers outside the UK, no solely automated decisions, no profiling. The
notice states it to the public, so it must be true of every activity it
covers: a declaration on an activity covers that activity, one on a notice
every activity the notice shows, one at the top level the whole record.
A declaration is contradicted when a covered activity records the very
thing: a recipient, scheme operator or system vendor; a transfer or a
recipient abroad; automation with decisions: true; automation with
profiling: true.

Fix whichever is wrong. When the declaration is wrong, remove the kind
from the none list, or move the declaration down to the activities it is
true of, and record the facts instead:

    activities: rent: none: ["transfers"]   // was ["transfers", "recipients"]

When the declaration is right and a fact is recorded wrongly, correct the
fact, e.g. a recipient's country:

    recipients: repairs: country: "United Kingdom"   // was "India"`,
			Check: checkNoneContradicted,
		},
	)
}

// shownIn returns the notices that show activity a.
func shownIn(a *ropa.Activity) []*ropa.Notice {
	var out []*ropa.Notice
	for _, n := range a.Notices {
		if n != nil {
			out = append(out, n)
		}
	}
	return out
}

// noticeNames formats notice keys as `notice "a"` or `notices "a", "b"`.
func noticeNames(keys []string) string {
	noun := "notice "
	if len(keys) > 1 {
		noun = "notices "
	}
	return noun + quoteList(keys)
}

// quoteList formats keys as `"a", "b"`.
func quoteList(keys []string) string {
	q := make([]string, len(keys))
	for i, k := range keys {
		q[i] = fmt.Sprintf("%q", k)
	}
	return strings.Join(q, ", ")
}

// checkUndeclared reports activities shown in a notice for which the
// record states no fact of the kind and no declaration covers them.
func checkUndeclared(c *Context, kind, what string, states func(*ropa.Activity) bool) {
	m := c.Model
	for _, a := range m.ActivityList() {
		if a == nil || len(shownIn(a)) == 0 || states(a) || m.DeclaresNoneEverywhere(a, kind) {
			continue
		}
		// A notice that hands the topic to a notice holding it, or to a
		// page, answers for the activity there.
		missing := unanswered(m, a, kind, states)
		if len(missing) == 0 {
			continue
		}
		c.Report(activityPath(a.Key), "activity %q records no %s, and no none: [%q] covers it in %s",
			a.Key, what, kind, noticeNames(missing))
	}
}

func checkRecipientsUndeclared(c *Context) {
	checkUndeclared(c, ropa.NoneRecipients, "recipient", (*ropa.Activity).StatesSharing)
}

func checkTransfersUndeclared(c *Context) {
	checkUndeclared(c, ropa.NoneTransfers, "transfer outside the UK", (*ropa.Activity).StatesTransfer)
}

// contradiction says what activity a records that a declaration of the
// kind denies, or "" when nothing.
func contradiction(a *ropa.Activity, kind string) string {
	switch kind {
	case ropa.NoneRecipients:
		if !a.StatesSharing() {
			return ""
		}
		var keys []string
		for _, r := range a.Disclosures() {
			keys = append(keys, r.Key)
		}
		if len(keys) > 0 {
			return "discloses data to " + quoteList(keys)
		}
		return "feeds scheme " + quoteList(a.SchemeIDs)
	case ropa.NoneTransfers:
		if !a.StatesTransfer() {
			return ""
		}
		if len(a.TransferIDs) > 0 {
			return "records transfer " + quoteList(a.TransferIDs)
		}
		for _, r := range a.Disclosures() {
			if ropa.CountryStated(r.Country) && !ropa.InUK(r.Country) {
				return fmt.Sprintf("discloses data to %q in %s", r.Key, r.Country)
			}
		}
	case ropa.NoneAutomatedDecisions:
		if a.Automation != nil && a.Automation.Decisions {
			return "has automation.decisions: true"
		}
	case ropa.NoneProfiling:
		if a.Automation != nil && a.Automation.Profiling {
			return "has automation.profiling: true"
		}
	}
	return ""
}

// declarationKinds returns the kinds a none list declares, each once, in
// the order the list gives them.
func declarationKinds(list []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, k := range list {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// maxListed is how many contradicting entities one finding names.
const maxListed = 3

// reportContradiction reports, at the none list at path, a declaration of
// the kind by declarer that the facts contradict.
func reportContradiction(c *Context, path, declarer, kind string, facts []string) {
	if len(facts) == 0 {
		return
	}
	more := ""
	if len(facts) > maxListed {
		more = fmt.Sprintf("; and %d more", len(facts)-maxListed)
		facts = facts[:maxListed]
	}
	c.Report(path, "%s declares none: [%q], but %s%s", declarer, kind, strings.Join(facts, "; "), more)
}

func checkNoneContradicted(c *Context) {
	m := c.Model
	acts := m.ActivityList()
	// Activity declarations.
	for _, a := range acts {
		if a == nil {
			continue
		}
		for _, kind := range declarationKinds(a.None) {
			if why := contradiction(a, kind); why != "" {
				reportContradiction(c, activityPath(a.Key)+".none", fmt.Sprintf("activity %q", a.Key), kind, []string{"it " + why})
			}
		}
	}
	// Notice declarations cover the activities the notice shows.
	for _, n := range m.NoticeList() {
		if n == nil {
			continue
		}
		for _, kind := range declarationKinds(n.None) {
			var facts []string
			for _, a := range acts {
				if a == nil || !showsIn(a, n) {
					continue
				}
				if why := contradiction(a, kind); why != "" {
					facts = append(facts, fmt.Sprintf("activity %q %s", a.Key, why))
				}
			}
			reportContradiction(c, entity("notices", n.Key)+".none", fmt.Sprintf("notice %q", n.Key), kind, facts)
		}
	}
	// Record declarations cover every activity, and every processor record
	// for transfers.
	for _, kind := range declarationKinds(m.None) {
		var facts []string
		for _, a := range acts {
			if a == nil {
				continue
			}
			if why := contradiction(a, kind); why != "" {
				facts = append(facts, fmt.Sprintf("activity %q %s", a.Key, why))
			}
		}
		if kind == ropa.NoneTransfers {
			for _, p := range m.ProcessorRecordList() {
				if p != nil && len(p.TransferIDs) > 0 {
					facts = append(facts, fmt.Sprintf("processor record %q records transfer %s", p.Key, quoteList(p.TransferIDs)))
				}
			}
		}
		reportContradiction(c, "none", "the record", kind, facts)
	}
}

// showsIn reports whether notice n shows activity a.
func showsIn(a *ropa.Activity, n *ropa.Notice) bool {
	for _, x := range a.Notices {
		if x == n {
			return true
		}
	}
	return false
}
