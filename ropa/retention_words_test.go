package ropa

import "testing"

func TestPeriodWords(t *testing.T) {
	for _, c := range []struct {
		r    Retention
		want string
	}{
		{Retention{Period: "6 years"}, "6 years"},
		{Retention{Period: "6 years", Usually: true}, "usually 6 years"},
		{Retention{UpTo: "90 days"}, "up to 90 days"},
		{Retention{From: "1 year", To: "6 years", Usually: true}, "usually 1 year to 6 years"},
		{Retention{From: "1 year"}, ""},
		{Retention{Usually: true}, ""},
	} {
		if got := c.r.PeriodWords(); got != c.want {
			t.Errorf("%+v: got %q, want %q", c.r, got, c.want)
		}
	}
}
