//! Every pipeline in examples/ parses, builds and runs on the bundled fixtures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;

#[test]
fn every_example_parses_builds_and_runs() {
    let dir = repo().join("examples");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let p = e.path();
        if p.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        n += 1;
        let text = std::fs::read_to_string(&p).unwrap();
        // Model files are not in the repository (scripts/fetch-lid-model.sh fetches them).
        if let Some(missing) = missing_model(&text) {
            eprintln!(
                "skipped {}: {} is absent (run scripts/fetch-lid-model.sh)",
                p.display(),
                missing
            );
            continue;
        }
        // Same file, output redirected to a temporary directory.
        let tmp = tempfile::tempdir().unwrap();
        let mut table: toml::Table = text.parse().unwrap();
        let out = tmp.path().join("out");
        table["output"]["path"] = out.to_string_lossy().into_owned().into();
        let path = tmp.path().join(p.file_name().unwrap());
        std::fs::write(&path, table.to_string()).unwrap();
        let v = run(&["validate", path.to_str().unwrap()]);
        assert!(v.status.success(), "{}: {}", p.display(), stderr(&v));
        let r = run(&["run", "-q", path.to_str().unwrap()]);
        assert!(r.status.success(), "{}: {}", p.display(), stderr(&r));
        let stats = run(&["stats", "--json", out.to_str().unwrap()]);
        let v: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
        let last = v.as_array().unwrap().last().unwrap();
        assert!(
            last["io"]["docs_written"].as_u64().unwrap() > 0,
            "{}: wrote nothing",
            p.display()
        );
    }
    assert!(n >= 2, "expected example pipelines in examples/");
}

/// The first `model_path` of a pipeline text whose file does not exist (relative to the repo).
fn missing_model(text: &str) -> Option<String> {
    let table: toml::Table = text.parse().ok()?;
    table.get("steps")?.as_array()?.iter().find_map(|s| {
        let m = s.get("model_path")?.as_str()?;
        (!repo().join(m).exists()).then(|| m.to_owned())
    })
}

#[test]
fn schema_is_up_to_date() {
    let out = run(&["schema"]);
    assert!(out.status.success());
    let committed =
        std::fs::read_to_string(repo().join("schema/pipeline.schema.json")).unwrap_or_default();
    assert_eq!(
        committed.trim(),
        stdout(&out).trim(),
        "schema/pipeline.schema.json is stale: run `cargo run --bin tamis -- schema > schema/pipeline.schema.json`"
    );
}
