package notice

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
)

// phrasesJSON is the phrasebook: every piece of standard wording a notice
// uses, keyed by phrase key, with {placeholders} filled from the model.
//
//go:embed phrases.json
var phrasesJSON []byte

// defaults is the decoded phrasebook; defaultsErr is set if it does not
// decode, which the tests catch and Plan reports.
var defaults, defaultsErr = decodePhrases(phrasesJSON)

func decodePhrases(data []byte) (map[string]string, error) {
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("notice: embedded phrases.json: %v", err)
	}
	return m, nil
}

// PhraseKeys returns, sorted, the keys of every standard phrase a notice
// uses. An organisation overrides a phrase by giving its key in the model's
// phrases.
func PhraseKeys() []string {
	keys := make([]string, 0, len(defaults))
	for k := range defaults {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// overrideOnly are phrases that would only fill a silence of the record
// with a claim it does not make; the planner uses them only when the model
// supplies its own wording (see OverrideOnly).
var overrideOnly = map[string]bool{
	"transfers.unknown":        true,
	"transfers.unknown.no-dpo": true,
	"retention.none":           true,
	"retention.source.none":    true,
}

// OverrideOnly reports whether a notice uses the phrase key only when the
// model overrides it: its standard wording would state what the record
// does not.
func OverrideOnly(key string) bool { return overrideOnly[key] }

// DefaultPhrase returns the standard wording of a phrase key and whether
// the key exists.
func DefaultPhrase(key string) (string, bool) {
	s, ok := defaults[key]
	return s, ok
}

// phrasebook is the wording of one notice: the defaults with the model's
// overrides, then the notice's own, applied.
type phrasebook struct {
	text map[string]string
	// missing records keys the planner asked for that do not exist: a bug
	// in the planner, reported by Plan as an error rather than a panic.
	missing map[string]bool
	// overrides maps each key the model overrides to the field path of the
	// override that wins, e.g. "notices.tenants.phrases.transfers.unknown"
	// (the phrase key, dots and all, after the layer's path).
	overrides map[string]string
}

// phraseLayer is one set of phrase overrides and where the model gives
// it ("phrases", "notices.tenants.phrases"), for error messages.
type phraseLayer struct {
	where string
	text  map[string]string
	// pos finds the file:line:col of a field path; the zero value knows
	// none, and messages then start with the path alone.
	pos ropa.Positions
}

// newPhrasebook applies the layers of overrides to the defaults in order,
// so a later layer wins. An override of an unknown key, or one using a
// placeholder the standard phrase does not have, is an error naming the
// key and the layer's place in the model.
func newPhrasebook(layers ...phraseLayer) (*phrasebook, error) {
	if defaultsErr != nil {
		return nil, defaultsErr
	}
	var diags []ropa.Diagnostic
	for _, l := range layers {
		diags = append(diags, checkOverrides(l.where, l.pos, l.text)...)
	}
	if len(diags) > 0 {
		return nil, &ropa.LoadError{Kind: ropa.ErrInvalid, Diagnostics: diags}
	}
	text := make(map[string]string, len(defaults))
	for k, v := range defaults {
		text[k] = v
	}
	over := map[string]string{}
	for _, l := range layers {
		for k, v := range l.text {
			text[k] = v
			over[k] = l.where + "." + k
		}
	}
	return &phrasebook{text: text, missing: map[string]bool{}, overrides: over}, nil
}

// checkOverrides returns, in key order, a diagnostic for each override at
// where that names an unknown key or an unknown placeholder, at the
// override's file:line:col when ps knows it.
func checkOverrides(where string, ps ropa.Positions, overrides map[string]string) []ropa.Diagnostic {
	var diags []ropa.Diagnostic
	keys := make([]string, 0, len(overrides))
	for k := range overrides {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		pos := ps.Of(where + "." + k)
		def, ok := defaults[k]
		if !ok {
			msg := fmt.Sprintf("unknown phrase key %q", k)
			if near := ropa.Nearest(k, PhraseKeys()); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			}
			diags = append(diags, ropa.Diagnostic{Pos: pos, Path: where, Message: msg,
				Hint: "'ropa phrases' lists every phrase key with its standard wording"})
			continue
		}
		allowed := map[string]bool{}
		for _, p := range placeholders(def) {
			allowed[p] = true
		}
		for _, p := range placeholders(overrides[k]) {
			if !allowed[p] {
				diags = append(diags, ropa.Diagnostic{Pos: pos, Path: where,
					Message: fmt.Sprintf("%q uses unknown placeholder {%s}; the standard phrase has %s", k, p, describePlaceholders(def)),
					Hint:    "use only the placeholders of the standard phrase ('ropa phrases' shows it)"})
			}
		}
	}
	return diags
}

func describePlaceholders(s string) string {
	ps := placeholders(s)
	if len(ps) == 0 {
		return "none"
	}
	for i, p := range ps {
		ps[i] = "{" + p + "}"
	}
	return strings.Join(ps, ", ")
}

// get returns the phrase for key with its placeholders filled from kv,
// which alternates names and values. Values are inserted verbatim and are
// never themselves expanded.
func (p *phrasebook) get(key string, kv ...string) string {
	s, ok := p.text[key]
	if !ok {
		p.missing[key] = true
		return key
	}
	return fill(s, kv)
}

// override returns the field path of the model's override of key, or ""
// when the standard wording stands. Phrases that would only fill a silence
// of the record are used only when the model supplies their wording.
func (p *phrasebook) override(key string) string { return p.overrides[key] }

// has reports whether the phrasebook has a phrase for key.
func (p *phrasebook) has(key string) bool {
	_, ok := p.text[key]
	return ok
}

// isPlaceholderChar reports whether c may appear in a placeholder name.
func isPlaceholderChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
}

// placeholderAt returns the name of the placeholder starting at s[i] (a
// '{'), and its end, or "" when s[i:] does not start one.
func placeholderAt(s string, i int) (string, int) {
	j := i + 1
	for j < len(s) && isPlaceholderChar(s[j]) {
		j++
	}
	if j == i+1 || j >= len(s) || s[j] != '}' {
		return "", i
	}
	return s[i+1 : j], j + 1
}

// placeholders lists, in order of first use, the placeholders of s.
func placeholders(s string) []string {
	var out []string
	seen := map[string]bool{}
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		if name, end := placeholderAt(s, i); name != "" {
			if !seen[name] {
				seen[name] = true
				out = append(out, name)
			}
			i = end - 1
		}
	}
	return out
}

// fill replaces each {name} in s by its value in kv in one pass; a
// placeholder with no value is left as it is.
func fill(s string, kv []string) string {
	if strings.IndexByte(s, '{') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '{' {
			if name, end := placeholderAt(s, i); name != "" {
				if v, ok := lookup(kv, name); ok {
					b.WriteString(v)
					i = end - 1
					continue
				}
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func lookup(kv []string, name string) (string, bool) {
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i] == name {
			return kv[i+1], true
		}
	}
	return "", false
}
