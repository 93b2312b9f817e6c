//! Write → read round trips of the JSONL and Parquet writers.

use proptest::prelude::*;
use serde_json::Value;
use tamis_core::Document;
use tamis_io::{
    Compression, InputOptions, OutputFormat, OutputOptions, create_writer, write_jsonl_record,
};

use crate::util::read_all;

fn doc_strategy() -> impl Strategy<Value = Document> {
    let value = prop_oneof![
        any::<String>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
    ];
    (
        "[a-zA-Z0-9<>:/_-]{1,40}",
        any::<String>(),
        prop::collection::vec(("[a-z_]{1,12}", value), 0..6),
    )
        .prop_map(|(id, text, meta)| {
            let mut d = Document::new(id, text);
            for (k, v) in meta {
                // "metadata" nested in metadata is merged on read by design; avoid it here.
                if k != "metadata" {
                    d.set_meta(&k, v);
                }
            }
            d
        })
}

fn round_trip(docs: &[Document], opts: &OutputOptions) -> Vec<Document> {
    let dir = tempfile::tempdir().unwrap();
    let mut w = create_writer(opts, dir.path(), 4).unwrap();
    for d in docs {
        w.write(d).unwrap();
    }
    let path = w.finish().unwrap();
    assert_eq!(
        path.file_name().unwrap().to_string_lossy(),
        tamis_io::output_file_name(opts, 4)
    );
    // Only the final file is left.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let items = read_all(&path, &InputOptions::default());
    assert!(items.bad.is_empty(), "{:?}", items.bad);
    items.docs
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn jsonl_and_parquet_round_trip(docs in prop::collection::vec(doc_strategy(), 0..40)) {
        for (format, compression) in [
            (OutputFormat::Jsonl, Compression::None),
            (OutputFormat::Jsonl, Compression::Gzip),
            (OutputFormat::Jsonl, Compression::Zstd),
            (OutputFormat::Parquet, Compression::Zstd),
        ] {
            let opts = OutputOptions { path: "unused".into(), format, compression };
            let back = round_trip(&docs, &opts);
            prop_assert_eq!(&back, &docs, "{:?} {:?}", format, compression);
        }
    }
}

#[test]
fn record_layout_is_datatrove_s() {
    let mut d = Document::new("x", "héllo\n\"q\"");
    d.set_meta("url", "http://e.com/");
    d.set_meta("http_status", 200);
    let mut out = Vec::new();
    write_jsonl_record(&mut out, &d).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "{\"id\":\"x\",\"text\":\"héllo\\n\\\"q\\\"\",\"metadata\":{\"url\":\"http://e.com/\",\"http_status\":200}}\n"
    );
}

#[test]
fn parquet_struct_metadata_is_read_like_datatrove_writes_it() {
    use arrow::array::{ArrayRef, Int64Array, RecordBatch, StringArray, StructArray};
    use arrow::datatypes::{DataType, Field, Fields};
    use std::sync::Arc;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dt.parquet");
    let meta_fields = Fields::from(vec![
        Field::new("url", DataType::Utf8, true),
        Field::new("token_count", DataType::Int64, true),
    ]);
    let meta = StructArray::new(
        meta_fields,
        vec![
            Arc::new(StringArray::from(vec![Some("http://a/"), None])) as ArrayRef,
            Arc::new(Int64Array::from(vec![Some(12), Some(7)])) as ArrayRef,
        ],
        None,
    );
    let batch = RecordBatch::try_from_iter(vec![
        (
            "text",
            Arc::new(StringArray::from(vec!["one", "two"])) as ArrayRef,
        ),
        (
            "id",
            Arc::new(StringArray::from(vec!["a", "b"])) as ArrayRef,
        ),
        ("metadata", Arc::new(meta) as ArrayRef),
    ])
    .unwrap();
    let f = std::fs::File::create(&path).unwrap();
    let mut w = parquet::arrow::ArrowWriter::try_new(f, batch.schema(), None).unwrap();
    w.write(&batch).unwrap();
    w.close().unwrap();
    let items = read_all(&path, &InputOptions::default());
    assert_eq!(items.docs.len(), 2);
    assert_eq!(items.docs[0].id, "a");
    assert_eq!(items.docs[0].meta_str("url"), Some("http://a/"));
    assert_eq!(
        items.docs[1].metadata.get("token_count"),
        Some(&serde_json::json!(7))
    );
    assert_eq!(items.docs[1].metadata.get("url"), Some(&Value::Null));
}
