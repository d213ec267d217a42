// Package law holds the law ropa checks and states, in one place: the UK
// GDPR's Article 6 bases and Article 9 conditions, the DPA 2018 Schedule 1
// paragraphs with their Part, appropriate-policy-document rule, the
// Article 9 letter each serves and who may use it; the Article 10 routes;
// the transfer mechanisms and the UK's approved-transfer list with the scope
// of each approval; the rights each basis brings; the DPIA triggers; the
// PECR regulation 6 exemptions; and the dates these provisions took effect,
// as amended by the Data (Use and Access) Act 2025 (DUAA) and commenced by
// SI 2026/82.
//
// The lint rules, the notices' phrasebook checks, the register's words, the
// DPV export, the importer and the rights derivation all read from here;
// a test holds every value the schema enumerates to an entry, and another
// fails on a table of the law spelt out anywhere else.
package law

import (
	"fmt"
	"strings"
	"time"
)

// Dates on which provisions took effect, YYYY-MM-DD.
const (
	// GDPRApplied is when the GDPR and the DPA 2018 began to apply in the
	// UK (25 May 2018).
	GDPRApplied = "2018-05-25"
	// UKGDPRFrom is IP completion day (1 January 2021), from which the UK
	// GDPR is the retained text, with the UK's own changes (Art 8(1): 13).
	UKGDPRFrom = "2021-01-01"
	// DUAAMain is when SI 2026/82 reg 2 commenced most of the DUAA's data
	// protection provisions: Art 6(1)(ea), Arts 22A-22D, the Chapter V
	// transfer provisions (Arts 44A, 45A, 45B, 46(1A)) and PECR reg 6.
	DUAAMain = "2026-02-05"
	// DUAAComplaints is when SI 2026/82 reg 3 commenced s.103 DUAA (DPA
	// 2018 s.164A: complaints to the controller).
	DUAAComplaints = "2026-06-19"
	// PECRApplied is when the Privacy and Electronic Communications (EC
	// Directive) Regulations 2003 came into force (11 December 2003); the
	// consent rule in reg 6 dates from 26 May 2011.
	PECRApplied = "2011-05-26"
	// SchremsII is the date of the CJEU's judgment in C-311/18, which
	// invalidated the EU-US Privacy Shield.
	SchremsII = "2020-07-16"
	// UKAddendumFrom is when the IDTA and the UK Addendum came into force.
	UKAddendumFrom = "2022-03-21"
	// OldSCCsEnd is when contracts on the old EU SCCs ceased to be valid
	// safeguards for UK transfers.
	OldSCCsEnd = "2024-03-21"
)

// Date formats a YYYY-MM-DD date as "5 February 2026"; other text is
// returned as it is.
func Date(d string) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return fmt.Sprintf("%d %s %d", t.Day(), t.Month(), t.Year())
}

// InForce reports whether a provision that took effect on since (a
// YYYY-MM-DD date) is in force at now. A date that does not parse counts
// as in force.
func InForce(since string, now time.Time) bool {
	t, err := time.Parse("2006-01-02", since)
	if err != nil {
		return true
	}
	return !now.Before(t)
}

// Basis is an Article 6(1) lawful basis.
type Basis struct {
	// Kind is the schema's value (#LawfulBasisKind): "consent", ...
	Kind string
	// Letter is the point of Article 6(1): "a" ... "f", "ea".
	Letter string
	// Name is the basis in words: "legitimate interests".
	Name string
	// Since is when the basis took effect.
	Since string
	// Erasure, Portability and Object say which of the rights of Articles
	// 17, 20 and 21(1) the basis brings.
	Erasure, Portability, Object bool
	// WithdrawConsent is true for consent (Art 7(3)).
	WithdrawConsent bool
	// NotForPublicTasks is true for the bases that the closing words of
	// Art 6(1) deny to public authorities performing their tasks.
	NotForPublicTasks bool
	// EUShared is true when the EU GDPR has the same basis.
	EUShared bool
}

// Cite is the basis's citation, "UK GDPR Art 6(1)(f)".
func (b Basis) Cite() string { return "UK GDPR Art 6(1)(" + b.Letter + ")" }

// Label is the register's label, "Article 6(1)(f) legitimate interests".
func (b Basis) Label() string { return "Article 6(1)(" + b.Letter + ") " + b.Name }

