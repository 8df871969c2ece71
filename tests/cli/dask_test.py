#!/usr/bin/env python3
"""The Dask recipe of the README, run for real: a LocalCluster with two worker processes maps
`sageon run --shard K/N` over the shards, and `sageon merge` of their folders gives what one run
gives. Exits 77 (skipped) only when Dask's distributed module (Debian's python3-distributed) is
missing."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

try:
    from dask.distributed import Client, LocalCluster
except ImportError as error:
    print(f"dask_test: skipped: Dask distributed is not installed ({error}); "
          "apt-get install python3-distributed", file=sys.stderr)
    sys.exit(77)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import shard_util  # noqa: E402

ARGS = None


# The recipe (README, "Dask"): one task per shard, each a sageon process writing its own folder,
# then one merge. Exit code 1 means some documents failed; their outputs are written all the same.
def run_shard(sageon, inputs, shard, shards, out):
    proc = subprocess.run([sageon, "run", *inputs, "--shard", f"{shard}/{shards}", "--out", out,
                           "--quiet"], capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"shard {shard}/{shards} exited {proc.returncode}: {proc.stderr}")
    return out


def sageon_on_dask(client, sageon, inputs, out, shards):
    folders = client.gather(client.map(
        run_shard, [sageon] * shards, [inputs] * shards, range(1, shards + 1), [shards] * shards,
        [f"{out}.shard-{k}" for k in range(1, shards + 1)]))
    subprocess.run([sageon, "merge", *folders, "--out", out, "--quiet"], check=True)
    return folders


class DaskRecipe(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp(prefix="sageon-dask-")
        cls.inputs = shard_util.make_inputs(ARGS.source, cls.root)
        # Two worker processes on this machine, on the loopback interface, no dashboard.
        cls.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None)
        cls.client = Client(cls.cluster)

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()
        shutil.rmtree(cls.root, ignore_errors=True)

    def test_shards_on_two_workers_merge_to_one_run(self):
        self.assertEqual(len(self.client.scheduler_info()["workers"]), 2)
        out = os.path.join(self.root, "dask")
        folders = sageon_on_dask(self.client, ARGS.sageon, [self.inputs], out, shards=4)
        self.assertEqual(len(folders), 4)
        one = os.path.join(self.root, "one")
        shard_util.run_sageon(ARGS.sageon, "run", self.inputs, "--out", one, "--quiet",
                              cwd=ARGS.source, check=1)
        shard_util.assert_same_run(self, one, out)


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
