//go:build !linux

package cmd

// environmentCap reports no bound where ropa cannot read one.
func environmentCap() int64 { return 0 }
