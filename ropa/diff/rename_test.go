package diff

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// Renames of the base model: the edits that give support, health,
// surveys and police new keys that name the old ones in renamedFrom.
var (
	renameSupport = edit{"\tsupport: {\n", "\thelp: {\n\t\trenamedFrom: \"support\"\n"}
	renameHealth  = edit{`health: {name: "Health data"`, `medical: {renamedFrom: "health", name: "Health data"`}
	renameSurveys = edit{`surveys: {name: "SurveyCo Inc."`, `pollsters: {renamedFrom: "surveys", name: "SurveyCo Inc."`}
	renamePolice  = edit{"jointControllers: police: {", "jointControllers: constabulary: {renamedFrom: \"police\", "}
)

// renameCases diff the base with oldEdits made against the base with
// newEdits made.
var renameCases = []struct {
	name               string
	oldEdits, newEdits []edit
	want               []string
}{
	{name: "rename with no other change", newEdits: []edit{renameSupport},
		want: []string{"register activity help renamed"}},
	{name: "rename and purpose changed", newEdits: []edit{renameSupport, {"To adapt our services", "To tailor our services"}},
		want: []string{"register activity help renamed", "notify activity help changed purpose"}},
	{name: "rename and reference removed", newEdits: []edit{renameSupport, {`categories: ["identity", "health"]`, `categories: ["identity"]`}},
		want: []string{"register activity help renamed", "register activity help removed categories"}},
	{name: "category references follow the rename", newEdits: []edit{renameHealth, {`categories: ["identity", "health"]`, `categories: ["identity", "medical"]`}},
		want: []string{"register category medical renamed"}},
	{name: "references in conditions follow the rename",
		oldEdits: []edit{{`{article9: "g", schedule1: 16}`, `{article9: "g", schedule1: 16, categories: ["health"]}`}},
		newEdits: []edit{renameHealth, {`categories: ["identity", "health"]`, `categories: ["identity", "medical"]`},
			{`{article9: "g", schedule1: 16}`, `{article9: "g", schedule1: 16, categories: ["medical"]}`}},
		want: []string{"register category medical renamed"}},
	{name: "single references follow the rename", newEdits: []edit{renameSurveys, {`transfers: surveys: {recipient: "surveys"`, `transfers: surveys: {recipient: "pollsters"`}},
		want: []string{"register recipient pollsters renamed"}},
	{name: "reference added beside a renamed one", newEdits: []edit{renameHealth, {`categories: ["identity", "health"]`, `categories: ["identity", "medical", "convictions"]`}},
		want: []string{"notify activity support added categories", "register category medical renamed"}},
	{name: "reordered references follow the rename", newEdits: []edit{renameHealth, {`categories: ["identity", "health"]`, `categories: ["medical", "identity"]`}},
		want: []string{"editorial activity support reordered categories", "register category medical renamed"}},
	{name: "renamed special category changes", newEdits: []edit{renameHealth, {`categories: ["identity", "health"]`, `categories: ["identity", "medical"]`}, {`special: "health"`, `special: "genetic"`}},
		want: []string{"register category medical renamed", "notify category medical changed special"}},
	{name: "waiver targets follow the rename", newEdits: []edit{{"\ttenancy: {\n", "\trental: {\n\t\trenamedFrom: \"tenancy\"\n"}, {`target: "activities.tenancy"`, `target: "activities.rental"`}},
		want: []string{"register activity rental renamed"}},
	{name: "waiver target and reason", newEdits: []edit{{"\ttenancy: {\n", "\trental: {\n\t\trenamedFrom: \"tenancy\"\n"}, {`target: "activities.tenancy", reason: "Low risk."`, `target: "activities.rental", reason: "Very low risk."`}},
		want: []string{"register activity rental renamed", "register waiver no-dpia/activities.rental changed reason"}},
	{name: "waiver target moved elsewhere", newEdits: []edit{renameSupport, {`target: "activities.tenancy"`, `target: "activities.help"`}},
		want: []string{"register activity help renamed", "register waiver no-dpia/activities.help added", "register waiver no-dpia/activities.tenancy removed"}},
	{name: "rename of a nested kind", newEdits: []edit{renamePolice},
		want: []string{"register joint-controller constabulary renamed"}},
	{name: "renamedFrom a key the old model lacks", newEdits: []edit{{"categories: {\n", "categories: {\n\tpets: {name: \"Pets\", renamedFrom: \"animals\"}\n"}},
		want: []string{"register category pets added"}},
	{name: "renamedFrom when the old model has the new key", oldEdits: []edit{{"\tsupport: {", "\thelp: {name: \"Help\", purpose: \"To help.\", audiences: [], subjects: [\"tenants\"], categories: [\"identity\"], lawfulBases: []}\n\tsupport: {"}},
		newEdits: []edit{{"\tsupport: {", "\thelp: {name: \"Help\", purpose: \"To help.\", audiences: [], subjects: [\"tenants\"], categories: [\"identity\"], lawfulBases: [], renamedFrom: \"support\"}\n\tsupport: {"}, {"\tsupport: {", "\tsupport2: {"}},
		want:     []string{"notify activity support2 added", "register activity support removed"}},
	{name: "renamedFrom kept after publication", oldEdits: []edit{renameSupport}, newEdits: []edit{renameSupport},
		want: []string{}},
	{name: "renamedFrom removed after publication", oldEdits: []edit{renameSupport}, newEdits: []edit{{"\tsupport: {", "\thelp: {"}},
		want: []string{}},
	{name: "no renamedFrom", newEdits: []edit{{"\tsupport: {", "\thelp: {"}},
		want: []string{"notify activity help added", "register activity support removed"}},
}

