package examples_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ropa-dev/ropa/internal/golden"
	"github.com/ropa-dev/ropa/render/notice"
	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/lint"
)

// lintNow is the fixed clock the examples are linted against, so that the
// notice-stale findings and waiver expiry do not change with the date.
var lintNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// headline is a finding an example must have: the rule and the field path
// it is reported at.
type headline struct {
	rule, path string
}

// findingsCase is what the linter must find in one example.
type findingsCase struct {
	dir                             string
	errors, warnings, infos, waived int
	headlines                       []headline
}

var findingsCases = []findingsCase{
	{
		dir: "minimal", errors: 0, warnings: 3, infos: 2,
		headlines: []headline{
			{"transfer-dp-test-missing", "transfers.surveys"},
		},
	},
	{
		// Every text is translated; the Welsh standard wording awaits a
		// fluent speaker's review.
		dir: "cymru", errors: 0, warnings: 1, infos: 1,
		headlines: []headline{
			{"phrasebook-unreviewed", "notices.tenants.languages[0]"},
		},
	},
	{
		// The page states no lawful basis, retention or contact anywhere.
		dir: "nhg", errors: 14, warnings: 5, infos: 2,
		headlines: []headline{
			{"lawful-basis-missing", "activities.targeting.lawfulBases"},
			{"retention-missing", "activities.targeting"},
			{"controller-contact-missing", "controller"},
			{"recipient-country-missing", "recipients.mailchimp"},
		},
	},
	{
		// A 2018 notice: Article 9(2)(g) without its Schedule 1 paragraph,
		// criminal-offence data without an Article 10 route.
		dir: "whg", errors: 105, warnings: 15, infos: 5,
		headlines: []headline{
			{"schedule1-part2-missing", "activities.support.specialConditions[0]"},
			{"criminal-condition-missing", "activities.fraud.categories[3]"},
			{"lawful-basis-missing", "activities.cctv.lawfulBases"},
			{"notice-stale", "notices.customers.lastUpdated"},
		},
	},
	{
		// Health and disability data for support, and the race, religion,
		// sex life and sexual orientation data the notice lists as collected,
		// without an Article 9 condition; fraud and CCTV data without an
		// Article 10 route.
		dir: "homegroup", errors: 56, warnings: 28, infos: 3,
		headlines: []headline{
			{"special-condition-missing", "activities.support.categories[3]"},
			{"criminal-condition-missing", "activities.fraud-prevention.categories[3]"},
			{"lawful-basis-missing", "activities.rental-exchange.lawfulBases"},
			{"notice-stale", "notices.customers.lastUpdated"},
		},
	},
	{
		// Survey Monkey is still sent data under the invalidated Privacy Shield.
		dir: "connect", errors: 68, warnings: 36, infos: 3,
		headlines: []headline{
			{"transfer-privacy-shield", "transfers.surveymonkey.mechanism"},
			{"profiling-undescribed", "activities.segmentation.automation"},
			{"li-interest-missing", "activities.cctv.lawfulBases[0]"},
			{"dpo-missing", "controller"},
		},
	},
	{
		// A free section repeats the title of a standard one.
		dir: "nph", errors: 54, warnings: 14, infos: 3,
		headlines: []headline{
			{"notice-section-duplicate", "notices.customers.sections[6].title"},
			{"notice-long", "notices.customers"},
			{"criminal-condition-missing", "activities.nfi.categories[3]"},
			{"profiling-undescribed", "activities.profiling.automation"},
			{"schedule1-part1-missing", "activities.tenancy.specialConditions[3]"},
		},
	},
	{
		// A truncated copy: ethnicity, filed with gender and language under
		// a heading that calls the special category data "(health)", has no
		// Article 9 condition; a public authority names no DPO.
		dir: "gp", errors: 15, warnings: 4, infos: 1,
		headlines: []headline{
			{"special-condition-missing", "activities.direct-care.categories[4]"},
			{"lawful-basis-missing", "activities.direct-care.lawfulBases"},
			{"dpo-required", "controller"},
		},
	},
	{
		// Lawful bases by letters the purposes do not carry: the bullet no
		// letter reaches has no basis; ethnicity and medical data have no
		// Article 9 condition in the copy.
		dir: "school", errors: 38, warnings: 10, infos: 1,
		headlines: []headline{
			{"lawful-basis-missing", "activities.data-sharing-law.lawfulBases"},
			{"special-condition-missing", "activities.safety.categories[8]"},
			{"children-notice-mismatch", "activities.learning.audiences[0]"},
		},
	},
	{
		// "Not applicable" answers computer decisions and transfers, but
		// not profiling; a public authority with no DPO, no data categories
		// and no retention; laws "including but not limited to" these, and
		// "legal obligation or public task" on every purpose.
		dir: "council", errors: 22, warnings: 17, infos: 1,
		headlines: []headline{
			{"automation-statement-missing", "activities.statutory"},
			{"lawful-basis-undecided", "activities.statutory.eitherBasis"},
			{"laws-list-incomplete", "notices.revenues-benefits.lawsIncomplete"},
			{"dpo-required", "controller"},
			{"retention-missing", "activities.crime"},
			{"processor-contract-missing", "recipients.contractors"},
		},
	},
}

