// Package export writes the resolved model as JSON for other tools: a
// documented, versioned shape (docs/export.md) with entities in source
// order, each carrying its key, and references between entities given as
// those keys. The same model always gives the same bytes.
package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/ropa-dev/ropa/render"
	"github.com/ropa-dev/ropa/ropa"
)

// Format and Version identify the shape JSON writes. Version changes when
// a field is removed or changes meaning; added fields keep the version.
const (
	Format  = "ropa-export"
	Version = 1
)

// document is the top level of the export, fields in output order.
type document struct {
	Format               string            `json:"format"`
	Version              int               `json:"version"`
	SchemaVersion        string            `json:"schemaVersion"`
	Controller           json.RawMessage   `json:"controller"`
	Notices              []keyed           `json:"notices"`
	Subjects             []keyed           `json:"subjects"`
	Categories           []keyed           `json:"categories"`
	Sources              []keyed           `json:"sources"`
	Recipients           []keyed           `json:"recipients"`
	Transfers            []keyed           `json:"transfers"`
	Retention            []keyed           `json:"retention"`
	Schemes              []keyed           `json:"schemes"`
	Systems              []keyed           `json:"systems"`
	Activities           []keyed           `json:"activities"`
	Cookies              []keyed           `json:"cookies"`
	Security             *ropa.Security    `json:"security,omitempty"`
	ProcessorRecords     []keyed           `json:"processorRecords"`
	SupervisoryAuthority ropa.Authority    `json:"supervisoryAuthority"`
	Complaints           *ropa.Complaints  `json:"complaints,omitempty"`
	RightsContact        *ropa.Contact     `json:"rightsContact,omitempty"`
	Waivers              []ropa.Waiver     `json:"waivers"`
	History              []ropa.Version    `json:"history"`
	Phrases              map[string]string `json:"phrases"`
	None                 []string          `json:"none"`
}

// keyed is an entity with its key, written as the entity's JSON object
// with "key" as its first member.
type keyed struct {
	key string
	v   any
}

// MarshalJSON writes {"key": k, ...the entity's fields}.
func (k keyed) MarshalJSON() ([]byte, error) {
	body, err := marshal(k.v)
	if err != nil {
		return nil, err
	}
	key, err := marshal(k.key)
	if err != nil {
		return nil, err
	}
	return withMember(append([]byte(`{"key":`), key...), body)
}

// withMember returns the object head (an open object with members and no
// closing brace) followed by the members of the JSON object body.
func withMember(head, body []byte) ([]byte, error) {
	body = bytes.TrimSpace(body)
	if len(body) < 2 || body[0] != '{' || body[len(body)-1] != '}' {
		return nil, fmt.Errorf("export: %s is not a JSON object", body)
	}
	if inner := bytes.TrimSpace(body[1 : len(body)-1]); len(inner) > 0 {
		head = append(append(head, ','), inner...)
	}
	return append(head, '}'), nil
}

// marshal is json.Marshal without escaping <, > and &: the export keeps
// text as the model writes it.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// list returns the entities in source order, each with its key.
func list[T any](es []*T, key func(*T) string) []keyed {
	out := make([]keyed, 0, len(es))
	for _, e := range es {
		out = append(out, keyed{key: key(e), v: e})
	}
	return out
}

// controller writes the controller with its joint controllers as a list in
// source order, each with its key, after the other fields.
func controller(m *ropa.Model) (json.RawMessage, error) {
	c := m.Controller
	c.JointControllers = nil
	body, err := marshal(c)
	if err != nil {
		return nil, err
	}
	jcs, err := marshal(list(m.JointControllerList(), func(j *ropa.JointController) string { return j.Key }))
	if err != nil {
		return nil, err
	}
	return appendMember(body, "jointControllers", jcs)
}

// appendMember adds the member name: value at the end of the JSON object
// body.
func appendMember(body []byte, name string, value []byte) ([]byte, error) {
	body = bytes.TrimSpace(body)
	if len(body) < 2 || body[0] != '{' || body[len(body)-1] != '}' {
		return nil, fmt.Errorf("export: %s is not a JSON object", body)
	}
	n, err := marshal(name)
	if err != nil {
		return nil, err
	}
	out := append([]byte(nil), body[:len(body)-1]...)
	if len(bytes.TrimSpace(body[1:len(body)-1])) > 0 {
		out = append(out, ',')
	}
	out = append(append(append(out, n...), ':'), value...)
	return append(out, '}'), nil
}

// JSON writes the resolved model m to w as the export document (format
// "ropa-export", version 1; docs/export.md describes it), indented by two
// spaces and ending in a newline.
func JSON(w io.Writer, m *ropa.Model) error {
	ctrl, err := controller(m)
	if err != nil {
		return err
	}
	d := document{
		Format:               Format,
		Version:              Version,
		SchemaVersion:        m.SchemaVersion,
		Controller:           ctrl,
		Notices:              list(m.NoticeList(), func(e *ropa.Notice) string { return e.Key }),
		Subjects:             list(m.SubjectList(), func(e *ropa.Subject) string { return e.Key }),
		Categories:           list(m.CategoryList(), func(e *ropa.Category) string { return e.Key }),
		Sources:              list(m.SourceList(), func(e *ropa.Source) string { return e.Key }),
		Recipients:           list(m.RecipientList(), func(e *ropa.Recipient) string { return e.Key }),
		Transfers:            list(m.TransferList(), func(e *ropa.Transfer) string { return e.Key }),
		Retention:            list(m.RetentionList(), func(e *ropa.Retention) string { return e.Key }),
		Schemes:              list(m.SchemeList(), func(e *ropa.Scheme) string { return e.Key }),
		Systems:              list(m.SystemList(), func(e *ropa.System) string { return e.Key }),
		Activities:           list(m.ActivityList(), func(e *ropa.Activity) string { return e.Key }),
		Cookies:              list(m.CookieList(), func(e *ropa.Cookie) string { return e.Key }),
		Security:             m.Security,
		ProcessorRecords:     list(m.ProcessorRecordList(), func(e *ropa.ProcessorRecord) string { return e.Key }),
		SupervisoryAuthority: m.SupervisoryAuthority,
		Complaints:           m.Complaints,
		RightsContact:        m.RightsContact,
		Waivers:              m.Waivers,
		History:              m.History,
		Phrases:              m.Phrases,
		None:                 m.None,
	}
	if d.Waivers == nil {
		d.Waivers = []ropa.Waiver{}
	}
	if d.History == nil {
		d.History = []ropa.Version{}
	}
	if d.None == nil {
		d.None = []string{}
	}
	if d.Phrases == nil {
		d.Phrases = map[string]string{}
	}
	if d.None == nil {
		d.None = []string{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// Producer writes model.json, the export document, in `ropa build`.
var Producer = render.Producer{
	Name: "export",
	Doc:  "the resolved model as JSON (model.json; see docs/export.md)",
	Artifacts: func(m *ropa.Model) ([]render.Artifact, error) {
		return []render.Artifact{{Path: "model.json", Write: func(w io.Writer) error { return JSON(w, m) }}}, nil
	},
	Outputs: func(*ropa.Model, render.Options) []render.Output { return []render.Output{{Path: "model.json"}} },
}
