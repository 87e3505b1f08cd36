// The few OpenAPI 3.1 object shapes this document uses (OAS 3.1 §4.8), typed just
// enough to catch a misspelt key; the validator in the tests checks the rest.
import type { SecurityRequirement } from "@/lib/api/operation";
import type { JsonSchema } from "@/lib/openapi/json-schema";

export type Reference = { $ref: string };

export type Example = { summary?: string; description?: string; value: unknown };

export type MediaType = { schema: JsonSchema; example?: unknown; examples?: Record<string, Example> };

export type Header = { description: string; required?: boolean; schema: JsonSchema };

export type Parameter = {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  description?: string;
  required?: boolean;
  schema: JsonSchema;
  example?: unknown;
};

export type ResponseObject = {
  description: string;
  headers?: Record<string, Header | Reference>;
  content?: Record<string, MediaType>;
};

export type RequestBody = { description?: string; required: boolean; content: Record<string, MediaType> };

/** OAS 3.1 §4.8.10, the Operation Object: one method of one path, as the document writes it. */
/** A sensitive operation's mark (lib/api/operation.ts, `Sensitivity`). */
export type StepUpExtension = {
  aal2_when_second_factor: true;
  max_age: "REAUTH_MAX_AGE";
  /** The body field whose right current password counts as the recent proof. */
  password_counts?: string;
  challenge: string;
};

export type OperationObject = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: SecurityRequirement[];
  "x-step-up"?: StepUpExtension;
  parameters?: Array<Parameter | Reference>;
  requestBody?: RequestBody;
  responses: Record<string, ResponseObject | Reference>;
};

export type HttpMethod = "get" | "post" | "patch" | "delete";

export type SecurityScheme =
  | { type: "http"; scheme: "bearer"; bearerFormat?: string; description: string }
  | { type: "apiKey"; in: "cookie" | "header" | "query"; name: string; description: string };

export type OpenApiDocument = {
  openapi: "3.1.1";
  info: { title: string; version: string; summary?: string; description: string };
  servers: Array<{ url: string; description?: string }>;
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, Partial<Record<HttpMethod, OperationObject>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, SecurityScheme>;
    headers: Record<string, Header>;
    parameters: Record<string, Parameter>;
  };
};
