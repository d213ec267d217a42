package importer

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/law"
)

// basisWords recognise a basis by its name, most specific first.
var basisWords = []struct {
	re    *regexp.Regexp
	basis string
}{
	{regexp.MustCompile(`(?i)recogni[sz]ed\s+legitimate\s+interest`), ropa.BasisRecognisedLegitimate},
	{regexp.MustCompile(`(?i)legitimate\s+interest`), ropa.BasisLegitimateInterests},
	{regexp.MustCompile(`(?i)\bexplicit\s+consent\b`), ""},
	{regexp.MustCompile(`(?i)\blegal\s+obligation|\bcompl(y|iance)\s+with\s+(a\s+)?(legal|the\s+law)|statutory\s+obligation`), ropa.BasisLegalObligation},
	{regexp.MustCompile(`(?i)\bvital\s+interest`), ropa.BasisVitalInterests},
	{regexp.MustCompile(`(?i)\bpublic\s+task|\bofficial\s+authority|\btask\s+(carried\s+out\s+)?in\s+the\s+public\s+interest`), ropa.BasisPublicTask},
	{regexp.MustCompile(`(?i)\bconsent\b`), ropa.BasisConsent},
	{regexp.MustCompile(`(?i)\bcontract(ual)?\b`), ropa.BasisContract},
}

// basisArticle finds "6(1)(b)", "Art 6.1.b", "Article 6(1)(ea)", "6 1 f".
var basisArticle = regexp.MustCompile(`(?i)(?:\bart(?:icle)?\.?\s*)?\b6\s*[(.]?\s*1\s*[).]?\s*[(.]?\s*(ea|[a-f])\s*\)?`)

// parseBasis reads one Article 6 lawful basis from text such as
// "Art 6(1)(b) contract", "Legitimate interests", "Article 6(1)(e) public
// task: Housing Act 1996". The text after a colon is the law (legal
// obligation, public task), the Annex 1 condition (recognised legitimate
// interest) or else a note. It reports false when no basis is named, or
// when the point and the words name different bases.
func parseBasis(line string) (ropa.LawfulBasis, bool) {
	head, detail := line, ""
	if i := strings.Index(line, ":"); i >= 0 {
		head, detail = line[:i], strings.TrimSpace(line[i+1:])
	}
	var basis string
	if m := basisArticle.FindStringSubmatch(head); m != nil {
		if lb, ok := law.BasisByLetter(m[1]); ok {
			basis = lb.Kind
		}
	}
	var byWords string
	for _, w := range basisWords {
		if w.re.MatchString(head) {
			byWords = w.basis
			break
		}
	}
	switch {
	case basis == "" && byWords == "":
		return ropa.LawfulBasis{}, false
	case basis == "":
		basis = byWords
	case byWords != "" && byWords != basis:
		return ropa.LawfulBasis{}, false
	}
	b := ropa.LawfulBasis{Basis: basis}
	if detail != "" {
		switch basis {
		case ropa.BasisLegalObligation, ropa.BasisPublicTask:
			b.Law = detail
		case ropa.BasisRecognisedLegitimate:
			b.Condition = detail
		default:
			b.Note = detail
		}
	}
	return b, true
}

// article9Names are the words of each Article 9(2) condition, from the
// law package, compiled once; value is the condition's letter.
var article9Names = compileWords(law.Conditions, func(c law.Condition) (string, string) { return c.Words, c.Letter })

var (
	article9Point = regexp.MustCompile(`(?i)(?:\bart(?:icle)?\.?\s*)?\b9\s*[(.]?\s*2\s*[).]?\s*[(.]?\s*([a-j])\b\s*\)?`)
	schedule1Ref  = regexp.MustCompile(`(?i)\bsch(?:ed(?:ule)?)?\.?\s*1\b[,\s]*(?:part\s*([123])[,\s]*)?(?:para(?:graph)?\.?|§)?\s*(\d{1,2})\b`)
)

// art9 is a parsed Article 9 condition: its letter, a Schedule 1
// paragraph when the text names one, and the names in a trailing
// parenthesis (the categories the condition covers).
type art9 struct {
	letter    string
	schedule1 int
	names     string
}

// parseArticle9 reads an Article 9(2) condition from text such as
// "Article 9(2)(g) substantial public interest (Health)", "9(2)(g) + Sch 1
// para 18" or "Explicit consent".
func parseArticle9(line string) (art9, bool) {
	var out art9
	text := line
	if i := strings.LastIndex(line, " ("); i >= 0 && strings.HasSuffix(line, ")") {
		inner := line[i+2 : len(line)-1]
		if !strings.ContainsAny(inner, "()") {
			out.names = inner
			text = line[:i]
		}
	}
	if m := article9Point.FindStringSubmatch(text); m != nil {
		out.letter = strings.ToLower(m[1])
	}
	words := ""
	for _, n := range article9Names {
		if n.re.MatchString(text) {
			words = n.value
			break
		}
	}
	if out.letter == "" {
		out.letter = words
	}
	if out.letter == "" {
		return art9{}, false
	}
	if m := schedule1Ref.FindStringSubmatch(text); m != nil {
		out.schedule1, _ = strconv.Atoi(m[2])
	}
	return out, true
}

