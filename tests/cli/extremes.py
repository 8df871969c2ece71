#!/usr/bin/env python3
"""The extreme inputs of issue 7, generated from corpus/ (never committed), and a scaling check.

Every stage must take time linear in the size of its input with bounded memory, however the input
is shaped. The shapes that once made a stage superlinear:

  line       one line without a break: corpus/'s texts with every line break made a space
  document   one document of ordinary lines: corpus/'s texts one after the other
  brackets   nested brackets around one sentence: "(" * n + sentence + ")" * n
  sentence   one sentence of n tokens: "한빛전자는 " + "새로운 " * n + "공장을 지었다."
  clauses    one sentence of 16 MB: clauses joined by the connective -고, each with a date, an
             organization, a person and a trigger ("... 김서준 대표를 해임하고 ..."), the worst
             case for the stages that pair things within a sentence (dates, roles, events)

cli_test.py's ProofFolder writes some of them into its folder of bad inputs. Run as a script, this
runs `sageon run` on 1x, 2x and 4x of each and prints the user time and peak RSS of each run, and
their ratios: linear work doubles with the size (ratio 2), quadratic work quadruples it.

  python3 tests/cli/extremes.py --sageon build/sageon [--source .] [--scale 0.25] [--only line,...]

--scale multiplies the 1x sizes (16 MB, 15 MB, 400,000 brackets, 100,000 tokens, 16 MB); the 4x
runs of the full sizes need about 2 GB of memory and a few minutes. Times are user CPU seconds
of `sageon run --jobs 1`, peak RSS that of the sageon process alone (os.wait4).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

MB = 1 << 20

# The sizes of the extremes at 1x: bytes for line, document and unbroken; brackets on each side;
# tokens of the sentence.
SIZES = {"line": 16 * MB, "document": 15 * MB, "brackets": 400_000, "sentence": 100_000,
         "clauses": 16 * MB}


def corpus_texts(source):
    """The text of every corpus document, in file name order: the posts and each news.jsonl
    article."""
    folder = os.path.join(source, "corpus")
    texts = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".txt", ".jsonl")):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            content = f.read()
        if name.endswith(".jsonl"):
            texts += [json.loads(line)["text"] for line in content.splitlines() if line.strip()]
        else:
            texts.append(content)
    return texts


def repeat_to(block, size):
    """`block` repeated until the result has at least `size` UTF-8 bytes."""
    count = -(-size // len(block.encode()))
    return block * count


def line(texts, size):
    block = " ".join(" ".join(t.split()) for t in texts) + " "
    return repeat_to(block, size).encode()


def document(texts, size):
    block = "\n\n".join(t.strip("\n") for t in texts) + "\n\n"
    return repeat_to(block, size).encode()


def brackets(count):
    return ("(" * count + "한빛전자는 2024년 3월 4일 김서준 대표를 해임했다." + ")" * count).encode()


def sentence(tokens):
    return ("한빛전자는 " + "새로운 " * tokens + "공장을 지었다.\n").encode()


def clauses(size):
    return repeat_to("2024년 3월 4일 한빛전자는 김서준 대표를 해임하고 ", size).encode()


def generate(kind, texts, factor):
    size = int(SIZES[kind] * factor)
    if kind == "brackets":
        return brackets(size)
    if kind == "sentence":
        return sentence(size)
    if kind == "clauses":
        return clauses(size)
    return {"line": line, "document": document}[kind](texts, size)


def run_once(sageon, path, out):
    """(user seconds, wall seconds, peak RSS in MB, exit code) of `sageon run path --out out` on
    one worker thread, from the rusage of that child alone (os.wait4)."""
    with tempfile.TemporaryFile() as errors:
        started = time.monotonic()
        proc = subprocess.Popen([sageon, "run", path, "--out", out, "--quiet", "--jobs", "1"],
                                stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            errors.seek(0)
            sys.stderr.write(errors.read().decode("utf-8", "replace")[-2000:])
    return usage.ru_utime, wall, usage.ru_maxrss / 1024, proc.returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sageon", required=True)
    parser.add_argument("--source", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies the 1x sizes")
    parser.add_argument("--only", default=",".join(SIZES), help="comma-separated kinds")
    parser.add_argument("--factors", default="1,2,4")
    args = parser.parse_args()
    texts = corpus_texts(args.source)
    factors = [float(f) for f in args.factors.split(",")]
    root = tempfile.mkdtemp(prefix="sageon-extremes-")
    failed = False
    try:
        print(f"{'input':<10} {'x':>3} {'size':>12} {'user s':>8} {'wall s':>8} {'peak MB':>8} "
              f"{'user ratio':>10} {'RSS ratio':>9}")
        for kind in args.only.split(","):
            previous = None
            for factor in factors:
                data = generate(kind, texts, args.scale * factor)
                path = os.path.join(root, f"{kind}.txt")
                with open(path, "wb") as f:
                    f.write(data)
                del data
                size = os.path.getsize(path)
                user, wall, rss, code = run_once(args.sageon, path, os.path.join(root, "out"))
                failed |= code != 0
                ratios = ("", "")
                if previous:
                    ratios = (f"{user / max(previous[0], 1e-3):.2f}",
                              f"{rss / max(previous[1], 1e-3):.2f}")
                print(f"{kind:<10} {factor:>3g} {size:>12,} {user:>8.2f} {wall:>8.2f} {rss:>8.0f} "
                      f"{ratios[0]:>10} {ratios[1]:>9}" + ("" if code == 0 else f"  exit {code}"),
                      flush=True)
                previous = (user, rss)
                os.remove(path)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
