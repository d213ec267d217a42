package importer

import (
	"sort"
	"strings"
	"unicode"

	"github.com/ropa-dev/ropa/render/register"
)

// The template's columns, numbered 1 to 30 as register.ControllerHeadings
// lists them.
const (
	cBusiness = iota + 1
	cPurpose
	cJoint
	cSubjects
	cCategories
	cRecipients
	cContract
	cTransfers
	cExceptional
	cRetention
	cSecurity
	cBasis
	cArt9
	cInterests
	cLIA
	cRights
	cAutomation
	cSource
	cConsent
	cLocation
	cDPIARequired
	cDPIAProgress
	cDPIALink
	cBreach
	cBreachLink
	cSchedule1
	cBasis2
	cPolicy
	cAdheres
	cReasons
	nColumns = cReasons
)

// aliases are other headings people give the template's columns, by column.
var aliases = map[int][]string{
	cBusiness:     {"business area", "department", "team", "function", "directorate"},
	cPurpose:      {"purpose", "purposes", "processing activity", "activity", "purpose of the processing"},
	cJoint:        {"joint controller", "joint controllers"},
	cSubjects:     {"data subjects", "categories of data subjects", "individuals", "subjects", "data subject categories"},
	cCategories:   {"personal data", "data categories", "categories of data", "personal data categories", "data"},
	cRecipients:   {"recipients", "who we share with", "shared with", "disclosures"},
	cContract:     {"contract", "processor contract", "data processing agreement", "link to contract"},
	cTransfers:    {"international transfers", "transfers", "third countries", "overseas transfers"},
	cExceptional:  {"safeguards", "transfer safeguards"},
	cRetention:    {"retention", "retention period", "retention schedule"},
	cSecurity:     {"security measures", "security", "technical and organisational measures"},
	cBasis:        {"lawful basis", "legal basis", "article 6 lawful basis", "article 6 basis", "lawful basis article 6"},
	cArt9:         {"article 9 condition", "special category condition", "special category data condition", "article 9"},
	cInterests:    {"legitimate interests", "legitimate interest"},
	cLIA:          {"legitimate interests assessment", "lia"},
	cRights:       {"rights", "individual rights", "data subject rights"},
	cAutomation:   {"automated decision making", "automated decision-making", "profiling"},
	cSource:       {"source", "data source", "source of data", "sources"},
	cConsent:      {"consent record", "record of consent"},
	cLocation:     {"location", "systems", "where data is held", "storage location"},
	cDPIARequired: {"dpia required", "dpia needed"},
	cDPIAProgress: {"dpia progress", "dpia status"},
	cDPIALink:     {"dpia link", "link to dpia", "dpia"},
	cBreach:       {"breach occurred", "breach"},
	cBreachLink:   {"breach record", "link to breach"},
	cSchedule1:    {"schedule 1 condition", "dpa 2018 schedule 1", "schedule 1"},
	cBasis2:       {},
	cPolicy:       {"retention policy", "policy document", "appropriate policy document"},
	cAdheres:      {"retained and erased in accordance with policy", "policy adherence"},
	cReasons:      {"reasons for not adhering", "reason for not adhering"},
}

// stopWords carry no meaning for matching headings.
var stopWords = map[string]bool{
	"the": true, "of": true, "to": true, "and": true, "for": true, "a": true, "an": true, "if": true,
	"applicable": true, "possible": true, "are": true, "that": true, "is": true, "in": true, "with": true,
	"has": true, "on": true, "or": true, "including": true, "any": true, "your": true, "our": true,
}

// normalise lowers a heading and keeps its words, without punctuation.
func normalise(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else {
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// words returns the meaningful words of a normalised heading, with a
// plural "s" dropped.
func words(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if stopWords[w] {
			continue
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = strings.TrimSuffix(w, "s")
		}
		out = append(out, w)
	}
	return out
}

// similarity scores two headings from 0 to 1: 1 when their normalised
// text is equal, else the Dice coefficient of their meaningful words.
func similarity(a, b string) float64 {
	na, nb := normalise(a), normalise(b)
	if na == "" || nb == "" {
		return 0
	}
	if na == nb {
		return 1
	}
	wa, wb := words(na), words(nb)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	set := map[string]bool{}
	for _, w := range wb {
		set[w] = true
	}
	common := 0
	seen := map[string]bool{}
	for _, w := range wa {
		if set[w] && !seen[w] {
			common++
			seen[w] = true
		}
	}
	return 0.99 * 2 * float64(common) / float64(len(dedupe(wa))+len(dedupe(wb)))
}

func dedupe(ws []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// minScore is the similarity a heading needs to match a column.
const minScore = 0.6

// headingScore is how well text names template column col.
func headingScore(text string, col int) float64 {
	best := similarity(text, register.ControllerHeadings[col-1])
	for _, a := range aliases[col] {
		if s := similarity(text, a); s > best {
			best = s
		}
	}
	return best
}

// header is the header row found in a sheet.
type header struct {
	row int
	// col maps a template column (1-30) to the sheet's 0-based column, or
	// -1 when the sheet lacks it.
	col [nColumns + 1]int
	// heading is the sheet's own heading of each matched template column.
	heading [nColumns + 1]string
	// extra lists the sheet's columns that match no template column.
	extra []int
	// matched counts the matched columns.
	matched int
}

// matchHeader matches the cells of one row to the template's columns:
// the best pairs first, each column and each heading used once.
func matchHeader(cells []string) *header {
	type pair struct {
		score    float64
		col, tpl int
	}
	var pairs []pair
	for c, text := range cells {
		text = cleanCell(text)
		if text == "" || len(text) > 200 {
			continue
		}
		for t := 1; t <= nColumns; t++ {
			if s := headingScore(text, t); s >= minScore {
				pairs = append(pairs, pair{s, c, t})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool {
		if pairs[i].score != pairs[j].score {
			return pairs[i].score > pairs[j].score
		}
		if pairs[i].tpl != pairs[j].tpl {
			return pairs[i].tpl < pairs[j].tpl
		}
		return pairs[i].col < pairs[j].col
	})
	h := &header{}
	for i := range h.col {
		h.col[i] = -1
	}
	used := map[int]bool{}
	for _, p := range pairs {
		if used[p.col] || h.col[p.tpl] >= 0 {
			continue
		}
		used[p.col] = true
		h.col[p.tpl] = p.col
		h.heading[p.tpl] = cleanCell(cells[p.col])
		h.matched++
	}
	for c, text := range cells {
		if !used[c] && cleanCell(text) != "" {
			h.extra = append(h.extra, c)
		}
	}
	return h
}

// headerScanRows is how far down a sheet the header row is looked for.
const headerScanRows = 200

// minMatched is how many template columns a header row must name.
const minMatched = 3

// findHeader finds the header row of g: within the first headerScanRows
// rows, the one naming the most template columns (at least minMatched,
// and the purpose among them), the first such row on a tie.
func findHeader(g *grid) *header {
	var best *header
	for r := 0; r < len(g.rows) && r < headerScanRows; r++ {
		h := matchHeader(g.rows[r])
		if h.matched < minMatched || h.col[cPurpose] < 0 {
			continue
		}
		if best == nil || h.matched > best.matched {
			h.row = r
			best = h
		}
	}
	return best
}
