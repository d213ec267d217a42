package examples_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/render"
	"github.com/ropa-dev/ropa/render/notice"
	"github.com/ropa-dev/ropa/render/register"
	"github.com/ropa-dev/ropa/ropa"
)

// silentDir is a record silent on everything a notice must not guess: see
// its model.cue.
const silentDir = "../testdata/silent"

// factsDir is a record that states laws, sub-processors, exemptions,
// headings, optional data, retention maxima and ranges, channels and
// reviews: see its model.cue.
const factsDir = "../testdata/facts"

// declarations turn the silent record's silences into explicit "none"s,
// activity by activity (one of them does share, with a processor).
const declarations = `package silent

activities: letting: none: ["recipients", "transfers", "automated-decisions", "profiling"]
activities: support: none: ["transfers", "automated-decisions", "profiling"]
`

// silentClaims are statements that earlier versions made up when the
// record was silent, each with the text that gave it away. None may come
// back on silence, in any format of the notice or the register.
var silentClaims = []struct{ claim, text string }{
	{"nothing is shared", "We do not share your information with other organisations"},
	{"nothing leaves the UK", "We do not send your information outside the UK"},
	{"a guess at transfers", "may be processed outside the UK"},
	{"no automated decisions", "We do not make decisions about you based solely on automated processing"},
	{"no profiling", "use your information for profiling."},
	{"processors under contract", "under a contract"},
	{"interests weighed", "We have weighed these interests"},
	{"a retention policy", "Our retention policy"},
	{"kept only as long as needed", "only for as long as we need it"},
	{"a Data Protection Officer", "and our Data Protection Officer"},
	{"a Data Protection Officer", "Our Data Protection Officer"},
	{"a pointer to conditions not shown", "as explained in"},
	{"special data used lawfully", "We use it only when the law"},
	{"a date", "last updated"},
	{"a version", "This is version"},
	{"an issue date", "first issued"},
	{"a review", "We reviewed it on"},
	{"a next review", "We will next review it"},
	{"regular review", "We review this notice regularly"},
	{"sharing kept to need", "only when we need to"},
	{"protection abroad", "we make sure it stays protected"},
	{"recipients' own notices", "as explained in their own privacy notices"},
	{"the website's cookies", "Keeps you signed in"},
	{"no contract, in the register", "no contract recorded"},
	{"a derogation ground, in the register", "ground not recorded"},
	{"a list of laws", "The laws we rely on"},
	{"laws listed elsewhere", "listed below this table"},
	{"an Article 14(5) exemption", "Article 14(5)"},
	{"a way of collecting data", "We collect it by"},
	{"optional data", "You can choose whether to give us"},
	{"sub-processors", "sub-processor"},
	{"a maximum period", "no longer than"},
	{"a usual period", "usually 6 years"},
	{"accountability columns", "Information asset owner"},
	{"a review cycle", "reviewed every"},
	{"direct marketing, by stating the right to object to it", "using your information for direct marketing"},
}

// renderAll renders the notices and the register of m in every format and
// returns each file's text as a reader gets it.
func renderAll(t *testing.T, m *ropa.Model) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, p := range []render.Producer{notice.Producer, register.Producer} {
		arts, err := p.Artifacts(m, render.Options{})
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		for _, a := range arts {
			var buf bytes.Buffer
			if err := a.Write(&buf); err != nil {
				t.Fatalf("%s: %v", a.Path, err)
			}
			switch {
			case strings.HasSuffix(a.Path, ".html"):
				out[a.Path] = htmlText(t, buf.Bytes())
			case strings.HasSuffix(a.Path, ".md"):
				out[a.Path] = markdownText(t, buf.Bytes())
			case strings.HasSuffix(a.Path, ".pdf"):
				out[a.Path] = pdfText(t, buf.Bytes())
			case strings.HasSuffix(a.Path, ".csv"):
				out[a.Path] = buf.String()
			}
		}
	}
	return out
}

