#!/usr/bin/env python3
"""End-to-end tests of the sageon CLI: exit codes, the JSON lines of every stage, `run` on corpus/
with every export loaded by the tools users open them with (networkx, igraph, csv), bad input
accounted for in summary.json, and the seed post and Wikinews corpus from ../shared when present."""
import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
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
        cls.summary = json.load(open(os.path.join(cls.out, "summary.json"), encoding="utf-8"))

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
                    expected += sum(1 for line in open(path, encoding="utf-8") if line.strip())
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
        import networkx as nx
        from networkx.readwrite.gexf import GEXF
        if "1.3" not in GEXF.versions:
            # Debian 12's networkx 2.8 predates its GEXF 1.3 reader (networkx 3.0). GEXF 1.3 keeps
            # 1.2's elements under a new namespace, which is all networkx 3 registers for it.
            GEXF.versions["1.3"] = dict(GEXF.versions["1.2draft"], NS_GEXF="http://gexf.net/1.3",
                                        NS_VIZ="http://gexf.net/1.3/viz", VERSION="1.3")
        g = nx.read_gexf(os.path.join(self.out, "graph.gexf"), version="1.3")
        self.assertEqual(g.number_of_nodes(),
                         self.summary["graph"]["actors"] + self.summary["graph"]["events"])
        self.assertGreater(g.number_of_nodes(), 0)
        text = open(os.path.join(self.out, "graph.gexf"), encoding="utf-8").read()
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
            summary = json.load(open(os.path.join(out, "summary.json"), encoding="utf-8"))
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
            summary = json.load(open(os.path.join(out, "summary.json"), encoding="utf-8"))
            lines = sum(1 for line in open(path, encoding="utf-8") if line.strip())
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
