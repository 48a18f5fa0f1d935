//! Generates the `i18n` module (the `Locale` enum, the keys `t!` reads) from
//! `locales/id.json` and `locales/en.json`, as `leptos_i18n::load_locales!` did.
//!
//! With the `pseudo-locale` feature (tests only: the server's test binary turns it
//! on), a third locale `en-XA` is added whose every text is `en.json`'s wrapped in
//! `⟦…⟧`, so a test can render each page in it and find text that does not come
//! from the locale files. The production build never has that feature, so it has
//! no such locale.
//!
//! The generation is the two calls `leptos_i18n_build`'s `generate_i18n_module`
//! makes (parse, then codegen), on leptos_i18n's own parser and codegen crates at
//! the version the `t!` macros already build. `leptos_i18n_build` itself would add
//! ICU data generation and an HTTP client (about 70 crates) to every build for
//! formatters this app does not use.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use leptos_i18n_parser::parse_locales::options::{Config, ParseOptions};
use leptos_i18n_parser::parse_locales::parse_locales;

/// The pseudo-locale: English, every text marked. `en-XA` is the customary
/// pseudo-locale tag (a private-use region), so no browser asks for it.
const PSEUDO: &str = "en-XA";

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").ok_or("no manifest dir")?);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("no OUT_DIR")?);
    let sources = manifest.join("locales");

    // `interpolate_display`: `t_string!` / `td_string!` take values too, not only `t!`.
    let options = ParseOptions::default().interpolate_display(true);
    let mut cfg = Config::new("id")?.add_locale("en")?.parse_options(options);
    if std::env::var_os("CARGO_FEATURE_PSEUDO_LOCALE").is_some() {
        let dir = out.join("locales");
        fs::create_dir_all(&dir)?;
        for locale in ["id", "en"] {
            println!("cargo::rerun-if-changed=locales/{locale}.json");
            fs::copy(
                sources.join(format!("{locale}.json")),
                dir.join(format!("{locale}.json")),
            )?;
        }
        let english: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(sources.join("en.json"))?)?;
        fs::write(
            dir.join(format!("{PSEUDO}.json")),
            serde_json::to_string_pretty(&pseudo(&english)?)?,
        )?;
        cfg = cfg.add_locale(PSEUDO)?.locales_path(dir);
    } else {
        cfg = cfg.locales_path(sources);
    }

    let parsed = parse_locales(Some(manifest.clone()), cfg)?;
    for warning in parsed.diag.warnings().iter() {
        println!("cargo::warning={warning}");
    }
    let errors = parsed.diag.errors();
    for error in errors.iter() {
        println!("cargo::error={error}");
    }
    if !errors.is_empty() {
        return Err("the locale files have errors".into());
    }
    drop(errors);
    reference_lists(&manifest.join("reference"), &out)?;
    let code = leptos_i18n_codegen::gen_code(&parsed, None, false, None, true)?;
    let module = out.join("i18n");
    fs::create_dir_all(&module)?;
    write_if_changed(&module.join("mod.rs"), &code.to_string())?;
    Ok(())
}

/// Every text of a locale file marked `⟦…⟧`; keys, nesting and `{{ variables }}`
/// stay as they are.
fn pseudo(value: &serde_json::Value) -> Result<serde_json::Value, String> {
    use serde_json::Value;
    match value {
        Value::String(text) => Ok(Value::String(format!("⟦{text}⟧"))),
        Value::Object(map) => map
            .iter()
            .map(|(key, inner)| Ok((key.clone(), pseudo(inner)?)))
            .collect::<Result<_, String>>()
            .map(Value::Object),
        other => Err(format!(
            "a locale value that is not text or a group of keys: {other}"
        )),
    }
}

/// The reference lists (`reference/<list>.tsv`) as `reference_enum!` invocations,
/// in one file that `domain::reference` includes. The type is the file's name in
/// CamelCase (`golongan_pns.tsv` is `GolonganPns`), its doc the file's `#` lines;
/// after them a header row, then one value a row: variant, code, Indonesian name,
/// English name, separated by tabs.
fn reference_lists(dir: &Path, out: &Path) -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=reference");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.retain(|p| p.extension().is_some_and(|e| e == "tsv"));
    files.sort();
    let mut code = String::new();
    for file in files {
        let stem = file
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or("a file name")?;
        let name: String = stem
            .split('_')
            .map(|word| word[..1].to_uppercase() + &word[1..])
            .collect();
        let text = fs::read_to_string(&file)?;
        code.push_str("reference_enum! {\n");
        let mut header = true;
        for (n, line) in text.lines().enumerate() {
            if let Some(doc) = line.strip_prefix('#') {
                code.push_str(&format!(
                    "    #[doc = {:?}]\n",
                    doc.strip_prefix(' ').unwrap_or(doc)
                ));
            } else if header {
                if line != "variant\tcode\tnama\tname" {
                    return Err(format!(
                        "{stem}.tsv:{}: the header row must be variant, code, nama, name",
                        n + 1
                    )
                    .into());
                }
                header = false;
                code.push_str(&format!("    pub enum {name} {{\n"));
            } else if !line.is_empty() {
                let [variant, value, nama, name] = line.split('\t').collect::<Vec<_>>()[..] else {
                    return Err(format!(
                        "{stem}.tsv:{}: a row needs four tab-separated fields",
                        n + 1
                    )
                    .into());
                };
                code.push_str(&format!(
                    "        {variant} = {value:?}, {nama:?}, {name:?};\n"
                ));
            }
        }
        code.push_str("    }\n}\n\n");
    }
    write_if_changed(&out.join("reference.rs"), &code)?;
    Ok(())
}

/// Leaves the file alone when it is unchanged, so what includes it is not rebuilt.
fn write_if_changed(path: &Path, contents: &str) -> std::io::Result<()> {
    if fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    fs::write(path, contents)
}
