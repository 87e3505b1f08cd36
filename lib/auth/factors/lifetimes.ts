// How long the steps of setting up a factor wait, in a module of its own: the purge (which
// npm start's server process runs) reads it without loading the factors' services.

/** How long a TOTP setup waits for its first code. */
export const SETUP_TTL_MS = 10 * 60 * 1000;
