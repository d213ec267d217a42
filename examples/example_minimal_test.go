package examples_test

import "github.com/ropa-dev/ropa/ropa"

// minimalExample is the small, complete model of a fictional landlord,
// Example Homes; it models no seed.
var minimalExample = exampleCase{
	dir:        "minimal",
	activities: 5, categories: 5, recipients: 4,
	name: "Example Homes Limited", shortName: "Example Homes",
	icoRegistration: "Z1234567",
	registrations: []ropa.Registration{
		{Register: "Financial Conduct Authority (Co-operative and Community Benefit Societies)", Number: "12345R"},
		{Register: "Regulator of Social Housing", Number: "L0001"},
	},
	dpo:     &ropa.Contact{Name: "Alex Jones", Email: "dpo@example-homes.org.uk", Phone: "0300 000 0001"},
	notices: map[string]string{"tenants": "2025-04-01", "website": "2025-04-01"},
	recipientsWant: []recipientWant{
		{"experian", "Experian Limited", "controller"},
		{"surveys", "SurveyCo Inc.", "processor"},
	},
	schemes:   []schemeWant{{"rental-exchange", "Rental Exchange", "experian"}},
	retention: []retentionWant{{"tenancy", "6 years", "after the tenancy ends"}, {"analytics", "26 months", ""}},
}
