//! Bad input through the whole command: counted, named, and nothing around it lost
//! (issue 3, item 9). The reader-level cases are in tamis-io's tests.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;

use std::io::Write;

#[test]
fn bad_records_are_named_counted_and_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir_all(&dir).unwrap();
    // Good and bad lines mixed in one JSONL file.
    let mut f = std::fs::File::create(dir.join("a.jsonl")).unwrap();
    writeln!(
        f,
        r#"{{"id":"a1","text":"First good document about the harbour."}}"#
    )
    .unwrap();
    writeln!(f, r#"{{"id":"a2","body":"no text field here"}}"#).unwrap();
    writeln!(f, "{{not json at all").unwrap();
    f.write_all(b"{\"id\":\"a4\",\"text\":\"bad utf8 \xff\xfe here\"}\n")
        .unwrap();
    writeln!(
        f,
        r#"{{"id":"a5","text":"Second good document about the market."}}"#
    )
    .unwrap();
    drop(f);
    // An empty file and a binary file next to it.
    std::fs::write(dir.join("empty.jsonl"), b"").unwrap();
    std::fs::write(
        dir.join("blob.bin"),
        (0..4096u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<u8>>(),
    )
    .unwrap();
    // A truncated gzip JSONL file: the complete lines before the cut are read.
    let mut gz = Vec::new();
    {
        let mut enc = flate2_like_gzip(&mut gz);
        for i in 0..200 {
            writeln!(
                enc,
                r#"{{"id":"g{i}","text":"Gzipped document number {i} with some words."}}"#
            )
            .unwrap();
        }
    }
    gz.truncate(gz.len() * 2 / 3);
    std::fs::write(dir.join("cut.jsonl.gz"), &gz).unwrap();

    let out_dir = tmp.path().join("out");
    let p = write_pipeline(
        tmp.path(),
        "p.toml",
        &format!(
            "version = 1\n[input]\npaths = [{}]\n[output]\npath = {}\ncompression = \"none\"\n",
            lit(&dir),
            lit(&out_dir)
        ),
    );
    let out = run(&["run", "-q", p.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    // Messages name the file and the line.
    assert!(err.contains("a.jsonl"), "{err}");
    assert!(err.contains("line 2") || err.contains("record 2"), "{err}");
    assert!(err.contains("cut.jsonl.gz"), "{err}");

    let stats = run(&["stats", "--json", out_dir.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    let io = &v.as_array().unwrap()[0]["io"];
    // a2 (no text), a3 (not JSON), a4 (invalid UTF-8), the truncated tail, the binary file.
    assert!(io["skipped_malformed"].as_u64().unwrap() >= 4, "{io}");

    let mut ids = Vec::new();
    for e in std::fs::read_dir(&out_dir).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "jsonl") {
            for line in std::fs::read_to_string(e.path()).unwrap().lines() {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                ids.push(v["id"].as_str().unwrap().to_owned());
            }
        }
    }
    assert!(
        ids.contains(&"a1".to_owned()) && ids.contains(&"a5".to_owned()),
        "{ids:?}"
    );
    let gz_read = ids.iter().filter(|i| i.starts_with('g')).count();
    assert!(
        gz_read > 50 && gz_read < 200,
        "complete lines before the cut are read: {gz_read}"
    );
}

/// A gzip encoder from the zlib-rs backed flate2 that tamis-io uses.
fn flate2_like_gzip(out: &mut Vec<u8>) -> impl Write + '_ {
    flate2::write::GzEncoder::new(out, flate2::Compression::default())
}

#[test]
fn bundled_sample_cleans() {
    let out = run(&["clean", "fixtures/warc/resiliparse__warcfile.warc.gz"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.split("\n\n").filter(|p| p.len() > 200).count() >= 5,
        "{text}"
    );
    let j = run(&[
        "clean",
        "--jsonl",
        "fixtures/warc/resiliparse__warcfile.warc.gz",
    ]);
    for line in stdout(&j).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["metadata"]["url"].as_str().unwrap().starts_with("http"));
    }
}
