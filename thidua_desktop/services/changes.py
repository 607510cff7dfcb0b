"""What an action changed, in a few coarse kinds: the screens that show a kind refresh when an
action anywhere in the window changed it (``ui.ops`` announces them; the main window passes them on).

A kind names what a screen shows, not a table: a person's award history is RECORDS because the
reports count it, whatever table holds it. A service method that returns nothing else returns the
kinds it changed (``SettingsService.save_parameters``); otherwise the operation that calls it
declares them. Announcing a kind too many costs a refresh; one too few leaves a screen stale."""

from __future__ import annotations

from enum import Flag, auto


class Change(Flag):
    NONE = 0
    PEOPLE = auto()  # the register of people
    COLLECTIVES = auto()  # collectives and households
    RECORDS = auto()  # award history, yearly ratings, initiatives, discipline, open matters
    MOVEMENTS = auto()  # emulation movements, activities, advanced examples
    NOMINATIONS = auto()  # batches and nominations, their dossiers and statuses
    COUNCIL = auto()  # council meetings and votes
    DECISIONS = auto()  # commendation decisions (they add award records too)
    CATALOG = auto()  # the award catalog in force (a newer catalog, or the office's own values)
    SETTINGS = auto()  # the office's own values: thresholds, quotas, base salary
    OFFICE = auto()  # the office itself: its villages, officer, officials, documents
    # The exchange itself: bundles sent and received, peers and their keys, conflicts. The data a bundle
    # brings is announced under its own kinds (an import announces ALL), not as SYNC.
    SYNC = auto()
    FUND = auto()  # the reward fund's income (its payments are the decisions: DECISIONS)
    ALL = (PEOPLE | COLLECTIVES | RECORDS | MOVEMENTS | NOMINATIONS | COUNCIL | DECISIONS | CATALOG | SETTINGS
           | OFFICE | SYNC | FUND)
