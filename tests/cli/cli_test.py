#!/usr/bin/env python3
"""End-to-end tests of the sageon CLI: exit codes, the JSON lines of every stage, `run` on corpus/
with every export loaded by the tools users open them with (networkx, igraph, csv), bad input
accounted for in summary.json, and the seed post and Wikinews corpus from ../shared when present."""
import argparse
import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

ARGS = None


def sageon(*args, stdin=None, check=None):
    proc = subprocess.run([ARGS.sageon, *args], input=stdin, capture_output=True, text=True,
                          encoding="utf-8", cwd=ARGS.source)
    if check is not None and proc.returncode != check:
        raise AssertionError(f"sageon {' '.join(args)} exited {proc.returncode}, wanted {check}\n"
                             f"stderr: {proc.stderr[-2000:]}")
    return proc


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def first_day(value):
    """The first day an ISO value cut at its grain covers, for checking the timeline's order."""
    import datetime as dt
    if value in ("", ".."):
        return dt.date.min
    if "W" in value:
        year, week = value.split("-W")
        return dt.date.fromisocalendar(int(year), int(week[:2]), 1)
    if "-Q" in value or "-H" in value:
        year, part = value.split("-")
        months = 3 if part[0] == "Q" else 6
        return dt.date(int(year), (int(part[1]) - 1) * months + 1, 1)
    if len(value) == 3:  # a decade: 201 is the 2010s
        return dt.date(int(value) * 10, 1, 1)
    parts = value[:10].split("-")
    return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                   int(parts[2]) if len(parts) > 2 else 1)


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def corpus_files():
    """corpus/'s inputs as {file name: text}: the .txt posts and news.jsonl."""
    folder = os.path.join(ARGS.source, "corpus")
    return {name: read_text(os.path.join(folder, name))
            for name in sorted(os.listdir(folder)) if name.endswith((".txt", ".jsonl"))}


def corpus_texts():
    """The text of every corpus document, the posts and each news.jsonl article."""
    texts = []
    for name, content in corpus_files().items():
        if name.endswith(".jsonl"):
            texts += [json.loads(line)["text"] for line in content.splitlines() if line.strip()]
        else:
            texts.append(content)
    return texts


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


XML_FORBIDDEN = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def load_gexf(path):
    import networkx as nx
    from networkx.readwrite.gexf import GEXF
    if "1.3" not in GEXF.versions:
        # Debian 12's networkx 2.8 predates its GEXF 1.3 reader (networkx 3.0). GEXF 1.3 keeps
        # 1.2's elements under a new namespace, which is all networkx 3 registers for it.
        GEXF.versions["1.3"] = dict(GEXF.versions["1.2draft"], NS_GEXF="http://gexf.net/1.3",
                                    NS_VIZ="http://gexf.net/1.3/viz", VERSION="1.3")
    return nx.read_gexf(path, version="1.3")


def check_exports(test, out):
    """Every file of a run is whole and loads: XML without the control characters XML 1.0 forbids,
    GraphML and GEXF in networkx, each CSV in the csv module with one cell per header column."""
    import networkx as nx
    names = sorted(os.listdir(out))
    test.assertEqual(names, ["documents.jsonl", "edges.csv", "entities.csv", "events.csv",
                             "graph.gexf", "graph.graphml", "nodes.csv", "summary.json"])
    for name in ("graph.graphml", "graph.gexf"):
        with open(os.path.join(out, name), "rb") as f:
            match = XML_FORBIDDEN.search(f.read())
        test.assertIsNone(match, f"{name} holds a control character XML 1.0 forbids")
    graph = nx.read_graphml(os.path.join(out, "graph.graphml"))
    test.assertEqual(load_gexf(os.path.join(out, "graph.gexf")).number_of_nodes(),
                     graph.number_of_nodes())
    tables = {}
    for name in ("events.csv", "entities.csv", "nodes.csv", "edges.csv"):
        with open(os.path.join(out, name), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, strict=True))
        test.assertTrue(rows, name)
        for row in rows:
            test.assertEqual(len(row), len(rows[0]), f"{name}: {row}")
        tables[name] = [dict(zip(rows[0], row)) for row in rows[1:]]
    with open(os.path.join(out, "summary.json"), encoding="utf-8") as f:
        tables["summary.json"] = json.load(f)
    return tables


def shared(relative):
    path = os.path.join(ARGS.source, "..", "shared", relative)
    return path if os.path.exists(path) else None


class ExitCodes(unittest.TestCase):
    def test_help_and_version(self):
        self.assertIn("usage: sageon COMMAND", sageon("--help", check=0).stdout)
        self.assertRegex(sageon("--version", check=0).stdout, r"^sageon \d+\.\d+\.\d+")
        for command in ("run", "sentences", "tokens", "entities", "dates", "events", "timeline"):
            out = sageon(command, "--help", check=0).stdout
            self.assertIn(f"usage: sageon {command}", out)
            self.assertIn("--prefer", out)
        self.assertIn("--out", sageon("run", "--help", check=0).stdout)

    def test_usage_errors_exit_2(self):
        for args in (["frobnicate"], [], ["run", "--no-such-flag"], ["dates", "--prefer", "sideways"],
                     ["dates", "--doc-date", "2023-13-45"], ["sentences", "--input-format", "xml"]):
            proc = sageon(*args, stdin="")
            self.assertEqual(proc.returncode, 2, f"{args}: {proc.stderr}")
            self.assertTrue(proc.stderr.startswith("sageon: "), proc.stderr)

    def test_missing_input_names_the_path(self):
        proc = sageon("sentences", "no/such/file.txt", check=1)
        self.assertIn("no/such/file.txt", proc.stderr)


