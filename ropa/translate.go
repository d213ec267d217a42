package ropa

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
)

// A notice can be published in several languages. The standard wording
// comes from a phrasebook per language; the organisation's own text (names,
// purposes, descriptions, free sections, phrase overrides) comes from the
// model's translations, kept apart from the English by the model path of
// each text, with the fingerprint of the English each translates. This
// file finds the texts a notice shows, fingerprints them, and makes the
// model in another language for the planner.

// Fingerprint identifies an English text for its translations: the first
// eight hex digits of its SHA-256. A translation whose fingerprint is not
// the current text's is stale.
func Fingerprint(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}

// Text is one translatable text of the model: its path and its English.
type Text struct {
	Path string
	Text string
}

// untranslated are the json names of string fields that hold codes, keys,
// addresses or numbers rather than prose: a translation of them would be
// meaningless.
var untranslated = map[string]bool{
	"schemaVersion": true, "renamedFrom": true, "language": true, "languages": true,
	"basis": true, "kind": true, "role": true, "mechanism": true, "special": true, "party": true,
	"category": true, "persistence": true, "action": true, "status": true, "article9": true,
	"after": true, "none": true, "email": true, "phone": true, "web": true, "website": true,
	"url": true, "privacyNotice": true, "complain": true, "postcode": true, "icoRegistration": true,
	"number": true, "lastUpdated": true, "date": true, "expires": true, "of": true, "rule": true,
	"target": true, "acceptedBy": true, "reason": true, "version": true, "policyDocument": true,
	"assessment": true, "contract": true, "ref": true, "breach": true, "riskAssessment": true,
	"record": true, "translations": true, "addressKind": true,
	// Lists of keys.
	"audiences": true, "subjects": true, "categories": true, "sources": true, "recipients": true,
	"transfers": true, "retention": true, "schemes": true, "systems": true, "recipient": true,
	"operator": true, "vendor": true,
}

// untranslatedTop are the model's top-level fields that hold no prose; the
// others hold entities, whose fields untranslated sorts.
var untranslatedTop = map[string]bool{
	"schemaVersion": true, "translations": true, "none": true, "waivers": true,
}

// contactType is Contact, whose role, unlike a recipient's, is prose
// ("Customer services").
var contactType = reflect.TypeOf(Contact{})

// looksLikeCode matches values that are addresses rather than prose.
var looksLikeCode = regexp.MustCompile(`^(https?://|mailto:)|^[^@\s]+@[^@\s]+$`)

