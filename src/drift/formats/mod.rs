//! Parsers from text to [`crate::drift::tree`]. Pure: they take text and a display name.

mod dotenv;
mod ini;
mod json;
mod properties;
mod tfvars;
mod toml;
mod yaml;

use std::path::Path;
use std::sync::Arc;

use super::tree::Parsed;
use crate::error::Result;

/// In `opsguard.toml` (`format = "properties"`), by the names `--input-format` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Yaml,
    Json,
    Toml,
    #[serde(rename = "env")]
    Dotenv,
    Ini,
    Properties,
    Tfvars,
}

impl Format {
    /// Every format, in the order error messages list them.
    pub const ALL: [Format; 7] = [
        Format::Yaml,
        Format::Json,
        Format::Toml,
        Format::Dotenv,
        Format::Ini,
        Format::Properties,
        Format::Tfvars,
    ];

    /// From the file name; `None` when the name does not tell. A copy kept for reference
    /// (`terraform.tfvars.example`, `config.yaml.dist`, `app.json.sample`) is read as the
    /// format of the name inside it.
    pub fn from_path(path: &Path) -> Option<Format> {
        let mut name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        while let Some((inner, last)) = name.rsplit_once('.') {
            if !COPY_SUFFIXES.contains(&last) || !inner.contains('.') {
                break;
            }
            name = inner.to_string();
        }
        if name == ".env" || name.starts_with(".env.") || name.ends_with(".env") {
            return Some(Format::Dotenv);
        }
        if name.ends_with(".tfvars.json") {
            return Some(Format::Json);
        }
        let ext = name.rsplit_once('.').map(|(_, e)| e)?;
        Some(match ext {
            "yaml" | "yml" => Format::Yaml,
            "json" => Format::Json,
            "toml" => Format::Toml,
            "ini" | "cfg" | "conf" => Format::Ini,
            "properties" => Format::Properties,
            "tfvars" => Format::Tfvars,
            _ => return None,
        })
    }

    /// The name of a configuration language opsguard does not read, when the file name
    /// says it is one: it is refused rather than compared as text under an empty key.
    pub fn unsupported(path: &Path) -> Option<&'static str> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let ext = name.rsplit_once('.').map(|(_, e)| e)?;
        Some(match ext {
            "tf" | "hcl" => "HCL (Terraform)",
            "rb" => "Ruby",
            "j2" | "jinja" | "jinja2" | "tpl" | "tmpl" | "gotmpl" | "erb" | "mustache" => {
                "a template"
            }
            "xml" | "plist" => "XML",
            "py" | "js" | "ts" => "source code",
            _ => return None,
        })
    }

    /// From the content, for files whose name does not tell.
    pub fn sniff(text: &str) -> Format {
        let meaningful = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with(';'));
        let lines: Vec<&str> = meaningful.take(50).collect();
        let Some(first) = lines.first() else {
            return Format::Yaml;
        };
        if first.starts_with('{') || first.starts_with('[') && !first.ends_with(']') {
            return Format::Json;
        }
        if lines.iter().any(|l| l.starts_with('[') && l.ends_with(']')) {
            return Format::Ini;
        }
        let env_like = |l: &&str| {
            let l = l.strip_prefix("export ").unwrap_or(l);
            l.split_once('=').is_some_and(|(k, _)| {
                !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            })
        };
        if lines.iter().all(env_like) {
            return Format::Dotenv;
        }
        Format::Yaml
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Json => "JSON",
            Format::Toml => "TOML",
            Format::Dotenv => ".env",
            Format::Ini => "INI",
            Format::Properties => ".properties",
            Format::Tfvars => ".tfvars",
        }
    }
}

/// Suffixes of a reference copy of a configuration file.
const COPY_SUFFIXES: &[&str] = &[
    "example", "sample", "dist", "template", "default", "orig", "bak",
];

pub fn parse(text: &str, file: &Arc<str>, format: Format) -> Result<Parsed> {
    match format {
        Format::Yaml => yaml::parse(text, file),
        Format::Json => json::parse(text, file),
        Format::Toml => toml::parse(text, file),
        Format::Dotenv => dotenv::parse(text, file),
        Format::Ini => ini::parse(text, file),
        Format::Properties => properties::parse(text, file),
        Format::Tfvars => tfvars::parse(text, file),
    }
}

