package diff

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// future stands for an entity with fields the model may gain: the walker
// must compare them without knowing them.
type future struct {
	Name    string            `json:"name"`
	Level   int               `json:"level,omitempty"`
	Ratio   float64           `json:"ratio,omitempty"`
	Tags    []string          `json:"tags,omitempty"`
	Scores  []int             `json:"scores,omitempty"`
	Labels  map[string]string `json:"labels,omitempty"`
	Named   map[label]string  `json:"named,omitempty"`
	ByNum   map[int]string    `json:"byNum,omitempty"`
	Nested  *futureNested     `json:"nested,omitempty"`
	Items   []futureNested    `json:"items,omitempty"`
	Skipped string            `json:"-"`
	hidden  string
	futureEmbedded
}

type label string

type futureNested struct {
	Title string `json:"title"`
	On    bool   `json:"on"`
}

type futureEmbedded struct {
	Extra string `json:"extra,omitempty"`
}

func TestWalkUnknownFields(t *testing.T) {
	o := future{Name: "a", Level: 1, Tags: []string{"x"}, Scores: []int{1, 2},
		Labels: map[string]string{"k": "v", "gone": "g"}, Items: []futureNested{{Title: "one"}},
		Named: map[label]string{"a": "1"}, ByNum: map[int]string{1: "one"},
		Skipped: "s", hidden: "h"}
	n := future{Name: "a", Level: 2, Ratio: 0.5, Tags: []string{"x", "y"}, Scores: []int{2, 1},
		Labels: map[string]string{"k": "w", "new": "n"}, Nested: &futureNested{On: true},
		Items: []futureNested{{Title: "one", On: true}, {Title: "two"}},
		Named: map[label]string{"a": "2"}, ByNum: map[int]string{1: "uno"},
		Skipped: "t", hidden: "i", futureEmbedded: futureEmbedded{Extra: "e"}}
	empty := &ropa.Model{}
	d := &differ{old: empty, new: empty}
	e := &entity{kind: "future", key: "f"}
	d.walk(e, &fieldPath{oldBase: "futures.f", newBase: "futures.f"}, reflect.ValueOf(o), reflect.ValueOf(n))
	got := summarise(&Result{Changes: d.out})
	want := []string{
		"register future f changed level",
		"register future f changed ratio",
		"register future f added tags",
		"editorial future f reordered scores",
		"register future f changed labels.k",
		"register future f added labels.new",
		"register future f removed labels.gone",
		"register future f changed named.a",
		"register future f changed byNum",
		"register future f changed nested.on",
		"register future f changed items[one].on",
		"editorial future f added items", // items is a wording field wherever it is
		"register future f changed extra",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestListKeys(t *testing.T) {
	bases := []ropa.LawfulBasis{{Basis: "consent"}, {Basis: "contract"}, {Basis: "consent"}}
	got := listKeys("lawfulBases", reflect.ValueOf(bases))
	if want := []string{"consent", "contract", "consent#2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("listKeys(lawfulBases) = %q, want %q", got, want)
	}
	conds := []ropa.SpecialCondition{{Article9: "g", Schedule1: 16}, {Article9: "h"}}
	got = listKeys("specialConditions", reflect.ValueOf(conds))
	if want := []string{"g/16", "h"}; !reflect.DeepEqual(got, want) {
		t.Errorf("listKeys(specialConditions) = %q, want %q", got, want)
	}
	contacts := []ropa.Contact{{Email: "a@b.c"}, {}}
	got = listKeys("contacts", reflect.ValueOf(contacts))
	if want := []string{"a@b.c", "#2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("listKeys(contacts) = %q, want %q", got, want)
	}
}

func TestKinds(t *testing.T) {
	var names []string
	for _, k := range modelKinds() {
		names = append(names, k.name+"="+k.path)
	}
	got := strings.Join(names, " ")
	for _, want := range []string{"activity=activities", "joint-controller=controller.jointControllers",
		"processor-record=processorRecords", "supervisory-authority=supervisoryAuthority", "security=security",
		"waiver=waivers", "phrase=phrases"} {
		if !strings.Contains(got, want) {
			t.Errorf("kinds %s: no %s", got, want)
		}
	}
	if !strings.HasPrefix(got, "activity=activities category=categories") {
		t.Errorf("kinds not in report order: %s", got)
	}
}
