"""Throughput and memory of `pipeline extract` against bare `nlp.pipe` of the same spaCy model.

    python benchmarks/throughput.py                     # N = 100 and 400: a few minutes
    python benchmarks/throughput.py --sizes 1000 10000 --min-seconds 300  # the figures the README quotes

Articles are made by cycling the bundled corpus/articles and ../shared/corpus/dev texts under new ids, in a
temporary folder (never in the repository). Every figure is for a whole process, model loading included;
"others CPU s" is what other processes on the machine took meanwhile (a busy machine skews the ratios). Forked workers
share pages with their parent, which RSS counts in every process and PSS splits between them. "bare nlp.pipe" is
spaCy as it comes (its layers multiply matrices with blis); "bare, numpy BLAS" is the same model set up as extract
sets it up (numpy's BLAS, one thread), so that the two "x bare" columns tell the model's part from ours. This
machine's speed drifts by up to a tenth over minutes (a virtual machine's neighbours), which one short run of each
command turns into ratios off by as much: --min-seconds repeats each command, in turns, until its runs add up to that
long and reports the fastest run, with the slowest beside it. Needs psutil, of the `bench` extra
(`pip install -e '.[bench]'`).
"""

import argparse
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NamedTuple

import psutil

from pipeline import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "corpus" / "articles", ROOT.parent / "shared" / "corpus" / "dev"]
# bare spaCy as it comes (blis multiplies the matrices), or with the BLAS set-up extract uses (numpy's, one thread)
BARE = """
import json, sys, spacy, threadpoolctl, thinc.api
if sys.argv[4] == "numpy":
    threadpoolctl.threadpool_limits(1, user_api="blas")
with thinc.api.use_ops("numpy", use_blis=sys.argv[4] == "blis"):
    nlp = spacy.load(sys.argv[2])
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8"))
print(sum(len(doc) for doc in nlp.pipe(texts, batch_size=int(sys.argv[3]))))
"""
RSS_SECONDS, PSS_SECONDS = 0.05, 1.0  # how often memory is sampled


def make_corpus(n: int, folder: Path) -> Path:
    """A JSONL file of n articles cycled from the bundled and dev texts, each with its own id."""
    texts = [(p.stem, p.read_text(encoding="utf-8")) for s in SOURCES if s.is_dir() for p in sorted(s.glob("*.txt"))]
    path = folder / f"articles-{n}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i, (stem, text) in zip(range(n), itertools.cycle(texts)):
            handle.write(json.dumps({"id": f"{stem}-{i}", "text": text}) + "\n")
    return path


class Run(NamedTuple):
    """One measured process: wall and CPU seconds, CPU seconds other processes took meanwhile, peak RSS of its process
    tree, and peak PSS (pages shared between processes counted once) of the tree and of its largest process (MB)."""

    seconds: float
    cpu: float
    others: float
    rss: float
    pss: float
    pss_one: float


def pss(process: psutil.Process) -> int:
    """A process's proportional set size in bytes (its RSS where the kernel does not tell)."""
    try:
        with open(f"/proc/{process.pid}/smaps_rollup", encoding="ascii") as rollup:
            return next(int(line.split()[1]) * 1024 for line in rollup if line.startswith("Pss:"))
    except (OSError, StopIteration):
        return process.memory_info().rss


def cpu_seconds() -> tuple[float, float]:
    """CPU time of this process's finished children, and of the whole machine (idle and I/O wait aside)."""
    usage, machine = resource.getrusage(resource.RUSAGE_CHILDREN), psutil.cpu_times()
    return usage.ru_utime + usage.ru_stime, sum(machine) - machine.idle - getattr(machine, "iowait", 0)


def measure(command: list[str]) -> tuple[Run, str]:
    """Run a command; return its measurements and its output. Its process tree's RSS is sampled every RSS_SECONDS;
    PSS, which costs the kernel ~5 ms a process to count (and so would take CPU from the run), every PSS_SECONDS."""
    ours, machine = cpu_seconds()
    process = psutil.Popen(command, stdout=subprocess.PIPE, text=True)
    peak = peak_pss = peak_one = 0
    start = time.perf_counter()

    def sample() -> None:
        nonlocal peak, peak_pss, peak_one
        tree, every = [process], round(PSS_SECONDS / RSS_SECONDS)
        for tick in itertools.count():
            if process.poll() is not None:
                return
            try:
                if tick % every == 0:
                    tree = [process, *process.children(recursive=True)]
                    shares = [pss(p) for p in tree]
                    peak_pss, peak_one = max(peak_pss, sum(shares)), max(peak_one, *shares)
                peak = max(peak, sum(p.memory_info().rss for p in tree))
            except psutil.Error:
                pass
            time.sleep(RSS_SECONDS)

    sampler = threading.Thread(target=sample)
    sampler.start()
    output = process.communicate()[0]
    seconds = time.perf_counter() - start
    sampler.join()
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed with exit code {process.returncode}")
    ours_after, machine_after = cpu_seconds()
    cpu = ours_after - ours
    return Run(seconds, cpu, max(0.0, machine_after - machine - cpu), peak / 2**20, peak_pss / 2**20,
               peak_one / 2**20), output


