//! `canvass media EXPORT.zip [--extract DIR]`: what photos and signatures an export ZIP
//! holds (name, bytes), which references of its responses have no file,
//! and optionally the files written under DIR at their media names.

use std::path::Path;
use std::process::ExitCode;

use canvass_core::bundle::read_export_file;

use crate::{read_bytes, EXIT_INVALID, EXIT_UNREADABLE, EXIT_USAGE};

pub fn run(args: &[String]) -> ExitCode {
    let (file, extract) = match args {
        [file] => (file, None),
        [file, flag, dir] if flag == "--extract" => (file, Some(dir)),
        _ => {
            eprintln!("usage: canvass media EXPORT.zip [--extract DIR]");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let bytes = match read_bytes(file) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let read = match read_export_file(&bytes) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    println!(
        "{file}: {} responses, {} media files{}",
        read.export.responses.len(),
        read.media.len(),
        if read.zipped { "" } else { " (a plain JSON export holds no photos)" }
    );
    for m in &read.media {
        println!("{}\t{}", m.name, m.data.len());
    }
    for name in &read.missing {
        println!("missing\t{name}");
    }
    if let Some(dir) = extract {
        for m in &read.media {
            // Media names are checked relative paths without `..` (core::zip).
            let path = Path::new(dir).join(&m.name);
            let written = path
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&path, m.data));
            if let Err(e) = written {
                eprintln!("{}: cannot write: {e}", path.display());
                return ExitCode::from(EXIT_UNREADABLE);
            }
        }
    }
    if read.missing.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_INVALID)
    }
}
