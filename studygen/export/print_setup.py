"""What PDF rendering needs from the machine, and what keeps its bytes the same on every machine.

WeasyPrint draws with Pango (a system library) and the fonts fontconfig finds. It embeds
a subset of each font, made with HarfBuzz when Debian's `libharfbuzz-subset0` is there
and with fontTools when it is not: the two write different bytes, and fontTools stamps
the subset with the current time. So studygen always subsets with fontTools, under a fixed
time (SOURCE_DATE_EPOCH when set), and the same lesson gives the same PDF bytes whether or
not HarfBuzz's subsetter is installed.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from types import ModuleType

from ..files import source_date_epoch
from . import MissingSystemPackage

DEBIAN_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"
INSTALL_HINT = (
    f"on Debian or Ubuntu: sudo apt-get install {DEBIAN_PACKAGES}; elsewhere see "
    "https://doc.courtbouillon.org/weasyprint/stable/first_steps.html"
)
FONTS = ("DejaVu Serif", "DejaVu Sans")  # the worksheet's style sheet names them
FIXED_EPOCH = 315_532_800  # 1980-01-01: the font time stamp when SOURCE_DATE_EPOCH is unset


def load_weasyprint() -> ModuleType:
    """WeasyPrint, set to subset fonts one way on every machine; a clear error without Pango."""
    try:
        import weasyprint
        from weasyprint.pdf import fonts
    except OSError as exc:  # "cannot load library 'libgobject-2.0-0' ..."
        first = str(exc).split(":", 1)[0]
        raise MissingSystemPackage(
            f"worksheet PDFs need Pango, which this machine lacks ({first}); install it, {INSTALL_HINT}"
        ) from None
    fonts.harfbuzz_subset = None  # fontTools, as on a machine without libharfbuzz-subset0
    return weasyprint


def check_fonts() -> None:
    """Stop with the package to install when a font the worksheets name is missing, rather than
    print with whatever fontconfig substitutes (other metrics, other pages, other bytes)."""
    from weasyprint.text.ffi import ffi, fontconfig

    missing = []
    for family in FONTS:
        pattern = fontconfig.FcPatternCreate()
        fontconfig.FcPatternAddString(pattern, b"family", family.encode())
        fontconfig.FcConfigSubstitute(ffi.NULL, pattern, fontconfig.FcMatchPattern)
        fontconfig.FcDefaultSubstitute(pattern)
        result = ffi.new("FcResult *")
        match = fontconfig.FcFontMatch(ffi.NULL, pattern, result)
        found = ""
        if match != ffi.NULL:
            name = ffi.new("FcChar8 **")
            if fontconfig.FcPatternGetString(match, b"family", 0, name) == fontconfig.FcResultMatch:
                found = ffi.string(name[0]).decode("utf-8", "replace")
            fontconfig.FcPatternDestroy(match)
        fontconfig.FcPatternDestroy(pattern)
        if found != family:
            missing.append(family)
    if missing:
        fonts = " and ".join(missing)
        raise MissingSystemPackage(f"worksheet PDFs need the fonts {fonts}; install them, {INSTALL_HINT}")


@contextlib.contextmanager
def fixed_font_times() -> Iterator[None]:
    """SOURCE_DATE_EPOCH set while rendering: fontTools dates font subsets with it (and fails on a
    value that is not a number, such as an empty one, which is taken as unset)."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    if source_date_epoch() is None:
        os.environ["SOURCE_DATE_EPOCH"] = str(FIXED_EPOCH)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
