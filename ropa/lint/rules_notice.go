package lint

import (
	"strconv"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/law"
)

// Notice rules: keeping the privacy notices current and complete (UK GDPR
// Art 12(1), 13(3); PECR reg 6 for cookies).

func init() {
	register(
		&Rule{
			ID: "notice-date-invalid", Severity: Error, Ref: "UK GDPR Art 12(1), 13(3)", Duty: DutyNotice,
			Message: "a notice's lastUpdated date is in the future",
			Explain: `A notice shows when it was last updated, so people can tell whether it has
changed since they read it. A date in the future is a mistake (or a notice
published before it takes effect, which should then not be published yet).

Fix: set the date the current text was published:

    notices: tenants: lastUpdated: "2026-04-01"`,
			Check: checkNoticeDate,
		},
		&Rule{
			ID: "notice-date-missing", Severity: Warning, Ref: "UK GDPR Art 12(1), 13(3)", Duty: DutyNotice,
			Message: "a notice does not say when it was last updated",
			Explain: `People should be able to tell whether a notice has changed since they read
it, and the controller must tell them before it uses data for a new purpose
(Art 13(3)). A notice with no date shows no date: ropa never invents one.

Fix: record the date the current text was published (a month will do when
that is all that is known), or when it was issued or last reviewed:

    notices: tenants: lastUpdated: "2026-04-01"
    // or
    notices: tenants: lastUpdated: "2026-04"
    // or
    notices: tenants: {issued: "2021-05-20", reviewed: ["2026-01-12"]}`,
			Check: checkNoticeDateMissing,
		},
		&Rule{
			ID: "notice-review-overdue", Severity: Warning, Ref: "UK GDPR Art 5(2), 12(1); ICO guidance on regular review", Duty: DutyNotice,
			Message: "a notice's own date for its next review has passed",
			Explain: `A notice that says when it will next be reviewed tells people to expect the
review by then. Once that date has passed with no later review recorded, the
notice says something that is no longer true, and may no longer match the
processing.

Fix: review the notice, and record the review and the next date:

    notices: tenants: {reviewed: ["2026-01-12", "2027-01-10"], nextReview: "2028-01"}`,
			Check: checkNoticeReviewOverdue,
		},
		&Rule{
			ID: "notice-version-missing", Severity: Info, Ref: "UK GDPR Art 5(2), 12(1)", Duty: DutyNotice,
			Message: "a notice has no version label",
			Explain: `A version label lets people, and the DPO, refer to the text they read, and
ties the notice to its entry in the history. It is not required by law; a
notice without one shows none.

Fix:

    notices: tenants: version: "2.1"
    history: [{version: "2.1", date: "2025-04-01", summary: ["Added CCTV."]}]`,
			Check: checkNoticeVersionMissing,
		},
		&Rule{
			ID: "cookie-not-in-notice", Severity: Warning, Ref: "PECR reg 6; UK GDPR Art 13", Duty: DutyNotice,
			Message: "a cookie appears in no notice",
			Explain: `People must be given clear and comprehensive information about the
cookies a site sets (PECR regulation 6). A cookie shows in the notices whose
keys it lists in audiences; one that lists none is in the record but no
notice tells anyone about it.

Fix: name the notices whose cookie table lists it:

    cookies: ga: audiences: ["tenants"]`,
			Check: checkCookieInNotice,
		},
		&Rule{
			ID: "cookie-consent-missing", Severity: Warning, Ref: "PECR reg 6 (as amended by DUAA 2025 s.112)", Duty: DutyLawfulness,
			Since:   law.DUAAMain,
			Message: "a non-essential cookie records neither consent nor a PECR exemption",
			Explain: `Storing or reading information on a user's device needs the user's consent
unless an exemption of PECR regulation 6 applies: transmitting a
communication, what is strictly necessary for the service the user asked
for, and since 5 February 2026 statistics to improve the service and
adapting its appearance or functions (both only if the user is given a
simple way to object, the cookie's optOut), and locating a user who calls
for emergency help. A functional, analytics or advertising cookie must say
which: consent: true, or the exemption it relies on.

Fix:

    cookies: ga: consent: true
    // or
    cookies: ga: {exemption: "statistical", optOut: "Turn analytics off in the cookie settings."}`,
			Check: checkCookieConsent,
		},
		&Rule{
			ID: "notice-long", Severity: Info, Ref: "UK GDPR Art 12(1)", Duty: DutyNotice,
			Message: "a notice runs past its word budget",
			Explain: `Information must be concise and easy to read (Art 12(1)). A notice people
give up on informs nobody: beyond a few thousand words most readers skim. Each
notice opens with a short summary, but the full text should stay readable too.
The budget is notices.<key>.wordBudget, 2,500 words (about 13 minutes'
reading) when the notice sets none; the count is of the notice as rendered,
summary and tables included. 'ropa build' prints every notice's count.

Fix: say less where the model repeats itself (free sections that restate a
standard section, long descriptions, phrase overrides that add preamble), or
split the audience into notices of their own; or, when the length is
justified, set the budget the notice must keep to:

    notices: tenants: wordBudget: 4000`,
			Check: checkNoticeLong,
		},
		&Rule{
			ID: "laws-list-incomplete", Severity: Warning, Ref: "UK GDPR Art 13(1)(c), 14(1)(c)", Duty: DutyNotice,
			Message: "a notice says its list of laws is not complete",
			Explain: `A notice must give the legal basis of each purpose (Art 13(1)(c), 14(1)(c));
where that basis is a legal obligation or a public task, the law that sets it
is part of the basis. A list of laws "including but not limited to" leaves the
reader unable to tell which law a purpose rests on, and the record unable to
show it. notices.<key>.lawsIncomplete records that the notice says so; the
notice then introduces its list that way, and this rule asks for the rest.

Fix: add the missing laws under laws, give each basis the ones it rests on,
and drop the mark:

    notices: tenants: lawsIncomplete: false`,
			Check: checkLawsListIncomplete,
		},
		&Rule{
			ID: "notice-section-duplicate", Severity: Warning, Ref: "UK GDPR Art 12(1)", Duty: DutyNotice,
			Message: "a free section of a notice has the title of another section",
			Explain: `A reader finds their way by the section titles (and a screen reader user by
the named regions they make). A free section titled like a standard section of
the notice, or like another free section, leaves two places with one name: the
reader cannot tell which says what, and may stop at the first.

Fix: give the free section a title of its own, or move its text into the
standard section's wording with a phrase override:

    notices: tenants: sections: [{title: "More about how we share information", ...}]`,
			Check: checkNoticeSectionDuplicate,
		},
		&Rule{
			ID: "notice-stale", Severity: Info, Ref: "UK GDPR Art 5(2), 12(1); ICO guidance on regular review", Duty: DutyNotice,
			Message: "a notice has not been updated for more than 12 months",
			Explain: `Notices should be reviewed regularly; ICO guidance expects at least a yearly
review. A notice last updated more than 12 months ago may no longer match the
processing.

Fix: review the notice; when it still holds, record the review by updating
the date (and the version history):

    notices: tenants: {version: "1.1", lastUpdated: "2026-04-01"}`,
			Check: checkNoticeStale,
		},
		&Rule{
			ID: "activity-not-in-notice", Severity: Warning, Ref: "UK GDPR Art 13(1)(c), 14(1)(c)", Duty: DutyNotice,
			Message: "an activity appears in no privacy notice",
			Explain: `An activity shows in the notices whose keys it lists in audiences. One
that lists none is in the Article 30 register but no notice tells people
about its purpose, so the people whose data it uses are not informed.

Fix: name the notices that should describe it:

    activities: rent: audiences: ["tenants"]

If people are exempt from being told (Art 13(4), 14(5)), waive the finding
with the exemption as the reason.`,
			Check: checkActivityInNotice,
		},
	)
}

