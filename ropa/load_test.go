package ropa_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// base is a valid model; cases below append to it or replace parts of it.
const base = `package t

schemaVersion: "1"
controller: name: "T Ltd"
notices: all: {title: "Notice", version: "1", lastUpdated: "2025-01-01"}
subjects: people: name: "People"
categories: contact: name: "Contact"
recipients: it: {name: "IT", role: "processor"}
activities: serve: {
	name:    "Serving"
	purpose: "To serve you."
	audiences: ["all"]
	subjects: ["people"]
	categories: ["contact"]
	recipients: ["it"]
	lawfulBases: [{basis: "contract"}]
}
`

func load(src string) (*ropa.Model, error) {
	return ropa.LoadFiles([]ropa.File{{Name: "./m.cue", Data: []byte(src)}})
}

func TestLoadValid(t *testing.T) {
	m, err := load(base)
	if err != nil {
		t.Fatal(err)
	}
	a := m.Activities["serve"]
	if a.Key != "serve" || len(a.Categories) != 1 || a.Categories[0] != m.Categories["contact"] {
		t.Errorf("activity references not resolved: %+v", a)
	}
	if a.Recipients[0].Country != "" {
		t.Errorf("recipient country = %q, want it left empty: ropa never assumes a country", a.Recipients[0].Country)
	}
	if m.SupervisoryAuthority.Name != "Information Commissioner's Office" {
		t.Errorf("supervisory authority default = %q", m.SupervisoryAuthority.Name)
	}
	if got := m.Positions.Of("activities.serve.categories[0]").String(); got != "./m.cue:14:15" {
		t.Errorf("position of categories[0] = %s, want ./m.cue:14:15", got)
	}
	if got := m.Positions.Of("activities.serve.dpia.required").String(); got != "./m.cue:9:13" {
		t.Errorf("position of an undeclared field = %s, want its entity's ./m.cue:9:13", got)
	}
}

func TestLoadKeepsSourceOrder(t *testing.T) {
	src := strings.Replace(base, "subjects: people: name: \"People\"",
		"subjects: {zed: name: \"Z\", people: name: \"People\", alpha: name: \"A\"}", 1)
	m, err := load(src)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, s := range m.SubjectList() {
		keys = append(keys, s.Key)
	}
	if got := strings.Join(keys, ","); got != "zed,people,alpha" {
		t.Errorf("subject order = %s, want zed,people,alpha", got)
	}
}

