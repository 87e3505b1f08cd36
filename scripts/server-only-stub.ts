// `server-only` for code run by plain Node (npm start's dist/server.js, the tsx scripts,
// Vitest): there is no client bundle there for it to guard, and the package itself throws
// outside the bundler's react-server condition. Next's own bundles resolve the real one.
export {};