/// Byte offset to 1-based line, by binary search over line starts.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn reference_copies_are_read_as_the_format_inside_their_name() {
        for (name, format) in [
            ("terraform.tfvars.example", Format::Tfvars),
            ("config.yaml.dist", Format::Yaml),
            ("app.json.sample", Format::Json),
            (".env.sample", Format::Dotenv),
            ("settings.toml.template", Format::Toml),
        ] {
            assert_eq!(Format::from_path(Path::new(name)), Some(format), "{name}");
        }
        assert_eq!(Format::from_path(Path::new("config.example")), None);
    }

    #[test]
    fn languages_drift_does_not_read_are_named() {
        assert_eq!(
            Format::unsupported(Path::new("main.tf")),
            Some("HCL (Terraform)")
        );
        assert_eq!(
            Format::unsupported(Path::new("values.yaml.tpl")),
            Some("a template")
        );
        assert_eq!(Format::unsupported(Path::new("prod.tfvars")), None);
    }

    use super::*;

    #[test]
    fn formats_from_names() {
        let f = |n: &str| Format::from_path(Path::new(n));
        assert_eq!(f("config/prod.yaml"), Some(Format::Yaml));
        assert_eq!(f(".env"), Some(Format::Dotenv));
        assert_eq!(f(".env.staging"), Some(Format::Dotenv));
        assert_eq!(f("staging.env"), Some(Format::Dotenv));
        assert_eq!(f("prod.tfvars"), Some(Format::Tfvars));
        assert_eq!(f("prod.tfvars.json"), Some(Format::Json));
        assert_eq!(f("app.properties"), Some(Format::Properties));
        assert_eq!(f("settings"), None);
    }

    #[test]
    fn formats_from_content() {
        assert_eq!(Format::sniff("{\"a\": 1}"), Format::Json);
        assert_eq!(Format::sniff("[db]\nhost=x\n"), Format::Ini);
        assert_eq!(Format::sniff("# c\nA=1\nexport B=2\n"), Format::Dotenv);
        assert_eq!(Format::sniff("a:\n  b: 1\n"), Format::Yaml);
        assert_eq!(Format::sniff("- a\n- b\n"), Format::Yaml);
    }

    use proptest::prelude::*;

    proptest! {
        /// Any text, in any format: a parse or an error at a position, never a panic, and
        /// an error never quotes a line of the input that looks like a secret.
        #[test]
        fn any_text_parses_or_fails_cleanly(
            text in "(?s)[a-z:=\\[\\]{}\"'.,#&*|>!? \\n\\t-]{0,200}",
            secret in "S3CR3T[A-Z0-9]{8}",
        ) {
            let text = format!("{text}\npassword: \"{secret}\n{text}");
            for format in Format::ALL {
                if let Err(e) = parse(&text, &std::sync::Arc::from("f"), format) {
                    let message = e.to_string();
                    prop_assert!(message.starts_with("f:"), "{:?}: {}", format, message);
                    prop_assert!(!message.contains(&secret), "{:?}: {}", format, message);
                }
            }
        }

        /// Nesting far past the limit is an error in every format that nests, never a stack
        /// overflow.
        #[test]
        fn any_depth_is_bounded(depth in 257usize..5000) {
            let open = "[".repeat(depth);
            let close = "]".repeat(depth);
            for (format, text) in [
                (Format::Yaml, format!("a: {open}{close}\n")),
                (Format::Json, format!("{open}{close}")),
                (Format::Toml, format!("a = {open}{close}\n")),
                (Format::Tfvars, format!("a = {open}{close}\n")),
                (Format::Properties, format!("{}=1\n", vec!["k"; depth].join("."))),
            ] {
                prop_assert!(parse(&text, &std::sync::Arc::from("f"), format).is_err(), "{:?}", format);
            }
        }
    }

    #[test]
    fn line_index() {
        let idx = LineIndex::new("a\nbc\n\nd");
        assert_eq!(idx.line_of(0), 1);
        assert_eq!(idx.line_of(2), 2);
        assert_eq!(idx.line_of(3), 2);
        assert_eq!(idx.line_of(5), 3);
        assert_eq!(idx.line_of(6), 4);
    }
}
