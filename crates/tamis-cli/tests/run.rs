//! `tamis run`: resume after `kill -9`, output independent of workers, multi-stage runs,
//! config errors before any data is read, `tamis stats` (issue 3, items 4 and 5).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;

use std::io::Write;
use std::path::Path;
use std::time::Instant;

/// Deterministic pseudo-random generator (xorshift64*), so inputs are the same every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const WORDS: &[&str] = &[
    "the",
    "river",
    "council",
    "voted",
    "on",
    "a",
    "new",
    "budget",
    "for",
    "schools",
    "and",
    "roads",
    "after",
    "months",
    "of",
    "debate",
    "residents",
    "said",
    "they",
    "were",
    "pleased",
    "with",
    "plan",
    "which",
    "includes",
    "funding",
    "library",
    "park",
    "repairs",
    "bridge",
    "teachers",
    "students",
    "mayor",
    "announced",
    "public",
    "meeting",
    "next",
    "week",
    "city",
];

/// Writes `files` JSONL files of `docs` documents each under `dir`. Documents are spread over
/// a few hosts; every document of a host ends with the same footer line (so `frequent_lines`
/// has something to remove) and some paragraphs repeat inside a document.
fn make_corpus(dir: &Path, files: usize, docs: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for f in 0..files {
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(dir.join(format!("part-{f:03}.jsonl"))).unwrap(),
        );
        for d in 0..docs {
            let host = rng.below(4);
            let mut paras = Vec::new();
            for _ in 0..(3 + rng.below(6)) {
                let n = 12 + rng.below(30);
                let words: Vec<&str> = (0..n)
                    .map(|_| WORDS[rng.below(WORDS.len() as u64) as usize])
                    .collect();
                paras.push(format!("{}.", words.join(" ")));
            }
            if rng.below(3) == 0 {
                let p = paras[0].clone();
                paras.push(p);
            }
            paras.push(format!(
                "All content copyright site number {host} network, reproduced with permission only."
            ));
            let rec = serde_json::json!({
                "id": format!("f{f}-d{d}"),
                "text": paras.join("\n"),
                "url": format!("https://site{host}.example/article/{f}/{d}"),
            });
            writeln!(out, "{rec}").unwrap();
        }
    }
}

fn pipeline(dir: &Path, input: &Path, output: &Path, extra: &str) -> std::path::PathBuf {
    write_pipeline(
        dir,
        "pipeline.toml",
        &format!(
            r#"version = 1
[input]
paths = [{input}]
[[steps]]
type = "dedup_lines"
[[steps]]
type = "frequent_lines"
min_pages = 5
[[steps]]
type = "boilerplate"
[[steps]]
type = "minhash_dedup"
[output]
path = {output}
{extra}
"#,
            input = lit(&input.join("*.jsonl")),
            output = lit(output)
        ),
    )
}

fn run_ok(args: &[&str]) {
    let out = run(args);
    assert!(
        out.status.success(),
        "tamis {args:?} failed:\n{}",
        stderr(&out)
    );
}

#[test]
fn output_is_identical_whatever_the_workers_and_resumes_after_kill_9() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    make_corpus(&input, 8, 1500);

    // Reference: one uninterrupted run with one worker.
    let ref_out = tmp.path().join("ref");
    let p = pipeline(tmp.path(), &input, &ref_out, "");
    run_ok(&["run", "-q", "-j", "1", p.to_str().unwrap()]);
    let reference = output_files(&ref_out);
    assert!(
        reference
            .iter()
            .any(|(n, b)| n.ends_with(".jsonl.zst") && !b.is_empty())
    );
    assert!(
        !ref_out.join("_stages/0/data").exists(),
        "intermediate data removed after the run"
    );

    // Two workers: byte-identical output.
    let two = tmp.path().join("two");
    let p2 = pipeline(tmp.path(), &input, &two, "");
    let started = Instant::now();
    run_ok(&["run", "-q", "-j", "2", p2.to_str().unwrap()]);
    // The killed runs below use -j2 too: kill moments are fractions of this duration.
    let full = started.elapsed();
    assert_eq!(names(&output_files(&two)), names(&reference));
    assert!(
        output_files(&two) == reference,
        "output differs between -j1 and -j2"
    );

    // Killed with SIGKILL at several moments, then run to the end: same output.
    let killed = tmp.path().join("killed");
    let pk = pipeline(tmp.path(), &input, &killed, "");
    let mut rng = Rng(42);
    let mut kills = 0;
    for _ in 0..6 {
        let mut child = tamis()
            .args(["run", "-q", "-j", "2", pk.to_str().unwrap()])
            .spawn()
            .unwrap();
        let wait = full.mul_f64(0.05 + (rng.below(50) as f64) / 100.0);
        std::thread::sleep(wait);
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL on Unix
            kills += 1;
        }
        child.wait().unwrap();
    }
    assert!(
        kills > 0,
        "the run was never interrupted; the test proves nothing"
    );
    run_ok(&["run", "-q", "-j", "2", pk.to_str().unwrap()]);
    let resumed = output_files(&killed);
    assert_eq!(names(&resumed), names(&reference));
    assert!(
        resumed == reference,
        "output after kill -9 and resume differs from an uninterrupted run"
    );

    // A rerun of a complete run does nothing and changes nothing.
    let out = run(&["run", "-q", pk.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("0 units run"), "{}", stderr(&out));
    assert!(output_files(&killed) == reference);

    // The frequent footer line was removed by the second stage; the text is otherwise there.
    let stats = run(&["stats", "--json", ref_out.to_str().unwrap()]);
    assert!(stats.status.success(), "{}", stderr(&stats));
    let v: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    let stages = v.as_array().unwrap();
    assert_eq!(
        stages.len(),
        3,
        "frequent_lines and minhash_dedup cut the pipeline into three stages"
    );
    assert_eq!(stages[0]["io"]["docs_read"], 12000);
    assert!(
        stages[1]["steps"]["01.frequent_lines"]["modified"]
            .as_u64()
            .unwrap()
            > 10000
    );
    assert_eq!(
        stages[2]["steps"]["03.minhash_dedup"]["docs_in"],
        stages[1]["io"]["docs_written"]
    );
    let table = run(&["stats", ref_out.to_str().unwrap()]);
    assert!(
        stdout(&table).contains("01.frequent_lines"),
        "{}",
        stdout(&table)
    );
}

