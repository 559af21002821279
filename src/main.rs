//! The `wengao` binary: parse, dispatch, exit. Everything else lives in the library.

/// mimalloc, not the system allocator: a draft is a short process of many small allocations,
/// where glibc's malloc took a fifth of the instructions (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(wengao::cli::run());
}
