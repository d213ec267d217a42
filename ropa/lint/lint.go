// Package lint checks a loaded ropa model for legal completeness. Each check
// is a Rule: a small value with a stable kebab-case ID, a severity, the legal
// reference it rests on, a one-line message and a longer explanation of how
// to fix what it finds. Run applies every rule, then the model's waivers, and
// returns the findings in a deterministic order.
package lint

import (
	"fmt"
	"sort"
	"time"

	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/law"
)

// Severity says how much a finding matters. Higher is worse.
type Severity int

// The severities, from least to most serious.
const (
	// Info is advice: nothing is missing that the law requires.
	Info Severity = iota + 1
	// Warning is probably a gap that should be closed or explained.
	Warning
	// Error is a gap the law does not allow; it fails the CI gate.
	Error
)

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity parses "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "info":
		return Info, nil
	case "warning":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Rule is one check.
type Rule struct {
	// ID is the stable kebab-case name used in output and in waivers.
	ID string
	// Severity is the severity of every finding of the rule.
	Severity Severity
	// Ref is the legal reference, e.g. "UK GDPR Art 6(1)".
	Ref string
	// Message is a one-line summary of what the rule looks for.
	Message string
	// Explain says why the rule matters and how to fix a finding, with a
	// CUE snippet.
	Explain string
	// Duty is the controller's duty the rule concerns: notice, record,
	// lawfulness or accountability.
	Duty Duty
	// Since is when the provision the rule rests on took effect,
	// YYYY-MM-DD; the explanation states it. A rule whose provision is
	// not yet in force at the run's clock reports nothing.
	Since string
	// Replaces lists the former IDs of the rule. They stay valid in
	// waivers (which then match this rule's findings) and in ropa explain,
	// and ropa rules lists them as deprecated.
	Replaces []string
	// Check reports the rule's findings through c. It is nil for the rules
	// the engine itself reports (waivers, schema).
	Check func(c *Context)
}

// Duty is the controller's duty a rule and its findings concern.
type Duty = law.Duty

// The duties a rule can concern.
const (
	// DutyNotice is transparency: what the notices tell people (Arts 12-14).
	DutyNotice = law.Notice
	// DutyRecord is the record of processing (Art 30).
	DutyRecord = law.Record
	// DutyLawfulness is lawfulness: bases, conditions, routes (Arts 6, 9, 10, 44A).
	DutyLawfulness = law.Lawfulness
	// DutyAccountability is accountability and security (Arts 5(2), 32, 35, 37).
	DutyAccountability = law.Accountability
)

// ParseDuty parses a duty's name.
func ParseDuty(s string) (Duty, error) {
	for _, d := range law.Duties {
		if string(d) == s {
			return d, nil
		}
	}
	return "", fmt.Errorf("unknown duty %q (want notice, record, lawfulness or accountability)", s)
}

// Filter returns the result with only the findings, counted and waived,
// that concern one of the duties; no duties keeps every finding.
func (r Result) Filter(duties ...Duty) Result {
	if len(duties) == 0 {
		return r
	}
	keep := func(fs []Finding) []Finding {
		var out []Finding
		for _, f := range fs {
			for _, d := range duties {
				if f.Duty == d {
					out = append(out, f)
					break
				}
			}
		}
		return out
	}
	return Result{Findings: keep(r.Findings), Waived: keep(r.Waived)}
}

// Finding is one problem found in a model.
type Finding struct {
	// Rule is the ID of the rule that found it.
	Rule string `json:"rule"`
	// Severity is the rule's severity.
	Severity Severity `json:"-"`
	// Duty is the rule's duty.
	Duty Duty `json:"duty"`
	// Message describes the problem in terms of the entity concerned.
	Message string `json:"message"`
	// Path is the field path of the offending field.
	Path string `json:"path,omitempty"`
	// Pos is where the source declares the field, or its nearest declared
	// ancestor.
	Pos ropa.Pos `json:"-"`
	// Waiver is the waiver that accepts the finding, if any.
	Waiver *ropa.Waiver `json:"-"`
}

// Options configure a run.
type Options struct {
	// Now is the current time; waivers expire and notices go stale
	// relative to it. The zero time means time.Now().
	Now time.Time
	// Notices, when set, tells the rules about a notice's text
	// (notice-long, notice-section-duplicate) what the renderer makes of
	// a notice, which this package cannot work out since it does not
	// import the renderer: `ropa check` passes notice.Facts. It reports
	// false for a notice it cannot plan. When nil those rules find
	// nothing.
	Notices func(m *ropa.Model, n *ropa.Notice) (NoticeFacts, bool)
	// Phrasebooks, when set, tells the rule phrasebook-unreviewed whether
	// the renderer's standard wording in a language has been reviewed:
	// `ropa check` passes a function over notice.Phrasebook. It reports
	// false for a language the renderer has no phrasebook for. When nil
	// the rule finds nothing.
	Phrasebooks func(lang string) (Phrasebook, bool)
}

