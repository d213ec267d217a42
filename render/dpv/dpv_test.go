package dpv

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/piprate/json-gold/ld"

	"github.com/ropa-dev/ropa/ropa"
)

// refDir holds the DPV 2.3 Turtle files.
const refDir = "../../../shared/reference/dpv-2.3"

// definedTerms returns every subject IRI the Turtle files define: a
// simple scan of the lines that start a statement.
func definedTerms(t *testing.T) map[string]bool {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(refDir, "*.ttl"))
	if len(files) < 5 {
		t.Skipf("DPV Turtle files not found in %s", refDir)
	}
	out := map[string]bool{}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		prefixes := map[string]string{}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			l := sc.Text()
			if strings.HasPrefix(l, "@prefix ") {
				fs := strings.Fields(l)
				prefixes[strings.TrimSuffix(fs[1], ":")] = strings.Trim(fs[2], "<>")
				continue
			}
			if l == "" || l[0] == ' ' || l[0] == '\t' || l[0] == '#' || l[0] == '@' {
				continue
			}
			subj := strings.Fields(l)[0]
			if p, local, ok := strings.Cut(subj, ":"); ok {
				if ns, ok := prefixes[p]; ok {
					out[ns+local] = true
				}
			}
		}
		f.Close()
	}
	return out
}

func collectIRIs(v any, into map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			into[k] = true
			collectIRIs(e, into)
		}
	case []any:
		for _, e := range x {
			collectIRIs(e, into)
		}
	case string:
		into[x] = true
	}
}

// TestExamples exports every example, expands it as JSON-LD and checks
// that every dpv:, pd:, eu-gdpr:, legal-gb: and loc: IRI it uses is
// defined in DPV 2.3.
func TestExamples(t *testing.T) {
	defined := definedTerms(t)
	dirs, _ := filepath.Glob("../../examples/*/model.cue")
	proc := ld.NewJsonLdProcessor()
	opts := ld.NewJsonLdOptions("")
	for _, d := range dirs {
		dir := filepath.Dir(d)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			m, err := ropa.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			var a, b bytes.Buffer
			if err := JSONLD(&a, m, Options{}); err != nil {
				t.Fatal(err)
			}
			if err := JSONLD(&b, m, Options{}); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatal("output differs between runs")
			}
			var doc any
			if err := json.Unmarshal(a.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			expanded, err := proc.Expand(doc, opts)
			if err != nil {
				t.Fatalf("not valid JSON-LD: %v", err)
			}
			if len(expanded) == 0 {
				t.Fatal("expands to nothing")
			}
			iris := map[string]bool{}
			collectIRIs(expanded, iris)
			used := 0
			for iri := range iris {
				for _, ns := range []string{NSDPV, NSPD, NSGDPR, NSLegalGB, NSLoc} {
					if strings.HasPrefix(iri, ns) {
						used++
						if !defined[iri] {
							t.Errorf("%s is not defined in DPV 2.3", iri)
						}
					}
				}
			}
			if used < 10 {
				t.Errorf("only %d DPV IRIs used", used)
			}
			// Every activity is a dpv:Process.
			n := strings.Count(a.String(), `"dpv:Process"`)
			if n != len(m.Activities) {
				t.Errorf("%d dpv:Process nodes, want %d", n, len(m.Activities))
			}
		})
	}
}

// TestUKOnlyTerms: a UK-only basis or mechanism is the organisation's own
// concept linked to UK law, never an EU term.
func TestUKOnlyTerms(t *testing.T) {
	m, err := ropa.Load("../../examples/minimal")
	if err != nil {
		t.Fatal(err)
	}
	a := m.ActivityList()[0]
	a.LawfulBases = append(a.LawfulBases, ropa.LawfulBasis{Basis: ropa.BasisRecognisedLegitimate})
	var buf bytes.Buffer
	if err := JSONLD(&buf, m, Options{Base: "https://example.org/ropa#"}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`"@id": "ropa:legal-basis/recognised-legitimate-interest"`,
		`"Recognised legitimate interest (UK GDPR Art 6(1)(ea))"`,
		`"@id": "ropa:mechanism/idta"`,
		`"ropa": "https://example.org/ropa#"`,
		`"@id": "legal-gb:law-GDPR"`,
		`"@id": "pd:Health"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	for _, wrong := range []string{"eu-gdpr:A6-1-ea", "eu-gdpr:A46-2-d", "eu-gdpr:AdequacyDecision", "eu-gdpr:A45-3"} {
		if strings.Contains(out, wrong) {
			t.Errorf("output uses the EU term %s for a UK-only concept", wrong)
		}
	}
}
