//! # tamis-pipeline
//!
//! Pipeline files: what a run reads, which steps it applies, where it writes.
//!
//! ## Brief overview
//!
//! * [`PipelineConfig`] is the TOML file: `version`, `[input]` ([`tamis_io::InputOptions`]),
//!   `[[steps]]` (each a [`StepConfig`], tagged by `type`), `[output]`
//!   ([`tamis_io::OutputOptions`]) and `[run]` ([`RunOptions`]). Unknown fields and invalid
//!   values are errors that name the step and the field; they are raised by
//!   [`PipelineConfig::from_toml_str`] and [`PipelineConfig::build`], before any data is read.
//! * [`Pipeline`] is the built, immutable form: the steps cut into [`Stage`]s at every
//!   corpus-level step (a step that must see the whole run before deciding, such as
//!   `frequent_lines`). The executor (`tamis-exec`) runs the stages with a barrier between them.
//! * [`schema`] gives the JSON schema of the file, generated from the config types.
//!
//! ```
//! use tamis_pipeline::PipelineConfig;
//!
//! let config = PipelineConfig::from_toml_str(r#"
//!     version = 1
//!     [input]
//!     paths = ["pages/"]
//!     [[steps]]
//!     type = "extract"
//!     [[steps]]
//!     type = "dedup_lines"
//!     [output]
//!     path = "out/"
//! "#).unwrap();
//! let pipeline = config.build().unwrap();
//! assert_eq!(pipeline.stages.len(), 1);
//!
//! let err = PipelineConfig::from_toml_str(r#"
//!     version = 1
//!     [input]
//!     paths = ["pages/"]
//!     [[steps]]
//!     type = "dedup_lines"
//!     no_such_field = 3
//!     [output]
//!     path = "out/"
//! "#).unwrap_err();
//! assert!(err.to_string().contains("steps[0] (dedup_lines)"));
//! assert!(err.to_string().contains("no_such_field"));
//! ```

mod config;
mod defaults;
mod pipeline;

pub use config::{CONFIG_VERSION, PipelineConfig, RunOptions, StepConfig};
pub use defaults::{clean_steps, extract_steps};
pub use pipeline::{BuiltStep, Pipeline, Stage};

/// The JSON schema of a pipeline file, generated from the config types.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(PipelineConfig)).unwrap_or_default()
}
