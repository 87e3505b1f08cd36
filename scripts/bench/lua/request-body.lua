-- Prepended by wrk.mjs when a load sends a body: wrk's command line has flags for
-- headers but none for the method or the body. The values come from the environment
-- so that one script serves every target (each has its own seeded user).
wrk.method = os.getenv("BENCH_METHOD") or "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
