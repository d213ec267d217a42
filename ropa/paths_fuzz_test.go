package ropa

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// The loader has three routes from CUE to a Model: the fast path reading
// plain data from the syntax (plainJSON), the fast path exporting the
// evaluated value (exportOnly), and the path that reports problems and
// decodes the unified value (slowPathOnly). FuzzLoadPaths holds all three
// to the same Model on random valid models; BenchmarkLoadPaths is why the
// fast routes are kept.

// genModel builds a valid model from the bytes of data: which optional
// fields each entity has, how many entities there are, whether values are
// written as plain data or through hidden fields, `&` and expressions, and
// how the declarations are spread over files.
func genModel(data []byte) []File {
	g := &gen{data: data}
	var decls []string
	add := func(format string, args ...any) { decls = append(decls, fmt.Sprintf(format, args...)) }

	add(`schemaVersion: "1"`)
	add(`controller: name: %s`, g.text("Org Ltd"))
	if g.bit() {
		add(`controller: dpo: {designated: %v, email: "dpo@org.example"}`, g.bit())
	}
	if g.bit() {
		add(`controller: jointControllers: partner: {name: "Partner", arrangement: "We share a list."}`)
	}
	nNotices := 1 + g.n(2)
	for i := range nNotices {
		n := fmt.Sprintf(`notices: n%d: {title: %s`, i, g.text("Notice"))
		if g.bit() {
			n += `, version: "2"`
		}
		if g.bit() {
			n += `, lastUpdated: "2025-0` + fmt.Sprint(1+g.n(9)) + `"`
		}
		if g.bit() {
			n += `, none: ["transfers"]`
		}
		add("%s}", n)
	}
	add(`subjects: s: {name: "Tenants", children: %v}`, g.bit())
	nCats := 1 + g.n(3)
	for i := range nCats {
		c := fmt.Sprintf(`categories: c%d: {name: %s`, i, g.text("Data"))
		if g.bit() {
			c += `, special: "health"`
		}
		if g.bit() {
			c += `, retention: ["r"]`
		}
		add("%s}", c)
	}
	add(`retention: r: {name: "Records", period: "6 years"%s}`, g.pick(``, `, action: "delete"`, `, criteria: "While needed"`))
	add(`recipients: p: {name: "Processor", role: "processor"%s}`, g.pick(``, `, country: "United States"`, `, contract: "DPA-1", country: "United Kingdom"`))
	if g.bit() {
		add(`transfers: t: {recipient: "p", country: "United States", mechanism: %s}`, g.pick(`"idta"`, `"uk-adequacy"`, `"derogation"`))
	}
	if g.bit() {
		add(`_contract: {basis: "contract"}`)
	}
	nActs := 1 + g.n(4)
	for i := range nActs {
		a := fmt.Sprintf(`activities: a%d: {name: %s, purpose: "To do things.", audiences: ["n%d"], subjects: ["s"], categories: ["c%d"]`,
			i, g.text("Activity"), g.n(nNotices), g.n(nCats))
		switch g.n(4) {
		case 0:
			a += `, lawfulBases: [{basis: "contract"}]`
		case 1:
			a += `, lawfulBases: [{basis: "legitimate-interests", interest: "Ours.", assessment: "LIA-1"}]`
		case 2:
			a += `, lawfulBases: [{basis: "consent", consent: {how: "A form.", withdraw: "Email us."}}]`
		case 3:
			a += `, lawfulBases: []`
		}
		switch g.n(4) {
		case 1:
			a += `, automation: {decisions: false}`
		case 2:
			a += `, automation: {profiling: true, logic: "Scores.", consequences: "Offers."}`
		case 3:
			a += `, automation: {decisions: false, profiling: false}`
		}
		if g.bit() {
			a += `, recipients: ["p"]`
		}
		if g.bit() {
			a += `, retention: ["r"]`
		}
		if g.bit() {
			a += `, none: ["recipients", "profiling"]`
		}
		if g.bit() {
			a += `, requirement: {kind: "contractual", consequence: "No tenancy."}`
		}
		if g.bit() {
			a += `, dpia: {required: true, status: "complete"}`
		}
		a += "}"
		if g.bit() {
			// A shared template joined with `&`, as models write it.
			a = strings.Replace(a, `{name:`, `{subjects: ["s"]} & {name:`, 1)
		}
		add("%s", a)
	}
	if g.bit() {
		add(`cookies: k: {name: "sid", provider: "Org", party: "first", purpose: "Sign in.", duration: "Session", audiences: ["n0"]}`)
	}
	if g.bit() {
		add(`none: ["automated-decisions"]`)
	}
	if g.bit() {
		add(`history: [{version: "1", date: "2025-01-01", summary: ["First."]}]`)
	}

	// Spread the declarations over one to three files.
	nFiles := 1 + g.n(3)
	bodies := make([]string, nFiles)
	for i, d := range decls {
		bodies[i%nFiles] += d + "\n"
	}
	var files []File
	for i, body := range bodies {
		head := "package p\n"
		if strings.Contains(body, "strings.") {
			head += "import \"strings\"\n"
		}
		files = append(files, File{Name: fmt.Sprintf("f%d.cue", i), Data: []byte(head + body)})
	}
	return files
}