// checkActivityInNotice reports activities that list no notice.
func checkActivityInNotice(c *Context) {
	for _, a := range c.Model.ActivityList() {
		if a != nil && len(a.Audiences) == 0 {
			c.Report(activityPath(a.Key)+".audiences", "activity %q lists no notice in audiences, so no privacy notice describes it", a.Key)
		}
	}
}

// checkCookieConsent reports non-essential cookies with neither consent
// nor an exemption, and exemptions that need a way to object without one.
func checkCookieConsent(c *Context) {
	for _, ck := range c.Model.CookieList() {
		if ck == nil || ck.Consent {
			continue
		}
		p := entity("cookies", ck.Key)
		if ex, ok := law.ExemptionOf(ck.Exemption); ok {
			if ex.Objection && ck.OptOut == "" {
				c.Report(p+".exemption", "cookie %q (%s) relies on the %q exemption, which needs a way to object (optOut), and gives none", ck.Key, ck.Name, ck.Exemption)
			}
			continue
		}
		if law.NonEssential(ck.Category) {
			c.Report(p, "cookie %q (%s) is a %s cookie and records neither consent nor a PECR regulation 6 exemption", ck.Key, ck.Name, ck.Category)
		}
	}
}

// checkNoticeDate reports dates in the future; a missing date is
// notice-date-missing's, and the loader rejects one that is not a date.
func checkNoticeDate(c *Context) {
	for _, n := range c.Model.NoticeList() {
		if n == nil {
			continue
		}
		if d, ok := parseDate(n.LastUpdated); ok && d.After(c.Now) {
			c.Report(entity("notices", n.Key)+".lastUpdated",
				"notice %q says it was last updated on %s, which is in the future", n.Key, n.LastUpdated)
		}
	}
}

