package render

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/ropa-dev/ropa/render/pdf"
	"github.com/ropa-dev/ropa/ropa"
)

// GlyphWarner returns the function to set as pdf.Options.MissingGlyphs
// for the artifact path, made of model m for what (e.g. `notice
// "tenants"`): it sends opts.Warn one warning per model field whose text
// holds characters the PDF's fonts cannot draw, naming what, the field's
// path (e.g. activities.serve.purpose) and the characters. It returns nil
// when opts.Warn is nil.
func GlyphWarner(opts Options, m *ropa.Model, path, what string) func([]pdf.MissingGlyph) {
	if opts.Warn == nil {
		return nil
	}
	index := sync.OnceValue(func() *fieldIndex { return newFieldIndex(m) })
	return func(missing []pdf.MissingGlyph) {
		chars := map[string][]rune{} // by field path, or by quoted text
		var order []string
		for _, g := range missing {
			places := index().fields(g.Text, g.Char)
			if len(places) == 0 {
				places = []string{"text " + strconv.Quote(clip(g.Text, 60))}
			}
			for _, p := range places {
				if _, ok := chars[p]; !ok {
					order = append(order, p)
				}
				if !containsRune(chars[p], g.Char) {
					chars[p] = append(chars[p], g.Char)
				}
			}
		}
		sort.Strings(order)
		for _, p := range order {
			cs := chars[p]
			sort.Slice(cs, func(i, j int) bool { return cs[i] < cs[j] })
			var names []string
			for i, c := range cs {
				if i == 8 {
					names = append(names, fmt.Sprintf("and %d more", len(cs)-i))
					break
				}
				names = append(names, fmt.Sprintf("%q (U+%04X)", c, c))
			}
			opts.Warnf(path, "%s: %s: no glyph in the PDF font for %s; printed as [U+XXXX]",
				what, p, strings.Join(names, ", "))
		}
	}
}

func containsRune(cs []rune, c rune) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// clip shortens s to at most n characters.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// fieldIndex holds every string of a model with its field path.
type fieldIndex struct {
	list []field
}

type field struct{ path, value string }

// newFieldIndex lists the strings of m, by the path CUE would give them:
// activities.serve.purpose, notices.all.sections[0].paragraphs[1].
func newFieldIndex(m *ropa.Model) *fieldIndex {
	x := &fieldIndex{}
	data, err := json.Marshal(m)
	if err != nil {
		return x
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return x
	}
	x.walk("", v)
	return x
}

var identifier = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$-]*$`)

func (x *fieldIndex) walk(path string, v any) {
	switch v := v.(type) {
	case string:
		x.list = append(x.list, field{path, v})
	case []any:
		for i, e := range v {
			x.walk(fmt.Sprintf("%s[%d]", path, i), e)
		}
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			label := k
			if !identifier.MatchString(k) {
				label = strconv.Quote(k)
			}
			if path != "" {
				label = path + "." + label
			}
			x.walk(label, v[k])
		}
	}
}

// fields returns the paths of the fields holding c: those whose value and
// text overlap (one holds the other, white space aside) when there are
// any, else every field holding c.
func (x *fieldIndex) fields(text string, c rune) []string {
	t := strings.Join(strings.Fields(text), " ")
	var holding, overlapping []string
	for _, f := range x.list {
		if !strings.ContainsRune(f.value, c) {
			continue
		}
		holding = append(holding, f.path)
		v := strings.Join(strings.Fields(f.value), " ")
		if strings.Contains(t, v) || strings.Contains(v, t) {
			overlapping = append(overlapping, f.path)
		}
	}
	if len(overlapping) > 0 {
		return overlapping
	}
	return holding
}
