//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// tamis: clean, deduplicated, quality-scored text from crawled web pages.
#[derive(Debug, Parser)]
#[command(name = "tamis", version, about, long_about = None)]
pub struct Cli {
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the clean text of each document of WARC/WET, HTML, JSONL, Parquet or text files
    /// (extraction, soft-error pages and banners, boilerplate, repeated lines, lines frequent
    /// across a site).
    Clean(OneShot),
    /// Print the main text of HTML pages (WARC or HTML files), without cleaning.
    Extract(OneShot),
    /// Run a pipeline file; resumes an interrupted run.
    Run {
        /// The pipeline file (TOML).
        pipeline: PathBuf,
        /// Worker threads (default: [run] workers, else the number of cores).
        #[arg(long, short = 'j')]
        workers: Option<usize>,
        /// Run only this shard (for Slurm array jobs); needs --of.
        #[arg(long, requires = "of")]
        shard: Option<usize>,
        /// Number of shards (default: [run] shards, else one per input file).
        #[arg(long)]
        of: Option<usize>,
        /// Keep the intermediate data of earlier stages after the run.
        #[arg(long)]
        keep_intermediate: bool,
        /// No progress display.
        #[arg(long, short = 'q')]
        quiet: bool,
    },
    /// Merge and print the statistics of a run directory.
    Stats {
        /// The run directory (the pipeline's [output] path).
        dir: PathBuf,
        /// Print the merged statistics as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check a pipeline file without reading any data.
    Validate {
        /// The pipeline file (TOML).
        pipeline: PathBuf,
    },
    /// Print the JSON schema of pipeline files.
    Schema,
}

/// Arguments of `clean` and `extract`.
#[derive(Debug, clap::Args)]
pub struct OneShot {
    /// Files, directories or globs to read.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Print one JSON record {"id","text","metadata"} per document instead of text.
    #[arg(long)]
    pub jsonl: bool,
    /// Worker threads (default: the number of cores).
    #[arg(long, short = 'j')]
    pub workers: Option<usize>,
    /// Show progress on stderr.
    #[arg(long)]
    pub progress: bool,
}

/// Parses the process arguments.
pub fn parse() -> Cli {
    Cli::parse()
}
