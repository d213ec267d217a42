package register

import (
	"fmt"
	"github.com/ropa-dev/ropa/ropa/law"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
)

// column is one column of a register table: its heading, the provision
// that asks for it, and how the entity a row records (an activity, a
// processor record) fills it. The column's number is its place in its
// table, counting from 1, as the ICO template numbers them.
type column[T any] struct {
	// heading is the column heading, exactly as the ICO template has it.
	heading string
	// ref is the provision that asks for the column, such as "UK GDPR Art
	// 30(1)(b)", or templateOnly for a column only the ICO template asks for.
	ref string
	// group is the ID of the plan table that shows a controller column
	// (controllerGroups); empty for the processor's record.
	group string
	// cell fills the column for one row.
	cell func(m *ropa.Model, x T) Cell
}

// templateOnly is the ref of a column the ICO template adds to what the law
// asks the record to hold.
const templateOnly = "ICO template only"

// Headings of the controller columns the plan treats apart: the purpose
// loses the activity name that heads its row, and the security measures,
// the same for every activity, are shown once.
const (
	purposeHeading  = "Purpose of processing"
	securityHeading = "General description of technical and organisational security measures (if possible)"
)

// controllerColumns are the 30 columns of the ICO's controller
// documentation template (sheet "Template"), exactly and in order, each
// with how an activity fills it.
var controllerColumns = []column[*ropa.Activity]{
	{"Business function", templateOnly, "article-30",
		func(_ *ropa.Model, a *ropa.Activity) Cell { return lines(a.BusinessFunction) }},
	{purposeHeading, "UK GDPR Art 30(1)(b)", "article-30",
		func(_ *ropa.Model, a *ropa.Activity) Cell { return append(lines(a.Name, a.Purpose), a.Details...) }},
	{"Name and contact details of joint controller (if applicable)", "UK GDPR Art 30(1)(a)", "article-30", jointControllerCell},
	{"Categories of individuals", "UK GDPR Art 30(1)(c)", "article-30", activityOnly(subjectCell)},
	{"Categories of personal data", "UK GDPR Art 30(1)(c)", "article-30", activityOnly(categoryCell)},
	{"Categories of recipients", "UK GDPR Art 30(1)(d)", "article-30", recipientCell},
	{"Link to contract with processor", templateOnly, "article-30", activityOnly(contractCell)},
	{"Names of third countries or international organisations that personal data are transferred to (if applicable)",
		"UK GDPR Art 30(1)(e)", "article-30", declaredTransferCell},
	{"Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
		"UK GDPR Art 30(1)(e)", "article-30", activityOnly(exceptionalTransferCell)},
	{"Retention schedule (if possible)", "UK GDPR Art 30(1)(f)", "article-30", activityOnly(retentionCell)},
	{securityHeading, "UK GDPR Art 30(1)(g)", "security",
		func(m *ropa.Model, _ *ropa.Activity) Cell { return securityCell(m) }},
	{"Article 6 lawful basis for processing personal data", templateOnly, "lawful-basis", activityOnly(basisCell)},
	{"Article 9 condition for processing special category data", templateOnly, "lawful-basis", activityOnly(article9Cell)},
	{"Legitimate interests for the processing (if applicable)", templateOnly, "lawful-basis", activityOnly(interestCell)},
	{"Link to record of legitimate interests assessment (if applicable)", templateOnly, "lawful-basis", activityOnly(assessmentCell)},
	{"Rights available to individuals", templateOnly, "lawful-basis",
		func(_ *ropa.Model, a *ropa.Activity) Cell { return Rights(a) }},
	{"Existence of automated decision-making, including profiling (if applicable)", templateOnly, "lawful-basis", automationCell},
	{"The source of the personal data (if applicable)", templateOnly, "lawful-basis", activityOnly(sourceCell)},
	{"Link to record of consent", templateOnly, "consent-dpia-breaches", activityOnly(consentRecordCell)},
	{"Location of personal data", templateOnly, "consent-dpia-breaches", activityOnly(locationCell)},
	{"Data Protection Impact Assessment required?", templateOnly, "consent-dpia-breaches",
		dpiaCell(func(d *ropa.DPIA) string { return yesNo(d.Required) })},
	{"Data Protection Impact Assessment progress", templateOnly, "consent-dpia-breaches",
		dpiaCell(func(d *ropa.DPIA) string { return word(dpiaStatusWords, d.Status) })},
	{"Link to Data Protection Impact Assessment", templateOnly, "consent-dpia-breaches",
		dpiaCell(func(d *ropa.DPIA) string { return d.Ref })},
	{"Has a personal data breach occurred?", templateOnly, "consent-dpia-breaches", activityOnly(breachCell)},
	{"Link to record of personal data breach", templateOnly, "consent-dpia-breaches",
		func(_ *ropa.Model, a *ropa.Activity) Cell { return lines(a.Breach) }},
	{"Data Protection Act 2018 Schedule 1 Condition for processing", "DPA 2018 Sch 1 para 41(a)", "schedule-1", activityOnly(schedule1Cell)},
	{"GDPR Article 6 lawful basis for processing", "DPA 2018 Sch 1 para 41(b)", "schedule-1", activityOnly(basisCell)},
	{"Link to retention and erasure policy document", "DPA 2018 Sch 1 para 39(b)", "schedule-1", activityOnly(policyDocumentCell)},
	{"Is personal data retained and erased in accordance with the policy document?", "DPA 2018 Sch 1 para 41(c)", "schedule-1",
		adherenceCell(func(p *ropa.PolicyAdherence) string { return yesNo(p.Adheres) })},
	{"Reasons for not adhering to policy document (if applicable)", "DPA 2018 Sch 1 para 41(c)", "schedule-1",
		adherenceCell(func(p *ropa.PolicyAdherence) string { return p.Reason })},
}

