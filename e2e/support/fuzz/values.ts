// The values the fuzzer puts in bodies, queries and ids: some that a schema accepts, and
// many that a careless server chokes on (NUL and control characters, lone surrogates,
// long and odd Unicode, numbers past every range, wrong types, broken percent-escapes).
import fc from "fast-check";
import type { JsonSchema } from "./document";

const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));

const ODD_STRINGS = [
  "", " ", "\u0000", "a\u0000b", "\t\r\n", "\u007f", "\ud800", "\udfff", "x\udbff", "\ufeff", "\uffff", "\u202e",
  "\u200b\u200d", "e\u0301\u0301\u0301", "👩‍👩‍👧‍👦", "𝕳𝖊𝖑𝖑𝖔", "١٢٫٥٠", "１２", "ß", "İ", "%ff", "%E0%A4%A", "%", "%00",
  "1e309", "-1e309", "NaN", "Infinity", "-0", "0x10", "1_000", "12.345", " 12.50 ", "99999999.995", "100000000",
  "99999999999999999999999999", "' OR 1=1 --", "\"; DROP TABLE users; --", "__proto__", "constructor", "null",
  "<script>alert(1)</script>", "../../etc/passwd", "a@b", "@example.com", "x@localhost", "ADA@EXAMPLE.COM ",
];

const longString = fc
  .record({ unit: fc.constantFrom("x", "é", "👍", "\u0000", "%", " "), length: fc.constantFrom(73, 101, 255, 1001, 5000, 17000) })
  .map(({ unit, length }) => unit.repeat(length));

/** Any string: plain, odd, control characters, every kind of Unicode, long. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ODD_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: controlChar, maxLength: 10 }),
  longString,
);

/** Numbers at and past every edge: huge, tiny, negative zero, unsafe integers, floats. */
export const oddNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.1 + 0.2, 12.345, 99999999.99, 99999999.995, 100000000, 1e308, -1e308, 5e-324),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, 2 ** 31, 2 ** 63, 101),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const deep = fc.integer({ min: 20, max: 3000 }).map((n) => {
  let value: unknown = "bottom";
  for (let i = 0; i < n; i++) value = i % 2 ? [value] : { a: value };
  return value;
});

/** A JSON value of any type, the wrong one for most fields. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  oddNumber,
  fc.constantFrom(true, false, null, [], {}),
  fc.array(oddString, { maxLength: 3 }),
  fc.dictionary(oddString, oddString, { maxKeys: 3 }),
  deep,
);

const email = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom("ada@example.com", "admin@example.com", "ADA@Example.COM", " ada@example.com "),
  oddString.map((s) => `${s}@example.com`),
);

/** A value that the schema accepts (or nearly: the server may still refuse it). */
export function validValue(schema: JsonSchema, known: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => validValue(s, known)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ["string"];
  return fc.oneof(...types.map((type) => valueOfType(type, schema, known)));
}

function valueOfType(type: string, schema: JsonSchema, known: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case "number":
      return fc.oneof(fc.integer({ min: 0, max: 99999999 }), fc.double({ min: 0, max: 1e8, noNaN: true }));
    case "object":
      return objectOf(schema, known);
    case "array":
      return fc.constant([]);
    default:
      if (schema.format === "email") return email;
      return fc.oneof(
        known,
        fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 80, 80) }),
        ...(schema.examples ?? []).map((example) => fc.constant(example)),
        // Prices are numbers or numeric strings: give numeric strings a fair share.
        fc.double({ min: 0, max: 1e8, noNaN: true }).map((n) => n.toFixed(2)),
      );
  }
}

function objectOf(schema: JsonSchema, known: fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const fields = Object.fromEntries(Object.entries(properties).map(([name, inner]) => [name, validValue(inner, known)]));
  return fc.record(fields, { requiredKeys: schema.required ?? [] }) as fc.Arbitrary<Record<string, unknown>>;
}

/** An object body built from the schema, then bent: a field missing, one of a wrong type, one too many. */
export function bodyValue(schema: JsonSchema, known: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const valid = validValue(schema, known);
  const names = Object.keys(schema.properties ?? {});
  const name = names.length > 0 ? fc.constantFrom(...names) : oddString;
  const asObject = (value: unknown): Record<string, unknown> =>
    value && typeof value === "object" && !Array.isArray(value) ? { ...value } : {};
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 2, arbitrary: fc.tuple(valid, name, anyJson).map(([v, n, bad]) => ({ ...asObject(v), [n]: bad })) },
    { weight: 1, arbitrary: fc.tuple(valid, name).map(([v, n]) => { const o = asObject(v); delete o[n]; return o; }) },
    { weight: 1, arbitrary: fc.tuple(valid, oddString, anyJson).map(([v, n, extra]) => ({ ...asObject(v), [n]: extra })) },
    { weight: 1, arbitrary: anyJson },
  );
}
