// Jiayuan Ledger (家园账本): the books of a Shanghai owners' committee. Given a subcommand the
// binary runs headless (see app/cli); otherwise it opens the window. This file only wires.
package main

import (
	"context"
	"embed"
	"log"
	"os"

	"jiayuan/app"
	"jiayuan/app/cli"
	"jiayuan/app/i18n"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
)

//go:embed all:frontend/dist
var assets embed.FS

func main() {
	cat := i18n.MustLoad()
	if cli.IsCommand(os.Args[1:]) {
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr, cat))
	}
	cfg := app.NewConfigStore(app.DataDir())
	sess := app.NewSession(cfg, cat)
	sess.Starting()
	win := app.NewWindowKeeper(cfg) // size and position remembered between runs
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
			if err := sess.OpenAtStartWith(os.Args[1:]); err != nil { // a .jiayuan file given (double-clicked) first
				log.Printf("no ledger opened at start: %v", err)
			}
		},
		OnDomReady:     win.OnDomReady,
		OnBeforeClose:  win.OnBeforeClose,
		OnShutdown:     func(ctx context.Context) { sess.Close() },
		Bind:           app.Services(sess),
		ErrorFormatter: app.ErrorFormatter(cat),
	})
	if err != nil {
		log.Fatal(err)
	}
}
