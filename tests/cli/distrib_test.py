#!/usr/bin/env python3
"""Beyond one machine: `run --shard K/N` splits the documents, `merge` puts runs back together
(shards merged are byte for byte one run, in any grouping), `run --update` adds documents to a
run, and `stream` is a mapper whose output `merge` reduces to what `run` writes."""
import argparse
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import shard_util  # noqa: E402

ARGS = None


def sageon(*args, stdin=None, check=0):
    return shard_util.run_sageon(ARGS.sageon, *args, cwd=ARGS.source, stdin=stdin, check=check)


def records(folder_or_file):
    path = folder_or_file
    if os.path.isdir(path):
        path = os.path.join(path, "documents.jsonl")
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def documents(folder_or_file):
    return [r for r in records(folder_or_file) if r["record"] == "document"]


class Temp(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp(prefix="sageon-distrib-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root, ignore_errors=True)

    @classmethod
    def path(cls, *names):
        return os.path.join(cls.root, *names)


class ShardAndMerge(Temp):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inputs = shard_util.make_inputs(ARGS.source, cls.root)
        # Some inputs fail (a malformed line, a line without text): exit code 1, outputs written.
        sageon("run", cls.inputs, "--out", cls.path("one"), "--quiet", check=1)
        for k in (1, 2, 3):
            sageon("run", cls.inputs, "--shard", f"{k}/3", "--out", cls.path(f"shard{k}"),
                   "--quiet", check=None)
        sageon("merge", cls.path("shard1"), cls.path("shard2"), cls.path("shard3"), "--out",
               cls.path("merged"), "--quiet")

    def test_shards_partition_the_documents(self):
        whole = [(d["source"], d["status"]) for d in documents(self.path("one"))]
        parts = [[(d["source"], d["status"]) for d in documents(self.path(f"shard{k}"))]
                 for k in (1, 2, 3)]
        self.assertEqual(sorted(whole), sorted(sum(parts, [])), "each document in one shard")
        self.assertGreaterEqual(sum(1 for p in parts if p), 2, "the documents are spread")
        # Every shard names every input file, so merging keeps the files in their order.
        files = [r["file"] for r in records(self.path("one")) if r["record"] == "file"]
        for k in (1, 2, 3):
            self.assertEqual(
                [r["file"] for r in records(self.path(f"shard{k}")) if r["record"] == "file"],
                files)

    def test_merged_shards_equal_one_run(self):
        shard_util.assert_same_run(self, self.path("one"), self.path("merged"))

    def test_the_order_shards_are_merged_in_does_not_matter(self):
        out = self.path("merged-reordered")
        sageon("merge", self.path("shard3"), self.path("shard1"), self.path("shard2"), "--out",
               out, "--quiet")
        shard_util.assert_same_run(self, self.path("one"), out)

    def test_merge_reads_documents_jsonl_files_and_merges_into_an_input(self):
        out = self.path("merged-files")
        shutil.copytree(self.path("shard1"), out)
        sageon("merge", out, os.path.join(self.path("shard2"), "documents.jsonl"),
               self.path("shard3"), "--out", out, "--quiet")
        shard_util.assert_same_run(self, self.path("one"), out)

    def test_a_duplicate_id_is_replaced_by_the_later_document(self):
        twice = [d for d in documents(self.path("one")) if d["id"] == "twice"]
        self.assertEqual([d["status"] for d in twice], ["replaced", "processed"])
        self.assertEqual(twice[0]["entities"], [])
        self.assertIn("replaced by " + twice[1]["source"], twice[0]["reason"])
        summary = shard_util.read_outputs(self.path("one"))["summary.json"]
        self.assertEqual(summary["documents_replaced"], 1)
        self.assertEqual(summary["documents_total"],
                         summary["documents_processed"] + summary["documents_skipped"] +
                         summary["documents_failed"] + summary["documents_replaced"])

    def test_summary_accounts_for_failures_once(self):
        summary = shard_util.read_outputs(self.path("merged"))["summary.json"]
        self.assertEqual(summary["documents_failed"], 2)  # the malformed line, the one without text
        self.assertEqual(summary["documents_skipped"], 1)  # the binary file

    def test_a_document_keeps_its_shard_when_the_input_grows(self):
        grown = self.path("grown")
        shutil.copytree(self.inputs, grown)
        sageon("run", grown, "--shard", "1/3", "--out", self.path("grown-before"), "--quiet",
               check=None)
        shard_util.write_jsonl(os.path.join(grown, "more.jsonl"),
                               [{"id": f"more-{i}", "text": "새 글이다."} for i in range(20)])
        out = self.path("grown-after")
        sageon("run", grown, "--shard", "1/3", "--out", out, "--quiet", check=None)
        before = {d["id"] for d in documents(self.path("grown-before"))}
        after = {d["id"] for d in documents(out)}
        self.assertTrue(before, "shard 1 holds documents")
        self.assertEqual(before, {i for i in after if not i.startswith("more-")})
        self.assertTrue(0 < len(after - before) < 20, "the new documents are spread too")

    def test_bad_shard_is_a_usage_error(self):
        for bad in ("0/3", "4/3", "1/0", "x", "1/3x", "-1/3", "1"):
            proc = sageon("run", self.inputs, "--shard", bad, "--out", self.path("bad"),
                          check=2)
            self.assertIn("--shard", proc.stderr.decode())

    def test_merge_rejects_what_is_not_a_run(self):
        proc = sageon("merge", self.inputs, "--out", self.path("bad"), check=1)
        self.assertIn("no documents.jsonl", proc.stderr.decode())
        proc = sageon("merge", os.path.join(self.inputs, "news.jsonl"), "--out",
                      self.path("bad"), check=1)
        self.assertRegex(proc.stderr.decode(), r"news\.jsonl:1: no \"record\" field")
        self.assertFalse(os.path.exists(self.path("bad")), "nothing written")
        sageon("merge", "--out", self.path("bad"), check=2)


class Associativity(Temp):
    """Runs over different archives merge in any grouping to the same outputs; C repeats some of
    B's ids, and C's versions win wherever C comes last."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for name, prefix, copies in (("a", "a-", 1), ("b", "b-", 2), ("c", "b-", 1)):
            folder = shard_util.make_inputs(ARGS.source, cls.root, name=name, prefix=prefix,
                                            copies=copies)
            sageon("run", folder, "--out", cls.path(f"run-{name}"), "--quiet", check=1)

    def merge(self, out, *inputs):
        sageon("merge", *[self.path(i) for i in inputs], "--out", self.path(out), "--quiet")
        return self.path(out)

    def test_grouping_does_not_matter(self):
        self.merge("ab", "run-a", "run-b")
        left = self.merge("ab_c", "ab", "run-c")
        self.merge("bc", "run-b", "run-c")
        right = self.merge("a_bc", "run-a", "bc")
        flat = self.merge("abc", "run-a", "run-b", "run-c")
        shard_util.assert_same_run(self, left, right)
        shard_util.assert_same_run(self, left, flat)

    def test_the_later_input_wins(self):
        out = self.merge("abc-wins", "run-a", "run-b", "run-c")
        processed = {d["id"]: d for d in documents(out) if d["status"] == "processed"}
        self.assertEqual(processed["b-doc-0-0"]["file"], os.path.join(self.root, "c",
                                                                      "b-news.jsonl"))
        ids = [d["id"] for d in documents(out) if d["status"] == "processed"]
        self.assertEqual(len(ids), len(set(ids)), "no id twice")
        summary = shard_util.read_outputs(out)["summary.json"]
        # Each archive tells "twice" twice; b and c share the ids of c's processed JSON lines.
        shared = sum(1 for d in documents(self.path("run-c"))
                     if d["status"] == "processed" and d["file"].endswith(".jsonl"))
        self.assertEqual(summary["documents_replaced"], 3 + shared)


class Update(Temp):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.old = shard_util.make_inputs(ARGS.source, cls.root, name="old", copies=1)
        cls.new = os.path.join(cls.root, "new")
        os.makedirs(cls.new)
        texts = shard_util.corpus_texts(ARGS.source)
        # doc-0-1 comes back with another text; doc-new is new.
        shard_util.write_jsonl(os.path.join(cls.new, "update.jsonl"), [
            {"id": "doc-0-1", "text": texts[0], "date": "2025-03-01"},
            {"id": "doc-new", "text": texts[1]},
        ])
        cls.out = cls.path("out")
        sageon("run", cls.old, "--out", cls.out, "--quiet", check=1)
        cls.before = documents(cls.out)
        sageon("run", cls.new, "--out", cls.out, "--update", "--quiet")

    def test_a_new_version_replaces_the_old_one(self):
        versions = [d for d in documents(self.out) if d["id"] == "doc-0-1"]
        self.assertEqual([d["status"] for d in versions], ["replaced", "processed"])
        self.assertTrue(versions[1]["file"].endswith("update.jsonl"))
        self.assertEqual(versions[1]["reference_date"], "2025-03-01T00:00:00")
        processed = [d["id"] for d in documents(self.out) if d["status"] == "processed"]
        self.assertEqual(len(processed), len(set(processed)), "never duplicated")
        self.assertIn("doc-new", processed)
        old_processed = [d["id"] for d in self.before if d["status"] == "processed"]
        self.assertEqual(len(processed), len(old_processed) + 1)

    def test_update_equals_one_run_over_everything(self):
        one = self.path("one")
        sageon("run", self.old, self.new, "--out", one, "--quiet", check=1)
        shard_util.assert_same_run(self, one, self.out)

    def test_update_of_a_new_folder_is_a_run(self):
        fresh = self.path("fresh")
        sageon("run", self.new, "--out", fresh, "--update", "--quiet")
        plain = self.path("plain")
        sageon("run", self.new, "--out", plain, "--quiet")
        shard_util.assert_same_run(self, plain, fresh)

    def test_update_refuses_outputs_without_documents(self):
        legacy = self.path("legacy")
        shutil.copytree(self.out, legacy)
        os.remove(os.path.join(legacy, "documents.jsonl"))
        proc = sageon("run", self.new, "--out", legacy, "--update", check=1)
        self.assertIn("no documents.jsonl", proc.stderr.decode())


class Stream(Temp):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        folder = shard_util.make_inputs(ARGS.source, cls.root)
        with open(os.path.join(folder, "news.jsonl"), "rb") as f:
            cls.lines = f.read()
        cls.run_out = cls.path("run")
        sageon("run", "-", "--input-format", "jsonl", "--out", cls.run_out, "--quiet",
               stdin=cls.lines, check=1)
        cls.stream = sageon("stream", stdin=cls.lines)  # exit code 0: failures are data

    def test_stream_then_merge_equals_run(self):
        out = self.path("merged")
        sageon("merge", "-", "--out", out, "--quiet", stdin=self.stream.stdout)
        shard_util.assert_same_run(self, self.run_out, out)

    def test_stream_reports_failures_as_lines_and_on_stderr(self):
        lines = [json.loads(line) for line in self.stream.stdout.decode().splitlines()]
        self.assertIn({"record": "file", "file": "-"}, lines)
        documents = [line for line in lines if line["record"] == "document"]
        self.assertEqual(len(documents), len(self.lines.splitlines()))
        failed = [d for d in documents if d["status"] == "failed"]
        self.assertEqual({f["source"] for f in failed}, {"-:6", f"-:{len(documents) - 1}"})
        self.assertIn("-:6: not valid JSON", self.stream.stderr.decode())

    def test_mappers_over_splits_reduce_to_the_run(self):
        """Hadoop Streaming gives each mapper a split of the lines; the reducer merges the
        mappers' outputs in split order. Line numbers restart in each split, so documents.jsonl
        and summary.json name other lines, but the graph is the run's."""
        lines = self.lines.splitlines(keepends=True)
        half = len(lines) // 2
        parts = []
        for i, split in enumerate((lines[:half], lines[half:])):
            part = self.path(f"part-{i}.jsonl")
            with open(part, "wb") as f:
                f.write(sageon("stream", stdin=b"".join(split)).stdout)
            parts.append(part)
        out = self.path("reduced")
        sageon("merge", *parts, "--out", out, "--quiet")
        for name in ("events.csv", "entities.csv", "nodes.csv", "edges.csv", "graph.graphml",
                     "graph.gexf"):
            with open(os.path.join(self.run_out, name), "rb") as a, \
                    open(os.path.join(out, name), "rb") as b:
                self.assertEqual(a.read(), b.read(), name)

    def test_stream_answers_each_line_before_its_input_ends(self):
        """A mapper fed slowly: the record of a line comes out while stdin is still open."""
        proc = subprocess.Popen([ARGS.sageon, "stream", "--quiet"], cwd=ARGS.source,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)
        try:
            first = self.lines.splitlines(keepends=True)[0]
            proc.stdin.write(first)
            proc.stdin.flush()
            ready, _, _ = select.select([proc.stdout], [], [], 60)
            self.assertTrue(ready, "no record before stdin was closed")
            record = json.loads(proc.stdout.readline())
            self.assertEqual((record["record"], record["source"]), ("document", "-:1"))
            proc.stdin.write(self.lines.splitlines(keepends=True)[1])
            proc.stdin.flush()
            ready, _, _ = select.select([proc.stdout], [], [], 60)
            self.assertTrue(ready, "no record for the second line before stdin was closed")
            self.assertEqual(json.loads(proc.stdout.readline())["source"], "-:2")
            proc.stdin.close()
            self.assertEqual(json.loads(proc.stdout.read())["record"], "file")
            self.assertEqual(proc.wait(timeout=60), 0)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdout.close()

    def test_stream_can_shard_too(self):
        out = sageon("stream", "--shard", "2/2", stdin=self.lines).stdout.decode()
        ids = {json.loads(line)["id"] for line in out.splitlines() if '"document"' in line}
        everything = {d["id"] for d in documents(self.run_out)}
        self.assertTrue(ids and ids < everything)


class Progress(Temp):
    """Progress goes to a person at a terminal, never into a log or a pipe."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.input = cls.path("news.jsonl")
        with open(cls.input, "w", encoding="utf-8") as f:
            for i in range(3):
                f.write(json.dumps({"id": f"p{i}", "date": "2024-03-0{}".format(i + 1),
                                    "text": "서울시는 3일 새 버스 노선을 발표했다."},
                                   ensure_ascii=False) + "\n")

    def run_with_stderr_on_a_terminal(self, *args):
        master, slave = os.openpty()
        try:
            proc = subprocess.Popen([ARGS.sageon, *args], cwd=ARGS.source,
                                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=slave)
            os.close(slave)
            slave = None
            output = b""
            while True:
                ready, _, _ = select.select([master], [], [], 120)
                if not ready:
                    break
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: the terminal's last writer is gone
                    break
                if not chunk:
                    break
                output += chunk
            self.assertEqual(proc.wait(timeout=120), 0)
            return output.decode("utf-8", "replace")
        finally:
            if slave is not None:
                os.close(slave)
            os.close(master)

    def test_a_terminal_sees_progress_ended_by_a_newline(self):
        out = self.run_with_stderr_on_a_terminal("run", self.input, "--out", self.path("tty"))
        self.assertRegex(out, r"sageon: 3 documents, [0-9.]+ MB/s, 0:[0-9]{2} elapsed\r?\n")
        # The summary line comes after the progress line, on a line of its own.
        self.assertRegex(out, r"elapsed\r?\nsageon: 3 documents processed")

    def test_quiet_silences_progress(self):
        out = self.run_with_stderr_on_a_terminal("run", self.input, "--out", self.path("q"), "-q")
        self.assertEqual(out, "")

    def test_a_pipe_gets_no_progress(self):
        result = sageon("run", self.input, "--out", self.path("pipe"))
        err = result.stderr.decode()
        self.assertNotIn("elapsed", err)
        self.assertNotIn("\r", err)
        self.assertIn("3 documents processed", err)


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--sageon", required=True)
    parser.add_argument("--source", required=True)
    ARGS, rest = parser.parse_known_args()
    ARGS.sageon = os.path.abspath(ARGS.sageon)
    ARGS.source = os.path.abspath(ARGS.source)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
