"""A commune's bundles that came before its key was confirmed.

Anyone holding a commune's enrolment file can make a bundle that says it comes from that commune,
so the first key the province sees is not trusted on use: the bundle is kept (a copy of the file
under ``incoming/waiting/`` in the data folder, and a ``sync_waiting`` row) and nothing in it is
applied. The province officer calls the commune, which reads its fingerprint from its own screen;
confirming that fingerprint pins the key of the bundles that carry it, and they are then applied in
order (``SyncService.confirm_peer``). Bundles signed by any other key are discarded then, as they are
when the officer rejects them or revokes the commune."""

from __future__ import annotations

import builtins  # the class's own ``list`` method shadows the builtin in its later signatures
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..db import Session
from ..db.models.sync import SecurityEvent, SyncPeer, WaitingBundle
from ..domain.errors import DomainError
from ..domain.text import nfc
from .base import ServiceBase

# Enough for a backlog split in parts; more from one unconfirmed key is someone filling the disk.
MAX_WAITING_PER_PEER = 20


def waiting_dir(data_dir: Path) -> Path:
    return data_dir / "incoming" / "waiting"


def normalise_fingerprint(text: str) -> str:
    """"7kq4 m2xh 9dpa rt3f" or "7KQ4M2XH9DPART3F" as the screens show it: "7KQ4-M2XH-9DPA-RT3F"."""
    symbols = "".join(ch for ch in nfc(str(text or "")).upper() if ch.isascii() and ch.isalnum())
    return "-".join(symbols[i:i + 4] for i in range(0, len(symbols), 4))


@dataclass(frozen=True)
class WaitingView:
    bundle_id: str
    peer_code: str
    seq: int
    fingerprint: str
    file_name: str  # as it was given to the import
    received_at: datetime


@dataclass
class Confirmation:
    """What confirming a fingerprint did: the import reports of the bundles that waited (in order),
    how many bundles signed by another key were discarded, and the ones that could not be applied."""

    fingerprint: str
    applied: list[dict[str, Any]]
    discarded: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason code)


def _view(row: WaitingBundle) -> WaitingView:
    return WaitingView(row.bundle_id, row.peer_code, row.seq, row.fingerprint, row.original_name or row.file_name,
                       row.received_at)


