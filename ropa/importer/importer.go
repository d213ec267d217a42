// Package importer reads an Article 30 register laid out like the ICO's
// controller documentation template, as an XLSX workbook or CSV file, and
// writes it as a ropa model: a directory of formatted CUE.
//
// It finds the header row by its headings wherever it sits (above it may
// be banded group rows or the contact block), matching each heading to a
// template column by its normalised words, so reordered, slightly renamed
// or missing columns are fine, and columns it does not know are kept as
// comments. It reads the contact block above the table when there is one,
// makes one activity per row that names a purpose, and defines each
// subject, category, recipient, source, transfer and retention rule once,
// however many rows name it, with a key derived from its name.
//
// It never invents a fact: what the sheet does not say stays out of the
// model, and every cell, or line of a cell, it could not read is kept
// verbatim in a "// TODO(import): Sheet!B7: text" comment at the place it
// belongs. Where the schema requires something the sheet lacks (an
// activity's subjects or categories, the controller's name) the model
// names a placeholder entity, "Not stated in the imported register", with
// a TODO comment.
package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"cuelang.org/go/cue/ast"

	"github.com/ropa-dev/ropa/render/register"
)

// Options configure an import.
type Options struct {
	// Package is the CUE package name of the model; "imported" when empty.
	Package string
}

// File is one CUE file of the imported model.
type File struct {
	// Name is the file name, without a directory.
	Name string
	// Data is the formatted CUE source.
	Data []byte
}

// Result is an imported model.
type Result struct {
	// Files are the model's CUE files: model.cue, entities.cue and
	// activities.cue.
	Files []File
	// Sheet is the sheet the record was read from and HeaderRow its
	// header row (1-based).
	Sheet     string
	HeaderRow int
	// Columns maps each template column found (1-30) to the sheet's
	// heading for it.
	Columns map[int]string
	// Activities counts the activities imported.
	Activities int
	// TODOs are the cells, or lines of cells, not understood.
	TODOs []TODO
}

// ImportFile reads the register in the file at path. See Import.
func ImportFile(path string, opts Options) (*Result, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if pe, ok := err.(*os.PathError); ok {
			err = pe.Err
		}
		return nil, errorf(path, "", "pass the path of an .xlsx or .csv register", "cannot read the file: %v", err)
	}
	return Import(path, data, opts)
}

// Import reads a register from data (an XLSX workbook or CSV text; name is
// the file name errors print) and returns the model it describes. Every
// error is an *Error naming the file and, where it can, the sheet and cell.
func Import(name string, data []byte, opts Options) (res *Result, err error) {
	defer func() {
		// A malformed workbook must give an error, never a crash; the
		// fuzz target calls importData so that it still sees any panic.
		if r := recover(); r != nil {
			res, err = nil, errorf(name, "", "open it in a spreadsheet and save it again as .xlsx or .csv", "cannot read the file: %v", r)
		}
	}()
	return importData(name, data, opts)
}

func importData(name string, data []byte, opts Options) (res *Result, err error) {
	grids, err := readGrids(name, data)
	if err != nil {
		return nil, err
	}
	var g *grid
	var h *header
	for _, gg := range grids {
		if hh := findHeader(gg); hh != nil && (h == nil || hh.matched > h.matched) {
			g, h = gg, hh
		}
	}
	if h == nil {
		sheets := make([]string, len(grids))
		for i, gg := range grids {
			sheets[i] = quoteSheet(gg.sheet)
		}
		return nil, errorf(name, strings.Join(sheets, ", "),
			fmt.Sprintf("the register needs a row of column headings like the ICO controller template's (%q, %q, %q, ...), within the first %d rows", register.ControllerHeadings[1], register.ControllerHeadings[3], register.ControllerHeadings[4], headerScanRows),
			"no header row found: no row names at least %d of the template's columns, including the purpose of processing", minMatched)
	}
	b := newBuilder(g, h)
	b.contactBlock()
	if err := b.build(); err != nil {
		return nil, err
	}
	res = &Result{Sheet: g.sheet, HeaderRow: h.row + 1, Columns: map[int]string{}, Activities: len(b.m.Activities), TODOs: b.todos}
	for c := 1; c <= nColumns; c++ {
		if h.col[c] >= 0 {
			res.Columns[c] = h.heading[c]
		}
	}
	pkg := opts.Package
	if pkg == "" {
		pkg = "imported"
	}
	res.Files, err = b.files(pkg, filepath.Base(name))
	return res, err
}

// files writes the model as entities.cue, activities.cue and model.cue.
func (b *builder) files(pkg, source string) ([]File, error) {
	e := &emitter{comments: b.comments, order: b.order, placed: map[string]bool{}}
	m := b.m
	head := []string{
		fmt.Sprintf("Imported by `ropa import` from %s (sheet %q, header row %d).", source, b.g.sheet, b.h.row+1),
		"Every TODO(import) comment holds a cell, or part of one, the import did not understand:",
		"move what it says into the model, then delete the comment.",
	}
	var files []File
	var ent []ast.Decl
	for _, t := range []struct {
		name string
		v    any
	}{
		{"subjects", m.Subjects}, {"categories", m.Categories}, {"sources", m.Sources},
		{"recipients", m.Recipients}, {"transfers", m.Transfers}, {"retention", m.Retention},
	} {
		if t.name == "subjects" || t.name == "categories" || len(b.order[t.name]) > 0 {
			ent = append(ent, e.top(t.name, t.v))
		}
	}
	data, err := e.file(pkg, head, ent)
	if err != nil {
		return nil, err
	}
	files = append(files, File{Name: "entities.cue", Data: data})

	if data, err = e.file(pkg, head, []ast.Decl{e.top("activities", m.Activities)}); err != nil {
		return nil, err
	}
	files = append(files, File{Name: "activities.cue", Data: data})

	if m.Controller.Name == "" {
		m.Controller.Name = placeholder
		b.comment("controller.name", "TODO(import): the sheet has no contact block naming the controller; give its legal name")
	}
	model := []ast.Decl{e.top("schemaVersion", m.SchemaVersion), e.top("controller", m.Controller)}
	b.comment("notices", "import: the register names no privacy notices; add one per audience and list its key in each activity's audiences")
	model = append(model, e.top("notices", m.Notices))
	if m.Security != nil {
		model = append(model, e.top("security", m.Security))
	}
	// Comments whose field was never written go last, so none is lost.
	var rest []string
	for _, p := range sortedKeys(b.comments) {
		if !e.placed[p] {
			for _, l := range b.comments[p] {
				rest = append(rest, p+": "+l)
			}
		}
	}
	if len(rest) > 0 {
		cg := &ast.CommentGroup{Doc: true}
		for _, l := range rest {
			cg.List = append(cg.List, &ast.Comment{Text: "// " + l})
		}
		model = append(model, cg)
	}
	if data, err = e.file(pkg, head, model); err != nil {
		return nil, err
	}
	files = append(files, File{Name: "model.cue", Data: data})
	return files, nil
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string][]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
