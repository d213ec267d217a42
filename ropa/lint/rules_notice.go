package lint

// Notice rules: keeping the privacy notices current (UK GDPR Art 12(1),
// 13(3)).

func init() {
	register(
		&Rule{
			ID: "notice-date-invalid", Severity: Error, Ref: "UK GDPR Art 12(1), 13(3)",
			Message: "a notice's lastUpdated date is missing or in the future",
			Explain: `A notice shows when it was last updated, so people can tell whether it has
changed since they read it. A date in the future is a mistake (or a notice
published before it takes effect, which should then not be published yet).

Fix: set the date the current text was published:

    notices: tenants: lastUpdated: "2025-04-01"`,
			Check: checkNoticeDate,
		},
		&Rule{
			ID: "notice-stale", Severity: Info, Ref: "UK GDPR Art 5(2), 12(1); ICO guidance on regular review",
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
			ID: "activity-not-in-notice", Severity: Warning, Ref: "UK GDPR Art 13(1)(c), 14(1)(c)",
			Message: "an activity appears in no privacy notice",
			Explain: `An activity shows in the notices whose keys it lists in audiences. One
that lists none is in the Article 30 register but no notice tells people
about its purpose, so the people whose data it uses are not informed.

Fix: name the notices that should describe it:

    activities: cctv: audiences: ["tenants", "visitors"]

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

func checkNoticeDate(c *Context) {
	for _, n := range c.Model.NoticeList() {
		if n == nil {
			continue
		}
		p := entity("notices", n.Key) + ".lastUpdated"
		d, ok := parseDate(n.LastUpdated)
		switch {
		case !ok:
			c.Report(p, "notice %q has no valid lastUpdated date (%q)", n.Key, n.LastUpdated)
		case d.After(c.Now):
			c.Report(p, "notice %q was last updated on %s, which is in the future", n.Key, n.LastUpdated)
		}
	}
}

func checkNoticeStale(c *Context) {
	for _, n := range c.Model.NoticeList() {
		if n == nil {
			continue
		}
		if d, ok := parseDate(n.LastUpdated); ok && d.AddDate(1, 0, 0).Before(c.Now) {
			c.Report(entity("notices", n.Key)+".lastUpdated",
				"notice %q was last updated on %s, more than 12 months ago", n.Key, n.LastUpdated)
		}
	}
}
