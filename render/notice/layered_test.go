package notice

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/internal/golden"
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

const layeredDir = "testdata/layered"

// loadLayered loads the layered model with extra CUE appended.
func loadLayered(t *testing.T, extra string) (*ropa.Model, error) {
	t.Helper()
	files, err := ropa.ReadDir(layeredDir)
	if err != nil {
		t.Fatal(err)
	}
	if extra != "" {
		files = append(files, ropa.File{Name: "extra.cue", Data: []byte("package layered\n\n" + extra)})
	}
	return ropa.LoadFiles(files)
}

func mustLayered(t *testing.T, extra string) *ropa.Model {
	t.Helper()
	m, err := loadLayered(t, extra)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return m
}

// TestLayeredGolden holds the plan of both notices of the layered model:
// the CCTV notice opens by naming the corporate notice, links to it for
// the general topics and to a page for retention, shows its own contacts
// and the DPO, lists its own category, its subjects and the one joint
// controller its activity names.
func TestLayeredGolden(t *testing.T) {
	m := mustLayered(t, "")
	for _, n := range m.NoticeList() {
		golden.Check(t, "testdata/layered-"+n.Key+".plan.txt", []byte(dump(planNotice(t, m, n.Key))))
	}
}

// TestDelegatedSections checks each delegated section: its title, one
// sentence linking to the target, and the delegating field as its source.
func TestDelegatedSections(t *testing.T) {
	m := mustLayered(t, "")
	d := planNotice(t, m, "cctv")
	want := map[string]struct{ url, path string }{
		IDYourRights:     {"corporate.html#your-rights", "notices.cctv.extends"},
		IDExerciseRights: {"corporate.html#exercise-rights", "notices.cctv.extends"},
		IDComplaints:     {"corporate.html#complaints", "notices.cctv.extends"},
		IDRetention:      {"https://layer.example/retention", "notices.cctv.delegate.retention"},
	}
	got := map[string]bool{}
	for _, s := range d.Sections {
		w, ok := want[s.ID]
		if !ok {
			continue
		}
		got[s.ID] = true
		if len(s.Blocks) != 1 || len(s.Sections) != 0 {
			t.Errorf("%s: %d blocks, %d sub-sections; want one sentence", s.ID, len(s.Blocks), len(s.Sections))
			continue
		}
		p := s.Blocks[0].(*doc.Paragraph)
		if strings.Join(p.Src.Paths, " ") != w.path {
			t.Errorf("%s: source %v, want %s", s.ID, p.Src.Paths, w.path)
		}
		linked := false
		for _, r := range p.Text {
			if r.URL == w.url {
				linked = true
			}
		}
		if !linked {
			t.Errorf("%s: %q does not link to %s", s.ID, runs(p.Text), w.url)
		}
		if !doc.SafeURL(w.url) {
			t.Errorf("%s: renderers would not link %s", s.ID, w.url)
		}
	}
	for id := range want {
		if !got[id] {
			t.Errorf("cctv notice has no section %s", id)
		}
	}
	// Its own contacts keep the contact section its own; the corporate
	// notice, extending nothing, delegates nothing.
	if sectionDump(d, IDContactUs) == "" || strings.Contains(sectionDump(d, IDContactUs), "corporate.html") {
		t.Errorf("contact-us delegated although the notice gives its own contacts:\n%s", sectionDump(d, IDContactUs))
	}
	if strings.Contains(dump(planNotice(t, m, "corporate")), ".html#") {
		t.Error("corporate notice links to another notice")
	}
}

// TestOwnTopicsAndContactsFallback checks that own keeps a general topic
// in the notice, and that without its own contacts the contact section is
// delegated too.
func TestOwnTopicsAndContactsFallback(t *testing.T) {
	m := mustLayered(t, `notices: cctv: own: ["complaints"]`)
	m.Notices["cctv"].Contacts = nil
	d := planNotice(t, m, "cctv")
	if s := sectionDump(d, IDComplaints); strings.Contains(s, "corporate.html") || !strings.Contains(s, "Information Commissioner") {
		t.Errorf("complaints not stated in the notice although own lists it:\n%s", s)
	}
	if s := sectionDump(d, IDContactUs); !strings.Contains(s, "corporate.html#contact-us") {
		t.Errorf("contact-us not delegated to the corporate notice:\n%s", s)
	}
}

// TestDelegationRendered checks the links in every format: the HTML page
// and the Markdown link to the target's page and anchor, and the PDF shows
// the sentence.
func TestDelegationRendered(t *testing.T) {
	out := renderAll(t, mustLayered(t, ""))
	for _, f := range []string{"cctv.html", "cctv.fragment.html"} {
		for _, href := range []string{`href="corporate.html"`, `href="corporate.html#your-rights"`, `href="https://layer.example/retention"`} {
			if !strings.Contains(string(out[f]), href) {
				t.Errorf("%s lacks %s", f, href)
			}
		}
	}
	for _, link := range []string{"[Corporate privacy notice](corporate.html#complaints)", "[Our retention schedule](https://layer.example/retention)"} {
		if !strings.Contains(string(out["cctv.md"]), link) {
			t.Errorf("cctv.md lacks %s", link)
		}
	}
	pdf := squeeze(pdfText(t, out["cctv.pdf"]))
	for _, s := range []string{"Please read this notice together with our Corporate privacy notice.",
		"We explain this in Our retention schedule.", "Who this notice is about", "Sam Officer"} {
		if !strings.Contains(pdf, squeeze(s)) {
			t.Errorf("cctv.pdf lacks %q", s)
		}
	}
}

