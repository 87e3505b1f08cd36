// Sample values shared by the document's examples, so that one operation's output reads
// as the next one's input.
export const EXAMPLE_USER = {
  id: "01936f8e-7c4a-7d3e-9b1a-2f4c5d6e7f80",
  email: "ada@example.com",
  name: "Ada Lovelace",
  role: "user",
  emailVerified: true,
  createdAt: "2025-01-15T09:30:00.000Z",
} as const;

// Shortened: real ones are a signed JWT and 43 base64url characters.
export const EXAMPLE_ACCESS_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMTkzNmY4ZSJ9.c2lnbmF0dXJl";
export const EXAMPLE_REFRESH_TOKEN = "q3XrV0sM1pZ8yB2nT5wK7cJ4hF6dL9gE0aR1uI3oP2s";

export const EXAMPLE_TOKENS = {
  access_token: EXAMPLE_ACCESS_TOKEN,
  token_type: "Bearer",
  expires_in: 900,
  refresh_token: EXAMPLE_REFRESH_TOKEN,
} as const;

export const EXAMPLE_CREDENTIALS = { email: EXAMPLE_USER.email, password: "correct horse battery" };

export const EXAMPLE_LINK_TOKEN = "Zx8vKp2qL5mN7rT0wY3bC6dF9gH1jA4sE2uI5oP8kQ0";

/** The second step's token a login answers for an account with a second factor. */
export const EXAMPLE_MFA_TOKEN = "Hq7Xk2vN9pL4sR1tW6yB3cF8gJ0mA5dE2uI7oP4kZ1c";