func TestDiffRenames(t *testing.T) {
	for _, tc := range renameCases {
		t.Run(tc.name, func(t *testing.T) {
			src := baseSource(t)
			r := Diff(load(t, "./old.cue", apply(t, src, tc.oldEdits)), load(t, "./new.cue", apply(t, src, tc.newEdits)))
			checkChanges(t, r, tc.want)
		})
	}
}

// TestDiffRenamePaths checks the old key, the new key and the positions a
// rename reports: the renamed change and field changes on the new side
// under the new key, removals on the old side under the old key.
func TestDiffRenamePaths(t *testing.T) {
	src := baseSource(t)
	r := Diff(load(t, "./old.cue", src), load(t, "./new.cue", apply(t, src, []edit{renameSupport,
		{"To adapt our services", "To tailor our services"},
		{`categories: ["identity", "health"]`, `categories: ["identity"]`}})))
	var got []string
	for _, c := range r.Changes {
		got = append(got, strings.Join([]string{string(c.Op), c.Key, c.Field, str(c.Old), str(c.New), c.Path, c.Side, c.Pos.String()}, "|"))
	}
	want := []string{
		"renamed|help||support|help|activities.help|new|./new.cue:69:2",
		"changed|help|purpose|To adapt our services to your health needs.|To tailor our services to your health needs.|activities.help.purpose|new|./new.cue:72:3",
		"removed|help|categories|health||activities.support.categories[1]|old|./old.cue:74:28",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	var b strings.Builder
	if err := WriteText(&b, r); err != nil {
		t.Fatal(err)
	}
	if line := `register   activity help: renamed from "support"  (./new.cue:69:2)`; !strings.Contains(b.String(), line+"\n") {
		t.Errorf("text output lacks %q:\n%s", line, b.String())
	}
}

// TestRefTablesCoverModel checks refTables against the model types: every
// field of an entity that holds keys of other entities (its Go name ends
// in ID or IDs, or it is an activity's audiences) has an entry, every
// entry names such a field, and every entry's table is a keyed kind.
func TestRefTablesCoverModel(t *testing.T) {
	tables := map[string]bool{}
	found := map[string]bool{}
	var visit func(kind, rule string, typ reflect.Type, seen map[reflect.Type]bool)
	visit = func(kind, rule string, typ reflect.Type, seen map[reflect.Type]bool) {
		typ = derefType(typ)
		if typ.Kind() == reflect.Slice {
			typ = derefType(typ.Elem())
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		defer delete(seen, typ)
		for i := 0; i < typ.NumField(); i++ {
			sf := typ.Field(i)
			name, _, _ := cutComma(sf.Tag.Get("json"))
			if name == "-" || !sf.IsExported() || isEntityMap(sf.Type) {
				continue
			}
			if sf.Anonymous && name == "" {
				visit(kind, rule, sf.Type, seen)
				continue
			}
			r := name
			if rule != "" {
				r = rule + "." + name
			}
			if strings.HasSuffix(sf.Name, "ID") || strings.HasSuffix(sf.Name, "IDs") || (kind == "activity" && name == "audiences") {
				found[kind+" "+r] = true
				continue
			}
			visit(kind, r, sf.Type, seen)
		}
	}
	for _, k := range modelKinds() {
		if k.shape == keyedMap && k.renamedFrom != nil {
			tables[k.path] = true
			visit(k.name, "", k.typ.Elem(), map[reflect.Type]bool{})
		}
	}
	var missing, extra []string
	for f := range found {
		if _, ok := refTables[f]; !ok {
			missing = append(missing, f)
		}
	}
	for f, table := range refTables {
		if !found[f] {
			extra = append(extra, f)
		}
		if !tables[table] {
			t.Errorf("refTables[%q] = %q, which is not a keyed kind with renamedFrom", f, table)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("refTables lacks %v and has no such field for %v", missing, extra)
	}
	if len(tables) != 14 {
		t.Errorf("found renamedFrom on %d kinds, want 14", len(tables))
	}
}

// TestDiffRenameHandBuilt pairs renames in models built without the
// loader: a renamedFrom that two entities claim pairs the first only, and
// one that names a key the new model still has pairs nothing.
func TestDiffRenameHandBuilt(t *testing.T) {
	old := &ropa.Model{Subjects: map[string]*ropa.Subject{"a": {Name: "A"}, "b": {Name: "B"}},
		Order: map[string][]string{"subjects": {"a", "b"}}}
	new := &ropa.Model{Subjects: map[string]*ropa.Subject{
		"x": {Name: "A", Keyed: ropa.Keyed{RenamedFrom: "a"}}, "y": {Name: "A", Keyed: ropa.Keyed{RenamedFrom: "a"}},
		"b": {Name: "B"}, "z": {Name: "B", Keyed: ropa.Keyed{RenamedFrom: "b"}},
	}, Order: map[string][]string{"subjects": {"x", "y", "b", "z"}}}
	checkChanges(t, Diff(old, new), []string{
		"register subject x renamed",
		"register subject y added",
		"register subject z added",
	})
}
