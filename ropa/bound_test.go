package ropa_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ropa-dev/ropa/ropa"
)

// loadErr loads src and returns its *LoadError, failing when it loads.
func loadErr(t *testing.T, src string) *ropa.LoadError {
	t.Helper()
	_, err := load(src)
	var le *ropa.LoadError
	if !errors.As(err, &le) {
		t.Fatalf("load = %v, want a *LoadError", err)
	}
	return le
}

func TestLoadRefusesBytesCUECannotHold(t *testing.T) {
	for _, tt := range []struct {
		name, src, want string
	}{
		{"NUL bytes", "package t\nx: 1\n" + strings.Repeat("\x00", 40000), `./m.cue:3:1: the file holds a NUL byte (0x00)`},
		{"Latin-1", "package t\ncontroller: name: \"caf\xe9\"\n", `./m.cue:2:23: the file is not valid UTF-8 (byte 0xe9)`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			le := loadErr(t, tt.src)
			if le.Kind != ropa.ErrUnreadable || len(le.Diagnostics) != 1 || !strings.HasPrefix(le.Diagnostics[0].String(), tt.want) {
				t.Errorf("got kind %d:\n%v\nwant one diagnostic starting %q", le.Kind, le, tt.want)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestLoadLimits(t *testing.T) {
	old := ropa.DefaultLimits
	t.Cleanup(func() { ropa.DefaultLimits = old })
	ropa.DefaultLimits = ropa.Limits{MaxFileBytes: 1000, MaxFiles: 2, MaxTotalBytes: 1500}
	f := func(name string, n int) ropa.File {
		return ropa.File{Name: name, Data: []byte("package t\n" + strings.Repeat(" ", n))}
	}
	for _, tt := range []struct {
		name  string
		files []ropa.File
		want  string
	}{
		{"file too large", []ropa.File{f("a.cue", 2000)}, "a.cue: file is larger than 1000 bytes"},
		{"too many files", []ropa.File{f("a.cue", 0), f("b.cue", 0), f("c.cue", 0)}, "the model has 3 .cue files, more than the limit of 2"},
		{"too much in all", []ropa.File{f("a.cue", 900), f("b.cue", 900)}, "b.cue: the model's .cue files come to more than 1500 bytes"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ropa.LoadFiles(tt.files)
			var le *ropa.LoadError
			if !errors.As(err, &le) || le.Kind != ropa.ErrResource || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("LoadFiles = %v, want a resource error containing %q", err, tt.want)
			}
		})
	}
}

func TestReadDirReadsRegularFilesOnly(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "m")
	if err := os.Mkdir(model, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, data string) {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(model, "a.cue"), base)
	write(filepath.Join(model, "real.txt"), "package t\n")
	write(filepath.Join(dir, "outside.cue"), "package t\n")
	if err := os.Symlink("real.txt", filepath.Join(model, "b.cue")); err != nil {
		t.Fatal(err)
	}
	if files, err := ropa.ReadDir(model); err != nil || len(files) != 2 {
		t.Fatalf("ReadDir with a link inside the directory = %d files, %v; want 2, nil", len(files), err)
	}
	for _, tt := range []struct {
		name string
		make func(string) error
		want string
	}{
		{"z.cue", func(p string) error { return os.Symlink("/dev/zero", p) }, "symbolic link leads out of the model directory (to /dev/zero)"},
		{"y.cue", func(p string) error { return os.Symlink("../outside.cue", p) }, "symbolic link leads out of the model directory"},
		{"x.cue", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "not a regular file (a FIFO)"},
		{"w.cue", func(p string) error { return os.Symlink("nowhere.cue", p) }, "symbolic link cannot be followed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(model, tt.name)
			if err := tt.make(p); err != nil {
				t.Skip(err)
			}
			defer os.Remove(p)
			_, err := ropa.ReadDir(model)
			var le *ropa.LoadError
			if !errors.As(err, &le) || le.Kind != ropa.ErrUnreadable || !strings.Contains(err.Error(), tt.name+": "+tt.want) {
				t.Errorf("ReadDir = %v, want an error naming %s: %s", err, tt.name, tt.want)
			}
		})
	}
}

