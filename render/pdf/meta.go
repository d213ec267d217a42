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
	if lang := doc.CleanLang(d.Lang); lang != "" {
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
