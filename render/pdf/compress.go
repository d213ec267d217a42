package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"regexp"
	"strconv"
	"sync"
)

// fpdf compresses each page's content with a zlib writer of its own: for a
// notice of a few hundred pages that was most of the memory a PDF took
// (about 680 MB allocated for 566 pages). So fpdf writes the pages
// uncompressed, and the rewrite that adds the structure tree compresses
// them with writers taken from a pool, at the level fpdf uses, which gives
// the same bytes fpdf would have written.

// zlibWriters pools zlib writers at fpdf's level, reset for each stream.
var zlibWriters = sync.Pool{New: func() any {
	w, err := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	if err != nil {
		panic(err) // BestSpeed is a valid level
	}
	return w
}}

// deflate compresses data into a new slice with a pooled writer.
func deflate(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(data) / 3)
	w := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(w)
	w.Reset(&buf)
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var (
	contentsRef = regexp.MustCompile(`/Contents (\d+) 0 R`)
	// plainStream matches an object fpdf wrote with an uncompressed stream.
	plainStream = regexp.MustCompile(`^(\d+) 0 obj\n<</Length (\d+)>>\nstream\n`)
)

// compressContents returns the content objects of the given pages with
// their streams compressed, keyed by object number.
func (p *pdfFile) compressContents(pages []int) (map[int][]byte, error) {
	out := map[int][]byte{}
	for _, pg := range pages {
		m := contentsRef.FindSubmatch(p.objs[pg])
		if m == nil {
			return nil, fmt.Errorf("page object %d names no contents", pg)
		}
		num, _ := strconv.Atoi(string(m[1]))
		obj := p.objs[num]
		h := plainStream.FindSubmatchIndex(obj)
		if h == nil {
			return nil, fmt.Errorf("contents object %d is not an uncompressed stream: %.80q", num, obj)
		}
		n, _ := strconv.Atoi(string(obj[h[4]:h[5]]))
		start := h[1]
		if start+n > len(obj) || !bytes.HasPrefix(obj[start+n:], []byte("\nendstream")) {
			return nil, fmt.Errorf("contents object %d: its stream is not %d bytes long", num, n)
		}
		data, err := deflate(obj[start : start+n])
		if err != nil {
			return nil, fmt.Errorf("compressing page contents: %w", err)
		}
		var b bytes.Buffer
		fmt.Fprintf(&b, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", num, len(data))
		b.Write(data)
		b.Write(obj[start+n:])
		out[num] = b.Bytes()
	}
	return out, nil
}