// ControllerHeadings are the 30 column headings of the ICO's controller
// documentation template (sheet "Template"), exactly and in order.
var ControllerHeadings = headings(controllerColumns)

// Column numbers (1-based, as the template numbers them) of the columns
// the plan treats apart.
var (
	colPurpose  = columnNumber(controllerColumns, purposeHeading)
	colSecurity = columnNumber(controllerColumns, securityHeading)
)

// headings returns the headings of cols, in order.
func headings[T any](cols []column[T]) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.heading
	}
	return out
}

// columnNumber returns the 1-based number of the column of cols with the
// heading; it panics when there is none, a mistake in this package.
func columnNumber[T any](cols []column[T], heading string) int {
	for i, c := range cols {
		if c.heading == heading {
			return i + 1
		}
	}
	panic("register: no column " + heading)
}

// buildTable builds a register table with one row per entity of xs, one cell
// per column of cols; key and name give each row's key and label.
func buildTable[T any](m *ropa.Model, title string, cols []column[T], xs []T, key, name func(T) string) *Table {
	t := &Table{Title: title, Header: headings(cols)}
	for _, x := range xs {
		cells := make([]Cell, len(cols))
		for i, c := range cols {
			cells[i] = c.cell(m, x)
		}
		t.Rows = append(t.Rows, Row{Key: key(x), Name: name(x), Cells: cells})
	}
	return t
}

// activityOnly adapts a cell function that needs only the activity.
func activityOnly(f func(*ropa.Activity) Cell) func(*ropa.Model, *ropa.Activity) Cell {
	return func(_ *ropa.Model, a *ropa.Activity) Cell { return f(a) }
}

// Controller returns the controller's record, Article 30(1): one row per
// activity in source order, one cell per ControllerHeadings column, then,
// when the model records owners or reviews, one per
// AccountabilityHeadings column.
func Controller(m *ropa.Model) *Table {
	return buildTable(m, "Controller's record (Article 30(1))", controllerColumnsFor(m), m.ActivityList(),
		func(a *ropa.Activity) string { return a.Key }, func(a *ropa.Activity) string { return a.Name })
}

// lines returns the non-empty strings as a cell.
func lines(ss ...string) Cell {
	var c Cell
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			c = append(c, s)
		}
	}
	return c
}

// appendUnique appends s to c unless it is empty or already there.
func appendUnique(c Cell, s string) Cell {
	if s == "" {
		return c
	}
	for _, x := range c {
		if x == s {
			return c
		}
	}
	return append(c, s)
}

