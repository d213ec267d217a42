package pdf

import (
	"codeberg.org/go-pdf/fpdf"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/render/internal/stamp"
)

// setMetadata sets the document information, language and the fixed
// dates and settings that make the output reproducible.
func setMetadata(f *fpdf.Fpdf, d *doc.Document) {
	f.SetTitle(metaText(d.Title), true)
	if d.Author != "" {
		f.SetAuthor(metaText(d.Author), true)
	}
	if d.Subject != "" {
		f.SetSubject(metaText(d.Subject), true)
	}
	f.SetCreator("ropa", true)
	if lang := cleanLang(d.Lang); lang != "" {
		f.SetLang(lang)
	}
	t := stamp.Time(d.Date)
	f.SetCreationDate(t)
	f.SetModificationDate(t)
	f.SetCatalogSort(true)
	// Pages are compressed by the structure rewrite (compress.go), with
	// pooled writers.
	f.SetCompression(false)
}

// cleanLang returns lang when it looks like a BCP 47 tag, else "": fpdf
// writes the language into the PDF unescaped.
func cleanLang(lang string) string {
	if lang == "" || len(lang) > 35 {
		return ""
	}
	for i := 0; i < len(lang); i++ {
		c := lang[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			return ""
		}
	}
	return lang
}
