// Package ropa is the domain of the ropa toolkit: the model of an
// organisation's Record of Processing Activities, loading it from CUE,
// resolving the references between its entities, and the positions that let
// every diagnostic name file:line:col. It does no rendering.
package ropa

// Model is a loaded and resolved record. Entities live in maps keyed by their
// model key and, for stable output, in the *Order slices, which list keys in
// the order the source declares them. After Load every reference field of
// every entity (the ones tagged json:"-") points at the entity it names.
type Model struct {
	SchemaVersion        string                      `json:"schemaVersion"`
	Controller           Controller                  `json:"controller"`
	Notices              map[string]*Notice          `json:"notices"`
	Subjects             map[string]*Subject         `json:"subjects"`
	Categories           map[string]*Category        `json:"categories"`
	Sources              map[string]*Source          `json:"sources,omitempty"`
	Recipients           map[string]*Recipient       `json:"recipients,omitempty"`
	Transfers            map[string]*Transfer        `json:"transfers,omitempty"`
	Retention            map[string]*Retention       `json:"retention,omitempty"`
	Schemes              map[string]*Scheme          `json:"schemes,omitempty"`
	Systems              map[string]*System          `json:"systems,omitempty"`
	Laws                 map[string]*Law             `json:"laws,omitempty"`
	Activities           map[string]*Activity        `json:"activities"`
	Cookies              map[string]*Cookie          `json:"cookies,omitempty"`
	Security             *Security                   `json:"security,omitempty"`
	ProcessorRecords     map[string]*ProcessorRecord `json:"processorRecords,omitempty"`
	SupervisoryAuthority Authority                   `json:"supervisoryAuthority"`
	Complaints           *Complaints                 `json:"complaints,omitempty"`
	RightsContact        *Contact                    `json:"rightsContact,omitempty"`
	Waivers              []Waiver                    `json:"waivers,omitempty"`
	History              []Version                   `json:"history,omitempty"`
	Phrases              map[string]string           `json:"phrases,omitempty"`
	// ReviewInterval is how often each activity is reviewed, a duration
	// such as "12 months"; empty when the record does not say.
	ReviewInterval string `json:"reviewInterval,omitempty"`
	// None lists what the whole record declares it does not do (None*).
	None []string `json:"none,omitempty"`
	// Translations are the model's texts in other languages: by language
	// tag, then by the model path of the English text.
	Translations map[string]map[string]Translation `json:"translations,omitempty"`

	// Package is the CUE package the model's files declare (the package the
	// data files join).
	Package string `json:"-"`
	// Order lists, per top-level map field name ("activities", ...), the
	// keys in source order.
	Order map[string][]string `json:"-"`
	// Positions maps field paths to where the source declares them.
	Positions Positions `json:"-"`

	// referenced records, per kind path, the keys some reference in the
	// model resolved to.
	referenced map[string]map[string]bool
}

// markReferenced records that a reference resolved to key in the map at
// path.
func (m *Model) markReferenced(path, key string) {
	if m.referenced == nil {
		m.referenced = map[string]map[string]bool{}
	}
	if m.referenced[path] == nil {
		m.referenced[path] = map[string]bool{}
	}
	m.referenced[path][key] = true
}

// Referenced reports whether any reference in the model (an activity's
// categories, a transfer's recipient, a cookie's audiences, ...) names the
// entity with the given key in the map at path.
func (m *Model) Referenced(path, key string) bool { return m.referenced[path][key] }

// Address is a postal address.
type Address struct {
	Lines    []string `json:"lines"`
	Postcode string   `json:"postcode,omitempty"`
	Country  string   `json:"country,omitempty"`
}

// Contact is a way to reach a person, team or organisation.
type Contact struct {
	Name    string   `json:"name,omitempty"`
	Role    string   `json:"role,omitempty"`
	Email   string   `json:"email,omitempty"`
	Phone   string   `json:"phone,omitempty"`
	Address *Address `json:"address,omitempty"`
	Web     string   `json:"web,omitempty"`
	Note    string   `json:"note,omitempty"`
}