// TestSilentRecordClaimsNothing holds every format of the silent record's
// notice and register to none of the claims earlier versions made up.
func TestSilentRecordClaimsNothing(t *testing.T) {
	m, err := ropa.Load(silentDir)
	if err != nil {
		t.Fatal(err)
	}
	texts := renderAll(t, m)
	if len(texts) < 8 {
		t.Fatalf("rendered %d files, want the notice and register in every format", len(texts))
	}
	for path, text := range texts {
		flat := collapse(text)
		for _, c := range silentClaims {
			if strings.Contains(flat, c.text) || strings.Contains(squeeze(text), squeeze(c.text)) {
				t.Errorf("%s claims %s (%q) on a silent record", path, c.claim, c.text)
			}
		}
	}
	// The register leaves what nothing records empty, never "No".
	rows := registerRows(t, m)
	for _, col := range []string{
		"Has a personal data breach occurred?",
		"Data Protection Impact Assessment required?",
		"Existence of automated decision-making, including profiling (if applicable)",
		"Names of third countries or international organisations that personal data are transferred to (if applicable)",
		"Link to contract with processor",
	} {
		for key, row := range rows {
			if v := row[col]; v != "" {
				t.Errorf("register %s, %q = %q on a silent record, want empty", key, col, v)
			}
		}
	}
}

// TestDeclaredRecordSaysNone checks that the declarations that answer the
// silences put the "none" statements into the notice and the register.
func TestDeclaredRecordSaysNone(t *testing.T) {
	m := loadWithDeclarations(t)
	texts := renderAll(t, m)
	for _, path := range []string{"tenants.html", "tenants.fragment.html", "tenants.md", "tenants.pdf"} {
		text := squeeze(texts[path])
		for _, key := range []string{"transfers.none", "automation.none"} {
			want, _ := notice.DefaultPhrase(key)
			if !strings.Contains(text, squeeze(want)) {
				t.Errorf("%s lacks the declared %s: %q", path, key, want)
			}
		}
	}
	rows := registerRows(t, m)
	if got := rows["letting"]["Categories of recipients"]; got != "None" {
		t.Errorf("register letting recipients = %q, want None (declared)", got)
	}
	if got := rows["support"]["Existence of automated decision-making, including profiling (if applicable)"]; got != "No" {
		t.Errorf("register support automation = %q, want No (declared)", got)
	}
}

func loadWithDeclarations(t *testing.T) *ropa.Model {
	t.Helper()
	files, err := ropa.ReadDir(silentDir)
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, ropa.File{Name: "declare.cue", Data: []byte(declarations)})
	m, err := ropa.LoadFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// registerRows returns the register's CSV rows keyed by activity key, each
// a map from heading to cell.
func registerRows(t *testing.T, m *ropa.Model) map[string]map[string]string {
	t.Helper()
	var buf bytes.Buffer
	if err := register.CSV(&buf, m); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]string{}
	acts := m.ActivityList()
	for i, rec := range recs[1:] {
		row := map[string]string{}
		for j, h := range recs[0] {
			if j < len(rec) {
				row[h] = rec[j]
			}
		}
		out[acts[i].Key] = row
	}
	return out
}

// TestFactsRecordStatesThem checks the other side of the claims the
// silent record must not make about laws, exemptions, channels, optional
// data, sub-processors, periods and reviews: a record that states them
// gets them said, in some output.
func TestFactsRecordStatesThem(t *testing.T) {
	m, err := ropa.Load(factsDir)
	if err != nil {
		t.Fatal(err)
	}
	texts := renderAll(t, m)
	for _, c := range silentClaims {
		switch c.claim {
		case "a list of laws", "laws listed elsewhere", "an Article 14(5) exemption", "a way of collecting data",
			"optional data", "sub-processors", "a maximum period", "a usual period", "accountability columns", "a review cycle":
		default:
			continue
		}
		found := false
		for _, text := range texts {
			found = found || strings.Contains(collapse(text), c.text)
		}
		if !found {
			t.Errorf("no output of the facts record states %s (%q)", c.claim, c.text)
		}
	}
}
