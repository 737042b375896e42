//! A size-class allocator for a single-threaded wasm module that makes few,
//! small allocations (the JS API's objects, wasm-bindgen's externref table).
//!
//! Each request is rounded up to a power of two (at least 8 bytes) and served
//! from that size's free list, or else cut from the end of the heap, aligned to
//! its size. A freed block goes back to its size's list: alloc and free are
//! O(1), blocks are never split or merged, and at most half of one is unused.
//! Memory is never given back to the host (dlmalloc does not either).
//!
//! Why not Rust's default, dlmalloc? Size: it is about 7 KB of wasm. And when
//! an allocation fails, Rust's `handle_alloc_error` formats a message, which
//! links the whole panic and formatting machinery (about 8 KB more). Here an
//! allocation never fails: when the host has no memory left, it traps, which
//! is where Rust's handler ends too. Because `alloc` visibly never answers
//! null, the compiler drops every call to `handle_alloc_error`.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::ptr::{self, NonNull};

/// The wasm page size.
const PAGE: usize = 65536;
/// The smallest block: a free block holds the address of the next one.
const MIN_BLOCK: usize = 8;
/// Blocks are 2^3 ..= 2^30 bytes.
const MAX_CLASS: usize = 30;

/// Where the heap grows.
pub trait Memory {
    /// Adds `pages` pages; answers the address of the first, or `None`.
    fn grow(&self, pages: usize) -> Option<usize>;
}

/// The module's own linear memory.
#[cfg(target_arch = "wasm32")]
pub struct WasmMemory;

#[cfg(target_arch = "wasm32")]
impl Memory for WasmMemory {
    fn grow(&self, pages: usize) -> Option<usize> {
        let previous = core::arch::wasm32::memory_grow(0, pages);
        if previous == usize::MAX {
            None
        } else {
            previous.checked_mul(PAGE)
        }
    }
}

/// The allocator: one free list per block size, and the rest of the heap.
pub struct SizeClasses<M> {
    /// By class `c` (blocks of 2^c bytes), the first free block, or 0.
    free: [Cell<usize>; MAX_CLASS + 1],
    /// The part of the heap not cut into blocks yet: `next..end`.
    next: Cell<usize>,
    end: Cell<usize>,
    memory: M,
}

#[cfg(all(target_arch = "wasm32", target_feature = "atomics"))]
compile_error!("SizeClasses is for a single-threaded wasm module");

// SAFETY: without the `atomics` feature a wasm module has one thread, so the
// cells are never used from two threads (the global allocator must be Sync).
#[cfg(target_arch = "wasm32")]
unsafe impl<M> Sync for SizeClasses<M> {}

impl<M: Memory> SizeClasses<M> {
    pub const fn new(memory: M) -> Self {
        SizeClasses { free: [const { Cell::new(0) }; MAX_CLASS + 1], next: Cell::new(0), end: Cell::new(0), memory }
    }

    /// A block for `layout`; never null (see the module's comment).
    fn block(&self, layout: Layout) -> NonNull<u8> {
        let (list, size) = self.class_of(layout);
        if let Some(block) = NonNull::new(ptr::with_exposed_provenance_mut::<u8>(list.get())) {
            // SAFETY: a block on a free list is unused, and holds the next one's address.
            list.set(unsafe { block.cast::<usize>().read() });
            return block;
        }
        let start = match self.fit(size) {
            Some(start) => start,
            None => {
                self.grow(size);
                self.fit(size).unwrap_or_else(|| out_of_memory())
            }
        };
        self.next.set(start + size);
        NonNull::new(ptr::with_exposed_provenance_mut(start)).unwrap_or_else(|| out_of_memory())
    }

    /// Where a block of `size` bytes, aligned to its size, would start in the
    /// rest of the heap, if it fits there.
    fn fit(&self, size: usize) -> Option<usize> {
        let start = self.next.get().checked_next_multiple_of(size)?;
        (start.checked_add(size)? <= self.end.get()).then_some(start)
    }

    /// Grows the heap by enough for a block of `size` bytes aligned to its size.
    fn grow(&self, size: usize) {
        let pages = (size.max(PAGE) * 2 - PAGE) / PAGE;
        let Some(base) = self.memory.grow(pages) else { out_of_memory() };
        if base != self.end.get() {
            // Someone else grew the memory in between: the old rest stays unused.
            self.next.set(base);
        }
        self.end.set(base.checked_add(pages * PAGE).unwrap_or_else(|| out_of_memory()));
    }

    /// The free list and the block size for `layout`: the smallest power of
    /// two that holds its size and its alignment.
    fn class_of(&self, layout: Layout) -> (&Cell<usize>, usize) {
        let size = layout.size().max(layout.align()).max(MIN_BLOCK).checked_next_power_of_two();
        match size.and_then(|size| Some((self.free.get(size.trailing_zeros() as usize)?, size))) {
            Some(class) => class,
            None => out_of_memory(),
        }
    }
}

