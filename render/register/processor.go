package register

import "github.com/ropa-dev/ropa/ropa"

// ProcessorHeadings are the columns of the processor's record, Article
// 30(2), after the ICO's processor documentation template.
var ProcessorHeadings = []string{
	"Name and contact details of controller",
	"Categories of processing",
	"Names of third countries or international organisations that personal data are transferred to (if applicable)",
	"Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
	"General description of technical and organisational security measures (if possible)",
}

// Processor returns the processor's record, Article 30(2): one row per
// processor record in source order. It returns nil when the model keeps
// none. A record without its own security measures shows the model's.
func Processor(m *ropa.Model) *Table {
	recs := m.ProcessorRecordList()
	if len(recs) == 0 {
		return nil
	}
	t := &Table{Title: "Processor's record (Article 30(2))", Header: append([]string(nil), ProcessorHeadings...)}
	for _, p := range recs {
		ctrl := lines(p.Controller.Name)
		if d := contactLine(p.Controller.Contact); d != "" {
			ctrl = append(ctrl, d)
		}
		if p.Controller.ICORegistration != "" {
			ctrl = append(ctrl, "ICO registration: "+p.Controller.ICORegistration)
		}
		a := &ropa.Activity{Transfers: p.Transfers}
		security := lines(p.Security...)
		if len(security) == 0 {
			security = securityCell(m)
		}
		t.Rows = append(t.Rows, Row{Key: p.Key, Name: p.Controller.Name, Cells: []Cell{
			ctrl,
			lines(p.Processing...),
			transferCell(a),
			exceptionalTransferCell(a),
			security,
		}})
	}
	return t
}
