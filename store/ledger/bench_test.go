package ledger

import "testing"

func BenchmarkApportion5000Units(b *testing.B) {
	w := bigScope()
	for b.Loop() {
		if _, err := Apportion(MaxAmount, w); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseAmount(b *testing.B) {
	inputs := []string{"1234.5", "¥ 1,234.50", "１２３４．５０", "－12.30", "1,23,4"}
	for b.Loop() {
		for _, s := range inputs {
			_, _ = ParseAmount(s)
		}
	}
}

func BenchmarkVoucherValidate(b *testing.B) {
	v := depositVoucher(b)
	for b.Loop() {
		if err := v.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
