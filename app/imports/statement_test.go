package imports

import "testing"

func TestParseQuarter(t *testing.T) {
	for in, want := range map[string]string{
		"2026Q2": "2026Q2", "2026 q3": "2026Q3", "２０２６Ｑ１": "2026Q1", "锦绣物业2026年第二季度公共收益收支报告": "2026Q2",
		"2025年4季度": "2025Q4", "2025年第一季": "2025Q1", "2026Q2报告.xlsx": "2026Q2",
	} {
		if got, ok := ParseQuarter(in); !ok || got != want {
			t.Errorf("%q: %q %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "2026年3月", "Q2", "2026Q5", "报告"} {
		if got, ok := ParseQuarter(in); ok {
			t.Errorf("%q read as %q", in, got)
		}
	}
}
