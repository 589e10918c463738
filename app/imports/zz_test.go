package imports

import (
	"math/rand"
	"os"
	"runtime/pprof"
	"testing"
	"time"
)

func TestZZSlow(t *testing.T) {
	seed := xlsxOf(t, "", [][]any{{"幢", "室", "建筑面积", "首期应筹集金额", "余额"}, {"1", "101", 89.5, 8950.0, 1.0}})
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 300; i++ {
		d := append([]byte(nil), seed...)
		for k := 0; k < 1+r.Intn(4); k++ {
			d[r.Intn(len(d))] = byte(r.Intn(256))
		}
		if i != 59 {
			continue
		}
		os.WriteFile("/tmp/imp/slow59.xlsx", d, 0o644)
		done := make(chan bool)
		go func() { readAll(t, "x.xlsx", d); close(done) }()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			pprof.Lookup("goroutine").WriteTo(os.Stdout, 1)
			t.Fatalf("slow input %d", i)
		}
	}
}
