package render

// The -update flag is shared by every package's tests, so that
// `go test ./... -update` runs everywhere; this package has no golden files.
import _ "github.com/ropa-dev/ropa/internal/golden"
