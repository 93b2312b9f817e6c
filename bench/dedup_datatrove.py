"""Runs datatrove's MinHash deduplication (FineWeb settings) on one JSONL file, one stage per
call so each stage's time and peak RSS can be measured on its own, single core.

Usage: python dedup_datatrove.py STAGE INPUT.jsonl WORKDIR      (STAGE: 1, 2, 3 or 4)
       python dedup_datatrove.py signatures INPUT.jsonl OUT.tsv  (signatures, for parity)
Prints `stage=N wall_s=... docs=...`; stage 4 writes WORKDIR/removed.txt (ids).
"""

import json
import os
import sys
import time

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.dedup.minhash import (
    MinhashConfig,
    MinhashDedupBuckets,
    MinhashDedupCluster,
    MinhashDedupFilter,
    MinhashDedupSignature,
)
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter
from datatrove.utils.hashing import HashConfig

CONFIG = MinhashConfig(
    hash_config=HashConfig(hash_fc="sha1", precision=64), num_buckets=14, hashes_per_bucket=8, n_grams=5
)


def reader(inp):
    return JsonlReader(os.path.dirname(os.path.abspath(inp)), glob_pattern=os.path.basename(inp), compression=None)


def main():
    stage, inp, work = sys.argv[1], sys.argv[2], sys.argv[3]
    if stage == "signatures":
        sig = MinhashDedupSignature(output_folder="/tmp/unused-sigs", config=CONFIG)
        with open(inp, encoding="utf-8") as f, open(work, "w", encoding="utf-8") as out:
            for line in f:
                r = json.loads(line)
                sh = sig.get_shingles(r["text"])
                if sh.size == 0:
                    out.write(f"{r['id']}\t\n")
                else:
                    flat = [v for band in sig.get_signature(sh) for v in band]
                    out.write(f"{r['id']}\t{','.join(map(str, flat))}\n")
        return
    logs = os.path.join(work, "logs")
    t = time.perf_counter()
    if stage == "1":
        pipeline = [reader(inp), MinhashDedupSignature(output_folder=f"{work}/signatures", config=CONFIG)]
        tasks = 1
    elif stage == "2":
        pipeline = [
            MinhashDedupBuckets(input_folder=f"{work}/signatures", output_folder=f"{work}/buckets", config=CONFIG)
        ]
        tasks = CONFIG.num_buckets
    elif stage == "3":
        pipeline = [
            MinhashDedupCluster(input_folder=f"{work}/buckets", output_folder=f"{work}/remove_ids", config=CONFIG)
        ]
        tasks = 1
    elif stage == "4":
        pipeline = [
            reader(inp),
            MinhashDedupFilter(
                input_folder=f"{work}/remove_ids",
                exclusion_writer=JsonlWriter(f"{work}/removed", compression=None),
            ),
            JsonlWriter(f"{work}/kept", compression=None),
        ]
        tasks = 1
    else:
        raise SystemExit(f"unknown stage {stage}")
    LocalPipelineExecutor(pipeline=pipeline, tasks=tasks, workers=1, logging_dir=f"{logs}/{stage}").run()
    wall = time.perf_counter() - t
    extra = ""
    if stage == "4":
        ids = []
        for name in sorted(os.listdir(f"{work}/removed")):
            with open(f"{work}/removed/{name}", encoding="utf-8") as f:
                ids.extend(json.loads(line)["id"] for line in f)
        with open(f"{work}/removed.txt", "w", encoding="utf-8") as f:
            f.write("".join(i + "\n" for i in ids))
        extra = f" removed={len(ids)}"
    print(f"stage={stage} wall_s={wall:.3f}{extra}")


if __name__ == "__main__":
    main()
