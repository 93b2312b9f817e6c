"""tamis.pipeline: building, validating, serialising and pickling pipelines."""

from __future__ import annotations

import pickle

import pytest

import tamis
from tamis.errors import ConfigError

TOML = """
version = 1
[input]
paths = ["pages/"]
[[steps]]
type = "extract"
[[steps]]
type = "dedup_lines"
[[steps]]
type = "frequent_lines"
[output]
path = "out/"
format = "parquet"
"""


def test_from_toml_builds_stages():
    p = tamis.Pipeline.from_toml(TOML)
    # frequent_lines is corpus-level: it adds a stage after a barrier.
    assert p.stages == 2
    assert p.stage_steps[0] == ["00.extract", "01.dedup_lines"]
    assert p.stage_steps[1][0] == "02.frequent_lines"
    assert p.output_path == "out/"


def test_dict_round_trip_and_defaults_filled():
    p = tamis.Pipeline.from_toml(TOML)
    d = p.to_dict()
    assert d["version"] == 1
    assert [s["type"] for s in d["steps"]] == ["extract", "dedup_lines", "frequent_lines"]
    # Every default is written out, so the dict is the whole config.
    assert d["input"]["text_key"] == "text"
    assert d["output"]["compression"] == "zstd"
    assert tamis.Pipeline.from_dict(d) == p
    assert tamis.Pipeline.from_json(p.to_json()) == p


def test_from_parts_equals_from_toml():
    p = tamis.Pipeline(
        input=tamis.io.Input(paths=["pages/"]),
        steps=[tamis.steps.Extract(), tamis.steps.DedupLines(), {"type": "frequent_lines"}],
        output=tamis.io.Output(path="out/", format="parquet"),
    )
    assert p == tamis.Pipeline.from_toml(TOML)
    q = tamis.Pipeline(input="pages/", output="out/")
    assert q.to_dict()["input"]["paths"] == ["pages/"]
    assert q.stages == 1


def test_from_file(tmp_path):
    f = tmp_path / "p.toml"
    f.write_text(TOML)
    assert tamis.Pipeline.from_file(f) == tamis.Pipeline.from_toml(TOML)
    with pytest.raises(tamis.IoError) as e:
        tamis.Pipeline.from_file(tmp_path / "missing.toml")
    assert "missing.toml" in str(e.value)


def test_pickle_round_trip():
    p = tamis.Pipeline.from_toml(TOML)
    q = pickle.loads(pickle.dumps(p))
    assert q == p and q.stages == 2


@pytest.mark.parametrize(
    "toml, location",
    [
        (TOML.replace('type = "dedup_lines"', 'type = "dedup_lines"\nno_such_field = 3'), "steps[1] (dedup_lines)"),
        (TOML.replace('type = "extract"', 'type = "extractt"'), "steps[0].type"),
        (TOML.replace("version = 1", "version = 2"), "version"),
        (TOML.replace('format = "parquet"', 'format = "parquet"\ncompression = "gzip"'), "compression"),
    ],
)
def test_config_errors_name_the_field(toml, location):
    with pytest.raises(ConfigError) as e:
        tamis.Pipeline.from_toml(toml)
    assert location in str(e.value)
    assert location.split(" ")[0].split(".")[0] in e.value.location
    # A ConfigError is also a ValueError and a TamisError.
    assert isinstance(e.value, ValueError) and isinstance(e.value, tamis.TamisError)


def test_bad_types_from_python_are_config_errors():
    with pytest.raises(ConfigError):
        tamis.Pipeline(input={"paths": "not-a-list"}, output="out/")
    with pytest.raises(ConfigError):
        tamis.Pipeline(input="x", output="out/", run={"shards": 0})
    with pytest.raises(TypeError):
        tamis.Pipeline(input="x", output="out/", steps=[object()])


def test_schema_lists_every_step():
    schema = tamis.pipeline.schema()
    assert schema["title"] == "PipelineConfig"
    assert set(tamis.steps.by_tag) >= {"extract", "dedup_lines", "frequent_lines"}
