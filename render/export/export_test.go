package export

import (
	"bytes"
	"encoding/json"
	"github.com/ropa-dev/ropa/render"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/internal/golden"
	"github.com/ropa-dev/ropa/ropa"
)

func minimal(t *testing.T) *ropa.Model {
	t.Helper()
	m, err := ropa.Load(filepath.Join("..", "..", "examples", "minimal"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// richModel fills the parts examples/minimal leaves out.
const richModel = `
package m

schemaVersion: "1"
controller: {
	name: "Rich <Org> & Co"
	jointControllers: {
		zeta: {name: "Zeta Ltd", arrangement: "Shared register."}
		alpha: {name: "Alpha Ltd", arrangement: "Shared CCTV."}
	}
}
notices: n: {title: "Notice", version: "1", lastUpdated: "2025-01"}
subjects: s: {name: "People"}
categories: c: {name: "Names"}
transfers: t: {recipient: "r", country: "Narnia", mechanism: "idta"}
recipients: r: {name: "R", role: "processor", country: "Narnia"}
activities: {
	b: {name: "B", purpose: "P", audiences: ["n"], subjects: ["s"], categories: ["c"], lawfulBases: [{basis: "contract"}], transfers: ["t"]}
	a: {name: "A", purpose: "P", audiences: [], subjects: ["s"], categories: ["c"], lawfulBases: []}
}
processorRecords: pr: {controller: name: "Client", processing: ["Payroll"], transfers: ["t"]}
phrases: {zz: "Last", aa: "First"}
waivers: [{rule: "x", reason: "r", acceptedBy: "DPO", expires: "2030-01-01"}]
`

func export(t *testing.T, m *ropa.Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := JSON(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	golden.Check(t, "testdata/minimal.json", export(t, minimal(t)))
}

func TestShape(t *testing.T) {
	for _, m := range []*ropa.Model{minimal(t), loadRich(t)} {
		b := export(t, m)
		if !bytes.Equal(b, export(t, m)) {
			t.Errorf("two exports differ")
		}
		if !strings.HasPrefix(string(b), "{\n  \"format\": \"ropa-export\",\n  \"version\": 1,\n") || !strings.HasSuffix(string(b), "}\n") {
			t.Errorf("export does not start with format and version, indented by two spaces:\n%.80s", b)
		}
		var top map[string]json.RawMessage
		if err := json.Unmarshal(b, &top); err != nil {
			t.Fatalf("export is not JSON: %v", err)
		}
		// Every field of the model is exported.
		mt := reflect.TypeFor[ropa.Model]()
		for i := range mt.NumField() {
			name, _, _ := strings.Cut(mt.Field(i).Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			if _, ok := top[name]; !ok && !omittable(mt.Field(i).Type) {
				t.Errorf("model field %s (%q) is missing from the export", mt.Field(i).Name, name)
			}
		}
		for _, list := range []string{"notices", "subjects", "categories", "sources", "recipients", "transfers",
			"retention", "schemes", "systems", "laws", "activities", "cookies", "processorRecords", "waivers", "history"} {
			if s := strings.TrimSpace(string(top[list])); !strings.HasPrefix(s, "[") {
				t.Errorf("%s = %.40s, want a list (never null)", list, s)
			}
		}
	}
}

// omittable reports whether the export may leave out a field of this type
// when the model does not set it: an optional object or text.
func omittable(t reflect.Type) bool { return t.Kind() == reflect.Pointer || t.Kind() == reflect.String }

func loadRich(t *testing.T) *ropa.Model {
	t.Helper()
	m, err := ropa.LoadFiles([]ropa.File{{Name: "m.cue", Data: []byte(richModel)}})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// keyedEntity decodes an exported entity: its key and the model's fields.
type keyedEntity[T any] struct {
	Key string `json:"key"`
	V   T      `json:"-"`
}

func (k *keyedEntity[T]) UnmarshalJSON(b []byte) error {
	var key struct {
		Key string `json:"key"`
	}
	if err := json.Unmarshal(b, &key); err != nil {
		return err
	}
	k.Key = key.Key
	return json.Unmarshal(b, &k.V)
}

// roundTrip checks that the exported entities decode back to the model's,
// in source order.
func roundTrip[T any](t *testing.T, raw json.RawMessage, want []*T, key func(*T) string) {
	t.Helper()
	var got []keyedEntity[T]
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d entities exported, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].Key != key(w) {
			t.Errorf("entity %d has key %q, want %q (source order)", i, got[i].Key, key(w))
		}
		gb, _ := json.Marshal(got[i].V)
		wb, _ := json.Marshal(w)
		if !bytes.Equal(gb, wb) {
			t.Errorf("%s does not round-trip:\n got %s\nwant %s", key(w), gb, wb)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	for _, m := range []*ropa.Model{minimal(t), loadRich(t)} {
		var top map[string]json.RawMessage
		if err := json.Unmarshal(export(t, m), &top); err != nil {
			t.Fatal(err)
		}
		roundTrip(t, top["activities"], m.ActivityList(), func(e *ropa.Activity) string { return e.Key })
		roundTrip(t, top["categories"], m.CategoryList(), func(e *ropa.Category) string { return e.Key })
		roundTrip(t, top["recipients"], m.RecipientList(), func(e *ropa.Recipient) string { return e.Key })
		roundTrip(t, top["transfers"], m.TransferList(), func(e *ropa.Transfer) string { return e.Key })
		roundTrip(t, top["notices"], m.NoticeList(), func(e *ropa.Notice) string { return e.Key })
		roundTrip(t, top["processorRecords"], m.ProcessorRecordList(), func(e *ropa.ProcessorRecord) string { return e.Key })

		var ctrl struct {
			ropa.Controller
			JointControllers []keyedEntity[ropa.JointController] `json:"jointControllers"`
		}
		if err := json.Unmarshal(top["controller"], &ctrl); err != nil {
			t.Fatal(err)
		}
		if ctrl.Name != m.Controller.Name {
			t.Errorf("controller name = %q, want %q", ctrl.Name, m.Controller.Name)
		}
		jcs := m.JointControllerList()
		if len(ctrl.JointControllers) != len(jcs) {
			t.Fatalf("%d joint controllers exported, want %d", len(ctrl.JointControllers), len(jcs))
		}
		for i, jc := range jcs {
			if ctrl.JointControllers[i].Key != jc.Key || ctrl.JointControllers[i].V.Name != jc.Name {
				t.Errorf("joint controller %d = %+v, want %s (source order)", i, ctrl.JointControllers[i], jc.Key)
			}
		}

		// Every reference is a key of the list it names.
		keys := func(list string) map[string]bool {
			var es []struct {
				Key string `json:"key"`
			}
			if err := json.Unmarshal(top[list], &es); err != nil {
				t.Fatal(err)
			}
			out := map[string]bool{}
			for _, e := range es {
				out[e.Key] = true
			}
			return out
		}
		var acts []struct {
			Key        string   `json:"key"`
			Audiences  []string `json:"audiences"`
			Subjects   []string `json:"subjects"`
			Categories []string `json:"categories"`
			Transfers  []string `json:"transfers"`
		}
		if err := json.Unmarshal(top["activities"], &acts); err != nil {
			t.Fatal(err)
		}
		for _, a := range acts {
			for list, refs := range map[string][]string{"notices": a.Audiences, "subjects": a.Subjects, "categories": a.Categories, "transfers": a.Transfers} {
				have := keys(list)
				for _, r := range refs {
					if !have[r] {
						t.Errorf("activity %s refers to %s %q, which the export lacks", a.Key, list, r)
					}
				}
			}
		}
	}
}

func TestRichOrder(t *testing.T) {
	b := string(export(t, loadRich(t)))
	for _, pair := range [][2]string{
		{`"key": "b"`, `"key": "a"`},        // activities in source order, not sorted
		{`"key": "zeta"`, `"key": "alpha"`}, // joint controllers too
		{`"aa": "First"`, `"zz": "Last"`},   // phrases sorted by key
		{`"publicAuthority"`, `"jointControllers"`},
	} {
		i, j := strings.Index(b, pair[0]), strings.Index(b, pair[1])
		if i < 0 || j < 0 || i > j {
			t.Errorf("want %s before %s", pair[0], pair[1])
		}
	}
	if !strings.Contains(b, `"name": "Rich <Org> & Co"`) {
		t.Errorf("HTML characters are escaped; the export keeps text as written")
	}
}

func TestProducer(t *testing.T) {
	m := minimal(t)
	arts, err := Producer.Artifacts(m, render.Options{})
	if err != nil || len(arts) != 1 || arts[0].Path != "model.json" {
		t.Fatalf("artifacts = %v, %v; want model.json", arts, err)
	}
	var buf bytes.Buffer
	if err := arts[0].Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), export(t, m)) {
		t.Errorf("model.json differs from JSON's output")
	}
}

func TestEmptyModel(t *testing.T) {
	b := export(t, &ropa.Model{})
	var top map[string]any
	if err := json.Unmarshal(b, &top); err != nil {
		t.Fatalf("export of an empty model is not JSON: %v\n%s", err, b)
	}
}
