package diff

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// formatEdits make one change of each class, one of them a removal.
var formatEdits = []edit{
	{"To manage your tenancy.", "To manage your | tenancy."},
	{`recipients: ["contractors"]`, `recipients: []`},
	{`examples: ["name"]`, `examples: ["name", "date of birth"]`},
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, diffEdits(t, formatEdits...)); err != nil {
		t.Fatal(err)
	}
	want := `notify     activity tenancy: purpose: "To manage your tenancy." → "To manage your | tenancy."  (./new.cue:57:3)
register   activity tenancy: recipients: - "contractors"  (./old.cue:63:16)

editorial  category identity: examples: + "date of birth"  (./new.cue:30:55)

3 changes: 1 notify, 1 register, 1 editorial
`
	if b.String() != want {
		t.Errorf("text:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestWriteTextEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, diffEdits(t)); err != nil {
		t.Fatal(err)
	}
	if b.String() != "no changes\n" {
		t.Errorf("text = %q", b.String())
	}
}

func TestFormatValue(t *testing.T) {
	long := strings.Repeat("x", 100)
	for v, want := range map[any]string{nil: "(none)", "a\"b": `"a\"b"`, true: "true", int64(16): "16",
		long: `"` + strings.Repeat("x", maxValue-1) + `…"`} {
		if got := formatValue(v); got != want {
			t.Errorf("formatValue(%v) = %s, want %s", v, got, want)
		}
	}
}

func TestWriteMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b, diffEdits(t, formatEdits...)); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"## Record of processing: changes\n\n3 changes: **1 notify**, **1 register**, **1 editorial**\n",
		"\n### Notify: people must be told before this takes effect (Art 13(3), 14(4))\n\n| Entity | Field | Change | Where |\n|---|---|---|---|\n",
		"| activity `tenancy` | `purpose` | \"To manage your tenancy.\" → \"To manage your \\| tenancy.\" | `./new.cue:57:3` |\n",
		"\n### Register: the Article 30 record changes\n",
		"| activity `tenancy` | `recipients` | - \"contractors\" | `./old.cue:63:16` |\n",
		"\n### Editorial: wording only\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("markdown has no %q:\n%s", want, got)
		}
	}
	b.Reset()
	if err := WriteMarkdown(&b, diffEdits(t)); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(b.String(), "No changes.\n") || strings.Contains(b.String(), "###") {
		t.Errorf("markdown of no changes:\n%s", b.String())
	}
}

// TestWriteMarkdownEscapesValues checks that a value holding Markdown
// (raw HTML, a code span, emphasis, a link) reads as text in the table,
// not as markup, when the output is pasted into a pull request.
func TestWriteMarkdownEscapesValues(t *testing.T) {
	var b bytes.Buffer
	r := diffEdits(t, edit{"To manage your tenancy.", "To <b>manage</b> `your` *tenancy* [x](y) & ~z~."})
	if err := WriteMarkdown(&b, r); err != nil {
		t.Fatal(err)
	}
	want := `"To \<b\>manage\</b\> \` + "`" + `your\` + "`" + ` \*tenancy\* \[x\](y) \& \~z\~."`
	if got := b.String(); !strings.Contains(got, want) {
		t.Errorf("markdown has no %s:\n%s", want, got)
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, diffEdits(t, formatEdits...)); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Summary map[string]int   `json:"summary"`
		Changes []map[string]any `json:"changes"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if want := map[string]int{"total": 3, "notify": 1, "register": 1, "editorial": 1}; !reflect.DeepEqual(got.Summary, want) {
		t.Errorf("summary = %v, want %v", got.Summary, want)
	}
	if len(got.Changes) != 3 {
		t.Fatalf("%d changes, want 3", len(got.Changes))
	}
	want := map[string]any{
		"class": "register", "kind": "activity", "key": "tenancy", "op": "removed", "field": "recipients",
		"old": "contractors", "path": "activities.tenancy.recipients[0]", "side": "old",
		"pos": map[string]any{"file": "./old.cue", "line": 63.0, "column": 16.0},
	}
	if !reflect.DeepEqual(got.Changes[1], want) {
		t.Errorf("change 2 = %v\nwant %v", got.Changes[1], want)
	}

	b.Reset()
	if err := WriteJSON(&b, diffEdits(t)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"changes": []`) {
		t.Errorf("no changes is not an empty list:\n%s", b.String())
	}
}

func TestDeterministic(t *testing.T) {
	edits := append([]edit{{"activities: {\n", newActivity}}, formatEdits...)
	var first string
	for i := range 5 {
		var b bytes.Buffer
		if err := WriteJSON(&b, diffEdits(t, edits...)); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = b.String()
		} else if b.String() != first {
			t.Fatalf("run %d differs:\n%s\nfirst:\n%s", i, b.String(), first)
		}
	}
}

// TestWriteSides checks that every format says what each side was, so
// that a reader sees a directory standing in for a revision, and that a
// side's name can forge neither a line of text nor Markdown.
func TestWriteSides(t *testing.T) {
	r := diffEdits(t)
	commit := strings.Repeat("0123456789", 4)
	r.Old = &Source{Kind: "revision", Revision: "main", Commit: commit, Dir: "privacy"}
	r.New = &Source{Kind: "directory", Dir: "main/privacy\nno changes"}

	var b bytes.Buffer
	if err := WriteText(&b, r); err != nil {
		t.Fatal(err)
	}
	want := "old: revision main (commit " + commit + "), model in privacy\nnew: directory main/privacy no changes\n\nno changes\n"
	if b.String() != want {
		t.Errorf("text = %q\nwant %q", b.String(), want)
	}

	b.Reset()
	r.New.Dir = "a`b"
	if err := WriteMarkdown(&b, r); err != nil {
		t.Fatal(err)
	}
	want = "- **Old:** revision `main` at commit `" + commit + "`, model in `privacy`\n- **New:** directory ``a`b``\n"
	if !strings.Contains(b.String(), want) {
		t.Errorf("markdown has no %q:\n%s", want, b.String())
	}

	b.Reset()
	if err := WriteJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	var got JSONReport
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Sides == nil || *got.Sides.Old != *r.Old || *got.Sides.New != *r.New {
		t.Errorf("json sides = %+v", got.Sides)
	}

	// Without sides, as a library caller may leave them, nothing is said.
	b.Reset()
	r.Old, r.New = nil, nil
	if err := WriteJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "sides") {
		t.Errorf("json without sides: %s", b.String())
	}
}

func TestCodeSpan(t *testing.T) {
	for in, want := range map[string]string{
		"a": "`a`", "a`b": "``a`b``", "`a": "`` `a ``", "a``b`": "``` a``b` ```", "": "` `", "a\nb": "`a b`",
	} {
		if got := codeSpan(in); got != want {
			t.Errorf("codeSpan(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWriteMarkdownEscapesBraces checks that a value holding Liquid or
// Hugo syntax cannot run when the changes are published through a site
// generator.
func TestWriteMarkdownEscapesBraces(t *testing.T) {
	var b bytes.Buffer
	r := diffEdits(t, edit{"To manage your tenancy.", "{{ site.title }} {% include x %}"})
	if err := WriteMarkdown(&b, r); err != nil {
		t.Fatal(err)
	}
	want := `"\{\{ site.title \}\} \{% include x %\}"`
	if got := b.String(); !strings.Contains(got, want) || strings.Contains(got, "{{") {
		t.Errorf("markdown has no %s:\n%s", want, got)
	}
}