class StageOutput(unittest.TestCase):
    TEXT = ("샘 알트먼(Sam Altman) 오픈AI CEO가 2023년 11월 17일 이사회에서 해임되었다.\n"
            "마이크로소프트는 20일 알트먼의 합류를 발표했다.\n")

    def run_stage(self, stage, *extra):
        return json_lines(sageon(stage, "--doc-date", "2023-11-25", *extra, "-", stdin=self.TEXT,
                                 check=0).stdout)

    def assert_spans(self, records, field="text"):
        self.assertTrue(records)
        for r in records:
            self.assertEqual(r["doc"], "-")
            self.assertEqual(self.TEXT[r["start"]:r["end"]], r[field], r)

    def test_sentences(self):
        records = self.run_stage("sentences")
        self.assert_spans(records)
        self.assertEqual(len(records), 2)

    def test_tokens_have_parts(self):
        records = self.run_stage("tokens")
        self.assert_spans(records, "surface")
        by_surface = {r["surface"]: r for r in records}
        self.assertIn("알트먼의", by_surface)
        parts = [p["surface"] for p in by_surface["알트먼의"]["parts"]]
        self.assertEqual(parts, ["알트먼", "의"])
        for r in records:
            self.assertIn("tag", r)

    def test_dates(self):
        records = self.run_stage("dates")
        self.assert_spans(records)
        values = {r["text"]: r for r in records}
        self.assertEqual(values["2023년 11월 17일"]["value"], "2023-11-17")
        self.assertEqual(values["2023년 11월 17일"]["grain"], "day")
        self.assertEqual(values["20일"]["value"], "2023-11-20")

    def test_entities(self):
        records = self.run_stage("entities")
        self.assert_spans(records)
        found = {(r["text"], r["type"]) for r in records}
        self.assertIn(("샘 알트먼", "PERSON"), found)
        self.assertIn(("마이크로소프트", "ORG"), found)
        self.assertIn(("2023년 11월 17일", "DATE"), found)
        ids = {r["text"]: r.get("id") for r in records if r["type"] == "PERSON"}
        self.assertEqual(ids.get("알트먼"), ids["샘 알트먼"], "partial mention links to the full name")

    def test_events(self):
        records = self.run_stage("events")
        self.assertTrue(records)
        for r in records:
            for key in ("doc", "date", "type", "trigger", "actors", "sentence"):
                self.assertIn(key, r)
            self.assertEqual(self.TEXT[r["sentence"]["start"]:r["sentence"]["end"]],
                             r["sentence"]["text"])
            for a in r["actors"]:
                self.assertEqual(set(a), {"name", "id", "type", "role"})
        dismissal = [r for r in records if r["trigger"] == "해임"]
        self.assertTrue(dismissal, records)
        self.assertEqual(dismissal[0]["date"]["value"], "2023-11-17")
        roles = {a["name"]: a["role"] for a in dismissal[0]["actors"]}
        self.assertEqual(roles.get("샘 알트먼"), "patient", "a passive puts the subject in the patient role")

    def test_user_dictionary(self):
        with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as f:
            f.write("name\ttype\taliases\n가나다라상사\tORG\tGNDR\n")
            path = f.name
        try:
            out = sageon("entities", "--dict", path, "-", stdin="가나다라상사는 새 공장을 지었다.\n",
                         check=0).stdout
        finally:
            os.unlink(path)
        self.assertIn(("가나다라상사", "ORG"), {(r["text"], r["type"]) for r in json_lines(out)})


