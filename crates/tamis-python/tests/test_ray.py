"""tamis.ray on a real Ray cluster started by the test on 127.0.0.1 only: the same output as
`tamis run`, byte for byte, and a worker killed mid-shard costs nothing but a retry."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

import tamis
from conftest import data_files, tamis_bin, write_html_corpus, write_jsonl_corpus

if os.environ.get("TAMIS_RAY_TESTS") != "1":
    # Off by default: in the first trial Ray's GCS bound the machine's address rather than
    # 127.0.0.1 (despite node_ip_address), and tests here may talk to loopback only. Enable
    # with TAMIS_RAY_TESTS=1 once the cluster is confirmed to stay on 127.0.0.1.
    pytest.skip("skipped: Ray cluster tests are disabled (set TAMIS_RAY_TESTS=1)", allow_module_level=True)

ray = pytest.importorskip("ray")
from ray.cluster_utils import Cluster  # noqa: E402

import tamis.ray as tray  # noqa: E402

# Loopback only, no auth tokens, no usage reporting, no dashboard.
os.environ.update(
    RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER="0",
    RAY_AUTH_MODE="disabled",
    RAY_USAGE_STATS_ENABLED="0",
    RAY_DISABLE_DOCKER_CPU_WARNING="1",
)


@pytest.fixture(scope="module")
def cluster():
    # A short per-run temp dir (Ray puts unix sockets under it; their paths are length-limited).
    base = tempfile.mkdtemp(prefix="tray", dir="/tmp")
    old_tmp = os.environ.get("RAY_TMPDIR")
    os.environ["RAY_TMPDIR"] = base  # Ray's "current cluster" file goes here too, not /tmp/ray
    temp_dir = os.path.join(base, "ray")
    os.makedirs(temp_dir)
    c = Cluster(
        initialize_head=True,
        head_node_args={
            "num_cpus": 2,
            "object_store_memory": 128 * 1024 * 1024,
            "node_ip_address": "127.0.0.1",
            "include_dashboard": False,
            "temp_dir": temp_dir,
        },
    )
    ray.init(address=c.address, _node_ip_address="127.0.0.1", log_to_driver=False)
    try:
        yield c
    finally:
        ray.shutdown()
        c.shutdown()  # stops exactly the processes this cluster started
        if old_tmp is None:
            os.environ.pop("RAY_TMPDIR", None)
        else:
            os.environ["RAY_TMPDIR"] = old_tmp
        shutil.rmtree(base, ignore_errors=True)


def cli_run(toml: Path) -> None:
    """`tamis run` (the CLI); where it is not built, the same local executor through the
    extension."""
    try:
        cli = tamis_bin()
    except pytest.skip.Exception:
        tamis.run(tamis.Pipeline.from_file(toml), workers=2)
        return
    subprocess.run([cli, "run", str(toml), "--workers", "2", "--quiet"], check=True, capture_output=True)


def write_toml(path: Path, inp: Path, out: Path, steps: str, fmt: str, shards: int) -> Path:
    path.write_text(
        f'version = 1\n[input]\npaths = ["{inp}"]\nformat = "{fmt}"\n{steps}'
        f'[output]\npath = "{out}"\n[run]\nshards = {shards}\n'
    )
    return path


def assert_same_files(a_dir: Path, b_dir: Path) -> None:
    a, b = data_files(a_dir), data_files(b_dir)
    assert a, f"no output in {a_dir}"
    assert [x.name for x in a] == [x.name for x in b]
    for x, y in zip(a, b):
        assert x.read_bytes() == y.read_bytes(), x.name
    assert not [p for p in b_dir.rglob("*") if ".tmp" in p.name], "temporary files left behind"


def test_two_stage_run_equals_cli(cluster, tmp_path):
    inp = write_jsonl_corpus(tmp_path / "in", files=6, docs_per_file=40)
    steps = '[[steps]]\ntype = "dedup_lines"\n[[steps]]\ntype = "frequent_lines"\n'
    cli_out, ray_out = tmp_path / "cli", tmp_path / "ray"
    cli_run(write_toml(tmp_path / "cli.toml", inp, cli_out, steps, "jsonl", 4))
    p = tamis.Pipeline.from_file(write_toml(tmp_path / "ray.toml", inp, ray_out, steps, "jsonl", 4))
    report = tray.run(p, max_retries=2)
    assert report["complete"] and not report["failed"]
    assert report["units_run"] == 8  # 2 stages x 4 shards
    assert report["stats"]["io"]["docs_read"] == 240
    assert_same_files(cli_out, ray_out)
    assert not (ray_out / "_stages" / "0" / "data").exists()
    # Resuming a complete run does nothing.
    again = tray.run(p)
    assert again["units_run"] == 0 and again["units_skipped"] == 8


def test_worker_killed_mid_shard_is_retried(cluster, tmp_path):
    # Enough pages that a shard takes a while, so a worker can be caught writing one.
    inp = write_html_corpus(tmp_path / "in", files=240, paragraphs=30)
    steps = '[[steps]]\ntype = "extract"\n[[steps]]\ntype = "dedup_lines"\n'
    ref_out, ray_out = tmp_path / "ref", tmp_path / "ray"
    cli_run(write_toml(tmp_path / "ref.toml", inp, ref_out, steps, "html", 6))
    p = tamis.Pipeline.from_file(write_toml(tmp_path / "ray.toml", inp, ray_out, steps, "html", 6))

    result: dict = {}
    runner = threading.Thread(target=lambda: result.update(tray.run(p, max_retries=3)))
    runner.start()
    killed = None
    deadline = time.monotonic() + 120
    while killed is None and runner.is_alive() and time.monotonic() < deadline:
        for f in ray_out.glob("*.tmp-*") if ray_out.exists() else []:
            pid = int(f.name.rsplit("-", 1)[1])
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            # Only a Ray worker of this cluster, never this process.
            if pid != os.getpid() and b"ray" in cmdline.lower():
                os.kill(pid, signal.SIGKILL)
                killed = (pid, f.name.split(".")[0])
                break
        time.sleep(0.005)
    runner.join(timeout=300)
    assert not runner.is_alive(), "the Ray run did not finish"
    assert killed is not None, "no worker was caught mid-shard (shards finished too fast?)"
    assert result["complete"] and not result["failed"], result.get("failed")
    assert_same_files(ref_out, ray_out)
    # Nothing lost or duplicated: every page once, in order.
    ids = [d["id"] for d in tamis.read(ray_out)]
    ref_ids = [d["id"] for d in tamis.read(ref_out)]
    assert ids == ref_ids and len(ids) == len(set(ids)) == 240