// IsZero reports whether the contact gives no way to reach anyone.
func (c *Contact) IsZero() bool {
	return c == nil || (c.Email == "" && c.Phone == "" && c.Address == nil && c.Web == "")
}

// Registration is an entry in a public register.
type Registration struct {
	Register string `json:"register"`
	// Number is empty when the model states the registration without one.
	Number string `json:"number,omitempty"`
}

// Party is another organisation named in the record.
type Party struct {
	Name            string         `json:"name"`
	Relation        string         `json:"relation,omitempty"`
	ICORegistration string         `json:"icoRegistration,omitempty"`
	Registrations   []Registration `json:"registrations,omitempty"`
	Contact         *Contact       `json:"contact,omitempty"`
	Covered         bool           `json:"covered"`
}

// Controller is the organisation responsible for the processing.
type Controller struct {
	Name            string         `json:"name"`
	ShortName       string         `json:"shortName,omitempty"`
	LegalForm       string         `json:"legalForm,omitempty"`
	Registrations   []Registration `json:"registrations,omitempty"`
	ICORegistration string         `json:"icoRegistration,omitempty"`
	// ICORegistered says the controller is registered with the ICO when
	// the model gives no number.
	ICORegistered bool     `json:"icoRegistered"`
	FormerNames   []string `json:"formerNames,omitempty"`
	Charity       *Charity `json:"charity,omitempty"`
	Address       *Address `json:"address,omitempty"`
	// AddressKind is "registered-office", "head-office",
	// "principal-office" or "offices", or empty when the model does not
	// say what the address is.
	AddressKind      string                      `json:"addressKind,omitempty"`
	Website          string                      `json:"website,omitempty"`
	Description      string                      `json:"description,omitempty"`
	Contacts         []Contact                   `json:"contacts,omitempty"`
	DPO              *DPO                        `json:"dpo,omitempty"`
	Representatives  *Representatives            `json:"representatives,omitempty"`
	Group            []Party                     `json:"group,omitempty"`
	JointControllers map[string]*JointController `json:"jointControllers,omitempty"`
	PublicAuthority  bool                        `json:"publicAuthority"`
	// Unconfirmed marks the controller's details, or some of them, as
	// assumed rather than confirmed.
	Unconfirmed *Unconfirmed `json:"unconfirmed,omitempty"`
}

// DisplayName is the short name when one is given, else the legal name.
func (c *Controller) DisplayName() string {
	if c.ShortName != "" {
		return c.ShortName
	}
	return c.Name
}

// Address kinds, what a controller's address is.
const (
	AddressRegisteredOffice = "registered-office"
	AddressHeadOffice       = "head-office"
	AddressPrincipalOffice  = "principal-office"
	AddressOffices          = "offices"
)

// Charity is a controller's charitable status: Status is "registered",
// "exempt" or "excepted".
type Charity struct {
	Status   string `json:"status"`
	Register string `json:"register,omitempty"`
	Number   string `json:"number,omitempty"`
}

// Representatives are the controller's UK and EU representatives.
type Representatives struct {
	UK *Party `json:"uk,omitempty"`
	EU *Party `json:"eu,omitempty"`
}

// DPO is the data protection officer, or the person responsible for data
// protection when Designated is false.
type DPO struct {
	Designated bool `json:"designated"`
	Contact
}

// JointController is a controller that decides purposes and means jointly.
type JointController struct {
	Name        string   `json:"name"`
	Contact     *Contact `json:"contact,omitempty"`
	Arrangement string   `json:"arrangement"`
	Keyed
}

// Authority is a supervisory authority.
type Authority struct {
	Name     string   `json:"name"`
	Address  *Address `json:"address,omitempty"`
	Phone    string   `json:"phone,omitempty"`
	Web      string   `json:"web,omitempty"`
	Complain string   `json:"complain,omitempty"`
}

// Complaints says how the organisation handles complaints itself.
type Complaints struct {
	Procedure string   `json:"procedure"`
	Contact   *Contact `json:"contact,omitempty"`
	URL       string   `json:"url,omitempty"`
}

