"""tamis.ray on a real Ray cluster started by the test on 127.0.0.1 only: the same output as
`tamis run`, byte for byte, and a worker killed mid-shard costs nothing but a retry."""

from __future__ import annotations

import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Dict, List, Set

import pytest

import tamis
from conftest import RAY_ENV, data_files, tamis_bin, write_html_corpus, write_jsonl_corpus

# Loopback only, no auth tokens, no usage reporting. Ray reads these when it is imported (and
# the driver binds a gRPC server of its own), so they are set before the import; conftest.py
# sets them too, for any test module that imports Ray first. With
# RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0 Ray resolves "this node" to 127.0.0.1 instead of
# the machine's network address.
os.environ.update(RAY_ENV)

ray = pytest.importorskip("ray")

import tamis.ray as tray  # noqa: E402


def is_loopback(addr: str) -> bool:
    ip = ipaddress.ip_address(addr)
    mapped = getattr(ip, "ipv4_mapped", None)
    return bool(ip.is_loopback or (mapped is not None and mapped.is_loopback))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def descendants(root: int) -> Set[int]:
    """`root` and every process below it (from /proc's parent links)."""
    children: Dict[int, List[int]] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(d.name))
    out, todo = set(), [root]
    while todo:
        pid = todo.pop()
        if pid not in out:
            out.add(pid)
            todo.extend(children.get(pid, []))
    return out


def listening_addresses(pids: Set[int]) -> Set[str]:
    """Local addresses of the TCP sockets in LISTEN state held by `pids`."""
    inodes = set()
    for pid in pids:
        try:
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                target = os.readlink(fd)
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
        except OSError:
            continue
    addrs = set()
    for table, v6 in (("/proc/net/tcp", False), ("/proc/net/tcp6", True)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            f = line.split()
            if f[3] != "0A" or f[9] not in inodes:  # 0A: LISTEN
                continue
            raw = bytes.fromhex(f[1].split(":")[0])
            if v6:  # four little-endian 32-bit words
                b = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
                addrs.add(ipaddress.IPv6Address(b).compressed)
            else:
                addrs.add(str(ipaddress.IPv4Address(raw[::-1])))
    return addrs


@pytest.fixture(scope="module")
def cluster():
    """A one-node Ray cluster on 127.0.0.1 (`ray start --head --block` in its own session),
    stopped at the end by signalling exactly the processes it started."""
    # A short per-run temp dir (Ray puts unix sockets under it; their paths are length-limited);
    # RAY_TMPDIR keeps Ray's "current cluster" file there too, not in /tmp/ray.
    base = tempfile.mkdtemp(prefix="tray", dir="/tmp")
    old_tmp = os.environ.get("RAY_TMPDIR")
    os.environ["RAY_TMPDIR"] = base
    port = free_port()
    ray_cli = str(Path(sys.executable).with_name("ray"))
    log = open(os.path.join(base, "ray-start.log"), "wb")
    head = subprocess.Popen(
        [ray_cli, "start", "--head", "--block", "--node-ip-address=127.0.0.1", f"--port={port}",
         f"--temp-dir={base}/ray", "--num-cpus=2", f"--object-store-memory={128 * 1024 * 1024}",
         "--include-dashboard=false", "--disable-usage-stats"],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            assert head.poll() is None, "ray start exited: " + Path(base, "ray-start.log").read_text()[-3000:]
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert time.monotonic() < deadline, "the Ray head did not start"
                time.sleep(0.2)
        ray.init(address=f"127.0.0.1:{port}", _node_ip_address="127.0.0.1", log_to_driver=False)
        # Before anything runs: every node and every listening socket of the cluster is loopback.
        nodes = [n for n in ray.nodes() if n["Alive"]]
        assert nodes and all(n["NodeManagerAddress"] == "127.0.0.1" for n in nodes), nodes
        addrs = listening_addresses(descendants(head.pid) | {os.getpid()})
        assert addrs and all(is_loopback(a) for a in addrs), f"the Ray cluster listens on {addrs}"
        yield head
    finally:
        if ray.is_initialized():
            ray.shutdown()
        stop_cluster(head)
        log.close()
        if old_tmp is None:
            os.environ.pop("RAY_TMPDIR", None)
        else:
            os.environ["RAY_TMPDIR"] = old_tmp
        shutil.rmtree(base, ignore_errors=True)


def stop_cluster(head: subprocess.Popen) -> None:
    """SIGTERM to `ray start --block` (it stops the processes it started), then SIGKILL to
    whatever of its session is left: only processes this fixture started."""
    if head.poll() is None:
        head.send_signal(signal.SIGTERM)
        try:
            head.wait(timeout=40)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(head.pid, signal.SIGKILL)  # the session started by this fixture
    except ProcessLookupError:
        pass
    head.wait(timeout=10)


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
            # Only a Ray worker of this cluster (a process below its head), never this one.
            if pid != os.getpid() and pid in descendants(cluster.pid) and b"ray" in cmdline.lower():
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
