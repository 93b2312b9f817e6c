//! The built pipeline: steps instantiated and cut into stages.

use std::sync::Arc;

use tamis_core::{CorpusStep, Error, Result, Step};

use crate::{PipelineConfig, StepConfig};

/// A built step, ready to run.
pub enum BuiltStep {
    /// Looks at one document at a time.
    Doc(Box<dyn Step>),
    /// Needs to see the whole run first (two passes with a barrier).
    Corpus(Box<dyn CorpusStep>),
}

/// A part of the pipeline between two barriers.
///
/// Stage `i` reads the run's input (stage 0) or the intermediate output of stage `i - 1`,
/// applies `apply` (the corpus step observed by the previous stage, built from its
/// observations), then `steps`, then feeds `observe` (if any) and writes its output.
pub struct Stage {
    /// The corpus step to apply first, built from the previous stage's observations.
    pub apply: Option<(String, Arc<dyn CorpusStep>)>,
    /// Per-document steps, with their stats keys (`03.soft_error`).
    pub steps: Vec<(String, Arc<dyn Step>)>,
    /// The corpus step whose observations this stage collects for the next stage.
    pub observe: Option<(String, Arc<dyn CorpusStep>)>,
}

/// A validated pipeline: the config it came from and its stages.
pub struct Pipeline {
    /// The configuration, as parsed.
    pub config: PipelineConfig,
    /// At least one stage; one more per corpus-level step.
    pub stages: Vec<Stage>,
}

/// The stats key of the step at `position`: `03.gopher_quality`.
pub fn step_key(position: usize, tag: &str) -> String {
    format!("{position:02}.{tag}")
}

fn located(i: usize, tag: &str, e: Error) -> Error {
    match e {
        Error::Config { location, message } => {
            Error::config(format!("steps[{i}] ({tag}).{location}"), message)
        }
        other => Error::config(format!("steps[{i}] ({tag})"), other.to_string()),
    }
}

fn prefix(section: &str, e: Error) -> Error {
    match e {
        Error::Config { location, message } => {
            Error::config(format!("{section}.{location}"), message)
        }
        other => other,
    }
}

impl StepConfig {
    /// Validates this step's settings and builds it.
    pub fn build(&self) -> Result<BuiltStep> {
        Ok(match self {
            StepConfig::Extract(c) => BuiltStep::Doc(Box::new(c.build()?)),
            StepConfig::SoftError(c) => BuiltStep::Doc(Box::new(c.build()?)),
            StepConfig::Boilerplate(c) => BuiltStep::Doc(Box::new(c.build()?)),
            StepConfig::DedupLines(c) => BuiltStep::Doc(Box::new(c.build()?)),
            StepConfig::FrequentLines(c) => BuiltStep::Corpus(Box::new(c.build()?)),
            StepConfig::UrlFilter(c) => BuiltStep::Doc(Box::new(c.build()?)),
            StepConfig::Language(c) => BuiltStep::Doc(Box::new(c.build()?)),
            StepConfig::GopherRepetition(c) => BuiltStep::Doc(Box::new(c.build()?)),
            StepConfig::GopherQuality(c) => BuiltStep::Doc(Box::new(c.build()?)),
            StepConfig::C4Quality(c) => BuiltStep::Doc(Box::new(c.build()?)),
            StepConfig::FinewebQuality(c) => BuiltStep::Doc(Box::new(c.build()?)),
            StepConfig::Pii(c) => BuiltStep::Doc(Box::new(c.build()?)),
            StepConfig::ExactDedup(c) => BuiltStep::Corpus(Box::new(c.build()?)),
            StepConfig::MinhashDedup(c) => BuiltStep::Corpus(Box::new(c.build()?)),
            StepConfig::ParagraphDedup(c) => BuiltStep::Corpus(Box::new(c.build()?)),
        })
    }
}

impl PipelineConfig {
    /// Validates every step and the run settings and builds the pipeline. Reads no data.
    pub fn build(self) -> Result<Pipeline> {
        if self.input.paths.is_empty() {
            return Err(Error::config(
                "[input].paths",
                "is empty: give at least one file, directory or glob",
            ));
        }
        if self.output.path.trim().is_empty() {
            return Err(Error::config(
                "[output].path",
                "is empty: give an output directory",
            ));
        }
        self.input.validate().map_err(|e| prefix("[input]", e))?;
        self.output.validate().map_err(|e| prefix("[output]", e))?;
        if self.run.shards == Some(0) {
            return Err(Error::config("[run].shards", "must be at least 1"));
        }
        if self.run.workers == Some(0) {
            return Err(Error::config("[run].workers", "must be at least 1"));
        }
        let mut stages = vec![Stage {
            apply: None,
            steps: Vec::new(),
            observe: None,
        }];
        for (i, step) in self.steps.iter().enumerate() {
            let tag = step.tag();
            let key = step_key(i, tag);
            match step.build().map_err(|e| located(i, tag, e))? {
                BuiltStep::Doc(s) => {
                    if let Some(stage) = stages.last_mut() {
                        stage.steps.push((key, Arc::from(s)));
                    }
                }
                BuiltStep::Corpus(c) => {
                    let c: Arc<dyn CorpusStep> = Arc::from(c);
                    if let Some(stage) = stages.last_mut() {
                        stage.observe = Some((key.clone(), Arc::clone(&c)));
                    }
                    stages.push(Stage {
                        apply: Some((key, c)),
                        steps: Vec::new(),
                        observe: None,
                    });
                }
            }
        }
        Ok(Pipeline {
            config: self,
            stages,
        })
    }
}
