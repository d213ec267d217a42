package notice

import (
	"github.com/ropa-dev/ropa/ropa"
)

// rightSet is the set of data-subject rights a notice describes, derived
// by ropa.RightsOfAll from the lawful bases of its activities, the same
// derivation the register uses.
type rightSet ropa.Rights

// deriveRights returns the rights that the given activities' lawful bases
// and conditions bring.
func deriveRights(acts []*ropa.Activity) rightSet {
	return rightSet(ropa.RightsOfAll(acts))
}

// keys lists the rights in the order a notice presents them.
func (r rightSet) keys() []string {
	out := []string{"access", "rectification"}
	if r.Erasure {
		out = append(out, "erasure")
	}
	out = append(out, "restriction")
	if r.Portability {
		out = append(out, "portability")
	}
	if r.Automated {
		out = append(out, "automated")
	}
	if r.WithdrawConsent {
		out = append(out, "withdraw-consent")
	}
	if r.Object {
		out = append(out, "object")
	}
	if r.ObjectResearch {
		out = append(out, "object-research")
	}
	return out
}
