//! The `wengao` binary: parse, dispatch, exit. Everything else lives in the library.

mod arena;

/// mimalloc, not the system allocator: a draft is a short process of many small allocations,
/// where glibc's malloc took a fifth of the instructions (docs/performance.md). For
/// `wengao draft`, most blocks come from one region instead, so that the short process touches
/// (and the kernel zeroes) a quarter of the memory mimalloc's pages spread over (src/arena.rs).
#[global_allocator]
static ALLOCATOR: arena::Arena = arena::Arena::new();

fn main() {
    // The subcommand: the first argument that is not an option.
    let command = std::env::args_os()
        .skip(1)
        .find(|a| !a.as_encoded_bytes().starts_with(b"-"));
    if command.is_some_and(|c| c != "draft") {
        ALLOCATOR.close();
    }
    std::process::exit(wengao::cli::run());
}
