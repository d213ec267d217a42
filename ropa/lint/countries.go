package lint

import "strings"

// ukAdequate lists, normalised by normCountry, the countries and territories
// the UK recognises as adequate under DPA 2018 s.17A, as given in the legal
// checklist (section 5): the EEA, Gibraltar, Andorra, Argentina, Faroe
// Islands, Guernsey, Isle of Man, Israel, Jersey, New Zealand, Republic of
// Korea, Switzerland and Uruguay, with Canada and Japan (partial). The
// United States is adequate only through the DPF UK Extension, which has
// its own mechanism ("dpf-uk-extension").
var ukAdequate = setOf(
	// EEA and EU
	"eea", "eu", "european union", "european economic area",
	"austria", "belgium", "bulgaria", "croatia", "cyprus", "czechia", "czech republic",
	"denmark", "estonia", "finland", "france", "germany", "greece", "hungary",
	"ireland", "republic of ireland", "italy", "latvia", "lithuania", "luxembourg",
	"malta", "netherlands", "poland", "portugal", "romania", "slovakia", "slovenia",
	"spain", "sweden", "iceland", "liechtenstein", "norway",
	// others
	"gibraltar", "andorra", "argentina", "faroe islands", "guernsey", "isle of man",
	"israel", "jersey", "new zealand", "republic of korea", "korea", "south korea",
	"switzerland", "uruguay",
	// partial
	"canada", "japan",
)

// ukNames are the names that mean the United Kingdom itself.
var ukNames = setOf("", "united kingdom", "uk", "great britain", "england", "scotland",
	"wales", "northern ireland", "united kingdom of great britain and northern ireland")

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// normCountry lower-cases a country name and drops a leading "the" and
// surrounding space.
func normCountry(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	return strings.TrimSpace(s)
}

// isUK reports whether a country name means the United Kingdom.
func isUK(country string) bool { return ukNames[normCountry(country)] }
