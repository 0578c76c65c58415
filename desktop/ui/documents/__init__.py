"""The documents of the Documents page: the month's list with its preview,
printing, saving, writing a whole month into a folder, and the worker thread
that builds them."""
