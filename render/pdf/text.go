package pdf

import (
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
)

// frag is a piece of a laid-out line in one style.
type frag struct {
	text string
	bold bool
	url  string // a safe address, or ""
	// brk is set on the last fragment of a line that the text goes on
	// after, at a space.
	brk bool
	// link numbers the run a fragment with a url comes from, so that the
	// pieces of one link make one Link element.
	link int
	w    float64
}

// line is one laid-out line of text.
type line []frag

// word is a run of characters without spaces, possibly in several styles,
// with the space that precedes it (nil at the start of the text).
type word struct {
	parts []frag
	space *frag
	w     float64
}

func sameStyle(a, b frag) bool { return a.bold == b.bold && a.url == b.url && a.link == b.link }

// ptToMM is the length of a point in millimetres.
const ptToMM = 0.3528

// lineHeight is the leading for a font size in points, in millimetres.
func lineHeight(size float64) float64 { return size * ptToMM * 1.4 }

// style is a font and colour choice; setStyle skips fpdf calls when it
// has not changed, which matters because fpdf's SetFont is costly.
type style struct {
	bold, link bool
	size       float64
}

// setStyle selects the font and colour for a fragment.
func (r *renderer) setStyle(bold bool, url string, size float64) {
	st := style{bold: bold, link: url != "", size: size}
	if r.styleOK && r.style == st {
		return
	}
	r.style, r.styleOK = st, true
	fs := ""
	if bold {
		fs = "B"
	}
	if st.link {
		fs += "U"
		r.f.SetTextColor(29, 79, 145)
	} else {
		r.f.SetTextColor(20, 20, 20)
	}
	r.f.SetFont(fontFamily, fs, size)
}

func (r *renderer) measure(s string, bold bool, size float64) float64 {
	r.setStyle(bold, "", size)
	return r.f.GetStringWidth(s)
}

// words splits runs into words, collapsing white space.
func (r *renderer) words(runs []doc.Inline, bold bool) []word {
	var out []word
	var cur word
	var space *frag
	for _, run := range runs {
		f := frag{bold: bold || run.Strong}
		if doc.SafeURL(run.URL) {
			f.url = run.URL
			r.links++
			f.link = r.links
		}
		text := r.drawable(run.Text)
		for len(text) > 0 {
			if text[0] == ' ' {
				if len(cur.parts) > 0 {
					out = append(out, cur)
					cur = word{}
				}
				if len(out) > 0 && space == nil {
					sp := f
					sp.text = " "
					space = &sp
				}
				text = text[1:]
				continue
			}
			n := strings.IndexByte(text, ' ')
			if n < 0 {
				n = len(text)
			}
			if len(cur.parts) == 0 {
				cur.space, space = space, nil
			}
			p := f
			p.text = text[:n]
			if k := len(cur.parts); k > 0 && sameStyle(cur.parts[k-1], p) {
				cur.parts[k-1].text += p.text
			} else {
				cur.parts = append(cur.parts, p)
			}
			text = text[n:]
		}
	}
	if len(cur.parts) > 0 {
		out = append(out, cur)
	}
	return out
}

// wrap lays runs out in lines at most width wide. A word wider than a
// line is broken between characters.
func (r *renderer) wrap(runs []doc.Inline, width, size float64, bold bool) []line {
	ws := r.words(runs, bold)
	for i := range ws {
		for j := range ws[i].parts {
			p := &ws[i].parts[j]
			p.w = r.measure(p.text, p.bold, size)
			ws[i].w += p.w
		}
		if s := ws[i].space; s != nil {
			s.w = r.measure(" ", s.bold, size)
		}
	}
	var lines []line
	var cur line
	var curW float64
	flush := func() {
		if len(cur) > 0 {
			lines = append(lines, cur)
		}
		cur, curW = nil, 0
	}
	// brk ends a line the text goes on after, marking where a space or
	// break belongs for text extraction.
	brk := func() {
		if len(cur) > 0 {
			cur[len(cur)-1].brk = true
		}
		flush()
	}
	for _, w := range ws {
		if len(cur) > 0 && w.space != nil {
			if curW+w.space.w+w.w <= width {
				cur = appendFrag(cur, *w.space)
				curW += w.space.w
			} else {
				brk()
			}
		} else if len(cur) > 0 && curW+w.w > width {
			flush()
		}
		if w.w <= width-curW {
			for _, p := range w.parts {
				cur = appendFrag(cur, p)
			}
			curW += w.w
			continue
		}
		// Too wide for any line: break it between characters.
		for _, p := range w.parts {
			for _, c := range p.text {
				ch := p
				ch.text = string(c)
				ch.w = r.measure(ch.text, ch.bold, size)
				if len(cur) > 0 && curW+ch.w > width {
					flush()
				}
				cur = appendFrag(cur, ch)
				curW += ch.w
			}
		}
	}
	flush()
	return lines
}

// appendFrag adds f to l, merging it into the last fragment of the same
// style.
func appendFrag(l line, f frag) line {
	if n := len(l); n > 0 && sameStyle(l[n-1], f) {
		l[n-1].text += f.text
		l[n-1].w += f.w
		return l
	}
	return append(l, f)
}

// drawLine draws l with its top left corner at (x, y) as content of the
// structure element e; a link is a Link element inside e, with its
// annotation.
func (r *renderer) drawLine(e *elem, l line, x, y, size, lh float64) {
	for _, f := range l {
		r.setStyle(f.bold, f.url, size)
		switch {
		case e == nil:
			// An artifact: its sequence is open already.
		case f.url != "":
			link := r.link(e, f.link)
			r.mark(link)
			// The box fpdf would give the link: the text's height, centred
			// on the line.
			fs := size / r.f.GetConversionRatio()
			r.addAnnot(link, x, y+lh/2-fs/2, f.w, fs, f.url, f.text)
		default:
			r.mark(e)
		}
		r.f.SetXY(x, y)
		text := f.text
		if f.brk {
			text += " "
		}
		r.f.CellFormat(f.w, lh, text, "", 0, "L", false, 0, "")
		x += f.w
	}
}
