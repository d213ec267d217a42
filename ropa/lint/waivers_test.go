package lint_test

import (
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/lint"
)

// liNoLIA triggers li-assessment-missing on activities.rent.lawfulBases[0].
var liNoLIA = basis(`{basis: "legitimate-interests", interest: "Fraud prevention"}`)

func waiver(rule, target, expires string) []string {
	t := ""
	if target != "" {
		t = `target: "` + target + `", `
	}
	return []string{"+", `waivers: [{rule: "` + rule + `", ` + t + `reason: "LIA booked", acceptedBy: "DPO", expires: "` + expires + `"}]`}
}

func TestWaiverMatches(t *testing.T) {
	for _, target := range []string{"", "activities.rent", "activities.rent.lawfulBases[0]"} {
		src := edit(t, base, join(liNoLIA, waiver("li-assessment-missing", target, "2026-11-23"))...)
		res := lintSrc(t, src)
		if len(res.Findings) != 0 {
			t.Errorf("target %q: findings %+v, want none", target, res.Findings)
		}
		if len(res.Waived) != 1 || res.Waived[0].Rule != "li-assessment-missing" || res.Waived[0].Waiver == nil ||
			res.Waived[0].Waiver.Reason != "LIA booked" || res.Waived[0].Waiver.AcceptedBy != "DPO" {
			t.Errorf("target %q: waived %+v, want the li-assessment-missing finding", target, res.Waived)
		}
		if res.Fails(lint.Warning) {
			t.Errorf("target %q: waived finding fails the gate", target)
		}
	}
}

func TestWaiverTargetBoundary(t *testing.T) {
	// "activities.ren" is a prefix of the path but not an ancestor.
	src := edit(t, base, join(liNoLIA, waiver("li-assessment-missing", "activities.ren", "2030-01-01"))...)
	res := lintSrc(t, src)
	if len(byRule(res.Findings, "li-assessment-missing")) != 1 || len(res.Waived) != 0 {
		t.Errorf("findings %+v waived %+v: want the finding counted", res.Findings, res.Waived)
	}
	if len(byRule(res.Findings, lint.WaiverUnusedRule)) != 1 {
		t.Errorf("want waiver-unused, got %+v", res.Findings)
	}
}

func TestWaiverExpired(t *testing.T) {
	src := edit(t, base, join(liNoLIA, waiver("li-assessment-missing", "activities.rent", "2026-11-22"))...)
	res := lintSrc(t, src)
	exp := byRule(res.Findings, lint.WaiverExpiredRule)
	if len(exp) != 1 || exp[0].Severity != lint.Error || exp[0].Path != "waivers[0]" {
		t.Fatalf("want one waiver-expired error at waivers[0], got %+v", res.Findings)
	}
	line, col := posOf(t, src, `[|{rule: "li-assessment-missing"`)
	if exp[0].Pos.Line != line || exp[0].Pos.Col != col {
		t.Errorf("waiver-expired at %s, want %d:%d", exp[0].Pos, line, col)
	}
	if len(byRule(res.Findings, "li-assessment-missing")) != 1 || len(res.Waived) != 0 {
		t.Errorf("the expired waiver's finding must count again: %+v", res)
	}
	if len(byRule(res.Findings, lint.WaiverUnusedRule)) != 0 {
		t.Errorf("an expired waiver that matches is not unused: %+v", res.Findings)
	}
}

func TestWaiverUnknownRule(t *testing.T) {
	src := edit(t, base, join(liNoLIA, waiver("li-assesment-missing", "", "2030-01-01"))...)
	res := lintSrc(t, src)
	unk := byRule(res.Findings, lint.WaiverUnknownRule)
	if len(unk) != 1 || unk[0].Severity != lint.Error || !strings.Contains(unk[0].Message, `did you mean "li-assessment-missing"`) {
		t.Fatalf("want waiver-unknown-rule with a suggestion, got %+v", res.Findings)
	}
	if len(byRule(res.Findings, "li-assessment-missing")) != 1 {
		t.Errorf("the finding must still count: %+v", res.Findings)
	}
}

func TestWaiverCannotWaiveEngineRules(t *testing.T) {
	src := edit(t, base, waiver(lint.WaiverUnusedRule, "", "2030-01-01")...)
	res := lintSrc(t, src)
	if len(byRule(res.Findings, lint.WaiverUnknownRule)) != 1 {
		t.Errorf("waiving waiver-unused must be refused, got %+v", res.Findings)
	}
}

func TestWaiverUnused(t *testing.T) {
	src := edit(t, base, waiver("li-assessment-missing", "activities.rent", "2030-01-01")...)
	res := lintSrc(t, src)
	un := byRule(res.Findings, lint.WaiverUnusedRule)
	if len(un) != 1 || un[0].Severity != lint.Warning || un[0].Path != "waivers[0]" {
		t.Fatalf("want one waiver-unused warning, got %+v", res.Findings)
	}
	if res.Fails(lint.Error) || !res.Fails(lint.Warning) {
		t.Errorf("waiver-unused must fail only at warning")
	}
}

