package notice

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lists in prose join their last item with the phrasebook's list.and. In
// English that is always " and "; in Welsh the word depends on the item
// that follows it, which no well-kept Go library knows (golang.org/x/text
// has no list formatting, and CLDR's list patterns give Welsh only "a"),
// so the rules are here, in a small table the tests hold:
//
//   - "ac" before a vowel (a, e, i, o, u, w, y, with any accent) and
//     before a number read with one (un, wyth, un deg …, wyth deg …):
//     "rhent ac ôl-ddyledion", "… ac 8 arall";
//   - "a" joined to a following "y"/"yr" ("a'r"), "ei" ("a'i"), "eich"
//     ("a'ch"), "ein" ("a'n") and "eu" ("a'u"): "ei chywiro a'i dileu";
//   - "a" otherwise, with the aspirate mutation of a lower-case c, p or t
//     that it causes ("a chwynion", "a phlant", "a thenantiaid"); a
//     capitalised name is left as it is ("a Cyngor Caerdydd"), as names
//     usually are.
//
// The rules apply only while the phrasebook's list.and is the standard
// Welsh " a "; a model that overrides it gets its own word verbatim.

// welshAnd is the standard Welsh list.and.
const welshAnd = " a "

// conj returns the conjunction before the last item next of a list, and
// next as it reads after it.
func (p *planner) conj(next string) (string, string) {
	and := p.t("list.and")
	if p.ph.lang != "cy" || and != welshAnd {
		return and, next
	}
	return welshConj(next)
}

// andBefore is conj for an item that is a name or a link's text, which
// is never mutated nor joined with: only the word changes ("a", "ac").
func (p *planner) andBefore(next string) string {
	and := p.t("list.and")
	if p.ph.lang != "cy" || and != welshAnd {
		return and
	}
	if r, _ := utf8.DecodeRuneInString(next); welshVowel(r) || unicode.IsDigit(r) && welshVowelNumber(next) {
		return " ac "
	}
	return welshAnd
}

// welshContractions are the words "a" joins with, and what it becomes.
var welshContractions = map[string]string{
	"y": "a'r", "yr": "a'r", "ei": "a'i", "eich": "a'ch", "ein": "a'n", "eu": "a'u",
}

// welshAspirate is the aspirate mutation of a word's first letter.
var welshAspirate = map[byte]string{'c': "ch", 'p': "ph", 't': "th"}

// welshConj returns the Welsh "and" before next, and next after it.
func welshConj(next string) (string, string) {
	word, rest, _ := strings.Cut(next, " ")
	if c, ok := welshContractions[word]; ok && rest != "" {
		return " " + c + " ", rest
	}
	r, _ := utf8.DecodeRuneInString(next)
	switch {
	case r == utf8.RuneError:
		return welshAnd, next
	case welshVowel(r):
		return " ac ", next
	case unicode.IsDigit(r):
		if welshVowelNumber(next) {
			return " ac ", next
		}
		return welshAnd, next
	}
	if m, ok := welshAspirate[next[0]]; ok && (len(next) < 2 || next[1] != 'h') {
		return welshAnd, m + next[1:]
	}
	return welshAnd, next
}

// welshVowel reports whether r is a Welsh vowel: a, e, i, o, u, w or y,
// with or without an accent, in either case.
func welshVowel(r rune) bool {
	return strings.ContainsRune("aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ", unicode.ToLower(r))
}

// welshVowelNumber reports whether the number that s starts with is read
// with a vowel first in Welsh's decimal counting: 1 (un), 8 (wyth), 10 to
// 19 (un deg …), 80 to 89 (wyth deg …), 800 to 899 (wyth cant …); 100 to
// 199 is "cant …", and 1,000 to 1,999 "mil …".
func welshVowelNumber(s string) bool {
	n := 0
	for n < len(s) && (s[n] >= '0' && s[n] <= '9' || s[n] == ',') {
		n++
	}
	digits := strings.ReplaceAll(s[:n], ",", "")
	switch {
	case digits == "":
		return false
	case digits[0] == '8':
		return len(digits) <= 3
	case digits[0] == '1':
		return len(digits) <= 2
	}
	return false
}