// jointControllerCell names the activity's joint controllers: those it
// lists in jointControllers, then recipients of role joint-controller,
// each with its contact and the essence of the arrangement.
func jointControllerCell(m *ropa.Model, a *ropa.Activity) Cell {
	var c Cell
	named := map[*ropa.JointController]bool{}
	for _, jc := range a.JointControllers {
		if jc == nil || named[jc] {
			continue
		}
		named[jc] = true
		line := jc.Name
		if d := contactLine(jc.Contact); d != "" {
			line += ": " + d
		}
		c = append(c, line)
		if jc.Arrangement != "" {
			c = append(c, "Arrangement: "+jc.Arrangement)
		}
	}
	for _, r := range a.Recipients {
		if r == nil || r.Role != "joint-controller" {
			continue
		}
		contact := r.Contact
		var arrangement string
		dup := false
		for _, jc := range m.JointControllerList() {
			if jc != nil && (jc.Key == r.Key || jc.Name == r.Name) {
				dup = named[jc] // already named from jointControllers
				if contact.IsZero() {
					contact = jc.Contact
				}
				arrangement = jc.Arrangement
				break
			}
		}
		if dup {
			continue
		}
		line := r.Name
		if d := contactLine(contact); d != "" {
			line += ": " + d
		}
		c = append(c, line)
		if arrangement != "" {
			c = append(c, "Arrangement: "+arrangement)
		}
	}
	return c
}

func subjectCell(a *ropa.Activity) Cell {
	var c Cell
	for _, s := range a.Subjects {
		if s == nil {
			continue
		}
		name := s.Name
		if s.Children {
			name += " (includes children)"
		}
		c = append(c, name)
	}
	return c
}

func categoryCell(a *ropa.Activity) Cell {
	var c Cell
	for _, k := range a.Categories {
		if k == nil {
			continue
		}
		var flags []string
		if k.Special != "" {
			flags = append(flags, "special category: "+strings.ReplaceAll(k.Special, "-", " "))
		}
		if k.Criminal {
			flags = append(flags, "criminal offence data")
		}
		name := k.Name
		if len(flags) > 0 {
			name += " (" + strings.Join(flags, "; ") + ")"
		}
		c = append(c, name)
	}
	return c
}

// recipientCell lists the organisations the activity discloses to, then
// their sub-processors, or "None" when it records none and is declared to
// share nothing.
func recipientCell(m *ropa.Model, a *ropa.Activity) Cell {
	var c Cell
	if !a.StatesSharing() && m.DeclaresNoneEverywhere(a, ropa.NoneRecipients) {
		return Cell{"None"}
	}
	for _, r := range a.Disclosures() {
		c = appendUnique(c, recipientLine(r, ""))
	}
	for _, r := range a.Disclosures() {
		c = subprocessorLines(c, r, map[*ropa.Recipient]bool{r: true})
	}
	return c
}

// recipientLine names a recipient with its role, as the sub-processor of
// parent when parent is set, and its country when that is not the UK.
func recipientLine(r *ropa.Recipient, parent string) string {
	detail := []string{word(roleWords, r.Role)}
	if parent != "" {
		detail = []string{"sub-processor of " + parent}
	}
	if r.Country != "" && r.Country != "United Kingdom" {
		detail = append(detail, r.Country)
	}
	return fmt.Sprintf("%s (%s)", r.Name, strings.Join(detail, ", "))
}

// subprocessorLines adds to c a line for each sub-processor of r, then
// theirs, each once.
func subprocessorLines(c Cell, r *ropa.Recipient, seen map[*ropa.Recipient]bool) Cell {
	for _, s := range r.Subprocessors {
		if s == nil || seen[s] {
			continue
		}
		seen[s] = true
		c = appendUnique(c, recipientLine(s, r.Name))
		c = subprocessorLines(c, s, seen)
	}
	return c
}

// contractCell names the contract of each organisation the activity
// discloses to that records one; a processor without one is a lint
// finding, not a cell.
func contractCell(a *ropa.Activity) Cell {
	var c Cell
	for _, r := range a.Disclosures() {
		if r.Contract != "" {
			c = appendUnique(c, r.Name+": "+r.Contract)
		}
	}
	return c
}

// transferName names a transfer by its country and recipient.
func transferName(t *ropa.Transfer) string {
	if t.Recipient != nil {
		return fmt.Sprintf("%s (%s)", t.Country, t.Recipient.Name)
	}
	return t.Country
}

// declaredTransferCell is transferCell, or "None" when the activity
// records no transfer abroad and is declared to make none.
func declaredTransferCell(m *ropa.Model, a *ropa.Activity) Cell {
	if !a.StatesTransfer() && m.DeclaresNoneEverywhere(a, ropa.NoneTransfers) {
		return Cell{"None"}
	}
	return transferCell(a)
}

