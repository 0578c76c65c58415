"""The `cellbook` command line: make a demo book, inspect, check and search books,
install rule files, and start the desktop app.

Modules here import only the standard library and `desktop.i18n` at the top;
everything heavier is imported inside the command that needs it, so that
`cellbook --help` stays fast on old machines.
"""
