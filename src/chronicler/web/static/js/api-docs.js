// The API's documentation from its own OpenAPI document, by Swagger UI served from the package.
// Its "Try it out" calls this server with the browser's own session, as the pages do.
window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