// Notice is one privacy notice, for one audience.
type Notice struct {
	Title       string `json:"title"`
	Version     string `json:"version,omitempty"`
	LastUpdated string `json:"lastUpdated,omitempty"`
	// Issued is when the notice was first published; Reviewed the dates it
	// was reviewed since, oldest first.
	Issued   string   `json:"issued,omitempty"`
	Reviewed []string `json:"reviewed,omitempty"`
	// NextReview is when the notice is next to be reviewed, qualified by
	// NextReviewNote.
	NextReview     string `json:"nextReview,omitempty"`
	NextReviewNote string `json:"nextReviewNote,omitempty"`
	Language       string `json:"language"`
	// Languages are the other languages the notice is published in.
	Languages []string `json:"languages,omitempty"`
	// Bilingual asks for one more document holding the notice in its
	// first other language and then in its own (<key>.bilingual.*).
	Bilingual bool `json:"bilingual,omitempty"`
	// Snippets asks for a just-in-time snippet per activity of the notice
	// (<key>.<activity>.snippet.*).
	Snippets bool `json:"snippets,omitempty"`
	// LawsIncomplete records that the notice's list of laws is not all
	// the laws its purposes rest on.
	LawsIncomplete bool          `json:"lawsIncomplete,omitempty"`
	Summary        []string      `json:"summary,omitempty"`
	Related        []Link        `json:"related,omitempty"`
	Sections       []FreeSection `json:"sections,omitempty"`
	Children       bool          `json:"children"`
	// WordBudget is the most words the notice should run to; 0 means
	// DefaultWordBudget. A longer notice draws the lint info notice-long.
	WordBudget int `json:"wordBudget,omitempty"`
	// Phrases override the standard wording for this notice only; they take
	// precedence over the model's Phrases.
	Phrases map[string]string `json:"phrases,omitempty"`
	// None lists what the notice declares, for every activity it shows,
	// that there is none of (None*).
	None []string `json:"none,omitempty"`
	// Contacts are the notice's own contacts, shown instead of the
	// controller's general contacts.
	Contacts []Contact `json:"contacts,omitempty"`
	// CategoryIDs are categories the notice lists without tying them to
	// a purpose.
	CategoryIDs []string `json:"categories,omitempty"`
	// Extends is the key of the notice this one is read with.
	ExtendsID string `json:"extends,omitempty"`
	// Delegate maps standard section IDs to where each topic is explained.
	Delegate map[string]*Delegate `json:"delegate,omitempty"`
	// Own lists the general topics a notice that extends another states
	// itself.
	Own []string `json:"own,omitempty"`
	Keyed

	Categories []*Category `json:"-"`
	// Parent is the notice Extends names.
	Parent *Notice `json:"-"`
}

// Delegate is where a delegated topic is explained: another notice
// (NoticeID, resolved to Notice) or a page (URL, with its Title).
type Delegate struct {
	NoticeID string `json:"notice,omitempty"`
	URL      string `json:"url,omitempty"`
	Title    string `json:"title,omitempty"`

	Notice *Notice `json:"-"`
}

// DefaultWordBudget is the word budget of a notice that sets none: about
// 13 minutes' reading, beyond which readers skim.
const DefaultWordBudget = 2500

// Budget returns the notice's word budget: WordBudget, or
// DefaultWordBudget when it sets none.
func (n *Notice) Budget() int {
	if n == nil || n.WordBudget <= 0 {
		return DefaultWordBudget
	}
	return n.WordBudget
}

// Link is a titled link to a related document.
type Link struct {
	Title string `json:"title"`
	URL   string `json:"url,omitempty"`
	Note  string `json:"note,omitempty"`
}

// FreeSection is a section of prose that the model carries verbatim. A
// notice shows its Paragraphs, then its Items as one list, then its Blocks
// in order.
type FreeSection struct {
	Title      string   `json:"title"`
	Paragraphs []string `json:"paragraphs"`
	Items      []string `json:"items,omitempty"`
	// Blocks are paragraphs and lists in the order the section reads them,
	// for a section whose lists sit between its paragraphs.
	Blocks []FreeBlock `json:"blocks,omitempty"`
	After  string      `json:"after,omitempty"`
}