// TestNeverPanics runs every rule on degenerate models.
func TestNeverPanics(t *testing.T) {
	lint.Run(nil, lint.Options{})
	lint.Run(&ropa.Model{}, lint.Options{Now: now})
	m := &ropa.Model{
		Activities: map[string]*ropa.Activity{"a": {Keyed: ropa.Keyed{Key: "a"}, CategoryIDs: []string{"x"}, Categories: []*ropa.Category{nil},
			LawfulBases: []ropa.LawfulBasis{{Basis: "consent"}}, RecipientIDs: []string{"r"}, TransferIDs: []string{"t"},
			SubjectIDs: []string{"s"}, Automation: &ropa.Automation{Decisions: true, Significant: true}},
			"nil": nil},
		Notices:    map[string]*ropa.Notice{"n": {Keyed: ropa.Keyed{Key: "n"}}, "nil": nil},
		Transfers:  map[string]*ropa.Transfer{"t": nil},
		Categories: map[string]*ropa.Category{"c": nil},
		Controller: ropa.Controller{DPO: &ropa.DPO{Designated: true},
			JointControllers: map[string]*ropa.JointController{"j": nil, "k": {Keyed: ropa.Keyed{Key: "k"}}}},
		Waivers: []ropa.Waiver{{Rule: "nope"}, {Rule: "dpia-missing", Expires: "bad"}},
		Order: map[string][]string{"activities": {"a", "nil", "gone"}, "notices": {"n", "nil"},
			"transfers": {"t"}, "categories": {"c"}, "controller.jointControllers": {"j", "k"}},
	}
	res := lint.Run(m, lint.Options{Now: now})
	if len(res.Findings) == 0 {
		t.Errorf("degenerate model: want findings")
	}
}

// TestDeterministic runs twice and compares.
func TestDeterministic(t *testing.T) {
	src := edit(t, base, join(health, children, transfer(`country: "India", mechanism: "unspecified"`))...)
	a := lintSrc(t, src)
	for i := 0; i < 5; i++ {
		b := lintSrc(t, src)
		if len(a.Findings) != len(b.Findings) {
			t.Fatalf("run %d: %d findings, want %d", i, len(b.Findings), len(a.Findings))
		}
		for j := range a.Findings {
			if a.Findings[j].Rule != b.Findings[j].Rule || a.Findings[j].Path != b.Findings[j].Path {
				t.Fatalf("run %d: finding %d differs", i, j)
			}
		}
	}
}

// TestMinimalExample: the shipped example has no error-severity findings.
func TestMinimalExample(t *testing.T) {
	m, err := ropa.Load("../../examples/minimal")
	if err != nil {
		t.Fatal(err)
	}
	res := lint.Run(m, lint.Options{Now: now})
	for _, f := range res.Findings {
		if f.Severity == lint.Error {
			t.Errorf("%s: %s %s: %s", f.Pos, f.Severity, f.Rule, f.Message)
		}
	}
}

// TestRuleMetadata checks what every rule tells the user. (A duplicate ID
// cannot get this far: register panics on one while the package is
// initialised, which TestRegisterRejectsDuplicate checks.)
func TestRuleMetadata(t *testing.T) {
	for _, r := range lint.Rules() {
		for i, c := range r.ID {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > 0) {
				t.Errorf("%s: ID is not kebab-case", r.ID)
				break
			}
		}
		if r.Ref == "" || r.Message == "" || strings.Contains(r.Message, "\n") || r.Severity < lint.Info || r.Severity > lint.Error {
			t.Errorf("%s: incomplete metadata", r.ID)
		}
		if !strings.Contains(r.Explain, "Fix") {
			t.Errorf("%s: Explain does not say how to fix", r.ID)
		}
	}
}

// TestWaiverFormerID: a waiver naming a rule's former ID waives the
// rule's findings, and is not reported as unknown or unused.
func TestWaiverFormerID(t *testing.T) {
	src := edit(t, base, `recipients: ["repairs"]`, "recipients: [\"repairs\"]\n\ttransfers: [\"t1\"]",
		"\tnone: [\"transfers\"]\n", "",
		"+", `transfers: t1: {recipient: "repairs", country: "India", mechanism: "idta", safeguardCopy: "Ask"}`,
		"+", `waivers: [{rule: "transfer-risk-assessment-missing", target: "transfers.t1", reason: "In progress", acceptedBy: "DPO", expires: "2027-01-01"}]`)
	res := lintSrc(t, src)
	if len(byRule(res.Waived, "transfer-dp-test-missing")) != 1 {
		t.Errorf("waived %+v, want the transfer-dp-test-missing finding", res.Waived)
	}
	for _, f := range res.Findings {
		if f.Rule == "transfer-dp-test-missing" || f.Rule == lint.WaiverUnknownRule || f.Rule == lint.WaiverUnusedRule {
			t.Errorf("unexpected finding %s: %s", f.Rule, f.Message)
		}
	}
}
