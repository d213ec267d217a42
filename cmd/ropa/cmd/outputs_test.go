package cmd

import (
	"reflect"
	"testing"

	"github.com/ropa-dev/ropa/render"
	"github.com/ropa-dev/ropa/ropa"
)

// TestOutputsMatchArtifacts checks that every producer's Outputs names
// exactly the files its Render returns, in order: `ropa check` finds
// output collisions from Outputs, `ropa build` writes what Render returns.
func TestOutputsMatchArtifacts(t *testing.T) {
	m, err := ropa.Load("../../../examples/minimal")
	if err != nil {
		t.Fatal(err)
	}
	withProcessor := *m
	withProcessor.ProcessorRecords = map[string]*ropa.ProcessorRecord{"p": {Keyed: ropa.Keyed{Key: "p"}, Processing: []string{"payroll"}}}
	withProcessor.Order = map[string][]string{}
	for k, v := range m.Order {
		withProcessor.Order[k] = v
	}
	withProcessor.Order["processorRecords"] = []string{"p"}
	for _, model := range []*ropa.Model{m, &withProcessor} {
		for _, p := range producers {
			if p.Outputs == nil {
				t.Errorf("%s: no Outputs", p.Name)
				continue
			}
			for _, opts := range []render.Options{{}, {MarkdownFrontMatter: true}, {Trace: true}} {
				arts, err := p.Render(model, opts)
				if err != nil {
					t.Fatal(err)
				}
				var want, got []string
				for _, a := range arts {
					want = append(want, a.Path)
				}
				for _, o := range p.Outputs(model, opts) {
					got = append(got, o.Path)
				}
				if model == &withProcessor && p.Name == "register" && want[len(want)-1] != "processor-register.csv" {
					t.Errorf("register of a model with processor records: %v", want)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: Outputs %v, Render %v", p.Name, got, want)
				}
			}
		}
	}
}
