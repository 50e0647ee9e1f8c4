// Debian's Chromium for the build's page drawing, the benchmarks and the browser tests:
// where it is, the flags it runs with, and the phone viewport every measurement uses.
import { existsSync } from "node:fs";

/** A 390×844 phone, the viewport the app is designed and measured for. */
export const PHONE = { width: 390, height: 844 };

/** Flags for a quiet, headless, reproducible Chromium (no background traffic, no QUIC). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/** The Chromium to run: `CHROMIUM_PATH`, or Debian's package. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error("Chromium not found: install Debian's chromium package");
  return found;
}
