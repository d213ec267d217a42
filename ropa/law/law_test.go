package law_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/ropa/law"
	"github.com/ropa-dev/ropa/schema"
)

// enum returns the string values of a schema definition or field that is
// a disjunction of literals, e.g. `#Mechanism: "a" | "b"`.
func enum(t *testing.T, decl string) []string {
	t.Helper()
	re := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(decl) + `:\s*("[^\n]*)$`)
	m := re.FindSubmatch(schema.Source)
	if m == nil {
		t.Fatalf("schema has no %s", decl)
	}
	var out []string
	for _, v := range regexp.MustCompile(`"([^"]*)"`).FindAllStringSubmatch(string(m[1]), -1) {
		out = append(out, v[1])
	}
	if len(out) == 0 {
		t.Fatalf("%s has no values", decl)
	}
	return out
}

// TestSchemaValuesHaveLaw holds every value the schema enumerates for the
// law to an entry of this package with a label and a citation.
func TestSchemaValuesHaveLaw(t *testing.T) {
	for _, k := range enum(t, "#LawfulBasisKind") {
		b, ok := law.BasisOf(k)
		if !ok || b.Name == "" || !strings.Contains(b.Cite(), "Art 6(1)(") {
			t.Errorf("lawful basis %q: no label and citation (%+v)", k, b)
		}
	}
	for _, l := range enum(t, "#Article9") {
		c, ok := law.ConditionOf(l)
		if !ok || c.Name == "" || !strings.Contains(c.Cite(), "Art 9(2)(") {
			t.Errorf("Article 9 letter %q: no label and citation", l)
		}
	}
	for _, k := range enum(t, "#Mechanism") {
		m, ok := law.MechanismOf(k)
		if !ok || m.Name == "" || m.Cite == "" || m.Words == "" {
			t.Errorf("mechanism %q: no label, citation and words", k)
		}
	}
	for _, k := range enum(t, "basis") {
		r, ok := law.RouteOf(k)
		if !ok || r.Name == "" || r.Cite == "" {
			t.Errorf("criminal route %q: no label and citation", k)
		}
	}
	for _, k := range enum(t, "#DPIATrigger") {
		tr, ok := law.TriggerOf(k)
		if !ok || tr.Name == "" || tr.Cite == "" || tr.Derived {
			t.Errorf("DPIA trigger %q: no label and citation, or one the linter derives", k)
		}
	}
	for _, k := range enum(t, "#CookieExemption") {
		if e, ok := law.ExemptionOf(k); !ok || e.Name == "" {
			t.Errorf("cookie exemption %q: no label", k)
		}
	}
	// The schedule1 ranges: 1-28 for special conditions, 1-37 for
	// criminal-offence conditions; every paragraph in them is labelled and
	// cited with its Part.
	ranges := regexp.MustCompile(`schedule1\?:\s*int & >=(\d+) & <=(\d+)`).FindAllSubmatch(schema.Source, -1)
	want := []int{law.Schedule1Max, law.CriminalMax}
	if len(ranges) != len(want) {
		t.Fatalf("schema has %d schedule1 ranges, want %d", len(ranges), len(want))
	}
	for i, r := range ranges {
		lo, _ := strconv.Atoi(string(r[1]))
		hi, _ := strconv.Atoi(string(r[2]))
		if lo != 1 || hi != want[i] {
			t.Errorf("schema range %d-%d, want 1-%d", lo, hi, want[i])
		}
		for n := lo; n <= hi; n++ {
			p, ok := law.Schedule1Para(n)
			if !ok || p.Name == "" || p.Part < 1 || p.Part > 3 || !strings.Contains(p.Label(), "Part ") || !strings.Contains(p.Cite(), "Sch 1") {
				t.Errorf("Schedule 1 paragraph %d: no label, Part and citation", n)
			}
		}
	}
}