func TestLoadComputedKeysAreNotDropped(t *testing.T) {
	src := base + "\nfor k in [\"x\", \"y\"] { subjects: (k): name: k }\n"
	m, err := load(src)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(m.SubjectList()); n != 3 {
		t.Errorf("SubjectList has %d subjects, want 3 (people, x, y)", n)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		kind ropa.ErrorKind
		want []string // one line per expected diagnostic: "pos: path: message prefix"
	}{{
		name: "syntax error",
		src:  "package t\ncontroller: {\n",
		kind: ropa.ErrUnreadable,
		want: []string{"./m.cue:2:15: expected '}', found 'EOF'"},
	}, {
		name: "misspelt field",
		src:  strings.Replace(base, `name:    "Serving"`, `naem:    "Serving"`, 1),
		kind: ropa.ErrInvalid,
		want: []string{
			`./m.cue:9:13: activities.serve.name: required field "name" is missing`,
			`./m.cue:10:2: activities.serve.naem: field "naem" is not allowed here`,
		},
	}, {
		name: "wrong type",
		src:  strings.Replace(base, `categories: contact: name: "Contact"`, `categories: contact: name: 42`, 1),
		kind: ropa.ErrInvalid,
		want: []string{`./m.cue:7:28: categories.contact.name: conflicting values 42 and string`},
	}, {
		name: "value outside an enumeration",
		src:  strings.Replace(base, `role: "processor"`, `role: "procesor"`, 1),
		kind: ropa.ErrInvalid,
		want: []string{`./m.cue:8:36: recipients.it.role: "procesor" is not an allowed value`},
	}, {
		name: "dangling references",
		src:  strings.Replace(strings.Replace(base, `categories: ["contact"]`, `categories: ["contact", "health"]`, 1), `recipients: ["it"]`, `recipients: ["itt"]`, 1),
		kind: ropa.ErrInvalid,
		want: []string{
			`./m.cue:14:26: activities.serve.categories[1]: unknown category "health"`,
			`./m.cue:15:15: activities.serve.recipients[0]: unknown recipient "itt"`,
		},
	}, {
		name: "bad date",
		src:  strings.Replace(base, `"2025-01-01"`, `"01/01/2025"`, 1),
		kind: ropa.ErrInvalid,
		want: []string{`./m.cue:5:60: notices.all.lastUpdated: invalid value "01/01/2025"`},
	}, {
		name: "non-concrete value",
		src:  strings.Replace(base, `purpose: "To serve you."`, `purpose: string`, 1),
		kind: ropa.ErrInvalid,
		want: []string{`activities.serve.purpose: required field "purpose" is missing or not concrete`},
	}, {
		name: "schema and reference problems together",
		src:  strings.Replace(strings.Replace(base, `basis: "contract"`, `basis: "contrakt"`, 1), `subjects: ["people"]`, `subjects: ["persons"]`, 1),
		kind: ropa.ErrInvalid,
		want: []string{
			`./m.cue:13:13: activities.serve.subjects[0]: unknown subject "persons"`,
			`./m.cue:16:24: activities.serve.lawfulBases[0].basis: "contrakt" is not an allowed value`,
		},
	}, {
		name: "misspelt field inside a list element",
		src:  base + "\nnotices: all: related: [{title: \"Retention\", nte: \"x\"}]\n",
		kind: ropa.ErrInvalid,
		want: []string{`./m.cue:19:46: notices.all.related[0].nte: field "nte" is not allowed here`},
	}, {
		name: "renamedFrom names a key the model still defines",
		src:  base + "\nsubjects: persons: {name: \"P\", renamedFrom: \"people\"}\n",
		kind: ropa.ErrInvalid,
		want: []string{`./m.cue:19:32: subjects.persons.renamedFrom: renamedFrom "people" names a key that subjects still defines`},
	}, {
		name: "renamedFrom names the entity's own key",
		src:  base + "\ncategories: contact: renamedFrom: \"contact\"\n",
		kind: ropa.ErrInvalid,
		want: []string{`./m.cue:19:22: categories.contact.renamedFrom: renamedFrom "contact" is this entity's own key`},
	}, {
		name: "two entities claim one renamedFrom",
		src:  base + "\nrecipients: {a: {name: \"A\", role: \"processor\", renamedFrom: \"old\"}, b: {name: \"B\", role: \"processor\", renamedFrom: \"old\"}}\n",
		kind: ropa.ErrInvalid,
		want: []string{`./m.cue:19:103: recipients.b.renamedFrom: renamedFrom "old" is claimed by recipients.a too`},
	}, {
		name: "renamedFrom problems in nested and slow-path models",
		src:  strings.Replace(base, `name: "T Ltd"`, `{name: "T Ltd", jointControllers: {x: {name: "X", arrangement: "A"}, y: {name: "Y", arrangement: "A", renamedFrom: "x"}}}`, 1) + "\nsubjects: people: naem: \"x\"\n",
		kind: ropa.ErrInvalid,
		want: []string{
			`controller.jointControllers.y.renamedFrom: renamedFrom "x" names a key that controller.jointControllers still defines`,
			`subjects.people.naem: field "naem" is not allowed here`,
		},
	}, {
		name: "an empty list where one is needed",
		src:  strings.Replace(base, `categories: ["contact"]`, `categories: []`, 1),
		kind: ropa.ErrInvalid,
		want: []string{`./m.cue:14:2: activities.serve.categories: "categories" needs at least one category; the list is empty`},
	}, {
		name: "lists joined with +",
		src:  strings.Replace(base, `categories: ["contact"]`, `categories: ["contact"] + _more`+"\n_more: []", 1),
		kind: ropa.ErrInvalid,
		want: []string{`./m.cue:14:14: activities.serve.categories: lists cannot be joined with +`},
	}, {
		name: "joint controllers of an activity resolve",
		src:  strings.Replace(base, `categories: ["contact"]`, `categories: ["contact"], jointControllers: ["polise"]`, 1),
		kind: ropa.ErrInvalid,
		want: []string{`activities.serve.jointControllers[0]: unknown joint controller "polise"`},
	}, {
		name: "a notice's own categories resolve",
		src:  base + "\nnotices: all: categories: [\"contacts\"]\n",
		kind: ropa.ErrInvalid,
		want: []string{"./m.cue:19:28: notices.all.categories[0]: unknown category \"contacts\"\n    hint: did you mean \"contact\"?"},
	}, {
		name: "a key listed twice",
		src:  strings.Replace(base, `categories: ["contact"]`, `categories: ["contact", "contact"]`, 1),
		kind: ropa.ErrInvalid,
		want: []string{`./m.cue:14:26: activities.serve.categories[1]: category "contact" is listed twice`},
	}, {
		name: "a date no calendar has",
		src:  strings.Replace(base, `"2025-01-01"`, `"2025-02-31"`, 1),
		kind: ropa.ErrInvalid,
		want: []string{`./m.cue:5:47: notices.all.lastUpdated: "2025-02-31" is not a calendar date`},
	}, {
		name: "mixed packages",
		src:  "",
		kind: ropa.ErrUnreadable,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.name == "mixed packages" {
				_, err = ropa.LoadFiles([]ropa.File{{Name: "a.cue", Data: []byte("package a\n")}, {Name: "b.cue", Data: []byte("package b\n")}})
			} else {
				_, err = load(tt.src)
			}
			var le *ropa.LoadError
			if !errors.As(err, &le) {
				t.Fatalf("got %v, want a *LoadError", err)
			}
			if le.Kind != tt.kind {
				t.Errorf("kind = %d, want %d", le.Kind, tt.kind)
			}
			if tt.want == nil {
				return
			}
			if len(le.Diagnostics) != len(tt.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%v", len(le.Diagnostics), len(tt.want), err)
			}
			for i, d := range le.Diagnostics {
				if !strings.Contains(d.String(), tt.want[i]) {
					t.Errorf("diagnostic %d = %q, want it to contain %q", i, d.String(), tt.want[i])
				}
			}
		})
	}
}

