"""Reading a font file's faces, names and outlines from its tables, and ranking faces.

The files are generated for the test (fontgen); an installed face is read too when present,
to show the reader works on real collections (skipped elsewhere).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mediation_desk.documents.font_files import (
    FaceInfo,
    FontFileError,
    best_face,
    blank_glyphs,
    face_rank,
    read_faces,
)
from mediation_desk.documents.fonts import bundled_font
from tests.documents import fontgen

UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")


def test_a_single_truetype_font(tmp_path: Path) -> None:
    path = fontgen.box_font(tmp_path / "song.ttf", "Box Song", local_family="盒宋")
    [face] = read_faces(str(path))
    assert face == FaceInfo(0, "Box Song", "Regular", "truetype", ("Box Song", "盒宋"), 0)
    assert face.embeddable


def test_a_collection_lists_every_face_in_order(tmp_path: Path) -> None:
    a = fontgen.box_font(tmp_path / "a.ttf", "NSimSun", local_family="新宋体")
    b = fontgen.box_font(tmp_path / "b.ttf", "SimSun", local_family="宋体")
    faces = read_faces(str(fontgen.collection(tmp_path / "simsun.ttc", [a, b])))
    assert [(f.index, f.family) for f in faces] == [(0, "NSimSun"), (1, "SimSun")]
    assert best_face(faces) == faces[1]  # SimSun: NSimSun's Latin is fixed-width


def test_cff_outlines_and_licences_are_not_embeddable(tmp_path: Path) -> None:
    [cff] = read_faces(str(fontgen.box_font(tmp_path / "c.otf", "Box CFF", cff=True)))
    assert cff.outlines == "cff" and not cff.embeddable
    [locked] = read_faces(str(fontgen.box_font(tmp_path / "r.ttf", "Locked", fs_type=2)))
    assert locked.licence_forbids_embedding and not locked.embeddable
    [bitmap] = read_faces(str(fontgen.box_font(tmp_path / "b.ttf", "Bitmap", fs_type=0x200)))
    assert not bitmap.embeddable
    [editable] = read_faces(str(fontgen.box_font(tmp_path / "e.ttf", "Edit", fs_type=8)))
    assert editable.embeddable  # "editable embedding", as SimSun ships
    assert best_face([cff, locked]) is None


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "字体文件已损坏"),
    (b"ttcf\x00\x01\x00\x00\x00\x00\x00\x00", "字体集文件已损坏"),
    (b"ttcf\x00\x01\x00\x00\x00\x00\x00\x02\x00\x00\x00\x10", "字体文件已损坏"),
    (b"\x00\x01\x00\x00\x00\x05", "字体文件已损坏"),
    (b"PK\x03\x04 a zip file, not a font", "不是 TrueType 或 OpenType 字体文件"),
])
def test_broken_files_are_refused_with_a_reason(tmp_path: Path, content: bytes,
                                                reason: str) -> None:
    path = tmp_path / "broken.ttf"
    path.write_bytes(content)
    with pytest.raises(FontFileError) as err:
        read_faces(str(path))
    assert err.value.reason == reason


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FontFileError, match="字体文件不存在"):
        read_faces(str(tmp_path / "none.ttc"))
    with pytest.raises(FontFileError, match="文件夹"):
        read_faces(str(tmp_path))


def test_the_bundled_font_reads_as_lxgw_wenkai() -> None:
    [face] = read_faces(bundled_font().path)
    assert face.family == "LXGW WenKai" and "霞鹜文楷" in face.names and face.embeddable


@pytest.mark.skipif(not UMING.is_file(), reason="fonts-arphic-uming is not installed")
def test_ar_pl_uming_collection_picks_the_cn_face() -> None:
    faces = read_faces(str(UMING))
    assert [f.family for f in faces][:3] == ["AR PL UMing CN", "AR PL UMing HK",
                                              "AR PL UMing TW"]
    assert best_face(faces) == faces[0]


def test_ranking_fangsong_song_kai_then_the_rest_per_role() -> None:
    families = ["Noto Sans CJK SC", "LXGW WenKai", "AR PL UMing CN", "FangSong", "SimHei"]
    body = sorted(families, key=lambda f: face_rank([f], "Regular", "body"))
    assert body[:3] == ["FangSong", "AR PL UMing CN", "LXGW WenKai"]
    title = sorted(families, key=lambda f: face_rank([f], "Regular", "title"))
    assert title[:2] == ["AR PL UMing CN", "FangSong"]
    assert face_rank(["仿宋"], "Regular") < face_rank(["宋体"], "Regular")  # by Chinese name


def test_ranking_variant_and_weight_within_a_family() -> None:
    def rank(name: str, style: str = "Regular") -> tuple[int, int, int]:
        return face_rank([name], style)

    assert rank("AR PL UMing CN") < rank("AR PL UMing TW") == rank("AR PL UMing TW MBE")
    assert rank("SimSun") < rank("NSimSun") and rank("宋体") < rank("新宋体")
    assert rank("WenQuanYi Zen Hei") < rank("WenQuanYi Zen Hei Mono")
    assert rank("WenQuanYi Zen Hei") < rank("WenQuanYi Zen Hei Sharp")
    assert rank("LXGW WenKai") < rank("LXGW WenKai", "Light") < rank("LXGW WenKai", "Bold")
    assert rank("LXGW WenKai", "Book") == rank("LXGW WenKai", "Regular")


def test_blank_glyphs_are_found_from_loca(tmp_path: Path) -> None:
    path = fontgen.box_font(tmp_path / "hollow.ttf", "Hollow", "王张", blank="䶮")
    # glyph order: .notdef, space, 王, 张, 䶮 — space and 䶮 draw nothing
    assert blank_glyphs(str(path)) == {1, 4}
    cff = fontgen.box_font(tmp_path / "c.otf", "Box CFF", cff=True)
    assert blank_glyphs(str(cff)) == frozenset()
    ttc = fontgen.collection(tmp_path / "two.ttc", [fontgen.box_font(
        tmp_path / "full.ttf", "Full", "王"), path])
    assert blank_glyphs(str(ttc), 0) == {1} and blank_glyphs(str(ttc), 1) == {1, 4}