// Bases are the Article 6(1) bases, in the order of the Article.
var Bases = []Basis{
	{Kind: "consent", Letter: "a", Name: "consent", Since: GDPRApplied, Erasure: true, Portability: true, WithdrawConsent: true, EUShared: true},
	{Kind: "contract", Letter: "b", Name: "contract", Since: GDPRApplied, Erasure: true, Portability: true, EUShared: true},
	{Kind: "legal-obligation", Letter: "c", Name: "legal obligation", Since: GDPRApplied, EUShared: true},
	{Kind: "vital-interests", Letter: "d", Name: "vital interests", Since: GDPRApplied, Erasure: true, EUShared: true},
	{Kind: "public-task", Letter: "e", Name: "public task", Since: GDPRApplied, Object: true, EUShared: true},
	// Art 6(1)(ea), inserted by s.70 DUAA: no balancing test; the right to
	// object applies (Art 21(1) as amended) and erasure on objection.
	{Kind: "recognised-legitimate-interest", Letter: "ea", Name: "recognised legitimate interest", Since: DUAAMain, Erasure: true, Object: true, NotForPublicTasks: true},
	{Kind: "legitimate-interests", Letter: "f", Name: "legitimate interests", Since: GDPRApplied, Erasure: true, Object: true, NotForPublicTasks: true, EUShared: true},
}

// BasisOf returns the basis with the schema value kind.
func BasisOf(kind string) (Basis, bool) {
	for _, b := range Bases {
		if b.Kind == kind {
			return b, true
		}
	}
	return Basis{}, false
}

// BasisByLetter returns the basis at a point of Article 6(1) ("b", "ea").
func BasisByLetter(letter string) (Basis, bool) {
	for _, b := range Bases {
		if b.Letter == strings.ToLower(letter) {
			return b, true
		}
	}
	return Basis{}, false
}

// Condition is an Article 9(2) condition for special-category data.
type Condition struct {
	// Letter is the point of Article 9(2), the schema's #Article9.
	Letter string
	// Name is the condition in the register's words.
	Name string
	// Schedule1Part is the Part of DPA 2018 Schedule 1 whose condition the
	// letter needs in the UK (s.10(2)-(3)): 1 or 2, or 0 for none.
	Schedule1Part int
	// Schedule1 is, for a Part 1 letter, the one paragraph it pairs with.
	Schedule1 int
	// WithdrawConsent and Portability are true for explicit consent.
	WithdrawConsent, Portability bool
	// Research is true for archiving, research and statistics, which
	// brings the right to object of Art 21(6).
	Research bool
	// Words is a regular expression for the words registers use for the
	// condition, for the importer.
	Words string
}

// Cite is the condition's citation, "UK GDPR Art 9(2)(g)".
func (c Condition) Cite() string { return "UK GDPR Art 9(2)(" + c.Letter + ")" }

// Label is the register's label, "Article 9(2)(g) substantial public interest".
func (c Condition) Label() string { return "Article 9(2)(" + c.Letter + ") " + c.Name }

// Conditions are the Article 9(2) conditions, in the order of the Article.
var Conditions = []Condition{
	{Letter: "a", Name: "explicit consent", Words: `(?i)explicit\s+consent`, WithdrawConsent: true, Portability: true},
	{Letter: "b", Name: "employment, social security and social protection law", Words: `(?i)employment|social\s+security|social\s+protection`, Schedule1Part: 1, Schedule1: 1},
	{Letter: "c", Name: "vital interests where the person cannot consent", Words: `(?i)vital\s+interest`},
	{Letter: "d", Name: "not-for-profit bodies", Words: `(?i)not[-\s]for[-\s]profit`},
	{Letter: "e", Name: "manifestly made public by the person", Words: `(?i)manifestly\s+made\s+public`},
	{Letter: "f", Name: "legal claims or judicial acts", Words: `(?i)legal\s+claims|judicial`},
	{Letter: "g", Name: "substantial public interest", Words: `(?i)substantial\s+public\s+interest`, Schedule1Part: 2},
	{Letter: "h", Name: "health or social care", Words: `(?i)health\s+or\s+social\s+care|medicine|medical\s+diagnosis`, Schedule1Part: 1, Schedule1: 2},
	{Letter: "i", Name: "public health", Words: `(?i)public\s+health`, Schedule1Part: 1, Schedule1: 3},
	{Letter: "j", Name: "archiving, research and statistics", Words: `(?i)archiving|scientific|historical\s+research|statistic`, Schedule1Part: 1, Schedule1: 4, Research: true},
}

// ConditionOf returns the Article 9(2) condition with the letter.
func ConditionOf(letter string) (Condition, bool) {
	for _, c := range Conditions {
		if c.Letter == strings.ToLower(letter) {
			return c, true
		}
	}
	return Condition{}, false
}

