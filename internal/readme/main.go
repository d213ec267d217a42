// Command readme regenerates the table of examples in README.md: every
// model under examples/, linted with a fixed clock, with its size, its
// findings by severity and the finding that best shows what the linter
// catches in it. Run it from the repository root:
//
//	go run ./internal/readme
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	root := flag.String("root", ".", "the repository root, holding README.md and examples/")
	flag.Parse()
	if err := run(*root); err != nil {
		fmt.Fprintln(os.Stderr, "readme:", err)
		os.Exit(1)
	}
}

// run rewrites root/README.md when its table is out of date.
func run(root string) error {
	name := filepath.Join(root, "README.md")
	old, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	tbl, err := table(filepath.Join(root, "examples"))
	if err != nil {
		return err
	}
	updated, err := splice(old, tbl)
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	if string(updated) == string(old) {
		fmt.Fprintln(os.Stderr, "readme: README.md is up to date")
		return nil
	}
	st, err := os.Stat(name)
	if err != nil {
		return err
	}
	if err := os.WriteFile(name, updated, st.Mode().Perm()); err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, "readme: README.md updated")
	return nil
}