class RunOnCorpus(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.out = tempfile.mkdtemp(prefix="sageon-run-")
        cls.proc = sageon("run", "corpus", "--out", cls.out, "--quiet")
        cls.summary = read_json(os.path.join(cls.out, "summary.json"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.out, ignore_errors=True)

    def test_every_document_accounted_for(self):
        self.assertEqual(self.proc.returncode, 0, self.proc.stderr)
        expected = 0
        for root, _, files in os.walk(os.path.join(ARGS.source, "corpus")):
            for name in files:
                path = os.path.join(root, name)
                if name.endswith(".txt"):
                    expected += 1
                elif name.endswith(".jsonl"):
                    expected += sum(1 for line in read_text(path).splitlines() if line.strip())
        self.assertEqual(self.summary["documents_total"], expected)
        self.assertEqual(self.summary["documents_processed"], expected)
        self.assertEqual(len(self.summary["documents"]), expected)

    def test_graph_is_meaningful(self):
        graph = self.summary["graph"]
        self.assertGreaterEqual(graph["events"], 8)
        self.assertGreaterEqual(graph["actors"], 5)
        self.assertGreater(graph["actor_actor_edges"], 0)

    def test_graphml_loads_in_networkx_and_igraph(self):
        import networkx as nx
        path = os.path.join(self.out, "graph.graphml")
        g = nx.read_graphml(path)
        self.assertEqual(g.number_of_nodes(), self.summary["graph"]["actors"] + self.summary["graph"]["events"])
        for _, data in g.nodes(data=True):
            self.assertTrue(data.get("label"), data)
        try:
            import igraph
        except ImportError:
            self.skipTest("python3-igraph not installed")
        ig = igraph.Graph.Read_GraphML(path)
        self.assertEqual(ig.vcount(), g.number_of_nodes())

    def test_gexf_loads_in_networkx_with_spells(self):
        g = load_gexf(os.path.join(self.out, "graph.gexf"))
        self.assertEqual(g.number_of_nodes(),
                         self.summary["graph"]["actors"] + self.summary["graph"]["events"])
        self.assertGreater(g.number_of_nodes(), 0)
        text = read_text(os.path.join(self.out, "graph.gexf"))
        self.assertIn('version="1.3"', text)
        self.assertRegex(text, r'start="\d{4}-\d{2}-\d{2}"')

    def test_csv_exports(self):
        def rows(name):
            with open(os.path.join(self.out, name), encoding="utf-8", newline="") as f:
                return list(csv.DictReader(f))
        nodes = rows("nodes.csv")
        edges = rows("edges.csv")
        ids = {n["Id"] for n in nodes}
        self.assertEqual(len(ids), len(nodes), "node ids are unique")
        for e in edges:
            self.assertIn(e["Source"], ids)
            self.assertIn(e["Target"], ids)
            self.assertIn(e["Type"], ("Directed", "Undirected"))
            float(e["Weight"])
        events = rows("events.csv")
        self.assertEqual(len(events), self.summary["graph"]["events"])
        starts = [first_day(e["date"]) for e in events]
        self.assertEqual(starts, sorted(starts), "the timeline is sorted by date")
        for col in ("date", "grain", "type", "trigger", "actors", "doc", "sentence"):
            self.assertIn(col, events[0])
        entities = rows("entities.csv")
        for col in ("id", "type", "name", "aliases", "mentions", "documents"):
            self.assertIn(col, entities[0])

    def test_jobs_do_not_change_output(self):
        other = tempfile.mkdtemp(prefix="sageon-run1-")
        try:
            sageon("run", "corpus", "--out", other, "--quiet", "--jobs", "1", check=0)
            for name in ("events.csv", "entities.csv", "nodes.csv", "edges.csv", "graph.graphml",
                         "graph.gexf"):
                with open(os.path.join(self.out, name), "rb") as a, open(os.path.join(other, name), "rb") as b:
                    self.assertEqual(a.read(), b.read(), name)
        finally:
            shutil.rmtree(other, ignore_errors=True)


class GoldenCorpus(unittest.TestCase):
    """What each stage prints for corpus/, checked in under tests/golden/. A change in any stage
    shows as a diff of the stage it changed; after checking the diff by eye, rewrite the files
    with SAGEON_UPDATE_GOLDEN=1 ctest -R cli_test."""

    CASES = (("sentences", "corpus_sentences.jsonl"), ("tokens", "corpus_tokens.jsonl"),
             ("dates", "corpus_dates.jsonl"), ("entities", "corpus_entities.jsonl"),
             ("events", "corpus_events.jsonl"), ("timeline", "corpus_timeline.txt"))

    def test_stage_outputs_match_golden_files(self):
        golden_dir = os.path.join(ARGS.source, "tests", "golden")
        update = os.environ.get("SAGEON_UPDATE_GOLDEN") == "1"
        for stage, name in self.CASES:
            with self.subTest(stage=stage):
                got = sageon(stage, "corpus", "--quiet", check=0).stdout
                path = os.path.join(golden_dir, name)
                if update:
                    os.makedirs(golden_dir, exist_ok=True)
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(got)
                    continue
                with open(path, encoding="utf-8") as f:
                    want = f.read()
                if got != want:
                    import difflib
                    diff = "".join(list(difflib.unified_diff(
                        want.splitlines(True), got.splitlines(True), name, "now"))[:60])
                    self.fail(f"sageon {stage} corpus differs from tests/golden/{name}:\n{diff}")


class BadInput(unittest.TestCase):
    def test_bad_documents_are_reported_and_the_rest_processed(self):
        folder = tempfile.mkdtemp(prefix="sageon-bad-")
        out = os.path.join(folder, "out")
        try:
            with open(os.path.join(folder, "a_good.txt"), "w", encoding="utf-8") as f:
                f.write("삼성전자는 2024년 1월 5일 새 공장 설립을 발표했다.\n")
            with open(os.path.join(folder, "b_binary.txt"), "wb") as f:
                f.write(b"\x00\x01\x02binary\x00")
            with open(os.path.join(folder, "c_lines.jsonl"), "w", encoding="utf-8") as f:
                f.write('{"id": "ok", "text": "오늘은 맑다.", "date": "2024-01-02"}\n')
                f.write('{"id": "broken", "text": \n')
                f.write('{"id": "no-text"}\n')
            with open(os.path.join(folder, "d_cp949.txt"), "wb") as f:
                f.write("현대자동차는 어제 신차를 공개했다.".encode("cp949"))
            proc = sageon("run", folder, "--out", out)
            self.assertEqual(proc.returncode, 1, "a failed input makes the exit code 1")
            self.assertIn("c_lines.jsonl:2", proc.stderr)
            summary = read_json(os.path.join(out, "summary.json"))
            status = {d["source"]: d for d in summary["documents"]}
            self.assertEqual(summary["documents_total"], 6)
            self.assertEqual(status[os.path.join(folder, "a_good.txt")]["status"], "processed")
            self.assertEqual(status[os.path.join(folder, "b_binary.txt")]["status"], "skipped")
            self.assertIn("NUL", status[os.path.join(folder, "b_binary.txt")]["reason"])
            self.assertEqual(status[os.path.join(folder, "c_lines.jsonl") + ":1"]["status"], "processed")
            self.assertEqual(status[os.path.join(folder, "c_lines.jsonl") + ":2"]["status"], "failed")
            self.assertIn("text", status[os.path.join(folder, "c_lines.jsonl") + ":3"]["reason"])
            self.assertEqual(status[os.path.join(folder, "d_cp949.txt")]["encoding"], "cp949")
        finally:
            shutil.rmtree(folder, ignore_errors=True)


class NameDiscovery(unittest.TestCase):
    """A name no dictionary has, back in several files with particles people take, is a PERSON in
    a batch over files; the run equals one with `discover`'s output given to --dict; standard
    input is read once, without discovery; every shard discovers the same names."""

    STORY = ["서율은 아침마다 공원을 달렸다.", "어머니는 서율에게 편지를 썼다.",
             "서율의 꿈은 화가였다.", "그날 서율은 상을 받았다."]

    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="sageon-discover-")
        cls.inputs = os.path.join(cls.folder, "in")
        os.makedirs(cls.inputs)
        for i, text in enumerate(cls.STORY):
            with open(os.path.join(cls.inputs, f"{i}.txt"), "w", encoding="utf-8") as f:
                f.write(text + "\n")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)

    def people(self, *args, stdin=None):
        records = json_lines(sageon("entities", *args, stdin=stdin, check=0).stdout)
        return sorted({r["text"] for r in records if r["type"] == "PERSON"})

    def test_a_recurring_name_is_found_in_files_only(self):
        self.assertEqual(self.people(self.inputs), ["서율"])
        self.assertEqual(self.people(self.inputs, "--no-discover"), [])
        self.assertEqual(self.people("-", stdin="\n".join(self.STORY) + "\n"), [])

    def test_discover_lists_the_names_as_a_gazetteer(self):
        listed = sageon("discover", self.inputs, check=0).stdout
        rows = [line.split("\t") for line in listed.splitlines() if not line.startswith("#")]
        self.assertEqual(rows[0], ["name", "type", "aliases", "documents", "with_particle",
                                   "animate"])
        self.assertEqual([r[:4] for r in rows[1:]], [["서율", "PERSON", "", "4"]])

    def test_run_equals_a_run_with_the_discovered_names_as_dict(self):
        names = os.path.join(self.folder, "names.tsv")
        with open(names, "w", encoding="utf-8") as f:
            f.write(sageon("discover", self.inputs, check=0).stdout)
        found = os.path.join(self.folder, "found")
        given = os.path.join(self.folder, "given")
        sageon("run", self.inputs, "--out", found, "--quiet", check=0)
        sageon("run", self.inputs, "--out", given, "--quiet", "--no-discover", "--dict", names,
               check=0)
        for name in ("entities.csv", "events.csv", "nodes.csv", "edges.csv", "graph.graphml"):
            self.assertEqual(read_text(os.path.join(found, name)),
                             read_text(os.path.join(given, name)), name)
        self.assertIn("person:서율", read_text(os.path.join(found, "entities.csv")))

    def test_shards_find_the_names_of_the_whole_input(self):
        ids = set()
        for k in (1, 2):
            out = os.path.join(self.folder, f"shard{k}")
            sageon("run", self.inputs, "--out", out, "--quiet", "--shard", f"{k}/2", check=0)
            for line in read_text(os.path.join(out, "documents.jsonl")).splitlines():
                record = json.loads(line)
                for e in record.get("entities", []):
                    if e.get("type") == "PERSON":
                        ids.add(record["id"])
        self.assertEqual(len(ids), len(self.STORY), "every document names 서율 in its shard")


