// Request bodies: the operation's schema bent every way (see values.ts), sent as JSON,
// as a form, or under a media type it does not accept; and bodies that are not JSON at
// all, too large, or not even UTF-8.
import fc from "fast-check";
import type { JsonSchema, Operation } from "./document";
import type { Plan, State } from "./requests";
import { anyJson, bodyValue } from "./values";

// Stand-ins for the live account's secrets, so that some requests carry the right
// password or refresh token; replaced when the request is sent.
const LIVE = { "⟦password⟧": "password", "⟦email⟧": "email", "⟦refresh⟧": "refreshToken" } as const;
const known = fc.constantFrom(...(Object.keys(LIVE) as (keyof typeof LIVE)[]));

function withLive(value: unknown, state: State, depth = 0): unknown {
  if (typeof value === "string") return value in LIVE ? state.live[LIVE[value as keyof typeof LIVE]] : value;
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => withLive(v, state, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withLive(v, state, depth + 1)]));
}

const MALFORMED = [
  "{", "}", "[", '{"a":', '{"email":"a"', "{'email':'a'}", '{"a":1,}', "nul", "NaN", "undefined", "\ufeff{}", " ", "\u0000",
  '{"a":1}{"b":2}', '{"a":"\\x41"}', '{"a":"\\ud800"}', '{"price":01}', "[".repeat(10_000), '{"a":'.repeat(2_000),
];
const LITERALS = ["1e400", "-1e400", "123456789012345678901234567890", "1.00000000000000000001", "-0", "0e0", "1E2", '"\\u0000"', "[1e400]"];
const MEDIA_TYPES = [
  "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
  "application/merge-patch+json", "APPLICATION/JSON", "application/json; charset=latin1", "application/json;;;", "*/*", "",
];

const mediaType = (operation: Operation | null) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...(operation?.body?.mediaTypes ?? ["application/json"])) },
    { weight: 3, arbitrary: fc.constantFrom<string | null>(...MEDIA_TYPES, null) },
  );

type Body = NonNullable<Plan["body"]>;

const form = (value: unknown): string => {
  if (!value || typeof value !== "object" || Array.isArray(value)) return String(value);
  return new URLSearchParams(Object.entries(value).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v) ?? ""])).toString();
};

function encoded(value: unknown, contentType: string | null, state: State): string {
  const live = withLive(value, state);
  return contentType === "application/x-www-form-urlencoded" ? form(live) : (JSON.stringify(live) ?? "null");
}

export function body(operation: Operation | null): fc.Arbitrary<Body | null> {
  const schema: JsonSchema = operation?.body?.schema ?? { type: "object", properties: {} };
  const names = Object.keys(schema.properties ?? {});
  const field = names.length > 0 ? fc.constantFrom(...names) : fc.constant("a");
  const shaped = fc.tuple(bodyValue(schema, known), mediaType(operation)).map(
    ([value, contentType]): Body => ({ label: "from the schema", contentType, make: (s) => encoded(value, contentType, s) }),
  );
  const raw = (label: string, text: fc.Arbitrary<string>) =>
    fc.tuple(text, mediaType(operation)).map(([t, contentType]): Body => ({ label, contentType, make: () => t }));
  const bodies = fc.oneof(
    { weight: 8, arbitrary: shaped },
    { weight: 2, arbitrary: raw("malformed JSON", fc.constantFrom(...MALFORMED)) },
    { weight: 1, arbitrary: raw("number literal", fc.tuple(field, fc.constantFrom(...LITERALS)).map(([f, l]) => `{"${f}":${l}}`)) },
    { weight: 1, arbitrary: raw("__proto__", fc.constant('{"__proto__":{"role":"admin"},"constructor":{"prototype":{}}}')) },
    { weight: 1, arbitrary: raw("over 16 KiB", fc.tuple(field, fc.constantFrom(16_400, 40_000)).map(([f, n]) => JSON.stringify({ [f]: "x".repeat(n) }))) },
    { weight: 1, arbitrary: raw("any JSON", anyJson.map((v) => JSON.stringify(v) ?? "null")) },
    {
      weight: 1,
      arbitrary: fc.constant<Body>({
        label: "not UTF-8",
        contentType: "application/json",
        make: () => new Uint8Array([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x22, 0x7d]),
      }),
    },
    { weight: 1, arbitrary: raw("empty", fc.constant("")) },
  );
  // Bodies go where the document has one, and now and then where it has none.
  return operation?.body ? fc.oneof({ weight: 9, arbitrary: bodies }, { weight: 1, arbitrary: fc.constant(null) }) : fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: bodies });
}