func transferCell(a *ropa.Activity) Cell {
	var c Cell
	for _, t := range a.Transfers {
		if t == nil {
			continue
		}
		line := transferName(t) + ": " + mechanismLabel(t.Mechanism)
		if t.RiskAssessment != "" {
			line += "; data protection test (Art 46(1A)): " + t.RiskAssessment
		}
		c = appendUnique(c, line)
	}
	return c
}

func exceptionalTransferCell(a *ropa.Activity) Cell {
	var c Cell
	for _, t := range a.Transfers {
		if t == nil {
			continue
		}
		if m, _ := law.MechanismOf(t.Mechanism); !m.Derogation {
			continue
		}
		line := transferName(t) + ": Article 49(1) derogation"
		if t.Derogation != "" {
			line += ": " + t.Derogation
		}
		c = append(c, line)
		c = append(c, lines(t.Note, t.SafeguardCopy)...)
	}
	return c
}

// retentionCell states each retention rule of the activity on one line:
// its name, the period and trigger or the criteria, what happens then when
// the model says so, and the rule's note in the organisation's words.
func retentionCell(a *ropa.Activity) Cell {
	var c Cell
	for _, r := range a.RetentionRules() {
		var how []string
		if l := r.PeriodWords(); l != "" {
			how = append(how, strings.TrimSpace(l+" "+r.Trigger))
		} else if r.Trigger != "" {
			how = append(how, r.Trigger)
		}
		if r.Criteria != "" {
			how = append(how, r.Criteria)
		}
		line := r.Name
		if len(how) > 0 {
			line += ": " + strings.Join(how, "; ")
		}
		if r.Action != "" {
			line += ", then " + r.Action
		}
		if r.Note != "" {
			line += " (note: " + r.Note + ")"
		}
		c = append(c, line)
	}
	return c
}

func securityCell(m *ropa.Model) Cell {
	if m.Security == nil {
		return nil
	}
	if c := lines(m.Security.Measures...); len(c) > 0 {
		return c
	}
	return lines(m.Security.Summary)
}

func basisCell(a *ropa.Activity) Cell {
	var c Cell
	if a.EitherBasis && len(a.LawfulBases) > 1 {
		c = append(c, ropa.EitherBasisLine)
	}
	for _, b := range a.LawfulBases {
		line := basisLabel(b.Basis)
		var detail []string
		switch b.Basis {
		case ropa.BasisLegalObligation, ropa.BasisPublicTask:
			detail = lines(b.Law)
		case ropa.BasisRecognisedLegitimate:
			detail = lines(b.Condition)
		}
		for _, l := range b.Laws {
			if l != nil {
				detail = append(detail, l.Title())
			}
		}
		if len(detail) > 0 {
			line += ": " + strings.Join(detail, "; ")
		}
		c = append(c, line)
	}
	return c
}

func article9Cell(a *ropa.Activity) Cell {
	var c Cell
	for _, sc := range a.SpecialConditions {
		line := article9Label(sc.Article9)
		var names []string
		for _, k := range sc.Categories {
			if k != nil {
				names = append(names, k.Name)
			}
		}
		if len(names) > 0 {
			line += " (" + strings.Join(names, ", ") + ")"
		}
		c = append(c, line)
	}
	return c
}

func interestCell(a *ropa.Activity) Cell {
	var c Cell
	for _, b := range a.LawfulBases {
		if b.Basis == ropa.BasisLegitimateInterests {
			c = appendUnique(c, strings.TrimSpace(b.Interest))
		}
	}
	return c
}

func assessmentCell(a *ropa.Activity) Cell {
	var c Cell
	for _, b := range a.LawfulBases {
		if b.Basis == ropa.BasisLegitimateInterests {
			c = appendUnique(c, strings.TrimSpace(b.Assessment))
		}
	}
	return c
}

