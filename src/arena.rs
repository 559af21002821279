//! The `wengao` binary's allocator for `wengao draft` (a module of the binary, not of the
//! library): one region of address space, carved by each thread from chunks of its own, freed
//! blocks kept by size for reuse; everything else goes to mimalloc.
//!
//! Why: a draft is a 15 ms process whose heap peaks at ~3 MB, yet a third of its system time
//! was the kernel zeroing memory on first touch. mimalloc gives every size class of every thread
//! a page of its own (64 KB, 512 KB for the medium sizes), so the draft touched 16 MB of huge
//! pages (2 MB each, ~0.37 ms each to zero on this machine) for its 3 MB; here the blocks sit
//! together and the draft touches 6 MB (docs/performance.md, "Tenth session").
//!
//! How:
//! - **The region** is 64 MB of address space reserved at the first allocation, before `main`
//!   (`MAP_NORESERVE`: nothing is committed until touched); its first 2 MB are advised for a
//!   transparent huge page (one fault and one zeroing for what a draft fills), the rest is
//!   touched in 4 KB pages. `main` closes it for every subcommand but `draft`, so the long runs (`mine`, `lint`
//!   of a corpus) allocate from mimalloc; a draft then never starts mimalloc, whose first
//!   allocation alone touched a huge page of its own.
//! - **A thread** takes 64 KB chunks from the region with one atomic add each and carves its
//!   blocks from its chunk: no lock, no atomic a block.
//! - **Sizes** are rounded to a class: 16-byte steps up to 1 KB, then four to each doubling up
//!   to 1 MB. A freed block goes on its thread's list for its class (the link in its first word)
//!   and serves the next request of that class; the block at the top of the thread's chunk is
//!   given back to the chunk instead, and grows there in place when reallocated.
//! - **Blocks over 16 KB** are taken from the region itself (a chunk would be left with its rest
//!   unused); the one that ends where the region's free part begins is given back to it, and
//!   grows there in place.
//! - **Anything else** — aligned beyond 16 bytes, over 1 MB, or asked for when the region is
//!   used up — goes to mimalloc, and a pointer outside the region is freed by mimalloc.
//!
//! A block freed on another thread than the one that carved it goes on the freeing thread's
//! list: every block is the region's, so any thread may reuse it. A thread that ends leaves its
//! lists to the arena, and a thread whose list of a class is empty takes all the class's
//! left blocks at once (`Drafter::open`'s loading thread frees what it parsed the templates with).
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::sync::atomic::{
    AtomicU8, AtomicUsize,
    Ordering::{Acquire, Relaxed, Release},
};

/// The address space reserved for a draft (about six times what the 8,000-character
/// benchmark draft allocates in all, freed blocks included).
const REGION: usize = 64 << 20;
/// What a thread takes from the region at a time.
const CHUNK: usize = 16 << 10;
/// Blocks are aligned to this; a layout asking more goes to mimalloc.
const ALIGN: usize = 16;
/// The largest small class (16-byte steps up to it), and the largest class of all.
const SMALL: usize = 1024;
const LARGEST: usize = 1 << 20;
/// 64 small classes (16 … 1,024 bytes), then four to each doubling up to 1 MB (1,280, 1,536,
/// 1,792, 2,048, 2,560 …): a block is at most a quarter larger than asked.
const CLASSES: usize = SMALL / ALIGN + 4 * 10;
/// Blocks larger than this are taken from the region itself, not from a thread's chunk (which
/// would be left with its rest unused); one that ends where the region's free part begins is
/// given back to it, and grows there in place.
const BIG: usize = CHUNK / 4;

static FALLBACK: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The region's states: not yet reserved, being reserved, open, closed (or not reservable).
const UNOPENED: u8 = 0;
const OPENING: u8 = 1;
const OPEN: u8 = 2;
const CLOSED: u8 = 3;