// TestFindings lints every example with a fixed clock and compares the
// findings with testdata/<example>.findings.txt, then checks the counts by
// severity and the headline findings the example exists to show.
func TestFindings(t *testing.T) {
	for _, tc := range findingsCases {
		t.Run(tc.dir, func(t *testing.T) {
			m, err := ropa.Load(tc.dir)
			if err != nil {
				t.Fatalf("Load(%s): %v", tc.dir, err)
			}
			res := lint.Run(m, lint.Options{Now: lintNow, Notices: notice.Facts, Phrasebooks: notice.PhrasebookFacts})
			// ROPA_UPDATE=1 go test ./examples -run TestFindings rewrites the file.
			golden.Check(t, filepath.Join("testdata", tc.dir+".findings.txt"), []byte(formatFindings(res)))

			e, w, i, wv := res.Counts()
			if got, want := [4]int{e, w, i, wv}, [4]int{tc.errors, tc.warnings, tc.infos, tc.waived}; got != want {
				t.Errorf("errors, warnings, info, waived: got %v, want %v", got, want)
			}
			for _, h := range tc.headlines {
				if !hasFinding(res.Findings, h) {
					t.Errorf("missing headline finding %s at %s", h.rule, h.path)
				}
			}
		})
	}
}

func hasFinding(fs []lint.Finding, h headline) bool {
	for _, f := range fs {
		if f.Rule == h.rule && f.Path == h.path {
			return true
		}
	}
	return false
}

// formatFindings writes one line a finding, `file:line:col severity
// rule-id: message`, with the file relative to the examples directory;
// waived findings follow, marked "waived" with the waiver's reason.
func formatFindings(res lint.Result) string {
	var b strings.Builder
	for _, f := range res.Findings {
		fmt.Fprintf(&b, "%s %s %s: %s\n", findingPos(f), f.Severity, f.Rule, f.Message)
	}
	for _, f := range res.Waived {
		fmt.Fprintf(&b, "%s waived %s %s: %s (waived: %s)\n", findingPos(f), f.Severity, f.Rule, f.Message, f.Waiver.Reason)
	}
	return b.String()
}

// findingPos is file:line:col with the file made relative and slashed, so
// that the golden files do not depend on the machine.
func findingPos(f lint.Finding) string {
	p := f.Pos
	p.File = filepath.ToSlash(filepath.Clean(p.File))
	if p.File == "." {
		p.File = ""
	}
	if !p.IsValid() {
		return p.File + ":" + f.Path
	}
	return p.String()
}

func TestFormatFindings(t *testing.T) {
	pos := ropa.Pos{File: "demo/model.cue", Line: 3, Col: 2}
	res := lint.Result{
		Findings: []lint.Finding{{Rule: "dpo-missing", Severity: lint.Info, Message: "no DPO", Path: "controller", Pos: pos}},
		Waived: []lint.Finding{{Rule: "notice-stale", Severity: lint.Info, Message: "old", Path: "notices.x", Pos: pos,
			Waiver: &ropa.Waiver{Reason: "kept as published"}}},
	}
	want := "demo/model.cue:3:2 info dpo-missing: no DPO\n" +
		"demo/model.cue:3:2 waived info notice-stale: old (waived: kept as published)\n"
	if got := formatFindings(res); got != want {
		t.Errorf("formatFindings:\n got %q\nwant %q", got, want)
	}
}
