"""A CJK font reportlab can embed, found on this machine; else the built-in CID font.

reportlab embeds TrueType outlines (``.ttf``, and TrueType collections with a sub-font index);
CFF-based OpenType (Noto CJK ``.otf``/``.ttc``) it cannot, so those are not on the list.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

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
    for path in ((extra,) if extra else ()) + CANDIDATES:
        if not Path(path).is_file():
            continue
        try:
            pdfmetrics.registerFont(TTFont("RiskdeskCJK", path, subfontIndex=0))
        except (TTFError, OSError):
            continue
        return ReportFont("RiskdeskCJK", True, path)
    pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return ReportFont(CID_FALLBACK, False, "reportlab CID font")
