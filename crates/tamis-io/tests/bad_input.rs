//! Bad input (issue 3, item 9): each case gives a malformed item naming the file and the
//! record or offset, and every good record around it is read.

use std::io::Write;

use proptest::prelude::*;
use tamis_io::{InputOptions, ReadItem, open};

use crate::util::{gzip, read_all, warc_record};

fn good_jsonl(n: usize) -> String {
    (0..n)
        .map(|i| format!("{{\"id\":\"d{i}\",\"text\":\"text {i}\"}}\n"))
        .collect()
}

#[test]
fn truncated_gzip_jsonl_keeps_what_came_before() {
    let dir = tempfile::tempdir().unwrap();
    let full = gzip(good_jsonl(2000).as_bytes());
    let path = dir.path().join("cut.jsonl.gz");
    std::fs::write(&path, &full[..full.len() * 2 / 3]).unwrap();
    let items = read_all(&path, &InputOptions::default());
    assert_eq!(items.bad.len(), 1, "{:?}", items.bad);
    let m = &items.bad[0];
    assert_eq!(m.path, path);
    assert!(m.location.starts_with("line "), "{m}");
    // lines are whole and in order up to the cut
    assert!(items.docs.len() > 500, "{}", items.docs.len());
    for (i, d) in items.docs.iter().enumerate() {
        assert_eq!(d.id, format!("d{i}"));
    }
}

#[test]
fn truncated_gzip_warc_reports_record_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = Vec::new();
    let mut last_member = 0;
    for i in 0..50 {
        let member = gzip(&warc_record(
            &format!("r{i}"),
            &format!("<p>page {i} {}</p>", "x".repeat(500)),
        ));
        last_member = member.len();
        data.extend(member);
    }
    let path = dir.path().join("cut.warc.gz");
    // cut inside the last gzip member
    let cut = data.len() - last_member / 2;
    std::fs::write(&path, &data[..cut]).unwrap();
    let items = read_all(&path, &InputOptions::default());
    assert_eq!(items.docs.len(), 49, "all records before the cut");
    assert_eq!(items.bad.len(), 1);
    let m = &items.bad[0];
    assert!(m.location.starts_with("record 50 at byte offset "), "{m}");
    assert!(m.to_string().contains("cut.warc.gz"));
}

#[test]
fn malformed_warc_headers_lose_no_neighbours() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = warc_record("a", "<p>a</p>");
    data.extend_from_slice(
        b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: -5\r\n\r\n<p>lost</p>\r\n\r\n",
    );
    data.extend(warc_record("b", "<p>b</p>"));
    data.extend_from_slice(b"HTTP/1.1 200 OK\r\nnot a warc record\r\n\r\n");
    data.extend(warc_record("c", "<p>c</p>"));
    for (name, bytes) in [("m.warc", data.clone()), ("m.warc.gz", gzip(&data))] {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let items = read_all(&path, &InputOptions::default());
        let ids: Vec<&str> = items.docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            ["<urn:uuid:a>", "<urn:uuid:b>", "<urn:uuid:c>"],
            "{name}"
        );
        assert_eq!(items.bad.len(), 2, "{name}: {:?}", items.bad);
        assert!(
            items.bad[0].message.contains("Content-Length"),
            "{}",
            items.bad[0]
        );
        assert!(
            items.bad[1].message.contains("version line"),
            "{}",
            items.bad[1]
        );
    }
}

#[test]
fn invalid_utf8_and_missing_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("u.jsonl");
    let mut data = good_jsonl(2).into_bytes();
    data.extend_from_slice(
        b"{\"id\":\"bad\",\"text\":\"caf\xe9\"}\n{\"id\":\"notext\",\"body\":\"x\"}\n",
    );
    data.extend(good_jsonl(1).replace("d0", "after").into_bytes());
    std::fs::write(&path, &data).unwrap();
    let items = read_all(&path, &InputOptions::default());
    let ids: Vec<&str> = items.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["d0", "d1", "after"]);
    let locs: Vec<&str> = items.bad.iter().map(|m| m.location.as_str()).collect();
    assert_eq!(locs, ["line 3", "line 4"]);
    assert!(items.bad[0].message.contains("UTF-8"), "{}", items.bad[0]);
    assert!(
        items.bad[1].message.contains("\"text\""),
        "{}",
        items.bad[1]
    );

    let txt = dir.path().join("latin1.txt");
    std::fs::write(&txt, b"caf\xe9 au lait").unwrap();
    let items = read_all(&txt, &InputOptions::default());
    assert!(items.docs.is_empty());
    assert_eq!(items.bad[0].location, "byte offset 3");
}

#[test]
fn empty_files_give_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["e.jsonl", "e.warc", "e.txt", "e.html", "e", "e.jsonl.gz"] {
        let path = dir.path().join(name);
        let bytes = if name.ends_with(".gz") {
            gzip(b"")
        } else {
            Vec::new()
        };
        std::fs::write(&path, bytes).unwrap();
        let items = read_all(&path, &InputOptions::default());
        assert!(
            items.docs.is_empty() && items.bad.is_empty() && items.skipped == 0,
            "{name}: {items:?}"
        );
    }
}

