package notice

import (
	"encoding/json"
	"github.com/ropa-dev/ropa/render"
	"github.com/ropa-dev/ropa/ropa/law"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

func TestPhraseKeys(t *testing.T) {
	keys := PhraseKeys()
	if !sort.StringsAreSorted(keys) {
		t.Error("PhraseKeys not sorted")
	}
	need := []string{"rights.access.text", "transfers.none", "automation.none", "complaints.authority"}
	for _, c := range law.Conditions {
		need = append(need, "art9."+c.Letter)
	}
	for _, p := range law.Schedule1 {
		need = append(need, "sch1."+strconv.Itoa(p.N))
	}
	for _, m := range law.Mechanisms {
		need = append(need, "mechanism."+m.Kind)
	}
	all := rightSet{Erasure: true, ErasureLimited: true, Portability: true, Object: true, WithdrawConsent: true, ObjectResearch: true, Automated: true}
	for _, k := range all.keys() {
		if !strings.HasPrefix(k, "object") {
			need = append(need, "rights."+k+".title", "rights."+k+".text")
		}
	}
	for _, b := range basisOrder {
		need = append(need, "basis."+b+".name", "basis."+b+".explain")
	}
	for _, id := range append(SectionIDs(), IDJointControllers, IDSpecialConditions, IDRightToObject) {
		need = append(need, "section."+id+".title")
	}
	have := map[string]bool{}
	for _, k := range keys {
		have[k] = true
		if strings.TrimSpace(defaults[k]) == "" {
			t.Errorf("phrase %s is empty", k)
		}
	}
	for _, k := range need {
		if !have[k] {
			t.Errorf("no phrase %s", k)
		}
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(phrasesJSON, &raw); err != nil {
		t.Fatal(err)
	}
}

func TestFill(t *testing.T) {
	tests := []struct {
		s    string
		kv   []string
		want string
	}{
		{"Hello {name}.", []string{"name", "Ann"}, "Hello Ann."},
		{"{a}{b}", []string{"a", "{b}", "b", "x"}, "{b}x"}, // values are not re-expanded
		{"{missing} and {", []string{"a", "1"}, "{missing} and {"},
		{"{ spaced }", []string{" spaced ", "no"}, "{ spaced }"},
		{"no placeholders", nil, "no placeholders"},
	}
	for _, tt := range tests {
		if got := fill(tt.s, tt.kv); got != tt.want {
			t.Errorf("fill(%q, %q) = %q, want %q", tt.s, tt.kv, got, tt.want)
		}
	}
}

func TestPhraseOverride(t *testing.T) {
	m := loadMinimal(t)
	m.Phrases = map[string]string{
		"section.your-rights.title": "What you can ask us to do",
		"transfers.copy":            "Write to us for a copy ({section}).",
		"controller.intro.short":    "{short} is responsible for your information.",
	}
	text := dump(planNotice(t, m, "tenants"))
	for _, want := range []string{"§ [your-rights] What you can ask us to do", "Example Homes is responsible for your information."} {
		if !strings.Contains(text, want) {
			t.Errorf("override not applied: no %q", want)
		}
	}
	if strings.Contains(text, "§ [your-rights] Your rights") {
		t.Error("default title still present")
	}
	// The website notice is unaffected by an override it does not use.
	if _, err := Plan(m, m.Notices["website"]); err != nil {
		t.Fatal(err)
	}
}

func TestPhraseOverrideErrors(t *testing.T) {
	tests := []struct {
		phrases map[string]string
		want    []string
	}{
		{map[string]string{"section.your-rigths.title": "x"}, []string{`"section.your-rigths.title"`, `did you mean "section.your-rights.title"`}},
		{map[string]string{"no.such.key": "x"}, []string{`unknown phrase key "no.such.key"`}},
		{map[string]string{"controller.intro": "{nmae} is the controller"}, []string{`"controller.intro"`, "{nmae}", "{name}"}},
	}
	for _, tt := range tests {
		m := loadMinimal(t)
		m.Phrases = tt.phrases
		_, err := Plan(m, m.Notices["tenants"])
		if err == nil {
			t.Errorf("phrases %v: no error", tt.phrases)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("phrases %v: error %q lacks %q", tt.phrases, err, w)
			}
		}
	}
}

// TestPhraseKeysInSource checks that every literal phrase key the planner
// asks for exists, so that no code path can fail with a missing phrase.
func TestPhraseKeysInSource(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`\.t\("([^"]+)"[,)]`)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			n++
			if _, ok := defaults[m[1]]; !ok {
				t.Errorf("%s: no phrase %q", f, m[1])
			}
		}
	}
	if n < 100 {
		t.Errorf("found only %d phrase uses; is the pattern stale?", n)
	}
}

