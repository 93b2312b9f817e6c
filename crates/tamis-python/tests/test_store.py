"""Object stores (the tamis-store crate): runs whose input and output are ``s3://`` URLs,
against moto's S3 server started by the test on 127.0.0.1, compared byte for byte with the
same run on local files.

- WARC read from a bucket, JSONL and Parquet written to a bucket, listed and read back;
- a shard larger than the multipart part size (8 MiB) goes up as a multipart upload;
- a resumed run redoes only the unit whose completion marker is missing.
"""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
from pathlib import Path
from typing import Dict, Iterator, List

import pytest

import tamis
from conftest import REPO, WORDS, tamis_bin

moto_server = pytest.importorskip("moto.server")
boto3 = pytest.importorskip("boto3")

BUCKET = "corpus"
WARC = REPO / "fixtures" / "warc" / "resiliparse__warcfile.warc.gz"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def s3() -> Iterator[Dict[str, str]]:
    """moto's S3 server on 127.0.0.1 and the environment that points tamis (this process and
    the CLI) and boto3 at it."""
    port = free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    env = {
        "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
        "AWS_ALLOW_HTTP": "true",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_REGION": "us-east-1",
        "AWS_EC2_METADATA_DISABLED": "true",
    }
    old = {k: os.environ.get(k) for k in env}
    # tamis's store in this process reads the environment on first use, which is in this module.
    os.environ.update(env)
    try:
        client().create_bucket(Bucket=BUCKET)
        yield env
    finally:
        server.stop()
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def client():
    return boto3.client("s3", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-1")


def keys(prefix: str) -> List[str]:
    pages = client().get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix)
    return sorted(o["Key"] for page in pages for o in page.get("Contents", []))


def get(key: str) -> bytes:
    return bytes(client().get_object(Bucket=BUCKET, Key=key)["Body"].read())


def cli_run(toml: Path, env: Dict[str, str]) -> None:
    proc = subprocess.run([tamis_bin(), "run", str(toml), "--workers", "2", "--quiet"],
                          env={**os.environ, **env}, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def write_toml(path: Path, inputs: str, output: str, steps: str, fmt: str = "jsonl", compression: str = "zstd",
               shards: int = 1) -> Path:
    path.write_text(
        f'version = 1\n[input]\npaths = ["{inputs}"]\n{steps}'
        f'[output]\npath = "{output}"\nformat = "{fmt}"\ncompression = "{compression}"\n'
        f"[run]\nshards = {shards}\n"
    )
    return path


def data_keys(prefix: str) -> List[str]:
    """The shard outputs of the run under `prefix` (not its stats or completion markers)."""
    names = [k[len(prefix) + 1:] for k in keys(prefix + "/")]
    return sorted(f"{prefix}/{n}" for n in names if "/" not in n and n[:5].isdigit())


def assert_same_as_local(local: Path, prefix: str) -> None:
    """The run's data files in the bucket are the local run's, byte for byte."""
    local_files = sorted(p.name for p in local.iterdir() if p.is_file() and p.name[:5].isdigit())
    remote = data_keys(prefix)
    assert [k.split("/")[-1] for k in remote] == local_files and local_files
    for k in remote:
        assert get(k) == (local / k.split("/")[-1]).read_bytes(), k


EXTRACT = '[[steps]]\ntype = "extract"\n'


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_warc_from_a_bucket_to_a_bucket(s3, tmp_path, fmt):
    client().upload_file(str(WARC), BUCKET, "warc/a.warc.gz")
    client().upload_file(str(WARC), BUCKET, "warc/sub/b.warc.gz")
    local_in = tmp_path / "in"
    (local_in / "sub").mkdir(parents=True)
    (local_in / "a.warc.gz").write_bytes(WARC.read_bytes())
    (local_in / "sub" / "b.warc.gz").write_bytes(WARC.read_bytes())

    cli_run(write_toml(tmp_path / "local.toml", f"{local_in}/**/*.warc.gz", str(tmp_path / "local"), EXTRACT, fmt,
                       shards=2), s3)
    out = f"s3://{BUCKET}/out-{fmt}"
    cli_run(write_toml(tmp_path / "s3.toml", f"s3://{BUCKET}/warc/**/*.warc.gz", out, EXTRACT, fmt, shards=2), s3)

    assert_same_as_local(tmp_path / "local", f"out-{fmt}")
    names = keys(f"out-{fmt}/")
    assert f"out-{fmt}/completions/00000" in names and f"out-{fmt}/stats/00001.json" in names
    assert f"out-{fmt}/run.json" in names
    assert not [n for n in names if ".tmp" in n]
    # Listed and read back through tamis, in this process: the same documents.
    back = list(tamis.read(out + "/"))
    assert back == list(tamis.read(tmp_path / "local"))
    assert len(back) > 10 and all(d["text"] for d in back)
    stages = tamis.stats.merge(out)
    assert stages[-1]["io"]["docs_written"] == len(back)


def big_jsonl(path: Path, target_bytes: int) -> Path:
    rng = random.Random(3)
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        while f.tell() < target_bytes:
            text = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(120)) for _ in range(6))
            f.write(json.dumps({"id": f"d{n}", "text": text, "metadata": {"n": n}}) + "\n")
            n += 1
    return path


