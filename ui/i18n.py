"""Translations: English source strings, Chinese on screen (Qt Linguist flow).

Why English sources with explicit contexts: ``pyside6-lupdate`` extracts every
``translate("Context", "text")`` call into ``resources/i18n/mediation_desk_zh_CN.ts``; the
compiled ``.qm`` is loaded at start, together with Qt's own ``qtbase_zh_CN.qm`` so that
standard buttons (OK, Cancel) are Chinese too. A test fails on any unfinished entry.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mediation_desk.paths import resources_dir

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

LANGUAGE = "zh_CN"


def qm_path() -> str:
    return str(resources_dir() / "i18n" / f"mediation_desk_{LANGUAGE}.qm")


def install_translators(app: QCoreApplication) -> list[QTranslator]:
    """Load Qt's and our Chinese translations; returns them (keep them alive)."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{LANGUAGE}", qt_dir),):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("Qt translation %s not found in %s", name, folder)
    ours = QTranslator(app)
    if ours.load(qm_path()):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("translation file %s missing: run scripts/i18n.sh", qm_path())
    return installed
