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
	)
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
