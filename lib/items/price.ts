// Prices as exact decimal strings. A price is read as text and checked digit by digit,
// never through float arithmetic, so "19.99" is stored as 19.99 and not 19.989999...
// Pure and dependency-free: the browser's forms run the same rules as the server.

/** The column is DECIMAL(10,2): eight digits before the point, two after. */
export const MAX_PRICE = "99999999.99";
const MAX_WHOLE_DIGITS = 8;
const MAX_DECIMALS = 2;

/** A price as the API answers it: digits, a point and exactly two decimals. */
export const PRICE_PATTERN = /^\d{1,8}\.\d{2}$/;

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export const PRICE_MESSAGES = {
  required: "Enter a price.",
  notNumber: "Enter the price as a number, like 12.50.",
  notFinite: "Enter a real number for the price.",
  negative: "The price cannot be negative.",
  tooLarge: "The price can be at most 99,999,999.99.",
  tooPrecise: "Use at most 2 decimal places (cents).",
} as const;

export type PriceResult = { ok: true; price: string } | { ok: false; message: string };

/**
 * Checks a price sent as a JSON number or a numeric string and gives it back as the
 * canonical two-decimal string ("7" -> "7.00", "007.5" -> "7.50").
 */
export function parsePrice(value: number | string): PriceResult {
  if (typeof value === "number") return parseNumber(value);
  const text = value.trim();
  if (text === "") return fail("required");
  if (text.startsWith("-") && DECIMAL.test(text.slice(1))) {
    return /^[0.]+$/.test(text.slice(1)) ? parseDigits(text.slice(1)) : fail("negative");
  }
  return parseDigits(text);
}

function parseNumber(value: number): PriceResult {
  if (!Number.isFinite(value)) return fail("notFinite");
  if (value < 0) return fail("negative");
  // String() of a JSON number is its shortest exact spelling: 0.1 -> "0.1". Only very
  // large or very small numbers come out in exponent form (1e21, 1e-7).
  const text = String(value);
  if (text.includes("e")) return fail(value >= 1 ? "tooLarge" : "tooPrecise");
  return parseDigits(text);
}

function parseDigits(text: string): PriceResult {
  const match = DECIMAL.exec(text);
  if (!match) return fail("notNumber");
  const whole = (match[1] ?? "").replace(/^0+(?=\d)/, "");
  const fraction = match[2] ?? "";
  if (fraction.length > MAX_DECIMALS) return fail("tooPrecise");
  if (whole.length > MAX_WHOLE_DIGITS) return fail("tooLarge");
  return { ok: true, price: `${whole}.${fraction.padEnd(MAX_DECIMALS, "0")}` };
}

function fail(reason: keyof typeof PRICE_MESSAGES): PriceResult {
  return { ok: false, message: PRICE_MESSAGES[reason] };
}
