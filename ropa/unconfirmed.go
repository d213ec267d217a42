package ropa

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Unconfirmed marks what the record holds as assumed rather than
// confirmed (#Unconfirmed): the whole entity (All), or the named fields of
// it (Fields). In the model it is true, false, or a list of field names;
// false and [] confirm everything.
type Unconfirmed struct {
	All    bool     `json:"all"`
	Fields []string `json:"fields"`
}

// Items returns what is unconfirmed: "" for the whole entity, else the
// field names; nothing when u is nil or confirms everything.
func (u *Unconfirmed) Items() []string {
	switch {
	case u == nil:
		return nil
	case u.All:
		return []string{""}
	}
	return u.Fields
}

// MarshalJSON writes the mark as the model gives it: true, false or a list.
func (u Unconfirmed) MarshalJSON() ([]byte, error) {
	if u.Fields != nil {
		return json.Marshal(u.Fields)
	}
	return json.Marshal(u.All)
}

// UnmarshalJSON reads true, false or a list of field names.
func (u *Unconfirmed) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		u.All = false
		u.Fields = []string{}
		return json.Unmarshal(b, &u.Fields)
	}
	var all bool
	if err := json.Unmarshal(b, &all); err != nil {
		return fmt.Errorf("unconfirmed: want true, false or a list of field names: %w", err)
	}
	u.All, u.Fields = all, nil
	return nil
}