class WaitingBundles(ServiceBase):
    def __init__(self, *args: Any, data_dir: Path, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.folder = waiting_dir(data_dir)

    def path_of(self, file_name: str) -> Path:
        return self.folder / Path(file_name).name

    def held(self, bundle_id: str) -> WaitingView | None:
        with self.db.reader() as session:
            row = session.get(WaitingBundle, bundle_id)
            return _view(row) if row is not None else None

    def list(self, peer_code: str | None = None) -> list[WaitingView]:
        """Waiting bundles, per commune in the order they are applied."""
        with self.db.reader() as session:
            query = session.query(WaitingBundle)
            if peer_code is not None:
                query = query.filter(WaitingBundle.peer_code == peer_code)
            rows = query.order_by(WaitingBundle.peer_code, WaitingBundle.seq, WaitingBundle.received_at).all()
            return [_view(r) for r in rows]

    def hold(self, path: Path, header: Any) -> WaitingView:
        """Keep a verified bundle (header, hash and its own signature checked) from a commune whose
        key is not pinned yet. Holding the same bundle twice keeps one copy."""
        sender = header.sender
        already = self.held(header.bundle_id)
        if already is not None:
            return already
        if len(self.list(sender.code)) >= MAX_WAITING_PER_PEER:
            raise DomainError("BUNDLE_WAITING_FULL", field="file", file=path.name, sender_code=sender.code,
                              sender_name=sender.name)
        name = f"{header.bundle_id}.tdsync"  # the bundle id is a checked UUID: a safe file name
        target = self.folder / name
        self._copy(path, target)
        try:
            with self.db.transaction(self.actor) as session:
                session.add(WaitingBundle(bundle_id=header.bundle_id, peer_code=sender.code, seq=header.seq,
                                          key_id=sender.key_id, fingerprint=sender.fingerprint,
                                          sign_key=sender.sign_key.hex(), box_key=sender.box_key.hex(),
                                          file_name=name, original_name=path.name[:255]))
                peer = session.get(SyncPeer, sender.code)
                if peer is not None and peer.status == "pending":
                    peer.status = "waiting"
                session.add(SecurityEvent(kind="BUNDLE_WAITS_FOR_FINGERPRINT", file_name=path.name[:255],
                                          detail=f"sender_code={sender.code}, fingerprint={sender.fingerprint}"))
        except Exception:
            if self.held(header.bundle_id) is None:  # not another import keeping the same bundle: a real error
                target.unlink(missing_ok=True)
                raise
        held = self.held(header.bundle_id)
        assert held is not None
        return held

    def _copy(self, source: Path, target: Path) -> None:
        """Copy through a temporary name, private to the user, flushed before it takes its name."""
        try:
            src = source.open("rb")
        except OSError as exc:
            raise DomainError("FILE_UNREADABLE", field="file", value=str(source)) from exc
        temp: Path | None = None
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=self.folder, suffix=".part")  # 0600, and unique per import
            temp = Path(name)
            with src, os.fdopen(fd, "wb") as dst:
                shutil.copyfileobj(src, dst, 1024 * 1024)
                dst.flush()
                os.fsync(dst.fileno())
            os.replace(temp, target)
        except OSError as exc:  # a full disk, a read-only data folder
            if temp is not None:
                temp.unlink(missing_ok=True)
            raise DomainError("DATA_DIR_UNWRITABLE", field="file", value=str(self.folder)) from exc
        finally:
            src.close()

    def confirm(self, unit_code: str, fingerprint: str, apply: Callable[[Path, str], dict[str, Any]]) -> Confirmation:
        """Pin the key whose fingerprint the commune read (from its waiting bundles, or the one
        already pinned), discard the bundles signed by any other key, then ``apply`` the matching
        ones in order, each in its own transaction (the import's)."""
        wanted = normalise_fingerprint(fingerprint)
        with self.db.transaction(self.actor) as session:
            peer = session.get(SyncPeer, unit_code)
            if peer is None:
                raise DomainError("PEER_UNKNOWN", field="unit_code", value=unit_code)
            if peer.status == "revoked":
                raise DomainError("PEER_REVOKED", field="unit_code", value=unit_code)
            rows = session.query(WaitingBundle).filter(WaitingBundle.peer_code == unit_code).order_by(
                WaitingBundle.seq, WaitingBundle.received_at).all()
            if not peer.sign_key:
                match = next((r for r in rows if r.fingerprint == wanted), None)
                if match is None and not rows:
                    raise DomainError("PEER_NO_KEYS_YET", field="unit_code", value=unit_code)
                if match is None:
                    raise DomainError("PEER_FINGERPRINT_MISMATCH", field="fingerprint", value=unit_code,
                                      fingerprint=wanted or "—")
                peer.sign_key, peer.box_key, peer.previous_sign_key = match.sign_key, match.box_key, ""
                peer.key_id, peer.fingerprint = match.key_id, match.fingerprint
            elif wanted != peer.fingerprint:
                raise DomainError("PEER_FINGERPRINT_MISMATCH", field="fingerprint", value=unit_code,
                                  fingerprint=wanted or "—")
            peer.status, peer.confirmed_at = "confirmed", datetime.now()
            pinned = peer.fingerprint
            keep = [(r.bundle_id, r.file_name, r.original_name or r.file_name) for r in rows if r.fingerprint == pinned]
            dropped = self.discard(session, [r for r in rows if r.fingerprint != pinned], "BUNDLE_KEY_NOT_CONFIRMED")
        self.remove_files(dropped)
        result = Confirmation(pinned, [], len(dropped))
        for bundle_id, file_name, original in keep:
            path = self.path_of(file_name)
            try:
                if not path.is_file():  # e.g. a database restored without the data folder's copies
                    raise DomainError("FILE_NOT_FOUND", field="file", value=original)
                result.applied.append(apply(path, original))
            except DomainError as exc:
                if not exc.code.startswith("BUNDLE_") and exc.code != "FILE_NOT_FOUND":
                    raise  # e.g. the database is busy: the bundle keeps waiting, confirming again retries
                result.failed.append((original, exc.code))  # it cannot apply (damaged, already in …)
                with self.db.transaction(self.actor) as session:
                    row = session.get(WaitingBundle, bundle_id)
                    if row is not None:
                        session.delete(row)
            self.remove_files([path])
        return result

    def reject(self, unit_code: str) -> int:
        """The fingerprint the commune read matches none of the waiting bundles: discard them all."""
        with self.db.transaction(self.actor) as session:
            peer = session.get(SyncPeer, unit_code)
            if peer is None:
                raise DomainError("PEER_UNKNOWN", field="unit_code", value=unit_code)
            rows = session.query(WaitingBundle).filter(WaitingBundle.peer_code == unit_code).all()
            files = self.discard(session, rows, "BUNDLE_KEY_REJECTED")
            if peer.status == "waiting":
                peer.status = "pending"
        self.remove_files(files)
        return len(files)

    def discard(self, session: Session, rows: builtins.list[WaitingBundle], why: str) -> builtins.list[Path]:
        """Forget waiting bundles in ``session``'s transaction; returns their files, to delete once
        it has committed. Each one is written to the security log (``why`` is its kind)."""
        files = []
        for row in rows:
            session.add(SecurityEvent(kind=why, file_name=(row.original_name or row.file_name)[:255],
                                      detail=f"sender_code={row.peer_code}, fingerprint={row.fingerprint}"))
            files.append(self.path_of(row.file_name))
            session.delete(row)
        return files

    @staticmethod
    def remove_files(files: builtins.list[Path]) -> None:
        for file in files:
            try:
                file.unlink(missing_ok=True)
            except OSError:  # a file the system holds open is left for the next clean-up
                pass
