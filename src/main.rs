use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    // A shell asking for completions (COMPLETE=bash floe -- ...): answer and exit.
    floe::cli::completion::answer_if_asked();
    let cli = match floe::cli::parse_args(std::env::args_os()) {
        Ok(cli) => cli,
        Err(err) if !err.use_stderr() => {
            // --help and --version: print them and succeed.
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        Err(err)
            if err.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
        {
            // `floe` or `floe create` alone: show what can follow, as a usage error.
            let _ = err.print();
            return ExitCode::from(2);
        }
        Err(err) => {
            let _ = writeln!(
                std::io::stderr().lock(),
                "{}",
                floe::cli::one_line_usage_error(&err)
            );
            return ExitCode::from(2);
        }
    };
    match floe::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            floe::cli::ui::print_error(&err);
            ExitCode::from(floe::cli::exit_code(&err))
        }
    }
}
