package law

// Duty is the duty of the controller a lint finding concerns.
type Duty string

// The duties, in the order reports group them.
const (
	// Notice is transparency: what people are told (UK GDPR Arts 12-14).
	Notice Duty = "notice"
	// Record is the record of processing (Art 30).
	Record Duty = "record"
	// Lawfulness is the lawful basis and conditions (Arts 6, 9, 10; Chapter V).
	Lawfulness Duty = "lawfulness"
	// Accountability is accountability and security (Arts 5(2), 24, 32, 35, 37).
	Accountability Duty = "accountability"
)

// Duties lists the duties in the order reports group them.
var Duties = []Duty{Notice, Record, Lawfulness, Accountability}

// Title names a duty with the articles it rests on, for a report heading.
func (d Duty) Title() string {
	switch d {
	case Notice:
		return "Notice: transparency (UK GDPR Arts 12-14)"
	case Record:
		return "Record: the record of processing (UK GDPR Art 30)"
	case Lawfulness:
		return "Lawfulness: bases, conditions and transfers (UK GDPR Arts 6, 9, 10, 44A)"
	case Accountability:
		return "Accountability and security (UK GDPR Arts 5(2), 32, 35, 37)"
	}
	if d == "" {
		return "Other findings"
	}
	return string(d)
}