// gen draws choices from the fuzz input, then zeros.
type gen struct {
	data []byte
	i    int
}

func (g *gen) byte() byte {
	if g.i >= len(g.data) {
		return 0
	}
	b := g.data[g.i]
	g.i++
	return b
}

func (g *gen) bit() bool { return g.byte()&1 == 1 }

func (g *gen) n(k int) int { return int(g.byte()) % k }

func (g *gen) pick(options ...string) string { return options[g.n(len(options))] }

// text writes a string as a literal or, now and then, as an expression
// that only the evaluator can compute, which sends the fast path down its
// export route.
func (g *gen) text(s string) string {
	switch g.n(4) {
	case 1:
		return fmt.Sprintf(`strings.TrimSpace(" %s ")`, s)
	case 2:
		return fmt.Sprintf(`"%s" + ""`, s)
	}
	return fmt.Sprintf("%q", s)
}

// loadEveryWay loads files by each route and returns the models' JSON with
// their source order and keys, or an error naming the route that failed.
func loadEveryWay(files []File) (map[string]string, error) {
	out := map[string]string{}
	for _, route := range []string{"plain", "export", "slow"} {
		exportOnly, slowPathOnly = route == "export", route == "slow"
		m, err := LoadFiles(files)
		exportOnly, slowPathOnly = false, false
		if err != nil {
			return nil, fmt.Errorf("%s route: %v", route, err)
		}
		b, err := json.Marshal(struct {
			M     *Model
			Order map[string][]string
			Keys  map[string][]string
		}{m, m.Order, keysOf(m)})
		if err != nil {
			return nil, err
		}
		out[route] = string(b)
	}
	return out, nil
}

func keysOf(m *Model) map[string][]string {
	out := map[string][]string{}
	for _, k := range Kinds {
		out[k.Path] = k.Keys(m)
	}
	return out
}

func FuzzLoadPaths(f *testing.F) {
	for _, seed := range []string{"", "\x01", "\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01", "\x02\x03\x01\x00\x01\x02\x03\x01\x01\x00\x02",
		"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4\xf3\xf2\xf1\xf0\xef\xee\xed\xec",
		strings.Repeat("\x01\x02\x03", 20), strings.Repeat("\x03\x01", 40)} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		files := genModel(data)
		got, err := loadEveryWay(files)
		if err != nil {
			t.Fatalf("a generated model does not load: %v\n%s", err, dumpFiles(files))
		}
		if got["plain"] != got["slow"] || got["export"] != got["slow"] {
			t.Fatalf("the routes decode different models:\nplain  %s\nexport %s\nslow   %s\n%s",
				got["plain"], got["export"], got["slow"], dumpFiles(files))
		}
	})
}

func dumpFiles(files []File) string {
	var b strings.Builder
	for _, f := range files {
		fmt.Fprintf(&b, "-- %s --\n%s", f.Name, f.Data)
	}
	return b.String()
}

// BenchmarkLoadPaths compares the routes on a synthetic model of plain
// data: the fast path's reading of plain data is what keeps a second
// route worth its code.
func BenchmarkLoadPaths(b *testing.B) {
	files := genSynthetic(2000)
	for _, route := range []string{"plain", "export", "slow"} {
		b.Run(route, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				exportOnly, slowPathOnly = route == "export", route == "slow"
				if _, err := LoadFiles(files); err != nil {
					b.Fatal(err)
				}
			}
			exportOnly, slowPathOnly = false, false
		})
	}
}

// genSynthetic is a plain-data model of n activities over 50 categories,
// without importing internal/synth (which imports this package).
func genSynthetic(n int) []File {
	var b strings.Builder
	b.WriteString("package p\nschemaVersion: \"1\"\ncontroller: name: \"Org\"\nnotices: all: title: \"N\"\nsubjects: s: name: \"S\"\n")
	for i := range 50 {
		fmt.Fprintf(&b, "categories: c%d: {name: \"Category %d\", examples: [\"x\", \"y\"]}\n", i, i)
	}
	for i := range n {
		fmt.Fprintf(&b, "activities: a%d: {name: \"Activity %d\", purpose: \"To do %d.\", audiences: [\"all\"], subjects: [\"s\"], categories: [\"c%d\", \"c%d\"], lawfulBases: [{basis: \"contract\"}], automation: {decisions: false, profiling: false}}\n",
			i, i, i, i%50, (i+7)%50)
	}
	return []File{{Name: "m.cue", Data: []byte(b.String())}}
}
