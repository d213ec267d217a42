package ropa

import (
	"strings"

	"github.com/ropa-dev/ropa/ropa/law"
)

// The things a record, a notice or an activity can declare it does not do,
// in its none list. A notice states a "none" only where the model declares
// it: silence in the record is a finding for the DPO, never a claim to the
// public.
const (
	// NoneRecipients declares that no personal data is disclosed to other
	// organisations.
	NoneRecipients = "recipients"
	// NoneTransfers declares that no personal data is sent outside the UK.
	NoneTransfers = "transfers"
	// NoneAutomatedDecisions declares that no decision is made solely by
	// automated means.
	NoneAutomatedDecisions = "automated-decisions"
	// NoneProfiling declares that nobody is profiled.
	NoneProfiling = "profiling"
)

// NoneKinds lists the values a none list may hold, in the order the schema
// gives them.
var NoneKinds = []string{NoneRecipients, NoneTransfers, NoneAutomatedDecisions, NoneProfiling}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Declaration is where a "none" is declared: the field path of the none
// list that declares it, or "" when nothing does.
type Declaration string

// DeclaresNone reports where activity a, as shown in notice n, is declared
// to involve nothing of the kind: on the activity, on the notice (when n is
// not nil) or for the whole record. It returns "" when nothing declares it.
func (m *Model) DeclaresNone(n *Notice, a *Activity, kind string) Declaration {
	switch {
	case a != nil && has(a.None, kind):
		return Declaration("activities." + a.Key + ".none")
	case n != nil && has(n.None, kind):
		return Declaration("notices." + n.Key + ".none")
	case has(m.None, kind):
		return "none"
	}
	return ""
}

// DeclaresNoneEverywhere reports whether activity a is declared to involve
// nothing of the kind wherever it is shown: on itself, for the whole
// record, or on every notice that shows it (and it is shown in at least
// one).
func (m *Model) DeclaresNoneEverywhere(a *Activity, kind string) bool {
	if m.DeclaresNone(nil, a, kind) != "" {
		return true
	}
	if a == nil || len(a.Notices) == 0 {
		return false
	}
	for _, n := range a.Notices {
		if n == nil || !has(n.None, kind) {
			return false
		}
	}
	return true
}

// Disclosures returns the organisations activity a discloses data to: its
// recipients, then the operators of its schemes and the vendors of its
// systems, each once. The notices and the register list the same.
func (a *Activity) Disclosures() []*Recipient {
	var out []*Recipient
	seen := map[*Recipient]bool{}
	add := func(r *Recipient) {
		if r != nil && !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	for _, r := range a.Recipients {
		add(r)
	}
	for _, s := range a.Schemes {
		if s != nil {
			add(s.Operator)
		}
	}
	for _, s := range a.Systems {
		if s != nil {
			add(s.Vendor)
		}
	}
	return out
}

// RetentionRules returns the activity's own retention rules or, when it
// cites none, the rules of its categories, each once: the rules that
// govern its data, as the register and the exports list them.
func (a *Activity) RetentionRules() []*Retention {
	var out []*Retention
	seen := map[*Retention]bool{}
	add := func(rs []*Retention) {
		for _, r := range rs {
			if r != nil && !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	add(a.Retention)
	if len(out) == 0 {
		for _, c := range a.Categories {
			if c != nil {
				add(c.RetentionRules)
			}
		}
	}
	return out
}

// StatesSharing reports whether the activity records any disclosure: a
// recipient, a data-sharing scheme, or a system whose vendor receives the
// data.
func (a *Activity) StatesSharing() bool {
	return len(a.Recipients) > 0 || len(a.Schemes) > 0 || len(a.Disclosures()) > 0
}

// StatesTransfer reports whether the activity records a transfer abroad:
// a transfer, or an organisation it discloses to whose stated country is
// outside the UK.
func (a *Activity) StatesTransfer() bool {
	if len(a.Transfers) > 0 {
		return true
	}
	for _, r := range a.Disclosures() {
		if CountryStated(r.Country) && !InUK(r.Country) {
			return true
		}
	}
	return false
}

// CountryStated reports whether a country is given at all.
func CountryStated(country string) bool { return strings.TrimSpace(country) != "" }

// InUK reports whether a stated country is the United Kingdom or one of
// its nations. A country that is not stated is not the UK: ropa never
// assumes it.
func InUK(country string) bool { return law.IsUK(country) }
