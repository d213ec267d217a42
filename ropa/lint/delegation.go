package lint

import "github.com/ropa-dev/ropa/ropa"

// noneTopic is the notice section (render/notice section ID) that states
// each kind of none declaration.
var noneTopic = map[string]string{
	ropa.NoneRecipients:         "sharing",
	ropa.NoneTransfers:          "transfers",
	ropa.NoneAutomatedDecisions: "automated-decisions",
	ropa.NoneProfiling:          "automated-decisions",
}

// answeredIn reports whether notice n answers, for activity a, the
// question a none declaration of kind answers: a declaration covers a in
// n, or n hands the topic to a notice that holds it or to a page. A
// delegated topic counts as given when the target holds it: a page is
// taken to, and a notice does when one of its activities states the fact
// (states) or a declaration of the kind covers one of them, following the
// target's own delegation of the topic.
func answeredIn(m *ropa.Model, n *ropa.Notice, a *ropa.Activity, kind string, states func(*ropa.Activity) bool) bool {
	if m.DeclaresNone(n, a, kind) != "" {
		return true
	}
	topic := noticeTopic(kind)
	seen := map[*ropa.Notice]bool{n: true}
	for d := n.Delegation(topic); d != nil; {
		t := d.Notice
		if t == nil {
			return d.URL != ""
		}
		if seen[t] {
			return false
		}
		seen[t] = true
		if next := t.Delegation(topic); next != nil {
			d = next
			continue
		}
		for _, ta := range m.ActivitiesFor(t) {
			if states(ta) || m.DeclaresNone(t, ta, kind) != "" {
				return true
			}
		}
		return false
	}
	return false
}

func noticeTopic(kind string) string { return noneTopic[kind] }

// unanswered returns the keys of the notices showing a that do not answer
// for it the question a none declaration of kind answers (answeredIn).
func unanswered(m *ropa.Model, a *ropa.Activity, kind string, states func(*ropa.Activity) bool) []string {
	var out []string
	for _, n := range shownIn(a) {
		if !answeredIn(m, n, a, kind, states) {
			out = append(out, n.Key)
		}
	}
	return out
}
