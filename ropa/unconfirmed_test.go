package ropa_test

import (
	"encoding/json"
	"slices"
	"testing"
)

// TestLoadUnconfirmed: the unconfirmed mark loads as true, false or a list
// of field names, on a keyed entity and on the controller, and exports as
// the model gave it.
func TestLoadUnconfirmed(t *testing.T) {
	m, err := load(base + `
controller: unconfirmed: true
activities: serve: unconfirmed: ["lawfulBases", "owner"]
categories: contact: unconfirmed: false
subjects: people: unconfirmed: []
`)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Controller.Unconfirmed.Items(); !slices.Equal(got, []string{""}) {
		t.Errorf("controller items %q, want the whole entity", got)
	}
	if got := m.Activities["serve"].Unconfirmed.Items(); !slices.Equal(got, []string{"lawfulBases", "owner"}) {
		t.Errorf("activity items %q", got)
	}
	if got := m.Categories["contact"].Unconfirmed.Items(); len(got) != 0 {
		t.Errorf("false: items %q, want none", got)
	}
	if got := m.Subjects["people"].Unconfirmed.Items(); len(got) != 0 {
		t.Errorf("[]: items %q, want none", got)
	}
	for _, tc := range []struct {
		v    any
		want string
	}{{m.Controller.Unconfirmed, `true`}, {m.Activities["serve"].Unconfirmed, `["lawfulBases","owner"]`},
		{m.Categories["contact"].Unconfirmed, `false`}, {m.Subjects["people"].Unconfirmed, `[]`}} {
		b, err := json.Marshal(tc.v)
		if err != nil || string(b) != tc.want {
			t.Errorf("marshal %s, %v; want %s", b, err, tc.want)
		}
	}
	if _, err := load(base + "activities: serve: unconfirmed: \"yes\"\n"); err == nil {
		t.Error("a string loads as an unconfirmed mark")
	}
}
