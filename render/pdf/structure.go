package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// fpdf has no way to add entries to the catalog or the page dictionaries,
// which a structure tree needs. writeStructure therefore rewrites the file
// fpdf wrote, which it can read exactly because fpdf writes every object
// uncompressed at an offset its cross-reference table gives: it keeps every
// object and its number, adds to the catalog (StructTreeRoot, MarkInfo,
// ViewerPreferences) and to each page (StructParents, Tabs, Annots), appends
// the structure tree, its parent tree and the link annotations as new
// objects, and writes a new cross-reference table. The result is one
// revision, not an incremental update, and depends only on its input.
//
// The rewrite relies on how fpdf v0.12 lays out a file; a file it cannot
// read so is an error, never a silently untagged PDF, and the tests read
// the result back with poppler.

// pdfFile is a PDF as fpdf writes it, split into objects.
type pdfFile struct {
	header []byte         // everything before the first object
	objs   map[int][]byte // object number to "N 0 obj ... endobj\n"
	order  []int          // object numbers in file order
	size   int            // the trailer's /Size
	root   int            // the catalog's object number
	info   int            // the document information's object number
}

var (
	trailerRoot = regexp.MustCompile(`/Root (\d+) 0 R`)
	trailerInfo = regexp.MustCompile(`/Info (\d+) 0 R`)
	pagesRef    = regexp.MustCompile(`/Pages (\d+) 0 R`)
	kidsArray   = regexp.MustCompile(`/Kids \[((?:\d+ 0 R ?)*)\]`)
	objRef      = regexp.MustCompile(`(\d+) 0 R`)
)

// parsePDF splits a file fpdf wrote into its objects.
func parsePDF(b []byte) (*pdfFile, error) {
	i := bytes.LastIndex(b, []byte("startxref\n"))
	if i < 0 {
		return nil, errors.New("no startxref")
	}
	rest := b[i+len("startxref\n"):]
	end := bytes.IndexByte(rest, '\n')
	if end < 0 {
		return nil, errors.New("startxref without an offset")
	}
	xref, err := strconv.Atoi(string(rest[:end]))
	if err != nil || xref <= 0 || xref >= i {
		return nil, errors.New("bad startxref offset")
	}
	lines := strings.Split(string(b[xref:i]), "\n")
	if len(lines) < 3 || lines[0] != "xref" {
		return nil, errors.New("no cross-reference table at startxref")
	}
	var first, n int
	if _, err := fmt.Sscanf(lines[1], "%d %d", &first, &n); err != nil || first != 0 || n < 2 || len(lines) < 2+n {
		return nil, errors.New("unexpected cross-reference subsection")
	}
	p := &pdfFile{objs: map[int][]byte{}}
	offsets := map[int]int{}
	for num := 1; num < n; num++ {
		var off, gen int
		var kind string
		if _, err := fmt.Sscanf(lines[2+num], "%d %d %s", &off, &gen, &kind); err != nil || kind != "n" || off <= 0 || off >= xref {
			return nil, fmt.Errorf("bad cross-reference entry for object %d", num)
		}
		offsets[num] = off
		p.order = append(p.order, num)
	}
	slices.SortFunc(p.order, func(a, b int) int { return offsets[a] - offsets[b] })
	for k, num := range p.order {
		stop := xref
		if k+1 < len(p.order) {
			stop = offsets[p.order[k+1]]
		}
		body := b[offsets[num]:stop]
		if !bytes.HasPrefix(body, []byte(strconv.Itoa(num)+" 0 obj\n")) || !bytes.HasSuffix(body, []byte("endobj\n")) {
			return nil, fmt.Errorf("object %d is not where the cross-reference table says", num)
		}
		p.objs[num] = body
	}
	p.header = b[:offsets[p.order[0]]]
	trailer := b[xref:i]
	root, info := trailerRoot.FindSubmatch(trailer), trailerInfo.FindSubmatch(trailer)
	if root == nil || info == nil {
		return nil, errors.New("the trailer names no catalog or information dictionary")
	}
	p.root, _ = strconv.Atoi(string(root[1]))
	p.info, _ = strconv.Atoi(string(info[1]))
	p.size = n
	if p.objs[p.root] == nil || p.objs[p.info] == nil {
		return nil, errors.New("the trailer names objects the file lacks")
	}
	return p, nil
}