// TestSchedule1Parts checks the Parts and pairings the law states.
func TestSchedule1Parts(t *testing.T) {
	for part, want := range map[int][2]int{1: {1, 4}, 2: {6, 28}, 3: {29, 37}} {
		if lo, hi := law.PartConditions(part); lo != want[0] || hi != want[1] {
			t.Errorf("Part %d conditions %d-%d, want %d-%d", part, lo, hi, want[0], want[1])
		}
	}
	pairs := []struct {
		letter string
		para   int
		ok     bool
	}{{"b", 1, true}, {"h", 2, true}, {"i", 3, true}, {"j", 4, true}, {"g", 6, true}, {"g", 28, true},
		{"g", 5, false}, {"g", 2, false}, {"h", 4, false}, {"a", 18, false}, {"g", 29, false}}
	for _, p := range pairs {
		if got := law.Pairs(p.letter, p.para); got != p.ok {
			t.Errorf("Pairs(%q, %d) = %v, want %v", p.letter, p.para, got, p.ok)
		}
	}
	for _, c := range law.Conditions {
		if c.Schedule1Part == 1 && !law.Pairs(c.Letter, c.Schedule1) {
			t.Errorf("(%s) does not pair with its paragraph %d", c.Letter, c.Schedule1)
		}
	}
	if a, ok := law.ApprovalFor("The United States"); !ok || a.Scope != law.Certified {
		t.Errorf("United States approval %+v, want certified organisations only", a)
	}
	if a, ok := law.ApprovalFor("Canada"); !ok || !a.Partial() {
		t.Errorf("Canada approval %+v, want partial", a)
	}
	if _, ok := law.ApprovalFor("India"); ok {
		t.Error("India is not approved")
	}
}

// lawTokens are values that only the law package may spell out in a
// string literal: mechanism names, and the names of approved countries.
func lawTokens() map[string]bool {
	out := map[string]bool{}
	for _, m := range law.Mechanisms {
		// "derogation", "other" and "unspecified" are also plain words
		// (and phrase placeholders); the rest are the law's own names.
		if !m.Derogation && m.Kind != "other" && !m.Unknown {
			out[m.Kind] = true
		}
	}
	for _, a := range law.Approvals {
		out[strings.ToLower(a.Country)] = true
		for _, al := range a.Aliases {
			if len(al) > 3 {
				out[al] = true
			}
		}
	}
	return out
}

// TestNoStrayLawTables reads every Go source file outside ropa/law (tests
// excepted) and fails on a table of the law spelt out there: a map literal
// keyed by Article 9 letters or by Schedule 1 paragraph numbers, a
// composite literal holding a mechanism name or an approved country, or
// any string literal naming a transfer mechanism or an approved country.
func TestNoStrayLawTables(t *testing.T) {
	root := filepath.Join("..", "..")
	tokens := lawTokens()
	letter := regexp.MustCompile(`^"[a-j]"$`)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			switch rel {
			case filepath.Join("ropa", "law"), "testdata", ".git":
				return filepath.SkipDir
			}
			if strings.HasPrefix(d.Name(), ".") && rel != "." {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if mt, ok := n.Type.(*ast.MapType); ok {
					letters, paras := 0, 0
					for _, e := range n.Elts {
						kv, ok := e.(*ast.KeyValueExpr)
						if !ok {
							continue
						}
						if bl, ok := kv.Key.(*ast.BasicLit); ok {
							if bl.Kind == token.STRING && letter.MatchString(bl.Value) {
								letters++
							}
							if bl.Kind == token.INT {
								paras++
							}
						}
					}
					if letters >= 3 || (paras >= 3 && isInt(mt.Key)) {
						t.Errorf("%s: a map keyed by Article 9 letters or Schedule 1 paragraphs: use ropa/law", fset.Position(n.Pos()))
					}
				}
			case *ast.BasicLit:
				if n.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(n.Value)
				if err == nil && tokens[strings.ToLower(strings.TrimSpace(s))] {
					t.Errorf("%s: %s is spelt out outside ropa/law", fset.Position(n.Pos()), n.Value)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func isInt(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "int"
}
