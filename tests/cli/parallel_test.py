#!/usr/bin/env python3
"""The GNU parallel recipe of the README, run for real on this machine: `--sshlogin :` is the local
computer, where a list such as `--sshlogin :,host1,host2` adds machines over ssh. parallel runs
`sageon run --shard {}/N` once per shard, and `sageon merge` of the folders gives what one run
gives. Exits 77 (skipped) only when GNU parallel (Debian's parallel) is missing."""
import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import shard_util  # noqa: E402

ARGS = None
PARALLEL = shutil.which("parallel")


class ParallelRecipe(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp(prefix="sageon-parallel-")
        cls.inputs = shard_util.make_inputs(ARGS.source, cls.root)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root, ignore_errors=True)

    def test_shards_run_by_parallel_merge_to_one_run(self):
        shards = 3
        out = os.path.join(self.root, "out")
        # Exit code 1 only says some documents failed (the inputs hold bad lines on purpose):
        # the shard's outputs are written, so the job counts as done.
        job = (f"{shlex.quote(ARGS.sageon)} run {shlex.quote(self.inputs)} --shard {{}}/{shards} "
               f"--out {shlex.quote(out)}/shard-{{}} --quiet; test $? -le 1")
        proc = subprocess.run([PARALLEL, "--will-cite", "--sshlogin", ":", "--jobs", "2",
                               "--halt", "now,fail=1", job, ":::",
                               *[str(k) for k in range(1, shards + 1)]],
                              capture_output=True, text=True, cwd=self.root)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        folders = sorted(os.path.join(out, name) for name in os.listdir(out))
        self.assertEqual(len(folders), shards)
        merged = os.path.join(self.root, "merged")
        shard_util.run_sageon(ARGS.sageon, "merge", *folders, "--out", merged, "--quiet",
                              cwd=ARGS.source)
        one = os.path.join(self.root, "one")
        shard_util.run_sageon(ARGS.sageon, "run", self.inputs, "--out", one, "--quiet",
                              cwd=ARGS.source, check=1)
        shard_util.assert_same_run(self, one, merged)


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--sageon", required=True)
    parser.add_argument("--source", required=True)
    ARGS, rest = parser.parse_known_args()
    ARGS.sageon = os.path.abspath(ARGS.sageon)
    ARGS.source = os.path.abspath(ARGS.source)
    if PARALLEL is None:
        print("parallel_test: skipped: GNU parallel is not installed; apt-get install parallel",
              file=sys.stderr)
        sys.exit(77)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
