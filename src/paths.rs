//! How paths are shown to people and in reports: as they would type them.

use std::path::Path;

/// Relative to the working directory where the path is below it, without a leading `./`.
pub fn display_path(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let text = relative.to_string_lossy();
    text.strip_prefix("./").unwrap_or(&text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_and_tidy() {
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(display_path(&cwd.join("a/b.yaml")), "a/b.yaml");
        assert_eq!(display_path(Path::new("./c.yaml")), "c.yaml");
        assert_eq!(display_path(Path::new("/elsewhere/x")), "/elsewhere/x");
    }
}
