//! `tamis extract` and `tamis clean` take the extraction options on the command line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{run, stdout};

const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Density tables</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article>
<h1>Options page</h1>
<p>The first paragraph of this page is long enough to be prose, and it links to
<a href="https://example.org/guide">the guide</a> in the middle of the sentence.</p>
<h2>Measurements</h2>
<table><tr><th>Metal</th><th>Density</th></tr><tr><td>Osmium</td><td>22.59</td></tr>
<tr><td>Iridium</td><td>22.56</td></tr></table>
<p>A second paragraph follows the table, and it is long enough to count as prose too.</p>
<ul><li>Tungstenite ore</li><li>Platinum nugget</li></ul>
<img src="/a.png" alt="A chart of densities">
<p>The last paragraph closes the article after the list with a few more words in it.</p>
</article>
<footer>Footer text</footer></body></html>"#;

fn extract(dir: &tempfile::TempDir, flags: &[&str]) -> String {
    let path = dir.path().join("page.html");
    std::fs::write(&path, PAGE).unwrap();
    let mut args = vec!["extract"];
    args.extend_from_slice(flags);
    let path = path.to_string_lossy().into_owned();
    args.push(&path);
    let out = run(&args);
    assert!(out.status.success(), "{}", common::stderr(&out));
    stdout(&out)
}

#[test]
fn extraction_flags_change_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let plain = extract(&dir, &[]);
    assert!(plain.contains("Osmium"), "{plain}");
    assert!(plain.contains("Tungstenite ore"), "{plain}");
    assert!(!plain.contains("https://example.org/guide"), "{plain}");
    assert!(!plain.contains("A chart of densities"), "{plain}");
    assert!(!plain.contains("Density tables"), "{plain}");
    assert!(!plain.contains("## Measurements"), "{plain}");

    let md = extract(&dir, &["--markdown", "--links", "--images"]);
    assert!(md.contains("## Measurements"), "{md}");
    assert!(md.contains("](https://example.org/guide)"), "{md}");
    assert!(md.contains("A chart of densities"), "{md}");
    assert!(md.contains('|'), "{md}");

    let bare = extract(&dir, &["--no-tables", "--no-lists", "--title"]);
    assert!(!bare.contains("Osmium"), "{bare}");
    assert!(!bare.contains("Tungstenite ore"), "{bare}");
    assert!(bare.contains("second paragraph"), "{bare}");
    assert!(bare.starts_with("Density tables"), "{bare}");
}

#[test]
fn clean_takes_the_extraction_flags_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html");
    std::fs::write(&path, PAGE).unwrap();
    let path = path.to_string_lossy().into_owned();
    let out = run(&["clean", "--markdown", &path]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(stdout(&out).contains("## Measurements"), "{}", stdout(&out));
}

#[test]
fn a_bad_flag_value_fails_before_reading() {
    let out = run(&["extract", "--timeout-ms", "soon", "no-such-file.html"]);
    assert!(!out.status.success());
    assert!(common::stderr(&out).contains("--timeout-ms"));
}

#[test]
fn explain_shows_the_root_and_why_each_region_went() {
    let dir = tempfile::tempdir().unwrap();
    let page = PAGE.replace(
        "<footer>",
        "<div class=\"sidebar\">Popular posts this week</div><footer>",
    );
    // Plain and gzip files read alike.
    let plain = dir.path().join("page.html");
    std::fs::write(&plain, &page).unwrap();
    let gz = dir.path().join("page.html.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut enc, page.as_bytes()).unwrap();
    std::fs::write(&gz, enc.finish().unwrap()).unwrap();
    for path in [&plain, &gz] {
        let out = run(&["explain", "--text", &path.to_string_lossy()]);
        assert!(out.status.success(), "{}", common::stderr(&out));
        let s = stdout(&out);
        assert!(s.starts_with("root: "), "{s}");
        assert!(s.contains("by=tag") && s.contains("nav"), "{s}");
        assert!(
            s.contains("by=class-word") && s.contains("Popular posts"),
            "{s}"
        );
        let text = s.split("-----\n").nth(1).unwrap();
        assert!(
            text.contains("Osmium") && !text.contains("Popular posts"),
            "{text}"
        );
    }
    // A missing file: exit code 1, the path named once with the cause once.
    let missing = dir.path().join("missing.html");
    let out = run(&["explain", &missing.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    let err = common::stderr(&out);
    assert!(err.contains("missing.html"), "{err}");
    assert_eq!(err.matches("os error").count(), 1, "{err}");
}