/// The global allocator: the region while open, mimalloc beyond it and once it is closed.
pub struct Arena {
    state: AtomicU8,
    /// The region's first and one-past-last address (both 0 until opened).
    start: AtomicUsize,
    end: AtomicUsize,
    /// Where the next chunk starts.
    next: AtomicUsize,
    /// The freed blocks of threads that ended, by class (linked as on a thread's list), for
    /// a thread whose own list is empty (`Drafter::open`'s loading thread frees what it parsed
    /// with).
    orphans: [AtomicUsize; CLASSES],
}

/// A thread's chunk and freed blocks, of one arena (the binary has one; a test makes others).
struct Local {
    /// The arena they are of (its address; 0: none yet).
    owner: Cell<usize>,
    /// The free part of the thread's chunk: `top..limit`.
    top: Cell<usize>,
    limit: Cell<usize>,
    /// The first freed block of each class (0: none); each holds the next in its first word.
    free: [Cell<usize>; CLASSES],
}

impl Drop for Local {
    /// A thread that ends leaves its freed blocks to the arena's orphans.
    fn drop(&mut self) {
        let owner = self.owner.get();
        if owner == 0 {
            return;
        }
        // SAFETY: `owner` is the address of the arena the lists are of, which is a static (the
        // binary's) or leaked (a test's): it outlives every thread.
        let arena = unsafe { &*(owner as *const Arena) };
        for (k, head) in self.free.iter().enumerate() {
            let first = head.replace(0);
            if first == 0 {
                continue;
            }
            let mut tail = first;
            // SAFETY: the list's blocks are freed blocks of the arena, each linking the next.
            unsafe {
                while *(tail as *const usize) != 0 {
                    tail = *(tail as *const usize);
                }
            }
            let orphans = &arena.orphans[k];
            let mut cur = orphans.load(Relaxed);
            loop {
                // SAFETY: the tail is a freed block of ours; its first word is the link.
                unsafe { *(tail as *mut usize) = cur };
                match orphans.compare_exchange_weak(cur, first, Release, Relaxed) {
                    Ok(_) => break,
                    Err(now) => cur = now,
                }
            }
        }
    }
}

thread_local! {
    static LOCAL: Local = const {
        Local {
            owner: Cell::new(0),
            top: Cell::new(0),
            limit: Cell::new(0),
            free: [const { Cell::new(0) }; CLASSES],
        }
    };
}

/// Make a thread's chunk and lists those of the arena at `me` (out of the allocation's path).
#[cold]
#[inline(never)]
fn adopt(l: &Local, me: usize) {
    l.owner.set(me);
    l.top.set(0);
    l.limit.set(0);
    for head in &l.free {
        head.set(0);
    }
}

/// The class of a size and the size of its blocks; None beyond the largest class.
fn class(size: usize) -> Option<(usize, usize)> {
    if size <= SMALL {
        let k = size.max(1).div_ceil(ALIGN);
        Some((k - 1, k * ALIGN))
    } else if size <= LARGEST {
        // 2^b < size ≤ 2^(b+1), b from 10 to 19; four steps of 2^(b-2) in between.
        let b = (usize::BITS - 1 - (size - 1).leading_zeros()) as usize;
        let step = 1 << (b - 2);
        let k = (size - (1 << b)).div_ceil(step);
        Some((SMALL / ALIGN + (b - 10) * 4 + k - 1, (1 << b) + k * step))
    } else {
        None
    }
}

impl Arena {
    pub const fn new() -> Arena {
        Arena {
            state: AtomicU8::new(UNOPENED),
            start: AtomicUsize::new(0),
            end: AtomicUsize::new(0),
            next: AtomicUsize::new(0),
            orphans: [const { AtomicUsize::new(0) }; CLASSES],
        }
    }

