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
	sess := app.NewSession(app.NewConfigStore(app.DataDir()), cat)
	sess.Starting()
	err := wails.Run(&options.App{
		Title:            "家园账本",
		Width:            1280,
		Height:           800,
		MinWidth:         1024,
		MinHeight:        700,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 248, G: 250, B: 252, A: 1},
		OnStartup: func(ctx context.Context) {
			sess.SetRuntime(app.NewWailsRuntime(ctx))
			if err := sess.OpenAtStart(); err != nil {
				log.Printf("no ledger opened at start: %v", err)
			}
		},
		OnShutdown:     func(ctx context.Context) { sess.Close() },
		Bind:           app.Services(sess),
		ErrorFormatter: app.ErrorFormatter(cat),
	})
	if err != nil {
		log.Fatal(err)
	}
}
