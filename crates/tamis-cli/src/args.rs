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
    /// Show how the main text of one HTML page was chosen: the content root, the
    /// best-scored regions, and each region pruning removed with the rule that removed it
    /// (a debugging aid: the format may change).
    Explain {
        /// The HTML file (plain, or gzip, zstd or LZ4 found by its first bytes).
        page: PathBuf,
        /// Also print the extracted text (the defaults of `tamis extract`).
        #[arg(long)]
        text: bool,
        /// Also print the root's nearest N ancestors, each with its children's values,
        /// characters and link characters (why a container lost to a narrower root).
        #[arg(long, value_name = "N", default_value_t = 0)]
        ancestors: usize,
    },
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
    /// How the main text is extracted.
    #[command(flatten)]
    pub extract: ExtractFlags,
}

/// Options of the extraction (the `extract` step of a pipeline file has the same ones).
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Extraction")]
pub struct ExtractFlags {
    /// Write light Markdown (headings, lists, tables, quotes, bold/italic, code) instead of
    /// plain text.
    #[arg(long)]
    pub markdown: bool,
    /// Leave out the tables of the main content.
    #[arg(long)]
    pub no_tables: bool,
    /// Leave out the lists of the main content.
    #[arg(long)]
    pub no_lists: bool,
    /// Keep image alt text (`[image: alt]`; Markdown `![alt]()`).
    #[arg(long)]
    pub images: bool,
    /// Keep link targets (`text <url>`; Markdown `[text](url)`).
    #[arg(long)]
    pub links: bool,
    /// Keep the user comments of articles (forum posts are kept either way).
    #[arg(long)]
    pub comments: bool,
    /// Put the page title on the first line of the text.
    #[arg(long)]
    pub title: bool,
    /// Don't use JSON-LD/microdata descriptions when the visible page lacks them.
    #[arg(long)]
    pub no_structured_data: bool,
    /// Time budget per page in milliseconds (0: none).
    #[arg(long, value_name = "MS")]
    pub timeout_ms: Option<u64>,
}

impl ExtractFlags {
    /// `base` with these flags applied.
    pub fn apply(&self, base: tamis_extract::ExtractConfig) -> tamis_extract::ExtractConfig {
        tamis_extract::ExtractConfig {
            output: if self.markdown {
                tamis_extract::OutputFormat::Markdown
            } else {
                base.output
            },
            include_tables: base.include_tables && !self.no_tables,
            include_lists: base.include_lists && !self.no_lists,
            include_images: base.include_images || self.images,
            include_links: base.include_links || self.links,
            include_comments: base.include_comments || self.comments,
            include_title: base.include_title || self.title,
            include_structured_data: base.include_structured_data && !self.no_structured_data,
            timeout_ms: self.timeout_ms.unwrap_or(base.timeout_ms),
            ..base
        }
    }
}

/// Parses the process arguments.
pub fn parse() -> Cli {
    Cli::parse()
}