class Encodings(unittest.TestCase):
    """A CP949, a UTF-16LE and a UTF-16BE copy (with and without byte order marks) of every corpus
    document, posts and JSON lines alike, give exactly the entities, dates and events of the UTF-8
    original; so do copies read with --encoding."""

    COPIES = {
        "utf-8": lambda text: text.encode("utf-8"),
        "cp949": lambda text: text.encode("cp949"),
        "utf-16le": lambda text: b"\xff\xfe" + text.encode("utf-16-le"),
        "utf-16be": lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
        # No byte order mark: the NUL high bytes of spaces and line breaks tell the byte order.
        "utf-16le-no-bom": lambda text: text.encode("utf-16-le"),
        "utf-16be-no-bom": lambda text: text.encode("utf-16-be"),
        # Read with --encoding, which detection then does not second-guess.
        "utf-16le-named": lambda text: text.encode("utf-16-le"),
        "euc-kr-named": lambda text: text.encode("euc-kr"),
    }
    OPTIONS = {"utf-16le-named": ["--encoding", "utf-16le"],
               "euc-kr-named": ["--encoding", "euc-kr"]}

    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp(prefix="sageon-enc-")
        for copy, encode in cls.COPIES.items():
            for name, content in corpus_files().items():
                write_bytes(os.path.join(cls.root, copy, name), encode(content))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root, ignore_errors=True)

    def stage(self, copy, stage):
        # Run inside the copy's folder so every copy has the same document ids ("./a.txt"):
        # document-scoped entity ids are derived from them.
        proc = subprocess.run([ARGS.sageon, stage, ".", *self.OPTIONS.get(copy, [])],
                              cwd=os.path.join(self.root, copy), capture_output=True)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode("utf-8", "replace"))
        self.assertNotIn(b"warning", proc.stderr, f"{copy}: nothing to repair")
        records = json_lines(proc.stdout.decode("utf-8"))
        for r in records:
            r.pop("doc", None)
            r.pop("source", None)
        return records

    def test_every_encoding_gives_the_same_records(self):
        for stage in ("entities", "dates", "events"):
            want = self.stage("utf-8", stage)
            self.assertGreater(len(want), 10, stage)
            for copy in self.COPIES:
                if copy != "utf-8":
                    with self.subTest(stage=stage, copy=copy):
                        self.assertEqual(self.stage(copy, stage), want)

    def test_summary_names_the_encoding(self):
        out = os.path.join(self.root, "out")
        sageon("run", os.path.join(self.root, "cp949"), "--out", out, "--quiet", check=0)
        summary = read_json(os.path.join(out, "summary.json"))
        self.assertEqual({d["encoding"] for d in summary["documents"]}, {"cp949"})

    def test_unknown_encoding_is_a_usage_error(self):
        proc = sageon("dates", "--encoding", "klingon-8", "-", stdin="")
        self.assertEqual(proc.returncode, 2, proc.stderr)
        self.assertIn("--encoding", proc.stderr)
        self.assertIn("klingon-8", proc.stderr)
        proc = sageon("run", "--on-invalid", "ignore", "--out", self.root)
        self.assertEqual(proc.returncode, 2, proc.stderr)
        self.assertIn("--on-invalid", proc.stderr)


