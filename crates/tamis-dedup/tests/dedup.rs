//! Behaviour of the three corpus steps as the executor drives them: observe per shard, save,
//! build once, apply by `(shard, doc_index)`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use tamis_core::{CorpusStep, Document, Outcome, StepContext};
use tamis_dedup::minhash::{SignScratch, Signer};
use tamis_dedup::{
    DedupMode, ExactDedupConfig, HashFunction, MinhashDedupConfig, ParagraphDedupConfig,
    ParagraphMethod,
};

/// Cuts `docs` into `shards` contiguous shards, as the executor cuts its file list.
fn split(docs: &[Document], shards: usize) -> Vec<Vec<Document>> {
    let n = docs.len();
    (0..shards)
        .map(|s| docs[s * n / shards..(s + 1) * n / shards].to_vec())
        .collect()
}

/// Runs a corpus step over shards; observes the shards in `observe_order`; returns, per global
/// position, the outcome and the resulting document.
fn run(
    step: &dyn CorpusStep,
    shards: &[Vec<Document>],
    observe_order: &[usize],
    dir: &Path,
) -> Vec<(Outcome, Document)> {
    let paths: Vec<PathBuf> = (0..shards.len())
        .map(|s| dir.join(format!("{s:05}.obs")))
        .collect();
    for &s in observe_order {
        let mut obs = step.observer();
        for d in &shards[s] {
            obs.observe(d);
        }
        obs.save(&paths[s]).unwrap();
    }
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let apply = step.build(&refs).unwrap();
    let mut out = Vec::new();
    for (s, docs) in shards.iter().enumerate() {
        for (i, d) in docs.iter().enumerate() {
            let mut d = d.clone();
            let mut ctx = StepContext {
                shard: s,
                doc_index: i as u64,
                ..StepContext::default()
            };
            let o = apply.process(&mut d, &mut ctx);
            out.push((o, d));
        }
    }
    out
}

fn dropped_ids(results: &[(Outcome, Document)]) -> BTreeSet<String> {
    results
        .iter()
        .filter(|(o, _)| matches!(o, Outcome::Drop(_)))
        .map(|(_, d)| d.id.clone())
        .collect()
}

/// A letters-only word for `n` (digits would all become `0` in `simplify_text`).
fn word(mut n: u64) -> String {
    let mut w = String::from("q");
    loop {
        w.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            return w;
        }
    }
}

/// A corpus with natural near-duplicates: base texts, edited copies, exact copies, plus
/// empty and one-word documents.
fn corpus(seed: u64, n: usize) -> Vec<Document> {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move |m: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % m.max(1)
    };
    let mut bases: Vec<String> = Vec::new();
    let mut docs = Vec::new();
    for i in 0..n {
        let text = match next(10) {
            0 if !bases.is_empty() => bases[next(bases.len() as u64) as usize].clone(),
            1 | 2 if !bases.is_empty() => {
                let b = &bases[next(bases.len() as u64) as usize];
                let mut words: Vec<String> = b.split(' ').map(str::to_owned).collect();
                let k = next(words.len() as u64) as usize;
                words[k] = format!("edit{}", word(next(1000)));
                words.join(" ")
            }
            3 => String::new(),
            4 => "word".to_owned(),
            _ => {
                let len = 20 + next(60) as usize;
                let t: Vec<String> = (0..len).map(|_| word(next(5000))).collect();
                let t = t.join(" ");
                bases.push(t.clone());
                t
            }
        };
        docs.push(Document::new(format!("d{i}"), text));
    }
    docs
}

#[test]
fn minhash_removed_set_is_invariant_to_shard_count_and_observe_order() {
    let docs = corpus(7, 400);
    let step = MinhashDedupConfig::default().build().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let one = dropped_ids(&run(&step, &split(&docs, 1), &[0], dir.path()));
    assert!(
        one.len() > 30,
        "the corpus has near-duplicates: {}",
        one.len()
    );
    assert!(
        one.len() < 150,
        "most documents are distinct: {} removed of 400",
        one.len()
    );
    for shards in [3, 7] {
        let parts = split(&docs, shards);
        let reversed: Vec<usize> = (0..shards).rev().collect();
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            dropped_ids(&run(&step, &parts, &reversed, dir.path())),
            one,
            "{shards} shards"
        );
    }
}

