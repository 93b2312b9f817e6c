"""tamis.exec and tamis.stats: local runs, single units, resume, stats, and equality with the
`tamis run` CLI."""

from __future__ import annotations

import subprocess

import pytest

import tamis
from conftest import data_files, tamis_bin

STEPS = [{"type": "dedup_lines"}, {"type": "frequent_lines"}]


def pipeline(inp, out, steps=STEPS):
    return tamis.Pipeline(input=tamis.io.Input(paths=[str(inp)], format="jsonl"), steps=steps, output=str(out))


def test_run_writes_shards_and_stats(tmp_path, jsonl_corpus):
    report = tamis.run(pipeline(jsonl_corpus, tmp_path / "out"), workers=2)
    assert report["complete"] and not report["failed"]
    assert report["shards"] == 4  # one per input file
    assert [p.name for p in data_files(tmp_path / "out")] == [f"{i:05d}.jsonl.zst" for i in range(4)]
    io = report["stats"]["io"]
    assert io["docs_read"] == 200
    assert io["docs_written"] == sum(len(list(tamis.read(p))) for p in data_files(tmp_path / "out"))
    # The repeated paragraph was removed from every third document.
    docs = list(tamis.read(tmp_path / "out"))
    assert all(d["text"].count(d["text"].split("\n\n")[0]) == 1 for d in docs)
    stages = tamis.stats.merge(tmp_path / "out")
    assert len(stages) == 2
    assert stages[0]["steps"]["00.dedup_lines"]["docs_in"] == 200
    assert "01.frequent_lines" in stages[1]["steps"]
    assert tamis.stats.total(stages)["io"]["docs_read"] == 200
    assert "dedup_lines" in tamis.stats.table(stages)
    # A rerun finds everything complete.
    again = tamis.run(pipeline(jsonl_corpus, tmp_path / "out"), workers=2)
    assert again["units_run"] == 0 and again["units_skipped"] == 8


def test_units_one_by_one_equal_a_whole_run(tmp_path, jsonl_corpus):
    whole = tmp_path / "whole"
    tamis.run(pipeline(jsonl_corpus, whole), workers=2, shards=3)
    units = tmp_path / "units"
    p = pipeline(jsonl_corpus, units)
    info = tamis.exec.plan(p, shards=3)
    assert info["shards"] == 3 and info["stages"] == 2
    assert info["complete"] == [[False] * 3, [False] * 3]
    with pytest.raises(tamis.ShardError):
        tamis.run_shard(p, 1, 0, 3)  # stage 1 waits for every shard of stage 0
    for stage in range(2):
        for shard in reversed(range(3)):
            r = tamis.run_shard(p, stage, shard, 3)
            assert not r["skipped"] and r["stats"]["shards"] == 1
    assert tamis.run_shard(p, 1, 2, 3)["skipped"]
    report = tamis.exec.finish(p, 3)
    assert report["complete"]
    assert not (units / "_stages" / "0" / "data").exists()  # intermediate data removed
    a, b = data_files(whole), data_files(units)
    assert [x.name for x in a] == [x.name for x in b]
    for x, y in zip(a, b):
        assert x.read_bytes() == y.read_bytes(), x.name


def test_manifest_mismatch_is_a_config_error(tmp_path, jsonl_corpus):
    tamis.run(pipeline(jsonl_corpus, tmp_path / "o"), shards=2)
    with pytest.raises(tamis.ConfigError):
        tamis.run(pipeline(jsonl_corpus, tmp_path / "o"), shards=3)
    with pytest.raises(tamis.ConfigError):
        tamis.exec.run_shard(pipeline(jsonl_corpus, tmp_path / "o", steps=[]), 0, 0, 2)


def test_failed_shard_is_reported_and_retried(tmp_path, jsonl_corpus):
    bad = jsonl_corpus / "part-002.jsonl"
    bad.chmod(0o000)
    try:
        import os

        if os.access(bad, os.R_OK):  # root ignores permissions
            pytest.skip("skipped: running as a user who can read a mode-000 file")
        report = tamis.run(pipeline(jsonl_corpus, tmp_path / "o", steps=[]), workers=1)
        assert [f["shard"] for f in report["failed"]] == [2] and not report["complete"]
    finally:
        bad.chmod(0o644)
    report = tamis.run(pipeline(jsonl_corpus, tmp_path / "o", steps=[]), workers=1)
    assert report["complete"] and report["units_run"] == 1


def test_python_run_equals_cli_run(tmp_path, jsonl_corpus):
    cli = tamis_bin()
    toml = tmp_path / "p.toml"
    toml.write_text(
        f'version = 1\n[input]\npaths = ["{jsonl_corpus}"]\nformat = "jsonl"\n'
        '[[steps]]\ntype = "dedup_lines"\n[[steps]]\ntype = "frequent_lines"\n'
        f'[output]\npath = "{tmp_path / "cli"}"\n'
    )
    subprocess.run([cli, "run", str(toml), "--workers", "2", "--quiet"], check=True, capture_output=True)
    p = tamis.Pipeline.from_file(toml).to_dict()
    p["output"]["path"] = str(tmp_path / "py")
    tamis.run(tamis.Pipeline.from_dict(p), workers=1)
    a, b = data_files(tmp_path / "cli"), data_files(tmp_path / "py")
    assert a and [x.name for x in a] == [x.name for x in b]
    for x, y in zip(a, b):
        assert x.read_bytes() == y.read_bytes(), x.name