// automationCell describes the activity's automated decisions and
// profiling, or says "No" when its automation block or a declaration says
// there are none; it is empty when the record is silent.
func automationCell(m *ropa.Model, a *ropa.Activity) Cell {
	au := a.Automation
	noD := au.NoDecisions() || ((au == nil || !au.DecisionsStated) && m.DeclaresNoneEverywhere(a, ropa.NoneAutomatedDecisions))
	noP := au.NoProfiling() || ((au == nil || !au.ProfilingStated) && m.DeclaresNoneEverywhere(a, ropa.NoneProfiling))
	if au == nil || (!au.Decisions && !au.Profiling) {
		switch {
		case noD && noP:
			return Cell{"No"}
		case noD:
			return Cell{"Solely automated decision-making: No"}
		case noP:
			return Cell{"Profiling: No"}
		}
		return nil
	}
	var c Cell
	if au.Decisions {
		line := "Solely automated decision-making: Yes"
		if au.Significant {
			line += ", with legal or similarly significant effects"
		}
		c = append(c, line)
	}
	if au.Profiling {
		c = append(c, "Profiling: Yes")
	}
	c = append(c, lines(au.Description)...)
	if au.Logic != "" {
		c = append(c, "Logic: "+au.Logic)
	}
	if au.Consequences != "" {
		c = append(c, "Consequences: "+au.Consequences)
	}
	if au.Exception != "" {
		c = append(c, "Article 22(2) exception: "+strings.ReplaceAll(au.Exception, "-", " "))
	}
	for _, s := range au.Safeguards {
		c = appendUnique(c, "Safeguard: "+s)
	}
	return c
}

// breachCell says "Yes" when the activity records a breach; nothing
// recorded is an empty cell, never "No".
func breachCell(a *ropa.Activity) Cell {
	if a.Breach != "" {
		return Cell{"Yes"}
	}
	return nil
}

func sourceCell(a *ropa.Activity) Cell {
	var c Cell
	for _, s := range a.Sources {
		if s == nil {
			continue
		}
		detail := word(sourceKindWords, s.Kind)
		if s.PubliclyAccessible {
			detail += ", publicly accessible"
		}
		c = append(c, fmt.Sprintf("%s (%s)", s.Name, detail))
	}
	return c
}

func consentRecordCell(a *ropa.Activity) Cell {
	var c Cell
	for _, b := range a.LawfulBases {
		if b.Basis == ropa.BasisConsent && b.Consent != nil {
			c = appendUnique(c, strings.TrimSpace(b.Consent.Record))
		}
	}
	return c
}

func locationCell(a *ropa.Activity) Cell {
	var c Cell
	for _, s := range a.Systems {
		if s == nil {
			continue
		}
		line := s.Name
		if s.Location != "" {
			line += ": " + s.Location
		}
		c = append(c, line)
	}
	return append(c, lines(a.Location)...)
}

// dpiaCell fills a column from the activity's DPIA, empty without one.
func dpiaCell(f func(*ropa.DPIA) string) func(*ropa.Model, *ropa.Activity) Cell {
	return func(_ *ropa.Model, a *ropa.Activity) Cell {
		if a.DPIA == nil {
			return nil
		}
		return lines(f(a.DPIA))
	}
}

func schedule1Cell(a *ropa.Activity) Cell {
	var c Cell
	for _, sc := range a.SpecialConditions {
		if sc.Schedule1 != 0 {
			c = appendUnique(c, schedule1Label(sc.Schedule1))
		}
	}
	for _, cc := range a.CriminalConditions {
		switch {
		case cc.Schedule1 != 0:
			c = appendUnique(c, schedule1Label(cc.Schedule1)+" (criminal offence data)")
		case cc.Basis == "official-authority":
			c = appendUnique(c, "Article 10: under the control of official authority (criminal offence data)")
		}
	}
	return c
}

func policyDocumentCell(a *ropa.Activity) Cell {
	var c Cell
	for _, sc := range a.SpecialConditions {
		if sc.PolicyDocument != "" {
			c = appendUnique(c, "Appropriate policy document: "+sc.PolicyDocument)
		}
	}
	for _, cc := range a.CriminalConditions {
		if cc.PolicyDocument != "" {
			c = appendUnique(c, "Appropriate policy document: "+cc.PolicyDocument)
		}
	}
	for _, r := range a.RetentionRules() {
		if r.Source != "" {
			c = appendUnique(c, r.Name+": "+r.Source)
		}
	}
	return c
}

// adherenceCell fills a column from the activity's policy adherence, empty
// without one.
func adherenceCell(f func(*ropa.PolicyAdherence) string) func(*ropa.Model, *ropa.Activity) Cell {
	return func(_ *ropa.Model, a *ropa.Activity) Cell {
		if a.PolicyAdherence == nil {
			return nil
		}
		return lines(f(a.PolicyAdherence))
	}
}