#[test]
fn exact_and_paragraph_are_invariant_to_shard_count() {
    let docs = corpus(11, 300);
    let exact = ExactDedupConfig::default().build().unwrap();
    let para_exact = ParagraphDedupConfig {
        unit: tamis_dedup::ParagraphUnit::Line,
        ..Default::default()
    }
    .build()
    .unwrap();
    let para_bloom = ParagraphDedupConfig {
        method: ParagraphMethod::Bloom,
        bloom_expected_items: 100_000,
        ..Default::default()
    }
    .build()
    .unwrap();
    let texts = |r: &[(Outcome, Document)]| -> Vec<(bool, String)> {
        r.iter()
            .map(|(o, d)| (matches!(o, Outcome::Drop(_)), d.text.clone()))
            .collect()
    };
    for step in [&exact as &dyn CorpusStep, &para_exact, &para_bloom] {
        let dir = tempfile::tempdir().unwrap();
        let base = texts(&run(step, &split(&docs, 1), &[0], dir.path()));
        for shards in [3, 7] {
            let dir = tempfile::tempdir().unwrap();
            let order: Vec<usize> = (0..shards).rev().collect();
            assert_eq!(
                texts(&run(step, &split(&docs, shards), &order, dir.path())),
                base,
                "{} {shards}",
                step.name()
            );
        }
    }
}

#[test]
fn identical_documents_in_different_shards_keep_the_first() {
    let text = "the same long enough text appears in several shards of this corpus";
    let shards = vec![
        vec![Document::new(
            "a0",
            "unrelated words here and there in a row",
        )],
        vec![Document::new("b0", text), Document::new("b1", text)],
        vec![Document::new("c0", text)],
    ];
    let minhash = MinhashDedupConfig::default().build().unwrap();
    let exact = ExactDedupConfig::default().build().unwrap();
    for step in [&minhash as &dyn CorpusStep, &exact] {
        let dir = tempfile::tempdir().unwrap();
        let removed = dropped_ids(&run(step, &shards, &[2, 0, 1], dir.path()));
        assert_eq!(
            removed,
            ["b1", "c0"].iter().map(|s| s.to_string()).collect(),
            "{}",
            step.name()
        );
    }
}

#[test]
fn empty_and_one_word_documents() {
    let docs: Vec<Document> = ["", "", "word", "word", "   ", "two words"]
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("d{i}"), *t))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    // MinHash: fewer than 5 words means no shingle, never a duplicate (as datatrove).
    let minhash = MinhashDedupConfig::default().build().unwrap();
    assert!(dropped_ids(&run(&minhash, &split(&docs, 2), &[0, 1], dir.path())).is_empty());
    // Exact: empty (after normalisation) is never removed; one-word duplicates are.
    let exact = ExactDedupConfig::default().build().unwrap();
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        dropped_ids(&run(&exact, &split(&docs, 2), &[1, 0], dir.path())),
        ["d3".to_string()].into()
    );
    // Paragraph: blank documents stay; a repeated one-word document loses its only line.
    let para = ParagraphDedupConfig::default().build().unwrap();
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        dropped_ids(&run(&para, &split(&docs, 3), &[0, 1, 2], dir.path())),
        ["d3".to_string()].into()
    );
}

