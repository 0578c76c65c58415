"""The mailbox server (`cellbook hub serve`): it keeps encrypted bundles for the
books registered with it until their recipients fetch them. It cannot read
them: bundles are signed and encrypted from book to book.

Needs the optional `hub` dependencies (FastAPI and uvicorn). The desktop app
itself talks to a hub with the standard library
(`desktop.services.sync.hub_client`) and never imports this package.
"""
