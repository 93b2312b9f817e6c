//! Helpers shared by the integration tests.

use std::path::PathBuf;

use tamis_clean::{BoilerplateConfig, DedupLinesConfig, SoftErrorConfig};
use tamis_core::{Document, Outcome, Step, StepContext};

/// `../shared` relative to the repository root, or `None` (with a message) when missing.
pub fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared not found");
        None
    }
}

/// The per-document cleaning steps in the recommended order.
pub fn steps() -> Vec<Box<dyn Step>> {
    vec![
        Box::new(BoilerplateConfig::default().build().unwrap()),
        Box::new(SoftErrorConfig::default().build().unwrap()),
        Box::new(DedupLinesConfig::default().build().unwrap()),
    ]
}

/// The same steps in the other order (soft_error first).
pub fn steps_soft_error_first() -> Vec<Box<dyn Step>> {
    let mut s = steps();
    s.swap(0, 1);
    s
}

/// Runs `steps` on `doc`; `None` when a step drops it (with the reason printed).
pub fn run(steps: &[Box<dyn Step>], mut doc: Document) -> Option<Document> {
    let mut ctx = StepContext::default();
    for s in steps {
        if let Outcome::Drop(r) = s.process(&mut doc, &mut ctx) {
            eprintln!("{}: dropped by {} ({r})", doc.id, s.name());
            return None;
        }
    }
    Some(doc)
}
