// Jiayuan Ledger (家园账本): the books of a Shanghai owners' committee. Given a subcommand the
// binary runs headless (see app/cli), except on Windows, where the console program
// jiayuan-cli.exe does (cmd/jiayuan-cli); otherwise it opens the window. This file only wires.
package main

import (
	"context"
	"embed"
	"log"
	"os"

	"jiayuan/app"
	"jiayuan/app/cli"
	"jiayuan/app/i18n"
	"jiayuan/app/ops"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
)

//go:embed all:frontend/dist
var assets embed.FS

// The window's icon on Linux (Windows takes it from the .exe's resources).
//
//go:embed build/appicon.png
var icon []byte

func main() {
	cat := i18n.MustLoad()
	if cli.IsCommand(os.Args[1:]) {
		os.Exit(commandLine(os.Args[1:], cat)) // on Windows: use jiayuan-cli.exe (gui_command_windows.go)
	}
	cfg := ops.NewConfigStore(ops.DataDir())
	sess := app.NewSession(cfg, cat)
	sess.Starting()
	instance := app.InstanceID(ops.DataDir())
	second := app.OtherInstanceRunning(instance) // then Wails hands over to that window and exits
	win := app.NewWindowKeeper(cfg)              // size and position remembered between runs
	width, height := win.Size()
	err := wails.Run(&options.App{
		Title:            "家园账本",
		Width:            width,
		Height:           height,
		MinWidth:         app.WindowMinWidth,
		MinHeight:        app.WindowMinHeight,
		StartHidden:      true, // shown by win.OnDomReady, in place: no white flash
		WindowStartState: win.StartState(),
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 248, G: 250, B: 252, A: 1},
		OnStartup: func(ctx context.Context) {
			win.OnStartup(ctx)
			sess.SetRuntime(app.NewWailsRuntime(ctx))
			if second {
				sess.OpenNothing()
			} else if err := sess.OpenAtStartWith(os.Args[1:]); err != nil { // a .jiayuan file given (double-clicked) first
				log.Printf("no ledger opened at start: %v", err)
			}
		},
		// One window per user: a second launch (a .jiayuan file double-clicked while the app
		// runs) hands its file to this window and exits, instead of a second writer.
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId: instance,
			OnSecondInstanceLaunch: func(d options.SecondInstanceData) {
				sess.SecondLaunch(d.Args, d.WorkingDirectory)
			},
		},
		OnDomReady:     win.OnDomReady,
		OnBeforeClose:  win.OnBeforeClose,
		OnShutdown:     func(ctx context.Context) { sess.Close() },
		Bind:           app.Services(sess),
		ErrorFormatter: app.ErrorFormatter(cat),
		Linux:          &linux.Options{Icon: icon, ProgramName: "jiayuan"},
	})
	if err != nil {
		log.Fatal(err)
	}
}