#[test]
fn annotate_mode_records_clusters_like_datatrove() {
    let t = "one two three four five six seven eight nine ten";
    let docs = vec![
        Document::new("a", "something entirely different from the rest here"),
        Document::new("b", t),
        Document::new("c", t),
        Document::new("d", t),
    ];
    let step = MinhashDedupConfig {
        mode: DedupMode::Annotate,
        ..Default::default()
    }
    .build()
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let r = run(&step, &split(&docs, 2), &[0, 1], dir.path());
    assert!(r.iter().all(|(o, _)| *o == Outcome::Modified));
    let meta: Vec<(i64, u64)> = r
        .iter()
        .map(|(_, d)| {
            (
                d.metadata["minhash_cluster_id"].as_i64().unwrap(),
                d.metadata["minhash_cluster_size"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(meta, [(-1, 1), (0, 3), (0, 3), (0, 3)]);
}

#[test]
fn rebuilding_from_the_same_files_gives_the_same_decisions() {
    // A crash after the observing stage: the build stage reruns from the saved files.
    let docs = corpus(3, 200);
    let step = MinhashDedupConfig::default().build().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let first = dropped_ids(&run(&step, &split(&docs, 4), &[0, 1, 2, 3], dir.path()));
    let paths: Vec<PathBuf> = (0..4)
        .map(|s| dir.path().join(format!("{s:05}.obs")))
        .collect();
    let bytes: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
    // Observation files are deterministic bytes.
    let dir2 = tempfile::tempdir().unwrap();
    let again = dropped_ids(&run(&step, &split(&docs, 4), &[3, 2, 1, 0], dir2.path()));
    assert_eq!(again, first);
    for (s, b) in bytes.iter().enumerate() {
        assert_eq!(
            &std::fs::read(dir2.path().join(format!("{s:05}.obs"))).unwrap(),
            b
        );
    }
    // A truncated file (a crash mid-write outside the atomic rename) is refused, not misread.
    std::fs::write(&paths[1], &bytes[1][..bytes[1].len() - 3]).unwrap();
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    assert!(step.build(&refs).is_err());
    // Files of another config are refused.
    std::fs::write(&paths[1], &bytes[1]).unwrap();
    let other = MinhashDedupConfig {
        n_grams: 3,
        ..Default::default()
    }
    .build()
    .unwrap();
    assert!(other.build(&refs).is_err());
}

#[test]
fn paragraph_dedup_removes_repeated_lines_and_bloom_agrees_with_exact() {
    let docs = vec![
        Document::new("a", "Menu Home About\nFirst story text.\nCookie notice"),
        Document::new("b", "Menu Home About\nSecond story text.\nCookie notice"),
        Document::new("c", "Menu Home About\nCookie notice"),
        Document::new("d", "Third story.\nThird story."),
    ];
    for method in [ParagraphMethod::Exact, ParagraphMethod::Bloom] {
        let step = ParagraphDedupConfig {
            method,
            bloom_expected_items: 10_000,
            ..Default::default()
        }
        .build()
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let r = run(&step, &split(&docs, 2), &[1, 0], dir.path());
        let got: Vec<(bool, &str)> = r
            .iter()
            .map(|(o, d)| (matches!(o, Outcome::Drop(_)), d.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (false, "Menu Home About\nFirst story text.\nCookie notice"),
                (false, "Second story text."),
                (true, "Menu Home About\nCookie notice"),
                (false, "Third story."),
            ],
            "{method:?}"
        );
    }
}

/// Word 5-gram shingles as the signer sees them (the generated words need no special
/// tokenisation).
fn shingle_set(text: &str) -> HashSet<String> {
    let mut s = String::new();
    tamis_dedup::simplify_text(text, &mut s);
    let words = tamis_text::split_words(&s);
    words.windows(5).map(|w| w.join(" ")).collect()
}

#[test]
fn jaccard_estimate_of_half_overlapping_texts() {
    // 100 shared words then 100 different ones: exact Jaccard of the 5-gram sets is 96 / (196 + 196 - 96).
    let shared: Vec<String> = (0..100).map(word).collect();
    let a = [shared.clone(), (1000..1100).map(word).collect()]
        .concat()
        .join(" ");
    let b = [shared, (2000..2100).map(word).collect()]
        .concat()
        .join(" ");
    let (sa, sb) = (shingle_set(&a), shingle_set(&b));
    let exact = sa.intersection(&sb).count() as f64 / sa.union(&sb).count() as f64;
    assert!((exact - 96.0 / 296.0).abs() < 1e-9, "{exact}");
    let signer = Signer::new(1, 112, 5, HashFunction::Sha1);
    let mut scratch = SignScratch::default();
    let (mut x, mut y) = (Vec::new(), Vec::new());
    assert!(signer.sign(&a, &mut scratch, &mut x) && signer.sign(&b, &mut scratch, &mut y));
    let estimate = x.iter().zip(&y).filter(|(p, q)| p == q).count() as f64 / 112.0;
    assert!(
        (estimate - exact).abs() < 0.2,
        "estimate {estimate} exact {exact}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The share of equal signature values estimates the Jaccard similarity of the shingle
    /// sets: with 112 hashes the standard error is at most 0.047; allow 0.2 (over 4 sigma).
    #[test]
    fn jaccard_estimate_is_close_to_exact(
        common in proptest::collection::vec(0u32..2000, 10..120),
        only_a in proptest::collection::vec(0u32..2000, 0..60),
        only_b in proptest::collection::vec(0u32..2000, 0..60),
    ) {
        let text = |extra: &[u32]| {
            let words: Vec<String> = common.iter().chain(extra).map(|&w| word(u64::from(w))).collect();
            words.join(" ")
        };
        let (ta, tb) = (text(&only_a), text(&only_b));
        let (sa, sb) = (shingle_set(&ta), shingle_set(&tb));
        prop_assume!(!sa.is_empty() && !sb.is_empty());
        let exact = sa.intersection(&sb).count() as f64 / sa.union(&sb).count().max(1) as f64;
        let signer = Signer::new(1, 112, 5, HashFunction::Sha1);
        let mut scratch = SignScratch::default();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        prop_assert!(signer.sign(&ta, &mut scratch, &mut a));
        prop_assert!(signer.sign(&tb, &mut scratch, &mut b));
        let estimate = a.iter().zip(&b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64;
        prop_assert!((estimate - exact).abs() <= 0.2, "estimate {estimate} exact {exact}");
    }
}
