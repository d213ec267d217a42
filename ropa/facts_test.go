package ropa_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ropa-dev/ropa/ropa"
)

// facts adds to base the facts real notices state: laws cited by a basis
// and an exemption, sub-processors, channels, an Article 14(5) exemption,
// a category heading and optionality, retention periods as a maximum, a
// usual period and a range, and the accountability fields.
const facts = `
laws: {
	housing: {name: "Housing Act 1996", section: "Part 7", url: "https://www.legislation.gov.uk/ukpga/1996/52/part/7"}
	localism: name: "Localism Act 2011"
}
recipients: {
	host: {name: "Host Ltd", role: "processor"}
	backup: {name: "Backup Ltd", role: "processor"}
}
recipients: it: subprocessors: ["host"]
recipients: host: subprocessors: ["backup"]
sources: council: {name: "The council", kind: "third-party", channels: ["email", "letter"],
	exemption: {ground: "required-by-law", law: "localism"}}
categories: contact: {heading: "Your details", optional: true, optionalConsequence: "We cannot text you."}
retention: {
	calls: {name: "Call recordings", upTo: "90 days"}
	files: {name: "Files", period: "6 years", usually: true}
	cases: {name: "Cases", from: "2 years", to: "6 years"}
}
reviewInterval: "12 months"
activities: serve: {
	sources: ["council"]
	channels: ["telephone", "in-person"]
	exemption: {ground: "disproportionate-effort", published: "https://t.example/privacy"}
	lawfulBases: [{basis: "public-task", laws: ["housing", "localism"]}]
	retention: ["calls", "files", "cases"]
	owner: "Head of Housing"
	lastReviewed: "2025-03-01"
}
`

func TestLoadFacts(t *testing.T) {
	m, err := load(strings.Replace(base, `lawfulBases: [{basis: "contract"}]`, "", 1) + facts)
	if err != nil {
		t.Fatal(err)
	}
	a := m.Activities["serve"]
	if got := a.LawfulBases[0].Laws; len(got) != 2 || got[0] != m.Laws["housing"] || got[1].Title() != "Localism Act 2011" {
		t.Errorf("basis laws = %v", got)
	}
	if m.Laws["housing"].Title() != "Housing Act 1996, Part 7" {
		t.Errorf("law title = %q", m.Laws["housing"].Title())
	}
	if !m.Referenced("laws", "housing") || !m.Referenced("laws", "localism") {
		t.Error("laws cited by a basis or an exemption are not marked referenced")
	}
	src := m.Sources["council"]
	if src.Exemption.Law != m.Laws["localism"] || src.Exemption.Letter() != "c" {
		t.Errorf("source exemption = %+v", src.Exemption)
	}
	if strings.Join(src.Channels, ",") != "email,letter" || strings.Join(a.Channels, ",") != "telephone,in-person" {
		t.Errorf("channels = %v, %v", src.Channels, a.Channels)
	}
	if a.Exemption.Letter() != "b" || a.Exemption.Published == "" {
		t.Errorf("activity exemption = %+v", a.Exemption)
	}
	it := m.Recipients["it"]
	if len(it.Subprocessors) != 1 || it.Subprocessors[0] != m.Recipients["host"] {
		t.Errorf("sub-processors = %v", it.Subprocessors)
	}
	var tree []string
	for _, r := range it.SubprocessorTree() {
		tree = append(tree, r.Key)
	}
	if strings.Join(tree, ",") != "host,backup" {
		t.Errorf("sub-processor tree = %v, want host,backup", tree)
	}
	if !m.Referenced("recipients", "backup") {
		t.Error("a sub-processor is not marked referenced")
	}
	c := m.Categories["contact"]
	if c.Heading != "Your details" || !c.Optional || c.OptionalConsequence == "" {
		t.Errorf("category = %+v", c)
	}
	r := m.Retention
	if r["calls"].UpTo != "90 days" || !r["files"].Usually || r["cases"].From != "2 years" || r["cases"].To != "6 years" {
		t.Errorf("retention = %+v %+v %+v", r["calls"], r["files"], r["cases"])
	}
	if m.ReviewInterval != "12 months" || a.Owner != "Head of Housing" || a.LastReviewed != "2025-03-01" {
		t.Errorf("accountability = %q %q %q", m.ReviewInterval, a.Owner, a.LastReviewed)
	}
	if got := m.Positions.Of("laws.housing.url"); !got.IsValid() {
		t.Error("no position for laws.housing.url")
	}
}