// FreeBlock is one block of a free section: a paragraph when Paragraph is
// set, else a bulleted list of Items. The schema allows exactly one of the
// two.
type FreeBlock struct {
	Paragraph string   `json:"paragraph,omitempty"`
	Items     []string `json:"items,omitempty"`
}

// Subject is a kind of person whose data is processed.
type Subject struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Children    bool   `json:"children"`
	Keyed
}

// Category is a kind of personal data.
type Category struct {
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Examples    []string `json:"examples,omitempty"`
	Special     string   `json:"special,omitempty"`
	Criminal    bool     `json:"criminal"`
	// Heading is the organisation's own heading for the category in the
	// notice: presentation only, never its legal class.
	Heading string `json:"heading,omitempty"`
	// Optional is true when people can choose whether to give the data,
	// and OptionalConsequence says what happens if they do not.
	Optional            bool     `json:"optional,omitempty"`
	OptionalConsequence string   `json:"optionalConsequence,omitempty"`
	RetentionIDs        []string `json:"retention,omitempty"`
	Keyed

	RetentionRules []*Retention `json:"-"`
}

// Source is where data comes from.
type Source struct {
	Name               string `json:"name"`
	Kind               string `json:"kind"`
	Description        string `json:"description,omitempty"`
	RecipientID        string `json:"recipient,omitempty"`
	PubliclyAccessible bool   `json:"publiclyAccessible"`
	// Channels are the ways data comes in from the source (Channel*).
	Channels []string `json:"channels,omitempty"`
	// Exemption is the Article 14(5) ground for not telling people
	// separately, or nil.
	Exemption *Exemption `json:"exemption,omitempty"`
	Keyed

	Recipient *Recipient `json:"-"`
}

// The ways of collecting data a source or activity can list in channels,
// in the order the schema gives them.
var Channels = []string{"telephone", "in-person", "email", "letter", "text", "social-media", "website", "app"}

// Article 14(5) exemption grounds.
const (
	// ExemptAlreadyHas is Art 14(5)(a): the person already has the information.
	ExemptAlreadyHas = "already-has"
	// ExemptDisproportionate is Art 14(5)(b): impossible or disproportionate
	// effort, the information made public instead.
	ExemptDisproportionate = "disproportionate-effort"
	// ExemptRequiredByLaw is Art 14(5)(c): obtaining or disclosure expressly
	// required by law.
	ExemptRequiredByLaw = "required-by-law"
	// ExemptProfessionalSecrecy is Art 14(5)(d): an obligation of
	// professional secrecy.
	ExemptProfessionalSecrecy = "professional-secrecy"
)

// Exemption is an Article 14(5) exemption from telling people about data
// obtained from someone else.
type Exemption struct {
	Ground string `json:"ground"`
	// Published is where the information is made public (Art 14(5)(b)).
	Published string `json:"published,omitempty"`
	// LawID is the key of the law that requires it (Art 14(5)(c)).
	LawID string `json:"law,omitempty"`
	Note  string `json:"note,omitempty"`

	Law *Law `json:"-"`
}

// Letter returns the point of Article 14(5) the ground rests on: "a" to
// "d", or "" for an unknown ground.
func (e *Exemption) Letter() string {
	switch e.Ground {
	case ExemptAlreadyHas:
		return "a"
	case ExemptDisproportionate:
		return "b"
	case ExemptRequiredByLaw:
		return "c"
	case ExemptProfessionalSecrecy:
		return "d"
	}
	return ""
}

// Recipient is an organisation, or a category of them, that receives data.
type Recipient struct {
	Name          string   `json:"name"`
	Description   string   `json:"description,omitempty"`
	Role          string   `json:"role"`
	Category      bool     `json:"category"`
	Country       string   `json:"country,omitempty"`
	Contract      string   `json:"contract,omitempty"`
	PrivacyNotice string   `json:"privacyNotice,omitempty"`
	Contact       *Contact `json:"contact,omitempty"`
	// Related are the recipient's own notices or pages the notice points to.
	Related []Link `json:"related,omitempty"`
	// SubprocessorIDs are the keys of the recipients this processor
	// engages; resolution rejects a cycle.
	SubprocessorIDs []string `json:"subprocessors,omitempty"`
	Keyed

	Subprocessors []*Recipient `json:"-"`
}

