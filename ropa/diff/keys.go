package diff

import (
	"fmt"
	"reflect"
	"strings"
)

// itemKeyFields names, per list field, the fields whose values joined by
// "/" identify an item: a lawful basis by its basis, an Article 9
// condition by its letter and Schedule 1 paragraph.
var itemKeyFields = map[string][]string{
	"lawfulBases":        {"basis"},
	"specialConditions":  {"article9", "schedule1"},
	"criminalConditions": {"basis", "schedule1"},
	"registrations":      {"register"},
	"waivers":            {"rule", "target"},
	"history":            {"version"},
}

// fallbackKeyFields are tried in turn for lists not named above (contacts,
// group, related links, sections, lists added to the model later): the
// first that is set identifies the item.
var fallbackKeyFields = []string{"role", "name", "title", "basis", "register", "rule", "version", "email", "url", "web"}

// listKeys returns a key for each item of a list of structures. Items with
// no key are named by position, #1, #2, ...; a key seen before gets #2, #3.
func listKeys(name string, list reflect.Value) []string {
	return listKeysFixed(name, list, nil)
}

// listKeysFixed is listKeys with fix, when not nil, applied to the value
// of each key field (by json name) before it joins the key.
func listKeysFixed(name string, list reflect.Value, fix func(field, value string) string) []string {
	keys := make([]string, list.Len())
	seen := make(map[string]int, list.Len())
	for i := range keys {
		k := itemKey(name, list.Index(i), fix)
		if k == "" {
			k = fmt.Sprintf("#%d", i+1)
		}
		seen[k]++
		if n := seen[k]; n > 1 {
			k = fmt.Sprintf("%s#%d", k, n)
		}
		keys[i] = k
	}
	return keys
}

func itemKey(name string, v reflect.Value, fix func(field, value string) string) string {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return ""
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return ""
	}
	if names, ok := itemKeyFields[name]; ok {
		var parts []string
		for _, n := range names {
			if s := fieldString(v, n); s != "" {
				if fix != nil {
					s = fix(n, s)
				}
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "/")
	}
	for _, n := range fallbackKeyFields {
		if s := fieldString(v, n); s != "" {
			if fix != nil {
				s = fix(n, s)
			}
			return s
		}
	}
	return ""
}

// fieldString returns the value of the field with json name n, formatted,
// or "" when the field is absent or zero.
func fieldString(v reflect.Value, n string) string {
	for _, f := range fieldsOf(v.Type()) {
		fv := v.FieldByIndex(f.index)
		if f.embedded {
			if fv.Kind() == reflect.Pointer {
				if fv.IsNil() {
					continue
				}
				fv = fv.Elem()
			}
			if s := fieldString(fv, n); s != "" {
				return s
			}
			continue
		}
		if f.name != n {
			continue
		}
		switch s := scalar(fv).(type) {
		case nil:
			return ""
		case int64:
			if s == 0 {
				return ""
			}
			return fmt.Sprint(s)
		case string:
			return s
		}
		return ""
	}
	return ""
}

// selector formats a map key as ropa's field paths do: bare, even when
// the key is not a CUE identifier (activities.rental-exchange).
func selector(key string) string { return key }