    /// Reserve the region, once (the first allocation does); if it cannot be, every block
    /// comes from mimalloc.
    pub fn open(&self) {
        if self
            .state
            .compare_exchange(UNOPENED, OPENING, Acquire, Relaxed)
            .is_err()
        {
            return;
        }
        const HUGE: usize = 2 << 20;
        // SAFETY: a fresh anonymous private mapping, no address given: it overlaps nothing.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                REGION + HUGE,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            self.state.store(CLOSED, Release);
            return;
        }
        // Start on a huge-page boundary, so the first 2 MB touched are one huge page. Only
        // those are advised for huge pages: a draft fills them and goes on ~0.6 MB further, and
        // a second huge page (2 MB zeroed for that) cost more than those 4 KB pages one by one
        // (docs/performance.md, "Fourteenth session": 10.7 against 11.7 ms, run by run).
        let start = (p as usize).next_multiple_of(HUGE);
        // SAFETY: advice on the mapping just made; failing it only costs the huge page.
        unsafe { libc::madvise(start as *mut libc::c_void, HUGE, libc::MADV_HUGEPAGE) };
        self.start.store(start, Relaxed);
        self.next.store(start, Relaxed);
        self.end.store(start + REGION, Relaxed);
        self.state.store(OPEN, Release);
    }

    /// Give no more blocks from the region (those given are still freed into it, and one on
    /// the top of its thread's chunk may still grow there): for the subcommands that may run
    /// long and allocate much.
    pub fn close(&self) {
        self.open();
        self.state.store(CLOSED, Release);
    }

    /// Whether new blocks come from the region (opening it on the first call).
    fn usable(&self) -> bool {
        match self.state.load(Acquire) {
            OPEN => true,
            UNOPENED => {
                self.open();
                self.state.load(Acquire) == OPEN
            }
            _ => false,
        }
    }

    /// Run `f` on this thread's chunk and lists of this arena (those of another arena are
    /// dropped, their blocks left unused); None while the thread's storage is gone.
    fn local<R>(&self, f: impl FnOnce(&Local) -> R) -> Option<R> {
        LOCAL
            .try_with(|l| {
                let me = std::ptr::from_ref(self) as usize;
                if l.owner.get() != me {
                    adopt(l, me);
                }
                f(l)
            })
            .ok()
    }

    fn holds(&self, p: *mut u8) -> bool {
        let p = p as usize;
        p >= self.start.load(Relaxed) && p < self.end.load(Relaxed)
    }

    /// A block of `size` bytes (a class's size) from the thread's list, its chunk or (when
    /// big) the region; 0 when the region cannot give one.
    fn carve(&self, k: usize, size: usize) -> usize {
        self.local(|l| {
            let mut head = l.free[k].get();
            // The list empty, the ended threads' blocks of the class become this thread's (all
            // at once: no block is ever taken from the orphans one by one).
            if head == 0 && self.orphans[k].load(Relaxed) != 0 {
                head = self.orphans[k].swap(0, Acquire);
            }
            if head != 0 {
                // SAFETY: a freed block of this class: its first word is the link.
                l.free[k].set(unsafe { *(head as *const usize) });
                return head;
            }
            if size > BIG {
                return self.take(size);
            }
            if l.limit.get() - l.top.get() < size {
                let at = self.take(CHUNK);
                if at == 0 {
                    return 0;
                }
                l.top.set(at);
                l.limit.set(at + CHUNK);
            }
            let p = l.top.get();
            l.top.set(p + size);
            p
        })
        .unwrap_or(0)
    }

    /// `size` bytes from the region's free part; 0 when it has not so many.
    fn take(&self, size: usize) -> usize {
        let end = self.end.load(Relaxed);
        // Once the region is used up, no more atomic adds.
        if self.next.load(Relaxed) + size > end {
            return 0;
        }
        let at = self.next.fetch_add(size, Relaxed);
        if at + size > end { 0 } else { at }
    }

    /// Give a block of the region back: a small one to its thread's chunk when on its top, a
    /// big one to the region when it ends where the free part begins; else to its list.
    fn give_back(&self, p: usize, k: usize, size: usize) {
        if size > BIG
            && self
                .next
                .compare_exchange(p + size, p, Relaxed, Relaxed)
                .is_ok()
        {
            return;
        }
        let _ = self.local(|l| {
            if size <= BIG && p + size == l.top.get() {
                l.top.set(p);
            } else {
                // SAFETY: the block is ours (freed) and at least 16 bytes: its first word
                // holds the link.
                unsafe { *(p as *mut usize) = l.free[k].get() };
                l.free[k].set(p);
            }
        });
    }
}

impl Default for Arena {
    fn default() -> Self {
        Arena::new()
    }
}

