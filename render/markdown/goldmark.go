package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Goldmark returns the Markdown converter ropa uses wherever Markdown is
// turned into HTML: CommonMark with the GitHub Flavored Markdown extension
// and raw HTML off (goldmark's default safe mode, which also drops links
// to dangerous schemes such as javascript:).
func Goldmark() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.GFM))
}
