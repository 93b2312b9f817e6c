//! Character-set sniffing and decoding of HTML bytes.
//!
//! The order follows the WHATWG "encoding sniffing algorithm" in spirit, adapted to crawled
//! data where declarations are often wrong:
//!
//! 1. a byte-order mark (UTF-8, UTF-16LE/BE) wins;
//! 2. the charset declared outside the bytes (HTTP `Content-Type`, WARC record);
//! 3. a `<meta charset>` or `<meta http-equiv="Content-Type" content="...charset=...">` in the
//!    first [`META_PRESCAN_BYTES`] bytes;
//! 4. detection with `chardetng` (the detector Firefox uses).
//!
//! Two corrections for common crawl errors: a declared single-byte Latin encoding
//! (ISO-8859-1/windows-1252) on bytes that are valid UTF-8 with non-ASCII characters is read as
//! UTF-8 (servers default to Latin-1 headers for UTF-8 pages); a declared UTF-8 on bytes with
//! many invalid sequences falls back to detection. A `<meta>` naming UTF-16 means UTF-8
//! (WHATWG: a document that can be read as ASCII to find the tag is not UTF-16).

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many leading bytes are scanned for a `<meta>` charset declaration. WHATWG says 1024;
/// real pages often put long `<script>`/`<link>` blocks first, so we look further.
pub const META_PRESCAN_BYTES: usize = 4096;

/// Invalid UTF-8 sequences (per 1,000 non-ASCII bytes) above which a declared UTF-8 is
/// distrusted and the encoding is detected instead. Our choice: a real UTF-8 page has none, a
/// mislabelled legacy page has hundreds.
const MAX_INVALID_UTF8_PER_MILLE: usize = 20;

/// Decodes HTML bytes to text, choosing the encoding as described in the module docs.
///
/// Returns the text (borrowed when the input is already valid UTF-8) and the encoding used.
/// Never fails: undecodable bytes become U+FFFD.
///
/// ```
/// let (text, enc) = tamis_extract::charset::decode_html(b"<meta charset=windows-1251>\xcf\xf0\xe8", None);
/// assert_eq!(enc.name(), "windows-1251");
/// assert!(text.ends_with("При"));
/// ```
pub fn decode_html<'a>(
    bytes: &'a [u8],
    declared: Option<&str>,
) -> (Cow<'a, str>, &'static Encoding) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = enc.decode_without_bom_handling(rest);
        return (text, enc);
    }
    match choose(bytes, declared) {
        // Checked valid while choosing: encoding_rs would check it again to borrow it.
        (enc, Some(text)) => (Cow::Borrowed(text), enc),
        (enc, None) => (enc.decode_without_bom_handling(bytes).0, enc),
    }
}

/// Chooses the encoding of `bytes` (no BOM handling; see [`decode_html`]).
pub fn choose_encoding(bytes: &[u8], declared: Option<&str>) -> &'static Encoding {
    choose(bytes, declared).0
}

/// [`choose_encoding`], and the bytes as text when the encoding is UTF-8 and they were found
/// valid UTF-8 on the way.
fn choose<'a>(bytes: &'a [u8], declared: Option<&str>) -> (&'static Encoding, Option<&'a str>) {
    let declared = declared
        .and_then(|l| Encoding::for_label(l.trim().trim_matches(['"', '\'']).as_bytes()))
        .map(normalise_declared);
    let meta = || {
        let end = bytes.len().min(META_PRESCAN_BYTES);
        meta_charset(bytes.get(..end).unwrap_or_default())
    };
    let chosen = declared.or_else(meta);
    match chosen {
        Some(enc) if enc == UTF_8 => match std::str::from_utf8(bytes) {
            Ok(text) => (UTF_8, Some(text)),
            Err(_) if utf8_is_plausible(bytes) => (UTF_8, None),
            Err(_) => (detect(bytes), None),
        },
        Some(enc) if enc == WINDOWS_1252 => {
            // Latin-1 headers on UTF-8 bodies are the most common mislabel in crawls.
            if !bytes.is_ascii()
                && let Ok(text) = std::str::from_utf8(bytes)
            {
                (UTF_8, Some(text))
            } else {
                (enc, None)
            }
        }
        Some(enc) => (enc, None),
        None => match std::str::from_utf8(bytes) {
            Ok(text) => (UTF_8, Some(text)),
            Err(_) => (detect(bytes), None),
        },
    }
}