// SubprocessorTree returns the recipient's sub-processors, then theirs, and
// so on, each once, depth first in the order listed.
func (r *Recipient) SubprocessorTree() []*Recipient {
	var out []*Recipient
	seen := map[*Recipient]bool{r: true}
	var walk func(x *Recipient)
	walk = func(x *Recipient) {
		for _, s := range x.Subprocessors {
			if s != nil && !seen[s] {
				seen[s] = true
				out = append(out, s)
				walk(s)
			}
		}
	}
	walk(r)
	return out
}

// Transfer is a disclosure of data to a country outside the UK.
type Transfer struct {
	RecipientID    string `json:"recipient"`
	Country        string `json:"country"`
	Mechanism      string `json:"mechanism"`
	Derogation     string `json:"derogation,omitempty"`
	SafeguardCopy  string `json:"safeguardCopy,omitempty"`
	RiskAssessment string `json:"riskAssessment,omitempty"`
	// WithinApproval says whether the recipient falls inside a partial
	// approval of its country (Art 45A); nil when the model does not say.
	WithinApproval *bool  `json:"withinApproval,omitempty"`
	Note           string `json:"note,omitempty"`
	Keyed

	Recipient *Recipient `json:"-"`
}

// Retention is a retention rule.
type Retention struct {
	Name    string `json:"name"`
	Period  string `json:"period,omitempty"`
	Trigger string `json:"trigger,omitempty"`
	// UpTo is a maximum period, and From and To a range of periods, each
	// instead of Period.
	UpTo string `json:"upTo,omitempty"`
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Usually is true when the period is the usual one, not a fixed rule.
	Usually  bool   `json:"usually,omitempty"`
	Criteria string `json:"criteria,omitempty"`
	Source   string `json:"source,omitempty"`
	// Action is "delete", "anonymise" or "review", or empty when the
	// organisation does not say what happens at the end of the period.
	Action string `json:"action,omitempty"`
	// Note qualifies the rule in the notice's words.
	Note string `json:"note,omitempty"`
	Keyed
}

// Scheme is a data-sharing scheme an activity feeds.
type Scheme struct {
	Name          string   `json:"name"`
	Description   string   `json:"description"`
	OperatorID    string   `json:"operator,omitempty"`
	OptOut        string   `json:"optOut,omitempty"`
	PrivacyNotice string   `json:"privacyNotice,omitempty"`
	Contact       *Contact `json:"contact,omitempty"`
	Mandatory     bool     `json:"mandatory"`
	// Related are the scheme's own notices, guidance or pages.
	Related []Link `json:"related,omitempty"`
	Keyed

	Operator *Recipient `json:"-"`
}

// System is an application or store that holds the data.
type System struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	VendorID    string `json:"vendor,omitempty"`
	Location    string `json:"location,omitempty"`
	Keyed

	Vendor *Recipient `json:"-"`
}

// Law is an Act, regulation or other instrument the record relies on.
type Law struct {
	Name    string `json:"name"`
	Section string `json:"section,omitempty"`
	URL     string `json:"url,omitempty"`
	Keyed
}

// Title is the law's name with the section relied on: "Housing Act 1996,
// Part 7".
func (l *Law) Title() string {
	if l.Section == "" {
		return l.Name
	}
	return l.Name + ", " + l.Section
}

// Lawful basis kinds, Article 6(1).
const (
	BasisConsent              = "consent"
	BasisContract             = "contract"
	BasisLegalObligation      = "legal-obligation"
	BasisVitalInterests       = "vital-interests"
	BasisPublicTask           = "public-task"
	BasisLegitimateInterests  = "legitimate-interests"
	BasisRecognisedLegitimate = "recognised-legitimate-interest"
)

