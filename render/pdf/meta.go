package pdf

import (
	"os"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/ropa-dev/ropa/render/doc"
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
	t := docTime(d.Date)
	f.SetCreationDate(t)
	f.SetModificationDate(t)
	f.SetCatalogSort(true)
	f.SetCompression(true)
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

// docTime is the PDF's creation and modification date: the document date
// when it parses, else SOURCE_DATE_EPOCH, else the Unix epoch.
func docTime(date string) time.Time {
	for _, layout := range []string{"2006-01-02", "2006-01"} {
		if t, err := time.ParseInLocation(layout, date, time.UTC); err == nil {
			return t
		}
	}
	if s := strings.TrimSpace(os.Getenv("SOURCE_DATE_EPOCH")); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n >= 0 && n < 253402300800 {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Unix(0, 0).UTC()
}
