"""The Sync page's parts: its sections and dialogs, the work it runs off the
UI thread, and the outbox that talks to the hub in the background."""
