// Package synth generates synthetic ropa models of a chosen size, for
// benchmarks and scaling measurements. The models are valid, deterministic
// and exercise every kind of reference.
package synth

import (
	"fmt"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
)

// Files returns a model of the given size as one CUE file, model.cue:
// activities processing activities spread over categories data categories
// and recipients recipients, all shown in one notice, "all".
func Files(activities, categories, recipients int) []ropa.File {
	return []ropa.File{{Name: "model.cue", Data: []byte(Source(activities, categories, recipients))}}
}

// Source returns the CUE text of the model Files makes.
func Source(activities, categories, recipients int) string {
	categories = max(categories, 1)
	var b strings.Builder
	b.Grow(activities * 700)
	b.WriteString(`package synth

schemaVersion: "1"
controller: {
	name: "Synthetic Housing Limited"
	icoRegistration: "Z0000000"
	address: {lines: ["1 Test Street", "Testtown"], postcode: "TT1 1TT"}
	dpo: {email: "dpo@synthetic.example", phone: "0300 000 0000"}
}
notices: all: {title: "Privacy notice", version: "1", lastUpdated: "2025-01-01"}
subjects: {
	tenants: name: "Tenants"
	applicants: name: "Applicants"
}
sources: you: {name: "You", kind: "subject"}
retention: {
	short: {name: "Short", period: "1 year", source: "Policy"}
	long: {name: "Long", period: "6 years", trigger: "after the tenancy ends", source: "Limitation Act 1980"}
}
security: measures: ["Access control"]
`)
	b.WriteString("categories: {\n")
	for i := 0; i < categories; i++ {
		fmt.Fprintf(&b, "\tc%d: {name: \"Category %d\", examples: [\"example %d\"], retention: [\"long\"]", i, i, i)
		if i%50 == 7 {
			b.WriteString(`, special: "health"`)
		}
		b.WriteString("}\n")
	}
	b.WriteString("}\nrecipients: {\n")
	for i := 0; i < recipients; i++ {
		role := "processor"
		if i%3 == 1 {
			role = "controller"
		}
		fmt.Fprintf(&b, "\tr%d: {name: \"Recipient %d\", role: %q, contract: \"DPA-%d\"}\n", i, i, role, i)
	}
	b.WriteString("}\nactivities: {\n")
	for i := 0; i < activities; i++ {
		c1, c2 := i%categories, (i*7+3)%categories
		if c2 == c1 {
			c2 = (c1 + 1) % categories
		}
		fmt.Fprintf(&b, "\ta%d: {\n\t\tname: \"Activity %d\"\n\t\tpurpose: \"To carry out synthetic purpose number %d for our tenants.\"\n", i, i, i)
		b.WriteString("\t\taudiences: [\"all\"]\n\t\tsubjects: [\"tenants\", \"applicants\"]\n")
		if c1 == c2 {
			fmt.Fprintf(&b, "\t\tcategories: [\"c%d\"]\n", c1)
		} else {
			fmt.Fprintf(&b, "\t\tcategories: [\"c%d\", \"c%d\"]\n", c1, c2)
		}
		if i%4 == 0 {
			fmt.Fprintf(&b, "\t\tlawfulBases: [{basis: \"legitimate-interests\", interest: \"Running service %d well.\", assessment: \"LIA-%d\"}]\n", i, i)
		} else {
			b.WriteString("\t\tlawfulBases: [{basis: \"contract\"}, {basis: \"legal-obligation\", law: \"Housing Act 1996\"}]\n")
		}
		if c1%50 == 7 || c2%50 == 7 {
			b.WriteString("\t\tspecialConditions: [{article9: \"h\", schedule1: 2}]\n")
		}
		b.WriteString("\t\tsources: [\"you\"]\n")
		switch {
		case recipients == 1:
			b.WriteString("\t\trecipients: [\"r0\"]\n")
		case recipients > 1:
			r1, r2 := i%recipients, (i*13+5)%recipients
			if r2 == r1 {
				r2 = (r1 + 1) % recipients
			}
			fmt.Fprintf(&b, "\t\trecipients: [\"r%d\", \"r%d\"]\n", r1, r2)
		}
		b.WriteString("\t\tretention: [\"long\"]\n")
		b.WriteString("\t\trequirement: {kind: \"contractual\", consequence: \"We cannot provide the service.\"}\n")
		b.WriteString("\t\tautomation: decisions: false\n\t}\n")
	}
	b.WriteString("}\n")
	return b.String()
}
