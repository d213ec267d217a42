package law

// Trigger is a reason a DPIA is required: a case of UK GDPR Art 35(3), or
// one on the ICO's list of processing likely to result in high risk
// (Art 35(4)).
type Trigger struct {
	// Kind is the value of an activity's dpiaTriggers (#DPIATrigger), or
	// for a derived trigger the name the linter gives it.
	Kind string
	// Name says what the processing is, for a message: "systematic
	// monitoring of a publicly accessible area on a large scale".
	Name string
	// Cite is the provision or list that makes it a trigger.
	Cite string
	// Derived is true for a trigger the linter derives from the model's
	// facts; a model states the others in dpiaTriggers.
	Derived bool
}

// ICOList cites the ICO's list of processing that requires a DPIA.
const ICOList = "UK GDPR Art 35(4); ICO list of processing likely to result in high risk"

// Triggers are the DPIA triggers, those of Art 35(3) first.
var Triggers = []Trigger{
	{Kind: "significant-decisions", Name: "systematic and extensive evaluation with significant effects (solely automated significant decisions)", Cite: "UK GDPR Art 35(3)(a)", Derived: true},
	{Kind: "large-scale-special", Name: "special-category or criminal-offence data on a large scale", Cite: "UK GDPR Art 35(3)(b)"},
	{Kind: "public-monitoring", Name: "systematic monitoring of a publicly accessible area on a large scale (e.g. CCTV)", Cite: "UK GDPR Art 35(3)(c)"},
	{Kind: "innovative-technology", Name: "innovative technology, including artificial intelligence", Cite: ICOList},
	{Kind: "large-scale-profiling", Name: "profiling on a large scale", Cite: ICOList},
	{Kind: "biometric", Name: "biometric data to identify people", Cite: ICOList, Derived: true},
	{Kind: "genetic", Name: "genetic data", Cite: ICOList, Derived: true},
	{Kind: "data-matching", Name: "combining, comparing or matching data from several sources", Cite: ICOList},
	{Kind: "invisible-processing", Name: "data not obtained from the person, where telling them is impossible or would take disproportionate effort", Cite: ICOList},
	{Kind: "tracking", Name: "tracking people's location or behaviour", Cite: ICOList},
	{Kind: "children-profiling", Name: "profiling or automated decisions about children", Cite: ICOList, Derived: true},
	{Kind: "vulnerable-people", Name: "data about vulnerable people", Cite: ICOList},
	{Kind: "denial-of-service", Name: "decisions about access to a service, opportunity or benefit", Cite: ICOList},
	{Kind: "physical-harm", Name: "data whose breach could put someone's physical health or safety at risk", Cite: ICOList},
}

// TriggerOf returns the trigger of the kind.
func TriggerOf(kind string) (Trigger, bool) {
	for _, t := range Triggers {
		if t.Kind == kind {
			return t, true
		}
	}
	return Trigger{}, false
}

// Exemption is an exemption from the consent rule of PECR reg 6 for
// storing or accessing information on a user's device, as amended by s.112
// DUAA (in force 5 February 2026).
type Exemption struct {
	// Kind is the value of a cookie's exemption (#CookieExemption).
	Kind string
	// Name is the exemption in words.
	Name string
	// Objection is true when the exemption holds only if the user is given
	// a simple way to object (the cookie's optOut).
	Objection bool
	// Since is when the exemption took effect.
	Since string
}

// Exemptions are the PECR reg 6 exemptions.
var Exemptions = []Exemption{
	{Kind: "communication", Name: "solely to carry out the transmission of a communication", Since: PECRApplied},
	{Kind: "strictly-necessary", Name: "strictly necessary to provide the service the user requested (including security and fraud prevention)", Since: PECRApplied},
	{Kind: "statistical", Name: "statistical information about the service, to improve it", Objection: true, Since: DUAAMain},
	{Kind: "appearance", Name: "adapting the service's appearance or functions to the user's preferences", Objection: true, Since: DUAAMain},
	{Kind: "emergency-assistance", Name: "locating the user when they call for emergency assistance", Since: DUAAMain},
}

// ExemptionOf returns the exemption of the kind.
func ExemptionOf(kind string) (Exemption, bool) {
	for _, e := range Exemptions {
		if e.Kind == kind {
			return e, true
		}
	}
	return Exemption{}, false
}

// NonEssential reports whether a cookie category (#Cookie category) needs
// consent unless an exemption applies: every category but
// "strictly-necessary".
func NonEssential(category string) bool {
	switch category {
	case "functional", "analytics", "advertising":
		return true
	}
	return false
}

// Automated-decision provisions, Arts 22A-22D as substituted by s.80 DUAA.
const (
	// SignificantDecisions is Art 22A: a significant decision based solely
	// on automated processing.
	SignificantDecisions = "UK GDPR Art 22A"
	// SpecialCategoryLimits is Art 22B(1)-(2): such a decision using
	// special-category data needs explicit consent, or contract or law with
	// Art 9(2)(g).
	SpecialCategoryLimits = "UK GDPR Art 22B(1)-(2)"
	// RecognisedInterestBar is Art 22B(3): no such decision may rest on
	// Art 6(1)(ea).
	RecognisedInterestBar = "UK GDPR Art 22B(3)"
	// Safeguards is Art 22C: information, representations, human
	// intervention, contest.
	Safeguards = "UK GDPR Art 22C"
)

// ChildConsentAge is the age from which a child can consent to an
// information society service offered directly to them (UK GDPR Art 8(1)).
const ChildConsentAge = 13
