//! An allocator that remembers a failed allocation.
//!
//! Rust aborts when an allocation fails, and in wasm an abort is an
//! `unreachable` trap: to JavaScript, running out of memory (the 4 GB a wasm
//! module can address, or less if the engine refuses to grow it) looked like a
//! bug in the engine. The wasm build wraps its allocator in [`NotingFailures`],
//! so that after a trap the binding can tell the two apart and say which it was.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The size of the last allocation that failed, 0 if none has.
static FAILED: AtomicUsize = AtomicUsize::new(0);

/// The size in bytes of the last allocation that failed (0: none has).
pub fn failed_allocation() -> usize {
    FAILED.load(Ordering::Relaxed)
}

/// `A`, noting the size of every allocation it cannot make.
pub struct NotingFailures<A>(pub A);

impl<A> NotingFailures<A> {
    fn noted(&self, p: *mut u8, size: usize) -> *mut u8 {
        if p.is_null() {
            FAILED.store(size.max(1), Ordering::Relaxed);
        }
        p
    }
}

// SAFETY: every call is passed on to `A` unchanged; only a null result is noted.
// Not inlined: with link-time optimization the allocator had been inlined into
// every allocating call, 14 KB more of the lean wasm.
unsafe impl<A: GlobalAlloc> GlobalAlloc for NotingFailures<A> {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.noted(unsafe { self.0.alloc(layout) }, layout.size())
    }

    #[inline(never)]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        self.noted(unsafe { self.0.alloc_zeroed(layout) }, layout.size())
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { self.0.dealloc(ptr, layout) }
    }

    #[inline(never)]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        self.noted(unsafe { self.0.realloc(ptr, layout, new_size) }, new_size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::System;

    /// Fails every allocation larger than 1 KB.
    struct Small;
    unsafe impl GlobalAlloc for Small {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            if layout.size() > 1024 {
                std::ptr::null_mut()
            } else {
                unsafe { System.alloc(layout) }
            }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    #[test]
    fn a_failed_allocation_is_noted_with_its_size_and_others_pass_through() {
        let a = NotingFailures(Small);
        let small = Layout::from_size_align(16, 8).unwrap();
        unsafe {
            let p = a.alloc(small);
            assert!(!p.is_null());
            p.write(7);
            let q = a.realloc(p, small, 64);
            assert!(!q.is_null() && q.read() == 7);
            assert_eq!(failed_allocation(), 0, "nothing failed yet");
            assert!(a
                .realloc(q, Layout::from_size_align(64, 8).unwrap(), 5000)
                .is_null());
            assert_eq!(failed_allocation(), 5000);
            assert!(a
                .alloc_zeroed(Layout::from_size_align(3000, 8).unwrap())
                .is_null());
            assert_eq!(failed_allocation(), 3000);
            a.dealloc(q, Layout::from_size_align(64, 8).unwrap());
        }
    }
}
