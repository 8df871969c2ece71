#!/usr/bin/env python3
"""The whole `sageon run` at scale: MB/s on one job and on two, against ICU's word BreakIterator
over the same text measured in the same run, and peak memory on a corpus and on one ten times
larger.

    python3 scripts/bench_run.py [--mb 14] [--scale 10] [--jobs 2] [--skip-large]
                                 [--memory-only] [--sageon PATH] [--stdin]

It builds build-bench/ (Release, through scripts/bench.sh), writes a Korean corpus of about MB
megabytes of JSON lines into a scratch folder from ../shared/corpus/*.jsonl (when present) and
corpus/, each pass over the sources shifted by a week so that every copy tells new events (the
graph grows with the corpus, as it would with new articles), then runs:

  1. sageon_bench's ICU word-break benchmark over that corpus (the baseline, MB/s);
  2. `sageon run` with --jobs 1 and with --jobs N (N = --jobs, default 2): wall time, MB/s, ratio
     to ICU, speed-up, peak RSS;
  3. `sageon run` with --jobs N on a corpus --scale times larger: peak RSS against the first.

The machine is shared and noisy, so each figure is set against the baseline of the same run; the
issue's goals (0.3 x ICU on one job, 1.6 x speed-up on two, RSS under 500 MB and nearly flat) are
printed as met or not, never asserted.

--memory-only runs step 3 and the --jobs N run of step 2 only (no ICU baseline, no --jobs 1 run),
and --mb takes fractions (--mb 0.5), to keep a memory measurement short. --sageon PATH times that
binary instead of building build-bench/ (and so has no ICU baseline: use it with --memory-only).
--stdin feeds the corpus on standard input, which sageon reads line by line, instead of naming
the file, which the input stage reads whole: the difference is the memory the file's text takes.
Each run's graph (entities, events, edges from its summary.json) is printed with it, since the
graph grows with the corpus here by design and its memory with it.
"""

import argparse
import datetime
import json
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BUILD = ROOT / "build-bench"


def source_documents():
    """(id, date, text) of every source document: the real news of ../shared/corpus and the
    project's own posts in corpus/."""
    docs = []
    shared = ROOT.parent / "shared" / "corpus"
    if shared.is_dir():
        for path in sorted(shared.glob("*.jsonl")):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        d = json.loads(line)
                        docs.append((d["id"], d.get("date", ""), d["text"]))
    for path in sorted((ROOT / "corpus").rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".md"):
            docs.append((path.stem, "", path.read_text(encoding="utf-8", errors="replace")))
    if not docs:
        sys.exit("bench_run.py: no source documents in corpus/ or ../shared/corpus")
    return docs


def shifted(date, weeks):
    """The document's date `weeks` later; empty stays empty."""
    if not date:
        return ""
    try:
        day = datetime.date.fromisoformat(date[:10])
    except ValueError:
        return date
    return (day + datetime.timedelta(weeks=weeks)).isoformat() + date[10:]


def write_corpus(path, megabytes, docs):
    """JSON lines of about `megabytes` MB; returns the bytes of text written."""
    target = megabytes * 1000 * 1000
    text_bytes = 0
    copy = 0
    with open(path, "w", encoding="utf-8") as out:
        while text_bytes < target:
            for doc_id, date, text in docs:
                record = {"id": f"{doc_id}~{copy}", "text": text}
                if date:
                    record["date"] = shifted(date, copy)
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                text_bytes += len(text.encode("utf-8"))
                if text_bytes >= target:
                    break
            copy += 1
    return text_bytes


def build():
    # scripts/bench.sh builds sageon_bench (installing Google Benchmark when missing); the CLI
    # comes from the same Release build.
    for command in (["bash", str(ROOT / "scripts" / "bench.sh"), "--mb=1",
                     "--benchmark_filter=IcuWordBreak"],
                    ["cmake", "--build", str(BUILD), "--target", "sageon"]):
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"bench_run.py: {' '.join(command)} failed:\n{result.stdout}{result.stderr}")


def icu_word_break_mb_s(corpus_mb):
    """ICU's word BreakIterator over corpus/ + ../shared text of the same size, in MB/s of CPU
    time (sageon_bench's own summary line)."""
    result = subprocess.run(
        [str(BUILD / "benchmarks" / "sageon_bench"), f"--mb={corpus_mb}",
         "--benchmark_filter=IcuWordBreak", "--benchmark_min_time=2"],
        check=True, capture_output=True, text=True)
    for line in result.stdout.splitlines():
        if line.startswith("ICU word BreakIterator (baseline)"):
            return float(line.split()[-2])
    sys.exit("bench_run.py: sageon_bench printed no ICU baseline:\n" + result.stdout)


