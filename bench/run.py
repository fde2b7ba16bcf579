"""Mediation Desk's performance figures against architecture.md §10, each beside a naive
baseline measured in the same run (so the ratio means something on a noisy machine).

    python bench/run.py --cases 100000            # a readable table
    python bench/run.py --cases 100000 --json     # {"cases": N, "metrics": [...]}
    python bench/run.py --cases 100000 --db /tmp/bench.db   # keep (or reuse) the register

A temporary encrypted register is created and filled with demo cases (the seeding time goes
to stderr), then a fresh process opens it and measures, so nothing of the seeding (Python's
heap, SQLite's cache) flatters the figures. Every timing is one warm-up run, then the median
of several. See bench/README.md for what each figure means.

startup_ms is measured on a register of 10,000 cases (seeded separately when --cases is not
10,000): a new process is started and timed until the main window has been built, shown and
painted with the register and 工作台 loaded; the password's key derivation is timed inside
and taken out (it is reported as kdf_ms). Its baseline is a bare PySide6 window started the
same way.

attachment_file_ms files a 20 MB scan (hashed, streamed into the encrypted register in 1 MB
chunks, audited) in a fresh process and register; attachment_peak_mb is the peak memory growth
while doing it. Both beside the naive way: the file read whole and inserted as one blob.

agreement_pdf_ms is the median of AGREEMENT_RUNS renders of a two-page written agreement of a
demo case (PrintingService.render: the case read, the PDF built, its pages counted and hashed),
warm; its baseline is the first, cold render of the same case in a new process (font files
opened and registered with reportlab).

sync_export_ms, sync_import_ms and sync_bytes_per_change: a patrol laptop enrolled from a copy
of the register makes SYNC_CHANGES changes through the services, exports them, and a copy of
the desk imports them; the baseline is copying the whole register (bench/sync_bench.py).

monthly_report_ms is the median time to compute every figure of the report (contract.md's
definitions, StatisticsService.figures) for the last complete month the register holds;
yearly_report_ms the same for that month's whole year. Their baseline is the naive way: every
case, agreement, term, visit and finding loaded into Python and counted in a loop.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing

USER = "bench"
PASSWORD = "bench-password-1"  # a synthetic register; the password only has to be known
PAGE = 100
#: 2- to 6-character queries as mediators type them: two-character names, pinyin initials,
#: words and phrases of summaries and records. Fixed, so runs can be compared.
QUERIES = ("李明", "陈华", "林美", "lm", "czq", "围墙", "赡养费", "宅基地", "屋檐滴水",
           "拖欠工资", "铁观音茶树", "安溪县湖头镇")
#: Budgets from architecture.md §10 (None: reported, no budget).
BUDGETS: dict[str, float | None] = {
    "startup_ms": 1000, "kdf_ms": None, "register_open_ms": 150, "search_ms": 20,
    "rss_mb": 250, "agreement_pdf_ms": 100, "attachment_file_ms": 1000,
    "attachment_peak_mb": 40, "monthly_report_ms": 500, "yearly_report_ms": 1000,
    "sync_export_ms": 2000, "sync_import_ms": 5000, "sync_bytes_per_change": None,
}
#: The scan filed by attachment_file_ms, and how often (each run a different file: a file
#: already stored is only recorded again, which would flatter the figure).
SCAN_MB = 20
ATTACH_RUNS = 3
AGREEMENT_RUNS = 20
#: Written agreements tried when looking for one that prints on two pages.
AGREEMENT_CANDIDATES = 400
STARTUP_CASES = 10_000
STARTUP_RUNS = 5

# A child process that starts the real window on a register and says when it is painted.
WINDOW_CHILD = """
import sys
sys.path.insert(0, {root!r})
from ui.app import make_application
from mediation_desk.services.safety.accounts import open_register
from ui.context import AppContext
from ui.main_window import MainWindow
app = make_application(sys.argv[:1])
store, actor = open_register({db!r}, {user!r}, {password!r})
window = MainWindow(AppContext.build(store, actor))
window.show()
app.processEvents()
window.grab()
print("painted", flush=True)
store.close()
"""
BARE_CHILD = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1366, 768)
window.show()
app.processEvents()
window.grab()
print("painted", flush=True)
"""


