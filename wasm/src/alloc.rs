//! The global allocator of the WebAssembly build: size classes with free
//! lists in front of the default allocator (dlmalloc).
//!
//! A lint call makes and drops tens of thousands of small allocations
//! (tokens' strings, syntax trees, model names); dlmalloc's bookkeeping for
//! each was a tenth of the call's time. Blocks of up to 512 bytes come from
//! 32 free lists (16-byte classes), refilled from 64 KiB slabs taken from
//! dlmalloc, and go back to their list when freed; larger blocks go to
//! dlmalloc. Memory of the small classes is reused, never returned — the
//! high-water mark of one call. `wasm32-unknown-unknown` has no threads, so
//! no locking.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::ptr;

const GRANULE: usize = 16;
const CLASSES: usize = 32;
const SMALL: usize = GRANULE * CLASSES;
const SLAB: usize = 64 * 1024;

pub struct Classes {
    state: UnsafeCell<State>,
}

struct State {
    /// Head of each class's free list; a free block holds the next pointer.
    free: [*mut u8; CLASSES],
    /// The unused rest of the current slab.
    bump: *mut u8,
    end: *mut u8,
}

// SAFETY: the wasm32-unknown-unknown build is single-threaded.
unsafe impl Sync for Classes {}

impl Classes {
    pub const fn new() -> Self {
        Classes { state: UnsafeCell::new(State { free: [ptr::null_mut(); CLASSES], bump: ptr::null_mut(), end: ptr::null_mut() }) }
    }
}

impl Default for Classes {
    fn default() -> Self {
        Self::new()
    }
}

/// The class of a layout served from the free lists.
fn class(layout: Layout) -> Option<usize> {
    (layout.size() <= SMALL && layout.align() <= GRANULE).then(|| layout.size().saturating_sub(1) / GRANULE)
}

unsafe impl GlobalAlloc for Classes {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(c) = class(layout) else { return System.alloc(layout) };
        // SAFETY: single-threaded, and no call below re-enters this allocator's state.
        let s = &mut *self.state.get();
        let head = s.free[c];
        if !head.is_null() {
            s.free[c] = *(head as *mut *mut u8);
            return head;
        }
        let size = (c + 1) * GRANULE;
        if (s.end as usize) - (s.bump as usize) < size {
            let slab = System.alloc(Layout::from_size_align_unchecked(SLAB, GRANULE));
            if slab.is_null() {
                return slab;
            }
            // The rest of the old slab goes to the free lists, one block of its largest class.
            let rest = (s.end as usize) - (s.bump as usize);
            if rest >= GRANULE {
                let rc = rest / GRANULE - 1;
                *(s.bump as *mut *mut u8) = s.free[rc];
                s.free[rc] = s.bump;
            }
            s.bump = slab;
            s.end = slab.add(SLAB);
        }
        let p = s.bump;
        s.bump = p.add(size);
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        let Some(c) = class(layout) else { return System.dealloc(p, layout) };
        let s = &mut *self.state.get();
        *(p as *mut *mut u8) = s.free[c];
        s.free[c] = p;
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = Layout::from_size_align_unchecked(new_size, layout.align());
        match (class(layout), class(new)) {
            (Some(a), Some(b)) if a == b => p,
            (None, None) => System.realloc(p, layout, new_size),
            _ => {
                let q = self.alloc(new);
                if !q.is_null() {
                    ptr::copy_nonoverlapping(p, q, layout.size().min(new_size));
                    self.dealloc(p, layout);
                }
                q
            }
        }
    }
}
