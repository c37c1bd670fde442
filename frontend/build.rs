//! The locales, templates and static files are compiled in by `include_dir!`, whose reads
//! rustc does not track: without this, a build after editing only a `.ftl` file or a
//! template could keep the old text.
fn main() {
    for dir in ["locales", "templates", "static"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