// FuzzLoad feeds arbitrary text to the loader: it must return a model or a
// *LoadError, never panic.
func FuzzLoad(f *testing.F) {
	f.Add(base)
	f.Add("package t\ncontroller: {\n")
	f.Add(strings.Replace(base, `["contact"]`, `["contact", 1]`, 1))
	f.Add("activities: x: categories: [for x in [1,2] {x}]")
	f.Add(base + "\nnotices: all: sections: [{title: \"S\", paragraphs: [], blocks: [{para: \"x\"}, {items: []}, {paragraph: \"a\", items: [\"b\"]}]}]\n")
	f.Add(base + "\nactivities: serve: lawfulBases: [{basis: \"consent\", consent: {hw: \"x\"}}]\n")
	// The hostile corpus, scaled down: bytes CUE cannot hold, constructs
	// whose cost is bounded before evaluation, labels that are not keys.
	f.Add("package t\nx: 1\n" + strings.Repeat("\x00", 64))
	f.Add("package t\ncontroller: name: \"caf\xe9\"\n")
	f.Add(base + doubling(12)) // not 36: a mutation that uses _s36 would need a terabyte
	f.Add(base + "_r: [1, 2, 3]\n_b: [for a in _r for b in _r for c in _r for d in _r {a+b+c+d}]\ncontroller: legalForm: \"\\(len(_b))\"\n")
	f.Add("package t\nimport \"list\"\n_l: list.Range(0, 1099511627776, 1)\ncontroller: legalForm: \"\\(len(_l))\"\n")
	f.Add("package t\nimport \"strings\"\ncontroller: legalForm: strings.Repeat(\"ab\", _n)\n_n: 1Mi\n")
	f.Add("package t\nimport \"example.com/evil\"\ncontroller: legalForm: evil.X\n")
	f.Add(base + "\"../../pwned\": 1\nnotices: \"tenants.fragment\": {title: \"T\"}\n")
	f.Add(base + "categories: " + strings.Repeat("k", 200) + ": name: \"K\"\nactivities: serve: categories: [\"" + strings.Repeat("k", 199) + "\"]\n")
	f.Add(base + "sources: \"cctv-camera\": {name: \"C\", kind: \"observed\"}\nactivities: serve: sources: [\"cctv-cameras\"]\n")
	f.Fuzz(func(t *testing.T, src string) {
		m, err := load(src)
		if err == nil {
			if m == nil {
				t.Fatal("nil model without an error")
			}
			return
		}
		var le *ropa.LoadError
		if !errors.As(err, &le) || len(le.Diagnostics) == 0 {
			t.Fatalf("error %v is not a *LoadError with diagnostics", err)
		}
	})
}