class OnInvalid(unittest.TestCase):
    """--on-invalid: invalid bytes repaired and counted (the default), the document skipped, or
    the run failing; each message names the file and the byte offset."""

    def test_policies(self):
        folder = tempfile.mkdtemp(prefix="sageon-invalid-")
        try:
            good = "한빛전자는 2024년 3월 4일 김서준 대표를 해임했다.\n"
            write_bytes(os.path.join(folder, "in", "a_good.txt"), good.encode())
            bad = "한빛전자는".encode() + b"\xff\xfe" + " 2024년 3월 5일 신제품을 공개했다.\n".encode()
            write_bytes(os.path.join(folder, "in", "b_bad.txt"), bad)
            bad_path = os.path.join(folder, "in", "b_bad.txt")
            expected = {"replace": (0, "processed"), "skip": (0, "skipped"), "fail": (1, "failed")}
            for policy, (code, status) in expected.items():
                with self.subTest(policy=policy):
                    out = os.path.join(folder, policy)
                    args = ["run", os.path.join(folder, "in"), "--out", out]
                    if policy != "replace":
                        args += ["--on-invalid", policy]
                    proc = sageon(*args)
                    self.assertEqual(proc.returncode, code, proc.stderr)
                    self.assertIn(f"{bad_path}: invalid UTF-8 at byte offset 15", proc.stderr)
                    summary = read_json(os.path.join(out, "summary.json"))
                    docs = {d["source"]: d for d in summary["documents"]}
                    self.assertEqual(docs[bad_path]["status"], status)
                    self.assertEqual(summary["counts"]["replaced_bytes"], 2 if policy == "replace" else 0)
                    if policy == "replace":
                        self.assertEqual(docs[bad_path]["replaced_bytes"], 2)
                    else:
                        self.assertIn("byte offset 15", docs[bad_path]["reason"])
                    self.assertEqual(summary["documents_processed"], 2 if policy == "replace" else 1)
            # A stage command applies it too: the good document is printed, the exit code fails.
            proc = sageon("dates", os.path.join(folder, "in"), "--on-invalid", "fail")
            self.assertEqual(proc.returncode, 1)
            self.assertIn("2024-03-04", proc.stdout)
            self.assertNotIn("2024-03-05", proc.stdout)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


