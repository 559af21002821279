//! Memory over generated inputs, in a process of its own (one test: the peak resident size,
//! `VmHWM` in /proc/self/status, only grows). Blank lines through `normalize` took 68× their size
//! (546 MB for 8 MB); the limit here is 10× the input above what the process held before.
//! docs/performance.md has the whole table (1, 8, 32 MB, every command).

/// The peak resident size of this process so far, in bytes (Linux).
fn peak() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux /proc");
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .expect("VmHWM in /proc/self/status");
    kb * 1024
}

#[test]
fn eight_megabytes_of_blank_lines_or_prose_stay_under_ten_times_their_size() {
    const MB: usize = 1024 * 1024;
    let before = peak();
    let blank = "\n".repeat(8 * MB);
    let n = wengao::corpus::normalize::normalize(&blank);
    assert!(
        n.text.len() < 16,
        "blank lines collapse: {} bytes",
        n.text.len()
    );
    drop(n);
    let line = "同志们，要抓好项目建设，扩大有效投资。今年全县实施重点项目一百二十个。\n";
    let prose = line.repeat(8 * MB / line.len());
    let sp = wengao::corpus::outline::parse(&prose);
    drop(sp);
    let grown = peak().saturating_sub(before);
    // The inputs themselves are 16 MB of it.
    assert!(
        grown < 10 * 8 * MB as u64 + 16 * MB as u64,
        "peak grew by {} MB over 8 MB inputs",
        grown / MB as u64
    );
}
