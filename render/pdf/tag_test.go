package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/render/internal/doctest"
)

// popplerStrict is poppler, but fails the test when the tool says
// anything on standard error: poppler reports a broken structure tree
// there and carries on.
func popplerStrict(t *testing.T, pdf []byte, tool string, args ...string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		poppler(t, pdf, tool) // skips the test, or fails it in CI
	}
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(path, append(args, file)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Errorf("%s %v: %v\n%s", tool, args, err, stderr.String())
	}
	return stdout.String()
}

func TestTagged(t *testing.T) {
	d := doctest.Sample()
	pdf := render(t, d)
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.7\n")) {
		t.Errorf("header %q, want PDF 1.7", pdf[:9])
	}
	for _, want := range []string{"/MarkInfo <</Marked true>>", "/ViewerPreferences <</DisplayDocTitle true>>", "/Lang (en-GB)", "/StructTreeRoot ", "/StructParents 0\n/Tabs /S"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("PDF lacks %s", want)
		}
	}
	info := popplerStrict(t, pdf, "pdfinfo")
	if !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).MatchString(info) {
		t.Errorf("pdfinfo does not read the PDF as tagged:\n%s", info)
	}
	st := popplerStrict(t, pdf, "pdfinfo", "-struct-text")
	count := func(role string) int {
		return len(regexp.MustCompile(`(?m)^\s*`+role+`\b`).FindAllString(st, -1))
	}
	// The title is the H1; sections nest as Sect with headings one level
	// down per depth.
	for role, want := range map[string]int{
		"Document": 1, "H1": 1, "H2": 3, "H3": 1, "H4": 1, "Sect": 5,
		"L": 2, "LI": 6, "Lbl": 6, "LBody": 6,
		"Table": 2, "Caption": 2,
		// The long table's header row is tagged once, though it is drawn
		// on every page: the repeats are artifacts.
		"TR": 3 + 61, "TH": 3 + 3, "TD": 2*3 + 60*3,
		"Link": 4,
	} {
		if got := count(role); got != want {
			t.Errorf("%d %s elements, want %d", got, role, want)
		}
	}
	for _, want := range []string{
		"/ListNumbering /Disc", "/ListNumbering /Decimal", "/Scope /Column",
		`"Privacy notice"`, `"Example Café Ltd"`,
		`"We are the controller of your data. Contact us at "`,
		`"Name Date of birth"`, // a cell's lines, with a break between
		`"Purpose of activity 1, described at some length so that the cell wraps onto more than one line in narrow columns Second line"`,
	} {
		if !strings.Contains(st, want) {
			t.Errorf("structure lacks %s:\n%s", want, st[:min(len(st), 3000)])
		}
	}
	if n := strings.Count(st, "Page 1 of"); n != 0 {
		t.Error("the page footer is in the structure tree, not an artifact")
	}
	// Each Link holds its text and its annotation.
	if got := regexp.MustCompile(`Link \(inline\)\n\s+"our website"\n\s+Object \d+ 0\n`).FindString(st); got == "" {
		t.Errorf("Link element without its text and annotation:\n%s", st)
	}
}

func TestRowHeaders(t *testing.T) {
	d := &doc.Document{Title: "t", Sections: []*doc.Section{{Title: "s", Blocks: []doc.Block{
		&doc.Table{Header: []string{"Record", "Period"}, RowHeaders: true, Rows: [][]doc.Cell{{doc.TextCell("Rent"), doc.TextCell("6 years")}}},
	}}}}
	st := popplerStrict(t, render(t, d), "pdfinfo", "-struct-text")
	want := "TR\n        TH:\n           /Scope /Row\n          \"Rent\"\n        TD\n          \"6 years\""
	if !strings.Contains(st, want) {
		t.Errorf("row header not tagged:\n%s", st)
	}
}

var (
	pageContents = regexp.MustCompile(`/Type /Page\n/StructParents (\d+)\n(?s:.*?)/Contents (\d+) 0 R`)
	parentNums   = regexp.MustCompile(`(\d+) \[((?:\d+ 0 R ?)*)\]`)
	markOp       = regexp.MustCompile(`(?m)^(/\w+ <</MCID (\d+)>> BDC|/Artifact BMC|/Artifact <<[^>]*>> BDC|EMC)$`)
	drawOp       = regexp.MustCompile(`(?m)(\) Tj|\] TJ| re [SfFBb]\*?| l S)$`)
)

