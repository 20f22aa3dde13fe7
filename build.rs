//! Converts the built-in corpus from YAML to JSON at build time, so that the binary's
//! start-up parses JSON (fast) instead of YAML. The conversion is a plain YAML-to-JSON
//! translation (duplicate keys are errors); all checking stays in the binary. If the
//! YAML does not parse, an empty file is written and the binary falls back to parsing the
//! YAML itself, which then reports the error with its file, line and column.

use std::path::Path;

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in ["plan_28_points", "sources", "versions", "outlets"] {
        let source = format!("data/{name}.yaml");
        println!("cargo::rerun-if-changed={source}");
        let yaml = std::fs::read_to_string(&source).unwrap_or_default();
        let json = serde_yaml::from_str::<serde_yaml::Value>(&yaml)
            .ok()
            .and_then(|value| serde_json::to_string(&value).ok())
            .unwrap_or_default();
        std::fs::write(Path::new(&out_dir).join(format!("{name}.json")), json)
            .expect("write the prebuilt corpus");
    }
}
