// Package dpv writes the model as JSON-LD in the W3C Data Privacy
// Vocabulary (DPV) 2.3: each activity a dpv:Process with its purpose,
// personal data, legal bases, data subjects, recipients, controller,
// storage conditions, transfers, DPIA status and rights (docs/dpv.md has
// the mapping table).
//
// DPV is EU-GDPR-centred. The UK GDPR's Articles 6, 9, 15-21 and 35 read as
// the EU GDPR's do, so those map to eu-gdpr: terms; where UK law differs
// (Art 6(1)(ea) recognised legitimate interest, UK adequacy regulations,
// the IDTA and UK Addendum, Arts 22A-22D) the export defines the
// organisation's own concept, labelled and linked to UK law through
// legal-gb:, and never uses an EU term that would be wrong.
package dpv

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/law"
)

// Namespaces of the vocabularies the export uses.
const (
	NSDPV     = "https://w3id.org/dpv#"
	NSPD      = "https://w3id.org/dpv/pd#"
	NSGDPR    = "https://w3id.org/dpv/legal/eu/gdpr#"
	NSLegalGB = "https://w3id.org/dpv/legal/gb#"
	NSLoc     = "https://w3id.org/dpv/loc#"
)

// Options configure the export.
type Options struct {
	// Base is the namespace of the organisation's own concepts (its
	// activities, categories, recipients ...). Empty derives it from the
	// controller's website, "https://example.org/ropa#" becoming
	// "https://example.org/ropa#", else "urn:ropa:<name>:".
	Base string
}

type node = map[string]any

func id(s string) node { return node{"@id": s} }

// ukLaw links an own concept to UK law.
var ukLaw = []node{id("legal-gb:law-GDPR"), id("legal-gb:law-DPA")}

// basisTerm is the eu-gdpr: term of an Article 6(1) basis the UK GDPR
// shares with the EU GDPR, or "".
func basisTerm(kind string) string {
	if b, ok := law.BasisOf(kind); ok && b.EUShared {
		return "eu-gdpr:A6-1-" + b.Letter
	}
	return ""
}

// specialTerms map the Article 9(1) categories to pd: terms.
var specialTerms = map[string]string{
	"racial-or-ethnic-origin": "pd:EthnicOrigin", "political-opinions": "pd:PoliticalOpinion",
	"religious-or-philosophical-beliefs": "pd:ReligiousBelief", "trade-union-membership": "pd:TradeUnionMembership",
	"genetic": "pd:Genetic", "biometric": "pd:Biometric", "health": "pd:Health",
	"sex-life": "pd:Sexual", "sexual-orientation": "pd:SexualPreference",
}

// categoryWords map words in a category's name to the pd: term it is, the
// first match winning.
var categoryWords = []struct {
	re   *regexp.Regexp
	term string
}{
	{regexp.MustCompile(`(?i)\bcontact`), "pd:Contact"},
	{regexp.MustCompile(`(?i)\bfinancial|\bbank|\bpayment`), "pd:Financial"},
	{regexp.MustCompile(`(?i)\bidentity|\bidentif`), "pd:Identifying"},
	{regexp.MustCompile(`(?i)\bdate of birth`), "pd:BirthDate"},
	{regexp.MustCompile(`(?i)\bemail`), "pd:EmailAddress"},
	{regexp.MustCompile(`(?i)\btele?phone`), "pd:TelephoneNumber"},
	{regexp.MustCompile(`(?i)\bip address`), "pd:IPAddress"},
	{regexp.MustCompile(`(?i)\blocation`), "pd:Location"},
	{regexp.MustCompile(`(?i)\bfamily|\bdependant|\bdependent`), "pd:Family"},
	{regexp.MustCompile(`(?i)\bhousehold`), "pd:Household"},
	{regexp.MustCompile(`(?i)\bemployment`), "pd:EmploymentHistory"},
	{regexp.MustCompile(`(?i)\bcredit`), "pd:Credit"},
	{regexp.MustCompile(`(?i)\bincome|\bbenefit`), "pd:Income"},
	{regexp.MustCompile(`(?i)\bvulnerab`), "pd:Vulnerability"},
	{regexp.MustCompile(`(?i)\bbehaviou?r`), "pd:Behavioural"},
	{regexp.MustCompile(`(?i)\bcall recording|\bvoice`), "pd:VoiceCommunicationRecording"},
	{regexp.MustCompile(`(?i)\bcommunication`), "pd:Communication"},
	{regexp.MustCompile(`(?i)\bphoto|\bimage|\bcctv`), "pd:Picture"},
	{regexp.MustCompile(`(?i)\bnationality`), "pd:Nationality"},
	{regexp.MustCompile(`(?i)\bgender`), "pd:Gender"},
	{regexp.MustCompile(`(?i)\beducation`), "pd:Education"},
	{regexp.MustCompile(`(?i)\btechnical|\bdevice|\bbrowser`), "pd:DeviceBased"},
	{regexp.MustCompile(`(?i)\bpreference`), "pd:Preference"},
	{regexp.MustCompile(`(?i)\bname\b`), "pd:Name"},
	{regexp.MustCompile(`(?i)\baddress`), "pd:PhysicalAddress"},
}