/// Maps encodings that cannot be declared in an ASCII-compatible document to what browsers use.
fn normalise_declared(enc: &'static Encoding) -> &'static Encoding {
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        UTF_8
    } else if enc == encoding_rs::X_USER_DEFINED {
        WINDOWS_1252
    } else {
        enc
    }
}

/// True if `bytes` is UTF-8, or nearly so (a few broken sequences, e.g. a truncated tail).
fn utf8_is_plausible(bytes: &[u8]) -> bool {
    if std::str::from_utf8(bytes).is_ok() {
        return true;
    }
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count().max(1);
    invalid * 1000 <= non_ascii * MAX_INVALID_UTF8_PER_MILLE
}

/// Runs chardetng over the bytes.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(None, chardetng::Utf8Detection::Allow)
}

/// Finds a charset declared in a `<meta>` tag in `head` (the first bytes of the page).
pub fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let mut from = 0;
    while let Some(pos) = find_ci(head.get(from..)?, b"<meta") {
        let start = from + pos + 5;
        let end = head
            .get(start..)
            .and_then(|rest| memchr::memchr(b'>', rest))
            .map_or(head.len(), |e| start + e);
        let tag = head.get(start..end)?;
        if let Some(enc) = charset_in_meta(tag) {
            return Some(normalise_declared(enc));
        }
        from = end;
    }
    None
}

/// The charset named inside one `<meta ...>` tag body, from `charset=` (either the attribute
/// or inside a `content` value).
fn charset_in_meta(tag: &[u8]) -> Option<&'static Encoding> {
    let pos = find_ci(tag, b"charset")?;
    let mut rest = tag.get(pos + 7..)?;
    rest = trim_start(rest);
    rest = rest.strip_prefix(b"=")?;
    rest = trim_start(rest);
    while let Some((&first, tail)) = rest.split_first() {
        if first == b'"' || first == b'\'' {
            rest = tail;
        } else {
            break;
        }
    }
    let len = rest
        .iter()
        .position(|&b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'/' | b'>'))
        .unwrap_or(rest.len());
    Encoding::for_label(rest.get(..len)?)
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    b.get(n..).unwrap_or_default()
}

