package diff

import (
	"encoding/json"
	"io"
)

// JSONReport is the stable shape of `ropa diff --format json`:
//
//	{
//	  "summary": {"total": 3, "notify": 1, "register": 1, "editorial": 1},
//	  "changes": [
//	    {"class": "notify", "kind": "activity", "key": "surveys", "op": "added",
//	     "path": "activities.surveys", "side": "new",
//	     "pos": {"file": "model.cue", "line": 12, "column": 2}},
//	    {"class": "register", "kind": "activity", "key": "tenancy",
//	     "op": "removed", "field": "recipients", "old": "council", ...}
//	  ]
//	}
//
// Fields of a change: class (notify, register, editorial); kind; key
// (absent for single entities such as controller); op (added, removed,
// changed, reordered, renamed); field (absent when the whole entity was
// added, removed or renamed); old and new (string, number or boolean; for
// renamed, the old and the new key; absent when that side has none);
// path and side ("new", or "old" for removals) say which model path pos is
// the position of. New fields may be added; none will be renamed or
// removed.
//
// "sides" says what was compared, when the caller said:
//
//	"sides": {"old": {"kind": "revision", "revision": "main",
//	                  "commit": "0123…", "dir": "privacy"},
//	          "new": {"kind": "directory", "dir": "main/privacy"}}
type JSONReport struct {
	Sides   *JSONSides  `json:"sides,omitempty"`
	Summary JSONSummary `json:"summary"`
	Changes []Change    `json:"changes"`
}

// JSONSides says what each side of the comparison was.
type JSONSides struct {
	Old *Source `json:"old"`
	New *Source `json:"new"`
}

// JSONSummary counts the changes per class.
type JSONSummary struct {
	Total     int `json:"total"`
	Notify    int `json:"notify"`
	Register  int `json:"register"`
	Editorial int `json:"editorial"`
}

// Report returns the JSON report of r.
func Report(r *Result) JSONReport {
	changes := r.Changes
	if changes == nil {
		changes = []Change{}
	}
	var sides *JSONSides
	if r.Old != nil || r.New != nil {
		sides = &JSONSides{Old: r.Old, New: r.New}
	}
	return JSONReport{
		Sides: sides,
		Summary: JSONSummary{Total: len(r.Changes), Notify: r.Count(Notify),
			Register: r.Count(Register), Editorial: r.Count(Editorial)},
		Changes: changes,
	}
}

// WriteJSON writes the JSON report of r, indented, with a final newline.
func WriteJSON(w io.Writer, r *Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(Report(r))
}
