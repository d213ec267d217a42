package ropa

import "encoding/json"

// UnmarshalJSON decodes an automation block, recording which of decisions
// and profiling it states.
func (a *Automation) UnmarshalJSON(b []byte) error {
	type plain Automation
	if err := json.Unmarshal(b, (*plain)(a)); err != nil {
		return err
	}
	var stated struct {
		Decisions *bool `json:"decisions"`
		Profiling *bool `json:"profiling"`
	}
	if err := json.Unmarshal(b, &stated); err != nil {
		return err
	}
	a.DecisionsStated, a.ProfilingStated = stated.Decisions != nil, stated.Profiling != nil
	return nil
}

// MarshalJSON encodes an automation block with only the answers the model
// states.
func (a Automation) MarshalJSON() ([]byte, error) {
	type plain Automation
	out := struct {
		plain
		// These shadow plain's, so that an unstated answer is left out.
		Decisions *bool `json:"decisions,omitempty"`
		Profiling *bool `json:"profiling,omitempty"`
	}{plain: plain(a)}
	if a.DecisionsStated || a.Decisions {
		out.Decisions = &a.Decisions
	}
	if a.ProfilingStated || a.Profiling {
		out.Profiling = &a.Profiling
	}
	return json.Marshal(out)
}

// NoDecisions reports whether the automation block states that no
// decision is made solely by automated means.
func (a *Automation) NoDecisions() bool { return a != nil && a.DecisionsStated && !a.Decisions }

// NoProfiling reports whether the automation block states that nobody is
// profiled.
func (a *Automation) NoProfiling() bool { return a != nil && a.ProfilingStated && !a.Profiling }
