"""Dialogs that add records; each saves through a service and shows the
service's validation messages next to the fields."""
