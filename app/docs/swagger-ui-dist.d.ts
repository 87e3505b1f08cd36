// The part of Swagger UI's configuration this app uses
// (https://swagger.io/docs/open-source-tools/swagger-ui/usage/configuration/).
declare module "swagger-ui-dist/swagger-ui-es-bundle.js" {
  type SwaggerUIOptions = {
    domNode: HTMLElement;
    url: string;
    docExpansion?: "list" | "full" | "none";
    defaultModelsExpandDepth?: number;
    displayRequestDuration?: boolean;
    persistAuthorization?: boolean;
    validatorUrl?: string | null;
    onComplete?: () => void;
  };
  const SwaggerUI: (options: SwaggerUIOptions) => unknown;
  export default SwaggerUI;
}
