"""Dialogs of the attachments capability (附件)."""
