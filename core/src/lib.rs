//! driftgate-core: pure analysis. No I/O, no async, no threads.
