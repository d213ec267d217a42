package html

import (
	"strconv"

	"github.com/ropa-dev/ropa/render/doc"
)

// ids gives every section a unique, well-formed anchor: its own ID when
// that is a non-empty run of a-z, 0-9 and '-' not yet taken, otherwise a
// numbered "section-N". Each section also owns ID+"-heading".
type ids struct {
	bySection map[*doc.Section]string
	taken     map[string]bool
}

func newIDs(d *doc.Document) *ids {
	m := &ids{bySection: map[*doc.Section]string{}, taken: map[string]bool{"main": true}}
	n := 0
	var walk func(ss []*doc.Section)
	walk = func(ss []*doc.Section) {
		for _, s := range ss {
			if s == nil {
				continue
			}
			n++
			id := s.ID
			if !validID(id) || m.taken[id] || m.taken[id+"-heading"] {
				id = m.unique("section-" + strconv.Itoa(n))
			}
			m.taken[id] = true
			m.taken[id+"-heading"] = true
			m.bySection[s] = id
			walk(s.Sections)
		}
	}
	walk(d.Sections)
	return m
}

// of returns the anchor of s.
func (m *ids) of(s *doc.Section) string { return m.bySection[s] }

// unique returns base, or base with a suffix, not yet taken, and takes it.
func (m *ids) unique(base string) string {
	id := base
	for i := 2; m.taken[id] || m.taken[id+"-heading"]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	m.taken[id] = true
	return id
}

func validID(id string) bool {
	if id == "" {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