// parseSchedule1 reads a DPA 2018 Schedule 1 paragraph from text such as
// "DPA 2018 Schedule 1 Part 2 paragraph 16 support for ..." or "Sch 1
// para 18".
func parseSchedule1(line string) (int, bool) {
	m := schedule1Ref.FindStringSubmatch(line)
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(m[2])
	if _, ok := law.Schedule1Para(n); err != nil || !ok {
		return 0, false
	}
	return n, true
}

// mechanismText are the words of each transfer mechanism, from the law
// package, most specific first, compiled once; value is the mechanism.
var mechanismText = compileWords(law.Mechanisms, func(m law.Mechanism) (string, string) { return m.Words, m.Kind })

// wordsRE is a compiled pattern of words and the value it stands for.
type wordsRE struct {
	re    *regexp.Regexp
	value string
}

// compileWords compiles the words of each of xs, in order, with its value.
func compileWords[T any](xs []T, words func(T) (string, string)) []wordsRE {
	out := make([]wordsRE, 0, len(xs))
	for _, x := range xs {
		w, v := words(x)
		out = append(out, wordsRE{regexp.MustCompile(w), v})
	}
	return out
}

func parseMechanism(s string) (string, bool) {
	for _, m := range mechanismText {
		if m.re.MatchString(s) {
			return m.value, true
		}
	}
	return "", false
}

// roleText maps the register's words for a recipient's role to the role.
var roleText = map[string]string{
	"processor": "processor", "data processor": "processor",
	"controller": "controller", "data controller": "controller", "independent controller": "controller",
	"joint controller": "joint-controller", "joint-controller": "joint-controller",
	"public authority": "public-authority", "public-authority": "public-authority",
	"internal": "internal",
}

// sourceKindText maps the register's words for a source's kind to the kind.
var sourceKindText = map[string]string{
	"from the individual": "subject", "subject": "subject", "data subject": "subject", "the individual": "subject",
	"from a third party": "third-party", "third party": "third-party", "third-party": "third-party",
	"from a public source": "public", "public source": "public", "public": "public", "publicly available": "public",
	"generated by us": "generated", "generated": "generated",
	"observed": "observed",
}

var dpiaStatusText = map[string]string{
	"not started": "not-started", "not-started": "not-started",
	"in progress": "in-progress", "in-progress": "in-progress", "ongoing": "in-progress", "underway": "in-progress",
	"complete": "complete", "completed": "complete", "done": "complete",
}

// specialCategories lists the Article 9(1) categories as the schema names them.
var specialCategories = []string{"racial-or-ethnic-origin", "political-opinions", "religious-or-philosophical-beliefs",
	"trade-union-membership", "genetic", "biometric", "health", "sex-life", "sexual-orientation"}

func specialCategory(words string) (string, bool) {
	w := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(words, "-", " ")), " "))
	for _, s := range specialCategories {
		if strings.ReplaceAll(s, "-", " ") == w {
			return s, true
		}
	}
	return "", false
}

// yesNo reads "Yes"/"No" (and Y/N, True/False).
func yesNo(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimRight(strings.TrimSpace(s), ".")) {
	case "yes", "y", "true":
		return true, true
	case "no", "n", "false":
		return false, true
	}
	return false, false
}

// isNone reports whether a cell says there is none.
func isNone(s string) bool {
	switch strings.ToLower(strings.TrimRight(strings.TrimSpace(s), ".")) {
	case "none", "no":
		return true
	}
	return false
}

var (
	durationRe = regexp.MustCompile(`^([1-9][0-9]* (?:day|week|month|year)s?)(?:\s+(.*))?$`)
	emailRe    = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
	urlRe      = regexp.MustCompile(`^(https?://|mailto:)[^\s]+$`)
	postcodeRe = regexp.MustCompile(`(?i)^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$`)
	phoneRe    = regexp.MustCompile(`^\+?[0-9][0-9 ()-]{5,}[0-9]$`)
)

// cellLines splits a cell into its non-empty lines, without the bullets
// people type at the start of a line.
func cellLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		for _, b := range []string{"•", "·", "▪", "◦"} {
			l = strings.TrimSpace(strings.TrimPrefix(l, b))
		}
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// trailingParen splits "Name (inner)" into "Name" and "inner", the inner
// text holding no parenthesis.
func trailingParen(s string) (string, string, bool) {
	if !strings.HasSuffix(s, ")") {
		return s, "", false
	}
	i := strings.LastIndex(s, " (")
	if i < 0 {
		return s, "", false
	}
	inner := s[i+2 : len(s)-1]
	if strings.ContainsAny(inner, "()") {
		return s, "", false
	}
	return strings.TrimSpace(s[:i]), inner, true
}
