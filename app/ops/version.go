package ops

// Version and BuildDate are set at build time by scripts/dist.sh:
//
//	-ldflags "-X jiayuan/app/ops.Version=0.1.0 -X jiayuan/app/ops.BuildDate=2025-11-22"
//
// A development build (make build, wails dev, go test) keeps the defaults below.
var (
	Version   = "0.1.0-dev"
	BuildDate = "" // YYYY-MM-DD; empty in a development build
)