// SAFETY: a block is handed out once until it is freed, is at least as large
// as asked and aligned to its own size, which is at least the alignment asked.
unsafe impl<M: Memory> GlobalAlloc for SizeClasses<M> {
    // Inlined so that callers see `block`'s non-null result (module comment).
    #[inline(always)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.block(layout).as_ptr()
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let (list, _) = self.class_of(layout);
        // SAFETY: `block` came from `alloc` with this layout, so it is at least
        // 8 bytes, aligned, and the caller no longer uses it.
        unsafe { block.cast::<usize>().write(list.get()) };
        list.set(block.expose_provenance());
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees that `new_size`, rounded up to the alignment, fits an isize.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if self.class_of(new_layout).1 == self.class_of(layout).1 {
            return block; // the block already holds the new size
        }
        let new_block = self.block(new_layout).as_ptr();
        // SAFETY: both blocks hold the bytes copied, and are distinct.
        unsafe {
            ptr::copy_nonoverlapping(block, new_block, layout.size().min(new_size));
            self.dealloc(block, layout);
        }
        new_block
    }
}

/// Traps: what Rust's own handler ends in, without formatting a message first.
fn out_of_memory() -> ! {
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
    #[cfg(not(target_arch = "wasm32"))]
    std::process::abort();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages from a buffer of `limit` pages, handed out in order.
    struct TestMemory {
        base: usize,
        used: Cell<usize>,
        limit: usize,
    }

    impl TestMemory {
        fn new(limit: usize) -> Self {
            let buffer = Box::leak(vec![0u8; (limit + 1) * PAGE].into_boxed_slice());
            let base = buffer.as_mut_ptr().expose_provenance().next_multiple_of(PAGE);
            TestMemory { base, used: Cell::new(0), limit }
        }
    }

    impl Memory for TestMemory {
        fn grow(&self, pages: usize) -> Option<usize> {
            let used = self.used.get();
            if used + pages > self.limit {
                return None;
            }
            self.used.set(used + pages);
            Some(self.base + used * PAGE)
        }
    }

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn blocks_are_aligned_disjoint_and_hold_their_bytes() {
        let heap = SizeClasses::new(TestMemory::new(64));
        let mut blocks = Vec::new();
        for (i, size) in [1, 7, 8, 9, 24, 40, 100, 4096, 5000, 70_000, 3, 16, 300_000].into_iter().enumerate() {
            let align = [1, 2, 4, 8, 16, 64][i % 6];
            let block = unsafe { heap.alloc(layout(size, align)) };
            assert_eq!(block.addr() % align, 0, "size {size} align {align}");
            unsafe { block.write_bytes(i as u8, size) };
            blocks.push((block, size, i as u8));
        }
        let mut ranges: Vec<_> = blocks.iter().map(|&(b, size, _)| (b.addr(), b.addr() + size)).collect();
        ranges.sort();
        assert!(ranges.windows(2).all(|w| w[0].1 <= w[1].0), "overlap in {ranges:?}");
        for (block, size, byte) in blocks {
            assert!(unsafe { std::slice::from_raw_parts(block, size) }.iter().all(|&b| b == byte));
        }
    }

    #[test]
    fn a_freed_block_serves_the_next_request_of_its_size() {
        let heap = SizeClasses::new(TestMemory::new(4));
        let a = unsafe { heap.alloc(layout(24, 4)) };
        let b = unsafe { heap.alloc(layout(24, 4)) };
        unsafe { heap.dealloc(a, layout(24, 4)) };
        assert_eq!(unsafe { heap.alloc(layout(32, 8)) }, a, "same size class");
        let c = unsafe { heap.alloc(layout(24, 4)) };
        assert!(c != a && c != b);
        assert_eq!(heap.memory.used.get(), 1, "one page serves small blocks");
    }

    #[test]
    fn realloc_stays_in_place_within_a_class_and_copies_across() {
        let heap = SizeClasses::new(TestMemory::new(4));
        let old = layout(20, 4);
        let block = unsafe { heap.alloc(old) };
        unsafe { block.copy_from([1u8, 2, 3, 4, 5].as_ptr(), 5) };
        assert_eq!(unsafe { heap.realloc(block, old, 32) }, block);
        let moved = unsafe { heap.realloc(block, old, 33) };
        assert_ne!(moved, block);
        assert_eq!(unsafe { std::slice::from_raw_parts(moved, 5) }, [1, 2, 3, 4, 5]);
        assert_eq!(unsafe { heap.alloc(layout(17, 1)) }, block, "the old block was freed");
    }

    #[test]
    fn the_heap_grows_in_place_and_skips_pages_grown_by_others() {
        let heap = SizeClasses::new(TestMemory::new(8));
        let first = unsafe { heap.alloc(layout(8, 8)) };
        let second = unsafe { heap.alloc(layout(PAGE, 8)) };
        assert_eq!(second.addr(), first.addr() + PAGE, "the next page, aligned to its size");
        heap.memory.used.set(heap.memory.used.get() + 1); // another user of the memory
        let third = unsafe { heap.alloc(layout(PAGE, 8)) };
        assert_eq!(third.addr(), first.addr() + 3 * PAGE);
    }
}
