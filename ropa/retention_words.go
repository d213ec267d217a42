package ropa

// PeriodWords says in English how long the rule keeps data, as the
// register and the DPV export print it: its period, "up to" its maximum
// or its range ("1 to 6 years"), with "usually " before it when the rule
// is the usual one; "" when the rule gives no length. Notices word it
// through their phrasebook instead.
func (r *Retention) PeriodWords() string {
	var s string
	switch {
	case r.Period != "":
		s = r.Period
	case r.UpTo != "":
		s = "up to " + r.UpTo
	case r.From != "" && r.To != "":
		s = r.From + " to " + r.To
	}
	if s != "" && r.Usually {
		s = "usually " + s
	}
	return s
}
