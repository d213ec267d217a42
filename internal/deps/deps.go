//go:build tools

// Package deps pins the modules the renderers and tests use, so that
// `go mod tidy` keeps them while the packages that import them are written.
package deps

import (
	_ "codeberg.org/go-pdf/fpdf"
	_ "cuelang.org/go/cmd/cue"
	_ "github.com/rogpeppe/go-internal/testscript"
	_ "github.com/spf13/cobra"
	_ "github.com/xuri/excelize/v2"
	_ "github.com/yuin/goldmark"
	_ "golang.org/x/image/font/gofont/goregular"
	_ "golang.org/x/net/html"
)