class Interrupt(unittest.TestCase):
    """SIGINT and SIGTERM during `sageon run` stop it cleanly: exit code 128 + the signal, a
    summary on stderr, and the output folder as it was (no half file, no temporary left)."""

    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp(prefix="sageon-sig-")
        cls.big = os.path.join(cls.root, "big.jsonl")
        texts = corpus_texts()
        size = 0
        with open(cls.big, "w", encoding="utf-8") as f:
            n = 0
            while size < 30 * 2**20:  # a run of a minute or more
                line = json.dumps({"id": f"d{n}", "text": texts[n % len(texts)]},
                                  ensure_ascii=False) + "\n"
                f.write(line)
                size += len(line.encode())
                n += 1

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root, ignore_errors=True)

    def interrupt(self, out, signals, delay=0.5):
        proc = subprocess.Popen([ARGS.sageon, "run", self.big, "--out", out],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(delay)
        for sig in signals:
            proc.send_signal(sig)
        try:
            _, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            self.fail("sageon run did not stop within 60 s of the signal")
        return proc.returncode, err.decode("utf-8", "replace")

    def snapshot(self, out):
        files = {}
        for name in os.listdir(out) if os.path.isdir(out) else []:
            with open(os.path.join(out, name), "rb") as f:
                files[name] = f.read()
        return files

    def previous_run(self, name):
        out = os.path.join(self.root, name)
        sageon("run", "corpus", "--out", out, "--quiet", check=0)
        before = self.snapshot(out)
        self.assertEqual(len(before), 8)
        return out, before

    def test_sigint_leaves_the_previous_outputs(self):
        out, before = self.previous_run("sigint")
        code, err = self.interrupt(out, [signal.SIGINT])
        self.assertEqual(code, 130, err)
        self.assertIn("interrupted by SIGINT", err)
        self.assertRegex(err, r"\d+ documents processed")
        self.assertEqual(self.snapshot(out), before, "the previous outputs are untouched")
        check_exports(self, out)

    def test_sigterm_writes_nothing(self):
        out = os.path.join(self.root, "sigterm")
        code, err = self.interrupt(out, [signal.SIGTERM])
        self.assertEqual(code, 143, err)
        self.assertIn("interrupted by SIGTERM", err)
        self.assertEqual(self.snapshot(out), {}, "nothing from the stopped run")

    def test_second_sigint_stops_at_once(self):
        out, before = self.previous_run("twice")
        code, err = self.interrupt(out, [signal.SIGINT, signal.SIGINT])
        self.assertEqual(code, 130, err)
        self.assertEqual(self.snapshot(out), before)

    def test_stage_command_stops_too(self):
        proc = subprocess.Popen([ARGS.sageon, "sentences", self.big], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        self.assertEqual(proc.returncode, 130, err)
        for line in out.decode("utf-8").splitlines():
            json.loads(line)  # whole lines only


class HostileIds(unittest.TestCase):
    """Ids from the input (JSON "id", file names) are data, never paths: the outputs stay in --out
    under their own names, and the exports load whatever the ids hold."""

    IDS = ["../../etc/sageon-x", "a/b", "/tmp/sageon-abs", "ctl\x01\x07\x1b\x7f-id",
           'quote",comma\nnewline\r', "<tag a='&amp;'>", "=cmd|' /C calc'!A0", "..", ""]

    def test_ids_never_become_paths(self):
        root = tempfile.mkdtemp(prefix="sageon-ids-")
        try:
            inputs, out = os.path.join(root, "in"), os.path.join(root, "out")
            text = "한빛전자는 2024년 3월 4일 이사회에서 김서준 대표를 해임했다."
            with open(os.path.join(root, "in.jsonl"), "w", encoding="utf-8") as f:
                for i, doc_id in enumerate(self.IDS):
                    f.write(json.dumps({"id": doc_id, "text": f"{text} ({i})"}) + "\n")
            os.makedirs(inputs)
            shutil.move(os.path.join(root, "in.jsonl"), os.path.join(inputs, "in.jsonl"))
            for name in ("ctl\x01\x1fname.txt", "new\nline.txt", "q\"uote,.txt"):
                write_bytes(os.path.join(inputs, name), text.encode())
            proc = sageon("run", inputs, "--out", out)
            self.assertEqual(proc.returncode, 0, proc.stderr)

            written = sorted(os.path.relpath(os.path.join(d, f), root)
                             for d, _, files in os.walk(root) for f in files)
            inputs_written = sorted(os.path.relpath(os.path.join(inputs, f), root)
                                    for f in os.listdir(inputs))
            self.assertEqual([w for w in written if not w.startswith("out" + os.sep)],
                             inputs_written, "nothing written outside --out")
            self.assertFalse(os.path.exists(os.path.join(out, "../../etc/sageon-x")))
            self.assertFalse(os.path.exists("/tmp/sageon-abs"))

            tables = check_exports(self, out)
            cells = {cell for row in tables["events.csv"] for cell in row.values()}
            sources = "\n".join(cells)
            for doc_id in self.IDS[:-1]:  # "" is no id: the line's source names the document
                # Cells keep ids as they are but for the C0 controls that break spreadsheets;
                # commas, quotes and line breaks survive through RFC 4180 quoting.
                shown = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", doc_id)
                self.assertIn(shown, sources)
            ids = {d["id"] for d in tables["summary.json"]["documents"]}
            self.assertEqual(len(ids), len(self.IDS) + 3)
            self.assertNotIn("", ids)
        finally:
            shutil.rmtree(root, ignore_errors=True)


class ProofFolder(unittest.TestCase):
    """Issue 7's proof: one `sageon run` over a folder of every kind of bad input and the four
    extremes (a 16 MB line without a break, a 15 MB document, 400,000 nested brackets, a sentence
    of 100,000 tokens). Every input is accounted for in summary.json with the right status and the
    exports load. The inputs are generated here from corpus/ (tests/cli/extremes.py, whose scaling
    check shows each extreme's time and memory growing linearly), never committed."""

    # Work per input is linear: a release build runs the folder in about 20 s of CPU (35 s on a
    # loaded 2-core machine), the sanitizer build of CI (scripts/sanitize.sh: ASan, UBSan, -O1 and
    # libFuzzer's coverage instrumentation, about 13x slower) in about 260 s. Before the extremes
    # were made linear the 16 MB line and the 15 MB document alone took about 12 minutes of CPU in
    # release (hours under the sanitizers), so running out of this time means a stage went
    # superlinear again.
    TIMEOUT = 900

    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp(prefix="sageon-proof-")
        cls.folder = os.path.join(cls.root, "in")
        cls.out = os.path.join(cls.root, "out")
        texts = corpus_texts()
        post = texts[0]
        import extremes  # tests/cli/extremes.py, next to this file

        files = {
            "good_utf8.txt": post.encode(),
            "cp949.txt": texts[1].encode("cp949"),
            "utf16le_bom.txt": b"\xff\xfe" + texts[2].encode("utf-16-le"),
            "utf16be_bom.txt": b"\xfe\xff" + texts[3].encode("utf-16-be"),
            "utf8_bom.txt": b"\xef\xbb\xbf" + texts[4].encode(),
            "invalid_bytes.txt": post[:30].encode() + b"\xff\xc0\x80" + post[30:].encode(),
            "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
            "empty.txt": b"",
            "control_chars.txt": ("한빛\x01전자는\x02 2024년 3월 4일\x1b[31m 김서준\x7f 대표를\x0b "
                                  "해임했다.\x0c\x1f 끝\ufffe\uffff.\n").encode(),
            "lines.jsonl": b"\n".join([
                json.dumps({"id": "ok", "text": post}, ensure_ascii=False).encode(),
                '{"id": "broken", "text": "닫히지 않음'.encode(),
                json.dumps({"id": "no-text", "title": "본문 없음"}).encode(),
                json.dumps({"id": "number-text", "text": 42}).encode(),
                json.dumps({"id": {"nested": 1}, "text": "객체 id"}).encode(),
                b"",
                b'{"id": "deep", "text": "deep", "extra": ' + b"[" * 400000 + b"]" * 400000 + b"}",
                b"[" * 400000,
                b'{"id": "bad-bytes", "text": "\xff"}',
            ]) + b"\n",
            # The extremes.
            "brackets.txt": ("(" * 400000 + "한빛전자는 2024년 3월 4일 김서준 대표를 해임했다."
                             + ")" * 400000).encode(),
            "long_sentence.txt": ("한빛전자는 " + "새로운 " * 100000 + "공장을 지었다.\n").encode(),
            "long_line.txt": extremes.line(texts, 16 * extremes.MB),
            "long_document.txt": extremes.document(texts, 15 * extremes.MB),
        }
        for name, data in files.items():
            write_bytes(os.path.join(cls.folder, name), data)
        started = time.monotonic()
        try:
            cls.proc = subprocess.run([ARGS.sageon, "run", cls.folder, "--out", cls.out, "--quiet"],
                                      capture_output=True, timeout=cls.TIMEOUT)
        except subprocess.TimeoutExpired:
            cls.proc = None
        cls.seconds = time.monotonic() - started

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root, ignore_errors=True)

    def setUp(self):
        if self.proc is None:
            self.fail(f"sageon run over the proof folder did not finish in {self.TIMEOUT} s")

    def path(self, name):
        return os.path.join(self.folder, name)

    def test_exit_code_says_some_input_failed(self):
        self.assertEqual(self.proc.returncode, 1, self.proc.stderr.decode("utf-8", "replace"))

    def test_every_input_is_accounted_for(self):
        summary = read_json(os.path.join(self.out, "summary.json"))
        files = {f["path"]: f for f in summary["files"]}
        self.assertEqual(sorted(files), sorted(self.path(n) for n in os.listdir(self.folder)))
        docs = {d["source"]: d for d in summary["documents"]}
        self.assertEqual(len(docs), summary["documents_total"])
        self.assertEqual(summary["documents_total"],
                         sum(f["documents"] for f in summary["files"]))

        texts = corpus_texts()
        encodings = {"good_utf8.txt": ("utf-8", texts[0]), "cp949.txt": ("cp949", texts[1]),
                     "utf16le_bom.txt": ("utf-16le", texts[2]),
                     "utf16be_bom.txt": ("utf-16be", texts[3]),
                     "utf8_bom.txt": ("utf-8 (BOM)", texts[4])}
        for name, (encoding, text) in encodings.items():
            self.assertEqual(docs[self.path(name)]["status"], "processed", name)
            self.assertEqual(docs[self.path(name)]["encoding"], encoding, name)
            self.assertEqual(docs[self.path(name)]["characters"], len(text), name)
            self.assertNotIn("replaced_bytes", docs[self.path(name)], name)
        invalid = docs[self.path("invalid_bytes.txt")]
        self.assertEqual(invalid["status"], "processed")
        self.assertEqual(invalid["replaced_bytes"], 3)
        offset = len(texts[0][:30].encode())
        self.assertIn(f"byte offset {offset}", invalid["warnings"][0])
        self.assertEqual(docs[self.path("binary.txt")]["status"], "skipped")
        self.assertIn("NUL", docs[self.path("binary.txt")]["reason"])
        self.assertEqual(docs[self.path("empty.txt")]["status"], "processed")
        self.assertEqual(docs[self.path("empty.txt")]["characters"], 0)
        self.assertEqual(docs[self.path("control_chars.txt")]["status"], "processed")
        for name in ("brackets.txt", "long_sentence.txt", "long_line.txt", "long_document.txt"):
            self.assertEqual(docs[self.path(name)]["status"], "processed", name)
            self.assertGreater(docs[self.path(name)]["sentences"], 0, name)
        # The long line and document are corpus/ many times over: they find its events, and their
        # text is read whole.
        for name in ("long_line.txt", "long_document.txt"):
            self.assertEqual(docs[self.path(name)]["characters"],
                             len(read_text(self.path(name))), name)
            self.assertGreater(docs[self.path(name)]["events"], 1000, name)

        lines = self.path("lines.jsonl")
        want = {1: "processed", 2: "failed", 3: "failed", 4: "failed", 5: "failed",
                7: "processed", 8: "failed", 9: "processed"}
        got = {d["line"]: d["status"] for d in summary["documents"] if d["source"].startswith(lines)}
        self.assertEqual(got, want)
        for d in summary["documents"]:
            if d["source"].startswith(lines):
                self.assertEqual(d["source"], f"{lines}:{d['line']}")
                if d["status"] == "failed":
                    self.assertTrue(d["reason"], d)
        self.assertEqual(files[lines], {"path": lines, "documents": 8, "processed": 3,
                                        "skipped": 0, "failed": 5})
        self.assertEqual(summary["counts"]["replaced_bytes"], 4)
        self.assertEqual(summary["documents_failed"], 5)
        self.assertEqual(summary["documents_skipped"], 1)

    def test_exports_load(self):
        tables = check_exports(self, self.out)
        self.assertGreater(len(tables["events.csv"]), 10)


class SeedPost(unittest.TestCase):
    """The blog post the project started from: the dated list of 17-22 November 2023."""

    @classmethod
    def setUpClass(cls):
        cls.path = shared("seed/000_e6fe4dbf8c2f6a6d.txt")
        if cls.path is None:
            raise unittest.SkipTest("../shared/seed is absent")

    def test_timeline_lists_the_dated_events(self):
        out = sageon("timeline", self.path, check=0).stdout
        for day in ("2023-11-17", "2023-11-19", "2023-11-20", "2023-11-21", "2023-11-22"):
            self.assertIn(day, out, out)
        lines = [l for l in out.splitlines() if l.startswith("2023-11-17")]
        self.assertTrue(any("샘 알트먼" in l and "해임" in l for l in lines), out)
        self.assertTrue(any("미라 무라티" in l and "임명" in l for l in lines), out)

    def test_entities_and_aliases(self):
        records = json_lines(sageon("entities", self.path, check=0).stdout)
        people = {r["name"] for r in records if r["type"] == "PERSON"}
        orgs = {r["name"] for r in records if r["type"] == "ORG"}
        for name in ("샘 알트먼", "미라 무라티", "에밋 시어", "그렉 브록먼", "일리야 수츠케버", "브렛 테일러"):
            self.assertIn(name, people)
        self.assertTrue({"오픈AI", "OpenAI"} & orgs, orgs)
        self.assertIn("마이크로소프트", orgs)
        ids = {r["text"]: r["id"] for r in records if r["type"] == "ORG"}
        self.assertEqual(ids.get("OpenAI"), ids.get("오픈AI"), "OpenAI(이하, 오픈AI) links the alias")


class Wikinews(unittest.TestCase):
    def test_run_accounts_for_every_article(self):
        path = shared("corpus/wikinews_ko.jsonl")
        if path is None:
            self.skipTest("../shared/corpus is absent")
        out = tempfile.mkdtemp(prefix="sageon-wiki-")
        try:
            sageon("run", path, "--out", out, "--quiet", check=0)
            summary = read_json(os.path.join(out, "summary.json"))
            lines = sum(1 for line in read_text(path).splitlines() if line.strip())
            self.assertEqual(summary["documents_total"], lines)
            self.assertEqual(summary["documents_processed"], lines)
            self.assertGreater(summary["graph"]["events"], 100)
            self.assertGreater(summary["graph"]["actors"], 100)
            self.assertGreater(summary["graph"]["actor_actor_edges"], 50)
        finally:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--sageon", required=True)
    parser.add_argument("--source", required=True)
    ARGS, rest = parser.parse_known_args()
    ARGS.sageon = os.path.abspath(ARGS.sageon)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)
