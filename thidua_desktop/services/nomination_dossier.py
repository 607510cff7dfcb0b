"""The dossier of a nomination: its checklist items with their attached files, and the province's
feedback on it (verdict, reason, checklist notes). Mixed into NominationService."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..db import Database
from ..db.models import Nomination
from ..db.repositories import nominations as repo
from ..db.repositories.common import get_live
from ..domain.errors import NotFoundError, ValidationError
from ..domain.text import clean_text
from .attachments import AttachmentStore, clean_file_name
from .nomination_views import DocumentView, ProvinceReview, ReviewNote, review_notes

if TYPE_CHECKING:
    from ..rules.catalog import Catalog


class DossierMixin:
    # Set by ServiceBase.__init__ and NominationService.__init__; declared for the type checker.
    db: Database
    actor: str
    attachments: AttachmentStore | None

    if TYPE_CHECKING:
        @property
        def catalog(self) -> Catalog: ...

    def _store(self, path: Path, store: AttachmentStore | None) -> tuple[Path, tuple[str, int, str]]:
        target = store or self.attachments
        if target is None:
            raise ValidationError("ATTACHMENTS_UNAVAILABLE", field="file")
        return path, target.put_file(path)

    def attach_document(self, nomination_id: str, item_code: str, path: str | Path,
                        store: AttachmentStore | None = None) -> str:
        """Store a file and link it to a dossier item (which counts as provided), in one transaction."""
        stored_path, (sha, size, mime) = self._store(Path(path), store)
        with self.db.transaction(self.actor) as session:
            get_live(session, Nomination, nomination_id, field="nomination")
            doc = repo.document(session, nomination_id, clean_text(item_code))
            if doc is None:
                raise ValidationError("DOSSIER_ITEM_UNKNOWN", field="documents", value=item_code)
            return repo.link_attachment(session, doc, clean_file_name(stored_path.name), sha, size, mime)

    def set_document_provided(self, nomination_id: str, item_code: str, provided: bool) -> None:
        with self.db.transaction(self.actor) as session:
            get_live(session, Nomination, nomination_id, field="nomination")
            doc = repo.document(session, nomination_id, clean_text(item_code))
            if doc is None:
                raise ValidationError("DOSSIER_ITEM_UNKNOWN", field="documents", value=item_code)
            doc.provided = bool(provided)

    def documents(self, nomination_id: str) -> list[DocumentView]:
        """The dossier checklist in the catalog's order, with the names of attached files."""
        with self.db.reader() as session:
            nomination = get_live(session, Nomination, nomination_id, field="nomination")
            rows = {d.item_code: d for d in repo.documents(session, nomination_id)}
            out = []
            for item in self.catalog.award(nomination.award_code).dossier:
                doc = rows.get(item.code)
                files = repo.attachment_names(session, doc.id) if doc else []
                out.append(DocumentView(item.code, item.name_vi, item.name_en, item.required,
                                        bool(doc and doc.provided), files))
            return out

    # The province's feedback ---------------------------------------------------------------
    def province_review(self, nomination_id: str) -> ProvinceReview | None:
        """The province's latest verdict (approved, returned, rejected) on the dossier, with its
        reason and checklist notes: they travel with the review row in the province's bundle
        (NominationReview.checklist, migration 0016). None before any verdict."""
        with self.db.reader() as session:
            nomination = get_live(session, Nomination, nomination_id, field="nomination")
            review = repo.latest_verdict(session, nomination.id)
            if review is None:
                return None
            changed = (nomination.origin_epoch, nomination.version) > (review.reviewed_epoch, review.reviewed_version)
            return ProvinceReview(review.status, review.reason, review.reviewed_at, changed,
                                  self._review_notes(nomination.award_code, review.checklist or []))

    def _review_notes(self, award_code: str, checklist: list[object]) -> list[ReviewNote]:
        try:
            names = {i.code: (i.name_vi, i.name_en) for i in self.catalog.award(award_code).dossier}
        except NotFoundError:
            names = {}  # an award this office's catalog lacks: the item codes still tell
        return review_notes(names, checklist)