// doubling is a string doubled n times through hidden fields.
func doubling(n int) string {
	var b strings.Builder
	b.WriteString("\n_s0: \"0123456789abcdef\"\n")
	for i := 1; i <= n; i++ {
		b.WriteString("_s" + itoa(i) + ": _s" + itoa(i-1) + " + _s" + itoa(i-1) + "\n")
	}
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestLoadDropsUnusedHiddenFields(t *testing.T) {
	start := time.Now()
	// Unused, 2^36 times 16 bytes would take a terabyte.
	if _, err := load(base + doubling(36) + "#Unused: {x: _s36}\n"); err != nil {
		t.Fatal(err)
	}
	// Used, a hidden field is evaluated as before.
	m, err := load(base + doubling(2) + "controller: legalForm: _s2\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Controller.LegalForm; got != strings.Repeat("0123456789abcdef", 4) {
		t.Errorf("legalForm = %q", got)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestLoadRefusesUnboundedConstructs(t *testing.T) {
	r32 := "_r: [" + strings.TrimSuffix(strings.Repeat("1, ", 32), ", ") + "]\n"
	for _, tt := range []struct {
		name, src string
		kind      ropa.ErrorKind
		want      string
	}{
		{"nested comprehensions", r32 + "_big: [for a in _r for b in _r for c in _r for d in _r for e in _r {a+b+c+d+e}]\ncontroller: legalForm: \"\\(len(_big))\"\n",
			ropa.ErrResource, "comprehensions nest 5 `for` clauses deep here, more than the 3 ropa evaluates"},
		{"list.Range", "import \"list\"\n_l: list.Range(0, 1099511627776, 1)\ncontroller: legalForm: \"\\(len(_l))\"\n",
			ropa.ErrResource, "list.Range makes 1099511627776 elements"},
		{"computed list.Range", "import \"list\"\n_n: len(controller.name)\n_l: list.Range(0, _n, 1)\ncontroller: legalForm: \"\\(len(_l))\"\n",
			ropa.ErrResource, "list.Range needs constant bounds here"},
		{"strings.Repeat", "import \"strings\"\ncontroller: legalForm: strings.Repeat(\"abc\", 1000000)\n",
			ropa.ErrResource, "strings.Repeat repeats a value 1000000 times"},
		{"repeat by a named count", "_n: 1Mi\ncontroller: legalForm: \"a\" * _n\n",
			ropa.ErrResource, "* repeats a value 1048576 times"},
		{"an import from outside the standard library", "import \"example.com/x\"\ncontroller: legalForm: x.Y\n",
			ropa.ErrInvalid, `package "example.com/x" cannot be imported: a model may import only the CUE standard library packages list, math`},
		{"encoding/yaml", "import \"encoding/yaml\"\ncontroller: legalForm: yaml.Marshal(1)\n",
			ropa.ErrInvalid, `package "encoding/yaml" cannot be imported`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(base, "package t\n", "package t\n"+importsOf(tt.src), 1) + withoutImports(tt.src)
			le := loadErr(t, src)
			if le.Kind != tt.kind || !strings.Contains(le.Error(), tt.want) {
				t.Errorf("got kind %d:\n%v\nwant kind %d containing %q", le.Kind, le, tt.kind, tt.want)
			}
		})
	}
	// Within the bounds, the same constructs load.
	ok := "import \"list\"\nimport \"strings\"\n" + r32 +
		"_sum: [for a in _r for b in _r for c in _r {a+b+c}]\n_l: list.Range(0, 10, 1)\n" +
		"controller: legalForm: \"\\(len(_sum)) \\(len(_l)) \" + strings.Repeat(\"ab\", 3) + \"x\" * 2\n"
	m, err := load(strings.Replace(base, "package t\n", "package t\n"+importsOf(ok), 1) + withoutImports(ok))
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Controller.LegalForm; got != "32768 10 abababxx" {
		t.Errorf("legalForm = %q", got)
	}
}

func importsOf(src string) string {
	var out []string
	for _, l := range strings.SplitAfter(src, "\n") {
		if strings.HasPrefix(l, "import ") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "")
}

func withoutImports(src string) string {
	var out []string
	for _, l := range strings.SplitAfter(src, "\n") {
		if !strings.HasPrefix(l, "import ") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "")
}

func TestLoadMessagesQuoteKeys(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []string
		never     []string
	}{
		{"a label with slashes", base + "\"../../pwned\": 1\n",
			[]string{`"../../pwned": field "../../pwned" is not allowed here`}, []string{`field "/pwned"`}},
		{"a key with a dot", base + "notices: \"tenants.fragment\": {title: \"T\", version: \"1\", lastUpdated: \"2025-01-01\"}\n",
			[]string{`notices."tenants.fragment": key "tenants.fragment" is not a valid key`, "e.g. tenants-fragment"}, []string{`field "fragment"`}},
		{"a builtin's reason", "import \"strings\"\n" + base[len("package t\n"):] + "controller: legalForm: strings.Repeat(\"x\", -1)\n",
			[]string{"error in call to strings.Repeat: negative count"}, nil},
		{"a hint with a hyphenated key", base + "sources: \"cctv-camera\": {name: \"C\", kind: \"observed\"}\nactivities: serve: sources: [\"cctv-cameras\"]\n",
			[]string{`Otherwise define sources."cctv-cameras" (with the quotes`}, []string{"define sources.cctv-cameras"}},
		{"no hint suggests an invalid key", base + "categories: Contacts: name: \"C\"\nactivities: serve: retention: [\"Contacts\"]\nsubjects: people: renamedFrom: \"contacts\"\nactivities: serve: sources: [\"contacts\"]\n",
			[]string{`key "Contacts" is not a valid key`}, []string{`did you mean "Contacts"`, "define retention.Contacts"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.src
			if !strings.HasPrefix(src, "package") {
				src = "package t\n" + src
			}
			msg := loadErr(t, src).Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message lacks %q:\n%s", w, msg)
				}
			}
			for _, n := range tt.never {
				if strings.Contains(msg, n) {
					t.Errorf("message has %q:\n%s", n, msg)
				}
			}
		})
	}
}

func TestLoadErrorPrintsFiftyProblems(t *testing.T) {
	var refs []string
	for i := 0; i < 60; i++ {
		refs = append(refs, `"x`+itoa(i)+`"`)
	}
	le := loadErr(t, strings.Replace(base, `categories: ["contact"]`, "categories: ["+strings.Join(refs, ", ")+"]", 1))
	msg := le.Error()
	if len(le.Diagnostics) != 60 || !strings.Contains(msg, "\n... and 10 more\n60 problems") || strings.Contains(msg, "categories[55]") {
		t.Errorf("got %d diagnostics, printed:\n%s", len(le.Diagnostics), msg)
	}
}
