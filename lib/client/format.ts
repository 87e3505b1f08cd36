// How values read on screen. Prices arrive as exact decimal strings ("1234.5" or
// "1234.50") and are formatted as strings, never through a float.

/** "1234.5" → "1,234.50"; anything unexpected is shown as it came. */
export function formatPrice(price: string | number): string {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(price).trim());
  if (!match) return String(price);
  const [, sign = "", whole = "0", fraction = ""] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}.${fraction.padEnd(2, "0")}`;
}

/** The runtime's own time zone (the reader's, in a browser), or UTC. */
export type Zone = "local" | "UTC";

const zoned = (options: Intl.DateTimeFormatOptions) => ({
  local: new Intl.DateTimeFormat("en-GB", options),
  UTC: new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }),
});

const dateTime = zoned({ dateStyle: "medium", timeStyle: "short" });
const dateOnly = zoned({ dateStyle: "medium" });

export function formatDateTime(iso: string, zone: Zone = "local"): string {
  return dateTime[zone].format(new Date(iso));
}

export function formatDate(iso: string, zone: Zone = "local"): string {
  return dateOnly[zone].format(new Date(iso));
}

/**
 * A count with its noun in the right number: "1 item", "0 items", "3 people". English
 * plural rules (Intl.PluralRules), so every count on the pages reads the same way.
 */
export function countOf(count: number, one: string, other = `${one}s`): string {
  return `${count} ${englishPlurals.select(count) === "one" ? one : other}`;
}

const englishPlurals = new Intl.PluralRules("en");