// TestNoticePhraseOverride checks the layering: a notice's own phrases
// override the model's, which override the standard wording, and only in
// that notice.
func TestNoticePhraseOverride(t *testing.T) {
	m := loadMinimal(t)
	m.Phrases = map[string]string{
		"section.your-rights.title": "Model-wide rights title",
		"section.changes.title":     "Model-wide changes title",
	}
	m.Notices["tenants"].Phrases = map[string]string{
		"section.your-rights.title": "Tenants' rights title",
		"controller.intro.short":    "{short} is responsible for tenants' information.",
	}
	tenants := dump(planNotice(t, m, "tenants"))
	website := dump(planNotice(t, m, "website"))
	for _, tt := range []struct {
		notice, text, want string
		in                 bool
	}{
		{"tenants", tenants, "§ [your-rights] Tenants' rights title", true},
		{"tenants", tenants, "Model-wide rights title", false},
		{"tenants", tenants, "§ [changes] Model-wide changes title", true},
		{"tenants", tenants, "Example Homes is responsible for tenants' information.", true},
		{"website", website, "§ [your-rights] Model-wide rights title", true},
		{"website", website, "§ [changes] Model-wide changes title", true},
		{"website", website, "Tenants' rights title", false},
		{"website", website, "responsible for tenants' information", false},
	} {
		if got := strings.Contains(tt.text, tt.want); got != tt.in {
			t.Errorf("%s notice holds %q: %v, want %v", tt.notice, tt.want, got, tt.in)
		}
	}
	// Planning one notice leaves the others' wording alone.
	if again := dump(planNotice(t, m, "website")); again != website {
		t.Error("website notice changed after planning the tenants notice")
	}
}

// TestNoticePhraseOverrideErrors checks that a notice's unknown phrase key
// or placeholder is an error naming the key and notices.<k>.phrases, that
// the model's errors still name phrases, and that a notice without the bad
// override plans.
func TestNoticePhraseOverrideErrors(t *testing.T) {
	tests := []struct {
		model, notice map[string]string
		want          []string
		absent        []string
	}{
		{
			notice: map[string]string{"section.your-rigths.title": "x"},
			want:   []string{`notices.tenants.phrases: unknown phrase key "section.your-rigths.title"`, `did you mean "section.your-rights.title"`},
		},
		{
			notice: map[string]string{"controller.intro": "{nmae} is the controller"},
			want:   []string{`notices.tenants.phrases: "controller.intro" uses unknown placeholder {nmae}`, "{name}"},
		},
		{
			model:  map[string]string{"no.such.key": "x"},
			notice: map[string]string{"section.your-rights.title": "fine"},
			want:   []string{`phrases: unknown phrase key "no.such.key"`},
			absent: []string{"notices.tenants.phrases"},
		},
		{
			model:  map[string]string{"bogus.model": "x"},
			notice: map[string]string{"bogus.notice": "y"},
			want:   []string{`phrases: unknown phrase key "bogus.model"`, `notices.tenants.phrases: unknown phrase key "bogus.notice"`},
		},
	}
	for _, tt := range tests {
		m := loadMinimal(t)
		m.Phrases = tt.model
		m.Notices["tenants"].Phrases = tt.notice
		_, err := Plan(m, m.Notices["tenants"])
		if err == nil {
			t.Errorf("phrases %v / %v: no error", tt.model, tt.notice)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("phrases %v / %v: error %q lacks %q", tt.model, tt.notice, err, w)
			}
		}
		for _, a := range tt.absent {
			if strings.Contains(err.Error(), a) {
				t.Errorf("phrases %v / %v: error %q names %q", tt.model, tt.notice, err, a)
			}
		}
		if tt.model == nil {
			if _, err := Plan(m, m.Notices["website"]); err != nil {
				t.Errorf("website notice, without the bad override: %v", err)
			}
			if _, err := Producer.Artifacts(m, render.Options{}); err == nil || !strings.Contains(err.Error(), "notices.tenants.phrases") {
				t.Errorf("Producer.Artifacts: error %v, want one naming notices.tenants.phrases", err)
			}
		}
	}
}

// TestOverrideOnlyPhrasesExist keeps the override-only set to real keys.
func TestOverrideOnlyPhrasesExist(t *testing.T) {
	for k := range overrideOnly {
		if _, ok := defaults[k]; !ok {
			t.Errorf("override-only phrase %s is not in the phrasebook", k)
		}
	}
}

// TestPhraseLabelsMatchLaw holds the phrasebook's legal labels to the law
// package: each basis has a plain name and a citation of its point of
// Article 6(1), and every Article 9 condition has its wording.
func TestPhraseLabelsMatchLaw(t *testing.T) {
	for _, b := range law.Bases {
		if name := defaults["basis."+b.Kind+".name"]; strings.TrimSpace(name) == "" || strings.Contains(name, "Article") {
			t.Errorf("basis.%s.name = %q, want the plain name, the citation apart", b.Kind, name)
		}
		if got := defaults["basis."+b.Kind+".cite"]; got != "(Article 6(1)("+b.Letter+"))" {
			t.Errorf("basis.%s.cite = %q, want it to cite Article 6(1)(%s)", b.Kind, got, b.Letter)
		}
	}
	for _, c := range law.Conditions {
		if got := defaults["art9."+c.Letter]; strings.TrimSpace(got) == "" {
			t.Errorf("art9.%s has no wording for %s", c.Letter, c.Cite())
		}
	}
}
