// Package demo builds a realistic demo ledger of a Shanghai community: buildings and units,
// years of deposits, interest, public income with its transfers, repair projects with their
// votes, a stretch below 30% with its replenishment case, audits and disclosures. Everything
// is posted through the store's own rules, and the same seed gives the same file.
package demo

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"runtime/debug"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// Options size the demo.
type Options struct {
	Units int    // number of units (default 240)
	Years int    // years of history (default 6)
	Seed  uint64 // random seed (default 1)
	// End is the last day of history (default 2026-09-30): fixed, so the file does not depend
	// on the day it is made.
	End string
	// Progress, if set, is told each finished year.
	Progress func(year, of int)
}

func (o *Options) defaults() {
	if o.Units <= 0 {
		o.Units = 240
	}
	if o.Years <= 0 {
		o.Years = 6
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.End == "" {
		o.End = "2026-09-30"
	}
}

// gen holds the generator's state.
type gen struct {
	s     *store.Store
	r     *rand.Rand
	o     Options
	units []unitInfo
	blds  []int64
	byBld map[int64][]int
	end   string
	// working is the working-expense book's money, so the demo never overdraws it.
	working  ledger.Money
	reversed bool
	alloc    int64 // the year's assembly resolution allocating public income to working expenses
	// the property company's quarter (statements.go): the contracts it collects, from when
	contracts     []int64
	contractStart string
	income        quarterIncome
}

type unitInfo struct {
	id, building int64
	area         int64
	initial      ledger.Money
}

// Generate writes a new demo ledger at path. It is made under a name of its own beside path
// and given path's name once complete: a demo that fails, or whose process is killed (it is
// written as one transaction straight into the file, store.WithBulkWrites, so a killed one is
// no ledger at all), leaves nothing at path.
func Generate(path string, o Options) error {
	if _, err := os.Stat(path); err == nil {
		return ledger.Refuse("ledger.file_exists", "path", path)
	}
	making := fmt.Sprintf("%s.%d.making", path, os.Getpid())
	removeLedger(making) // left by a killed run that had this process id
	if err := generate(making, o); err != nil {
		removeLedger(making)
		return err
	}
	return publish(making, path)
}

// publish gives the finished ledger its name, without replacing a file made there meanwhile.
func publish(making, path string) error {
	defer removeLedger(making)
	err := os.Link(making, path)
	if err == nil {
		return nil
	}
	if _, serr := os.Stat(path); serr == nil || errors.Is(err, fs.ErrExist) {
		return ledger.Refuse("ledger.file_exists", "path", path)
	}
	return os.Rename(making, path) // a file system without hard links (FAT, on a USB stick)
}

// removeLedger removes a ledger file and what SQLite may have left beside it.
func removeLedger(p string) {
	for _, f := range []string{p, p + "-journal", p + "-wal", p + "-shm"} {
		os.Remove(f)
	}
}

// generate makes the demo ledger at path.
func generate(path string, o Options) (err error) {
	o.defaults()
	end, err := ledger.ParseDate(o.End)
	if err != nil {
		return err
	}
	startYear := end.Year() - o.Years + 1
	start := fmt.Sprintf("%d-01-01", startYear)
	// The generator makes much short-lived garbage (every posting reads its sub-ledger lines
	// back) over a small live heap (about 15 MB at 20,000 units): collecting at three times the
	// live heap rather than once (GOGC 300) takes a sixth off its time for some 10 MB more
	// memory (400 gained nothing more and took 25 MB at 20,000 units).
	defer debug.SetGCPercent(debug.SetGCPercent(300))
	s, err := store.Create(path, store.Community{Name: "锦绣家园", Address: "上海市静安区共和新路 1888 弄", District: "静安区 · 大宁路街道",
		AssemblyCode: "310106-0427", FundBank: "上海银行静安支行", FundAccount: "3165 0300 0042 1888", TermStart: start,
		TermEnd: fmt.Sprintf("%d-12-31", end.Year()+1), StartDate: start, Policy: ledger.DefaultPolicy()},
		store.WithClock(func() time.Time { t, _ := ledger.ParseDate(start); return t }), store.WithBulkWrites())
	if err != nil {
		return err
	}
	// The file is one transaction, committed when it is closed (store.WithBulkWrites): the
	// close can fail too.
	defer func() {
		if cerr := s.Close(); err == nil {
			err = cerr
		}
	}()
	s.SetActor("演示数据")
	g := &gen{s: s, r: rand.New(rand.NewPCG(o.Seed, 0x4a59)), o: o, byBld: map[int64][]int{}, end: o.End}
	g.at(start)
	if err := g.roster(); err != nil {
		return fmt.Errorf("demo roster: %w", err)
	}
	for y := startYear; y <= end.Year(); y++ {
		if err := g.year(y, y == startYear); err != nil {
			return fmt.Errorf("demo %d: %w", y, err)
		}
		if o.Progress != nil {
			o.Progress(y-startYear+1, o.Years)
		}
	}
	return nil
}

// at sets the store's clock to a date, so timestamps are reproducible.
func (g *gen) at(date string) {
	t, _ := ledger.ParseDate(date)
	t = t.Add(10 * time.Hour)
	g.s.SetClock(func() time.Time { return t })
}

// roster creates buildings of 4–18 floors with 2–6 units a floor, and their units.
func (g *gen) roster() error {
	n, made := g.o.Units, 0
	for b := 1; made < n; b++ {
		floors := 4 + g.r.IntN(15)
		perFloor := 2 + g.r.IntN(5)
		bid, err := g.s.AddBuilding(store.Building{Code: fmt.Sprintf("%d号", b), Name: fmt.Sprintf("%d号楼", b), HasLift: floors > 6})
		if err != nil {
			return err
		}
		g.blds = append(g.blds, bid)
		rate := int64(55 + g.r.IntN(20)) // 元/m² of initial deposit, differs by building
		for f := 1; f <= floors && made < n; f++ {
			for k := 1; k <= perFloor && made < n; k++ {
				area := int64(4500 + g.r.IntN(9501)) // 45.00–140.00 m², in 0.01 m²
				typ := "commodity"
				if g.r.IntN(10) == 0 {
					typ = "public_sold"
				}
				ownerID, err := g.s.AddOwner(store.Owner{Name: ownerName(g.r), Phone: fmt.Sprintf("139%08d", g.r.IntN(100000000))})
				if err != nil {
					return err
				}
				initial := ledger.Fen(area * rate) // m² × 元/m², in fen
				uid, err := g.s.AddUnit(store.Unit{BuildingID: bid, Room: fmt.Sprintf("%d%02d", f, k), AreaCM2: area,
					HousingType: typ, Initial: initial, OwnerID: ownerID})
				if err != nil {
					return err
				}
				g.byBld[bid] = append(g.byBld[bid], len(g.units))
				g.units = append(g.units, unitInfo{uid, bid, area, initial})
				made++
			}
		}
	}
	return nil
}

var surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
var given = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉力斌宇浩凯健俊帆帅旭宁欣悦琳晨睿婷雪梅海波鹏飞")

func ownerName(r *rand.Rand) string {
	n := string(surnames[r.IntN(len(surnames))]) + string(given[r.IntN(len(given))])
	if r.IntN(2) == 0 {
		n += string(given[r.IntN(len(given))])
	}
	return n
}
