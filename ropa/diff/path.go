package diff

import (
	"strconv"
	"strings"
)

// frameKind says how a frame extends a path.
type frameKind int

const (
	fieldFrame frameKind = iota // .name on every path
	itemFrame                   // [key] shown, [i] and [j] in the model paths
	mapFrame                    // .key shown and in the model paths
)

// frame is one step from an entity down to a field.
type frame struct {
	kind       frameKind
	name       string // field name, item key or map key
	oldI, newI int    // item indexes on each side
}

// fieldPath is where the walk is: the entity's model paths and the steps below
// them. The strings are built only when a change is recorded, so that
// walking the unchanged bulk of a model allocates nothing.
type fieldPath struct {
	oldBase, newBase string
	frames           []frame
}

func (p *fieldPath) push(f frame) { p.frames = append(p.frames, f) }
func (p *fieldPath) pop()         { p.frames = p.frames[:len(p.frames)-1] }

// field is the path shown to people: lawfulBases[consent].consent.how.
func (p *fieldPath) field() string {
	var b strings.Builder
	for _, f := range p.frames {
		switch f.kind {
		case itemFrame:
			b.WriteString("[" + f.name + "]")
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(f.name)
		}
	}
	return b.String()
}

// rule is the path the classification matches: field names only,
// lawfulBases.consent.how.
func (p *fieldPath) rule() string {
	var b strings.Builder
	for _, f := range p.frames {
		if f.kind == fieldFrame {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(f.name)
		}
	}
	return b.String()
}

// lastField is the name of the innermost field.
func (p *fieldPath) lastField() string {
	for i := len(p.frames) - 1; i >= 0; i-- {
		if p.frames[i].kind == fieldFrame {
			return p.frames[i].name
		}
	}
	return ""
}

// model is the model path on one side, as ropa.Positions keys it:
// activities.rent.lawfulBases[1].consent.how.
func (p *fieldPath) model(newSide bool) string {
	var b strings.Builder
	if newSide {
		b.WriteString(p.newBase)
	} else {
		b.WriteString(p.oldBase)
	}
	for _, f := range p.frames {
		switch f.kind {
		case itemFrame:
			i := f.oldI
			if newSide {
				i = f.newI
			}
			b.WriteString("[" + strconv.Itoa(i) + "]")
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(selector(f.name))
		}
	}
	return b.String()
}