// Paragraph is a paragraph of DPA 2018 Schedule 1.
type Paragraph struct {
	// N is the paragraph number.
	N int
	// Part is the Part of Schedule 1 it is in (1-4).
	Part int
	// Name is the paragraph's heading.
	Name string
	// Condition is false for a paragraph that is not itself a condition
	// (5, the APD requirement of Part 2; 38-41, Part 4).
	Condition bool
	// Article9 is the Article 9(2) letter the paragraph serves, "" for a
	// Part 3 (criminal-offence data only) paragraph.
	Article9 string
	// APD is true when the condition is met only with an appropriate
	// policy document in place (paras 1(1)(b), 5, 35-36; Part 4 para 39).
	APD bool
	// APDNote says when an APD-requiring paragraph needs none.
	APDNote string
	// RestrictedTo names who alone may rely on the paragraph, "" when any
	// controller may.
	RestrictedTo string
	// Consent is true for paragraph 29 (consent, for criminal-offence data).
	Consent bool
}

// Cite is the paragraph's citation, "DPA 2018 Sch 1 para 18".
func (p Paragraph) Cite() string { return fmt.Sprintf("DPA 2018 Sch 1 para %d", p.N) }

// Label is the register's label, "DPA 2018 Schedule 1 Part 2 paragraph
// 18 safeguarding of children and of individuals at risk".
func (p Paragraph) Label() string {
	return fmt.Sprintf("DPA 2018 Schedule 1 Part %d paragraph %d %s", p.Part, p.N, p.Name)
}

// Schedule1 lists the paragraphs of DPA 2018 Schedule 1 that a model can
// name (1-37), in order.
var Schedule1 = []Paragraph{
	{N: 1, Part: 1, Name: "employment, social security and social protection", Condition: true, Article9: "b", APD: true},
	{N: 2, Part: 1, Name: "health or social care purposes", Condition: true, Article9: "h"},
	{N: 3, Part: 1, Name: "public health", Condition: true, Article9: "i"},
	{N: 4, Part: 1, Name: "research etc", Condition: true, Article9: "j"},
	{N: 5, Part: 2, Name: "requirement for an appropriate policy document"},
	{N: 6, Part: 2, Name: "statutory and government purposes", Condition: true, Article9: "g", APD: true},
	{N: 7, Part: 2, Name: "administration of justice and parliamentary purposes", Condition: true, Article9: "g", APD: true},
	{N: 8, Part: 2, Name: "equality of opportunity or treatment", Condition: true, Article9: "g", APD: true},
	{N: 9, Part: 2, Name: "racial and ethnic diversity at senior levels of organisations", Condition: true, Article9: "g", APD: true},
	{N: 10, Part: 2, Name: "preventing or detecting unlawful acts", Condition: true, Article9: "g", APD: true,
		APDNote: "none is needed when the data is only disclosed to a competent authority (para 10(3))"},
	{N: 11, Part: 2, Name: "protecting the public", Condition: true, Article9: "g", APD: true},
	{N: 12, Part: 2, Name: "regulatory requirements", Condition: true, Article9: "g", APD: true},
	{N: 13, Part: 2, Name: "journalism, academia, art and literature", Condition: true, Article9: "g"},
	{N: 14, Part: 2, Name: "preventing fraud", Condition: true, Article9: "g", APD: true,
		RestrictedTo: "disclosures by a member of, or under arrangements made by, an anti-fraud organisation, and processing of data so disclosed"},
	{N: 15, Part: 2, Name: "suspicion of terrorist financing or money laundering", Condition: true, Article9: "g", APD: true},
	{N: 16, Part: 2, Name: "support for individuals with a particular disability or medical condition", Condition: true, Article9: "g", APD: true,
		RestrictedTo: "a not-for-profit body that provides support to individuals with a particular disability or medical condition"},
	{N: 17, Part: 2, Name: "counselling", Condition: true, Article9: "g", APD: true},
	{N: 18, Part: 2, Name: "safeguarding of children and of individuals at risk", Condition: true, Article9: "g", APD: true},
	{N: 19, Part: 2, Name: "safeguarding of economic well-being of certain individuals", Condition: true, Article9: "g", APD: true},
	{N: 20, Part: 2, Name: "insurance", Condition: true, Article9: "g", APD: true},
	{N: 21, Part: 2, Name: "occupational pensions", Condition: true, Article9: "g", APD: true},
	{N: 22, Part: 2, Name: "political parties", Condition: true, Article9: "g", APD: true,
		RestrictedTo: "a registered political party"},
	{N: 23, Part: 2, Name: "elected representatives responding to requests", Condition: true, Article9: "g", APD: true,
		RestrictedTo: "an elected representative, or a person acting with their authority"},
	{N: 24, Part: 2, Name: "disclosure to elected representatives", Condition: true, Article9: "g", APD: true},
	{N: 25, Part: 2, Name: "informing elected representatives about prisoners", Condition: true, Article9: "g", APD: true},
	{N: 26, Part: 2, Name: "publication of legal judgments", Condition: true, Article9: "g", APD: true},
	{N: 27, Part: 2, Name: "anti-doping in sport", Condition: true, Article9: "g", APD: true,
		APDNote: "none is needed when the data is only disclosed to an anti-doping body (para 27(3))"},
	{N: 28, Part: 2, Name: "standards of behaviour in sport", Condition: true, Article9: "g", APD: true},
	{N: 29, Part: 3, Name: "consent", Condition: true, Consent: true},
	{N: 30, Part: 3, Name: "protecting individual's vital interests", Condition: true},
	{N: 31, Part: 3, Name: "processing by not-for-profit bodies", Condition: true},
	{N: 32, Part: 3, Name: "personal data in the public domain", Condition: true},
	{N: 33, Part: 3, Name: "legal claims", Condition: true},
	{N: 34, Part: 3, Name: "judicial acts", Condition: true},
	{N: 35, Part: 3, Name: "administration of accounts used in commission of indecency offences involving children", Condition: true, APD: true},
	{N: 36, Part: 3, Name: "extension of conditions in Part 2 referring to substantial public interest", Condition: true, APD: true},
	{N: 37, Part: 3, Name: "extension of insurance conditions", Condition: true},
}

