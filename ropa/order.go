package ropa

import "sort"

// inOrder returns the entities of one top-level map in source order.
func inOrder[T any](m *Model, field string, entities map[string]*T) []*T {
	keys := m.Order[field]
	out := make([]*T, 0, len(entities))
	for _, k := range keys {
		if e, ok := entities[k]; ok {
			out = append(out, e)
		}
	}
	return out
}

// completeOrder makes the order of one map list every key exactly once:
// keys the syntax did not show (made by a comprehension, say) follow in
// sorted order, so no entity is ever dropped from an output.
func completeOrder[T any](m *Model, field string, entities map[string]*T) {
	seen := make(map[string]bool, len(entities))
	var keys []string
	for _, k := range m.Order[field] {
		if _, ok := entities[k]; ok && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	var extra []string
	for k := range entities {
		if !seen[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	m.Order[field] = append(keys, extra...)
}

// NoticeList returns the notices in source order.
func (m *Model) NoticeList() []*Notice { return inOrder(m, "notices", m.Notices) }

// SubjectList returns the data subjects in source order.
func (m *Model) SubjectList() []*Subject { return inOrder(m, "subjects", m.Subjects) }

// CategoryList returns the data categories in source order.
func (m *Model) CategoryList() []*Category { return inOrder(m, "categories", m.Categories) }

// SourceList returns the sources in source order.
func (m *Model) SourceList() []*Source { return inOrder(m, "sources", m.Sources) }

// RecipientList returns the recipients in source order.
func (m *Model) RecipientList() []*Recipient { return inOrder(m, "recipients", m.Recipients) }

// TransferList returns the international transfers in source order.
func (m *Model) TransferList() []*Transfer { return inOrder(m, "transfers", m.Transfers) }

// RetentionList returns the retention rules in source order.
func (m *Model) RetentionList() []*Retention { return inOrder(m, "retention", m.Retention) }

// SchemeList returns the data-sharing schemes in source order.
func (m *Model) SchemeList() []*Scheme { return inOrder(m, "schemes", m.Schemes) }

// SystemList returns the systems in source order.
func (m *Model) SystemList() []*System { return inOrder(m, "systems", m.Systems) }

// LawList returns the laws in source order.
func (m *Model) LawList() []*Law { return inOrder(m, "laws", m.Laws) }

// ActivityList returns the processing activities in source order.
func (m *Model) ActivityList() []*Activity { return inOrder(m, "activities", m.Activities) }

// CookieList returns the cookies in source order.
func (m *Model) CookieList() []*Cookie { return inOrder(m, "cookies", m.Cookies) }

// ProcessorRecordList returns the Article 30(2) records in source order.
func (m *Model) ProcessorRecordList() []*ProcessorRecord {
	return inOrder(m, "processorRecords", m.ProcessorRecords)
}

// JointControllerList returns the joint controllers in source order.
func (m *Model) JointControllerList() []*JointController {
	return inOrder(m, "controller.jointControllers", m.Controller.JointControllers)
}

// ActivitiesFor returns, in source order, the activities a notice shows.
func (m *Model) ActivitiesFor(n *Notice) []*Activity {
	var out []*Activity
	for _, a := range m.ActivityList() {
		if a == nil {
			continue
		}
		for _, an := range a.Notices {
			if an == n {
				out = append(out, a)
				break
			}
		}
	}
	return out
}
