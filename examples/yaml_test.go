package examples_test

import (
	"bytes"
	"testing"

	"github.com/ropa-dev/ropa/render/export"
	"github.com/ropa-dev/ropa/ropa"
)

// TestYAMLExample holds examples/minimal-yaml, the minimal example written
// in YAML, to the same model as examples/minimal: the same export, and the
// same findings, at positions in its own file.
func TestYAMLExample(t *testing.T) {
	cueModel, err := ropa.Load("minimal")
	if err != nil {
		t.Fatal(err)
	}
	yamlModel, err := ropa.Load("minimal-yaml")
	if err != nil {
		t.Fatalf("the YAML example does not load: %v", err)
	}
	var a, b bytes.Buffer
	if err := export.JSON(&a, cueModel); err != nil {
		t.Fatal(err)
	}
	if err := export.JSON(&b, yamlModel); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("the YAML example is not the minimal example:\ncue  %s\nyaml %s", a.String(), b.String())
	}
	if pos := yamlModel.Positions.Of("activities.tenancy.purpose"); pos.File != "minimal-yaml/model.yaml" && pos.File != "./minimal-yaml/model.yaml" {
		t.Errorf("a YAML field is at %s, want a position in minimal-yaml/model.yaml", pos)
	}
}
