// Command gen writes a synthetic model to a directory, for measuring
// `ropa check` against `cue vet` on the same files:
//
//	go run ./internal/synth/gen -activities 5000 -categories 300 -recipients 500 -out /tmp/synth
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ropa-dev/ropa/internal/synth"
)

func main() {
	activities := flag.Int("activities", 5000, "number of processing activities")
	categories := flag.Int("categories", 300, "number of data categories")
	recipients := flag.Int("recipients", 500, "number of recipients")
	out := flag.String("out", "", "directory to write model.cue into (required)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out DIR is required")
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	for _, f := range synth.Files(*activities, *categories, *recipients) {
		if err := os.WriteFile(filepath.Join(*out, f.Name), f.Data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}
