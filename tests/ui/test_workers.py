"""Background work: results arrive on the GUI thread even when the caller drops the job."""

from __future__ import annotations

import gc

from pytestqt.qtbot import QtBot

from ui.workers import Cancelled, run_in_background


def test_result_arrives_when_the_job_is_not_kept(qtbot: QtBot) -> None:
    results: list[object] = []
    run_in_background(None, lambda report: 6 * 7, title="x", on_done=results.append,
                      on_error=results.append)
    gc.collect()
    qtbot.waitUntil(lambda: results == [42], timeout=3000)


def test_errors_and_progress_reach_the_gui(qtbot: QtBot) -> None:
    errors: list[BaseException] = []
    seen: list[int] = []

    def work(report: object) -> None:
        for i in range(3):
            report(i, 3)  # type: ignore[operator]
            seen.append(i)
        raise ValueError("disk says no")

    run_in_background(None, work, title="x", on_done=lambda _r: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert isinstance(errors[0], ValueError) and seen == [0, 1, 2]


def test_cancel_stops_the_job(qtbot: QtBot) -> None:
    errors: list[BaseException] = []
    job = run_in_background(None, lambda report: [report(i, 10**9) for i in range(10**9)],
                            title="x", on_done=lambda _r: None, on_error=errors.append)
    job.cancel_event.set()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], Cancelled)
