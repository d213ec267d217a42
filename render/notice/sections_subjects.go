package notice

import (
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// subjectsSection says whom the notice is about: the data subjects of its
// activities, each with its description and, where the model marks it,
// that it includes children (Art 12(1), 13, 14: information addressed to
// the people concerned).
func (p *planner) subjectsSection() *doc.Section {
	subs := p.subjectList()
	if len(subs) == 0 {
		return nil
	}
	s := p.section(IDSubjects)
	l := &doc.List{}
	var all []string
	for _, sub := range subs {
		path := "subjects." + sub.Key
		all = append(all, path)
		text := sub.Description
		src := doc.From(path + ".name")
		if text != "" {
			src.Paths = append(src.Paths, path+".description")
		}
		if sub.Children {
			if text != "" {
				text += " "
			}
			text += p.t("subjects.children")
			src.Paths = append(src.Paths, path+".children")
		}
		l.Add(src, labelled(sub.Name, text)...)
	}
	s.Blocks = append(s.Blocks, doc.SP(doc.From(all...), doc.T(p.t("subjects.intro"))), l)
	return s
}

// subjectList returns the data subjects of the notice's activities.
func (p *planner) subjectList() []*ropa.Subject {
	var used []*ropa.Subject
	for _, a := range p.acts {
		used = append(used, a.Subjects...)
	}
	return ordered(p.m.SubjectList(), used)
}
