"""Domain services: plain Python on top of `desktop.data`.

The UI, the command line, the exports, the tests and the benchmarks all go
through these. Nothing here imports Qt.
"""
