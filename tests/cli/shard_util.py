"""What the tests of sharding, merging and streaming share: a sageon runner, an input folder that
exercises every path (posts, JSON lines, a duplicate id, bad lines, a binary file) and the check
that two output folders hold the same run."""
import json
import os
import subprocess

# Every file a run writes whose bytes must not depend on how the input was split; summary.json is
# compared without its timing.
BYTE_IDENTICAL = ("events.csv", "entities.csv", "nodes.csv", "edges.csv", "graph.graphml",
                  "graph.gexf", "documents.jsonl")
TIMING_FIELDS = ("seconds",)


def run_sageon(sageon, *args, cwd, stdin=None, check=0):
    proc = subprocess.run([sageon, *args], input=stdin, capture_output=True, cwd=cwd)
    if check is not None and proc.returncode != check:
        raise AssertionError(f"sageon {' '.join(args)} exited {proc.returncode}, wanted {check}\n"
                             f"stderr: {proc.stderr.decode('utf-8', 'replace')[-2000:]}")
    return proc


def corpus_texts(source):
    folder = os.path.join(source, "corpus")
    texts = []
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            content = f.read()
        if name.endswith(".jsonl"):
            texts += [json.loads(line)["text"] for line in content.splitlines() if line.strip()]
        elif name.endswith(".txt"):
            texts.append(content)
    return texts


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(row if isinstance(row, str) else json.dumps(row, ensure_ascii=False))
            f.write("\n")


def make_inputs(source, root, name="in", prefix="", copies=2):
    """A folder of inputs made from corpus/'s texts (never ../shared): posts as .txt files, JSON
    lines with and without dates, one id told twice (the later version must win), a malformed line,
    a line without text and a binary file. Returns the folder."""
    texts = corpus_texts(source)
    folder = os.path.join(root, name)
    os.makedirs(folder, exist_ok=True)
    for i, text in enumerate(texts[:3]):
        with open(os.path.join(folder, f"{prefix}post{i}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
    rows = []
    for copy in range(copies):
        for i, text in enumerate(texts):
            row = {"id": f"{prefix}doc-{copy}-{i}", "text": text}
            if i % 2 == 0:
                row["date"] = f"202{3 + copy}-0{1 + i % 9}-15"
            rows.append(row)
    rows.insert(2, {"id": f"{prefix}twice", "text": texts[0], "date": "2023-01-02"})
    rows.insert(5, "{this is not json")
    rows.append({"id": f"{prefix}no-text"})
    rows.append({"id": f"{prefix}twice", "text": texts[-1], "date": "2024-06-01"})
    write_jsonl(os.path.join(folder, f"{prefix}news.jsonl"), rows)
    with open(os.path.join(folder, f"{prefix}binary.txt"), "wb") as f:
        f.write(b"\x00\x01binary\x00")
    return folder


def read_outputs(folder):
    out = {}
    for name in BYTE_IDENTICAL:
        with open(os.path.join(folder, name), "rb") as f:
            out[name] = f.read()
    with open(os.path.join(folder, "summary.json"), encoding="utf-8") as f:
        summary = json.load(f)
    for field in TIMING_FIELDS:
        summary.pop(field)
    out["summary.json"] = summary
    return out


def assert_same_run(test, expected_dir, actual_dir):
    """The two folders hold the same run: byte for byte, summary.json but for its timing."""
    expected, actual = read_outputs(expected_dir), read_outputs(actual_dir)
    for name in BYTE_IDENTICAL:
        if expected[name] != actual[name]:
            import difflib
            diff = "".join(list(difflib.unified_diff(
                expected[name].decode("utf-8", "replace").splitlines(True),
                actual[name].decode("utf-8", "replace").splitlines(True),
                expected_dir, actual_dir))[:40])
            test.fail(f"{name} differs:\n{diff}")
    test.assertEqual(expected["summary.json"], actual["summary.json"])