// LawfulBasis is one Article 6(1) lawful basis with the detail it needs.
type LawfulBasis struct {
	Basis      string   `json:"basis"`
	Interest   string   `json:"interest,omitempty"`
	Assessment string   `json:"assessment,omitempty"`
	Law        string   `json:"law,omitempty"`
	LawIDs     []string `json:"laws,omitempty"`
	Consent    *Consent `json:"consent,omitempty"`
	Condition  string   `json:"condition,omitempty"`
	Note       string   `json:"note,omitempty"`

	Laws []*Law `json:"-"`
}

// Consent says how consent is given, withdrawn and recorded.
type Consent struct {
	How      string `json:"how"`
	Withdraw string `json:"withdraw"`
	Record   string `json:"record,omitempty"`
}

// SpecialCondition is an Article 9(2) condition with its Schedule 1 detail.
type SpecialCondition struct {
	Article9       string   `json:"article9"`
	Schedule1      int      `json:"schedule1,omitempty"`
	PolicyDocument string   `json:"policyDocument,omitempty"`
	CategoryIDs    []string `json:"categories,omitempty"`
	Note           string   `json:"note,omitempty"`

	Categories []*Category `json:"-"`
}

// CriminalCondition is the Article 10 route for criminal-offence data.
type CriminalCondition struct {
	Basis          string `json:"basis"`
	Schedule1      int    `json:"schedule1,omitempty"`
	PolicyDocument string `json:"policyDocument,omitempty"`
	Note           string `json:"note,omitempty"`
}

// Requirement says whether providing data is required and what happens if not.
type Requirement struct {
	Kind        string `json:"kind"`
	Consequence string `json:"consequence"`
}

// Automation describes automated decision-making and profiling. Decisions
// and Profiling are facts only when the model states them
// (DecisionsStated, ProfilingStated): an unstated one is unknown, not
// false, and no notice or register says "no" for it.
type Automation struct {
	Decisions    bool     `json:"decisions"`
	Profiling    bool     `json:"profiling"`
	Description  string   `json:"description,omitempty"`
	Logic        string   `json:"logic,omitempty"`
	Consequences string   `json:"consequences,omitempty"`
	Significant  bool     `json:"significant"`
	Exception    string   `json:"exception,omitempty"`
	Safeguards   []string `json:"safeguards,omitempty"`

	// DecisionsStated and ProfilingStated say whether the model states
	// Decisions and Profiling.
	DecisionsStated bool `json:"-"`
	ProfilingStated bool `json:"-"`
}

// DPIA records the data protection impact assessment.
type DPIA struct {
	Required bool   `json:"required"`
	Status   string `json:"status,omitempty"`
	Ref      string `json:"ref,omitempty"`
}

// PolicyAdherence records whether data is kept per the appropriate policy document.
type PolicyAdherence struct {
	Adheres bool   `json:"adheres"`
	Reason  string `json:"reason,omitempty"`
}

