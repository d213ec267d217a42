package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"testing"
)

// TestDeflateMatchesZlib checks that the pooled writer, reused, gives
// exactly the bytes a new zlib writer at fpdf's level gives, so pages
// compress as they always did.
func TestDeflateMatchesZlib(t *testing.T) {
	for _, s := range []string{"", "BT /F1 12 Tf (Hello) Tj ET", string(bytes.Repeat([]byte("q 1 0 0 1 0 0 cm Q\n"), 500))} {
		for range 2 { // the second time, from the pool
			got, err := deflate([]byte(s))
			if err != nil {
				t.Fatal(err)
			}
			var want bytes.Buffer
			w, _ := zlib.NewWriterLevel(&want, zlib.BestSpeed)
			w.Write([]byte(s))
			w.Close()
			if !bytes.Equal(got, want.Bytes()) {
				t.Errorf("deflate(%.20q) differs from zlib at BestSpeed", s)
			}
			r, err := zlib.NewReader(bytes.NewReader(got))
			if err != nil {
				t.Fatal(err)
			}
			back, _ := io.ReadAll(r)
			if string(back) != s {
				t.Errorf("round trip of %.20q gave %.20q", s, back)
			}
		}
	}
}
