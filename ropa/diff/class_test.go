package diff

import "testing"

func TestParseClass(t *testing.T) {
	for _, s := range []string{"notify", "register", "editorial", "none", "NOTIFY"} {
		c, err := ParseClass(s)
		if err != nil {
			t.Fatalf("ParseClass(%q): %v", s, err)
		}
		if got := c.String(); got != map[string]string{"NOTIFY": "notify"}[s] && got != s {
			t.Errorf("ParseClass(%q).String() = %q", s, got)
		}
	}
	if _, err := ParseClass("urgent"); err == nil {
		t.Error("ParseClass(urgent): no error")
	}
}

func TestFails(t *testing.T) {
	r := &Result{Changes: []Change{{Class: Register}, {Class: Editorial}}}
	for threshold, want := range map[Class]bool{None: false, Editorial: true, Register: true, Notify: false} {
		if got := r.Fails(threshold); got != want {
			t.Errorf("Fails(%v) = %v, want %v", threshold, got, want)
		}
	}
	if got := (&Result{}).Fails(Editorial); got {
		t.Error("an empty result fails")
	}
	if r.Max() != Register || r.Count(Editorial) != 1 || r.Count(Notify) != 0 {
		t.Errorf("Max %v, Count(editorial) %d, Count(notify) %d", r.Max(), r.Count(Editorial), r.Count(Notify))
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		old, new string
		want     Class
	}{
		{"6 years", "7 years", Notify},
		{"7 years", "6 years", Register},
		{"12 months", "1 year", Editorial},
		{"1 year", "13 months", Notify},
		{"30 days", "1 month", Notify},
		{"4 weeks", "28 days", Editorial},
		{"1 week", "2 weeks", Notify},
		{"", "6 years", Register},
		{"6 years", "", Register},
		{"six years", "7 years", Register},
		{"0 years", "1 year", Register},
		{"6 fortnights", "7 years", Register},
	}
	for _, tc := range tests {
		if got := classifyPeriod(tc.old, tc.new); got != tc.want {
			t.Errorf("classifyPeriod(%q, %q) = %v, want %v", tc.old, tc.new, got, tc.want)
		}
	}
}
