//! The pipeline file's types and its two-step parsing (TOML → typed config with located errors).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{Error, Result};
use tamis_io::{InputOptions, OutputOptions};

/// The pipeline file format version this build reads.
pub const CONFIG_VERSION: u32 = 1;

/// A pipeline file.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PipelineConfig {
    /// Format version of the file; must be 1.
    pub version: u32,
    /// What to read.
    pub input: InputOptions,
    /// Steps applied to every document, in order.
    #[serde(default)]
    pub steps: Vec<StepConfig>,
    /// Where and how to write.
    pub output: OutputOptions,
    /// Executor settings.
    #[serde(default)]
    pub run: RunOptions,
}

/// `[run]`: how the work is cut and executed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RunOptions {
    /// Number of shards the input files are split into (contiguous runs of the sorted file
    /// list). Default: one shard per input file, at most 4096. The output depends on this
    /// number, never on the number of workers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shards: Option<usize>,
    /// Worker threads of the local executor. Default: the number of cores. Overridden by
    /// `--workers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workers: Option<usize>,
    /// Stop the whole run at the first failed shard instead of going on with the others.
    #[serde(default)]
    pub fail_fast: bool,
}

/// Declares the step registry once: the enum variant, its `type` tag and its config type.
/// Adding a step to tamis is one line here plus a build arm in `pipeline.rs`.
macro_rules! steps {
    ($( $(#[$doc:meta])* $variant:ident => $tag:literal, $config:ty; )*) => {
        /// One `[[steps]]` entry, tagged by `type`.
        #[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
        #[serde(tag = "type", rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum StepConfig {
            $( $(#[$doc])* $variant($config), )*
        }

        impl StepConfig {
            /// Every known tag, for error messages.
            pub const TAGS: &'static [&'static str] = &[$($tag),*];

            /// The `type` tag of this step.
            pub fn tag(&self) -> &'static str {
                match self {
                    $( StepConfig::$variant(_) => $tag, )*
                }
            }

            /// Deserialises the fields of a step whose tag is known (the `type` key removed).
            fn from_tag(tag: &str, fields: toml::Value) -> std::result::Result<Self, toml::de::Error> {
                match tag {
                    $( $tag => fields.try_into().map(StepConfig::$variant), )*
                    _ => Err(serde::de::Error::custom(format!("unknown step type {tag:?}"))),
                }
            }
        }
    };
}

steps! {
    /// HTML → main text (`tamis-extract`).
    Extract => "extract", tamis_extract::ExtractConfig;
    /// Drops soft-error pages, removes error banners (`tamis-clean`).
    SoftError => "soft_error", tamis_clean::SoftErrorConfig;
    /// Removes boilerplate lines and blocks from rule lists (`tamis-clean`).
    Boilerplate => "boilerplate", tamis_clean::BoilerplateConfig;
    /// Removes repeated lines/paragraphs inside a document (`tamis-clean`).
    DedupLines => "dedup_lines", tamis_clean::DedupLinesConfig;
    /// Removes lines frequent across the documents of one site (two passes; `tamis-clean`).
    FrequentLines => "frequent_lines", tamis_clean::FrequentLinesConfig;
    /// Drops documents by URL: domain, URL and word block lists (`tamis-filter`).
    UrlFilter => "url_filter", tamis_filter::UrlFilterConfig;
    /// Language identification; keeps the listed languages (`tamis-filter`).
    Language => "language", tamis_filter::LanguageConfig;
    /// Gopher repetition filter, Rae et al. 2021 (`tamis-filter`).
    GopherRepetition => "gopher_repetition", tamis_filter::GopherRepetitionConfig;
    /// Gopher quality filter, Rae et al. 2021 (`tamis-filter`).
    GopherQuality => "gopher_quality", tamis_filter::GopherQualityConfig;
    /// C4 quality filter, Raffel et al. 2020 (`tamis-filter`).
    C4Quality => "c4_quality", tamis_filter::C4QualityConfig;
    /// FineWeb quality filter, Penedo et al. 2024 (`tamis-filter`).
    FinewebQuality => "fineweb_quality", tamis_filter::FineWebQualityConfig;
    /// E-mail and IP address masking as FineWeb's formatter (`tamis-filter`).
    Pii => "pii", tamis_filter::PiiConfig;
    /// Exact duplicate documents (two passes; `tamis-dedup`).
    ExactDedup => "exact_dedup", tamis_dedup::ExactDedupConfig;
    /// MinHash near-duplicate documents, datatrove/FineWeb settings (two passes; `tamis-dedup`).
    MinhashDedup => "minhash_dedup", tamis_dedup::MinhashDedupConfig;
    /// Paragraphs or lines seen before anywhere in the run (two passes; `tamis-dedup`).
    ParagraphDedup => "paragraph_dedup", tamis_dedup::ParagraphDedupConfig;
}

impl PipelineConfig {
    /// Parses a pipeline file. Errors name the section, the step (position and type) and the
    /// field.
    pub fn from_toml_str(text: &str) -> Result<Self> {
        let table: toml::Table =
            toml::from_str(text).map_err(|e| Error::config("pipeline file", e.to_string()))?;
        Self::from_table(table)
    }

    /// Parses a pipeline given as a JSON value of the same shape as the TOML file (what the
    /// Python API passes), with the same checks and messages.
    pub fn from_json(value: serde_json::Value) -> Result<Self> {
        let table: toml::Table = serde_json::from_value(value)
            .map_err(|e| Error::config("pipeline", format!("not a pipeline table: {e}")))?;
        Self::from_table(table)
    }

    /// Reads and parses a pipeline file.
    pub fn from_path(path: &std::path::Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Self::from_toml_str(&text).map_err(|e| match e {
            Error::Config { location, message } => {
                Error::config(format!("{}: {location}", path.display()), message)
            }
            other => other,
        })
    }

    fn from_table(mut table: toml::Table) -> Result<Self> {
        let version = match table.remove("version") {
            None => {
                return Err(Error::config(
                    "version",
                    format!("missing; write `version = {CONFIG_VERSION}` at the top"),
                ));
            }
            Some(toml::Value::Integer(v)) if v == i64::from(CONFIG_VERSION) => CONFIG_VERSION,
            Some(other) => {
                return Err(Error::config(
                    "version",
                    format!(
                        "this tamis reads pipeline files of version {CONFIG_VERSION}, found {other}"
                    ),
                ));
            }
        };
        let input = required_section(&mut table, "input")?;
        let output = required_section(&mut table, "output")?;
        let run = section(&mut table, "run")?.unwrap_or_default();
        let mut steps = Vec::new();
        match table.remove("steps") {
            None => {}
            Some(toml::Value::Array(items)) => {
                for (i, item) in items.into_iter().enumerate() {
                    steps.push(parse_step(i, item)?);
                }
            }
            Some(_) => {
                return Err(Error::config(
                    "steps",
                    "must be an array of tables: [[steps]]",
                ));
            }
        }
        if let Some(key) = table.keys().next() {
            return Err(Error::config(
                key.clone(),
                "unknown top-level key; expected version, input, steps, output, run",
            ));
        }
        Ok(PipelineConfig {
            version,
            input,
            steps,
            output,
            run,
        })
    }
}

fn required_section<T: serde::de::DeserializeOwned>(
    table: &mut toml::Table,
    name: &str,
) -> Result<T> {
    section(table, name)?.ok_or_else(|| Error::config(name, format!("missing [{name}] section")))
}

fn section<T: serde::de::DeserializeOwned>(
    table: &mut toml::Table,
    name: &str,
) -> Result<Option<T>> {
    match table.remove(name) {
        None => Ok(None),
        Some(v @ toml::Value::Table(_)) => v
            .try_into()
            .map(Some)
            .map_err(|e| Error::config(format!("[{name}]"), clean_msg(&e))),
        Some(_) => Err(Error::config(name, format!("must be a table: [{name}]"))),
    }
}

fn parse_step(i: usize, item: toml::Value) -> Result<StepConfig> {
    let toml::Value::Table(t) = &item else {
        return Err(Error::config(
            format!("steps[{i}]"),
            "must be a table with a `type`",
        ));
    };
    let tag = match t.get("type") {
        Some(toml::Value::String(s)) => s.clone(),
        Some(_) => {
            return Err(Error::config(
                format!("steps[{i}].type"),
                "must be a string",
            ));
        }
        None => {
            return Err(Error::config(
                format!("steps[{i}]"),
                format!("missing `type`; one of: {}", StepConfig::TAGS.join(", ")),
            ));
        }
    };
    if !StepConfig::TAGS.contains(&tag.as_str()) {
        return Err(Error::config(
            format!("steps[{i}].type"),
            format!(
                "unknown step type {tag:?}; one of: {}",
                StepConfig::TAGS.join(", ")
            ),
        ));
    }
    let mut fields = t.clone();
    fields.remove("type");
    StepConfig::from_tag(&tag, toml::Value::Table(fields))
        .map_err(|e| Error::config(format!("steps[{i}] ({tag})"), clean_msg(&e)))
}

fn clean_msg(e: &toml::de::Error) -> String {
    e.message().trim().replace('\n', " ")
}