// TestLoadFactsErrors holds the facts to what they can mean: a reference
// to an unknown law, a sub-processor that is its processor or leads back to
// it, a range with one end or the wrong way round, two periods in one rule,
// usually with no period, and a review date no calendar has.
func TestLoadFactsErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"unknown law", `laws: h: name: "H"
activities: serve: lawfulBases: [{basis: "contract", laws: ["hosing"]}]`, `unknown law "hosing"`},
		{"unknown exemption law", `laws: h: name: "H"
sources: s: {name: "S", kind: "third-party", exemption: {ground: "required-by-law", law: "x"}}
activities: serve: sources: ["s"]`, `unknown law "x"`},
		{"self sub-processor", `recipients: it: subprocessors: ["it"]`, `recipient "it" lists itself as a sub-processor`},
		{"cycle", `recipients: {a: {name: "A", role: "processor", subprocessors: ["b"]}, b: {name: "B", role: "processor", subprocessors: ["it"]}}
recipients: it: subprocessors: ["a"]`, `sub-processors form a cycle: it → a → b → it`},
		{"unknown sub-processor", `recipients: it: subprocessors: ["nobody"]`, `unknown recipient "nobody"`},
		{"from alone", `retention: r: {name: "R", from: "2 years"}`, `gives from without to`},
		{"to alone", `retention: r: {name: "R", to: "2 years"}`, `gives to without from`},
		{"backwards", `retention: r: {name: "R", from: "2 years", to: "18 months"}`, `from (2 years) is not shorter than to (18 months)`},
		{"two periods", `retention: r: {name: "R", period: "2 years", upTo: "3 years"}`, `more than one of period, upTo and from/to`},
		{"usually alone", `retention: r: {name: "R", criteria: "While needed", usually: true}`, `says usually, but gives no period`},
		{"bad review date", `activities: serve: lastReviewed: "2025-02-30"`, `"2025-02-30" is not a calendar date`},
		{"bad channel", `activities: serve: channels: ["pigeon"]`, `pigeon`},
		{"bad ground", `activities: serve: exemption: ground: "too-busy"`, `too-busy`},
		{"bad interval", `reviewInterval: "a year"`, `reviewInterval`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := load(base + tc.src + "\n")
			var le *ropa.LoadError
			if !errors.As(err, &le) {
				t.Fatalf("err = %v, want a LoadError", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v\nwant it to say %q", err, tc.want)
			}
		})
	}
}

func TestParseDuration(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"6 years", "6 years", true}, {"1 month", "1 month", true}, {"30 days", "30 days", true},
		{"2 weeks", "2 weeks", true}, {"0 days", "", false}, {"six years", "", false}, {"6 decades", "", false},
	} {
		d, ok := ropa.ParseDuration(tc.in)
		if ok != tc.ok || (ok && d.String() != tc.want) {
			t.Errorf("ParseDuration(%q) = %v, %v; want %q, %v", tc.in, d, ok, tc.want, tc.ok)
		}
	}
	d, _ := ropa.ParseDuration("12 months")
	start := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	if got := d.AddTo(start); !got.Equal(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("12 months after %v = %v", start, got)
	}
	y, _ := ropa.ParseDuration("1 year")
	if d.Days() != y.Days() {
		t.Errorf("12 months = %v days, 1 year = %v", d.Days(), y.Days())
	}
}
