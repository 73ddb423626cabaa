//! Human output at 80, 120 and 200 columns, one command of each domain: findings with long
//! text read as diagnostics (header, then the explanation wrapped at word boundaries),
//! short columnar data stays in tables, and no word is broken inside a cell.

use crate::common::*;

const WIDTHS: [&str; 3] = ["80", "120", "200"];

/// No line is wider than `width`, unless it is one word that is (a URL, a long token).
fn assert_fits(text: &str, width: usize) {
    for line in text.lines() {
        let n = line.chars().count();
        assert!(
            n <= width
                || line
                    .split_whitespace()
                    .any(|w| w.chars().count() > width - 8),
            "{n} > {width}: {line:?}\n{text}"
        );
    }
}

/// In a table, a cell's text continues on the next row of the same cell: the last word of
/// one line and the first of the next must not be the halves of one word.
fn assert_no_word_split_in_cells(text: &str, words: &[&str]) {
    for word in words {
        for cut in 1..word.len() {
            let (a, b) = word.split_at(cut);
            let broken = text.lines().zip(text.lines().skip(1)).any(|(l1, l2)| {
                let cells1: Vec<&str> = l1.split(['│', '┆']).map(str::trim).collect();
                let cells2: Vec<&str> = l2.split(['│', '┆']).map(str::trim).collect();
                cells1.len() > 2
                    && cells1.len() == cells2.len()
                    && cells1
                        .iter()
                        .zip(&cells2)
                        .any(|(c1, c2)| c1.ends_with(a) && c2.starts_with(b))
            });
            assert!(!broken, "`{word}` broken as `{a}` / `{b}`:\n{text}");
        }
    }
}

#[test]
fn drift_check_at_80_120_and_200_columns() {
    for width in WIDTHS {
        let out = opsguard_with_env(&drift_demo(), &["drift", "check"], &[("COLUMNS", width)]);
        assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
        let text = stdout(&out);
        assert_fits(&text, width.parse().unwrap());
        assert_no_word_split_in_cells(&text, &["deployment", "checkout", "violation", "staging"]);
        insta::assert_snapshot!(format!("drift_check_{width}"), text);
    }
}

#[test]
fn secrets_scan_at_80_120_and_200_columns() {
    let token = format!("ghp_{}", "aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY2zA4");
    let dir = scratch(&[
        ("deploy/settings.env", &format!("GITHUB_TOKEN={token}\n")),
        (
            "services/payments/config/application-production.properties",
            "spring.datasource.password=Pr0dS3cretValue77\n",
        ),
    ]);
    for width in WIDTHS {
        let out = opsguard_with_env(
            dir.path(),
            &["secrets", "scan", "--no-git", "."],
            &[("COLUMNS", width)],
        );
        assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
        let text = stdout(&out);
        assert!(!text.contains(&token), "{text}");
        assert_fits(&text, width.parse().unwrap());
        assert_no_word_split_in_cells(
            &text,
            &[
                "generic-password",
                "github-pat",
                "payments",
                "application",
                "production",
                "properties",
            ],
        );
        insta::assert_snapshot!(format!("secrets_scan_{width}"), text);
    }
}

#[cfg(feature = "aws")]
#[test]
fn cost_rightsize_at_80_120_and_200_columns() {
    for width in WIDTHS {
        let out = opsguard_with_env(
            &repo_root(),
            &[
                "cost",
                "rightsize",
                "--source",
                "fixture:fixtures/aws/rightsizing",
            ],
            &[("COLUMNS", width)],
        );
        assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
        let text = stdout(&out);
        assert_fits(&text, width.parse().unwrap());
        assert_no_word_split_in_cells(&text, &["Availability", "provisioned", "headroom"]);
        insta::assert_snapshot!(format!("cost_rightsize_{width}"), text);
    }
}

#[cfg(feature = "aws")]
#[test]
fn cost_anomalies_never_split_a_service_name_at_120_columns() {
    let out = opsguard_with_env(
        &repo_root(),
        &[
            "cost",
            "anomalies",
            "--source",
            "fixture:fixtures/aws/startup-spike",
        ],
        &[("COLUMNS", "120")],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let text = stdout(&out);
    assert!(
        text.contains("service Amazon Elastic Compute Cloud - Compute on 2026-10-12"),
        "{text}"
    );
    assert_fits(&text, 120);
}