// Schedule1Para returns paragraph n of Schedule 1.
func Schedule1Para(n int) (Paragraph, bool) {
	if n >= 1 && n <= len(Schedule1) && Schedule1[n-1].N == n {
		return Schedule1[n-1], true
	}
	return Paragraph{}, false
}

// PartConditions returns the first and last paragraph numbers of the
// conditions of a Part of Schedule 1: 1-4, 6-28, 29-37.
func PartConditions(part int) (lo, hi int) {
	for _, p := range Schedule1 {
		if p.Part != part || !p.Condition {
			continue
		}
		if lo == 0 {
			lo = p.N
		}
		hi = p.N
	}
	return lo, hi
}

// Schedule1Max is the highest paragraph a special-category condition may
// name (the end of Part 2) and CriminalMax the highest a criminal-offence
// condition may (the end of Part 3); the schema holds the same bounds.
const (
	Schedule1Max = 28
	CriminalMax  = 37
)

// Pairs reports whether Schedule 1 paragraph para serves the Article 9(2)
// letter: (b) with 1, (h) with 2, (i) with 3, (j) with 4, (g) with 6-28.
func Pairs(letter string, para int) bool {
	p, ok := Schedule1Para(para)
	return ok && p.Condition && p.Article9 != "" && p.Article9 == strings.ToLower(letter)
}

// NeedsAPD reports whether relying on paragraph para for special-category
// data needs an appropriate policy document.
func NeedsAPD(para int) bool {
	p, ok := Schedule1Para(para)
	return ok && p.Part <= 2 && p.APD
}

// CriminalNeedsAPD is NeedsAPD for a criminal-offence condition, which may
// also name a Part 3 paragraph.
func CriminalNeedsAPD(para int) bool {
	p, ok := Schedule1Para(para)
	return ok && p.APD
}

// Route is an Article 10 route for criminal-offence data.
type Route struct {
	// Kind is the schema's value (#CriminalCondition basis).
	Kind string
	// Name is the route in words.
	Name string
	// Cite is its citation.
	Cite string
}

// Routes are the Article 10 routes.
var Routes = []Route{
	{Kind: "official-authority", Name: "under the control of official authority", Cite: "UK GDPR Art 10"},
	{Kind: "schedule1", Name: "authorised by law: a DPA 2018 Schedule 1 condition", Cite: "UK GDPR Art 10; DPA 2018 s.10(5)"},
}

// RouteOf returns the Article 10 route of the schema's kind.
func RouteOf(kind string) (Route, bool) {
	for _, r := range Routes {
		if r.Kind == kind {
			return r, true
		}
	}
	return Route{}, false
}