// pages returns the object numbers of the pages, in order.
func (p *pdfFile) pages() ([]int, error) {
	m := pagesRef.FindSubmatch(p.objs[p.root])
	if m == nil {
		return nil, errors.New("the catalog names no page tree")
	}
	num, _ := strconv.Atoi(string(m[1]))
	k := kidsArray.FindSubmatch(p.objs[num])
	if k == nil {
		return nil, errors.New("the page tree has no /Kids")
	}
	var out []int
	for _, r := range objRef.FindAllSubmatch(k[1], -1) {
		n, _ := strconv.Atoi(string(r[1]))
		if p.objs[n] == nil {
			return nil, fmt.Errorf("page object %d missing", n)
		}
		out = append(out, n)
	}
	return out, nil
}

// insertAfter returns obj with add inserted after the first occurrence of
// at, or an error naming what when there is none.
func insertAfter(obj []byte, at, add, what string) ([]byte, error) {
	i := bytes.Index(obj, []byte(at))
	if i < 0 {
		return nil, fmt.Errorf("%s: no %q", what, at)
	}
	i += len(at)
	out := make([]byte, 0, len(obj)+len(add))
	out = append(out, obj[:i]...)
	out = append(out, add...)
	return append(out, obj[i:]...), nil
}

// writeStructure returns the PDF fpdf wrote with t's structure tree and
// link annotations added (see the comment at the top of this file).
func (t *tagger) writeStructure(b []byte) ([]byte, error) {
	p, err := parsePDF(b)
	if err != nil {
		return nil, fmt.Errorf("adding the structure tree: %w", err)
	}
	pages, err := p.pages()
	if err != nil {
		return nil, fmt.Errorf("adding the structure tree: %w", err)
	}
	if len(t.mcids) > len(pages) {
		return nil, fmt.Errorf("adding the structure tree: content on %d pages, but the file has %d", len(t.mcids), len(pages))
	}
	prune(t.root)

	// Number the new objects: the tree root, the parent tree, the
	// elements in reading order, then the annotations.
	next := p.size
	treeRoot, parentTree := next, next+1
	next += 2
	var elems []*elem
	var number func(e *elem)
	number = func(e *elem) {
		e.obj = next
		next++
		elems = append(elems, e)
		for _, k := range e.kids {
			if k.elem != nil {
				number(k.elem)
			}
		}
	}
	number(t.root)
	annotObj := make([]int, len(t.annots))
	for i := range t.annots {
		annotObj[i] = next
		next++
	}

	var nw bytes.Buffer // the new objects
	offsets := map[int]int{}
	var out bytes.Buffer
	newObj := func(num int, body string) {
		offsets[num] = nw.Len() // relative; fixed up below
		fmt.Fprintf(&nw, "%d 0 obj\n%s\nendobj\n", num, body)
	}
	annotsOf := make([][]int, len(pages))
	for i, a := range t.annots {
		annotsOf[a.page-1] = append(annotsOf[a.page-1], annotObj[i])
	}

	// The parent tree maps each page's MCIDs, then each annotation, to
	// its element.
	var nums strings.Builder
	nums.WriteString("<</Nums [")
	for i := range pages {
		fmt.Fprintf(&nums, "%d [", i)
		if i < len(t.mcids) {
			for j, e := range t.mcids[i] {
				if j > 0 {
					nums.WriteByte(' ')
				}
				fmt.Fprintf(&nums, "%d 0 R", e.obj)
			}
		}
		nums.WriteString("] ")
	}
	for i, a := range t.annots {
		fmt.Fprintf(&nums, "%d %d 0 R ", len(pages)+i, a.link.obj)
	}
	nums.WriteString("]>>")
	newObj(treeRoot, fmt.Sprintf("<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>",
		t.root.obj, parentTree, len(pages)+len(t.annots)))
	newObj(parentTree, nums.String())
	for _, e := range elems {
		newObj(e.obj, t.elemDict(e, treeRoot, pages, annotObj))
	}
	for i, a := range t.annots {
		newObj(annotObj[i], fmt.Sprintf("<</Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] /F 4 /P %d 0 R /StructParent %d /Contents %s /A <</S /URI /URI %s>>>>",
			a.rect[0], a.rect[1], a.rect[2], a.rect[3], pages[a.page-1], len(pages)+i, textString(a.text), uriString(a.uri)))
	}

	// Compress the pages' contents, which fpdf left plain; then amend the
	// catalog and the pages.
	objs, err := p.compressContents(pages)
	if err != nil {
		return nil, fmt.Errorf("adding the structure tree: %w", err)
	}
	objs[p.root], err = insertAfter(p.objs[p.root], "/Type /Catalog\n", fmt.Sprintf(
		"/StructTreeRoot %d 0 R\n/MarkInfo <</Marked true>>\n/ViewerPreferences <</DisplayDocTitle true>>\n", treeRoot), "catalog")
	if err != nil {
		return nil, fmt.Errorf("adding the structure tree: %w", err)
	}
	for i, num := range pages {
		add := fmt.Sprintf("/StructParents %d\n/Tabs /S\n", i)
		if as := annotsOf[i]; len(as) > 0 {
			add += "/Annots ["
			for j, a := range as {
				if j > 0 {
					add += " "
				}
				add += strconv.Itoa(a) + " 0 R"
			}
			add += "]\n"
		}
		if bytes.Contains(p.objs[num], []byte("/Annots")) {
			return nil, fmt.Errorf("adding the structure tree: page object %d already has annotations", num)
		}
		if objs[num], err = insertAfter(p.objs[num], "<</Type /Page\n", add, "page"); err != nil {
			return nil, fmt.Errorf("adding the structure tree: %w", err)
		}
	}

	// Write the file: the header (as PDF 1.7, which tagged PDF and /Tabs
	// need), the objects in their old order, the new ones, then a new
	// cross-reference table and trailer.
	header := p.header
	if nl := bytes.IndexByte(header, '\n'); bytes.HasPrefix(header, []byte("%PDF-")) && nl > 0 {
		out.WriteString("%PDF-1.7")
		out.Write(header[nl:])
	} else {
		out.Write(header)
	}
	all := map[int]int{}
	for _, num := range p.order {
		all[num] = out.Len()
		if o, ok := objs[num]; ok {
			out.Write(o)
		} else {
			out.Write(p.objs[num])
		}
	}
	base := out.Len()
	out.Write(nw.Bytes())
	for num, off := range offsets {
		all[num] = base + off
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", next)
	for num := 1; num < next; num++ {
		fmt.Fprintf(&out, "%010d 00000 n \n", all[num])
	}
	fmt.Fprintf(&out, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", next, p.root, p.info, xref)
	return out.Bytes(), nil
}

// elemDict writes a structure element's dictionary.
func (t *tagger) elemDict(e *elem, treeRoot int, pages, annotObj []int) string {
	var b strings.Builder
	parent := treeRoot
	if e.parent != nil {
		parent = e.parent.obj
	}
	fmt.Fprintf(&b, "<</Type /StructElem /S /%s /P %d 0 R", e.role, parent)
	pg := firstPage(e)
	if pg > 0 {
		fmt.Fprintf(&b, " /Pg %d 0 R", pages[pg-1])
	}
	if e.attr != "" {
		b.WriteString(" /A " + e.attr)
	}
	if e.lang != "" {
		fmt.Fprintf(&b, " /Lang (%s)", e.lang)
	}
	if len(e.kids) > 0 {
		b.WriteString(" /K [")
		for i, k := range e.kids {
			if i > 0 {
				b.WriteByte(' ')
			}
			switch {
			case k.elem != nil:
				fmt.Fprintf(&b, "%d 0 R", k.elem.obj)
			case k.annot > 0:
				fmt.Fprintf(&b, "<</Type /OBJR /Obj %d 0 R /Pg %d 0 R>>", annotObj[k.annot-1], pages[k.page-1])
			case k.page == pg:
				b.WriteString(strconv.Itoa(k.mcid))
			default:
				fmt.Fprintf(&b, "<</Type /MCR /Pg %d 0 R /MCID %d>>", pages[k.page-1], k.mcid)
			}
		}
		b.WriteByte(']')
	}
	b.WriteString(">>")
	return b.String()
}

// textString writes s as a PDF text string: UTF-16BE with a byte order
// mark, in hexadecimal, so that no text can end the string early or read
// as PDF syntax.
func textString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(strings.ToValidUTF8(s, "\uFFFD"))) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return b.String()
}

// uriString writes a URI as a PDF string: bytes outside printable ASCII
// percent-encoded, and \, ( and ) escaped.
func uriString(u string) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c <= ' ' || c >= 0x7f:
			fmt.Fprintf(&b, "%%%02X", c)
		case c == '\\' || c == '(' || c == ')':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}
