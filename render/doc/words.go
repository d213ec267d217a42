package doc

import (
	"strings"
	"unicode"
)

// WordsPerMinute is the reading speed ReadingMinutes assumes: a little
// below the 238 words a minute adults average on non-fiction (Brysbaert,
// 2019), since a notice is read for what it commits to.
const WordsPerMinute = 200

// Words counts the words of s: the runs between spaces that hold a letter
// or a digit, so that a dash or a bullet standing alone is not a word.
func Words(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// WordCount counts the words a reader of d reads: the title block, the
// intro, and every section's title, paragraphs, list items, and tables'
// captions, headers and cells.
func (d *Document) WordCount() int {
	if d == nil {
		return 0
	}
	n := Words(d.Title) + Words(d.Subtitle) + Words(d.Version) + Words(d.DateLabel())
	n += BlockWords(d.Intro)
	d.Walk(func(s *Section, _ int) {
		if s != nil {
			n += Words(s.Title) + BlockWords(s.Blocks)
		}
	})
	return n
}

// SectionWords counts the words of s and its sub-sections: titles and
// blocks.
func SectionWords(s *Section) int {
	if s == nil {
		return 0
	}
	n := Words(s.Title) + BlockWords(s.Blocks)
	for _, c := range s.Sections {
		n += SectionWords(c)
	}
	return n
}

// BlockWords counts the words of the blocks.
func BlockWords(bs []Block) int {
	n := 0
	for _, b := range bs {
		switch b := b.(type) {
		case *Paragraph:
			if b != nil {
				n += Words(PlainText(b.Text))
			}
		case *List:
			if b != nil {
				for _, it := range b.Items {
					n += Words(PlainText(it))
				}
			}
		case *Table:
			if b == nil {
				continue
			}
			n += Words(b.Caption)
			for _, h := range b.Header {
				n += Words(h)
			}
			for _, r := range b.Rows {
				for _, c := range r {
					for _, l := range c {
						n += Words(PlainText(l))
					}
				}
			}
		}
	}
	return n
}

// ReadingMinutes is how long words take to read at WordsPerMinute, in
// whole minutes rounded up; at least one minute for any text.
func ReadingMinutes(words int) int {
	if words <= 0 {
		return 0
	}
	return (words + WordsPerMinute - 1) / WordsPerMinute
}
