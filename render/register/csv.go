package register

import (
	"bytes"
	"encoding/csv"
	"io"

	"github.com/ropa-dev/ropa/ropa"
)

// Neutralise makes a value safe to place in a spreadsheet cell: a value
// that starts with '=', '+', '-', '@', a tab or a carriage return, which a
// spreadsheet may read as a formula, gets a leading apostrophe. Every other
// value is returned unchanged.
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// WriteCSV writes t as CSV (RFC 4180, UTF-8 without a byte-order mark):
// the header row, then one record per row, each record ending in CRLF and
// each multi-line cell one quoted field whose lines are joined with "\n",
// as spreadsheets write a line break inside a cell. Every field is
// neutralised against formula injection.
func WriteCSV(w io.Writer, t *Table) error {
	// encoding/csv quotes the fields; with UseCRLF it would also turn the
	// line breaks inside a field into CRLF, so it writes each record with
	// LF and only the record's own end becomes CRLF. Records are written
	// one by one from the rows, never all held as strings at once.
	var rec bytes.Buffer
	cw := csv.NewWriter(&rec)
	fields := make([]string, len(t.Header))
	write := func() error {
		rec.Reset()
		if err := cw.Write(fields); err != nil {
			return err
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
		rec.Truncate(len(bytes.TrimSuffix(rec.Bytes(), []byte("\n"))))
		rec.WriteString("\r\n")
		_, err := w.Write(rec.Bytes())
		return err
	}
	for i, h := range t.Header {
		fields[i] = Neutralise(h)
	}
	if err := write(); err != nil {
		return err
	}
	for _, r := range t.Rows {
		for i := range fields {
			fields[i] = ""
			if i < len(r.Cells) {
				fields[i] = Neutralise(r.Cells[i].Text())
			}
		}
		if err := write(); err != nil {
			return err
		}
	}
	return nil
}

// CSV writes the controller's record of m as CSV: the ICO template's 30
// headings, then one record per activity in source order.
func CSV(w io.Writer, m *ropa.Model) error { return WriteCSV(w, Controller(m)) }

// processorCSV writes the processor's record t as CSV, the header row only
// when t is nil (no processor records).
func processorCSV(w io.Writer, t *Table) error {
	if t == nil {
		t = &Table{Header: ProcessorHeadings}
	}
	return WriteCSV(w, t)
}

// ProcessorCSV writes the processor's record of m as CSV; with no
// processor records it writes the header row only.
func ProcessorCSV(w io.Writer, m *ropa.Model) error { return processorCSV(w, Processor(m)) }