/// Case-insensitive search of an ASCII lowercase `needle` in `hay`.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, _) = needle.split_first()?;
    let mut from = 0;
    while from < hay.len() {
        let rest = hay.get(from..)?;
        let i = memchr::memchr2(first, first.to_ascii_uppercase(), rest)?;
        let at = from + i;
        if hay
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn roundtrip(label: &str, text: &str, declare_in_meta: bool, declared: Option<&str>) {
        let enc = Encoding::for_label(label.as_bytes()).unwrap();
        let (bytes, _, bad) = enc.encode(text);
        assert!(!bad, "test text not encodable in {label}");
        let mut page = Vec::new();
        if declare_in_meta {
            page.extend_from_slice(format!("<html><head><meta charset=\"{label}\">").as_bytes());
        } else {
            page.extend_from_slice(b"<html><head><title>t</title>");
        }
        page.extend_from_slice(b"</head><body><p>");
        page.extend_from_slice(&bytes);
        page.extend_from_slice(b"</p></body></html>");
        let (out, used) = decode_html(&page, declared);
        // GBK is the subset of GB18030 that detection names; both decode this text alike.
        let same = used == enc || (enc == encoding_rs::GB18030 && used == encoding_rs::GBK);
        assert!(
            same,
            "label {label} meta={declare_in_meta} declared={declared:?}: got {}",
            used.name()
        );
        assert!(out.contains(text), "mojibake for {label}: {out}");
    }

    const RUSSIAN: &str = "Привет, мир! Это проверка кодировки: съешь же ещё этих мягких французских булок, да выпей чаю. Москва и Санкт-Петербург.";
    const FRENCH: &str = "Voilà une île où l'été était déjà très chaud ; garçon, crème brûlée, naïve façade, cœur à côté. Ça coûte 5 € à peu près.";
    const JAPANESE: &str = "日本語のテキストです。これは文字コードの判定のテストで、東京都の天気は晴れです。今日はとても良い天気ですね。ありがとうございました。";
    const CHINESE: &str = "这是一个中文测试文本，用于检测字符编码。北京的天气很好，我们去公园散步吧。中华人民共和国成立于一九四九年。";
    const KOREAN: &str = "한국어 텍스트입니다. 이것은 문자 인코딩 감지 테스트입니다. 서울의 날씨는 맑습니다. 감사합니다. 대한민국 만세.";

    #[test]
    fn legacy_charsets_from_meta() {
        for (label, text) in [
            ("windows-1251", RUSSIAN),
            ("windows-1252", FRENCH),
            ("shift_jis", JAPANESE),
            ("gb18030", CHINESE),
            ("euc-kr", KOREAN),
        ] {
            roundtrip(label, text, true, None);
        }
    }

    #[test]
    fn legacy_charsets_from_http_header() {
        for (label, text) in [
            ("windows-1251", RUSSIAN),
            ("windows-1252", FRENCH),
            ("shift_jis", JAPANESE),
            ("gb18030", CHINESE),
            ("euc-kr", KOREAN),
        ] {
            roundtrip(label, text, false, Some(label));
        }
    }

    #[test]
    fn legacy_charsets_detected_without_declaration() {
        for (label, text) in [
            ("windows-1251", RUSSIAN),
            ("windows-1252", FRENCH),
            ("shift_jis", JAPANESE),
            ("gb18030", CHINESE),
            ("euc-kr", KOREAN),
        ] {
            let long = text.repeat(3);
            roundtrip(label, &long, false, None);
        }
    }

    #[test]
    fn bom_beats_declarations() {
        let mut page = vec![0xEF, 0xBB, 0xBF];
        page.extend_from_slice("<meta charset=windows-1251><p>héllo".as_bytes());
        let (out, enc) = decode_html(&page, Some("shift_jis"));
        assert_eq!(enc, UTF_8);
        assert!(out.ends_with("héllo"));
        assert!(!out.starts_with('\u{feff}'));
    }

    #[test]
    fn latin1_header_on_utf8_body_is_utf8() {
        let page = "<p>Voilà déjà</p>".as_bytes();
        let (out, enc) = decode_html(page, Some("iso-8859-1"));
        assert_eq!(enc, UTF_8);
        assert!(out.contains("Voilà déjà"));
    }

    #[test]
    fn text_is_what_the_chosen_encoding_decodes() {
        // Valid UTF-8 is borrowed without a second check; the text is encoding_rs's either way.
        let broken = [
            b"<meta charset=utf-8><p>caf\xc3\xa9 \xe9t\xe9".as_slice(),
            b"x\xff",
        ];
        for (page, declared) in [
            ("<p>Voilà déjà</p>".as_bytes(), None),
            ("<p>Voilà déjà</p>".as_bytes(), Some("iso-8859-1")),
            ("<meta charset=utf-8><p>日本語</p>".as_bytes(), None),
            (b"<p>plain ascii</p>".as_slice(), Some("windows-1252")),
            (broken[0], None),
            (broken[1], Some("utf-8")),
            (broken[1], None),
        ] {
            let (out, enc) = decode_html(page, declared);
            assert_eq!(enc, choose_encoding(page, declared));
            assert_eq!(out, enc.decode_without_bom_handling(page).0);
            if enc == UTF_8 && std::str::from_utf8(page).is_ok() {
                assert!(matches!(out, Cow::Borrowed(_)));
            }
        }
    }

    #[test]
    fn false_utf8_declaration_falls_back_to_detection() {
        let text = RUSSIAN.repeat(3);
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&text);
        let mut page = b"<meta charset=utf-8><p>".to_vec();
        page.extend_from_slice(&bytes);
        let (out, enc) = decode_html(&page, None);
        assert_eq!(enc, encoding_rs::WINDOWS_1251);
        assert!(out.contains("Привет"));
    }

    #[test]
    fn http_equiv_content_type() {
        let page = b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=EUC-KR'><p>x";
        assert_eq!(meta_charset(page), Some(encoding_rs::EUC_KR));
        assert_eq!(meta_charset(b"<meta charset=\"utf-16\">"), Some(UTF_8));
        assert_eq!(meta_charset(b"<meta name=x><p>charset=koi8-r"), None);
    }
}
