"""Qt translations: pick the language, load the compiled catalogue, route core messages."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from riskdesk import i18n
from riskdesk.paths import resources_dir

SUPPORTED = ("zh_CN", "en")
_CATALOGUES: dict[str, QTranslator] = {}


def catalogue(lang: str) -> i18n.Translator:
    """riskdesk's own catalogue for ``lang`` as a plain function, for reports written in a
    language other than the interface's (no QCoreApplication needed)."""
    chosen = choose_language(lang)
    if chosen not in _CATALOGUES:
        qm = resources_dir() / "i18n" / f"riskdesk_{chosen}.qm"
        t = QTranslator()
        if not t.load(str(qm)):
            raise FileNotFoundError(f"translation catalogue missing: {qm} (run pyside6-lrelease)")
        _CATALOGUES[chosen] = t
    translator = _CATALOGUES[chosen]
    return lambda context, text: translator.translate(context, text) or text


def install_catalogues() -> None:
    i18n.install_catalogues(catalogue)


def choose_language(lang: str | None) -> str:
    if lang:
        return "zh_CN" if lang.lower().replace("-", "_").startswith("zh") else "en"
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translators(app: QCoreApplication, lang: str | None) -> list[QTranslator]:
    """Install riskdesk's and Qt's own catalogues; returns them (tests remove them again)."""
    chosen = choose_language(lang)
    installed: list[QTranslator] = []
    if chosen == "zh_CN":
        qm = resources_dir() / "i18n" / "riskdesk_zh_CN.qm"
        ours = QTranslator(app)
        if not ours.load(str(qm)):
            raise FileNotFoundError(f"translation catalogue missing: {qm} (run pyside6-lrelease)")
        app.installTranslator(ours)
        installed.append(ours)
        qt = QTranslator(app)
        if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    i18n.install(lambda ctx, text: QCoreApplication.translate(ctx, text))
    install_catalogues()
    return installed
