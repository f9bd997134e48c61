"""Build resources/fonts/RiskdeskReportSans.ttf, the font every report PDF embeds.

Why a built font: reportlab embeds TrueType outlines only (no CFF OpenType such as Noto CJK)
and draws each string in one font, with no per-glyph fallback. Droid Sans Fallback (Apache 2.0,
Google) covers Chinese but has no Latin letters or digits; Roboto (Apache 2.0, Google; Android
pairs the two) has them. This tool copies Roboto Regular's glyphs for every character Droid
Sans Fallback lacks into it (outlines decomposed, the fallback scaled to Roboto's 2048 units per
em so the Latin outlines stay exact), drops the hinting (a PDF does not use it) and renames the
result, so one embedded font prints every report in Chinese and English (issue 28).

Inputs are Debian bookworm's packages (`apt-get download fonts-droid-fallback
fonts-roboto-unhinted`, then `dpkg-deb -x` each). Run with fontTools installed (a build tool,
not a dependency of riskdesk)::

    python tools/make_report_font.py DroidSansFallback.ttf Roboto-Regular.ttf
"""
from __future__ import annotations

import sys
from pathlib import Path

from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

OUT = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "RiskdeskReportSans.ttf"
FAMILY = "Riskdesk Report Sans"
NOTICE = ("Riskdesk Report Sans: Droid Sans Fallback with the Latin glyphs of Roboto Regular "
          "added and hinting removed by riskdesk (tools/make_report_font.py). "
          "Droid Sans Fallback Copyright 2006-2010 Google Corp.; Roboto Copyright 2015 Google "
          "Inc.; both under the Apache License, Version 2.0.")


def build(cjk_path: Path, latin_path: Path, out: Path = OUT) -> int:
    """Write the merged font; returns the number of glyphs added from the Latin font."""
    cjk, latin = TTFont(cjk_path), TTFont(latin_path)
    scale_upem(cjk, latin["head"].unitsPerEm)
    cmap, latin_cmap = cjk.getBestCmap(), latin.getBestCmap()
    source_glyphs = latin.getGlyphSet()
    glyf, hmtx = cjk["glyf"], cjk["hmtx"]
    vmtx = cjk["vmtx"] if "vmtx" in cjk else None
    em = cjk["head"].unitsPerEm
    added: dict[str, str] = {}  # Latin glyph name -> its name in the merged font
    unicode_tables = [t for t in cjk["cmap"].tables if t.isUnicode()]
    for code, name in sorted(latin_cmap.items()):
        if code in cmap or code < 0x20:
            continue
        new = added.get(name)
        if new is None:
            new = f"latin.{name}"
            recorded = DecomposingRecordingPen(source_glyphs)  # accents drawn in, no components
            source_glyphs[name].draw(recorded)
            pen = TTGlyphPen(None)
            recorded.replay(pen)
            glyph = pen.glyph()
            glyf[new] = glyph
            glyph.recalcBounds(glyf)
            hmtx[new] = (latin["hmtx"][name][0], getattr(glyph, "xMin", 0))
            if vmtx is not None:  # the fallback has vertical metrics: every glyph needs them
                vmtx[new] = (em, 0)
            added[name] = new
        for table in unicode_tables:
            if table.format == 4 and code > 0xFFFF:
                continue
            table.cmap[code] = new
    cjk.setGlyphOrder(list(glyf.glyphOrder))  # glyf appended the new glyphs to its order
    for tag in ("fpgm", "prep", "cvt ", "gasp", "hdmx", "LTSH", "VDMX"):
        if tag in cjk:
            del cjk[tag]
    for name in glyf.keys():
        g = glyf[name]
        if hasattr(g, "program"):
            g.program.fromBytecode(b"")
    names = cjk["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 16, 17, 21, 22):
            names.removeNames(nameID=record.nameID)
    names.setName(FAMILY, 1, 3, 1, 0x409)
    names.setName("Regular", 2, 3, 1, 0x409)
    names.setName(f"{FAMILY} Regular", 3, 3, 1, 0x409)
    names.setName(FAMILY, 4, 3, 1, 0x409)
    names.setName("RiskdeskReportSans", 6, 3, 1, 0x409)
    names.setName(NOTICE, 10, 3, 1, 0x409)
    names.setName("Licensed under the Apache License, Version 2.0", 13, 3, 1, 0x409)
    names.setName("http://www.apache.org/licenses/LICENSE-2.0", 14, 3, 1, 0x409)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    cjk.save(tmp)
    tmp.replace(out)  # atomic: a half-written font never replaces a good one
    return len(added)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    count = build(Path(sys.argv[1]), Path(sys.argv[2]))
    sys.stdout.write(f"{OUT}: {count} Latin glyphs added\n")