def median_ms(fn: Callable[[], object], repeat: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def rss_mb() -> float:
    """This process's resident memory now (Linux), else its peak (other Unix systems)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, AttributeError):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def metric(name: str, value: float, unit: str, baseline: float | None) -> dict[str, Any]:
    digits = 1 if unit == "MB" else 2
    return {"name": name, "value": round(value, digits), "unit": unit,
            "baseline": None if baseline is None else round(baseline, digits),
            "budget": BUDGETS[name]}


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# -- seeding (parent process) ---------------------------------------------------------------
def seed(db: Path, cases: int, seed_value: int) -> float:
    from mediation_desk.services.demo.fill import fill_demo
    from mediation_desk.services.safety.accounts import RoomSettings, create_register

    room = RoomSettings("问房调解室", "湖头镇人民调解委员会", "湖头")
    store, actor, _ = create_register(db, room, USER, PASSWORD, encrypted=True)
    start = time.perf_counter()
    step = max(1, cases // 20)

    def progress(done: int, total: int) -> None:
        if done % step < 250 or done == total:
            elapsed = time.perf_counter() - start
            say(f"  seeded {done}/{total} cases, {elapsed:.0f} s")

    try:
        # A throwaway register: batch by batch, so the WAL does not grow as large as the
        # register (one transaction would, ~2.7 GB at 100,000 cases).
        fill_demo(store, actor, cases=cases, seed=seed_value, progress=progress,
                  all_or_nothing=False)
    finally:
        store.close()
    seconds = time.perf_counter() - start
    say(f"seeding: {cases} cases in {seconds:.1f} s ({cases / max(seconds, 1e-9):.0f} cases/s)")
    return seconds


def kdf_metric(repeat: int) -> dict[str, Any]:
    """The deliberate cost of a password: argon2id as the key slots use it, beside
    PBKDF2-HMAC-SHA256 at OWASP's 600,000 iterations."""
    from mediation_desk.store.keys import KdfParams

    secret, salt = PASSWORD.encode(), os.urandom(16)
    value = median_ms(lambda: KdfParams().derive(secret, salt), repeat)
    baseline = median_ms(lambda: hashlib.pbkdf2_hmac("sha256", secret, salt, 600_000), repeat)
    return metric("kdf_ms", value, "ms", baseline)


# A child process that renders one agreement once, cold: the first build of the process.
COLD_AGREEMENT_CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from mediation_desk.services.safety.accounts import open_register
from mediation_desk.services.printing.service import PrintingService
store, actor = open_register({db!r}, {user!r}, {password!r})
service = PrintingService(store, actor)
began = time.perf_counter()
service.render({case_id!r}, "agreement")
print((time.perf_counter() - began) * 1000, flush=True)
store.close()
"""


# -- measuring (fresh child process) --------------------------------------------------------
def two_page_agreement(store: Any, actor: Any) -> tuple[str, int]:
    """A demo case whose written agreement prints on two pages (else the longest found)."""
    from mediation_desk.services.printing.service import PrintingService
    from mediation_desk.store.models import Agreement, Case

    service = PrintingService(store, actor)
    query = (Agreement.select(Agreement.case).join(Case)
             .where(Agreement.form == "written", Agreement.deleted_at.is_null())
             .order_by(Case.received_on.desc()).limit(AGREEMENT_CANDIDATES))
    best: tuple[str, int] = ("", 0)
    for row in query:
        pages = service.render(row.case_id, "agreement").pages
        if pages == 2:
            return row.case_id, pages
        if pages > best[1]:
            best = (row.case_id, pages)
    if not best[0]:
        raise RuntimeError("the register holds no written agreement to render")
    return best


def agreement_metric(db: Path, store: Any, actor: Any, repeat: int,
                     details: bool) -> dict[str, Any]:
    from mediation_desk.services.printing.service import PrintingService

    case_id, pages = two_page_agreement(store, actor)
    service = PrintingService(store, actor)
    warm = median_ms(lambda: service.render(case_id, "agreement"), repeat)
    code = COLD_AGREEMENT_CHILD.format(root=str(ROOT), db=str(db), user=USER,
                                       password=PASSWORD, case_id=case_id)
    cold = float(subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE,
                                check=True, text=True).stdout.strip().splitlines()[-1])
    if details or pages != 2:
        say(f"  agreement: {pages} page(s), warm {warm:.1f} ms, cold first build {cold:.0f} ms")
    return metric("agreement_pdf_ms", warm, "ms", cold)


def naive_report(start: Any, end: Any) -> dict[str, int]:
    """The report's main figures the naive way: every row loaded, counted in Python."""
    from mediation_desk.store.models import Agreement, AgreementTerm, Case, Finding, PatrolVisit

    def inside(day: Any) -> bool:
        return day is not None and start <= day <= end

    cases = {c.id: c for c in Case.select() if c.deleted_at is None}
    amounts: dict[str, int] = {}
    for t in AgreementTerm.select():
        if t.deleted_at is None and t.amount_fen:
            amounts[t.agreement_id] = amounts.get(t.agreement_id, 0) + t.amount_fen
    out = {"received": 0, "succeeded": 0, "terminated": 0, "amount": 0, "people": 0,
           "visits": 0, "findings": 0}
    for c in cases.values():
        if inside(c.received_on):
            out["received"] += 1
            out["people"] += c.people_involved or 0
        if c.outcome == "terminated" and inside(c.terminated_on):
            out["terminated"] += 1
    for a in Agreement.select():
        if a.deleted_at is None and a.case_id in cases and inside(a.reached_on):
            out["succeeded"] += 1
            out["amount"] += amounts.get(a.id, 0)
    visits = {v.id: v for v in PatrolVisit.select() if v.deleted_at is None}
    out["visits"] = sum(1 for v in visits.values() if inside(v.on))
    out["findings"] = sum(1 for f in Finding.select() if f.deleted_at is None
                          and f.visit_id in visits and inside(visits[f.visit_id].on))
    return out


def report_metrics(store: Any, actor: Any, repeat: int, baseline_repeat: int,
                   details: bool) -> list[dict[str, Any]]:
    """monthly_report_ms and yearly_report_ms: the last complete month in the register and
    its year, every figure by SQL aggregation, beside the naive loop."""
    from mediation_desk.domain.periods import Period
    from mediation_desk.services.statistics.service import StatisticsService
    from mediation_desk.store.models import Case

    latest = Case.select(Case.received_on).order_by(Case.received_on.desc()).first()
    last = latest.received_on.replace(day=1)
    index = last.year * 12 + last.month - 2  # the month before the newest case's
    month = Period.month(index // 12, index % 12 + 1)
    year = Period.year(month.start.year)
    stats = StatisticsService(store, actor)
    out = []
    for name, period in (("monthly_report_ms", month), ("yearly_report_ms", year)):
        value = median_ms(lambda p=period: stats.figures(p), repeat)
        baseline = median_ms(lambda p=period: naive_report(p.start, p.end), baseline_repeat)
        if details:
            f = stats.figures(period)
            naive = naive_report(period.start, period.end)
            say(f"  {period.label}: received {f.received} (naive {naive['received']}),"
                f" succeeded {f.succeeded} ({naive['succeeded']}), SQL {value:.1f} ms,"
                f" loop {baseline:.0f} ms")
        out.append(metric(name, value, "ms", baseline))
    return out


def measure(db: Path, repeat: int, baseline_repeat: int, details: bool,
            sync_changes: int = 10_000) -> dict[str, Any]:
    from mediation_desk.services.cases.register import RegisterService
    from mediation_desk.services.cases.register_pages import RegisterPages
    from mediation_desk.services.cases.search import SearchService, warm_up
    from mediation_desk.services.safety.accounts import open_register

    store, actor = open_register(db, USER, PASSWORD)  # the password's cost is kdf_ms
    try:
        pages = RegisterPages(store, actor)

        def open_register_view() -> object:
            # What the register view does when it opens: count, then the first page of
            # rows (number, title, parties, type, village, status, received), newest first.
            pages.count()
            return pages.page(offset=0, limit=PAGE)

        first_page = open_register_view()
        warm_up()  # the window loads the pinyin dictionary soon after it appears: count it
        memory = rss_mb()
        register_ms = median_ms(open_register_view, repeat)

        search = SearchService(store, actor)
        per_query = {q: median_ms(lambda q=q: search.search(q), repeat) for q in QUERIES}

        def like_scan(q: str) -> object:
            pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            return store.execute(
                "SELECT case_id, field, ref_id, text FROM search_doc"
                " WHERE text LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT 50", (pattern,)).fetchall()

        per_query_like = {q: median_ms(lambda q=q: like_scan(q), baseline_repeat)
                          for q in QUERIES}
        kdf = kdf_metric(max(3, repeat // 2))
        if details:
            for q in QUERIES:
                hits = len(search.search(q))
                say(f"  search {q!r}: {per_query[q]:.2f} ms ({hits} hits),"
                    f" LIKE scan {per_query_like[q]:.1f} ms")

        # The naive register: every case row (and its parties) loaded into Python objects.
        naive = RegisterService(store, actor)
        kept: list[Any] = []

        def load_everything() -> None:
            kept[:] = [naive.list_summaries()]

        naive_ms = median_ms(load_everything, baseline_repeat)
        naive_memory = rss_mb()
        if details:
            say(f"  first page: {len(first_page)} rows (of {pages.count()});"
                f" naive load: {len(kept[0])} rows")
        cases = pages.count()
        agreement = agreement_metric(db, store, actor, AGREEMENT_RUNS, details)
        reports = report_metrics(store, actor, repeat, baseline_repeat, details)
    finally:
        store.close()
    synced = []
    if sync_changes:
        from bench.sync_bench import sync_metrics

        synced = [metric(*figure) for figure in sync_metrics(
            db, PASSWORD, USER, changes=sync_changes, repeat=max(3, repeat // 2), say=say)]
    return {"cases": cases, "metrics": [
        kdf,
        metric("register_open_ms", register_ms, "ms", naive_ms),
        metric("search_ms", statistics.median(per_query.values()), "ms",
               statistics.median(per_query_like.values())),
        metric("rss_mb", memory, "MB", naive_memory),
        agreement,
        *reports,
        *synced,
    ]}


# -- attachments (a fresh process and a fresh register) --------------------------------------
class PeakRss:
    """The highest resident memory seen while a block runs, sampled every 2 ms (SQLite's
    buffers count too, which tracemalloc cannot see)."""

    def __enter__(self) -> PeakRss:
        import threading

        self.start = self.peak = rss_mb()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.002):
            self.peak = max(self.peak, rss_mb())

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mb())

    @property
    def growth(self) -> float:
        return self.peak - self.start


def measure_attachments(folder: Path, details: bool) -> dict[str, Any]:
    """attachment_file_ms and attachment_peak_mb: filing a 20 MB scan through
    AttachmentService.add (hashed, then streamed in 1 MB chunks into the encrypted register,
    audited), beside the naive way — the file read whole and inserted as one blob."""
    import tracemalloc

    from mediation_desk.services.attachments.service import AttachmentService
    from mediation_desk.services.cases.drafts import CaseDraft, PartyDraft
    from mediation_desk.services.cases.intake import IntakeService
    from mediation_desk.services.safety.accounts import RoomSettings, create_register

    store, actor, _ = create_register(folder / "attach.db", RoomSettings("问房调解室",
                                      "湖头镇人民调解委员会", "湖头"), USER, PASSWORD)
    try:
        case_id = IntakeService(store, actor).register(CaseDraft(
            received_on=date(2026, 11, 2), dispute_type="邻里纠纷",
            parties=[PartyDraft(side="applicant", name="张喆"),
                     PartyDraft(side="respondent", name="李明")])).cases[0].case_id
        files = AttachmentService(store, actor)
        scan = folder / "scan.tif"
        with scan.open("wb") as out:  # incompressible, as a scanned page's bytes are
            for i in range(SCAN_MB):
                out.write(hashlib.shake_256(f"scan-{i}".encode()).digest(2**20))
        runs = iter(range(1, 1000))

        def fresh() -> Path:  # a different file each time: new bytes, a new hash
            with scan.open("r+b") as out:
                out.write(next(runs).to_bytes(8, "big"))
            return scan

        def file_it() -> object:
            return files.add("case", case_id, fresh(), kind="evidence")

        store.execute("CREATE TABLE naive_blob (id INTEGER PRIMARY KEY, sha256 TEXT, data BLOB)")

        def naive() -> object:
            data = fresh().read_bytes()
            with store.write():
                store.execute("INSERT INTO naive_blob (sha256, data) VALUES (?, ?)",
                              (hashlib.sha256(data).hexdigest(), data))
            return data

        chunked_ms = median_ms(file_it, ATTACH_RUNS)
        naive_ms = median_ms(naive, ATTACH_RUNS)
        with PeakRss() as chunked_rss:
            tracemalloc.start()
            file_it()
            chunked_heap = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        with PeakRss() as naive_rss:
            tracemalloc.start()
            naive()
            naive_heap = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        if details:
            say(f"  attachment {SCAN_MB} MB: chunked {chunked_ms:.0f} ms, peak RSS growth"
                f" {chunked_rss.growth:.1f} MB, Python heap peak {chunked_heap:.1f} MB;"
                f" naive {naive_ms:.0f} ms, {naive_rss.growth:.1f} MB, {naive_heap:.1f} MB")
    finally:
        store.close()
    # RSS where it can be read (Linux), else the Python heap: both are printed with --details.
    chunked_mb = max(chunked_rss.growth, chunked_heap)
    naive_mb = max(naive_rss.growth, naive_heap)
    return {"metrics": [metric("attachment_file_ms", chunked_ms, "ms", naive_ms),
                        metric("attachment_peak_mb", chunked_mb, "MB", naive_mb)]}


# -- start-up (fresh processes) --------------------------------------------------------------
def _timed_child(code: str) -> float:
    """Milliseconds from starting a Python process to its window being painted (the child
    prints a line then; its clean-up after that is not counted)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    began = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                             text=True)
    assert child.stdout is not None
    line = child.stdout.readline()
    painted = time.perf_counter()
    if child.wait() != 0 or line.strip() != "painted":
        raise RuntimeError("the start-up child failed")
    return (painted - began) * 1000


def startup_metric(db: Path) -> dict[str, Any]:
    from mediation_desk.store.keys import KdfParams

    kdf_seconds = []
    for _ in range(3):
        began = time.perf_counter()
        KdfParams().derive(b"x" * 16, b"s" * 16)
        kdf_seconds.append(time.perf_counter() - began)
    kdf_ms = statistics.median(kdf_seconds) * 1000
    window_code = WINDOW_CHILD.format(root=str(ROOT), db=str(db), user=USER,
                                      password=PASSWORD)
    _timed_child(window_code)  # warm the file cache once, as any second start would be
    runs = [_timed_child(window_code) - kdf_ms for _ in range(STARTUP_RUNS)]
    bare = [_timed_child(BARE_CHILD) for _ in range(STARTUP_RUNS)]
    return metric("startup_ms", statistics.median(runs), "ms", statistics.median(bare))


# -- output ---------------------------------------------------------------------------------
def table(report: dict[str, Any]) -> str:
    lines = [f"Mediation Desk benchmarks — {report['cases']} cases",
             f"{'metric':<22}{'value':>11}{'baseline':>12}{'budget':>9}  ratio  within budget"]
    for m in report["metrics"]:
        ratio = (f"{m['baseline'] / m['value']:5.1f}x" if m["baseline"] and m["value"]
                 else "     ")
        ok = "—" if m["budget"] is None else ("yes" if m["value"] <= m["budget"] else "NO")
        budget = "—" if m["budget"] is None else f"{m['budget']:g}"
        lines.append(f"{m['name']:<22}{m['value']:>8g} {m['unit']:<2}{m['baseline']:>9g} "
                     f"{m['unit']:<2}{budget:>7}  {ratio}  {ok}")
    return "\n".join(lines)


def environment() -> dict[str, Any]:
    import apsw

    return {"python": sys.version.split()[0], "sqlite": apsw.sqlite_lib_version(),
            "apsw": apsw.apsw_version(), "cpus": os.cpu_count()}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cases", type=int, default=10_000, help="demo cases to seed")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    p.add_argument("--db", type=Path, help="keep the register here (reused if it exists)")
    p.add_argument("--repeat", type=int, default=7, help="timed runs per figure")
    p.add_argument("--baseline-repeat", type=int, default=3, help="timed runs per baseline")
    p.add_argument("--details", action="store_true", help="per-query timings on stderr")
    p.add_argument("--startup-db", type=Path,
                   help=f"a register of {STARTUP_CASES} cases for startup_ms (made if missing)")
    p.add_argument("--no-startup", action="store_true", help="skip startup_ms")
    p.add_argument("--sync-changes", type=int, default=10_000,
                   help="changes in the sync bundle (0: skip the sync figures)")
    p.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process
    p.add_argument("--measure-attachments", type=Path, help=argparse.SUPPRESS)  # another
    args = p.parse_args(argv)
    if args.measure_attachments:
        print(json.dumps(measure_attachments(args.measure_attachments, args.details)))
        return 0
    if args.measure:
        print(json.dumps(measure(args.measure, args.repeat, args.baseline_repeat,
                                 args.details, args.sync_changes)))
        return 0

    env = environment()
    say(f"python {env['python']}, SQLite {env['sqlite']}, apsw {env['apsw']},"
        f" {env['cpus']} CPUs")
    with tempfile.TemporaryDirectory(prefix="mediation-bench-") as tmp:
        db = args.db or Path(tmp) / "bench.db"
        seconds: float | None = None
        if db.exists():
            say(f"reusing {db}")
        else:
            seconds = seed(db, args.cases, args.seed)
        child = subprocess.run(
            [sys.executable, __file__, "--measure", str(db), "--repeat", str(args.repeat),
             "--baseline-repeat", str(args.baseline_repeat),
             "--sync-changes", str(args.sync_changes)]
            + (["--details"] if args.details else []),
            stdout=subprocess.PIPE, check=True, text=True)
        measured = json.loads(child.stdout)
        metrics = measured["metrics"]
        folder = Path(tmp) / "attachments"
        folder.mkdir()
        child = subprocess.run(
            [sys.executable, __file__, "--measure-attachments", str(folder)]
            + (["--details"] if args.details else []),
            stdout=subprocess.PIPE, check=True, text=True)
        metrics += json.loads(child.stdout)["metrics"]
        if not args.no_startup:
            startup_db = args.startup_db or (
                db if args.cases == STARTUP_CASES else Path(tmp) / "startup.db")
            if not startup_db.exists():
                say(f"seeding {STARTUP_CASES} cases for startup_ms")
                seed(startup_db, STARTUP_CASES, args.seed)
            metrics.insert(0, startup_metric(startup_db))
    if measured["cases"] != args.cases:
        say(f"note: the register holds {measured['cases']} cases, not --cases {args.cases}")
    report = {"cases": measured["cases"], "metrics": metrics, "seeding_seconds":
              None if seconds is None else round(seconds, 1), "environment": env}
    print(json.dumps(report, ensure_ascii=False) if args.json else table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