def timed_run(sageon, corpus, jobs, out, stdin=False):
    """Wall seconds, user+system seconds and peak RSS (MB) of one `sageon run`."""
    start = time.monotonic()
    with open(corpus, "rb") as corpus_file:
        proc = subprocess.Popen(
            [str(sageon), "run", "--input-format", "jsonl", "-" if stdin else str(corpus),
             "--out", str(out), "--jobs", str(jobs)],
            stdin=corpus_file if stdin else subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE)
        # stderr is read to its end before waiting: a run that says much never blocks on the pipe.
        stderr = proc.stderr.read().decode(errors="replace")
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench_run.py: sageon run failed:\n{stderr}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def graph_size(out):
    """The documents and the graph of a run, from its summary.json."""
    with open(pathlib.Path(out) / "summary.json", encoding="utf-8") as f:
        summary = json.load(f)
    g = summary["graph"]
    return (f"{summary['documents_total']} documents; graph: {g['entities']} entities "
            f"({g['actors']} actors), {g['events']} events, "
            f"{g['actor_event_edges'] + g['actor_actor_edges']} edges")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=14, help="size of the corpus (MB of text)")
    parser.add_argument("--scale", type=int, default=10, help="how much larger the large corpus is")
    parser.add_argument("--jobs", type=int, default=2, help="jobs of the parallel runs")
    parser.add_argument("--skip-large", action="store_true", help="do not run the large corpus")
    parser.add_argument("--memory-only", action="store_true",
                        help="only the peak RSS runs: no ICU baseline, no --jobs 1 run")
    parser.add_argument("--sageon", type=pathlib.Path,
                        help="time this sageon binary instead of building build-bench/")
    parser.add_argument("--stdin", action="store_true",
                        help="feed the corpus on standard input instead of naming the file")
    args = parser.parse_args()
    if args.sageon and not args.memory_only:
        sys.exit("bench_run.py: --sageon has no ICU baseline to compare with: add --memory-only")

    sageon = args.sageon
    if sageon is None:
        build()
        sageon = BUILD / "sageon"
    docs = source_documents()
    with tempfile.TemporaryDirectory(prefix="sageon-bench-run-") as scratch:
        scratch = pathlib.Path(scratch)
        corpus = scratch / "corpus.jsonl"
        text_bytes = write_corpus(corpus, args.mb, docs)
        mb = text_bytes / 1e6
        # sageon_bench takes whole megabytes; the baseline is a rate, which its size hardly moves.
        icu = None if args.memory_only else icu_word_break_mb_s(max(1, round(args.mb)))

        rows = []
        one = None
        if not args.memory_only:
            one = timed_run(sageon, corpus, 1, scratch / "out1", args.stdin)
            rows.append(("run --jobs 1", mb, *one))
        many = timed_run(sageon, corpus, args.jobs, scratch / "outN", args.stdin)
        rows.append((f"run --jobs {args.jobs}", mb, *many))
        graphs = [(f"run --jobs {args.jobs}", graph_size(scratch / "outN"))]
        large = None
        if not args.skip_large:
            large_corpus = scratch / "large.jsonl"
            large_bytes = write_corpus(large_corpus, args.mb * args.scale, docs)
            large = timed_run(sageon, large_corpus, args.jobs, scratch / "outL", args.stdin)
            rows.append((f"run --jobs {args.jobs} (x{args.scale})", large_bytes / 1e6, *large))
            graphs.append((f"run --jobs {args.jobs} (x{args.scale})", graph_size(scratch / "outL")))

    if icu is not None:
        print(f"ICU word BreakIterator: {icu:.2f} MB/s (one core, same text)")
    # The ICU figure is per second of CPU, so is "x ICU" (a busy machine lengthens wall time, not
    # CPU time); the speed-up of more jobs can only be read on wall time.
    print(f"{'command':<24} {'MB':>8} {'wall s':>8} {'cpu s':>8} {'MB/s wall':>10} "
          f"{'MB/cpu s':>9} {'x ICU':>7} {'peak RSS MB':>12}")
    for name, size, wall, cpu, rss in rows:
        ratio = f"{size / cpu / icu:7.3f}" if icu is not None else f"{'-':>7}"
        print(f"{name:<24} {size:8.1f} {wall:8.1f} {cpu:8.1f} {size / wall:10.2f} "
              f"{size / cpu:9.2f} {ratio} {rss:12.0f}")
    for name, graph in graphs:
        print(f"{name:<24} {graph}")
    if one is not None:
        one_rate = mb / one[1]
        speedup = one[0] / many[0]
        print(f"goal: run --jobs 1 >= 0.3 x ICU word breaks: {one_rate / icu:.3f} "
              f"({'met' if one_rate / icu >= 0.3 else 'NOT met'})")
        print(f"goal: --jobs {args.jobs} >= 1.6 x --jobs 1: {speedup:.2f} "
              f"({'met' if speedup >= 1.6 else 'NOT met'})")
    print(f"goal: peak RSS under 500 MB on {mb:.1f} MB: {many[2]:.0f} MB "
          f"({'met' if many[2] < 500 else 'NOT met'})")
    if large:
        print(f"peak RSS x{args.scale} corpus / corpus: {large[2] / many[2]:.2f}")


if __name__ == "__main__":
    main()
