package doc

// CleanLang returns lang when it is a plausible BCP 47 tag (letters,
// digits and '-', at most 35 characters), else "". Renderers write the
// language where it is not escaped (an HTML attribute value, the PDF
// catalogue), so a model's language passes through here first.
func CleanLang(lang string) string {
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