fn names(files: &[(String, Vec<u8>)]) -> Vec<&str> {
    files.iter().map(|(n, _)| n.as_str()).collect()
}

#[test]
fn config_errors_name_step_and_field_before_reading() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    make_corpus(&input, 1, 3);
    let out_dir = tmp.path().join("out");
    let cases: &[(&str, &[&str])] = &[
        (
            "[[steps]]\ntype = \"dedup_lines\"\nnot_a_field = 1\n",
            &["steps[0] (dedup_lines)", "not_a_field"],
        ),
        (
            "[[steps]]\ntype = \"no_such_step\"\n",
            &["steps[0].type", "no_such_step"],
        ),
        ("[run]\nshards = 0\n", &["shards"]),
    ];
    for (snippet, needles) in cases {
        let p = write_pipeline(
            tmp.path(),
            "bad.toml",
            &format!(
                "version = 1\n[input]\npaths = [{}]\n{snippet}[output]\npath = {}\n",
                lit(&input),
                lit(&out_dir)
            ),
        );
        let out = run(&["run", p.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{snippet}: {}", stderr(&out));
        for n in *needles {
            assert!(
                stderr(&out).contains(n),
                "{snippet}: message lacks {n:?}: {}",
                stderr(&out)
            );
        }
        assert!(
            !out_dir.exists(),
            "{snippet}: output written despite a config error"
        );
        let v = run(&["validate", p.to_str().unwrap()]);
        assert_eq!(v.status.code(), Some(2));
    }
    // A missing input is a config error too.
    let p = write_pipeline(
        tmp.path(),
        "missing.toml",
        &format!(
            "version = 1\n[input]\npaths = [{}]\n[output]\npath = {}\n",
            lit(&tmp.path().join("nope/*.jsonl")),
            lit(&out_dir)
        ),
    );
    let out = run(&["run", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!out_dir.exists());
}

#[test]
fn shard_of_runs_one_shard_and_rejects_mismatched_resume() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    make_corpus(&input, 4, 50);
    let out_dir = tmp.path().join("out");
    let p = write_pipeline(
        tmp.path(),
        "p.toml",
        &format!(
            "version = 1\n[input]\npaths = [{}]\n[[steps]]\ntype = \"dedup_lines\"\n[output]\npath = {}\n",
            lit(&input),
            lit(&out_dir)
        ),
    );
    for i in [2, 0, 3, 1] {
        run_ok(&[
            "run",
            "-q",
            "--shard",
            &i.to_string(),
            "--of",
            "4",
            p.to_str().unwrap(),
        ]);
        assert!(out_dir.join(format!("completions/{i:05}")).is_file());
    }
    let whole = tmp.path().join("whole");
    let pw = write_pipeline(
        tmp.path(),
        "w.toml",
        &format!(
            "version = 1\n[input]\npaths = [{}]\n[[steps]]\ntype = \"dedup_lines\"\n[output]\npath = {}\n[run]\nshards = 4\n",
            lit(&input),
            lit(&whole)
        ),
    );
    run_ok(&["run", "-q", pw.to_str().unwrap()]);
    assert!(output_files(&out_dir) == output_files(&whole));
    // Resuming with another shard count is refused.
    let out = run(&["run", "-q", "--of", "3", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("shards"), "{}", stderr(&out));
}
