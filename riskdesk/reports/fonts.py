"""The font every report embeds: the one shipped in resources/fonts, so an archived PDF renders
the same anywhere (issue 28); else a CJK font reportlab can embed found on this machine; else
the built-in CID font (not embedded: a broken install only).

reportlab embeds TrueType outlines (``.ttf``, and TrueType collections with a sub-font index);
CFF-based OpenType (Noto CJK ``.otf``/``.ttc``) it cannot, so those are not on the list.
``RISKDESK_REPORT_FONT`` names a bank's own TrueType font, tried before all of them.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from riskdesk.paths import resources_dir

BUNDLED = "fonts/RiskdeskReportSans.ttf"  # Droid Sans Fallback + Roboto, Apache 2.0

CANDIDATES = (
    # Windows
    "C:/Windows/Fonts/simsun.ttc", "C:/Windows/Fonts/msyh.ttc", "C:/Windows/Fonts/simhei.ttf",
    # Linux (Debian's fonts-wqy-zenhei, fonts-arphic-uming)
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    # macOS
    "/System/Library/Fonts/STHeiti Medium.ttc", "/Library/Fonts/Arial Unicode.ttf",
)
CID_FALLBACK = "STSong-Light"


@dataclass(frozen=True)
class ReportFont:
    name: str
    embedded: bool  # a TrueType font embedded in the PDF, or the CID fallback
    source: str


@functools.lru_cache(maxsize=1)
def cjk_font() -> ReportFont:
    extra = os.environ.get("RISKDESK_REPORT_FONT")  # a bank's own font file
    bundled = _bundled()
    for path in ((extra,) if extra else ()) + ((bundled,) if bundled else ()) + CANDIDATES:
        if not Path(path).is_file():
            continue
        try:
            pdfmetrics.registerFont(TTFont("RiskdeskCJK", path, subfontIndex=0))
        except (TTFError, OSError):
            continue
        return ReportFont("RiskdeskCJK", True, path)
    pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return ReportFont(CID_FALLBACK, False, "reportlab CID font")


def _bundled() -> str | None:
    try:
        path = resources_dir() / BUNDLED
    except FileNotFoundError:
        return None
    return str(path) if path.is_file() else None