#[test]
fn binary_files_are_malformed() {
    let dir = tempfile::tempdir().unwrap();
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    for name in ["b.bin", "b.txt", "b.jsonl"] {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let items = read_all(&path, &InputOptions::default());
        assert!(items.docs.is_empty(), "{name}");
        assert!(!items.bad.is_empty(), "{name}");
        assert!(items.bad.iter().all(|m| m.path == path));
    }
}

#[test]
fn hundred_megabyte_line_is_skipped_with_its_neighbours_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        f.write_all(b"{\"id\":\"before\",\"text\":\"a\"}\n{\"id\":\"huge\",\"text\":\"")
            .unwrap();
        let chunk = vec![b'z'; 1 << 20];
        for _ in 0..100 {
            f.write_all(&chunk).unwrap();
        }
        f.write_all(b"\"}\n{\"id\":\"after\",\"text\":\"b\"}\n")
            .unwrap();
    }
    let items = read_all(&path, &InputOptions::default());
    let ids: Vec<&str> = items.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["before", "after"]);
    assert_eq!(items.bad.len(), 1);
    assert_eq!(items.bad[0].location, "line 2");
    assert!(
        items.bad[0].message.contains("max_record_bytes"),
        "{}",
        items.bad[0]
    );
}

#[test]
fn gzip_bomb_body_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = gzip(&vec![b' '; 20 << 20]);
    let mut block =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
    block.extend_from_slice(&bomb);
    let mut data = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bomb>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    data.extend_from_slice(&block);
    data.extend_from_slice(b"\r\n\r\n");
    data.extend(warc_record("ok", "<p>ok</p>"));
    let path = dir.path().join("bomb.warc");
    std::fs::write(&path, &data).unwrap();
    let opts = InputOptions {
        max_record_bytes: 1 << 20,
        ..Default::default()
    };
    let items = read_all(&path, &opts);
    assert_eq!(items.docs.len(), 1);
    assert_eq!(items.bad.len(), 1);
    assert!(
        items.bad[0].message.contains("max_record_bytes"),
        "{}",
        items.bad[0]
    );
}

#[test]
fn content_beats_name() {
    let dir = tempfile::tempdir().unwrap();
    let warc_as_txt = dir.path().join("really-a-warc.txt");
    std::fs::write(&warc_as_txt, warc_record("w", "<p>w</p>")).unwrap();
    assert_eq!(
        read_all(&warc_as_txt, &InputOptions::default()).docs[0].id,
        "<urn:uuid:w>"
    );
    let jsonl_as_gz = dir.path().join("dump.gz");
    std::fs::write(&jsonl_as_gz, gzip(good_jsonl(3).as_bytes())).unwrap();
    assert_eq!(
        read_all(&jsonl_as_gz, &InputOptions::default()).docs.len(),
        3
    );
    let zst = dir.path().join("page.html.zst");
    std::fs::write(
        &zst,
        zstd::encode_all(&b"<html><p>z</p></html>"[..], 3).unwrap(),
    )
    .unwrap();
    let d = &read_all(&zst, &InputOptions::default()).docs[0];
    assert_eq!(d.id, "page");
    assert_eq!(d.media.as_ref().unwrap().bytes, b"<html><p>z</p></html>");
}

#[test]
fn unopenable_file_is_an_error() {
    let e = open(
        std::path::Path::new("/nonexistent/x.warc.gz"),
        &InputOptions::default(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("x.warc.gz"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// The readers never panic, whatever the bytes and whatever the name.
    #[test]
    fn never_panics_on_arbitrary_bytes(
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
        prefix in prop::sample::select(vec![
            &b""[..], b"WARC/1.0\r\n", b"WARC/1.1\r\nContent-Length: 5\r\nWARC-Type: response\r\nContent-Type: application/http\r\n\r\n",
            b"{\"text\":", b"<html>", b"PAR1", b"HTTP/1.1 200 OK\r\n",
        ]),
        name in prop::sample::select(vec!["x.warc", "x.jsonl", "x.txt", "x.html", "x.parquet", "x"]),
        compress in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut data = prefix.to_vec();
        data.extend_from_slice(&bytes);
        let data = if compress { gzip(&data) } else { data };
        let path = dir.path().join(name);
        std::fs::write(&path, &data).unwrap();
        let opts = InputOptions { max_record_bytes: 1024, ..Default::default() };
        let mut n = 0;
        for item in open(&path, &opts).unwrap() {
            n += 1;
            prop_assert!(n < 10_000, "reader does not end");
            if let ReadItem::Malformed(m) = item {
                prop_assert_eq!(&m.path, &path);
            }
        }
    }
}

#[test]
fn tiny_truncated_gzip_is_reported_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let full = gzip(good_jsonl(3).as_bytes());
    for (name, cut) in [
        ("t.jsonl.gz", full.len() / 2),
        ("t.gz", 12),
        ("t.warc.gz", full.len() - 4),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &full[..cut]).unwrap();
        let items = read_all(&path, &InputOptions::default());
        assert_eq!(items.bad.len(), 1, "{name}: {items:?}");
        assert_eq!(items.bad[0].path, path);
    }
}