// walkTexts calls fn with the path and value of every translatable string
// under v, at path.
func walkTexts(path string, v reflect.Value, fn func(path string, v reflect.Value)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkTexts(path, v.Elem(), fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			sf := t.Field(i)
			if !sf.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			if name == "-" || (path == "" && untranslatedTop[name]) || (path != "" && untranslated[name] && !(name == "role" && t == contactType)) {
				continue
			}
			if sf.Anonymous && name == "" {
				walkTexts(path, v.Field(i), fn)
				continue
			}
			if name == "" {
				name = sf.Name
			}
			walkTexts(joinPath(path, name), v.Field(i), fn)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkTexts(fmt.Sprintf("%s[%d]", path, i), v.Index(i), fn)
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			walkTexts(keyPath(path, k.String()), v.MapIndex(k), fn)
		}
	case reflect.String:
		if s := v.String(); strings.TrimSpace(s) != "" && !looksLikeCode.MatchString(s) {
			fn(path, v)
		}
	}
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// TextsOf returns the translatable texts notice n shows: its own, the
// controller's, those of its activities and of every entity they refer
// to, its cookies', and the record-wide texts every notice carries
// (security, complaints, rights contact, history, phrase overrides), in
// path order, each once.
func (m *Model) TextsOf(n *Notice) []Text {
	seen := map[string]bool{}
	var out []Text
	add := func(path string, v any) {
		walkTexts(path, reflect.ValueOf(v), func(p string, s reflect.Value) {
			if !seen[p] {
				seen[p] = true
				out = append(out, Text{Path: p, Text: s.String()})
			}
		})
	}
	if n == nil {
		return nil
	}
	add(keyPath("notices", n.Key), n)
	add("controller", &m.Controller)
	for _, a := range m.ActivitiesFor(n) {
		add(keyPath("activities", a.Key), a)
		addEach(add, "subjects", a.Subjects)
		for _, e := range a.Categories {
			if e == nil {
				continue
			}
			add(keyPath("categories", e.Key), e)
			for _, r := range e.RetentionRules {
				if r != nil {
					add(keyPath("retention", r.Key), r)
				}
			}
		}
		addEach(add, "sources", a.Sources)
		addEach(add, "recipients", a.Disclosures())
		addEach(add, "transfers", a.Transfers)
		addEach(add, "retention", a.Retention)
		addEach(add, "schemes", a.Schemes)
	}
	for _, c := range m.CookieList() {
		if c == nil {
			continue
		}
		for _, cn := range c.Notices {
			if cn == n {
				add(keyPath("cookies", c.Key), c)
			}
		}
	}
	add("security", m.Security)
	add("complaints", m.Complaints)
	add("rightsContact", m.RightsContact)
	if m.Positions.Declared("supervisoryAuthority") {
		// The ICO, which the schema supplies by default, is named in each
		// language's standard wording instead.
		add("supervisoryAuthority", &m.SupervisoryAuthority)
	}
	add("history", m.History)
	add("phrases", m.Phrases)
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// InLanguage returns a copy of m with every text that has a translation
// into lang replaced by it, and the paths of the texts of notice n (when
// not nil) that have none. The copy shares nothing with m that the
// planner could change; m is left as it was.
func (m *Model) InLanguage(lang string, n *Notice) (*Model, []string) {
	tr := m.Translations[lang]
	c := m.Clone()
	var missing []string
	var want map[string]bool
	if n != nil {
		want = map[string]bool{}
		for _, t := range m.TextsOf(n) {
			want[t.Path] = true
		}
	}
	walkTexts("", reflect.ValueOf(c).Elem(), func(p string, s reflect.Value) {
		if t, ok := tr[p]; ok {
			if s.CanSet() {
				s.SetString(t.Text)
			}
			return
		}
		if want[p] {
			missing = append(missing, p)
		}
	})
	// Map values are not settable in place: translate phrase overrides,
	// the one map of texts, by key.
	if len(c.Phrases) > 0 {
		ph := make(map[string]string, len(c.Phrases))
		for k, v := range c.Phrases {
			if t, ok := tr[keyPath("phrases", k)]; ok {
				v = t.Text
			}
			ph[k] = v
		}
		c.Phrases = ph
	}
	for _, cn := range c.Notices {
		if len(cn.Phrases) > 0 {
			ph := make(map[string]string, len(cn.Phrases))
			for k, v := range cn.Phrases {
				if t, ok := tr[keyPath(keyPath("notices", cn.Key)+".phrases", k)]; ok {
					v = t.Text
				}
				ph[k] = v
			}
			cn.Phrases = ph
		}
	}
	sort.Strings(missing)
	return c, missing
}

// Clone returns a deep copy of m: entities, lists and maps are copied,
// and references between entities point into the copy.
func (m *Model) Clone() *Model {
	memo := map[uintptr]reflect.Value{}
	return cloneValue(reflect.ValueOf(m), memo).Interface().(*Model)
}

func cloneValue(v reflect.Value, memo map[uintptr]reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		if c, ok := memo[v.Pointer()]; ok {
			return c
		}
		c := reflect.New(v.Type().Elem())
		memo[v.Pointer()] = c
		c.Elem().Set(cloneValue(v.Elem(), memo))
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		c.Set(v) // unexported fields are shared: they are set by loading and only read after
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				c.Field(i).Set(cloneValue(v.Field(i), memo))
			}
		}
		return c
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c.Index(i).Set(cloneValue(v.Index(i), memo))
		}
		return c
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		iter := v.MapRange()
		for iter.Next() {
			c.SetMapIndex(iter.Key(), cloneValue(iter.Value(), memo))
		}
		return c
	}
	return v
}

// addEach adds, under kind, every entity of es that is not nil.
func addEach[E Entity](add func(string, any), kind string, es []E) {
	for _, e := range es {
		if any(e) == nil || reflect.ValueOf(e).IsNil() {
			continue
		}
		add(keyPath(kind, e.keyed().Key), e)
	}
}
