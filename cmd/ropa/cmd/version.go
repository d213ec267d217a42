package cmd

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/ropa-dev/ropa/schema"
)

// Version is the ropa release, set at link time with
// -ldflags "-X github.com/ropa-dev/ropa/cmd/ropa/cmd.Version=v1.2.3".
var Version = "devel"

func newVersionCmd(streams IO) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the ropa version and the schema version it reads",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			v := Version
			if info, ok := debug.ReadBuildInfo(); ok && v == "devel" && info.Main.Version != "" && info.Main.Version != "(devel)" {
				v = info.Main.Version
			}
			fmt.Fprintf(streams.Out, "ropa %s\nschema version %s\n", v, schema.Version)
			return nil
		},
	}
}
