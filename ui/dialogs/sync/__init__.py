"""Dialogs of laptop sync: the exchange (同步), the conflicts side by side, enrolment."""
