package mdtext

import "testing"

func TestMdtext(t *testing.T) {
	if got := Escape("a*b_{{x}}"); got != `a\*b\_\{\{x\}\}` {
		t.Errorf("Escape = %q", got)
	}
	if got := Cell("a|b\nc"); got != `a\|b c` {
		t.Errorf("Cell = %q", got)
	}
	for in, want := range map[string]string{"": "", "x": "`x`", "a`b": "``a`b``", "`x": "`` `x ``"} {
		if got := Code(in); got != want {
			t.Errorf("Code(%q) = %q, want %q", in, got, want)
		}
	}
}