// TestMarkedContent reads every page's content stream back and checks that
// everything drawn is inside a marked-content sequence, that sequences are
// balanced and never nested, and that the page's MCIDs run 0, 1, 2, ...
// with one parent tree entry each.
func TestMarkedContent(t *testing.T) {
	for name, d := range map[string]*doc.Document{
		"sample":  doctest.Sample(),
		"hostile": doctest.Hostile("a (b) \\ c", "https://example.com/a)b"),
	} {
		pdf := render(t, d)
		p, err := parsePDF(pdf)
		if err != nil {
			t.Fatal(err)
		}
		var tree []byte
		for _, o := range p.objs {
			if bytes.Contains(o, []byte("<</Nums [")) {
				tree = o
			}
		}
		entries := map[int]int{}
		for _, m := range parentNums.FindAllSubmatch(tree, -1) {
			k, _ := strconv.Atoi(string(m[1]))
			entries[k] = len(bytes.Fields(m[2])) / 3
		}
		pages := 0
		for _, o := range p.objs {
			m := pageContents.FindSubmatch(o)
			if m == nil {
				continue
			}
			pages++
			key, _ := strconv.Atoi(string(m[1]))
			num, _ := strconv.Atoi(string(m[2]))
			content := inflate(t, p.objs[num])
			depth, next := 0, 0
			ops := markOp.FindAllSubmatchIndex(content, -1)
			draws := drawOp.FindAllIndex(content, -1)
			// Each draw must fall inside an open sequence.
			open := make([]bool, len(content)+1)
			last := 0
			for _, op := range ops {
				s := string(content[op[2]:op[3]])
				for i := last; i < op[0]; i++ {
					open[i] = depth > 0
				}
				last = op[1]
				if s == "EMC" {
					depth--
				} else {
					depth++
					if op[4] >= 0 {
						if id, _ := strconv.Atoi(string(content[op[4]:op[5]])); id != next {
							t.Errorf("%s page key %d: MCID %d, want %d", name, key, id, next)
						}
						next++
					}
				}
				if depth < 0 || depth > 1 {
					t.Fatalf("%s page key %d: marked content nested or unbalanced at %d", name, key, op[0])
				}
			}
			if depth != 0 {
				t.Errorf("%s page key %d: %d sequences left open", name, key, depth)
			}
			for _, dr := range draws {
				if !open[dr[0]] {
					t.Errorf("%s page key %d: %q drawn outside marked content", name, key, content[max(0, dr[0]-40):dr[1]])
				}
			}
			if entries[key] != next {
				t.Errorf("%s page key %d: %d MCIDs but %d parent tree entries", name, key, next, entries[key])
			}
		}
		if pages == 0 {
			t.Fatalf("%s: no pages found", name)
		}
	}
}

// inflate returns the decompressed stream of an object.
func inflate(t *testing.T, obj []byte) []byte {
	t.Helper()
	i := bytes.Index(obj, []byte("stream\n"))
	j := bytes.LastIndex(obj, []byte("\nendstream"))
	if i < 0 || j < i {
		t.Fatalf("no stream in %q", obj[:min(len(obj), 80)])
	}
	zr, err := zlib.NewReader(bytes.NewReader(obj[i+len("stream\n") : j]))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestTextStrings(t *testing.T) {
	if got := textString("a)é😀"); got != "<FEFF0061002900E9D83DDE00>" {
		t.Errorf("textString = %s", got)
	}
	if got := uriString("https://x.test/a b(c)\\é"); got != `(https://x.test/a%20b\(c\)\\%C3%A9)` {
		t.Errorf("uriString = %s", got)
	}
}

func TestWriteStructureRejects(t *testing.T) {
	for _, in := range []string{"", "%PDF-1.3\n", "startxref\n0\n", "%PDF-1.3\nxref\n0 1\n0000000000 65535 f \ntrailer\n<<>>\nstartxref\n9\n%%EOF\n"} {
		if _, err := newTagger().writeStructure([]byte(in)); err == nil {
			t.Errorf("writeStructure(%q) gave no error", in)
		}
	}
}

// TestLandscapeSplitsLongRows: on landscape pages a long row starts on a
// page with room for five of its lines rather than leave the room empty,
// and leaves at least five for the next page.
func TestLandscapeSplitsLongRows(t *testing.T) {
	filler := &doc.List{}
	for i := 0; i < 20; i++ {
		filler.Add(doc.Source{}, doc.T("filler "+strconv.Itoa(i)))
	}
	long := make(doc.Cell, 40)
	for i := range long {
		long[i] = doc.Line(doc.T("line " + strconv.Itoa(i)))
	}
	d := &doc.Document{Landscape: true, Title: "t", Intro: []doc.Block{filler,
		&doc.Table{Header: []string{"a", "b"}, Rows: [][]doc.Cell{{doc.TextCell("row"), long}}}}}
	pages := strings.Split(poppler(t, render(t, d), "pdftotext", "-raw"), "\f")
	if len(pages) < 2 || !strings.Contains(pages[0], "line 0") {
		t.Fatalf("the long row does not start on the first page:\n%q", pages)
	}
	for _, p := range pages[1:] {
		if n := strings.Count(p, "line "); n > 0 && n < splitLines {
			t.Errorf("a page holds only %d lines of the row", n)
		}
	}
}
