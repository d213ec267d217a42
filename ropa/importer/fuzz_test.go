package importer

import (
	"testing"

	"cuelang.org/go/cue/parser"
)

// FuzzImportCSV feeds arbitrary text to the CSV import: it must return an
// error or CUE that parses, never panic.
func FuzzImportCSV(f *testing.F) {
	f.Add([]byte("Purpose of processing,Categories of individuals,Categories of personal data\nRent\nTo collect rent.,Tenants,Identity\n"))
	f.Add([]byte("Business function;Purpose;Data subjects;Personal data;Recipients\nHousing;Repairs;Tenants;Contact;Repairs Co (processor)\n"))
	f.Add([]byte("\"Purpose of processing\",\"Article 6 lawful basis for processing personal data\",\"Article 9 condition for processing special category data\",Retention schedule\n\"A\nB\",Art 6(1)(b) contract,9(2)(g) + Sch 1 para 18,\"X: 6 years after y; z, then delete (note: n)\"\n"))
	f.Add([]byte("Purpose of processing,Categories of recipients,Names of third countries or international organisations that personal data are transferred to (if applicable),Link to contract with processor\nA,B (processor),US (B): IDTA,B: c\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := importData("fuzz.csv", data, Options{})
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		for _, file := range res.Files {
			if _, err := parser.ParseFile(file.Name, file.Data); err != nil {
				t.Fatalf("%s does not parse: %v\n%s", file.Name, err, file.Data)
			}
		}
	})
}
