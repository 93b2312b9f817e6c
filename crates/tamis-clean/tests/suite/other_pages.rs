//! The signature page's mechanisms on other pages: real article text from
//! ../shared/data/extraction/gold wrapped in other banners, repeats, disclaimers and crumbs
//! (written here in several wordings and languages; none comes from the signature page).
//! After cleaning, the article must come back exactly, and nothing of the wrapping.

use std::path::Path;

use tamis_clean::FrequentLinesConfig;
use tamis_core::{CorpusStep, Document, Outcome, Step, StepContext};

use super::common::{run, steps, steps_soft_error_first};
use super::gold::gold;

const BANNERS: &[&str] = &[
    "Oops!\n404 - Page Not Found",
    "Access denied",
    "Oops! Something went wrong.\nPlease try again later.",
    "Error 404\nThe page you requested could not be found.",
    "Whoops!\nThis page is no longer available.",
    "Désolé !\nLa page que vous cherchez n'existe plus.",
    "Hoppla!\nSeite nicht gefunden.",
    "¡Ups!\nLo sentimos, la página que buscas no existe.",
];

const DISCLAIMERS: &[&str] = &[
    "Disclaimer\nThe information on this site comes with no warranty whatsoever. The publisher accepts no liability for errors or omissions and is not responsible for the accuracy of third-party content.",
    "Legal notice: The views expressed are those of the author and do not necessarily reflect the views of this publication. Reproduction without prior written permission is prohibited.",
    "Avertissement :\nCet article est fourni à titre informatif, sans garantie d'aucune sorte. L'éditeur décline toute responsabilité quant à l'exactitude des informations.",
    "Haftungsausschluss:\nAlle Angaben ohne Gewähr. Für die Richtigkeit und Vollständigkeit der Inhalte übernehmen wir keine Haftung.",
    "Aviso legal\nEste contenido se ofrece con fines informativos y sin garantía. El editor no se hace responsable de la exactitud de la información.",
    "The views and opinions expressed in this article are those of the author and do not necessarily reflect the position of the publisher.",
    "© 2023 Example Media Group. All rights reserved.",
];

const CRUMBS: &[&str] = &[
    "3 Comments",
    "Leave a Reply",
    "Share this:\nFacebook\nTwitter\nEmail",
    "Kommentare (4)",
    "Laisser un commentaire",
    "Deja un comentario",
    "CommentsAdd comment",
    "Subscribe to our newsletter\nEnter your email address",
    "Read more\nNext article",
    "We use cookies to improve your experience on our website. By continuing to browse, you agree to our use of cookies.\nAccept all",
];

const TOPS: &[&str] = &["", "Home » News » Local", "Skip to main content"];

/// Gold texts that the steps leave unchanged on their own, long enough to be articles.
fn articles() -> Option<Vec<(String, String)>> {
    let steps = steps();
    let picked: Vec<(String, String)> = gold()?
        .into_iter()
        .filter(|(_, t)| {
            t.chars().count() >= 800 && t.lines().filter(|l| !l.trim().is_empty()).count() >= 3
        })
        .filter(|(id, t)| {
            run(&steps, Document::new(id.clone(), t.clone()))
                .is_some_and(|d| d.text.trim_end() == t.trim_end())
        })
        .collect();
    assert!(
        picked.len() > 300,
        "only {} untouched gold articles",
        picked.len()
    );
    Some(picked)
}

/// The `n` longest lines of `text` (the paragraphs a broken template would repeat).
fn longest(text: &str, n: usize) -> Vec<&str> {
    let mut ls: Vec<&str> = text
        .lines()
        .filter(|l| l.trim().chars().count() >= 40)
        .collect();
    ls.sort_by_key(|l| std::cmp::Reverse(l.len()));
    ls.truncate(n);
    ls
}

#[test]
fn wrapped_gold_articles_come_back_exactly() {
    let Some(articles) = articles() else { return };
    check_wrapped(&articles, &steps());
    eprintln!(
        "{} wrapped gold articles cleaned back to their gold text",
        articles.len()
    );
}

#[test]
fn wrapped_gold_articles_come_back_exactly_soft_error_first() {
    let Some(articles) = articles() else { return };
    check_wrapped(&articles, &steps_soft_error_first());
}

fn check_wrapped(articles: &[(String, String)], steps: &[Box<dyn Step>]) {
    for (i, (id, text)) in articles.iter().enumerate() {
        let top = TOPS[i % TOPS.len()];
        let banner = BANNERS[i % BANNERS.len()];
        let disclaimer = DISCLAIMERS[i % DISCLAIMERS.len()];
        let crumb = CRUMBS[i % CRUMBS.len()];
        let repeats = longest(text, 3).join("\n\n");
        let body = text.trim_end();
        let wrapped = if top.is_empty() {
            format!("{banner}\n\n{body}\n\n{repeats}\n\n{disclaimer}\n\n{crumb}\n")
        } else {
            format!("{top}\n{banner}\n\n{body}\n\n{repeats}\n\n{disclaimer}\n\n{crumb}\n")
        };
        let mut doc = Document::new(id.clone(), wrapped);
        doc.set_meta("http_status", [200, 403, 404][i % 3]);
        let out = run(steps, doc).unwrap_or_else(|| panic!("{id} was dropped"));
        assert_eq!(out.text.trim_end(), body, "{id} (banner {i})");
    }
}

#[test]
fn error_pages_with_real_navigation_are_dropped() {
    // An error message surrounded by a site's navigation: nothing of value left.
    let steps = steps();
    for (i, banner) in BANNERS.iter().enumerate() {
        let page =
            format!("Example Daily\n{banner}\nGo back to the homepage\nNews\nSport\nContact us");
        let mut doc = Document::new(format!("err-{i}"), page);
        doc.set_meta("http_status", 200);
        assert!(run(&steps, doc).is_none(), "{banner}");
    }
}

#[test]
fn site_template_lines_are_removed_across_documents() {
    // Twelve real articles served by one site with its own footer, which no rule list knows.
    let Some(articles) = articles() else { return };
    let site: Vec<(String, String)> = articles.into_iter().take(12).collect();
    let footer = "Example Daily is an independent newspaper founded in 1921.\nAbout us | Advertise | Careers\nTip line: tips@example.invalid";
    let docs: Vec<Document> = site
        .iter()
        .enumerate()
        .map(|(i, (id, t))| {
            let mut d = Document::new(id.clone(), format!("{}\n\n{footer}\n", t.trim_end()));
            d.set_meta(
                "url",
                format!("https://www.example-daily.invalid/story/{i}"),
            );
            d
        })
        .collect();
    let step = FrequentLinesConfig::default().build().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for shard in 0..2 {
        let mut o = step.observer();
        docs.iter()
            .skip(shard)
            .step_by(2)
            .for_each(|d| o.observe(d));
        let p = dir.path().join(format!("{shard}.bin"));
        o.save(&p).unwrap();
        paths.push(p);
    }
    let refs: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    let apply = step.build(&refs).unwrap();
    for (d, (id, gold)) in docs.into_iter().zip(&site) {
        let mut d = d;
        assert_eq!(
            apply.process(&mut d, &mut StepContext::default()),
            Outcome::Modified,
            "{id}"
        );
        assert_eq!(d.text.trim_end(), gold.trim_end(), "{id}");
    }
}
