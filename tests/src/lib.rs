//! Shared helpers for driftgate cross-host and end-to-end tests.
