package notice

import (
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// Readability thresholds for the standard wording, over every phrase that
// is prose (see proseKeys): the average sentence length in words, and
// the Flesch reading ease of all of it. Plain English guidance puts the
// average at 15 to 20 words; a reading ease of 60 or more is plain
// English, 50 to 60 fairly difficult. A notice's own phrases and the
// model's facts are the organisation's words and are not held to these.
const (
	maxAverageSentence = 11.5
	minReadingEase     = 62.0
)

// notProse are the phrase keys, by prefix or suffix, that are names,
// labels, headings or fragments rather than sentences.
var notProse = []string{
	"month.", "label.", "section.", "special.", "sch1.", "art9.", "list.", "date.", "doc.subject",
	".name", ".cite", ".col.", ".caption", ".label", ".title", "cookies.party.", "cookies.persistence.",
	"summary.", "snippet.subject", "transfers.item", "sharing.located", "controller.group.relation",
	"retention.period", "retention.source.none", "changes.item", "complaints.authority.default",
	"complaints.procedure", "complaints.authority.form", "sharing.notice", "schemes.notice",
	"controller.legal-form", "controller.registration", "controller.ico", "controller.address",
	"cookies.notice", "basis.detail.", "conditions.categories", "schemes.operator",
}

// proseKeys returns the keys of the standard phrases that are prose.
func proseKeys() []string {
	var out []string
	for _, k := range PhraseKeys() {
		skip := false
		for _, p := range notProse {
			if strings.HasPrefix(k, p) || strings.HasSuffix(k, p) || (strings.HasPrefix(p, ".") && strings.Contains(k, p)) {
				skip = true
				break
			}
		}
		if !skip {
			out = append(out, k)
		}
	}
	return out
}

var placeholderRE = regexp.MustCompile(`\{[A-Za-z0-9_.-]+\}`)

// sentences splits text into sentences at full stops, question marks,
// exclamation marks and colons (a colon ends the lead-in to a list),
// each a list of words; a placeholder counts as one short word.
func sentences(text string) [][]string {
	text = placeholderRE.ReplaceAllString(text, "it")
	var out [][]string
	var cur []string
	for _, f := range strings.Fields(text) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w != "" {
			cur = append(cur, w)
		}
		if strings.ContainsAny(f[len(f)-1:], ".?!:") && len(cur) > 0 && !abbreviation(f) {
			out = append(out, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// abbreviation reports whether a word ending in a full stop is an
// abbreviation rather than the end of a sentence.
func abbreviation(w string) bool {
	switch strings.ToLower(strings.TrimRight(w, ".")) {
	case "e.g", "i.e", "etc", "s", "art", "no":
		return true
	}
	return false
}

// syllables estimates the syllables of an English word: its groups of
// vowels, less a silent final e, at least one.
func syllables(word string) int {
	w := strings.ToLower(word)
	n, prev := 0, false
	for _, r := range w {
		v := strings.ContainsRune("aeiouy", r)
		if v && !prev {
			n++
		}
		prev = v
	}
	if strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "le") && !strings.HasSuffix(w, "ee") && n > 1 {
		n--
	}
	if strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ted") && !strings.HasSuffix(w, "ded") && !strings.HasSuffix(w, "eed") && n > 1 {
		n--
	}
	return max(n, 1)
}

// readability is the Flesch reading ease and the average sentence length
// of the sentences.
func readability(ss [][]string) (ease, avg float64) {
	words, syl := 0, 0
	for _, s := range ss {
		words += len(s)
		for _, w := range s {
			syl += syllables(w)
		}
	}
	if words == 0 || len(ss) == 0 {
		return 0, 0
	}
	avg = float64(words) / float64(len(ss))
	return 206.835 - 1.015*avg - 84.6*float64(syl)/float64(words), avg
}

// TestReadability holds the standard wording to plain English: the
// average sentence length and the Flesch reading ease of every prose
// phrase together, and no sentence over 30 words. It logs the hardest
// phrases, where an edit helps most.
func TestReadability(t *testing.T) {
	var all [][]string
	type scored struct {
		key  string
		ease float64
		avg  float64
	}
	var each []scored
	for _, k := range proseKeys() {
		text, _ := DefaultPhrase(k)
		ss := sentences(text)
		all = append(all, ss...)
		e, a := readability(ss)
		each = append(each, scored{k, e, a})
		for _, s := range ss {
			if len(s) > 30 {
				t.Errorf("%s: a sentence of %d words: %q", k, len(s), strings.Join(s, " "))
			}
		}
	}
	ease, avg := readability(all)
	t.Logf("%d prose phrases, %d sentences: average sentence %.1f words, Flesch reading ease %.1f", len(each), len(all), avg, ease)
	if avg > maxAverageSentence {
		t.Errorf("average sentence %.1f words, want at most %.0f", avg, maxAverageSentence)
	}
	if ease < minReadingEase {
		t.Errorf("Flesch reading ease %.1f, want at least %.0f", ease, minReadingEase)
	}
	sort.Slice(each, func(i, j int) bool { return each[i].ease < each[j].ease })
	for _, s := range each[:min(12, len(each))] {
		t.Logf("hardest: %s: ease %.0f, %.0f words a sentence", s.key, s.ease, s.avg)
	}
}

func TestSyllables(t *testing.T) {
	for w, want := range map[string]int{"the": 1, "information": 4, "use": 1, "people": 2, "agreed": 2,
		"organisation": 5, "rights": 1, "contact": 2, "processing": 3, "legitimate": 4} {
		if got := syllables(w); got != want {
			t.Errorf("syllables(%q) = %d, want %d", w, got, want)
		}
	}
}
