package cmd

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/ropa-dev/ropa/schema"
)

// Version is the ropa release, set at link time (make dist does) with
// -ldflags "-X github.com/ropa-dev/ropa/cmd/ropa/cmd.Version=v1.2.3".
// A binary built by `go install ...@v1.2.3` reads it from its build
// information instead.
var Version = "devel"

// Commit is the commit ropa was built from, set at link time with
// -ldflags "-X github.com/ropa-dev/ropa/cmd/ropa/cmd.Commit=0123abc";
// empty, it is read from the build information when Go recorded it.
var Commit = ""

// versionLine is "ropa VERSION", with " (commit HASH)" when it is known.
func versionLine() string {
	v, c := Version, Commit
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "devel" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		if c == "" {
			for _, s := range info.Settings {
				if s.Key == "vcs.revision" {
					c = s.Value
				}
			}
		}
	}
	if c == "" {
		return "ropa " + v
	}
	return fmt.Sprintf("ropa %s (commit %s)", v, c)
}

func newVersionCmd(streams IO) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the ropa version and the schema version it reads",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintf(streams.Out, "%s\nschema version %s\n", versionLine(), schema.Version)
			return nil
		},
	}
}
