package ropa

import (
	"regexp"
	"strconv"
	"strings"

	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/literal"
)

// Field paths, as diagnostics print them and Positions looks them up, are
// CUE paths: selectors joined by dots, with list indices in brackets
// (activities.rent.categories[1]). A selector that is a valid key or
// identifier is written bare, as the README and every message have always
// shown keys such as cctv-cameras; any other label is quoted as a CUE
// string (notices."tenants.fragment", "../../pwned"), so that a key with a
// dot, a slash or a quote in it reads as the one label it is.

// bareLabel matches the labels a path writes without quotes: identifiers,
// definitions, and keys of the #Key alphabet (which allows '-').
var bareLabel = regexp.MustCompile(`^[#_]?[A-Za-z_$][A-Za-z0-9_$-]*$`)

// pathLabel writes one label as a path selector.
func pathLabel(s string) string {
	if bareLabel.MatchString(s) {
		return s
	}
	return literal.String.Quote(s)
}

// keyPath is the path of the entity key in table.
func keyPath(table, key string) string { return table + "." + pathLabel(key) }

// KeyPath is the path of key in the map at table, the key quoted when it
// is not a bare label: translations.cy."activities.rent.purpose".
func KeyPath(table, key string) string { return keyPath(table, key) }

// CUELabel writes a key as a CUE label: bare when it is a CUE identifier,
// quoted otherwise. A key such as cctv-cameras is a valid ropa key but
// not an identifier (CUE would read the '-' as subtraction), so it is
// written "cctv-cameras"; hints that tell people what to write use it.
func CUELabel(key string) string {
	if ast.IsValidIdent(key) && !strings.HasPrefix(key, "#") && !strings.HasPrefix(key, "_") {
		return key
	}
	return literal.String.Quote(key)
}

// pathSeg is one selector or index of a path.
type pathSeg struct {
	name    string // the label, unquoted
	index   int
	isIndex bool
}

// splitPath splits a path into its labels (unquoted) and indices.
func splitPath(path string) []pathSeg {
	var out []pathSeg
	for i := 0; i < len(path); {
		switch c := path[i]; {
		case c == '.':
			i++
		case c == '[':
			j := strings.IndexByte(path[i:], ']')
			if j < 0 {
				out = append(out, pathSeg{name: path[i:]})
				return out
			}
			n, err := strconv.Atoi(path[i+1 : i+j])
			if err != nil {
				out = append(out, pathSeg{name: path[i : i+j+1]})
			} else {
				out = append(out, pathSeg{index: n, isIndex: true})
			}
			i += j + 1
		case c == '"':
			j := quotedEnd(path, i)
			name, err := literal.Unquote(path[i:j])
			if err != nil {
				name = path[i:j]
			}
			out = append(out, pathSeg{name: name})
			i = j
		default:
			j := i
			for j < len(path) && path[j] != '.' && path[j] != '[' {
				j++
			}
			out = append(out, pathSeg{name: path[i:j]})
			i = j
		}
	}
	return out
}

// quotedEnd returns the index just past the quoted string starting at i.
func quotedEnd(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(s)
}

// lastSep returns the index of the '.' or '[' that starts the last
// selector or index of path, -1 when it has one only.
func lastSep(path string) int {
	last := -1
	for i := 0; i < len(path); i++ {
		switch path[i] {
		case '"':
			i = quotedEnd(path, i) - 1
		case '.', '[':
			last = i
		}
	}
	return last
}

// parentPath strips the last selector or index from a field path.
func parentPath(p string) string {
	i := lastSep(p)
	if i < 0 {
		return ""
	}
	return p[:i]
}

// lastField is the last label of a field path, unquoted, without any
// index.
func lastField(path string) string {
	p := path
	for strings.HasSuffix(p, "]") {
		p = parentPath(p)
	}
	segs := splitPath(p)
	if len(segs) == 0 {
		return ""
	}
	return segs[len(segs)-1].name
}
