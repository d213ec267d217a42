package ropa

import "strings"

// Slug turns free text into lower-case letters, digits and single
// hyphens: every run of other characters becomes one hyphen, with none at
// either end, and the result stops once it is max bytes long (max 0: no
// limit). Keys suggested for invalid ones, keys the importer derives from
// names and the anchors of a notice's free sections are all made by it.
func Slug(s string, max int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if max > 0 && b.Len() >= max {
			break
		}
	}
	return b.String()
}