// Phrasebook is what the renderer says of its standard wording in one
// language.
type Phrasebook struct {
	// Source marks the language the others translate (English).
	Source bool
	// ReviewedBy and Reviewed record who checked the translation, and
	// when; empty while no one has.
	ReviewedBy, Reviewed string
}

// NoticeFacts is what the renderer makes of one notice, for the rules
// about its text.
type NoticeFacts struct {
	// Words is the number of words the notice has as rendered.
	Words int
	// Sections are the notice's sections as planned, in reading order,
	// sub-sections included.
	Sections []SectionFact
}

// SectionFact is one section of a planned notice.
type SectionFact struct {
	// Title is the section's title as the notice shows it.
	Title string
	// Path is the model path of a free section (notices.<k>.sections[i]);
	// empty for a section ropa writes itself.
	Path string
}

// Result is the outcome of a run.
type Result struct {
	// Findings are the findings that count, in order.
	Findings []Finding
	// Waived are the findings that a waiver accepts, in order.
	Waived []Finding
}

// Counts returns the number of counted findings of each severity and of
// waived findings.
func (r Result) Counts() (errors, warnings, infos, waived int) {
	for _, f := range r.Findings {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		case Info:
			infos++
		}
	}
	return errors, warnings, infos, len(r.Waived)
}

// Fails reports whether any counted finding is at or above min. A min of 0
// (no threshold) never fails.
func (r Result) Fails(min Severity) bool {
	if min <= 0 {
		return false
	}
	for _, f := range r.Findings {
		if f.Severity >= min {
			return true
		}
	}
	return false
}

// Context is what a rule's Check sees: the model, the clock, and the way
// to report a finding.
type Context struct {
	// Model is the model being checked. It is never nil.
	Model *ropa.Model
	// Now is the current time.
	Now time.Time

	rule     *Rule
	findings []Finding
	// notices computes, and facts caches, what the renderer makes of
	// each notice.
	notices func(m *ropa.Model, n *ropa.Notice) (NoticeFacts, bool)
	facts   map[*ropa.Notice]*NoticeFacts
	// phrasebooks describes the renderer's phrasebooks; nil when unknown.
	phrasebooks func(lang string) (Phrasebook, bool)
}

// NoticeFacts returns what the renderer makes of notice n, when the run
// was given Options.Notices and the notice can be planned.
func (c *Context) NoticeFacts(n *ropa.Notice) (NoticeFacts, bool) {
	if c.notices == nil || n == nil {
		return NoticeFacts{}, false
	}
	if f, ok := c.facts[n]; ok {
		if f == nil {
			return NoticeFacts{}, false
		}
		return *f, true
	}
	if c.facts == nil {
		c.facts = map[*ropa.Notice]*NoticeFacts{}
	}
	f, ok := c.notices(c.Model, n)
	if !ok {
		c.facts[n] = nil
		return NoticeFacts{}, false
	}
	c.facts[n] = &f
	return f, true
}

// Report records a finding of the running rule at the field path, with a
// message formatted as by fmt.Sprintf.
func (c *Context) Report(path, format string, args ...any) {
	c.findings = append(c.findings, Finding{
		Rule:     c.rule.ID,
		Severity: c.rule.Severity,
		Duty:     c.rule.Duty,
		Message:  fmt.Sprintf(format, args...),
		Path:     path,
		Pos:      c.pos(path),
	})
}

// pos is the position of path or, for a top-level field the user left out
// (such as security), the model's first declared field, so that every
// finding names a file.
func (c *Context) pos(path string) ropa.Pos {
	if p := c.Model.Positions.Of(path); p.IsValid() {
		return p
	}
	return c.Model.Positions.Of("schemaVersion")
}

// Run applies every rule to m, then m's waivers, and returns the findings
// sorted by file, line, column and rule.
func Run(m *ropa.Model, opts Options) Result {
	if m == nil {
		m = &ropa.Model{}
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	c := &Context{Model: m, Now: now, notices: opts.Notices, phrasebooks: opts.Phrasebooks}
	for _, r := range registry {
		if r.Check == nil || !law.InForce(r.Since, now) {
			continue
		}
		c.rule = r
		r.Check(c)
	}
	res := applyWaivers(m, now, c.findings)
	Sort(res.Findings)
	Sort(res.Waived)
	return res
}

// Sort orders findings by file, line, column, rule, path and message.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if c := ropa.ComparePos(a.Pos, b.Pos); c != 0 {
			return c < 0
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Message < b.Message
	})
}

// FromLoadError turns the diagnostics of a model that failed to load into
// findings of the rule "schema", so that every output format can carry them.
func FromLoadError(le *ropa.LoadError) Result {
	var res Result
	if le == nil {
		return res
	}
	for _, d := range le.Diagnostics {
		msg := d.Message
		if d.Hint != "" {
			msg += " (hint: " + d.Hint + ")"
		}
		res.Findings = append(res.Findings, Finding{
			Rule: SchemaRule, Severity: Error, Duty: DutyRecord, Message: msg, Path: d.Path, Pos: d.Pos,
		})
	}
	Sort(res.Findings)
	return res
}
