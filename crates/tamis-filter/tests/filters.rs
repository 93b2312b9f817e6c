//! Behaviour of each filter: kept documents, each drop reason from the smallest text that
//! triggers it, thresholds exactly at their value, empty and non-Latin text, annotate mode.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use tamis_core::{Document, Outcome, Step, StepContext};
use tamis_filter::*;

fn verdict(step: &dyn Step, text: &str) -> String {
    let mut doc = Document::new("t", text);
    match step.process(&mut doc, &mut StepContext::default()) {
        Outcome::Drop(r) => r.to_string(),
        _ => "kept".to_owned(),
    }
}

/// `n` copies of a sentence of 10 plain words with two stop words.
fn prose(n: usize) -> String {
    "The cat sat quietly with the other animals near that warm house. ".repeat(n)
}

const LONG_PROSE: &str = "Early in the morning the fishermen pushed their boats into the grey water. \
    By noon a light wind had risen from the west, and the village children ran along the shore \
    collecting shells while their grandparents mended nets beside the old stone harbour wall.";

fn gq(f: impl FnOnce(&mut GopherQualityConfig)) -> GopherQualityFilter {
    let mut c = GopherQualityConfig::default();
    f(&mut c);
    c.build().unwrap()
}

#[test]
fn gopher_quality_keeps_prose() {
    assert_eq!(verdict(&gq(|_| {}), &prose(5)), "kept");
}

#[test]
fn gopher_quality_word_count_thresholds() {
    // 12 words per sentence ("." is punctuation and does not count).
    let f = gq(|c| c.min_doc_words = 12);
    assert_eq!(verdict(&f, &prose(1)), "kept");
    let f = gq(|c| c.min_doc_words = 13);
    assert_eq!(verdict(&f, &prose(1)), "gopher_short_doc");
    let f = gq(|c| {
        c.min_doc_words = 1;
        c.max_doc_words = 24;
    });
    assert_eq!(verdict(&f, &prose(2)), "kept");
    let f = gq(|c| {
        c.min_doc_words = 1;
        c.max_doc_words = 23;
    });
    assert_eq!(verdict(&f, &prose(2)), "gopher_long_doc");
}

#[test]
fn gopher_quality_each_reason() {
    let base = |c: &mut GopherQualityConfig| c.min_doc_words = 1;
    assert_eq!(
        verdict(&gq(base), "the and of to a a a"),
        "gopher_below_avg_threshold"
    );
    assert_eq!(
        verdict(
            &gq(base),
            "the and incomprehensibilities antidisestablishmentarianism"
        ),
        "gopher_above_avg_threshold"
    );
    // 10 words, 2 hashes: 0.2 > 0.1
    assert_eq!(
        verdict(
            &gq(base),
            "the and cats dogs #tags #more words here sure thing"
        ),
        "gopher_too_many_hashes"
    );
    assert_eq!(
        verdict(&gq(base), "the and cats dogs... more... words here sure"),
        "gopher_too_many_ellipsis"
    );
    assert_eq!(
        verdict(
            &gq(base),
            "- the cats\n- and dogs\n- with birds\n- have fish"
        ),
        "gopher_too_many_bullets"
    );
    assert_eq!(
        verdict(
            &gq(base),
            "the cats and\nsome dogs that\nhave fish with\nbirds with wings"
        ),
        "kept"
    );
    assert_eq!(
        verdict(
            &gq(base),
            "the cats and...\nsome dogs that\nhave fish with\nbirds with wings"
        ),
        "kept",
        "1 of 4 lines = 0.25 <= 0.3"
    );
    assert_eq!(
        verdict(
            &gq(base),
            "the cats and the dogs sat...\nsome dogs that ran far away…\nhave fish with many fins here\nbirds with wings fly over us"
        ),
        "gopher_too_many_end_ellipsis"
    );
    assert_eq!(
        verdict(&gq(base), "the and 123 456 789 cats"),
        "gopher_below_alpha_threshold"
    );
    assert_eq!(
        verdict(&gq(base), "cats dogs birds fish the"),
        "gopher_enough_stop_words"
    );
}

#[test]
fn gopher_quality_alpha_threshold_is_inclusive() {
    // 4 of 5 words have a letter: exactly 0.8 is kept (datatrove drops below).
    let f = gq(|c| c.min_doc_words = 1);
    assert_eq!(verdict(&f, "the cats and dogs 1234"), "kept");
}

#[test]
fn gopher_quality_empty_and_non_latin() {
    assert_eq!(verdict(&gq(|_| {}), ""), "gopher_short_doc");
    assert_eq!(verdict(&gq(|_| {}), "   \n\t "), "gopher_short_doc");
    let f = gq(|c| c.min_doc_words = 1);
    // Russian has no English stop words.
    assert_eq!(
        verdict(&f, "Кошка сидела тихо рядом с тёплым домом."),
        "gopher_enough_stop_words"
    );
    let f = gq(|c| {
        c.min_doc_words = 1;
        c.min_stop_words = 0;
        c.max_avg_word_length = 0.0;
    });
    // "。" is a word without a letter: 1 of 2 words has one, as in datatrove.
    assert_eq!(
        verdict(&f, "日本語のテキストです。"),
        "gopher_below_alpha_threshold"
    );
}

