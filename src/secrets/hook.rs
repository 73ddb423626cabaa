//! `secrets hook install`: a git pre-commit hook that scans what is about to be committed.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

pub const HOOK: &str = "#!/bin/sh\n\
# Installed by `opsguard secrets hook install`: refuses a commit that adds a credential.\n\
# Allow a known false positive with an `opsguard:allow` comment on its line, or record it\n\
# with `opsguard secrets baseline`.\n\
exec opsguard secrets scan --staged\n";

/// Where git runs hooks from: `core.hooksPath`, else `.git/hooks`.
pub fn hooks_dir(start: &Path) -> Result<PathBuf> {
    let repo = super::git::open(start)?;
    let configured = repo
        .config()
        .ok()
        .and_then(|c| c.get_path("core.hooksPath").ok());
    Ok(match configured {
        Some(p) if p.is_absolute() => p,
        Some(p) => repo.workdir().unwrap_or(repo.path()).join(p),
        None => repo.path().join("hooks"),
    })
}

/// Writes the hook; an existing one is kept unless `force`.
pub fn install(start: &Path, force: bool) -> Result<PathBuf> {
    let dir = hooks_dir(start)?;
    let path = dir.join("pre-commit");
    if path.exists() && !force {
        return Err(
            Error::usage(format!("{} already exists", path.display())).with_hint(
                "pass --force to replace it, or call `opsguard secrets scan --staged` from it",
            ),
        );
    }
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, "create", &e))?;
    crate::output::atomic::write(&path, HOOK.as_bytes())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| Error::io(&path, "make executable", &e))?;
    }
    Ok(path)
}
