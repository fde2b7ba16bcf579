"""Search as a mediator types it: 2-character names, phrases, pinyin initials, numbers."""

from __future__ import annotations

from datetime import datetime

from mediation_desk.domain.lifecycle import Step
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.drafts import PartyDraft, RecordDraft
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.cases.search import SearchService
from mediation_desk.store.search import bigram_tokens, match_expression, pinyin_initials
from tests.conftest import Register, neighbour_draft


def _fields(results: list) -> set[tuple[str, str]]:
    return {(r.number, r.field) for r in results}


def test_tokens_and_expressions() -> None:
    assert bigram_tokens("张喆与李明") == ["张喆", "喆与", "与李", "李明"]
    assert bigram_tokens("３号Ａ栋") == ["3号", "号a", "a栋"]  # full-width folded
    assert match_expression("邻里纠纷") == '"邻里 里纠 纠纷"'
    assert match_expression("张喆 滴水") == '"张喆" AND "滴水"'
    assert match_expression("宅") is None
    assert "sx" in pinyin_initials("单雄").split() and "dx" in pinyin_initials("单雄").split()


def test_search_by_name_phrase_initials_and_numbers(register: Register) -> None:
    intake = IntakeService(register.store, register.actor)
    first = intake.register(neighbour_draft()).cases[0].number
    other = neighbour_draft(summary="两家因山林界址发生争执。", dispute_type="山林土地纠纷",
                            parties=[PartyDraft(side="applicant", name="王㛃"),
                                     PartyDraft(side="respondent", name="苏堃")])
    second = intake.register(other).cases[0].number
    search = SearchService(register.store, register.actor)
    assert (first, "party") in _fields(search.search("张喆"))
    assert (first, "summary") in _fields(search.search("屋檐滴水"))
    assert (first, "pinyin") in _fields(search.search("zz"))
    assert (second, "party") in _fields(search.search("王㛃"))
    assert (second, "summary") in _fields(search.search("山林界址"))
    # An ID number or phone finds the party, but the snippet never shows it.
    by_id = search.search("11010519491231002X")
    assert (first, "party") in _fields(by_id)
    assert all("1101051949" not in r.snippet for r in by_id)
    assert {r.number for r in search.search("13912345678")} == {first}
    assert search.search("不存在的词语") == []
    assert search.search("   ") == []


def test_one_character_query_scans_names(register: Register) -> None:
    number = IntakeService(register.store, register.actor).register(
        neighbour_draft()).cases[0].number
    results = SearchService(register.store, register.actor).search("喆")
    assert (number, "party") in _fields(results)


def test_snippet_is_around_the_match(register: Register) -> None:
    long_summary = "前言" * 40 + "关键的宅基地滴水问题" + "后记" * 40
    IntakeService(register.store, register.actor).register(
        neighbour_draft(summary=long_summary))
    hit = next(r for r in SearchService(register.store, register.actor).search("宅基地滴水")
           if r.field == "summary")
    assert "宅基地滴水" in hit.snippet
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) < 60


def test_records_and_edits_are_indexed_and_private_notes_hidden(register: Register) -> None:
    case = IntakeService(register.store, register.actor).register(neighbour_draft()).cases[0]
    work = CaseworkService(register.store, register.actor)
    work.take_step(case.case_id, Step.NOTIFY_RIGHTS)
    work.add_record(case.case_id, RecordDraft("investigation", datetime(2026, 11, 3, 10),
                                              body="现场查看排水沟走向"))
    work.add_record(case.case_id, RecordDraft("note", datetime(2026, 11, 3, 11),
                                              body="私下记录：注意排水沟纠纷的历史"))
    search = SearchService(register.store, register.actor)
    assert (case.number, "record") in _fields(search.search("排水沟走向"))
    # The author (admin here) sees their own private note; the index knows its owner.
    assert len([r for r in search.search("排水沟") if r.field == "record"]) == 2


def test_search_by_case_one_row_per_case_with_status_and_best_snippets(register: Register
                                                                       ) -> None:
    """A day of use: 张喆 matched the title, the party, the summary and a record, and the
    list named the case four times without saying whether it was still open (issue 16)."""
    intake = IntakeService(register.store, register.actor)
    first = intake.register(neighbour_draft()).cases[0]
    second = intake.register(neighbour_draft(
        summary="张喆的邻居王㛃反映山林界址不清。", dispute_type="山林土地纠纷",
        parties=[PartyDraft(side="applicant", name="王㛃"),
                 PartyDraft(side="respondent", name="苏堃")])).cases[0]
    work = CaseworkService(register.store, register.actor)
    work.take_step(first.case_id, Step.NOTIFY_RIGHTS)
    work.add_record(first.case_id, RecordDraft("investigation", datetime(2026, 11, 3, 10),
                                               body="询问张喆院墙受损情况"))
    search = SearchService(register.store, register.actor)
    per_field = search.search("张喆")
    assert len([r for r in per_field if r.case_id == first.case_id]) >= 3

    found = search.search_cases("张喆")
    assert [c.case_id for c in found] == [first.case_id, second.case_id]  # newest written first
    top = found[0]
    assert (top.number, top.title) == (first.number, "张喆与李明邻里纠纷")
    assert top.status.value == "investigating" and top.status_label == "调查中"
    assert top.title_marks == ((0, 2),)
    # The party's name before the facts; the title (on the row anyway) never as a snippet;
    # the pinyin of a name that matched itself not repeated.
    assert [s.field for s in top.snippets] == ["party", "summary"]
    assert all(s.label for s in top.snippets)
    party = top.snippets[0]
    assert [party.text[a:b] for a, b in party.marks] == ["张喆"]
    # The other case matched only in its facts: that is its one snippet.
    assert [s.field for s in found[1].snippets] == ["summary"]
    assert found[1].status.value == "registered"

    # Pinyin initials mark the whole name; a full-width query marks the half-width text.
    by_initials = search.search_cases("zz")
    assert [c.case_id for c in by_initials] == [first.case_id]
    pinyin = by_initials[0].snippets[0]
    assert pinyin.field == "pinyin" and pinyin.marks == ((0, len(pinyin.text)),)
    assert search.search_cases("不存在的词语") == [] and search.search_cases("  ") == []
    assert len(search.search_cases("张喆", limit=1)) == 1


def test_marks_fold_width_and_case() -> None:
    from mediation_desk.services.cases.search import marks

    assert marks("３号Ａ栋院墙", "3号a栋") == ((0, 4),)
    assert marks("张喆与李明，张喆", "张喆 李明") == ((0, 2), (3, 5), (6, 8))
    assert marks("无关", "张喆") == ()
