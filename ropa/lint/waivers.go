package lint

import (
	"strings"
	"time"

	"github.com/ropa-dev/ropa/ropa"
)

// Rule IDs the engine reports itself.
const (
	// SchemaRule marks schema and reference errors from loading.
	SchemaRule = "schema"
	// WaiverExpiredRule marks a waiver whose expiry date has passed.
	WaiverExpiredRule = "waiver-expired"
	// WaiverUnknownRule marks a waiver that names no known rule.
	WaiverUnknownRule = "waiver-unknown-rule"
	// WaiverUnusedRule marks a waiver that matches no finding.
	WaiverUnusedRule = "waiver-unused"
)

func init() {
	register(
		&Rule{
			ID: SchemaRule, Severity: Error, Ref: "ropa schema; UK GDPR Art 30", Duty: DutyRecord,
			Message: "the model breaks the schema or names an entity that does not exist",
			Explain: `The model could not be loaded: a field is misspelt, has the wrong type, a
required field is missing, or a key names an entity that is not declared.
These problems come from loading, before any other rule runs, and cannot be
waived.

Fix: follow the hint printed with the finding; 'ropa schema' prints the
schema with every field commented. For example a dangling reference:

    activities: rent: categories: ["identity", "bank"]  // "bank" is not in categories
    categories: bank: {name: "Bank details"}           // declare it`,
		},
		&Rule{
			ID: WaiverExpiredRule, Severity: Error, Ref: "ropa waivers; UK GDPR Art 5(2)", Duty: DutyAccountability,
			Message: "a waiver has expired",
			Explain: `A waiver accepts a finding only until its expiry date. Once it has passed
the waiver is reported, and the findings it covered count again.

Fix: either fix what the waiver covered and delete the waiver, or review it
and move the date on, recording who accepted it again:

    waivers: [{
        rule:       "transfer-dp-test-missing"
        target:     "transfers.surveys"
        reason:     "Data protection test in progress with the vendor"
        acceptedBy: "DPO, 2026-01-10"
        expires:    "2026-06-30"
    }]`,
		},
		&Rule{
			ID: WaiverUnknownRule, Severity: Error, Ref: "ropa waivers; UK GDPR Art 5(2)", Duty: DutyAccountability,
			Message: "a waiver names a rule that does not exist",
			Explain: `A waiver's rule must be the ID of a lint rule. A misspelt ID waives
nothing, so the finding it meant to accept still counts.

Fix: correct the ID; 'ropa rules' lists every rule:

    waivers: [{rule: "li-assessment-missing", target: "activities.marketing", ...}]`,
		},
		&Rule{
			ID: WaiverUnusedRule, Severity: Warning, Ref: "ropa waivers; UK GDPR Art 5(2)", Duty: DutyAccountability,
			Message: "a waiver matches no finding",
			Explain: `A waiver that matches no finding is stale: the problem was fixed, or the
target is misspelt. Stale waivers hide future problems.

Fix: delete the waiver, or correct its target. The target is a field path
as the findings print it, and matches that path and everything under it:

    waivers: [{rule: "retention-missing", target: "activities.cctv", ...}]`,
		},
	)
}

// applyWaivers splits findings into counted and waived, and adds the
// findings about the waivers themselves. It runs in time proportional to
// the number of findings times the number of waivers with the same rule.
func applyWaivers(m *ropa.Model, now time.Time, findings []Finding) Result {
	type waiver struct {
		i       int
		w       *ropa.Waiver
		expired bool
		used    bool
	}
	byRule := map[string][]*waiver{}
	var all []*waiver
	var meta []Finding
	report := func(rule string, i int, format string, args ...any) {
		c := &Context{Model: m, rule: byID[rule]}
		c.Report(index("waivers", i), format, args...)
		meta = append(meta, c.findings...)
	}
	for i := range m.Waivers {
		w := &m.Waivers[i]
		if _, ok := byID[w.Rule]; !ok || w.Rule == SchemaRule || strings.HasPrefix(w.Rule, "waiver-") {
			msg := "waiver names unknown rule %q"
			if ok {
				msg = "rule %q cannot be waived"
			}
			if s := Suggest(w.Rule); len(s) > 0 && !ok {
				report(WaiverUnknownRule, i, msg+"; did you mean %q?", w.Rule, s[0])
			} else {
				report(WaiverUnknownRule, i, msg, w.Rule)
			}
			continue
		}
		wv := &waiver{i: i, w: w}
		// A waiver naming a former ID of a rule waives the rule's findings.
		rule := byID[w.Rule].ID
		if end, ok := periodEnd(w.Expires); ok && !now.Before(end) {
			wv.expired = true
			report(WaiverExpiredRule, i, "waiver for %s on %q expired on %s (accepted by %s)",
				w.Rule, targetName(w.Target), w.Expires, w.AcceptedBy)
		}
		byRule[rule] = append(byRule[rule], wv)
		all = append(all, wv)
	}
	var res Result
	for _, f := range findings {
		var match *waiver
		for _, wv := range byRule[f.Rule] {
			if !covers(wv.w.Target, f.Path) {
				continue
			}
			wv.used = true
			if !wv.expired && match == nil {
				match = wv
			}
		}
		if match != nil {
			f.Waiver = match.w
			res.Waived = append(res.Waived, f)
			continue
		}
		res.Findings = append(res.Findings, f)
	}
	for _, wv := range all {
		if !wv.used {
			report(WaiverUnusedRule, wv.i, "waiver for %s on %q matches no finding",
				wv.w.Rule, targetName(wv.w.Target))
		}
	}
	res.Findings = append(res.Findings, meta...)
	return res
}

// covers reports whether a waiver target matches a finding path: equal, or
// an ancestor of it. The empty target matches everything.
func covers(target, path string) bool {
	if target == "" || target == path {
		return true
	}
	if !strings.HasPrefix(path, target) {
		return false
	}
	next := path[len(target)]
	return next == '.' || next == '['
}

func targetName(t string) string {
	if t == "" {
		return "(every finding)"
	}
	return t
}

// parseDate parses a schema #Date: YYYY-MM-DD, or YYYY-MM meaning the
// first day of that month.
func parseDate(s string) (time.Time, bool) {
	d, ok := ropa.ParseDate(s)
	return d.Start(), ok
}

// periodEnd returns the first instant after the day (YYYY-MM-DD) or month
// (YYYY-MM) that s names, in UTC: a waiver that expires on a date is still
// good throughout that date.
func periodEnd(s string) (time.Time, bool) {
	d, ok := ropa.ParseDate(s)
	return d.End(), ok
}