// SAFETY: every block handed out is `size` bytes or more, aligned to 16 (the region and the
// chunks start on 16-byte boundaries and every class is a multiple of 16), and belongs to one
// owner until freed: a chunk is one thread's (an atomic add hands it out), a list is one
// thread's. Layouts aligned beyond 16 go to mimalloc.
unsafe impl GlobalAlloc for Arena {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= ALIGN
            && self.usable()
            && let Some((k, size)) = class(layout.size())
        {
            let p = self.carve(k, size);
            if p != 0 {
                return p as *mut u8;
            }
        }
        // SAFETY: the caller's layout, passed on.
        unsafe { FALLBACK.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if self.holds(ptr) {
            if let Some((k, size)) = class(layout.size()) {
                self.give_back(ptr as usize, k, size);
            }
            return;
        }
        // SAFETY: not the region's, so mimalloc's, with the layout it was made with.
        unsafe { FALLBACK.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !self.holds(ptr) {
            // SAFETY: mimalloc's block, with its layout.
            return unsafe { FALLBACK.realloc(ptr, layout, new_size) };
        }
        if let Some((_, size)) = class(layout.size())
            && let Some((_, new)) = class(new_size)
        {
            if new == size {
                return ptr;
            }
            let p = ptr as usize;
            // A small block on the top of the thread's chunk grows or shrinks there; a big one
            // where the region's free part begins, there (a block stays small or big: only a
            // big one is ever outside a chunk).
            let in_place = if size <= BIG && new <= BIG {
                self.local(|l| {
                    let fits = p + size == l.top.get() && p + new <= l.limit.get();
                    if fits {
                        l.top.set(p + new);
                    }
                    fits
                })
                .unwrap_or(false)
            } else {
                size > BIG
                    && new > BIG
                    && self.state.load(Relaxed) == OPEN
                    && p + new <= self.end.load(Relaxed)
                    && self
                        .next
                        .compare_exchange(p + size, p + new, Relaxed, Relaxed)
                        .is_ok()
            };
            if in_place {
                return ptr;
            }
        }
        // SAFETY: `new_size` with the old alignment is a valid layout (the caller's promise).
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        // SAFETY: a fresh block of `new_size`, then the old one's bytes copied and freed.
        unsafe {
            let q = self.alloc(new_layout);
            if !q.is_null() {
                std::ptr::copy_nonoverlapping(ptr, q, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            q
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_hold_their_sizes() {
        for size in 1..=LARGEST {
            let (k, s) = class(size).unwrap();
            assert!(
                s >= size && s % ALIGN == 0 && k < CLASSES && s - size <= size / 4 + ALIGN,
                "{size}: {k} {s}"
            );
            if size > 1 {
                let (k0, s0) = class(size - 1).unwrap();
                assert!(k0 <= k && s0 <= s);
                assert_eq!(k0 == k, s0 == s);
            }
        }
        assert_eq!(class(16), Some((0, 16)));
        assert_eq!(class(1024), Some((63, 1024)));
        assert_eq!(class(1025), Some((64, 1280)));
        assert_eq!(class(2048), Some((67, 2048)));
        assert_eq!(class(2049), Some((68, 2560)));
        assert_eq!(class(LARGEST), Some((CLASSES - 1, LARGEST)));
        assert_eq!(class(LARGEST + 1), None);
    }

    /// Blocks of many sizes, freed and grown in a mixed order on two threads, never overlap
    /// and keep their bytes (each block is filled with its own number and checked).
    #[test]
    fn blocks_never_overlap_and_keep_their_bytes() {
        let arena: &'static Arena = Box::leak(Box::new(Arena::new()));
        arena.open();
        assert!(arena.end.load(Relaxed) > 0, "the region is reserved");
        let work = move |seed: u64| {
            let mut x = seed;
            let mut rand = move || {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x
            };
            let mut live: Vec<(usize, Layout, u8)> = Vec::new();
            for n in 0..20_000u32 {
                let r = rand();
                let size = match r % 10 {
                    0 => 1 + (r >> 8) as usize % 200_000,
                    1..=3 => 1 + (r >> 8) as usize % 4096,
                    _ => 1 + (r >> 8) as usize % 200,
                };
                let mark = (n % 251) as u8;
                match (r >> 40) % 4 {
                    0 if !live.is_empty() => {
                        let (p, l, m) = live.swap_remove((r >> 20) as usize % live.len());
                        let bytes = unsafe { std::slice::from_raw_parts(p as *const u8, l.size()) };
                        assert!(bytes.iter().all(|&b| b == m));
                        unsafe { arena.dealloc(p as *mut u8, l) };
                    }
                    1 if !live.is_empty() => {
                        let i = (r >> 20) as usize % live.len();
                        let (p, l, m) = live[i];
                        let q = unsafe { arena.realloc(p as *mut u8, l, size) };
                        assert!(!q.is_null());
                        let kept = unsafe { std::slice::from_raw_parts(q, l.size().min(size)) };
                        assert!(kept.iter().all(|&b| b == m), "realloc kept the bytes");
                        unsafe { std::ptr::write_bytes(q, mark, size) };
                        live[i] = (q as usize, Layout::from_size_align(size, 8).unwrap(), mark);
                    }
                    _ => {
                        let l = Layout::from_size_align(size, 1 << ((r >> 50) % 5)).unwrap();
                        let p = unsafe { arena.alloc(l) };
                        assert!(!p.is_null() && p as usize % l.align() == 0);
                        unsafe { std::ptr::write_bytes(p, mark, size) };
                        live.push((p as usize, l, mark));
                    }
                }
            }
            for (p, l, m) in live {
                let bytes = unsafe { std::slice::from_raw_parts(p as *const u8, l.size()) };
                assert!(bytes.iter().all(|&b| b == m), "no block was written over");
                unsafe { arena.dealloc(p as *mut u8, l) };
            }
        };
        let other = std::thread::spawn(move || work(0x9e37_79b9_7f4a_7c15));
        work(0x2545_f491_4f6c_dd1d);
        other.join().expect("the other thread's blocks kept too");
        // What the ended thread freed is this one's now: blocks drawn from it again are whole.
        let mut again = Vec::new();
        for n in 0..2_000usize {
            let l = Layout::from_size_align(1 + n * 37 % 3000, 8).unwrap();
            let p = unsafe { arena.alloc(l) };
            assert!(!p.is_null());
            unsafe { std::ptr::write_bytes(p, (n % 251) as u8, l.size()) };
            again.push((p, l, (n % 251) as u8));
        }
        for (p, l, m) in again {
            let bytes = unsafe { std::slice::from_raw_parts(p, l.size()) };
            assert!(bytes.iter().all(|&b| b == m), "no block given twice");
            unsafe { arena.dealloc(p, l) };
        }
        assert!(
            arena.next.load(Relaxed) > arena.start.load(Relaxed),
            "the region was used"
        );
    }

    /// The first allocation opens the region; once closed, new blocks come from mimalloc and
    /// the region's blocks are still freed and reallocated right.
    #[test]
    fn the_region_opens_at_first_use_and_closes() {
        let arena: &'static Arena = Box::leak(Box::new(Arena::new()));
        let l = Layout::from_size_align(100, 8).unwrap();
        let a = unsafe { arena.alloc(l) };
        assert!(arena.holds(a), "the first block is the region's");
        unsafe { std::ptr::write_bytes(a, 7, 100) };
        arena.close();
        let b = unsafe { arena.alloc(l) };
        assert!(!b.is_null() && !arena.holds(b), "after closing, mimalloc's");
        // Beyond what the thread's chunk holds (growing in place there is no new block).
        let a2 = unsafe { arena.realloc(a, l, 2 * CHUNK) };
        assert!(!arena.holds(a2), "grown out of the closed region");
        let kept = unsafe { std::slice::from_raw_parts(a2, 100) };
        assert!(kept.iter().all(|&x| x == 7));
        let big = Layout::from_size_align(2 * CHUNK, 8).unwrap();
        unsafe {
            arena.dealloc(a2, big);
            arena.dealloc(b, l);
        }
    }
}
