//! The `wengao` binary: parse, dispatch, exit. Everything else lives in the library.

fn main() {
    std::process::exit(wengao::cli::run());
}