// PDTerm returns the pd: term a category is, or "" when none fits.
func PDTerm(c *ropa.Category) string {
	if t, ok := specialTerms[c.Special]; ok {
		return t
	}
	if c.Criminal {
		return "pd:CriminalOffence"
	}
	for _, w := range categoryWords {
		if w.re.MatchString(c.Name) {
			return w.term
		}
	}
	return ""
}

// mechanismTerm is the eu-gdpr: term of a transfer mechanism that is the
// EU GDPR's own, e.g. "eu-gdpr:A46-2-c", or "".
func mechanismTerm(kind string) string {
	m, ok := law.MechanismOf(kind)
	if !ok || m.EUArticle == "" {
		return ""
	}
	r := strings.NewReplacer("(", "-", ")", "")
	return "eu-gdpr:A" + r.Replace(m.EUArticle)
}

// mechanismLabel names a mechanism the export defines as an own concept,
// with the UK law it rests on.
func mechanismLabel(kind string) string {
	m, ok := law.MechanismOf(kind)
	if !ok {
		return kind
	}
	return m.Name + " (" + m.Cite + ")"
}

// rightTerms map the rights, as ropa derives them, to eu-gdpr: terms; the
// UK GDPR's Articles 15-21 and 7(3) read as the EU GDPR's.
var rightTerms = []struct {
	has  func(ropa.Rights) bool
	term string
}{
	{func(ropa.Rights) bool { return true }, "eu-gdpr:A15"},
	{func(ropa.Rights) bool { return true }, "eu-gdpr:A16"},
	{func(r ropa.Rights) bool { return r.Erasure }, "eu-gdpr:A17"},
	{func(ropa.Rights) bool { return true }, "eu-gdpr:A18"},
	{func(r ropa.Rights) bool { return r.Portability }, "eu-gdpr:A20"},
	{func(r ropa.Rights) bool { return r.Object }, "eu-gdpr:A21"},
	{func(r ropa.Rights) bool { return r.WithdrawConsent }, "eu-gdpr:A7-3"},
}

var dpiaStatus = map[string]string{
	"not-started": "dpv:ActivityProposed", "in-progress": "dpv:ActivityOngoing", "complete": "dpv:ActivityCompleted",
}

// roleTypes give a recipient's DPV type and the activity's property for it.
var roleTypes = map[string][2]string{
	"processor":        {"dpv:DataProcessor", "dpv:hasDataProcessor"},
	"controller":       {"dpv:DataController", "dpv:hasRecipientDataController"},
	"joint-controller": {"dpv:DataController", "dpv:hasRecipientDataController"},
	"public-authority": {"dpv:Authority", "dpv:hasRecipientThirdParty"},
	"internal":         {"dpv:Recipient", "dpv:hasRecipient"},
}

// Country returns the loc: term of a country name, or "".
func Country(name string) string {
	if c := law.CountryCode(name); c != "" {
		return "loc:" + c
	}
	return ""
}

var isoPeriod = regexp.MustCompile(`^([1-9][0-9]*) (day|week|month|year)s?$`)

// ISODuration turns a period such as "6 years" into "P6Y".
func ISODuration(period string) string {
	m := isoPeriod.FindStringSubmatch(period)
	if m == nil {
		return ""
	}
	return "P" + m[1] + map[string]string{"day": "D", "week": "W", "month": "M", "year": "Y"}[m[2]]
}

// base returns the namespace of the organisation's own concepts.
func base(m *ropa.Model, opts Options) string {
	if opts.Base != "" {
		return opts.Base
	}
	if u, err := url.Parse(m.Controller.Website); err == nil && u.Scheme != "" && u.Host != "" {
		return u.Scheme + "://" + u.Host + "/ropa#"
	}
	slug := strings.Trim(regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(strings.ToLower(m.Controller.Name), "-"), "-")
	return "urn:ropa:" + slug + ":"
}

func label(s string) node { return node{"@value": s, "@language": "en"} }

// concept is one of the organisation's own concepts: typed, with the same
// label as rdfs:label and skos:prefLabel.
func concept(iri string, types []string, name string) node {
	n := node{"@id": iri, "@type": types, "rdfs:label": label(name), "skos:prefLabel": label(name)}
	return n
}

