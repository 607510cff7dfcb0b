"""The provincial chairman's decision (quyết định khen thưởng của Chủ tịch UBND tỉnh) with its list
of recipients, and its certificates (Bằng khen, giấy chứng nhận): the commune's layouts
(decision.py, certificate.py, Decree 30/2020) in the province's heading and signature, from the
wording of ``resources/documents/province-decision.json`` and ``province-certificate.json``.

The heading is the wording's ``body_lines`` ("ỦY BAN NHÂN DÂN" / "TỈNH CAO BẰNG") instead of
the commune's; ``{province_upper}`` and ``{province_prose}`` name the province in the wording
("TỈNH CAO BẰNG", "tỉnh Cao Bằng"), from the office's own name."""

from __future__ import annotations

from dataclasses import replace

from . import certificate, decision
from .certificate import CertificateSet
from .decision import DecisionDoc
from .model import PrintJob, Wording


def province_wording(w: Wording) -> Wording:
    """The wording with the province's heading and names filled in."""
    short = str(w.values.get("unit_short") or w.values.get("unit_title") or "")
    values = {**w.values, "province_upper": f"TỈNH {short}".upper(), "province_prose": f"tỉnh {short}"}
    common = {**w.common, "commune_body_lines": w.doc.get("body_lines", w.common.get("commune_body_lines", [])),
              "parent_body": w.doc.get("parent_body", "")}
    return Wording(common, w.doc, values)


def render_decision(data: DecisionDoc, job: PrintJob) -> bytes:
    return decision.render(data, replace(job, wording=province_wording(job.wording)))


def render_certificates(data: CertificateSet, job: PrintJob) -> bytes:
    return certificate.render(data, replace(job, wording=province_wording(job.wording)))
