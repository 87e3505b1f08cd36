import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/openapi.json/route";
import { OPERATIONS } from "@/lib/api/operations";
import { ERROR_CODES } from "@/lib/http/problem";
import { getOpenApiDocument } from "@/lib/openapi/document";
import { TOKEN_SECURITY, toOpenApiPath } from "@/lib/openapi/operation";
import type { OpenApiDocument, OperationObject, ResponseObject } from "@/lib/openapi/types";
import { apiRequest, ORIGIN } from "../helpers/http";

function operationsOf(document: OpenApiDocument): Array<[string, OperationObject]> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation] as [string, OperationObject]),
  );
}

const specs = OPERATIONS.map((spec) => ({ name: `${spec.method} ${spec.path}`, spec }));

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(await getOpenApiDocument()));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  // What the schema of OpenAPI 3.1 cannot express (OAS 3.1 §4.8.10.1 and §4.8.12.1).
  it("gives each operation a unique operationId and declares each path template's parameters", async () => {
    const operations = operationsOf(await getOpenApiDocument());
    const ids = operations.map(([, operation]) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [name, operation] of operations) {
      const templated = [...name.matchAll(/\{([^}]+)\}/g)].map(([, param]) => param);
      const declared = (operation.parameters ?? []).flatMap((p) => ("in" in p && p.in === "path" ? [p.name] : []));
      expect(declared, name).toEqual(templated);
    }
  });

  it("lists every error code that lib/http can answer with", async () => {
    const { schemas } = (await getOpenApiDocument()).components;
    const code = (schemas.Problem?.properties?.code ?? {}) as { enum?: string[] };
    expect(code.enum).toEqual(Object.keys(ERROR_CODES));
  });

  it("points every $ref at a component that exists", async () => {
    const document = await getOpenApiDocument();
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    const missing = refs
      .map((ref) => ref.slice('"$ref":"#/'.length, -1).split("/"))
      .filter((segments) => segments.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document) === undefined);
    expect(refs.length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it("asks for a token exactly where middleware does, by Bearer header or access_token cookie", async () => {
    const document = await getOpenApiDocument();
    expect(Object.keys(document.components.securitySchemes)).toEqual(
      expect.arrayContaining(["bearerAuth", "accessTokenCookie"]),
    );
    for (const { method, path, access } of OPERATIONS) {
      const operation = document.paths[toOpenApiPath(path)]?.[method.toLowerCase() as "get"];
      if (access !== "public") expect(operation?.security, `${method} ${path}`).toEqual(TOKEN_SECURITY);
      // Public: no requirement at all, or `{}` among the alternatives (a credential is optional).
      else expect(operation?.security.every((r) => Object.keys(r).length > 0) && operation.security.length > 0, `${method} ${path}`).toBe(false);
    }
  });

  it("accepts JSON everywhere and form-encoded bodies at signup and login only", async () => {
    const document = await getOpenApiDocument();
    const withForm = operationsOf(document)
      .filter(([, operation]) => operation.requestBody?.content["application/x-www-form-urlencoded"])
      .map(([name]) => name);
    expect(withForm.sort()).toEqual(["POST /api/auth/login", "POST /api/auth/signup"]);
    for (const [name, operation] of operationsOf(document)) {
      if (operation.requestBody) expect(operation.requestBody.content["application/json"], name).toBeDefined();
    }
  });

  it("names the headers the README's API section promises: WWW-Authenticate, Retry-After, ETag, Location and If-Match", async () => {
    const document = await getOpenApiDocument();
    const headerOf = (operation: OperationObject | undefined, status: string) =>
      Object.keys((operation?.responses[status] as ResponseObject | undefined)?.headers ?? {});
    // Which operations answer a status, and which of those name the header with it: the
    // lists must be equal, and must hold the operations known to answer it, so that a
    // document without the status at all cannot pass.
    const answering = (status: string, header: string) => {
      const all = operationsOf(document).filter(([, operation]) => operation.responses[status]);
      const named = all.filter(([, operation]) => headerOf(operation, status).includes(header));
      return { all: all.map(([name]) => name), named: named.map(([name]) => name) };
    };
    const needingToken = OPERATIONS.filter(({ access }) => access !== "public").map(({ method, path }) => `${method} ${toOpenApiPath(path)}`);
    const unauthorized = answering("401", "WWW-Authenticate");
    expect(unauthorized.all).toEqual(expect.arrayContaining([...needingToken, "POST /api/auth/login", "POST /api/auth/refresh"]));
    expect(unauthorized.named).toEqual(unauthorized.all);
    const limited = answering("429", "Retry-After");
    expect(limited.all).toEqual(expect.arrayContaining(["POST /api/auth/login", "POST /api/auth/signup", "POST /api/auth/password/forgot"]));
    expect(limited.named).toEqual(limited.all);
    const unavailable = answering("503", "Retry-After");
    expect(unavailable.all).toEqual(expect.arrayContaining(["GET /api/health", "GET /api/items", "POST /api/auth/login"]));
    expect(unavailable.named).toEqual(unavailable.all);
    const items = document.paths["/api/items"];
    const item = document.paths["/api/items/{id}"];
    expect(headerOf(items?.post, "201")).toEqual(expect.arrayContaining(["Location", "ETag"]));
    expect(headerOf(item?.get, "200")).toContain("ETag");
    expect(item?.patch?.parameters).toContainEqual({ $ref: "#/components/parameters/IfMatch" });
    expect(document.paths["/api/auth/login"]?.post?.responses["429"]).toBeDefined();
  });

  it("documents the query parameters of the lists", async () => {
    const document = await getOpenApiDocument();
    const names = (path: string) =>
      (document.paths[path]?.get?.parameters ?? []).map((p) => ("name" in p ? `${p.in}:${p.name}` : p.$ref));
    expect(names("/api/items")).toEqual(["query:limit", "query:cursor", "query:q", "query:sort"]);
    expect(names("/api/users")).toEqual(["query:limit", "query:cursor", "query:q"]);
    expect(names("/api/audit")).toEqual(["query:user", "query:type", "query:limit", "query:cursor"]);
    expect(names("/api/auth/activity")).toEqual(["query:limit", "query:cursor"]);
    expect(names("/api/auth/sessions")).toEqual(["query:include"]);
    expect(names("/api/items/{id}")).toEqual(["path:id", "#/components/parameters/IfNoneMatch"]);
  });

  it.each(specs.filter(({ spec }) => spec.body))("gives $name a request example that its own schema accepts", ({ spec }) => {
    expect(spec.body?.schema.safeParse(spec.body.example).error).toBeUndefined();
  });

  it.each(specs.filter(({ spec }) => spec.success.schema && spec.success.example !== undefined))(
    "gives $name a response example of the documented shape",
    ({ spec }) => {
      expect(spec.success.schema?.safeParse(spec.success.example).error).toBeUndefined();
    },
  );

  it("is built once per process, and served with the origin it was fetched from", async () => {
    expect(await getOpenApiDocument()).toBe(await getOpenApiDocument());
    const response = await GET(apiRequest("/api/openapi.json"), undefined);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    // One copy per Host and scheme in any shared cache: the `servers` entry names them.
    expect(response.headers.get("vary")).toBe("Host, X-Forwarded-Proto");
    const body = (await response.json()) as OpenApiDocument;
    expect(body.openapi).toBe("3.1.1");
    expect(body.servers).toEqual([{ url: ORIGIN, description: "This server" }]);
    expect((await getOpenApiDocument()).servers).toEqual([{ url: "/", description: expect.any(String) }]);
  });
});
