"""The type stubs (.pyi) agree with the built package."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import tamis
from tamis import _stubgen, _tamis

PKG_SRC = Path(__file__).resolve().parents[1] / "python" / "tamis"


def stub_names(tree: ast.Module):
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            yield node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            yield node


def params(fn: ast.FunctionDef):
    a = fn.args
    return [x.arg for x in a.posonlyargs + a.args + a.kwonlyargs if x.arg not in ("self", "cls")]


def runtime_params(obj):
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        pytest.fail(f"{obj!r} has no signature")
    return [p for p in sig.parameters if p not in ("self", "cls", "$self", "$cls")]


def test_extension_stub_matches_module():
    tree = ast.parse((PKG_SRC / "_tamis.pyi").read_text())
    checked = 0
    for node in stub_names(tree):
        name = node.target.id if isinstance(node, ast.AnnAssign) else node.name
        assert hasattr(_tamis, name), f"_tamis.pyi names {name}, which the extension lacks"
        obj = getattr(_tamis, name)
        if isinstance(node, ast.FunctionDef):
            assert runtime_params(obj) == params(node), name
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if not isinstance(item, ast.FunctionDef):
                    continue
                assert hasattr(obj, item.name), f"{name}.{item.name}"
                is_prop = any(isinstance(d, ast.Name) and d.id == "property" for d in item.decorator_list)
                if item.name in ("__init__", "__new__"):
                    assert runtime_params(obj) == params(item), name
                elif not is_prop:
                    assert runtime_params(getattr(obj, item.name)) == params(item), f"{name}.{item.name}"
        checked += 1
    public = {n for n in dir(_tamis) if not n.startswith("_")}
    stubbed = {n.target.id if isinstance(n, ast.AnnAssign) else n.name for n in stub_names(tree)}
    assert public <= stubbed, f"not in _tamis.pyi: {sorted(public - stubbed)}"
    assert checked > 10


def test_step_stubs_are_up_to_date():
    path = PKG_SRC / "steps" / "__init__.pyi"
    assert path.read_text() == _stubgen.generate(), (
        "steps/__init__.pyi is out of date: run `python -m tamis._stubgen --write` from the repository root"
    )


def test_stubs_are_installed_with_the_package():
    installed = Path(tamis.__file__).parent
    assert (installed / "py.typed").is_file()
    assert (installed / "_tamis.pyi").is_file()
    assert (installed / "steps" / "__init__.pyi").read_text() == _stubgen.generate()