func checkNoticeDateMissing(c *Context) {
	for _, n := range c.Model.NoticeList() {
		if d, _ := n.LatestDate(); n != nil && d == "" {
			c.Report(entity("notices", n.Key)+".lastUpdated", "notice %q does not say when it was last updated", n.Key)
		}
	}
}

func checkNoticeVersionMissing(c *Context) {
	for _, n := range c.Model.NoticeList() {
		if n != nil && n.Version == "" {
			c.Report(entity("notices", n.Key)+".version", "notice %q has no version label", n.Key)
		}
	}
}

// checkCookieInNotice reports cookies that list no notice.
func checkCookieInNotice(c *Context) {
	for _, ck := range c.Model.CookieList() {
		if ck != nil && len(ck.Audiences) == 0 {
			c.Report(entity("cookies", ck.Key)+".audiences", "cookie %q (%s) lists no notice in audiences, so no notice tells people about it", ck.Key, ck.Name)
		}
	}
}

func checkNoticeStale(c *Context) {
	for _, n := range c.Model.NoticeList() {
		if n == nil {
			continue
		}
		date, field := n.LatestDate()
		if d, ok := parseDate(date); ok && d.AddDate(1, 0, 0).Before(c.Now) {
			verb := "last updated"
			switch {
			case field == "issued":
				verb = "issued"
			case field != "lastUpdated":
				verb = "last reviewed"
			}
			c.Report(entity("notices", n.Key)+"."+field,
				"notice %q was %s on %s, more than 12 months ago", n.Key, verb, date)
		}
	}
}

// checkNoticeReviewOverdue reports a notice whose stated next review has
// passed: the whole month (or day) is over and no review is recorded on or
// after it.
func checkNoticeReviewOverdue(c *Context) {
	for _, n := range c.Model.NoticeList() {
		if n == nil || n.NextReview == "" {
			continue
		}
		due, ok := ropa.ParseDate(n.NextReview)
		if !ok || c.Now.Before(due.End()) {
			continue
		}
		if latest, _ := n.LatestDate(); latest != "" {
			if d, ok := ropa.ParseDate(latest); ok && !d.Start().Before(due.Start()) {
				continue
			}
		}
		c.Report(entity("notices", n.Key)+".nextReview",
			"notice %q says it will next be reviewed by %s, and no review since is recorded", n.Key, n.NextReview)
	}
}

// wordsPerMinute is the reading speed of render/doc.WordsPerMinute, which
// `ropa build` reports reading times at (render/notice tests that they
// agree).
const wordsPerMinute = 200

// checkNoticeLong reports a notice whose rendered text runs past its word
// budget.
func checkNoticeLong(c *Context) {
	for _, n := range c.Model.NoticeList() {
		f, ok := c.NoticeFacts(n)
		if !ok || f.Words <= n.Budget() {
			continue
		}
		path := entity("notices", n.Key)
		if n.WordBudget > 0 {
			path += ".wordBudget"
		}
		c.Report(path, "notice %q has %s words, about %d minutes' reading; its budget is %s words",
			n.Key, thousands(f.Words), (f.Words+wordsPerMinute-1)/wordsPerMinute, thousands(n.Budget()))
	}
}

// checkNoticeSectionDuplicate reports each free section of a notice whose
// title is, but for case and spacing, the title of a section before it.
func checkNoticeSectionDuplicate(c *Context) {
	for _, n := range c.Model.NoticeList() {
		f, ok := c.NoticeFacts(n)
		if !ok {
			continue
		}
		first := map[string]SectionFact{}
		for _, s := range f.Sections {
			k := strings.ToLower(strings.Join(strings.Fields(s.Title), " "))
			prev, dup := first[k]
			if !dup {
				first[k] = s
				continue
			}
			if s.Path == "" {
				// A standard section after a free one with its title:
				// report the free one, which the model can change.
				s, prev = prev, s
				if s.Path == "" {
					continue
				}
			}
			other := "the standard section"
			if prev.Path != "" {
				other = "the free section " + prev.Path
			}
			c.Report(s.Path+".title", "notice %q: section title %q is also the title of %s", n.Key, s.Title, other)
		}
	}
}

// thousands writes n with commas between thousands: 12,345.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// checkLawsListIncomplete reports each notice marked as listing only some
// of the laws its purposes rest on.
func checkLawsListIncomplete(c *Context) {
	for _, n := range c.Model.NoticeList() {
		if n != nil && n.LawsIncomplete {
			c.Report(entity("notices", n.Key)+".lawsIncomplete",
				"notice %q says the laws it lists are not all the laws its purposes rest on", n.Key)
		}
	}
}
