/**
 * HTML fragments between services (docs/spec/platform.md section 3): the signed internal endpoint, providers, and the cached,
 * concurrent, time-bounded client. The wire format and HMAC are described in this folder's README.md.
 */
package coop.roseash.shared.fragments;
