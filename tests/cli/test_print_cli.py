"""``print KIND NUMBER --out FILE.pdf`` as an administrator runs it (the installed command)."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from mediation_desk.documents import KINDS
from mediation_desk.services.printing.document_settings import DocumentSettingsService
from mediation_desk.services.safety.accounts import open_register
from tests.cli.test_cli import CASES, PASSWORD, run, run_json, write_cases
from tests.documents.conftest import unprintable

AGREED = "（2026）湖头人调字第1号"
NO_AGREEMENT = "（2026）湖头人调字第2号"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "register.db"
    run_json(path, "init", "--room", "问房调解室", "--committee", "湖头镇人民调解委员会",
             "--number-prefix", "湖头", "--admin", "admin")
    return path


def _cases() -> list[dict[str, Any]]:
    """test_cli's two cases with what paper needs filled in: every address, the matters in
    dispute and each side's responsibility; the second case has no agreement."""
    cases = copy.deepcopy(CASES)
    cases[0]["parties"][1].update(address="安溪县湖头镇湖二村3组47号", phone="13812345678")
    cases[0]["agreement"].update(issues="屋檐排水与院墙修复费", responsibilities="李明负主要责任")
    cases[1]["parties"][0]["address"] = "安溪县湖头镇湖头社区中山街12号"
    cases[1]["parties"][1]["address"] = "安溪县湖头镇湖头社区中山街1号"
    cases[1]["summary"] = "物业公司停车场收费标准变更，业主王堃认为未经业主大会同意。"
    return cases


def _room_documents(db: Path) -> None:
    """The room's address, phone and court (the notice and the confirmation application
    print them), set as an administrator would from the command line."""
    shown = run_json(db, "settings", "documents", "--address", "安溪县湖头镇湖头街88号",
                     "--phone", "0595-23001234", "--court", "安溪县人民法院")
    assert shown["court"] == "安溪县人民法院" and shown["phone"] == "0595-23001234"
    store, actor = open_register(db, "admin", PASSWORD)
    try:
        assert DocumentSettingsService(store, actor).get().address == "安溪县湖头镇湖头街88号"
    finally:
        store.close()


def test_init_takes_the_document_settings_and_refuses_bad_ones(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    refused = run(path, "init", "--room", "问房调解室", "--committee", "湖头镇人民调解委员会",
                  "--number-prefix", "湖头", "--admin", "admin", "--phone", "12345")
    assert refused.returncode == 1 and "调解室电话" in refused.stderr
    assert not path.exists()  # nothing created
    run_json(path, "init", "--room", "问房调解室", "--committee", "湖头镇人民调解委员会",
             "--number-prefix", "湖头", "--admin", "admin", "--court", "安溪县人民法院")
    assert run_json(path, "settings", "documents")["court"] == "安溪县人民法院"


def test_settings_refuse_a_font_printing_cannot_embed_and_say_why(db: Path,
                                                                  tmp_path: Path) -> None:
    from tests.documents import fontgen

    cff = fontgen.box_font(tmp_path / "NotoSansCJK-Regular.ttc", "Box CFF", cff=True)
    refused = run(db, "settings", "documents", "--font", str(cff))
    assert refused.returncode == 1
    assert "文书字体文件" in refused.stderr and "PostScript（CFF）" in refused.stderr
    assert run_json(db, "settings", "documents")["font_path"] == ""
    song = fontgen.box_font(tmp_path / "song.ttf", "Box Song")
    assert run_json(db, "settings", "documents", "--font", str(song))["font_path"] == str(song)


def _import(db: Path, tmp_path: Path, cases: list[dict[str, Any]] | None = None) -> list[str]:
    created = run_json(db, "import", str(write_cases(tmp_path, cases or _cases())))["created"]
    return [c["number"] for c in created]


def test_print_agreement_writes_the_pdf_and_files_it(db: Path, tmp_path: Path) -> None:
    _import(db, tmp_path)
    _room_documents(db)
    out = tmp_path / "协议书.pdf"
    result = run_json(db, "print", "agreement", AGREED, "--out", str(out))
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert result == {"kind": "agreement", "number": AGREED, "out": str(out),
                      "pages": result["pages"], "sha256": hashlib.sha256(pdf).hexdigest()}
    assert result["pages"] >= 1
    assert not out.with_name(out.name + ".part").exists()

    # Filed back to the case: the saved PDF appears in the audit trail of the case.
    plain = run(db, "print", "dossier", AGREED, "--out", str(tmp_path / "卷宗.pdf"))
    assert plain.returncode == 0, plain.stderr
    assert "已保存" in plain.stdout and (tmp_path / "卷宗.pdf").read_bytes().startswith(b"%PDF")
    assert run(db, "audit", "verify").returncode == 0


def test_unknown_kind_is_a_usage_error_listing_the_kinds(db: Path, tmp_path: Path) -> None:
    _import(db, tmp_path)
    out = tmp_path / "x.pdf"
    result = run(db, "print", "receipt", AGREED, "--out", str(out))
    assert result.returncode == 2
    assert "receipt" in result.stderr and all(kind in result.stderr for kind in KINDS)
    assert not out.exists()


def test_missing_data_exits_1_naming_fields_and_leaves_no_file(db: Path,
                                                              tmp_path: Path) -> None:
    _import(db, tmp_path)
    out = tmp_path / "协议书.pdf"
    result = run(db, "print", "agreement", NO_AGREEMENT, "--out", str(out))
    assert result.returncode == 1
    assert "协议" in result.stderr
    assert not out.exists() and not out.with_name(out.name + ".part").exists()
    assert run(db, "print", "intake", "（2026）湖头人调字第9号", "--out",
               str(out)).returncode == 1
    assert not out.exists()


def test_an_unprintable_character_is_named_and_nothing_is_written(db: Path,
                                                                  tmp_path: Path) -> None:
    char = unprintable()  # a 自造字's code point no font of this machine has (checked)
    case = _cases()[1]
    case["parties"][0]["name"] = "王" + char
    [number] = _import(db, tmp_path, [case])
    out = tmp_path / "登记表.pdf"
    result = run(db, "print", "intake", number, "--out", str(out))
    assert result.returncode == 1, result.stderr
    assert f"无法打印的字符：“{char}”（U+{ord(char):04X}）" in result.stderr
    assert not out.exists() and not out.with_name(out.name + ".part").exists()
    listed = run(db, "--json", "show", number)
    assert json.loads(listed.stdout)["parties"][0]["name"] == "王" + char