// Activity is a processing activity: one row of the Article 30 record.
type Activity struct {
	Name               string              `json:"name"`
	Purpose            string              `json:"purpose"`
	Details            []string            `json:"details,omitempty"`
	BusinessFunction   string              `json:"businessFunction,omitempty"`
	Audiences          []string            `json:"audiences"`
	SubjectIDs         []string            `json:"subjects"`
	CategoryIDs        []string            `json:"categories"`
	LawfulBases        []LawfulBasis       `json:"lawfulBases"`
	SpecialConditions  []SpecialCondition  `json:"specialConditions,omitempty"`
	CriminalConditions []CriminalCondition `json:"criminalConditions,omitempty"`
	SourceIDs          []string            `json:"sources,omitempty"`
	RecipientIDs       []string            `json:"recipients,omitempty"`
	TransferIDs        []string            `json:"transfers,omitempty"`
	RetentionIDs       []string            `json:"retention,omitempty"`
	Requirement        *Requirement        `json:"requirement,omitempty"`
	Automation         *Automation         `json:"automation,omitempty"`
	OptOut             string              `json:"optOut,omitempty"`
	Channels           []string            `json:"channels,omitempty"`
	Exemption          *Exemption          `json:"exemption,omitempty"`
	SchemeIDs          []string            `json:"schemes,omitempty"`
	SystemIDs          []string            `json:"systems,omitempty"`
	DPIA               *DPIA               `json:"dpia,omitempty"`
	// Owner is the information asset owner; LastReviewed is when the entry
	// was last reviewed (a #Date).
	Owner           string           `json:"owner,omitempty"`
	LastReviewed    string           `json:"lastReviewed,omitempty"`
	Location        string           `json:"location,omitempty"`
	Breach          string           `json:"breach,omitempty"`
	PolicyAdherence *PolicyAdherence `json:"policyAdherence,omitempty"`
	// DPIATriggers are the DPIA triggers the model states (law.Triggers).
	DPIATriggers []string `json:"dpiaTriggers,omitempty"`
	// Research is true for processing for research or statistics (Art 89).
	Research bool `json:"research,omitempty"`
	// None lists what the activity declares it does not involve (None*).
	None []string `json:"none,omitempty"`
	// JointControllerIDs are keys of controller.jointControllers.
	JointControllerIDs []string `json:"jointControllers,omitempty"`
	// DirectMarketing says the activity is direct marketing.
	DirectMarketing bool `json:"directMarketing"`
	// EitherBasis says one of LawfulBases applies, the model not saying
	// which; the register shows EitherBasisLine above the bases.
	EitherBasis bool `json:"eitherBasis,omitempty"`
	Keyed

	Notices          []*Notice          `json:"-"`
	JointControllers []*JointController `json:"-"`
	Subjects         []*Subject         `json:"-"`
	Categories       []*Category        `json:"-"`
	Sources          []*Source          `json:"-"`
	Recipients       []*Recipient       `json:"-"`
	Transfers        []*Transfer        `json:"-"`
	Retention        []*Retention       `json:"-"`
	Schemes          []*Scheme          `json:"-"`
	Systems          []*System          `json:"-"`
}

// HasBasis reports whether the activity relies on the given Article 6 basis.
func (a *Activity) HasBasis(basis string) bool {
	for _, b := range a.LawfulBases {
		if b.Basis == basis {
			return true
		}
	}
	return false
}

// Cookie is a cookie or similar technology.
type Cookie struct {
	Name     string `json:"name"`
	Provider string `json:"provider"`
	Party    string `json:"party"`
	Purpose  string `json:"purpose"`
	Duration string `json:"duration"`
	Category string `json:"category,omitempty"`
	Data     string `json:"data,omitempty"`
	OptOut   string `json:"optOut,omitempty"`
	// Persistence is "session" or "persistent".
	Persistence   string `json:"persistence,omitempty"`
	PrivacyNotice string `json:"privacyNotice,omitempty"`
	// Consent is true when the cookie is set only with consent.
	Consent bool `json:"consent,omitempty"`
	// Exemption is the PECR reg 6 exemption relied on (law.Exemptions).
	Exemption string `json:"exemption,omitempty"`
	// Audiences are the keys of the notices that list the cookie.
	Audiences []string `json:"audiences,omitempty"`
	Keyed

	Notices []*Notice `json:"-"`
}

// Security describes technical and organisational measures.
type Security struct {
	Summary  string   `json:"summary,omitempty"`
	Measures []string `json:"measures"`
}

// ProcessorRecord is an Article 30(2) record.
type ProcessorRecord struct {
	Controller  Party    `json:"controller"`
	Processing  []string `json:"processing"`
	TransferIDs []string `json:"transfers,omitempty"`
	Security    []string `json:"security,omitempty"`
	Keyed

	Transfers []*Transfer `json:"-"`
}

// Waiver accepts a lint finding for a reason until a date.
type Waiver struct {
	Rule       string `json:"rule"`
	Target     string `json:"target,omitempty"`
	Reason     string `json:"reason"`
	AcceptedBy string `json:"acceptedBy"`
	Expires    string `json:"expires"`
}

// Version is one published version of the record.
type Version struct {
	Version string   `json:"version"`
	Date    string   `json:"date"`
	Summary []string `json:"summary"`
}

// Translation is one text of the model in another language, with the
// fingerprint of the English it translates.
type Translation struct {
	Text string `json:"text"`
	Of   string `json:"of"`
}
