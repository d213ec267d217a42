// Command ropa validates, lints and renders a Record of Processing
// Activities written in CUE. See `ropa help`.
package main

import (
	"os"

	"github.com/ropa-dev/ropa/cmd/ropa/cmd"
)

func main() { os.Exit(cmd.Main()) }