def test_multipart_upload_of_a_large_shard_and_resume(s3, tmp_path):
    # ~9.5 MiB of JSONL per input file, written uncompressed: each shard is larger than one
    # 8 MiB part, so it goes up in two parts.
    local_in = tmp_path / "in"
    local_in.mkdir()
    for i in range(3):
        big_jsonl(local_in / f"part-{i}.jsonl", 9_500_000 + i)
        client().upload_file(str(local_in / f"part-{i}.jsonl"), BUCKET, f"big/part-{i}.jsonl")
    steps = '[[steps]]\ntype = "dedup_lines"\n'
    cli_run(write_toml(tmp_path / "local.toml", str(local_in), str(tmp_path / "local"), steps, compression="none",
                       shards=3), s3)
    out = f"s3://{BUCKET}/out-big"
    toml = write_toml(tmp_path / "s3.toml", f"s3://{BUCKET}/big/", out, steps, compression="none", shards=3)
    cli_run(toml, s3)
    assert_same_as_local(tmp_path / "local", "out-big")
    head = client().head_object(Bucket=BUCKET, Key="out-big/00001.jsonl")
    assert head["ContentLength"] > 8 * 1024 * 1024
    assert head["ETag"].strip('"').endswith("-2"), head["ETag"]  # a two-part multipart upload

    # A unit that did not complete (its marker and output gone, as after a crash before the
    # marker): a rerun redoes that unit only and ends with the same output.
    client().delete_object(Bucket=BUCKET, Key="out-big/completions/00001")
    client().delete_object(Bucket=BUCKET, Key="out-big/00001.jsonl")
    report = tamis.run(tamis.Pipeline.from_file(toml), workers=2)
    assert report["complete"] and not report["failed"]
    assert (report["units_run"], report["units_skipped"]) == (1, 2)
    assert_same_as_local(tmp_path / "local", "out-big")
    assert report["stats"]["io"]["docs_read"] == sum(1 for p in local_in.iterdir() for _ in open(p))


def test_missing_objects_are_named(s3):
    with pytest.raises(tamis.ConfigError, match=f"s3://{BUCKET}/nothing/here.warc.gz.*matches no file"):
        list(tamis.read(f"s3://{BUCKET}/nothing/here.warc.gz"))


def test_multi_stage_pipeline_to_a_bucket_is_refused(s3, tmp_path):
    p = tamis.Pipeline(input=str(WARC), steps=[tamis.steps.Extract(), tamis.steps.FrequentLines()],
                       output=f"s3://{BUCKET}/out-two-stages")
    with pytest.raises(tamis.ConfigError, match="object-store"):
        tamis.run(p)
