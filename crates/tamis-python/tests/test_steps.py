"""tamis.steps: classes generated from the Rust config structs."""

from __future__ import annotations

import inspect
import pickle

import pytest

import tamis
from tamis.errors import ConfigError


def test_every_step_type_has_a_class_with_the_config_defaults():
    assert tamis.steps.by_tag, "no step classes were generated"
    for tag, cls in tamis.steps.by_tag.items():
        obj = cls()
        d = obj.to_dict()
        assert d["type"] == tag
        sig = inspect.signature(cls)
        # Keyword names and defaults are the config fields, as the Rust side fills them in.
        assert [p for p in sig.parameters] == [k for k in d if k != "type"], tag
        for name, param in sig.parameters.items():
            assert param.kind is inspect.Parameter.KEYWORD_ONLY
            assert param.default == d[name], (tag, name)
        assert cls.__doc__ and tag in repr(tamis.Pipeline(input="x", output="o", steps=[obj]).to_dict())


def test_keywords_are_validated_by_the_rust_config():
    with pytest.raises(ConfigError) as e:
        tamis.steps.DedupLines(no_such_field=1)
    assert "no_such_field" in str(e.value)
    assert e.value.location.startswith("dedup_lines")
    field = next(iter(inspect.signature(tamis.steps.DedupLines).parameters))
    with pytest.raises(ConfigError):
        tamis.steps.DedupLines(**{field: "not a number or bool"})


def test_changed_field_is_kept_and_object_is_immutable():
    sig = inspect.signature(tamis.steps.DedupLines)
    name, param = next((n, p) for n, p in sig.parameters.items() if isinstance(p.default, int) and not isinstance(p.default, bool))
    s = tamis.steps.DedupLines(**{name: param.default + 1})
    assert getattr(s, name) == param.default + 1
    assert s.to_dict()[name] == param.default + 1
    assert s != tamis.steps.DedupLines()
    with pytest.raises(AttributeError):
        setattr(s, name, 3)


def test_pickle_and_from_dict():
    s = tamis.steps.Extract()
    assert pickle.loads(pickle.dumps(s)) == s
    assert tamis.steps.from_dict(s.to_dict()) == s
    with pytest.raises(ConfigError):
        tamis.steps.from_dict({"type": "nope"})


def test_crate_modules_group_the_same_classes():
    assert tamis.extract.Extract is tamis.steps.Extract
    assert tamis.clean.DedupLines is tamis.steps.DedupLines
    modules = (tamis.extract, tamis.clean, tamis.filters, tamis.dedup)
    grouped = {n for m in modules for n in m.__all__ if isinstance(getattr(m, n), type)}
    assert grouped == {c.__name__ for c in tamis.steps.by_tag.values()}


def test_section_classes():
    i = tamis.io.Input(paths=["a"], format="jsonl")
    assert i.to_dict()["format"] == "jsonl" and i.text_key == "text"
    with pytest.raises(ConfigError):
        tamis.io.Input(paths=["a"], format="docx")
    with pytest.raises(ConfigError) as e:
        tamis.io.Output(path="o", format="parquet", compression="gzip")
    assert "compression" in str(e.value)
