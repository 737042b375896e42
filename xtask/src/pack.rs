//! The package as npm would publish it, installed where JS code imports it
//! as a user would (from node_modules): js-tests/ and www/.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::build;
use crate::run::{root, status, Result};

/// Packs the package and installs the tarball, with `dir`'s own
/// dependencies, into `dir`/node_modules, and again under each of `aliases`
/// (a second copy, as two bundles would carry). Answers the tarball.
pub fn install_into(dir: &Path, aliases: &[&str]) -> Result<PathBuf> {
    let tarball = pack()?;
    let copies = aliases.iter().map(|alias| format!("{alias}@file:{}", tarball.display()));
    status(
        Command::new("npm")
            .current_dir(dir)
            .args(["install", "--no-save", "--no-audit", "--no-fund"])
            .arg(&tarball)
            .args(copies),
    )?;
    Ok(tarball)
}

/// The package packed as npm would publish it, built and packed once per
/// xtask run: every install of a run (js-tests, js-tests/otel, www) gets the
/// same tarball.
fn pack() -> Result<PathBuf> {
    static PACKED: OnceLock<Result<PathBuf>> = OnceLock::new();
    PACKED.get_or_init(build_and_pack).clone()
}

fn build_and_pack() -> Result<PathBuf> {
    let pkg = build::package()?;
    let tarball = packed_tarball()?;
    if let Some(dest) = tarball.parent() {
        std::fs::create_dir_all(dest).map_err(|e| e.to_string())?;
        let _ = std::fs::remove_file(&tarball);
        status(Command::new("npm").current_dir(&pkg).args(["pack", "--quiet", "--pack-destination"]).arg(dest))?;
    }
    if tarball.exists() {
        Ok(tarball)
    } else {
        Err(format!("npm pack made no {}", tarball.display()))
    }
}

/// Where `npm pack` puts the package: target/pack/als-wasm-<version>.tgz.
pub fn packed_tarball() -> Result<PathBuf> {
    let manifest = build::read(&root().join("pkg-template/package.json"))?;
    let version = manifest
        .split("\"version\"")
        .nth(1)
        .and_then(|rest| rest.split('"').nth(1))
        .ok_or("pkg-template/package.json has no version")?;
    Ok(root().join(format!("target/pack/als-wasm-{version}.tgz")))
}
