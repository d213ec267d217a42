package ropa

import "encoding/json"

// automationJSON is Automation's JSON shape, with the two answers as
// pointers so that an unstated one stays unknown.
type automationJSON struct {
	Decisions    *bool    `json:"decisions,omitempty"`
	Profiling    *bool    `json:"profiling,omitempty"`
	Description  string   `json:"description,omitempty"`
	Logic        string   `json:"logic,omitempty"`
	Consequences string   `json:"consequences,omitempty"`
	Significant  bool     `json:"significant"`
	Exception    string   `json:"exception,omitempty"`
	Safeguards   []string `json:"safeguards,omitempty"`
}

// UnmarshalJSON decodes an automation block, recording which of decisions
// and profiling it states.
func (a *Automation) UnmarshalJSON(b []byte) error {
	var j automationJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*a = Automation{Description: j.Description, Logic: j.Logic, Consequences: j.Consequences,
		Significant: j.Significant, Exception: j.Exception, Safeguards: j.Safeguards}
	if j.Decisions != nil {
		a.Decisions, a.DecisionsStated = *j.Decisions, true
	}
	if j.Profiling != nil {
		a.Profiling, a.ProfilingStated = *j.Profiling, true
	}
	return nil
}

// MarshalJSON encodes an automation block with only the answers the model
// states.
func (a Automation) MarshalJSON() ([]byte, error) {
	j := automationJSON{Description: a.Description, Logic: a.Logic, Consequences: a.Consequences,
		Significant: a.Significant, Exception: a.Exception, Safeguards: a.Safeguards}
	if a.DecisionsStated || a.Decisions {
		j.Decisions = &a.Decisions
	}
	if a.ProfilingStated || a.Profiling {
		j.Profiling = &a.Profiling
	}
	return json.Marshal(j)
}

// NoDecisions reports whether the automation block states that no
// decision is made solely by automated means.
func (a *Automation) NoDecisions() bool { return a != nil && a.DecisionsStated && !a.Decisions }

// NoProfiling reports whether the automation block states that nobody is
// profiled.
func (a *Automation) NoProfiling() bool { return a != nil && a.ProfilingStated && !a.Profiling }