// TestDelegationProblems checks the problems check reports and Plan fails
// on: a delegate keyed by no standard section, an own entry that is no
// general topic, and a topic handed to a notice without that section.
func TestDelegationProblems(t *testing.T) {
	for _, tc := range []struct{ extra, want string }{
		{`notices: cctv: delegate: nope: {notice: "corporate"}`, `delegate: unknown section "nope"`},
		{`notices: cctv: own: ["retention"]`, `own: "retention" is not a general topic`},
		{`notices: cctv: delegate: cookies: {notice: "corporate"}`, `hands "cookies" to notice corporate, which has no such section`},
		{`notices: cctv: delegate: "legitimate-interests": {notice: "corporate"}`, `hands "legitimate-interests" to notice corporate`},
	} {
		m := mustLayered(t, tc.extra)
		var msgs []string
		for _, d := range Problems(m, m.Notices["cctv"]) {
			msgs = append(msgs, d.String())
		}
		if !strings.Contains(strings.Join(msgs, "\n"), tc.want) {
			t.Errorf("%s: problems %q, want %q", tc.extra, msgs, tc.want)
		}
		if _, err := Plan(m, m.Notices["cctv"]); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Plan err = %v, want %q", tc.extra, err, tc.want)
		}
	}
	// The delegation that the target holds is no problem.
	m := mustLayered(t, `notices: cctv: delegate: purposes: {notice: "corporate"}`)
	if ps := Problems(m, m.Notices["cctv"]); len(ps) != 0 {
		t.Errorf("problems for a delegation the target holds: %v", ps)
	}
}

// TestDelegationLoadErrors checks that an unknown notice key in extends
// or delegate is a load error with a hint, and that a cycle is one.
func TestDelegationLoadErrors(t *testing.T) {
	for _, tc := range []struct{ extra, want string }{
		{`notices: other: {title: "Other", extends: "corprate"}`, `notices.other.extends: unknown notice "corprate"`},
		{`notices: other: {title: "Other", delegate: retention: {notice: "corprate"}}`,
			`notices.other.delegate.retention.notice: unknown notice "corprate"`},
		{`notices: corporate: extends: "cctv"`, `extends itself: corporate extends cctv extends corporate`},
		{`notices: corporate: delegate: complaints: {notice: "cctv"}`, `topic "complaints" is delegated in a cycle`},
		{`notices: cctv: delegate: retention: {notice: "cctv"}`, `topic "retention" is delegated in a cycle: cctv → cctv`},
	} {
		_, err := loadLayered(t, tc.extra)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.extra, err, tc.want)
		}
	}
	_, err := loadLayered(t, `notices: other: {title: "Other", extends: "corprate"}`)
	if err == nil || !strings.Contains(err.Error(), `did you mean "corporate"?`) {
		t.Errorf("no hint: %v", err)
	}
}

// TestLayeredModelFile keeps the fixture a model ropa loads on its own.
func TestLayeredModelFile(t *testing.T) {
	if _, err := os.Stat(filepath.Join(layeredDir, "model.cue")); err != nil {
		t.Fatal(err)
	}
	if _, err := ropa.Load(layeredDir); err != nil {
		t.Fatal(err)
	}
}

// TestControllerStatus checks the controller's details: a charity with its
// register and number, each address kind in its own words, "Address" when
// the model does not say what the address is, and an ICO number winning
// over icoRegistered.
func TestControllerStatus(t *testing.T) {
	m := mustLayered(t, `controller: charity: {register: "Charity Commission for England and Wales", number: "1234567"}`)
	m.Controller.Charity.Status = "registered"
	text := sectionDump(planNotice(t, m, "corporate"), IDWhoWeAre)
	for _, want := range []string{
		"- Registered charity (Charity Commission for England and Wales), number 1234567",
		"- Address: Civic Centre, Layer, LY1 1AA",
		"- Registered with the Information Commissioner's Office",
		"- Formerly known as Layer District Council and Old Layer Council",
		"- Registered: Regulator of Social Housing",
	} {
		if !strings.Contains(text, want+"\n") {
			t.Errorf("who-we-are lacks %q:\n%s", want, text)
		}
	}
	for kind, want := range map[string]string{
		ropa.AddressRegisteredOffice: "Registered office: ",
		ropa.AddressHeadOffice:       "Head office: ",
		ropa.AddressPrincipalOffice:  "Principal office: ",
		ropa.AddressOffices:          "Offices: ",
	} {
		m.Controller.AddressKind = kind
		if s := sectionDump(planNotice(t, m, "corporate"), IDWhoWeAre); !strings.Contains(s, "- "+want+"Civic Centre") {
			t.Errorf("addressKind %s: want %q in\n%s", kind, want, s)
		}
	}
	m.Controller.ICORegistration = "Z1"
	s := sectionDump(planNotice(t, m, "corporate"), IDWhoWeAre)
	if !strings.Contains(s, "registration number Z1") || strings.Contains(s, "Registered with the Information") {
		t.Errorf("ICO number and icoRegistered:\n%s", s)
	}
}

// TestSubjectsSectionPlacement checks that a free section can follow the
// subjects section, and that a page delegated to without a title is
// linked by its address.
func TestSubjectsSectionPlacement(t *testing.T) {
	m := mustLayered(t, `notices: corporate: {
	sections: [{title: "Our tenants", paragraphs: ["Most of them rent from us."], after: "subjects"}]
	delegate: security: {url: "https://layer.example/security"}
}`)
	d := planNotice(t, m, "corporate")
	var ids []string
	for _, s := range d.Sections {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids[:4], " "); got != "notice-summary who-we-are subjects our-tenants" {
		t.Errorf("sections start %s, want the free section after subjects", got)
	}
	if s := sectionDump(d, IDSecurity); !strings.Contains(s, "[https://layer.example/security](https://layer.example/security)") {
		t.Errorf("untitled page delegation:\n%s", s)
	}
}
