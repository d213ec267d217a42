package notice

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
)

// phrasesJSON is the English phrasebook: every piece of standard wording
// a notice uses, keyed by phrase key, with {placeholders} filled from the
// model. It is the source every other language's phrasebook translates.
//
//go:embed phrases.json
var phrasesJSON []byte

// phraseFiles holds the phrasebooks of the other languages, each
// phrases.<lang>.json with the same keys and placeholders as the English
// (a test holds them so).
//
//go:embed phrases.*.json
var phraseFiles embed.FS

// metaKey is the entry of a phrasebook file that describes the file
// itself rather than a phrase.
const metaKey = "_meta"

// PhrasebookMeta describes one language's phrasebook: the _meta entry of
// its file.
type PhrasebookMeta struct {
	// Language is the phrasebook's language tag, e.g. "cy".
	Language string `json:"language"`
	// Name is the language's name in that language, e.g. "Cymraeg".
	Name string `json:"name"`
	// Source marks the English phrasebook, which the others translate: it
	// needs no review as a translation.
	Source bool `json:"source,omitempty"`
	// ReviewedBy and Reviewed (YYYY-MM-DD) record who checked a
	// translation, as a fluent speaker, and when; empty until someone has.
	ReviewedBy string `json:"reviewedBy"`
	Reviewed   string `json:"reviewed"`
	// Note is what a maintainer needs to know about the file.
	Note string `json:"note,omitempty"`
}

// IsReviewed reports whether the phrasebook may be published as it is:
// it is the source, or its review is recorded.
func (m PhrasebookMeta) IsReviewed() bool {
	return m.Source || strings.TrimSpace(m.ReviewedBy) != "" && strings.TrimSpace(m.Reviewed) != ""
}

// book is one language's decoded phrasebook.
type book struct {
	meta PhrasebookMeta
	text map[string]string
}

// books are the phrasebooks by language tag; booksErr is set if one does
// not decode, which the tests catch and Plan reports.
var books, booksErr = loadBooks()

// defaults is the English phrasebook; defaultsErr is set if it does not
// decode.
var defaults, defaultsErr = englishDefaults()

func englishDefaults() (map[string]string, error) {
	if booksErr != nil {
		return nil, booksErr
	}
	return books["en"].text, nil
}

func loadBooks() (map[string]*book, error) {
	out := map[string]*book{}
	en, err := decodePhrases("phrases.json", phrasesJSON)
	if err != nil {
		return nil, err
	}
	out["en"] = en
	files, err := fs.Glob(phraseFiles, "phrases.*.json")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		data, err := phraseFiles.ReadFile(f)
		if err != nil {
			return nil, err
		}
		b, err := decodePhrases(f, data)
		if err != nil {
			return nil, err
		}
		lang := strings.TrimSuffix(strings.TrimPrefix(f, "phrases."), ".json")
		if b.meta.Language != lang {
			return nil, fmt.Errorf("notice: embedded %s: _meta.language is %q, want %q", f, b.meta.Language, lang)
		}
		out[lang] = b
	}
	return out, nil
}

func decodePhrases(name string, data []byte) (*book, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("notice: embedded %s: %v", name, err)
	}
	b := &book{text: make(map[string]string, len(raw))}
	for k, v := range raw {
		if k == metaKey {
			if err := json.Unmarshal(v, &b.meta); err != nil {
				return nil, fmt.Errorf("notice: embedded %s: _meta: %v", name, err)
			}
			continue
		}
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return nil, fmt.Errorf("notice: embedded %s: %s: %v", name, k, err)
		}
		b.text[k] = s
	}
	return b, nil
}

// Languages returns, sorted, the tags of the languages a notice can be
// published in: those with a phrasebook ("cy", "en").
func Languages() []string {
	out := make([]string, 0, len(books))
	for l := range books {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// bookFor returns the phrasebook of language tag lang: the one of that
// tag, else of its primary subtag ("cy" for "cy-GB"), else nil.
func bookFor(lang string) *book {
	lang = strings.ToLower(lang)
	if b, ok := books[lang]; ok {
		return b
	}
	primary, _, _ := strings.Cut(lang, "-")
	return books[primary]
}

// Phrasebook returns what the phrasebook of language lang says of itself,
// and whether ropa has one. `ropa check` passes it to the linter, which
// warns of a notice published in a language whose phrasebook no fluent
// speaker has reviewed.
func Phrasebook(lang string) (PhrasebookMeta, bool) {
	b := bookFor(lang)
	if b == nil {
		return PhrasebookMeta{}, false
	}
	return b.meta, true
}

// LanguagePhrase returns the wording of phrase key in language lang.
func LanguagePhrase(lang, key string) (string, bool) {
	b := bookFor(lang)
	if b == nil {
		return "", false
	}
	s, ok := b.text[key]
	return s, ok
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
	// lang is the language of the standard wording, "en" or "cy".
	lang string
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
	return newPhrasebookIn("en", layers...)
}

// newPhrasebookIn is newPhrasebook with the standard wording of language
// lang; the overrides are checked against the English, whose keys and
// placeholders every language shares.
func newPhrasebookIn(lang string, layers ...phraseLayer) (*phrasebook, error) {
	if defaultsErr != nil {
		return nil, defaultsErr
	}
	b := bookFor(lang)
	if b == nil {
		return nil, fmt.Errorf("notice: no phrasebook for language %q (ropa has %s)", lang, strings.Join(Languages(), ", "))
	}
	var diags []ropa.Diagnostic
	for _, l := range layers {
		diags = append(diags, checkOverrides(l.where, l.pos, l.text)...)
	}
	if len(diags) > 0 {
		return nil, &ropa.LoadError{Kind: ropa.ErrInvalid, Diagnostics: diags}
	}
	text := make(map[string]string, len(b.text))
	for k, v := range b.text {
		text[k] = v
	}
	over := map[string]string{}
	for _, l := range layers {
		for k, v := range l.text {
			text[k] = v
			over[k] = l.where + "." + k
		}
	}
	return &phrasebook{lang: b.meta.Language, text: text, missing: map[string]bool{}, overrides: over}, nil
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
