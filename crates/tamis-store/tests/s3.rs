//! tamis-store against a real S3-compatible server: moto's server (from PyPI,
//! `pip install "moto[server]"`), started by the test on 127.0.0.1 and stopped at the end.
//!
//! The test looks for `moto_server` on PATH (or `$TAMIS_MOTO_SERVER`); without it, it prints
//! "skipped" and passes, unless `TAMIS_REQUIRE_MOTO=1` (as scripts/test-python.sh sets),
//! which makes a missing server a failure.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tamis_store::Store;

struct Moto {
    child: Child,
    port: u16,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn find_moto() -> Option<std::path::PathBuf> {
    if let Ok(p) = std::env::var("TAMIS_MOTO_SERVER") {
        return Some(p.into());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("moto_server"))
        .find(|p| p.is_file())
}

fn start_moto() -> Option<Moto> {
    let Some(bin) = find_moto() else {
        if std::env::var("TAMIS_REQUIRE_MOTO").is_ok_and(|v| v == "1") {
            panic!("moto_server not found on PATH (pip install \"moto[server]\")");
        }
        eprintln!(
            "skipped: moto_server not found (pip install \"moto[server]\"; scripts/test-python.sh runs this)"
        );
        return None;
    };
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(bin)
        .args(["-H", "127.0.0.1", "-p", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start moto_server");
    let moto = Moto { child, port };
    let deadline = Instant::now() + Duration::from_secs(60);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "moto_server did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    Some(moto)
}

/// Creates a bucket with a bare HTTP request (object stores have no "create bucket").
fn create_bucket(port: u16, bucket: &str) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "PUT /{bucket} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").unwrap();
    let mut resp = String::new();
    s.read_to_string(&mut resp).unwrap();
    assert!(resp.starts_with("HTTP/1.1 200"), "create bucket: {resp}");
}

fn store(port: u16) -> Store {
    Store::new([
        ("aws_endpoint_url", format!("http://127.0.0.1:{port}")),
        ("aws_allow_http", "true".to_owned()),
        ("aws_access_key_id", "testing".to_owned()),
        ("aws_secret_access_key", "testing".to_owned()),
        ("aws_region", "us-east-1".to_owned()),
    ])
    .unwrap()
}

/// Deterministic bytes that compress poorly (so sizes are what they say).
fn payload(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn s3_round_trip_multipart_listing_and_abort() {
    let Some(moto) = start_moto() else { return };
    create_bucket(moto.port, "corpus");
    // 5 MiB parts (the S3 minimum): a 12 MiB object goes up in three parts.
    let s = store(moto.port).with_part_bytes(5 * 1024 * 1024);

    let big = payload(12 * 1024 * 1024 + 123, 1);
    let mut w = s.create("s3://corpus/out/00000.parquet").unwrap();
    for chunk in big.chunks(1 << 20) {
        w.write_all(chunk).unwrap();
    }
    // Not visible before finish.
    assert!(s.open_read("s3://corpus/out/00000.parquet").is_err());
    assert_eq!(w.finish().unwrap(), "s3://corpus/out/00000.parquet");
    assert_eq!(
        s.size("s3://corpus/out/00000.parquet").unwrap(),
        big.len() as u64
    );
    let mut back = Vec::new();
    s.open_read("s3://corpus/out/00000.parquet")
        .unwrap()
        .read_to_end(&mut back)
        .unwrap();
    assert!(back == big, "multipart object differs after the round trip");

    // Small objects (one short part), and a WARC-like gzip member read back in small reads.
    for (i, name) in [
        "in/a.warc.gz",
        "in/b.warc.gz",
        "in/sub/c.warc.gz",
        "in/notes.txt",
    ]
    .iter()
    .enumerate()
    {
        let mut w = s.create(&format!("s3://corpus/{name}")).unwrap();
        w.write_all(&payload(1000 + i, i as u64 + 10)).unwrap();
        w.finish().unwrap();
    }
    let mut r = s.open_read("s3://corpus/in/b.warc.gz").unwrap();
    let mut buf = [0u8; 7];
    let mut got = Vec::new();
    loop {
        let n = r.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        got.extend_from_slice(&buf[..n]);
    }
    assert_eq!(got, payload(1001, 11));

    // Listing: a glob within one level, `**` across levels, a prefix, one object.
    assert_eq!(
        s.list("s3://corpus/in/*.warc.gz").unwrap(),
        vec!["s3://corpus/in/a.warc.gz", "s3://corpus/in/b.warc.gz"]
    );
    assert_eq!(
        s.list("s3://corpus/in/**/*.warc.gz").unwrap(),
        vec![
            "s3://corpus/in/a.warc.gz",
            "s3://corpus/in/b.warc.gz",
            "s3://corpus/in/sub/c.warc.gz"
        ]
    );
    assert_eq!(
        s.list("s3://corpus/in/sub").unwrap(),
        vec!["s3://corpus/in/sub/c.warc.gz"]
    );
    assert_eq!(
        s.list("s3://corpus/out/00000.parquet").unwrap(),
        vec!["s3://corpus/out/00000.parquet"]
    );
    assert_eq!(s.list("s3://corpus/in/").unwrap().len(), 4);
    assert!(s.list("s3://corpus/nothing/*").unwrap().is_empty());

    // A writer dropped before finish leaves nothing.
    let mut w = s.create("s3://corpus/out/00001.parquet").unwrap();
    w.write_all(&payload(6 * 1024 * 1024, 3)).unwrap();
    drop(w);
    assert!(s.list("s3://corpus/out/").unwrap() == vec!["s3://corpus/out/00000.parquet"]);

    // A missing object is a NotFound I/O error naming the URL.
    let err = s.open_read("s3://corpus/missing.warc.gz").unwrap_err();
    match &err {
        tamis_core::Error::Io { path, source } => {
            assert_eq!(path.to_string_lossy(), "s3://corpus/missing.warc.gz");
            assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
        }
        other => panic!("unexpected error {other}"),
    }
}

#[test]
fn local_files_through_file_urls_and_paths() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::new(Vec::<(String, String)>::new())
        .unwrap()
        .with_part_bytes(1024);
    let root = dir.path().display().to_string();
    let data = payload(10_000, 5);
    let mut w = s.create(&format!("file://{root}/x/00000.jsonl")).unwrap();
    w.write_all(&data).unwrap();
    w.finish().unwrap();
    // A plain path and a file:// URL name the same object.
    let mut back = Vec::new();
    s.open_read(&format!("{root}/x/00000.jsonl"))
        .unwrap()
        .read_to_end(&mut back)
        .unwrap();
    assert_eq!(back, data);
    assert_eq!(
        s.list(&format!("{root}/x/*.jsonl")).unwrap(),
        vec![format!("file://{root}/x/00000.jsonl")]
    );
    let w = s.create(&format!("file://{root}/x/00001.jsonl")).unwrap();
    drop(w);
    assert!(!dir.path().join("x/00001.jsonl").exists());
}
