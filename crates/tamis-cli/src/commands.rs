//! What each subcommand does.

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use tamis_exec::{ExecOptions, LocalExecutor, ProgressMode, RunReport};
use tamis_io::{InputOptions, OutputOptions};
use tamis_pipeline::{CONFIG_VERSION, PipelineConfig, RunOptions, StepConfig};

use crate::args::{Cli, Command, OneShot};

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Clean(args) => {
            init_logging("warn");
            let steps = tamis_pipeline::clean_steps()
                .into_iter()
                .map(|step| match step {
                    StepConfig::Extract(c) => StepConfig::Extract(args.extract.apply(c)),
                    other => other,
                })
                .collect();
            one_shot(&args, steps)
        }
        Command::Extract(args) => {
            init_logging("warn");
            // A page without main content still gets its (empty) record.
            let extract = args.extract.apply(tamis_extract::ExtractConfig {
                drop_empty: false,
                ..Default::default()
            });
            one_shot(&args, vec![StepConfig::Extract(extract)])
        }
        Command::Run {
            pipeline,
            workers,
            shard,
            of,
            keep_intermediate,
            quiet,
        } => {
            init_logging("info");
            let config = PipelineConfig::from_path(&pipeline)?;
            let pipeline = config.build()?;
            let opts = ExecOptions {
                workers,
                shards: of,
                only_shard: shard,
                progress: if quiet {
                    ProgressMode::Off
                } else {
                    ProgressMode::Auto
                },
                keep_intermediate,
            };
            let report = LocalExecutor::new(opts).run(&pipeline)?;
            Ok(summarise(&report))
        }
        Command::Stats { dir, json } => {
            let stages = tamis_exec::merge_stats(&dir)?;
            let mut out = std::io::stdout().lock();
            if json {
                serde_json::to_writer_pretty(&mut out, &stages)?;
                writeln!(out)?;
            } else {
                write!(out, "{}", tamis_exec::stats_table(&stages))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { pipeline } => {
            let config = PipelineConfig::from_path(&pipeline)?;
            let built = config.build()?;
            tamis_io::list_inputs(&built.config.input)?;
            println!(
                "{}: ok ({} steps, {} stage{})",
                pipeline.display(),
                built.config.steps.len(),
                built.stages.len(),
                if built.stages.len() == 1 { "" } else { "s" }
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            println!(
                "{}",
                serde_json::to_string_pretty(&tamis_pipeline::schema())?
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain {
            page,
            text,
            ancestors,
        } => {
            init_logging("warn");
            explain(&page, text, ancestors)
        }
    }
}

/// `tamis explain`: how the content root of one page was chosen and what pruning removed.
fn explain(page: &std::path::Path, with_text: bool, ancestors: usize) -> Result<ExitCode> {
    use std::io::Read;
    let decoded = tamis_io::compression::open_decoded(page)?;
    let mut html = Vec::new();
    // The extractor's own input cap: past it, a page is cut.
    let cap = tamis_extract::DEFAULT_MAX_INPUT_BYTES;
    decoded
        .reader
        .take(cap)
        .read_to_end(&mut html)
        .with_context(|| format!("reading {}", page.display()))?;
    let mut out = std::io::stdout().lock();
    write!(out, "{}", tamis_extract::explain(&html, ancestors))?;
    if with_text {
        let ex = tamis_extract::ExtractConfig {
            drop_empty: false,
            ..Default::default()
        }
        .build()?;
        writeln!(out, "-----\n{}", ex.extract(&html, None).text)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn init_logging(default: &str) {
    let _ = env_logger::Builder::from_env(env_logger::Env::default().default_filter_or(default))
        .format_timestamp(None)
        .format_target(false)
        .try_init();
}

/// Runs `steps` over `args.paths` into a temporary directory with the local executor, then
/// prints the documents in input order.
fn one_shot(args: &OneShot, steps: Vec<StepConfig>) -> Result<ExitCode> {
    let tmp = tempfile::Builder::new()
        .prefix("tamis-")
        .tempdir()
        .context("creating a temporary directory")?;
    let output = OutputOptions {
        path: tmp.path().join("out").to_string_lossy().into_owned(),
        format: tamis_io::OutputFormat::Jsonl,
        compression: tamis_io::Compression::None,
    };
    let config = PipelineConfig {
        version: CONFIG_VERSION,
        input: InputOptions {
            paths: args.paths.clone(),
            ..InputOptions::default()
        },
        steps,
        output: output.clone(),
        run: RunOptions::default(),
    };
    let pipeline = config.build()?;
    let opts = ExecOptions {
        workers: args.workers,
        progress: if args.progress {
            ProgressMode::Auto
        } else {
            ProgressMode::Off
        },
        ..ExecOptions::default()
    };
    let report = LocalExecutor::new(opts).run(&pipeline)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut first = true;
    for shard in 0..report.shards {
        let path =
            std::path::Path::new(&output.path).join(tamis_io::output_file_name(&output, shard));
        let file = match std::fs::File::open(&path) {
            Ok(f) => f,
            // A failed shard has no output; it is reported below.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
        };
        for line in std::io::BufReader::new(file).lines() {
            let line = line.with_context(|| format!("reading {}", path.display()))?;
            if args.jsonl {
                out.write_all(line.as_bytes())?;
                out.write_all(b"\n")?;
                continue;
            }
            let doc: tamis_core::Document = serde_json::from_str(&line)
                .with_context(|| format!("reading {}", path.display()))?;
            let text = doc.text.trim_end_matches(['\n', '\r']);
            if text.trim().is_empty() {
                continue;
            }
            if !first {
                out.write_all(b"\n")?;
            }
            first = false;
            out.write_all(text.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    for f in &report.failed {
        eprintln!("tamis: error: {}", f.error);
    }
    let malformed = report.stats.io.skipped_malformed;
    if malformed > 0 {
        eprintln!("tamis: {malformed} malformed record(s) skipped (see warnings above)");
    }
    Ok(if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn summarise(report: &RunReport) -> ExitCode {
    let io = &report.stats.io;
    let root = report
        .layout
        .as_ref()
        .map(|l| l.root.display().to_string())
        .unwrap_or_default();
    if report.waiting_for_other_shards {
        eprintln!(
            "tamis: this shard is done with the stages it can run; a later stage waits for the other shards (rerun after they finish)"
        );
        return ExitCode::from(3);
    }
    eprintln!(
        "tamis: {} units run, {} already complete; {} docs read, {} written, {} malformed skipped -> {root}",
        report.units_run, report.units_skipped, io.docs_read, io.docs_written, io.skipped_malformed
    );
    if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        for f in &report.failed {
            eprintln!(
                "tamis: stage {} shard {} failed: {}",
                f.stage, f.shard, f.error
            );
        }
        eprintln!(
            "tamis: {} shard(s) failed; run the same command again to retry them",
            report.failed.len()
        );
        ExitCode::from(1)
    }
}
