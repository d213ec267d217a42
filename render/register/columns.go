package register

import (
	"fmt"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
)

// ControllerHeadings are the 30 column headings of the ICO's controller
// documentation template (sheet "Template"), exactly and in order.
var ControllerHeadings = []string{
	"Business function",
	"Purpose of processing",
	"Name and contact details of joint controller (if applicable)",
	"Categories of individuals",
	"Categories of personal data",
	"Categories of recipients",
	"Link to contract with processor",
	"Names of third countries or international organisations that personal data are transferred to (if applicable)",
	"Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
	"Retention schedule (if possible)",
	"General description of technical and organisational security measures (if possible)",
	"Article 6 lawful basis for processing personal data",
	"Article 9 condition for processing special category data",
	"Legitimate interests for the processing (if applicable)",
	"Link to record of legitimate interests assessment (if applicable)",
	"Rights available to individuals",
	"Existence of automated decision-making, including profiling (if applicable)",
	"The source of the personal data (if applicable)",
	"Link to record of consent",
	"Location of personal data",
	"Data Protection Impact Assessment required?",
	"Data Protection Impact Assessment progress",
	"Link to Data Protection Impact Assessment",
	"Has a personal data breach occurred?",
	"Link to record of personal data breach",
	"Data Protection Act 2018 Schedule 1 Condition for processing",
	"GDPR Article 6 lawful basis for processing",
	"Link to retention and erasure policy document",
	"Is personal data retained and erased in accordance with the policy document?",
	"Reasons for not adhering to policy document (if applicable)",
}

// Column numbers (1-based, as the template numbers them) that the plan and
// tests refer to.
const (
	ColPurpose  = 2
	ColSecurity = 11
)

// Controller returns the controller's record, Article 30(1): one row per
// activity in source order, one cell per ControllerHeadings column.
func Controller(m *ropa.Model) *Table {
	t := &Table{Title: "Controller's record (Article 30(1))", Header: append([]string(nil), ControllerHeadings...)}
	for _, a := range m.ActivityList() {
		t.Rows = append(t.Rows, Row{Key: a.Key, Name: a.Name, Cells: activityCells(m, a)})
	}
	return t
}

// activityCells fills the 30 template columns for one activity.
func activityCells(m *ropa.Model, a *ropa.Activity) []Cell {
	bases := basisCell(a)
	return []Cell{
		lines(a.BusinessFunction),
		append(lines(a.Name, a.Purpose), a.Details...),
		jointControllerCell(m, a),
		subjectCell(a),
		categoryCell(a),
		recipientCell(m, a),
		contractCell(a),
		declaredTransferCell(m, a),
		exceptionalTransferCell(a),
		retentionCell(a),
		securityCell(m),
		bases,
		article9Cell(a),
		interestCell(a),
		assessmentCell(a),
		Rights(a),
		automationCell(m, a),
		sourceCell(a),
		consentRecordCell(a),
		locationCell(a),
		dpiaCell(a.DPIA, func(d *ropa.DPIA) string { return yesNo(d.Required) }),
		dpiaCell(a.DPIA, func(d *ropa.DPIA) string { return word(dpiaStatusWords, d.Status) }),
		dpiaCell(a.DPIA, func(d *ropa.DPIA) string { return d.Ref }),
		breachCell(a),
		lines(a.Breach),
		schedule1Cell(a),
		append(Cell(nil), bases...),
		policyDocumentCell(a),
		adherenceCell(a.PolicyAdherence, func(p *ropa.PolicyAdherence) string { return yesNo(p.Adheres) }),
		adherenceCell(a.PolicyAdherence, func(p *ropa.PolicyAdherence) string { return p.Reason }),
	}
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

func jointControllerCell(m *ropa.Model, a *ropa.Activity) Cell {
	var c Cell
	for _, r := range a.Recipients {
		if r == nil || r.Role != "joint-controller" {
			continue
		}
		contact := r.Contact
		var arrangement string
		for _, jc := range m.JointControllerList() {
			if jc != nil && (jc.Key == r.Key || jc.Name == r.Name) {
				if contact.IsZero() {
					contact = jc.Contact
				}
				arrangement = jc.Arrangement
				break
			}
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

// recipientCell lists the organisations the activity discloses to, or
// "None" when it records none and is declared to share nothing.
func recipientCell(m *ropa.Model, a *ropa.Activity) Cell {
	var c Cell
	if !a.StatesSharing() && m.DeclaresNoneEverywhere(a, ropa.NoneRecipients) {
		return Cell{"None"}
	}
	for _, r := range a.Disclosures() {
		detail := []string{word(roleWords, r.Role)}
		if r.Country != "" && r.Country != "United Kingdom" {
			detail = append(detail, r.Country)
		}
		c = appendUnique(c, fmt.Sprintf("%s (%s)", r.Name, strings.Join(detail, ", ")))
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
		line := transferName(t) + ": " + word(mechanismWords, t.Mechanism)
		if t.RiskAssessment != "" {
			line += "; transfer risk assessment: " + t.RiskAssessment
		}
		c = appendUnique(c, line)
	}
	return c
}

func exceptionalTransferCell(a *ropa.Activity) Cell {
	var c Cell
	for _, t := range a.Transfers {
		if t == nil || t.Mechanism != "derogation" {
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

// activityRetention is the activity's retention rules or, when it cites
// none, the rules of its categories, each once.
func activityRetention(a *ropa.Activity) []*ropa.Retention {
	var out []*ropa.Retention
	seen := map[*ropa.Retention]bool{}
	add := func(rs []*ropa.Retention) {
		for _, r := range rs {
			if r != nil && !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	add(a.Retention)
	if len(out) == 0 {
		for _, k := range a.Categories {
			if k != nil {
				add(k.RetentionRules)
			}
		}
	}
	return out
}

// retentionCell states each retention rule of the activity on one line:
// its name, the period and trigger or the criteria, what happens then when
// the model says so, and the rule's note in the organisation's words.
func retentionCell(a *ropa.Activity) Cell {
	var c Cell
	for _, r := range activityRetention(a) {
		var how []string
		if r.Period != "" {
			how = append(how, strings.TrimSpace(r.Period+" "+r.Trigger))
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
	for _, b := range a.LawfulBases {
		line := basisLabel(b.Basis)
		var detail []string
		switch b.Basis {
		case ropa.BasisLegalObligation, ropa.BasisPublicTask:
			detail = lines(b.Law)
		case ropa.BasisRecognisedLegitimate:
			detail = lines(b.Condition)
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

func dpiaCell(d *ropa.DPIA, f func(*ropa.DPIA) string) Cell {
	if d == nil {
		return nil
	}
	return lines(f(d))
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
	for _, r := range activityRetention(a) {
		if r.Source != "" {
			c = appendUnique(c, r.Name+": "+r.Source)
		}
	}
	return c
}

func adherenceCell(p *ropa.PolicyAdherence, f func(*ropa.PolicyAdherence) string) Cell {
	if p == nil {
		return nil
	}
	return lines(f(p))
}
