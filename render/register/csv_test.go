package register

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/internal/golden"
)

// parseCSV parses CSV output with encoding/csv.
func parseCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("register.csv does not parse: %v", err)
	}
	return recs
}

func TestCSVGolden(t *testing.T) {
	golden.Check(t, "testdata/register.csv", renderArtifact(t, minimal(t), "register.csv"))
}

func TestCSVShape(t *testing.T) {
	m := minimal(t)
	b := renderArtifact(t, m, "register.csv")
	recs := parseCSV(t, b)
	acts := m.ActivityList()
	if len(recs) != 1+len(acts) {
		t.Fatalf("got %d records, want 1 header + %d activities", len(recs), len(acts))
	}
	if !reflect.DeepEqual(recs[0], ControllerHeadings) {
		t.Errorf("header row = %q\nwant the ICO headings %q", recs[0], ControllerHeadings)
	}
	if len(ControllerHeadings) != 30 {
		t.Errorf("%d headings, want the template's 30", len(ControllerHeadings))
	}
	for i, a := range acts {
		if got := strings.SplitN(recs[i+1][colNumber(t, "Purpose of processing")-1], "\n", 2)[0]; got != a.Name {
			t.Errorf("row %d purpose starts %q, want activity %q (source order)", i+1, got, a.Name)
		}
	}
	if !bytes.HasSuffix(b, []byte("\r\n")) || bytes.Count(b, []byte("\r\n")) < len(recs) {
		t.Errorf("records do not end in CRLF")
	}
	if bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		t.Errorf("CSV starts with a byte-order mark")
	}
}

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"":                           "",
		"plain":                      "plain",
		"=1+1":                       "'=1+1",
		"+1":                         "'+1",
		"-2":                         "'-2",
		"@SUM(A1)":                   "'@SUM(A1)",
		"\tx":                        "'\tx",
		"\rx":                        "'\rx",
		"a=b":                        "a=b",
		"'already":                   "'already",
		`=HYPERLINK("http://x","y")`: `'=HYPERLINK("http://x","y")`,
	} {
		if got := Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

// formulaStart reports whether a spreadsheet could read s as a formula.
func formulaStart(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

func TestCSVNeutralisesFormulas(t *testing.T) {
	m := load(t, edgeModel)
	for _, path := range []string{"register.csv", "processor-register.csv"} {
		recs := parseCSV(t, renderArtifact(t, m, path))
		for i, rec := range recs {
			for j, f := range rec {
				if formulaStart(f) {
					t.Errorf("%s record %d field %d = %q starts like a formula", path, i, j, f)
				}
			}
		}
	}
	recs := parseCSV(t, renderArtifact(t, m, "register.csv"))
	row := recs[1]
	for col, want := range map[int]string{
		1: "Tabbed", // lines are trimmed
		2: "'=HYPERLINK(\"http://x\",\"y\")\n@SUM(A1)",
		4: "'+1 (includes children)",
		5: "'-2\nConvictions (criminal offence data)",
	} {
		if row[col-1] != want {
			t.Errorf("column %d = %q, want %q", col, row[col-1], want)
		}
	}
	pr := parseCSV(t, renderArtifact(t, m, "processor-register.csv"))
	if len(pr) != 2 || pr[1][0] != "'+Client plc\nc@client.example" || pr[1][1] != "'-Payroll" {
		t.Errorf("processor record = %q", pr)
	}
}

func TestCSVLineBreaks(t *testing.T) {
	b := renderArtifact(t, minimal(t), "register.csv")
	if !bytes.Contains(b, []byte("\"Managing your tenancy\nTo let and manage")) {
		t.Errorf("multi-line cell not joined with a bare \\n inside quotes")
	}
	if n, recs := bytes.Count(b, []byte("\r\n")), len(minimal(t).ActivityList())+1; n != recs {
		t.Errorf("%d CRLFs, want one per record (%d)", n, recs)
	}
}
