"""Keep Python's cyclic garbage collector off worker threads while a job runs.

Why: the collector runs in whichever thread happens to allocate when a threshold is crossed.
A worker that allocates a lot (rendering a dossier page by page) then collects garbage the GUI
thread left behind — a closed case tab, a dialog kept in a reference cycle by a connected
lambda — and destroys those widgets on the worker thread. Qt answers with "Timers cannot be
stopped from another thread" and a segmentation fault (seen in the 文书 tab's batch print).

So, while any job runs: first collect on the GUI thread, then switch automatic collection off;
when the last job ends, switch it back on and collect once more, again on the GUI thread.
Reference counting still frees everything that is not in a cycle meanwhile.

Call both functions on the GUI thread only: ``ui.workers.run_in_background`` does, for every
job.
"""

from __future__ import annotations

import gc

_holds = 0
_was_enabled = True


def pause_collection() -> None:
    """A job is starting: collect here (GUI thread), then no automatic collection."""
    global _holds, _was_enabled
    if _holds == 0:
        _was_enabled = gc.isenabled()
        gc.collect()
        gc.disable()
    _holds += 1


def resume_collection() -> None:
    """A job has ended (done, failed or cancelled): back to normal after the last one."""
    global _holds
    if _holds == 0:
        return
    _holds -= 1
    if _holds == 0 and _was_enabled:
        gc.enable()
        gc.collect()