def measure_until(commands: dict[str, list[str]], min_seconds: float) -> tuple[dict[str, list[Run]], dict[str, str]]:
    """Every command's runs and its first output: each runs once, then again (in turns with the others still short,
    so that a slow spell of the machine falls on all of them) until its runs add up to min_seconds, as timeit's
    autorange does."""
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    outputs: dict[str, str] = {}
    while short := [name for name, done in runs.items() if not done or sum(r.seconds for r in done) < min_seconds]:
        for name in short:
            run, outputs[name] = measure(commands[name])
            runs[name].append(run)
    return runs, outputs


def fastest(runs: list[Run]) -> Run:
    """The fastest run's times (the one others' load disturbed least, as timeit reports) with the most memory any
    run took."""
    best = min(runs, key=lambda r: r.seconds)
    return best._replace(rss=max(r.rss for r in runs), pss=max(r.pss for r in runs),
                         pss_one=max(r.pss_one for r in runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400], help="numbers of articles N")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="extract --workers values")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--no-numpy-bare", dest="numpy_bare", action="store_false",
                        help="skip the 'bare, numpy BLAS' run (saves a quarter of the time at large N)")
    parser.add_argument("--min-seconds", type=float, default=0.0,
                        help="repeat each run until its runs add up to this many seconds and report the fastest "
                             "(default: one run each)")
    args = parser.parse_args()
    from pipeline.extract import BATCH_SIZE

    peaks: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            corpus = make_corpus(n, Path(tmp))
            bare = [sys.executable, "-c", BARE, str(corpus), args.model, str(BATCH_SIZE)]
            commands = {"bare nlp.pipe": [*bare, "blis"]}
            if args.numpy_bare:
                commands["bare, numpy BLAS"] = [*bare, "numpy"]
            for workers in args.workers:
                out = Path(tmp) / f"out-{n}-{workers}"
                commands[f"extract --workers {workers}"] = [sys.executable, "-m", "pipeline", "extract", str(corpus),
                                                            "--out", str(out), "-q", "--workers", str(workers),
                                                            "--model", args.model]
            measured, outputs = measure_until(commands, args.min_seconds)
            tokens = int(outputs["bare nlp.pipe"])
            runs = {name: fastest(done) for name, done in measured.items()}
            print(f"\nN={n} articles, {tokens:,} tokens (whole processes, model loading included)")
            print(f"{'run':22} {'runs':>4} {'seconds':>8} {'slowest':>8} {'CPU s':>7} {'others CPU s':>12} "
                  f"{'articles/s':>10} {'tokens/s':>8} {'peak RSS MB':>11} {'peak PSS MB':>11} "
                  f"{'largest process PSS MB':>22} {'x bare':>6} {'x numpy bare':>13}")
            for name, run in runs.items():
                same = f"{runs['bare, numpy BLAS'].seconds / run.seconds:.2f}" if args.numpy_bare else "-"
                slowest = max(r.seconds for r in measured[name])
                print(f"{name:22} {len(measured[name]):4} {run.seconds:8.1f} {slowest:8.1f} {run.cpu:7.1f} "
                      f"{run.others:12.1f} {n / run.seconds:10.1f} {tokens / run.seconds:8.0f} {run.rss:11.0f} "
                      f"{run.pss:11.0f} {run.pss_one:22.0f} {runs['bare nlp.pipe'].seconds / run.seconds:6.2f} "
                      f"{same:>13}")
                peaks.setdefault(name, []).append(run.rss)
            first, *more = [run for name, run in runs.items() if name.startswith("extract")]
            speedups = [f"--workers {w} {first.seconds / r.seconds:.2f}x" for w, r in zip(args.workers[1:], more)]
            if speedups:
                print(f"speed-up over --workers {args.workers[0]}: " + ", ".join(speedups))
    if len(args.sizes) > 1:
        print(f"\npeak RSS at N={args.sizes[-1]} / N={args.sizes[0]}: "
              + ", ".join(f"{name} {p[-1] / p[0]:.2f}" for name, p in peaks.items()))


if __name__ == "__main__":
    main()
