package register

import "github.com/ropa-dev/ropa/ropa"

// processorColumns are the columns of the processor's record, Article
// 30(2), after the ICO's processor documentation template, each with how a
// processor record fills it.
var processorColumns = []column[*ropa.ProcessorRecord]{
	{"Name and contact details of controller", "UK GDPR Art 30(2)(a)", "", func(_ *ropa.Model, p *ropa.ProcessorRecord) Cell {
		ctrl := lines(p.Controller.Name)
		if d := contactLine(p.Controller.Contact); d != "" {
			ctrl = append(ctrl, d)
		}
		if p.Controller.ICORegistration != "" {
			ctrl = append(ctrl, "ICO registration: "+p.Controller.ICORegistration)
		}
		return ctrl
	}},
	{"Categories of processing", "UK GDPR Art 30(2)(b)", "",
		func(_ *ropa.Model, p *ropa.ProcessorRecord) Cell { return lines(p.Processing...) }},
	{"Names of third countries or international organisations that personal data are transferred to (if applicable)", "UK GDPR Art 30(2)(c)", "",
		func(_ *ropa.Model, p *ropa.ProcessorRecord) Cell {
			return transferCell(&ropa.Activity{Transfers: p.Transfers})
		}},
	{"Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)", "UK GDPR Art 30(2)(c)", "",
		func(_ *ropa.Model, p *ropa.ProcessorRecord) Cell {
			return exceptionalTransferCell(&ropa.Activity{Transfers: p.Transfers})
		}},
	// A record without its own security measures shows the model's.
	{securityHeading, "UK GDPR Art 30(2)(d)", "", func(m *ropa.Model, p *ropa.ProcessorRecord) Cell {
		if security := lines(p.Security...); len(security) > 0 {
			return security
		}
		return securityCell(m)
	}},
}

// ProcessorHeadings are the columns of the processor's record, Article
// 30(2), after the ICO's processor documentation template.
var ProcessorHeadings = headings(processorColumns)

// Processor returns the processor's record, Article 30(2): one row per
// processor record in source order. It returns nil when the model keeps
// none. A record without its own security measures shows the model's.
func Processor(m *ropa.Model) *Table {
	recs := m.ProcessorRecordList()
	if len(recs) == 0 {
		return nil
	}
	return buildTable(m, "Processor's record (Article 30(2))", processorColumns, recs,
		func(p *ropa.ProcessorRecord) string { return p.Key },
		func(p *ropa.ProcessorRecord) string { return p.Controller.Name })
}
