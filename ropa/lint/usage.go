package lint

// usage records, for each kind of entity, the keys that something in the
// model refers to. It is computed once per run, in one pass over the model.
type usage struct {
	recipients, categories, subjects, sources, schemes map[string]bool
	systems, retention, transfers, notices             map[string]bool
}

// usage returns the model's usage index, computing it on first use.
func (c *Context) usage() *usage {
	if c.used != nil {
		return c.used
	}
	u := &usage{
		recipients: map[string]bool{}, categories: map[string]bool{}, subjects: map[string]bool{},
		sources: map[string]bool{}, schemes: map[string]bool{}, systems: map[string]bool{},
		retention: map[string]bool{}, transfers: map[string]bool{}, notices: map[string]bool{},
	}
	mark := func(set map[string]bool, keys []string) {
		for _, k := range keys {
			set[k] = true
		}
	}
	m := c.Model
	for _, a := range m.Activities {
		if a == nil {
			continue
		}
		mark(u.recipients, a.RecipientIDs)
		mark(u.categories, a.CategoryIDs)
		mark(u.subjects, a.SubjectIDs)
		mark(u.sources, a.SourceIDs)
		mark(u.schemes, a.SchemeIDs)
		mark(u.systems, a.SystemIDs)
		mark(u.retention, a.RetentionIDs)
		mark(u.transfers, a.TransferIDs)
		mark(u.notices, a.Audiences)
	}
	for _, cat := range m.Categories {
		if cat != nil {
			mark(u.retention, cat.RetentionIDs)
		}
	}
	for _, s := range m.Sources {
		if s != nil && s.RecipientID != "" {
			u.recipients[s.RecipientID] = true
		}
	}
	for _, t := range m.Transfers {
		if t != nil {
			u.recipients[t.RecipientID] = true
		}
	}
	for _, s := range m.Schemes {
		if s != nil && s.OperatorID != "" {
			u.recipients[s.OperatorID] = true
		}
	}
	for _, s := range m.Systems {
		if s != nil && s.VendorID != "" {
			u.recipients[s.VendorID] = true
		}
	}
	for _, ck := range m.Cookies {
		if ck != nil {
			mark(u.notices, ck.Audiences)
		}
	}
	for _, p := range m.ProcessorRecords {
		if p != nil {
			mark(u.transfers, p.TransferIDs)
		}
	}
	c.used = u
	return u
}
