package ropa

import (
	"fmt"
	"sort"
	"strings"
)

// GeneralTopics are the standard sections (render/notice section IDs) that
// a notice which extends another delegates to it unless it says
// otherwise: how to contact us, the rights, how to use them and how to
// complain are the same for every notice of the organisation.
var GeneralTopics = []string{"contact-us", "your-rights", "exercise-rights", "complaints"}

// Delegation is where a notice sends its reader for one topic: another
// notice of the model, or a page. Path is the model field that delegates
// it: notices.<k>.delegate.<topic>, or notices.<k>.extends for a general
// topic delegated by default.
type Delegation struct {
	Notice *Notice
	URL    string
	Title  string
	Path   string
}

// Delegation returns where notice n sends its reader for the topic (a
// standard section ID), or nil when the notice states the topic itself.
// An explicit delegate wins; a general topic of a notice that extends
// another goes to that notice unless the notice lists it in own or, for
// "contact-us", gives its own contacts.
func (n *Notice) Delegation(topic string) *Delegation {
	if n == nil {
		return nil
	}
	if d := n.Delegate[topic]; d != nil {
		return &Delegation{Notice: d.Notice, URL: d.URL, Title: d.Title,
			Path: keyPath("notices", n.Key) + ".delegate." + pathLabel(topic)}
	}
	if n.Parent == nil || !has(GeneralTopics, topic) || has(n.Own, topic) {
		return nil
	}
	if topic == "contact-us" && len(n.Contacts) > 0 {
		return nil
	}
	return &Delegation{Notice: n.Parent, Path: keyPath("notices", n.Key) + ".extends"}
}

// resolveNotices resolves each notice's categories, extends and delegate
// targets, and reports a notice that extends itself, directly or through
// others, and a topic whose delegation leads back to where it started.
func (r *resolver) resolveNotices() {
	m := r.m
	for _, n := range m.NoticeList() {
		base := keyPath("notices", n.Key)
		n.Categories = resolveAll(r, "categories", m.Categories, n.CategoryIDs, base+".categories")
		if n.ExtendsID != "" {
			n.Parent = resolveOne(r, "notices", m.Notices, n.ExtendsID, base+".extends")
		}
		for _, topic := range sortedKeys(n.Delegate) {
			d := n.Delegate[topic]
			if d != nil && d.NoticeID != "" {
				d.Notice = resolveOne(r, "notices", m.Notices, d.NoticeID, base+".delegate."+pathLabel(topic)+".notice")
			}
		}
	}
	// A cycle through extends is reported once, at the first notice of
	// the cycle in source order; its members are then cut loose so that
	// nothing follows the cycle.
	var cyclic []*Notice
	reported := map[*Notice]bool{}
	for _, n := range m.NoticeList() {
		chain := []string{n.Key}
		for p := n.Parent; p != nil; p = p.Parent {
			chain = append(chain, p.Key)
			if p == n {
				if !reported[n] {
					for q := n.Parent; ; q = q.Parent {
						reported[q] = true
						if q == n {
							break
						}
					}
					path := keyPath("notices", n.Key) + ".extends"
					r.diags = append(r.diags, Diagnostic{Pos: m.Positions.Of(path), Path: path,
						Message: fmt.Sprintf("notice %q extends itself: %s", n.Key, strings.Join(chain, " extends ")),
						Hint:    "a notice is read with a more general one: remove extends from one notice of the cycle"})
				}
				cyclic = append(cyclic, n)
				break
			}
			if len(chain) > len(m.Notices)+1 {
				break // a cycle that n leads into but is not part of
			}
		}
	}
	for _, n := range cyclic {
		n.Parent = nil
	}
	// A delegated topic must end at a notice that states it, or a page;
	// a cycle is reported once, at its first notice in source order.
	inCycle := map[string]bool{}
	for _, n := range m.NoticeList() {
		for _, topic := range delegatedTopics(n) {
			seen := map[*Notice]bool{n: true}
			chain := []string{n.Key}
			for d := n.Delegation(topic); d != nil && d.Notice != nil; d = d.Notice.Delegation(topic) {
				chain = append(chain, d.Notice.Key)
				if seen[d.Notice] {
					if d.Notice == n && !inCycle[topic+"\x00"+n.Key] {
						for _, k := range chain {
							inCycle[topic+"\x00"+k] = true
						}
						path := n.Delegation(topic).Path
						r.diags = append(r.diags, Diagnostic{Pos: m.Positions.Of(path), Path: path,
							Message: fmt.Sprintf("topic %q is delegated in a cycle: %s", topic, strings.Join(chain, " → ")),
							Hint:    "one notice of the cycle must state the topic itself (remove its delegate, or list the topic in own) or delegate it to a url"})
					}
					break
				}
				seen[d.Notice] = true
			}
		}
	}
}

// delegatedTopics lists, sorted, the topics notice n may delegate: its
// explicit delegates and, when it extends another, the general topics.
func delegatedTopics(n *Notice) []string {
	set := map[string]bool{}
	for t := range n.Delegate {
		set[t] = true
	}
	if n.Parent != nil {
		for _, t := range GeneralTopics {
			set[t] = true
		}
	}
	out := make([]string, 0, len(set))
	for t := range set {
		if n.Delegation(t) != nil {
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return out
}

func sortedKeys[T any](m map[string]T) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
