use clap::Parser;
use pontis_server::cli::{Cli, run};

fn main() -> std::process::ExitCode {
    match run(Cli::parse()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pontis: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