// TestExplainByFormat checks that CUE errors are classified by their
// message format, not their text: a value that happens to hold the words
// of another error is explained as what it is.
func TestExplainByFormat(t *testing.T) {
	src := strings.Replace(base, `lastUpdated: "2025-01-01"`, `lastUpdated: "field not allowed, conflicting values"`, 1)
	_, err := ropa.LoadFiles([]ropa.File{{Name: "m.cue", Data: []byte(src)}})
	var le *ropa.LoadError
	if !errors.As(err, &le) || len(le.Diagnostics) != 1 {
		t.Fatalf("want one diagnostic, got %v", err)
	}
	d := le.Diagnostics[0]
	if strings.Contains(d.Message, "is not allowed here") || !strings.Contains(d.Hint, "YYYY-MM-DD") {
		t.Errorf("a date holding other errors' words is explained as %q (hint %q), want the date format", d.Message, d.Hint)
	}
}

// TestLoadDataFiles checks that a model's YAML and JSON files are read
// with its .cue files, validated against the same schema, and reported at
// their own file:line:col.
func TestLoadDataFiles(t *testing.T) {
	yamlModel := `schemaVersion: "1"
controller:
  name: YAML Homes
notices:
  tenants:
    title: Tenants
subjects:
  tenants:
    name: Tenants
categories:
  identity:
    name: Identity
activities:
  letting:
    name: Letting
    purpose: To let homes.
    audiences: [tenants]
    subjects: [tenants]
    categories: [identity]
    lawfulBases:
      - basis: contract
`
	m, err := ropa.LoadFiles([]ropa.File{
		{Name: "model.yaml", Data: []byte(yamlModel)},
		{Name: "extra.cue", Data: []byte("package p\nsecurity: measures: [\"Encryption\"]\n")},
		{Name: "cookies.json", Data: []byte(`{"cookies": {"sid": {"name": "sid", "provider": "P", "party": "first", "purpose": "Sign in.", "duration": "Session"}}}`)},
	})
	if err != nil {
		t.Fatalf("YAML, CUE and JSON together: %v", err)
	}
	if m.Controller.Name != "YAML Homes" || m.Security == nil || m.Cookies["sid"] == nil {
		t.Errorf("model lacks a file's data: %+v", m.Controller)
	}
	if pos := m.Positions.Of("activities.letting.purpose"); pos.String() != "./model.yaml:16:5" {
		t.Errorf("position of a YAML field = %s, want ./model.yaml:16:5", pos)
	}

	// A YAML model alone, with mistakes: the same messages and hints as
	// CUE, at the YAML's positions.
	bad := strings.Replace(strings.Replace(yamlModel, "[identity]", "[identiy]", 1), "basis: contract", "basis: contrct", 1)
	_, err = ropa.LoadFiles([]ropa.File{{Name: "model.yaml", Data: []byte(bad)}})
	var le *ropa.LoadError
	if !errors.As(err, &le) || len(le.Diagnostics) != 2 {
		t.Fatalf("want two diagnostics, got %v", err)
	}
	for i, want := range []string{
		`./model.yaml:19:18: activities.letting.categories[0]: unknown category "identiy"`,
		`./model.yaml:21:16: activities.letting.lawfulBases[0].basis: "contrct" is not an allowed value`,
	} {
		if got := le.Diagnostics[i].String(); !strings.HasPrefix(got, want) || le.Diagnostics[i].Hint == "" {
			t.Errorf("diagnostic %d = %q, want %q with a hint", i, got, want)
		}
	}

	// Bad YAML and a JSON array are syntax errors at their place.
	_, err = ropa.LoadFiles([]ropa.File{{Name: "m.yaml", Data: []byte("a: [b\n")}})
	if !errors.As(err, &le) || le.Kind != ropa.ErrUnreadable || !strings.Contains(err.Error(), "m.yaml") {
		t.Errorf("bad YAML: %v", err)
	}
	_, err = ropa.LoadFiles([]ropa.File{{Name: "m.json", Data: []byte("[1]")}})
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "holds one object") {
		t.Errorf("a JSON array: %v", err)
	}
}