// JSONLD writes the model as a JSON-LD document in DPV 2.3. The same model
// always gives the same bytes.
func JSONLD(w io.Writer, m *ropa.Model, opts Options) error {
	ns := base(m, opts)
	own := func(kind, key string) string { return "ropa:" + kind + "/" + key }
	var graph []node

	ctrl := concept("ropa:controller", []string{"dpv:DataController"}, m.Controller.Name)
	ctrl["dpv:hasName"] = m.Controller.Name
	if m.Controller.DPO != nil && m.Controller.DPO.Designated {
		dpo := concept("ropa:dpo", []string{"dpv:DataProtectionOfficer"}, firstNonEmpty(m.Controller.DPO.Name, "Data Protection Officer"))
		graph = append(graph, dpo)
		ctrl["dpv:hasDataProtectionOfficer"] = id("ropa:dpo")
	}
	ctrl["dpv:hasApplicableLaw"] = ukLaw
	ctrl["dpv:hasAuthority"] = id("legal-gb:DPA-GB")
	graph = append(graph, ctrl)

	for _, s := range m.SubjectList() {
		types := []string{"dpv:DataSubject"}
		if s.Children {
			types = append(types, "dpv:Child")
		}
		graph = append(graph, concept(own("subject", s.Key), types, s.Name))
	}
	for _, c := range m.CategoryList() {
		types := []string{"dpv:PersonalData"}
		if c.Special != "" || c.Criminal {
			types = append(types, "dpv:SpecialCategoryPersonalData")
		}
		n := concept(own("category", c.Key), types, c.Name)
		if t := PDTerm(c); t != "" {
			n["skos:broader"] = id(t)
		}
		graph = append(graph, n)
	}
	for _, r := range m.RecipientList() {
		rt := roleTypes[r.Role]
		n := concept(own("recipient", r.Key), []string{rt[0]}, r.Name)
		n["dpv:hasName"] = r.Name
		if c := Country(r.Country); c != "" {
			n["dpv:hasCountry"] = id(c)
		} else if r.Country != "" {
			n["dpv:hasLocation"] = label(r.Country)
		}
		graph = append(graph, n)
	}
	for _, s := range m.SourceList() {
		graph = append(graph, concept(own("source", s.Key), []string{"dpv:DataSource"}, s.Name))
	}
	for _, r := range m.RetentionList() {
		n := concept(own("retention", r.Key), []string{"dpv:StorageDuration"}, r.Name)
		var how []string
		length := r.PeriodWords()
		if length != "" {
			how = append(how, strings.TrimSpace(length+" "+r.Trigger))
		}
		if r.Criteria != "" {
			how = append(how, r.Criteria)
		}
		if len(how) > 0 {
			n["dct:description"] = label(strings.Join(how, "; "))
		}
		if d := ISODuration(r.Period); d != "" {
			n["dpv:hasDuration"] = node{"@type": "dpv:Duration", "rdf:value": node{"@value": d, "@type": "xsd:duration"}}
		}
		graph = append(graph, n)
	}
	// The organisation's own concepts for what DPV has no right term for.
	usedMech := map[string]bool{}
	for _, t := range m.TransferList() {
		n := concept(own("transfer", t.Key), []string{"dpv:CrossBorderTransfer"}, transferName(t))
		if c := Country(t.Country); c != "" {
			n["dpv:hasThirdCountry"] = id(c)
		} else {
			n["dpv:hasLocation"] = label(t.Country)
		}
		if t.Recipient != nil {
			n["dpv:hasRecipient"] = id(own("recipient", t.Recipient.Key))
		}
		if term := mechanismTerm(t.Mechanism); term != "" {
			n["dpv:hasLegalBasis"] = id(term)
		} else {
			n["dpv:hasLegalBasis"] = id(own("mechanism", t.Mechanism))
			usedMech[t.Mechanism] = true
		}
		graph = append(graph, n)
	}
	for _, k := range sortedKeys(usedMech) {
		n := concept(own("mechanism", k), []string{"dpv:DataTransferLegalBasis"}, mechanismLabel(k))
		n["dpv:hasApplicableLaw"] = ukLaw
		n["dpv:hasJurisdiction"] = id("loc:GB")
		graph = append(graph, n)
	}
	needRLI, needADM := false, false

	for _, a := range m.ActivityList() {
		p := concept(own("activity", a.Key), []string{"dpv:Process"}, a.Name)
		purpose := concept(own("purpose", a.Key), []string{"dpv:Purpose"}, a.Purpose)
		if a.BusinessFunction != "" {
			purpose["dct:subject"] = label(a.BusinessFunction)
		}
		p["dpv:hasPurpose"] = purpose
		p["dpv:hasDataController"] = id("ropa:controller")
		p["dpv:hasApplicableLaw"] = ukLaw
		p["dpv:hasDataSubject"] = refs(own, "subject", a.SubjectIDs)
		p["dpv:hasPersonalData"] = refs(own, "category", a.CategoryIDs)
		var bases []node
		for _, b := range a.LawfulBases {
			if t := basisTerm(b.Basis); t != "" {
				bases = append(bases, id(t))
			} else if b.Basis == ropa.BasisRecognisedLegitimate {
				bases = append(bases, id("ropa:legal-basis/recognised-legitimate-interest"))
				needRLI = true
			}
		}
		for _, sc := range a.SpecialConditions {
			bases = append(bases, id("eu-gdpr:A9-2-"+sc.Article9))
		}
		if len(bases) > 0 {
			p["dpv:hasLegalBasis"] = bases
		}
		var all []node
		byProp := map[string][]node{}
		for _, r := range a.Disclosures() {
			ref := id(own("recipient", r.Key))
			all = append(all, ref)
			if prop := roleTypes[r.Role][1]; prop != "dpv:hasRecipient" {
				byProp[prop] = append(byProp[prop], ref)
			}
		}
		if len(all) > 0 {
			p["dpv:hasRecipient"] = all
		}
		for prop, rs := range byProp {
			p[prop] = rs
		}
		if len(a.SourceIDs) > 0 {
			p["dpv:hasDataSource"] = refs(own, "source", a.SourceIDs)
		}
		var rets []node
		for _, r := range a.RetentionRules() {
			rets = append(rets, id(own("retention", r.Key)))
		}
		if len(rets) > 0 {
			p["dpv:hasStorageCondition"] = rets
		}
		if len(a.TransferIDs) > 0 {
			p["dpv:hasProcess"] = refs(own, "transfer", a.TransferIDs)
		}
		if d := a.DPIA; d != nil {
			dn := node{"@id": own("dpia", a.Key), "@type": "dpv:DPIA"}
			if d.Required {
				dn["dpv:hasStatus"] = []node{id("eu-gdpr:DPIARequired")}
			} else {
				dn["dpv:hasStatus"] = []node{id("eu-gdpr:DPIANotRequired")}
			}
			if s, ok := dpiaStatus[d.Status]; ok {
				dn["dpv:hasActivityStatus"] = id(s)
			}
			if d.Ref != "" {
				dn["dpv:hasIdentifier"] = d.Ref
			}
			p["dpv:hasImpactAssessment"] = dn
		}
		var rights []node
		rs := a.RightsOf()
		for _, r := range rightTerms {
			if r.has(rs) {
				rights = append(rights, id(r.term))
			}
		}
		if rs.Automated {
			rights = append(rights, id("ropa:right/automated-decision-making"))
			needADM = true
		}
		p["dpv:hasRight"] = rights
		if au := a.Automation; au != nil {
			var proc []node
			if au.Decisions {
				proc = append(proc, id("dpv:AutomatedDecisionMaking"))
			}
			if au.Profiling {
				proc = append(proc, id("dpv:Profiling"))
			}
			if len(proc) > 0 {
				p["dpv:hasProcessing"] = proc
			}
		}
		graph = append(graph, p)
	}
	if needRLI {
		n := concept("ropa:legal-basis/recognised-legitimate-interest", []string{"dpv:LegalBasis"},
			"Recognised legitimate interest (UK GDPR Art 6(1)(ea))")
		n["dpv:hasApplicableLaw"] = id("legal-gb:law-GDPR")
		n["dpv:hasJurisdiction"] = id("loc:GB")
		graph = append(graph, n)
	}
	if needADM {
		n := concept("ropa:right/automated-decision-making", []string{"dpv:DataSubjectRight"},
			"Safeguards for significant decisions based solely on automated processing (UK GDPR Arts 22A-22D)")
		n["dpv:hasApplicableLaw"] = id("legal-gb:law-GDPR")
		n["dpv:hasJurisdiction"] = id("loc:GB")
		graph = append(graph, n)
	}

	doc := node{
		"@context": node{
			"dpv": NSDPV, "pd": NSPD, "eu-gdpr": NSGDPR, "legal-gb": NSLegalGB, "loc": NSLoc,
			"rdf":  "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
			"rdfs": "http://www.w3.org/2000/01/rdf-schema#",
			"skos": "http://www.w3.org/2004/02/skos/core#",
			"dct":  "http://purl.org/dc/terms/",
			"xsd":  "http://www.w3.org/2001/XMLSchema#",
			"ropa": ns,
		},
		"@graph": graph,
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("dpv: %v", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func refs(own func(string, string) string, kind string, keys []string) []node {
	out := make([]node, 0, len(keys))
	for _, k := range keys {
		out = append(out, id(own(kind, k)))
	}
	return out
}

func transferName(t *ropa.Transfer) string {
	if t.Recipient != nil {
		return fmt.Sprintf("Transfer to %s (%s)", t.Country, t.Recipient.Name)
	}
	return "Transfer to " + t.Country
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func sortedKeys(m map[string]bool) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && ks[j] < ks[j-1]; j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
	return ks
}
