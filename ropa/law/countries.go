package law

// Country is a country or territory that models name, with its ISO 3166-1
// alpha-2 code.
type Country struct {
	// Name is the country's usual English name.
	Name string
	// Code is its ISO 3166-1 alpha-2 code.
	Code string
	// Aliases are other names models use for it, lower case.
	Aliases []string
}

// Countries are the countries ropa can name by code (the DPV export's
// loc: terms). A country not listed is exported by name.
var Countries = []Country{
	{Name: "United Kingdom", Code: "GB", Aliases: []string{"uk", "great britain", "england", "scotland", "wales", "northern ireland"}},
	{Name: "United States", Code: "US", Aliases: []string{"usa", "united states of america", "us"}},
	{Name: "Ireland", Code: "IE"}, {Name: "France", Code: "FR"}, {Name: "Germany", Code: "DE"},
	{Name: "Netherlands", Code: "NL"}, {Name: "Belgium", Code: "BE"}, {Name: "Spain", Code: "ES"}, {Name: "Italy", Code: "IT"},
	{Name: "Portugal", Code: "PT"}, {Name: "Poland", Code: "PL"}, {Name: "Sweden", Code: "SE"}, {Name: "Denmark", Code: "DK"},
	{Name: "Finland", Code: "FI"}, {Name: "Norway", Code: "NO"}, {Name: "Switzerland", Code: "CH"},
	{Name: "Austria", Code: "AT"}, {Name: "Luxembourg", Code: "LU"}, {Name: "Canada", Code: "CA"}, {Name: "Australia", Code: "AU"},
	{Name: "New Zealand", Code: "NZ"}, {Name: "India", Code: "IN"},
	{Name: "Japan", Code: "JP"}, {Name: "South Africa", Code: "ZA"}, {Name: "Philippines", Code: "PH"}, {Name: "Israel", Code: "IL"},
	{Name: "Singapore", Code: "SG"}, {Name: "South Korea", Code: "KR"},
}

// CountryCode returns the ISO code of a country name, or "".
func CountryCode(name string) string {
	n := normCountry(name)
	for _, c := range Countries {
		if normCountry(c.Name) == n {
			return c.Code
		}
		for _, a := range c.Aliases {
			if a == n {
				return c.Code
			}
		}
	}
	return ""
}