#[test]
fn gopher_quality_rejects_bad_config() {
    assert!(
        GopherQualityConfig {
            max_bullet_lines_ratio: 1.5,
            ..Default::default()
        }
        .build()
        .is_err()
    );
    assert!(
        GopherQualityConfig {
            min_doc_words: 10,
            max_doc_words: 5,
            ..Default::default()
        }
        .build()
        .is_err()
    );
    let err: Result<GopherQualityConfig, _> = serde_json::from_str(r#"{"min_words": 3}"#);
    assert!(err.is_err(), "unknown fields are rejected");
}

fn gr() -> GopherRepetitionFilter {
    GopherRepetitionConfig::default().build().unwrap()
}

#[test]
fn gopher_repetition_reasons() {
    assert_eq!(verdict(&gr(), LONG_PROSE), "kept");
    assert_eq!(verdict(&gr(), ""), "empty");
    assert_eq!(verdict(&gr(), "a b\n\nc d\n\na b"), "dup_para_frac");
    // 1 of 4 paragraphs repeats (0.25 <= 0.3) but it is long: its characters dominate.
    let long = "x".repeat(50);
    assert_eq!(
        verdict(&gr(), &format!("{long}\n\nab\n\ncd\n\n{long}")),
        "dup_para_char_frac"
    );
    assert_eq!(verdict(&gr(), "a b\nc d\na b"), "dup_line_frac");
    assert_eq!(
        verdict(&gr(), &format!("{long}\nab\ncd\n{long}")),
        "dup_line_char_frac"
    );
    // "ab cd" three times in one line: 2-gram "ab cd" covers 15 of 17 chars.
    assert_eq!(verdict(&gr(), "ab cd ab cd ab cd"), "top_2_gram");
}

#[test]
fn gopher_repetition_dup_ngrams() {
    let c = GopherRepetitionConfig {
        top_n_grams: vec![],
        ..Default::default()
    };
    let f = c.build().unwrap();
    let s =
        "one two three four five six seven eight nine ten eleven twelve one two three four five";
    assert_eq!(verdict(&f, s), "duplicated_5_n_grams");
}

#[test]
fn gopher_repetition_threshold_exactly() {
    // 3 distinct lines + 1 repeat of 10 lines... use fractions: 3 of 10 lines repeat = 0.3.
    let c = GopherRepetitionConfig {
        dup_line_char_frac: 1.0,
        dup_para_char_frac: 1.0,
        top_n_grams: vec![],
        dup_n_grams: vec![],
        ..Default::default()
    };
    let f = c.build().unwrap();
    let text = "l1\nl2\nl3\nl4\nl5\nl6\nl7\nl1\nl2\nl3";
    assert_eq!(verdict(&f, text), "kept", "0.3 is allowed");
    let text = "l1\nl2\nl3\nl4\nl5\nl6\nl1\nl2\nl3\nl4";
    assert_eq!(verdict(&f, text), "dup_line_frac", "0.4 is not");
}

#[test]
fn gopher_repetition_non_latin() {
    let text = "Кошка сидела тихо рядом с тёплым домом, пока старая собака спала во дворе.\n\
                Птицы пели громко на высоких деревьях, а дети играли у реки до самого вечера.";
    assert_eq!(verdict(&gr(), text), "kept");
}

fn c4() -> C4QualityFilter {
    C4QualityConfig::default().build().unwrap()
}

#[test]
fn c4_keeps_and_edits_lines() {
    let text = "Menu\nThe cat sat on the mat. It was warm. The sun shone.\nClick here\nDogs barked all day. Birds sang too.\nPlease enable Javascript to continue.";
    let mut doc = Document::new("t", text);
    let out = c4().process(&mut doc, &mut StepContext::default());
    assert_eq!(out, Outcome::Modified);
    assert_eq!(
        doc.text,
        "The cat sat on the mat. It was warm. The sun shone.\nDogs barked all day. Birds sang too."
    );
}

#[test]
fn c4_reasons() {
    assert_eq!(verdict(&c4(), ""), "too_few_sentences");
    assert_eq!(
        verdict(&c4(), "One two three. Four five six."),
        "too_few_sentences"
    );
    assert_eq!(
        verdict(
            &c4(),
            "Cats sleep a lot. Dogs bark at night. Birds sing all day. Fish swim in water. Cows eat green grass."
        ),
        "kept",
        "exactly 5 sentences"
    );
    assert_eq!(verdict(&c4(), "Lorem ipsum dolor sit amet."), "lorem_ipsum");
    assert_eq!(verdict(&c4(), "Use a {brace} here."), "curly_bracket");
    // A curly bracket on a line removed earlier does not count.
    assert_eq!(
        verdict(
            &c4(),
            "x {y}\nCats sleep a lot. Dogs bark at night. Birds sing all day. Fish swim in water. Cows eat green grass."
        ),
        "kept"
    );
}

#[test]
fn c4_fineweb_setting_keeps_unpunctuated_lines() {
    let f = C4QualityConfig {
        filter_no_terminal_punct: false,
        ..Default::default()
    }
    .build()
    .unwrap();
    let text = "Cats sleep a lot. Dogs bark at night. Birds sing all day. Fish swim in water. Cows eat green grass\nline without a stop";
    let mut doc = Document::new("t", text);
    assert_eq!(
        f.process(&mut doc, &mut StepContext::default()),
        Outcome::Keep
    );
    assert_eq!(verdict(&c4(), text), "too_few_sentences");
}

#[test]
fn c4_non_latin() {
    let text = "Кошка сидела тихо. Собака спала крепко. Птицы пели громко. Рыба плавала быстро. Солнце светило ярко.";
    assert_eq!(verdict(&c4(), text), "kept");
}

fn fw() -> FineWebQualityFilter {
    FineWebQualityConfig::default().build().unwrap()
}

#[test]
fn fineweb_reasons() {
    let good = "This is a long enough line that ends with a period.\nAnother long enough line, also ending properly!";
    assert_eq!(verdict(&fw(), good), "kept");
    assert_eq!(verdict(&fw(), ""), "empty");
    assert_eq!(verdict(&fw(), " \n\n\t"), "empty");
    assert_eq!(
        verdict(&fw(), "no terminal punctuation in this longer line at all"),
        "line_punct_ratio"
    );
    assert_eq!(
        verdict(
            &fw(),
            "short.\nalso short.\nshort too.\nThis one is a long enough line for the test."
        ),
        "short_line_ratio"
    );
    let line = "This is a long enough line that ends with a period.";
    assert_eq!(verdict(&fw(), &format!("{line}\n{line}")), "char_dup_ratio");
    // 4 newlines for 10 words ("A", "!", "B", ".", ...): 0.4 > 0.3.
    let list = "A!\nB.\nC.\nD.\nE.";
    let f = FineWebQualityConfig {
        short_line_thr: 1.0,
        ..Default::default()
    }
    .build()
    .unwrap();
    assert_eq!(verdict(&f, list), "list_ratio");
}

#[test]
fn fineweb_punct_threshold_exactly() {
    // 3 of 25 lines = 0.12 ends in punctuation: not below the threshold.
    let mut lines: Vec<String> = (0..22)
        .map(|i| format!("line number {i} without a stop at its end here"))
        .collect();
    for i in 0..3 {
        lines.push(format!("line number {i} with a stop at its very end here."));
    }
    let f = FineWebQualityConfig {
        new_line_ratio: 1.0,
        ..Default::default()
    }
    .build()
    .unwrap();
    assert_eq!(verdict(&f, &lines.join("\n")), "kept");
    lines.pop();
    assert_eq!(verdict(&f, &lines.join("\n")), "line_punct_ratio");
}

#[test]
fn fineweb_non_latin_terminal_punctuation() {
    let text = "これは十分に長い日本語の文章で、句点で終わります。これは十分に長い日本語の文章です。\n別の行もまた十分な長さがあり、句点で終わっています。さらに文章を続けます。";
    assert_eq!(verdict(&fw(), text), "kept");
}

#[test]
fn annotate_mode_keeps_and_records() {
    let f = GopherQualityConfig {
        mode: Mode::Annotate,
        ..Default::default()
    }
    .build()
    .unwrap();
    let mut doc = Document::new("t", "short text");
    let out = f.process(&mut doc, &mut StepContext::default());
    assert_eq!(out, Outcome::Modified);
    assert_eq!(
        doc.metadata["filters"]["gopher_quality"],
        "gopher_short_doc"
    );
    assert_eq!(
        doc.metadata["filter_values"]["gopher_quality"]["n_non_symbol_words"],
        2.0
    );
    let mut doc = Document::new("t", prose(5));
    f.process(&mut doc, &mut StepContext::default());
    assert_eq!(doc.metadata["filters"]["gopher_quality"], "kept");
}

#[test]
fn no_filter_panics_on_odd_text() {
    let steps: Vec<Box<dyn Step>> = vec![
        Box::new(
            GopherQualityConfig {
                min_doc_words: 0,
                ..Default::default()
            }
            .build()
            .unwrap(),
        ),
        Box::new(GopherRepetitionConfig::default().build().unwrap()),
        Box::new(C4QualityConfig::default().build().unwrap()),
        Box::new(FineWebQualityConfig::default().build().unwrap()),
        Box::new(LanguageConfig::default().build().unwrap()),
        Box::new(PiiConfig::default().build().unwrap()),
        Box::new(UrlFilterConfig::default().build().unwrap()),
    ];
    let alphabet: Vec<char> = "ab .\n\n#-•…{[1]}@8.8.8.8 lorem ipsum é日\u{2028}\r"
        .chars()
        .collect();
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..2000 {
        let len = (state % 40) as usize;
        let mut s = String::new();
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            s.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        for step in &steps {
            let mut doc = Document::new("t", s.clone());
            doc.set_meta("url", "http://[::1/");
            step.process(&mut doc, &mut StepContext::default());
        }
    }
}
