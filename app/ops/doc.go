// Package ops holds what the window (the bound services in app) and the command line
// (app/cli) both do, once: finding a unit or a building from what a person types, the report
// export pipeline, the status of the books, the config both read, the build's version.
// Arrows point down only: app and app/cli → ops → store; ops imports neither front end.
package ops
